"""The HTTP of `reader.fetch`: urllib with the limits the reader owes sites and users (see
`reader.fetch` for what they are). Imported on the first fetch only: urllib.request,
http.client and the email package cost more to import than reading a local article."""

from __future__ import annotations

import http.client
import socket
import ssl
import urllib.error
import urllib.request
from collections.abc import Callable
from email.message import Message
from typing import Any
from urllib.parse import urlsplit

from reader.fetch import CHUNK, MAX_REDIRECTS, USER_AGENT, FetchError, FetchOptions, Page
from reader.load import format_size


def get(url: str, options: FetchOptions) -> Page:
    """GET `url` (already checked by `reader.fetch.check_url`) within the limits of `options`;
    FetchError (one line) for any failure."""
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
