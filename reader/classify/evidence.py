"""Evidence: what a rule found in a block, with the text it points at shared."""

from __future__ import annotations

from collections.abc import Iterable

from reader.classify.types import BlockWork
from reader.model import Evidence
from reader.rules.compile import TermRule
from reader.rules.grammar import REPORTED_RULES, GrammarRule


def add_evidence(
    work: BlockWork,
    rule: GrammarRule | TermRule,
    actors: Iterable[str],
    start: int,
    end: int,
    weight: float,
) -> None:
    """Evidence that `rule` found `actors` in `work[start:end]`: a grammar rule's declaration
    (reader.rules.grammar) or a framing rule of the config, so every id explains itself.

    The matched text is shared with every earlier evidence of the same text: the same names,
    terms and attributions ("Russia", "the Kremlin", "Peskov said") recur through an article,
    and a verdict outlives the classification. `STRINGS_KEPT` bounds the table."""
    origin = work.origin  # the article's own marks and case (`BlockWork.written`)
    if origin is None:
        text = (work.written or work.text)[start:end]
    else:  # a "--" read as a dash: the span moves back in the verdict (`Verdicts`)
        text = work.written[origin[start] : origin[end]]
    strings = work.strings
    if len(strings) < STRINGS_KEPT:
        text = strings.setdefault(text, text)
    else:
        text = strings.get(text, text)
    rule_id = rule.id
    kind = rule.kind if isinstance(rule, GrammarRule) else "framing"
    append = work.evidence.append
    for actor in actors:
        append(Evidence(rule_id, actor, kind, start, end, text, weight))


def drop_positions(work: BlockWork) -> None:
    """Take back every label the block's evidence makes, keeping its framing and mentions: a
    title that only names its document, or a journalist's question, voices no one's position
    (not even what it reports of others), yet the terms in it are still shown as terms."""
    work.evidence = [ev for ev in work.evidence if ev.kind in _NO_POSITION]


# Evidence that makes no label.
_NO_POSITION = frozenset(["framing", "mention"])


def voiced(ev: Evidence) -> bool:
    """Whether the evidence gives its side a voice of its own in the block (an attribution or
    a carried voice), not a report of that side's words in another's mouth: the speaker ranks
    first, and a block with one needs no speaker found otherwise."""
    return ev.kind in _VOICES and ev.rule not in REPORTED_RULES


_VOICES = frozenset(["attribution", "carry"])


def note_rule(work: BlockWork, rule_id: str) -> None:
    """A config rule that acted on the block without adding evidence (an exclusion, an action,
    a formal step, a document's source): on record in the verdict's `rules`, once each, so
    `reader rules coverage` and `explain` can name it."""
    if rule_id not in work.rules:
        work.rules = (*work.rules, rule_id)


STRINGS_KEPT = 1 << 16
