"""The help screen lists every binding with its id, scrolls, and closes on Escape, q or ?."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pytest
from textual.app import App, ComposeResult
from textual.widgets import DataTable, Static

from reader.ui.help import HelpRow, HelpScreen
from reader.ui.keys import help_rows
from reader.ui.themes import bundled_themes

from .helpers import screen_text

BINDINGS = help_rows()
MARKUP_ROW = ("y", "Copy the block [bold]not bold[/bold]", "block.copy")


class HostApp(App[None]):
    """A tiny app that opens the help screen over a plain screen."""

    def __init__(self, theme: str = "reader-dark", rows: Sequence[HelpRow] = BINDINGS) -> None:
        super().__init__()
        self.wanted_theme = theme
        self.rows = rows

    def compose(self) -> ComposeResult:
        yield Static("the reader underneath", markup=False)

    def on_mount(self) -> None:
        for theme in bundled_themes()[0]:
            self.register_theme(theme)
        self.theme = self.wanted_theme
        self.push_screen(HelpScreen(self.rows))


async def test_every_binding_is_listed_with_keys_description_and_id() -> None:
    app = HostApp()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        rows = [
            tuple(str(cell) for cell in table.get_row_at(index)) for index in range(table.row_count)
        ]
        assert rows == [(keys, key_id, text) for keys, text, key_id in BINDINGS]
        text = screen_text(app)
        assert "j, down" in text and "next block" in text and "nav.down" in text
        assert "keymap: {nav.down:" in text


async def test_descriptions_are_never_read_as_markup() -> None:
    app = HostApp(rows=[MARKUP_ROW])
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert "Copy the block [bold]not bold[/bold]" in screen_text(app)


async def test_keys_show_as_typed_with_marks_palette_and_search_syntax() -> None:
    app = HostApp()
    async with app.run_test(size=(120, 50)) as pilot:
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        keys = {
            str(table.get_row_at(i)[1]): str(table.get_row_at(i)[0]) for i in range(table.row_count)
        }
        assert keys["nav.actor_next"] == "]"
        assert keys["mark.jump"] == "'"
        assert keys["app.help"] == "?, f1"
        assert keys["search.open"] == "/"
        assert keys["app.palette"] == ":"
        cells = [str(cell) for i in range(table.row_count) for cell in table.get_row_at(i)]
        for internal in ("right_square_bracket", "apostrophe", "question_mark", "slash"):
            assert not any(internal in cell for cell in cells)
        assert any("'' jumps back" in cell for cell in cells)
        text = screen_text(app)
        assert "re:PATTERN" in text and "@russia" in text


@pytest.mark.parametrize(("last", "first"), [("end", "home"), ("G", "g")])
async def test_the_list_scrolls_to_the_last_binding_and_back(last: str, first: str) -> None:
    app = HostApp()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert "help.last" not in screen_text(app)
        await pilot.press(last)
        await pilot.pause()
        assert "help.last" in screen_text(app)
        await pilot.press(first)
        await pilot.pause()
        assert "nav.down" in screen_text(app)


async def test_j_and_space_move_down_the_list() -> None:
    app = HostApp()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        await pilot.press("j", "j")
        assert table.cursor_row == 2
        await pilot.press("k")
        assert table.cursor_row == 1
        await pilot.press("space")
        assert table.cursor_row > 10


@pytest.mark.parametrize("key", ["escape", "q", "question_mark"])
async def test_escape_q_and_question_mark_close_it_without_quitting(key: str) -> None:
    app = HostApp()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press(key)
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)
        assert app.is_running
        assert "the reader underneath" in screen_text(app)


def test_snapshot_help_default_theme(snap_compare: Callable[..., bool]) -> None:
    assert snap_compare(HostApp(), terminal_size=(100, 30))


def test_snapshot_help_mono_theme(snap_compare: Callable[..., bool]) -> None:
    assert snap_compare(HostApp("reader-mono"), terminal_size=(100, 30))
