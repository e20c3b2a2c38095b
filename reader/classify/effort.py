"""Stopping a classification that nobody waits for any more.

Why: the reader classifies in a worker thread, and a thread cannot be killed; an article of
one huge paragraph would keep the process alive after the reader quit. The pipeline checks
`Effort.check` between blocks and between the sentences of a block, so a set `cancel` event
ends the work within one sentence's analysis.
"""

from __future__ import annotations

from collections.abc import Callable
from threading import Event


class ClassificationCancelledError(Exception):
    """The classification was cancelled (its `cancel` event was set)."""


class Effort:
    """The cancel event one classification checks, and its pace.

    `pace`, when given, is called at each check: a UI's worker passes one that stands aside
    while the user is pressing keys (the reader's `ReaderApp._give_way`), since a chunk of
    blocks is a quarter of a second of work, too long to wait for between verdicts."""

    __slots__ = ("_cancel", "_pace")

    def __init__(self, cancel: Event | None, pace: Callable[[], None] | None = None) -> None:
        self._cancel = cancel
        self._pace = pace

    def check(self) -> None:
        """Raise `ClassificationCancelledError` once the classification's cancel event is set."""
        if self._pace is not None:
            self._pace()
        if self._cancel is not None and self._cancel.is_set():
            raise ClassificationCancelledError
