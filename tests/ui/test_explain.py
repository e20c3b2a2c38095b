"""The explain pane: spans with colour and tag, rules, scores, carry-over, hostile text."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import yaml
from textual.app import App, ComposeResult
from textual.color import Color
from textual.content import Content
from textual.style import Style
from textual.widgets import Static

from reader.config import config_from_files
from reader.model import (
    Actor,
    Article,
    Block,
    ClassifiedArticle,
    Evidence,
    RuleKind,
    Verdict,
)
from reader.resources import bundled
from reader.ui.app import ReaderApp
from reader.ui.explain import ExplainPane, actor_looks, carry_chain, hang, rules_table
from reader.ui.themes import actor_colours, bundled_themes

from .helpers import ready, screen_text

ACTORS = (
    Actor("nato", "NATO", "#4c8dff", "N"),
    Actor("russia", "Russia", "#e0453a", "R"),
    Actor("ukraine", "Ukraine", "#ffd500", "U"),
)

T1 = "Stoltenberg recalled that the alliance had warned Moscow for years."
T2 = '"We stand together," he added.'
T3 = '"We will not be intimidated," he said.'
T4 = "Peskov told journalists the drills were provocative, and Kyiv agreed."
HOSTILE = "Before \x1b[2J [bold]x[/bold] [@click=app.quit] \x1b]0;pwned\x07 after."


def evidence(
    rule: str, actor: str, kind: RuleKind, text: str, part: str, weight: float
) -> Evidence:
    start = text.index(part)
    return Evidence(rule, actor, kind, start, start + len(part), part, weight)


def article() -> ClassifiedArticle:
    blocks = (
        Block(0, "title", "Allies meet in Brussels", 1),
        Block(1, "paragraph", T1, 3),
        Block(2, "paragraph", T2, 5),
        Block(3, "quote", T3, 7),
        Block(4, "paragraph", T4, 9),
        Block(5, "paragraph", HOSTILE, 11),
    )
    verdicts = (
        Verdict(),
        Verdict(
            ("nato",),
            "nato",
            {"nato": 2.0},
            (evidence("nato.speaker", "nato", "attribution", T1, "Stoltenberg recalled", 2.0),),
        ),
        Verdict(
            ("nato",),
            "nato",
            {"nato": 1.0},
            (evidence("carry.he-added", "nato", "carry", T2, "he added", 1.0),),
            carried_from=1,
        ),
        Verdict(
            ("nato",),
            "nato",
            {"nato": 1.5, "russia": 0.0},
            (evidence("carry.he-said", "nato", "carry", T3, "he said", 1.5),),
            carried_from=2,
        ),
        Verdict(
            ("russia", "ukraine"),
            "russia",
            {"nato": 0.0, "russia": 2.5, "ukraine": 1.0},
            (
                evidence("russia.peskov", "russia", "attribution", T4, "Peskov told", 2.0),
                evidence("russia.told", "russia", "attribution", T4, "told journalists", 0.5),
                evidence("ukraine.kyiv", "ukraine", "mention", T4, "Kyiv", 1.0),
            ),
        ),
        Verdict(
            ("russia",),
            "russia",
            {"russia": 1.0},
            (
                evidence("russia.x", "russia", "framing", HOSTILE, "[bold]x[/bold]", 1.0),
                Evidence("broken", "russia", "mention", 40, 4000, "out of range", 9.0),
            ),
        ),
    )
    return ClassifiedArticle(Article("brussels.txt", blocks[0].text, blocks), ACTORS, verdicts)


MESSAGES = {"carry.he-said": "An unnamed 'he said' takes the last named speaker."}


class ExplainApp(App[None]):
    """A tiny app that mounts only the pane, shows one block and records Closed messages."""

    def __init__(self, index: int, theme: str = "reader-dark") -> None:
        super().__init__()
        self.index = index
        self.wanted_theme = theme
        self.closed: list[ExplainPane] = []

    def compose(self) -> ComposeResult:
        yield ExplainPane(rule_messages=MESSAGES)

    def on_mount(self) -> None:
        for theme in bundled_themes()[0]:
            self.register_theme(theme)
        self.theme = self.wanted_theme
        pane = self.query_one(ExplainPane)
        pane.show(article(), self.index)
        pane.focus()

    def on_explain_pane_closed(self, message: ExplainPane.Closed) -> None:
        self.closed.append(message.pane)


def span_style(app: App[None], part: str) -> Style:
    """The style the block text gives to `part` (the evidence highlight)."""
    content = app.query_one("#explain-text", Static).visual
    assert isinstance(content, Content)
    offset = content.plain.index(part)
    style = content.get_style_at_offset(offset)
    assert all(content.get_style_at_offset(offset + i) == style for i in range(len(part)))
    return style


async def test_evidence_spans_are_coloured_underlined_and_tagged() -> None:
    app = ExplainApp(4)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        # Overlapping spans of one actor merge into one run followed by one tag.
        assert "Peskov told journalists[R] the drills were provocative, and Kyiv[U] agreed." in text
        russia = span_style(app, "Peskov told journalists")
        assert russia.background == Color.parse("#e0453a")
        assert russia.underline and russia.bold
        ukraine = span_style(app, "Kyiv")
        assert ukraine.background == Color.parse("#ffd500")
        assert span_style(app, " the drills").background is None


async def test_every_rule_that_fired_is_listed_with_actor_kind_match_and_weight() -> None:
    app = ExplainApp(4)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        lines = [line.strip("│ ") for line in screen_text(app).splitlines()]
        # Two lines a rule: weight, actor, kind and id; then the matched text.
        rows = {
            line.split()[-1]: f"{line} {lines[i + 1].strip()}"
            for i, line in enumerate(lines)
            if line.split() and line.split()[-1].startswith(("russia.", "ukraine."))
        }
        assert set(rows) == {"russia.peskov", "russia.told", "ukraine.kyiv"}
        assert "[R] Russia" in rows["russia.peskov"]
        assert "attribution" in rows["russia.peskov"]
        assert "'Peskov told'" in rows["russia.peskov"]
        assert "+2" in rows["russia.peskov"]
        assert "+0.5" in rows["russia.told"]
        assert "mention" in rows["ukraine.kyiv"] and "+1" in rows["ukraine.kyiv"]
        order = [
            line.split()[-1] for line in lines if line.split()[-1:] and line.split()[-1] in rows
        ]
        assert order == ["russia.peskov", "ukraine.kyiv", "russia.told"]  # heaviest first


def test_a_block_without_labels_names_the_rule_that_took_its_evidence() -> None:
    """ "Why is this block []?": an action or an exclusion that took the speech verb away is
    listed with its message (`Verdict.rules`), not "none fired"."""
    looks = actor_looks(ACTORS, actor_colours(bundled_themes()[0][0], ACTORS))
    messages = {"action.test.greeting": "a greeting is an act, no position"}
    vetoed = Verdict(rules=("action.test.greeting",))

    text = hang(rules_table(vetoed, looks, messages), 80).plain
    quiet = hang(rules_table(Verdict(), looks, messages), 80).plain

    assert "Rules that acted without evidence (1)" in text
    assert "action.test.greeting — a greeting is an act, no position" in text
    assert "none fired" not in text
    assert quiet == "Rules  none fired"


async def test_labels_primary_and_every_actors_score_are_shown() -> None:
    app = ExplainApp(4)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "Block 5 of 6 · paragraph · line 9" in text
        assert "Labels  [R] Russia (primary), [U] Ukraine" in text
        assert "[N] NATO 0  ·  [R] Russia 2.5  ·  [U] Ukraine 1" in text
        assert "Carry-over  none" in text


async def test_the_carry_over_chain_is_followed_back_with_the_rule_message() -> None:
    app = ExplainApp(3)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "he said[N]" in text
        assert "An unnamed 'he said' takes the last named speaker." in text
        assert "speaker carried from block 3 (line 5): '\"We stand together,\" he added.'" in text
        assert "which carried it from block 2 (line 3): 'Stoltenberg recalled" in text
        assert "[N] named by nato.speaker: 'Stoltenberg recalled'" in text
        assert text.index("block 3 (line 5)") < text.index("block 2 (line 3)")


def test_a_carry_loop_or_a_bad_index_ends_the_chain() -> None:
    classified = article()
    looped = list(classified.verdicts)
    looped[1] = Verdict(("nato",), "nato", carried_from=3)
    looped[4] = Verdict(carried_from=99)
    broken = ClassifiedArticle(classified.article, classified.actors, tuple(looped))

    assert carry_chain(classified, 3) == [2, 1]
    assert carry_chain(broken, 3) == [2, 1]
    assert carry_chain(broken, 4) == []


async def test_hostile_article_text_shows_literally_and_never_reaches_the_terminal() -> None:
    app = ExplainApp(5)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "\x1b" not in text and "\x07" not in text
        assert "Before ␛[2J [bold]x[/bold][R] [@click=app.quit] ␛]0;pwned␇ after." in text
        # Markup in the text stays text: the span is the literal brackets, not bold "x".
        assert span_style(app, "[bold]x[/bold]").underline
        # A click on the would-be action link does nothing: the app is still running.
        [(y, line)] = [(y, line) for y, line in enumerate(text.splitlines()) if "[@click" in line]
        await pilot.click(offset=(line.index("[@click") + 2, y))
        await pilot.pause()
        assert app.is_running
        # The evidence whose offsets lie outside the text is listed but not highlighted.
        assert "broken" in text


async def test_e_in_the_focused_pane_asks_the_app_to_close_it() -> None:
    app = ExplainApp(4)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("e")
        await pilot.pause()
        assert app.closed == [app.query_one(ExplainPane)]
        assert app.is_running


async def test_switching_theme_recolours_the_spans_and_mono_is_grey() -> None:
    app = ExplainApp(4)
    async with app.run_test(size=(100, 30)) as pilot:
        app.theme = "reader-mono"
        await pilot.pause()
        await pilot.pause()
        background = span_style(app, "Peskov told journalists").background
        assert background is not None
        assert background.r == background.g == background.b
        assert "journalists[R]" in screen_text(app)


def test_tags_stay_legible_under_no_color_in_every_theme() -> None:
    """NO_COLOR makes Textual grey every colour by luminance: a tag must keep its contrast."""
    config = yaml.safe_load(bundled("config.yaml").read_text(encoding="utf-8"))
    actors = [
        Actor(item["id"], item["label"], item["colour"], item["tag"]) for item in config["actors"]
    ]
    for theme in bundled_themes()[0]:
        looks = actor_looks(actors, actor_colours(theme, actors))
        for look in looks.values():
            for style in (look.tag_style, look.span_style):
                assert style.foreground is not None and style.background is not None
                front = style.foreground.monochrome.r
                back = style.background.monochrome.r
                assert abs(front - back) >= 100, (theme.name, look.id, front, back)


async def test_show_before_mount_fills_the_pane_once_it_is_mounted() -> None:
    app = ExplainApp(4)
    async with app.run_test(size=(100, 30)) as pilot:
        late = ExplainPane(id="late")
        late.show(article(), 1)
        await app.query_one(ExplainPane).remove()
        await app.mount(late)
        await pilot.pause()
        assert "Stoltenberg recalled[N] that the alliance" in screen_text(app)


async def test_an_index_outside_the_article_says_so() -> None:
    app = ExplainApp(42)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert "No block 43 in this article." in screen_text(app)


def _framing_rule(message: str) -> str:
    return (
        "framing:\n  - id: framing.test.zebra\n    actor: russia\n"
        f'    message: "{message}"\n    weight: 1.0\n    terms: [zebra crossing]\n'
    )


async def test_after_r_the_pane_shows_the_reloaded_rules_messages(tmp_path: Path) -> None:
    user = tmp_path / "config.yaml"
    user.write_text(_framing_rule("stripes before the edit"), encoding="utf-8")
    config = config_from_files([bundled("config.yaml"), user])
    text = "The zebra crossing by the station was repainted."
    blocks = (Block(0, "paragraph", text, 1),)
    app = ReaderApp([Article("zebra.txt", text, blocks)], config)
    async with app.run_test(size=(160, 40)) as pilot:
        await ready(pilot)
        await pilot.press("e")
        await pilot.pause()
        assert "stripes before the edit" in screen_text(app)
        user.write_text(_framing_rule("stripes after the edit"), encoding="utf-8")
        await pilot.press("r")
        await ready(pilot)
        shown = screen_text(app)
        assert "stripes after the edit" in shown
        assert "stripes before the edit" not in shown


def _snapshot(snap_compare: Callable[..., bool], app: App[None]) -> bool:
    return snap_compare(app, terminal_size=(100, 30))


def test_snapshot_explain_default_theme(snap_compare: Callable[..., bool]) -> None:
    assert _snapshot(snap_compare, ExplainApp(3))


def test_snapshot_explain_mono_theme(snap_compare: Callable[..., bool]) -> None:
    assert _snapshot(snap_compare, ExplainApp(4, theme="reader-mono"))
