"""`reader export`: the report as a browser shows it (headless Chromium) and as Markdown.

A hostile article tries to inject markup, script and a resource load into the report; the
test serves that resource from 127.0.0.1 and checks the browser never asked for it. A
screenshot of the page at phone and desktop width is kept in the test's tmp directory.
"""

from __future__ import annotations

import http.server
import io
import re
import shutil
import subprocess
import threading
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import ClassVar

import pytest
from e2e.required import require

from reader.cli import EXIT_OK, run

CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--hide-scrollbars",
)


def chromium() -> str:
    """Chromium renders the report: required under CI, reported as NOT RUN where it is missing."""
    found = (shutil.which(name) for name in ("chromium", "chromium-browser", "google-chrome"))
    return require(next(filter(None, found), None), "chromium", "chromium")


class _Hits(http.server.BaseHTTPRequestHandler):
    hits: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        self.hits.append(self.path)
        self.send_response(200)
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        return None


@pytest.fixture
def trap() -> Iterator[tuple[str, list[str]]]:
    """A server on 127.0.0.1 that records every request: no report may make one."""
    hits: list[str] = []
    handler = type("Handler", (_Hits,), {"hits": hits})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", hits
    finally:
        server.shutdown()
        server.server_close()


def articles(folder: Path, base: str) -> list[str]:
    folder.mkdir()
    hostile = folder / "hostile.html"
    hostile.write_text(
        "<html><body><h1>Truce &lt;script&gt;alert(1)&lt;/script&gt;</h1>"
        f"<p>Putin said &lt;img src={base}/img.png&gt; NATO was a threat.</p>"
        f"<p>Rutte said &lt;link rel=stylesheet href={base}/x.css&gt; allies stand firm.</p>"
        "</body></html>",
        encoding="utf-8",
    )
    wire = folder / "wire.txt"
    wire.write_text(
        "Allies meet\n\nNATO Secretary General Mark Rutte said allies would stand firm.\n\n"
        "Kremlin spokesman Dmitry Peskov said the drills were a provocation.\n\n"
        "Zelensky said Ukraine would hold \x1b[2J the line.\n\nIt snowed.\n",
        encoding="utf-8",
    )
    return [str(hostile), str(wire)]


class _Dom(HTMLParser):
    """Elements, visible text and column headings (th, div.head) of a DOM dump."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.headings: list[str] = []
        self._skip = 0
        self._heading: list[str] | None = None
        self._heading_tag = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        self.tags.append((tag, found))
        if tag in ("style", "title"):
            self._skip += 1
        if tag == "th" or (tag == "div" and found.get("class") == "head"):
            self._heading, self._heading_tag = [], tag

    def handle_endtag(self, tag: str) -> None:
        if tag in ("style", "title"):
            self._skip -= 1
        if self._heading is not None and tag == self._heading_tag:
            self.headings.append(" ".join("".join(self._heading).split()))
            self._heading = None

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.text.append(data)
        if self._heading is not None:
            self._heading.append(data)


def render(browser: str, page: Path, tmp_path: Path) -> _Dom:
    profile = tmp_path / "chromium-profile"
    done = subprocess.run(
        [browser, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "--dump-dom", page.as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    dom = _Dom()
    dom.feed(done.stdout)
    for width, height in ((390, 1400), (1280, 1000)):
        shot = tmp_path / f"report-{width}.png"
        subprocess.run(
            [
                browser,
                *CHROMIUM_FLAGS,
                f"--user-data-dir={profile}",
                f"--window-size={width},{height}",
                f"--screenshot={shot}",
                page.as_uri(),
            ],
            capture_output=True,
            timeout=120,
            check=True,
        )
        assert shot.stat().st_size > 10_000, f"blank screenshot {shot}"
    return dom


def test_the_html_report_in_a_browser_shows_the_columns_and_runs_nothing(
    tmp_path: Path, trap: tuple[str, list[str]]
) -> None:
    base, hits = trap
    page = tmp_path / "report.html"
    status = run(["export", *articles(tmp_path / "in", base), "-o", str(page)], *_io())
    assert status == EXIT_OK
    dom = render(chromium(), page, tmp_path)
    tags = [tag for tag, _ in dom.tags]
    text = " ".join(" ".join(dom.text).split())

    # Nothing the article wrote became an element, and nothing was fetched.
    assert not {"script", "img", "link", "iframe", "object"} & set(tags)
    assert hits == []
    # ...it is shown as text instead, control characters as visible placeholders.
    assert "Truce <script>alert(1)</script>" in text
    assert f"<img src={base}/img.png>" in text
    assert "\x1b" not in text and "␛[2J" in text
    # The airtime table: one row per article, a column per actor and none.
    actors = ["N NATO", "R Russia", "U Ukraine", "· none"]
    assert dom.headings == ["Outlet", "Title", *actors, *actors, *actors]
    rows = [attrs for tag, attrs in dom.tags if tag == "tr"]
    assert len(rows) == 1 + 2
    # Each article's blocks stand in their actor's column, in the page's column grid.
    grids = [attrs for tag, attrs in dom.tags if tag == "div" and attrs.get("class") == "columns"]
    assert [grid.get("style") for grid in grids] == ["--n:4", "--n:4"]
    assert "Kremlin spokesman Dmitry Peskov said the drills were a provocation." in text
    assert "Kremlin spokesman Dmitry Peskov" in text  # speakers listed under the bars


def _io() -> tuple[io.StringIO, io.StringIO]:
    return io.StringIO(), io.StringIO()


def test_the_page_declares_it_loads_nothing(tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    assert run(["export", *articles(tmp_path / "in", "http://x"), "-o", str(page)], *_io()) == 0
    html = page.read_text(encoding="utf-8")
    assert "default-src 'none'" in html
    assert not re.search(r"<(script|img|link|iframe)\b", html)
    assert "url(" not in html


def test_markdown_keeps_article_text_literal_and_tables_whole(tmp_path: Path) -> None:
    out, err = _io()
    assert run(["export", *articles(tmp_path / "in", "http://x"), "--format", "md"], out, err) == 0
    text = out.getvalue()
    assert "<script>" not in text and "<img" not in text
    assert "&lt;script&gt;alert\\(1\\)&lt;/script&gt;" in text
    assert "\x1b" not in text
    # Every row of a table has as many cells as its header (no article | broke a table).
    for table in re.findall(r"(?:^\|.*\|$\n?)+", text, flags=re.MULTILINE):
        counts = {len(re.findall(r"(?<!\\)\|", line)) for line in table.strip().splitlines()}
        assert len(counts) == 1, table
    assert "| R Russia |" in text and "Peskov" in text


def test_a_report_that_cannot_be_written_is_one_line_and_exit_2(tmp_path: Path) -> None:
    out, err = _io()
    target = tmp_path / "missing-folder" / "report.html"
    status = run(["export", *articles(tmp_path / "in", "http://x"), "-o", str(target)], out, err)
    assert status == 2
    assert err.getvalue().splitlines() == [
        f"reader: {target}: cannot write the report: No such file or directory"
    ]
