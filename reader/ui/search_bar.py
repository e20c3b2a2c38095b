"""The `/` search input at the bottom: what you type re-searches as you type.

The bar only collects text and shows a one-line verdict beside the input ("3/17", "no
matches", or a bad regex's error, inline: never a traceback or a flood of notifications). The
app parses and runs the query (`reader.viewmodel.search`) and tells the bar what to show.

`/` starts a new search, as in less and vim: the last query is shown selected, so typing
replaces it and an arrow key keeps it to edit. Up and down walk the search history
(`reader.search_history`, kept across runs); the app calls `remember()` when a search is kept.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.message import Message
from textual.widgets import Input, Static
from textual.widgets.input import Selection

from reader.safe_text import visible
from reader.search_history import History, load_history, save_history
from reader.ui.css import widget_css
from reader.ui.keys import bindings


class SafeInput(Input):
    """An Input whose value never holds a control character.

    Typed keys cannot insert one, but a paste can (bracketed paste hands over raw text), and
    Input draws its value as it is: a pasted ESC ] 0 ; ... BEL would reach the terminal. Every
    assignment passes `visible()` (one character for one, so the cursor stays put), and the
    query then searches the placeholders the panels show.
    """

    BINDINGS: ClassVar[list[BindingType]] = bindings("search_input")

    def validate_value(self, value: str) -> str:
        return visible(value)

    def action_history(self, direction: int) -> None:
        bar = self.parent
        if isinstance(bar, SearchBar):
            bar.walk_history(direction)


class SearchBar(Horizontal):
    """`/` prompt, the input and a verdict. Hidden until `open()`."""

    DEFAULT_CSS = widget_css("search_bar")

    class Changed(Message):
        """The query text changed."""

        def __init__(self, value: str) -> None:
            super().__init__()
            self.value = value

    class Submitted(Message):
        """Enter: close the bar, keep the position and the highlights."""

        def __init__(self, value: str) -> None:
            super().__init__()
            self.value = value

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.history = History()
        self._history_loaded = False

    def compose(self) -> ComposeResult:
        yield Static("/", id="search-prompt", markup=False)
        yield SafeInput(
            placeholder="text, re:regex, @actor text — smart case",
            id="search-input",
            select_on_focus=False,
        )
        yield Static("", id="search-verdict", markup=False)

    @property
    def input(self) -> Input:
        return self.query_one("#search-input", Input)

    @property
    def is_open(self) -> bool:
        return self.has_class("-open")

    @property
    def value(self) -> str:
        return self.input.value

    @property
    def verdict(self) -> str:
        """The verdict text shown beside the input (for tests)."""
        return str(self.query_one("#search-verdict", Static).content)

    def open(self, value: str | None = None) -> None:
        """Show the bar and focus the input, the last query (or `value`) selected: typing
        starts a new search, an arrow key keeps the old one to edit."""
        self.add_class("-open")
        self._load_history()
        self.history.reset()
        if value is not None:
            self.input.value = value
        # Focus now, not after a refresh: keys typed right after `/` must reach the input.
        self.screen.set_focus(self.input)
        self.input.selection = Selection(0, len(self.input.value))

    def _load_history(self) -> None:
        """Read the saved history on first use (never at start-up: it costs nothing then)."""
        if not self._history_loaded:
            self._history_loaded = True
            self.history.entries = load_history() + self.history.entries

    def remember(self, query: str) -> None:
        """Keep `query` in the history, on disk too (a failed write loses only history)."""
        self._load_history()
        self.history.add(query)
        save_history(self.history.entries)

    def walk_history(self, direction: int) -> None:
        """Up (-1) / down (+1): show the older / newer query, searching it as it is shown."""
        text = self.history.older(self.value) if direction < 0 else self.history.newer()
        if text is not None:
            self.input.value = text
            self.input.cursor_position = len(text)

    def close(self) -> None:
        self.remove_class("-open")

    def clear(self) -> None:
        with self.input.prevent(Input.Changed):
            self.input.value = ""
        self.show_verdict("")

    def show_verdict(self, text: str, *, error: bool = False) -> None:
        verdict = self.query_one("#search-verdict", Static)
        verdict.update(Content(visible(text)), layout=True)
        verdict.set_class(error, "-error")

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(self.Changed(event.value))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(self.Submitted(event.value))
