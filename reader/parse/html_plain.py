"""HTML without a main-content extractor: blocks from the standard library's html.parser.

`reader.parse.html` tries trafilatura first; this parser takes the pages it finds no article
in: short pages (trafilatura keeps nothing under about 250 characters of text) and pages whose
nesting lxml gives up on. It keeps every block element's text, with obvious chrome dropped:

- Dropped with everything inside: script, style, nav, aside, header, footer, form, noscript,
  svg, template, iframe, button, select. A <header> inside an <article> keeps its headings
  (the article's own headline usually sits there) and drops the rest (bylines, datelines).
- Blocks: h1-h6 ("heading"), p ("paragraph"), blockquote ("quote"; a p inside it is a quote
  block of its own), li ("item"; the p elements inside an li belong to the item, so nothing is
  counted twice; a nested list's items are blocks of their own). The innermost element decides.
- The title is the first h1 with text, moved to block 0; without one, the <title>.
- Browsers close an open <p> when a block element starts and an open <li> when the next <li>
  of the same list starts; so do we, because real pages leave them open.
- Text outside those elements (bare text in a <div>, a table cell) is ignored when the page has
  any paragraph, quote or list item, since on real pages it is captions, bylines and buttons.
  A page with none (old pages that separate paragraphs with <br><br> inside a <div>) keeps it
  instead: each run between block elements or double line breaks becomes a paragraph.
- Entities are decoded and whitespace runs collapse to one space; `line` is the line of the
  element's start tag (for bare text, of its first character). Links (`<a href>`) are kept.
- Linear in the input: open elements are counted per tag, so an end tag never searches the
  stack, and a new <li> looks only at the frames of its own list (a 50,000-deep nest of lists
  took a minute when each end tag scanned the whole stack).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser

from reader.model import Article, BlockKind, Link
from reader.parse import assemble
from reader.parse.inline import Piece, collapse

_DROP = frozenset(
    {
        "script",
        "style",
        "nav",
        "aside",
        "header",
        "footer",
        "form",
        "noscript",
        "svg",
        "template",
        "iframe",
        "button",
        "select",
    }
)
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_CAPTURE = _HEADINGS | {"p", "blockquote", "li"}
# Elements that end an open <p> and separate runs of bare text, as in a browser's layout.
_BLOCK = frozenset(
    {
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "dd",
        "details",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "td",
        "th",
        "tr",
        "ul",
        *_HEADINGS,
    }
)
_LISTS = frozenset({"ul", "ol", "menu"})


@dataclass(slots=True)
class _Slot:
    """A block in reading order; it takes its place when its first text arrives."""

    kind: BlockKind
    line: int
    loose: bool = False
    level: int = 0
    parts: list[Piece] = field(default_factory=list)
    text: str = ""
    links: tuple[Link, ...] = ()


@dataclass(slots=True)
class _Frame:
    """An open capture element. `owner` is the frame whose block receives this one's text."""

    tag: str
    kind: BlockKind
    line: int
    list_depth: int
    level: int = 0
    owner: _Frame | None = None
    slot: _Slot | None = None


class _ArticleParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.slots: list[_Slot] = []
        self.frames: list[_Frame] = []
        self.open_tags: Counter[str] = Counter()
        self.dropping: list[str] = []
        self.dropping_tags: Counter[str] = Counter()
        self.href: str | None = None
        self.article_depth = 0
        self.header_depth = 0
        self.list_depth = 0
        self.loose: _Slot | None = None
        self.loose_breaks = 0
        self.in_title = False
        self.title_parts: list[str] = []
        self.title_line = 0
        self.title_done = False

    # -- tags ------------------------------------------------------------------------------

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.dropping:
            if tag in _DROP:
                self._drop(tag)
            return
        if tag == "header" and self.article_depth:
            self.header_depth += 1
            return
        if tag in _DROP or (self.header_depth and tag in _CAPTURE and tag not in _HEADINGS):
            self._drop(tag)
            self.loose = None
            return
        if tag == "a":
            self.href = next((value for name, value in attrs if name == "href" and value), None)
            return
        if tag == "title" and not self.title_done:
            self.in_title = True
            self.title_line = self.getpos()[0]
            return
        if tag == "br":
            self._text(" ")
            self.loose_breaks += 1
            if self.loose_breaks >= 2:
                self.loose = None
            return
        if tag == "article":
            self.article_depth += 1
        if tag in _BLOCK:
            self.loose = None
            if self.frames and self.frames[-1].tag == "p":
                self._close_top()
        if tag in _LISTS:
            self._text(" ")
            self.list_depth += 1
        elif tag in _CAPTURE:
            self._open(tag)
        elif tag in _BLOCK:
            self._text(" ")

    def handle_endtag(self, tag: str) -> None:
        if self.dropping:
            if self.dropping_tags[tag]:
                while True:
                    dropped = self.dropping.pop()
                    self.dropping_tags[dropped] -= 1
                    if dropped == tag:
                        break
            return
        if tag == "a":
            self.href = None
            return
        if tag == "title" and self.in_title:
            self.in_title = False
            self.title_done = True
            return
        if tag == "article" and self.article_depth:
            self.article_depth -= 1
        if tag == "header" and self.header_depth:
            self.header_depth -= 1
            return
        if tag in _BLOCK:
            self.loose = None
        if tag in _LISTS:
            while self.frames and self.frames[-1].list_depth >= self.list_depth > 0:
                self._close_top()
            self.list_depth = max(0, self.list_depth - 1)
            self._text(" ")
        elif tag in _CAPTURE:
            if self.open_tags[tag]:
                while self._close_top().tag != tag:
                    pass
        elif tag in _BLOCK:
            self._text(" ")

    def handle_data(self, data: str) -> None:
        if self.dropping:
            return
        if self.in_title:
            self.title_parts.append(data)
            return
        self._text(data)

    # -- blocks ----------------------------------------------------------------------------

    def _open(self, tag: str) -> None:
        line = self.getpos()[0]
        top = self.frames[-1] if self.frames else None
        if tag == "li" and top is not None:
            # A new item of the same list ends the previous one, as a browser would. Frames are
            # pushed as lists deepen, so this list's frames are the ones on top of the stack.
            for frame in reversed(self.frames):
                if frame.list_depth < self.list_depth:
                    break
                if frame.tag == "li":
                    while self._close_top() is not frame:
                        pass
                    break
            top = self.frames[-1] if self.frames else None
        if tag == "p" and top is not None and top.owner is not None and top.owner.tag == "li":
            # Paragraphs inside a list item belong to the item: no block of their own.
            self._push(_Frame("p", "item", line, self.list_depth, owner=top.owner))
            self._text(" ")
            return
        kind: BlockKind
        level = 0
        if tag in _HEADINGS:
            kind, level = "heading", int(tag[1])
        elif tag == "li":
            kind = "item"
        elif (tag == "p" and top is not None and top.tag == "blockquote") or tag == "blockquote":
            kind = "quote"
        else:
            kind = "paragraph"
        frame = _Frame(tag, kind, line, self.list_depth, level)
        frame.owner = frame
        self._push(frame)

    def _push(self, frame: _Frame) -> None:
        self.frames.append(frame)
        self.open_tags[frame.tag] += 1

    def _drop(self, tag: str) -> None:
        self.dropping.append(tag)
        self.dropping_tags[tag] += 1

    def _close_top(self) -> _Frame:
        frame = self.frames.pop()
        self.open_tags[frame.tag] -= 1
        if frame.owner is not frame:
            self._text(" ")
        return frame

    def _text(self, data: str) -> None:
        if self.frames:
            owner = self.frames[-1].owner
            assert owner is not None
            if owner.slot is None:
                if data.isspace():
                    return
                owner.slot = _Slot(owner.kind, owner.line, level=owner.level)
                self.slots.append(owner.slot)
            owner.slot.parts.append((data, self.href))
            return
        if data.isspace():
            if self.loose is not None:
                self.loose.parts.append((data, None))
            return
        self.loose_breaks = 0
        if self.loose is None:
            line, _column = self.getpos()
            leading = len(data) - len(data.lstrip())
            self.loose = _Slot("paragraph", line + data.count("\n", 0, leading), loose=True)
            self.slots.append(self.loose)
        self.loose.parts.append((data, self.href))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in ("br", "hr"):
            self.handle_endtag(tag)


def parse_html_plain(text: str, source: str = "<html>", base: str | None = None) -> Article:
    """The blocks of an HTML page by its markup alone; see the module docstring for the rules.
    `base` makes relative links absolute."""
    parser = _ArticleParser()
    parser.feed(text.replace("\r\n", "\n").replace("\r", "\n"))
    parser.close()
    slots = []
    for slot in parser.slots:
        slot.text, slot.links = collapse(slot.parts, base)
        if slot.text:
            slots.append(slot)
    if any(slot.kind in ("paragraph", "quote", "item") and not slot.loose for slot in slots):
        slots = [slot for slot in slots if not slot.loose]

    title_slot = next((slot for slot in slots if slot.kind == "heading" and slot.level == 1), None)
    title: tuple[str, int] | None = None
    if title_slot is not None:
        title = (title_slot.text, title_slot.line)
    else:
        fallback = " ".join("".join(parser.title_parts).split())
        if fallback:
            title = (fallback, parser.title_line)
    return assemble(
        source,
        title,
        ((slot.kind, slot.text, slot.line, slot.links) for slot in slots if slot is not title_slot),
    )
