"""A joint subject's stance: "Both leaders underlined ...", "The parties noted ...".

In an official readout the line speaks for the document's author and the counterpart the
readout names (`readout_sides` finds that counterpart in the title or the first lines, where
no source rule gave joint subjects); in a story, for the sides of the call or meeting it
named last, the first named first (`joint_voice`). Separate from reader.classify.sources,
which decides the document's author and voice, and above it: the counterpart is read in the
title rules' grammar and the openings reader.classify.sources reads.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from reader.classify.evidence import add_evidence
from reader.classify.sources import group_actor, group_actors, openings
from reader.classify.types import BlockWork, DocumentSource, State
from reader.classify.units import in_spans
from reader.rules.compile import CompiledRules
from reader.rules.grammar import CARRY_DOCUMENT, REPORTED_RULES


def readout_sides(work: BlockWork, state: State, rules: CompiledRules) -> None:
    """An official document whose title or first lines name a readout's counterpart (an
    `official` joint rule: "Telephone conversation with <X>", "<claim> - <A> during a
    conversation with <X>", "<A> had a telephone conversation with <X>", "<A> and <X>
    discussed ..."), where no source rule gave joint subjects: "Both presidents reaffirmed
    ...", "The parties noted ..." speak for the document's author and that counterpart
    (`joint_voice`). The sides are kept as named; which is the author, the document says."""
    source = state.source
    if state.readout is not None or (source is not None and (source.joint or source.remarks)):
        return
    for rule, match in openings(work, rules, official=True):
        # one side, or the several of a conference call ("with <A>, <B> and <C>")
        counterpart = group_actor(work, match, "counterpart") or group_actors(
            work, match, "counterpart"
        )
        speaker = group_actor(work, match, "speaker") or group_actors(work, match, "speaker")
        if counterpart and counterpart != speaker:
            state.readout = DocumentSource(
                rule.id, False, counterpart, joint=rule.joint, author=speaker
            )
            return


def joint_voice(work: BlockWork, state: State, rules: CompiledRules) -> None:
    """'Both leaders underlined ...' in a readout: the author's and the counterpart's
    position, the author first (the document's own voice gives the author; in an official
    readout the counterpart is the side the readout names that is not the author, and a line
    before the author is known waits for it: "Both presidents reaffirmed ..." under a title
    that names only the counterpart, "Vladimir Putin emphasised ..." after it). In a story,
    the sides of the call or meeting it named last (`story_parties`), the first named first;
    "they" too in the block that named them and the next."""
    if not state.official:
        _parties_voice(work, state, rules)
        return
    source = state.source
    if source is None or not source.joint:
        source = state.readout
    if source is None or not source.joint or not source.counterpart:
        return
    author = state.document or source.author
    counterpart = source.counterpart
    if source is state.readout:
        named = (*source.author, *source.counterpart)
        counterpart = tuple(dict.fromkeys(actor for actor in named if actor not in author))
        if not author:
            if _joint_verb(work, source.joint) or _impersonal_stance(work, state):
                state.joint_waiting.append(work)
            return
        for waiting in state.joint_waiting:
            _joint_line(waiting, author, counterpart, rules)
        state.joint_waiting.clear()
    if counterpart and (_joint_verb(work, source.joint) or _impersonal_stance(work, state)):
        _joint_line(work, author, counterpart, rules)


def _parties_voice(work: BlockWork, state: State, rules: CompiledRules) -> None:
    """A story's joint subject with a stance ("The two leaders stressed ...", "Both sides
    agreed that ...", "They agreed that ..." right after the meeting or a line of theirs):
    the position of the sides of the story's last call or meeting, the first named first."""
    parties = state.parties
    if parties is None:
        return
    joint = parties.joint
    if work.index - parties.block <= 1:
        joint = (*joint, *_pronouns(joint))
    if _joint_verb(work, joint, unquoted=True):
        _joint_line(work, parties.sides[:1], parties.sides[1:], rules)
        state.parties = replace(parties, block=work.index)  # "They agreed ..." goes on


def _pronouns(joint: tuple[str, ...]) -> tuple[str, ...]:
    """The pronouns that stand for the parties in the block after a line of theirs: "they",
    and "it" when the parties' subjects name a joint text ("the statement said ... It added
    ..."), missing from `joint`."""
    found = ["they"]
    if any(subject.endswith(_TEXT_NOUNS) for subject in joint):
        found.append("it")
    return tuple(pronoun for pronoun in found if pronoun not in joint)


# The nouns of a joint text the parties made ("the statement", "the joint declaration").
_TEXT_NOUNS = ("statement", "declaration", "communiqué")


def _impersonal_stance(work: BlockWork, state: State) -> bool:
    """An official readout's stance told with no one as its subject ("Concern was expressed
    over ...", "It was agreed to ...", "There was an emphasis on ..."): the readout's way to
    give what the parties to the call said together, so the author's and the counterpart's,
    in a block that names no person or office (after "Putin noted ...", "It was also
    stressed that ..." goes on with him: the author's alone). A story's reporter gives none."""
    if not state.official or _IMPERSONAL.search(work.folded) is None:
        return False
    if any(term.kind in ("speaker", "role") for _, _, term in work.terms):
        return False  # "The President of Russia briefed ... Hope was expressed that ...": his
    if _HE_OR_SHE.search(work.folded):
        return False
    return not any(ev.kind in _SPEECH and ev.rule != CARRY_DOCUMENT.id for ev in work.evidence)


_HE_OR_SHE = re.compile(r"\b(?:he|she)\b")


# A stance told in the impersonal passive at a sentence's start (past a short opening phrase:
# "In particular, ..."): "it was agreed/stressed/noted that (or to)", "there was an emphasis
# (a consensus, an understanding) on", or a stance noun phrase with no relative pronoun before
# "was expressed/voiced/noted/reaffirmed/underlined" and no "by" naming who ("Dissatisfaction
# was expressed with ...", "Support for X was reaffirmed"). A topic ("were discussed") is none.
_IMPERSONAL = re.compile(
    r"(?:^|[.;:!?]\s+)(?:(?:[\w'-]+\s+){0,3}?[\w'-]+,\s+)?(?:"
    r"it\s+was\s+(?:(?:also|further|again|jointly|firmly)\s+)*(?:agreed|emphasi[sz]ed|stressed|"
    r"underlined|underscored|noted|pointed\s+out|reaffirmed|reiterated|confirmed|highlighted|"
    r"recogni[sz]ed|acknowledged)\s+(?:that|to)\b"
    r"|there\s+(?:was|were)\s+(?:also\s+)?(?:an?\s+)?(?:(?:special|particular|strong|shared|"
    r"common|mutual|broad|full)\s+)?(?:emphasis|stress|consensus|agreement|understanding)\s+"
    r"(?:on|that|about|over|regarding)\b"
    r"|(?:(?!\b(?:which|that|who|whom|whose|by)\b)[^.;:,\"“”]){1,160}?\s+(?:was|were)\s+"
    r"(?:(?:also|again|jointly|firmly)\s+)*(?:expressed|voiced|noted|reaffirmed|reiterated|"
    r"underlined|underscored|emphasi[sz]ed|stressed|highlighted)\b(?!\s+by\b))"
)


def _joint_verb(work: BlockWork, subjects: tuple[str, ...], unquoted: bool = False) -> bool:
    """A joint subject ("both leaders", "the parties") before a verb of the lexicon that is
    no topic verb ("the leaders discussed ..." reports a topic, not a shared position); with
    `unquoted`, one the story tells, not one inside a speaker's quote ('"... And they pledged
    ...," Rutte said': his allies)."""
    verbs = {start: (end, verb) for start, end, verb in work.verbs}
    for match in _joint_pattern(subjects).finditer(work.folded):
        if unquoted and in_spans(match.start("subject"), work.quotes):
            continue
        found = verbs.get(match.end())
        if found is None:
            if _DISCUSSED_VALUE.match(work.folded, match.end()):
                return True  # no lexicon verb ("discussed" is an act), but a value named
            continue
        end, verb = found
        if verb.lemma.split(" ", 1)[0] not in _TOPIC_VERBS or _IN_FAVOUR.match(work.folded, end):
            return True
    return False


# A topic verb that takes a side: "the leaders spoke in favour of ...", "they discussed the
# importance of (the need for) keeping up the sanctions": the topic is a value they assert.
_IN_FAVOUR = re.compile(
    r"\s+(?:(?:out\s+)?in\s+favou?r\s+of|the\s+(?:importance|need|necessity)\s+(?:of|for|to))\b"
)
# "discussed" (an act, no lexicon verb) before such a value: "The leaders discussed the need
# for more air defence".
_DISCUSSED_VALUE = re.compile(r"discuss(?:ed|es)?" + _IN_FAVOUR.pattern)


def _joint_line(
    work: BlockWork, author: tuple[str, ...], counterpart: tuple[str, ...], rules: CompiledRules
) -> None:
    """The counterpart's position and the author's, the author first."""
    weights = rules.weights
    end = len(work.text)
    pair = {*author, *counterpart}
    if any(
        ev.kind in _SPEECH and ev.actor not in pair and ev.rule not in REPORTED_RULES
        for ev in work.evidence
    ):
        return  # "X and Y, the US president, talked and both stressed": a pair of its own
    own = sum(ev.weight for ev in work.evidence if ev.kind in _SPEECH and ev.actor in author)
    theirs = sum(
        ev.weight for ev in work.evidence if ev.kind in _SPEECH and ev.actor in counterpart
    )
    if own and theirs >= own:
        return  # "Both sides said ...": the subject already speaks for both, in the story's order
    if not counterpart:  # a meeting with an outsider: the one side's alone
        if not own:
            add_evidence(work, CARRY_DOCUMENT, author, 0, end, weights.attribution)
        return
    # the counterpart's own position, said by both: as much as an attribution when the
    # author's words already outweigh it in the block, else reported after the author
    weight = weights.attribution if own > weights.attribution else weights.reported
    add_evidence(work, CARRY_DOCUMENT, counterpart, 0, end, weight)
    if not own:
        # "They agreed ..." read as the last speaker: the author's account comes first
        weight = weights.attribution + weights.reported
        add_evidence(work, CARRY_DOCUMENT, author, 0, end, weight)


# Evidence that someone speaks in a block (a mention or framing does not).
_SPEECH = frozenset(["attribution", "carry"])


# "The leaders spoke about / talked about / discussed X": a topic, no shared position.
_TOPIC_VERBS = frozenset(["speak", "talk", "discuss"])


@lru_cache(maxsize=16)
def _joint_pattern(subjects: tuple[str, ...]) -> re.Pattern[str]:
    """A joint subject at a sentence's or a clause's start (after a short opening phrase too:
    "On grain, the leaders agreed"; after a comma alone, a clause run on: "the two discussed
    grain, both stressed ..."; after the close of a quote it attributes: '"...," the statement
    said'), then "also"/"both" or an adverb of manner ("strongly", "firmly", "once again")
    before the verb, or the quote mark that opens the words it gives them ('both
    “highlighted the role of ...”')."""
    names = "|".join(re.escape(s) for s in sorted(subjects, key=len, reverse=True))
    return re.compile(
        rf"(?:^|[.;:]\s+|,\s+(?:and\s+)?|\band\s+|[,.!?][\"”]\s+)"
        rf"(?:[\w'-]+(?:\s+[\w'-]+){{0,4}},\s+)?"
        rf"(?P<subject>{names})\s+(?:(?:also|both|all|have|had|once\s+again|\w+ly)\s+)*[\"“]?"
    )
