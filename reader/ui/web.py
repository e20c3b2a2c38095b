"""Fetching while the reader runs: a feed's items and the links of a block, opened as articles.

Why a plain daemon thread and not a Textual thread worker: Textual runs thread workers in
asyncio's default executor, which the app waits for when it exits, so a server that stalls
would hold `q` for the whole read timeout. A daemon thread is dropped on exit; its result
comes back through `call_from_thread`, and one that arrives after the app closed is ignored.
While a page is fetched the status line says "fetching URL…"; every key still works.

The URLs of the command line are fetched here too, one after the other, once the app is up:
the first article to arrive opens (unless one from a file already shows), the others join the
list as they come, a feed's items join the feed list, and each failure is one status line and
one line in `failures`, which the CLI prints on exit.

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

if TYPE_CHECKING:
    from reader.feeds import Feed
    from reader.ui.app import ReaderApp
    from reader.web import WebSettings

Pick = tuple[str, int] | None
"""What a list screen returns: ("open" | "copy", row) or None."""


class WebReader:
    """The app's fetching: which item is open, what was fetched, the thread that fetches."""

    def __init__(
        self, app: ReaderApp, settings: WebSettings | Callable[[], WebSettings] | None
    ) -> None:
        self.app = app
        self._settings = settings
        self.item: int | None = None
        """The feed item whose article is open (or being fetched), if one is."""
        self._item_articles: dict[int, int] = {}
        self._url_articles: dict[str, int] = {}
        self._generation = 0
        self._pending = 0  # command-line URLs not yet answered
        self.failures: list[str] = []
        """One line per URL of the command line that could not be read."""

    # --- the command line's URLs ---------------------------------------------------------

    def start(self, urls: tuple[str, ...]) -> None:
        """Fetch the command line's URLs in order, in one daemon thread."""
        if not urls:
            return
        self._pending = len(urls)
        self.app.note(f"fetching {urls[0]}…")
        if not self.app.articles and not self.app.feed_items:
            self.app.view.clear(f"fetching {visible(urls[0])}…")
        threading.Thread(
            target=self._run_all, args=(urls,), name="reader-fetch", daemon=True
        ).start()

    def _run_all(self, urls: tuple[str, ...]) -> None:
        for number, url in enumerate(urls):
            if number:
                self._post(self.app.note, f"fetching {url} ({number + 1}/{len(urls)})…")
            warnings: list[str] = []
            try:
                article, feed = self._read(url, warnings)
            except ReaderError as error:
                self._post(self._arrived, url, None, None, warnings, str(error))
                continue
            except Exception as error:  # a bug: raised on the UI thread, where the app logs it
                self._post(self._raise, error)
                return
            self._post(self._arrived, url, article, feed, warnings, None)

    def _arrived(
        self,
        url: str,
        article: Article | None,
        feed: Feed | None,
        warnings: list[str],
        failure: str | None,
    ) -> None:
        self._pending -= 1
        for warning in warnings:
            self.app.notify(visible(warning), severity="warning", markup=False)
        if failure is not None:
            self.failures.append(failure)
            self.app.note(failure, error=True)
            self.app.notify(visible(failure), severity="error", markup=False)
            if self.nothing_read():
                self.app.view.clear(f"nothing could be read: {visible(failure)}")
        elif article is not None:
            first = not self.app.articles
            index = self.app.add_article(article)
            self._url_articles[url] = index
            if first:
                self.app.open_article(index)
        elif feed is not None:
            self.app.add_feed(feed)
        if self._pending == 0 and failure is None:
            self.app.note("")

    def nothing_read(self) -> bool:
        """Whether every command-line URL has failed and there is nothing else to show."""
        return (
            bool(self.failures)
            and self._pending == 0
            and not self.app.articles
            and not self.app.feed_items
        )

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
            article, _feed = self._read(url, warnings)
            if article is None:
                raise ReaderError("a feed, not an article: open it with 'reader URL'", url)
        except ReaderError as error:
            self._post(self._failed, generation, str(error))
            return
        except Exception as error:  # a bug: raised on the UI thread, where the app logs it
            self._post(self._raise, error)
            return
        self._post(self._done, url, item, generation, article, warnings)

    def _read(self, url: str, warnings: list[str]) -> tuple[Article | None, Feed | None]:
        """Fetch and parse one URL (in the fetching thread: the web modules load here)."""
        from reader.web import WebSettings, read_article

        if callable(self._settings):  # made on the first fetch (see `ReaderApp`'s `web`)
            self._settings = self._settings()
        return read_article(url, self._settings or WebSettings(), warnings.append)

    def _post(self, callback: Callable[..., None], *args: Any) -> None:
        if not self.app.is_running:  # the app closed while the page was fetched
            return
        with contextlib.suppress(RuntimeError):  # ... or is closing right now
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
