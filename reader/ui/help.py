"""The help screen: every key binding, what it does, and the id to rebind it with.

The ids matter as much as the keys: a `keymap:` section in config.yaml rebinds by id
(`keymap: {nav.down: "ctrl+j"}`), so the screen shows them side by side. The rows come from the
app as plain (keys, description, id) tuples, so this screen does not need to know the app.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from reader.ui.keys import SEARCH_SYNTAX, bindings

HelpRow = tuple[str, str, str]
"""(keys, description, binding id): keys as typed, comma-separated ("], ?")."""


def _css() -> str:
    return Path(__file__).with_name("help.tcss").read_text(encoding="utf-8")


class HelpTable(DataTable[Text]):
    """The bindings table, with the keys a less or vim user reaches for (g/G, j/k, space/b)."""

    BINDINGS: ClassVar[list[BindingType]] = bindings("help_table")


class HelpScreen(ModalScreen[None]):
    """A modal table of bindings; Escape, q or ? closes it."""

    DEFAULT_CSS = _css()

    BINDINGS: ClassVar[list[BindingType]] = bindings("help")

    def __init__(
        self,
        bindings: Sequence[HelpRow],
        *,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.rows: tuple[HelpRow, ...] = tuple(bindings)

    def compose(self) -> ComposeResult:
        with Vertical(id="help-dialog") as dialog:
            dialog.border_title = "Keys"
            dialog.border_subtitle = "Escape, q or ? closes"
            example = self.rows[0][2] if self.rows else "binding-id"
            yield Static(
                f'Rebind a key in config.yaml by its id, e.g.  keymap: {{{example}: "ctrl+j"}}',
                id="help-intro",
                markup=False,
            )
            yield HelpTable(id="help-table", cursor_type="row", zebra_stripes=True)
            yield Static(SEARCH_SYNTAX, id="help-search", markup=False)

    def on_mount(self) -> None:
        table = self.query_one(HelpTable)
        table.add_column(Text("Keys", style="bold"), key="keys")
        # The id before the description: a long description may run past the edge, the id
        # (what `keymap:` needs) must not.
        table.add_column(Text("Binding id", style="bold"), key="id")
        table.add_column(Text("What it does", style="bold"), key="description")
        for keys, description, binding_id in self.rows:
            # Text, not str: DataTable would read a str as markup, and "[" is a key here.
            table.add_row(Text(keys), Text(binding_id), Text(description))
        table.focus()

    def action_close(self) -> None:
        self.dismiss(None)
