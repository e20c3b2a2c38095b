"""A web server on 127.0.0.1 for the tests: saved pages, a feed, and every way a fetch fails.

No test touches the network: each starts this server on a free port of the loopback address
and reads its pages. Routes:

    /article.html, /second.html   saved news pages with their site furniture (tests/data/web)
    /feed.xml                     an RSS feed of those two
    /redirect/N                   N redirects, then /article.html; /loop redirects forever
    /slow                         answers its headers, then stalls (a read timeout)
    /404, /500                    those statuses
    /huge                         a Content-Length over any test's --max-size
    /huge-stream                  a body with no Content-Length that never ends in time
    /image.png                    not HTML
    /wrong-charset.html           UTF-8 bytes sent as "charset=iso-8859-1"
    /meta-charset.html            cp1251 bytes, no header charset, a <meta charset>
"""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

PAGES = Path(__file__).parent / "data" / "web"
SLOW_SECONDS = 5.0
CYRILLIC_PAGE = (
    "<html><head><meta charset='windows-1251'><title>Переговоры</title></head><body>"
    "<h1>Переговоры возобновились</h1><p>Делегации встретились в Стамбуле в субботу.</p>"
    "</body></html>"
)
WRONG_CHARSET_PAGE = (
    "<html><body><h1>Talks “resume” in Zürich</h1>"
    "<p>Delegates met on Saturday — the first time since January.</p></body></html>"
)


class _Handler(BaseHTTPRequestHandler):
    server_version = "test-server"

    def log_message(self, format: str, *args: object) -> None:  # quiet
        return

    def _send(self, status: int, body: bytes, content_type: str, **headers: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        path = self.path.split("?")[0]
        self.server.requests.append((path, self.headers.get("User-Agent", "")))  # type: ignore[attr-defined]
        if path in ("/article.html", "/second.html"):
            self._send(200, (PAGES / path[1:]).read_bytes(), "text/html; charset=utf-8")
        elif path == "/feed.xml":
            self._send(200, (PAGES / "feed.xml").read_bytes(), "application/rss+xml")
        elif path.startswith("/redirect/"):
            left = int(path.rsplit("/", 1)[1])
            target = f"/redirect/{left - 1}" if left > 1 else "/article.html"
            self.send_response(302)
            self.send_header("Location", target)
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif path == "/loop":
            self.send_response(301)
            self.send_header("Location", "/loop")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif path == "/slow":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            self.wfile.flush()
            time.sleep(SLOW_SECONDS)
        elif path in ("/404", "/500"):
            status = int(path[1:])
            self._send(status, b"<html><body><p>error page</p></body></html>", "text/html")
        elif path == "/huge":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(512 * 1024 * 1024))
            self.end_headers()
        elif path == "/huge-stream":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            chunk = b"<p>" + b"word " * 2000 + b"</p>\n"
            try:
                for _ in range(1000):
                    self.wfile.write(chunk)
            except OSError:
                pass
        elif path == "/image.png":
            self._send(200, b"\x89PNG\r\n\x1a\n" + bytes(64), "image/png")
        elif path == "/wrong-charset.html":
            body = WRONG_CHARSET_PAGE.encode("utf-8")
            self._send(200, body, "text/html; charset=iso-8859-1")
        elif path == "/meta-charset.html":
            self._send(200, CYRILLIC_PAGE.encode("cp1251"), "text/html")
        else:
            self._send(404, b"not found", "text/plain")


class WebServer:
    """A running server: `url(path)` is the address of a route; `stop()` shuts it down."""

    def __init__(self) -> None:
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self.httpd.daemon_threads = True
        self.httpd.requests = []  # type: ignore[attr-defined]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()
        self.running = True

    @property
    def port(self) -> int:
        return int(self.httpd.server_address[1])

    @property
    def requests(self) -> list[tuple[str, str]]:
        """(path, User-Agent) of every request so far."""
        return list(self.httpd.requests)  # type: ignore[attr-defined]

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def stop(self) -> None:
        if self.running:
            self.running = False
            self.httpd.shutdown()
            self.httpd.server_close()
