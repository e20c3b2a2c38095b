"""Reported positions (step 3): a side's stance restated by another speaker, named by its noun.

"Commenting on Zelensky's statement that ...", "encouraging words from Blinken", "a joint
declaration issued by the G7": the owner of a stated position gets a weaker label, as reported
speech, never the block's own speaker. "... This was stated by X" (`stated_by`) names the
speaker of what came before it. Separate from reader.classify.attribution because these read a
position's noun, not a speech verb's subject: a block may carry one with no verb of saying at
all. Run after the speech-verb step, they use its speakers (`work.main`) and its `speaks`
(reader.classify.antecedents).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import replace
from operator import itemgetter

from reader.classify.antecedents import POSITION_NOUNS, role_subject, speaks
from reader.classify.attribution import CHANNELS
from reader.classify.clauses import start_key
from reader.classify.decisions import aside_after
from reader.classify.evidence import add_evidence, voiced
from reader.classify.phrasebounds import copula_content, np_after, past_forum
from reader.classify.phrases import OFFERS, answered, framed_before, learn, names_press, resolve
from reader.classify.quotes import STATED_BY, STATED_BY_HINT
from reader.classify.topic import allowed
from reader.classify.types import CAP, END, LOW, START, TERM, BlockWork, State, Unit, Who
from reader.classify.units import in_spans
from reader.classify.wordclasses import ARTICLES, NOUN_MARK, OBJECT_PREP, TIME_PHRASE, word_set
from reader.rules.compile import CompiledRules, trie_pattern
from reader.rules.grammar import ATTRIBUTION_SOURCE, REPORTED_POSITION, REPORTED_SPEECH

# The channels of reader.classify.attribution, for one `startswith` at each main speaker.
_CHANNEL_MARKERS = tuple(sorted(CHANNELS))
# A stated position named by a noun after its owner's possessive: "Zelensky's statement that",
# "Witkoff's remarks that", "the Defence Ministry's claim to have captured".
_POSITION_NOUN = re.compile(r"'s (?:\w+ ){0,2}(?:" + "|".join(sorted(POSITION_NOUNS)) + r")\b")
_POSITION_MODIFIERS = word_set(
    "own latest recent earlier repeated public new stated declared expressed fundamental"
)
_POSITION_LINKS = frozenset(["that", "to", "about", ":", "regarding", "concerning"])


# A stated position named by a noun before its owner: "encouraging words from Blinken",
# "assurances from Washington", "in response to a request from the Ukrainian government" (a
# request asks as an appeal does; "at the request of X" is `_asked_of`'s, outside meetings);
# "support from", "aid from" are acts.
# A proposal or an offer only with what it proposes ("accepted a proposal from X to ..."), and
# not one still awaited ("waiting for a proposal from"); after "by", any of them only with
# what was said ("a promise by the allies that ..."; "the remarks by X, who ..." is no more).
_FROM_NOUNS = (POSITION_NOUNS - OFFERS) | word_set(
    "words message messages signal signals criticism praise appeal appeals plea pleas "
    "request requests ultimatum ultimatums"
)
_CONTENT_LINKS = frozenset(["that", "to"])
_ASKS = word_set("appeal appeals plea pleas request requests")
# A participle of saying after the owner gives what was said as well ("a statement by NATO
# suggesting that ...", "a note from Kyiv saying ..."); "showing" and "proving" are left out: a
# thing shown is no one's words.
_SAYING_LINKS = word_set("suggesting saying claiming alleging asserting stating insisting")
_READINESS = word_set("readiness willingness")
_AWAITED = re.compile(r"\b(?:wait|waits|waited|waiting|await|awaits|awaited|awaiting)\b")
# The topic of a question put to the speaker ("When questioned about the demand from X").
_QUESTION_TOPIC = re.compile(r"\b(?:asked|questioned)\s+(?:about|on|over|regarding)\b")
_NEGATED = re.compile(r"\b(?:no|not|any|without|never)\s+(?:[\w-]+\s+)?\Z")
# A concern or an alarm felt "in" or "among" its holders ("has stoked alarm in NATO members
# Poland and Romania", "caused concern among the Baltic states"): their stated unease.
_FELT = word_set(
    "concern concerns alarm ire anger outrage indignation irritation dismay displeasure"
)
# Acts of saying named as nouns, their owner after "by" and what they own up to, deny, condemn
# or protest after it: "the acknowledgment by Moscow of its troops' role", "protests by Kyiv
# over the vote", "a denial by X that ..."; "recognition" only of a fact ("the recognition by
# X of the fact that ..."; "the recognition by Russia of the breakaway republic" is a state's
# act).
_AVOWALS = word_set(
    "acknowledgment acknowledgement admission admissions denial denials condemnation protest "
    "protests recognition"
)
_AVOWAL_LINKS = frozenset(["of", "over", "against", "that"])
# A stated view's participle of being put forward before "by" ("the peace formula presented
# by X", "the plan put forward by X"): the owner's view where a verb answers it ("We value
# the formula presented by X", "rejected the plan advanced by X"); "will consider the proposal
# put forward by X" only names it.
_PRESENTED = word_set("presented advanced voiced expressed floated tabled proposed") | {
    "put forward"
}
_PROPOSED_NOUNS = word_set("plan plans formula initiative initiatives idea ideas")
# A document a side issues as its stance, named with the participle of its issue before "by":
# "a joint declaration issued by the G7", "statements made by the alliance's deputy chief" (a
# declaration is its owner's words with no more said; "a report released by" is no side's), and
# pictures a side puts out as its evidence ("the photos posted by the ambassador", which the
# other side answers: the published claim it rejects).
_DOCUMENTS = word_set(
    "declaration declarations communique communiqué images photos photographs pictures"
)
# Allegations "by" their owner, with what they allege ("allegations by X that ..."): claims.
_ALLEGED = word_set("allegation allegations")
# (The nouns are one word each and a space follows: the prefix trie finds the very matches a
# plain alternation would, and fails at once at most places, where the alternation tries each
# of its ninety nouns in turn: this search runs on most blocks.)
_FROM_POSITION = re.compile(
    r"\b(?P<noun>"
    + trie_pattern(
        _FROM_NOUNS | POSITION_NOUNS | _FELT | _DOCUMENTS | _AVOWALS | _ALLEGED | _PROPOSED_NOUNS
    )
    + r") (?:(?P<issued>issued|released|published|posted|made|adopted|signed|"
    + "|".join(sorted(_PRESENTED))
    + r") )?"
    + r"(?P<prep>from|by|in|among) "
)


def stated_by(work: BlockWork, rules: CompiledRules, state: State, distance: int) -> None:
    """ "... This was stated by X", "This is stated in the statement of X": X speaks in the
    block (and, by reader.classify.quotes, in a paragraph before it with no speaker of its
    own). A closing "as reported by <outlet>" names the channel that carried X's words, no
    speaker of the block's own."""
    if " by " not in work.folded and " of " not in work.folded:
        return
    if STATED_BY_HINT.search(work.folded) is None:
        return
    match = STATED_BY.search(work.folded)
    if match is None or (work.quotes and in_spans(match.start(), work.quotes)):
        return
    if not _carried_only(work, match.start()):
        return  # a speaker of its own ("as reported by <outlet>" only carried the words)
    k = bisect_left(work.starts, match.end())
    a, b = np_after(work.units, k, len(work.units))
    who = resolve(work.units[a:b], state.names)
    learn(who, state.names)
    if who.kind == "role":
        who = _office_holder(work, who, state, distance)
    if who.kind != "actor" or not allowed(who, work, rules):
        return
    earlier = any(pos < match.start() for pos, _ in work.main)
    if earlier and not _retells(work, match.group(0), a, b):
        return  # "Zelensky said ... This was reported by <agency>": the channel of his words
    add_evidence(
        work, ATTRIBUTION_SOURCE, who.actors, match.start(), who.end, rules.weights.attribution
    )
    if earlier:
        _retold_before(work, who, match.start(), rules)
    work.main.append((match.start(), who))
    work.main.sort(key=itemgetter(0))  # before a closing channel's "as reported by"
    speaks(work, who, who.actors, state)


def _retells(work: BlockWork, stated: str, a: int, b: int) -> bool:
    """Whether "This was stated by X" after sentences with a speaker of their own makes X the
    one who retold them: X said it ("stated", "said", "announced"), no outlet that reported or
    posted it ("This was reported by <agency>", "... by Russian state television")."""
    if _CHANNEL_VERBS.search(stated):
        return False
    return not names_press(work.folded[work.units[a][START] : work.units[b - 1][END]])


# The passive verbs of a channel, whose agent may only have carried a speaker's words.
_CHANNEL_VERBS = re.compile(r"\b(?:reported|posted)\b")


def _retold_before(work: BlockWork, who: Who, start: int, rules: CompiledRules) -> None:
    """The voices of the sentences before "This was stated by X" that are not X's side
    ("Moscow does not hide that it wants no truce ... This was stated by <Kyiv's spokesman>"):
    X retells them, so they are reported speech in X's words, no voice of their own."""
    work.evidence = [
        replace(ev, rule=REPORTED_SPEECH.id, weight=rules.weights.reported)
        if voiced(ev) and ev.start < start and ev.actor not in who.actors
        else ev
        for ev in work.evidence
    ]


def _carried_only(work: BlockWork, start: int) -> bool:
    """Whether every speaker a block names before "This was stated by X" is a channel of X's
    words: "as reported by <outlet>", and the source that outlet cites after it ("..., as
    reported by <paper>, citing <broadcaster>": where the paper took the words from)."""
    channel = False
    for pos, _ in work.main:
        if pos < start:
            continue  # "<claim>. This was stated by X": X's words, the claim's subject his
        if work.folded.startswith(_CHANNEL_MARKERS, pos):
            channel = True
        elif not (channel and work.folded.startswith(_CITED_MARKERS, pos)):
            return False
    return True


# What names the source a channel took a speaker's words from: "..., citing <broadcaster>".
_CITED_MARKERS = ("citing", "quoting", "with reference to", "referring to")


def _office_holder(work: BlockWork, who: Who, state: State, distance: int) -> Who:
    """The side of an office the closing names without its country ("This is stated in the
    statement of the Ministry of Foreign Affairs"): the holder the article named before ("the
    Ministry of Foreign Affairs of Ukraine commented ..."), else the outlet's own house, else
    the speaker just heard, as for "the ministry said" (`role_subject`)."""
    found = role_subject(work, who, state, distance)
    if found is None or (isinstance(found, Who) and found.kind != "actor"):
        return who
    return Who("actor", found.actors, who.start, who.end, who.roles, member=found.member)


def reported_positions(work: BlockWork, rules: CompiledRules, state: State) -> None:
    """Positions a block reports by name, outside quotes: the owner's, weighed as reported
    speech ("Commenting on Zelensky's statement that Kiev would never recognise ..., Peskov
    said", "he had heard encouraging words from Blinken"), never for the side of the
    block's own speaker."""
    folded = work.folded
    if (
        " from " in folded or " by " in folded or " in " in folded or " among " in folded
    ) and _FROM_POSITION.search(folded) is not None:
        _positions_from(work, rules, state)  # (the literal test first: most blocks have none)
    if " by " in folded and _MADE_BY.search(folded) is not None:
        _made_by(work, rules, state)
    if _DOCUMENT_NOUN.search(folded) is not None and _ISSUED_BY_SUBJECT.search(folded) is not None:
        _issued_by_subject(work, rules, state)
    if "at the " in folded and " of " in folded and _ASKED_OF.search(folded) is not None:
        _asked_of(work, rules, state)
    if _POSITION_NOUN.search(work.folded) is None:
        return  # most blocks: one search instead of a look after every term
    units = work.units
    own = {a for _, who in work.main if who.kind == "actor" for a in who.actors}
    for i in work.term_at:
        unit = units[i]
        term = unit[TERM]
        j = _position_noun(work, i)
        if term is None or j is None:
            continue
        fresh = [a for a in term.actors if a not in own]
        who = Who("actor", term.actors, member=term.member)
        if fresh and allowed(who, work, rules):
            add_evidence(
                work,
                REPORTED_POSITION,
                fresh,
                unit[START],
                units[j][END],
                rules.weights.reported,
            )


def _position_noun(work: BlockWork, i: int) -> int | None:
    """The noun of a stated position that the possessive at unit `i` owns, outside quotes
    ("Zelensky's statement that", "the Defence Ministry's claim to"), or None. A readiness
    only as what a speaker welcomes or notes ("welcomed Moscow's declared willingness to"; "a
    response that would indicate NATO's readiness to" is no one's), and a country's
    possessive ("Russia's") owns nothing else."""
    units = work.units
    unit = units[i]
    term = unit[TERM]
    if (
        term is None
        or term.kind not in ("speaker", "alias", "adjective")
        or not term.actors
        or not unit[LOW].endswith("'s")
        or (work.quotes and in_spans(unit[START], work.quotes))
    ):
        return None
    j = i + 1
    while j < len(units) and j - i <= 2 and units[j][LOW] in _POSITION_MODIFIERS:
        j += 1
    if (
        j + 1 >= len(units)
        or units[j][LOW] not in POSITION_NOUNS
        or (
            units[j + 1][LOW] not in _POSITION_LINKS
            and not _judged_on(work, j)
            and not copula_content(units, j + 1, i)
        )
    ):
        return None
    if units[j][LOW] not in _READINESS:
        if term.kind == "adjective" or _verb_complement(work, i, units[j + 1][LOW]):
            return None
        if units[j][LOW] == "refusal" and framed_before(work, unit[START], refusal=True):
            return None  # "due to the Kremlin's refusal to ...": the speaker's reason
        return j
    verbs = work.verbs
    v = bisect_left(verbs, units[i - 1][START], key=start_key) if i else len(verbs)
    said = v < len(verbs) and verbs[v][0] == units[i - 1][START] and verbs[v][2].cls == "speech"
    return j if said else None


# A speech verb's occasion before the possessive ("said in response to", "wrote after"), and how
# many words it may hold; "said X's claim that ... was absurd" names the claim as its object.
_OCCASION_OPENERS = frozenset(["in", "on", "about", "after", "following", "regarding"])
_OCCASION_REACH = 6


def _verb_complement(work: BlockWork, i: int, link: str) -> bool:
    """ "X said in response to Budanov's remarks that ...": the "that" after a position named
    inside a finite speech verb's occasion, with no comma in between, opens the verb's own
    complement, not what the position said ("Commenting on X's statement that ...", "Asked to
    comment on X's statement that ..." name it: the object of a participle or an infinitive;
    "in reply to" is a noun's form, no verb)."""
    if link != "that":
        return False
    start = work.units[i][START]
    for v_start, v_end, form in reversed(work.verbs):
        if v_start >= start:
            continue
        before = work.folded[work.sentence_start(v_start) : v_start].split()
        if before and before[-1] in _NOUN_BEFORE:
            continue
        words = work.folded[v_end:start].split()
        return (
            form.cls == "speech"
            and not form.participle
            and bool(before)
            and before[-1] != "to"  # "asked to comment on X's statement that ...": its object
            and bool(words)
            and words[0] in _OCCASION_OPENERS
            and len(words) <= _OCCASION_REACH
            and not any(mark in word for word in words for mark in (",", ":", ";"))
            and "that" not in words
        )
    return False


# Words that make the verb's form after them a noun: "in reply to", "a comment on".
_NOUN_BEFORE = frozenset(["in", "a", "an", "the", "his", "her", "its", "their"])


def _positions_from(work: BlockWork, rules: CompiledRules, state: State) -> None:
    """ "words from Blinken", "a proposal from Kyiv": the position of the actor after "from"."""
    units, starts = work.units, work.starts
    own = {a for _, who in work.main if who.kind == "actor" for a in who.actors}
    verbs_at = {pos for pos, _ in work.main}
    spoken = any(e.weight >= rules.weights.carry for e in work.evidence)
    for match in _FROM_POSITION.finditer(work.folded):
        start = match.start()
        if (
            start in verbs_at  # "Kyiv demands from the Russian side to stop": a verb
            or _PERSONAL_SUBJECT.search(work.folded, max(0, start - 12), start)  # "We demand"
            or (work.quotes and in_spans(start, work.quotes) and not _quoted_reading(match))
            or _NEGATED.search(work.folded, max(0, start - 24), start)
            or _QUESTION_TOPIC.search(work.folded, work.sentence_start(start), start)
        ):
            continue  # "has seen no signals from Kiev": nothing was said; "asked about": a topic
        k = bisect_left(starts, match.end())
        if k + 1 < len(units) and units[k][LOW] in _SOME:
            k += 1  # "statements made by some Polish officials that ...": past the quantifier
        a, b = np_after(units, k, len(units))
        b, said = _before_forum(units, a, _past_possessed(units, a, b))
        second = _past_coordinate(units, b)
        if second is not None:
            said = past_forum(units, second[1])
        if not _stated_content(work, match, said, spoken):
            continue
        owners = [(a, b), second] if second else [(a, b)]  # each owner joined by "and"
        for first, last in owners:
            who = resolve(units[first:last], state.names)
            learn(who, state.names)
            if who.kind != "actor" and first == a:
                break  # "claims by a Minsk blogger and ...": "and" after no side joins no side
            fresh = [actor for actor in who.actors if actor not in own]
            if who.kind == "actor" and fresh and allowed(who, work, rules):
                end = units[last - 1][END]
                add_evidence(work, REPORTED_POSITION, fresh, start, end, rules.weights.reported)


def _before_forum(units: Sequence[Unit], a: int, b: int) -> tuple[int, int]:
    """The end of the owner's phrase [a, b) before a gathering it spoke at ("by Putin [at the
    BRICS summit]", which the phrase may have taken in), and the unit where what the owner
    said may open, past the gathering's place and time."""
    for k in range(a + 1, b):
        if units[k][LOW] in ("at", "during"):
            said = past_forum(units, k)
            if said != k:
                return k, said
            break
    return b, past_forum(units, b)


# A personal pronoun right before the noun makes it a verb: "We demand from the Russian
# Federation to stop ..." (the one asked, no position of its own).
_PERSONAL_SUBJECT = re.compile(r"(?:^|[^\w'’])(?:we|i|you|they)\s+(?:also\s+|again\s+)?\Z")


_SOME = word_set("some several other many")


def _past_possessed(units: Sequence[Unit], a: int, b: int) -> int:
    """The end of an owner's phrase [a, b) that closes on a possessive, past the common noun
    it owns ("members of Zelensky's team", "Moscow's diplomats"), so that what they said
    follows it; `b` unchanged otherwise."""
    if not (a < b < len(units) and units[b - 1][LOW].endswith(("'s", "’s"))):
        return b
    head = units[b]
    owned = head[TERM] is None and head[LOW].isalpha() and not head[CAP]
    return b + 1 if owned and head[LOW] not in _CONTENT_LINKS | _SAYING_LINKS else b


def _past_coordinate(units: Sequence[Unit], b: int) -> tuple[int, int] | None:
    """The second owner joined by "and" to the one ending before unit `b` ("claims by NATO
    and some Baltic leaders that ..."), as a [start, end) range of units, after which what they
    said follows; None when no second owner with a side's term or a name follows (a name of
    no side, "the acknowledgment by Russia and the DPRK of ...", is passed over: what they
    own up to follows it)."""
    if b + 1 >= len(units) or units[b][LOW] != "and":
        return None
    k = b + 2 if units[b + 1][LOW] in _SOME | _THEIR and b + 2 < len(units) else b + 1
    a2, b2 = np_after(units, k, len(units))
    if not any(unit[TERM] is not None or unit[CAP] for unit in units[a2:b2]):
        return None
    if units[k - 1][LOW] in _THEIR | _SOME and b2 < len(units) and _head_noun(units[b2]):
        b2 += 1  # "by Kyiv and its Western backers that", "and some Western capitals that"
    return a2, b2


# The first owner's followers, joined after "and" by a possessive pronoun: "claims by Kyiv and
# its Western backers", "by Moscow and their allies".
_THEIR = word_set("its their")


def _head_noun(unit: Unit) -> bool:
    """A plain lower-case word that heads an owner's phrase after a side's adjective ("its
    Western backers"), not a link to what the owners said."""
    low = unit[LOW]
    return (
        unit[TERM] is None
        and low.isalpha()
        and not unit[CAP]
        and low not in _CONTENT_LINKS | _SAYING_LINKS | _AVOWAL_LINKS | {"and", "or", "who"}
    )


def _stated_content(work: BlockWork, match: re.Match[str], b: int, spoken: bool) -> bool:
    """Whether "<noun> from/by <owner>" (the owner's phrase ending before unit `b`) names a
    stated position: words from someone; a proposal, or anything "by" someone, only with
    what it says after the owner ("a promise by NATO leaders that ..."), never awaited; a
    declaration "issued by" its owner only where a side speaks of it (`spoken`): an editor's
    "excerpts from the declaration adopted by the summit" restates no one."""
    noun, prep = match.group("noun", "prep")
    judged = _judged_words(work, match, b)
    if judged is not None:
        return judged
    if match.group("issued") in _PRESENTED:
        return prep == "by" and _answered_noun(work, match.start())
    if noun in _PROPOSED_NOUNS:
        return False  # "the plan by X", "ideas from X": only put forward, and answered
    if noun in _AVOWALS:
        return prep == "by" and _avowed(work.units, b, noun)
    if match.group("issued") is not None and (prep != "by" or noun in _DOCUMENTS):
        return prep == "by" and spoken  # other views issued "by" someone: what they say, below
    if noun in _DOCUMENTS:
        return False
    if prep in ("in", "among"):
        return noun in _FELT  # "alarm in Warsaw"; "a statement in Kyiv" is a place
    if noun not in OFFERS and prep == "from" and noun in _FROM_NOUNS:
        return True
    units = work.units
    if b >= len(units):
        return False
    if _claims_by(match) and _claim_topic(work, match.start(), _past_apposition(units, b)):
        return True
    b = _past_comma(units, b)
    if units[b][LOW] not in _CONTENT_LINKS | _SAYING_LINKS:
        # an offer answered names what it offers after "for" too ("rejected an offer from X
        # for an immediate truce")
        return noun in OFFERS and units[b][LOW] == "for" and answered(work, match.start())
    if units[b][LOW] == "to" and not _infinitive(work, b):
        return False
    opening = work.folded[work.sentence_start(match.start()) : match.start()]
    return noun not in OFFERS or _AWAITED.search(opening) is None


# The participles of saying that, set off by a comma after a view's owner, still tell the
# view's content: an accuser's ("alleging", "claiming"); a plain "saying" or "stating" there is
# the main clause's subject's ("Peskov dismissed the accusations by X, saying ...": Peskov's).
_OWNER_PARTICIPLES = _SAYING_LINKS - word_set("saying stating")


def _past_comma(units: Sequence[Unit], b: int) -> int:
    """The unit of a participle of saying set off by a comma after the owner at unit `b`
    ("accusations by the Polish deputy premier <name>, alleging that ..."), or the unit after
    an aside that closes with a comma ("the statement by President <name>, who visited the
    front yesterday, that ...": `decisions.aside_after`): what was said opens there as it does
    right after the owner; `b` otherwise."""
    if b + 1 < len(units) and units[b][LOW] == "," and units[b + 1][LOW] in _OWNER_PARTICIPLES:
        return b + 1
    return aside_after(units, b - 1) + 1 if b > 0 else b


# What makes the "to" after an owner a preposition, not an infinitive's mark: a name or a
# determiner after it ("another statement by X to Kyiv", "remarks by X to the press"), and "to
# be" after a verb of judging whose object the words are ("considers the statements made by X
# to be cynical": the judge's verdict, not what X said).
_NOT_A_VERB = ARTICLES | word_set("his her its their our your my this that these those")
_JUDGING = re.compile(
    r"\b(?:consider|deem|find|regard|believe|call)(?:s|ed)?\b|\bfound\b|\bthought\b"
)


def _infinitive(work: BlockWork, b: int) -> bool:
    """Whether the "to" at unit `b`, right after a stated view's owner, opens what the view
    says (an infinitive: "a promise by X to withdraw"), not a preposition or a judge's
    complement."""
    units = work.units
    if b + 1 >= len(units):
        return False
    after = units[b + 1]
    if after[CAP] or after[LOW] in _NOT_A_VERB:
        return False
    if after[LOW] != "be":
        return True
    start = units[b][START]
    return _JUDGING.search(work.folded, work.sentence_start(start), start) is None


# Claims "by" their owner, quoted or not ("a quoted spokesman: 'the groundless statements by
# X on convoys he saw'"), with their topic after the owner: what a speaker answers.
_CLAIMED = word_set(
    "claim claims accusation accusations allegation allegations assertion assertions "
    "statement statements remarks comments"
)
_TOPIC_LINKS = frozenset(["about", "regarding", "concerning"])
# A verdict on the claims before their noun: "unsubstantiated statements by X on ...".
_JUDGED = word_set(
    "unsubstantiated unfounded groundless baseless false absurd provocative irresponsible "
    "fabricated manipulative hysterical outrageous ridiculous unsupported slanderous"
)


def _quoted_reading(match: re.Match[str]) -> bool:
    """Whether a stated view named inside a quote is still read: claims by their owner
    (`_claims_by`) and a proposal from its owner, which the quoted speaker may judge ("'The
    proposal from Moscow on a moratorium is not credible,' the Secretary General said":
    `_topic_judged` alone reads it there), and a request, an appeal or a plea the quoted
    speaker restates ("'Moscow should grant the request by Kyiv to open a corridor,' she said":
    after "by" only with what it asks, as outside quotes)."""
    return _claims_by(match) or match.group("noun") in OFFERS | _ASKS


def _claims_by(match: re.Match[str]) -> bool:
    """A claim's noun with its owner after "by", no participle between ("statements by X")
    or one of making ("accusations made by X")."""
    issued = match.group("issued")
    return (
        match.group("prep") == "by" and match.group("noun") in _CLAIMED and issued in (None, "made")
    )


def _past_apposition(units: Sequence[Unit], b: int) -> int:
    """The unit after an owner's name set off by commas after its office ("by the alliance's
    commander, General <name>, on ..."), or `b` when none follows."""
    if b + 2 >= len(units) or units[b][LOW] != ",":
        return b
    k = b + 1
    while k < len(units) and k - b <= _APPOSITION_WORDS and units[k][CAP]:
        k += 1
    return k + 1 if k > b + 1 and k < len(units) and units[k][LOW] == "," else b


_APPOSITION_WORDS = 4


def _claim_topic(work: BlockWork, start: int, b: int) -> bool:
    """What the claims whose noun starts at offset `start` are about, after their owner at
    unit `b` ("about", "regarding", "concerning", "on"), where the speaker judges them
    ("unsubstantiated statements by X on ...") or a verb answers them ("rejected the
    statements by X regarding ..."), or they are charges ("allegations by X about ..."); a
    topic alone only names what was spoken of ("remarks by X about whether ..."), and "on"
    a day is no topic ("remarks by X on Monday")."""
    units = work.units
    link = units[b][LOW] if b < len(units) else ""
    if link not in _TOPIC_LINKS and link != "on":
        return False
    if link == "on" and _DAY.match(work.folded, units[b][START]) is not None:
        return False
    i = bisect_left(work.starts, start)
    if link in _TOPIC_LINKS and units[i][LOW] in _CHARGES:
        return True  # "accusations by X about the dam": a charge tells its content
    judged = i > 0 and units[i - 1][LOW] in _JUDGED
    return judged or _answered_noun(work, start)


# The nouns of words said whose topic the speaker judges in the predicate after them ("remarks
# by X regarding the range limits are extremely dangerous"), and that predicate: a copula
# before the verdict, up to a few adverbs between, in the same clause (no comma, colon or
# semicolon before it). A participle after the copula is a passive ("statements by X on the
# talks were made on Monday"), no verdict, unless it judges ("... are unfounded").
_JUDGED_NOUNS = _CLAIMED | OFFERS
_VERDICT_AFTER = re.compile(
    r"[^,;:.!?]*?\b(?:is|are|was|were)\s+(?:(?:not|just|only|simply|merely|absolutely|"
    r"extremely|very|clearly|also|nothing|but|pure|sheer)\s+)*[\"“‘']?(?P<word>[a-z-]+)"
)

# After the copula, the words of a passive (an irregular participle too), a plan or a time,
# no verdict ("were being studied", "were made in Istanbul", "is to be discussed", "was due
# on Monday").
_NO_VERDICT = word_set(
    "being been to due expected about made held given said put taken seen shown heard done "
    "sent written known brought read spoken broadcast set cut"
)
# After the copula, the words that describe the words said rather than judge them: a
# determiner of a noun that only places them ("were his first comments", "were the latest"),
# a preposition ("were in line with ...", "were among ..."), their order or time ("were first
# reported", "is still ...") or a forecast ("are likely to ..."). "a"/"an" may open a verdict
# ("are a provocation"), so they are left to it.
_DESCRIBED = (
    (NOUN_MARK - ARTICLES)
    | OBJECT_PREP
    | word_set("the first last latest earliest still now part similar consistent likely unlikely")
)
# A topic that opens a clause of its own, whose copula is no verdict on the words.
_CLAUSE_IN_TOPIC = re.compile(r"\b(?:whether|if|how|what|why|when|where|who|which|that)\b")


def _judged_on(work: BlockWork, j: int) -> bool:
    """The words at unit `j`, named after their owner's possessive, with "on" and their topic
    that the speaker judges in the predicate ("the minister's statement on the deployment of
    a new grouping was destabilising the region"): `_topic_judged`'s grammar, the owner
    before the noun."""
    units = work.units
    if units[j][LOW] not in _JUDGED_NOUNS or j + 2 >= len(units) or units[j + 1][LOW] != "on":
        return False
    return _verdict_after(work, j + 1)


def _judged_words(work: BlockWork, match: re.Match[str], b: int) -> bool | None:
    """True for words whose topic the speaker judges (`_topic_judged`); False for a proposal
    inside a quote that is not judged (a quoted proposal is read only so); None otherwise."""
    if _topic_judged(work, match, _past_apposition(work.units, b)):
        return True
    quoted = bool(work.quotes) and in_spans(match.start(), work.quotes)
    return False if quoted and match.group("noun") in OFFERS else None


def _topic_judged(work: BlockWork, match: re.Match[str], b: int) -> bool:
    """Words said "by" or "from" their owner (the owner's phrase ending before unit `b`), with
    their topic after the owner ("on", "about", "regarding", "concerning"; not a day), that
    the speaker judges in the clause's predicate: "said recent remarks by the chancellor
    regarding the range limits are extremely dangerous", "The proposal from Moscow on a
    moratorium is not credible", "statements by the minister on the deployment are
    destabilising the region". A view restated to judge it is both sides' (session 9); its
    topic alone only names what was spoken of (`_claim_topic`)."""
    units = work.units
    if match.group("noun") not in _JUDGED_NOUNS or match.group("prep") not in ("by", "from"):
        return False
    if b + 1 >= len(units) or units[b][LOW] not in _TOPIC_LINKS | {"on"}:
        return False
    return _verdict_after(work, b)


def _verdict_after(work: BlockWork, b: int) -> bool:
    """The topic link at unit `b` ("on" not before a day) opens a topic that the clause's
    predicate judges: a copula and a verdict, not a passive or a plan, past no clause of the
    topic's own."""
    units = work.units
    if units[b][LOW] == "on" and _DAY.match(work.folded, units[b][START]) is not None:
        return False
    verdict = _VERDICT_AFTER.match(work.folded, units[b][END], work.sentence_end(units[b][END]))
    if verdict is None:
        return False
    if _CLAUSE_IN_TOPIC.search(verdict.group(0)) is not None:
        return False  # "remarks by X about whether Washington was moving to ...": its own clause
    word = verdict.group("word")
    if word in _NO_VERDICT or word in _DESCRIBED:
        return False
    return not word.endswith("ed") or word in _JUDGED


# Claims that are charges: their topic is what they charge ("allegations by X about ...");
# a statement's or a remark's topic alone only names what was spoken of.
_CHARGES = word_set("accusation accusations allegation allegations")


# What follows "on" that is no topic: a day ("remarks by X on Monday") or an occasion ("on
# behalf of", "on the sidelines", "on television").
_DAY = re.compile(
    rf"(?:{TIME_PHRASE})|on\s+(?:\d|(?:the\s+)?(?:behalf|sidelines|margins|occasion|eve|day|"
    r"television|tv|radio|air|camera|social|twitter|telegram|facebook|x)\b)"
)


def _avowed(units: Sequence[Unit], b: int, noun: str) -> bool:
    """What an avowal `noun` "by" its owner (the owner's phrase ending before unit `b`) owns
    up to, denies or protests: "of", "over", "against" or "that" after the owner; a
    recognition only of a fact ("... of the fact that")."""
    if b >= len(units) or units[b][LOW] not in _AVOWAL_LINKS:
        return False
    if noun != "recognition":
        return True
    return [u[LOW] for u in units[b : b + 3]] == ["of", "the", "fact"]


_MODIFIER_REACH = 3  # words before a view's noun: "the [new] [peace] formula"


def _answered_noun(work: BlockWork, start: int) -> bool:
    """Whether the stated view whose noun starts at offset `start` ("the peace [formula]
    presented by X") heads the object of a verb that answers it, past a few modifiers."""
    units = work.units
    i = bisect_left(work.starts, start)
    for j in range(i, max(i - _MODIFIER_REACH, 0) - 1, -1):
        if j < i and not units[j][LOW].replace("-", "").isalpha():
            return False
        if answered(work, units[j][START]):
            return True
    return False


# A stated view as a passive's subject, its owner after "by": "Statements about a war with
# Russia were made by the Dutch minister", "Threats to close the strait have been voiced by X".
_MADE_BY = re.compile(
    r"\b(?:was|were|is|are|has\s+been|have\s+been|had\s+been)\s+(?:[a-z]+ly\s+)?"
    r"(?:made|voiced|expressed|put\s+forward|repeated|reiterated)\s+by\s"
)
# The view's nouns, and what tells their content right after them (a topic "on" does not:
# "statements on the situation were made by X" only names them).
_MADE_NOUNS = word_set(
    "statement statements remarks comments claim claims accusations allegations threats "
    "warnings assurances promises proposals demands calls assertions"
)
_MADE_CONTENT = frozenset(["about", "that", "to", "regarding", "concerning", "of"])


def _made_by(work: BlockWork, rules: CompiledRules, state: State) -> None:
    """ "Statements about a coming war were made by the Dutch minister": the owner after the
    passive's "by" holds the view its subject names, when the subject tells what it says
    (a link after the noun: `_MADE_CONTENT`) or a quote follows the owner ("..., in
    particular, '...'"), in the narrator's words or a speaker's quote; never for the
    block's own speaker."""
    units, starts = work.units, work.starts
    own = {a for _, who in work.main if who.kind == "actor" for a in who.actors}
    for match in _MADE_BY.finditer(work.folded):  # (quoted too: a quoted speaker restates it)
        first = bisect_left(starts, work.sentence_start(match.start()))
        verb = bisect_left(starts, match.start())
        noun = next((j for j in range(first, verb) if units[j][LOW] in _MADE_NOUNS), None)
        if noun is None:
            continue
        k = bisect_left(starts, match.end())
        a, b = np_after(units, k, len(units))
        told = noun + 1 < verb and units[noun + 1][LOW] in _MADE_CONTENT
        if not (told or _quote_after(work, units[b - 1][END] if b > a else match.end())):
            continue
        who = resolve(units[a:b], state.names)
        learn(who, state.names)
        fresh = [actor for actor in who.actors if actor not in own]
        if who.kind == "actor" and fresh and allowed(who, work, rules):
            end = units[b - 1][END]
            add_evidence(
                work, REPORTED_POSITION, fresh, units[noun][START], end, rules.weights.reported
            )


def _quote_after(work: BlockWork, pos: int) -> bool:
    """A quote that opens in the same sentence after offset `pos` (the view's words)."""
    end = work.sentence_end(pos)
    return any(pos <= q_start < end for q_start, _ in work.quotes)


# A document a side put out, its owner the subject of a relative clause with no pronoun: "the
# satellite photos NATO released showing ...", "the declaration the allies adopted": the
# owner's published claim, where another side speaks of it (as "the photos posted by X").
_ISSUED = word_set("released published posted issued circulated presented adopted")
# (The documents' nouns as a prefix trie, as in `_FROM_POSITION`: this search runs on every
# block.)
_ISSUED_BY_SUBJECT = re.compile(
    r"\b(?:" + trie_pattern(_DOCUMENTS) + r")\s+(?:that\s+|which\s+)?(?:[\w'’.-]+\s+){1,4}?"
    r"(?:has\s+|have\s+|had\s+)?(?:" + "|".join(sorted(_ISSUED)) + r")\b"
)
# The documents' nouns, searched for first: a block with none is not searched for the whole
# pattern (whose opening `\b` is tried at every character).
_DOCUMENT_NOUN = re.compile(trie_pattern(_DOCUMENTS))
_RELATIVE_PRONOUNS = word_set("that which")


def _issued_by_subject(work: BlockWork, rules: CompiledRules, state: State) -> None:
    """ "The satellite photos NATO released showing ... prove nothing, Lavrov said": the
    owner between the document's noun and its past verb of issue, in a block where another
    side speaks; never for the block's own speaker."""
    if not any(e.weight >= rules.weights.carry for e in work.evidence):
        return  # no one speaks of it: a narrator's "the images the ministry released"
    units = work.units
    own = {a for _, who in work.main if who.kind == "actor" for a in who.actors}
    for j, unit in enumerate(units[:-2]):
        if unit[LOW] not in _DOCUMENTS:
            continue
        k = j + 2 if units[j + 1][LOW] in _RELATIVE_PRONOUNS else j + 1
        a, b = np_after(units, k, len(units))
        v = b + 1 if b < len(units) and units[b][LOW] in ("has", "have", "had") else b
        if a == b or v >= len(units) or units[v][LOW] not in _ISSUED:
            continue
        who = resolve(units[a:b], state.names)
        learn(who, state.names)
        fresh = [actor for actor in who.actors if actor not in own]
        if who.kind == "actor" and fresh and allowed(who, work, rules):
            end = units[v][END]
            add_evidence(work, REPORTED_POSITION, fresh, unit[START], end, rules.weights.reported)


# A step taken "at the request of" or "at the urging of" another side ("the drills come at the
# explicit request of the Danish government", "At the request of the Polish president, we have
# named an envoy"): the asking side's stated wish, told with the step it asked for, restated
# by the speaker: both labels, the speaker first. Not where the sentence names a meeting or a
# call (`_MET`): "the call was made at the request of", "the council would meet at the request
# of", "the matter was discussed at the request of" name who asked for talks, no wish of the
# asker's; not an invitation ("at the invitation of": a visit's host) nor an initiative ("at
# the initiative of": a call's opener).
_ASKED_OF = re.compile(r"\bat the (?:[\w-]+ )?(?:request|urging|behest) of ")
_MET = word_set(
    "call calls conversation conversations talks meeting meetings session sessions "
    "consultations discussed discussion discussions reviewed meet meets met convene convened "
    "visit visits"
)


def _asked_of(work: BlockWork, rules: CompiledRules, state: State) -> None:
    """ "The troops came at the request of the Finnish government": the side after "at the
    request of" holds the wish the step answers, in the narrator's words or a quoted
    speaker's; never for the block's own speaker, nor where the sentence names a meeting."""
    units, starts = work.units, work.starts
    own = {a for _, who in work.main if who.kind == "actor" for a in who.actors}
    for match in _ASKED_OF.finditer(work.folded):
        start = match.start()
        first = bisect_left(starts, work.sentence_start(start))
        last = bisect_left(starts, work.sentence_end(start))
        if any(unit[LOW] in _MET for unit in units[first:last]) or _NEGATED.search(
            work.folded, max(0, start - 24), start
        ):
            continue
        a, b = np_after(units, bisect_left(starts, match.end()), len(units))
        who = resolve(units[a:b], state.names)
        learn(who, state.names)
        fresh = [actor for actor in who.actors if actor not in own]
        if a < b and who.kind == "actor" and fresh and allowed(who, work, rules):
            end = units[b - 1][END]
            add_evidence(work, REPORTED_POSITION, fresh, start, end, rules.weights.reported)
