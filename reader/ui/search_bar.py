"""The `/` search input at the bottom: what you type re-searches as you type.

The bar only collects text and shows a one-line verdict beside the input ("3/17", "no
matches", or a bad regex's error, inline: never a traceback or a flood of notifications). The
app parses and runs the query (`reader.search`) and tells the bar what to show.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.message import Message
from textual.widgets import Input, Static

from reader.safe_text import visible


class SafeInput(Input):
    """An Input whose value never holds a control character.

    Typed keys cannot insert one, but a paste can (bracketed paste hands over raw text), and
    Input draws its value as it is: a pasted ESC ] 0 ; ... BEL would reach the terminal. Every
    assignment passes `visible()` (one character for one, so the cursor stays put), and the
    query then searches the placeholders the panels show.
    """

    def validate_value(self, value: str) -> str:
        return visible(value)


class SearchBar(Horizontal):
    """`/` prompt, the input and a verdict. Hidden until `open()`."""

    DEFAULT_CSS = """
    SearchBar {
        height: 1;
        display: none;
        background: $panel;
    }
    SearchBar.-open { display: block; }
    SearchBar > #search-prompt { width: 2; padding: 0 0 0 1; color: $primary; text-style: bold; }
    SearchBar > Input {
        width: 1fr;
        height: 1;
        border: none;
        padding: 0;
        background: $panel;
    }
    SearchBar > Input:focus { border: none; background: $panel; }
    SearchBar > #search-verdict { width: auto; max-width: 60%; padding: 0 1; color: $foreground; }
    SearchBar > #search-verdict.-error { color: $error; text-style: bold; }
    """

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
        """Show the bar and focus the input (keeping the last query unless `value` is given)."""
        self.add_class("-open")
        if value is not None:
            self.input.value = value
        # Focus now, not after a refresh: keys typed right after `/` must reach the input.
        self.screen.set_focus(self.input)
        self.input.cursor_position = len(self.input.value)

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
