"""Keys stay quick while a long article is classified: the worker stands aside (sleeps, letting
the UI thread have the interpreter) while the user is pressing keys, and only then."""

from __future__ import annotations

import sys
import time

import pytest
from textual.pilot import Pilot

from reader.classify import classify, classify_iter
from reader.config import load_config
from reader.load import load
from reader.parse import parse
from reader.resources import bundled
from reader.ui.app import INPUT_PRIORITY_S, SWITCH_INTERVAL_S, ReaderApp


def test_the_classifier_paces_itself_at_every_block_and_labels_the_same() -> None:
    config = load_config()
    article = parse(load([str(bundled("seeds"))]).documents[0])
    calls: list[None] = []

    paced = list(classify_iter(article, config, pace=lambda: calls.append(None)))

    assert len(calls) >= len(article.blocks)  # before each block and between its sentences
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


async def test_the_interval_timers_do_nothing_once_the_panels_are_gone(
    pilot: Pilot[None], app: ReaderApp
) -> None:
    """Quitting removes the widgets while the save and config-watch timers may still fire (it
    failed one run in a few on a busy machine: NoMatches '#view')."""
    await app.view.remove()
    app._moved = True  # as after a key: the next tick would save

    app._save_moved()
    app._watch_config()

    assert app._moved  # nothing was saved: there was nothing left to read the position from


async def test_quitting_writes_a_save_whose_thread_has_not_run_yet(
    pilot: Pilot[None], app: ReaderApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A signal on a busy machine arrived after the periodic save was handed to a thread and
    before that thread ran: the position was lost (flaky end-to-end signal test)."""
    monkeypatch.setattr(app, "_save_in_thread", lambda key, position: None)  # never runs
    await pilot.press("j", "j")
    block = app.view.block
    app._save_moved()  # the periodic save: handed to the (stalled) thread

    app._save_position(wait=True)  # what quitting and a terminating signal do

    saved = app.positions.store.load(app.positions.key(0))
    assert saved is not None and saved.block == block


async def test_the_interpreter_lock_changes_hands_quickly_while_the_reader_runs() -> None:
    """A key crosses three threads, each waiting for the lock the classifying worker holds:
    at Python's 5 ms a press took 1.6x as long while classifying (benchmarks/keys.py). The
    process's own setting comes back when the reader ends (tests, an embedding program)."""
    before = sys.getswitchinterval()
    assert before > SWITCH_INTERVAL_S  # Python's default (5 ms): the test can see a change
    app = ReaderApp([parse(load([str(bundled("seeds"))]).documents[0])], load_config())

    async with app.run_test() as pilot:
        await pilot.pause()
        assert sys.getswitchinterval() == pytest.approx(SWITCH_INTERVAL_S)

    assert sys.getswitchinterval() == before
