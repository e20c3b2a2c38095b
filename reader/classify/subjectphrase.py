"""The phrase before a speech verb as its subject.

Past the asides between a subject and its verb (", asked about the criticism,", `skip_asides`),
the noun phrase that ends right before the verb is resolved to an actor (`subject_before`): an
office with its side taken from a place or a dateline ("In Odesa Oblast, Governor Oleh Kiper
said"), the authors of a text ("a statement by Ukraine, Poland and Romania"), a list of people
in a headline; or it shows that the verb states nothing ("The two sides agreed", "respondents
said they supported", the one a demand is made of, a relative clause about the object). The
largest of the readings reader.classify.verbsubject tries, so a module of its own.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from typing import Literal

from reader.classify.clauses import (
    CLAUSE_WORDS,
    CONDITION,
    FIRST_PERSON,
    HELD_VIEWS,
    LOCAL_ROLES,
    PERSON_NOUNS,
    QUOTE_MARKS,
    SOURCES,
    STAFF_ROLES,
    TIME_CONJUNCTIONS,
    Attr,
    Verb,
    bare_title,
    city_office,
    clause_place,
    local_place,
    named_region,
    opening_body,
    opening_place,
    past_relative_quote,
    past_tense,
    placed_office,
    start_key,
)
from reader.classify.inversions import (
    PERSON_PREP,
    closes,
    common_subject,
    member_of,
    participle_act,
    person_noun,
    relative_act,
    the_described,
)
from reader.classify.offices import (
    body_office,
    body_office_start,
    house_open,
    house_who,
    title_side,
)
from reader.classify.personnames import name_run_before
from reader.classify.phrasebounds import channel_head, np_before, state_head, task_office
from reader.classify.phrases import learn, names_press, resolve, tie_appositive, tie_office
from reader.classify.titles import titled_name
from reader.classify.types import CAP, END, LOW, START, TERM, BlockWork, State, Unit, Who
from reader.classify.units import in_spans
from reader.classify.wordclasses import (
    ARTICLES,
    COMPASS,
    COORD,
    NP_MODIFIERS,
    OBJECT_PREP,
    SKIP,
    SUBORDINATE,
    word_set,
)
from reader.rules.grammar import ATTRIBUTION_SUBJECT


def _opens_no_claim(verb: Verb, before: str, a: int) -> bool:
    """The word before a subject opens a clause that claims nothing: a condition ("if Moscow
    agrees"), a participle's preposition, or a headline's embedded question of what someone
    says or thinks ("The summit's declaration is out: what it says about Kyiv", "What Putin
    said about the truce"): an explainer's promise of what the story tells."""
    if before in CONDITION and not _how_told(verb, a):
        return True
    return before in _PREP_PARTICIPLES or (verb.work.index == 0 and before == "what")


_ASIDE_STOPS = (",", ";", ":", "“", "”", '"')
_ASIDE_MARKS = (",", "–", "—")  # what encloses an aside: commas, or a pair of dashes


def skip_asides(verb: Verb, i: int) -> tuple[int, Who | None]:
    """Past the parentheticals between the subject and the verb (", asked about the
    criticism,"): where the subject ends, and the actor an appositive among them names."""
    units, floor = verb.units, verb.floor
    appositive: Who | None = None
    if i - 1 >= floor and units[i][LOW] in QUOTE_MARKS and units[i - 1][LOW] == ",":
        i -= 1  # ', which calls it a "special military operation," denies': the aside's comma
    while i >= floor and units[i][LOW] in _ASIDE_MARKS:
        mark = units[i][LOW]  # ", the envoy, said" or "– the embassy – tweeted"
        j = i - 1
        while j >= floor and units[j][LOW] != mark:
            if units[j][LOW] in _ASIDE_STOPS:
                opening = _past_short_quote(units, j, floor) or past_relative_quote(verb, j)
                if opening is None:
                    break
                j = opening
            j -= 1
        if mark == ",":
            j = _aside_opening(units, j, i, floor)
        if not _aside_between(units, j, i, floor, mark):
            break
        inner = _current_office(units[j + 1 : i])
        if _clause_aside(inner) and _closes_appositive(verb, j):
            i = j  # ", who was in Kyiv, meeting with X's president,": the aside before it
            continue
        appositive = _aside_actor(verb, inner, j, i) or appositive
        i = j - 1
        while i >= floor and units[i][LOW] in SKIP and units[i][TERM] is None:
            i -= 1
    return i, appositive


def _aside_opening(units: list[Unit], j: int, i: int, floor: int) -> int:
    """ ", who met the leaders of Russia, France and Germany in Paris, hailed", ", after talks
    with their Ukrainian counterpart, Dmytro Kuleba, declared": the comma `j` found before the
    aside's closing comma `i` is one inside the aside (a list's, or an appositive's of its
    object), which opens at an earlier comma with a relative pronoun, a preposition or a
    participle: the comma that opens it, so that the list's first item or the object ("the
    leaders of Russia", "their Ukrainian counterpart") is not read as the verb's subject;
    `j` itself otherwise."""
    if j < floor or j + 1 >= i or _opens_aside(units[j + 1]):
        return j  # ", with broad backing abroad,": the comma found opens the aside itself
    h = j - 1
    while h >= floor and j - h <= _ASIDE_REACH:
        low = units[h][LOW]
        if low == "," and h + 1 < j and _opens_aside(units[h + 1]):
            return h
        if low in _ASIDE_STOPS:
            return j
        h -= 1
    return j


def _opens_aside(unit: Unit) -> bool:
    """The first word of an aside that can hold a comma of its own: a relative pronoun, a
    preposition of time or occasion, or a lower-case participle ("meeting with")."""
    low = unit[LOW]
    return low in _ASIDE_OPENERS or (
        low.endswith("ing") and low.isalpha() and not unit[CAP] and unit[TERM] is None
    )


_ASIDE_OPENERS = word_set("who which after during following before at in with while when amid")
_ASIDE_REACH = 12  # the most units between the aside's opening comma and the comma inside it


def _aside_actor(verb: Verb, inner: list[Unit], j: int, i: int) -> Who | None:
    """The actor an aside between units `j` and `i` names as the subject's appositive (",
    Minister of Foreign Affairs,", ", who headed X's delegation ..."); None for an act told of
    the subject or a clause of time or concession (", before the communique was issued,").
    A longer appositive that joins two offices with "and" (", an opposition deputy and a
    member of the Verkhovna Rada's foreign affairs committee,", ", the leader of Germany's
    largest party and the country's likely next chancellor,") is read by its offices: the
    side those that name one agree on."""
    if not inner or inner[0][LOW] in SUBORDINATE:
        return None
    if inner[0][LOW] == "who" and not relative_act(inner):
        inner = inner[:_HELD_REACH]  # ", who headed X's delegation at talks in ... on ...,"
    if relative_act(inner):
        return None
    found: list[Who] = []
    for part in [inner] if len(inner) <= _HELD_REACH else _office_conjuncts(inner):
        if len(part) > _HELD_REACH:
            continue
        cand = resolve(part, verb.state.names)
        learn(cand, verb.state.names)
        if cand.kind == "role":  # ", Minister of Foreign Affairs,": the title's side
            cand = title_side(verb.work, verb.state, cand, j + 1, i)
        if cand.kind == "actor":
            found.append(cand)
    return found[0] if found and all(w.actors == found[0].actors for w in found) else None


def _office_conjuncts(inner: list[Unit]) -> list[list[Unit]]:
    """An appositive's offices joined by "and" before an article ("a deputy and a member of
    ...", "the head of ... and the country's ..."), each; [] when no such "and" joins two, or
    the appositive names two sides (", an adviser to the Russian president and a critic of
    Kyiv,")."""
    cuts = [
        h
        for h in range(1, len(inner) - 1)
        if inner[h][LOW] == "and" and inner[h + 1][LOW] in ARTICLES and inner[h + 1][TERM] is None
    ]
    sides = {u[TERM].actors for u in inner if u[TERM] is not None and u[TERM].actors}
    if not cuts or len(sides) > 1:
        return []
    bounds = [-1, *cuts, len(inner)]
    return [inner[bounds[k] + 1 : bounds[k + 1]] for k in range(len(bounds) - 1)]


# The most units of an appositive read for the office it names; a relative clause of the office
# held is read up to there (the office follows its verb, the occasion comes after it).
_HELD_REACH = 10


def after_opening_clause(verb: Verb, i: int) -> bool:
    """ "In Kyiv, debris damaged 20 sites, said X": the stretch between the commas before the
    verb (ending at unit `i`) is the sentence's main clause after an opening phrase of place
    or time, not an aside of a subject; the verb is inverted, its subject after it."""
    units, first = verb.units, max(verb.first, verb.floor)
    if units[i][LOW] != "," or first >= i or units[first][LOW] not in OBJECT_PREP:
        return False
    commas = [j for j in range(first, i) if units[j][LOW] == ","]
    if len(commas) != 1 or commas[0] - first > _OPENING_REACH:
        return False
    inner = units[commas[0] + 1 : i]
    return len(inner) > 1 and resolve(inner, verb.state.names).kind in ("none", "unknown")


_OPENING_REACH = 6  # the most units of an opening phrase ("In the southern city of Kherson")


def _current_office(inner: list[Unit]) -> list[Unit]:
    """ ", a former KGB officer who is now secretary of Russia's Security Council,": an aside
    that names a past job and then the office held now speaks for the office after "now" (a
    relative clause or "and" opens it: "who is now", "and now", "who now serves as"); any
    other aside is returned whole."""
    for h in range(1, len(inner) - 1):
        if inner[h][LOW] not in _NOW:
            continue
        opener = {u[LOW] for u in inner[max(0, h - 2) : h]}
        if opener & _NOW_OPENERS:
            rest = inner[h + 1 :]
            return rest[2:] if rest[0][LOW] in ("serves", "serving") and len(rest) > 2 else rest
    return inner


_NOW = frozenset(["now", "currently"])
_NOW_OPENERS = frozenset(["who", "and"])
_SHORT_QUOTE = 4  # the most units a quoted word or nickname inside an aside holds


def _past_short_quote(units: list[Unit], j: int, floor: int) -> int | None:
    """At a closing quote mark inside an aside (a nickname, a word quoted: ", who asked to
    be named only by his call sign "Kit" for security reasons,"), the unit of its opening
    mark; None at any other stop, or a longer quote."""
    if units[j][LOW] not in QUOTE_MARKS:
        return None
    h = j - 1
    while h >= floor and j - h <= _SHORT_QUOTE + 1:
        if units[h][LOW] in QUOTE_MARKS:
            return h
        if units[h][LOW] in _ASIDE_STOPS:
            return None
        h -= 1
    return None


def _closes_appositive(verb: Verb, j: int) -> bool:
    """ ", Putin's envoy, who accompanied Witkoff, said": the relative clause that opens at the
    comma `j` closes an appositive, so that comma also closes the one before it."""
    units, floor = verb.units, verb.floor
    h = j - 1
    while h >= floor and units[h][LOW] not in _ASIDE_STOPS:
        h -= 1
    return h >= floor and units[h][LOW] == "," and j - h - 1 <= 10


def _how_told(verb: Verb, a: int) -> bool:
    """ "Peskov noted how Kyiv believes the deal is dead": a "how" right after a speech verb,
    before a subject whose own verb states or holds a view, opens what was said as "that"
    does; an embedded question ("much depends on how Moscow responds") stays no one's."""
    if a < 2 or verb.units[a - 1][LOW] != "how":
        return False
    if verb.form.cls != "speech" and verb.form.lemma not in HELD_VIEWS:
        return False
    end = verb.units[a - 2][END]
    return any(v_end == end and form.cls == "speech" for _, v_end, form in verb.work.verbs)


def subject_before(
    verb: Verb, i: int, relative: bool, appositive: Who | None
) -> Attr | Literal["stop"] | None:
    """The noun phrase ending at unit `i` as the verb's subject; "stop" when it shows the verb
    states nothing (an object's verb, a joint act, a reported clause's pronoun), None when no
    phrase there names anyone."""
    units, floor = verb.units, verb.floor
    if _after_officials(units, i, floor):
        i -= 2  # "Ukrainian officials and media reported": the officials' side
    i = _phrase_end(units, i, floor)
    if i < floor:
        return None
    a, b, person = _subject_phrase(verb, i)
    before = _word_before_compass(units, a, floor)
    authors = None if appositive else _authors_named(verb, a, b)
    if authors is not None:
        return authors
    if _in_place_list(units, a, floor):
        return "stop"  # "officials in Washington, Kyiv and European capitals respond"
    placed = _person_of_place(verb, i, before)  # "a resident of Kyiv said": not Kyiv
    if placed is not None:
        return placed
    titled = _titled_subject(verb, a, b, appositive)
    if titled is not None:
        return titled
    if before in OBJECT_PREP and not relative and appositive is not None:
        # "At a news conference with Kuleba, the Baltic ministers, which ..., condemned":
        # the phrase before the asides is an object; the one between the commas speaks
        return verb.attr(appositive, ATTRIBUTION_SUBJECT)
    if (
        (before in OBJECT_PREP and not relative and not _time_clause_speaks(verb, before))
        or _opens_no_claim(verb, before, a)
        or _whose_feeling(verb, a)
    ):
        # an object ("disappointed in Putin", "the areas bordering Poland"), a condition ("if
        # Moscow agrees"); but "a day after the Kremlin announced that ..." opens a clause
        # whose subject speaks
        return "stop"
    if verb.work.index == 0 and described_thing(units[a:b]):
        return None  # "Russian Missile Terror Threatens ...": a thing described, no speaker
    who = _resolve_subject(verb, a, b, person)
    if _states_nothing(verb, who, a, b):
        return "stop"
    who = _side_of_office(verb, who, a, b, appositive)
    if who.kind == "unknown":
        who = member_of(units, a, b, who, verb.state)  # "<name> of the State Department said"
    if who.kind == "unknown":
        who = _voices_for(verb, who)
    if who.kind == "none" or (who.member and set(who.roles) & _POLICE):
        return None  # a member state's police ("Danish police said"): its own affairs
    return verb.attr(who, ATTRIBUTION_SUBJECT, trailing=closes(verb, a))


def _word_before_compass(units: list[Unit], a: int, floor: int) -> str:
    """The word before the subject's phrase opening at unit `a`, past the compass words that
    only qualify a place ("regions in eastern and southern Ukraine announced": "in"), so that
    a side's name after a preposition stays its object; "" at the floor."""
    j = a - 1
    while j >= floor and (
        units[j][LOW] in COMPASS
        or (units[j][LOW] == "and" and j - 1 >= floor and units[j - 1][LOW] in COMPASS)
    ):
        j -= 1
    if j < a - 1 and (j < floor or units[j][LOW] not in OBJECT_PREP):
        j = a - 1  # "Eastern Ukraine's governors said": no preposition, the word before stands
    return units[j][LOW] if j >= floor else ""


def _authors_named(verb: Verb, a: int, b: int) -> Attr | None:
    """A text's authors named after "by" or "from" before the subject's phrase at units
    a..b ("by Ukraine, Poland and Romania"): `_text_authors`'s attribution, if any."""
    units, floor = verb.units, verb.floor
    listed = _listed_before(units, a, floor)
    if listed - 1 < floor or units[listed - 1][LOW] not in _TEXT_AUTHOR_PREPS:
        return None
    authors = _text_authors(verb, listed, a, b)
    return verb.attr(authors, ATTRIBUTION_SUBJECT) if authors is not None else None


def _person_of_place(verb: Verb, i: int, before: str) -> Attr | None:
    """ "A resident of Kyiv said", "a student from Moscow told": a place after a preposition
    (`before`) that describes a person a common noun introduces (`common_subject`, the phrase
    ending at unit `i`): the person speaks, for no side, and not the place."""
    if before not in PERSON_PREP:
        return None
    person = common_subject(verb.units, i, verb.floor)
    return verb.attr(person, ATTRIBUTION_SUBJECT) if person is not None else None


def _resolve_subject(verb: Verb, a: int, b: int, person: Who | None) -> Who:
    """Who the subject's phrase at units a..b names (a person's noun as found), with the
    names it ties learnt and a conjunct before it joined."""
    who = person or resolve(verb.units[a:b], verb.state.names)
    if who.kind == "role" and task_office(verb.units, a, verb.floor):
        return Who("unknown", (), who.start, who.end, who.roles)  # "a monitoring mission"
    learn(who, verb.state.names)
    held = _office_and_former(verb.units, a, verb.floor)
    if held is not None and who.kind == "unknown":
        return Who("role", (), held.start, who.end, held.roles)
    return _headline_people(verb, a, _with_conjunct(verb.units, a, verb.floor, who, verb.state))


def _headline_people(verb: Verb, a: int, who: Who) -> Who:
    """ "Putin, Zelenskyy agree to a swap": a headline's comma stands for "and" between two
    people of two sides who open it, and the plural verb is both of theirs, in their order.
    Only people: two sides' names so joined ("Russia, Ukraine agree on ...") are a joint act
    (`_headline_pair`)."""
    units = verb.units
    if (
        verb.work.index != 0
        or who.kind != "actor"
        or a - 2 != verb.floor
        or a - 2 != verb.first
        or units[a - 1][LOW] != ","
        or verb.work.folded[verb.start : verb.end] != verb.form.lemma
    ):
        return who
    first, second = units[a - 2][TERM], units[a][TERM]
    if (
        first is None
        or second is None
        or first.kind != "speaker"
        or second.kind != "speaker"
        or not first.actors
        or set(first.actors) & set(who.actors)
    ):
        return who
    actors = (*first.actors, *who.actors)
    start = units[a - 2][START]
    return Who("actor", actors, start, who.end, who.roles, member=first.member and who.member)


def _office_and_former(units: list[Unit], a: int, floor: int) -> Who | None:
    """ "the high-ranking diplomat and former envoy to the alliance stressed": one person's
    office now and a former one under one "the" (the phrase from unit `a` is the former
    one): the person is the one the office now names, as "the diplomat" alone would be."""
    if a - 3 < floor or units[a - 1][LOW] != "and":
        return None
    if not (units[a][LOW] == "former" or units[a][LOW].startswith("ex-")):
        return None
    j = a - 2
    term = units[j][TERM]
    if not (units[j][LOW] in PERSON_NOUNS or (term is not None and term.kind == "role")):
        return None
    return the_described(units, j, floor)


def _subject_phrase(verb: Verb, i: int) -> tuple[int, int, Who | None]:
    """The units a..b of the subject's phrase that ends at unit `i`, and the person's noun it
    is ("the politician": a common noun, which no office's phrase takes), if it is one."""
    a, b = np_before(verb.units, i, verb.floor)
    person = person_noun(verb.units, i, verb.floor)
    if person is not None:
        a = bisect_left(verb.work.starts, person.start)
    return _past_object_conjunct(verb, a, b), b, person


def _titled_subject(verb: Verb, a: int, b: int, appositive: Who | None) -> Attr | None:
    """ "..., <a title> Ivan Petrov said", "<a title>, Ivan Petrov said": a name no rule
    knows, after a title that opens its clause, speaks for the title's side
    (reader.classify.titles)."""
    if appositive is not None:
        return None
    titled = titled_name(verb.units, a, b, verb.floor, verb.state.names)
    if titled is None or _states_nothing(verb, titled, a, b):
        return None
    place = clause_place(verb.work, verb.units, verb.first, a, b, titled)
    if place is not None:  # "killed in Kharkiv, regional Gov. <name> said"
        titled = placed_office(verb.units, a, b, titled, place, verb.state.names)
    start = bisect_left(verb.work.starts, titled.start)
    return verb.attr(titled, ATTRIBUTION_SUBJECT, trailing=closes(verb, start))


def _past_object_conjunct(verb: Verb, a: int, b: int) -> int:
    """Where the subject ending the phrase `a`..`b` starts when the phrase opens right after
    another verb ("we will do our part to support Ukraine and Norway will align itself with
    ..."): the conjuncts before its last "and" are that verb's object, the last one speaks."""
    units = verb.units
    if a - 1 < verb.floor:
        return a
    verbs, at = verb.work.verbs, units[a - 1][START]
    v = bisect_left(verbs, at, key=start_key)  # sorted by offset: a bisection, not a scan
    if v == len(verbs) or verbs[v][0] != at:
        return a
    joins = [j for j in range(a, b) if units[j][LOW] == "and"]
    return joins[-1] + 1 if joins else a


def _text_authors(verb: Verb, start: int, a: int, b: int) -> Who | None:
    """ "A joint statement by the ministers of Finland and Sweden condemned ...", "the
    declaration issued by the G7 says ...": a text that opens the clause, its authors named
    after "by" or "from" (units `start`..`b`, the subject's phrase from `a`), is the verb's
    subject, and its authors speak, every side of a list ("by Ukraine, Poland and Romania") in
    the order named. None when the phrase before "by" is no text that opens the clause ("talks
    hosted by Turkey", "Russia rejected a statement by ...")."""
    units, floor = verb.units, verb.floor
    j = start - 2
    if j >= floor and units[j][LOW] in _ISSUED:
        j -= 1  # "the statement issued by"
    if j < floor or units[j][LOW] not in _AUTHORED_TEXTS:
        return None
    j -= 1
    while j >= floor and units[j][LOW] in _TEXT_WORDS:
        j -= 1
    if j >= floor and units[j][LOW] not in (",", ";", ":", "—", "–"):
        return None
    who = resolve(units[a:b], verb.state.names)
    learn(who, verb.state.names)
    if who.kind != "actor" or names_press(verb.work.folded[who.start : who.end]):
        return None  # "a statement circulated by state media": an outlet carries, no author
    terms = [u[TERM] for u in units[start:a] if u[TERM] is not None]
    named = [actor for term in terms for actor in term.actors]
    sides = tuple(dict.fromkeys((*named, *who.actors)))  # the list's names first, as written
    return Who("actor", sides, units[start][START], who.end, who.roles, member=who.member)


def _in_place_list(units: list[Unit], a: int, floor: int) -> bool:
    """The phrase at `a` ends a list of sides' names after "and" that a preposition governs
    ("officials in Washington, Moscow and several European capitals respond"): the last
    conjunct is the preposition's object like the others, not the verb's subject."""
    j = a - 1
    while j >= floor and units[j][LOW] in _QUANTIFIERS:
        j -= 1  # "and several European capitals"
    if j < floor or units[j][LOW] != "and":
        return False
    last = j = j - 1  # the unit before "and"
    while j >= floor and _alias(units[j]):
        j -= 1
        if j >= floor and units[j][LOW] == ",":
            j -= 1
    return last > j >= floor and units[j][LOW] in OBJECT_PREP


_QUANTIFIERS = word_set("several some many other most all both")


def _alias(unit: Unit) -> bool:
    term = unit[TERM]
    return term is not None and term.kind == "alias"


def _listed_before(units: list[Unit], a: int, floor: int) -> int:
    """Where a list of sides' names ending in the phrase at `a` starts ("by Ukraine, Poland and
    Romania": the phrase is "Poland and Romania"), each ", <name>" before it, and the office
    the list completes ("by the defence ministers of Ukraine, Poland and Romania")."""
    start = a
    while start - 2 >= floor and units[start - 1][LOW] == ",":
        term = units[start - 2][TERM]
        if term is None or term.kind not in ("alias", "speaker"):
            break
        start -= 2
    if start < a and start - 2 >= floor and units[start - 1][LOW] == "of":
        office, _ = np_before(units, start - 2, floor)
        if any(u[TERM] is not None and u[TERM].kind == "role" for u in units[office : start - 1]):
            return office
    return start


# Texts that speak for the authors "by" names, what may stand between them ("the statement
# issued by"), and what may come before the text's name ("the final joint declaration").
_TEXT_AUTHOR_PREPS = frozenset(["by", "from"])
_AUTHORED_TEXTS = word_set("statement declaration communique communiqué letter appeal readout")
_ISSUED = word_set("issued released signed adopted published made posted circulated distributed")
_TEXT_WORDS = word_set("the a an their joint final written new brief short")


def _after_officials(units: list[Unit], i: int, floor: int) -> bool:
    """Unit `i` is a plain common noun joined by "and" to an office or body right before it
    ("officials and media", "the ministry and journalists"): no one's word, that leaves the
    subject to the office."""
    if i - 2 < floor or units[i - 1][LOW] != "and":
        return False
    unit, office = units[i], units[i - 2][TERM]
    low = unit[LOW]
    plain = unit[TERM] is None and not unit[CAP] and low.isalpha() and low not in SKIP
    people = low.endswith("s") or low in ("media", "press")  # not "military and humanitarian"
    return plain and people and office is not None and office.kind == "role"


def _whose_feeling(verb: Verb, a: int) -> bool:
    """The side's name opening at unit `a` only tells whose fears, claims or demands the verb's
    form names, a plural noun: the name is an object, after a verb that stirs or calms a feeling
    ("the move stoked NATO fears of ...", "eased Kyiv concerns") or, past a word of the
    feeling's degree, after a preposition ("amid growing Russia fears"; right after one,
    `OBJECT_PREP` has stopped the reading already). A verb's form in -s only ("fears", "claims",
    "demands"): "NATO warned" has no noun to be."""
    word = verb.work.folded[verb.start : verb.end]
    if verb.form.participle or word not in (verb.form.lemma + "s", verb.form.lemma + "es"):
        return False
    units, j = verb.units, a - 1
    while j >= verb.floor and a - j <= _DEGREE_REACH and units[j][LOW] in _DEGREES:
        j -= 1
    if j < verb.floor or units[j][TERM] is not None:
        return False
    return units[j][LOW] in _STIRS or (j < a - 1 and units[j][LOW] in OBJECT_PREP)


# Verbs that stir or calm a feeling or a claim, whose object a side's fears or claims are
# ("stoked NATO fears", "allayed Kyiv concerns"), and the words of a feeling's degree or time
# between them, or a preposition, and the side's name ("amid renewed Russia fears").
_STIRS = word_set(
    "stoke stokes stoked stoking fuel fuels fuelled fueled fuelling fueling raise raises raised"
    " raising heighten heightens heightened heightening ease eases eased easing allay allays"
    " allayed allaying calm calms calmed calming dispel dispels dispelled dispelling spark"
    " sparks sparked sparking deepen deepens deepened deepening revive revives revived reviving"
    " reignite reignites reignited reigniting assuage assuages assuaged assuaging intensify"
    " intensifies intensified intensifying"
)
_DEGREES = word_set(
    "growing mounting rising renewed fresh new heightened lingering deepening widespread"
    " persistent repeated latest earlier long-standing longstanding"
)
_DEGREE_REACH = 2


# Participles used as prepositions: the phrase after one is its object, never a subject ("drills
# in the areas adjoining the Baltic Sea will call for a response": the drills call; a headline's
# "orders an alert following Putin comments": a noun, the comments named, no one commenting).
_PREP_PARTICIPLES = word_set(
    "adjoining bordering neighbouring neighboring surrounding including excluding regarding"
    " concerning involving targeting representing following"
)


def _with_conjunct(units: list[Unit], a: int, floor: int, who: Who, state: State) -> Who:
    """ "Prime Minister X and President Y reaffirmed", "Latvia, Norway, and Ukraine condemned":
    a subject of names or sides joined by "and" (commas before it in a list, the serial comma
    too), when the list opens the clause, speaks for every side it names (in their order). The
    list is read back from "and" while commas join its items; where an item does not open the
    clause ("the ministers of Latvia, Norway and ...", "In Paris, Berlin and Kyiv ..."), the
    items after it are the list, as when the one before "and" follows a comma alone."""
    if who.kind != "actor" or a - 2 < floor or units[a - 1][LOW] != "and":
        return who
    end = a - 2 if units[a - 2][LOW] == "," else a - 1  # the serial comma: "A, B, and C"
    actors: tuple[str, ...] = ()
    start, member = who.start, who.member
    while end - 1 >= floor:
        first, _ = np_before(units, end - 1, floor)
        if first >= end or not (first == floor or units[first - 1][LOW] in (",", ";")):
            break
        other = resolve(units[first:end], state.names)
        if other.kind == "actor":
            actors = (*other.actors, *actors)
            start, member = other.start, member and other.member
        if first == floor or units[first - 1][LOW] == ";":
            break
        end = first - 1
    joined = tuple(dict.fromkeys((*actors, *who.actors)))
    if not set(joined) - set(who.actors):
        return who
    return Who("actor", joined, start, who.end, who.roles, member=member)


def described_thing(phrase: Sequence[Unit]) -> bool:
    """A title-case headline's subject (or words before a headline's colon) whose only lexicon
    words are sides' adjectives and that ends in a capitalised word of no one's ("Russian
    Missile Terror", "Russian Drones Breach Polish Airspace"): a thing described, no speaker.
    "Russian MFA" and "Polish Foreign Minister" end in an office, "Russian President Putin"
    holds one."""
    terms = [u[TERM] for u in phrase if u[TERM] is not None]
    return (
        len(phrase) > 2
        and bool(terms)
        and all(t.kind == "adjective" for t in terms)
        and not any(u[LOW].endswith(("'s", "’s")) for u in phrase)
        and phrase[-1][TERM] is None
        and phrase[-1][CAP]
    )


def named_topic(phrase: Sequence[Unit]) -> bool:
    """Words before a colon that name a topic, not its speaker: no name or office among them,
    and a side only after the thing they open with ("Massive Strike On Ukraine's Grid:
    <minister> Says ...") or as the owner of a thing of no one's ("Russia's Ongoing
    Breaches in <place>: Statement to the Council"). Wider than `described_thing`, which
    also reads a headline's subject: a label opens with its speaker ("Ukraine's Envoy to
    NATO:", "Russian Embassy:" end in an office; "NATO SecGen:" opens with its side)."""
    terms = [u[TERM] for u in phrase if u[TERM] is not None]
    if len(phrase) < 2 or not terms or any(t.kind not in ("alias", "adjective") for t in terms):
        return False
    if phrase[0][TERM] is None and phrase[0][CAP]:
        return True
    owner = phrase[0][LOW].endswith(("'s", "’s")) and phrase[0][TERM] is not None
    return owner and phrase[1][TERM] is None and phrase[1][CAP]


# Verbs whose "that"-clause asks something of its subject, in the bare (subjunctive) form:
# "demanded that Russia agree", "urged that Kyiv accept", "insisted Moscow withdraw".
_MANDATIVE = word_set("demand urge insist ask request propose recommend suggest require")


def _says_that(verb: Verb) -> bool:
    """A speech verb with its content a few words on: a "that"-clause ("announced on Thursday
    that"), a demand's infinitive or object ("urged NATO leaders to stand firm", "called for
    more jets"), an accusation's "of" ("accused Moscow of ..."): what the speaker said, not a
    claimed act ("after Moscow claimed to annex ...")."""
    if verb.form.cls != "speech":
        return False
    lemma = verb.form.lemma
    following = {unit[LOW] for unit in verb.units[verb.k + 1 : min(verb.last, verb.k + 5)]}
    return (
        "that" in following
        or lemma in _CALLING_FOR
        or (lemma in _URGING and "to" in following)
        or (lemma == "accuse" and "of" in following)
    )


# Words that make the words after "said" a clause of its own: a tense or a modal
# ("said its jets had ...", "said the talks would ...").
_FINITE = word_set("had has have was were is are will would could can may might must")
_CLAUSE_REACH = 6  # the most units between "said" and its clause's verb


def _time_clause_speaks(verb: Verb, before: str) -> bool:
    """The subject opens a time clause ("a day after the Kremlin announced that ...") whose
    verb says something: its content follows it (`_says_that`, `_content_follows`)."""
    return before in TIME_CONJUNCTIONS and (
        _says_that(verb) or _content_follows(verb) or _quoted_complement(verb)
    )


def _quoted_complement(verb: Verb) -> bool:
    """A speech verb whose object the speaker's own quoted words complete, a few words on and
    in the same sentence ("after X called the guarantees a “compromise”", "after X denounced
    Russia as a “terrorist state”"): what the speaker said, not an act told (not a claimed
    act, "after Moscow claimed to annex the “new regions”")."""
    quotes = verb.work.quotes
    units, k = verb.units, verb.k
    if not quotes or verb.form.cls != "speech" or k + 1 >= verb.last or units[k + 1][LOW] == "to":
        return False
    for j in range(k + 1, min(k + 1 + _OBJECT_REACH, verb.last)):
        if units[j][LOW] in (";", ":", "."):
            return False
        if in_spans(units[j][START], quotes):
            return True
    return False


_OBJECT_REACH = 16  # the most units of an object before its quoted complement


def _content_follows(verb: Verb) -> bool:
    """What a time clause's speech or stance verb said comes right after it with no "that":
    a gerund it rejects or denies ("after the Moldovan premier rejected handing ..."), or a
    clause after "said" ("after Minsk said a drone had crossed ..."): the subject's position
    the main clause answers, not a claimed act ("after Moscow claimed to annex ...")."""
    units, k = verb.units, verb.k
    if verb.form.cls not in ("speech", "stance") or k + 2 >= verb.last:
        return False
    after = units[k + 1]
    gerund = after[LOW].endswith("ing") and not after[LOW].endswith("thing")  # not "nothing"
    if verb.form.lemma != "say" and gerund and after[TERM] is None and not after[CAP]:
        return len(after[LOW]) > 5 and after[LOW].isalpha()  # "rejected ceding"
    if verb.form.lemma != "say" or after[LOW] in OBJECT_PREP or after[LOW] in ("that", ","):
        return False
    for j in range(k + 2, min(k + 1 + _CLAUSE_REACH, verb.last)):
        low = units[j][LOW]
        if low in (",", ";", ":", ".") or low in OBJECT_PREP:
            return False
        if low in _FINITE or past_tense(units[j]):
            return True  # "said a fighter jet dropped ...", "said the talks would ..."
    return False


# Demands whose content is an infinitive after the one asked: "urged allies to", "asked Kyiv to".
_URGING = frozenset(["urge", "ask", "request", "call on"])
# Demands that name their content right after the verb: "called for more air defence".
_CALLING_FOR = frozenset(["call for", "press for", "push for"])


def _object_relative(verb: Verb, a: int) -> bool:
    """A stance verb in a relative clause about its object ("the Donetsk region that the
    Kremlin has long sought", "a deal which Kyiv wants"): what the narrator says of the
    thing, not the subject's stated position. A speech verb there still speaks ("the claims
    that Moscow denied"), and so does a blame laid or a figure given ("the fighting that Kyiv
    blames on Moscow", "the troops, which NATO has put at 40,000": the subject's claim)."""
    units = verb.units
    j = a - 1
    if verb.form.cls == "speech" or verb.form.lemma in _CLAIMED:
        return False
    if j - 1 < verb.floor or _judges_object(verb):
        return False  # (a formal step there too: "the diplomats whom London expelled")
    if units[j][LOW] not in ("that", "which"):
        return _reduced_relative(verb, a)
    noun = units[j - 1]
    if noun[TERM] is not None or not noun[LOW].isalpha():
        return noun[TERM] is not None and noun[TERM].kind == "role"
    verbs = verb.work.verbs
    v = bisect_left(verbs, noun[START], key=start_key)
    if v < len(verbs) and verbs[v][0] == noun[START]:
        return False  # "believes that": a verb
    return not _said_before(verb, j - 1)


# Stance verbs that make a claim about the thing even in a relative clause: a blame, an estimate.
_CLAIMED = frozenset(["blame", "estimate", "put"])


def _judges_object(verb: Verb) -> bool:
    """A verb of judgement in the simple tense with its verdict on the thing right after it
    ("in ways that Moscow considers provocative", "a pact which Kyiv regards as void", "the
    drills that the alliance deems to be a threat"): the subject's own view of the thing, a
    position, not the narrator's account of it. Not one weighed ("the plan that London is
    considering", "the offer which Berlin considers carefully"), nor one with no verdict
    ("the proposals that Washington considers.")."""
    units = verb.units
    if verb.form.lemma not in _JUDGING or units[verb.k][LOW].endswith("ing"):
        return False
    after = verb.k + 1
    if after > verb.last:
        return False
    low = units[after][LOW]
    if low in ("as", "to"):
        return True
    return (
        low.isalpha()
        and units[after][TERM] is None
        and not low.endswith("ly")
        and low not in OBJECT_PREP
        and low not in COORD
        and low not in SKIP
        and low not in CLAUSE_WORDS
    )


# The verbs of judgement whose verdict follows their object ("considers it provocative").
_JUDGING = frozenset(["consider", "deem", "regard", "view"])


# How many words may stand between a speech verb and the "that" of what it reports ("told
# reporters in Kyiv on Friday that").
_SAID_REACH = 5
# Words that make the noun before "that" an object a relative clause describes ("criticised
# the deal that Kyiv wants").
_DETERMINERS = word_set("the a an this that these those its their his her our my your")


def _said_before(verb: Verb, noun: int) -> bool:
    """ "said on Friday that", "told reporters that": the noun before "that" ends a phrase
    of time, place or audience after a speech verb, and the "that" opens what was said."""
    units, verbs = verb.units, verb.work.verbs
    for i in range(noun - 1, max(verb.floor, noun - _SAID_REACH) - 1, -1):
        low = units[i][LOW]
        if low in _DETERMINERS or "'s" in low or "’s" in low or not low.isalpha():
            return False
        v = bisect_left(verbs, units[i][START], key=start_key)
        if v < len(verbs) and verbs[v][0] == units[i][START]:
            return verbs[v][2].cls == "speech"
    return False


def _reduced_relative(verb: Verb, a: int) -> bool:
    """ "the show of unity it so wants to present": a pronoun right after a plain noun opens a
    relative clause without "that", the narrator's account of the noun."""
    units = verb.units
    term = units[a][TERM]
    if term is None or term.kind != "pronoun" or units[a][LOW] in FIRST_PERSON:
        return False
    noun = units[a - 1]
    low = noun[LOW]
    if noun[TERM] is not None or noun[CAP] or not low.isalpha():
        return False
    if low in CLAUSE_WORDS or low in SKIP or low in COORD or low in OBJECT_PREP:
        return False
    verbs = verb.work.verbs
    v = bisect_left(verbs, noun[START], key=start_key)
    return not (v < len(verbs) and verbs[v][0] == noun[START])  # "said it wants": a verb


def _addressee(verb: Verb, a: int) -> bool:
    """The subject at unit `a` is the one a demand is made of: after "demanded (that)", with
    its verb in the bare form ("that Russia agree", not "that Russia agreed")."""
    units = verb.units
    if units[verb.k][LOW] != verb.form.lemma.split(" ")[0]:
        return False  # "agrees", "agreed": an indicative verb, a statement of its own
    j = a - 1
    if j >= verb.floor and units[j][LOW] == "that":
        j -= 1
    if j < verb.floor:
        return False
    verbs = verb.work.verbs  # sorted by offset
    v = bisect_left(verbs, units[j][START], key=start_key)
    return v < len(verbs) and verbs[v][0] == units[j][START] and verbs[v][2].lemma in _MANDATIVE


def _phrase_end(units: list[Unit], i: int, floor: int) -> int:
    """Where the subject phrase before the verb ends (a name, a term or a title word), past
    "of the call" after an office; below `floor` when nothing there can name anyone."""
    if i >= floor and (state_head(units, i, floor) or channel_head(units, i, floor)):
        return i  # "NATO countries said", "the Pentagon's website says"
    if i >= floor and units[i][TERM] is None and not units[i][CAP]:
        i = _head_before_of(units, i, floor)  # "The Kremlin's readout of the call said"
    if i < floor or not (
        units[i][TERM] is not None
        or units[i][CAP]
        or units[i][LOW] in NP_MODIFIERS
        or units[i][LOW] in PERSON_NOUNS  # "the politician said"
    ):
        return floor - 1
    return i


def _states_nothing(verb: Verb, who: Who, a: int, b: int) -> bool:
    """The subject at units a..b does not speak: a joint act of two sides ("The two sides
    agreed to exchange prisoners"), a reported clause's pronoun ("respondents said they
    supported"), the one a demand is made of, a relative clause about the object."""
    units = verb.units
    nxt = units[verb.k + 1][LOW] if verb.k + 1 < len(units) else ""
    joint_act = verb.form.lemma == "agree" and nxt in ("to", "on")
    return (
        (
            joint_act
            and (
                (len(who.actors) > 1 and _sides_not_people(units[a:b]))
                or _headline_pair(verb, who, a)
            )
        )
        or (who.kind == "pronoun" and _reported_clause(verb.work, units, a, verb.floor))
        or _addressee(verb, a)
        or _object_relative(verb, a)
    )


_NAMED_PLACE = 2  # the most words of a place's name in an office's complement


def _complement_word(unit: Unit, names: int) -> bool:
    """A word of an office's complement: a common word of no lexicon, or one of the few words
    of a place's name in it ("of the Kursk region")."""
    if not unit[LOW].isalpha():
        return False
    return unit[TERM] is None or (unit[CAP] and names < _NAMED_PLACE)


def _head_before_of(units: list[Unit], i: int, floor: int) -> int:
    """The office a subject ends in when "of" and a common noun follow it ("the Kremlin's
    readout of the call", "Ukraine's statement of the facts"): the office's unit; `i` when
    the phrase is no such thing. A place's name in the complement does not count toward its
    reach ("Russia's acting governor of the Kursk region")."""
    j = i
    names = 0
    while j > floor and i - j - names < 3 and _complement_word(units[j], names):
        if units[j][CAP]:
            names += 1
        if units[j][LOW] == "of":
            head = units[j - 1]
            if head[TERM] is not None and head[TERM].kind == "role":
                return j - 1
            return i
        j -= 1
    return i


def _side_of_office(verb: Verb, who: Who, a: int, b: int, appositive: Who | None) -> Who:
    """An office of no side of its own takes one from the context: the place that opens the
    sentence or the region last named ("In Odesa Oblast, Governor Oleh Kiper said"), the
    wire dateline's ("a source in the security services told TASS"), or an appositive's
    ("Leonid Slutsky, the chairman of the State Duma's ... Committee, said"). The name in
    the phrase keeps that side for the rest of the article."""
    units, state = verb.units, verb.state
    coordinated = _coordinated_office(verb, who, a)
    if coordinated is not None:
        return coordinated
    if who.kind in ("unknown", "role") and set(who.roles) & LOCAL_ROLES:
        place = opening_place(units, verb.first, a)
        if place is None and (units[a][LOW].startswith("local") or city_office(units, a, b, who)):
            place = local_place(verb.work, units[a][START])
        if place is None and bare_title(units[a:b]):
            place = named_region(who, verb.work.index, state)
        if place is None:
            place = clause_place(verb.work, units, verb.first, a, b, who)
        if place is not None:
            who = placed_office(units, a, b, who, place, state.names)
    if who.kind in ("unknown", "role") and set(who.roles) & STAFF_ROLES:
        body = opening_body(units, verb.first, a)
        if body is not None:
            tie_appositive(units[a:b], body, state.names)
            who = Who("actor", body.actors, who.start, who.end, who.roles, member=body.member)
    if _house_body(verb, who, a, b):
        who = house_who(who, state)
    if _house_senator(units, a, b, who, state):
        who = house_who(who, state)
        end = verb.k
        while end > a and not units[end - 1][CAP]:
            end -= 1  # past the comma before the verb
        run = name_run_before(units, end, a)
        tie_appositive(run, who, state.names)  # "... Ivan Petrov": Petrov later
        tie_office(_SENATORS, who, state.names)  # "the senator said" later
    if who.kind in ("unknown", "role", "none") and appositive is not None:
        tie_appositive(units[a:b], appositive, state.names)
        who = appositive
    return who


def _house_body(verb: Verb, who: Who, a: int, b: int) -> bool:
    """An office of no side on a one-side outlet (or under its dateline) that the house fills:
    an unnamed source inside a body of government ("a source in the security services told
    TASS"), or the head of a state body named by the office alone ("the head of the lower house
    Foreign Relations Committee believes ...", `body_office`)."""
    if who.kind not in ("role", "unknown") or not house_open(verb.state):
        return False
    units = verb.units
    start = body_office_start(units, a, verb.floor)
    return _official_source(who.roles) or body_office(units[start:b], verb.state.legislatures)


def _house_senator(units: list[Unit], a: int, b: int, who: Who, state: State) -> bool:
    """ "Senator from Kaliningrad <name> told RIA Novosti": a senator is the US Senate's by
    default, but one from a region on another side's page (a Moscow dateline, a state outlet),
    no other side named in the phrase (a name or a place after "from"), sits in that side's
    upper house (Russia's Federation Council members are senators too). A bare "Senator
    <name>" there may still be a US senator."""
    house = house_open(state)
    if who.kind != "actor" or not house or set(house) & set(who.actors):
        return False
    lows = [unit[LOW] for unit in units[a : b + 1]]
    if "from" not in lows:
        return bare_senator(units[a:b])
    terms = [unit for unit in units[a : a + lows.index("from")] if unit[TERM] is not None]
    if len(terms) != 1 or terms[0][LOW] not in _SENATORS:
        return False
    # "Senator from South Carolina Lindsey Graham told RIA Novosti": a name or a place of
    # another side after "from" keeps the senator there
    named = {
        actor
        for unit in units[a:b]
        if unit[TERM] is not None and unit[LOW] not in _SENATORS
        for actor in unit[TERM].actors
    }
    return named <= set(house)


_SENATORS = word_set("senator senators")


def bare_senator(phrase: Sequence[Unit]) -> bool:
    """ "…, senator says" in a headline on another side's page: a senator with no name and
    nothing else in the phrase (an article at most) is the house's, as the Federation
    Council's members are senators too; a named one may be a US senator. (A headline's
    "Senator: …" is the one its first paragraphs name: `colonlabels.colon_label`.)"""
    words = [unit for unit in phrase if unit[LOW] not in ARTICLES]
    return len(words) == 1 and words[0][LOW] in _SENATORS


def _coordinated_office(verb: Verb, who: Who, a: int) -> Who | None:
    """ "The Turkish Foreign Ministry and Defence Ministry described ...": a bare office
    joined to a qualified one shares its country: that one's side, or none when the country
    is no actor's (never the dateline's or the last speaker's)."""
    units, floor = verb.units, verb.floor
    if a - 2 < floor or units[a - 1][LOW] not in ("and", "&"):
        return None
    if who.kind not in ("role", "unknown") and not (who.kind == "actor" and who.roles):
        return None
    if not bare_title(units[a : bisect_left(verb.work.starts, who.end)]):
        return None  # "... and Ukraine's defence ministry": a country of its own
    a0, b0 = np_before(units, a - 2, floor)
    first = resolve(units[a0:b0], verb.state.names)
    if not first.roles:
        return None
    if first.kind == "actor":
        return Who("actor", first.actors, who.start, who.end, who.roles, member=first.member)
    if any(u[CAP] and u[TERM] is None for u in units[a0:b0]):  # "Turkish", no rule's side
        return Who("unknown", (), who.start, who.end, who.roles)
    return None


def _official_source(roles: tuple[str, ...]) -> bool:
    """An unnamed source inside a body of government ("a source in the security services",
    "sources in the defence ministry"), whose side an outlet's dateline gives."""
    return bool(roles) and roles[0] in SOURCES and bool(set(roles) - SOURCES)


def _sides_not_people(phrase: Sequence[Unit]) -> bool:
    """'The two sides', 'Russian and Ukrainian delegations' agreeing to act: a joint act,
    narrative. Named people agreeing ('Sybiha and Rutte agreed to convene'), and the leaders
    or ministers of the sides ('The leaders of Russia and Ukraine agreed to exchange ...'),
    state positions."""
    for unit in phrase:
        term = unit[TERM]
        if term is not None and term.kind == "speaker":
            return False
        if term is not None and term.kind == "role" and unit[LOW] in _HEADS:
            return False
        if term is None and unit[CAP] and unit[LOW] not in ARTICLES:
            return False
    return True


# The offices of those who lead a side, whose joint decision is their sides' position.
_HEADS = word_set("leaders presidents premiers chancellors ministers") | {
    "prime ministers",
    "foreign ministers",
    "defence ministers",
    "defense ministers",
    "heads of state",
}


def _headline_pair(verb: Verb, who: Who, a: int) -> bool:
    """'Russia, Ukraine agree on a swap': a headline's comma joins two sides that open the
    sentence, the subject only the second of them."""
    units = verb.units
    if a - 2 != verb.floor or a - 2 != verb.first or units[a - 1][LOW] != ",":
        return False
    term = units[a - 2][TERM]
    return (
        term is not None
        and term.kind in ("alias", "adjective")
        and bool(term.actors)
        and not set(term.actors) & set(who.actors)
    )


def _reported_clause(work: BlockWork, units: list[Unit], a: int, floor: int) -> bool:
    """A subject right after a speech verb (", said they would", "said that they would"): it
    opens the reported clause, whose speaker is the outer verb's subject."""
    j = a - 1
    if j > floor and units[j][LOW] == "that":
        j -= 1
    if j < floor:
        return False
    start = units[j][START]
    verbs = work.verbs  # sorted by offset
    v = bisect_left(verbs, start, key=start_key)
    return v < len(verbs) and verbs[v][0] == start


def _aside_between(units: list[Unit], j: int, i: int, floor: int, mark: str) -> bool:
    """Units `j` and `i` are the marks that enclose an aside: the same mark, and no finite
    verb of its own between them ("..., Romania and Bulgaria were moved, said X": the main
    clause, its speaker inverted after it)."""
    return j >= floor and units[j][LOW] == mark and not _finite_between(units[j + 1 : i])


# A finite auxiliary: a clause's own verb ("was changed", "have agreed"), no aside's word.
_FINITE_AUXILIARIES = word_set("was were is are has have had")
# Words that open a clause of its own inside an aside: its verb is not the main clause's.
_SUBORDINATING = word_set("who whom whose which that where when as if since because while")


def _finite_between(inner: Sequence[Unit]) -> bool:
    """The stretch between two commas before a verb has a finite auxiliary after its first word,
    no relative pronoun or participle opening it: the sentence's main clause after an object's
    list ("drills with Poland, Romania and Bulgaria were moved to May, said X"), not an aside
    between a subject and its verb (", who was in Kyiv,", ", meeting with Y,")."""
    if len(inner) < 2 or _clause_aside(inner) or inner[0][LOW] in _SUBORDINATING:
        return False
    if inner[0][LOW] in SUBORDINATE:
        return False  # ", before the communique was issued,": a clause of time, an aside
    for unit in inner[1:]:
        if unit[LOW] in _SUBORDINATING:
            return False  # ", a former officer who is now deputy head of X,": an appositive
        if unit[LOW] in _FINITE_AUXILIARIES:
            return True
    return False


def _clause_aside(inner: Sequence[Unit]) -> bool:
    """An aside that is a clause about the subject: a relative clause or a participle's act."""
    return bool(inner) and (inner[0][LOW] in ("who", "which", "whose") or participle_act(inner))


_POLICE = frozenset(["police", "local police", "regional police"])

# A person who restates a country's stance speaks for it: "X reaffirmed Estonia's unwavering
# support for Ukraine", "X conveyed Canada's firm position".
_RESTATING = word_set(
    "reaffirm reiterate express confirm convey underline underscore stress emphasise emphasize"
)
_STANCE_NOUNS = word_set(
    "support commitment position stance solidarity readiness determination resolve condemnation"
)


def _voices_for(verb: Verb, who: Who) -> Who:
    """A named person of no known side (`who`) who restates one side's stance,
    its possessive right after the verb ("Tsahkna reaffirmed Estonia's unwavering support"):
    that side's in this sentence (the name is not tied to it: a member's official heard once
    on the war would carry it into their bilateral remarks after)."""
    units = verb.units
    k = verb.k + 1
    if verb.form.lemma not in _RESTATING or k >= verb.last:
        return who
    term = units[k][TERM]
    if term is None or len(term.actors) != 1 or not units[k][LOW].endswith(("'s", "’s")):
        return who
    if not any(units[j][LOW] in _STANCE_NOUNS for j in range(k + 1, min(k + 4, verb.last))):
        return who
    return Who("actor", term.actors, who.start, who.end, who.roles, member=term.member)
