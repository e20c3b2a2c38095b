"""Fetching while the reader runs: a feed's items and the links of a block, opened as articles.

Why a plain daemon thread and not a Textual thread worker: Textual runs thread workers in
asyncio's default executor, which the app waits for when it exits, so a server that stalls
would hold `q` for the whole read timeout. A daemon thread is dropped on exit; its result
comes back through `call_from_thread`, and one that arrives after the app closed is ignored.
While a page is fetched the status line says "fetching URL…"; every key still works.

Articles fetched here join the app's list (ctrl+n/ctrl+p reach them); one opened from the
feed list remembers its item, so ctrl+n/ctrl+p go to the next and previous item instead, and
Escape goes back to the list.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from reader.errors import ReaderError
from reader.model import Article, Block
from reader.safe_text import visible
from reader.web import WebSettings, read_article

if TYPE_CHECKING:
    from reader.ui.app import ReaderApp

Pick = tuple[str, int] | None
"""What a list screen returns: ("open" | "copy", row) or None."""


class WebReader:
    """The app's fetching: which item is open, what was fetched, the thread that fetches."""

    def __init__(self, app: ReaderApp, settings: WebSettings) -> None:
        self.app = app
        self.settings = settings
        self.item: int | None = None
        """The feed item whose article is open (or being fetched), if one is."""
        self._item_articles: dict[int, int] = {}
        self._url_articles: dict[str, int] = {}
        self._generation = 0

    # --- what the user picked ------------------------------------------------------------

    def picked_item(self, pick: Pick) -> None:
        """A row of the feed list: open (fetching if needed) or copy its link."""
        if pick is None:
            return
        action, index = pick
        item = self.app.feed_items[index]
        if action == "copy":
            self._copy(item.url)
            return
        self.open_item(index)

    def picked_link(self, block: Block, pick: Pick) -> None:
        """A row of the links list: an http(s) link is opened in the reader, others copied."""
        if pick is None:
            return
        action, index = pick
        url = block.links[index].url
        if action == "copy" or not url.lower().startswith(("http://", "https://")):
            self._copy(url)
            return
        self.item = None
        self._fetch(url, None)

    def open_item(self, index: int) -> None:
        self.item = index
        known = self._item_articles.get(index)
        if known is not None:
            self.app.open_article(known)
            return
        self._fetch(self.app.feed_items[index].url, index)

    def step_item(self, delta: int) -> bool:
        """ctrl+n/ctrl+p on an article opened from the feed: the next/previous item. False
        when the article on screen is not a feed item's (the keys then page articles)."""
        item = self.item
        if item is None or self._item_articles.get(item) != self.app.article_index:
            return False
        self.open_item((item + delta) % len(self.app.feed_items))
        return True

    # --- fetching ------------------------------------------------------------------------

    def _fetch(self, url: str, item: int | None) -> None:
        known = self._url_articles.get(url)
        if known is not None:
            self._opened(known, item)
            return
        self._generation += 1
        self.app.note(f"fetching {url}…")
        if not self.app.articles:
            self.app.view.clear(f"fetching {visible(url)}…")
        thread = threading.Thread(
            target=self._run, args=(url, item, self._generation), name="reader-fetch", daemon=True
        )
        thread.start()

    def _run(self, url: str, item: int | None, generation: int) -> None:
        warnings: list[str] = []
        try:
            article, _feed = read_article(url, self.settings, warnings.append)
            if article is None:
                raise ReaderError("a feed, not an article: open it with 'reader URL'", url)
        except ReaderError as error:
            self._post(self._failed, generation, str(error))
            return
        except Exception as error:  # a bug: raised on the UI thread, where the app logs it
            self._post(self._raise, error)
            return
        self._post(self._done, url, item, generation, article, warnings)

    def _post(self, callback: Callable[..., None], *args: Any) -> None:
        with contextlib.suppress(RuntimeError):  # the app closed while the page was fetched
            self.app.call_from_thread(callback, *args)

    def _done(
        self, url: str, item: int | None, generation: int, article: Article, warnings: list[str]
    ) -> None:
        index = self.app.add_article(article)
        self._url_articles[url] = index
        for warning in warnings:
            self.app.notify(visible(warning), severity="warning", markup=False)
        if generation == self._generation:
            self._opened(index, item)
        elif item is not None:
            self._item_articles[item] = index

    def _opened(self, index: int, item: int | None) -> None:
        if item is not None:
            self._item_articles[item] = index
        self.app.open_article(index)

    def _failed(self, generation: int, message: str) -> None:
        if generation != self._generation:
            return
        self.app.note(message, error=True)
        self.app.notify(visible(message), severity="error", markup=False)
        if not self.app.articles:
            self.app.view.clear(visible(message))

    def _raise(self, error: Exception) -> None:
        raise error

    def _copy(self, url: str) -> None:
        self.app.copy_to_clipboard(url)
        self.app.notify(f"Copied {visible(url)}", markup=False)
