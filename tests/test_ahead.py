"""The head start (start-up, issue 12.20): the first article classified in a thread while the
app is imported gives what the app's worker would have, and stops when cancelled."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from reader.classify import classify_iter
from reader.config import load_config
from reader.load import load
from reader.model import Article, Block, ClassifiedArticle
from reader.parse import parse
from reader.resources import bundled
from reader.viewmodel.ahead import PROGRESSIVE_BLOCKS, Classified, HeadStart
from reader.viewmodel.positions import Positions
from reader.viewmodel.state import Position, StateStore


def _seed() -> Article:
    return parse(load([str(bundled("seeds"))]).documents[0])


def _outcome(head: HeadStart) -> Classified:
    outcome = head.wait(threading.Event())
    assert outcome is not None
    return outcome


def test_it_gives_the_verdicts_and_the_saved_position_the_worker_would(tmp_path: Path) -> None:
    article, config = _seed(), load_config()
    store = StateStore(tmp_path)
    store.save(store.key_for(article.source, ""), Position(3, "nato", {"a": 2}))

    outcome = _outcome(HeadStart(article, config, StateStore(tmp_path)))

    assert outcome.result == ClassifiedArticle(
        article, config.actors, tuple(classify_iter(article, config))
    )
    assert outcome.position == Position(3, "nato", {"a": 2})
    assert outcome.problems == () and outcome.notice is None


def test_a_foreign_article_brings_its_language_notice(tmp_path: Path) -> None:
    text = "Die Regierung hat am Dienstag erklärt, dass sie die Gespräche fortsetzen wird."
    article = Article("de.txt", "Titel", (Block(0, "paragraph", text, 3),))

    outcome = _outcome(HeadStart(article, load_config(), StateStore(tmp_path)))

    assert outcome.notice is not None and outcome.position is None


def test_an_article_the_app_shows_in_parts_gets_none(tmp_path: Path) -> None:
    blocks = tuple(
        Block(i, "paragraph", "NATO said so.", i + 1) for i in range(PROGRESSIVE_BLOCKS + 1)
    )
    article = Article("long.txt", None, blocks)

    assert HeadStart.start(article, load_config(), StateStore(tmp_path)) is None
    assert HeadStart.start(_seed(), load_config(), StateStore(tmp_path)) is not None


def test_cancelling_stops_it_and_its_outcome_is_none(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Cancelled between blocks, as the app's worker is: `wait` returns None as soon as the
    waiter is cancelled, and the classification ends without an outcome."""
    started, release = threading.Event(), threading.Event()

    load = Positions.load

    def slow_load(positions: Positions, index: int) -> Position | None:
        started.set()
        release.wait(10)
        return load(positions, index)

    monkeypatch.setattr(Positions, "load", slow_load)
    head = HeadStart(_seed(), load_config(), StateStore(tmp_path))
    assert started.wait(10)
    cancelled = threading.Event()
    cancelled.set()

    assert head.wait(cancelled) is None  # the waiter was cancelled: it cancels the head start
    release.set()
    assert head._done.wait(10)
    assert head.outcome() is None


def test_an_error_is_raised_where_the_app_takes_the_outcome(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_: object, **__: object) -> object:
        raise ZeroDivisionError("a bug in a rule")

    monkeypatch.setattr("reader.classify.classify_iter", broken)
    head = HeadStart(_seed(), load_config(), StateStore(tmp_path))

    with pytest.raises(ZeroDivisionError, match="a bug in a rule"):
        head.wait(threading.Event())
    assert head.ready()
