"""The reading positions of the articles a reader has open, kept in a `state` store.

Why apart from the app: the app decides *when* to save (on switching, on quit, after a move,
in a thread); this decides *what*: each article's key in the store (asked once; the path key
first, as joining 100,000 blocks for a text key costs ~15 ms of first paint), whether a
position differs from the last one saved, and which of the store's warnings are new. Saves
run in threads while the UI thread loads, and the store is not thread-safe: every store call
goes through one re-entrant lock (a crash while the UI thread holds it still saves).
"""

from __future__ import annotations

import threading
from collections.abc import Sequence

from reader.model import Article
from reader.viewmodel.state import Position, StateStore


class Positions:
    """Load and save the reading positions of `articles` (by index), each under its own key."""

    def __init__(self, store: StateStore, articles: Sequence[Article]) -> None:
        self.store = store
        self._articles = articles
        self._lock = threading.RLock()
        self._keys: dict[int, str] = {}
        self._saved: dict[str, Position] = {}
        self.pending: dict[str, Position] = {}
        """Saves handed to a thread that may not have run yet: quitting writes them itself."""
        self._warned = 0

    def key(self, index: int) -> str:
        """The store key of article `index`: its path, or for stdin a hash of its text."""
        key = self._keys.get(index)
        if key is None:
            article = self._articles[index]
            key = self.store.key_for(article.source, "")
            if not key.startswith("path:"):
                text = "\n".join(block.text for block in article.blocks)
                key = self.store.key_for(article.source, text)
            self._keys[index] = key
        return key

    def load(self, index: int) -> Position | None:
        """The position an earlier session saved for article `index`, fitted to its blocks."""
        with self._lock:
            position = self.store.load(self.key(index))
        blocks = len(self._articles[index].blocks)
        return None if position is None else position.clamped(blocks)

    def changed(self, index: int, position: Position) -> str | None:
        """The key to save `position` under, or None when it is the one last saved."""
        key = self.key(index)
        if self._saved.get(key) == position:
            return None
        self._saved[key] = position
        return key

    def save(self, key: str, position: Position) -> None:
        """Write one position (any thread)."""
        with self._lock:
            self.store.save(key, position)

    def new_warnings(self) -> list[str]:
        """The store's warnings not yet returned (a corrupt file moved aside, a directory that
        cannot be written): the app shows them once."""
        warnings = self.store.warnings[self._warned :]
        self._warned += len(warnings)
        return warnings
