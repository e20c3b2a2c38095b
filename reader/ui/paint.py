"""How the reader's panels draw one screen line: header, aligned and compact rows, text pieces.

`reader.ui.view.ReaderView.render_line(y)` builds a `Painter` from its state and asks it for
line y, so the drawing reads its inputs from one explicit place and the widget keeps only state,
keys and scrolling. A Painter is made per line: it is a handful of references, no copying.

- Line 0 is the column header (label, tag, block count), fixed; content starts at line 1. When
  one column is shown (narrow terminals) the header names every panel, abbreviated if needed.
- Aligned mode: a block stands in its columns and the others draw a dim gap of the same height;
  an unlabelled block is a full-width dim band. Narrow and aligned, every block is drawn in one
  merged column whose gutter holds a slot per actor with the tags of its labels ("N R" for a
  NATO and Russia block).
- Compact mode: each column draws its own track at its own offset (computed by the view).
- Each block line is a gutter (tag, cursor marker) then text, with search matches highlighted.
  Article text only reaches the screen as `Segment` text (never markup), tags and labels through
  `reader.safe_text.visible`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.segment import Segment
from rich.style import Style
from textual.color import Color, ColorParseError
from textual.strip import Strip

from reader.cells import cells, widths
from reader.safe_text import visible
from reader.viewmodel.layout import Layout
from reader.viewmodel.tracks import RIGHT_MARGIN, Geometry, Track, Wraps

if TYPE_CHECKING:  # search loads on the first search
    from reader.viewmodel.search import Results

CURSOR = "▶"
NEAREST = "▷"
SEPARATOR = "│"


def colour_style(colour: str) -> Style:
    """A column's configured colour as a style (no colour when it does not parse)."""
    if not colour:
        return Style()
    try:
        return Style(color=Color.parse(colour).rich_color)
    except ColorParseError:
        return Style()


def fit(segments: list[Segment], width: int, style: Style | None = None) -> list[Segment]:
    """`segments` padded or cut to exactly `width` cells, measured by `reader.cells` (the
    measure the text was wrapped with: Rich's own may differ and would crop a fitting line)."""
    total = sum(cells(segment.text) for segment in segments)
    if total == width:
        return segments
    if total < width:
        return [*segments, Segment(" " * (width - total), style)]
    kept: list[Segment] = []
    room = width
    for segment in segments:
        size = cells(segment.text)
        if size <= room:
            kept.append(segment)
            room -= size
            continue
        end = 0
        for cost in widths(segment.text):
            if cost > room:
                break
            room -= cost
            end += 1
        kept.append(Segment(segment.text[:end], segment.style))
        break
    if room:
        kept.append(Segment(" " * room, style))
    return kept


def fitted_strip(segments: list[Segment], width: int, style: Style | None = None) -> Strip:
    """A strip of exactly `width` cells that states its length, so Textual never re-measures
    (and crops) it with another measure."""
    return Strip(fit(segments, width, style), width)


@dataclass(frozen=True, slots=True)
class Painter:
    """What one screen line depends on, as the view holds it now."""

    layout: Layout
    geometry: Geometry
    texts: Sequence[str]
    kinds: Sequence[str]  # each block's kind: headings, quotes... are drawn in their style
    wraps: Wraps
    column_styles: Sequence[Style]
    style: Callable[[str], Style]  # a component class's style ("view--cursor")
    base: Style
    block: int  # the current block
    focus_column: int
    compact: bool
    nearest: Callable[[int], int]  # the column's block nearest to the current one
    spans: Mapping[int, Sequence[tuple[int, int]]]
    results: Results | None
    match_index: int | None

    def header(self, width: int) -> Strip:
        geometry = self.geometry
        columns = self.layout.columns
        header = self.base + self.style("view--header")
        focus_style = header + self.style("view--header-focus")
        segments: list[Segment] = []
        if geometry.narrow:
            # One column shown: name every panel in full when that fits, else the focused one
            # in full and the others by number and tag.
            for short in (False, True):
                segments = []
                for index, column in enumerate(columns):
                    tag = visible(column.tag)
                    focused = index == self.focus_column
                    mark = "▸" if focused else " "
                    if short and not focused:
                        text = f" {index + 1} {tag} "
                    else:
                        label = visible(column.label)
                        text = f" {mark}{index + 1} {tag} {label} ({len(column.blocks)}) "
                    style = focus_style if focused else header
                    segments.append(Segment(text, style + self.column_styles[index]))
                if Segment.get_line_length(segments) <= width:
                    break
            return fitted_strip(segments, width, header)
        for position, column_index in enumerate(geometry.visible):
            column = columns[column_index]
            focused = column_index == self.focus_column
            mark = "▸" if focused else " "
            text = f"{mark}{visible(column.tag)} {visible(column.label)} ({len(column.blocks)})"
            style = (focus_style if focused else header) + self.column_styles[column_index]
            piece = fit([Segment(text, style)], geometry.column_width, header)
            if position:
                segments.append(Segment(SEPARATOR, header + self.style("view--separator")))
            segments.extend(piece)
        return fitted_strip(segments, width, header)

    def aligned(self, track: Track, y: int) -> list[Segment]:
        """Line y of the aligned track (every block, article order)."""
        if y >= track.height:
            return []
        block = track.row_at(y)
        k = y - track.tops[block]
        where = self.layout.placement[block]
        geometry = self.geometry
        base = self.base
        if geometry.merged:
            return self._merged_piece(block, k, base)
        if not where:
            return self._band_line(block, k, base)
        separator = Segment(SEPARATOR, base + self.style("view--separator"))
        segments: list[Segment] = []
        for position, column in enumerate(geometry.visible):
            if position:
                segments.append(separator)
            if column in where:
                segments.extend(self._block_piece(column, block, k, base))
            else:
                segments.extend(self._gap_piece(k, base))
        return segments

    def compact_line(
        self, tracks: Mapping[int, Track], offsets: Mapping[int, int], line: int
    ) -> list[Segment]:
        """Content line `line` in compact mode: each column's track at its own offset."""
        geometry = self.geometry
        base = self.base
        separator = Segment(SEPARATOR, base + self.style("view--separator"))
        segments: list[Segment] = []
        for position, column in enumerate(geometry.visible):
            if position:
                segments.append(separator)
            track = tracks.get(column)
            y = offsets.get(column, 0) + line
            if track is None or not len(track):
                text = " (no blocks)" if line == 0 else ""
                segments.extend(
                    fit(
                        [Segment(text, base + self.style("view--dim"))], geometry.column_width, base
                    )
                )
                continue
            if y >= track.height:
                segments.append(Segment(" " * geometry.column_width, base))
                continue
            row = track.row_at(y)
            block = track.blocks[row]
            segments.extend(self._block_piece(column, block, y - track.tops[row], base))
        return segments

    def _gap_piece(self, k: int, base: Style) -> list[Segment]:
        geometry = self.geometry
        style = base + self.style("view--gap")
        if k == 0:
            return [Segment("·".ljust(geometry.column_width), style)]
        return [Segment(" " * geometry.column_width, style)]

    def _band_line(self, block: int, k: int, base: Style) -> list[Segment]:
        """A line of an unlabelled block drawn across the panels, dim."""
        geometry = self.geometry
        current = block == self.block
        style = base + self.style("view--band")
        if current:
            style += self.style("view--cursor")
        starts = self.wraps.starts(block, geometry.band_width)
        gutter = (CURSOR if current else " ").rjust(geometry.gutter - 1) + " "  # aligns the text
        if k >= len(starts):
            return [Segment(" " * (geometry.band_width + geometry.gutter + RIGHT_MARGIN), base)]
        segments = [Segment(gutter, style)]
        segments.extend(self._text_segments(block, starts, k, style, geometry.band_width))
        segments.append(Segment(" " * RIGHT_MARGIN, base))
        return segments

    def _merged_piece(self, block: int, k: int, base: Style) -> list[Segment]:
        """Line k of `block` in the merged narrow column: a tag slot per actor, then text."""
        geometry = self.geometry
        width = geometry.text_width
        starts = self.wraps.starts(block, width)
        if k >= len(starts):
            return [Segment(" " * geometry.column_width, base)]
        where = self.layout.placement[block]
        current = block == self.block
        style = base if where else base + self.style("view--band")
        if current:
            style = style + self.style("view--cursor")
        segments: list[Segment] = []
        slot = geometry.slots[1] if len(geometry.slots) > 1 else 1
        dim = self.style("view--dim") if k else Style()
        for column, tag in enumerate(self.layout.columns):
            text = visible(tag.tag).ljust(slot)[:slot] if column in where else " " * slot
            segments.append(Segment(text, style + self.column_styles[column] + dim))
        marker = CURSOR if current and k == 0 else " "
        segments.append(Segment(marker + " ", style))
        segments.extend(self._text_segments(block, starts, k, style, width))
        segments.append(Segment(" " * RIGHT_MARGIN, base))
        return segments

    def _block_piece(self, column: int, block: int, k: int, base: Style) -> list[Segment]:
        """Line k of `block` in `column`: gutter (tag and cursor marker) then text."""
        geometry = self.geometry
        width = geometry.text_width
        starts = self.wraps.starts(block, width)
        current = block == self.block
        nearest = self.compact and not current and block == self.nearest(column)
        style = base
        if current:
            style = base + self.style("view--cursor")
        elif nearest:
            style = base + self.style("view--nearest")
        if k >= len(starts):
            return [Segment(" " * geometry.column_width, base)]
        tag_style = style + self.column_styles[column]
        tag = visible(self.layout.columns[column].tag)
        tag_cells = geometry.gutter - 2
        if k == 0:
            marker = CURSOR if current else NEAREST if nearest else " "
            gutter = [
                Segment(tag.ljust(tag_cells)[:tag_cells], tag_style),
                Segment(marker + " ", style),
            ]
        else:
            dim = tag_style + self.style("view--dim")
            gutter = [Segment(tag.ljust(tag_cells)[:tag_cells], dim), Segment("  ", style)]
        text = self._text_segments(block, starts, k, style, width)
        return [*gutter, *text, Segment(" " * RIGHT_MARGIN, base)]

    def _text_segments(
        self, block: int, starts: Sequence[int], k: int, style: Style, width: int
    ) -> list[Segment]:
        """Line k of the block's wrapped text, with search matches highlighted, `width` cells."""
        text = self.texts[block]
        kind = self.kinds[block] if block < len(self.kinds) else "paragraph"
        if kind != "paragraph":
            style = style + self.style(f"view--{kind}")
        start = starts[k]
        end = starts[k + 1] if k + 1 < len(starts) else len(text)
        spans = self.spans.get(block)
        if not spans:
            segments = [Segment(text[start:end], style)]
        else:
            segments = self._highlight(block, text, start, end, spans, style)
        return fit(segments, width, style)

    def _highlight(
        self,
        block: int,
        text: str,
        start: int,
        end: int,
        spans: Sequence[tuple[int, int]],
        style: Style,
    ) -> list[Segment]:
        match_style = style + self.style("view--match")
        current_style = style + self.style("view--match-current")
        current: tuple[int, int] | None = None
        if self.results is not None and self.match_index is not None:
            match = self.results.matches[self.match_index]
            if match.block == block:
                current = (match.start, match.end)
        segments: list[Segment] = []
        position = start
        for span_start, span_end in spans:
            if span_end <= start or span_start >= end:
                continue
            a, b = max(span_start, start), min(span_end, end)
            if a > position:
                segments.append(Segment(text[position:a], style))
            chosen = current_style if (span_start, span_end) == current else match_style
            segments.append(Segment(text[a:b], chosen))
            position = b
        if position < end:
            segments.append(Segment(text[position:end], style))
        return segments


__all__ = ["CURSOR", "NEAREST", "SEPARATOR", "Painter", "colour_style", "fit", "fitted_strip"]
