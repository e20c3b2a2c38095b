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


AirtimePart = tuple[str, float, str | None]
"""(tag, share 0..1, colour or None) of one actor in the header's airtime bar."""

AIRTIME_BAR = 12
"""Cells of the header's stacked airtime bar."""


def airtime_bar(parts: list[AirtimePart], width: int = AIRTIME_BAR) -> Content:
    """A stacked bar of `width` cells, each actor's cells in its colour, then each actor's tag
    and share ("N12 R53 U9 ·26"): the numbers carry it where colour does not (mono, NO_COLOR)."""
    cells: list[tuple[str, str]] = []
    spent = 0.0
    for _, share, colour in parts:
        start, spent = round(spent * width), spent + share
        count = round(spent * width) - start
        if count > 0:
            cells.append(("█" * count, colour or "dim"))
    legend = " ".join(f"{tag}{share * 100:.0f}" for tag, share, _ in parts)
    used = sum(len(text) for text, _ in cells)
    return Content.assemble("▕", *cells, " " * (width - used), "▏ ", legend)


def airtime_numbers(parts: list[AirtimePart]) -> Content:
    return Content(" ".join(f"{tag}{share * 100:.0f}" for tag, share, _ in parts))


class HeaderLine(_Line):
    """Article title · source · article k of M, and the article's airtime (each actor's share
    of its words, reader.airtime) as a one-line bar, fitted to the width: the source shrinks to
    its file name, the bar to its numbers, then the airtime goes, then the title is cut with an
    ellipsis; the article count always shows."""

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
    _airtime: list[AirtimePart] | None = None
    _outlet: str | None = None

    def show_article(
        self, title: str | None, source: str, count: str | None, *, outlet: str | None = None
    ) -> None:
        """`outlet` (a web page's site name) shows before the source: whose article it is."""
        self._parts = (title, source, count)
        self._outlet = outlet
        self._airtime = None
        self._fit()

    def show_airtime(self, parts: list[AirtimePart] | None) -> None:
        """Show the article's airtime (None: none yet, e.g. while it is classified)."""
        self._airtime = parts
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
        if self._airtime and self._fit_airtime(heading, tails, room):
            return
        if fits:
            self.show(fits[0])
            return
        tail = tails[-1]
        keep = room - cell_len(tail) - 3
        heading = f"{set_cell_size(heading, keep - 1)}…" if keep >= 8 else heading
        self.show(f"{heading} · {tail}")

    def _fit_airtime(self, heading: str, tails: list[str], room: int) -> bool:
        """Show the line with the airtime at its right end if it fits beside the whole title
        (the title comes first); whether it did."""
        assert self._airtime is not None
        for right in (airtime_bar(self._airtime), airtime_numbers(self._airtime)):
            for tail in tails:
                left = f"{heading} · {tail}"
                gap = room - cell_len(left) - right.cell_length
                if gap >= 2:
                    self._show_content(left + " " * gap, right)
                    return True
        return False

    def _show_content(self, left: str, right: Content) -> None:
        text = f"{left}{right.plain}"
        if text != self._text:
            self._text = text
            self.update(Content.assemble(visible(left), right), layout=False)


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
