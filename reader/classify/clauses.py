"""The sentence and clause helpers every part of the speech-verb grammar reads.

An attribution found (`Attr`) and a speech verb with where its subject may be looked for
(`Verb`); the sentence's first unit past a wire dateline; the quote floor a verb's subject is
looked for above ('"...," the statement said'); the subject a clause opens with, past an
opening adverbial clause or place ("In Odesa Oblast, Governor X said"); the place that gives an
office of no side its side; and the word lists these share. Why a module of its own: the
readings of a verb's subject (reader.classify.verbsubject and the modules below it), the
settling of a sentence's attributions (reader.classify.attribution) and the antecedents of
pronouns (reader.classify.antecedents) all ask these questions; here they are answered once,
below all of them. Nothing here decides who speaks.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from operator import itemgetter

from reader.classify.datelines import dateline
from reader.classify.phrasebounds import common_word, np_after
from reader.classify.phrases import learn, resolve, tie_appositive
from reader.classify.speakers import known_role
from reader.classify.types import (
    CAP,
    END,
    LOW,
    NONE,
    START,
    TERM,
    BlockWork,
    Names,
    State,
    Unit,
    Who,
)
from reader.classify.units import in_spans
from reader.classify.wordclasses import ARTICLES, OBJECT_PREP, adverb, ing_form, word_set
from reader.rules.compile import VerbForm
from reader.rules.grammar import ATTRIBUTION_SOURCE, GrammarRule


def be_before_adverbs(verb: Verb, i: int) -> bool:
    """A form of "be" before the adverbs that end at unit `i` ("were officially informed",
    "was also repeatedly warned"): the speech verb is a passive, its subject the one told."""
    units, floor = verb.units, verb.floor
    j = i
    while j > floor and units[j][TERM] is None and (adverb(units[j]) or verb.low(j) in _ALSO):
        j -= 1
    return j < i and verb.low(j) in BE


# Adverbs with no -ly between "be" and a passive's participle ("was also informed").
_ALSO = word_set(
    "also again once repeatedly already just then never not n't later earlier still now"
    " yesterday today"
)


OWNERS = word_set("his her their its the this that")


# "is believed to", "was described": passive, the subject is not the speaker.
BE = frozenset(["is", "was", "are", "were", "be", "been", "being"])


# An impersonal passive of speech, its "it" standing for nothing ("It was also emphasised that
# ...", "it has been noted that ...", "It's also noted that ..."): a readout's or a repost's way
# of giving its author's words (reader.classify.passives `impersonal_passive` finds it,
# reader.classify.antecedents decides whose they are).
_PASSIVE_ADVERB = (
    r"(?:also|further|again|once\s+again|repeatedly|specifically|particularly|especially|strongly)"
)
IMPERSONAL_PASSIVE = re.compile(
    rf"it(?:\s+(?:was|is)|\s+(?:has|had)(?:\s+{_PASSIVE_ADVERB})?\s+been"
    rf"|['’]s(?:\s+{_PASSIVE_ADVERB})?(?:\s+been)?)\s+(?:{_PASSIVE_ADVERB}\s+)?[a-z]+ed\s+that\b"
)


FIRST_PERSON = frozenset(["i", "we"])
PERSONAL = frozenset(["he", "she"])
# Pronouns that never stand for one person the story has called "he" or "she".
NOT_ONE_PERSON = frozenset(["it", "they"])


# "A resident of Energodar told RIA Novosti": a person named only by a common noun, who speaks
# for no actor. These verbs mark a person speaking; the indefinite article marks a new one.
# "ask" too: '"Will the talks go on?" a reporter asked' is the asker's question, no side's
# (tests/data/real/README.md: a journalist's question carries no side's position).
PERSON_SPEECH = word_set("say tell add explain recall complain admit ask")
INDEFINITE = frozenset(["a", "an", "one", "another"])


# The most units an aside between a subject and its verb may hold ("(HUR)", an editor's
# "[Ukrainian Parliament]", a renaming ", the Saeima,": reader.classify.subject too), and a
# bracket's opening mark with its closing one.
ASIDE = 8
BRACKETS = {"(": ")", "[": "]"}
OPENERS = {close: opening for opening, close in BRACKETS.items()}


# "In Odesa Oblast, Governor Oleh Kiper said": a local office whose place opens the sentence.
LOCAL_ROLES = word_set(
    "governor gov. mayor head administration authorities officials official police"
)
# Words a sentence-opening place phrase may hold besides the place itself: "In the
# northeastern Kharkiv region, ..." is as much Kharkiv's as "In the Kharkiv region, ...".
_PLACE_WORDS = word_set(
    "the region oblast province city district town village northern southern eastern western"
    " northeastern northwestern southeastern southwestern north-eastern north-western"
    " south-eastern south-western central frontline front-line border neighbouring neighboring"
)


@dataclass(slots=True)
class Attr:
    """One attribution found in a sentence."""

    pos: int  # the verb's (or marker's) offset
    end: int
    who: Who
    rule: GrammarRule
    verb: VerbForm | None
    complement: bool  # does a complement follow (a speech/stance verb or a source marker)?
    follows: bool = False  # coordinated or participle: shares the clause's subject
    trailing: bool = False  # closes the sentence: "..., Stoltenberg insisted."
    aside: bool = False  # a verdict in an aside on a thing named: "a move branded '...' by X"

    def span(self) -> tuple[int, int]:
        """The text the evidence points at: the subject and the verb."""
        if self.follows:
            return self.pos, self.end
        return min(self.who.start, self.pos), max(self.who.end, self.end)


# A condition opening the subject's clause: "if Russia refuses", "every time NATO promises".
CONDITIONS = word_set("if unless whenever")


@dataclass(slots=True)
class Verb:
    """A speech or stance verb at unit `k` of a sentence (units `first`..`last`), and where
    its subject may be looked for: from `floor` on (not before a quote that closes first).

    Not frozen, though nothing changes it: one is made for every verb read, and a frozen
    dataclass sets each of its eleven fields through `object.__setattr__` (three times the
    cost of the whole plain `__init__`)."""

    work: BlockWork
    units: list[Unit]
    k: int
    start: int
    end: int
    first: int
    last: int
    floor: int
    form: VerbForm
    state: State
    adverbs: bool = False  # adverbs in -ly may stand before it (reader.classify.subject's verbs)

    def low(self, i: int) -> str:
        """Unit `i`'s folded text, or "" before the floor."""
        return self.units[i][LOW] if i >= self.floor else ""

    def attr(self, who: Who, rule: GrammarRule, **flags: bool) -> Attr:
        return Attr(self.start, self.end, who, rule, self.form, True, **flags)


def sentence_first(work: BlockWork, pos: int) -> int:
    """The first unit of the sentence that holds offset `pos`, past a wire dateline that
    opens the block ("KYIV, Feb 3 (<agency>) - President X has ... his government ..."): a
    pronoun's antecedent is the subject after the dateline, never the place or the agency."""
    starts = work.starts
    first = bisect_left(starts, work.sentence_start(pos))
    return sentence_past_dateline(work, first, bisect_left(starts, pos))


def sentence_past_dateline(work: BlockWork, first: int, last: int) -> int:
    """A block's first sentence read from after the wire dateline that opens it ("WASHINGTON
    (AP) — President X is ..."): the dateline's place and agency are no subject."""
    excluded = work.excluded
    if not excluded or excluded[0][0] or first >= last or work.starts[first] >= excluded[0][1]:
        return first
    found = dateline(work.text, opening=True)
    if found is None or found.end() != excluded[0][1]:
        return first  # "Visiting X, Y said": an act's span opens the block, no dateline
    return bisect_left(work.starts, excluded[0][1], first, last)


QUOTE_MARKS = ("“", "”", '"')


def past_tense(unit: Unit) -> bool:
    """A lower-case word in "-ed" right after a phrase: the phrase's verb ("after Zelensky
    delivered"), so the phrase is a clause's subject, not an object."""
    low = unit[LOW]
    return unit[TERM] is None and not unit[CAP] and low.endswith("ed") and low.isalpha()


def past_progressive(units: list[Unit], j: int) -> bool:
    """ "was"/"were" before a lower-case word in "-ing" ("X was touring Kyiv, where he said
    ..."): the verb of the phrase before it, as a past tense in "-ed" is (`past_tense`)."""
    if units[j][LOW] not in ("was", "were") or j + 1 >= len(units):
        return False
    after = units[j + 1]
    return after[TERM] is None and not after[CAP] and after[LOW].endswith("ing")


# Words that open a clause of its own before a pronoun subject ("because it wants ..."): no noun
# that a relative clause could describe.
CLAUSE_WORDS = word_set(
    "because since as while whilst if when whenever where so although though but and or nor that "
    "which who whom whose whether until unless after before once than yet why how what"
)


def quote_floor(work: BlockWork, v_start: int, first: int, k: int, leads: bool = False) -> int:
    """The first unit (from `first`, at most `k`) after the last quote that closes before the
    verb at `v_start`, or after the opening of the quote that holds it (unless the verb opens
    that quote and `leads`: no attribution came before it in the sentence, whose words it
    would be in). The quotes are sorted and disjoint, so only the last quote opening before
    the verb decides."""
    quotes = work.quotes
    q = bisect_right(quotes, (v_start, FAR)) - 1
    if q < 0:
        return first
    q_start, q_end = quotes[q]
    if v_start < q_end:  # the verb is inside this quote
        if leads and opens_quote(work, q_start, v_start, first):
            return first  # 'Scholz "stressed the need for ...," the statement said'
        return bisect_right(work.starts, q_start, first, k)
    while _quoted_word(work.text[q_start:q_end]) or _in_relative(work, q_start, q_end, v_start):
        # a nickname: 'Oleh "Falcon" Ivanenko said'; a relative clause's quoted words:
        # 'Moscow, which calls the war a "special military operation," denies ...'
        q -= 1
        if q < 0:
            return first
        q_start, q_end = quotes[q]
    return bisect_left(work.starts, q_end, first, k)


def opens_quote(work: BlockWork, q_start: int, v_start: int, first: int) -> bool:
    """The verb is the first word of a quote that opens inside the sentence right after a
    phrase of its own ('Scholz "stressed the need ..."', 'the ministry “condemned …”'): a
    readout's words quoted from the verb on, the subject before the mark still its subject."""
    if work.text[q_start:v_start].strip(" \"“”'‘’«") or first >= len(work.units):
        return False
    return work.units[first][START] < q_start and work.text[q_start - 1 : q_start].isspace()


def verb_quoted(work: BlockWork, attr: Attr) -> bool:
    """The attribution's verb is inside a quote, and not one that opens on it after the
    subject (`_quoted_from_verb`)."""
    return in_spans(attr.pos, work.quotes) and not _quoted_from_verb(work, attr)


def _quoted_from_verb(work: BlockWork, attr: Attr) -> bool:
    """The attribution's verb opens a quote its subject stands before ('Scholz "stressed
    ..."'): the subject's own words quoted, not a speech inside someone's quote."""
    if in_spans(attr.who.start, work.quotes) or not _heads_sentence(work.folded, attr.who.start):
        return False  # "The statement said that A and B "reaffirm ...": the statement's words
    q = bisect_right(work.quotes, (attr.pos, FAR)) - 1
    return q >= 0 and opens_quote(work, work.quotes[q][0], attr.pos, 0)


# A sentence's start before a subject, past a short opening phrase and its comma ("On Friday,").
_SENTENCE_OPENING = re.compile(
    r"(?:^|[.!?][\"”’)]?\s+)(?:[^\s.!?,;:]+(?:\s+[^\s.!?,;:]+){0,5},\s+)?\Z"
)


def _heads_sentence(folded: str, at: int) -> bool:
    """The phrase at `at` opens its sentence (past a short opening phrase): the main clause's
    subject, not one inside a clause someone else's verb reports."""
    return _SENTENCE_OPENING.search(folded, max(0, at - 120), at) is not None


def past_relative_quote(verb: Verb, j: int) -> int | None:
    """At the closing mark of a quote inside a relative clause (', which calls the war a
    "special military operation,"'), the unit of its opening mark."""
    units, work = verb.units, verb.work
    if units[j][LOW] not in QUOTE_MARKS:
        return None
    at = units[j][START]
    q = bisect_right(work.quotes, (at, FAR)) - 1
    if q < 0 or not work.quotes[q][0] <= at < work.quotes[q][1]:
        return None
    q_start = work.quotes[q][0]
    if _RELATIVE_OPEN.search(work.folded, max(0, q_start - 80), q_start) is None:
        return None
    h = bisect_left(work.starts, q_start)
    return h if h >= verb.floor else None


def _in_relative(work: BlockWork, q_start: int, q_end: int, v_start: int) -> bool:
    """The quote closes a relative clause between a subject and its verb (", which calls the
    war a "special military operation," denies ...")."""
    folded = work.folded
    if "which" not in folded and "who" not in folded:
        return False
    between = folded[q_end:v_start].strip(" ,")
    if len(between.split()) > 2:
        return False
    return _RELATIVE_OPEN.search(work.folded, max(0, q_start - 80), q_start) is not None


_RELATIVE_OPEN = re.compile(r",\s+(?:which|who)\b[^,;:.\"“”]*\Z")


def _quoted_word(quoted: str) -> bool:
    """A quote of a word or two with no punctuation of a sentence in it (a call sign, a
    nickname, a scare-quoted word): part of a phrase, not a quotation that a verb after it
    reports."""
    return len(quoted) <= _QUOTED_WORD and not any(c in quoted for c in ",.;:!?")


_QUOTED_WORD = 24  # characters, quote marks included


FAR = 1 << 62
# A verb's or a span's start: the key its sorted list is bisected by (here and in the steps
# built on this grammar, reader.classify.positions and reader.classify.subject).
start_key = itemgetter(0)
end_key = itemgetter(1)


SOURCES = frozenset(["source", "sources"])


# Offices of a region, which the region last named gives a side.
_REGIONAL = frozenset(["governor", "regional governor", "regional authorities", "regional head"])
_REGION_BLOCKS = 2  # how many blocks back the region may have been named


def bare_title(phrase: Sequence[Unit]) -> bool:
    """'the governor', 'The regional governor': a title with no name and no place in it
    ("The" opening a sentence is capitalised, but names no one)."""
    for unit in phrase:
        term = unit[TERM]
        if unit[LOW] == "the" or (term is not None and term.kind == "role"):
            continue
        if unit[CAP] or (term is not None and term.actors):
            return False
    return True


def named_region(who: Who, index: int, state: State) -> Who | None:
    """'the governor wrote on Telegram', a block after 'the Belgorod region': that region's
    side, when the article has named no one who holds the office."""
    region = state.region
    if (
        region is None
        or index - region.block > _REGION_BLOCKS
        or not set(who.roles) & _REGIONAL
        or known_role(who, state).kind == "actor"
    ):
        return None
    return Who("actor", region.actors, who.start, who.end, who.roles)


# Offices of one region or city, which a place the sentence names before them gives a side
# ("Two people were killed in Kharkiv, regional Gov. <name> said"); not "head" or "officials"
# alone, which a body or a visitor elsewhere holds as often.
_PLACED_ROLES = frozenset(
    [
        "governor",
        "regional governor",
        "region governor",
        "oblast governor",
        "gov.",
        "mayor",
        "regional head",
        "head of the region",
        "regional administration",
        "city administration",
    ]
)
_PLACE_LEADS = (" in", " near", " in the", " near the")


def placed_office(units: list[Unit], a: int, b: int, who: Who, place: Who, names: Names) -> Who:
    """The office `who` (units a..b) as the side of the place it serves, its name tied to
    that side for the rest of the article ("Mayor <name>" said again later)."""
    tie_appositive(units[a:b], place, names)
    return Who("actor", place.actors, who.start, who.end, who.roles, member=place.member)


def clause_place(
    work: BlockWork, units: list[Unit], first: int, a: int, b: int, who: Who
) -> Who | None:
    """'A drone hit a school in Chernihiv, regional head <name> said', 'killed in the
    Belgorod region, the governor said': a region's or a city's office of no side (units
    a..b) takes the side of the place that ends the clause just before it, after "in" or
    "near" (one side's name; only a region's word, a comma or "according to" after it). Not
    an office with an "of" of its own ("the governor of Texas"), nor after an opening
    participle's place ("Speaking in Moscow, Mayor <name> said": where the speaker was)."""
    if who.kind not in ("unknown", "role") or not set(who.roles) & _PLACED_ROLES:
        return None
    if any(u[LOW] == "of" for u in units[a:b]) or units[first][LOW].endswith("ing"):
        return None
    folded, opening, at = work.folded, units[first][START], units[a][START]
    for start, end, term in reversed(work.terms):
        if start >= at:
            continue
        if start < opening or term.kind not in ("alias", "adjective"):
            return None
        if len(term.actors) != 1 or term.member:
            return None
        lead = f" {folded[opening:start].rstrip()}"
        tail = _WORDS.findall(folded[end:at])
        if not lead.endswith(_PLACE_LEADS) or not set(tail) <= _CLAUSE_TAIL:
            return None
        return Who("actor", term.actors, start, at)
    return None


_WORDS = re.compile(r"[\w'’.-]+")
# What may stand between the place and its office: "in the Kharkiv region overnight, the
# governor said", "in Odesa, according to the regional governor".
_CLAUSE_TAIL = _PLACE_WORDS | word_set("overnight according to regional local acting")


# A place's possessive before a local office: "the head of the city's military administration"
# is the office of the place the block named last ("... killed in Kyiv, ...").
_PLACE_OWNERS = frozenset(
    f"{noun}{mark}" for noun in ("city", "town", "region", "oblast") for mark in ("'s", "’s")
)


def city_office(units: list[Unit], a: int, b: int, who: Who) -> bool:
    """A local office of no side, a place's possessive in its phrase (units a..b) or right
    before it: "head of the city's military administration", "the city's mayor"."""
    if who.kind not in ("role", "unknown") or not set(who.roles) & LOCAL_ROLES:
        return False
    return any(u[LOW] in _PLACE_OWNERS for u in units[max(0, a - 1) : b])


def local_place(work: BlockWork, at: int) -> Who | None:
    """ "Blasts were heard in Kyiv. Local police say ...": the place of one side the block
    names last before `at` after "in", whose local officials these are."""
    folded = work.folded
    for start, _, term in reversed(work.terms):
        if start >= at:
            continue
        if term.kind not in ("alias", "adjective") or len(term.actors) != 1:
            return None
        if not f" {folded[:start].rstrip()}".endswith((" in", " near", " of")):
            return None  # (" in": "In Kyiv, ..." opening the block too)
        return Who("actor", term.actors, start, at, member=term.member)
    return None


def opening_place(units: list[Unit], first: int, a: int) -> Who | None:
    """'In the Kharkiv region, ...' / 'In Odesa Oblast, ...': the one actor whose place opens
    the sentence in a phrase of its own, just before the subject at `a` ('In Odesa Oblast,
    Governor Kiper said') or before a clause the subject ends ('In the Kharkiv region, two
    workers were injured, the governor said')."""
    if a - 1 <= first or units[first][LOW] != "in":
        return None
    end = a  # just after the phrase's comma
    if a - first > 7 or units[a - 1][LOW] != ",":
        commas = [j for j in range(first + 2, min(first + 8, a)) if units[j][LOW] == ","]
        if not commas or units[a - 1][LOW] != ",":
            return None
        end = commas[0] + 1
    actors: tuple[str, ...] = ()
    for unit in units[first + 1 : end - 1]:
        term = unit[TERM]
        if term is None:
            if unit[LOW] not in _PLACE_WORDS:
                return None
            continue
        if term.kind not in ("adjective", "alias") or term.member or not term.actors:
            return None
        if actors and actors != term.actors:
            return None
        actors = term.actors
    if len(actors) != 1:
        return None
    return Who("actor", actors, units[first][START], units[end - 1][START])


# The staff of a body, whose side the body they speak at gives: "At the Pentagon, chief
# spokesman <name> said" (a named leader at the White House is a visitor as likely as a host).
STAFF_ROLES = word_set(
    "spokesman spokeswoman spokesperson official officials aide adviser advisor"
) | {"press secretary"}


def opening_body(units: list[Unit], first: int, a: int) -> Who | None:
    """ "At the Pentagon, ..." / "At the Kremlin, ...": the one actor whose body (an alias)
    the sentence opens with, in a phrase of its own just before the subject at `a`."""
    if a - first not in (3, 4) or units[first][LOW] != "at" or units[a - 1][LOW] != ",":
        return None
    body = units[first + 1 : a - 1]
    if len(body) == 2 and body[0][LOW] != "the":
        return None
    term = body[-1][TERM]
    if term is None or term.kind != "alias" or len(term.actors) != 1:
        return None
    return Who("actor", term.actors, units[first][START], units[a - 1][START], member=term.member)


def participle_subject(earlier: list[Attr], v_start: int) -> Who | None:
    """Whose ', saying ...' at `v_start` it is: the main clause's speaker, the first subject of
    a verb in the sentence before it ("Szijjarto said Budapest would not back it, calling ..."
    is Szijjarto's), not one inside his words; a source ("according to") is not a subject,
    unless there is nothing else. One that closes the words before the participle ("...,
    the diplomat said, adding ...") is the one who goes on."""
    closing = next(
        (a for a in reversed(earlier) if a.pos < v_start and a.trailing and a.who.kind != "none"),
        None,
    )
    if closing is not None:
        return closing.who
    in_clause = (a for a in earlier if a.pos < v_start and a.who.kind != "none")
    for attr in in_clause:
        if attr.rule is not ATTRIBUTION_SOURCE:
            return attr.who
    last = next((a for a in reversed(earlier) if a.pos < v_start and a.who.kind != "none"), None)
    return last.who if last is not None else None


def opening_subject(units: list[Unit], first: int, k: int, state: State) -> Who | None:
    """The subject a sentence opens with, for a verb coordinated with a verb of no speech:
    "Russia's Defense Ministry did not comment, but said ...", "Ukraine's Defence Minister
    joined the meeting and told Allies ...", "In the Kursk region, Governor X met residents and
    said" (a local office takes the place). Only a phrase at the very start counts (after an
    opening place): after "After meeting Putin," the first name is an object."""
    start = first
    place: Who | None = None
    if units[first][TERM] is None and units[first][LOW].endswith("ing"):
        return None  # "Addressing Russian leaders, he said": the participle's object
    if units[first][LOW] == "in":
        commas = [j for j in range(first + 1, min(first + 8, k)) if units[j][LOW] == ","]
        if not commas:
            return None
        start = commas[0] + 1
        place = opening_place(units, first, start)
    a, b = np_after(units, start, k)
    if a != start or b <= a:
        return None
    who = resolve(units[a:b], state.names)
    learn(who, state.names)
    if place is not None and who.kind in ("unknown", "role") and set(who.roles) & LOCAL_ROLES:
        tie_appositive(units[a:b], place, state.names)
        return Who("actor", place.actors, who.start, who.end, who.roles, member=place.member)
    return _opening_pair(units, a, b, k, who, state) if who.kind == "actor" else None


def _opening_pair(units: list[Unit], a: int, b: int, k: int, who: Who, state: State) -> Who:
    """ "President X and President Y spoke by phone and voiced support for ...": two named
    people of two sides joined by "and" open the sentence; a verb coordinated after an act of
    theirs is both of theirs, in their order (people only: "Russia and Ukraine" is two sides)."""
    if b >= k or units[b][LOW] != "and" or not names_person(units[a:b]):
        return who
    a2, b2 = np_after(units, b + 1, k)
    if b2 <= a2 or a2 != b + 1 or not names_person(units[a2:b2]):
        return who
    other = resolve(units[a2:b2], state.names)
    if other.kind != "actor" or set(other.actors) & set(who.actors):
        return who
    actors = (*who.actors, *other.actors)
    member = who.member and other.member
    return Who("actor", actors, who.start, other.end, who.roles, member=member)


def names_person(phrase: Sequence[Unit]) -> bool:
    """Whether a phrase names a person: a speaker's name or titled name in the lexicon."""
    return any(unit[TERM] is not None and unit[TERM].kind == "speaker" for unit in phrase)


def clause_subject(units: list[Unit], first: int, k: int, state: State) -> Who:
    """The subject of the sentence's main clause: its first phrase that is not an object (a
    clause's after "after" is: "His comments came after Zelensky delivered a speech, saying"),
    past an opening adverbial clause ("Since Russia invaded Ukraine, Estonia has banned ...,
    citing ..." is Estonia's)."""
    main = past_opening_clause(units, first, k)
    if main is not None:
        who = clause_subject(units, main, k, state)
        if who.kind != "none":
            return who
    main = _past_opening_participle(units, first, k)
    if main is not None:  # "Meeting X, Admiral Y commended him ...": Y, never X
        return clause_subject(units, main, k, state)
    if _demonstrative_subject(units, first, k):
        return NONE  # "These include the elections held in X": past the verb, objects
    i = first
    while i < k:
        unit = units[i]
        term = unit[TERM]
        if (
            i > first
            and past_tense(unit)
            and units[i - 1][LOW] not in BE
            and _unknown_opening(units, first)
        ):
            return NONE  # "Kravchuk then shelved the idea of NATO membership, declaring ...":
            # past the main verb every phrase is an object; the unknown name was the subject
            # (a passive's agent after "by" is read elsewhere: "This was announced by X, ...")
        if (term is not None and (term.kind != "role" or _opening_office(units, first, i))) or (
            term is None and unit[CAP] and i > first
        ):
            before = units[i - 1][LOW] if i > first else ""
            a, b = np_after(units, i, k)
            if before not in OBJECT_PREP or (
                before in TIME_CONJUNCTIONS and b < k and past_tense(units[b])
            ):
                who = resolve(units[a:b], state.names)
                learn(who, state.names)
                if who.kind != "none":
                    return who
            i = max(b, i + 1)
            continue
        i += 1
    return NONE


def _unknown_opening(units: list[Unit], first: int) -> bool:
    """The clause opens with a capitalised word the lexicon does not know, then its verb's
    words ("Kravchuk then shelved", "Smith later dropped"): a person of no known side, no
    article or office before it."""
    nxt = first + 1
    return (
        units[first][TERM] is None
        and units[first][CAP]
        and units[first][LOW] not in ARTICLES
        and nxt < len(units)
        and not units[nxt][CAP]
        and units[nxt][TERM] is None
    )


def _opening_office(units: list[Unit], first: int, i: int) -> bool:
    """Whether the role at unit `i` heads the clause's opening phrase, only an article and
    words in lower case before it ("The top commander for NATO painted ..., saying ..."): its
    phrase, with the side its complement gives, is the subject (not a possessive's: "the
    minister's staff" are not the minister)."""
    return not units[i][LOW].endswith("'s") and all(
        (units[j][TERM] is None and not units[j][CAP]) or units[j][LOW] in ARTICLES
        for j in range(first, i)
    )


def past_opening_clause(units: list[Unit], first: int, k: int) -> int | None:
    """Where the main clause starts when the sentence opens with an adverbial clause ("As
    relations worsened since Russia invaded, ...", "When the talks failed, ..."): the unit
    after the comma that closes it, if a phrase stands between that comma and `k`; else None."""
    if first >= k or units[first][LOW] not in SUBORDINATORS:
        return None
    for j in range(first + 1, k - 1):
        if units[j][LOW] == ",":
            return j + 1
    return None


def _past_opening_participle(units: list[Unit], first: int, k: int) -> int | None:
    """Where the main clause starts when the sentence opens with a participle's phrase
    ("Meeting President X, Admiral Y commended him", "Speaking after talks with X, Y
    stressed"): the unit after the comma that closes it, if a phrase stands between that
    comma and `k`. The participle's object is no subject."""
    if first >= k or not (ing_form(units[first]) or units[first][LOW] in _OPENING_PARTICIPLES):
        return None
    for j in range(first + 1, k - 1):
        if units[j][LOW] == ",":
            return j + 1
    return None


def _demonstrative_subject(units: list[Unit], first: int, k: int) -> bool:
    """The clause's subject is a plural demonstrative before its own verb or noun ("These
    include ...", "Those countries ..."): it names no one, and every name after its verb is an
    object. (A passive's agent, "These were announced by X", is read elsewhere.)"""
    if first + 1 >= k or units[first][LOW] not in _DEMONSTRATIVES:
        return False
    low = units[first + 1][LOW]
    return common_word(units[first + 1]) and low not in BE and low not in _MODAL_AUXILIARIES


_DEMONSTRATIVES = word_set("these those")
# Auxiliaries that may open a passive after the demonstrative ("These have been raised by X").
_MODAL_AUXILIARIES = word_set("has had have will would could can may might must should")

# Past participles that open a sentence's adverbial phrase: "Asked about X, Y said".
_OPENING_PARTICIPLES = word_set("asked pressed questioned")

# Conjunctions that open an adverbial clause before the main one.
SUBORDINATORS = word_set(
    "as since after when while whilst although though because before once whereas"
)

NAMED = ("actor", "unknown")


# A clause these open states a condition, not anyone's position: "sanctions will rise if
# Putin refuses", "unless Kyiv agrees", "until Moscow withdraws".
# A condition, or an embedded question ("how Russia responds", "to what extent the US would
# support ..."): no one's stated position.
CONDITION = word_set("if unless until whether how extent")
# Prepositions that also open a clause: "after the Kremlin announced", "since Kyiv said".
TIME_CONJUNCTIONS = word_set("after before since")


def plural_head(work: BlockWork, phrase: Sequence[Unit]) -> bool:
    """Whether a phrase ends in a common plural noun ("the allies", "NATO defence chiefs"),
    not a possessive nor a name in capitals ("the United States" is one country)."""
    if not phrase:
        return False
    words = work.text[phrase[-1][START] : phrase[-1][END]].split()
    last = words[-1] if words else ""
    return last.endswith("s") and not last.endswith(("'s", "’s", "ss")) and last.islower()


# People, never a body's voice: "the politician said" after "the State Department announced"
# is the person quoted before it, as "he said" would be (a body's "spokesman" stays its own).
PERSON_NOUNS = word_set(
    "politician parliamentarian legislator lawmaker senator diplomat statesman general"
)


# Views a side holds, reported by another side's speaker in the plain present ("Peskov noted
# that Kyiv believes the deal is dead", "the Kremlin said Warsaw considers the treaty void"): the
# subject's standing, stated opinion. Not one told in the past or in progress ("Putin thought he
# could roll in", "Russia is not considering other scenarios": a motive the speaker pictures), nor
# a view of the speaker's own side ("NATO countries consider Russia their enemy", said by
# Moscow: the speaker's grievance, a claim about others as GUIDE.md's "would rearm").
HELD_VIEWS = word_set("believe think consider deem regard view")


def units_of(work: BlockWork, who: Who) -> list[Unit]:
    """The units of the phrase `who` was read from."""
    starts = work.starts
    return work.units[bisect_left(starts, who.start) : bisect_left(starts, who.end)]


def is_thing(units: Sequence[Unit]) -> bool:
    """A subject made only of places and bodies ("China", "the Kremlin", "Kyiv's"): no
    person's name, office or common noun in it."""
    thing = False
    for unit in units:
        term = unit[TERM]
        if term is None:
            if unit[LOW] not in ("the", "'s", "’s", "."):  # (a stop ends "by Moscow.")
                return False
        elif term.kind in ("alias", "other"):
            thing = True
        elif term.kind != "adjective":
            return False
    return thing


# The words that open a clause the verb takes as its content: "insist that", "warned what",
# "is pushing to ..." (an infinitive of intent).
CONTENT_OPENERS = word_set("that what how whether why")
