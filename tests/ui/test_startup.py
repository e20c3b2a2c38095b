"""Start-up (issue 12.20) inside the app: the garbage collector, paused by the CLI while the
reader starts, runs again once the first article is on screen (else memory would grow for
the whole session); the footer's key hints come a frame after the article; the explain pane
and the search bar, which the first screen does not show, are mounted when first opened; the
themes come from a cache while their files are unchanged; the first article, classified
ahead by the CLI while Textual is imported (`reader.viewmodel.ahead`), is taken as it is."""

from __future__ import annotations

import gc
import os
import pickle
import threading
from pathlib import Path
from typing import Any

import pytest
from textual.css.stylesheet import Stylesheet
from textual.dom import DOMNode
from textual.screen import Screen
from textual.theme import Theme

from reader.config import Config, load_config
from reader.load import load
from reader.model import Article
from reader.parse import parse
from reader.resources import bundled
from reader.ui.app import ReaderApp
from reader.ui.compare import CompareScreen
from reader.ui.themes import all_themes
from reader.viewmodel.ahead import WAIT_STEP_S, HeadStart
from reader.viewmodel.state import StateStore

from .helpers import DEADLINE_S, ready, screen_text, workers_done


async def test_collecting_resumes_once_the_first_article_is_shown(
    app: ReaderApp, size: tuple[int, int]
) -> None:
    gc.disable()  # as `reader.cli` does before the app starts
    try:
        async with app.run_test(size=size) as pilot:
            await ready(pilot)
            assert app.view.classified is not None
            assert gc.isenabled()
    finally:
        gc.enable()


async def test_the_key_hints_fill_the_footer_once_the_article_is_shown(
    app: ReaderApp, size: tuple[int, int]
) -> None:
    """The footer is mounted after the article's first frame, also when `reader compare` put
    the compare screen on top first: back on the reader, the key hints are there."""
    app.open_on_compare = True
    async with app.run_test(size=size) as pilot:
        await ready(pilot)
        assert isinstance(app.screen, CompareScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is app.screen_stack[0]
        footer = screen_text(app).splitlines()[-1]
        assert "q Quit" in footer and "/ Search" in footer


async def test_the_explain_pane_and_the_search_bar_are_mounted_when_first_opened(
    app: ReaderApp, size: tuple[int, int]
) -> None:
    """Neither is on the first screen (their widgets and styles cost start-up time); `e` and
    `/` open them as before, and the letters typed right after `/` reach the query."""
    async with app.run_test(size=size) as pilot:
        await ready(pilot)
        assert not app.query("#explain") and not app.query("#search")

        await pilot.press("j", "e")
        assert app.explain.display and app.explain.shown is not None
        assert app.explain.shown[1] == 1
        assert "Block 2 of" in screen_text(app)

        await pilot.press("escape", "slash", "t", "r", "u")
        assert app.search_bar.is_open and app.search_bar.value == "tru"
        await pilot.press("escape", "slash")  # the second time: the same bar, opened again
        assert len(app.query("#search")) == 1 and app.search_bar.is_open


async def test_the_start_is_reported_once_when_the_first_article_is_on_screen(
    size: tuple[int, int],
) -> None:
    """`started` (the CLI notes there which regexes start-up compiled) is called when the
    first article is shown, and never again: not for another article, nor a reload."""
    articles = [parse(document) for document in load([str(bundled("seeds"))]).documents]
    shown: list[bool] = []
    app = ReaderApp(
        [articles[0], articles[0]],
        load_config(),
        started=lambda: shown.append(app.view.classified is not None),
    )
    async with app.run_test(size=size) as pilot:
        await ready(pilot)
        assert shown == [True]
        await pilot.press("ctrl+n", "r")
        await workers_done(app)
        assert shown == [True]


def _mine(themes: list[Theme]) -> Theme:
    (theme,) = [theme for theme in themes if theme.name == "mine"]
    return theme


def test_themes_come_from_the_cache_until_a_theme_file_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first screen needs no YAML: the themes read at the last start are kept in the
    cache; a changed, added or broken file is read again."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    folder = tmp_path / "reader" / "themes"
    folder.mkdir(parents=True)
    mine = folder / "mine.yaml"
    mine.write_text('name: mine\nprimary: "#111111"\n', encoding="utf-8")

    assert _mine(all_themes()[0]).primary == "#111111"
    assert _mine(all_themes()[0]).primary == "#111111"
    assert len(list((Path(os.environ["XDG_CACHE_HOME"]) / "reader").glob("themes-*"))) == 1

    mine.write_text('name: mine\nprimary: "#222222"\n', encoding="utf-8")
    assert _mine(all_themes()[0]).primary == "#222222"

    (folder / "broken.yaml").write_text("name: broken\nprimary: 12\n", encoding="utf-8")
    for _ in range(2):  # built, then from the cache: the same problem line
        themes, problems = all_themes()
        assert problems == [
            f'{folder / "broken.yaml"}:2:10: expected a colour like "#4c8dff" or "red", '
            "got int '12'"
        ]
        assert _mine(themes).primary == "#222222"


@pytest.mark.parametrize("entry", [(1, 2), ([1], []), "themes", ([], [3])])
def test_a_theme_cache_entry_of_another_shape_is_a_miss(entry: object) -> None:
    """Whatever the cache file holds, the themes are read again rather than trusted."""
    all_themes()
    (path,) = (Path(os.environ["XDG_CACHE_HOME"]) / "reader").glob("themes-*")
    path.write_bytes(pickle.dumps(entry))

    themes, problems = all_themes()

    assert "reader-dark" in [theme.name for theme in themes] and problems == []


class _CountingRestyles(ReaderApp):
    """Counts the times the whole screen was styled again (every widget on it)."""

    screen_restyles = 0

    def update_styles(self, node: DOMNode, animate: bool = True) -> None:
        if isinstance(node, Screen):
            self.screen_restyles += 1
        super().update_styles(node, animate)


@pytest.mark.parametrize("width", [80, 100, 139, 160])
async def test_the_first_screen_is_styled_for_its_width_before_its_widgets(width: int) -> None:
    """The screen's breakpoint class is set before its widgets are first styled, as Textual
    sets it: the first resize, which set it before, styled every widget again."""
    articles = [parse(document) for document in load([str(bundled("seeds"))]).documents]
    app = _CountingRestyles(articles, load_config())
    async with app.run_test(size=(width, 30)) as pilot:
        await ready(pilot)
        wanted = Screen._get_breakpoint_classes(app.screen, width, app.HORIZONTAL_BREAKPOINTS)
        breakpoints = {name for _, name in app.HORIZONTAL_BREAKPOINTS}
        assert app.screen.classes & breakpoints == wanted
        assert app.screen_restyles == 1  # resuming the screen, as every Textual app does


class _CountingWorkers(ReaderApp):
    """Counts the classifications its own worker started."""

    classifications = 0

    def _classify(self, *args: Any, **kwargs: Any) -> Any:
        self.classifications += 1
        return super()._classify(*args, **kwargs)


class _HeldHeadStart(HeadStart):
    """A head start that begins classifying only once `go` is set. Cancelled before, it is let
    go by the cancel too, and stops at once as the real one does between blocks (outcome None):
    a test never waits for a hold nobody will end."""

    def __init__(self, article: Article, config: Config, store: StateStore) -> None:
        self.go = threading.Event()
        super().__init__(article, config, store)

    def _run(self) -> None:
        for _ in range(int(DEADLINE_S / WAIT_STEP_S)):
            if self.go.wait(WAIT_STEP_S) or self._cancel.is_set():
                break
        super()._run()


def _seed_articles() -> list[Article]:
    return [parse(document) for document in load([str(bundled("seeds"))]).documents]


async def test_an_article_classified_ahead_is_in_the_first_frame(
    size: tuple[int, int], tmp_path: Path
) -> None:
    """Ready when the app mounts, the head start's article is shown at once: the first
    frame never says "classifying…", and the app's worker classifies nothing again."""
    articles, config, store = _seed_articles(), load_config(), StateStore(tmp_path)
    ahead = HeadStart(articles[0], config, store)
    outcome = ahead.wait(threading.Event())
    assert outcome is not None
    app = _CountingWorkers(articles, config, store=store, ahead=ahead)
    async with app.run_test(size=size) as pilot:
        assert app.view.classified is outcome.result  # before any frame was drawn
        await ready(pilot)
        assert "classifying" not in screen_text(app) and "block 1/" in screen_text(app)
        assert app.classifications == 0


async def test_the_app_waits_for_a_head_start_still_classifying(
    size: tuple[int, int], tmp_path: Path
) -> None:
    """Not ready when the app mounts: "classifying…" until it is, then its article, which
    the app's worker did not classify again."""
    articles, config, store = _seed_articles(), load_config(), StateStore(tmp_path)
    ahead = _HeldHeadStart(articles[0], config, store)
    app = _CountingWorkers(articles, config, store=store, ahead=ahead)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        assert app.view.classified is None and "classifying" in screen_text(app)
        ahead.go.set()
        await ready(pilot)
        assert app.view.classified is not None and "block 1/" in screen_text(app)
        assert app.classifications == 0


async def test_quitting_before_the_head_start_ended_cancels_it(
    size: tuple[int, int], tmp_path: Path
) -> None:
    """`q` while the head start still classifies the first article: it is cancelled before the
    app's exit returns (not left to its waiting worker's next look, a step later, or never if
    that worker had not run yet), and it ends cancelled without ever being let go."""
    articles, config, store = _seed_articles(), load_config(), StateStore(tmp_path)
    ahead = _HeldHeadStart(articles[0], config, store)
    app = ReaderApp(articles, config, store=store, ahead=ahead)
    async with app.run_test(size=size) as pilot:
        await pilot.press("q")
    assert ahead._cancel.is_set()
    assert ahead._done.wait(DEADLINE_S) and ahead.outcome() is None
    assert not ahead.go.is_set()  # the cancel ended it, not the test


async def test_a_head_start_for_other_rules_is_cancelled_and_the_worker_classifies(
    size: tuple[int, int], tmp_path: Path
) -> None:
    articles, store = _seed_articles(), StateStore(tmp_path)
    ahead = _HeldHeadStart(articles[0], load_config(), store)
    app = _CountingWorkers(articles, load_config(), store=store, ahead=ahead)
    async with app.run_test(size=size) as pilot:
        await ready(pilot)
        assert ahead._cancel.is_set() and app.classifications == 1
        assert app.view.classified is not None
    ahead.go.set()


@pytest.mark.parametrize("theme", ["reader-light", "reader-mono", "textual-dark"])
async def test_the_theme_chosen_at_start_styles_the_screen_with_one_parse(
    theme: str, size: tuple[int, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The theme chosen in `on_load`, before anything is styled, only gives the style sheet
    its variables (Textual parsed every source again for it, then once more for the
    widgets); the first screen looks exactly as after Textual's own refresh."""
    reparses: list[Stylesheet] = []
    reparse = Stylesheet.reparse

    def counted(stylesheet: Stylesheet) -> None:
        reparses.append(stylesheet)
        reparse(stylesheet)

    monkeypatch.setattr(Stylesheet, "reparse", counted)
    app = ReaderApp(_seed_articles(), load_config(), theme=theme)
    async with app.run_test(size=size) as pilot:
        await ready(pilot)
        assert app.theme == theme and reparses == []
        first = app.export_screenshot()

        app.refresh_css(animate=False)  # Textual's own: every source parsed again, all restyled
        await pilot.pause()

        assert len(reparses) == 1
        assert app.export_screenshot() == first
