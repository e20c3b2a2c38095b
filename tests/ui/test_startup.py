"""Start-up (issue 12.20) inside the app: the garbage collector, paused by the CLI while the
reader starts, runs again once the first article is on screen (else memory would grow for
the whole session)."""

from __future__ import annotations

import gc

from reader.ui.app import ReaderApp

from .helpers import ready


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
