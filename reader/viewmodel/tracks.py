"""Where the reader's panels put things: column geometry, wrapped heights and tracks.

Pure data, no Textual: `reader.ui.view.ReaderView` owns the state and asks this module how tall
each block is and which block sits on line y; `reader.ui.paint` draws from the same figures.

- Wrapping: each block's display text is wrapped once per text width (`layout.wrap_starts`)
  and cached per width (`Wraps`); a resize re-wraps and drops the widths no longer on screen.
- A *track* is a sequence of blocks drawn one under the other with their heights (lines + one
  blank line) and prefix sums `tops`, so "which block is at line y" is one bisect.
  Aligned mode has one track: every block, in article order; a block stands in its columns and
  the others draw a dim gap of the same height; an unlabelled block is a full-width band (or
  stands in the Other column, `o`). Compact mode has one track per column (its own blocks).

Narrow terminals: panels stay side by side while a column's text is at least `MIN_TEXT` cells
(three actors fit down to about 70 columns: narrow columns are still columns). Below that, or
when the reader chose the merged view (`M`, `view: merged`), one column is shown. Aligned mode
then merges the panels into that one column, its gutter holding a tag slot per actor
(`Geometry.slots`), so nothing is hidden behind a gap. Compact mode shows the focused panel's
own blocks.
Wide terminals: text columns are capped at `MAX_TEXT` cells so lines stay readable.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import accumulate

from reader.cells import cells
from reader.safe_text import visible
from reader.viewmodel.layout import Layout, wrap_starts, wrap_with_breaks

MAX_TEXT = 96
"""Widest text column, in cells: longer lines are hard to read (glow caps at 120 overall)."""

MAX_BAND = 120
"""Widest full-width band (an unlabelled block drawn across all panels)."""

MIN_TEXT = 18
"""Narrowest text column before the view shows one column (see "Narrow terminals"): three
panels fit at 72 columns, the usual SSH terminal, and beside an open explain pane at 140."""

RIGHT_MARGIN = 1
"""Blank cells after each column's text, so a full line never touches the separator."""


@dataclass(frozen=True, slots=True)
class Geometry:
    """Where things go for one width: computed on resize, mode or panel changes."""

    width: int
    visible: tuple[int, ...]  # column indices shown, left to right
    xs: tuple[int, ...]  # x of each shown column
    column_width: int  # gutter + text
    gutter: int  # tag cells + one marker cell
    text_width: int
    band_width: int  # text width of a full-width band
    narrow: bool
    merged: bool  # narrow and aligned: every block in one column, tag slots in the gutter
    slots: tuple[int, ...] = ()  # merged: x of each column's tag slot in the gutter


def geometry_for(
    layout: Layout, width: int, *, compact: bool, focus_column: int, merge: bool = False
) -> Geometry:
    """The geometry of `layout` drawn `width` cells wide: one column when the panels would not
    fit, or when `merge` (the reader's choice)."""
    columns = layout.columns
    count = max(1, len(columns))
    tag = max((cells(visible(c.tag)) for c in columns), default=1)
    gutter = tag + 2  # tag, cursor marker, space
    narrow = count > 1 and (
        merge or (width - (count - 1)) // count - gutter - RIGHT_MARGIN < MIN_TEXT
    )
    merged = narrow and not compact
    slots: tuple[int, ...] = ()
    if merged:
        slots = tuple(i * tag for i in range(count))
        gutter = count * tag + 2
    shown = (focus_column,) if narrow or not columns else tuple(range(count))
    k = len(shown)
    text_width = max(4, min(MAX_TEXT, (width - (k - 1)) // k - gutter - RIGHT_MARGIN))
    column_width = text_width + gutter + RIGHT_MARGIN
    xs = tuple(i * (column_width + 1) for i in range(k))
    span = k * column_width + (k - 1)
    band = text_width if merged else max(4, min(MAX_BAND, span - gutter - RIGHT_MARGIN))
    return Geometry(width, shown, xs, column_width, gutter, text_width, band, narrow, merged, slots)


class Track:
    """Blocks drawn one under another: `blocks[r]` is row r's block, `tops[r]` its first line.

    `tops` has one more entry than `blocks`: the total height.
    """

    __slots__ = ("blocks", "tops")

    def __init__(self, blocks: Sequence[int], heights: Sequence[int]) -> None:
        self.blocks = blocks
        self.tops: list[int] = [0, *accumulate(heights)]

    @property
    def height(self) -> int:
        return self.tops[-1]

    def __len__(self) -> int:
        return len(self.blocks)

    def row_at(self, y: int) -> int:
        """The row holding line y (clamped to the rows that exist)."""
        return max(0, min(len(self.blocks) - 1, bisect_right(self.tops, y) - 1))

    def row_of(self, block: int) -> int | None:
        """The row of `block`, or None when the track does not hold it."""
        at = bisect_left(self.blocks, block)
        return at if at < len(self.blocks) and self.blocks[at] == block else None

    def row_near(self, block: int) -> int:
        """The row of `block`, or of the first block after it (or the last row)."""
        return min(bisect_left(self.blocks, block), len(self.blocks) - 1)


class Wraps:
    """Each block's wrapped line starts, per text width, computed on first use.

    A block is wrapped only when a track needs its height or a line of it is drawn, so a
    100,000-block article costs one pass per width, and a redraw costs nothing.
    """

    __slots__ = ("_breaks", "_by_width", "_texts")

    def __init__(self, texts: Sequence[str] = ()) -> None:
        self._texts: Sequence[str] = texts
        self._breaks: Mapping[int, Sequence[int]] = {}
        self._by_width: dict[int, list[tuple[int, ...] | None]] = {}

    def reset(
        self, texts: Sequence[str], breaks: Mapping[int, Sequence[int]] | None = None
    ) -> None:
        """Forget every wrap: the texts (or what they are wrapped for) changed. `breaks`:
        per block, where a new line must start whatever the width (a table's rows)."""
        self._texts = texts
        self._breaks = breaks or {}
        self._by_width.clear()

    def _wrap(self, block: int, width: int) -> tuple[int, ...]:
        breaks = self._breaks.get(block)
        if breaks:
            return wrap_with_breaks(self._texts[block], width, breaks)
        return wrap_starts(self._texts[block], width)

    def _cache(self, width: int) -> list[tuple[int, ...] | None]:
        cache = self._by_width.get(width)
        if cache is None:
            cache = self._by_width[width] = [None] * len(self._texts)
        return cache

    def starts(self, block: int, width: int) -> tuple[int, ...]:
        """Where each of `block`'s lines starts when wrapped at `width` cells."""
        cache = self._cache(width)
        starts = cache[block]
        if starts is None:
            starts = cache[block] = self._wrap(block, width)
        return starts

    def heights(self, blocks: Sequence[int], width: int) -> list[int]:
        """Lines each of `blocks` takes at `width`, plus the blank line under it."""
        cache = self._cache(width)
        texts = self._texts
        breaks = self._breaks
        heights: list[int] = []
        append = heights.append
        for block in blocks:
            starts = cache[block]
            if starts is None:
                if breaks and block in breaks:
                    starts = cache[block] = self._wrap(block, width)
                else:
                    starts = cache[block] = wrap_starts(texts[block], width)
            append(len(starts) + 1)
        return heights

    def keep(self, widths: set[int]) -> None:
        """Drop the wraps of every other width (a resize leaves the old ones unused)."""
        for width in [w for w in self._by_width if w not in widths]:
            del self._by_width[width]


def build_tracks(
    layout: Layout, geometry: Geometry, wraps: Wraps, *, compact: bool
) -> tuple[Track | None, dict[int, Track]]:
    """The aligned track (None in compact mode) and the compact tracks by column (empty when
    aligned), for `geometry`; wraps of widths `geometry` no longer uses are dropped."""
    tracks: dict[int, Track] = {}
    track: Track | None = None
    if not compact:
        n = len(layout.placement)
        placement = layout.placement
        if layout.has_bands and geometry.band_width != geometry.text_width:
            in_column = [b for b in range(n) if placement[b]]
            bands = [b for b in range(n) if not placement[b]]
            heights: list[int] = [0] * n
            for block, h in zip(
                in_column, wraps.heights(in_column, geometry.text_width), strict=True
            ):
                heights[block] = h
            for block, h in zip(bands, wraps.heights(bands, geometry.band_width), strict=True):
                heights[block] = h
        else:
            heights = wraps.heights(range(n), geometry.text_width)
        track = Track(range(n), heights)
    else:
        for column in geometry.visible:
            blocks = layout.columns[column].blocks
            tracks[column] = Track(blocks, wraps.heights(blocks, geometry.text_width))
    wraps.keep({geometry.text_width, geometry.band_width})
    return track, tracks


__all__ = [
    "MAX_BAND",
    "MAX_TEXT",
    "MIN_TEXT",
    "RIGHT_MARGIN",
    "Geometry",
    "Track",
    "Wraps",
    "build_tracks",
    "geometry_for",
]
