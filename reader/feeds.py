"""RSS and Atom feeds: the list of items a user picks articles from.

feedparser reads every feed dialect in use (RSS 0.9x-2.0, RSS 1.0/RDF, Atom 0.3/1.0) and
the broken feeds real sites publish; this module only keeps what the reader shows: each
item's title, link, date and outlet. The feed is always handed to feedparser as bytes, never
as a string: given a string that looks like a URL, feedparser would fetch it itself.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin

from reader.errors import ReaderError
from reader.fetch import FEED_TYPES, HTML_TYPES, Page

_FEED_START = re.compile(
    rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:rss|feed|rdf:RDF)[\s>]", re.S
)


@dataclass(frozen=True, slots=True)
class FeedItem:
    """One entry of a feed: what the list shows, and the article's address."""

    title: str
    url: str
    date: str | None
    outlet: str | None


@dataclass(frozen=True, slots=True)
class Feed:
    """A parsed feed: `url` is where it was read from."""

    url: str
    title: str | None
    items: tuple[FeedItem, ...]


def is_feed(page: Page) -> bool:
    """Whether a response is a feed: by its media type, or by its first element when the
    server calls it HTML or plain XML (many do)."""
    if page.media_type in FEED_TYPES - {"application/xml", "text/xml"}:
        return True
    if page.media_type in HTML_TYPES | {"application/xml", "text/xml", "text/plain"}:
        return _FEED_START.match(page.body[:4096]) is not None
    return False


def parse_feed(page: Page) -> Feed:
    """The items of a feed, newest as the feed orders them; ReaderError when it has none."""
    import feedparser

    parsed: Any = feedparser.parse(page.body, response_headers={"content-location": page.final_url})
    channel = parsed.get("feed", {})
    outlet = _clean(channel.get("title"))
    items: list[FeedItem] = []
    for entry in parsed.get("entries", []):
        link = _clean(entry.get("link"))
        if not link:
            continue
        title = _clean(entry.get("title")) or link
        items.append(FeedItem(title, urljoin(page.final_url, link), _date(entry), outlet))
    if not items:
        raise ReaderError("feed has no items with a link", where=page.url)
    return Feed(page.url, outlet, tuple(items))


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    return " ".join(value.split()) or None


def _date(entry: Any) -> str | None:
    for key in ("published_parsed", "updated_parsed"):
        parsed = entry.get(key)
        if isinstance(parsed, time.struct_time):
            return time.strftime("%Y-%m-%d %H:%M", parsed)
    return _clean(entry.get("published") or entry.get("updated"))
