"""Fetch one web page like a good citizen, and turn every way it can fail into one line.

The standard library's urllib does the HTTP (redirects, proxies from the environment, TLS with
the system's certificates; in `reader.transport`, imported on the first fetch); these two
modules set the limits a reader owes the sites and the user:
- only http and https, also for every redirect, and at most `MAX_REDIRECTS` of them;
- a connect timeout and a read timeout (each socket operation after connecting);
- a size cap: a Content-Length over it is refused before reading, and a body is never read
  past one byte over it;
- a User-Agent naming the reader and its version.
Decoding follows the order browsers use: the charset in the Content-Type header, then a
`<meta charset>` in the page, then a sniff (`reader.load.decode`). A header that names a
one-byte charset for bytes that are valid UTF-8 with non-ASCII letters is wrong (a server's
default, not the page's): those bytes are read as UTF-8.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from reader import __version__
from reader.errors import ReaderError
from reader.load import DEFAULT_MAX_BYTES, decode

MAX_REDIRECTS = 10
USER_AGENT = f"reader/{__version__} (terminal news reader)"
CHUNK = 64 * 1024

_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE
)
_SINGLE_BYTE = frozenset({"ascii", "latin-1", "iso8859-1", "cp1252", "iso8859-15"})

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
FEED_TYPES = frozenset(
    {
        "application/rss+xml",
        "application/atom+xml",
        "application/rdf+xml",
        "application/xml",
        "text/xml",
        "application/feed+xml",
    }
)
TEXT_TYPES = frozenset({"text/plain", "text/markdown", "text/x-markdown"})


class FetchError(ReaderError):
    """A URL that could not be read: `str()` is one line naming it and what happened."""


@dataclass(frozen=True, slots=True)
class FetchOptions:
    """The limits of one fetch (the CLI's --timeout and --max-size set them)."""

    connect_timeout: float = 10.0
    read_timeout: float = 30.0
    max_bytes: int = DEFAULT_MAX_BYTES


@dataclass(frozen=True, slots=True)
class Page:
    """A fetched response: `url` is the address asked for, `final_url` the one after redirects;
    `media_type` the Content-Type without parameters, `charset` the header's charset if any."""

    url: str
    final_url: str
    media_type: str
    charset: str | None
    body: bytes


def check_url(url: str) -> None:
    """Refuse what is not an http(s) URL with a host, before any network is touched."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https"):
        raise FetchError(f"only http and https URLs are read, not {parts.scheme or 'this'}", url)
    if not parts.hostname:
        raise FetchError("no host in this URL", url)


def fetch(url: str, options: FetchOptions | None = None) -> Page:
    """GET `url` within the limits of `options`; FetchError (one line) for any failure.

    The HTTP itself (`reader.transport`: urllib, http.client, email) is imported on the first
    fetch: reading a local file never pays for it."""
    from reader.transport import get

    check_url(url)
    return get(url, options or FetchOptions())


def page_text(page: Page) -> tuple[str, str | None]:
    """The page's text: header charset, then `<meta charset>`, then a sniff; and a warning
    line when the bytes had to be guessed."""
    data = page.body
    candidates = [page.charset, _meta_charset(data)]
    for name in candidates:
        codec = _codec(name)
        if codec is None:
            continue
        if codec in _SINGLE_BYTE and not data.isascii() and _is_utf8(data):
            return data.decode("utf-8"), None
        try:
            return data.decode(codec), None
        except UnicodeDecodeError:
            continue
    return decode(data, page.url)


def _codec(name: str | None) -> str | None:
    if not name:
        return None
    try:
        found = codecs.lookup(name.strip().strip("\"'"))
    except LookupError:
        return None
    return {"iso8859-1": "latin-1", "us-ascii": "ascii", "windows-1252": "cp1252"}.get(
        found.name, found.name
    )


def _meta_charset(data: bytes) -> str | None:
    found = _META_CHARSET.search(data[:4096])
    return found.group(1).decode("ascii", "replace") if found else None


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True
