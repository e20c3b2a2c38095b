"""Placement of blocks in panels, and wrapping: what the reader will draw, without a screen."""

from __future__ import annotations

import pytest

from reader.cells import cells
from reader.model import Actor, Article, Block, ClassifiedArticle, Verdict
from reader.viewmodel.layout import (
    OTHER,
    build_layout,
    display_text,
    line_slices,
    wrap_starts,
)

ACTORS = (
    Actor("nato", "NATO", "#3b82f6", "N"),
    Actor("russia", "Russia", "#ef4444", "R"),
    Actor("ukraine", "Ukraine", "#eab308", "U"),
)


def classified(*labels: tuple[str, ...]) -> ClassifiedArticle:
    blocks = tuple(Block(i, "paragraph", f"block {i}", i + 1) for i in range(len(labels)))
    verdicts = tuple(Verdict(labels=ls, primary=ls[0] if ls else None) for ls in labels)
    return ClassifiedArticle(Article("a.txt", None, blocks), ACTORS, verdicts)


def test_each_block_stands_in_every_panel_of_its_labels() -> None:
    layout = build_layout(classified(("nato",), ("russia", "nato"), ("ukraine",), ()))
    assert [c.label for c in layout.columns] == ["NATO", "Russia", "Ukraine"]
    assert layout.placement == ((0,), (0, 1), (2,), ())
    assert [c.blocks for c in layout.columns] == [(0, 1), (1,), (2,)]


def test_unlabelled_blocks_are_bands_until_the_other_column_is_shown() -> None:
    article = classified((), ("nato",), ())
    assert build_layout(article).placement == ((), (0,), ())
    assert build_layout(article).has_bands
    with_other = build_layout(article, show_other=True)
    assert with_other.columns[-1].id == OTHER
    assert with_other.columns[-1].label == "Other"
    assert with_other.placement == ((3,), (0,), (3,))
    assert not with_other.has_bands


def test_a_label_for_an_unconfigured_actor_counts_as_no_label() -> None:
    layout = build_layout(classified(("belarus",), ("belarus", "russia")))
    assert layout.placement == ((), (1,))


def test_blocks_not_yet_classified_are_unlabelled() -> None:
    article = classified(("nato",))
    longer = ClassifiedArticle(
        Article("a.txt", None, (*article.article.blocks, Block(1, "paragraph", "x", 2))),
        ACTORS,
        article.verdicts,
    )
    assert build_layout(longer).placement == ((0,), ())


def test_theme_colours_override_actor_colours_without_moving_blocks() -> None:
    article = classified(("nato",), ("russia",))
    layout = build_layout(article, colours={"nato": "#ffffff"})
    assert [c.colour for c in layout.columns] == ["#ffffff", "#ef4444", "#eab308"]
    assert layout.placement == build_layout(article).placement


def test_nearest_next_and_previous_block_of_a_panel() -> None:
    layout = build_layout(classified(("nato",), (), (), ("nato",), (), ("russia",), ("nato",)))
    assert layout.nearest(0, 1) == 0  # 0 and 3 are 1 and 2 away
    assert layout.nearest(0, 2) == 3
    assert layout.nearest(0, 4) == 3  # 3 is one away, 6 two
    assert layout.nearest(0, 6) == 6
    assert layout.nearest(2, 3) is None  # Ukraine has no block
    assert layout.next_in(0, 3) == 6
    assert layout.next_in(0, 6) is None
    assert layout.prev_in(0, 3) == 0
    assert layout.prev_in(0, 0) is None
    tie = build_layout(classified(("nato",), (), ("nato",)))
    assert tie.nearest(0, 1) == 0  # equally far: the earlier block


def lines(text: str, width: int) -> list[str]:
    return [text[a:b] for a, b in line_slices(text, wrap_starts(text, width))]


def test_wrapping_breaks_at_spaces_and_keeps_every_character() -> None:
    text = "NATO will not send troops to Ukraine as it could lead to a direct clash"
    wrapped = lines(text, 20)
    assert "".join(wrapped) == text
    assert all(len(line.rstrip()) <= 20 for line in wrapped)
    assert [line.rstrip() for line in wrapped] == [
        "NATO will not send",
        "troops to Ukraine as",
        "it could lead to a",
        "direct clash",
    ]


def test_a_word_longer_than_the_column_is_cut() -> None:
    assert lines("x" * 25, 10) == ["x" * 10, "x" * 10, "x" * 5]


def test_short_and_empty_text_take_one_line() -> None:
    assert wrap_starts("", 10) == (0,)
    assert wrap_starts("short", 10) == (0,)


@pytest.mark.parametrize("width", [5, 9, 13])
def test_wide_characters_are_wrapped_by_cells(width: int) -> None:
    text = "北约不会向乌克兰派兵 因为 这可能导致与俄罗斯直接冲突"
    wrapped = lines(text, width)
    assert "".join(wrapped) == text
    assert all(cells(line.rstrip()) <= width for line in wrapped)


def test_curly_quotes_and_cyrillic_are_one_cell_each() -> None:
    text = "«Москва» said “no” – again"
    assert cells(text) == len(text)


def test_display_text_keeps_offsets_and_shows_controls() -> None:
    raw = "line one\nline two \x1b[2J end\u202e"
    shown = display_text(raw)
    assert len(shown) == len(raw)
    assert "\x1b" not in shown and "\n" not in shown and "\u202e" not in shown
    assert shown.startswith("line one line two ␛[2J end")
    assert display_text("[bold]not markup[/bold]") == "[bold]not markup[/bold]"
