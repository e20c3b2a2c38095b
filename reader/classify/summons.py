"""A summons told in the passive: the summoning side's formal step (GUIDE.md).

Why a step of its own: "Vilnius summoned the Russian envoy" names its agent and the speech-verb
grammar reads it (`summon` is a stance verb), but the usual wording leaves the agent out: "the
Russian chargé d'affaires was summoned to the Latvian Ministry of Foreign Affairs and
presented with a note of protest", "Britain's ambassador was summoned to Russia's foreign
ministry", a headline's "Russian diplomat presented with protest note". The envoy is the one
summoned, never the speaker; the step belongs to the side whose ministry the sentence names,
else to the host the envoy is posted to ("ambassador to Russia", "embassy in Riga"), else to
the outlet's or the dateline's side (`State.house`), and only when that side is not the envoy's.
"""

from __future__ import annotations

import re

from reader.classify.evidence import add_evidence
from reader.classify.types import BlockWork, State
from reader.classify.units import in_spans
from reader.rules.compile import CompiledRules
from reader.rules.grammar import STEP_SUMMONS
from reader.rules.prefilter import holds_all, literal_groups

# The summons or the protest note in the passive ("was summoned", "has been issued a protest
# note", "presented with an official note of protest"); a headline drops the auxiliary.
_AUX = r"(?:was|were|is|are|be|been|being)\s+(?:\w+ly\s+)?"
_SUMMONED = r"(?:summoned|convoked|called\s+in)\b"
_NOTE = (
    r"(?:presented\s+with|handed|issued|given|served\s+with)\s+(?:\S+\s+){0,3}?"
    r"(?:note\s+of\s+protest|protest\s+note|diplomatic\s+note|demarche|démarche)\b"
)
_PASSIVE = re.compile(rf"\b{_AUX}(?:{_SUMMONED}|{_NOTE})")
_HEADLINE = re.compile(rf"\b(?:{_AUX})?(?:{_SUMMONED}|{_NOTE})")
# The words each holds ("summoned", "protest" ...): a block with none is not searched (the
# patterns open with a word boundary, no literal for the engine to skip ahead to).
_NEEDS = {
    pattern: literal_groups(pattern.pattern, pattern.flags) for pattern in (_PASSIVE, _HEADLINE)
}

# The envoy: the one summoned (its side is never the step's).
_ENVOY = re.compile(
    r"\b(?:ambassadors?|envoys?|charg[eé]s?\s+d'affaires|charg[eé]s?|diplomats?|consuls?"
    r"(?:\s+general)?|attach[eé]s?|embass(?:y|ies)|representatives?)\b"
)
_HOST = re.compile(r"\s+(?:to|in)\s+(?:the\s+)?$")
_OWNER = re.compile(r"\s+of\s+(?:the\s+)?$")
_MINISTRY = re.compile(r"\b(?:(?:foreign|defence|defense)\s+)?(?:ministry|foreign\s+office|mfa)\b")
_MINISTRY_OF = re.compile(r"\s*(?:of\s+foreign\s+affairs\s+)?of\s+(?:the\s+)?$")


def summoned_envoy(work: BlockWork, rules: CompiledRules, state: State) -> None:
    """Each sentence outside quotes and questions that tells another side's envoy was summoned
    or handed a protest note gives the summoning side the step (module docstring)."""
    pattern = _HEADLINE if work.index == 0 else _PASSIVE
    if not holds_all(work.folded, _NEEDS[pattern]) or pattern.search(work.folded) is None:
        return  # most blocks: one test instead of one search a sentence
    for start, end in work.sentences:
        if work.text[start:end].rstrip().endswith("?"):
            continue  # "Can you confirm that the ambassador has been summoned?": a question
        step = pattern.search(work.folded, start, end)
        if step is None or (work.quotes and in_spans(step.start(), work.quotes)):
            continue
        envoy, host = _envoy_sides(work, start, step.start())
        if not envoy:
            continue
        side = _ministry_side(work, start, end, envoy) or host or state.house
        if side and not set(side) & set(envoy):
            weight = rules.weights.attribution
            add_evidence(work, STEP_SUMMONS, side, step.start(), step.end(), weight)


def _envoy_sides(work: BlockWork, start: int, end: int) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The side of the first envoy named in work[start:end] ("Russia's chargé", "the Russian
    embassy", "the ambassador of the Russian Federation") and of the host it is posted to
    ("ambassador to Russia", "embassy in Riga"); () where none is named."""
    for match in _ENVOY.finditer(work.folded, start, end):
        envoy: tuple[str, ...] = ()
        host: tuple[str, ...] = ()
        for t_start, t_end, term in work.terms:
            if not term.actors or t_start < start:
                continue
            if t_end <= match.start() and not work.folded[t_end : match.start()].strip(" '’s"):
                envoy = term.actors  # "Russia's ambassador", "the Russian embassy"
            elif t_start >= match.end() and t_start - match.end() < 12:
                gap = work.folded[match.end() : t_start]
                if _OWNER.fullmatch(gap):
                    envoy = envoy or term.actors  # "the ambassador of the Russian Federation"
                elif _HOST.fullmatch(gap):
                    host = term.actors  # "ambassador to Russia", "the embassy in Riga"
        if envoy:
            return envoy, host
    return (), ()


def _ministry_side(
    work: BlockWork, start: int, end: int, envoy: tuple[str, ...]
) -> tuple[str, ...]:
    """The side of a ministry the sentence names, other than the envoy's: "the Latvian Ministry
    of Foreign Affairs", "Russia's foreign ministry", "the Ministry of Foreign Affairs of
    Latvia"."""
    for match in _MINISTRY.finditer(work.folded, start, end):
        for t_start, t_end, term in work.terms:
            if not term.actors or set(term.actors) & set(envoy) or t_start < start:
                continue
            before = work.folded[t_end : match.start()]
            after = work.folded[match.end() : t_start]
            if (t_end <= match.start() and not before.strip(" '’s")) or (
                t_start >= match.end() and _MINISTRY_OF.fullmatch(after)
            ):
                return term.actors
    return ()
