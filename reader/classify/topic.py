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


def allowed(who: Who, work: BlockWork, rules: CompiledRules) -> bool:
    """A member state's voice counts only on the war's topic: the block names one of the
    actors (not a member state, and not only as an adjective), or a topic word."""
    if not who.member:
        return True
    if work.topic is None and len(work.units) <= _INTRO_UNITS and _only_attribution(work):
        work.topic = True  # "X provided the following readout:": the topic is what follows
    if work.topic is None:
        work.topic = _names_a_side(work) or bool(rules.topic.scan(work.folded))
    return work.topic


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


# The longest quotation that is a name ("European Truth"), not words said.
_QUOTED_NAME = 40


def _names_a_side(work: BlockWork) -> bool:
    """Whether the block names one of the actors themselves (not a member state): by name, by
    possessive, or by an adjective before an office or body of theirs ("talks with a Ukrainian
    delegation", "the Russian side"). "Russian gas" is trade, not the war: an adjective alone
    does not make the topic."""
    folded, terms = work.folded, work.terms
    for k, (_, end, term) in enumerate(terms):
        if term.member or not term.actors:
            continue
        if term.kind != "adjective" or folded.endswith("'s", 0, end):
            return True
        following = terms[k + 1] if k + 1 < len(terms) else None
        if (
            following is not None
            and following[2].kind == "role"
            and TITLE_GAP.fullmatch(folded, end, following[0]) is not None
        ):
            return True
    return False
