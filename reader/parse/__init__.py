"""Split a decoded document into blocks: the title, headings, paragraphs, quotes, list items.

Every format ends in the same shape (`reader.model.Article`): block text is stripped, holds no
newline and is never empty; `line` is the 1-based source line where the block starts; when the
article has a title it is block 0 with kind "title". Control characters are kept as written:
sanitising is the renderers' job (`reader.safe_text`), so offsets stay true to the source.

Text and Markdown may name their source in YAML front matter or a `Source: URL` line
(`reader.parse.front_matter`): it becomes `Article.meta`.

The Markdown and HTML parsers are imported on first use, so reading plain text never pays for
importing markdown-it or html.parser.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from urllib.parse import urlsplit

from reader.errors import ReaderError
from reader.load import Document
from reader.model import Article, Block, BlockKind, Link, Meta

__all__ = ["assemble", "parse"]


def parse(document: Document) -> Article:
    """The article in `document`, parsed by its format.

    Raises ReaderError (where = the source) when the document holds no readable block, for
    example an HTML page whose only text sits in navigation.
    """
    with _collector_paused():
        if document.format == "html":
            from reader.parse.html import parse_html

            return parse_html(document.text, document.source, url=document.url)
        from reader.parse.front_matter import split_meta

        meta, text = split_meta(document.text)
        if document.format == "markdown":
            from reader.parse.markdown import parse_markdown

            article = parse_markdown(text, document.source)
        else:
            from reader.parse.text import parse_text

            article = parse_text(text, document.source)
        if document.url and not meta.url:
            meta = Meta(url=document.url, site=urlsplit(document.url).hostname)
        return replace(article, meta=meta)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a parser allocates its many small objects.

    Parsing creates a few objects per block and no reference cycles, yet every 700 allocations
    wake the collector, which then walks the ever-growing heap: on a 100,000-paragraph Markdown
    file that costs a third of the time. Restored afterwards, also when parsing raises.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


BlockSpec = (
    tuple[BlockKind, str, int]
    | tuple[BlockKind, str, int, tuple[Link, ...]]
    | tuple[BlockKind, str, int, tuple[Link, ...], str]
)
"""A finished block as a parser hands it over: kind, text, line, and its links and a list
item's marker if it has any."""


def assemble(
    source: str,
    title: tuple[str, int] | None,
    blocks: Iterable[BlockSpec],
    meta: Meta | None = None,
) -> Article:
    """Number the blocks in reading order behind the title (text, line), if any.

    The parsers hand over finished, non-empty, single-line texts (a table's rows excepted),
    with their links and a list item's marker when they have them; this keeps the index
    arithmetic and the "no blocks at all" error in one place.
    """
    result: list[Block] = []
    if title is not None:
        result.append(Block(0, "title", title[0], title[1]))
    for spec in blocks:
        links = spec[3] if len(spec) >= 4 else ()
        marker = spec[4] if len(spec) == 5 else ""
        result.append(Block(len(result), spec[0], spec[1], spec[2], links, marker))
    if not result:
        raise ReaderError("no article text found (no title, heading or paragraph)", where=source)
    return Article(
        source=source,
        title=title[0] if title else None,
        blocks=tuple(result),
        meta=meta or Meta(),
    )
