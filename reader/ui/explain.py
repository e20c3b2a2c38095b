"""The explain pane: why the current block landed in the panels it did.

It shows the block with every evidence span highlighted in its actor's colour *and* followed by
the actor's tag (never colour alone: colour-blind readers, NO_COLOR and braille displays see the
tag), every rule that fired with its weight, the scores, the labels, and the chain of blocks the
speaker was carried over from.

Article text is untrusted: it reaches the screen only through `reader.safe_text.visible` and only
inside `Content` objects built span by span, never parsed as markup. The builders below are
plain functions of their inputs so tests can check them without a screen.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.color import Color, ColorParseError
from textual.containers import VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.reactive import var
from textual.style import Style
from textual.theme import Theme
from textual.widgets import Static

from reader.config import Config
from reader.model import Actor, Block, ClassifiedArticle, Evidence, Verdict
from reader.safe_text import visible
from reader.ui.css import widget_css
from reader.ui.keys import bindings
from reader.ui.themes import actor_colours

EXCERPT = 60
"""How many characters of an earlier block the carry-over chain quotes."""

MATCH_EXCERPT = 40
"""How many characters of matched text a rule row shows."""

_BOLD = Style(bold=True)
_DIM = Style(dim=True)


def rule_messages(config: Config) -> dict[str, str]:
    """Rule id -> message of `config`'s rules: what an explain pane says under a rule. Every
    screen with a pane (the reader, the actor lens) fills it from here, again after a reload."""
    return dict(config.rules.messages)


def _excerpt(text: str, limit: int) -> str:
    """`text` made safe, on one line, cut to `limit` characters with an ellipsis."""
    flat = " ".join(text.split())
    safe = visible(flat)
    return safe if len(safe) <= limit else safe[: limit - 1].rstrip() + "…"


def _colour(text: str | None) -> Color | None:
    if text is None:
        return None
    try:
        return Color.parse(text)
    except ColorParseError:
        return None


@dataclass(frozen=True, slots=True)
class ActorLook:
    """How one actor is marked: its tag (always shown) and its colour (a bonus when available)."""

    id: str
    label: str
    tag: str
    colour: Color | None

    @property
    def mark(self) -> str:
        """The tag as it appears after a span and in lists: "[N]"."""
        return f"[{visible(self.tag)}]"

    @property
    def span_style(self) -> Style:
        """Evidence span: the actor's colour behind the text, bold and underlined.

        Underline and bold keep the span visible where colour is gone (NO_COLOR, mono).
        """
        if self.colour is None:
            return Style(bold=True, underline=True, reverse=True)
        return Style(
            background=self.colour,
            foreground=self.colour.get_contrast_text(1.0),
            bold=True,
            underline=True,
        )

    @property
    def tag_style(self) -> Style:
        """The tag as a badge: the colour behind it, contrasting text in front.

        Not the colour as text: under NO_COLOR Textual turns a red into a dark grey, which
        as text on a dark background all but vanishes; as a background it keeps its text.
        """
        if self.colour is None:
            return Style(bold=True, reverse=True)
        return Style(
            background=self.colour, foreground=self.colour.get_contrast_text(1.0), bold=True
        )


def actor_looks(
    actors: Sequence[Actor], colours: Mapping[str, str], extra: Sequence[str] = ()
) -> dict[str, ActorLook]:
    """Actor id -> look, for the configured actors plus any id only evidence names."""
    looks = {
        actor.id: ActorLook(
            actor.id,
            visible(actor.label),
            actor.tag,
            _colour(colours.get(actor.id, actor.colour)),
        )
        for actor in actors
    }
    for actor_id in extra:
        if actor_id not in looks:
            looks[actor_id] = ActorLook(actor_id, visible(actor_id), actor_id, None)
    return looks


def _valid_evidence(evidence: Sequence[Evidence], length: int) -> list[Evidence]:
    """Spans that lie inside the text, in reading order (a bad offset must not crash the pane)."""
    good = [item for item in evidence if 0 <= item.start < item.end <= length]
    return sorted(good, key=lambda item: (item.start, -item.end))


def highlighted_text(block: Block, verdict: Verdict, looks: Mapping[str, ActorLook]) -> Content:
    """The block's text with each evidence span in its actor's look and its tag(s) after it.

    Overlapping spans merge into one run; where actors overlap, the block's primary actor's
    colour wins, and the run ends with every overlapping actor's tag ("[R][N]").
    """
    text = visible(block.text)
    spans = _valid_evidence(verdict.evidence, len(text))
    parts: list[str | tuple[str, Style]] = []
    position = 0
    index = 0
    while index < len(spans):
        start, end = spans[index].start, spans[index].end
        run = [spans[index]]
        index += 1
        while index < len(spans) and spans[index].start < end:
            end = max(end, spans[index].end)
            run.append(spans[index])
            index += 1
        parts.append(text[position:start])
        cuts = sorted({start, end, *(item.start for item in run), *(item.end for item in run)})
        for left, right in pairwise(cuts):
            covering = [item.actor for item in run if item.start <= left and right <= item.end]
            actor = verdict.primary if verdict.primary in covering else covering[0]
            parts.append((text[left:right], looks[actor].span_style))
        seen: list[str] = []
        for item in run:
            if item.actor not in seen:
                seen.append(item.actor)
        parts.extend((looks[actor].mark, looks[actor].tag_style) for actor in seen)
        position = end
    parts.append(text[position:])
    return Content.assemble(*parts)


def heading(classified: ClassifiedArticle, index: int) -> Content:
    """ "Block 7 of 42 · paragraph · line 18"."""
    block = classified.article.blocks[index]
    total = len(classified.article.blocks)
    return Content.assemble(
        (f"Block {index + 1} of {total}", _BOLD),
        (f" · {block.kind} · line {block.line}", _DIM),
    )


Row = tuple[Content, Content]
"""(lead, body): the body wraps beside the lead, so wrapped lines keep their indent."""

Part = str | tuple[str, Style]

FAMILIES: Mapping[str, str] = {
    "attribution": "its own speaker speaks",
    "reported": "another speaker reports its own stated position",
    "carry": "a speaker named earlier is carried over",
    "framing": "the narrator's framing words (a weak hint)",
    "mention": "it is only mentioned",
}
"""The rule family behind a label, by the kind of its heaviest evidence."""


def _row(lead: Part, *body: Part) -> Row:
    return Content.assemble(lead), Content.assemble(*body)


def hang(rows: Sequence[Row], width: int) -> Content:
    """The rows as one text `width` cells wide: each body wrapped beside its lead, its wrapped
    lines indented as far as the lead is long (so an indented row stays indented)."""
    lines: list[Content] = []
    for lead, body in rows:
        room = max(8, width - lead.cell_length)
        pad = Content(" " * lead.cell_length)
        for number, line in enumerate(body.wrap(room) if body.plain else [body]):
            lines.append((lead if number == 0 else pad) + line)
    return Content("\n").join(lines)


def verdict_summary(
    verdict: Verdict,
    actors: Sequence[Actor],
    looks: Mapping[str, ActorLook],
    messages: Mapping[str, str] | None = None,
) -> list[Row]:
    """Labels (primary first), the rule family that made each label, and every actor's
    score in config order."""
    labels: list[Part] = []
    if not verdict.labels:
        labels.append(("none: no actor's position", _DIM))
    for position, actor_id in enumerate(verdict.labels):
        look = looks[actor_id]
        if position:
            labels.append(", ")
        labels.extend([(look.mark, look.tag_style), f" {look.label}"])
        if actor_id == verdict.primary:
            labels.append((" (primary)", _BOLD))
    rows = [_row(("Labels  ", _BOLD), *labels)]
    rows += [
        _row(("Why     " if number == 0 else "        ", _BOLD), *why)
        for number, why in enumerate(_families(verdict, looks, messages or {}))
    ]
    ordered = [actor.id for actor in actors]
    ordered += [actor_id for actor_id in verdict.scores if actor_id not in ordered]
    scores: list[Part] = []
    for position, actor_id in enumerate(ordered):
        look = looks[actor_id]
        score = verdict.scores.get(actor_id, 0.0)
        if position:
            scores.append(("  ·  ", _DIM))
        style = _BOLD if actor_id == verdict.primary else Style()
        scores.extend([(look.mark, look.tag_style), (f" {look.label} {score:g}", style)])
    rows.append(_row(("Scores  ", _BOLD), *scores))
    return rows


def _families(
    verdict: Verdict, looks: Mapping[str, ActorLook], messages: Mapping[str, str]
) -> list[list[Part]]:
    """Per label: its tag, the family of its heaviest evidence, and that rule's message."""
    result: list[list[Part]] = []
    for actor_id in verdict.labels:
        own = [item for item in verdict.evidence if item.actor == actor_id]
        if not own:
            continue
        top = max(own, key=lambda item: item.weight)
        look = looks[actor_id]
        family = FAMILIES.get(top.kind, top.kind)
        parts: list[Part] = [(look.mark, look.tag_style), f" {top.kind}: {family}"]
        message = messages.get(top.rule)
        if message and message != top.rule:
            parts.append((f" — {_excerpt(message, 200)}", _DIM))
        parts.append((f" ({visible(top.rule)})", _DIM))
        result.append(parts)
    return result


def rules_table(
    verdict: Verdict, looks: Mapping[str, ActorLook], messages: Mapping[str, str]
) -> list[Row]:
    """Every rule that fired, heaviest first, in two rows each so a narrow pane does not wrap
    them into noise: weight, actor, kind and rule id; then the matched text and the rule's
    message, indented under the actor."""
    evidence = sorted(verdict.evidence, key=lambda item: -item.weight)
    if not evidence and not verdict.rules:
        return [_row(("Rules  ", _BOLD), ("none fired", _DIM))]
    rows = _evidence_rows(evidence, looks, messages) if evidence else []
    return rows + _acted_rows(verdict.rules, messages)


def _acted_rows(rules: Sequence[str], messages: Mapping[str, str]) -> list[Row]:
    """The config rules that acted without evidence (`Verdict.rules`: an exclusion or an
    action that took its span away, a formal step, the document's source), each with its
    message: why a block with no labels has none."""
    if not rules:
        return []
    rows = [_row("", (f"Rules that acted without evidence ({len(rules)})", _BOLD))]
    for rule in rules:
        parts: list[Part] = ["  ", (visible(rule), _BOLD)]
        message = messages.get(rule)
        if message and message != rule:
            parts.append((f" — {_excerpt(message, 200)}", _DIM))
        rows.append(_row(*parts))
    return rows


def _evidence_rows(
    evidence: Sequence[Evidence], looks: Mapping[str, ActorLook], messages: Mapping[str, str]
) -> list[Row]:
    """Two rows an evidence, heaviest first (see `rules_table`)."""
    weight_width = max(len(f"{item.weight:+g}") for item in evidence)
    rows = [_row("", (f"Rules that fired ({len(evidence)})", _BOLD))]
    under = " " * (2 + weight_width + 2)
    for item in evidence:
        look = looks[item.actor]
        rows.append(
            _row(
                ("  " + f"{item.weight:+g}".ljust(weight_width) + "  ", _BOLD),
                (look.mark, look.tag_style),
                f" {look.label}  {item.kind}  ",
                (visible(item.rule), _BOLD),
            )
        )
        body: list[Part] = [f"'{_excerpt(item.text, MATCH_EXCERPT)}'"]
        message = messages.get(item.rule)
        if message and message != item.rule:
            body.append((f" — {_excerpt(message, 200)}", _DIM))
        rows.append(_row(under, *body))
    return rows


def carry_chain(classified: ClassifiedArticle, index: int) -> list[int]:
    """The blocks the speaker was carried from, nearest first, stopping at a loop or a bad index."""
    chain: list[int] = []
    verdicts = classified.verdicts
    current = index
    while 0 <= current < len(verdicts):
        source = verdicts[current].carried_from
        if source is None or source in chain or source == index:
            break
        if not 0 <= source < len(classified.article.blocks):
            break
        chain.append(source)
        current = source
    return chain


def carry_summary(
    classified: ClassifiedArticle, index: int, looks: Mapping[str, ActorLook]
) -> list[Row]:
    """ "speaker carried from block 3: 'Stoltenberg recalled…'", then each earlier link."""
    chain = carry_chain(classified, index)
    if not chain:
        return [_row(("Carry-over  ", _BOLD), ("none: the speaker is named here", _DIM))]
    rows = [_row("", ("Carry-over", _BOLD))]
    for depth, source in enumerate(chain):
        block = classified.article.blocks[source]
        lead = "speaker carried from" if depth == 0 else "which carried it from"
        rows.append(
            _row(
                "  " + "  " * depth,
                f"{lead} block {source + 1} (line {block.line}): ",
                f"'{_excerpt(block.text, EXCERPT)}'",
            )
        )
        speakers = [
            item
            for item in _valid_evidence(classified.verdicts[source].evidence, len(block.text))
            if item.kind == "attribution"
        ]
        for item in speakers[:2]:
            look = looks[item.actor]
            rows.append(
                _row(
                    "    " + "  " * depth,
                    (look.mark, look.tag_style),
                    (
                        f" named by {visible(item.rule)}: '{_excerpt(item.text, MATCH_EXCERPT)}'",
                        _DIM,
                    ),
                )
            )
    return rows


def _verdict_at(classified: ClassifiedArticle, index: int) -> Verdict:
    verdicts = classified.verdicts
    return verdicts[index] if 0 <= index < len(verdicts) else Verdict()


class ExplainPane(VerticalScroll, can_focus=True):
    """A scrollable, focusable pane explaining one block; `show()` fills it.

    It takes focus (e or Tab from the panels) so the keyboard can scroll it: j/k a line,
    space/b a page. Escape or Tab while it has focus posts `ExplainPane.Left` (the app focuses
    the panels, the pane stays open); e posts `ExplainPane.Closed` (the app hides it).
    """

    DEFAULT_CSS = widget_css("explain")

    BINDINGS: ClassVar[list[BindingType]] = bindings("explain")

    rule_messages: var[Mapping[str, str]] = var(dict)
    """Rule id -> the rule's human message, shown under each rule that fired. The owner sets
    it from the config in force (again after a reload); the pane re-explains what it shows."""

    class Closed(Message):
        """The user asked to close the pane (e while it had focus)."""

        def __init__(self, pane: ExplainPane) -> None:
            super().__init__()
            self.pane = pane

        @property
        def control(self) -> ExplainPane:
            return self.pane

    class Left(Message):
        """The user left the pane for the panels (Escape or Tab while it had focus); it stays
        open."""

    def __init__(
        self,
        *,
        rule_messages: Mapping[str, str] | None = None,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._shown: tuple[ClassifiedArticle, int] | None = None
        self.set_reactive(ExplainPane.rule_messages, dict(rule_messages or {}))
        self.border_title = "Explain"

    def compose(self) -> ComposeResult:
        yield Static("", id="explain-heading", markup=False)
        yield Static(
            Content("Press e on a block to see why it is where it is."),
            id="explain-text",
            markup=False,
        )
        yield Static("", id="explain-verdict", markup=False)
        yield Static("", id="explain-rules", markup=False)
        yield Static("", id="explain-carry", markup=False)

    def on_mount(self) -> None:
        self.app.theme_changed_signal.subscribe(self, self._theme_changed)
        if self._shown is not None:  # show() came before the pane was mounted
            self._fill(*self._shown, self.app.current_theme)

    def watch_rule_messages(self) -> None:
        if self._shown is not None and self.is_mounted:
            self._fill(*self._shown, self.app.current_theme)

    def _theme_changed(self, theme: Theme) -> None:
        if self._shown is not None:
            self._fill(*self._shown, theme)

    @property
    def shown(self) -> tuple[ClassifiedArticle, int] | None:
        """The article and block index on display, if any."""
        return self._shown

    def show(self, classified: ClassifiedArticle, index: int) -> None:
        """Explain block `index` of `classified` and scroll back to the top."""
        self._shown = (classified, index)
        if self.is_mounted:
            self._fill(classified, index, self.app.current_theme)
            self.scroll_home(animate=False)

    def _fill(self, classified: ClassifiedArticle, index: int, theme: Theme) -> None:
        blocks = classified.article.blocks
        heading_widget = self.query_one("#explain-heading", Static)
        text_widget = self.query_one("#explain-text", Static)
        sections = [
            self.query_one(f"#explain-{name}", Static) for name in ("verdict", "rules", "carry")
        ]
        if not 0 <= index < len(blocks):
            heading_widget.update(Content(f"No block {index + 1} in this article."))
            for widget in (text_widget, *sections):
                widget.update(Content(""))
            return
        verdict = _verdict_at(classified, index)
        extra = [item.actor for item in verdict.evidence] + list(verdict.labels)
        extra += list(verdict.scores)
        for source in carry_chain(classified, index):
            extra += [item.actor for item in classified.verdicts[source].evidence]
        looks = actor_looks(classified.actors, actor_colours(theme, classified.actors), extra)
        heading_widget.update(heading(classified, index))
        text_widget.update(highlighted_text(blocks[index], verdict, looks))
        width = self._text_width()
        messages = self.rule_messages
        sections[0].update(
            hang(verdict_summary(verdict, classified.actors, looks, messages), width)
        )
        sections[1].update(hang(rules_table(verdict, looks, messages), width))
        sections[2].update(hang(carry_summary(classified, index, looks), width))

    def _text_width(self) -> int:
        """Cells a line of the pane holds (the scrollbar's gutter is kept: see explain.tcss)."""
        width = self.scrollable_content_region.width
        return width if width > 0 else 60

    def on_resize(self) -> None:
        """Re-wrap the sections for the new width (their indents are computed, not CSS)."""
        if self._shown is not None and self.is_mounted:
            self._fill(*self._shown, self.app.current_theme)

    def action_close(self) -> None:
        self.post_message(self.Closed(self))

    def action_leave(self) -> None:
        self.post_message(self.Left())
