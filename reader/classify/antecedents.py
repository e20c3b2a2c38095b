"""The speakers a later "he", "they" or "the minister" stands for, and how a named
speaker is recorded for them.

`speaks` records a named subject as the block's speaker: a person (whose gender, office and
number a later pronoun must agree with) or a country or body, which no later "he" takes; a bare
name right after a side's office is that office's holder (`office_holder`). `pronoun_subject`
finds whom a pronoun stands for (in someone's words, the last other person named; else the
block's earlier speaker, an opening possessor, the subject of the sentence before, the last
speaker carried over), `role_subject` whom a role stands for (the person last named with it).
Separate from reader.classify.attribution because these read the article's memory of speakers
(`State`), not the sentence's grammar; reader.classify.positions asks them too.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from reader.classify.clauses import (
    CONDITIONS,
    FAR,
    FIRST_PERSON,
    IMPERSONAL_PASSIVE,
    NAMED,
    NOT_ONE_PERSON,
    PERSON_NOUNS,
    PERSONAL,
    QUOTE_MARKS,
    SOURCES,
    SUBORDINATORS,
    Attr,
    clause_subject,
    end_key,
    is_thing,
    names_person,
    opening_subject,
    past_progressive,
    past_tense,
    plural_head,
    sentence_first,
    sentence_past_dateline,
    start_key,
    units_of,
)
from reader.classify.offices import own_side, reporting_house
from reader.classify.personnames import past_ranks
from reader.classify.phrasebounds import (
    GENERIC_TEXTS,
    TEXT_MODIFIERS,
    modifier_word,
    np_after,
    np_before,
)
from reader.classify.phrases import resolve, tie_appositive
from reader.classify.speakers import (
    known_role,
    named_again,
    note_person,
    role_holder,
)
from reader.classify.types import (
    CAP,
    END,
    LOW,
    NONE,
    START,
    TERM,
    BlockWork,
    Speaker,
    State,
    Unit,
    Who,
)
from reader.classify.units import in_spans
from reader.classify.wordclasses import (
    ARTICLES,
    CALENDAR,
    COORD,
    OBJECT_PREP,
    SKIP,
    WEEKDAYS,
    ing_form,
    namelike,
    word_set,
)
from reader.rules.compile import VerbForm

# A role no one holds: "side" names a party to an argument ("the Russian side" resolves by its
# adjective; "the other side" and "the pro-war side" are no one's words).
_PARTY = ("side",)


def pronoun_subject(
    work: BlockWork,
    attr: Attr,
    embedded_in: tuple[str, ...] | None,
    quoted: bool,
    state: State,
    distance: int,
    voice: Speaker | None,
) -> Who | Speaker | None:
    """Who "he"/"they" is: in someone's words, the last other person named; else the block's
    earlier speaker, an opening possessor ("Mr. Putin's own verdict ... he told"), the subject
    of the sentence before, or the last speaker carried over (a `Speaker`)."""
    if attr.who.word in FIRST_PERSON:
        return None  # "I", "we": the speaker of the quote or transcript, already counted
    if IMPERSONAL_PASSIVE.match(work.folded, attr.who.start):
        return _impersonal_author(work, attr, state)
    pos = attr.pos
    if quoted or voice is not None:
        person = _quoted_subject_before(work, attr, state)
        if person is None:
            person = _person_before(work, pos, embedded_in or (), state)
        return None if person.kind == "none" else person
    prior = _prior_subject(work, attr)
    if prior is not None:
        return prior
    if _opens_content(work, attr):
        return None  # "Seven countries including Ukraine said they ...": that verb's subject
    owner = (
        _opening_possessor(work, pos)
        or _body_before_it(work, attr, state)
        or _person_opening(work, attr, state)
    )
    if owner is not None:
        return owner
    if _two_sides_they(work, attr, state) or _condition_it(work, attr):
        return None  # "Russian and Ukrainian envoys ... what they might offer": no one side's
    earlier = _earlier_subject(work, pos, state)
    if earlier.kind in NAMED:
        if _agrees(work, attr.who.word, earlier):
            return earlier
        if attr.who.word == "it":
            return None  # "The plan X proposed ... . It stipulates ...": the plan's, no one's
    clause = _clause_subject_before(work, attr, state)
    if clause is not None:
        return clause
    return _speaker_before(work, attr.who.word, state, distance)


def _impersonal_author(work: BlockWork, attr: Attr, state: State) -> Speaker | None:
    """ "It is noted that ...", "It was stressed that ..." opening a paragraph: no "it" that
    stands for anyone, but a repost's way of going on with the body's statement it retells
    (a ministry's, its press service's), so the words are its author's: the one side the
    story has heard before this paragraph, where it has named no person. After a person's
    remarks or two sides, the "it" is the narrator's own aside ("It's also noted that some
    90 ships take part"), no one's; and an official document's are its author's (its voice
    gives them, reader.classify.document)."""
    if state.document is not None or state.official or work.sentence_start(attr.pos) > 0:
        return None
    heard = [(b, a) for a, b in state.first_heard.items() if b < work.index]
    if len(heard) != 1 or any(":" not in key for key in state.people):
        return None  # (a person's key is a surname; an office's is "<side>:<office>")
    block, side = heard[0]
    last = state.last
    if last is not None and last.actors == (side,) and last.block < work.index:
        return last
    return Speaker((side,), block)


def _prior_subject(work: BlockWork, attr: Attr) -> Who | None:
    """The nearest speaker the block names before the pronoun that it agrees with ("Russia
    recalled its envoy. He said ..." skips Russia for a person named before it)."""
    word = attr.who.word
    return next(
        (
            w
            for p, w in reversed(work.main)
            if p < attr.pos and w.kind in NAMED and (w.kind == "unknown" or _agrees(work, word, w))
        ),
        None,
    )


def _speaker_before(work: BlockWork, word: str, state: State, distance: int) -> Speaker | None:
    """The speaker of an earlier block a pronoun `word` carries over, when it agrees with
    them: the last one, or for a "he"/"she" the person before a country, a body or a person
    of the other gender; None for an "it"/"they" after someone called "he"/"she"."""
    last = state.last
    if word in PERSONAL and last is not None and (last.thing or last.gender not in ("", word)):
        # "China has not criticised Russia. '...,' he said": he is the person before; so is a
        # "he" after the speaker the story has just called "she"
        for speaker in (state.last_person, state.earlier_person):
            if (
                speaker is not None
                and speaker is not last
                and speaker.gender in ("", word)
                and work.index - speaker.block <= distance
            ):
                return speaker
        if not last.thing:
            return None
    if word in NOT_ONE_PERSON and last is not None and last.gender in PERSONAL:
        return None  # "He said ... . It wants Western help": "it" is a country, never "he"
    return _recent_speaker(work, state, distance)


def _agrees(work: BlockWork, word: str, who: Who) -> bool:
    """Whether the pronoun `word` can stand for the phrase `who` names: an "it" for a country,
    a body or a thing, never a person ("The plan, proposed by minister X, ... It stipulates"
    is the plan's, not X's); a "he"/"she" for a person, never a country or a body alone."""
    starts = work.starts
    phrase = work.units[bisect_left(starts, who.start) : bisect_left(starts, who.end)]
    if word == "it":
        return not names_person(phrase)
    if word in PERSONAL:
        return not is_thing(phrase)
    return True


def _quoted_subject_before(work: BlockWork, attr: Attr, state: State) -> Who | None:
    """A "he"/"she" that opens a sentence inside someone's words takes the person the
    sentence before, in the same words, has as its subject, not the last person named (an
    object): '"... X informed (Y) about the work. He spoke in detail about ...," the statement
    said'; a "they" so takes one side's plural ("All the allies voiced support. And they
    promised ..."). None when that sentence's subject is no such person or plural."""
    word = attr.who.word
    if word not in PERSONAL and word != "they":
        return None
    sentences, starts, units = work.sentences, work.starts, work.units
    i = bisect_right(sentences, (attr.who.start, FAR)) - 1
    if i < 1 or not _opens_sentence(work, attr.who.start, sentences[i][0]):
        return None
    p_start, p_end = sentences[i - 1]
    if not _same_quote(work.quotes, p_start, attr.who.start):
        return None
    first = bisect_left(starts, p_start)
    while first < len(units) and units[first][LOW] in QUOTE_MARKS:
        first += 1
    who = clause_subject(units, first, bisect_left(starts, p_end), state)
    if who.kind != "actor":
        return None
    phrase = units[bisect_left(starts, who.start) : bisect_left(starts, who.end)]
    if word == "they":
        return who if len(who.actors) == 1 and plural_head(work, phrase) else None
    return who if names_person(phrase) else None


def _opens_sentence(work: BlockWork, pos: int, s_start: int) -> bool:
    """Whether only quote marks, or a conjunction ("And they ..."), stand between the
    sentence's start and offset `pos`."""
    words = work.text[s_start:pos].strip(" \t\"“”‘’«»'").lower().split()
    return not words or (len(words) == 1 and words[0] in COORD)


def _same_quote(quotes: list[tuple[int, int]], a: int, b: int) -> bool:
    """Whether offsets `a` and `b` fall inside one quote."""
    i = bisect_right(quotes, (b, FAR)) - 1
    return i >= 0 and quotes[i][0] <= a < b < quotes[i][1]


def _opens_content(work: BlockWork, attr: Attr) -> bool:
    """The pronoun is the subject of a speech verb's content clause in its own sentence ("...
    said on Wednesday that they were ...", "... announced they would ..."): it points at that
    verb's subject, which no attribution settled (a settled one is `pronoun_subject`'s prior
    subject), not at a speaker of an earlier paragraph."""
    units = work.units
    k = bisect_left(work.starts, attr.who.start)
    floor = bisect_left(work.starts, work.sentence_start(attr.who.start))
    j = k - 1
    while j > floor and (units[j][LOW] in _CONTENT_GAP or units[j][LOW].isdigit()):
        j -= 1  # "said on Wednesday that", "said late on 12 March"
    if j < floor:
        return False
    verbs = work.verbs
    v = bisect_left(verbs, units[j][START], key=start_key)
    return v < len(verbs) and verbs[v][0] == units[j][START] and verbs[v][2].cls == "speech"


# What may stand between a speech verb and its content clause's subject: "that", a time.
_CONTENT_GAP = CALENDAR | word_set(
    "that on this last late early earlier later today yesterday tonight "
    "morning afternoon evening night"
)


def _clause_subject_before(work: BlockWork, attr: Attr, state: State) -> Who | None:
    """ "X's first talks with Y went badly, when the Polish premier cut him short at a summit
    at which he insisted ...": a "he"/"she" that would otherwise carry the last speaker takes
    the nearest person its own sentence names before it as a clause's subject (a phrase right
    before its past-tense verb), when the lexicon or a title makes that person known; None when
    the sentence names none (the carried speaker stands) or opens inside a quote. A tag
    closing the sentence ("The deputy resigned in protest, he said.") reports its content: the
    people that content names are not its speaker."""
    if attr.who.word not in PERSONAL or attr.trailing:
        return None
    units, starts = work.units, work.starts
    first = sentence_first(work, attr.who.start)
    k = bisect_left(starts, attr.who.start)
    if first >= k or units[first][LOW] in QUOTE_MARKS:
        return None
    for j in range(k - 1, first, -1):
        past = past_tense(units[j]) or past_progressive(units, j)
        if not past or in_spans(units[j][START], work.quotes):
            continue
        if units[j + 1][LOW] == "by":
            continue  # "a decree signed by the president": a passive's participle, no verb
        a, b = np_before(units, j - 1, first)
        if b <= a or units[a][LOW].endswith("'s"):
            continue
        who = resolve(units[a:b], state.names)
        if who.kind in NAMED and not is_thing(units[a:b]):
            return who  # a known person's side, or no side for a person of none
    return None


def _body_before_it(work: BlockWork, attr: Attr, state: State) -> Who | None:
    """ "Poland's operational command scrambled jets ..., it said": a closing "it said" is the
    body its sentence opens with, not the last speaker; so is an "it said" that qualifies a
    noun of its sentence ("NATO released images it said showed ...", "documents which it says
    prove ...")."""
    if attr.who.word != "it":
        return None
    starts = work.starts
    k = bisect_left(starts, attr.who.start)
    first = sentence_first(work, attr.pos)
    if not attr.trailing and not _qualifies_a_noun(work.units, k):
        return _opening_clause_body(work.units, first, k, state)
    return opening_subject(work.units, first, k, state)


def _opening_clause_body(units: list[Unit], first: int, k: int, state: State) -> Who | None:
    """ "While NATO did not name Russia in its notice of the drills, it called them ...": an
    "it" that opens the main clause after an opening adverbial clause is that clause's
    subject, a side's body or state, not the last speaker."""
    if k < first + 3 or units[k - 1][LOW] != "," or units[first][LOW] not in SUBORDINATORS:
        return None
    a, b = np_after(units, first + 1, k)
    if a != first + 1 or b <= a:
        return None
    who = resolve(units[a:b], state.names)
    return who if who.kind == "actor" else None


def _qualifies_a_noun(units: list[Unit], k: int) -> bool:
    """Whether the pronoun at unit `k` opens a relative clause: right after "that"/"which", a
    noun of no side ("the images it said showed") or the day the thing was shown."""
    if k == 0:
        return False
    before = units[k - 1]
    low = before[LOW]
    if low in _RELATIVE_WORDS or low in WEEKDAYS:  # "... on Thursday it said showed ..."
        return True
    return (
        low.isalpha()
        and before[TERM] is None
        and not before[CAP]
        and low not in SKIP
        and low not in OBJECT_PREP
        and low not in COORD
        and not past_tense(before)
    )


_RELATIVE_WORDS = word_set("that which")


_POSSESSIVE_PRONOUNS = word_set("his her its their")


def possessed_office(work: BlockWork, who: Who, state: State) -> Who | None:
    """ "The Polish president wants talks, his spokesman said", "Poland scrambled jets, its
    operational command said": an office owned by "his"/"its" is that of the side the
    sentence opens with (the sentence before, when the pronoun opens its own: "X's agency
    estimates ... Its spokesman told"), not the last speaker's."""
    starts = work.starts
    a = bisect_left(starts, who.start)
    if work.units[a][LOW] not in _POSSESSIVE_PRONOUNS:
        a -= 1  # the phrase may start after its determiner
        if a < 0 or work.units[a][LOW] not in _POSSESSIVE_PRONOUNS:
            return None
    first, end = sentence_first(work, who.start), a
    if a == first and first > 0:  # "X estimates ... Its spokesman told": the sentence before's
        first = sentence_first(work, work.units[first - 1][START])
        end = a - 1
    owner = opening_subject(work.units, first, end, state)
    if owner is None or in_spans(owner.start, work.quotes):
        return None
    if work.units[a][LOW] != "its":  # "his"/"her"/"their" office: a person's, not Russia's
        phrase = work.units[bisect_left(starts, owner.start) : bisect_left(starts, owner.end)]
        if is_thing(phrase):
            return None
    return Who("actor", owner.actors, who.start, who.end, who.roles, member=owner.member)


def body_possessor(work: BlockWork, who: Who, state: State) -> Who | None:
    """ "the fleet's press service said" after "the Russian Baltic Fleet": an office owned by a
    body the article named with its side and now calls by its head noun alone, a word no
    lexicon lists (`register_roles` keeps it): that body's side, not the last speaker's."""
    a = bisect_left(work.starts, who.start)
    if a < 2 or work.units[a - 2][LOW] != "the" or work.units[a - 1][TERM] is not None:
        return None
    noun = work.units[a - 1][LOW]
    if not noun.endswith(("'s", "\u2019s")):
        return None
    held = known_role(Who("role", (), who.start, who.end, (noun[:-2].rstrip("\u2019'"),)), state)
    if held.kind != "actor":
        return None
    return Who("actor", held.actors, who.start, who.end, who.roles, member=held.member)


def _person_opening(work: BlockWork, attr: Attr, state: State) -> Who | None:
    """ "The defence minister attended the meeting, where he urged ...", "Putin announced the
    operation to remove what he said was a threat": a "he"/"she" inside the sentence takes the
    person the sentence opens with (not a country or a body, nor a name inside a quote, nor
    for a tag closing the sentence, whose content's people are not its speaker); a
    "they" so takes one side's plural ("NATO defence chiefs discussed what guarantees they
    could offer"), never two sides' ("Russia and Ukraine ...")."""
    word = attr.who.word
    if word not in PERSONAL and word != "they":
        return None
    if attr.trailing and word in PERSONAL:
        return None  # "The president reminded her of X, she said": a closing tag's content
    starts = work.starts
    first = sentence_first(work, attr.who.start)
    opening = work.units[first]
    if opening[LOW] in QUOTE_MARKS:
        return None  # '"...," he said': the sentence opens inside a quote
    if ing_form(opening):
        return None  # "Addressing Russian diplomats, he said": the participle's object
    k = bisect_left(starts, attr.who.start)
    who = opening_subject(work.units, first, k, state) if first < k else None
    if who is None or in_spans(who.start, work.quotes):
        return None
    phrase = work.units[bisect_left(starts, who.start) : bisect_left(starts, who.end)]
    if word == "they":
        return who if len(who.actors) == 1 and plural_head(work, phrase) else None
    return None if is_thing(phrase) else who


def _condition_it(work: BlockWork, attr: Attr) -> bool:
    """An "it" that opens the main clause after a condition ("If the inquiry finds that ...,
    it will confirm ...", "Unless Kyiv withdraws, it means ..."): the situation the condition
    names, no speaker's."""
    if attr.who.word != "it":
        return False
    first = sentence_first(work, attr.who.start)
    k = bisect_left(work.starts, attr.who.start)
    units = work.units
    after = bisect_left(work.starts, attr.end)
    if after < len(units) and units[after][LOW] == ",":
        return False  # "If Moscow moves troops, it said, the allies will answer": its aside
    return first < k - 1 and units[first][LOW] in CONDITIONS and units[k - 1][LOW] == ","


def _two_sides_they(work: BlockWork, attr: Attr, state: State) -> bool:
    """A "they" inside a sentence that opens with a subject of two sides ("Russian and
    Ukrainian negotiators met to weigh what they might offer"): it stands for both, so it
    carries no one side's speaker from before."""
    if attr.who.word != "they":
        return False
    first = sentence_first(work, attr.who.start)
    k = bisect_left(work.starts, attr.who.start)
    if first >= k or work.units[first][LOW] in QUOTE_MARKS:
        return False
    who = opening_subject(work.units, first, k, state)
    return who is not None and len(who.actors) > 1


# Several holders of an office named together: none of them is the last speaker alone.
_PEOPLE_IN_OFFICE = word_set(
    "ministers presidents leaders premiers chancellors diplomats ambassadors envoys negotiators"
    " spokesmen spokeswomen spokespeople spokespersons counterparts secretaries"
)


# A body posted abroad, no person: "the mission said" is the mission last named as such (a
# side's, by `known_role`), never the person who spoke last.
_MISSIONS = frozenset(["mission", "missions", "permanent mission", "diplomatic mission"])


def _several_before(work: BlockWork, state: State, distance: int) -> Speaker | None:
    """Who "the ministers assured" is: several people, so never the one who spoke last
    alone, but the last speaker where the story named them together, of one side ("Foreign
    Minister X and Defence Minister Y called on ..." ... "The ministers note that ...")."""
    last = _recent_speaker(work, state, distance)
    if last is None or not last.several or len(last.actors) != 1:
        return None
    return last


def role_subject(work: BlockWork, who: Who, state: State, distance: int) -> Who | Speaker | None:
    """Who "the minister" is: the person last named with that role (carried over from the
    block where they were named, a `Speaker`), else the last speaker carried over."""
    if who.roles == _PARTY:
        return None  # "the pro-war side agrees": a side of an argument, not an office
    if set(who.roles) & _PEOPLE_IN_OFFICE:
        return _several_before(work, state, distance)
    if _indefinite_plural(work, who):
        return None  # "Sources told Reuters ...": people the story has not named
    if _indefinite_office(work, who):
        return Who("unknown", (), who.start, who.end, who.roles)
    holder = known_role(who, state)
    named_again(who, state, work.index)
    if holder.kind == "actor" and _ministers_ministry(work, who, holder, state):
        house = _house_office(work, who, state)
        if house is not None:
            return house  # on a Russian outlet, "the ministry" after "the Dutch minister, X"
    if holder.kind == "actor" and holder.block is not None:
        if holder.block != work.index:
            # a member's official is theirs on the war only (`attribution._carried`)
            last = state.last
            member = last is not None and last.block == holder.block and last.member
            return Speaker(holder.actors, holder.block, member=member or holder.member)
        return holder
    if holder.kind == "unknown":
        return holder  # "the minister" after "the Cuban FM": a third country's, no side's
    house = _house_office(work, who, state)
    if house is not None:
        return _headline_awaits_lead(work, house, state)
    if set(who.roles) & _MISSIONS:
        return None  # "the monitoring mission in <host> said": a body, no person named before
    if set(who.roles) <= set(GENERIC_TEXTS):
        return _self_named_author(work, who, state)  # "the document": a side's text or none
    found = (
        _self_named_author(work, who, state)
        or _headline_office(who, state)
        or _relational_office(work, who, state)
        or _person_before_body(work, who, state, distance)
    )
    if found is None and _standfirst_office(work, who, state):
        work.awaits = who.roles  # "The spokesman noted ..." over "... Spokesman X told ..."
    return found


def others_text(work: BlockWork, who: Who) -> bool:
    """A text that is no side's text named before: one a common noun's possessive owns ("the
    newspaper's report", "the agency's new report": a paper's or an agency's own), or a
    general noun that "a" opens ("a hostile document written in ...": a text the speaker
    describes, not the one the story named)."""
    units = work.units
    k = bisect_left(work.starts, who.end) - 1
    if k < 0:
        return False
    j = k - 1
    while j >= 0 and k - j <= TEXT_MODIFIERS and modifier_word(units[j]):
        j -= 1
    if j < 0:
        return False
    before = units[j]
    if before[LOW] in ("a", "an"):
        return units[k][LOW] in GENERIC_TEXTS
    owner = before[LOW].endswith(("'s", "’s")) and before[TERM] is None
    return owner and not before[CAP]


def _ministers_ministry(work: BlockWork, who: Who, holder: Who, state: State) -> bool:
    """Whether a bare ministry ("The ministry underscored ...") on a one-side outlet's page
    would go to another side's minister only because the story named him by his title ("the
    Dutch Foreign Minister, X, said"): in a wire story a minister's title gives "the ministry"
    his ministry, but on a one-side outlet's page a ministry named without a country is the
    house's own, unless the story named that other ministry itself, or a possessive ties it
    to him ("His ministry said")."""
    if not state.house_site or not who.roles or not who.roles[0].endswith("ministry"):
        return False
    if set(holder.actors) & set(state.house) or _possessed(work, who):
        return False
    person = role_holder(who, state)
    keys = [key for key, known in state.people.items() if known is person]
    ministers = {
        key for role, held in state.roles.items() if role.endswith("minister") for key in held
    }
    return bool(keys) and all(key in ministers for key in keys)


def _possessed(work: BlockWork, who: Who) -> bool:
    """Whether a possessive pronoun opens the office's phrase or stands right before it
    ("His ministry said", "... and its ministry")."""
    phrase = work.folded[max(0, who.start - _POSSESSIVE_REACH) : who.end]
    return _POSSESSED.search(phrase) is not None


# A possessive before an office's head noun: "his ministry", "its defence ministry".
_POSSESSED = re.compile(r"\b(?:his|her|its|their)\s+(?:\w+\s+)?ministry\Z")
_POSSESSIVE_REACH = 8


def _standfirst_office(work: BlockWork, who: Who, state: State) -> bool:
    """An office that speaks under the headline before anyone in the article has spoken,
    with no name in apposition: its holder is named in the paragraph after it."""
    return (
        state.last is None
        and 0 < work.index <= _STANDFIRST_REACH
        and not _APPOSED_NAME.match(work.text, who.end)
    )


# The last block of an article's top (the headline is block 0) where an office may speak
# before its holder is named: a standfirst under the headline, or the lead after it.
_STANDFIRST_REACH = 2
# A name in apposition after an office ("The chargé d'affaires in Moscow, Jane Smith, said"):
# the office is named here, with someone no later paragraph need name.
_APPOSED_NAME = re.compile(r"[^,.;:]{0,40},\s+[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*)+,")


def opening_name(work: BlockWork, who: Who) -> str:
    """The surname of a speaker a standfirst or a lead names by a name no rule ties to a side
    ("According to <Surname>, ...", "<Given> <Surname> states ...", "According to the Deputy
    Foreign Minister <Given> <Surname>, ..."), for the next paragraph to name in full with a
    side (reader.classify.quotes); "" for anyone else: a phrase with a side's word, a word in
    lower case, a block after the article's top."""
    if not 0 < work.index <= _STANDFIRST_REACH:
        return ""
    units = [u for u in work.units if who.start <= u[START] < who.end]
    if not units or len(units) > _NAME_PHRASE:
        return ""
    last = units[-1]
    if last[TERM] is not None or not last[CAP] or not last[LOW].isalpha() or len(last[LOW]) < 3:
        return ""
    for unit in units:
        term = unit[TERM]
        if term is not None and (term.actors or term.kind != "role"):
            return ""  # a side's word: the phrase has its side, or another's
        if term is None and not unit[CAP] and unit[LOW] not in ("the", "of"):
            return ""
    return str(last[LOW])


# The most units a standfirst's speaker holds: an office of a few words and a full name.
_NAME_PHRASE = 8


def _headline_office(who: Who, state: State) -> Who | None:
    """A bare national office no one in the article holds ("the Air Force reported"), heard
    after a speaker of another side than the one the headline gives a voice: the headline's
    side's office, not the last speaker's (a Kremlin spokesman holds no air force). A story
    names its own country's offices bare (`own_side`, which stops trusting the headline once a
    second side speaks, since a bare office may then be either's: here the last speaker's side
    holds none of it). None when the last speaker is of the headline's side, or the headline's
    is the alliance itself (it holds no ministry)."""
    lead, last = state.headline, state.last
    if lead is None or last is None or not last.actors or not set(who.roles) & _HOUSE_OFFICES:
        return None
    if set(last.actors) & set(lead.actors) or (lead.actors == ("nato",) and not lead.member):
        return None
    return Who("actor", lead.actors, who.start, who.end, who.roles, member=lead.member)


# Adjectives that name the office an office serves: "the presidential press service" is the
# president's.
_RELATIONAL = {"presidential": "president"}


def _relational_office(work: BlockWork, who: Who, state: State) -> Who | None:
    """An office named by the adjective of the office it serves ("the presidential press
    service reported", "the presidential spokesman said"): the side of that office's holder
    last named, as "the president's press service" is, never the last speaker."""
    words = work.folded[who.start : who.end].split()
    role = next((_RELATIONAL[w] for w in words[:3] if w in _RELATIONAL), None)
    if role is None:
        return None
    held = known_role(Who("role", (), who.start, who.end, (role,)), state)
    if held.kind == "unknown":
        return held  # a third country's president's service: no side's
    if held.kind != "actor":
        return None
    return Who("actor", held.actors, who.start, who.end, who.roles, member=held.member)


def _person_before_body(work: BlockWork, who: Who, state: State, distance: int) -> Speaker | None:
    """The last speaker, but for a person's noun ("the politician", "the diplomat") after a
    country or a body that spoke since: the last person, within `distance` blocks."""
    last = state.last
    if last is not None and last.thing and set(who.roles) & PERSON_NOUNS:
        person = state.last_person
        if person is not None and person is not last and work.index - person.block <= distance:
            return person
    return _recent_speaker(work, state, distance)


# A plural office that, with no article or owner, names people the story has not met:
# "Sources told Reuters". ("Officials further stated" may go on with the ones just quoted.)
_UNMET = word_set("sources")


# "a"/"an" and at most two words in lower case before an office ("a spokesman", "a naval
# spokesman"): a person the story introduces, never one it named before.
_INDEFINITE_OFFICE = re.compile(r"(?:^|(?<=[\s,(]))[Aa]n?\s+(?:[a-z][a-z-]*\s+){0,2}\Z")
_INDEFINITE_REACH = 40


def _indefinite_office(work: BlockWork, who: Who) -> bool:
    """ "a naval spokesman said": an office in lower case that "a" opens names someone the
    story has not named, so it takes no earlier speaker (of whatever side) by carry-over. A
    named body's ("a Foreign Ministry spokesman", "an Ukrinform correspondent") stays its own."""
    phrase = work.text[who.start : who.end]
    return phrase.islower() and bool(
        _INDEFINITE_OFFICE.search(work.text, max(0, who.start - _INDEFINITE_REACH), who.start)
    )


def _indefinite_plural(work: BlockWork, who: Who) -> bool:
    """The subject is a bare plural ("sources": no article, owner or side before it), which
    names new people rather than ones named before: no speaker carried."""
    phrase = work.text[who.start : who.end].lower().split()
    return len(phrase) == 1 and phrase[0].strip(".,;:!?)”\"'’") in _UNMET


# A text named by its genre alone ("the statement said"): whose it is, the text may say itself.
_GENRE_TEXTS = word_set("statement communique communiqué declaration release document text")
# Between a text's self-named subject and its verb: "Allies strongly condemn", "once again".
_ADVERBS = word_set("also again once further firmly strongly fully jointly resolutely")
# "Allies will continue to consult", "NATO will remain vigilant": a commitment in the future.
_WILL = word_set("will shall")
_COMMITMENT = word_set("continue remain stand")
# The most words of the subject, and of the adverbs after it.
_SUBJECT_REACH = 5


def _self_named_author(work: BlockWork, who: Who, state: State) -> Who | None:
    """Whose text "the statement said" closes, when no one holds that role: official texts name
    their author in the third person, in the present of their own stance ('"Allies urge
    Russia to …," the statement said', 'Russia "expresses its protest …," the statement
    reads'; a commitment with "will continue/remain"). The sentence's opening subject is then
    the author, not the last speaker the story quoted (a state outlet's own ministry before an
    alliance's quoted statement). A past verb ('"Russia violated …"') or a verb of no stance
    ('"The alliance cannot change …"') tells about others: no author found."""
    if not set(who.roles) & _GENRE_TEXTS:
        return None
    units, verbs = work.units, {start: form for start, _, form in work.verbs}
    first = bisect_left(work.starts, work.sentence_start(who.start))
    end = bisect_left(work.starts, who.start)
    k = next(
        (j for j in range(first, min(end, first + _SUBJECT_REACH)) if _verb_start(units, j, verbs)),
        None,
    )
    if k is None or k == first:
        return None
    subject = resolve(units[first:k], state.names)
    if subject.kind != "actor":
        return None
    while k < end - 1 and units[k][LOW] in _ADVERBS and k - first <= _SUBJECT_REACH:
        k += 1
    if k + 1 >= end:
        return None
    verb = verbs.get(units[k][START])
    commits = units[k][LOW] in _WILL and units[k + 1][LOW] in _COMMITMENT
    if not commits and (verb is None or verb.participle or not _present(units[k][LOW], verb.lemma)):
        return None
    return Who("actor", subject.actors, who.start, who.end, who.roles)


def _verb_start(units: list[Unit], j: int, verbs: dict[int, VerbForm]) -> bool:
    """Where a subject's phrase ends: a speech or stance verb, an adverb or "will"."""
    low = units[j][LOW]
    return units[j][START] in verbs or low in _WILL or low in _ADVERBS


def _present(word: str, lemma: str) -> bool:
    """The verb's present form ("urge", "urges", "expresses"), not its past ("urged")."""
    base = lemma.split(" ", 1)[0]
    return word in (base, base + "s", base + "es") or (
        base.endswith("y") and word == base[:-1] + "ies"
    )


# Offices a wire story leaves unqualified when its dateline's side is plain: "MOSCOW, June 12.
# /TASS/. The Foreign Ministry said ...", "KYIV (AP) — The General Staff said ...".
_HOUSE_OFFICES = word_set(
    "ministry government president presidency cabinet military army navy"
) | frozenset(
    [
        "foreign ministry",
        "defence ministry",
        "defense ministry",
        "ministry of defence",
        "ministry of defense",
        "ministry of foreign affairs",
        "general staff",
        "armed forces",
        "air force",
        "prime minister",
        "presidential office",
        "head of state",
        "head of government",
        "chancellor",
        "foreign minister",
        "defence minister",
        "defense minister",
        "foreign secretary",
        "defence secretary",
        "defense secretary",
        "secretary of state",
        "secretary of defense",
    ]
)


def _headline_awaits_lead(work: BlockWork, house: Who, state: State) -> Who:
    """A headline's bare office ("Minister says ...", "Ministry: ..."): its holder is the one
    the first paragraphs name, whatever outlet prints it (a Russian agency's "Minister says"
    over "..., Ukraine's acting foreign minister <name> said"); left unknown for them
    (`headlines.resolve_title`), with the house's side kept as the fallback where they name
    no holder of that office. A body line's bare office is the house's at once; so is a
    member's site's, whose offices speak only on the war (the topic gate reads it here)."""
    if work.index != state.titled or house.member:
        return house
    return Who("unknown", house.actors, house.start, house.end, house.roles)


def _house_office(work: BlockWork, who: Who, state: State) -> Who | None:
    """A bare government office no one in the article holds yet (`known_role` found no
    holder of this very office): the side `own_side` gives (the dateline's, the outlet's or the
    headline's); where the office names itself the source of the paragraph before ("The
    Ministry has said this in a statement"), the house's (`reporting_house`)."""
    if not set(who.roles) & _HOUSE_OFFICES:
        return None
    house, member = own_side(state)
    if _POINTS_BACK.match(work.folded, who.end):
        reporting = reporting_house(state, work.index)
        house, member = (reporting, state.house_member) if reporting else (house, member)
    if not house:
        return None
    return Who("actor", house, who.start, who.end, who.roles, member=member)


# The verb of a sentence that names the source of the paragraph before it: "... has said this
# in a statement", "... stated this." ("said this week that ..." is a time, no pointer).
_POINTS_BACK = re.compile(
    r"\s+(?:has\s+|have\s+|had\s+)?(?:said|stated|announced|reported|noted|declared|wrote|"
    r"posted)\s+this(?=\s*[.,;]|\s+(?:in|on|at|during|after|following|while|when)\s)"
)


def _recent_speaker(work: BlockWork, state: State, distance: int) -> Speaker | None:
    """The last speaker, if named within `distance` blocks."""
    last = state.last
    return last if last is not None and work.index - last.block <= distance else None


def speaks(work: BlockWork, who: Who, actors: tuple[str, ...], state: State) -> Speaker:
    """`who` is the block's speaker, for carry-over: a person ("Korsunsky said") is also the
    one a later "he said" may take; a country or a body ("China has not criticised")
    is not."""
    speaker = Speaker(actors, work.index, member=who.member)
    if actors and not set(actors) & set(state.house):
        state.other_side_heard = True  # two sides in play: a private outlet's house yields
    state.sides_heard.update(actors)
    for actor in actors:
        state.first_heard.setdefault(actor, work.index)
    units = units_of(work, who)
    if is_thing(units):
        speaker.thing = True
    elif plural_head(work, units):
        speaker.gender = "they"  # "NATO leaders agreed": several people, never a later "she"
    else:
        speaker.office = who.block is None and _office_alone(units)
        speaker.gender = _titled_gender(work, who)
        note_person(state, speaker)
    speaker.several = _joined(units)  # "X and Y said": a later "the ministers" is both of them
    state.last = speaker
    return speaker


def _joined(units: Sequence[Unit]) -> bool:
    """Whether a speaker's phrase joins two named people or bodies with "and" ("Foreign
    Minister X and Defence Minister Y", "Berlin and Paris"), a lexicon term on each side: an
    "and" between the first term and the last (found once, not per "and")."""
    terms = [k for k, unit in enumerate(units) if unit[TERM] is not None]
    return bool(terms) and any(unit[LOW] == "and" for unit in units[terms[0] + 1 : terms[-1]])


def _office_alone(units: Sequence[Unit]) -> bool:
    """A speaker named by one office and no name ("The British foreign secretary", "the
    Prime Minister", "Estonia's foreign minister", "the top commander for NATO": a country or
    a body gives its side, as an adjective does): not a plural ("officials"), nor a phrase with
    a name in it, nor one left unnamed on purpose: "a NATO official" is not named later)."""
    roles = [unit for unit in units if unit[TERM] is not None and unit[TERM].kind == "role"]
    if len(roles) != 1 or roles[0][LOW].endswith("s") or units[0][LOW] in ("a", "an"):
        return False
    return not any(
        unit[TERM].kind == "speaker"
        if unit[TERM] is not None
        else unit[CAP] and unit[LOW] not in ARTICLES
        for unit in units
    )


def unless_leaked(work: BlockWork, who: Who) -> Who:
    """`who`, or a speaker of no side where it is a leak an outlet cites (`_leaked`)."""
    if who.kind == "actor" and _leaked(work, who):
        return Who("unknown", (), who.start, who.end, who.roles)
    return who


def _leaked(work: BlockWork, who: Who) -> bool:
    """A source an outlet cites that is no office at all ("..., citing anonymous sources in
    the US administration", "citing a source in Kyiv's delegation"): a leak the outlet
    reports, no side's stated position. Officials it cites, named or not ("citing unnamed US
    officials"), hold an office and speak for its side."""
    if _CITED_BEFORE.search(work.folded, max(0, who.start - 16), who.start) is None:
        return False
    words = work.folded[who.start : who.end].split()
    return bool(SOURCES & set(words[:3]))


# An outlet citing its source, right before the source's phrase.
_CITED_BEFORE = re.compile(r"\b(?:citing|cited|quoting|quoted)\s+\Z")


def office_holder(work: BlockWork, who: Who, state: State, distance: int) -> Who | None:
    """A name no rule knows, bare (no office before it, no appositive after it), that speaks
    right after a side's speaker named by an office alone, no one between ("The British
    foreign secretary called on countries to ... / '...,' James Cleverly told the council"):
    a story introduces a new person with who they are, so a bare name is the office's holder,
    who speaks for its side; the name keeps that side for the rest of the article."""
    units = units_of(work, who)
    units = units[past_ranks(units, 0) :]  # "Gen. <name>": a rank gives no side of its own
    if not units or not all(
        u[TERM] is None and u[CAP] and namelike(u[LOW]) and u[LOW] not in _NO_NAMES for u in units
    ):
        return None
    if units[-1][LOW] in _NAME_OF_BODY_ENDS:
        return None  # "Associated Press reported": an outlet or a body, no office's holder
    last, name = state.last, units[-1][LOW]
    if (
        last is None
        or not last.office
        or not last.actors
        or work.index - last.block > distance
        or name in state.strangers
        or _APPOSITIVE_AFTER.match(work.text, who.end)  # "John Smith, an analyst at ...": new
        or not _OPENS_CLAUSE.search(work.text[work.sentence_start(who.start) : who.start])
    ):
        state.strangers.add(name)  # heard as no one's: stays so when an office speaks later
        return None
    holder = Who("actor", last.actors, who.start, who.end, member=last.member)
    tie_appositive(units, holder, state.names)
    return holder


# What may stand before a bare name in its sentence: nothing, a quote it closes ('"...,"
# <name> said'), an inverted speech verb ("..., said <name>"), a dateline's dash, or an
# opening participle's phrase closed by its comma ("Speaking at a forum in Minsk, <name>
# said"): the participle is the named person's own act, so the phrase tells where they spoke,
# not who they are. A description before the name ("the country's grid operator <name>")
# names someone new, and so may a phrase of time ("On Sunday, <name> said": the story turns
# to another person, often one it named as talked with).
_OPENS_CLAUSE = re.compile(
    r"(?:^|[”\"’'»]\s*,?|\b(?:said|says|added|told|wrote|stressed|noted)|[—–-]"
    r"|^\s*[A-Z][a-z]+ing\s[^,;:]*,)\s*\Z"
)


# Words in capitals that open a sentence as its subject but name no one ("One said ...").
_NO_NAMES = word_set("one another both each either neither some many most few several others all")

# The last word of a name in capitals that names an outlet or a body, never a person who holds
# an office ("Associated Press", "Kyiv Post", "Carnegie Endowment", "Levada Center").
_NAME_OF_BODY_ENDS = word_set(
    "press agency news times post journal herald tribune gazette review monitor telegraph"
    " institute institution center centre university foundation endowment council committee"
    " group bank company corporation network television radio channel service"
)


# What introduces a new person after the name: an appositive or a bracketed description.
_APPOSITIVE_AFTER = re.compile(
    r"\s*(?:\(|,\s*(?!(?:who|whose|adding|saying|noting|stressing|speaking|writing)\b))"
)


def _titled_gender(work: BlockWork, who: Who) -> str:
    """The pronoun a courtesy title before the name gives ("Ms. Zakharova" is a "she", "Mr
    Peskov" a "he"), so that a later pronoun of the other gender is someone else; "" when
    the name has no such title."""
    starts, units = work.starts, work.units
    a, b = bisect_left(starts, who.start), bisect_left(starts, who.end)
    for j in range(max(0, a - 2), min(b, a + 3)):
        gender = _TITLE_GENDER.get(units[j][LOW].rstrip("."))
        if gender is not None:
            return gender
    return ""


# Courtesy titles and the personal pronoun each one gives.
_TITLE_GENDER = {"mr": "he", "mrs": "she", "ms": "she", "miss": "she"}


# A stated position named by a noun after its owner's possessive: "Zelensky's statement that",
# "Witkoff's remarks that", "the Defence Ministry's claim to have captured".
POSITION_NOUNS = word_set(
    "statement statements remarks comments claim claims proposal proposals demand demands offer "
    "offers warning warnings assertion assertions accusation accusations insistence refusal "
    "assurance assurances pledge pledges promise promises position positions view views stance "
    "readiness willingness"
)


def _opening_possessor(work: BlockWork, pos: int) -> Who | None:
    """'Mr. Putin's own verdict came days later, when he told reporters': the person whose
    possessive opens the pronoun's sentence, with no other person named before the pronoun."""
    units, starts = work.units, work.starts
    i = sentence_first(work, pos)
    while i < len(units) and units[i][LOW] in _TITLES_BEFORE:
        i += 1
    if i < len(units) and not units[i][LOW].endswith("'s"):
        i = _remarks_owner(units, i, bisect_left(starts, pos))
    if i >= len(units) or not units[i][LOW].endswith("'s"):
        return None
    owner = units[i][TERM]
    if owner is None or owner.kind not in ("speaker", "alias") or not owner.actors:
        return None
    for unit in units[i + 1 : bisect_left(starts, pos)]:
        term = unit[TERM]
        if term is not None and term.kind in ("speaker", "alias") and term.actors:
            return None
    return Who("actor", owner.actors, units[i][START], units[i][END], member=owner.member)


def _remarks_owner(units: list[Unit], i: int, end: int) -> int:
    """ "More on Peskov's comments: he told reporters": the possessive before a noun of speech
    ("comments", "remarks", "statement") that a colon closes before the pronoun; `len(units)`
    if none ("Asked about Merz's remarks, he said" is another's topic)."""
    for j in range(i, min(end, len(units)) - 2):
        if (
            units[j][LOW].endswith("'s")
            and units[j + 1][LOW] in POSITION_NOUNS
            and units[j + 2][LOW] == ":"
        ):
            return j
    return len(units)


# Words before a name that leave it the sentence's opening.
_TITLES_BEFORE = word_set("the mr mrs ms dr .")


def _earlier_subject(work: BlockWork, pos: int, state: State) -> Who:
    """'Donald Trump shared his view ... He said': the subject of the sentence before, past
    the sentences of a quote that runs up to the pronoun ('Tusk was blunter. "We ... . A
    peace ...," he wrote')."""

    starts = work.starts
    quotes = work.quotes
    sentences = work.sentences
    done = bisect_right(sentences, pos, key=end_key)  # the sentences that end by `pos`
    for j in range(done - 1, -1, -1):
        s_start, s_end = sentences[j]
        if quotes and in_spans(s_start, quotes):
            continue
        first, last = bisect_left(starts, s_start), bisect_left(starts, s_end)
        first = sentence_past_dateline(work, first, last)
        who = clause_subject(work.units, first, last, state)
        if who.kind != "none" and not in_spans(who.start, work.quotes):
            return who
        break
    return NONE


def _person_before(work: BlockWork, pos: int, speaker: tuple[str, ...], state: State) -> Who:
    """'He' in someone's own words: the last person named before, who is not the speaker."""
    units = work.units
    for j in range(bisect_left(work.starts, pos) - 1, -1, -1):
        unit = units[j]
        term = unit[TERM]
        if (
            term is not None
            and term.kind == "speaker"
            and term.actors
            and set(term.actors) - set(speaker)
        ):
            return Who("actor", term.actors, unit[START], unit[END], member=term.member)
        if term is None and unit[CAP] and unit[LOW] in state.names:
            actors, member = state.names[unit[LOW]]
            if set(actors) - set(speaker):
                return Who("actor", actors, unit[START], unit[END], member=member)
    return NONE
