"""The member-state topic gate: a member state's voice is an actor's (nato) only on the war,
Russia or the alliance (GUIDE.md: "a member state speaking only for itself on a national matter"
is no actor's). One question, asked by the attribution steps, the source lines and the document
voice alike: is this block on the war's topic?
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from reader.classify.types import CAP, LOW, TERM, BlockWork, Speaker, State, Unit, Who
from reader.rules.compile import CompiledRules

# Between a side's word and the office it qualifies: "Lithuanian President", "Lithuania's
# president", "a Ukrainian delegation".
TITLE_GAP = re.compile(r"(?:'s)?\s+")

# The longest line that only introduces the statement after it ("Foreign Secretary X said:").
_INTRO_UNITS = 20


def allowed(
    who: Who, work: BlockWork, rules: CompiledRules, continues: bool = False, person: bool = False
) -> bool:
    """A member state's voice counts only on the war's topic: the block names one of the
    actors (not a member state), or a topic word; or it `continues` the same member's
    statement on the war (the line before was on it), or `person`, a member's official named
    as a person, speaks in it ("French President X called the deal a hope", a transcript's
    "President of Finland X: ..."): an article quotes a leader on its own story, whatever
    words the line uses; or the story's headline is on the war (`work.story`) and the member
    speaks in the line (`_speaks`): a wire story quotes a member on its own story ("The
    Norwegian ministry called it a hostile act"). None counts on the member's own affairs (a
    `national` or `trade` word: "He added that the budget ...", "X said the state would pay
    for the repairs")."""
    if not who.member:
        return True
    if turns_away(work, rules):
        return False  # "Turning to the Horn of Africa, the premier called for ..."
    if work.topic is None and (
        _POINTS_BACK.search(work.folded) is not None
        or (len(work.units) <= _INTRO_UNITS and _only_attribution(work))
    ):
        work.topic = True  # "X provided the following readout:": the topic is what follows
    if work.topic is None:
        work.topic = on_war(work, rules)
    lent = continues or person or (work.story and _speaks(who, work))
    return work.topic or (lent and not _own_affairs(work, rules, who))


def _speaks(who: Who, work: BlockWork) -> bool:
    """Whether `who` is the one who speaks in the line: a speech verb follows it ("The
    ministry said", "Ankara reconsidered, noting that") or stands right before it ("...,"
    said the government"); not a passive one, whose subject is what is said, not who says it
    ("The Oslo summit, whose date is yet to be confirmed, ..."); nor an office at home
    ("Transport Minister X said"), whose holder speaks on the war only with its words; nor a
    pronoun or a speaker carried from before, who goes on with their own last line."""
    folded = work.folded
    if who.word or who.end <= who.start or _HOME_OFFICE.search(folded, who.start, who.end):
        return False
    return any(
        form.cls == "speech"
        and _PASSIVE.search(folded, 0, start) is None
        and not (form.lemma in _NEWS_VERBS and _THING.match(folded, end))
        and (start >= who.end or _SAID_BEFORE.fullmatch(folded, end, who.start) is not None)
        for start, end, form in work.verbs
    )


# Verbs that make a thing known: with a thing as object ("Poland announced the fence",
# "the army confirmed the arrival") they report an act, not words said on it.
_NEWS_VERBS = frozenset(("announce", "confirm", "report", "mention", "disclose", "publish", "post"))
_THING = re.compile(r"\s+(?:the|a|an|its|their|his|her|new|plans?)\b")

# The auxiliary right before a passive verb: "is to be confirmed", "was announced".
_PASSIVE = re.compile(r"\b(?:be|been|being|is|are|was|were)\s+$")


# Between a speech verb and the speaker it introduces: "...," said the government.
_SAID_BEFORE = re.compile(r"\s*(?:the\s+)?")


def on_war(work: BlockWork, rules: CompiledRules) -> bool:
    """Whether the block is on the war's topic: it names one of the actors or a word of the
    war's topic. A headline on the war ("Norway says Russia jammed signals over its coast")
    lends its topic to a member's line that names none of it ("The ministry called the outage
    a hostile act"), unless the line is on the member's own affairs (`allowed`)."""
    return _names_a_side(work, rules) or _topic_words(work, rules)


def is_named_person(who: Who, units: Sequence[Unit], work: BlockWork) -> bool:
    """Whether a member's speaker is a person named in the story's body who speaks for the
    state abroad ("French President X", "Under Secretary of State X", "Kerry"): not a body
    ("the Dutch government"), countries ("Greece and Turkey"), a title with no name ("the
    senator", "the German chancellor"), an office at home ("Transport Minister X"), nor a
    headline's speaker, whom the story under it may show on the member's own affairs."""
    if work.index == 0:
        return False
    if who.roles and _BODY.search(who.roles[0]):
        return False
    if any(_HOME_OFFICE.fullmatch(unit[LOW]) for unit in units):
        return False
    if who.roles and who.roles[0] in ("official", "officials", "diplomat", "diplomats"):
        return True  # "A U.S. official said", "a senior French diplomat said"
    return any(
        unit[CAP]
        and unit[LOW] not in ("the", "a", "an")
        and (unit[TERM] is None or unit[TERM].kind == "speaker")
        for unit in units
    )


# The heads of a body's name: a government speaks for its own matters as often as on the war.
_BODY = re.compile(
    r"(?:government|ministry|agency|office|department|parliament|cabinet|administration|embassy"
    r"|council|committee|command|services?)$"
)
# Offices at home: their holders speak on the war only with its words.
_HOME_OFFICE = re.compile(
    r"(?:interior|home|transport|finance|economy|economic|energy|health|education|agriculture"
    r"|justice|labou?r|culture|tourism|environment|infrastructure|treasury)"
)


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
# ...", "X said this after talks with Y" (what X said is the block before); so does its passive,
# "This was stated by X in an interview" (the speaker it names: quotes.STATED_BY).
_POINTS_BACK = re.compile(
    r"^\W*sources?:|\b(?:said|stated|noted|wrote|announced|reported|declared)\s+(?:this|so)\b"
    r"|\b(?:this|that)\s+(?:is|was|has\s+been)\s+(?:said|stated|noted|announced|reported|declared)\b"
)

# The longest quotation that is a name ("European Truth"), not words said.
_QUOTED_NAME = 40


def _names_a_side(work: BlockWork, rules: CompiledRules, places: bool = True) -> bool:
    """Whether the block names one of the actors themselves (not a member state): by name,
    capital, leader, office or adjective ("Russian drones", "talks with a Ukrainian
    delegation"). A side's adjective right before a word of a member's own affairs ("Russian
    gas", "Ukrainian imports") is trade, not the war: it does not make the topic. Without
    `places`, a name right after a preposition of place is no side named ("the embassy in
    Kyiv", "citizens still in Ukraine": where the member's affairs are)."""
    folded, terms = work.folded, work.terms
    trade: set[int] | None = None
    for k, (start, end, term) in enumerate(terms):
        if term.member or not term.actors:
            continue
        if not places and _AT_PLACE.search(folded, max(0, start - 12), start):
            continue
        if term.kind != "adjective" or folded.endswith("'s", 0, end):
            return True
        if _before_role(work, k, end):
            return True
        if not work.text[start : start + 1].isupper():
            continue  # "his conservative bloc", "allied": a common word, unless an office follows
        if trade is None:
            trade = {at for at, _, _ in rules.trade.scan(folded)}
            trade.update(at for at, _, _ in rules.national.scan(folded))
        gap = TITLE_GAP.match(folded, end)
        if gap is None or gap.end() not in trade:
            return True
    return False


# A preposition of place right before a name: "in", "to", "from", "at" (and "the" after it).
_AT_PLACE = re.compile(r"\b(?:in|to|from|at|across|inside|near)\s+(?:the\s+)?\Z")


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


def _topic_words(work: BlockWork, rules: CompiledRules) -> bool:
    """Whether the block has a word of the war's topic that is about the war: a ceasefire or
    negotiations in a line on another theatre (`elsewhere`: "Turning to the Middle East, the
    minister urged a ceasefire") are that conflict's."""
    return bool(rules.topic.scan(work.folded)) and not rules.elsewhere.scan(work.folded)


def national_matter(work: BlockWork, rules: CompiledRules) -> bool:
    """A line on a member's own affairs with no word of the war ("The embassy in Kyiv is
    closed, and few means remain to help our citizens there"; its trade and bilateral ties,
    "we discussed our bilateral cooperation and the economic relations between our two
    countries", as a speaker's line on them is, `_own_affairs`), on another theatre naming
    no side ("On the Middle East, the leaders urged a ceasefire"), or turning to a matter of
    its own (`turns_away`): the member speaks for itself, even on a page that speaks on the
    war elsewhere (a place it names is no side's voice). A side named as more than a place
    ("<Side>'s authorities have no right to police the peninsula", "We hope that <side> will
    help rebuild trust") makes a line with such a word the war's all the same."""
    folded = work.folded
    if (rules.national.scan(folded) or _trade_only(folded, rules)) and not rules.topic.scan(folded):
        return not _names_a_side(work, rules, places=False)
    if rules.elsewhere.scan(folded) and not _names_a_side(work, rules):
        return True
    return turns_away(work, rules)


def _trade_only(folded: str, rules: CompiledRules) -> bool:
    """A word of trade or of a member's bilateral ties ("economic relations between our two
    countries", "bilateral cooperation") with none of a state's security beside it."""
    return bool(rules.trade.scan(folded)) and _SECURITY.search(folded) is None


def courtesy_only(work: BlockWork, rules: CompiledRules) -> bool:
    """A line of courtesy or process that names no side and no word of the war ("The parties
    expressed hope for further cooperation", "She congratulated him on taking office"): it
    states no position, so neither a document's voice nor a speaker's goes on in it (GUIDE.md:
    a member speaking only for itself gets none; a side's readout on its talks, none either)."""
    folded = work.folded
    return (
        bool(rules.courtesy.scan(folded))
        and not rules.topic.scan(folded)
        and not _names_a_side(work, rules)
    )


def turns_away(work: BlockWork, rules: CompiledRules) -> bool:
    """A line that opens by naming its own topic, one with no side and no word of the war
    ("Turning to the Horn of Africa, the premier called for a truce", "Discussing the unrest
    in the Sahel, the directors urged ...", or `_sets_aside`): the member speaks
    on another matter there, whatever the page speaks on and whatever words follow."""
    opening = _TURNING.match(work.folded)
    if opening is None:
        return _sets_aside(work, rules)
    start, end = opening.span(1)
    if any(start <= at < end for at, _, term in work.terms if term.actors):
        return False
    return not any(start <= at < end for at, _, _ in rules.topic.scan(work.folded))


def _sets_aside(work: BlockWork, rules: CompiledRules) -> bool:
    """A line that opens by setting the war aside and goes on to a matter naming no side and
    no word of the war ("Apart from Moscow and Kyiv, the minister also spoke of the Arctic,
    saying trade routes must stay open"): the member speaks on that other matter."""
    opening = _ASIDE.match(work.folded)
    if opening is None:
        return False
    end = opening.end()
    if any(at >= end and not term.member for at, _, term in work.terms if term.actors):
        return False
    return not any(at >= end for at, _, _ in rules.topic.scan(work.folded))


# A line's opening phrase that sets aside what it names ("Aside from the war, ..."), closed by
# its comma.
_ASIDE = re.compile(
    r"\W*(?:aside\s+from|apart\s+from|in\s+addition\s+to|besides)\s+[^,;:.]{3,80},\s"
)

# A line's opening phrase that names the topic it turns to, closed by its comma.
_TURNING = re.compile(
    r"\W*(?:turning\s+to|as\s+(?:for|regards|to)|with\s+regard\s+to|regarding|discussing)\s+"
    r"([^,;:.]{3,80}),\s"
)


def _own_affairs(work: BlockWork, rules: CompiledRules, who: Who) -> bool:
    """A line on a member's own affairs, trade, another theatre or a courtesy ("the budget",
    "gas prices", "the Middle East", "tested a new radar"). A trade word
    beside one of security ("the blasts on the gas link show the need to guard our power
    grid's security") is the war's shadow on the member's security, not its commerce. The
    speaker's own name is no matter of the line ("the police and border guard said"), unless
    it names an office at home, whose holder speaks on its matters ("Tourism Minister X")."""
    folded = work.folded
    start, end = who.start, who.end
    if _HOME_OFFICE.search(folded, start, end):
        start = end
    if (
        any(not start <= at < end for at, _, _ in rules.national.scan(folded))
        or rules.elsewhere.scan(folded)
        or rules.courtesy.scan(folded)
    ):
        return True
    return _trade_only(folded, rules)


# Words of a state's security: a line with one is no line on trade alone (its energy's
# security, "security of supply", is trade).
_SECURITY = re.compile(
    r"\b(?<!energy\s)(?:security(?!\s+of\s+(?:supply|supplies))|sabotage|hybrid\s+(?:threats?|attacks?))\b"
)


def goes_on(who: Who, work: BlockWork, state: State, run: int) -> bool:
    """Whether `who`, a member's official, goes on with a statement on the war: called again
    by surname ("Kowalski added", after Kowalski spoke on the war: `heard_on_war`), by a
    person's title alone ("the minister noted", "the Czech minister said") right after their
    side's speaker spoke on the war, or named as a person who joins a run of their side's
    remarks on it (`joins_run`, `run` blocks back; 0 for a country or a body). A body ("the
    Dutch government said") is someone else, with a topic of its own."""
    words = work.folded[who.start : who.end].removeprefix("the ").split()
    if len(words) == 1 and words[0].removesuffix("'s") in state.on_war:
        return True
    last = _run_speaker(state)
    if last is None or last.off_topic or last.actors != who.actors or last is not state.last_person:
        return False
    if work.text[who.start : who.end].split()[-1][:1].isupper():
        return joins_run(work, last, run)  # a name ("Minister Jan Novak", "Novak")
    if len(words) == 1 or work.index - last.block > 1:
        return False
    return any(_PERSON_TITLE.search(role) for role in who.roles)


def _run_speaker(state: State) -> Speaker | None:
    """The speaker a member's run of remarks goes on from: the last one, but a country or a
    body of the same side heard in the same line as their person ("Canada has revoked the
    permits, Prime Minister X announced") is that person's statement, not a new voice: the
    person holds the run."""
    last, person = state.last, state.last_person
    if (
        last is not None
        and last.thing
        and person is not None
        and person.block == last.block
        and person.actors == last.actors
    ):
        return person
    return last


def joins_run(work: BlockWork, last: Speaker, run: int) -> bool:
    """Whether a member's official named in this block joins a run of their side's remarks
    on the war: their side's last speaker (`last`, a person heard on the war) spoke within
    `run` blocks (the carry distance) and no one has spoken since. A story that goes from
    one ally's minister to the next on the same events ("Latvia's minister said the threat
    was low. Estonia's prime minister saw no cause for alarm.") stays on the war though the
    later line names none of it. Still no label: a line on the member's own
    affairs (`allowed`), a member heard right after another side's speaker, or a country or
    a body ("The Netherlands said it sent extra police"), which has a topic of its own."""
    return 0 < work.index - last.block <= run


# The titles of a person, not a body: "the minister", "the Polish president".
_PERSON_TITLE = re.compile(
    r"(?:minister|president|chancellor|secretary|premier|ambassador|envoy|spokes\w+)$"
)


def heard_on_war(who: Who, work: BlockWork, state: State) -> None:
    """Remember a member's official named in full who spoke on the war ("Polish Foreign
    Minister Jan Kowalski said ..."), so that "Kowalski added ..." later goes on with it."""
    last = work.text[who.start : who.end].split()[-1:]
    if who.member and last and last[0][:1].isupper():
        state.on_war.add(last[0].lower().removesuffix("'s").removesuffix("’s"))
