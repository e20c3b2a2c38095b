"""Reading, as issue 12 found it: text is never cropped, panels at SSH sizes, explain, G, structure.

Driven through Pilot like tests/ui/test_app.py, with a fixed label table for the classifier.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import pytest
from rich.segment import Segment
from rich.style import Style
from textual.widget import Widget

from reader.config import load_config
from reader.load import load
from reader.parse import parse
from reader.parse.markdown import parse_markdown
from reader.resources import bundled
from reader.ui.app import ReaderApp

from .helpers import labelled_by, ready, screen_text
from .test_app import CONFIG, WIDE, long_texts, make_app, status, type_search

SHY = "\u00ad"


async def test_soft_hyphens_and_emoji_never_crop_a_line() -> None:
    word = f"mi{SHY}nis{SHY}try"
    body = " ".join([word, "said", "\u26a0\ufe0f"] * 12)
    app = make_app((([("Headline", ()), (body, ("nato",))], "t.txt"),))
    for size in ((80, 24), (100, 30), (150, 40)):
        async with app.run_test(size=size) as pilot:
            await ready(pilot)
            shown = screen_text(app).replace("\u200b", "").replace(SHY, "")
            assert shown.count("ministry") == 12, size
            assert shown.count("said") == 12, size
        app = make_app((([("Headline", ()), (body, ("nato",))], "t.txt"),))


# --- keys as less and vim users expect (issue 12.7, 12.8) ----------------------------------


async def test_count_prefixes_repeat_motions_and_name_blocks() -> None:
    app = make_app(((long_texts(), "long.txt"),))
    async with app.run_test(size=(150, 24)) as pilot:
        await ready(pilot)
        await pilot.press("5", "j")
        assert app.view.block == 5
        await pilot.press("2", "k")
        assert app.view.block == 3
        await pilot.press("1", "2")
        assert "count 12" in status(app)
        await pilot.press("G")
        assert app.view.block == 11 and "count" not in status(app)
        await pilot.press("3", "g")
        assert app.view.block == 2
        await pilot.press("j")  # the count is spent: one block
        assert app.view.block == 3
        await pilot.press("G", "0", "g")  # 0 alone is no count: g goes to the first block
        assert app.view.block == 0
        await pilot.press("2", "right_square_bracket")  # NATO's second block on
        assert app.view.block == 8
        await pilot.press("5", "slash", "x", "enter", "j")  # a search drops the count
        assert app.view.block == 9


async def test_ctrl_d_u_f_b_scroll_like_less() -> None:
    app = make_app(((long_texts(), "long.txt"),))
    async with app.run_test(size=(150, 24)) as pilot:
        await ready(pilot)
        await pilot.press("ctrl+d")
        half = app.view.block
        assert half > 0
        await pilot.press("ctrl+f")
        assert app.view.block > half
        await pilot.press("ctrl+b")
        assert app.view.block == half
        await pilot.press("ctrl+u")
        assert app.view.block == 0


async def test_n_past_the_last_match_wraps_and_says_so() -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        await type_search(pilot, "truce")
        await pilot.press("enter", "n", "n", "n")
        assert app.view.block == 7 and "wrapped" not in status(app)
        await pilot.press("n")
        assert app.view.block == 0 and "search wrapped" in status(app)
        await pilot.press("N")
        assert app.view.block == 7 and "search wrapped" in status(app)
        await pilot.press("2", "n")
        assert app.view.block == 2


# --- panels at SSH sizes, the merged view as a choice (issue 12.2) --------------------------


def header_panels(app: ReaderApp) -> list[str]:
    return [part.strip() for part in app.view.screen_lines()[0].split("│")]


async def test_80x24_and_72_columns_show_side_by_side_panels() -> None:
    for size in ((80, 24), (72, 24)):
        app = make_app()
        async with app.run_test(size=size) as pilot:
            await ready(pilot)
            assert [p.split(" ")[1] for p in header_panels(app)] == ["NATO", "Russia", "Ukraine"]
            assert not app.view.narrow


async def test_m_and_the_view_setting_choose_one_merged_column() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("M")
        assert app.view.narrow and len(header_panels(app)) == 1
        assert "one merged column" in status(app)
        await pilot.press("M")
        assert len(header_panels(app)) == 3
    merged = make_app(config=dataclasses.replace(CONFIG, view="merged"))
    async with merged.run_test(size=WIDE) as pilot:
        await ready(pilot)
        assert merged.view.narrow and len(header_panels(merged)) == 1


async def test_explain_opens_beside_the_panels_from_140_columns_below_otherwise() -> None:
    for size, beside in (((150, 40), True), ((100, 40), False), ((80, 24), False)):
        app = make_app()
        async with app.run_test(size=size) as pilot:
            await ready(pilot)
            await pilot.press("j", "e")
            await pilot.pause()
            assert len(header_panels(app)) == 3, size  # the panels stay panels
            view, pane = app.view.region, app.explain.region
            if beside:
                assert pane.x >= view.right and pane.y == view.y
            else:
                assert pane.y >= view.bottom and pane.x == view.x


async def test_slash_starts_a_new_search_and_up_down_walk_the_history_across_runs() -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        await type_search(pilot, "truce")
        await pilot.press("enter")
        await type_search(pilot, "NATO")  # typed over the selected "truce": a new search
        assert app.search_bar.value == "NATO"
        await pilot.press("enter")
        await pilot.press("slash", "right", "s")  # an arrow key keeps the old text to edit
        assert app.search_bar.value == "NATOs"
        await pilot.press("escape")
    again = make_app()  # a new run: the history was kept on disk
    async with again.run_test(size=WIDE) as pilot:
        await ready(pilot)
        await pilot.press("slash", "up")
        assert again.search_bar.value == "NATO"
        await pilot.press("up")
        assert again.search_bar.value == "truce"
        await pilot.pause()
        assert again.search_bar.verdict.endswith("/4")  # the shown query is searched
        await pilot.press("up")  # the oldest stays
        assert again.search_bar.value == "truce"
        await pilot.press("down", "down")  # past the newest: back to what was typed
        assert again.search_bar.value == ""


# --- the explain pane from the keyboard (issue 12.3) -----------------------------------------


def seed_app() -> ReaderApp:
    """The bundled seed with the real rules: rules fire, so explain has something to say."""
    articles = [parse(document) for document in load([str(bundled("seeds"))]).documents]
    return ReaderApp(articles, load_config(None))


def focused(app: ReaderApp) -> Widget | None:
    return app.focused


def pane_lines(app: ReaderApp) -> list[str]:
    """The explain pane's lines inside its border."""
    region = app.explain.region
    rows = screen_text(app).splitlines()[region.y + 1 : region.bottom - 1]
    return [row[region.x + 1 : region.right - 1] for row in rows]


async def test_explain_takes_focus_scrolls_from_the_keyboard_and_escape_leaves() -> None:
    app = seed_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("j", "e")
        assert focused(app) is app.view
        assert not any("Carry-over" in line for line in pane_lines(app))  # cut off at 80x24
        await pilot.press("e")  # into the pane
        assert focused(app) is app.explain
        await pilot.press("j")
        assert app.explain.scroll_y == 1
        await pilot.press("k")
        assert app.explain.scroll_y == 0
        await pilot.press("space", "space", "space")
        await pilot.pause()
        assert any("Carry-over" in line for line in pane_lines(app))
        await pilot.press("b", "b", "b")
        assert app.explain.scroll_y == 0
        await pilot.press("escape")  # back to the panels; the pane stays open
        assert focused(app) is app.view and app.explain.display
        await pilot.press("j")
        assert app.view.block == 2
        await pilot.press("tab", "tab", "tab")  # past the last panel: into the pane
        assert focused(app) is app.explain
        await pilot.press("tab")
        assert focused(app) is app.view
        await pilot.press("escape")
        assert not app.explain.display


async def test_explain_rows_keep_their_indent_and_name_the_rule_family() -> None:
    app = seed_app()
    async with app.run_test(size=(80, 90)) as pilot:
        await ready(pilot)
        await pilot.press("j", "e")
        await pilot.pause()
        lines = pane_lines(app)
        assert any(
            "Why" in line and "attribution: its own speaker speaks" in line for line in lines
        )
        start = next(i for i, line in enumerate(lines) if "Rules that fired" in line)
        end = next(i for i, line in enumerate(lines) if "Carry-over" in line)
        rows = [line for line in lines[start + 1 : end] if line.strip()]
        assert len(rows) > 4
        # Every rule row and its wrapped message lines stay indented under the heading.
        assert all(line.startswith("   ") for line in rows), rows


# --- structure: lists, tables, headings, quotes (issue 12.6) ---------------------------------


STRUCTURED = """# Talks stall in Geneva

Peskov said the Kremlin saw no basis for a ceasefire.

## What each side wants

1. Zelensky said Kyiv would not give up any territory.
2. Rutte said NATO would keep supplying weapons.
   - Stoltenberg said the alliance stood ready.

> "We will not risk a third world war," Stoltenberg said.

| Side | Demand |
|---|---|
| Russia | recognition of annexed regions |
| Ukraine | full withdrawal |
"""


def styled_line(app: ReaderApp, text: str) -> tuple[str, list[Segment]]:
    for y in range(app.view.size.height):
        strip = app.view.render_line(y)
        if text in strip.text:
            return strip.text, list(strip)
    raise AssertionError(f"{text!r} is not on screen")


def style_of(segments: list[Segment], text: str) -> Style:
    for segment in segments:
        if text in segment.text and segment.style is not None:
            return segment.style
    raise AssertionError(text)


async def test_lists_tables_headings_and_quotes_look_like_themselves() -> None:
    article = parse_markdown(STRUCTURED, "talks.md")
    labels = [(), ("russia",), (), ("ukraine",), ("nato",), ("nato",), ("nato",), ()]
    app = ReaderApp([article], CONFIG, classifier=labelled_by(labels))
    async with app.run_test(size=(100, 40)) as pilot:
        await ready(pilot)
        text, _ = styled_line(app, "Zelensky said")
        assert "1. Zelensky said" in text
        assert "2. Rutte said" in styled_line(app, "Rutte said")[0]
        assert "◦ Stoltenberg said" in styled_line(app, "◦ Stoltenberg")[0]
        # The table: each row on its own line, the columns aligned.
        rows = [styled_line(app, word)[0] for word in ("Demand", "Russia  ", "Ukraine │")]
        assert len({row.index("│") for row in rows}) == 1
        assert "full withdrawal" in rows[2] and "recognition" not in rows[2]
        # Headings are bold, quotes italic, paragraphs neither.
        _, heading = styled_line(app, "What each side wants")
        assert style_of(heading, "What each side").bold
        _, quote = styled_line(app, "We will not")
        assert style_of(quote, "We will not").italic
        _, paragraph = styled_line(app, "Peskov said")
        assert not style_of(paragraph, "Peskov").italic
        await pilot.press("G", "y")  # a table is copied as rows, an item with its number
        assert app.clipboard.split("\n")[2].startswith("Russia  │ recognition")
        await pilot.press("g", "3", "j", "y")
        assert app.clipboard == "1. Zelensky said Kyiv would not give up any territory."


async def test_on_a_narrow_screen_tab_still_walks_the_panels_before_the_explain_pane() -> None:
    app = make_app()
    async with app.run_test(size=(60, 30)) as pilot:
        await ready(pilot)
        await pilot.press("e", "tab")
        assert focused(app) is app.view and " · Russia · " in status(app)
        await pilot.press("tab", "tab")
        assert focused(app) is app.explain


def test_snapshot_structure(
    snap_compare: Callable[..., bool], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Lists with their numbers and bullets, an aligned table, a bold heading, an italic quote,
    three panels side by side at 80x24."""
    monkeypatch.delenv("NO_COLOR", raising=False)
    article = parse_markdown(STRUCTURED, "talks.md")
    labels = [(), ("russia",), (), ("ukraine",), ("nato",), ("nato",), ("nato",), ()]
    app = ReaderApp([article], CONFIG, classifier=labelled_by(labels))
    assert snap_compare(app, terminal_size=(80, 24), run_before=ready)
