"""The reader app driven like a user drives it (Pilot): keys in, what the screen shows out.

The classifier is replaced by a fixed table of labels, so these tests pin the UI, not the rules.
"""

from __future__ import annotations

import dataclasses
import os
import threading
from collections.abc import Sequence
from pathlib import Path

import pytest
from textual import events
from textual.pilot import Pilot

from reader.config import Config, config_from_files, load_config
from reader.model import Article, Block, ClassifiedArticle, Verdict
from reader.resources import bundled
from reader.ui.app import ReaderApp
from reader.ui.help import HelpScreen
from reader.ui.status import HeaderLine

from .helpers import labelled_by, ready, workers_done
from .helpers import notices as all_notices

WIDE = (150, 40)

TEXTS: list[tuple[str, tuple[str, ...]]] = [
    ("Truce talks stall as winter nears", ()),
    ("NATO said the alliance would not send troops to Ukraine.", ("nato",)),
    ("Moscow warned that any truce must recognise new realities.", ("russia",)),
    ("Kyiv said it wants a truce only with guarantees and air defence.", ("ukraine",)),
    ("Both NATO and Russia traded accusations over the drills.", ("nato", "russia")),
    ("The talks were held in a hotel outside the city.", ()),
    (
        "Ukrainian officials described the front line in detail, listing towns, "
        "villages, river crossings, supply roads and the weather that slowed every "
        "convoy heading east during the long week of shelling.",
        ("ukraine",),
    ),
    ("The Kremlin said the TRUCE collapsed because of the West.", ("russia",)),
    ("Alliance ministers will meet again in March.", ("nato",)),
    ("Snow fell overnight.", ()),
]


def make_article(
    texts: Sequence[tuple[str, tuple[str, ...]]] = TEXTS, source: str = "talks.txt"
) -> Article:
    blocks = tuple(
        Block(i, "title" if i == 0 else "paragraph", text, i + 1)
        for i, (text, _) in enumerate(texts)
    )
    return Article(source, texts[0][0], blocks)


CONFIG = load_config(None)


def make_app(
    articles: Sequence[tuple[Sequence[tuple[str, tuple[str, ...]]], str]] = ((TEXTS, "talks.txt"),),
    config: Config = CONFIG,
    theme: str | None = None,
) -> ReaderApp:
    built = [make_article(texts, source) for texts, source in articles]
    table = {source: [ls for _, ls in texts] for texts, source in articles}
    return ReaderApp(built, config, classifier=labelled_by(table), theme=theme)


@pytest.fixture
def app() -> ReaderApp:
    """The app the Pilot fixtures run here: the talks article, labelled from `TEXTS`."""
    return make_app()


@pytest.fixture
def size() -> tuple[int, int]:
    return WIDE


def lines(app: ReaderApp) -> list[str]:
    return app.view.screen_lines()


def panels(line: str) -> list[str]:
    return [part.rstrip() for part in line.split("│")]


def line_with(app: ReaderApp, text: str) -> str:
    for line in lines(app):
        if text in line:
            return line
    raise AssertionError(f"{text!r} not on screen:\n" + "\n".join(lines(app)))


def status(app: ReaderApp) -> str:
    return app.status.text


# --- the screen ----------------------------------------------------------------------------


async def test_opens_with_header_panels_and_status(pilot: Pilot[None], app: ReaderApp) -> None:
    header = app.query_one("#header").render()
    assert "Truce talks stall as winter nears · talks.txt" in str(header)
    column_header = panels(lines(app)[0])
    assert column_header == ["▸N NATO (3)", " R Russia (3)", " U Ukraine (2)"]
    assert status(app) == "block 1/10 · NATO · aligned"


async def test_shows_classifying_until_the_worker_finishes() -> None:
    release = threading.Event()
    article = make_article()

    def slow(article: Article, config: Config) -> ClassifiedArticle:
        release.wait(5)
        return ClassifiedArticle(article, config.actors, tuple(Verdict() for _ in TEXTS))

    app = ReaderApp([article], CONFIG, classifier=slow)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        assert "classifying…" in lines(app)[1]
        assert status(app).startswith("classifying…")
        await pilot.press("j")  # keys while classifying do nothing harmful
        release.set()
        await ready(pilot)
        assert status(app).startswith("block 1/10")


async def test_aligned_block_stands_in_each_of_its_panels_on_the_same_line(
    pilot: Pilot[None], app: ReaderApp
) -> None:
    both = panels(line_with(app, "Both NATO and Russia"))
    assert both[0].startswith("N  Both NATO and Russia")
    assert both[1].startswith("R  Both NATO and Russia")
    assert both[2] == "·"  # Ukraine shows a gap of the same height
    russia = panels(line_with(app, "Moscow warned"))
    assert russia[0] == "·" and russia[1].startswith("R  Moscow warned") and russia[2] == "·"


async def test_every_line_of_a_wrapped_block_carries_the_actor_tag(
    pilot: Pilot[None], app: ReaderApp
) -> None:
    start = lines(app).index(line_with(app, "Ukrainian officials"))
    block_lines = []
    for line in lines(app)[start:]:
        if not line.strip(" │·"):
            break
        block_lines.append(panels(line)[2])
    assert len(block_lines) > 1
    assert all(line.startswith("U ") for line in block_lines)


async def test_unlabelled_blocks_are_full_width_rows_or_an_other_column(
    pilot: Pilot[None], app: ReaderApp
) -> None:
    band = line_with(app, "The talks were held")
    assert "│" not in band  # spans the panels
    await pilot.press("o")
    assert panels(lines(app)[0])[-1] == " · Other (3)"
    assert panels(line_with(app, "The talks were held"))[-1].startswith("·  The talks")
    assert "+other" in status(app)
    await pilot.press("o")
    assert "│" not in line_with(app, "The talks were held")


# --- moving --------------------------------------------------------------------------------


async def test_j_k_and_arrows_move_block_by_block_with_the_cursor_mark(
    pilot: Pilot[None], app: ReaderApp
) -> None:
    await pilot.press("j")
    assert status(app).startswith("block 2/10")
    assert panels(line_with(app, "NATO said the alliance"))[0].startswith("N▶ NATO said")
    await pilot.press("j", "down")
    assert status(app).startswith("block 4/10")
    await pilot.press("k")
    assert status(app).startswith("block 3/10")
    assert panels(line_with(app, "Moscow warned"))[1].startswith("R▶ Moscow")
    assert not panels(line_with(app, "NATO said the alliance"))[0].startswith("N▶ ")
    await pilot.press("up", "up", "up")
    assert status(app).startswith("block 1/10")


async def test_g_and_shift_g_go_to_first_and_last_like_less(
    pilot: Pilot[None], app: ReaderApp
) -> None:
    await pilot.press("G")
    assert status(app).startswith("block 10/10")
    await pilot.press("g")
    assert status(app).startswith("block 1/10")
    await pilot.press("end")
    assert status(app).startswith("block 10/10")
    await pilot.press("home")
    assert status(app).startswith("block 1/10")


def long_texts(count: int = 60) -> list[tuple[str, tuple[str, ...]]]:
    actors = [("nato",), ("russia",), ("ukraine",), ()]
    return [(f"Paragraph {i} says something about the talks.", actors[i % 4]) for i in range(count)]


async def test_page_and_half_page_keys_scroll_and_keep_the_cursor_in_view() -> None:
    app = make_app(((long_texts(), "long.txt"),))
    async with app.run_test(size=(150, 24)) as pilot:
        await ready(pilot)
        first_screen = lines(app)[1]
        assert "Paragraph 0 " in first_screen
        for key in ("space", "f", "pagedown"):
            before = app.view.block
            await pilot.press(key)
            assert app.view.block > before
            assert app.view.block in app.view.visible_blocks()
        await pilot.press("b")
        after_b = app.view.block
        await pilot.press("pageup")
        assert app.view.block < after_b
        await pilot.press("g", "d")
        half = app.view.block
        assert 0 < half < 10
        assert half in app.view.visible_blocks()
        await pilot.press("u")
        assert app.view.block == 0
        # At the end a page key goes to the last block, like less.
        await pilot.press("G", "space")
        assert app.view.block == 59


async def test_panels_focus_with_tab_counts_h_l_and_arrows(
    pilot: Pilot[None], app: ReaderApp
) -> None:
    await pilot.press("tab")
    assert " · Russia · " in status(app)
    assert panels(lines(app)[0])[1].startswith("▸R Russia")
    await pilot.press("tab", "tab")
    assert " · NATO · " in status(app)
    await pilot.press("shift+tab")
    assert " · Ukraine · " in status(app)
    await pilot.press("1", "tab")  # a count before tab names the panel (vim's 2gt)
    assert " · NATO · " in status(app)
    await pilot.press("3", "tab")
    assert " · Ukraine · " in status(app)
    await pilot.press("9", "tab")  # no ninth panel: nothing happens
    assert " · Ukraine · " in status(app)
    await pilot.press("h")
    assert " · Russia · " in status(app)
    await pilot.press("left", "left")  # stops at the first panel
    assert " · NATO · " in status(app)
    await pilot.press("l", "right", "right")
    assert " · Ukraine · " in status(app)


async def test_brackets_walk_the_focused_actors_blocks(pilot: Pilot[None], app: ReaderApp) -> None:
    await pilot.press("2", "tab", "right_square_bracket")
    assert app.view.block == 2
    await pilot.press("right_square_bracket")
    assert app.view.block == 4
    await pilot.press("right_square_bracket")
    assert app.view.block == 7
    await pilot.press("right_square_bracket")
    assert app.view.block == 7
    assert "no later Russia block" in status(app)
    await pilot.press("left_square_bracket")
    assert app.view.block == 4


async def test_the_terminal_cursor_sits_on_the_current_block(
    pilot: Pilot[None], app: ReaderApp
) -> None:
    await pilot.press("j", "j")  # Moscow warned..., in the Russia panel
    x, y = app.cursor_position
    assert app.screen.get_widget_at(x, y)[0] is app.view
    region = app.view.content_region
    line = lines(app)[y - region.y]
    assert line[x - region.x :].startswith("Moscow warned")


async def test_clicking_a_block_focuses_its_panel_and_makes_it_current(
    pilot: Pilot[None], app: ReaderApp
) -> None:
    row = lines(app).index(line_with(app, "Kyiv said it wants"))
    column_x = lines(app)[row].index("Kyiv said")
    await pilot.click("#view", offset=(column_x, row))
    assert app.view.block == 3
    assert " · Ukraine · " in status(app)


# --- compact mode ----------------------------------------------------------------------------


async def test_compact_mode_lists_each_panels_own_blocks_and_follows_the_cursor(
    pilot: Pilot[None], app: ReaderApp
) -> None:
    await pilot.press("a")
    assert status(app).endswith("compact")
    screen = lines(app)
    russia = [panels(line)[1] for line in screen[1:] if panels(line)[1].strip()]
    assert all(line.startswith("R") for line in russia)
    assert not any("NATO said" in line for line in russia)
    # Densely: Russia's first block is at the top, marked as the nearest to the cursor.
    assert russia[0].startswith("R▷ Moscow warned")
    await pilot.press("j")  # NATO's first block
    assert app.view.block == 1
    await pilot.press("j")  # NATO's next block is 4 (Both NATO and Russia)
    assert app.view.block == 4
    await pilot.press("j")
    assert app.view.block == 8
    # Ukraine's nearest block to 8 is 6: it is marked (its panel is too short to scroll).
    assert line_with(app, "N▶ Alliance ministers")
    assert panels(line_with(app, "Ukrainian officials"))[2].startswith("U▷ Ukrainian")
    await pilot.press("tab")  # Russia: the cursor goes to its block nearest to 8
    assert app.view.block == 7
    assert " · Russia · " in status(app)
    await pilot.press("k")
    assert app.view.block == 4
    await pilot.press("a")
    assert status(app).endswith("aligned")
    assert panels(line_with(app, "Both NATO and Russia"))[1].startswith("R▶ Both")


async def test_compact_mode_at_the_last_block_and_first(pilot: Pilot[None], app: ReaderApp) -> None:
    await pilot.press("a", "3", "tab", "G")
    assert app.view.block == 6
    await pilot.press("g")
    assert app.view.block == 3


# --- search --------------------------------------------------------------------------------


async def type_search(pilot: Pilot[None], text: str) -> None:
    await pilot.press("slash")
    for char in text:
        await pilot.press(char)
    await pilot.pause()


async def test_search_finds_as_you_type_and_n_walks_matches_across_panels(
    pilot: Pilot[None], app: ReaderApp
) -> None:
    await type_search(pilot, "truce")
    assert app.search_bar.is_open
    assert app.search_bar.verdict == "1/4"
    assert app.view.block == 0
    await pilot.press("enter")
    assert not app.search_bar.is_open
    assert "search 1/4 'truce'" in status(app)
    await pilot.press("n")
    assert app.view.block == 2 and "search 2/4" in status(app)
    await pilot.press("n")
    assert app.view.block == 3
    await pilot.press("n")
    assert app.view.block == 7  # TRUCE: lower-case query ignores case
    await pilot.press("n")
    assert app.view.block == 0 and "search 1/4" in status(app)  # wraps around
    await pilot.press("N")
    assert app.view.block == 7 and "search 4/4" in status(app)


async def test_search_highlights_every_match_in_every_panel() -> None:
    app = make_app(
        (
            (
                [("Title", ()), ("A truce for NATO and Russia.", ("nato", "russia"))],
                "t.txt",
            ),
        )
    )
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        await type_search(pilot, "truce")
        await pilot.press("enter")
        y = lines(app).index(line_with(app, "A truce for"))
        strip = app.view.render_line(y)
        hits = [seg for seg in strip if seg.text == "truce"]
        assert len(hits) == 2  # the block stands in two panels: highlighted in both
        plain = [seg for seg in strip if seg.text.startswith(" for NATO")]
        assert all(hit.style != plain[0].style for hit in hits)


async def test_smart_case_and_regex_search(pilot: Pilot[None], app: ReaderApp) -> None:
    await type_search(pilot, "TRUCE")
    assert app.search_bar.verdict == "1/1"
    assert app.view.block == 7
    await pilot.press("escape")
    await type_search(pilot, "re:tr(uce|oops)")
    assert app.search_bar.verdict == "1/5"  # truce x4 and troops
    await pilot.press("enter")
    assert "search 1/5 're:tr(uce|oops)'" in status(app)


async def test_a_bad_regex_shows_its_error_inline_and_the_app_keeps_going(
    pilot: Pilot[None], app: ReaderApp
) -> None:
    await type_search(pilot, "re:[truce")
    assert app.search_bar.verdict.startswith("bad regex: unterminated character set")
    assert "bad regex" in status(app)
    assert app.is_running
    assert not app._notifications  # no notification storm
    await pilot.press("right_square_bracket")  # completes the regex: re:[truce]
    assert app.search_bar.verdict.startswith("1/")
    assert "bad regex" not in status(app)


async def test_at_actor_limits_the_search_to_that_actors_blocks(
    pilot: Pilot[None], app: ReaderApp
) -> None:
    await type_search(pilot, "@russia truce")
    assert app.search_bar.verdict == "1/2"
    await pilot.press("enter")
    assert app.view.block == 2
    await pilot.press("n")
    assert app.view.block == 7
    await pilot.press("escape")
    await type_search(pilot, "@china truce")
    assert "no actor '@china'" in app.search_bar.verdict


async def test_search_text_that_looks_like_markup_is_shown_literally(
    pilot: Pilot[None], app: ReaderApp
) -> None:
    await type_search(pilot, "[bold]x")
    await pilot.press("enter")
    assert "'[bold]x'" in status(app)


async def test_escape_closes_search_then_clears_and_never_quits(
    pilot: Pilot[None], app: ReaderApp
) -> None:
    await pilot.press("j")
    await type_search(pilot, "kremlin")
    assert app.view.block == 7
    await pilot.press("escape")  # abandons the search: back where it started
    assert not app.search_bar.is_open
    assert app.view.block == 1
    assert "search" not in status(app)
    await type_search(pilot, "truce")
    await pilot.press("enter", "escape")  # closed input: Escape clears the highlights
    assert "search" not in status(app)
    for _ in range(3):
        await pilot.press("escape")
    assert app.is_running and app.return_code is None


# --- explain, copy, marks, help --------------------------------------------------------------


async def test_explain_opens_with_e_or_enter_follows_the_cursor_and_escape_closes(
    pilot: Pilot[None], app: ReaderApp
) -> None:
    await pilot.press("j", "e")
    assert app.explain.display and app.explain.region.width > 0
    shown = app.explain.shown
    assert shown is not None and shown[1] == 1
    assert app.explain.region.x > app.view.region.x  # beside the panels when wide
    await pilot.press("j")
    assert app.explain.shown is not None and app.explain.shown[1] == 2
    await pilot.press("escape")
    assert not app.explain.display
    await pilot.press("enter")
    assert app.explain.display
    await pilot.press("enter")
    assert not app.explain.display


async def test_explain_opens_below_the_panels_on_a_narrow_screen() -> None:
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await ready(pilot)
        await pilot.press("e")
        assert app.explain.region.y > app.view.region.y
        assert app.explain.region.width == app.view.region.width


async def test_y_copies_the_current_blocks_text_with_a_notice(
    pilot: Pilot[None], app: ReaderApp
) -> None:
    await pilot.press("j", "j", "y")
    text = TEXTS[2][0]
    assert app.clipboard == text
    notices = all_notices(app)
    assert f"Copied block 3 ({len(text)} chars)" in notices


async def test_marks_set_and_jump_and_quote_quote_jumps_back(
    pilot: Pilot[None], app: ReaderApp
) -> None:
    await pilot.press("j", "j", "m")
    assert "mark: press a letter" in status(app)
    await pilot.press("a")
    assert "mark 'a' set at block 3" in status(app)
    assert status(app).endswith("aligned · mark 'a' set at block 3")  # 'a' set no mode
    await pilot.press("G", "apostrophe")
    assert "jump to mark: press a letter" in status(app)
    await pilot.press("a")
    assert app.view.block == 2
    await pilot.press("apostrophe", "apostrophe")
    assert app.view.block == 9
    await pilot.press("apostrophe", "z")
    assert "no mark 'z'" in status(app) and app.view.block == 9


async def test_help_lists_every_binding_with_its_id_and_escape_closes_it(
    pilot: Pilot[None], app: ReaderApp
) -> None:
    await pilot.press("question_mark")
    assert isinstance(app.screen, HelpScreen)
    ids = {row[2] for row in app.screen.rows}
    assert {"nav.down", "nav.first", "panel.next", "search.open", "mark.set", "app.quit"} <= ids
    await pilot.press("escape")
    assert not isinstance(app.screen, HelpScreen)
    assert app.is_running


async def test_a_keymap_rebinds_by_id() -> None:
    config = dataclasses.replace(CONFIG, keymap={"nav.down": "x", "app.quit": "ctrl+q"})
    app = make_app(config=config)
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        await pilot.press("x")
        assert app.view.block == 1
        await pilot.press("j")  # no longer bound
        assert app.view.block == 1
        await pilot.press("q")
        assert app.is_running
        rows = {row[2]: row[0] for row in app.help_rows()}
        assert rows["nav.down"] == "x"


async def test_q_quits(pilot: Pilot[None], app: ReaderApp) -> None:
    await pilot.press("q")
    assert not app.is_running


# --- several articles, resizing, reloading ---------------------------------------------------


async def test_ctrl_n_and_ctrl_p_switch_articles_and_keep_each_position() -> None:
    second = [("Second article", ()), ("Russia said no.", ("russia",))]
    app = make_app(((TEXTS, "talks.txt"), (second, "second.txt")))
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        header = app.query_one("#header")
        assert "article 1 of 2" in str(header.render())
        await pilot.press("j", "j", "j", "ctrl+n")
        await ready(pilot)
        assert "Second article · second.txt · article 2 of 2" in str(header.render())
        assert status(app).startswith("block 1/2")
        await pilot.press("j", "ctrl+p")
        await ready(pilot)
        assert status(app).startswith("block 4/10")
        await pilot.press("ctrl+n")
        await ready(pilot)
        assert status(app).startswith("block 2/2")


async def test_below_72_columns_one_panel_shows_at_a_time_and_back(
    pilot: Pilot[None], app: ReaderApp
) -> None:
    await pilot.press("j", "j", "j")  # Kyiv, Ukraine's block
    await pilot.resize_terminal(60, 24)
    await pilot.pause()
    header = lines(app)[0]
    assert header.startswith(" ▸1 N NATO (3)   2 R Russia (3)   3 U Ukraine (2)")
    assert "│" not in "".join(lines(app))
    assert app.view.block == 3
    # Aligned: one column with every block; tag slots say whose each block is.
    assert line_with(app, "Kyiv said").startswith("  U▶ Kyiv said")
    assert line_with(app, "Both NATO and Russia").startswith("NR   Both NATO")
    assert line_with(app, "The talks were held").startswith("     The talks")
    await pilot.press("3", "tab")
    assert lines(app)[0].startswith("  1 N NATO (3)   2 R Russia (3)  ▸3 U Ukraine (2)")
    await pilot.press("a")  # compact: only the focused panel's own blocks
    assert line_with(app, "Kyiv said").startswith("U▶ Kyiv said")
    assert "Both NATO" not in "".join(lines(app))
    await pilot.press("a")
    await pilot.resize_terminal(150, 40)
    await pilot.pause()
    assert len(panels(lines(app)[0])) == 3
    assert app.view.block == 3
    assert 3 in app.view.visible_blocks()


async def test_text_columns_are_capped_on_very_wide_screens() -> None:
    app = make_app()
    async with app.run_test(size=(320, 30)) as pilot:
        await ready(pilot)
        geometry = app.view.geometry
        assert geometry is not None
        assert geometry.text_width <= 96
        longest = max(len(part.rstrip()) for line in lines(app) for part in line.split("│"))
        assert longest <= 122


async def test_hostile_text_is_shown_as_placeholders_not_run() -> None:
    texts = [
        ("Title \x1b]0;pwned\x07", ()),
        ("Evil \x1b[2J [bold]x[/bold] [@click=app.quit] \u202eend", ("nato",)),
    ]
    app = make_app(((texts, "evil.txt"),))
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        screen = "".join(lines(app))
        assert "Evil ␛[2J [bold]x[/bold] [@click=app.quit]" in line_with(app, "Evil")
        assert "\ufffdend" in screen
        assert "\x1b" not in screen
        header = str(app.query_one("#header").render())
        assert "\x1b" not in header and "␛]0;pwned␇" in header


def user_config(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.yaml"
    path.write_text(text, encoding="utf-8")
    return path


async def test_r_reloads_rules_keeps_the_block_and_a_broken_edit_keeps_the_old_rules(
    tmp_path: Path,
) -> None:
    path = user_config(tmp_path, "theme: null\n")
    config = config_from_files([bundled("config.yaml"), path])
    app = make_app(config=config)
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        await pilot.press("j", "j", "j", "j")
        row = app.view.state().row
        await pilot.press("r")
        await ready(pilot)
        assert "rules reloaded" in status(app)
        assert app.view.block == 4 and app.view.state().row == row
        good = app.config
        path.write_text("actors: [oops\n", encoding="utf-8")
        await pilot.press("r")
        await ready(pilot)
        assert "rules not reloaded" in status(app)
        assert str(path) in status(app)
        assert app.config is good
        assert app.view.block == 4


async def test_unknown_theme_falls_back_with_one_notice_and_themes_switch_live() -> None:
    app = make_app(theme="no-such-theme")
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        assert app.theme == "reader-dark"
        notices = all_notices(app)
        assert len(notices) == 1 and "no-such-theme" in notices[0]
        before = app.view.render_line(1)
        app.theme = "reader-light"
        await pilot.pause()
        after = app.view.render_line(1)
        assert before.text == after.text and list(before) != list(after)


async def test_theme_by_short_name() -> None:
    app = make_app(theme="mono")
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        assert app.theme == "reader-mono"


async def test_a_users_own_theme_file_is_offered_and_chosen(tmp_path: Path) -> None:
    # tests/conftest.py points XDG_CONFIG_HOME into tmp_path for every test.
    themes = Path(os.environ["XDG_CONFIG_HOME"]) / "reader" / "themes"
    themes.mkdir(parents=True)
    (themes / "night.yaml").write_text(
        'name: night\ndark: true\nprimary: "#884422"\nbackground: "#000000"\n',
        encoding="utf-8",
    )
    app = make_app(theme="night")
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        assert app.theme == "night"
        assert "reader-mono" in app.available_themes
        assert not app._notifications


async def test_keys_typed_in_a_burst_after_slash_reach_the_search_input(
    pilot: Pilot[None], app: ReaderApp
) -> None:
    # As a paste or a fast typist delivers them: all queued before any is handled.
    for key, char in [("slash", "/"), *((c, c) for c in "kremlin"), ("slash", "/")]:
        app.post_message(events.Key(key, char))
    await pilot.pause()
    assert app.search_bar.value == "kremlin/"  # a second "/" is part of the query
    assert "rules" not in status(app)  # "r" did not run its reload binding
    await pilot.press("backspace", "enter")
    assert app.view.block == 7


async def test_a_key_typed_right_after_enter_in_the_search_reaches_the_panels(
    pilot: Pilot[None], app: ReaderApp
) -> None:
    # "/kremlin", Enter and "e" as a fast typist delivers them: all queued at once.
    keys = [("slash", "/"), *((c, c) for c in "kremlin"), ("enter", "\r"), ("e", "e")]
    for key, char in keys:
        app.post_message(events.Key(key, char))
    await pilot.pause()
    await workers_done(app)
    await pilot.pause()
    assert app.search_bar.value == "kremlin"  # the "e" did not go into the query
    assert not app.search_bar.is_open
    assert app.explain.display and app.view.block == 7  # it explained the match


async def test_a_rule_over_its_time_budget_is_named_and_the_article_still_shows(
    tmp_path: Path,
) -> None:
    slow = tmp_path / "slow.yaml"
    slow.write_text(
        "settings:\n  regex_budget_ms: 50\nframing:\n  - id: framing.slow\n    actor: russia\n"
        "    message: pathological\n    regex: ['(a|aa)+$']\n",
        encoding="utf-8",
    )
    config = config_from_files([bundled("config.yaml"), slow])
    texts = [("Talks", ()), ("a" * 40 + "b", ()), ("Peskov said the talks had failed.", ())]
    app = ReaderApp([make_article(texts)], config)
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        await pilot.pause()
        notices = all_notices(app)
        assert len(notices) == 1 and "framing.slow" in notices[0]
        assert "framing.slow" in app.status.text
        assert "Peskov said the talks had failed." in line_with(app, "Peskov")


async def test_the_header_fits_the_width_and_always_shows_the_article_count() -> None:
    long_title = "Truce talks stall as winter nears and both sides dig in along the whole front"
    texts = [(long_title, ()), *TEXTS[1:]]
    source = "/very/long/path/to/the/articles/talks.txt"
    app = make_app(((texts, source), (TEXTS, "b.txt")))
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        header = app.query_one("#header", HeaderLine).text
        # The airtime (each actor's share of words) gives way to the title, the title to the
        # article count.
        assert header.endswith("… · talks.txt · article 1 of 2")
        assert header.startswith("Truce talks stall")
        await pilot.resize_terminal(200, 24)
        await pilot.pause()
        header = app.query_one("#header", HeaderLine).text
        assert header.startswith(f"{long_title} · {source} · article 1 of 2 ")
        # Wide enough for the bar too: 12 cells split by share, then the numbers.
        assert header.endswith("▕████████████▏ N19 R20 U37 ·24")


async def test_an_airtime_count_that_arrives_after_the_reader_closed_is_dropped() -> None:
    """The header's bar is counted in a thread: a count that lands once the reader has quit
    (or while another screen is up) must not fail the app looking for a header not on screen."""
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        classified = app._classified[app.article_index]
        header = app.query_one("#header", HeaderLine).text
    parts: list[tuple[str, float, str | None]] = [("N", 1.0, None)]
    app._airtime_done(app.article_index, classified, parts)  # the late count: no error
    assert "▕" in header  # the count in time had drawn the bar


async def test_a_mark_typed_in_one_burst_keeps_its_letter() -> None:
    """A terminal delivers "ma" at once: the letter must not run ahead of the m."""
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        await pilot.press("j", "j")
        for key in ("m", "a", "G", "apostrophe", "a"):  # queued together, no pause between
            app.post_message(events.Key(key, key if len(key) == 1 else "'"))
        await pilot.pause()
        await pilot.pause()
        assert app.view.block == 2
        assert app.view.compact is False  # the 'a' was the mark's letter, not the mode key
