"""A URL in, an article (or a feed) out: fetching, the page cache and the page's kind together.

This is where `--offline` and the cache meet the network. Online, a fetched page is stored in
the cache; when the network fails and an earlier copy is cached, that copy is read, with one
warning line saying so. Offline, only the cache is read. What the response is decides what it
becomes: a feed (RSS/Atom) a `Feed`, HTML and plain text a `Document` for `reader.parse`;
anything else (an image, a PDF, JSON) is refused with one line naming its type.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

from reader.cache import PageCache
from reader.feeds import Feed, is_feed, parse_feed
from reader.fetch import HTML_TYPES, TEXT_TYPES, FetchError, FetchOptions, Page, fetch, page_text
from reader.load import Document, Format, sniff_format
from reader.model import Article


@dataclass(frozen=True, slots=True)
class WebSettings:
    """How URLs are read: the fetch limits, the cache, and whether the network may be used."""

    options: FetchOptions = field(default_factory=FetchOptions)
    cache: PageCache | None = None
    offline: bool = False


@dataclass(frozen=True, slots=True)
class WebInput:
    """What one URL gave: a document to parse or a feed to list (one of them), and warnings."""

    document: Document | None
    feed: Feed | None
    warnings: tuple[str, ...] = ()


def read_url(url: str, settings: WebSettings) -> WebInput:
    """Fetch (or take from the cache) `url` and say what it is; FetchError (one line) when it
    cannot be read. Runs in any thread: it touches no shared state but the cache files."""
    warnings: list[str] = []
    page = _page(url, settings, warnings)
    if not page.body.strip():
        raise FetchError("empty response: no text to read", url)
    if is_feed(page):
        return WebInput(None, parse_feed(page), tuple(warnings))
    if page.media_type not in HTML_TYPES | TEXT_TYPES:
        raise FetchError(f"not HTML: the server sent {page.media_type}", url)
    text, warning = page_text(page)
    if warning:
        warnings.append(warning)
    fmt: Format
    if page.media_type in HTML_TYPES:
        fmt = "html"
    else:
        fmt = "markdown" if "markdown" in page.media_type else sniff_format(text)
    document = Document(url, text, fmt, url=page.final_url)
    return WebInput(document, None, tuple(warnings))


def read_article(
    url: str, settings: WebSettings, warn: Callable[[str], None]
) -> tuple[Article | None, Feed | None]:
    """`read_url`, with a page parsed into its article; each warning goes to `warn`.
    ReaderError when the URL cannot be read or holds no article text."""
    from reader.parse import parse

    found = read_url(url, settings)
    for warning in found.warnings:
        warn(warning)
    if found.document is None:
        return None, found.feed
    return parse(found.document), None


def _page(url: str, settings: WebSettings, warnings: list[str]) -> Page:
    cache = settings.cache
    if settings.offline:
        cached = cache.load(url) if cache is not None else None
        if cached is None:
            raise FetchError("not in the page cache (--offline reads only pages read before)", url)
        return cached[0]
    try:
        page = fetch(url, settings.options)
    except FetchError as error:
        cached = cache.load(url) if cache is not None else None
        if cached is None:
            raise
        when = time.strftime("%Y-%m-%d %H:%M", time.localtime(cached[1]))
        warnings.append(f"{error}; showing the copy cached on {when}")
        return cached[0]
    if cache is not None:
        problem = cache.store(page)
        if problem:
            warnings.append(problem)
    return page
