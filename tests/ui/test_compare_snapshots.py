"""SVG snapshots of the compare screen and the actor lens, as a user meets them.

Three articles of the shared dev set, the real classifier and rules; each screen at 80x24 and
160x48, in the default theme and in mono (`reader-mono`): eight pictures.

| screen  | keys once the reader shows the first article               |
|---------|------------------------------------------------------------|
| compare | c (then wait for the table)                                |
| lens    | c, right, right (Russia's column), v                       |

To regenerate after an intended change (rules, layout, theme), look at the new pictures:

    .venv/bin/python -m pytest tests/ui/test_compare_snapshots.py --snapshot-update
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
from reader.ui.app import ReaderApp

from .helpers import wait_until, workers_done

ROOT = Path(__file__).resolve().parents[2]
FILES = ("tests/data/dev/dev-01.txt", "tests/data/dev/dev-02.txt", "tests/data/dev/dev-03.txt")
THEMES = {"default": None, "mono": "reader-mono"}
SIZES = {"80x24": (80, 24), "160x48": (160, 48)}
SCREENS: dict[str, tuple[str, ...]] = {
    "compare": ("c",),
    "lens": ("c", "right", "right", "v"),
}


@pytest.fixture(autouse=True)
def _private_xdg(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.delenv("NO_COLOR", raising=False)


def articles(monkeypatch: pytest.MonkeyPatch) -> list[Article]:
    """Loaded by relative paths, so the names on screen do not depend on the checkout."""
    monkeypatch.chdir(ROOT)
    report = load(list(FILES))
    assert not report.problems, report.problems
    return [parse(document) for document in report.documents]


def before(keys: Iterable[str]) -> Callable[[Pilot[None]], object]:
    async def run_before(pilot: Pilot[None]) -> None:
        app = pilot.app
        assert isinstance(app, ReaderApp)
        await wait_until(pilot, lambda: app.view.classified is not None, "the classification")
        for key in keys:
            await pilot.press(key)
            for _ in range(3):
                await workers_done(app)
                await pilot.pause()

    return run_before


@pytest.mark.parametrize("theme", list(THEMES))
@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("screen", list(SCREENS))
def test_snapshot(
    snap_compare: Callable[..., bool],
    monkeypatch: pytest.MonkeyPatch,
    screen: str,
    size: str,
    theme: str,
) -> None:
    app = ReaderApp(articles(monkeypatch), load_config(None), theme=THEMES[theme])
    assert snap_compare(app, terminal_size=SIZES[size], run_before=before(SCREENS[screen]))
