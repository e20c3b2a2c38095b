"""Keys stay quick while a long article is classified: the worker stands aside (sleeps, letting
the UI thread have the interpreter) while the user is pressing keys, and only then."""

from __future__ import annotations

import time

import pytest
from textual.pilot import Pilot

from reader.classify import classify, classify_iter
from reader.config import load_config
from reader.load import load
from reader.parse import parse
from reader.resources import bundled
from reader.ui.app import INPUT_PRIORITY_S, ReaderApp


def test_the_classifier_paces_itself_once_per_block_and_labels_the_same() -> None:
    config = load_config()
    article = parse(load([str(bundled("seeds"))]).documents[0])
    calls: list[None] = []

    paced = list(classify_iter(article, config, pace=lambda: calls.append(None)))

    assert len(calls) == len(article.blocks)
    assert paced == list(classify(article, config).verdicts)


async def test_after_a_key_the_worker_waits_and_otherwise_it_does_not(
    pilot: Pilot[None], app: ReaderApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    slept: list[float] = []
    monkeypatch.setattr(time, "sleep", slept.append)

    app._give_way()  # nobody is typing: classification goes on at once
    assert slept == []

    await pilot.press("j")
    pressed = app._input_at
    assert pressed > 0
    # As the worker would see it 10 ms after the key (no await: the event loop stays still).
    with monkeypatch.context() as clock:
        clock.setattr(time, "monotonic", lambda: pressed + 0.01)
        app._give_way()

    assert slept == [pytest.approx(INPUT_PRIORITY_S - 0.01)]
