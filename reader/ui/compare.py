"""The compare screen (`c`, or `reader compare PATH…`): who gets to speak, in which article.

One row per open article (outlet or file name, date, title), one column per actor plus "none";
each cell is that actor's airtime: a bar, the share of the article's words, its blocks (b) and
direct quotes (q). The actor's tag stands before every bar, so a cell reads without colour
(mono themes, NO_COLOR, a 16-colour SSH session). Under the table: the speakers each actor has
in the current row's article.

Keys: arrows/hjkl move, g/G first/last row; `s` sorts by the current column (again: the other
way; clicking a header does the same), the cursor staying on its article; Enter reads that
article on that actor's panel; `v` opens the actor lens on the current column's actor;
Escape goes back to the reader.

The rows are computed by reader.compare (pure); articles not classified yet are classified
here in a thread worker first, and kept in the app's cache.
"""

from __future__ import annotations

from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.coordinate import Coordinate
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from reader.airtime import NONE
from reader.compare import TEXT_KEYS, CompareRow, actor_keys, bar, compare_rows, sort_rows
from reader.model import Actor, ClassifiedArticle
from reader.safe_text import visible
from reader.ui.css import widget_css
from reader.ui.open_articles import OpenArticles
from reader.ui.themes import actor_colours

NONE_TAG = "·"
WIDE_BAR = 10
NARROW_BAR = 4
WIDE_FROM = 120  # columns from which bars get WIDE_BAR cells


class CompareTable(DataTable[Text]):
    """The airtime table, with the keys a less or vim user reaches for."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        Binding("h", "cursor_left", "Left", show=False),
        Binding("l", "cursor_right", "Right", show=False),
        Binding("g,home", "scroll_top", "First", show=False),
        Binding("G,end", "scroll_bottom", "Last", show=False),
    ]


class CompareScreen(Screen[None]):
    """Airtime of every open article, side by side (see the module docstring)."""

    DEFAULT_CSS = widget_css("compare")

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("s", "sort", "Sort", id="compare.sort"),
        Binding("v", "lens", "Actor lens", id="compare.lens"),
        Binding("escape", "back", "Back", id="compare.back"),
    ]

    class Open(Message):
        """Read article `index` on `actor`'s panel ("none": the Other column; None: as left)."""

        def __init__(self, index: int, actor: str | None) -> None:
            super().__init__()
            self.index = index
            self.actor = actor

    class Lens(Message):
        """Open the actor lens on `actor` (an actor id)."""

        def __init__(self, actor: str) -> None:
            super().__init__()
            self.actor = actor

    def __init__(self, open_articles: OpenArticles) -> None:
        super().__init__()
        self.open_articles = open_articles
        self.actors: tuple[Actor, ...] = tuple(open_articles.config.actors)
        self.rows: list[CompareRow] = []
        self.sort_key: str | None = None
        self.sort_reverse = False
        self._drawn_bar = 0

    def compose(self) -> ComposeResult:
        yield Static(self._title(), id="compare-title", markup=False)
        yield Static("classifying…", id="compare-message", markup=False)
        yield CompareTable(
            id="compare-table", cursor_type="cell", zebra_stripes=True, show_cursor=True
        )
        yield Static("", id="compare-speakers", markup=False)
        yield Footer()

    def _title(self) -> str:
        count = len(self.open_articles.articles)
        return (
            f"Compare {count} article{'s' * (count != 1)} · share of words, blocks (b), "
            "quotes (q) per actor"
        )

    @property
    def table(self) -> CompareTable:
        return self.query_one("#compare-table", CompareTable)

    def on_mount(self) -> None:
        self.table.display = False
        self.query_one("#compare-speakers").display = False
        if self.open_articles.missing():
            self._classify()
        else:
            self._ready({})

    @work(thread=True, exclusive=True, group="compare")
    def _classify(self) -> None:
        found = self.open_articles.classify_missing()
        self.app.call_from_thread(self._ready, found)

    def articles_changed(self) -> None:
        """An article joined the open ones (a URL arrived): count it too."""
        if self.open_articles.missing():
            self._classify()
        else:
            self._ready({})

    def _ready(self, found: dict[int, ClassifiedArticle]) -> None:
        classified = self.open_articles.keep(found)
        if classified is None:  # more arrived meanwhile
            self._classify()
            return
        self.rows = compare_rows(classified)
        self.query_one("#compare-title", Static).update(self._title())
        self.query_one("#compare-message").display = False
        self.table.display = True
        self.query_one("#compare-speakers").display = True
        self._fill(keep=None)
        self.table.focus()

    # --- drawing ------------------------------------------------------------------------

    def _keys(self) -> list[str]:
        return ["outlet", "date", *actor_keys(self.actors), "title"]

    def _fill(self, keep: tuple[int, str] | None) -> None:
        """(Re)build the table in the current order; `keep` = (article, column key) to stand on.

        Each column is given the width of its widest cell. Left to measure them itself, the
        table does so when it next idles, and a frame drawn before that (a worker's answer
        arriving just before the screen's refresh) was kept at the headings' widths: the
        outlets, bars and titles cut short until the next key (seen on a loaded machine)."""
        table = self.table
        table.clear(columns=True)
        width = self._bar_width()
        colours = actor_colours(self.app.current_theme, self.actors)
        keys = [key for key in self._keys() if key != "date" or any(r.date for r in self.rows)]
        self._drawn_bar = width
        rows = [[self._cell(row, key, width, colours) for key in keys] for row in self.rows]
        for number, key in enumerate(keys):
            heading = self._heading(key)
            widest = max((cells[number].cell_len for cells in rows), default=0)
            table.add_column(heading, key=key, width=max(heading.cell_len, widest))
        for row, cells in zip(self.rows, rows, strict=True):
            table.add_row(*cells, key=str(row.index))
        if keep is not None:
            article, column = keep
            order = [row.index for row in self.rows]
            if article in order and column in keys:
                table.move_cursor(row=order.index(article), column=keys.index(column))
        self._show_speakers()

    def _bar_width(self) -> int:
        return WIDE_BAR if self.app.size.width >= WIDE_FROM else NARROW_BAR

    def _heading(self, key: str) -> Text:
        labels = {actor.id: f"{actor.tag} {actor.label}" for actor in self.actors}
        labels[NONE] = f"{NONE_TAG} none"
        text = labels.get(key, key.capitalize())
        if key == self.sort_key:
            ascending = (key in TEXT_KEYS) != self.sort_reverse
            text += " ▲" if ascending else " ▼"
        return Text(visible(text), style="bold")

    def _cell(self, row: CompareRow, key: str, width: int, colours: dict[str, str]) -> Text:
        if key in TEXT_KEYS:  # outlet, date, title
            return Text(visible(str(getattr(row, key))))
        entry = row.cell(key)
        tag = next((actor.tag for actor in self.actors if actor.id == key), NONE_TAG)
        colour = colours.get(key)
        style = Style(color=colour) if colour else Style(dim=True)
        text = Text()
        text.append(f"{visible(tag)} ", style=style + Style(bold=True))
        text.append(bar(entry.share, width), style=style)
        text.append(f" {entry.share * 100:3.0f}% {entry.blocks}b {entry.quotes}q")
        return text

    def _current(self) -> tuple[CompareRow, str] | None:
        table = self.table
        if not self.rows or table.row_count == 0:
            return None
        coordinate = table.cursor_coordinate
        row_key, column_key = table.coordinate_to_cell_key(coordinate)
        row = next((r for r in self.rows if str(r.index) == row_key.value), None)
        if row is None:
            return None
        return row, str(column_key.value)

    def _show_speakers(self) -> None:
        current = self._current()
        widget = self.query_one("#compare-speakers", Static)
        if current is None:
            widget.update("")
            return
        row = current[0]
        lines = [Text(f"Speakers in {visible(row.outlet)}:", style="bold")]
        for actor in self.actors:
            names = row.cell(actor.id).speakers
            line = Text(f"{visible(actor.tag)} {visible(actor.label)}: ", style="bold")
            line.append(visible("; ".join(names)) if names else "—")
            lines.append(line)
        widget.update(Text("\n").join(lines))

    # --- events and actions -------------------------------------------------------------

    def on_data_table_cell_highlighted(self, event: DataTable.CellHighlighted) -> None:
        self._show_speakers()

    def on_data_table_cell_selected(self, event: DataTable.CellSelected) -> None:
        event.stop()
        current = self._current()
        if current is None:
            return
        row, key = current
        actor = key if key in actor_keys(self.actors) else None
        self.post_message(self.Open(row.index, actor))

    def on_data_table_header_selected(self, event: DataTable.HeaderSelected) -> None:
        event.stop()
        self.sort_by(str(event.column_key.value))

    def action_sort(self) -> None:
        current = self._current()
        if current is not None:
            self.sort_by(current[1])

    def sort_by(self, key: str) -> None:
        """Sort by column `key`; sorting by the same column again turns the order round."""
        current = self._current()
        self.sort_reverse = not self.sort_reverse if key == self.sort_key else False
        self.sort_key = key
        self.rows = sort_rows(self.rows, key, reverse=self.sort_reverse)
        column = current[1] if current is not None else key
        article = current[0].index if current is not None else self.rows[0].index
        self._fill(keep=(article, column))

    def action_lens(self) -> None:
        current = self._current()
        ids = [actor.id for actor in self.actors]
        if current is not None and current[1] in ids:
            self.post_message(self.Lens(current[1]))
        else:
            self.notify("The lens shows one actor: move to an actor's column first.")

    def action_back(self) -> None:
        self.dismiss(None)

    def on_resize(self) -> None:
        if self.rows and self._bar_width() != self._drawn_bar:
            current = self._current()
            self._fill(keep=(current[0].index, current[1]) if current else None)

    @property
    def cursor(self) -> Coordinate:
        return self.table.cursor_coordinate
