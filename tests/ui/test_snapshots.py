"""SVG snapshots of the reader as a user first meets it: the bundled seed article, bundled rules.

Six screens, each in the default theme and in the mono theme (`reader-mono`), twelve in all:

| screen   | keys                          | size   |
|----------|-------------------------------|--------|
| aligned  | (none)                        | 150x40 |
| compact  | a                             | 150x40 |
| search   | / then "truce" (input open)   | 150x40 |
| explain  | j (to block 2 of N), e        | 150x40 |
| help     | ?                             | 150x40 |
| narrow   | (none)                        | 80x24  |

Unlike the Pilot tests (tests/ui/test_app.py), these run the REAL classifier on the real seed
article, so they pin what the user sees end to end. That makes them brittle on purpose: a change
to the rules in config.yaml, the classifier, a theme or the layout changes the pictures. When
such a change is intended, look at the new pictures and regenerate them:

    .venv/bin/python -m pytest tests/ui/test_snapshots.py --snapshot-update

The files land in tests/ui/__snapshots__/test_snapshots/. A failing run writes
snapshot_report.html at the repository root, with the old and new pictures side by side.

Deterministic by construction: a fixed terminal size, the search input's cursor blink off, no
clock on screen, XDG_CONFIG_HOME and XDG_STATE_HOME pointed at tmp_path (no user config, theme
or saved reading position is read or written), and every screenshot is taken only after the
classification worker has finished and the article is on screen.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

import pytest
from textual.pilot import Pilot

from reader.config import load_config
from reader.load import load
from reader.model import Article
from reader.parse import parse
from reader.resources import bundled
from reader.ui.app import ReaderApp

from .helpers import wait_until, workers_done

WIDE = (150, 40)
NARROW = (80, 24)
THEMES = {"default": None, "mono": "reader-mono"}

# screen name -> (keys pressed once the article is on screen, terminal size)
SCREENS: dict[str, tuple[tuple[str, ...], tuple[int, int]]] = {
    "aligned": ((), WIDE),
    "compact": (("a",), WIDE),
    "search": (("slash", "t", "r", "u", "c", "e"), WIDE),
    "explain": (("j", "e"), WIDE),
    "help": (("question_mark",), WIDE),
    "narrow": ((), NARROW),
}


@pytest.fixture(autouse=True)
def _private_xdg(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No real user config, theme or reading position may leak into (or out of) a snapshot."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.delenv("NO_COLOR", raising=False)


def seed_articles(monkeypatch: pytest.MonkeyPatch) -> list[Article]:
    """The bundled seed article(s), loaded and parsed the way `reader seeds/` does.

    Loaded by a relative path from the folder that holds seeds/, so the header shows
    "seeds/..." wherever the checkout lives (an absolute path would differ on every machine).
    """
    monkeypatch.chdir(bundled("seeds").parent)
    report = load(["seeds"])
    assert not report.problems, report.problems
    return [parse(document) for document in report.documents]


def before(keys: Iterable[str]) -> Callable[[Pilot[None]], object]:
    """Wait for the classification to finish, then press `keys` and let the screen settle."""

    async def run_before(pilot: Pilot[None]) -> None:
        app = pilot.app
        assert isinstance(app, ReaderApp)
        await wait_until(
            pilot,
            lambda: app.classified is not None and app.view.classified is not None,
            "the classification",
        )
        for key in keys:
            await pilot.press(key)
        await pilot.pause()
        if "slash" in keys:  # the search bar is mounted by the first `/`
            # The search input's cursor blinks on a timer: freeze it on.
            app.search_bar.input.cursor_blink = False
        await workers_done(app)
        await pilot.pause()

    return run_before


@pytest.mark.parametrize("theme", list(THEMES))
@pytest.mark.parametrize("screen", list(SCREENS))
def test_snapshot(
    snap_compare: Callable[..., bool], monkeypatch: pytest.MonkeyPatch, screen: str, theme: str
) -> None:
    """The seed article on one screen in one theme, as the user sees it (see the table above)."""
    keys, size = SCREENS[screen]
    app = ReaderApp(seed_articles(monkeypatch), load_config(None), theme=THEMES[theme])
    assert snap_compare(app, terminal_size=size, run_before=before(keys))
