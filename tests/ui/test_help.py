"""The help screen lists every binding with its id, scrolls, and closes on Escape, q or ?."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from textual.app import App, ComposeResult
from textual.widgets import DataTable, Static

from reader.ui.help import HelpScreen
from reader.ui.themes import bundled_themes

from .helpers import screen_text

BINDINGS = [
    ("j,down", "Next block", "block.next"),
    ("k,up", "Previous block", "block.previous"),
    ("space,f,pagedown", "Page down", "page.down"),
    ("b,pageup", "Page up", "page.up"),
    ("d", "Half a page down", "half.down"),
    ("u", "Half a page up", "half.up"),
    ("g,home", "First block", "block.first"),
    ("G,end", "Last block", "block.last"),
    ("tab", "Next panel", "panel.next"),
    ("shift+tab", "Previous panel", "panel.previous"),
    ("h,left", "Panel to the left", "panel.left"),
    ("l,right", "Panel to the right", "panel.right"),
    ("right_square_bracket", "Actor's next block ]", "actor.next"),
    ("left_square_bracket", "Actor's previous block [", "actor.previous"),
    ("slash", "Search", "search.open"),
    ("n", "Next match", "search.next"),
    ("N", "Previous match", "search.previous"),
    ("e,enter", "Explain the block", "explain.toggle"),
    ("y", "Copy the block [bold]not bold[/bold]", "block.copy"),
    ("m", "Set a mark", "mark.set"),
    ("apostrophe", "Jump to a mark", "mark.jump"),
    ("ctrl+n", "Next article", "article.next"),
    ("ctrl+p", "Previous article", "article.previous"),
    ("a", "Aligned / compact", "mode.toggle"),
    ("o", "Other column", "other.toggle"),
    ("question_mark", "This help", "help.open"),
    ("q", "Quit", "app.quit"),
]


class HostApp(App[None]):
    """A tiny app that opens the help screen over a plain screen."""

    def __init__(self, theme: str = "reader-dark") -> None:
        super().__init__()
        self.wanted_theme = theme

    def compose(self) -> ComposeResult:
        yield Static("the reader underneath", markup=False)

    def on_mount(self) -> None:
        for theme in bundled_themes()[0]:
            self.register_theme(theme)
        self.theme = self.wanted_theme
        self.push_screen(HelpScreen(BINDINGS))


async def test_every_binding_is_listed_with_keys_description_and_id() -> None:
    app = HostApp()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        rows = [
            tuple(str(cell) for cell in table.get_row_at(index)) for index in range(table.row_count)
        ]
        assert rows == [
            (", ".join(keys.split(",")), description, binding_id)
            for keys, description, binding_id in BINDINGS
        ]
        text = screen_text(app)
        assert "j, down" in text and "Next block" in text and "block.next" in text
        # Descriptions are never read as markup.
        assert "Copy the block [bold]not bold[/bold]" in text
        assert "keymap: {block.next:" in text


@pytest.mark.parametrize(("last", "first"), [("end", "home"), ("G", "g")])
async def test_the_list_scrolls_to_the_last_binding_and_back(last: str, first: str) -> None:
    app = HostApp()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert "app.quit" not in screen_text(app)
        await pilot.press(last)
        await pilot.pause()
        assert "app.quit" in screen_text(app)
        await pilot.press(first)
        await pilot.pause()
        assert "block.next" in screen_text(app)


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
