"""The actor lens's explain pane says each rule's message, as the reader's does, with the
real classifier (the lens tests in test_compare.py use a stand-in whose verdicts carry no
rules), and says the new messages after `r` reloads the rules under the lens."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from textual.pilot import Pilot

from reader.config import config_from_files, load_config
from reader.model import Article, Block
from reader.resources import bundled
from reader.ui.app import ReaderApp
from reader.ui.lens import LensScreen

from .helpers import ready, screen_text, workers_done

SUBJECT_MESSAGE = "the subject of a speech or stance verb"
"""attribution.subject's message in the bundled config (the part that fits on one row)."""

ARTICLES: dict[str, list[str]] = {
    "tass.txt": [
        "Moscow rejects truce offer",
        "Kremlin spokesman Dmitry Peskov said the talks were over.",
    ],
    "reuters.txt": [
        "Allies and Moscow trade warnings",
        "NATO Secretary General Mark Rutte said the allies stand firm.",
        "Russian Foreign Minister Sergei Lavrov said the drills were provocative.",
    ],
}


def article(source: str, paras: Sequence[str]) -> Article:
    blocks = tuple(
        Block(i, "title" if i == 0 else "paragraph", text, i + 1) for i, text in enumerate(paras)
    )
    return Article(source, paras[0], blocks)


async def open_russia_lens(pilot: Pilot[None]) -> LensScreen:
    """`2 Tab` focuses Russia's panel, `v` opens the lens on it."""
    await ready(pilot)
    await pilot.press("2", "tab", "v")
    for _ in range(3):
        await workers_done(pilot.app)
        await pilot.pause()
    lens = pilot.app.screen
    assert isinstance(lens, LensScreen)
    assert lens.actor.id == "russia"
    return lens


async def test_the_lens_explain_pane_shows_the_message_of_each_rule_that_fired() -> None:
    built = [article(source, paras) for source, paras in ARTICLES.items()]
    app = ReaderApp(built, load_config(None))
    async with app.run_test(size=(160, 48)) as pilot:
        lens = await open_russia_lens(pilot)
        assert "Lavrov said the drills were provocative." in screen_text(app)
        await pilot.press("j", "e")  # the lens's second passage: Peskov in tass
        await pilot.pause()
        assert lens.explain.shown is not None
        classified, block = lens.explain.shown
        assert classified.article.blocks[block].text.startswith("Kremlin spokesman")
        shown = screen_text(app)
        assert "attribution.subject" in shown
        assert SUBJECT_MESSAGE in shown


def _framing_rule(message: str) -> str:
    return (
        "framing:\n  - id: framing.test.zebra\n    actor: russia\n"
        f'    message: "{message}"\n    weight: 1.0\n    terms: [zebra crossing]\n'
    )


async def test_after_r_under_the_lens_its_pane_shows_the_reloaded_messages(
    tmp_path: Path,
) -> None:
    user = tmp_path / "config.yaml"
    user.write_text(_framing_rule("stripes before the edit"), encoding="utf-8")
    config = config_from_files([bundled("config.yaml"), user])
    paras = ["Zebra row", "Kremlin spokesman Dmitry Peskov said the zebra crossing was unsafe."]
    built = [article("zebra.txt", paras), *(article(s, p) for s, p in ARTICLES.items())]
    app = ReaderApp(built, config)
    async with app.run_test(size=(160, 48)) as pilot:
        lens = await open_russia_lens(pilot)
        await pilot.press("e")
        await pilot.pause()
        assert lens.explain.shown is not None
        classified, block = lens.explain.shown
        assert classified.article.source == "zebra.txt" and block == 1
        assert "stripes before the edit" in screen_text(app)
        user.write_text(_framing_rule("stripes after the edit"), encoding="utf-8")
        await pilot.press("r")
        await ready(pilot)
        assert app.screen is lens
        shown = screen_text(app)
        assert "stripes after the edit" in shown
        assert "stripes before the edit" not in shown
