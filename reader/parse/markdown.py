"""Markdown: blocks from markdown-it's CommonMark token stream, never from regexes over the text.

The token stream already knows what a paragraph, a heading, a block quote and a list item are,
and `token.map` gives each one's source lines, so the parser only has to decide block kinds:
- a heading is kind "heading"; the title is the first block when that is a heading (any
  level), else the first level-1 heading, moved to block 0; otherwise there is no title;
- a paragraph inside a block quote is kind "quote", one block per paragraph;
- a list item is kind "item": all its own paragraphs make one block (a nested list's items are
  blocks of their own, after it); the innermost container decides the kind;
- code blocks count as paragraphs (or as part of their item); raw HTML blocks and images are
  skipped: they are markup, not article text.
Inline text is the plain text of the inline token's children: emphasis markers dropped, link
text and code spans kept, line breaks (and inline `<br>`) turned into spaces, other inline
HTML tags dropped. Links are kept as the block's `links` (text, target, offsets).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from markdown_it import MarkdownIt

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
    links: list[Link] = field(default_factory=list)


@dataclass(slots=True)
class _Item:
    """An open list item. Its slot is made when its first text arrives, so that it sits before
    the items of a list nested inside it."""

    slot: _Slot | None = None


def parse_markdown(text: str, source: str = "<markdown>") -> Article:
    """The blocks of a Markdown article; see the module docstring for the rules."""
    tokens: list[Any] = _parser().parse(text)
    slots: list[_Slot] = []
    # One entry per open container: None for a block quote, a _Item for a list item.
    containers: list[_Item | None] = []
    pending: tuple[BlockKind, int, int] | None = None

    def add(
        inline: tuple[str, tuple[Link, ...]], kind: BlockKind, line: int, level: int = 0
    ) -> None:
        body, links = inline
        if not body:
            return
        if kind != "heading" and containers and containers[-1] is not None:
            item = containers[-1]
            if item.slot is None:
                item.slot = _Slot("item", line)
                slots.append(item.slot)
            shift = sum(len(part) + 1 for part in item.slot.parts)
            item.slot.links.extend(_shifted(link, shift) for link in links)
            item.slot.parts.append(body)
            return
        if kind == "paragraph" and containers:
            kind = "quote"
        slots.append(_Slot(kind, line, [body], level, list(links)))

    for token in tokens:
        kind = token.type
        if kind == "inline":
            if pending is not None:
                block_kind, line, level = pending
                add(_inline_text(token), block_kind, line, level)
                pending = None
        elif kind == "paragraph_open":
            pending = ("paragraph", _line(token), 0)
        elif kind == "heading_open":
            pending = ("heading", _line(token), int(token.tag[1:]))
        elif kind == "blockquote_open":
            containers.append(None)
        elif kind == "list_item_open":
            containers.append(_Item())
        elif kind in ("blockquote_close", "list_item_close"):
            containers.pop()
        elif kind in ("fence", "code_block"):
            add((" ".join(token.content.split()), ()), "paragraph", _line(token))

    title = _title(slots)
    return assemble(
        source,
        (" ".join(title.parts), title.line) if title else None,
        (
            (slot.kind, " ".join(slot.parts), slot.line, tuple(slot.links))
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
        _PARSER = MarkdownIt("commonmark")
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
