"""HTML: the article, not the page. Main content found by trafilatura, its structure kept.

Why trafilatura: it tops the open-source article-extraction benchmarks, and telling an
article from its page's menus, share bars, "most read" lists, cookie banners and comments is
a job of many heuristics tuned on real pages, not one to hand-write (`make extract-bench`
measures it against the "all visible text" of the same pages).

Its XML tree keeps what a reader needs, and each element becomes a block:
- `head` (h1-h6) -> "heading"; the first h1 (else the page's title from its metadata) is the
  title, block 0;
- `p` -> "paragraph"; `quote` -> "quote" (one block per paragraph inside it);
- `list/item` -> "item" (a nested list's items are blocks of their own, after their parent);
- table rows -> "paragraph", cells joined with " | ";
- `ref` -> a `Link` of its block, made absolute against the page's address.
Metadata (site name, host, author, date, language) goes to `Article.meta`.

Pages it keeps no article from (it discards pages with less than about 250 characters of
text, and gives up on nesting deeper than lxml builds), and pages of over `MAX_TAGS` tags
(archives, not articles; trafilatura would take a minute) are read by
`reader.parse.html_plain`, which keeps every paragraph of the markup.

Trafilatura returns no source positions, so `line` is where the block's first words are
found in the page, searched forward from the previous block (the previous block's line when
markup splits them).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator
from html import unescape
from typing import Any

from reader.model import Article, BlockKind, Link, Meta
from reader.parse import BlockSpec, assemble
from reader.parse.html_plain import parse_html_plain
from reader.parse.inline import Piece, collapse

# Their warnings ("discarding data", "empty HTML tree") would print over the reader's screen:
# an empty result is handled here, with a fallback, not reported.
for _name in ("trafilatura", "htmldate", "courlan", "readability", "justext"):
    logging.getLogger(_name).addHandler(logging.NullHandler())
    logging.getLogger(_name).propagate = False

_HTML_LANG = re.compile(r"<html[^>]*\slang\s*=\s*[\"']?([A-Za-z]{2,3}(?:-[A-Za-z0-9]+)?)", re.I)
_TITLE = re.compile(r"<title[^>]{0,200}>(.{0,500}?)</title>", re.I | re.S)
_H1 = re.compile(r"<h1[^>]{0,500}>(.{0,2000}?)</h1>", re.I | re.S)  # bounded: linear
_TAG = re.compile(r"<[^>]*>")
_BODY = re.compile(r"<body[\s>]", re.I)
_HEADING_LEVEL = re.compile(r"h([1-6])")
_INLINE_SKIP = frozenset({"list", "graphic", "table"})
_BLOCKS_INLINE = frozenset({"p", "head", "quote", "code"})
_BLOCK_CHILDREN = ("p", "head", "quote", "list", "table", "code")
_INLINE = frozenset({"lb", "ref", "hi", "graphic", "del"})
_BREAK = "\u2028"  # a <lb/>: whitespace to `collapse`, a paragraph break when doubled
# Link density: a paragraph of fewer than _LINKY_WORDS words that is mostly link text is a
# "read more" line or a menu; a list all of whose items are links is navigation.
_LINKY_WORDS = 25
_LINKY_PARAGRAPH = 0.6
_LINKY_ITEM = 0.8
_WORDS_TO_FIND = (6, 3, 1)

# A date only from what the page says it is (meta tags, structured data, <time>): htmldate's
# extensive search guesses one from any number that looks like a year, e.g. "2025-01-01"
# for an undated page, and a wrong date is worse than none beside whose article this is.
_DATES = {"extensive_search": False, "original_date": True}

MAX_TAGS = 100_000
"""Pages with more tags than this are read by their markup alone: trafilatura takes about
3 s per 20,000 paragraphs (a 1.6 MB page), while a news page has a few thousand elements;
a 30 MB archive page would otherwise take a minute, the markup parser takes seconds."""


def parse_html(text: str, source: str = "<html>", url: str | None = None) -> Article:
    """The article in an HTML page; `url` is where it was fetched from (links and metadata)."""
    import trafilatura

    text = text.replace("\r\n", "\n").replace("\r", "\n")
    document: Any = None
    small = text.count("<") <= MAX_TAGS
    if text.strip() and small:
        from lxml.etree import LxmlError

        try:
            document = trafilatura.bare_extraction(
                text,
                url=url,
                include_comments=False,
                include_tables=True,
                include_links=True,
                with_metadata=True,
                deduplicate=False,
                favor_precision=True,
                date_extraction_params=_DATES,
            )
        except (ValueError, RecursionError, LxmlError):
            document = None  # markup it cannot take: read by the markup parser below
    body = getattr(document, "body", None)
    if document is None and small:
        document = _metadata(text, url)
    meta = _meta(document, text, url)
    specs = list(_specs(body, text, meta.url)) if body is not None else []
    if not any(spec[0] != "heading" for spec in specs):
        article = parse_html_plain(text, source, base=meta.url)
        return Article(article.source, article.title, article.blocks, meta)
    title: tuple[str, int] | None = None
    if specs[0][0] == "heading" and _level(specs[0]) == 1:
        first = specs.pop(0)
        title = (first[1], first[2])
    elif getattr(document, "title", None):
        heading = _headline(text, " ".join(str(document.title).split()))
        found = _Locator(text).find(heading) or _Locator(text, in_body=False).find(heading)
        title = (heading, found or 1)
    return assemble(source, title, (_strip_level(spec) for spec in specs), meta)


# Heading levels ride along in the kind's spec as a fifth element until the title is chosen.
_Spec = tuple[BlockKind, str, int, tuple[Link, ...], int]


def _level(spec: _Spec) -> int:
    return spec[4]


def _strip_level(spec: _Spec) -> BlockSpec:
    return (spec[0], spec[1], spec[2], spec[3])


def _headline(html: str, title: str) -> str:
    """The page's <h1> that the metadata title begins (metadata titles are often cut short
    or stripped of their outlet's style); else the metadata title."""
    for found in _H1.finditer(html):
        heading = " ".join(unescape(_TAG.sub(" ", found.group(1))).split())
        if heading.startswith(title):
            return heading
    return title


def _metadata(text: str, url: str | None) -> Any:
    """The page's metadata alone, for pages whose body trafilatura keeps nothing of."""
    from lxml.etree import LxmlError
    from trafilatura.metadata import extract_metadata

    try:
        return extract_metadata(text, default_url=url, date_config=_DATES, extensive=False)
    except (ValueError, TypeError, RecursionError, LxmlError):  # the text is still read
        return None


def _meta(document: Any, text: str, url: str | None) -> Meta:
    def field(name: str) -> str | None:
        value = getattr(document, name, None)
        return " ".join(str(value).split()) or None if value else None

    lang = field("language")
    if lang is None:
        found = _HTML_LANG.search(text[:4096])
        lang = found.group(1) if found else None
    return Meta(
        url=url or field("url"),
        site=field("hostname"),
        outlet=field("sitename") or _outlet_from_title(text, field("title")),
        author=field("author"),
        date=field("date"),
        lang=lang,
    )


def _outlet_from_title(html: str, headline: str | None) -> str | None:
    """The site's name from a `<title>` like "Headline | Outlet" when the page names it
    nowhere else: the last part after a separator, if it is short and not the headline's."""
    found = _TITLE.search(html[:65536])
    if found is None:
        return None
    title = " ".join(unescape(found.group(1)).split())
    for separator in (" | ", " - ", " — ", " – ", " :: "):
        if separator in title:
            outlet = title.rsplit(separator, 1)[1].strip()
            if 0 < len(outlet) <= 40 and (not headline or outlet not in headline):
                return outlet
    return None


def _specs(body: Any, html: str, base: str | None) -> Iterator[_Spec]:
    """The blocks of trafilatura's body tree, in reading order."""
    locator = _Locator(html)
    for kind, level, pieces in _walk(body, None):
        text, links = collapse(pieces, base)
        if text:
            yield (kind, text, locator.line(text), links, level)


def _walk(elements: Any, inside: BlockKind | None) -> Iterator[tuple[BlockKind, int, list[Piece]]]:
    """(kind, heading level, inline pieces) for each block element among `elements`."""
    for child in elements:
        tag = child.tag
        if not isinstance(tag, str):
            continue
        if tag == "head":
            found = _HEADING_LEVEL.fullmatch(child.get("rend", "") or "")
            yield ("heading", int(found.group(1)) if found else 2, list(_pieces(child)))
        elif tag == "quote":
            yield from _mixed(child, "quote")
        elif tag == "list":
            yield from _list(child)
        elif tag == "table":
            yield from _table(child, inside)
        elif tag in ("p", "code"):
            kind: BlockKind = "quote" if inside == "quote" else "paragraph"
            for run in _runs(_pieces(child)):
                if kind == "quote" or not _link_list(run, _LINKY_PARAGRAPH):
                    yield (kind, 0, run)
        elif tag not in _INLINE:
            yield from _mixed(child, inside)


def _list(element: Any) -> Iterator[tuple[BlockKind, int, list[Piece]]]:
    """A list's items, each followed by the items of lists nested in it; a list whose every
    item is a link (related stories, "key events", tag lists) is navigation, not article."""
    items = [(item, list(_pieces(item))) for item in element.iterchildren("item")]
    if items and all(_link_list(pieces, _LINKY_ITEM) for _item, pieces in items):
        return
    for item, pieces in items:
        yield ("item", 0, pieces)
        for nested in item.iter("list"):
            yield from _walk([nested], "item")


def _table(element: Any, inside: BlockKind | None) -> Iterator[tuple[BlockKind, int, list[Piece]]]:
    """A data table's rows as paragraphs, cells joined by " | ". A table whose cells hold
    paragraphs is a page's layout (old sites put menus, polls and the article side by side
    in cells): only its cell with the most text is read, as blocks."""
    cells = list(element.iter("cell"))
    if any(cell.find(block) is not None for cell in cells for block in _BLOCK_CHILDREN):
        yield from _mixed(max(cells, key=lambda cell: len("".join(cell.itertext()))), inside)
        return
    for row in element.iter("row"):
        texts = [collapse(_pieces(cell))[0] for cell in row.iterchildren("cell")]
        yield ("paragraph", 0, [(" | ".join(text for text in texts if text), None)])


def _mixed(element: Any, inside: BlockKind | None) -> Iterator[tuple[BlockKind, int, list[Piece]]]:
    """An element holding both block elements and loose inline text: each run of inline text
    between blocks (split at double line breaks) is a paragraph (a quote inside a quote)."""
    kind: BlockKind = "quote" if inside == "quote" else "paragraph"
    inline: list[Piece] = [(element.text, None)] if element.text else []

    def flush() -> Iterator[tuple[BlockKind, int, list[Piece]]]:
        for run in _runs(inline):
            if kind == "quote" or not _link_list(run, _LINKY_PARAGRAPH):
                yield (kind, 0, run)
        inline.clear()

    for child in element:
        if isinstance(child.tag, str) and child.tag in _BLOCK_CHILDREN:
            yield from flush()
            yield from _walk([child], inside)
        elif isinstance(child.tag, str) and child.tag not in _INLINE:
            yield from flush()
            yield from _mixed(child, inside)
        elif isinstance(child.tag, str):
            inline.extend(_inline(child, None))
        if child.tail:
            inline.append((child.tail, None))
    yield from flush()


def _runs(pieces: Iterable[Piece]) -> Iterator[list[Piece]]:
    """Pieces split into paragraphs at two or more line breaks in a row (`<br><br>`)."""
    run: list[Piece] = []
    breaks = 0
    for text, target in pieces:
        if text == _BREAK:
            breaks += 1
            run.append((" ", target))
            continue
        if not text.isspace():
            if breaks >= 2 and any(not piece.isspace() for piece, _ in run):
                yield run
                run = []
            breaks = 0
        run.append((text, target))
    if any(not piece.isspace() for piece, _ in run):
        yield run


def _link_list(pieces: list[Piece], limit: float) -> bool:
    """Whether a short block is mostly link text: "Read more: …", a related story, a menu."""
    linked = total = words = 0
    for text, target in pieces:
        size = len("".join(text.split()))
        total += size
        words += len(text.split())
        if target is not None:
            linked += size
    return words < _LINKY_WORDS and total > 0 and linked >= limit * total


def _pieces(element: Any, href: str | None = None, stop_at_blocks: bool = False) -> Iterator[Piece]:
    """The inline text of an element with the link each run sits in; nested lists, tables and
    images are left to `_walk` (their tails are still text of this block)."""
    if element.text:
        yield (element.text, href)
    for child in element:
        tag = child.tag
        if isinstance(tag, str) and tag not in _INLINE_SKIP:
            if tag in _BLOCKS_INLINE:
                if not stop_at_blocks:  # a paragraph inside a list item: part of the item
                    yield (" ", href)
                    yield from _pieces(child, href)
                    yield (" ", href)
            else:
                yield from _inline(child, href)
        if child.tail:
            yield (child.tail, href)


def _inline(element: Any, href: str | None) -> Iterator[Piece]:
    """An inline element's own pieces: a line break, a link (its target; "" when it has
    none, so that it still counts as link text), or formatting around text."""
    if element.tag == "lb":
        yield (_BREAK, href)
    elif element.tag == "ref":
        yield from _pieces(element, element.get("target") or "")
    elif element.tag != "graphic":
        yield from _pieces(element, href)


class _Locator:
    """Finds the source line of each block's first words, moving forward through the page."""

    def __init__(self, html: str, *, in_body: bool = True) -> None:
        self.html = html
        # Headlines also stand in the <title>: blocks are searched for in the body.
        body = _BODY.search(html) if in_body else None
        self.cursor = body.start() if body else 0
        self.counted = 0  # newlines are counted up to here, once each
        self.last = 1

    def line(self, text: str) -> int:
        """The line of `text`'s first words, or of the last block found when they are not."""
        self.find(text)
        return self.last

    def find(self, text: str) -> int | None:
        words = text.split()
        for count in _WORDS_TO_FIND:
            probe = " ".join(words[:count])
            if not probe:
                break
            found = self.html.find(probe, self.cursor)
            if found >= 0:
                self.last += self.html.count("\n", self.counted, found)
                self.counted = found
                self.cursor = found + len(probe)
                return self.last
        return None
