"""The first article, classified while the reader's screen is still being built (start-up,
issue 12.20).

Why: the app classifies in a worker once its screen is mounted, so the first frame said
"classifying…" and the article came a frame later: a second layout and paint, a wait for
Textual's next screen update (up to 1/60 s), and the worker's classification sharing the
interpreter with that first frame. Started by the CLI before it imports Textual, the
classification runs beside those imports (the `regex` module matches without the interpreter
lock), and the app mounts with the article ready: it is in the first frame.

`HeadStart` does what the app's worker does for an article it opens with no position in
memory (its saved position, its verdicts, the rules switched off, the language notice),
in a daemon thread, only for an article the worker would classify in one go (at most
`PROGRESSIVE_BLOCKS` blocks). The app takes it once, for that article and config: ready, it
shows it at once; not yet, its worker waits for it instead of classifying again. Cancelling
(the app quit first) stops the classification between blocks, as it stops the worker.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reader.language import count_not_english, language_notice
from reader.model import Article, ClassifiedArticle
from reader.viewmodel.positions import Positions
from reader.viewmodel.state import Position, StateStore

if TYPE_CHECKING:
    from reader.config import Config

PROGRESSIVE_BLOCKS = 1_000
"""Articles longer than this are shown in two steps by the app (first screen, then whole);
shorter ones classify in a few milliseconds, and showing them twice would only flicker."""

WAIT_STEP_S = 0.05
"""How often a wait for the head start looks at whether it was cancelled."""


@dataclass(frozen=True, slots=True)
class Classified:
    """What the app's worker hands to the UI thread for an article it classified whole."""

    result: ClassifiedArticle
    position: Position | None
    """The position an earlier session saved (None: none saved)."""
    problems: tuple[str, ...]
    """The rules switched off for running over their time budget, one line each."""
    notice: str | None
    """Why a foreign article is all "none", or None."""


class HeadStart:
    """`article` classified with `config` in a thread started at once; its position read
    from `store` (`StateStore`'s calls never raise, and this is the only user of the store
    until the app has taken the result)."""

    def __init__(self, article: Article, config: Config, store: StateStore) -> None:
        # The classifier is imported here, on the caller's thread, before the thread starts:
        # two threads importing at once could meet a module the other is still running. So
        # is the article's key in the store made here (stdin's hash imports hashlib).
        import reader.classify  # noqa: F401

        self.article = article
        self.config = config
        self._positions = Positions(store, (article,))
        self._positions.key(0)
        self._cancel = threading.Event()
        self._done = threading.Event()
        self._outcome: Classified | BaseException | None = None
        threading.Thread(target=self._run, name="reader-head-start", daemon=True).start()

    @classmethod
    def start(cls, article: Article, config: Config, store: StateStore) -> HeadStart | None:
        """A head start for `article`, or None when the app would classify it in parts."""
        if len(article.blocks) > PROGRESSIVE_BLOCKS:
            return None
        return cls(article, config, store)

    def _run(self) -> None:
        from reader.classify import ClassificationCancelledError, classify_iter

        try:
            position = self._positions.load(0)
            problems: list[str] = []
            verdicts = tuple(classify_iter(self.article, self.config, problems, self._cancel))
            result = ClassifiedArticle(self.article, self.config.actors, verdicts)
            blocks = self.article.blocks
            notice = language_notice(count_not_english(blocks), len(blocks))
            self._outcome = Classified(result, position, tuple(problems), notice)
        except ClassificationCancelledError:
            self._outcome = None
        except BaseException as error:  # handed to the app, which reports it as its worker's
            self._outcome = error
        finally:
            self._done.set()

    def ready(self) -> bool:
        """Whether the classification has ended (`outcome` then returns at once)."""
        return self._done.is_set()

    def outcome(self) -> Classified | None:
        """The result once `ready`: None when cancelled; a `ReaderError` or a bug in the
        classifier is raised here, where the app's worker would have raised it."""
        if not self._done.is_set():
            raise RuntimeError("the head start is still classifying")
        if isinstance(self._outcome, BaseException):
            raise self._outcome
        return self._outcome

    def wait(self, cancelled: threading.Event) -> Classified | None:
        """`outcome` once ready, or None as soon as `cancelled` is set (which cancels this)."""
        while not self._done.wait(WAIT_STEP_S):
            if cancelled.is_set():
                self.cancel()
                return None
        return self.outcome()

    def cancel(self) -> None:
        """Stop the classification (between blocks); `outcome` is then None."""
        self._cancel.set()
