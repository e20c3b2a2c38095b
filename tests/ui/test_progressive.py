"""A long article shows its first screen while the rest is classified, and keeps the place.

The classifier is a fake verdict stream that stops after the first part until the test lets it
go on, so "before the whole is done" is a state the test holds, not a race it hopes to win.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator

from textual.pilot import Pilot

from reader.config import Config, load_config
from reader.model import Article, Block, Verdict
from reader.ui.app import FIRST_SCREEN, ReaderApp
from reader.viewmodel.state import Position, StateStore

from .helpers import wait_until, workers_done

CONFIG = load_config(None)
SIZE = (150, 40)
BLOCKS = 3_000
ACTORS: list[tuple[str, ...]] = [("nato",), ("russia",), ("ukraine",), ()]


def article(name: str = "long", count: int = BLOCKS) -> Article:
    blocks = tuple(
        Block(i, "paragraph", f"{name} paragraph {i} on the talks.", i + 1) for i in range(count)
    )
    return Article(f"{name}.txt", None, blocks)


class Stream:
    """Verdicts in block order that stop before block `hold` until `release` is set."""

    def __init__(self, hold: int) -> None:
        self.hold = hold
        self.release = threading.Event()
        self.finished = 0

    def __call__(self, article: Article, config: Config) -> Iterator[Verdict]:
        for index in range(len(article.blocks)):
            if index == self.hold:
                self.release.wait(10)
            labels = ACTORS[index % 4]
            yield Verdict(labels=labels, primary=labels[0] if labels else None)
        self.finished += 1


async def first_part(pilot: Pilot[None]) -> ReaderApp:
    app = pilot.app
    assert isinstance(app, ReaderApp)
    await wait_until(pilot, lambda: app.view.classified is not None, "the first part")
    return app


async def test_the_first_blocks_show_before_the_whole_is_classified_and_the_place_is_kept() -> None:
    stream = Stream(hold=FIRST_SCREEN + 100)
    app = ReaderApp([article()], CONFIG, verdicts=stream)
    async with app.run_test(size=SIZE) as pilot:
        await first_part(pilot)
        assert app.view.block_count == FIRST_SCREEN
        assert f"classifying {FIRST_SCREEN}/3,000…" in app.status.text
        assert "long paragraph 0 on the talks." in "\n".join(app.view.screen_lines())
        assert app.classified is None and stream.finished == 0  # the rest is still to come
        await pilot.press("j", "j", "j", "tab")
        row = app.view.state().row
        stream.release.set()
        await workers_done(app)
        await pilot.pause()
        assert app.view.block_count == BLOCKS
        assert app.view.block == 3 and app.view.state().row == row
        assert app.status.text.startswith("block 4/3000 · Russia")
        assert "classifying" not in app.status.text
        await pilot.press("G")
        assert app.view.block == BLOCKS - 1


async def test_a_restored_place_beyond_the_first_screen_is_shown_first() -> None:
    long = article()
    store = StateStore()
    key = store.key_for(long.source, "\n".join(block.text for block in long.blocks))
    store.save(key, Position(1_500, "ukraine", {"a": 2_500, "b": 10}))
    stream = Stream(hold=1_900)
    app = ReaderApp([long], CONFIG, verdicts=stream)
    async with app.run_test(size=SIZE) as pilot:
        await first_part(pilot)
        assert app.classified is None
        assert app.view.block == 1_500 and app.view.focused_actor == "Ukraine"
        assert "long paragraph 1500 on" in "\n".join(app.view.screen_lines())
        stream.release.set()
        await workers_done(app)
        await pilot.pause()
        assert app.view.block == 1_500
        await pilot.press("apostrophe", "a")  # a mark past the first part survives the swap
        assert app.view.block == 2_500
        await pilot.press("apostrophe", "b")
        assert app.view.block == 10


async def test_switching_away_cancels_the_classification_and_drops_its_result() -> None:
    stream = Stream(hold=FIRST_SCREEN + 100)
    short = article("short", 20)
    app = ReaderApp([article(), short], CONFIG, verdicts=stream)
    async with app.run_test(size=SIZE) as pilot:
        await first_part(pilot)
        await pilot.press("ctrl+n")
        stream.release.set()
        await workers_done(app)
        await pilot.pause()
        assert app.article_index == 1
        assert app.view.block_count == 20
        assert "short paragraph 0" in "\n".join(app.view.screen_lines())
        assert stream.finished == 1  # only the short article ran to its end
        await pilot.press("ctrl+p")
        await workers_done(app)
        await pilot.pause()
        assert app.view.block_count == BLOCKS


async def test_shift_g_while_classifying_waits_for_the_real_end_and_says_so() -> None:
    stream = Stream(hold=FIRST_SCREEN + 100)
    app = ReaderApp([article()], CONFIG, verdicts=stream)
    async with app.run_test(size=SIZE) as pilot:
        await first_part(pilot)
        await pilot.press("G")
        assert app.view.block == 0  # not the last block of the part shown
        assert "going to block 3,000 once it is classified" in app.status.text
        stream.release.set()
        await workers_done(app)
        await pilot.pause()
        assert app.view.block == BLOCKS - 1
        assert BLOCKS - 1 in app.view.visible_blocks()
        assert "at block 3,000 of 3,000" in app.status.text


async def test_a_count_g_past_the_part_shown_waits_too_and_a_move_cancels_the_wait() -> None:
    stream = Stream(hold=FIRST_SCREEN + 100)
    app = ReaderApp([article()], CONFIG, verdicts=stream)
    async with app.run_test(size=SIZE) as pilot:
        await first_part(pilot)
        await pilot.press("1", "0", "0", "0", "G")
        assert "going to block 1,000" in app.status.text
        await pilot.press("5", "0", "G")  # within the part: at once, and the wait is over
        assert app.view.block == 49
        stream.release.set()
        await workers_done(app)
        await pilot.pause()
        assert app.view.block == 49
