"""A long block costs work in proportion to its length, and a cancelled classification stops.

A paragraph of 100,000 one-line sentences took minutes when each sentence looked at every verb,
quote and sentence before it. The cost is counted here, not timed (the machines are shared):
the Python lines the classifier runs for a block of n sentences and for one of 4n. Linear work
gives a ratio of 4; the old quadratic look-backs gave 8 to 16.
"""

from __future__ import annotations

import sys
from threading import Event
from types import FrameType
from typing import Any

import pytest

from reader.classify import ClassificationCancelledError, classify, classify_iter
from reader.config import Config, load_config
from reader.model import Article, Block


@pytest.fixture(scope="module")
def config() -> Config:
    return load_config()


def _paragraph(text: str) -> Article:
    return Article("test", None, (Block(0, "paragraph", text, 1),))


def _lines_run(article: Article, config: Config) -> int:
    """How many lines of reader/ code classifying `article` runs (line events of a tracer)."""
    count = 0

    def local(frame: FrameType, event: str, arg: Any) -> Any:
        nonlocal count
        count += 1
        return local

    def calls(frame: FrameType, event: str, arg: Any) -> Any:
        return local if "/reader/" in frame.f_code.co_filename else None

    sys.settrace(calls)
    try:
        classify(article, config)
    finally:
        sys.settrace(None)
    return count


# One sentence of each shape whose look-backs were once quadratic: verbs per sentence, earlier
# sentences' subjects, quotes before a verb, the clause's earlier speakers, exclusions, roles.
SENTENCES = {
    "plain statement": "Putin said x. ",
    "pronoun": "He said x. ",
    "quote then speaker": "\u201cWe will win,\u201d Zelensky said. ",
    "pronoun in a quote": "\u201cHe said Putin lied,\u201d Zelensky said. ",
    "role": "The minister said Russia lied. ",
    "question": "Why did Putin say x? Lavrov said no. ",
    "source marker": "According to Kyiv, Russia attacked. ",
    "participle": "Foreign Minister Sergey Lavrov said x, saying y. ",
    "one endless sentence": "Putin said x and ",
    "titled name": "Russia attacked, Defence Minister Andrei Belousov said. ",
    "exclusions": "Pro-Russian forces in what Moscow calls the special military operation said x. ",
    "wire dateline": "MOSCOW, June 12. /TASS/. Deputy Foreign Minister Sergey Ryabkov said x. ",
    "colon": "Zelensky: we said x. ",
    "reported action": "Zelensky also spoke with Trudeau and Duda, he said. ",
}


@pytest.mark.parametrize("sentence", list(SENTENCES.values()), ids=list(SENTENCES))
def test_a_block_four_times_as_long_costs_about_four_times_the_work(
    sentence: str, config: Config
) -> None:
    short = _lines_run(_paragraph(sentence * 100), config)
    long = _lines_run(_paragraph(sentence * 400), config)
    assert long / short < 4.6, f"{long / short:.1f}x the work for 4x the sentences"


class _SetAfter(Event):
    """An event that reads as set from its `calls`-th look on: where the classifier checks."""

    def __init__(self, calls: int) -> None:
        super().__init__()
        self.looks = 0
        self.calls = calls

    def is_set(self) -> bool:
        self.looks += 1
        return self.looks >= self.calls


def test_a_cancelled_classification_stops_inside_a_long_block(config: Config) -> None:
    """Quitting the reader must not wait for a huge paragraph to finish: the classifier looks
    at the cancel event between the sentences of a block, not only between blocks."""
    cancel = _SetAfter(50)
    article = _paragraph("Putin said x. " * 5000)
    with pytest.raises(ClassificationCancelledError):
        list(classify_iter(article, config, cancel=cancel))
    assert cancel.looks == 50


def test_a_classification_cancelled_before_it_starts_gives_no_verdict(config: Config) -> None:
    cancel = Event()
    cancel.set()
    stream = classify_iter(_paragraph("Putin said x."), config, cancel=cancel)
    with pytest.raises(ClassificationCancelledError):
        next(stream)


def test_an_uncancelled_classification_is_the_same_as_one_without_an_event(
    config: Config,
) -> None:
    article = _paragraph("\u201cWe will win,\u201d Zelensky said. He said Russia lied. " * 20)
    assert list(classify_iter(article, config, cancel=Event())) == list(
        classify(article, config).verdicts
    )
