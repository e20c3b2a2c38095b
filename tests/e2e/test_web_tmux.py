"""Web articles in a real terminal (tmux), from a server on 127.0.0.1: a URL opens with its
outlet in the header at 80x24 and 160x48, a feed's list opens an item, and --offline opens
the page again after the server stopped."""

from __future__ import annotations

from pathlib import Path

import pytest
from web_server import WebServer

from .conftest import TerminalFactory
from .reader_screen import FIRST_PAINT, STEP, current_block, header, quit_reader

HEADLINE = "Grain corridor talks"
OUTLET = "The Northern Courier"


def wait_for_article(term_screen: str) -> bool:
    return HEADLINE in term_screen and header("NATO").search(term_screen) is not None


@pytest.mark.parametrize(("width", "height"), [(80, 24), (160, 48)], ids=["80x24", "160x48"])
def test_a_url_opens_with_its_outlet_in_the_header(
    terminal: TerminalFactory,
    reader: Path,
    reader_env: dict[str, str],
    web_server: WebServer,
    width: int,
    height: int,
) -> None:
    url = web_server.url("/article.html")
    term = terminal([str(reader), url], width=width, height=height, env=reader_env)
    screen = term.wait_for(wait_for_article, timeout=FIRST_PAINT)
    top = screen.split("\n")[0]
    assert HEADLINE in top and OUTLET in top
    assert "Accept all cookies" not in screen and "Skip to main content" not in screen
    assert quit_reader(term) == 0


def test_a_feed_lists_its_items_and_opens_one(
    terminal: TerminalFactory, reader: Path, reader_env: dict[str, str], web_server: WebServer
) -> None:
    term = terminal(
        [str(reader), web_server.url("/feed.xml")], width=120, height=30, env=reader_env
    )
    term.wait_for(lambda screen: "Power restored in Kharkiv" in screen, timeout=FIRST_PAINT)
    term.send_keys("j", "Enter")  # the second item
    term.wait_for(
        lambda screen: (
            "Power restored in Kharkiv" in screen.split("\n")[0]
            and header("NATO").search(screen) is not None
        ),
        timeout=FIRST_PAINT,
    )
    term.send_keys("C-p")  # the previous item: the first
    term.wait_for(lambda screen: HEADLINE in screen.split("\n")[0], timeout=FIRST_PAINT)
    term.send_keys("Escape")  # back to the list
    term.wait_for(lambda screen: "Enter opens" in screen, timeout=STEP)
    assert quit_reader(term) == 0


def test_offline_reopens_a_page_after_the_server_stopped_at_the_same_block(
    terminal: TerminalFactory, reader: Path, reader_env: dict[str, str], web_server: WebServer
) -> None:
    url = web_server.url("/article.html")
    first = terminal([str(reader), url], width=160, height=48, env=reader_env)
    first.wait_for(wait_for_article, timeout=FIRST_PAINT)
    start = current_block(first)
    first.send_keys("j", "j")
    first.wait_for(lambda screen: f"block {start + 2}/" in screen, timeout=STEP)
    assert quit_reader(first) == 0
    web_server.stop()

    second = terminal([str(reader), "--offline", url], width=160, height=48, env=reader_env)
    second.wait_for(wait_for_article, timeout=FIRST_PAINT)
    assert current_block(second) == start + 2
    assert quit_reader(second) == 0


def test_a_url_that_cannot_be_read_says_why_and_q_exits_2(
    terminal: TerminalFactory, reader: Path, reader_env: dict[str, str], web_server: WebServer
) -> None:
    url = web_server.url("/404")
    term = terminal([str(reader), url], width=100, height=24, env=reader_env)
    term.wait_for(lambda screen: "nothing could be read" in screen, timeout=FIRST_PAINT)
    assert f"{url}: HTTP 404 Not Found" in term.screen()
    assert quit_reader(term) == 2
