"""The one-line header (title, source, article k of M) and status line under the panels.

Both are fixed at one line, so they update with `layout=False`: re-laying out the screen on
every key press cost a press 17 -> 82 ms in a measurement (STYLE.md). Their text may quote the
article (title) or the user (search query), so it is always made `visible()` and shown as a
`Content`, never parsed as markup.
"""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from reader.safe_text import visible


class _Line(Static):
    """A one-line Static that never re-lays out the screen and never reads markup."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id, markup=False)
        self._text = ""

    @property
    def text(self) -> str:
        """What the line shows (for tests and screen readers)."""
        return self._text

    def show(self, text: str) -> None:
        safe = visible(text)
        if safe != self._text:
            self._text = safe
            self.update(Content(safe), layout=False)


class HeaderLine(_Line):
    """Article title · source · article k of M."""

    DEFAULT_CSS = """
    HeaderLine {
        height: 1;
        width: 1fr;
        background: $panel;
        color: $foreground;
        text-style: bold;
        padding: 0 1;
    }
    """


class StatusLine(_Line):
    """block i/N · actor · search k/N 'query' · mode, then the latest note or error."""

    DEFAULT_CSS = """
    StatusLine {
        height: 1;
        width: 1fr;
        background: $panel;
        color: $foreground;
        padding: 0 1;
    }
    StatusLine.-error { color: $error; text-style: bold; }
    """

    def show_error(self, text: str | None) -> None:
        """Mark the line as an error (shown until the next `show_error(None)`)."""
        self.set_class(text is not None, "-error")
