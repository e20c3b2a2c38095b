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
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from reader.model import ClassifiedArticle
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

_NEWLINES = str.maketrans({"\n": " ", "\r": " ", "\f": " ", "\v": " "})


def display_text(text: str) -> str:
    """Block text as the panels show it: line breaks as spaces, controls as placeholders.

    One character for one character, so a search or evidence span over the block's text is a
    span over this text too.
    """
    if "\n" in text or "\r" in text or "\f" in text or "\v" in text:
        text = text.translate(_NEWLINES)
    return visible(text)


# Characters that may not take exactly one cell: wide East Asian scripts, emoji, combining
# marks and zero-width characters. Text without any of them wraps by `len`. (Few ranges keep
# the scan fast: this class costs ~3 ns a character.)
_NOT_SINGLE = re.compile(
    "["
    "\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed"
    "\u0711\u0730-\u074a\u07a6-\u07b0\u0816-\u082d\u0859-\u085b\u08d3-\u0903\u093a-\u094f"
    "\u0951-\u0957\u0962\u0963\u0981-\u0dff\u0e31-\u0e4e\u0eb1-\u0ecd\u0f18-\u0fc6"
    "\u1000-\u109f\u1100-\u115f\u135d-\u135f\u1712-\u1734\u17b4-\u17d3\u180b-\u180f"
    "\u1a17-\u1a7f\u1ab0-\u1aff\u1b00-\u1b73\u1dc0-\u1dff\u200b-\u200f\u2060-\u2064"
    "\u20d0-\u20f0\u231a\u231b\u23e9-\u23fa\u25fd\u25fe\u2600-\u27bf\u2b1b\u2b1c\u2b50\u2b55"
    "\u2cef-\u2cf1\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf"
    "\ua66f-\ua67d\ua960-\ua97f\uac00-\ud7a3\uf900-\ufaff\ufe00-\ufe0f\ufe10-\ufe19"
    "\ufe20-\ufe6f\uff00-\uff60\uffe0-\uffe6\u00ad"
    "\U00010000-\U0010ffff"  # every astral character takes the slow road: rare, and cheaper
    "]"
)

_ONE_LINE: tuple[int, ...] = (0,)


def char_width(char: str) -> int:
    """Terminal cells one character takes: 2 for wide, 0 for combining and format marks."""
    if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def text_cells(text: str) -> int:
    """Cells `text` takes on a terminal (as `wrap_starts` counts them)."""
    if _NOT_SINGLE.search(text) is None:
        return len(text)
    return sum(char_width(char) for char in text)


def wrap_starts(text: str, width: int) -> tuple[int, ...]:
    """Where each wrapped line of `text` starts, greedy at spaces, for a column `width` wide.

    Line k is `text[starts[k]:starts[k + 1]]` (the last runs to the end); a line may end in
    the space it broke at, which is invisible in a padded column. A word longer than the
    width is cut. Always at least one line, even for empty text.
    """
    width = max(1, width)
    size = len(text)
    if size <= width and (text.isascii() or _NOT_SINGLE.search(text) is None):
        return _ONE_LINE
    if not text.isascii() and _NOT_SINGLE.search(text) is not None:
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
    starts = [0]
    cells = 0
    space = -1  # index just after the last space on the current line
    line_start = 0
    for position, char in enumerate(text):
        cost = char_width(char)
        if cells + cost > width and position > line_start:
            if char == " ":
                # The space that overflows ends the line; the next starts after it.
                line_start = position + 1
                starts.append(line_start)
                cells = 0
                space = -1
                continue
            line_start = space if space > line_start else position
            starts.append(line_start)
            cells = sum(char_width(c) for c in text[line_start:position])
            space = -1
        cells += cost
        if char == " ":
            space = position + 1
    return tuple(starts)


def line_slices(text: str, starts: Sequence[int]) -> list[tuple[int, int]]:
    """`(start, end)` of each wrapped line given its `wrap_starts`."""
    ends = [*starts[1:], len(text)]
    return list(zip(starts, ends, strict=True))
