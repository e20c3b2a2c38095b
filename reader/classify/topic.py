"""The member-state topic gate: a member state's voice is an actor's (nato) only on the war,
Russia or the alliance (GUIDE.md: "a member state speaking only for itself on a national matter"
is no actor's). One question, asked by the attribution steps, the source lines and the document
voice alike: is this block on the war's topic?
"""

from __future__ import annotations

import re

from reader.classify.types import BlockWork, Who
from reader.rules.compile import CompiledRules

# Between a side's word and the office it qualifies: "Lithuanian President", "Lithuania's
# president", "a Ukrainian delegation".
TITLE_GAP = re.compile(r"(?:'s)?\s+")

# The longest line that only introduces the statement after it ("Foreign Secretary X said:").
_INTRO_UNITS = 20


def allowed(who: Who, work: BlockWork, rules: CompiledRules, continues: bool = False) -> bool:
    """A member state's voice counts only on the war's topic: the block names one of the
    actors (not a member state), or a topic word; or it `continues` the same member's
    statement on the war (the line before was on it) and is not about the member's own
    affairs (a `national` word: "He added that the budget ...")."""
    if not who.member:
        return True
    if work.topic is None and (
        _POINTS_BACK.search(work.folded) is not None
        or (len(work.units) <= _INTRO_UNITS and _only_attribution(work))
    ):
        work.topic = True  # "X provided the following readout:": the topic is what follows
    if work.topic is None:
        work.topic = _names_a_side(work, rules) or bool(rules.topic.scan(work.folded))
    return work.topic or (continues and not rules.national.scan(work.folded))


def _only_attribution(work: BlockWork) -> bool:
    """A line that only introduces what follows: "X provided the following readout:", or one
    that ends on its speech verb with nothing said ("..., the press service of the Turkish
    president reported."; a quoted name is not something said, a quoted sentence is)."""
    text = work.text.rstrip()
    if text.endswith(":"):
        return True
    verbs = work.verbs
    return (
        bool(verbs)
        and text.endswith(".")
        and verbs[-1][2].cls == "speech"
        and not text[verbs[-1][1] : -1].strip()
        and all(end - start <= _QUOTED_NAME for start, end in work.quotes)
    )


# A line that names the source of what the lines around it say: "Source: the ministry, cited by
# ...", "X said this after talks with Y" (what X said is the block before).
_POINTS_BACK = re.compile(
    r"^\W*sources?:|\b(?:said|stated|noted|wrote|announced|reported|declared)\s+(?:this|so)\b"
)

# The longest quotation that is a name ("European Truth"), not words said.
_QUOTED_NAME = 40


def _names_a_side(work: BlockWork, rules: CompiledRules) -> bool:
    """Whether the block names one of the actors themselves (not a member state): by name,
    capital, leader, office or adjective ("Russian drones", "talks with a Ukrainian
    delegation"). A side's adjective right before a word of a member's own affairs ("Russian
    gas", "Ukrainian imports") is trade, not the war: it does not make the topic."""
    folded, terms = work.folded, work.terms
    trade: set[int] | None = None
    for k, (start, end, term) in enumerate(terms):
        if term.member or not term.actors:
            continue
        if term.kind != "adjective" or folded.endswith("'s", 0, end):
            return True
        if _before_role(work, k, end):
            return True
        if not work.text[start : start + 1].isupper():
            continue  # "his conservative bloc", "allied": a common word, unless an office follows
        if trade is None:
            trade = {at for at, _, _ in rules.national.scan(folded)}
        gap = TITLE_GAP.match(folded, end)
        if gap is None or gap.end() not in trade:
            return True
    return False


def _before_role(work: BlockWork, k: int, end: int) -> bool:
    """Whether the adjective term `k` (ending at `end`) qualifies an office or body right after
    it ("a Ukrainian delegation", "the bloc's chief")."""
    terms = work.terms
    following = terms[k + 1] if k + 1 < len(terms) else None
    return (
        following is not None
        and following[2].kind == "role"
        and TITLE_GAP.fullmatch(work.folded, end, following[0]) is not None
    )
