"""Nothing lost: the reading position and marks survive quitting, switching and a broken store.

Every test runs with XDG_STATE_HOME in its own tmp_path (tests/conftest.py), so the positions
file these apps write is the test's own.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path

import pytest

from reader.config import Config, load_config
from reader.model import Article, Block, ClassifiedArticle, Verdict
from reader.ui import app as app_module
from reader.ui.app import ReaderApp
from reader.xdg import state_home

from .helpers import notices, ready, wait_until, workers_done

CONFIG = load_config(None)
SIZE = (150, 40)
ACTORS: list[tuple[str, ...]] = [("nato",), ("russia",), ("ukraine",), ()]


def article(name: str, count: int = 30) -> Article:
    blocks = tuple(
        Block(i, "paragraph", f"{name} paragraph {i} about the talks.", i + 1) for i in range(count)
    )
    return Article(f"{name}.txt", None, blocks)


def classify(article: Article, config: Config) -> ClassifiedArticle:
    verdicts = tuple(
        Verdict(labels=ACTORS[i % 4], primary=(ACTORS[i % 4] or (None,))[0])
        for i in range(len(article.blocks))
    )
    return ClassifiedArticle(article, config.actors, verdicts)


def make_app(*articles: Article) -> ReaderApp:
    return ReaderApp(list(articles), CONFIG, classifier=classify)


async def read_and_quit(articles: Sequence[Article], keys: Sequence[str]) -> None:
    app = make_app(*articles)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press(*keys)
        await pilot.press("q")
        await ready(pilot)


async def test_reopening_an_article_restores_block_panel_and_marks() -> None:
    await read_and_quit([article("alpha")], ["j", "j", "m", "a", "j", "j", "j", "tab"])
    app = make_app(article("alpha"))
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        assert app.status.text.startswith("block 6/30 · Russia")
        assert "alpha paragraph 5 " in "\n".join(app.view.screen_lines())
        await pilot.press("apostrophe", "a")
        assert app.view.block == 2


async def test_switching_articles_saves_the_one_left_even_without_quitting(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    app = make_app(article("alpha"), article("beta"))
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("j", "j", "j", "ctrl+n")
        await ready(pilot)
        assert app.status.text.startswith("block 1/30")  # beta opens at its start
        # The app dies without quitting (no final save): alpha was saved on the switch.
        app.exit()
    again = make_app(article("alpha"))
    async with again.run_test(size=SIZE) as pilot:
        await ready(pilot)
        assert again.view.block == 3


async def test_moving_is_saved_in_the_background_without_quitting(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(app_module, "SAVE_SECONDS", 0.05)
    positions = state_home() / "positions.json"
    app = make_app(article("alpha"))
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("G")
        # The save runs in a thread worker after the next tick.
        await wait_until(
            pilot,
            lambda: positions.exists() and '"block":29' in positions.read_text(),
            "the saved position",
        )
        app.exit()
    again = make_app(article("alpha"))
    async with again.run_test(size=SIZE) as pilot:
        await ready(pilot)
        assert again.view.block == 29


async def test_two_readers_in_turn_keep_each_others_articles() -> None:
    await read_and_quit([article("alpha")], ["j", "j", "j", "j"])
    await read_and_quit([article("beta")], ["G"])
    app = make_app(article("alpha"), article("beta"))
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        assert app.view.block == 4
        await pilot.press("ctrl+n")
        await ready(pilot)
        assert app.view.block == 29
    saved = json.loads((state_home() / "positions.json").read_text())["articles"]
    assert len(saved) == 2


async def test_a_corrupt_state_file_is_moved_aside_with_one_notice_and_reading_goes_on() -> None:
    directory = state_home()
    directory.mkdir(parents=True)
    (directory / "positions.json").write_bytes(b'{"version": 1, "articles": {"trunc')
    app = make_app(article("alpha"))
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        warnings = [n for n in notices(app) if "corrupt" in n]
        assert len(warnings) == 1 and "moved aside" in warnings[0]
        await pilot.press("j", "j")
        assert app.status.text.startswith("block 3/30")
        await pilot.press("q")
    assert [p.name for p in directory.glob("positions.json.corrupt-*")]
    again = make_app(article("alpha"))
    async with again.run_test(size=SIZE) as pilot:
        await ready(pilot)
        assert again.view.block == 2
        assert not any("corrupt" in n for n in notices(again))


async def test_a_state_directory_that_cannot_be_written_gives_one_notice(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(app_module, "SAVE_SECONDS", 0.05)
    # A file where the state directory should be: no mkdir can succeed (even as root).
    Path(os.environ["XDG_STATE_HOME"]).write_text("not a directory")
    app = make_app(article("alpha"))
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        for key in ("j", "j", "j"):
            await pilot.press(key)
            await wait_until(pilot, lambda: not app._moved, "the next save tick")
            await workers_done(app)  # the save's thread failed
            app._save_moved()  # what the tick after it does: say what went wrong
            await pilot.pause()
        assert len([n for n in notices(app) if "cannot save" in n]) == 1
        assert app.status.text.startswith("block 4/30")
        await pilot.press("q")
    assert not app.is_running
