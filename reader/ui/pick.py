"""The two list screens of the web: a feed's items, and the links of the current block.

Each is a modal list that returns what was picked (an index) to the app, which decides what
to do with it: fetch and open an article, copy a link. Their rows quote feeds and pages,
which are untrusted: every row is `visible()` text, never markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from reader.model import Link
from reader.safe_text import visible
from reader.ui.keys import bindings

if TYPE_CHECKING:
    from reader.feeds import FeedItem


def _css() -> str:
    return Path(__file__).with_name("pick.tcss").read_text(encoding="utf-8")


class PickList(OptionList):
    """An option list with the keys of the panels (j/k, g/G)."""

    BINDINGS: ClassVar[list[BindingType]] = bindings("pick_list")


class _PickScreen(ModalScreen[tuple[str, int] | None]):
    """A titled list; dismissed with ("open", index), ("copy", index) or None (Escape)."""

    DEFAULT_CSS = _css()
    BINDINGS: ClassVar[list[BindingType]] = bindings("pick")

    def __init__(self, title: str, hint: str, rows: Sequence[Text], start: int = 0) -> None:
        super().__init__()
        self.title_text = title
        self.hint = hint
        self.rows = tuple(rows)
        self.start = start

    def compose(self) -> ComposeResult:
        with Vertical(id="pick-dialog") as dialog:
            dialog.border_title = visible(self.title_text)
            dialog.border_subtitle = self.hint
            if not self.rows:
                yield Static("nothing to list", id="pick-empty", markup=False)
            yield PickList(*(Option(row) for row in self.rows), id="pick-list")

    def on_mount(self) -> None:
        options = self.query_one(PickList)
        if self.rows:
            options.highlighted = min(self.start, len(self.rows) - 1)
        options.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(("open", event.option_index))

    def action_copy(self) -> None:
        index = self.query_one(PickList).highlighted
        if index is not None:
            self.dismiss(("copy", index))

    def action_close(self) -> None:
        self.dismiss(None)


class FeedScreen(_PickScreen):
    """The items of the feeds on the command line: title · date · outlet."""

    def __init__(self, items: Sequence[FeedItem], start: int = 0) -> None:
        rows = []
        for item in items:
            row = Text(visible(item.title), style="bold")
            details = " · ".join(visible(part) for part in (item.date, item.outlet) if part)
            if details:
                row.append(f"  {details}", style="dim")
            rows.append(row)
        outlets = sorted({item.outlet for item in items if item.outlet})
        title = f"Feed: {', '.join(outlets)}" if outlets else "Feed"
        super().__init__(title, "Enter opens · y copies the link · Escape back", rows, start)


class LinksScreen(_PickScreen):
    """The links of one block: text → URL."""

    def __init__(self, links: Sequence[Link]) -> None:
        rows = []
        for link in links:
            row = Text(visible(link.text), style="bold")
            row.append(f"  {visible(link.url)}", style="dim")
            rows.append(row)
        super().__init__(
            "Links in this block", "Enter opens in the reader · y copies · Escape back", rows
        )
