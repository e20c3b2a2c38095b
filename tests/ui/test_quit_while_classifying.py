"""Quitting while a huge paragraph is being classified ends the classification at once.

The worker thread cannot be killed, so the process could only exit once the classification
ended by itself; the classifier checks the worker's cancel event between the sentences of a
block. The test records how the real classification ended: cancelled, not finished.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator

import pytest

import reader.classify
from reader.classify import ClassificationCancelledError
from reader.config import Config, load_config
from reader.model import Article, Block, Verdict
from reader.ui.app import ReaderApp

from .helpers import wait_until


def test_quitting_cancels_the_classification_of_a_long_block(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import asyncio

    real = reader.classify.classify_iter
    ended: list[str] = []
    started, done = threading.Event(), threading.Event()

    def recording(
        article: Article,
        config: Config,
        problems: list[str] | None = None,
        cancel: threading.Event | None = None,
        *,
        pace: Callable[[], None] | None = None,
    ) -> Iterator[Verdict]:
        started.set()
        try:
            yield from real(article, config, problems, cancel, pace=pace)
            ended.append("finished")
        except ClassificationCancelledError:
            ended.append("cancelled")
            raise
        finally:
            done.set()

    monkeypatch.setattr(reader.classify, "classify_iter", recording)
    # One paragraph of 200,000 sentences (6.6 MB): seconds of classification on any machine.
    text = "Putin said the talks had failed. " * 200_000
    article = Article(
        "huge.txt", "Huge", (Block(0, "title", "Huge", 1), Block(1, "paragraph", text, 3))
    )
    app = ReaderApp([article], load_config())

    async def run() -> None:
        async with app.run_test(size=(100, 30)) as pilot:
            # Quit once the classification has begun (not after a guessed delay: on a loaded
            # machine the worker may not have started yet, and then nothing is cancelled).
            await wait_until(pilot, started.is_set, "the classification to begin")
            await pilot.press("q")

    asyncio.run(run())
    assert done.wait(120), "the classification did not end"
    assert ended == ["cancelled"]
