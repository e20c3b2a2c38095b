"""The panels: ONE Line-API ScrollView that draws every actor column of a row itself.

Why one widget: Textual has no scroll binding between widgets. Here `render_line(y)` builds a
single Strip from each column's pre-wrapped line for that screen row, so the columns cannot
drift apart under scrolling, resizing, search jumps or mode switches: sync is by construction.
Nothing is a widget per block, so 100,000 blocks cost what the screen shows.

How a frame is computed (the data in `reader.viewmodel.tracks`, the drawing in `reader.ui.paint`)
- Wrapping and tracks: each block's text is wrapped once per width; a *track* is blocks drawn one
  under the other with prefix sums of their heights, so "which block is at line y" is one bisect.
  Aligned mode has one track (every block, in article order), compact mode one per column.
- Scrolling: the ScrollView's `scroll_y` scrolls the primary track: the aligned track, or in
  compact mode the focused column's track. In compact mode every other column is drawn at its
  own offset, computed (not stored) from the cursor: the column's block nearest to the current
  block is put on the screen row where the focused column's cursor sits, clamped so the column
  does not scroll past its ends. Nothing to keep in sync, so nothing can go out of sync.
- Line 0 is the column header, fixed; content starts at line 1.
- A cursor move that does not scroll refreshes only the lines of the old and new block (and in
  compact mode, only when no other column moves), which keeps SSH traffic small.
- The terminal cursor is put on the current block (`App.cursor_position`), so screen readers
  and braille displays follow.

Narrow terminals: when a column's text would be narrower than `reader.viewmodel.tracks.MIN_TEXT` (or
the reader chose it: `M`, `view: merged`), one column is shown and the header names the panels
abbreviated. Aligned mode then merges the panels
into that one column, every block in article order with a tag slot per actor in its gutter.
Compact mode shows the focused panel's own blocks; Tab (and a count before it) switch panels.
Wide terminals: text columns are capped at `reader.viewmodel.tracks.MAX_TEXT` cells.

Bindings: `reader.ui.keys` holds every key with its id (the README's Keys table is made from it).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, ClassVar, Literal

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import BindingType
from textual.geometry import Offset, Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from reader.model import ClassifiedArticle
from reader.ui.css import widget_css
from reader.ui.keys import bindings
from reader.ui.paint import Painter, colour_style, fitted_strip
from reader.viewmodel.counts import CountPrefix
from reader.viewmodel.layout import Layout, block_display, build_layout, display_text, kept_breaks
from reader.viewmodel.tracks import Geometry, Track, Wraps, build_tracks, geometry_for

if TYPE_CHECKING:  # search loads on the first search
    from reader.viewmodel.search import Match, Results

PendingKey = Literal["mark", "jump"]


@dataclass(frozen=True, slots=True)
class ViewState:
    """Where a reader stands in one article, kept across article switches and reloads.

    `block` is the current block, `column` the focused actor id (None: the first panel),
    `row` the screen line the current block's top stood on (so a re-classification keeps it
    in place), `marks` letter -> block index. `reader.viewmodel.state` persists block, actor and
    marks.
    """

    block: int = 0
    column: str | None = None
    row: int = 0
    compact: bool = False
    marks: Mapping[str, int] = field(default_factory=dict)


class ReaderView(ScrollView, can_focus=True):
    """The synchronised actor panels of one classified article (see the module docstring)."""

    DEFAULT_CSS = widget_css("view")

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "view--header",
        "view--header-focus",
        "view--gap",
        "view--band",
        "view--cursor",
        "view--nearest",
        "view--match",
        "view--match-current",
        "view--separator",
        "view--dim",
        "view--message",
        "view--title",
        "view--heading",
        "view--quote",
        "view--item",
        "view--table",
    }

    BINDINGS: ClassVar[list[BindingType]] = bindings("view")

    class Changed(Message):
        """The position, focus, mode or search state changed: the status line redraws.

        It carries no state (its handlers read the view), so a run of them queued while the
        app was busy (a held key, a burst of scroll events) is handled once: the last one.
        """

        def __init__(self, view: ReaderView) -> None:
            super().__init__()
            self.view = view

        @property
        def control(self) -> ReaderView:
            return self.view

        def can_replace(self, message: Message) -> bool:
            return isinstance(message, ReaderView.Changed) and message.view is self.view

    class TabbedOut(Message):
        """Tab past the last panel while `tab_out` is set: the app focuses the next pane."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._classified: ClassifiedArticle | None = None
        self._layout: Layout | None = None
        self._texts: list[str] = []
        self._kinds: list[str] = []
        self._breaks: dict[int, tuple[int, ...]] = {}
        self._colours: Mapping[str, str] = {}
        self._column_styles: list[Style] = []
        self._message: str = ""
        self.compact = False
        self.merge = False
        """The reader chose one merged column (`M`, `view: merged`) even where panels fit."""
        self.expected_blocks: int | None = None
        """The article's real length while only its first part is shown (being classified)."""
        self.waiting_for: int | None = None
        """The block G (or 10G) asked for beyond the part shown: gone to when it arrives."""
        self.tab_out = False
        """Tab past the last panel leaves the panels (the app sets it while explain is open)."""
        self.show_other = False
        self.block = 0
        self.focus_column = 0
        self.marks: dict[str, int] = {}
        self._previous_jump: int | None = None
        self.pending: PendingKey | None = None
        self.counts = CountPrefix()
        """Digits typed before a motion (`5j`): see `reader.ui.keys`."""
        self.results: Results | None = None
        self._spans: dict[int, list[tuple[int, int]]] = {}
        self.match_index: int | None = None
        self.note = ""
        self._geometry: Geometry | None = None
        self._wraps = Wraps()
        self._track: Track | None = None  # aligned
        self._tracks: dict[int, Track] = {}  # compact, by column
        self._offsets_key: tuple[int, int, int] | None = None
        self._offsets: dict[int, int] = {}
        self._styles: dict[str, Style] = {}
        # `rich_style` walks every ancestor and blends their colours: once per style
        # update, not twice a line (a third of drawing the first screen was spent there).
        self._base_style: Style | None = None

    # --- public state -------------------------------------------------------------------

    @property
    def classified(self) -> ClassifiedArticle | None:
        return self._classified

    @property
    def layout_(self) -> Layout | None:
        """The current placement of blocks in columns (None while nothing is shown)."""
        return self._layout

    @property
    def geometry(self) -> Geometry | None:
        return self._geometry

    @property
    def block_count(self) -> int:
        return len(self._texts)

    @property
    def focused_actor(self) -> str | None:
        """The label of the focused panel."""
        if self._layout is None or not self._layout.columns:
            return None
        return self._layout.columns[self.focus_column].label

    @property
    def narrow(self) -> bool:
        return self._geometry is not None and self._geometry.narrow

    def copy_text(self, block: int | None = None) -> str:
        """The block as `y` copies it: its marker, and a table's rows on their own lines."""
        index = self.block if block is None else block
        if self._classified is None or not 0 <= index < len(self._texts):
            return ""
        original = self._classified.article.blocks[index]
        if original.kind != "table":
            return self._texts[index]
        return "\n".join(display_text(line) for line in original.text.split("\n"))

    def block_text(self, block: int | None = None) -> str:
        """The display text of a block (the current one by default): safe for a screen."""
        index = self.block if block is None else block
        return self._texts[index] if 0 <= index < len(self._texts) else ""

    def show_message(self, message: str) -> None:
        """Show `message` instead of an article (e.g. while classifying)."""
        self._message = message
        if self._classified is None:
            self.refresh()

    def clear(self, message: str) -> None:
        """Show `message` and no article: another article is being classified.

        Without this the previous article stayed on screen under the new article's header,
        and the keys moved in an article the header no longer named.
        """
        self._classified = None
        self._layout = None
        self._geometry = None
        self._texts = []
        self._wraps.reset(self._texts)
        self._track = None
        self._tracks = {}
        self._offsets_key = None
        self.results = None
        self._spans = {}
        self.match_index = None
        self.pending = None
        self.waiting_for = None
        self.expected_blocks = None
        self._message = message
        self.virtual_size = Size(self.size.width, 0)
        self.scroll_to(y=0, animate=False, immediate=True, force=True)
        self.refresh()
        self._changed()

    def state(self) -> ViewState:
        """Where the reader stands, to restore after a reload or on reopening."""
        column = None
        if self._layout is not None and self._layout.columns:
            column = self._layout.columns[self.focus_column].id
        return ViewState(self.block, column, self._cursor_row(), self.compact, dict(self.marks))

    def set_article(
        self,
        classified: ClassifiedArticle,
        state: ViewState | None = None,
        *,
        colours: Mapping[str, str] | None = None,
        total: int | None = None,
    ) -> None:
        """Show `classified`, standing at `state` (its block kept on the same screen row).

        `total`: the article's real length when `classified` is only its first part. A block
        G asked for beyond an earlier part is gone to once it is here."""
        self._classified = classified
        shown = len(classified.article.blocks)
        self.expected_blocks = total if total is not None and total > shown else None
        if colours is not None:
            self._colours = colours
        blocks = classified.article.blocks
        self._texts = [block_display(block) for block in blocks]
        self._kinds = [block.kind for block in blocks]
        self._breaks = {i: b for i, b in enumerate(map(kept_breaks, blocks)) if b}
        self._wraps.reset(self._texts, self._breaks)
        self.results = None
        self._spans = {}
        self.match_index = None
        state = state or ViewState()
        self.compact = state.compact
        self.marks = {k: v for k, v in state.marks.items() if 0 <= v < len(self._texts)}
        self.block = max(0, min(state.block, len(self._texts) - 1))
        self._build_layout()
        self.focus_column = 0
        if state.column is not None and self._layout is not None:
            ids = [column.id for column in self._layout.columns]
            if state.column in ids:
                self.focus_column = ids.index(state.column)
        self._relayout(keep_row=state.row)
        waiting = self.waiting_for
        if waiting is not None and waiting < len(self._texts):
            self.waiting_for = None
            self._previous_jump = self.block
            self.go(waiting, center=waiting < len(self._texts) - 1, show=True)
            self.note = f"at block {waiting + 1:,} of {len(self._texts):,}"
            self._changed()

    def set_colours(self, colours: Mapping[str, str]) -> None:
        """Actor colour overrides (a theme's): redraw, placement unchanged."""
        self._colours = colours
        if self._classified is not None:
            self._build_layout()
            self.refresh()

    def set_results(self, results: Results | None) -> None:
        """Highlight `results` (None clears), and make the first match at or after the cursor
        current without moving: n then goes there."""
        self.results = results
        self._spans = results.spans() if results is not None else {}
        self.match_index = None
        self.refresh()
        self._changed()

    # --- building -----------------------------------------------------------------------

    def _build_layout(self) -> None:
        assert self._classified is not None
        self._layout = build_layout(
            self._classified, show_other=self.show_other, colours=self._colours
        )
        self._column_styles = [colour_style(column.colour) for column in self._layout.columns]
        self.focus_column = min(self.focus_column, max(0, len(self._layout.columns) - 1))

    def _geometry_for(self, width: int) -> Geometry:
        assert self._layout is not None
        return geometry_for(
            self._layout,
            width,
            compact=self.compact,
            focus_column=self.focus_column,
            merge=self.merge,
        )

    def _build_tracks(self) -> None:
        """Heights and prefix sums for the current geometry and mode."""
        assert self._layout is not None and self._geometry is not None
        self._track, self._tracks = build_tracks(
            self._layout, self._geometry, self._wraps, compact=self.compact
        )
        self._offsets_key = None

    @property
    def primary(self) -> Track | None:
        """The track `scroll_y` scrolls: the aligned one, or the focused column's."""
        if not self.compact:
            return self._track
        return self._tracks.get(self.focus_column)

    def _relayout(self, keep_row: int | None = None) -> None:
        """Rebuild geometry and tracks, keeping the current block on screen row `keep_row`."""
        if self._layout is None:
            return
        row = self._cursor_row() if keep_row is None else keep_row
        width = self.scrollable_content_region.width or self.size.width or 80
        self._geometry = self._geometry_for(width)
        self._build_tracks()
        track = self.primary
        height = track.height if track is not None else 0
        self.virtual_size = Size(width, height + 1)
        top = self._anchor_top()
        if top is not None:
            target = max(0, top - max(0, row))
            self.scroll_to(y=target, animate=False, immediate=True, force=True)
        self._ensure_visible()
        self.refresh()
        self._place_cursor()
        self._changed()

    # --- geometry helpers ------------------------------------------------------------------

    @property
    def _viewport(self) -> int:
        """Content lines on screen (the header takes one)."""
        return max(1, self.scrollable_content_region.height - 1)

    def _anchor_row(self) -> int | None:
        """The primary track's row the cursor is on (nearest block in compact mode)."""
        track = self.primary
        if track is None or not len(track):
            return None
        if not self.compact:
            return self.block
        return track.row_of(self._nearest(self.focus_column))

    def _nearest(self, column: int) -> int:
        assert self._layout is not None
        near = self._layout.nearest(column, self.block)
        return self.block if near is None else near

    def _anchor_top(self) -> int | None:
        row = self._anchor_row()
        track = self.primary
        if row is None or track is None:
            return None
        return track.tops[row]

    def _cursor_row(self) -> int:
        """Screen row (0 = first content line) of the current block's top."""
        top = self._anchor_top()
        return 0 if top is None else top - round(self.scroll_y)

    def _ensure_visible(self) -> bool:
        """Scroll the least that shows the current block; True if it scrolled."""
        row = self._anchor_row()
        track = self.primary
        if row is None or track is None:
            return False
        top = track.tops[row]
        bottom = track.tops[row + 1] - 1  # without the blank line after it
        scroll = round(self.scroll_y)
        view = self._viewport
        if top < scroll:
            target = top
        elif bottom > scroll + view:
            target = min(top, bottom - view)
        else:
            return False
        self.scroll_to(y=target, animate=False, immediate=True, force=True)
        return round(self.scroll_y) != scroll

    # --- moving -------------------------------------------------------------------------

    def go(self, block: int, *, center: bool = False, show: bool = False) -> None:
        """Make `block` current, scrolling the least (or centring it) to show it.

        `show`: in compact mode, focus a panel that holds the block if the focused one does not.
        """
        if not self._texts or self._layout is None:
            return
        block = max(0, min(block, len(self._texts) - 1))
        old_block, old_scroll = self.block, round(self.scroll_y)
        old_offsets = self._compact_offsets() if self.compact else {}
        if show and self.compact:
            where = self._layout.placement[block]
            if where and self.focus_column not in where:
                self.block = block
                self.focus_column = where[0]
                self._relayout(keep_row=self._viewport // 3)
                return
        self.block = block
        if center:
            top = self._anchor_top()
            if top is not None:
                target = max(0, top - self._viewport // 3)
                self.scroll_to(y=target, animate=False, immediate=True, force=True)
        else:
            self._ensure_visible()
        if round(self.scroll_y) == old_scroll and (
            not self.compact or self._compact_offsets() == old_offsets
        ):
            self._refresh_block(old_block)
            self._refresh_block(block)
        else:
            self.refresh()
        self._place_cursor()
        self._changed()

    def _refresh_block(self, block: int) -> None:
        """Refresh only the screen lines of `block` (all columns of its row)."""
        if self.compact:
            # Each column draws the block at its own height: refresh each one's lines.
            for column, track in self._tracks.items():
                row = track.row_of(block)
                if row is None:
                    row = track.row_of(self._nearest(column))
                if row is None:
                    continue
                offset = self._column_offset(column)
                self._refresh_lines(track.tops[row] - offset, track.tops[row + 1] - offset)
            # The nearest markers of other panels move with the block: redraw their lines too.
            return
        if self._track is None:
            return
        scroll = round(self.scroll_y)
        start, end = self._track.tops[block] - scroll, self._track.tops[block + 1] - scroll
        geometry, layout = self._geometry, self._layout
        where = layout.placement[block] if layout is not None else ()
        if geometry is None or geometry.merged or not where:
            self._refresh_lines(start, end)  # a band or the merged column: whole lines change
            return
        # Only the panels that show the block change (the gaps beside it do not): over SSH
        # every cell repainted is bytes sent.
        for position, column in enumerate(geometry.visible):
            if column in where:
                self._refresh_lines(start, end, geometry.xs[position], geometry.column_width)

    def _refresh_lines(self, start: int, end: int, x: int = 0, width: int | None = None) -> None:
        start, end = max(0, start), min(self._viewport, end)
        if end > start:
            self.refresh(
                Region(x, start + 1, self.size.width if width is None else width, end - start)
            )

    def step(self, delta: int) -> None:
        """Move to the next (+1) or previous (-1) block of the primary track."""
        track = self.primary
        row = self._anchor_row()
        if track is None or row is None:
            return
        nearest = track.blocks[row]
        if self.compact and nearest != self.block and (delta > 0) == (nearest > self.block):
            # The cursor is between this panel's blocks: the first step lands on the nearest.
            self.go(nearest)
            return
        target = max(0, min(len(track) - 1, row + delta))
        self.go(track.blocks[target])

    def page(self, fraction: float) -> None:
        """Scroll by a fraction of the page and put the cursor on the first block in view."""
        track = self.primary
        if track is None or not len(track):
            return
        view = self._viewport
        amount = max(1, int(view * abs(fraction)))
        scroll = round(self.scroll_y)
        # The last line worth showing is the last block's last line (not the blank after it).
        limit = max(0, track.height - 1 - view)
        target = max(0, min(limit, scroll + (amount if fraction > 0 else -amount)))
        if (target <= scroll and fraction > 0) or (target == scroll and fraction < 0):
            # At an end already: go to the last (first) block, like less.
            self.go(track.blocks[-1] if fraction > 0 else track.blocks[0])
            return
        self.scroll_to(y=target, animate=False, immediate=True, force=True)
        row = track.row_at(target)
        if (
            track.tops[row] < target
            and row + 1 < len(track)
            and track.tops[row + 1] < target + view
        ):
            row += 1
        self.block = track.blocks[row]
        self.refresh()
        self._place_cursor()
        self._changed()

    def focus_panel(self, column: int) -> None:
        """Focus panel `column`; compact mode brings the cursor to its nearest block."""
        if self._layout is None or not (0 <= column < len(self._layout.columns)):
            return
        if column == self.focus_column:
            return
        row = self._cursor_row()
        self.focus_column = column
        if self.compact:
            near = self._layout.nearest(column, self.block)
            if near is not None:
                self.block = near
        if self.compact or self.narrow:
            self._relayout(keep_row=row)
        else:
            self.refresh(Region(0, 0, self.size.width, 1))
            self._refresh_block(self.block)
            self._place_cursor()
            self._changed()

    def set_compact(self, compact: bool) -> None:
        if compact != self.compact and self._layout is not None:
            row = self._cursor_row()
            if compact:
                near = self._layout.nearest(self.focus_column, self.block)
                if near is None:
                    # An empty focused panel: focus the first panel that holds the block.
                    where = self._layout.placement[self.block]
                    if where:
                        self.focus_column = where[0]
            self.compact = compact
            self._relayout(keep_row=row)

    def set_show_other(self, show: bool) -> None:
        if show != self.show_other and self._classified is not None:
            row = self._cursor_row()
            self.show_other = show
            self._build_layout()
            self._wraps.reset(self._texts, self._breaks)
            self._relayout(keep_row=row)

    def match_summary(self) -> str:
        """The search's place for the status and search lines: "3/12", "12+ matches", or ""."""
        results = self.results
        if results is None:
            return ""
        total = f"{len(results.matches)}{'+' if results.truncated else ''}"
        if self.match_index is None:
            return f"{total} matches"
        return f"{self.match_index + 1}/{total}"

    def goto_match(self, delta: int) -> Match | None:
        """Go to the next (+1) / previous (-1) match from the cursor, across panels, wrapping."""
        results = self.results
        if results is None or not results.matches:
            return None
        current = self.match_index
        if current is not None and results.matches[current].block == self.block:
            match = results.matches[current]
            index = (
                results.after(match.block, match.start)
                if delta > 0
                else results.before(match.block, match.start)
            )
            wrapped = index is not None and (index <= current if delta > 0 else index >= current)
        else:
            index = results.after(self.block, -1) if delta > 0 else results.before(self.block, 0)
            target = results.matches[index].block if index is not None else self.block
            wrapped = target < self.block if delta > 0 else target >= self.block
        if wrapped:
            # Like less and vim: say so when the search went round the article's end.
            self.note = "search wrapped to the top" if delta > 0 else "search wrapped to the end"
        return self._select_match(index)

    def goto_first_match(self, origin: int) -> Match | None:
        """Go to the first match at or after block `origin` (wrapping): search as you type."""
        results = self.results
        if results is None or not results.matches:
            return None
        return self._select_match(results.after(origin, -1))

    def _select_match(self, index: int | None) -> Match | None:
        """Make match `index` the current one and bring it into view."""
        if index is None or self.results is None:
            return None
        self.match_index = index
        match = self.results.matches[index]
        if match.block == self.block:
            self._changed()
        else:
            self.go(match.block, show=True)
        self.refresh()  # the current match's highlight moved
        return match

    def set_mark(self, letter: str) -> None:
        self.marks[letter] = self.block
        self.note = f"mark '{letter}' set at block {self.block + 1}"
        self._changed()

    def jump_mark(self, letter: str) -> None:
        if letter == "'":
            target = self._previous_jump
            if target is None:
                self.note = "no earlier position"
                self._changed()
                return
        elif letter in self.marks:
            target = self.marks[letter]
        else:
            self.note = f"no mark '{letter}'"
            self._changed()
            return
        self._previous_jump = self.block
        self.note = f"jumped to mark '{letter}'" if letter != "'" else "jumped back"
        self.go(target, center=True, show=True)

    # --- actions (bindings) -------------------------------------------------------------

    def action_next_block(self) -> None:
        self.step(self.counts.times())

    def action_prev_block(self) -> None:
        self.step(-self.counts.times())

    def action_page(self, direction: int) -> None:
        self.page(float(direction * self.counts.times()))

    def action_half_page(self, direction: int) -> None:
        self.page(direction * self.counts.times() / 2)

    def action_first(self) -> None:
        self._go_counted(first=True)

    def action_last(self) -> None:
        self._go_counted(first=False)

    def _go_counted(self, *, first: bool) -> None:
        """g / G: block N when a count was typed, else the first / last block."""
        track = self.primary
        if track is None or not len(track):
            return
        self._previous_jump = self.block
        count = self.counts.current
        target = (count - 1) if count is not None else (0 if first else -1)
        if self._wait_for(target):
            return
        if count is not None:
            self.go(count - 1, center=True, show=True)
        else:
            self.go(track.blocks[0] if first else track.blocks[-1])

    def _wait_for(self, target: int) -> bool:
        """While only the first part is shown, a block beyond it (-1: the end) is gone to
        when the whole article arrives; say so meanwhile. True when waiting."""
        total = self.expected_blocks
        if total is None or (0 <= target < len(self._texts)):
            return False
        self.waiting_for = min(target, total - 1) if target >= 0 else total - 1
        self.note = f"going to block {self.waiting_for + 1:,} once it is classified…"
        self._changed()
        return True

    def action_cycle_panel(self, delta: int) -> None:
        if self._layout is None or not self._layout.columns:
            return
        count = self.counts.current
        if count is not None and delta > 0:
            self.focus_panel(count - 1)  # 3 tab: panel 3, as vim's 3gt
            return
        last = len(self._layout.columns) - 1
        if self.tab_out and delta > 0 and self.focus_column == last:
            self.post_message(self.TabbedOut())
            return
        self.focus_panel((self.focus_column + delta) % len(self._layout.columns))

    def action_focus_panel(self, column: int) -> None:
        self.focus_panel(column)

    def action_neighbour_panel(self, delta: int) -> None:
        if self._layout is not None and self._layout.columns:
            target = max(0, min(len(self._layout.columns) - 1, self.focus_column + delta))
            self.focus_panel(target)

    def action_actor_block(self, delta: int) -> None:
        if self._layout is None or not self._layout.columns:
            return
        find = self._layout.next_in if delta > 0 else self._layout.prev_in
        target: int | None = self.block
        for _ in range(self.counts.times()):
            found = find(self.focus_column, target) if target is not None else None
            if found is None:
                break
            target = found
        if target is None or target == self.block:
            self.note = f"no {'later' if delta > 0 else 'earlier'} {self.focused_actor} block"
            self._changed()
            return
        self.go(target)

    def action_match(self, delta: int) -> None:
        if self.results is None or not self.results.matches:
            self.note = "no search" if self.results is None else "no matches"
            self._changed()
            return
        for _ in range(self.counts.times()):
            self.goto_match(delta)

    def action_pending(self, kind: PendingKey) -> None:
        self.pending = kind
        self._changed()

    def action_toggle_mode(self) -> None:
        self.set_compact(not self.compact)

    def set_merge(self, merge: bool) -> None:
        """One merged column (True) or side-by-side panels where they fit (False)."""
        if merge != self.merge:
            self.merge = merge
            if self._layout is not None:
                self._relayout(keep_row=self._cursor_row())

    def action_toggle_merged(self) -> None:
        self.set_merge(not self.merge)
        self.note = "one merged column" if self.merge else "side-by-side panels"
        self._changed()

    def action_toggle_other(self) -> None:
        self.set_show_other(not self.show_other)

    async def on_key(self, event: events.Key) -> None:
        """The second key of m<letter> and '<letter>; any key retires the last note."""
        if self.note:
            self.note = ""
            self._changed()
        self.waiting_for = None  # a key after G: the reader moved on (G itself asks again)
        if self.pending is None:
            if self.counts.feed(event.character):
                event.stop()
                event.prevent_default()
                self._changed()
                return
            action = self._own_action(event.key)
            if action is not None:
                event.stop()
                event.prevent_default()
                await self.run_action(action)
            return
        kind, self.pending = self.pending, None
        event.stop()
        event.prevent_default()
        letter = event.character or ""
        if kind == "jump" and letter == "'":
            self.jump_mark("'")
        elif len(letter) == 1 and letter.isalpha() and letter.isascii():
            if kind == "mark":
                self.set_mark(letter)
            else:
                self.jump_mark(letter)
        else:
            self.note = "marks are letters a-z, A-Z"
            self._changed()

    def _own_action(self, key: str) -> str | None:
        """The action of this view's own binding for `key` (after any keymap), if it has one.

        Why the view runs its bindings as keys arrive: Textual runs a widget's bindings only
        once the key has bubbled up to the app, after this handler has already seen the keys
        typed behind it. In a burst ("ma", "G'a", "5j"), the letter of a mark or the motion
        after a count then ran ahead of the key before it. Running them here keeps every key
        of the panels in the order it was typed.
        """
        # The screen's binding chain is where Textual applies the user's keymap.
        for node, own in self.screen._binding_chain:
            if node is self:
                for binding in own.key_to_bindings.get(key, ()):
                    return binding.action
        return None

    def on_click(self, event: events.Click) -> None:
        """Click a panel to focus it; click a block to make it current."""
        geometry = self._geometry
        if geometry is None or self._layout is None:
            return
        for index, x in enumerate(geometry.xs):
            if x <= event.x < x + geometry.column_width:
                column = geometry.visible[index]
                break
        else:
            return
        if column != self.focus_column:
            self.focus_panel(column)
        if event.y >= 1:
            block = self._block_at(column, event.y - 1)
            if block is not None:
                self.go(block)

    def _block_at(self, column: int, line: int) -> int | None:
        if self.compact:
            track = self._tracks.get(column)
            if track is None or not len(track):
                return None
            return track.blocks[track.row_at(self._column_offset(column) + line)]
        if self._track is None or not len(self._track):
            return None
        return self._track.blocks[self._track.row_at(round(self.scroll_y) + line)]

    # --- Textual hooks ------------------------------------------------------------------

    def on_resize(self, event: events.Resize) -> None:
        if self._layout is not None:
            width = self.scrollable_content_region.width
            if self._geometry is None or self._geometry.width != width:
                self._relayout()
            else:
                self._ensure_visible()
                self._place_cursor()

    def on_focus(self) -> None:
        self._place_cursor()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles.clear()
        self._base_style = None

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        self._place_cursor()

    def _changed(self) -> None:
        self.post_message(self.Changed(self))

    def _place_cursor(self) -> None:
        """Put the terminal cursor on the current block, in the focused panel if it is there."""
        if not self.has_focus or self._geometry is None or self._layout is None:
            return
        geometry = self._geometry
        placement = self._layout.placement[self.block] if self._texts else ()
        if self.focus_column in placement or self.compact:
            column = self.focus_column
        elif placement and placement[0] in geometry.visible:
            column = placement[0]
        else:
            column = geometry.visible[0] if geometry.visible else 0
        if column not in geometry.visible:
            return
        x = geometry.xs[geometry.visible.index(column)] + geometry.gutter
        if self.compact:
            track = self._tracks.get(column)
            row = track.row_of(self._nearest(column)) if track is not None else None
            if track is None or row is None:
                return
            y = track.tops[row] - self._column_offset(column)
        else:
            y = self._cursor_row()
        if 0 <= y < self._viewport:
            region = self.content_region
            self.app.cursor_position = Offset(region.x + x, region.y + 1 + y)

    # --- compact offsets ----------------------------------------------------------------

    def _compact_offsets(self) -> dict[int, int]:
        """Each shown column's first line on screen (compact mode), from the cursor."""
        key = (round(self.scroll_y), self.block, self.focus_column)
        if key == self._offsets_key:
            return self._offsets
        offsets: dict[int, int] = {}
        scroll = key[0]
        cursor_row = self._cursor_row()
        view = self._viewport
        for column, track in self._tracks.items():
            if column == self.focus_column:
                offsets[column] = scroll
                continue
            row = track.row_of(self._nearest(column)) if len(track) else None
            if row is None:
                offsets[column] = 0
                continue
            wanted = track.tops[row] - cursor_row
            offsets[column] = max(0, min(wanted, max(0, track.height - view)))
        self._offsets_key, self._offsets = key, offsets
        return offsets

    def _column_offset(self, column: int) -> int:
        if not self.compact:
            return round(self.scroll_y)
        return self._compact_offsets().get(column, 0)

    # --- drawing ------------------------------------------------------------------------

    def _style(self, name: str) -> Style:
        style = self._styles.get(name)
        if style is None:
            style = self._styles[name] = self.get_component_rich_style(name)
        return style

    def _base(self) -> Style:
        """The panels' own style (`rich_style`), kept until the styles change."""
        if self._base_style is None:
            self._base_style = self.rich_style
        return self._base_style

    def _painter(self) -> Painter:
        assert self._layout is not None and self._geometry is not None
        return Painter(
            layout=self._layout,
            geometry=self._geometry,
            texts=self._texts,
            kinds=self._kinds,
            wraps=self._wraps,
            column_styles=self._column_styles,
            style=self._style,
            base=self._base(),
            block=self.block,
            focus_column=self.focus_column,
            compact=self.compact,
            nearest=self._nearest,
            spans=self._spans,
            results=self.results,
            match_index=self.match_index,
        )

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        base = self._base()
        if self._layout is None or self._geometry is None or not self._texts:
            if y == 1 and self._message:
                text = f" {self._message}"
                return fitted_strip([Segment(text, self._style("view--message"))], width, base)
            return Strip.blank(width, base)
        painter = self._painter()
        if y == 0:
            return painter.header(width)
        line = y - 1
        if self.compact:
            segments = painter.compact_line(self._tracks, self._compact_offsets(), line)
        else:
            assert self._track is not None
            segments = painter.aligned(self._track, round(self.scroll_y) + line)
        return fitted_strip(segments, width, base)

    # --- for tests and the status line ----------------------------------------------------

    def screen_lines(self) -> list[str]:
        """The text of every line the view shows now (what a user reads)."""
        return [self.render_line(y).text for y in range(self.size.height)]

    def visible_blocks(self, column: int | None = None) -> list[int]:
        """Blocks with at least one line on screen (in `column`, or the primary track)."""
        if self._layout is None:
            return []
        if self.compact:
            track = self._tracks.get(self.focus_column if column is None else column)
            offset = self._column_offset(self.focus_column if column is None else column)
        else:
            track, offset = self._track, round(self.scroll_y)
        if track is None or not len(track):
            return []
        first = track.row_at(offset)
        last = track.row_at(offset + self._viewport - 1)
        return [track.blocks[row] for row in range(first, last + 1)]


__all__ = ["Geometry", "ReaderView", "Track", "ViewState"]
