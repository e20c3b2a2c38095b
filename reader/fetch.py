"""Fetch one web page like a good citizen, and turn every way it can fail into one line.

The standard library's urllib does the HTTP (redirects, proxies from the environment, TLS with
the system's certificates); this module sets the limits a reader owes the sites and the user:
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
import http.client
import re
import socket
import ssl
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from email.message import Message
from typing import Any
from urllib.parse import urlsplit

from reader import __version__
from reader.errors import ReaderError
from reader.load import DEFAULT_MAX_BYTES, decode, format_size

MAX_REDIRECTS = 10
USER_AGENT = f"reader/{__version__} (terminal news reader)"
CHUNK = 64 * 1024

_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE
)
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://")
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


def is_url(text: str) -> bool:
    """Whether a command-line argument is an address (`scheme://…`) rather than a path; only
    http and https ones are then fetched (`check_url` refuses the others in one line)."""
    return _SCHEME.match(text) is not None


def check_url(url: str) -> None:
    """Refuse what is not an http(s) URL with a host, before any network is touched."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https"):
        raise FetchError(f"only http and https URLs are read, not {parts.scheme or 'this'}", url)
    if not parts.hostname:
        raise FetchError("no host in this URL", url)


def fetch(url: str, options: FetchOptions | None = None) -> Page:
    """GET `url` within the limits of `options`; FetchError (one line) for any failure."""
    options = options or FetchOptions()
    check_url(url)
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
    opener = urllib.request.build_opener(
        _HTTPHandler(options.read_timeout), _HTTPSHandler(options.read_timeout), _Redirects()
    )
    try:
        with opener.open(request, timeout=options.connect_timeout) as response:
            final = response.geturl()
            length = response.headers.get("Content-Length", "")
            if length.isdigit() and int(length) > options.max_bytes:
                raise _too_big(url, int(length), options.max_bytes)
            body = _read(response, url, options.max_bytes)
            headers: Message = response.headers
    except FetchError:
        raise
    except http.client.InvalidURL as error:
        raise FetchError(f"not a valid URL: {error}", url) from None
    except urllib.error.HTTPError as error:
        error.close()
        raise FetchError(_http_status(error), url) from None
    except urllib.error.URLError as error:
        raise FetchError(_network_reason(error.reason), url) from None
    except TimeoutError:
        raise FetchError(f"timed out after {options.read_timeout:g} s reading", url) from None
    except (http.client.HTTPException, OSError, ValueError) as error:
        raise FetchError(f"broken response: {_describe(error)}", url) from None
    media_type = headers.get_content_type()
    charset = headers.get_content_charset()
    return Page(url, final, media_type, charset, body)


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


def _read(response: Any, url: str, max_bytes: int) -> bytes:
    chunks: list[bytes] = []
    size = 0
    while chunk := response.read(min(CHUNK, max_bytes + 1 - size)):
        chunks.append(chunk)
        size += len(chunk)
        if size > max_bytes:
            raise _too_big(url, None, max_bytes)
    return b"".join(chunks)


def _too_big(url: str, size: int | None, max_bytes: int) -> FetchError:
    what = f"response is {format_size(size)}" if size is not None else "response is"
    needed = -(-(size or 2 * max_bytes) // (1024 * 1024))
    return FetchError(
        f"too big: {what} over the {format_size(max_bytes)} limit; raise it with "
        f"--max-size {needed}M",
        url,
    )


def _http_status(error: urllib.error.HTTPError) -> str:
    if error.code in (301, 302, 303, 307, 308):
        if "Location" in error.headers or "URI" in error.headers:
            return f"more than {MAX_REDIRECTS} redirects (HTTP {error.code})"
        return f"HTTP {error.code}: a redirect that names no address"
    reason = f" {error.reason}" if error.reason else ""
    return f"HTTP {error.code}{reason}"


def _network_reason(reason: object) -> str:
    if isinstance(reason, socket.gaierror):
        return "DNS lookup failed: no such host (or no network)"
    if isinstance(reason, ConnectionRefusedError):
        return "connection refused"
    if isinstance(reason, TimeoutError):
        return "timed out connecting"
    if isinstance(reason, ssl.SSLCertVerificationError):
        return f"TLS certificate not trusted: {reason.verify_message}"
    if isinstance(reason, ssl.SSLError):
        return f"TLS failed: {reason.reason or reason}"
    if isinstance(reason, OSError):
        return f"network error: {_describe(reason)}"
    return f"cannot fetch: {reason}"


def _describe(error: BaseException) -> str:
    if isinstance(error, OSError) and error.strerror:
        return error.strerror.lower()
    return str(error) or type(error).__name__


class _Redirects(urllib.request.HTTPRedirectHandler):
    """urllib's redirects, at most `MAX_REDIRECTS`, and only to http or https."""

    max_redirections = MAX_REDIRECTS

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: Any,
        code: int,
        msg: str,
        headers: http.client.HTTPMessage,
        newurl: str,
    ) -> urllib.request.Request | None:
        scheme = urlsplit(newurl).scheme.lower()
        if scheme not in ("http", "https"):
            raise FetchError(f"redirected to a {scheme or 'relative'} URL: {newurl}", req.full_url)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _connection(base: type[http.client.HTTPConnection], read_timeout: float) -> Callable[..., Any]:
    """A connection class that connects under the connect timeout, then reads under
    `read_timeout` (urllib itself has one timeout for both)."""

    class Connection(base):  # type: ignore[valid-type,misc]
        def connect(self) -> None:
            super().connect()
            if self.sock is not None:
                self.sock.settimeout(read_timeout)

    return Connection


class _HTTPHandler(urllib.request.HTTPHandler):
    def __init__(self, read_timeout: float) -> None:
        super().__init__()
        self._connection = _connection(http.client.HTTPConnection, read_timeout)

    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(self._connection, req)


class _HTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, read_timeout: float) -> None:
        super().__init__(context=ssl.create_default_context())
        self._connection = _connection(http.client.HTTPSConnection, read_timeout)

    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(self._connection, req, context=self._context)  # type: ignore[attr-defined]
