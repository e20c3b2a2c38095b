"""Start-up (issue 12.20) inside the app: the garbage collector, paused by the CLI while the
reader starts, runs again once the first article is on screen (else memory would grow for
the whole session)."""

from __future__ import annotations

import gc

from reader.ui.app import ReaderApp
from reader.ui.compare import CompareScreen

from .helpers import ready, screen_text


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
