"""Hostile article text on screen: escape sequences, controls and markup show as what they are.

An article from the web may carry terminal escape sequences (clear the screen, move the
cursor, set the window title, write the clipboard, hyperlinks), C0 and C1 controls, backspace
overprinting and bidi overrides, and text that looks like Rich/Textual markup. The panels, the
header, the explain pane, the search input and status, notices and help must show them as
visible placeholders (reader.safe_text: ESC -> ␛, BEL -> ␇, BS -> ␈, C1 and bidi -> U+FFFD) or
literally, and the frames Textual would write to the terminal must hold none of them.

The screen is read from Textual's compositor: `frame()` is the exact string a full repaint
writes to the terminal, `screen_text()` the characters on screen.
"""

from __future__ import annotations

import dataclasses

from textual import events

from reader.config import Config, load_config
from reader.model import Article, Block
from reader.safe_text import is_safe, visible
from reader.ui.app import ReaderApp
from reader.ui.help import HelpScreen

from .helpers import labelled_by, ready, screen_text

SIZE = (200, 50)

TITLE = "Truce talks \x1b]0;PWNED-TITLE\x07 [bold]LOUD-TITLE[/bold]"
TEXTS: list[tuple[str, tuple[str, ...]]] = [
    (TITLE, ()),
    ("NATO said \x1b[2JPWNED-CLEAR and \x1b[99;77HPWNED-MOVE now.", ("nato",)),
    ("Clip \x1b]52;c;UFdORUQtQ0xJUA==\x07 PWNED-CLIP done.", ("nato",)),
    ("Link \x1b]8;;https://pwned.example/x\x1b\\PWNED-LINK\x1b]8;;\x1b\\ end.", ("russia",)),
    ("C1 \u009b31mPWNED-C1 and PWNED-BS\b\b\bXXX and PWNED-BEL\x07\x07.", ("russia",)),
    ("Kyiv \u202ePWNED-RLO\u202c and \u2066PWNED-ISO\u2069 said.", ("ukraine",)),
    ("[link=file:///etc/passwd]PWNED-FILE[/link]", ("ukraine",)),
    ("[@click=app.quit]PWNED-CLICK[/] and [bold]PWNED-MARKUP[/bold]", ("nato",)),
]
RAW = ("\x1b", "\x07", "\x08", "\x9b", "\u202e", "\u202c", "\u2066", "\u2069")
CONFIG = load_config(None)


def make_app(config: Config = CONFIG, theme: str | None = None) -> ReaderApp:
    blocks = tuple(
        Block(i, "title" if i == 0 else "paragraph", text, i + 1)
        for i, (text, _) in enumerate(TEXTS)
    )
    article = Article("hostile\x1b]0;PWNED-SOURCE\x07.txt", TITLE, blocks)
    return ReaderApp(
        [article], config, classifier=labelled_by([labels for _, labels in TEXTS]), theme=theme
    )


def frame(app: ReaderApp) -> str:
    """What a full repaint of the current screen writes to the terminal."""
    update = app.screen._compositor.render_full_update()
    return update.render_segments(app.console)


def assert_clean(app: ReaderApp) -> str:
    """No injected control in the screen's characters, no OSC or raw control in the frame."""
    text = screen_text(app)
    unsafe = [c for line in text.splitlines() for c in line if not is_safe(c)]
    assert not unsafe, unsafe
    written = frame(app)
    assert "\x1b]" not in written  # no OSC at all: no title, clipboard or hyperlink
    for raw in RAW[1:]:
        assert raw not in written, repr(raw)
    assert "\x1b[2J" not in written and "\x1b[99;77H" not in written
    return text


async def test_panels_and_header_show_placeholders_and_markup_literally() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        text = assert_clean(app)
        header = text.splitlines()[0]
        assert "Truce talks ␛]0;PWNED-TITLE␇ [bold]LOUD-TITLE[/bold]" in header
        assert "hostile␛]0;PWNED-SOURCE␇.txt" in header
        for shown in (
            "␛[2JPWNED-CLEAR",
            "␛[99;77HPWNED-MOVE",
            "␛]52;c;UFdORUQtQ0xJUA==␇",
            "PWNED-LINK␛]8;;␛\\",
            "\ufffd31mPWNED-C1",
            "PWNED-BS␈␈␈XXX",
            "PWNED-BEL␇␇",
            "\ufffdPWNED-RLO\ufffd",
            "\ufffdPWNED-ISO\ufffd",
            "[link=file:///etc/passwd]PWNED-FILE[/link]",
            "[@click=app.quit]PWNED-CLICK[/]",
            "[bold]PWNED-MARKUP[/bold]",
        ):
            assert shown in text, shown
        assert app.is_running  # [@click=app.quit] is text, not an action


async def test_explain_pane_shows_hostile_text_literally() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        for block in (4, 6, 7):
            app.view.go(block)
            await pilot.press("e")
            await pilot.pause()
            assert_clean(app)
            explain = app.query_one("#explain-text").render()
            assert visible(TEXTS[block][0]) in str(explain)
            await pilot.press("escape")


async def test_a_pasted_hostile_query_is_echoed_and_reported_as_placeholders() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("slash")
        query = "PWNED-BEL\x07\x1b]0;PWNED-QUERY\x07[bold]"
        app.search_bar.input.post_message(events.Paste(query))
        await pilot.pause()
        assert app.search_bar.value == visible(query)
        text = assert_clean(app)
        assert "PWNED-BEL␇␛]0;PWNED-QUERY␇[bold]" in text  # the input's echo
        assert "'PWNED-BEL␇␛]0;PWNED-QUERY␇[bold]'" in app.status.text
        await pilot.press("enter")
        assert_clean(app)
        # The placeholders are what the panels show, so the query finds the block.
        await pilot.press("slash", "ctrl+u", *"PWNED-BEL")
        app.search_bar.input.post_message(events.Paste("\x07\x07"))
        await pilot.press("enter")
        assert app.view.block == 4
        assert "search 1/1" in app.status.text


async def test_notices_show_hostile_text_literally() -> None:
    app = make_app(theme="[bold]PWNED-THEME\x1b]0;T\x07")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await ready(pilot)
        theme_notice = [n.message for n in app._notifications if "PWNED-THEME" in n.message]
        assert theme_notice and "'[bold]PWNED-THEME" in theme_notice[0]
        app.view.go(2)
        await pilot.press("y")
        assert app.clipboard == visible(TEXTS[2][0])  # no raw control reaches OSC 52 either
        await pilot.pause()
        text = assert_clean(app)
        assert "'[bold]PWNED-THEME" in text
        assert "Copied block 3" in text


async def test_help_shows_a_markup_looking_keymap_literally() -> None:
    config = dataclasses.replace(CONFIG, keymap={"app.copy": "[b]x"})
    app = make_app(config)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = assert_clean(app)
        assert "[b]x" in text
