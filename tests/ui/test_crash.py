"""An unexpected exception in the app: terminal restored, traceback in a log, one line said.

The bug is injected by replacing one of the app's handlers with one that raises; the article
is real and the CLI's `run()` drives the real app, headless (a test has no terminal).
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest

from reader.cli import run
from reader.config import load_config
from reader.model import Article, Block, ClassifiedArticle, Verdict
from reader.ui.app import EXIT_CRASH, ReaderApp
from reader.xdg import state_home

from .helpers import workers_done

ARTICLE = "Truce talks stall\n\nNATO said the alliance would not send troops.\n"


def _raise(self: ReaderApp) -> None:
    raise RuntimeError("copy broke\x1b]0;PWNED\x07 on\nthree\nlines")


def test_a_crash_in_a_handler_is_logged_and_reported_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "talks.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    real_run = ReaderApp.run
    real_mount = ReaderApp.on_mount

    def headless_run(self: ReaderApp, **kwargs: Any) -> None:
        real_run(self, headless=True, size=(100, 30), **kwargs)

    def mount_then_press_y(self: ReaderApp) -> None:
        real_mount(self)
        self.call_later(self.action_copy)  # the handler the user's `y` runs

    monkeypatch.setattr(ReaderApp, "run", headless_run)
    monkeypatch.setattr(ReaderApp, "on_mount", mount_then_press_y)
    monkeypatch.setattr(ReaderApp, "action_copy", _raise)
    out, err = io.StringIO(), io.StringIO()

    status = run([str(path)], out, err)

    assert status == EXIT_CRASH
    logs = list((state_home() / "crashes").glob("crash-*.log"))
    assert len(logs) == 1
    log = logs[0].read_text(encoding="utf-8")
    assert log.startswith("Traceback (most recent call last):")
    assert "in _raise" in log and "RuntimeError: copy broke" in log
    said = err.getvalue()
    assert said.count("\n") == 1 and said.endswith("\n")
    assert said.startswith("reader: internal error: RuntimeError: copy broke")
    assert str(logs[0]) in said
    assert "\x1b" not in said and "\x07" not in said  # the message is article-borne too
    assert "␛]0;PWNED␇ on three lines" in said
    captured = capfd.readouterr()
    assert "Traceback" not in captured.err + captured.out
    assert "RuntimeError" not in captured.err + captured.out


def _classify(article: Article, config: Any) -> ClassifiedArticle:
    return ClassifiedArticle(article, config.actors, tuple(Verdict() for _ in article.blocks))


async def test_the_app_records_the_crash_and_exits_without_textuals_traceback(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    blocks = (Block(0, "paragraph", "Snow fell overnight.", 1),)
    app = ReaderApp([Article("a.txt", None, blocks)], load_config(None), classifier=_classify)
    with pytest.raises(RuntimeError, match="copy broke"):  # run_test re-raises it for tests
        async with app.run_test(size=(100, 30)) as pilot:
            await workers_done(app)
            await pilot.pause()
            monkeypatch.setattr(app, "action_copy", lambda: _raise(app))
            await pilot.press("y")
    assert isinstance(app.crash, RuntimeError)
    assert app.return_code == EXIT_CRASH
    assert not app._exit_renderables  # nothing for Textual to print over the terminal
