"""The compare screen and the actor lens, driven like a user drives them (Pilot).

Three hand-made articles from three "outlets" with a fixed table of labels, so the airtime
in each cell is known: the tests pin the screens, not the rules.
"""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from textual.pilot import Pilot

from reader.config import load_config
from reader.model import Article, Block
from reader.ui.app import ReaderApp
from reader.ui.compare import CompareScreen
from reader.ui.lens import LensScreen
from reader.ui.status import HeaderLine, airtime_bar

from .helpers import labelled_by, ready, screen_text, wait_until, workers_done

Para = tuple[str, tuple[str, ...]]

# tass: Russia's 3 of 4 blocks; reuters: one block each; kyiv: mostly Ukraine's.
ARTICLES: dict[str, list[Para]] = {
    "tass.txt": [
        ("Moscow rejects truce offer", ("russia",)),
        ("Peskov said talks were over.", ("russia",)),
        ("Lavrov said NATO would rearm.", ("russia",)),
        ("Snow fell in the capital.", ()),
    ],
    "reuters.txt": [
        ("Allies and Moscow trade warnings", ()),
        ("Rutte said allies stand firm.", ("nato",)),
        ("Peskov called the drills provocative.", ("russia",)),
        ("Zelensky asked for air defence.", ("ukraine",)),
    ],
    "kyiv.txt": [
        ("Kyiv asks for more air defence", ("ukraine",)),
        ("Zelensky said every city needs cover.", ("ukraine",)),
        ("Moscow claimed the strikes hit military targets.", ("russia",)),
    ],
}
CONFIG = load_config(None)


def article(source: str, paras: Sequence[Para]) -> Article:
    blocks = tuple(
        Block(i, "title" if i == 0 else "paragraph", text, i + 1)
        for i, (text, _) in enumerate(paras)
    )
    return Article(source, paras[0][0], blocks)


def make_app(*, compare: bool = False, hostile: bool = False) -> ReaderApp:
    articles = dict(ARTICLES)
    if hostile:
        articles["evil.txt"] = [("Evil \x1b]0;pwned\x07[b]markup[/b]", ("nato",))]
    built = [article(source, paras) for source, paras in articles.items()]
    table = {source: [labels for _, labels in paras] for source, paras in articles.items()}
    app = ReaderApp(built, CONFIG, classifier=labelled_by(table))
    app.open_on_compare = compare
    return app


@pytest.fixture
def app() -> ReaderApp:
    """The app the Pilot fixtures run here: three outlets, labelled from `ARTICLES`."""
    return make_app()


@pytest.fixture
def size() -> tuple[int, int]:
    return (160, 48)


async def settle(pilot: Pilot[None]) -> None:
    for _ in range(3):
        await workers_done(pilot.app)
        await pilot.pause()


async def open_compare(pilot: Pilot[None]) -> CompareScreen:
    await ready(pilot)
    await pilot.press("c")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, CompareScreen)
    return screen


def row_lines(app: ReaderApp) -> dict[str, str]:
    """The table's rows on screen, by outlet."""
    out: dict[str, str] = {}
    for line in screen_text(app).splitlines():
        words = line.split()
        if words and words[0] in ("tass", "reuters", "kyiv", "evil"):
            out[words[0]] = line
    return out


async def test_c_shows_each_articles_airtime_with_tags_percentages_and_counts(
    pilot: Pilot[None], app: ReaderApp
) -> None:
    await open_compare(pilot)
    rows = row_lines(app)
    assert list(rows) == ["tass", "reuters", "kyiv"]  # opening order
    text = screen_text(app)
    assert "N NATO" in text and "R Russia" in text and "U Ukraine" in text
    assert "· none" in text
    # tass: 14 of its 19 words are Russia's (3 blocks, no quotes), 5 nobody's.
    assert "R ███████▍    74% 3b 0q" in rows["tass"]
    assert "· ██▋         26% 1b 0q" in rows["tass"]
    assert "N              0% 0b 0q" in rows["tass"]
    # The title is in the row, after the bars.
    assert rows["kyiv"].rstrip().endswith("Kyiv asks for more air defence")


async def test_s_sorts_by_the_current_column_and_again_the_other_way(
    pilot: Pilot[None], app: ReaderApp
) -> None:
    await open_compare(pilot)
    await pilot.press("right", "right")  # outlet -> NATO -> Russia
    await pilot.press("s")
    # Russia's share: tass 74%, kyiv 37%, reuters 25%; largest first.
    assert list(row_lines(app)) == ["tass", "kyiv", "reuters"]
    assert "R Russia ▼" in screen_text(app)
    await pilot.press("s")
    assert list(row_lines(app)) == ["reuters", "kyiv", "tass"]
    assert "R Russia ▲" in screen_text(app)
    await pilot.press("left", "left", "s")  # outlet, A-Z
    assert list(row_lines(app)) == ["kyiv", "reuters", "tass"]
    assert "Outlet ▲" in screen_text(app)


async def test_a_frame_drawn_as_the_table_is_rebuilt_keeps_every_cell_whole(
    pilot: Pilot[None], app: ReaderApp
) -> None:
    """A worker's answer (an article arriving from the web) rebuilds the table outside the
    table's own turn; a frame drawn before the table measured its new rows kept outlets, bars
    and titles cut to the headings' widths ("reuter", "Mosco") until the next key. It failed
    one run in four next to two CPU burners; here the frame is drawn at that moment."""
    screen = await open_compare(pilot)
    screen.sort_by("outlet")  # rebuilds the table, as the arrival of an article does
    screen_text(app)  # the frame the screen's timer may draw before the table idles
    await settle(pilot)
    rows = row_lines(app)
    assert list(rows) == ["kyiv", "reuters", "tass"]
    assert rows["reuters"].startswith(" reuters ")
    assert "R ███████▍    74% 3b 0q" in rows["tass"]
    assert rows["kyiv"].rstrip().endswith("Kyiv asks for more air defence")


async def test_the_speakers_of_the_current_article_are_listed_under_the_table(
    pilot: Pilot[None], app: ReaderApp
) -> None:
    await open_compare(pilot)
    assert "Speakers in tass:" in screen_text(app)
    await pilot.press("down")
    assert "Speakers in reuters:" in screen_text(app)


async def test_enter_reads_that_article_on_that_actors_panel_and_escape_returns(
    pilot: Pilot[None], app: ReaderApp
) -> None:
    await open_compare(pilot)
    await pilot.press("down", "down", "right", "right", "right")  # kyiv, Ukraine
    await pilot.press("enter")
    await settle(pilot)
    assert not isinstance(app.screen, CompareScreen)
    assert app.article_index == 2
    assert app.view.focused_actor == "Ukraine"
    assert "Kyiv asks for more air defence" in screen_text(app)
    await pilot.press("c")
    await settle(pilot)
    assert isinstance(app.screen, CompareScreen)
    await pilot.press("escape")
    await pilot.pause()
    assert not isinstance(app.screen, CompareScreen)
    assert app.article_index == 2  # Escape changes nothing in the reader


async def test_v_opens_the_lens_one_panel_per_article_with_search_and_explain(
    pilot: Pilot[None], app: ReaderApp
) -> None:
    await open_compare(pilot)
    await pilot.press("right", "right", "v")  # Russia's column
    await settle(pilot)
    lens = app.screen
    assert isinstance(lens, LensScreen)
    text = screen_text(app)
    assert "R Russia in 3 articles" in text
    for header in ("tass (3)", "reuters (1)", "kyiv (1)"):
        assert header in text
    assert "Peskov said talks were over." in text
    assert "Moscow claimed the strikes hit military targets." in text
    assert "Snow fell" not in text  # not Russia's
    # Search finds the lens's blocks only, as in the reader.
    await pilot.press("slash", *"Peskov")
    await pilot.pause()
    assert lens.search_bar.verdict == "1/2"
    await pilot.press("enter", "n")
    assert "search 2/2 'Peskov'" in screen_text(app)
    # Explain shows the block in the article it came from.
    await pilot.press("e")
    await pilot.pause()
    assert lens.explain.shown is not None
    classified, block = lens.explain.shown
    assert classified.article.source == "tass.txt" and block == 1
    await pilot.press("escape")  # closes explain
    await pilot.pause()
    assert isinstance(app.screen, LensScreen)
    await pilot.press("escape")  # clears the search
    await pilot.press("escape")  # back to the compare screen
    await pilot.pause()
    assert isinstance(app.screen, CompareScreen)


async def test_v_in_the_reader_opens_the_lens_on_the_focused_actor(
    pilot: Pilot[None], app: ReaderApp
) -> None:
    await pilot.press("3", "tab", "v")  # 3 tab: Ukraine's panel
    await settle(pilot)
    assert isinstance(app.screen, LensScreen)
    text = screen_text(app)
    assert "U Ukraine in 3 articles" in text
    assert "tass (0)" in text and "kyiv (2)" in text
    # The reader's own keys do not reach its hidden panels from here.
    await pilot.press("ctrl+n")
    assert app.article_index == 0
    await pilot.press("escape")
    await pilot.pause()
    assert not isinstance(app.screen, LensScreen)


async def test_reader_compare_opens_on_the_compare_screen() -> None:
    app = make_app(compare=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, CompareScreen)
        assert list(row_lines(app)) == ["tass", "reuters", "kyiv"]


async def test_article_text_in_the_table_shows_and_never_acts() -> None:
    app = make_app(hostile=True)
    async with app.run_test(size=(160, 48)) as pilot:
        await open_compare(pilot)
        line = row_lines(app)["evil"]
        assert "\x1b" not in line and "\x07" not in line
        assert "[b]markup[/b]" in line  # shown as written, not read as markup


def test_the_header_bar_gives_each_actor_its_share_of_cells_in_its_colour() -> None:
    bar = airtime_bar(
        [("N", 0.19, "#0000ff"), ("R", 0.20, "#ff0000"), ("U", 0.37, None), ("·", 0.24, None)]
    )
    assert bar.plain == "▕████████████▏ N19 R20 U37 ·24"
    runs = [(span.end - span.start, str(span.style)) for span in bar.spans]
    # 12 cells: 2.28 -> 2 for N, then 3, 4 and 3 (cumulative rounding: they add up to 12).
    assert runs == [(2, "#0000ff"), (3, "#ff0000"), (4, "dim"), (3, "dim")]


async def test_the_header_shows_the_airtime_numbers_when_the_title_leaves_room() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await settle(pilot)
        header = app.query_one("#header", HeaderLine).text
        # tass: Russia 74% of the words, none 26%; at 80 columns the numbers without the bar.
        assert header == (
            "Moscow rejects truce offer · tass.txt · article 1 of 3           N0 R74 U0 ·26"
        )
        await pilot.resize_terminal(120, 24)
        await settle(pilot)  # the header is laid out again after the resize's refresh
        header = app.query_one("#header", HeaderLine).text
        assert header.endswith("  ▕████████████▏ N0 R74 U0 ·26")


async def test_enter_on_none_reads_the_article_on_the_other_column(
    pilot: Pilot[None], app: ReaderApp
) -> None:
    await open_compare(pilot)
    await pilot.press("right", "right", "right", "right", "enter")  # tass, none
    await settle(pilot)
    assert app.article_index == 0
    assert app.view.show_other and app.view.focused_actor == "Other"
    assert "Snow fell in the capital." in screen_text(app)


async def test_v_on_a_column_that_is_no_actor_opens_nothing_and_says_why(
    pilot: Pilot[None], app: ReaderApp
) -> None:
    screen = await open_compare(pilot)
    await pilot.press("v")  # the outlet column
    await pilot.pause()
    assert app.screen is screen
    assert any("move to an actor's column" in n.message for n in app._notifications)


async def test_an_article_that_arrives_from_the_web_joins_the_open_compare_screen() -> None:
    late: list[Para] = [("Late wire copy", ("nato",))]
    table = {source: [labels for _, labels in paras] for source, paras in ARTICLES.items()}
    table["evil.txt"] = [labels for _, labels in late]
    built = [article(source, paras) for source, paras in ARTICLES.items()]
    app = ReaderApp(built, CONFIG, classifier=labelled_by(table))
    async with app.run_test(size=(160, 48)) as pilot:
        screen = await open_compare(pilot)
        # What the web reader does when a URL given on the command line arrives.
        app.add_article(article("evil.txt", late))
        expected = ["tass", "reuters", "kyiv", "evil"]
        # The table is rebuilt once the newcomer is classified: a worker's answer, in its time.
        await wait_until(pilot, lambda: list(row_lines(app)) == expected, "the newcomer's row")
        assert app.screen is screen
        assert list(row_lines(app)) == expected
        assert "Compare 4 articles" in screen_text(app)
