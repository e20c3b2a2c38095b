"""The Pilot fixtures: an app (by default the bundled seed article with the real rules), its
terminal size, and a pilot that has waited until the article is on screen.

    async def test_something(pilot: Pilot[None], app: ReaderApp) -> None: ...

A test opens something else by parametrizing the fixtures: `size` directly
(`@pytest.mark.parametrize("size", [(80, 24)])`), `app` indirectly with a function that builds
it from the test's temporary directory (`@pytest.mark.parametrize("app", [build], indirect=True)`).
Notifications are on, so a test can read what the user is told.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from pathlib import Path

import pytest
import textual.app
import textual.pilot
from textual.pilot import Pilot

from reader.config import load_config
from reader.load import load
from reader.parse import parse
from reader.resources import bundled
from reader.ui.app import ReaderApp

from .helpers import ready, settled


@pytest.fixture(autouse=True)
def exact_idle(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pilot's presses and pauses wait until no message is waiting (`helpers.settled`), not
    until the process looks idle, which a process starved of a core also does."""
    monkeypatch.setattr(textual.pilot, "wait_for_idle", settled)
    monkeypatch.setattr(textual.app, "wait_for_idle", settled)


@pytest.fixture
def size() -> tuple[int, int]:
    return (120, 36)


AppBuilder = Callable[[Path], ReaderApp]


@pytest.fixture
def app(request: pytest.FixtureRequest, tmp_path: Path) -> ReaderApp:
    """The app the test asked for (an `AppBuilder` given as the parameter), else the bundled
    seed article classified by the rules in force."""
    build: AppBuilder | None = getattr(request, "param", None)
    if build is not None:
        return build(tmp_path)
    articles = [parse(document) for document in load([str(bundled("seeds"))]).documents]
    return ReaderApp(articles, load_config())


@pytest.fixture
async def pilot(app: ReaderApp, size: tuple[int, int]) -> AsyncIterator[Pilot[None]]:
    """The app running headless at `size`, its first article classified and drawn."""
    async with app.run_test(size=size, notifications=True) as running:
        await ready(running)
        yield running
