"""The command palette, remembered themes, screenshots and NO_COLOR (issue 12.10, 12.11)."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.segment import Segment
from textual.command import CommandList, CommandPalette

from reader.ui.app import ReaderApp
from reader.ui.commands import palette_keys
from reader.ui.keys import typed

from .helpers import notices, ready, wait_until
from .test_app import WIDE, make_app, status


def best_hit(app: ReaderApp) -> str:
    """The palette's highlighted command: what Enter runs."""
    option = app.screen.query_one(CommandList).highlighted_option
    return str(option.prompt) if option is not None else ""


async def test_every_reader_action_is_in_the_palette_with_its_key() -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        titles = [command.title for command in app.get_system_commands(app.screen)]
        for key in palette_keys():
            assert f"{key.title} · {typed(key.keys)}" in titles
        assert "Aligned / compact · a" in titles and "Last block, even while the rest" in " ".join(
            titles
        )
        await pilot.press("colon")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        for char in "aligned / compact":
            await pilot.press("space" if char == " " else "slash" if char == "/" else char)
        await wait_until(
            pilot, lambda: best_hit(app).startswith("Aligned / compact"), "the palette's best hit"
        )
        await pilot.press("enter")
        await pilot.pause()
        assert app.view.compact and "compact" in status(app)


async def test_a_theme_picked_in_the_palette_is_remembered_until_config_or_theme_says_else() -> (
    None
):
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        assert app.theme == "reader-dark"
        app.theme = "reader-light"  # what choosing it in the palette does
        await pilot.pause()
    again = make_app()
    async with again.run_test(size=WIDE) as pilot:
        await ready(pilot)
        assert again.theme == "reader-light"
    explicit = make_app(theme="reader-mono")
    async with explicit.run_test(size=WIDE) as pilot:
        await ready(pilot)
        assert explicit.theme == "reader-mono"
    after = make_app()  # --theme was for that run only: it is not remembered
    async with after.run_test(size=WIDE) as pilot:
        await ready(pilot)
        assert after.theme == "reader-light"


async def test_a_screenshot_is_saved_where_it_can_be_and_says_where(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "home"  # no ~/Downloads, no ~/Pictures: a bare server account
    home.mkdir()
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("XDG_PICTURES_DIR", raising=False)
    monkeypatch.chdir(work)
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        app.action_screenshot()
        await wait_until(pilot, lambda: bool(notices(app)), "the screenshot's notice")
        saved = list(work.glob("*.svg"))
        assert len(saved) == 1
        assert any(str(saved[0]) in notice for notice in notices(app)), notices(app)
        assert not any("Failed" in notice for notice in notices(app))


async def test_no_color_sends_no_colour_at_all(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        await pilot.press("j", "slash", "t", "r", "u", "c", "e", "enter")
        coloured: set[str] = set()
        background = app.screen.styles.background
        for strip in app.screen._compositor.render_strips():
            for line_filter in app.get_line_filters():
                strip = strip.apply_filter(line_filter, background)
            for segment in strip:
                assert isinstance(segment, Segment)
                style = segment.style
                if style is None:
                    continue
                for colour in (style.color, style.bgcolor):
                    if colour is not None and not colour.is_default:
                        coloured.add(colour.name)
        assert coloured == set()
        assert "▶" in "\n".join(app.view.screen_lines())  # the cursor still shows
