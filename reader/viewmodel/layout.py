"""Verdicts -> the rows and columns the reader draws: pure, so it is testable without a screen.

Two views of one classified article:

- Aligned (the default): one row per block, in article order. A block stands in the column of
  each of its labels; the other columns show a gap of the same height. A block with no label
  stands in the "Other" column when that column is shown, otherwise it is a full-width band.
- Compact: each column lists only its own blocks, densely (`Column.blocks`); the other columns
  follow the cursor to their block nearest in article order (`Layout.nearest`).

`Layout.placement[i]` says where block i stands: the indices of the columns that show it, or
`()` for a full-width band. Everything the screen needs beyond that (heights, scroll offsets)
depends on the terminal width and lives in the view, built from `display_text` and
`wrap_starts` below, which are pure too.

Wrapping is the costly part of opening a huge article (100,000 blocks), so `wrap_starts` is a
greedy wrap that jumps a line at a time with `str.rfind` instead of walking words, and only
text holding wide or zero-width characters takes the slow per-character road.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise

from reader.cells import is_plain, is_single, widths
from reader.model import Block, ClassifiedArticle
from reader.safe_text import visible

OTHER = "\x00other"
"""The column id of the "Other" column (no actor id can hold a NUL)."""

OTHER_LABEL = "Other"
OTHER_TAG = "·"


@dataclass(frozen=True, slots=True)
class Column:
    """One panel: an actor (or Other) and its blocks in article order."""

    id: str
    label: str
    tag: str
    colour: str
    blocks: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class Layout:
    """Where each block stands, for both views."""

    columns: tuple[Column, ...]
    placement: tuple[tuple[int, ...], ...]
    """Per block: indices into `columns` of the panels that show it; `()` = full-width band."""

    @property
    def has_bands(self) -> bool:
        """True when some block has no column (unlabelled, with the Other column hidden)."""
        return any(not where for where in self.placement)

    def nearest(self, column: int, block: int) -> int | None:
        """The block of `column` nearest to `block` in article order (the earlier on a tie)."""
        blocks = self.columns[column].blocks
        if not blocks:
            return None
        at = bisect_left(blocks, block)
        if at < len(blocks) and blocks[at] == block:
            return block
        before = blocks[at - 1] if at > 0 else None
        after = blocks[at] if at < len(blocks) else None
        if before is None:
            return after
        if after is None:
            return before
        return before if block - before <= after - block else after

    def next_in(self, column: int, block: int) -> int | None:
        """The first block of `column` after `block`, or None."""
        blocks = self.columns[column].blocks
        at = bisect_right(blocks, block)
        return blocks[at] if at < len(blocks) else None

    def prev_in(self, column: int, block: int) -> int | None:
        """The last block of `column` before `block`, or None."""
        blocks = self.columns[column].blocks
        at = bisect_left(blocks, block)
        return blocks[at - 1] if at > 0 else None


def build_layout(
    classified: ClassifiedArticle,
    *,
    show_other: bool = False,
    colours: Mapping[str, str] | None = None,
) -> Layout:
    """The columns (actors in config order, then Other when shown) and each block's place.

    Labels naming an actor that is not configured are ignored, so such a block is treated as
    unlabelled. `colours` overrides actor colours (a theme's); it changes no placement.
    """
    actors = classified.actors
    index = {actor.id: number for number, actor in enumerate(actors)}
    other = len(actors) if show_other else None
    memo: dict[tuple[str, ...], tuple[int, ...]] = {}
    placement: list[tuple[int, ...]] = []
    members: list[list[int]] = [[] for _ in range(len(actors) + (1 if show_other else 0))]
    for block, verdict in enumerate(classified.verdicts):
        labels = verdict.labels
        where = memo.get(labels)
        if where is None:
            seen: list[int] = []
            for label in labels:
                column = index.get(label)
                if column is not None and column not in seen:
                    seen.append(column)
            if not seen and other is not None:
                seen.append(other)
            where = memo[labels] = tuple(sorted(seen))
        placement.append(where)
        for column in where:
            members[column].append(block)
    # An article may carry fewer verdicts than blocks while it is being classified.
    for block in range(len(classified.verdicts), len(classified.article.blocks)):
        where = (other,) if other is not None else ()
        placement.append(where)
        for column in where:
            members[column].append(block)
    override = colours or {}
    columns = [
        Column(
            actor.id,
            actor.label,
            actor.tag,
            override.get(actor.id, actor.colour),
            tuple(members[number]),
        )
        for number, actor in enumerate(actors)
    ]
    if other is not None:
        columns.append(Column(OTHER, OTHER_LABEL, OTHER_TAG, "", tuple(members[other])))
    return Layout(tuple(columns), tuple(placement))


# --- text on screen -------------------------------------------------------------------------

# Line breaks become spaces; a soft hyphen (common in scraped HTML) a zero-width space, and an
# emoji variation selector the text one: terminals disagree on how wide those are, and a
# character measured one way and drawn another shifts or crops the rest of the line.
_DISPLAY = str.maketrans(
    {"\n": " ", "\r": " ", "\f": " ", "\v": " ", "\u00ad": "\u200b", "\ufe0f": "\ufe0e"}
)
_TO_DISPLAY = re.compile("[\n\r\f\v\u00ad\ufe0f]")


def display_text(text: str) -> str:
    """Block text as the panels show it: line breaks as spaces, controls as placeholders,
    characters of disputed width as ones every terminal draws alike.

    One character for one character, so a search or evidence span over the block's text is a
    span over this text too.
    """
    if is_plain(text):
        return text  # the common case, in one scan: nothing to replace
    if _TO_DISPLAY.search(text) is not None:
        text = text.translate(_DISPLAY)
    return visible(text)


_ONE_LINE: tuple[int, ...] = (0,)


def block_display(block: Block) -> str:
    """A block's text as its panel shows it: a list item after its number or bullet."""
    text = display_text(block.text)
    return f"{visible(block.marker)} {text}" if block.marker else text


def kept_breaks(block: Block) -> tuple[int, ...]:
    """Where a table's lines start in its display text: its rows stay rows, never run on."""
    if block.kind != "table" or "\n" not in block.text:
        return ()
    return tuple(at + 1 for at, char in enumerate(block.text) if char == "\n")


def wrap_with_breaks(text: str, width: int, breaks: Sequence[int]) -> tuple[int, ...]:
    """`wrap_starts` with a new line forced at each of `breaks` (a table's rows)."""
    starts: list[int] = []
    bounds = [0, *breaks, len(text)]
    for start, end in pairwise(bounds):
        starts.extend(start + at for at in wrap_starts(text[start:end], width))
    return tuple(starts)


def wrap_starts(text: str, width: int) -> tuple[int, ...]:
    """Where each wrapped line of `text` starts, greedy at spaces, for a column `width` wide.

    Line k is `text[starts[k]:starts[k + 1]]` (the last runs to the end); a line may end in
    the space it broke at, which is invisible in a padded column. A word longer than the
    width is cut. Always at least one line, even for empty text.
    """
    width = max(1, width)
    size = len(text)
    single = is_single(text)
    if size <= width and single:
        return _ONE_LINE
    if not single:
        return _wrap_cells(text, width)
    starts = [0]
    position = 0
    rfind = text.rfind
    while size - position > width:
        cut = rfind(" ", position, position + width + 1)
        position = position + width if cut <= position else cut + 1
        starts.append(position)
    return tuple(starts)


def _wrap_cells(text: str, width: int) -> tuple[int, ...]:
    """The slow road of `wrap_starts`, counting cells character by character."""
    costs = widths(text)
    starts = [0]
    used = 0
    space = -1  # index just after the last space on the current line
    line_start = 0
    for position, char in enumerate(text):
        cost = costs[position]
        if used + cost > width and position > line_start:
            if char == " ":
                # The space that overflows ends the line; the next starts after it.
                line_start = position + 1
                starts.append(line_start)
                used = 0
                space = -1
                continue
            line_start = space if space > line_start else position
            starts.append(line_start)
            used = sum(costs[line_start:position])
            space = -1
        used += cost
        if char == " ":
            space = position + 1
    return tuple(starts)


def line_slices(text: str, starts: Sequence[int]) -> list[tuple[int, int]]:
    """`(start, end)` of each wrapped line given its `wrap_starts`."""
    ends = [*starts[1:], len(text)]
    return list(zip(starts, ends, strict=True))
