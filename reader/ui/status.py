"""The one-line header (title, source, article k of M) and status line under the panels.

Both are fixed at one line, so they update with `layout=False`: re-laying out the screen on
every key press cost a press 17 -> 82 ms in a measurement (STYLE.md). Their text may quote the
article (title) or the user (search query), so it is always made `visible()` and shown as a
`Content`, never parsed as markup.
"""

from __future__ import annotations

from pathlib import PurePath

from rich.cells import cell_len, set_cell_size
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
    """Article title · source · article k of M, fitted to the width: the source shrinks to its
    file name, then the title is cut with an ellipsis; the article count always shows."""

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

    _parts: tuple[str | None, str, str | None] = (None, "", None)
    _outlet: str | None = None

    def show_article(
        self, title: str | None, source: str, count: str | None, *, outlet: str | None = None
    ) -> None:
        """`outlet` (a web page's site name) shows before the source: whose article it is."""
        self._parts = (title, source, count)
        self._outlet = outlet
        self._fit()

    def on_resize(self) -> None:
        self._fit()

    def _fit(self) -> None:
        title, source, count = self._parts
        name = PurePath(source).name or source
        heading = visible(title or name)
        room = self.content_region.width or 80
        outlet = visible(self._outlet) if self._outlet else None
        tails = [
            " · ".join(part for part in (outlet, visible(where), count) if part)
            for where in (source, name)
        ]
        fits = [f"{heading} · {tail}" for tail in tails if cell_len(f"{heading} · {tail}") <= room]
        if fits:
            self.show(fits[0])
            return
        tail = tails[-1]
        keep = room - cell_len(tail) - 3
        heading = f"{set_cell_size(heading, keep - 1)}…" if keep >= 8 else heading
        self.show(f"{heading} · {tail}")


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
