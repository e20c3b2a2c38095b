"""Quotes across blocks (step 4): a quote with no attribution is the last speaker's, a
quote that runs on over paragraphs is the speaker's named where it closes, and a bare quote
may be named by the paragraph after it.
"""

from __future__ import annotations

import re

from reader.classify.evidence import add_evidence
from reader.classify.types import (
    BlockWork,
)
from reader.classify.units import CLOSERS, ends_open, opens_quote, topic_heading
from reader.classify.wordclasses import TIME_PHRASE, WEEKDAYS
from reader.rules.compile import CompiledRules
from reader.rules.grammar import (
    CARRY_AUTHOR,
    CARRY_DOCUMENT,
    CARRY_FORWARD,
    CARRY_QUOTE,
    CARRY_QUOTE_CONTINUED,
    CARRY_STATEMENT,
)


def mostly_quoted(work: BlockWork) -> bool:
    quoted = sum(e - s for s, e in work.quotes)
    return bool(work.quotes) and (quoted * 2 >= len(work.text) or work.quotes[0][0] == 0)


def _delivers_quote(held: BlockWork, nxt: BlockWork) -> bool:
    """The paragraph after an introducing line with no label of its own opens a quote in the
    document's own voice: the text the line introduces."""
    return (
        opens_quote(nxt.text)
        and any(ev.rule == CARRY_DOCUMENT.id for ev in nxt.evidence)
        and not any(ev.kind in ("attribution", "carry") for ev in held.evidence)
    )


def still_open(work: BlockWork) -> bool:
    """The block ends inside a quote it opened: the quote runs on into the next paragraph,
    which opens with a quote mark again (or closes it with no opening mark)."""
    return ends_open(work.text, work.quotes)


def continues_quote(work: BlockWork) -> bool:
    """The block opens with a quote mark, or inside the quote of the block before, which it
    closes with no opening mark ('... a commitment," he said': `units.quoted_spans`): it may
    go on with the quote of the block before."""
    quotes = work.quotes
    return opens_quote(work.text.lstrip()) or (
        bool(quotes) and quotes[0][0] == 0 and work.text[quotes[0][1] - 1] in CLOSERS
    )


def close_quote(works: list[BlockWork], rules: CompiledRules) -> None:
    """A quote over several paragraphs: the speaker named where it closes ("..., Peskov said")
    speaks in the paragraphs before too. Their carry-over from an earlier speaker is replaced;
    a speaker who is none of the actors leaves them unlabelled."""
    last = works[-1]
    speaker: tuple[str, ...] | None = None
    for _, who in last.main:
        if who.kind in ("actor", "unknown"):
            speaker = who.actors
            break
    if speaker is None:
        return  # no one named where it closes: each paragraph keeps its own carry-over
    for work in works[:-1]:
        if work.main:
            continue
        work.evidence = [ev for ev in work.evidence if ev.kind != "carry"]
        work.carried_from = None
        if speaker:
            add_evidence(
                work,
                CARRY_QUOTE_CONTINUED,
                speaker,
                0,
                len(work.text),
                rules.weights.carry,
            )
            work.carried_from = last.index


def unmarked(work: BlockWork) -> bool:
    """A paragraph with no quote mark and no speaker of its own: after a paragraph that leaves
    a quote open, it may be the quote going on, set without the opening mark a continued
    paragraph takes (`closes_only` says whether it is)."""
    return not work.main and _MARK.search(work.text) is None


def closes_only(work: BlockWork) -> bool:
    """A paragraph whose one quote mark closes it at its end ('... not allowing them to do
    so."'): it ends a quote opened paragraphs before, and the paragraphs between with no
    mark at all are that quote too (some outlets open no continued paragraph with a mark)."""
    text = work.text.rstrip()
    marks = _MARK.findall(text)
    return len(marks) == 1 and text[-1:] in CLOSERS and text[-2:-1] in _BEFORE_CLOSE


_MARK = re.compile('[“”«»"]')
# What a closing mark ends a quote after: a sentence's stop.
_BEFORE_CLOSE = frozenset(".!?…")


def quote_between(opened: list[BlockWork], between: list[BlockWork], rules: CompiledRules) -> None:
    """The unmarked paragraphs between an open quote and the one that closes it (`between`,
    closer last) carry the open quote's speaker, as its marked paragraphs do; a paragraph of
    them with a speaker's carry of its own keeps it."""
    actors = next(
        (
            tuple(dict.fromkeys(ev.actor for ev in work.evidence if ev.kind == "carry"))
            for work in opened
            if any(ev.kind == "carry" for ev in work.evidence)
        ),
        (),
    )
    if not actors:
        return
    for work in between:
        if work.main or any(ev.kind == "carry" for ev in work.evidence):
            continue
        add_evidence(work, CARRY_QUOTE, actors, 0, len(work.text), rules.weights.carry)
        work.carried_from = opened[0].index


def bare_quote(work: BlockWork) -> bool:
    """A paragraph that is one quote and nothing else, with no speaker of its own: its speaker
    may be named at the start of the next paragraph ("That was how X summed up ...")."""
    if work.main or not work.quotes:  # most blocks: decided before the text is copied
        return False
    text = work.text.strip()
    if len(text) < 2:
        return False
    if not opens_quote(text) or text.rstrip(".")[-1] not in CLOSERS:
        return False
    return sum(e - s for s, e in work.quotes) * 10 >= len(text) * 9


# The next paragraph points back at the quote: "That was how X described ...", "The warning
# came from X", "These were the words of X", "X made the remarks at a briefing".
_BACK_REFERENCE = re.compile(
    r"\W*(?:[^.;:]{1,60}?\bmade\s+(?:the|these|those|his|her|their)\s+(?:remarks|comments?|statement)\b"
    r"|(?:that|this|these|those|such)\s+(?:was|were|is|are)\s+(?:how|what|the\s+words?\s+of)"
    r"|so\s+said|the\s+(?:warning|remarks?|comments?|words|statement|message|appeal|call|threat|"
    r"assessment|verdict)\s+(?:came\s+from|was\s+made\s+by|were\s+made\s+by|were\s+those\s+of))\b"
)


# What may follow the verb in a sentence that is only an attribution: "X said in a
# statement.", "X wrote on Telegram on Sunday.", "X told reporters."
_ATTRIBUTION_TAIL = re.compile(
    r"(?:\s+(?:in|on|at|during|to|later|earlier|told|reporters|journalists|a|an|the|his|her|"
    r"its|their|statement|video|address|briefing|interview|telegram|x|conference|news|press|"
    r"post|message|social|media|" + "|".join(sorted(WEEKDAYS)) + r"))*"
    r"\s*[.]\s*$"
)


def unattributed(work: BlockWork) -> bool:
    """A paragraph that names no speaker of its own: the next one may say whose it is ("X
    said this on Facebook", "This was stated by X")."""
    return (
        not work.main
        and len(work.text) > _SHORTEST_CLAIM
        # a transcript's line keeps its speaker; an author's first-person line may still be
        # someone else's the next paragraph names ("- said X")
        and not any(ev.kind == "carry" and ev.rule != CARRY_AUTHOR.id for ev in work.evidence)
    )


_SHORTEST_CLAIM = 40


# The occasion words were said at, between a passive speech verb and "by X": "at a briefing",
# "during a press conference in Riga", past the day too ("at his briefing on Monday").
_OCCASION = (
    r"(?:at|during)\s+(?:a|an|the|his|her|their|its)\s+(?:[\w-]+\s+){0,3}?(?:briefing|"
    r"conference|meeting|session|forum|summit|event|interview|broadcast|hearing|debate)"
    r"(?:\s+(?:in|at)\s+[\w-]+)?"
    rf"(?:,?\s+{TIME_PHRASE})?"
)

# Whom the words were said to or for, between a passive speech verb and "by X": the press or
# an outlet ("to journalists", "to <agency>", "for <broadcaster>", "in a comment to <paper>",
# "in an interview with <channel>", one or two words), and where ("to journalists in Kyiv").
_OUTLET = r"(?:the\s+)?[\w.-]+(?:\s+(?!by\b)[\w.-]+)?"
_TOLD = (
    rf"(?:(?:to|for)\s+(?!the\s+first\b){_OUTLET}"
    r"|in\s+(?:a|an)\s+(?:[\w-]+\s+)?(?:comment|interview|conversation)\s+(?:to|with|for)\s+"
    rf"{_OUTLET})(?:\s+in\s+[\w.-]+)?"
)

# A sentence that names the speaker of what comes before it, in the passive: "This was stated
# by Foreign Minister X", "These words were written by X on Telegram", "This is stated in the
# official statement of the Ministry" (Ukrainian outlets' way), past the day it was said and
# the occasion (`_OCCASION`).
_WAS = r"\s+(?:is|was|were|has\s+been|had\s+been)\s+"
_SAID = r"stated|said|announced|reported|noted|emphasi[sz]ed|declared|written|posted|voiced"
STATED_BY = re.compile(
    r"(?:^|(?<=[.!?\"”] ))\W*"
    rf"(?:(?:this|that|it|these\s+words){_WAS}(?:{_SAID})"
    # "made" only of a statement: "It was made for Kyiv by <a state>" names a thing's maker;
    # "a corresponding statement (was) published by X" points back as "such a statement" does
    # (translated copy drops the "was": "A corresponding statement published by the ministry.")
    rf"|(?:such\s+a|the\s+relevant)\s+statement{_WAS}(?:{_SAID}|made)"
    rf"|(?:a|the)\s+corresponding\s+statement(?:{_WAS}|\s+)(?:{_SAID}|made|published|issued))"
    rf"(?:,?\s+{TIME_PHRASE},?)?\s+"  # "was announced on Thursday, July 27, by X"
    rf"(?:{_TOLD},?\s+(?:{TIME_PHRASE},?\s+)?)?"  # "was announced to journalists (on ...) by X"
    rf"(?:{_OCCASION},?\s+)?"  # "This was stated at a briefing (in Riga) on Monday by X"
    r"(?:in\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:comment|statement|interview|article|post|"
    r"address|message|briefing|commentary)\s+(?:by|of)|by)\s+"
)
# What every `STATED_BY` match holds, its passive verb or "corresponding statement" (whose
# "was" a translated copy drops): a block with neither is not searched (the pattern's opening
# is tried at every character; this is found at once where it is absent).
STATED_BY_HINT = re.compile(rf"\s(?:is|was|were|been)\s+(?:{_SAID}|made)|corresponding\s+statement")


# The next paragraph opens by naming the speaker of the one before: "Ukrainian Defense
# Minister X said this in a post on Facebook", "X announced this", "That's according to X"
# (and "This was stated by X", `STATED_BY`).
# A paragraph that opens with a dash and an inverted speech verb ("- said Zelenskyy,
# commenting on ..."): the attribution of the paragraph before it, as Ukrainian outlets set it.
_DASH_SAID = re.compile(
    r"\s*[–—-]\s*(?:said|stated|noted|added|wrote|emphasi[sz]ed|stressed|explained|summed\s+up)\b"
)

_SAID_THIS = re.compile(
    r"[^.!?\"“”]{0,160}?\b(?:said|stated|announced|wrote|reported|noted|emphasi[sz]ed|declared|"
    r"posted|told|underlined|stressed)\s+(?:this|so)\b(?!\s+(?:week|month|year|morning|"
    r"afternoon|evening|weekend|spring|summer|autumn|fall|winter|time|council|chamber|house|"
    r"assembly|body|committee|parliament|conference|audience|meeting|forum|newspaper|agency|"
    r"channel|outlet|reporter|correspondent|publication)\b)"
    r"|\W*(?:this|that)(?:['’]s|\s+is|\s+was)\s+according\s+to\b"
    # "The ministry's website posted a corresponding statement": the statement is the one before
    r"|[^.!?\"“”]{0,160}?\b(?:posted|published|issued|released)\s+(?:a|the)\s+corresponding\s+"
    r"statement\b"
)


def forward_speaker(
    held: BlockWork, nxt: BlockWork, rules: CompiledRules, quote: bool = True
) -> None:
    """A bare quote whose speaker the next paragraph names, pointing back at it ("That was how
    X summed up ...") or with a sentence that is only the attribution ("X said in a
    statement."): the quote is that speaker's, not the one carried from before it. A
    paragraph with no speaker (`quote` False) takes the next one's only when it opens by
    pointing back at it ("X said this on Facebook", "This was stated by X"), or when it ends
    in a colon and the next opens a quote it hands to the speaker it names ("X shared
    details of the call:"): an attribution-only line carries its speaker. So does an official
    document's line that introduces the quoted text its author delivers next ("I will now
    repeat a Statement made by the Prime Minister ... The Statement is as follows:")."""
    # ("On Tuesday's sanctions:" heads an interview's answer: a topic, no one's line)
    introduces = not quote and held.text.rstrip().endswith(":") and not topic_heading(held)
    if introduces and (nxt.carried_from == held.index or _delivers_quote(held, nxt)):
        actors = dict.fromkeys(ev.actor for ev in nxt.evidence if ev.kind == "carry")
        add_evidence(held, CARRY_STATEMENT, actors, 0, len(held.text), rules.weights.carry)
        return
    if not nxt.main or any(ev.rule == CARRY_STATEMENT.id for ev in held.evidence):
        return  # (a statement's paragraph, after the line that introduced it, stays its)
    if _standfirst_holder(held, nxt, quote, rules):
        return
    pos, who = nxt.main[0]
    if who.kind not in ("actor", "unknown"):
        return
    if not quote:
        said = (
            _DASH_SAID.match(nxt.folded)
            or _SAID_THIS.match(nxt.folded)
            or STATED_BY.match(nxt.folded)
        )
        if said is None or not (said.re is _DASH_SAID or said.start() <= pos <= said.end()):
            return
    elif _BACK_REFERENCE.match(nxt.folded) is None:
        s_start, s_end = nxt.sentences[0] if nxt.sentences else (0, 0)
        verb_end = next((end for start, end, _ in nxt.verbs if start == pos), None)
        if verb_end is None or not s_start <= pos < s_end:
            return
        if _ATTRIBUTION_TAIL.match(nxt.folded, verb_end, s_end) is None:
            return
    held.evidence = [ev for ev in held.evidence if ev.kind != "carry"]
    held.carried_from = None
    if who.actors:
        add_evidence(held, CARRY_FORWARD, who.actors, 0, len(held.text), rules.weights.carry)
        held.carried_from = nxt.index


# Offices a standfirst calls by another word than the paragraph under it does: "the diplomat"
# over "Russian Ambassador X", "the envoy" over "Permanent Representative X".
_DIPLOMATS = frozenset(
    [
        "diplomat",
        "top diplomat",
        "chief diplomat",
        "senior diplomat",
        "envoy",
        "special envoy",
        "deputy envoy",
        "ambassador",
        "permanent representative",
        "representative",
        "chargé d'affaires",
        "attaché",
        "deputy foreign minister",
        "foreign minister",
    ]
)
# A standfirst's words for any office holder: "the official" over "a senior lawmaker".
_ANY_OFFICE = frozenset(["official", "senior official", "politician"])


def _standfirst_holder(held: BlockWork, nxt: BlockWork, quote: bool, rules: CompiledRules) -> bool:
    """Whether the office a paragraph with no speaker (`quote` False) awaits is the holder
    `nxt` names (`_awaited_holder`): the standfirst is then that holder's."""
    if quote or not (held.awaits or held.awaits_name):
        return False
    sides = _awaited_name(held, nxt) if held.awaits_name else _awaited_holder(held, nxt)
    if sides:
        add_evidence(held, CARRY_FORWARD, sides, 0, len(held.text), rules.weights.carry)
        held.carried_from = nxt.index
    return bool(sides)


def _awaited_name(held: BlockWork, nxt: BlockWork) -> tuple[str, ...]:
    """The side the next paragraph gives a speaker whose name holds the surname a paragraph
    named untied (`BlockWork.awaits_name`: "According to <Surname>, ..." over "MOSCOW. ...,
    <side's> <office> <Name> <Surname> said"): a standfirst names its speaker short and the
    lead in full."""
    word = re.compile(rf"\b{re.escape(held.awaits_name)}\b")
    for _, who in nxt.main:
        if who.kind == "actor" and word.search(nxt.folded, who.start, who.end):
            return who.actors
    return ()


def _awaited_holder(held: BlockWork, nxt: BlockWork) -> tuple[str, ...]:
    """The side of the holder the next paragraph names first, for an office that spoke in
    `held` before anyone was named (`BlockWork.awaits`: "The spokesman noted that ..." over
    "MOSCOW. ... Presidential Spokesman X told ..."): a standfirst names its speaker by office
    and the lead by name. The holder's office must be the one awaited, one of the same kind
    (a diplomat's), or any office for a standfirst's "the official"."""
    _, who = nxt.main[0]
    if who.kind != "actor" or not who.roles:
        return ()
    awaited, named = set(held.awaits), set(who.roles)
    if awaited & named or awaited & _ANY_OFFICE or (awaited & _DIPLOMATS and named & _DIPLOMATS):
        return who.actors
    return ()
