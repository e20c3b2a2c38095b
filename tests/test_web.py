"""URLs on the command line, against a server on 127.0.0.1: the article and not the page, its
outlet and links, feeds, the page cache and --offline, and one clear line for every failure."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from web_server import WebServer

from reader.cli import EXIT_BAD_INPUT, EXIT_OK, run
from reader.fetch import Page, page_text

FURNITURE = (
    "Accept all cookies",
    "Skip to main content",
    "Share on Facebook",
    "Most viewed",
    "Rail strike",
    "Comments (214)",
    "Wake me up",
    "Sign up to First Edition",
    "All rights reserved",
    "Subscribe from",
)


def reader(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = run(list(argv), out, err)
    return status, out.getvalue(), err.getvalue()


def classify_json(*argv: str) -> tuple[int, Any, str]:
    status, out, err = reader("classify", *argv, "--format", "json")
    return status, json.loads(out) if out.strip() else None, err


def test_a_url_reads_the_article_and_not_the_page(web_server: WebServer) -> None:
    url = web_server.url("/article.html")
    status, article, err = classify_json(url)
    assert (status, err) == (EXIT_OK, "")
    text = "\n".join(block["text"] for block in article["blocks"])
    assert article["title"].startswith("Grain corridor talks resume in Istanbul")
    assert "Our ports are not a bargaining chip" in text
    assert "a hotline between the two navies" in text
    assert [word for word in FURNITURE if word in text] == []
    kinds = [block["kind"] for block in article["blocks"]]
    assert kinds.count("item") == 3 and "quote" in kinds and "heading" in kinds
    assert article["meta"] == {
        "url": url,
        "site": "northern-courier.example",
        "outlet": "The Northern Courier",
        "author": "Maren Holt",
        "date": "2026-03-14",
        "lang": "en-GB",
    }


def test_links_keep_their_text_offsets_and_absolute_url(web_server: WebServer) -> None:
    _, article, _ = classify_json(web_server.url("/article.html"))
    links = [(block, link) for block in article["blocks"] for link in block["links"]]
    assert len(links) == 1
    block, link = links[0]
    assert link["text"] == "a drone strike damaged a loading terminal in Odesa"
    assert block["text"][link["start"] : link["end"]] == link["text"]
    assert link["url"] == web_server.url("/world/2026/feb/21/drone-strike-odesa-port")


def test_the_user_agent_names_the_reader_and_its_version(web_server: WebServer) -> None:
    from reader import __version__

    reader("classify", web_server.url("/second.html"))
    assert web_server.requests[0][1].startswith(f"reader/{__version__}")


def test_a_feed_classifies_every_item(web_server: WebServer) -> None:
    status, articles, err = classify_json(web_server.url("/feed.xml"))
    assert (status, err) == (EXIT_OK, "")
    assert [article["source"] for article in articles] == [
        web_server.url("/article.html"),
        web_server.url("/second.html"),
    ]
    assert articles[1]["title"] == "Power restored in Kharkiv after overnight strikes"


def test_redirects_are_followed_up_to_ten(web_server: WebServer) -> None:
    status, article, _ = classify_json(web_server.url("/redirect/10"))
    assert status == EXIT_OK
    assert article["meta"]["url"] == web_server.url("/article.html")
    status, _, err = classify_json(web_server.url("/loop"))
    assert status == EXIT_BAD_INPUT
    assert err == f"reader: {web_server.url('/loop')}: more than 10 redirects (HTTP 301)\n"


def test_every_failure_is_one_line_naming_the_url_and_the_rest_still_read(
    web_server: WebServer, tmp_path: Path
) -> None:
    dead = WebServer()
    dead.stop()  # a port nothing listens on any more
    good = tmp_path / "good.txt"
    good.write_text("A title\n\nPeskov said the talks had failed.\n", encoding="utf-8")
    urls = {
        "/404": "HTTP 404 Not Found",
        "/500": "HTTP 500 Internal Server Error",
        "/slow": "timed out after 0.5 s reading",
        "/huge": "too big: response is 512 MB over the 1 MB limit; raise it with --max-size 512M",
        "/huge-stream": "too big: response is over the 1 MB limit; raise it with --max-size 2M",
        "/image.png": "not HTML: the server sent image/png",
    }
    argv = [web_server.url(path) for path in urls] + [dead.url("/gone.html"), str(good)]
    status, article, err = classify_json(*argv, "--read-timeout", "0.5", "--max-size", "1M")
    assert status == EXIT_BAD_INPUT
    assert article["source"] == str(good)
    expected = [f"reader: {web_server.url(path)}: {what}" for path, what in urls.items()]
    expected.append(f"reader: {dead.url('/gone.html')}: connection refused")
    assert err.splitlines() == expected


def test_nothing_read_is_exit_2(web_server: WebServer) -> None:
    status, _, err = reader("classify", web_server.url("/404"))
    assert status == EXIT_BAD_INPUT
    assert "HTTP 404" in err
    status, _, err = reader("classify", "ftp://127.0.0.1/x")
    assert status == EXIT_BAD_INPUT
    assert err == "reader: ftp://127.0.0.1/x: only http and https URLs are read, not ftp\n"


def test_a_wrong_charset_header_does_not_garble_utf8_and_meta_charset_is_read(
    web_server: WebServer,
) -> None:
    _, article, _ = classify_json(web_server.url("/wrong-charset.html"))
    assert article["title"] == "Talks “resume” in Zürich"
    _, article, _ = classify_json(web_server.url("/meta-charset.html"))
    assert article["title"] == "Переговоры возобновились"


def test_charset_order_is_header_then_meta_then_sniff() -> None:
    body = "<meta charset='koi8-r'><p>Привет</p>".encode("koi8-r")
    assert page_text(Page("u", "u", "text/html", None, body))[0].endswith("Привет</p>")
    assert page_text(Page("u", "u", "text/html", "koi8-r", body))[0].endswith("Привет</p>")
    # An unknown header charset falls through to the <meta>.
    assert page_text(Page("u", "u", "text/html", "x-nonsense", body))[0].endswith("Привет</p>")


def test_pages_are_cached_and_offline_reads_them_after_the_server_stopped(
    web_server: WebServer,
) -> None:
    url = web_server.url("/article.html")
    assert reader("classify", url)[0] == EXIT_OK
    status, listing, _ = reader("cache", "list")
    assert status == EXIT_OK and url in listing and "1 pages" in listing
    web_server.stop()

    status, article, err = classify_json(url, "--offline")
    assert (status, err) == (EXIT_OK, "")
    assert article["meta"]["outlet"] == "The Northern Courier"

    # Online with the server gone: the cached copy, with one warning saying so.
    status, article, err = classify_json(url)
    assert status == EXIT_OK and article["title"].startswith("Grain corridor")
    assert err.startswith(f"reader: warning: {url}: connection refused; showing the copy cached")

    assert reader("cache", "clear")[1] == "removed 1 cached page\n"
    status, _, err = reader("classify", url, "--offline")
    assert status == EXIT_BAD_INPUT
    assert err == f"reader: {url}: not in the page cache (--offline reads only pages read before)\n"


def test_the_cache_is_bounded_and_drops_the_oldest_pages(tmp_path: Path) -> None:
    from reader.cache import PageCache

    cache = PageCache(tmp_path / "pages", limit=2500)
    for name in ("a", "b", "c"):
        assert cache.store(Page(name, name, "text/html", None, b"x" * 1000)) is None
    assert [entry.url for entry in cache.entries()] == ["b", "c"]
    assert cache.load("a") is None
    assert cache.load("c") is not None


def test_dns_and_connect_failures_are_named(monkeypatch: pytest.MonkeyPatch) -> None:
    """No network in tests: the resolver and the connection are made to fail as they do."""
    import socket

    from reader.fetch import FetchError, fetch

    def no_such_host(*args: object, **kwargs: object) -> object:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", no_such_host)
    with pytest.raises(FetchError) as caught:
        fetch("http://no-such-host.example/a")
    assert str(caught.value) == (
        "http://no-such-host.example/a: DNS lookup failed: no such host (or no network)"
    )

    def silent(*args: object, **kwargs: object) -> object:
        raise TimeoutError("timed out")

    monkeypatch.setattr(socket, "create_connection", silent)
    with pytest.raises(FetchError) as caught:
        fetch("http://10.255.255.1/a")
    assert str(caught.value) == "http://10.255.255.1/a: timed out connecting"
