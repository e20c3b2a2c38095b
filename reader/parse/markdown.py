"""Markdown: blocks from markdown-it's CommonMark token stream, never from regexes over the text.

The token stream already knows what a paragraph, a heading, a block quote and a list item are,
and `token.map` gives each one's source lines, so the parser only has to decide block kinds:
- a heading is kind "heading"; the title is the first block when that is a heading (any
  level), else the first level-1 heading, moved to block 0; otherwise there is no title;
- a paragraph inside a block quote is kind "quote", one block per paragraph;
- a list item is kind "item": all its own paragraphs make one block (a nested list's items are
  blocks of their own, after it); the innermost container decides the kind; its `marker` is
  its number as written ("3.") or a bullet (•, then ◦ and ▪ for nested lists, indented);
- a table (GitHub's pipe tables) is one block of kind "table": its rows as lines of aligned
  columns (`aligned_table`), so it reads as a table, not a run-on paragraph;
- code blocks count as paragraphs (or as part of their item); raw HTML blocks and images are
  skipped: they are markup, not article text.
Inline text is the plain text of the inline token's children: emphasis markers dropped, link
text and code spans kept, line breaks (and inline `<br>`) turned into spaces, other inline
HTML tags dropped. Links are kept as the block's `links` (text, target, offsets).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from markdown_it import MarkdownIt

from reader.cells import cells
from reader.model import Article, BlockKind, Link
from reader.parse import assemble
from reader.parse.inline import Piece, collapse

_PARSER: MarkdownIt | None = None
_TEXT_CHILDREN = frozenset({"text", "text_special", "code_inline", "entity"})
_BREAKS = frozenset({"softbreak", "hardbreak"})


@dataclass(slots=True)
class _Slot:
    """A block being built: list items gather several paragraphs before they are final."""

    kind: BlockKind
    line: int
    parts: list[str] = field(default_factory=list)
    level: int = 0
    marker: str = ""
    links: list[Link] = field(default_factory=list)


@dataclass(slots=True)
class _Item:
    """An open list item. Its slot is made when its first text arrives, so that it sits before
    the items of a list nested inside it."""

    marker: str
    slot: _Slot | None = None


@dataclass(slots=True)
class _Table:
    """A table being read: rows of cell texts, the first the header."""

    line: int
    rows: list[list[str]] = field(default_factory=list)


_BULLETS = ("•", "◦", "▪")


@dataclass(slots=True)
class _Builder:
    """Walks the token stream once; one small handler per token type (`_HANDLERS`)."""

    slots: list[_Slot] = field(default_factory=list)
    # One entry per open container: None for a block quote, a _Item for a list item.
    containers: list[_Item | None] = field(default_factory=list)
    lists: int = 0  # open lists, for the bullet of a nested item
    pending: tuple[BlockKind, int, int] | None = None
    table: _Table | None = None

    def add(
        self, inline: tuple[str, tuple[Link, ...]], kind: BlockKind, line: int, level: int = 0
    ) -> None:
        body, links = inline
        if not body:
            return
        containers = self.containers
        if kind != "heading" and containers and containers[-1] is not None:
            item = containers[-1]
            if item.slot is None:
                item.slot = _Slot("item", line, marker=item.marker)
                self.slots.append(item.slot)
            shift = sum(len(part) + 1 for part in item.slot.parts)
            item.slot.links.extend(_shifted(link, shift) for link in links)
            item.slot.parts.append(body)
            return
        if kind == "paragraph" and containers:
            kind = "quote"
        self.slots.append(_Slot(kind, line, [body], level, links=list(links)))

    def inline(self, token: Any) -> None:
        if self.table is not None and self.table.rows:
            self.table.rows[-1].append(_inline_text(token)[0])
        elif self.pending is not None:
            block_kind, line, level = self.pending
            self.add(_inline_text(token), block_kind, line, level)
            self.pending = None

    def list_item(self, token: Any) -> None:
        if token.info:  # an ordered list's number: "3" with markup "." or ")"
            marker = f"{token.info}{token.markup}"
        else:
            marker = _BULLETS[min(self.lists, len(_BULLETS)) - 1]
        self.containers.append(_Item("  " * (self.lists - 1) + marker))

    def close_table(self, token: Any) -> None:
        if self.table is not None and self.table.rows:
            lines = aligned_table(self.table.rows)
            self.slots.append(_Slot("table", self.table.line, ["\n".join(lines)]))
        self.table = None


def _open_list(builder: _Builder, token: Any) -> None:
    builder.lists += 1


def _close_list(builder: _Builder, token: Any) -> None:
    builder.lists -= 1


def _open_quote(builder: _Builder, token: Any) -> None:
    builder.containers.append(None)


def _close_container(builder: _Builder, token: Any) -> None:
    builder.containers.pop()


def _paragraph(builder: _Builder, token: Any) -> None:
    builder.pending = ("paragraph", _line(token), 0)


def _heading(builder: _Builder, token: Any) -> None:
    builder.pending = ("heading", _line(token), int(token.tag[1:]))


def _code(builder: _Builder, token: Any) -> None:
    builder.add((" ".join(token.content.split()), ()), "paragraph", _line(token))


def _table(builder: _Builder, token: Any) -> None:
    builder.table = _Table(_line(token))


def _row(builder: _Builder, token: Any) -> None:
    if builder.table is not None:
        builder.table.rows.append([])


_HANDLERS: dict[str, Callable[[_Builder, Any], None]] = {
    "inline": _Builder.inline,
    "paragraph_open": _paragraph,
    "heading_open": _heading,
    "blockquote_open": _open_quote,
    "blockquote_close": _close_container,
    "list_item_open": _Builder.list_item,
    "list_item_close": _close_container,
    "bullet_list_open": _open_list,
    "ordered_list_open": _open_list,
    "bullet_list_close": _close_list,
    "ordered_list_close": _close_list,
    "fence": _code,
    "code_block": _code,
    "table_open": _table,
    "tr_open": _row,
    "table_close": _Builder.close_table,
}


def aligned_table(rows: list[list[str]]) -> list[str]:
    """A table's rows as lines of text in aligned columns ("City │ Side"), a rule under the
    header. Widths in terminal cells (`reader.cells`), so wide characters line up too."""
    count = max(len(row) for row in rows)
    rows = [row + [""] * (count - len(row)) for row in rows]
    widths = [max(cells(row[column]) for row in rows) for column in range(count)]

    def line(row: list[str]) -> str:
        padded = [
            cell + " " * (width - cells(cell)) for cell, width in zip(row, widths, strict=True)
        ]
        return " │ ".join(padded).rstrip()

    rule = "─┼─".join("─" * width for width in widths)
    return [line(rows[0]), rule, *(line(row) for row in rows[1:])]


def parse_markdown(text: str, source: str = "<markdown>") -> Article:
    """The blocks of a Markdown article; see the module docstring for the rules."""
    builder = _Builder()
    for token in _parser().parse(text):
        handler = _HANDLERS.get(token.type)
        if handler is not None:
            handler(builder, token)
    slots = builder.slots
    title = _title(slots)
    return assemble(
        source,
        (" ".join(title.parts), title.line) if title else None,
        (
            (slot.kind, " ".join(slot.parts), slot.line, tuple(slot.links), slot.marker)
            for slot in slots
            if slot is not title
        ),
    )


def _title(slots: list[_Slot]) -> _Slot | None:
    if slots and slots[0].kind == "heading":
        return slots[0]
    return next((slot for slot in slots if slot.kind == "heading" and slot.level == 1), None)


def _parser() -> MarkdownIt:
    global _PARSER
    if _PARSER is None:
        _PARSER = MarkdownIt("commonmark").enable("table")
    return _PARSER


def _line(token: Any) -> int:
    return int(token.map[0]) + 1 if token.map else 1


def _inline_text(token: Any) -> tuple[str, tuple[Link, ...]]:
    """Plain text of an inline token (the words a reader sees, on one line) and its links."""
    parts: list[Piece] = []
    href: str | None = None
    for child in token.children or ():
        if child.type in _TEXT_CHILDREN:
            parts.append((child.content, href))
        elif child.type == "link_open":
            href = str(child.attrs.get("href") or "") or None
        elif child.type == "link_close":
            href = None
        elif child.type in _BREAKS or (
            child.type == "html_inline" and child.content[:3].lower() == "<br"
        ):
            parts.append((" ", href))
    return collapse(parts)


def _shifted(link: Link, shift: int) -> Link:
    return Link(link.text, link.url, link.start + shift, link.end + shift)
