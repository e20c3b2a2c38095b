"""A live reload meets whatever a half-edited rule file holds: the reader keeps the last good
rules, says why in one line, and goes on (issue 13.5). A stalled state file never freezes the
screen (issue 13.11)."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest

from reader.config import config_from_files, load_config
from reader.model import Article, Block
from reader.resources import bundled
from reader.ui.app import ReaderApp
from reader.ui.help import HelpScreen
from reader.viewmodel.search import Query, Results, SearchIndex
from reader.viewmodel.state import Position, StateStore

from .helpers import ready, workers_done

ARTICLE = Article(
    "talks.txt",
    "Talks",
    (Block(0, "title", "Talks", 1), Block(1, "paragraph", "Peskov said Moscow was ready.", 3)),
)


@pytest.mark.parametrize(
    "edit",
    [
        "settings: {threshold: .inf}\n",
        "settings: {carry_distance: " + "1" * 5000 + "}\n",
        "roles: &a [*a]\n",
        "a0: &a0 [x]\n"
        + "".join(f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]\n" for i in range(1, 9)),
    ],
)
async def test_a_hostile_edit_does_not_end_the_reader(tmp_path: Path, edit: str) -> None:
    user = tmp_path / "config.yaml"
    user.write_text("theme: null\n", "utf-8")
    config = config_from_files([bundled("config.yaml"), user])
    app = ReaderApp([ARTICLE], config, store=StateStore(tmp_path / "state"))
    async with app.run_test(size=(120, 30)) as pilot:
        await ready(pilot)
        user.write_text(edit, "utf-8")
        await pilot.press("r")
        await ready(pilot)
        status = str(app.status.render())
        assert "rules not reloaded" in status and str(user) in status
        assert app.config is config and app.return_code is None
        assert app.crash is None


class _StalledStore(StateStore):
    """A state store whose first read hangs until released, like a stalled network disk."""

    def __init__(self, directory: Path) -> None:
        super().__init__(directory)
        self.release = threading.Event()
        self.loaded = False

    def load(self, key: str) -> Position | None:
        self.release.wait(timeout=5)
        self.loaded = True
        return super().load(key)


async def test_a_stalled_state_file_never_freezes_the_screen(tmp_path: Path) -> None:
    store = _StalledStore(tmp_path / "state")
    app = ReaderApp([ARTICLE], load_config(None), store=store)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")  # the UI answers while the read hangs (issue 13.11)
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen) and not store.loaded
        await pilot.press("escape")
        store.release.set()
        await ready(pilot)
        assert app.view.block_count == 2


async def test_a_catastrophic_search_regex_runs_off_the_ui_thread_and_is_stopped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    searched: list[tuple[bool, float]] = []  # (on the UI thread, seconds allowed)
    search = SearchIndex.search

    def spy(self: SearchIndex, query: Query, *args: Any, **kwargs: Any) -> Results:
        on_ui = threading.current_thread() is threading.main_thread()
        searched.append((on_ui, kwargs.get("seconds", float("inf"))))
        return search(self, query, *args, **kwargs)

    monkeypatch.setattr(SearchIndex, "search", spy)
    blocks = (Block(0, "title", "Talks", 1), Block(1, "paragraph", "a" * 40 + "!", 3))
    app = ReaderApp(
        [Article("a.txt", "Talks", blocks)], load_config(None), store=StateStore(tmp_path)
    )
    async with app.run_test(size=(120, 30)) as pilot:
        await ready(pilot)
        await pilot.press("slash", *"re:(a|aa)+$")
        await workers_done(app)
        await pilot.pause()
        assert app.search_bar.verdict.startswith("regex too slow")
        assert app.is_running
    # On the UI thread every search had a short limit; the slow one went on in a worker.
    assert all(seconds <= 0.1 for on_ui, seconds in searched if on_ui)
    assert searched[-1][0] is False
