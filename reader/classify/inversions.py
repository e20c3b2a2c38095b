"""The phrase after a speech verb: an inverted speaker, an appositive after a name, a
person introduced by a common noun.

'"...," said Peskov' (`inverted_attr`, where the clause ends right after the speaker: `closes`);
"..., said Oleh Kiper, the head of the Odesa regional military administration" (the appositive
gives the name its side, `appositive_after`); "A resident of Energodar told RIA Novosti"
(`common_subject`: a speaker of no actor's, who stops carry-over). Separate from
reader.classify.subjectphrase, which reads the phrase before the verb, and below it: that
reading asks whether the verb closes its sentence and who a person's noun describes.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence

from reader.classify.clauses import (
    INDEFINITE,
    OWNERS,
    PERSON_NOUNS,
    Attr,
    Verb,
    city_office,
    local_place,
)
from reader.classify.phrasebounds import np_after, unofficial_word
from reader.classify.phrases import learn, resolve, tie_appositive
from reader.classify.types import CAP, END, LOW, START, TERM, BlockWork, State, Unit, Who
from reader.classify.wordclasses import (
    ARTICLES,
    COORD,
    NOUN_MARK,
    OBJECT_PREP,
    SKIP,
    TIME_PHRASE,
    namelike,
    word_set,
)
from reader.rules.grammar import ATTRIBUTION_INVERTED

# "..., Stoltenberg insisted." owns its sentence: the attribution opens after a comma or a
# closing quote and only a few words ("on Tuesday", "at a news conference") follow the verb.
_TRAILING_OPEN = frozenset([",", "”", '"', "’", "'"])


_TRAILING_TAIL = 8


def _short_tail(verb: Verb, at: int) -> bool:
    """Whether only a few words follow unit `at` to the sentence's end, or to a participle's
    clause that goes on with the same speaker ("..., X said on Monday, adding that ...")."""
    if verb.last - at <= _TRAILING_TAIL:
        return True
    units = verb.units
    if _occasion_tail(units, at + 1, verb.last):
        return True
    for j in range(at + 1, min(verb.last, at + _TRAILING_TAIL)):
        if units[j][LOW] == "," and j + 1 < verb.last and units[j + 1][LOW].endswith("ing"):
            return units[j + 1][LOW] in _GOING_ON
        if units[j][LOW] in _CLAUSE_BREAKS:
            return False
    return False


# The words that open a phrase telling when, where or on what occasion a closing speaker
# spoke ("..., X said on Tuesday after the talks between the two leaders"), and the most
# units such a tail may hold.
_OCCASION = word_set("on at in after following during before earlier later late")
_OCCASION_TAIL = 16
_AUDIENCE = word_set("reporters journalists")
# Words that make a longer tail a clause of its own, not an occasion.
_TAIL_CLAUSE = word_set("that which who where when while whereas because but and , ; : ?")


def _occasion_tail(units: Sequence[Unit], first: int, last: int) -> bool:
    """Whether units `first`..`last` are only phrases of time, place or occasion: one opens
    with a preposition of them, none holds a clause (a comma, "that", "which", "and"...).
    Why: a closing speaker owns the sentence as much when the wire adds where and after what
    they spoke as when it adds a day alone."""
    if first < last and units[first][LOW] in _AUDIENCE:
        first += 1  # "..., X told reporters on Friday after ...": the ones told, then when
    if last - first > _OCCASION_TAIL or first >= last or units[first][LOW] not in _OCCASION:
        return False
    return not any(units[j][LOW] in _TAIL_CLAUSE for j in range(first, last))


def closes(verb: Verb, a: int) -> bool:
    """Whether the verb's subject, opening at unit `a`, follows a comma or a quote mark (one
    that closes a quoted word too: 'their "insignificance," the diplomat said') and the
    sentence ends soon after the verb: "..., the diplomat said." owns its sentence."""
    if a <= verb.first or verb.units[a - 1][LOW] not in _TRAILING_OPEN:
        return False
    if a - 1 < verb.floor and verb.units[verb.first][LOW] in _TRAILING_OPEN:
        return False  # '"...," X wrote': the quote's tag, not a narrated sentence's close
    return _short_tail(verb, verb.k)


# Participles that go on with a closing speaker's account, and words that open a new clause.
_GOING_ON = word_set(
    "adding saying noting stressing stating insisting warning arguing explaining emphasising"
    " emphasizing underlining recalling claiming"
)
_CLAUSE_BREAKS = word_set("that and but while whereas because ; :")


def person_noun(units: list[Unit], i: int, floor: int) -> Who | None:
    """ "the politician said", "the retired lieutenant general added": a person's noun no rule
    lists as an office (unit `i`), after "the" and a few words that describe the person, is
    the person the story quoted last, as an office is (reader.classify.antecedents,
    `_person_before_body`)."""
    if i - 1 < floor or units[i][TERM] is not None or units[i][LOW] not in PERSON_NOUNS:
        return None
    return the_described(units, i, floor)


def the_described(units: list[Unit], i: int, floor: int) -> Who | None:
    """The person's noun at unit `i` as an office, when "the" and at most a few words that
    describe the person open its phrase ("the retired lieutenant general"); else None."""
    j = i - 1
    while j > floor and i - j <= _DESCRIBERS and _describer(units[j]):
        j -= 1
    if units[j][LOW] != "the":
        return None
    return Who("role", (), units[j][START], units[i][END], (units[i][LOW],))


def _person_after(units: list[Unit], start: int, last: int) -> Who | None:
    """'"...," said the veteran politician.': a person's noun after an inverted verb, the
    clause ending right after it (`person_noun`)."""
    i = start + 1
    while i < last and i - start <= _DESCRIBERS and units[i][LOW] not in PERSON_NOUNS:
        i += 1
    if i >= last:
        return None
    follow = units[i + 1][LOW] if i + 1 < len(units) else "."
    return person_noun(units, i, start) if follow in _INVERSION_ENDS else None


_DESCRIBERS = 3  # the most words between "the" and a person's noun ("the retired lieutenant")


def _describer(unit: Unit) -> bool:
    """A lower-case word of no lexicon that may describe a person ("veteran", "high-ranking")."""
    return unit[TERM] is None and not unit[CAP] and namelike(unit[LOW]) and unit[LOW] != "the"


_INVERSION_ENDS = frozenset(
    [",", ".", ";", "on", "in", "at", "last", "after", "during", "following", "ahead", "”"]
)
# What else may follow an inverted speaker's name: the topic spoken of ("said X of the deal",
# "said X about the talks"), the ones told ("said X to reporters") and a clause of when, opened
# by the speaker's pronoun ("said X as she left the summit") or, after a conjunction of time
# alone, by any lower-case word ("said X while visiting Kyiv", "when asked", "before the
# vote"). A capitalised "of" phrase is the speaker's own and `np_after` has kept it in the
# name ("said X of the Atlantic Council").
_TOPIC_OPENS = word_set("of about regarding concerning")
_WHEN_OPENS = word_set("as while when before")
_SPEAKER_PRONOUNS = word_set("he she they")


def _speaker_closed(units: list[Unit], b: int, last: int) -> bool:
    """Whether the inverted speaker's phrase ends before unit `b` (past its bracket): the
    sentence's own end ('... said X. He ...'), the clause's end or its occasion
    (`_INVERSION_ENDS`), a topic (`_TOPIC_OPENS`), or an audience or a clause of when in
    lower case (`_AUDIENCE`, `_WHEN_OPENS`: "as" only with the speaker's pronoun)."""
    follow = units[b][LOW] if b < last else "."
    if follow in _INVERSION_ENDS or (follow in _TOPIC_OPENS and b + 1 < last):
        return True
    nxt = units[b + 1] if b + 1 < last else None
    if nxt is None or nxt[CAP]:
        return False
    if follow == "to":
        return nxt[LOW] in _AUDIENCE
    if follow == "as":  # "as" opens a comparison too: "said X as much"
        return nxt[LOW] in _SPEAKER_PRONOUNS
    return follow in _WHEN_OPENS


def _before_topic(units: list[Unit], a: int, b: int) -> int:
    """Where a named speaker's phrase units[a:b] ends before the topic spoken of, when
    `np_after` read the topic as the name's own "of" phrase ("said President X of the Russian
    offer", "said X of Moscow's plan"): at the first "of" right after a capitalised name of no
    office ("the head of the agency" is one office); `b` when there is none."""
    for c in range(a + 1, b):
        if units[c][LOW] == "of":
            term = units[c - 1][TERM]
            name = term is None or term.kind == "speaker"
            return c if name and units[c - 1][CAP] and units[c - 1][LOW].isalpha() else b
    return b


def _past_descriptors(units: list[Unit], i: int, last: int) -> int:
    """Past the lower-case words that describe a named person before the name ("said defense
    analyst Patrick Bury", "said political scientist X"; a word of `unofficial:` among them):
    where the name starts; `i` itself when no name follows them."""
    j = i
    while j < last and j - i < 3:
        unit = units[j]
        low = unit[LOW]
        if unofficial_word(unit):
            j += 1
            continue
        if unit[TERM] is not None or unit[CAP] or not low.isalpha():
            break
        if low in SKIP or low in OBJECT_PREP or low in COORD or low in NOUN_MARK:
            return i
        j += 1
    if j > i and j < last and units[j][CAP] and units[j][TERM] is None:
        return j
    return i


# A time between an inverted verb and its subject: '"...," said on Saturday the deputy
# minister, X', "said late on Monday", "said yesterday" (`TIME_PHRASE`, on folded text).
_TIME_AT = re.compile(rf"{TIME_PHRASE}\b")


def _past_time(work: BlockWork, i: int, last: int) -> int:
    """Past a time phrase right after an inverted verb ("on Saturday", "late on Monday
    evening", "on 12 March", "yesterday") when a phrase that opens with a capital or "the"
    follows it: where the subject starts; `i` itself when there is no such time."""
    units = work.units
    if i >= last:
        return i
    m = _TIME_AT.match(work.folded, units[i][START])
    if m is None:
        return i
    j = bisect_left(work.starts, m.end())
    if units[j - 1][END] != m.end():
        return i  # the time ends inside a word: "on Monday's"
    if j < last and (units[j][LOW] in ARTICLES or _capitalised_word(units[j])):
        return j
    return i


def _capitalised_word(unit: Unit) -> bool:
    """A word or a lexicon term in capitals (no mark, no figure)."""
    return unit[CAP] and (unit[TERM] is not None or unit[LOW].isalpha())


_PARENTHESIS = 5  # the most units of a party's or an office's brackets after a name


def _past_parenthesis(units: list[Unit], b: int, last: int) -> int:
    """The unit after the inverted subject that ends at unit `b`, past a short bracket after
    the name ('said Foreign Minister X (Eesti 200).', "said X (SDP), adding ...")."""
    if b < len(units) and units[b][LOW] == "(":
        close = next(
            (j for j in range(b + 1, min(b + _PARENTHESIS + 1, last)) if units[j][LOW] == ")"),
            None,
        )
        if close is not None:
            return close + 1
    return b


def inverted_attr(verb: Verb) -> Attr | None:
    """'"...," said Peskov': the phrase after the verb, when the clause ends right after it."""
    units, last = verb.units, verb.last
    start = _past_descriptors(units, _past_time(verb.work, verb.k + 1, last), last)
    person = _person_after(units, start, last)
    if person is not None:
        return verb.attr(person, ATTRIBUTION_INVERTED)  # '"...," said the politician'
    a, b = np_after(units, start, last)
    if b > a and not _speaker_closed(units, _past_parenthesis(units, b, last), last):
        b = _before_topic(units, a, b)  # "said President X of the Russian offer"
    after = _past_parenthesis(units, b, last)
    if b == a or not _speaker_closed(units, after, last):
        common = _common_after(units, start, last)  # '"...," said a resident of Kyiv'
        return verb.attr(common, ATTRIBUTION_INVERTED) if common is not None else None
    who = resolve(units[a:b], verb.state.names)
    learn(who, verb.state.names)
    if who.kind in ("unknown", "role") and after < last and units[after][LOW] == ",":
        who = appositive_after(verb.work, units, a, b, last, who, verb.state)
    elif who.kind == "unknown":
        who = member_of(units, a, b, who, verb.state)  # "said X of the State Department"
    if who.kind == "none":
        return None
    return verb.attr(who, ATTRIBUTION_INVERTED, trailing=_short_tail(verb, b))


def appositive_after(
    work: BlockWork, units: list[Unit], a: int, b: int, last: int, who: Who, state: State
) -> Who:
    """'..., said Oleh Kiper, the head of the Odesa regional military administration.': the
    side of the appositive after an inverted speaker's name is the name's, for the rest of the
    article too; a relative clause of an act is no office ("..., who stepped down as head of the
    agency": a former official)."""
    end = b + 1
    while end < last and units[end][LOW] not in (",", ".", ";", "”", '"') and end - b <= 12:
        end += 1
    if end - b > 12 or end == b + 1 or relative_act(units[b + 1 : end]):
        return who  # ", who recently stepped down as head of X": an act, no office held
    appositive = resolve(units[b + 1 : end], state.names)
    learn(appositive, state.names)
    if city_office(units, b + 1, end, appositive):
        appositive = local_place(work, units[b + 1][START]) or appositive
    if appositive.kind != "actor":
        return who
    return _tied(units, a, b, end, who, appositive, state)


def _tied(units: list[Unit], a: int, b: int, end: int, who: Who, side: Who, state: State) -> Who:
    """The named speaker units[a:b] as the side a phrase after the name gives (through unit
    `end`), the name tied to it for the rest of the article."""
    tie_appositive(units[a:b], side, state.names)
    return Who("actor", side.actors, who.start, units[end - 1][END], who.roles, member=side.member)


def member_of(units: list[Unit], a: int, b: int, who: Who, state: State) -> Who:
    """'"...," said <name> of the Russian Foreign Ministry': a name no rule lists, then "of"
    and a side's body or office ("of Ukraine's General Staff", "of the State Department"), the
    speaker's phrase units[a:b], is that body's official, as the wires name a ministry's staff;
    "of" and a side's place alone ("of Kharkiv", "of Ukraine") is where the person is from,
    and a body of no side ("of the Atlantic Institute") gives none."""
    of = _before_topic(units, a, b)
    if of + 1 >= b:
        return who
    body = resolve(units[of + 1 : b], state.names)
    if body.kind != "actor" or not body.roles:
        return who
    learn(body, state.names)
    return _tied(units, a, of, b, who, body, state)


def common_subject(units: list[Unit], i: int, floor: int) -> Who | None:
    """'A resident of Energodar', 'a drone operator': a person introduced by a common noun
    and an indefinite article, at the start of a clause. A speaker of no actor's, who stops
    carry-over (the quote before is theirs, not the last official's)."""
    j = i
    while j >= floor and i - j < _COMMON_REACH:
        unit = units[j]
        low = unit[LOW]
        before = units[j - 1][LOW] if j > floor else ","
        if low in INDEFINITE and before not in PERSON_PREP:  # "from one of the brigades"
            if j == i or before not in (",", "”", '"', "’", ";", ":"):
                return None
            return Who("unknown", (), unit[START], units[i][END])
        term = unit[TERM]
        if term is not None and term.kind not in ("adjective", "alias"):
            return None
        if term is None and not (low.isalpha() or low == "-"):
            return None
        if (
            term is None
            and (low in SKIP or low in COORD or low in OBJECT_PREP)
            and low not in PERSON_PREP
        ):
            return None
        j -= 1
    return None


# How far back a common noun's person may start ("a drone pilot from one of the brigades"),
# and the prepositions that may describe them ("a resident of", "a pilot from", "a woman in").
_COMMON_REACH = 10
PERSON_PREP = frozenset(["of", "from", "in"])


def _common_after(units: list[Unit], start: int, last: int) -> Who | None:
    """A person an inverted verb introduces by a common noun after an indefinite article
    ('"...," said a pensioner from Belgorod', "said a Kyiv teacher", "said an elderly woman in
    Kharkiv"), read forward as `common_subject` reads it back: a speaker of no actor's, who
    stops carry-over (the quote is theirs, not the last official's). None when an office or a
    person's noun heads the phrase ("a spokesman", "a Russian diplomat": `resolve` reads those
    by their side) or no common noun closes it ("said a Ukrainian")."""
    if start >= last or units[start][LOW] not in INDEFINITE:
        return None
    j = start + 1
    if j + 1 < last and units[j][LOW] == "of" and units[j + 1][LOW] in OWNERS:
        j += 2  # "said one of the soldiers", "one of their neighbours"
    first = j
    while j < last and j - start <= _COMMON_REACH:
        unit = units[j]
        term = unit[TERM]
        if term is not None and term.kind not in ("adjective", "alias"):
            return None  # "a senior official", "a government source": an office
        if term is None and (unit[CAP] or not unit[LOW].isalpha() or unit[LOW] in _CLAUSE_OPENS):
            break
        j += 1
    head = units[j - 1]
    if j == first or head[TERM] is not None or head[LOW] in PERSON_NOUNS:
        return None
    return Who("unknown", (), units[start][START], head[END])


# Words that end a common noun's phrase read forward: its place ("of", "from", "in"), a
# relative clause ("who lives nearby") or a clause of when ("while visiting Kyiv").
_CLAUSE_OPENS = PERSON_PREP | _WHEN_OPENS | word_set("who whose that which after during")


# Verbs of a relative clause that say what the subject holds: ", who heads the State Duma's
# defence committee," gives the subject the committee's side; so does the office held at the
# occasion told (", who headed Russia's delegation at the talks in Vienna,").
_HOLDS = word_set(
    "heads leads chairs runs is was serves represents oversees commands directs "
    "headed led chaired represented commanded"
)


def relative_act(inner: Sequence[Unit]) -> bool:
    """A relative clause that tells what its subject did, not what office it holds: in ", which
    has visited prisoners on both sides," the sides are objects, not the subject's. So is a
    participle's ("X, meeting with Y's president, stressed"): Y is whom X met, and a thing's
    passive (", which was signed by Kyiv,"): its agent acted on the thing."""
    if participle_act(inner):
        return True
    if inner[0][LOW] not in ("who", "which", "that"):
        return False
    if inner[0][LOW] != "who" and any(unit[LOW] == "by" for unit in inner[1:]):
        return True  # ", which was signed by Kyiv,": a thing's passive, its agent no office
    for unit in inner[1:]:
        if unit[LOW] in SKIP and unit[LOW] not in ("is", "was"):
            continue
        return unit[LOW] not in _HOLDS
    return False


def participle_act(inner: Sequence[Unit]) -> bool:
    """An aside that opens with a participle and a preposition ("meeting with Y's president",
    "speaking at the summit"): an act of the subject, naming no office of theirs."""
    first = inner[0][LOW]
    if not (first.endswith("ing") and first.isalpha()) or inner[0][CAP] or len(inner) < 2:
        return False
    return inner[1][LOW] in _PARTICIPLE_PREP


# What an aside's participle goes on with when it tells an act: "meeting with", "speaking at".
_PARTICIPLE_PREP = frozenset(["with", "at", "in", "to", "on", "for", "from", "alongside"])
