"""The speech-verb grammar's entry points: who speaks in a sentence, and whose
positions they report.

For each speech or stance verb ("said", "has warned", ", saying") and source marker
("according to"), `sentence_attrs` finds the subject: the noun phrase before the verb, the
phrase after it in an inversion ('"...," said Peskov') (reader.classify.verbsubject), or the
source after the marker. Then `settle` decides which attribution owns the sentence and which
are positions reported inside its words, and turns them into evidence (see reader.classify);
a pronoun or a role takes an earlier speaker (reader.classify.antecedents). Two steps built on
this grammar live in modules of their own: reader.classify.positions (a stated position named
by its noun, "This was stated by X") and reader.classify.subject (a side's actor as the
subject of a main clause, where no one speaks).
"""

from __future__ import annotations

import re
from bisect import bisect_left

from reader.classify.antecedents import (
    body_possessor,
    office_holder,
    opening_name,
    others_text,
    possessed_office,
    pronoun_subject,
    role_subject,
    speaks,
    unless_leaked,
)
from reader.classify.clauses import (
    CLAUSE_WORDS,
    CONDITIONS,
    CONTENT_OPENERS,
    HELD_VIEWS,
    PERSONAL,
    Attr,
    clause_place,
    clause_subject,
    is_thing,
    placed_office,
    units_of,
    verb_quoted,
)
from reader.classify.evidence import add_evidence, note_rule
from reader.classify.inversions import appositive_after
from reader.classify.phrasebounds import channel_head, np_after, np_before
from reader.classify.phrases import STATED_STANCES, learn, names_press, resolve
from reader.classify.speakers import known_role, names_text, note_person
from reader.classify.topic import allowed, goes_on, heard_on_war, is_named_person
from reader.classify.types import (
    CAP,
    END,
    LOW,
    START,
    TERM,
    BlockWork,
    Speaker,
    State,
    Unit,
    Who,
    WhoKind,
)
from reader.classify.units import OWN_WORDS, in_spans
from reader.classify.verbsubject import verb_subject
from reader.classify.wordclasses import (
    ARTICLES,
    CHANNEL_NOUNS,
    COORD,
    OBJECT_PREP,
    SKIP,
    SUBORDINATE,
    present_form,
    word_set,
)
from reader.rules.compile import CompiledRules, VerbForm
from reader.rules.grammar import (
    ATTRIBUTION_COORDINATED,
    ATTRIBUTION_PARTICIPLE,
    ATTRIBUTION_SOURCE,
    CARRY_PRONOUN,
    CARRY_ROLE,
    REPORTED_SPEECH,
)


def on_topic(speaker: Speaker, work: BlockWork, rules: CompiledRules) -> bool:
    """Whether a member state's official speaks on the war in this block (`allowed`), so that
    carrying them over gives their side: one last heard on the war goes on with it unless
    the block turns to the member's own affairs ("He added that the budget ...")."""
    return allowed(
        Who("actor", speaker.actors, member=True), work, rules, continues=not speaker.off_topic
    )


def sentence_attrs(
    work: BlockWork,
    units: list[Unit],
    starts: list[int],
    s_start: int,
    s_end: int,
    verbs: list[tuple[int, int, VerbForm]],
    markers: list[tuple[int, int]],
    rules: CompiledRules,
    state: State,
) -> list[Attr]:
    """Every attribution in one sentence, in text order, with its subject."""

    first = bisect_left(starts, s_start)
    last = bisect_left(starts, s_end)
    attrs: list[Attr] = []
    for m_start, m_end in markers:
        owner = _words_owner(work, units, starts, m_start, state)
        if owner is not None:
            attrs.append(Attr(m_start, m_end, owner, ATTRIBUTION_SOURCE, None, True))
            continue
        k = bisect_left(starts, m_end)
        a, b = np_after(units, k, last)
        who = resolve(units[a:b], state.names)
        learn(who, state.names)
        channel = b < last and channel_head(units, b, a)  # "according to the Kremlin website"
        if not channel and _place_before_noun(units, b, last):
            continue  # "according to a London think tank": a place qualifies who said it
        place = clause_place(work, units, first, a, b, who)
        if place is not None:  # "killed in Odesa, according to the regional governor"
            who = placed_office(units, a, b, who, place, state.names)
        who = _source_beyond(work, units, (a, b), last, verbs, who, state)
        if who.kind != "none":
            attrs.append(Attr(m_start, m_end, who, ATTRIBUTION_SOURCE, None, True))
        elif work.folded.startswith("citing", m_start):
            reason = _citing_reason(work, units, first, k, m_start, m_end, state)
            if reason is not None:
                attrs.append(reason)
    for v_start, v_end, form in verbs:
        k = bisect_left(starts, v_start)
        if k >= len(units) or units[k][START] != v_start:
            continue
        attr = verb_subject(work, units, k, v_end, first, last, form, attrs, state)
        if (
            attr is not None
            and not _conditional(units, starts, attr)
            and not _duty_watch(attr, rules)
        ):
            attrs.append(attr)
    attrs.sort(key=lambda a: a.pos)
    return attrs


def _duty_watch(attr: Attr, rules: CompiledRules) -> bool:
    """A watch kept by a force on its duty ("Ukrainian border guards keep a close eye on the
    crossing", "the police keep an eye on the square"): what it does, not a stance its state
    announces, as a ministry's or a government's watch is ("the defence ministry keeps close
    watch on the drills"). The forces are config.yaml's `on_duty` roles: which ones keep a watch
    as their duty differs by state, a user's to extend."""
    verb = attr.verb
    if verb is None or not verb.lemma.startswith("keep ") or not attr.who.roles:
        return False  # a watch kept: config.yaml's stance verbs "keep (a close) eye/watch on"
    return any(role in rules.on_duty for role in attr.who.roles)


def _words_owner(
    work: BlockWork, units: list[Unit], starts: list[int], m_start: int, state: State
) -> Who | None:
    """Whose words or view a marker of `units.OWN_WORDS` names ("In her opinion, ...", "As
    Peskov put it, ...", "Zelensky's message was clear: ..."): the possessor, a pronoun
    carried as "he said" is, a common noun someone of no side; None for any other marker."""
    m = OWN_WORDS.match(work.folded, m_start)
    if m is None:
        return None
    group = next(g for g in ("owner", "put", "noun") if m.group(g) is not None)
    a, b = bisect_left(starts, m.start(group)), bisect_left(starts, m.end(group))
    phrase = units[a:b]
    if len(phrase) > 1 and phrase[-1][LOW] in ("'s", "’s", "'"):
        phrase = phrase[:-1]
    if not phrase:
        return None
    if group == "noun":  # "He stressed NATO's message was ...:": the noun phrase, not its clause
        last = a + len(phrase) - 1
        phrase = units[min(np_before(units, last, a)[0], last) : last + 1]
    if len(phrase) == 1 and phrase[0][LOW] in _OWNER_PRONOUNS:
        # "In her view, ...", "His answer was blunt: ...": the person a "she said" would take
        span = (phrase[0][START], phrase[0][END])
        return Who("pronoun", (), *span, word=_OWNER_PRONOUNS[phrase[0][LOW]])
    first = 1 if phrase[0][LOW] in ARTICLES and len(phrase) > 1 else 0
    who = resolve(phrase[first:], state.names)
    learn(who, state.names)
    term = phrase[-1][TERM]
    if who.kind == "none" and term is not None and term.actors and len(phrase) == first + 1:
        # "Kyiv's message was clear: ...": a country's or a capital's possessive (read as its
        # adjective, "Kyiv's" as "Ukrainian") owns the words as its government
        span = (phrase[-1][START], phrase[-1][END])
        return Who("actor", term.actors, *span, member=term.member)
    if who.kind == "none":  # "As one fisherman put it": someone of no side, no carry-over
        return Who("unknown", (), phrase[0][START], phrase[-1][END])
    return who


# A possessive pronoun owning words or a view, and the pronoun it stands for.
_OWNER_PRONOUNS = {"his": "he", "her": "she", "their": "they", "its": "it"}


# Words right before a reported speech verb that make it no statement: a modal or a negation
# ("Putin will conclude", "whose captivity Moscow has never acknowledged").
_UNASSERTING = word_set(
    "will would could might may can cannot must should shall never not n't won't wouldn't"
)
_EVERY = word_set("every each")


def _conditional(units: list[Unit], starts: list[int], attr: Attr) -> bool:
    """The subject opens a condition ("If Russia refuses ...", "every time NATO promises"):
    a hypothetical is no one's stated position."""
    if attr.who.start > attr.pos:
        return False
    if attr.follows:
        return attr.rule is ATTRIBUTION_COORDINATED and _cannot(units, starts, attr)
    a = bisect_left(starts, attr.who.start)
    if units[a][LOW] in CONDITIONS:  # a capital "If" opening the sentence joins the phrase
        return True
    if inverted_condition(units, a) or (a > 0 and inverted_condition(units, a - 1)):
        return True  # "..., should Kyiv and Moscow agree a truce", "Had Kyiv accepted ..."
    before = units[a - 1][LOW] if a > 0 else ""
    return before in CONDITIONS or (before == "time" and a > 1 and units[a - 2][LOW] in _EVERY)


# An auxiliary put before its subject to open a condition: "should Moscow agree", "had Kyiv
# accepted", "were Russia to attack".
_INVERTED_CONDITION = word_set("should had were")
# What may stand before such an auxiliary where it opens a clause: the sentence's start or a
# mark that ends the clause before it.
_CLAUSE_BREAK = frozenset([",", ";", ":", "(", "–", "—", "-", ".", "!", "?"])


def inverted_condition(units: list[Unit], i: int) -> bool:
    """Unit `i` is an auxiliary that opens a condition by inversion (", should Kyiv and Moscow
    agree a deal", "Had Kyiv accepted the offer, ..."): its subject's verb is a hypothetical,
    no one's stated position. Only at a clause's start: "Moscow should agree" and "Kyiv had
    warned" keep the auxiliary after the subject."""
    if units[i][LOW] not in _INVERTED_CONDITION:
        return False
    return i == 0 or units[i - 1][LOW] in _CLAUSE_BREAK


def _cannot(units: list[Unit], starts: list[int], attr: Attr) -> bool:
    """ "Russia cannot step up the war ... and expect ...": the modal negation after the subject
    governs the verbs coordinated with the first, none of them a statement."""
    b = bisect_left(starts, attr.who.end)
    words = [units[j][LOW] for j in range(b, min(b + 2, len(units)))]
    return bool(words) and (words[0] == "cannot" or words[:2] in (["can", "not"], ["can", "n't"]))


def _unasserted(work: BlockWork, attr: Attr) -> bool:
    """A modal or a negation among the auxiliaries right before the verb: inside another
    speaker's words it is that speaker's claim about the subject ("Moscow has never
    acknowledged"), not a position reported for it."""
    units = work.units
    first = bisect_left(work.starts, attr.who.start)
    j = bisect_left(work.starts, attr.pos) - 1
    while j >= first and units[j][LOW] in SKIP:
        if units[j][LOW] in _UNASSERTING:
            return True
        j -= 1
    return False


# A verb of belief or guess right before another side's clause ("Lavrov says he thinks the
# United States proposes ...", "she suspects that Kyiv has asked ..."): the speaker's view of
# the other side, a claim about it, not its position reported.
_BELIEVED = re.compile(
    r"\b(?:think|thinks|thought|believe|believes|believed|suspect|suspects|suspected|assume|"
    r"assumes|assumed|suppose|supposes|supposed|guess|guesses|guessed|imagine|imagines|"
    r"imagined|presume|presumes|presumed)\s+(?:that\s+)?\Z"
)


# Verbs that report a statement even in the present tense inside a quote ("He says he will not
# give up a single metre").
_REPORTING_NOW = word_set("say tell")
# Auxiliaries of the present ("is openly threatening") and of the present perfect ("has
# declared Russia a threat"): inside a quote, a state of affairs the speaker pictures.
_PRESENT_BE = frozenset(["is", "are", "am", "has", "have"])


def _characterised(work: BlockWork, attr: Attr) -> bool:
    """Inside a quote, another side as the subject of a present-tense verb ("Russia is openly
    threatening war", "Russian commanders report to Moscow what it wants to hear", "Moscow
    denies everything") or of a present perfect ("NATO has declared Russia a threat and keeps
    building up") is the quoted speaker's picture of that side, not a statement of its that
    the speaker reports ("Kyiv says ...", "Moscow has told us ..." are: `_REPORTING_NOW`)."""
    if attr.verb is None or attr.verb.lemma in _REPORTING_NOW:
        return False
    if not work.quotes or not in_spans(attr.pos, work.quotes):
        return False
    if present_form(work.folded[attr.pos : attr.end], attr.verb.lemma):  # "denies"
        return True
    j = bisect_left(work.starts, attr.pos) - 1
    while j >= 0 and work.units[j][LOW] in SKIP:  # "is openly threatening"
        if work.units[j][LOW] in _PRESENT_BE:
            return True
        j -= 1
    return False


# A course of conduct told by another side's speaker ("Sybiha said Russia continues to reject a
# truce", "<claim that X keeps denying ...> - <source>"): the speaker's picture of the side's
# conduct, not words of its own reported (GUIDE.md: a claim about others is not their position).
_ONGOING = re.compile(
    r"\b(?:continues?|continued|continuing|keeps?|kept|keeping)\s+(?:on\s+)?(?:to\s+)?$"
)


# ... but a verb of saying there with what it says after it ("Moscow continues to claim that its
# campaign is defensive", "Kyiv keeps calling for a review of the accords", "Russia continues to
# deny that it controls the militias") tells words the side keeps saying, a view it states
# (GUIDE.md "Reported positions"; session 20: a denial told in a clause carries the denier): the
# clause's "that", a call's "for", or a call "on" someone; not a verb of saying with a bare object
# ("continues to deny the obvious", "keeps repeating lies"), the speaker's picture of it.
_ONGOING_SAID = re.compile(r"\s*(?:that|for|on|upon)\b")
_CALLS = frozenset(["call for", "call on", "call upon", "urge"])


def _ongoing_saying(work: BlockWork, attr: Attr) -> bool:
    """The verb after "continues to", "keeps" ... is one of saying with what it says after it."""
    verb = attr.verb
    if verb is None or verb.cls != "speech":
        return False
    if verb.lemma in _CALLS:
        return True  # the call's own particle read with its verb: "continues to call for"
    return _ONGOING_SAID.match(work.folded, attr.end) is not None


# How far past a source marker a document's author may be named: "according to a broadly
# positive readout of Friday's call posted to social media by Zelenskyy".
_AUTHOR_REACH = 16


def _citing_reason(
    work: BlockWork,
    units: list[Unit],
    first: int,
    k: int,
    m_start: int,
    m_end: int,
    state: State,
) -> Attr | None:
    """ "after the U.S. paused weapons shipments, citing concerns that ...": "citing" a reason
    (no source after it) is the clause's subject giving its reason, as ", saying" is."""
    at = bisect_left(work.starts, m_start)
    if at == 0 or units[at - 1][LOW] != ",":
        return None
    who = clause_subject(units, first, at, state)
    if who.kind != "actor":
        return None
    if in_spans(who.start, work.quotes) and not in_spans(m_start, work.quotes):
        return None  # '"In <country>, we see ...," he added, citing ...': not the quote's words
    return Attr(m_start, m_end, who, ATTRIBUTION_PARTICIPLE, None, True, follows=True)


def _source_beyond(
    work: BlockWork,
    units: list[Unit],
    phrase: tuple[int, int],
    last: int,
    verbs: list[tuple[int, int, VerbForm]],
    who: Who,
    state: State,
) -> Who:
    """Who a source marker names when its phrase (units a..b) alone does not say: a text's
    or a channel's author ("a statement released by the Kremlin", "the website of the
    ministry"), or a name's appositive office ("as reported by <name>, the spokesman for
    ..."). An outlet a side's adjective names ("with reference to Swedish TV") is a source of
    no side: what a broadcaster reports is a media report."""
    a, b = phrase
    if who.kind in ("none", "role") or (
        who.kind == "unknown" and not any(u[CAP] for u in units[a:b])
    ):  # "a broadly positive readout", "the statement", "a statement" (no one's name)
        who = _document_by(units, b, last, state) or channel_owner(units, b, last, state) or who
    elif (
        who.kind == "unknown"
        and b < last
        and units[b][LOW] == ","
        and not _clause_after_source(units, b, last, verbs)
    ):
        # "as reported by Dmytro Chubenko, the spokesman for the Kharkiv regional ..."
        who = appositive_after(work, units, a, b, last, who, state)
    if who.kind == "actor" and names_press(work.folded[who.start : who.end]):
        return Who("unknown", (), who.start, who.end)
    return who


def _document_by(units: list[Unit], b: int, last: int, state: State) -> Who | None:
    """The author a source's "by"/"from" names, when the source itself is a document or
    names no one ("according to a readout ... by Zelenskyy", "according to a statement
    released by the Kremlin"); None when the clause names no actor that way."""
    for j in range(b, min(last, b + _AUTHOR_REACH)):
        low = units[j][LOW]
        if low in (",", ";", ":"):
            return None
        if low in ("by", "from") and units[j][TERM] is None:
            a2, b2 = np_after(units, j + 1, last)
            who = resolve(units[a2:b2], state.names)
            learn(who, state.names)
            if _place_before_noun(units, b2, last):
                return None  # "a report by a London think tank"
            return who if who.kind == "actor" else None
    return None


def channel_owner(units: list[Unit], b: int, last: int, state: State) -> Who | None:
    """The owner a channel's "of" names when the source is that channel or a text on it
    ("with reference to the website of the Ministry of Foreign Affairs", "from a statement on
    the official website of the President"), or the owner named before the channel a text was
    posted "on" (`_posted_on`): an official site says what its owner says, as "the Kremlin
    website" does. A bare office ("the Ministry of Foreign Affairs") comes back as the role it
    is, for the speaker the story has put forward; None for no side's owner."""
    for j in range(b, min(last - 1, b + _AUTHOR_REACH)):
        low = units[j][LOW]
        if low in (",", ";", ":"):
            return None
        if low == "on" and units[j][TERM] is None:
            owner = _posted_on(units, j + 1, last, state)
            if owner is not None:
                return owner
        if low in CHANNEL_NOUNS and units[j][TERM] is None and units[j + 1][LOW] == "of":
            a2, b2 = np_after(units, j + 2, last)
            who = resolve(units[a2:b2], state.names)
            learn(who, state.names)
            return who if who.kind in ("actor", "role") else None
    return None


def _posted_on(units: list[Unit], a: int, last: int, state: State) -> Who | None:
    """The side whose channel the phrase at unit `a` names, its owner before the channel's
    noun ("on Zelensky's website", "on the Kremlin website", "on the ministry's Telegram
    channel"): a text posted there is the owner's; None when the phrase names no channel, or
    no side's or office's."""
    a2, b2 = np_after(units, a, last)
    if b2 >= last or b2 == a2 or units[b2][LOW] not in CHANNEL_NOUNS or units[b2][TERM]:
        return None
    who = resolve(units[a2:b2], state.names)
    learn(who, state.names)
    return who if who.kind in ("actor", "role") else None


def _place_before_noun(units: list[Unit], b: int, last: int) -> bool:
    """The phrase a source marker names ends in a side's name that qualifies the common noun
    after it ("a London think tank", "Kyiv residents"): a thing or people there, no side."""
    if b >= last or b == 0:
        return False
    place, noun = units[b - 1], units[b]
    term = place[TERM]
    low = noun[LOW]
    return (
        term is not None
        and term.kind == "alias"
        and not place[LOW].endswith(("'s", "’s"))
        and noun[TERM] is None
        and not noun[CAP]
        and low.isalpha()
        and low not in _SOURCE_NOUNS
        and low not in OBJECT_PREP
        and low not in SKIP
        and low not in COORD
    )


# Nouns after a side's name that still give its word: "according to NATO estimates".
_SOURCE_NOUNS = word_set(
    "estimates estimate figures data assessment assessments intelligence documents document"
    " sources source reports report statement statements readout officials said says"
)


def _clause_after_source(
    units: list[Unit], b: int, last: int, verbs: list[tuple[int, int, VerbForm]]
) -> bool:
    """After "According to <an outlet>," the sentence's own clause, not an appositive that
    names the source ("According to Ukrinform, Zelensky said this on Telegram": the outlet is
    the channel, not Zelensky's side): a speech or stance verb before the next comma."""
    end = b + 1
    while end < last and units[end][LOW] not in (",", ".", ";") and end - b <= 12:
        end += 1
    if end == b + 1:
        return False
    lo, hi = units[b + 1][START], units[end - 1][END]
    return any(lo <= v[0] < hi for v in verbs)


def settle(
    work: BlockWork,
    attrs: list[Attr],
    rules: CompiledRules,
    state: State,
    distance: int,
    voice: Speaker | None,
) -> None:
    """Turn a sentence's attributions into evidence: main speakers, reported positions.

    The speaker who owns the sentence is settled first: an attribution that closes it
    ("..., Stoltenberg insisted.") or a source ("According to Lavrov, ..."); every other
    attribution in its words is reported. Otherwise a speech verb owns what follows it.
    """
    owner: tuple[str, ...] | None = voice.actors if voice is not None else None
    resolved: dict[int, tuple[str, ...] | None] = {}
    attrs = _past_outlets(work, attrs)
    closing = _closing_source(work, attrs)
    leaders = [closing] if closing is not None else _leaders(attrs)
    rest = [a for a in attrs if a not in leaders]
    # what a quote says others said is settled after the speaker the quote is given to
    order = leaders + sorted(rest, key=lambda a: bool(work.quotes) and in_spans(a.pos, work.quotes))
    before = _OwnersBefore(attrs, resolved)
    for attr in order:
        if closing is not None and attr.follows and attr.pos > closing.pos:
            continue  # "..., according to an official, adding ...": the source's, said already
        quoted = verb_quoted(work, attr)
        embedded_in = () if attr.aside and owner is None else owner  # an aside: reported
        if quoted:
            embedded_in = _quote_owner(work, owner)
        elif embedded_in is None and not attr.follows:
            if leaders and attr is not leaders[0]:
                embedded_in = resolved.get(id(leaders[0]))
            if embedded_in is None and not (leaders and attr is leaders[0]):
                # (the leader is settled first: nothing before it is settled yet)
                embedded_in = before.owner(attr)
            if embedded_in is not None and _opens_own_clause(work, attr):
                embedded_in = None  # ", as Russian officials believe that ...": their own
        if attr.rule is ATTRIBUTION_SOURCE and embedded_in == () and not quoted:
            embedded_in = None  # "the newspaper reported, citing US officials": theirs
        elif _channel(work, attr, embedded_in or _heard_here(work, state)):
            continue  # "X said ..., as reported by European Pravda": who carried X's words
        resolved[id(attr)] = _settle_one(
            work, attr, embedded_in, quoted, rules, state, distance, voice
        )


def _past_outlets(work: BlockWork, attrs: list[Attr]) -> list[Attr]:
    """A sentence's attributions without what an outlet's name adds: a channel that closes or
    opens it ("..., Ukrinform reports", "As <agency> earlier reported, X believes ..."), or
    the sides inside an outlet's own report ("Reuters reported that Moscow was asking ...")."""
    if attrs and attrs[-1].trailing and _outlet_reports(attrs[-1]):
        # "X said this ..., Ukrinform reports", "This was stated by X, Ukrinform reports"
        # (X from positions.stated_by): the channel, never the block's speaker
        attrs = attrs[:-1]
    if len(attrs) > 1 and _as_reported(work, attrs[0]):
        return attrs[1:]  # "As <agency> earlier reported, X believes ...": the channel
    if len(attrs) > 1 and _outlet_account(attrs[0]):
        # "Reuters reported that Moscow was asking ...": the outlet's report of a side; an
        # office holder it relays still speaks ("<outlet> reports that <state>'s foreign
        # minister stated that ...": the minister's words, the outlet their channel)
        return [
            a
            for a in attrs
            if a is attrs[0] or a.follows or a.rule is ATTRIBUTION_SOURCE or _relayed_office(a)
        ]
    return attrs


def _relayed_office(attr: Attr) -> bool:
    """An attribution inside an outlet's report whose subject is a side's office holder
    (roles named) stating something (`_RELAYED_VERBS`, a content after it): what the report
    relays, not its account ("..., who wrote a post about ..." is a thing done)."""
    verb = attr.verb
    return (
        attr.who.kind == "actor"
        and bool(attr.who.roles)
        and verb is not None
        and verb.lemma in _RELAYED_VERBS
        and attr.complement
    )


# The verbs of a statement an outlet relays from an office holder.
_RELAYED_VERBS = frozenset(["say", "state", "tell", "announce", "declare", "stress", "note"])


def _leaders(attrs: list[Attr]) -> list[Attr]:
    """The attribution that owns the sentence, if any: a source that opens it ("According to
    Lavrov, ..."), else the last one that closes it ("..., Stoltenberg insisted."): past an
    opening clause ("Since the deal was signed, Kyiv has rejected it, X said") the content's
    own subject also follows a comma near the end, but X's verb is the one that closes."""
    if attrs and attrs[0].rule is ATTRIBUTION_SOURCE:
        return attrs[:1]
    closing = [a for a in attrs if a.trailing]
    return closing[-1:]


# After a closing source, what may end the sentence: its end, or a participle's clause
# (", adding ...") that goes on with the source's account.
_CLOSING_TAIL = re.compile(r"\W*(?:$|,\s+\w+ing\b)")


def _closing_source(work: BlockWork, attrs: list[Attr]) -> Attr | None:
    """A source of a side that closes a sentence after a speaker's verb ("<claim>, Putin told
    Macron, according to a French official"): the source tells what the speaker said, so
    it owns the sentence and the speaker before it is reported."""
    i = next((i for i, a in enumerate(attrs) if a.follows), len(attrs)) - 1
    if i < 1:
        return None
    last, before = attrs[i], attrs[i - 1]  # (a participle after it goes on: ", adding")
    if (
        last.rule is not ATTRIBUTION_SOURCE
        or last.who.kind != "actor"
        or before.verb is None
        or before.verb.cls != "speech"
        or work.folded[last.pos : last.end] in CHANNELS
        or (work.quotes and in_spans(last.pos, work.quotes))
    ):
        return None
    between = work.folded[before.end : last.pos]
    if "that" in between.split() or ":" in between:
        return None  # "X said that, according to Y, ...": Y inside X's words
    end = work.sentence_end(last.pos)
    return last if _CLOSING_TAIL.match(work.folded[last.who.end : end]) else None


# Source markers that name who carried a speaker's words rather than whose words they are.
CHANNELS = frozenset(["as reported by", "cited by"])


def _channel(work: BlockWork, attr: Attr, embedded_in: tuple[str, ...] | None) -> bool:
    """A source marker after a speaker's words that names the outlet that reported them ("X
    said ..., as reported by <a paper>"): the channel, not a position reported."""
    return (
        bool(embedded_in)
        and attr.rule is ATTRIBUTION_SOURCE
        and work.folded[attr.pos : attr.end] in CHANNELS
    )


def _heard_here(work: BlockWork, state: State) -> tuple[str, ...] | None:
    """The side of a speaker this block has already named: its label ("Source: X at a
    briefing, as reported by <a paper>") or an earlier sentence. Such a speaker owns the
    channel that follows, which then takes the floor from no one."""
    last = state.last
    return last.actors if last is not None and last.block == work.index and last.actors else None


def _outlet_reports(attr: Attr) -> bool:
    """ "The head of state said this in his address, Ukrinform reports.": a closing "<outlet>
    reports" (or "writes <outlet>") after a speaker's verb names the channel, not the
    sentence's speaker."""
    return attr.who.kind == "unknown" and attr.verb is not None and attr.verb.lemma in _REPORTS


_REPORTS = frozenset(["report", "write"])


def _outlet_account(attr: Attr) -> bool:
    """ "<Outlet> reported that Moscow was asking the West to ...": a side's words known only
    from a paper's or an agency's report are the report's, no side's position (GUIDE.md's
    media report; a source it cites, "..., citing US officials", still speaks)."""
    return _outlet_reports(attr) and not attr.trailing and attr.complement


def _as_reported(work: BlockWork, attr: Attr) -> bool:
    """ "As <an outlet> (earlier) reported, ...": a clause opening the sentence that names the
    channel of what follows, by no one of a side (the outlet is unknown to the lexicon)."""
    if not _outlet_reports(attr):
        return False
    folded = work.folded
    opening = folded[work.sentence_start(attr.who.start) : attr.who.start].strip()
    return opening == "as" and _REPORTED_WHEN.match(folded, attr.end) is not None


# What may stand between "As <outlet> reported" and its comma: when ("earlier", "on Monday",
# "last week", "earlier on March 6", "in 2023").
_REPORTED_WHEN = re.compile(
    r"(?:\s+(?:earlier|previously|already|recently|today|yesterday))?"
    r"(?:\s+(?:on|last|this|in)\s+[\w-]+(?:\s+\d{1,4})?)?\s*,"
)


# What opens a clause of the narrator's after a comma: ", as X believes", ", while X insists",
# ", but X has refused", ", whereas X argues".
_OWN_CLAUSE_OPENERS = word_set("as while whilst whereas although though but")


def _opens_own_clause(work: BlockWork, attr: Attr) -> bool:
    """The attribution's subject opens a clause after a comma and a subordinator or "but"
    ("Allied diplomats voiced worry that ..., as Russian officials believe that ..."): the
    clause is the narrator's, set beside the earlier speaker's words, not inside them, so its
    subject speaks for itself (GUIDE.md's reported positions: speaker first, then this side)."""
    if attr.follows or attr.who.start > attr.pos:
        return False
    units = work.units
    a = bisect_left(work.starts, attr.who.start)
    if a > 2 and units[a - 1][LOW] == "and":
        a = np_before(units, a - 2, 0)[0]  # ", while the EU and NATO called for"
    j = a - 1
    if j > 0 and units[j][LOW] == "the":
        j -= 1  # ", while the alliance insists"
    if j < 1 or units[j][LOW] not in _OWN_CLAUSE_OPENERS:
        return False
    if units[j - 1][LOW] == "even":
        j -= 1  # ", even as X warns"
    # (not "said that, as NATO had ...": the clause opens inside the speaker's content)
    return units[j - 1][LOW] == "," and (j < 2 or units[j - 2][LOW] not in CONTENT_OPENERS)


class _OwnersBefore:
    """The speaker whose words an attribution falls in: the last attribution before it (in
    text order) that owns a complement and was settled with a speaker. Asked in text order
    (after the leader), so one pass over the sentence answers every attribution."""

    __slots__ = ("attrs", "last", "next", "resolved")

    def __init__(self, attrs: list[Attr], resolved: dict[int, tuple[str, ...] | None]) -> None:
        self.attrs = attrs
        self.resolved = resolved
        self.next = 0  # the first attribution not yet looked at
        self.last: tuple[str, ...] | None = None

    def owner(self, attr: Attr) -> tuple[str, ...] | None:
        attrs, resolved = self.attrs, self.resolved
        while self.next < len(attrs) and attrs[self.next] is not attr:
            other = attrs[self.next]
            owner_of = resolved.get(id(other))
            if other.complement and owner_of is not None:
                self.last = owner_of
            self.next += 1
        return self.last


# The two parties of a meeting or a dispute, by default the war's (Russia and Ukraine).
_TWO_SIDES = frozenset(["both sides", "the two sides", "two sides", "each side"])


def _two_parties(work: BlockWork, who: Who, state: State) -> Who:
    """ "Blinken met Rutte in Brussels. Both sides underscored ...": the sides of the block's
    subjects before the phrase (else of the people, else of the sides it names before it),
    when they are not the war's two (an ally's meeting is its own); with none, the two sides
    of the call or meeting the story named last (`voice: joint`, "A and B discussed ..."
    two paragraphs before: `State.parties`, which a meeting with an unnamed office clears),
    or an official document's joint source or readout (in an official readout before the sides
    a topic names: "views on the Ukrainian crisis ... both sides stressed" are its author's and
    counterpart's)."""
    source, readout = state.source, state.readout
    opened = () if source is None or not source.joint else (*source.author, *source.counterpart)
    if not opened and state.official and readout is not None and state.document:
        # a readout's counterpart, once its author is known (the author first)
        opened = tuple(dict.fromkeys((*state.document, *readout.counterpart)))
    if state.parties is not None or not state.official:
        opened = state.parties.sides if state.parties is not None else ()
    both = [(actor, False) for actor in opened] if state.official and len(opened) > 1 else []
    named = (
        [
            (actor, subject.member)
            for pos, subject in work.main
            if pos < who.start and subject.kind == "actor"
            for actor in subject.actors
        ]
        or _parties_named(work, who.start, ("speaker",))
        or both
        or _parties_named(work, who.start, _SIDES)
        or [(actor, False) for actor in opened]
    )
    sides = tuple(dict.fromkeys(actor for actor, _ in named))
    if not sides or set(who.actors) <= set(sides):
        return who
    member = all(is_member for _, is_member in named)
    return Who("actor", sides, who.start, who.end, who.roles, member=member)


_SIDES = ("alias", "speaker", "adjective")


def _parties_named(work: BlockWork, before: int, kinds: tuple[str, ...]) -> list[tuple[str, bool]]:
    """The actors (and whether through a member state) of the terms of `kinds` before `before`."""
    return [
        (actor, term.member)
        for start, _, term in work.terms
        if start < before and term.kind in kinds
        for actor in term.actors
    ]


def _earlier_holders(work: BlockWork, who: Who) -> bool:
    """Whether the subject names only holders of an office in earlier years (the lexicon's
    `past_speakers`): inside another speaker's quote they are the past that speaker recalls."""
    if who.kind != "actor":
        return False
    named = [t for a, _, t in work.terms if who.start <= a < who.end and t.kind != "role"]
    return bool(named) and all(t.past for t in named)


def _settle_one(
    work: BlockWork,
    attr: Attr,
    embedded_in: tuple[str, ...] | None,
    quoted: bool,
    rules: CompiledRules,
    state: State,
    distance: int,
    voice: Speaker | None,
) -> tuple[str, ...] | None:
    """Evidence for one attribution; the actors it makes the speaker (() for a named speaker
    who is none of them), or None when it is reported or unresolved."""
    who = attr.who
    if quoted and _earlier_holders(work, who):
        return None  # '"... years later Merkel admitted ...," he said': history, no side's voice
    if who.kind == "actor" and work.folded[who.start : who.end] in _TWO_SIDES:
        who = _two_parties(work, who, state)
    found: Who | Speaker | None = who
    if who.kind == "pronoun" and not quoted:
        author = _statement_author(work, who, state)
        if author is not None:  # what the narrator reports of a statement named before it
            _note_step(work, attr)
            return _named(work, attr, author, (), rules, state, distance)
    if who.kind == "role" and names_text(who) and others_text(work, who):
        return None  # "the newspaper's report says", "a hostile document written in ..."
    if who.kind == "pronoun":
        found = pronoun_subject(work, attr, embedded_in, quoted, state, distance, voice)
    elif who.kind == "role" and (holder := _reported_office(attr, embedded_in, state)):
        _note_step(work, attr)
        return _named(work, attr, holder, embedded_in, rules, state, distance)
    elif who.kind == "role":
        found = (
            possessed_office(work, who, state)
            or body_possessor(work, who, state)
            or role_subject(work, who, state, distance)
        )
    if found is None:
        return None
    _note_step(work, attr)
    if isinstance(found, Speaker):
        spoke = _carried(work, attr, found, embedded_in, rules, state)
    else:
        spoke = _named(work, attr, found, embedded_in, rules, state, distance)
    last = state.last
    if spoke is not None and who.word in PERSONAL and last is not None and last.block == work.index:
        last.gender = who.word  # "she told": a later "he" is someone else
    return spoke


def _reported_office(attr: Attr, embedded_in: tuple[str, ...] | None, state: State) -> Who | None:
    """A bare office inside another side's words ('"The foreign minister made it clear that
    ...," <the counterpart> told reporters'): the person the article last named with that
    office, when they hold another side than the speaker's, whose position the speaker
    reports. Not the last speaker as a fallback (inside a speaker's words that is the speaker),
    nor an office someone of the speaker's own side holds in the article (an aide's "the
    president" is his own president), nor one that closes the sentence or names its source
    (", according to the ministry": the channel of the words before)."""
    if not embedded_in or attr.trailing or attr.rule is ATTRIBUTION_SOURCE:
        return None
    holder = known_role(attr.who, state)
    if holder.kind != "actor" or holder.block is None or set(holder.actors) & set(embedded_in):
        return None
    for key in attr.who.roles:
        for person in state.roles.get(key, ()):
            if set(state.people[person].actors) & set(embedded_in):
                return None
    return holder


_RELATIVE_OPENERS = (("in", "which"), ("during", "which"), ("where",))


def _statement_author(work: BlockWork, who: Who, state: State) -> Who | None:
    """ "... the address given on Friday by President X, in which he said ...": the "he"/"she"
    of a relative clause on a statement is the person (a lexicon speaker) named right before
    the comma, and what it says is theirs as the narrator reports it, not the sentence's
    speaker's."""
    if who.word not in PERSONAL:
        return None
    units, starts = work.units, work.starts
    k = bisect_left(starts, who.start)
    for opener in _RELATIVE_OPENERS:
        c = k - len(opener) - 1
        if c > 0 and units[c][LOW] == "," and tuple(u[LOW] for u in units[c + 1 : k]) == opener:
            break
    else:
        return None
    floor = bisect_left(starts, work.sentence_start(who.start))
    a, b = np_before(units, c - 1, floor)
    person = units[c - 1][TERM]
    if person is None or person.kind != "speaker" or person.possessive:
        owner = _statement_owner(units, floor, c)
        if owner is None:
            return None  # "..., in which he said": a name must close the phrase before it
        a, b = np_before(units, owner, floor)
    named = resolve(units[a:b], state.names)
    return named if named.kind == "actor" else None


# The nouns of a statement its speaker's possessive owns before a relative clause: "President
# X's recent speech, where he warned ...", "X's interview, in which he said ...".
_STATEMENT_EVENTS = word_set(
    "speech address interview remarks briefing statement article post message column"
)
_OWNER_REACH = 3  # the most words between the possessive and the comma (", recent televised")


def _statement_owner(units: list[Unit], floor: int, c: int) -> int | None:
    """The unit of a statement's owner, when the phrase before the comma at unit `c` (not
    before `floor`) is a person's possessive and a statement's noun ("X's recent speech"): the
    "he" of the relative clause after it is that person; None for any other phrase."""
    if c < 1 or units[c - 1][LOW] not in _STATEMENT_EVENTS:
        return None
    for j in range(c - 2, max(floor, c - 2 - _OWNER_REACH) - 1, -1):
        term = units[j][TERM]
        if term is not None and term.kind == "speaker" and units[j][LOW].endswith("'s"):
            return j
        if units[j][CAP]:
            return None
    return None


def _carried(
    work: BlockWork,
    attr: Attr,
    carried: Speaker,
    embedded_in: tuple[str, ...] | None,
    rules: CompiledRules,
    state: State,
) -> tuple[str, ...] | None:
    """A pronoun's or a role's speaker carried over from an earlier block."""
    if embedded_in is not None:
        return None
    start, end = attr.span()
    if (carried.off_topic or carried.member) and not on_topic(carried, work, rules):
        state.last = Speaker(carried.actors, work.index, off_topic=True)
        note_person(state, state.last)
        work.main.append((attr.pos, Who("unknown", (), start, end)))
        return ()
    if carried.actors:
        rule = CARRY_ROLE if attr.who.kind == "role" else CARRY_PRONOUN
        add_evidence(work, rule, carried.actors, start, end, rules.weights.carry)
        work.carried_from = carried.block
    # "the statement said" after "X and Y said": a later "the ministers" is still both of them
    state.last = Speaker(carried.actors, work.index, several=carried.several)
    note_person(state, state.last)
    kind: WhoKind = "actor" if carried.actors else "unknown"
    work.main.append((attr.pos, Who(kind, carried.actors, start, end)))
    return carried.actors


def _named(
    work: BlockWork,
    attr: Attr,
    who: Who,
    embedded_in: tuple[str, ...] | None,
    rules: CompiledRules,
    state: State,
    distance: int,
) -> tuple[str, ...] | None:
    """A subject named in the block: the block's speaker, or (inside another speaker's
    words) a position reported. A formal step the narrator tells in a clause of its own
    ("Moscow left the fertiliser accord in May, and Kyiv then ...") is context: only
    another side's statement, or a document that reports others (`State.reports`: its
    author first, reader.classify.document), makes it a position."""
    if embedded_in is None and _narrated_step(attr, state):
        return None
    who = unless_leaked(work, who)
    if who.kind == "unknown" and attr.who.kind == "unknown" and embedded_in is None:
        who = office_holder(work, who, state, distance) or who
    if _member_off_topic(work, who, embedded_in, rules, state, distance):
        # a member state's official on a national matter: no label, but a later "he said" is
        # theirs (on the war's topic, their side's), not the speaker's before them
        last = state.last
        same_side = last is not None and last.actors == who.actors and not last.off_topic
        if embedded_in is None and not same_side:  # (after their side on the war: the topic)
            speaks(work, who, who.actors, state).off_topic = True
            work.main.append((attr.pos, Who("unknown", (), who.start, who.end, who.roles)))
            return ()
        return None
    if who.kind == "unknown":
        if embedded_in is not None:
            return None
        work.awaits_name = work.awaits_name or opening_name(work, who)
        speaks(work, who, (), state)
        work.main.append((attr.pos, who))
        return ()
    if who.kind != "actor":
        return None
    start, end = attr.span()
    if embedded_in is not None:
        # "Putin and Johnson agreed that ...", told by Johnson's office: a shared position the
        # speaker's side is a party to is the speaker's account of it, not the other's words
        fresh = () if set(who.actors) & set(embedded_in) else who.actors
        if fresh and _reports_position(work, attr, embedded_in):
            add_evidence(work, REPORTED_SPEECH, fresh, start, end, rules.weights.reported)
        return None
    add_evidence(work, attr.rule, who.actors, start, end, rules.weights.attribution)
    work.main.append((attr.pos, who))
    speaks(work, who, who.actors, state)
    heard_on_war(who, work, state)
    return who.actors


def _member_off_topic(
    work: BlockWork,
    who: Who,
    embedded_in: tuple[str, ...] | None,
    rules: CompiledRules,
    state: State,
    distance: int,
) -> bool:
    """A member state's official heard on a national matter (`_on_topic`), not one whose words
    another side's speaker reports: what the other side answers is on its topic."""
    if who.kind != "actor" or not who.member:
        return False
    if embedded_in and not set(embedded_in) & set(who.actors):
        return False
    return not _on_topic(work, who, rules, state, distance)


def _reports_position(work: BlockWork, attr: Attr, embedded_in: tuple[str, ...]) -> bool:
    """Whether an attribution inside the words of `embedded_in`'s speaker reports its
    subject's position: its words, a view it holds or a stand it took (`_stated_stance`, in
    any tense, quoted too), not a modal or negated one, nor a quoted picture of it, nor one
    after the speaker's verb of belief ("he thinks Washington proposes ...")."""
    stance = _stated_stance(work, attr)
    if not (stance or _reports_words(work, attr) or _held_view(work, attr, embedded_in)):
        return False
    if _unasserted(work, attr) or (not stance and _characterised(work, attr)):
        return False
    if _ONGOING.search(work.folded, max(0, attr.pos - 30), attr.pos) is not None:
        return _ongoing_saying(work, attr)  # "X continues to reject ...": X's conduct pictured
    return _BELIEVED.search(work.folded, max(0, attr.who.start - 40), attr.who.start) is None


def _note_step(work: BlockWork, attr: Attr) -> None:
    """A formal step's verb (`steps:`; its rule id is the verb's lemma) read with a subject:
    the step rule acted on the block, whether credited, reported or told as context."""
    verb = attr.verb
    if verb is not None and verb.cls == "step":
        note_rule(work, verb.lemma)


def _narrated_step(attr: Attr, state: State) -> bool:
    """A formal step (`steps:` in config.yaml) in a clause no speaker owns, outside a document
    that reports others in its author's voice: the narrator's context."""
    verb = attr.verb
    return verb is not None and verb.cls == "step" and (state.document is None or not state.reports)


def _on_topic(work: BlockWork, who: Who, rules: CompiledRules, state: State, distance: int) -> bool:
    """Whether a member's official `who` speaks on the war's topic (`allowed`), or goes on with
    a statement on it (`goes_on`; a person joins a run of their side's remarks `distance`
    blocks back, a country or a body does not). Asked for a member alone: every other side
    passes the gate, and reading the phrase again costs a bisection per attribution."""
    units = units_of(work, who)
    thing = is_thing(units)
    run = 0 if thing else distance
    person = not thing and is_named_person(who, units, work)
    return allowed(who, work, rules, goes_on(who, work, state, run), person)


# Stance verbs that take a decision, a formal step as the `steps:` rules' are (GUIDE.md: a
# decision announced carries its side's position): "Moscow regrets that Warsaw approved the
# delivery", "the envoy said the Rada had adopted the plan", "X noted that the Seimas voted for
# the bid" report that side's decision, both labels, the speaker first (session 19's convention).
_DECISIONS = frozenset(
    [
        "approve",
        "vote for",
        "vote against",
        "vote to",
        "vote in favor of",
        "vote in favour of",
        "is to expel",
    ]
)

# "already" before a decision's verb ("Kyiv has already approved the laws") tells progress
# made, the speaker's account of where things stand, no position the other side announced.
_ALREADY = re.compile(r"\balready\b")


def _reports_words(work: BlockWork, attr: Attr) -> bool:
    """Whether an attribution inside another speaker's words reports its subject's words: a
    speech verb, a source marker, a formal step (`steps:` in config.yaml: "Moscow said that
    Washington had notified it of its withdrawal": an act of state that takes a stand, GUIDE.md),
    or an agreement the narrator reports (inside the speaker's own quote, '"Moscow agreed to
    pull back and did not"', it is the speaker's account)."""
    verb = attr.verb
    if verb is None or verb.cls in ("speech", "step"):
        return True
    if verb.lemma in _DECISIONS:
        return not _ALREADY.search(work.folded, attr.who.end, attr.pos)
    if verb.lemma not in STATED_STANCES or (work.quotes and in_spans(attr.pos, work.quotes)):
        return False
    return _NEXT_CONTACT.match(work.folded, attr.end) is None


# Verbs that take a side's public stand on a proposal, a step or an idea ("most allies support
# the invitation", "Berlin opposed the lifting of the cap", "Washington insisted on a vote"):
# inside another speaker's words, the stand that side has taken, a position reported, in any
# tense and inside a quote too. Not a motive or a wish the speaker reads into it ("Russia
# wants ...", "Kyiv seeks ...", `stance` verbs of no public stand), and not support given to an
# actor ("the West backs Kyiv", "NATO supports them"): aid, an act, no stand on a matter.
STATED_STANDS = word_set("support back oppose endorse favour favor")
_STAND_PHRASES = frozenset(["insist on", "is opposed to"])
# Words between such a verb and the thing it takes a stand on: determiners and quantifiers.
_STAND_DETERMINERS = word_set("the a an this that these those such any further greater full")


def _stated_stance(work: BlockWork, attr: Attr) -> bool:
    """Whether an attribution inside another speaker's words takes its subject's public stand
    (`STATED_STANDS`) on a thing named right after the verb: the first word past determiners
    is no side's name, pronoun or armed party ("support the idea", not "support Kyiv", "back
    them", "support the separatists"). The verb is its subject's own, not a participle's or an
    infinitive's ("continues to support": a practice pictured)."""
    verb = attr.verb
    if verb is None or (verb.lemma not in STATED_STANDS and verb.lemma not in _STAND_PHRASES):
        return False
    units = work.units
    k = bisect_left(work.starts, attr.pos)
    if attr.follows or (k > 0 and units[k - 1][LOW] == "to"):
        return False
    a = bisect_left(work.starts, attr.who.start)
    if a > 0 and units[a - 1][LOW] in SUBORDINATE:
        return False  # "as NATO had insisted on ...": the speaker's reason, a clause of his
    i = bisect_left(work.starts, attr.end)
    while i < len(units) and units[i][LOW] in _STAND_DETERMINERS:
        i += 1
    if i >= len(units):
        return False
    term, low = units[i][TERM], units[i][LOW]
    return (
        term is None
        and low.isalpha()
        and low not in _NO_STAND_OBJECTS
        and low not in SKIP
        and low not in COORD
        and low not in OBJECT_PREP
        and low not in CLAUSE_WORDS
    )


# What a stand is never taken on: a person or a party (pronouns), an armed party or a state's
# forces, whose backing is an act of war or aid told ("backed the rebels").
_NO_STAND_OBJECTS = word_set(
    "him her them us me you it itself themselves ourselves himself herself "
    "separatists rebels militants militia militias proxies insurgents insurgency uprising "
    "fighters forces troops army regime government authorities"
)


def _held_view(work: BlockWork, attr: Attr, speaker: tuple[str, ...]) -> bool:
    """Whether an attribution inside the words of `speaker`'s side reports a view its subject
    holds (`HELD_VIEWS`, in the plain present) whose clause, to its first comma, names no side
    of the speaker's."""
    verb = attr.verb
    if verb is None or verb.lemma not in HELD_VIEWS:
        return False
    if not present_form(work.folded[attr.pos : attr.end], verb.lemma):
        return False
    units = work.units
    for i in range(bisect_left(work.starts, attr.end), len(units)):
        if units[i][LOW] in _VIEW_ENDS:
            break  # (", the Kremlin said": the speaker's own name closes the view)
        term = units[i][TERM]
        if term is not None and set(term.actors) & set(speaker):
            return False
    return True


# What closes the view's clause: the sentence's end, or a comma before its speaker.
_VIEW_ENDS = frozenset([",", ";", ":", ".", "!", "?"])


# An agreement on the next contact is an act, no position: "agreed to hold another call".
_NEXT_CONTACT = re.compile(
    r"\s+to\s+(?:have|hold|speak|talk|meet)\s+(?:again\b|(?:another|a\s+further|a\s+second|"
    r"one\s+more)\s+(?:(?:phone|telephone|video)\s+)?(?:call|conversation|meeting|round)\b)"
)


def _quote_owner(work: BlockWork, owner: tuple[str, ...] | None) -> tuple[str, ...]:
    """Whose words a quote is: the block's named speaker, else the carried speaker."""
    if owner:
        return owner
    for _, who in work.main:
        if who.kind == "actor":
            return who.actors
    for ev in work.evidence:
        if ev.kind == "carry":
            return (ev.actor,)
    return ()
