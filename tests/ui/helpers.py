"""What the Pilot tests share: waiting until the reader shows its article, reading notices,
and a classifier that labels blocks from a table, so a test controls what each panel shows."""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from textual._context import active_app
from textual.app import App
from textual.message_pump import MessagePump
from textual.pilot import Pilot
from textual.worker import WorkerCancelled

from reader.config import Config
from reader.model import Article, ClassifiedArticle, Verdict
from reader.ui.app import Classifier, ReaderApp

Labels = tuple[str, ...]

DEADLINE_S = 60.0
"""How long a test waits for the reader to reach a state before it fails: generous, since the
machines are shared and a starved process may wait seconds for a core; a passing wait ends as
soon as the state holds."""


def _pumps(app: App[Any]) -> list[MessagePump]:
    pumps: list[MessagePump] = [app]
    for screen in app.screen_stack:
        pumps.extend(screen.walk_children(with_self=True))
    return pumps


def _busy(pump: MessagePump) -> bool:
    """A message or a callback waits to be handled."""
    return pump._message_queue.qsize() > 0 or len(pump._next_callbacks) > 0


def _screen_pending(app: App[Any]) -> bool:
    """The screen has a layout or a repaint waiting for its update timer, which then sends
    the widgets their new sizes (a resize) or redraws them, or callbacks to run after it."""
    screen = app.screen
    return bool(
        screen._layout_required
        or screen._scroll_required
        or screen._repaint_required
        or screen._dirty_widgets
        or screen._callbacks  # after the refresh (`call_after_refresh`)
    )


async def settled(min_sleep: float = 0.0, max_sleep: float = 1.0) -> None:
    """Wait until no message is waiting anywhere in the app: Pilot's "idle", made exact.

    Why: Textual's `wait_for_idle` (what `pilot.press` and `pilot.pause()` wait with) calls
    the app idle when the process used under 1 ms of CPU in 20 ms. A process starved of a core
    (two CPU burners on two cores gave it 7% of one) looks just like that while its messages
    wait, so keys were "done" before they were handled and a test read the screen before it
    changed: the suite's rare failures on a loaded machine. Here idle means every message
    pump's queue is empty and the screen has drawn what changed, twice in a row with the loop
    run between (a handler may post more). An app that has stopped running (it quit) is idle:
    nothing will handle its messages or draw its screen again (a screen left waiting for its
    first layout by a `q` pressed at once made each wait last the whole deadline).
    The arguments are `wait_for_idle`'s, for its callers; the wait is `DEADLINE_S` at most.
    """
    app = active_app.get()
    deadline = time.monotonic() + DEADLINE_S
    quiet = 0
    while quiet < 2 and time.monotonic() < deadline:
        await asyncio.sleep(0.001)
        if not app.is_running:
            return
        if app._resize_timer is not None:  # a terminal resize waits 1/120 s for the next one
            quiet = 0
        elif _screen_pending(app):
            app.screen._on_timer_update()  # what its timer would do
            quiet = 0
        else:
            quiet = 0 if any(_busy(pump) for pump in _pumps(app)) else quiet + 1


async def wait_until(
    pilot: Pilot[Any], condition: Callable[[], bool], what: str, timeout: float = DEADLINE_S
) -> None:
    """Let the app run until `condition()` holds (a worker thread answers in its own time);
    fail saying `what` was awaited after `timeout` seconds. Never a fixed sleep: the test
    goes on as soon as the state is there, however slow the machine."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"waited {timeout:.0f} s for {what}")
        await pilot.pause(0.02)


async def workers_done(app: App[Any], timeout: float = DEADLINE_S) -> None:
    """Wait until every worker has ended, those started meanwhile too; a worker's error is
    raised. A worker replaced by a newer one of its group ends cancelled, and that is no
    failure: a reload overtakes the config watcher's, as `r` just after an edit does (Textual's
    `wait_for_complete` raised it and stopped waiting for the rest: a rare flake). A worker
    that never ends fails the test naming it, instead of hanging the whole run (seen once)."""
    deadline = time.monotonic() + timeout
    while running := [worker for worker in app.workers if not worker.is_finished]:
        for worker in running:
            left = deadline - time.monotonic()
            try:
                with contextlib.suppress(WorkerCancelled):
                    await asyncio.wait_for(asyncio.shield(worker.wait()), max(left, 0.01))
            except TimeoutError:
                names = ", ".join(f"{w.name or w.group} ({w.state.name})" for w in running)
                message = f"waited {timeout:.0f} s for workers to end: {names}"
                raise AssertionError(message) from None


async def ready(pilot: Pilot[None]) -> ReaderApp:
    """Wait until classification is done and the screen has caught up with it."""
    app = pilot.app
    assert isinstance(app, ReaderApp)
    await workers_done(app)
    await pilot.pause()
    return app


def screen_text(app: App[Any]) -> str:
    """What the terminal shows, as plain text, one line a row."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def notices(app: ReaderApp) -> list[str]:
    """The notifications on screen, oldest first."""
    return [notice.message for notice in app._notifications]


def labelled_by(table: Sequence[Labels] | Mapping[str, Sequence[Labels]]) -> Classifier:
    """A classifier giving block i the labels `table[i]` (or `table[source][i]` per article)."""

    def classify(article: Article, config: Config) -> ClassifiedArticle:
        rows = table[article.source] if isinstance(table, Mapping) else table
        verdicts = tuple(
            Verdict(labels=labels, primary=labels[0] if labels else None)
            for labels in rows[: len(article.blocks)]
        )
        return ClassifiedArticle(article, config.actors, verdicts)

    return classify
