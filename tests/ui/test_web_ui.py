"""The web in the reader (Pilot), against a server on 127.0.0.1: a block's links (L), opening
one as an article, a feed's list and its items, and q while a page is still being fetched."""

from __future__ import annotations

from pathlib import Path

from textual import events
from web_server import WebServer

from reader.cache import PageCache
from reader.config import load_config
from reader.feeds import Feed, FeedItem
from reader.fetch import FetchOptions
from reader.model import Article, Block, Link
from reader.ui.app import ReaderApp
from reader.ui.pick import FeedScreen, LinksScreen
from reader.ui.status import HeaderLine
from reader.web import WebSettings

from .helpers import ready, screen_text, wait_until, workers_done

CONFIG = load_config(None)
SIZE = (120, 32)


def header(app: ReaderApp) -> str:
    return app.query_one("#header", HeaderLine).text


def settings(tmp_path: Path, read_timeout: float = 30.0) -> WebSettings:
    options = FetchOptions(read_timeout=read_timeout)
    return WebSettings(options, PageCache(tmp_path / "cache"))


def linking_article(*urls: str) -> Article:
    text = "Officials said the talks would resume, according to the report and the notes."
    links = tuple(
        Link(word, url, text.index(word), text.index(word) + len(word))
        for word, url in zip(("report", "notes"), urls, strict=False)
    )
    blocks = (Block(0, "title", "Talks", 1), Block(1, "paragraph", text, 2, links))
    return Article("talks.txt", "Talks", blocks)


async def test_l_lists_the_block_links_and_enter_opens_one_as_an_article(
    web_server: WebServer, tmp_path: Path
) -> None:
    article = linking_article(web_server.url("/second.html"), "mailto:desk@example.test")
    app = ReaderApp([article], CONFIG, web=settings(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("j", "L")
        assert isinstance(app.screen, LinksScreen)
        shown = screen_text(app)
        assert "report" in shown and web_server.url("/second.html") in shown
        await pilot.press("enter")
        await wait_until(
            pilot, lambda: "Power restored in Kharkiv" in header(app), "the fetched article"
        )
        assert "The Northern Courier" in header(app)
        assert len(app.articles) == 2
        await pilot.press("ctrl+p")
        await wait_until(pilot, lambda: header(app).startswith("Talks"), "the first article again")


async def test_a_link_that_is_not_a_web_page_is_copied(tmp_path: Path) -> None:
    app = ReaderApp([linking_article("mailto:desk@example.test")], CONFIG, web=settings(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("j", "L", "enter")
        await pilot.pause()
        assert app.clipboard == "mailto:desk@example.test"
        assert len(app.articles) == 1


async def test_a_block_without_links_says_so(tmp_path: Path) -> None:
    app = ReaderApp([linking_article()], CONFIG, web=settings(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("L")
        assert not isinstance(app.screen, LinksScreen)
        assert "no links in this block" in app.status.text


async def test_a_feed_opens_on_its_list_and_ctrl_n_escape_move_through_items(
    web_server: WebServer, tmp_path: Path
) -> None:
    items = (
        FeedItem("Grain corridor talks", web_server.url("/article.html"), "2026-03-14", "Courier"),
        FeedItem("Power restored", web_server.url("/second.html"), "2026-03-15", "Courier"),
    )
    feed = Feed(web_server.url("/feed.xml"), "Courier", items)
    app = ReaderApp([], CONFIG, feeds=[feed], web=settings(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, FeedScreen)
        assert "Power restored" in screen_text(app) and "2026-03-15" in screen_text(app)
        await pilot.press("enter")
        await wait_until(
            pilot, lambda: "Grain corridor talks resume" in header(app), "the feed's article"
        )
        await pilot.press("ctrl+n")
        await wait_until(
            pilot, lambda: "Power restored in Kharkiv" in header(app), "the fetched article"
        )
        await pilot.press("ctrl+n")  # wraps to the first, already fetched
        await wait_until(
            pilot, lambda: "Grain corridor talks resume" in header(app), "the feed's article"
        )
        assert len(app.articles) == 2
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, FeedScreen)


async def test_a_failed_fetch_is_one_line_in_the_status_and_the_reader_goes_on(
    web_server: WebServer, tmp_path: Path
) -> None:
    app = ReaderApp([linking_article(web_server.url("/404"))], CONFIG, web=settings(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("j", "L", "enter")
        await wait_until(pilot, lambda: "HTTP 404" in app.status.text, "the HTTP error")
        assert f"{web_server.url('/404')}: HTTP 404 Not Found" in app.status.text
        assert header(app).startswith("Talks")


async def test_q_quits_while_a_page_is_still_being_fetched(
    web_server: WebServer, tmp_path: Path
) -> None:
    app = ReaderApp([linking_article(web_server.url("/slow"))], CONFIG, web=settings(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("j", "L", "enter")
        await pilot.pause()
        assert "fetching " + web_server.url("/slow") in app.status.text
        # q as the terminal sends it: `pilot.press` then waits for the app to go idle, and
        # that wait never woke once the app had closed with the fetching thread still in
        # its read (every time when this test ran alone). Leaving the block waits for the
        # app to end: well before the server's 5 s stall is over.
        assert app._driver is not None
        app._driver.send_message(events.Key("q", "q"))
    assert app.return_code in (None, 0)


async def test_command_line_urls_are_fetched_in_the_app_and_join_as_they_arrive(
    web_server: WebServer, tmp_path: Path
) -> None:
    urls = [web_server.url("/article.html"), web_server.url("/404"), web_server.url("/feed.xml")]
    app = ReaderApp([], CONFIG, web=settings(tmp_path), urls=urls)
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(
            pilot, lambda: "Grain corridor talks resume" in header(app), "the feed's article"
        )
        await wait_until(pilot, lambda: len(app.feed_items) == 2, "the feed's items")
        assert app.web.failures == [f"{web_server.url('/404')}: HTTP 404 Not Found"]
        assert len(app.articles) == 1
        await pilot.press("escape")  # the feed's list, one key away
        await pilot.pause()
        assert isinstance(app.screen, FeedScreen)
        await pilot.press("q")
    assert app.return_code == 0


async def test_when_no_url_can_be_read_the_reader_says_why_and_exits_2(
    web_server: WebServer, tmp_path: Path
) -> None:
    app = ReaderApp([], CONFIG, web=settings(tmp_path), urls=[web_server.url("/500")])
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: bool(app.web.failures), "the failed fetch")
        await pilot.pause()
        assert "HTTP 500 Internal Server Error" in screen_text(app)
        await pilot.press("q")
    assert app.return_code == 2


async def test_the_position_is_saved_while_a_list_covers_the_panels(tmp_path: Path) -> None:
    """The once-a-second save used to look for the panels on the screen on top (or on a
    screen already emptied while the app shut down) and crash."""
    app = ReaderApp([linking_article("https://news.example/a")], CONFIG, web=settings(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("j", "L")
        assert isinstance(app.screen, LinksScreen)
        app._moved = True  # as after a key: the next tick saves, with the list on top
        await wait_until(pilot, lambda: not app._moved, "the next save tick")
        await workers_done(app)  # the save's thread
        saved = app.positions.store.load(app.positions.key(0))
        assert saved is not None and saved.block == 1
        assert isinstance(app.screen, LinksScreen)
        await pilot.press("escape")
        assert app.view.block == 1
