"""Offices: which side a title or office speaks for ("the Cuban FM" a third party's, "the
minister" a wire's house side under its dateline, "the head of the parliamentary defence
committee" a state body's), and who holds an office the lexicon names (`office_holders`), read
by the speaker registry (reader.classify.speakers) and the speech-verb grammar.

Split from speakers.py, which had grown to 1,428 lines against test_code_shape's 1,500-line
limit: the registry (who holds which role, who was named when, texts and bodies named, the
region named, a sentence's named subject) stays there and imports this module, never the
other way round; the moves were verbatim, with the names speakers.py reads made public.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from operator import itemgetter

from reader.classify.personnames import (
    appositive_name,
    holder_end,
    name_before_appositive,
    person_name,
)
from reader.classify.phrasebounds import np_after
from reader.classify.phrases import learn, resolve, tie_names
from reader.classify.topic import TITLE_GAP
from reader.classify.types import (
    CAP,
    END,
    LOW,
    START,
    TERM,
    BlockWork,
    Person,
    State,
    Unit,
    Who,
)
from reader.classify.units import in_spans
from reader.classify.wordclasses import ARTICLES, NP_MODIFIERS, is_role, word_set

_PORTFOLIO_REACH = 12  # the most units from a role to the end of its holder's name


def _before_with(units: Sequence[Unit], i: int, b: int) -> int:
    """Where the title phrase of the role at unit `i` ends, within the phrase up to unit `b`:
    before a "with" after it ("<Side> PM Talks With <name>", a title-case headline read as
    one phrase). An office's title never runs through "with"; the one after it is the
    counterpart, and read whole the phrase would give the office to the counterpart; the
    word right before "with" that no term knows is the meeting's noun ("Talks", "Call")."""
    joined = next((j for j in range(i + 1, b) if units[j][LOW] == "with"), b)
    if joined < b and joined - 1 > i and units[joined - 1][TERM] is None:
        return joined - 1  # "Talks", "Call": the meeting's noun, no name
    return joined


def _before_verb(work: BlockWork, i: int, b: int) -> int:
    """Where the title phrase of the role at unit `i` ends, within the phrase up to unit `b`:
    before a capitalised speech or stance verb in its present or past tense ("Foreign Ministry
    Warns Kyiv Over ...", "... Ministry Urged Allies To ...", a title-case headline read as one
    phrase). A headline's verb is no word of
    a holder's name; read whole, the phrase would give the office the side of the verb's
    object."""
    units = work.units
    for j in range(i + 1, b):
        unit = units[j]
        if not unit[CAP] or unit[TERM] is not None:
            continue
        if _headline_progressive(units, j):
            return j
        if unit[LOW].endswith(("s", "ed")):
            start = unit[START]
            for at, _, form in work.verbs:
                if at == start and form.cls in ("speech", "stance") and not form.participle:
                    return j
    return b


def _headline_progressive(units: Sequence[Unit], j: int) -> bool:
    """A capitalised -ing word no term knows with a preposition right after it ("Foreign
    Ministry Protesting Against ...", "Ministry Objecting To ...", "... Calling For ..."): a
    headline's progressive with its "is" dropped, the verb of what the office does, never a
    word of its holder's name. Read as one, the phrase would give the office the side of
    the verb's object."""
    low = units[j][LOW]
    return (
        len(low) > 5
        and low.endswith("ing")
        and j + 1 < len(units)
        and units[j + 1][LOW] in _HEADLINE_VERB_PREPOSITIONS
    )


_HEADLINE_VERB_PREPOSITIONS = word_set("to against for over on about at with from")


# The key of an office a party of no actor's holds ("the Cuban FM", "Chinese officials").
THIRD = "other:"


def third_party(phrase: Sequence[Unit]) -> bool:
    """A title phrase of a party the lexicon names as none of the actors ("Cuban FM"), or of a
    person apart from the state ("the Russian opposition leader": `unofficial:`)."""
    return any(u[TERM] is not None and u[TERM].kind in _NO_STATE for u in phrase)


# The kinds of term that set a phrase apart from the three actors' states.
_NO_STATE = frozenset(["other", "unofficial"])


def _third_holder(who: Who, state: State) -> bool:
    """Whether the office's latest holder in the article is a third party's."""
    if not who.roles:
        return False
    holders = state.roles.get(who.roles[0], [])
    return bool(holders) and holders[-1].startswith(THIRD)


def spoken_with(units: Sequence[Unit], a: int) -> bool:
    """Whether the title phrase starting at unit `a` names someone spoken with or to ("talks
    with the Czech minister", "a letter to Ukraine's new foreign minister"), not a source
    ("according to the minister")."""
    before = units[a - 1][LOW] if a > 0 else ""
    if before == "with":
        return True
    # (the word's own letters: a page that drops the space after a full stop glues the last
    # word of a sentence to the next, "country.according")
    return before == "to" and (
        a < 2 or units[a - 2][LOW].rsplit(".", 1)[-1] not in _NOT_COUNTERPART
    )


# "according to X", "due to X": the word before "to" makes X no one addressed.
_NOT_COUNTERPART = word_set("according due thanks owing next close prior")


def side_of_title(work: BlockWork, state: State, who: Who, a: int, b: int, at: int) -> Who:
    """A named person with a government title of no side ("Energy Minister Svitlana
    Hrynchuk"): the wire dateline's side, unless another side's account comes first; else
    the one country the sentence opens with ("Finland will start making mines, Defense
    Minister Antti Hakkanen said"); else the one member state that holds such an office
    (`sole_office`)."""
    found = _title_context(work, state, who, a, b, at)
    if found.kind == "actor":
        return found
    return sole_office(work.units[a:b], state, found)


def sole_office(phrase: Sequence[Unit], state: State, who: Who) -> Who:
    """ "Defense Secretary <name>", "the Minister for Europe": an office one member state alone
    holds under that name (`members: offices:`) is that member's, when nothing around it gave
    it a side. Why: a local outlet names its own government's offices without the country,
    and no other state's office reads so. Not after a word of another state ("Vatican
    Secretary of State"), nor with an "of" that names the body the office is of ("Secretary
    of State of the Union State")."""
    office = state.offices.get(who.roles[0]) if who.roles else None
    if office is None or third_party(phrase) or _foreign_word_before_role(phrase):
        return who
    role = next(
        (k for k, u in enumerate(phrase) if u[TERM] is not None and u[TERM].kind == "role"), None
    )
    if role is not None and role + 1 < len(phrase) and phrase[role + 1][LOW] == "of":
        return who
    return Who("actor", office.actors, who.start, who.end, who.roles, member=office.member)


def _title_context(work: BlockWork, state: State, who: Who, a: int, b: int, at: int) -> Who:
    """The side the title's context gives it (`side_of_title`), or `who` unresolved."""
    phrase = work.units[a:b]
    if not _house_title(phrase, who.roles):
        return _held_office(who, phrase, state) or who
    place = _opening_capital(work, a) or _country_owner(work, a, state)
    if place is not None:
        return Who("actor", place.actors, who.start, who.end, who.roles, member=place.member)
    house, member = own_side(state)
    if _second_president(phrase, who, state, house):
        return who
    office = state.offices.get(who.roles[0]) if who.roles else None
    if house and office is not None and not set(office.actors) & set(house):
        # "MOSCOW (AP) - Secretary of State <name>", "KYIV (AP) - Defense Secretary <name>":
        # an office one member alone holds under that name is no office of the house's side
        return sole_office(phrase, state, who)
    if house and not _other_side_before(work, at, house):
        claim = _claimed_office(work, state, who, at, house)
        if claim is None:
            return Who("actor", house, who.start, who.end, who.roles, member=member)
        if claim.kind == "actor":
            return claim
    return _side_in_article(work, state, who, a, at, bool(house))


def _second_president(
    phrase: Sequence[Unit], who: Who, state: State, house: tuple[str, ...]
) -> bool:
    """ "President <name>" after the article named the house's president by another name
    ("KYIV (AP) - ... President Volodymyr Zelenskyy said" then "President Joe Biden called
    ..."): a state has one president, so the second is another country's, not the house's."""
    if "president" not in who.roles or not house:
        return False
    names = [u for u in phrase if u[TERM] is None and u[CAP]]
    own = names[-1][LOW].removesuffix("'s").removesuffix("\u2019s") if names else ""
    return any(
        key != own and ":" not in key and state.people[key].actors == house
        for key in state.roles.get("president", ())
    )


def _side_in_article(work: BlockWork, state: State, who: Who, a: int, at: int, house: bool) -> Who:
    """The side of a house title no dateline or site fills: the side the article already
    gave this very office ("Ukraine's energy minister charged ..." then "..., noted X, the
    energy minister", whatever country the sentence opens with), the country the sentence
    opens with, the one side heard in the lead, the holder's own capital committed in what
    they say ("Minister X said Ottawa would ..."), else an office held before."""
    phrase = work.units[a : bisect_left(work.starts, who.end)]
    held = _held_office(who, phrase, state, exact=True)
    if held is not None:
        return held
    if a > 0:
        subject = _sentence_subject(work, a, state)
        if subject is not None:
            return Who(
                "actor", subject.actors, who.start, who.end, who.roles, member=subject.member
            )
    heard = () if house else _lead_heard(work, state, who, at)
    if heard and not _other_side_before(work, at, heard):
        return Who("actor", heard, who.start, who.end, who.roles)
    own = _own_capital(work, at)
    if own is not None:
        return Who("actor", own.actors, who.start, who.end, who.roles, member=own.member)
    return _held_office(who, phrase, state) or who


# "... said (that) Ottawa would ...": the capital or country a title's holder commits.
_COMMITS = re.compile(r"\s+(?:would|will)\s+(?!not\b|never\b|be\s+(?:forced|made)\b)")


_SAID_THAT = re.compile(r"\b(?:said|says|announced|told\s+reporters|stated)\s+(?:that\s+)?$")


def _own_capital(work: BlockWork, at: int) -> Who | None:
    """The side whose capital or country a named title's holder says "would/will" do a thing,
    right after their speech verb ("Global Affairs Minister X said Ottawa would accelerate
    ..."): a minister tells their own government's plans so; a third party's is none (weak: one
    term, the first after the verb, no possessive, and no other side named before it)."""
    closing = work.sentence_end(at)
    for start, end, term in work.terms:
        if start <= at or start >= closing:
            continue
        if term.kind == "role" and start < at + _TITLE_SPAN:
            continue  # the title's own words
        said = _SAID_THAT.search(work.folded, at, start)
        if (
            said is None
            or term.kind != "alias"
            or len(term.actors) != 1
            or work.folded[start:end].endswith(("'s", "’s"))
            or _COMMITS.match(work.folded, end) is None
        ):
            return None
        return Who("actor", term.actors, start, end, member=term.member)
    return None


_TITLE_SPAN = 60  # characters of a title phrase before its holder's name


def _opening_capital(work: BlockWork, a: int) -> Who | None:
    """ "In Moscow, Deputy Foreign Minister X said": a wire story turns to another capital in
    a phrase of its own that opens the sentence, right before the title at unit `a`; the
    title is that capital's side, whatever the dateline ("WARSAW (AP) - ... In Moscow, ...")."""
    units = work.units
    first = bisect_left(work.starts, work.sentence_start(units[a][START]))
    if first < a and units[first][LOW] in _THEN_WORDS:
        first += 2 if first + 1 < a and units[first + 1][LOW] == "," else 1
    if a - first != 3 or units[first][LOW] != "in" or units[a - 1][LOW] != ",":
        return None
    term = units[first + 1][TERM]
    if term is None or term.kind != "alias" or len(term.actors) != 1:
        return None
    return Who(
        "actor", term.actors, units[first + 1][START], units[first + 1][END], member=term.member
    )


def _country_owner(work: BlockWork, a: int, state: State) -> Who | None:
    """ "Ukraine's bid is on hold, the country's foreign minister said": a title owned by "the
    country" (or "the nation", "that country") after a comma is the office of the one country
    the sentence opens with, as "its foreign minister" would be, whatever the outlet's own
    side (a state agency's story on another side's minister)."""
    units = work.units
    if a < 3 or units[a - 2][LOW] not in ("the", "that"):
        return None
    noun = units[a - 1][LOW]
    if noun[:-2] not in _COUNTRY_NOUNS or not noun.endswith(("'s", "\u2019s")):
        return None
    subject = _sentence_subject(work, a - 2, state)
    if subject is not None or units[a - 3][LOW] != ",":
        return subject
    first = bisect_left(work.starts, work.sentence_start(units[a][START]))
    term = units[first][TERM]  # "Ukraine's bid ...": the country owns the sentence's subject
    if term is None or len(term.actors) != 1 or term.kind not in ("alias", "adjective"):
        return None
    if term.kind == "adjective" and not units[first][LOW].endswith(("'s", "\u2019s")):
        return None  # "Russian strikes hit X, the country's ...": the country is the target
    return Who("actor", term.actors, units[first][START], units[first][END], member=term.member)


# A country's common noun, which owns an office as its name would ("the country's president").
_COUNTRY_NOUNS = frozenset(["country", "nation"])


# Words of time that may open a sentence before its phrase of place ("Meanwhile, in Kyiv, ...").
_THEN_WORDS = frozenset(["meanwhile", "later", "earlier", "separately", "also"])


def title_side(work: BlockWork, state: State, who: Who, a: int, b: int) -> Who:
    """The side of a bare government title in units `a`..`b` (", Minister of Foreign
    Affairs," after a name), as for one before a name: the dateline's, or the country the
    sentence opens with."""
    return side_of_title(work, state, who, a, b, work.units[a][START])


def house_open(state: State) -> tuple[str, ...]:
    """The side that fills the article's offices named without a country: the house's, but a
    private outlet's only while no speaker of another side has spoken in the article (a
    Ukrainian paper's "The Defence Ministry said" after "Russian forces said" may be either)."""
    return () if state.house_private and state.other_side_heard else state.house


def reporting_house(state: State, block: int) -> tuple[str, ...]:
    """The side of an office that names itself the source of the paragraph before it ("The
    Ministry of Foreign Affairs has said this in a statement" after "Russia refused to explain
    ..."): the house's, unless another side spoke before that paragraph. Sides named as
    speakers in the paragraph "this" points to, and in the title that restates it, are the
    office's own report, not rival voices."""
    house = state.house
    rival = any(0 < at < block - 1 for side, at in state.first_heard.items() if side not in house)
    return () if rival and state.house_private else house


def own_side(state: State) -> tuple[tuple[str, ...], bool]:
    """The side an office named without a country speaks for, and whether it is a member's:
    the dateline's or the outlet's (`house_open`), else the headline's (`lead_side`)."""
    house = house_open(state)
    return (house, state.house_member) if house else lead_side(state)


def lead_side(state: State) -> tuple[tuple[str, ...], bool]:
    """The article's own country where no dateline or site gives one: the one side its
    headline gives a voice (`note_headline`: "Sweden condemns ...", a member, Russia or
    Ukraine), while the top of the article puts no second side forward (`note_lead`) and no
    speaker of another side has been heard. A local paper names its own government's offices
    without the country ("Foreign Minister <name> described ..."); once two sides are in
    play, such an office may be either's. Returns the side and whether it is a member's
    (nato on the war only)."""
    lead = state.headline
    if lead is None or state.lead_sides is None or not state.sides_heard <= set(lead.actors):
        return (), False
    if lead.actors == ("nato",) and not lead.member:
        return (), False  # the alliance itself holds no prime minister
    return lead.actors, lead.member


def _lead_heard(work: BlockWork, state: State, who: Who, at: int) -> tuple[str, ...]:
    """The one side heard so far in the article, first in its lead paragraphs, for a title
    with a name that nothing else gives a side ("Ukraine said on Tuesday ..." then
    "Infrastructure Minister <name> said"): Russia or Ukraine (the alliance holds no
    ministry, and a member's is unknown); none once anyone in the article held the office
    (then it is someone else's: "Foreign Minister <name>" after Russia's named one), nor where
    the title's sentence names another side or a third country ("... told a briefing in
    Beijing")."""
    if len(state.sides_heard) != 1 or (who.roles and state.roles.get(who.roles[0])):
        return ()
    (side,) = state.sides_heard
    if side == "nato" or state.first_heard.get(side, _LEAD_REACH + 1) > _LEAD_REACH:
        return ()
    opening, closing = work.sentence_start(at), work.sentence_end(at)
    for start, _, term in work.terms:
        if opening <= start < closing and (
            term.kind in _NO_STATE or (term.actors and side not in term.actors)
        ):
            return ()
    return (side,)


# How far down the lead paragraphs reach (the headline is block 0).
_LEAD_REACH = 2


def house_who(who: Who, state: State) -> Who:
    """`who`'s office filled by the house side (a member state's is a member's voice)."""
    return Who("actor", state.house, who.start, who.end, who.roles, member=state.house_member)


def _claimed_office(
    work: BlockWork, state: State, who: Who, at: int, own: tuple[str, ...]
) -> Who | None:
    """Whether a country other than the house's claims an unqualified title on a one-side
    outlet ("Lithuanian President X has urged Foreign Minister Y" on RT: Y is Lithuania's, not
    Russia's): the one other side whose title phrase or speaker comes earlier in the sentence
    (not one talked with or written to, "after a call with Germany's chancellor, Prime
    Minister X said", nor a side's troops, "against Russian forces, Defence Minister X said":
    neither holds the title after them), else the other side (or a third country) that already
    holds this very office in the article. None: no one claims it (the house's); `who` itself
    when several sides do."""
    house = set(own)
    opening = work.sentence_start(at)
    terms = work.terms
    sides: dict[tuple[str, ...], bool] = {}
    for k, (start, end, term) in enumerate(terms):
        if start >= at:
            break
        if start < opening or not term.actors or house & set(term.actors):
            continue
        if work.quotes and in_spans(start, work.quotes):
            continue  # "my Ukrainian counterpart" in the holder's own quote claims nothing
        titled = term.kind == "speaker" or (
            term.kind in ("adjective", "alias")
            and k + 1 < len(terms)
            and terms[k + 1][2].kind == "role"
            and TITLE_GAP.fullmatch(work.folded, end, terms[k + 1][0]) is not None
            and work.folded[terms[k + 1][0] : terms[k + 1][1]] not in _NO_HOLDER_ROLES
        )
        if titled and not spoken_with(work.units, bisect_left(work.starts, start)):
            sides[term.actors] = term.member
    if len(sides) == 1:
        (actors, member), *_ = sides.items()
        return Who("actor", actors, who.start, who.end, who.roles, member=member)
    if sides or _third_holder(who, state):
        return who  # several sides claim it, or a third country's holder was named
    held = _held_office(who, (), state, exact=True)
    return held if held is not None and not house & set(held.actors) else None


# A side's body or its troops, whose name holds no one's office: "from any Russian forces" in
# the sentence claims no title after it for Russia.
_NO_HOLDER_ROLES = word_set("forces troops army military")


def _held_office(who: Who, phrase: Sequence[Unit], state: State, exact: bool = False) -> Who | None:
    """ "Russia's ambassador to the US claimed ..." then "Ambassador Anatoly Antonov said": the
    office the article already gave a side, now with its holder's name (not after a
    nationality the lexicon does not know: "Kenyan Foreign Minister Musalia Mudavadi")."""
    if _foreign_word_before_role(phrase):
        return None
    best: Person | None = None
    for key in who.roles[:1] if exact else who.roles:
        for person_key in state.roles.get(key, ()):
            person = state.people[person_key]
            if ":" in person_key and (best is None or person.last > best.last):
                best = person  # an office named without its holder's name
    if best is None or not best.actors or best.counterpart:
        return None  # a named holder ("Sergei Lavrov") is someone else, not this person
    return Who("actor", best.actors, who.start, who.end, who.roles)


def _foreign_word_before_role(phrase: Sequence[Unit]) -> bool:
    """A capitalised word of no actor's before the title's role ("Kenyan Foreign Minister")."""
    for unit in phrase:
        term = unit[TERM]
        if term is not None and term.kind == "role":
            return False
        if term is not None and term.kind == "other":
            return True
        if term is None and unit[CAP] and unit[LOW] not in _TITLE_WORDS:
            return True
    return False


# A lexicon speaker that is an office, not a person: its holder may be named after it.
_OFFICE = re.compile(
    r"\b(?:commander|committee|chief|secretary|spokes\w+|envoy|minister|president)\b"
)


def office_holders(work: BlockWork, state: State) -> None:
    """ "the Supreme Allied Commander Europe, General Alexus Grynkewich", "Russian President
    <name>", "<name>, the Russian president,": the name after an office of an actor's, in
    apposition or right after it, or the name the office is in apposition to, is that
    actor's, so "Grynkewich:" and "Grynkewich said" later are. Why the name right after: an
    article names a leader by the lexicon's office and the name once ("talks with Ukrainian
    President <name>"), wherever in the sentence, and by the surname alone after that; a
    name the lexicon lacks is known only from that first mention."""
    units = work.units
    for i in work.term_at:
        term = units[i][TERM]
        if term is None or term.kind != "speaker" or not term.actors:
            continue
        _presidency(work, state, i)
        if _OFFICE.search(units[i][LOW]) is None:
            continue
        name = (
            appositive_name(units, i + 1)
            or _name_after_office(work, i)
            or name_before_office(units, i)
        )
        if name and all(u[TERM] is None for u in name):
            tie_names(name, term.actors, term.member, state.names)


def name_before_office(units: Sequence[Unit], i: int) -> list[Unit]:
    """The name the office at unit `i` heads an appositive to ("<name>, the Russian president,",
    "<name>, Head of the Ukrainian President's Office,"): between the comma and the office
    only articles, "of"/"to" and other offices, and the appositive closed right after it (or
    after one office word it owns); not after "former" nor before an "and" that joins a second
    appositive ("<name>, a former aide to the Russian president and a critic of ...")."""
    a = i
    while a > 0 and i - a < _APPOSITIVE_LEAD and _leads_office(units[a - 1]):
        a -= 1
    end = i + 1
    if end < len(units) and is_role(units[end]):
        end += 1  # "the Ukrainian President's Office"
    if end < len(units) and units[end][LOW] not in (",", ".", ";", ")"):
        return []
    return name_before_appositive(units, a, end)


_APPOSITIVE_LEAD = 4  # the most words between an appositive's comma and its office


def _leads_office(unit: Unit) -> bool:
    """A word that may stand between an appositive's comma and a listed office: an article,
    "of"/"to", or an office ("Head of the ...")."""
    return unit[LOW] in ARTICLES or unit[LOW] in ("of", "to") or is_role(unit)


def _name_after_office(work: BlockWork, i: int) -> list[Unit]:
    """The holder's name right after the office at unit `i` ("NATO Secretary General <name>",
    "Russian President <name>"), as a title phrase's is read (`person_name`): not past a
    headline's capitalised verb ("NATO Chief Warns ...") or a meeting's "with"."""
    b = title_phrase_end(work, i)
    return person_name(work.units, i + 1, b, i) if b > i + 1 else []


def title_phrase_end(work: BlockWork, i: int) -> int:
    """Where the title phrase of the office at unit `i` ends: the noun phrase after it, not
    past a headline's capitalised verb or a meeting's "with", and past its holder's name
    after a style of address or the rest of a portfolio (`holder_end`)."""
    units = work.units
    _, b = np_after(units, i, min(len(units), i + 6))
    b = _before_verb(work, i, _before_with(units, i, b))
    return holder_end(units, b, min(len(units), i + _PORTFOLIO_REACH))


# A lexicon speaker that names a presidency ("President of Ukraine", "Russian president").
_PRESIDENCY = re.compile(r"\bpresident\b")


def _presidency(work: BlockWork, state: State, i: int) -> None:
    """ "President of Ukraine Volodymyr Zelenskyy": the holder of that side's presidency, so
    that "the president" and "the Head of State" later are that side's president."""
    unit = work.units[i]
    term = unit[TERM]
    if term is None or _PRESIDENCY.search(unit[LOW]) is None or len(term.actors) != 1:
        return
    key = "/".join(term.actors) + ":president"
    state.people[key] = Person(term.actors, work.index, spoken_with(work.units, i), term.member)
    holders = state.roles.setdefault("president", [])
    if key in holders:
        holders.remove(key)
    holders.append(key)


# Government titles that an outlet leaves unqualified when the side is plain from its dateline
# (not a diplomat's: "WASHINGTON - ... Ambassador <name> said" is the ambassador posted there)
# ("KYIV, Ukraine (AP) - ... Gov. Vadym Filashkin said"; "MOSCOW, June 12. /TASS/. Deputy
# Foreign Minister Sergey Ryabkov said"; "KYIV (AP) - ... Mayor <name> said", as a governor's;
# "KYIV (AP) - ... President <name> said", but not a second president by another name:
# `_second_president`). Spokespeople only with "ministry" in the title. Not after another
# side's speaker: "Kremlin spokesman Dmitry Peskov said ... Foreign Minister Wang Yi said" is
# more likely the host of talks than the house's minister.
_HOUSE_TITLES = frozenset(
    [
        "president",
        "mayor",
        "prime minister",
        "chancellor",
        "minister",
        "foreign minister",
        "defence minister",
        "defense minister",
        "energy minister",
        "finance minister",
        "interior minister",
        "deputy foreign minister",
        "deputy prime minister",
        "deputy defence minister",
        "deputy defense minister",
        "governor",
        "regional governor",
        "region governor",
        "oblast governor",
        "gov.",
        "foreign secretary",
        "defence secretary",
        "defense secretary",
        "secretary of state",
        "secretary of defense",
        "secretary of defence",
        # a legislator of the house's parliament ("MP <name> said" on a state outlet)
        "mp",
        "lawmaker",
        "member of parliament",
        "people's deputy",
    ]
)


# A ministry's own voices: its spokesperson, or an adviser or aide ("Interior Ministry adviser
# <name>"), who speak for its government as its minister does.
_SPOKES = frozenset(["spokesman", "spokeswoman", "spokesperson", "adviser", "advisor", "aide"])


# A minister's portfolio, capitalised before the title ("Infrastructure Minister <name>",
# "Economy and Trade Minister"): no nationality, so no side of its own.
_PORTFOLIOS = word_set(
    "infrastructure health finance economy economic justice interior agriculture agrarian "
    "culture education transport environment trade industry industries digital social labour "
    "labor veterans sport sports youth development reintegration communities energy "
    "transformation strategic emergencies emergency information policy and affairs internal "
    "home science technology innovation"
)


# Capitalised words that may stand before a title without naming a side of their own.
_TITLE_WORDS = frozenset(
    ["deputy", "first", "acting", "senior", "chief", "vice", "regional", "state", "the", "gov."]
)


# How a nationality ends ("Kenyan", "Nigerian", "Chinese", "Turkish", "Israeli", "Czech").
_NATIONALITY = re.compile(r"(?:an|ese|ish|i|ch)$")


def _portfolio_name(phrase: Sequence[Unit], k: int) -> bool:
    """A capitalised word of a portfolio's name before a title ("Global Affairs Minister",
    "Northern Affairs Minister"): the word right after it is a portfolio's, and it does not
    read as a nationality ("Nigerian Trade Minister" is Nigeria's)."""
    following = phrase[k + 1] if k + 1 < len(phrase) else None
    return (
        following is not None
        and following[TERM] is None
        and following[LOW] in _PORTFOLIOS
        and _NATIONALITY.search(phrase[k][LOW]) is None
    )


def _ministry(role: str) -> bool:
    """A ministry of any portfolio ("ministry", "interior ministry", "ministry of justice")."""
    return role == "ministry" or role.endswith(" ministry") or role.startswith("ministry of ")


def _sentence_subject(work: BlockWork, a: int, state: State) -> Who | None:
    """The one actor a sentence opens with, when an unqualified title at unit `a` ends it
    after a comma: the country the sentence is about is the minister's."""
    units = work.units
    comma = a - 1
    if comma > 0 and _says_before(work, comma):
        comma -= 1  # "..., said Foreign Minister X": the title after its inverted verb
    if units[comma][LOW] != ",":
        return None
    first = bisect_left(work.starts, work.sentence_start(units[a][START]))
    i, j = np_after(units, first, a)
    if i != first or j <= i:
        return None
    subject = resolve(units[i:j], state.names)
    learn(subject, state.names)
    direct = any(u[TERM] is not None and u[TERM].kind == "alias" for u in units[i:j])
    if work.index == 0:  # a title-case headline's phrase runs on: "Ammunition Flowing To Ukraine"
        term = units[i + 1 if units[i][LOW] == "the" and i + 1 < j else i][TERM]
        direct = term is not None and term.kind == "alias"
    direct = direct or _government(units[i:j])
    return subject if subject.kind == "actor" and len(subject.actors) == 1 and direct else None


def _says_before(work: BlockWork, at: int) -> bool:
    """Unit `at` is a speech verb ("said", "stated") right after a comma: an inversion."""
    units = work.units
    if at < 1 or units[at - 1][LOW] != ",":
        return False
    start, verbs = units[at][START], work.verbs  # sorted by offset
    v = bisect_left(verbs, start, key=itemgetter(0))
    return v < len(verbs) and verbs[v][0] == start and verbs[v][2].cls == "speech"


# A country's government as a body ("The Dutch Cabinet", "the Finnish government"): as much
# the country the sentence opens with as its name is.
_GOVERNMENTS = frozenset(["government", "cabinet"])


def _government(phrase: Sequence[Unit]) -> bool:
    """The phrase is a side's adjective before its government's name."""
    return (
        len(phrase) >= 2
        and phrase[-1][LOW] in _GOVERNMENTS
        and phrase[-2][TERM] is not None
        and phrase[-2][TERM].kind == "adjective"
    )


def _house_title(phrase: Sequence[Unit], roles: tuple[str, ...]) -> bool:
    """A government title with no side of its own and nobody of a fourth actor in it:
    "Energy Minister Svitlana Hrynchuk", not "Foreign Minister Wang Yi" (a lexicon
    speaker of no actor) nor "Levada's director" nor "Opposition leader <name>"."""
    before_role = True
    for k, unit in enumerate(phrase):
        term = unit[TERM]
        if term is not None and (
            term.kind in _NO_STATE or term.kind in ("speaker", "alias", "adjective")
        ):
            return False
        if term is not None and term.kind == "role":
            before_role = False
        elif (
            before_role
            and unit[CAP]
            and term is None
            and unit[LOW] not in _TITLE_WORDS
            and unit[LOW] not in _PORTFOLIOS
            and not _portfolio_name(phrase, k)
        ):
            return False  # "Kenyan Foreign Minister": a nationality the lexicon does not know
    keys = set(roles)
    return bool(keys & _HOUSE_TITLES) or (bool(keys & _SPOKES) and any(map(_ministry, keys)))


# The words a body's head may carry before its "of" ("the acting head of"): no part of the office.
_ARTICLES_AND_MODIFIERS = NP_MODIFIERS | ARTICLES


# The head of a body, whose "of" names the body ("the head of the lower house Foreign Relations
# Committee", "the chairwoman of the parliamentary defence committee", "the director of the
# border guard service"), and the bodies of a state that such an office heads.
_HEADS_OF_BODIES = word_set(
    "head chair chairman chairwoman chairperson director deputy-head deputy-chairman"
)


# The English nouns of those bodies; a state's own name for its legislature ("the Duma", the
# "Rada" of "the Verkhovna Rada") is config.yaml's `legislatures`, a user's to add to.
_STATE_BODIES = word_set(
    "committee commission ministry department directorate service agency inspectorate bureau"
    " senate parliament chamber staff"
)


# Words of a body that is no state's: a school, a firm, a party, a charity, a club, a body of
# several states ("the director of the International Energy Agency").
_NO_STATE_BODY = word_set(
    "university institute academy school college foundation fund bank company corporation"
    " firm group party union association club church centre center network channel"
    " newspaper news international european world global united nations atlantic private"
    " independent olympic red"
)


_BODY_REACH = 4  # the most words between "of" and the body's name ("the lower house")


def body_office_start(units: Sequence[Unit], a: int, floor: int) -> int:
    """Where the office that a subject's body at unit `a` belongs to starts: "the head of the
    lower house Foreign Relations Committee" (the usual grammar ends the subject at "house"),
    "the head of the upper house's defence committee"; `a` itself when no head's "of" opens
    the stretch before it, which holds only lower-case words, articles and possessives."""
    j = a - 1
    while j > floor and a - j <= _BODY_REACH and units[j][LOW] != "of":
        unit = units[j]
        odd = unit[TERM] is not None or unit[CAP] or not unit[LOW].replace("'", "").isalpha()
        if odd and not unit[LOW].endswith(("'s", "’s")):
            return a
        j -= 1
    if j <= floor or units[j][LOW] != "of":
        return a
    h = j - 1
    while h > floor and units[h - 1][LOW] in _ARTICLES_AND_MODIFIERS:
        h -= 1
    return h


def body_office(phrase: Sequence[Unit], legislatures: frozenset[str]) -> bool:
    """A head of a state body named by its office alone, no country: "the head of the lower
    house Foreign Relations Committee", "the chairwoman of the parliament's defence committee".
    A one-side outlet names its own state's committees so; a school's, a firm's, a party's or
    a body of several states ("the director of the International Energy Agency") is none.
    `legislatures`: config.yaml's own names of states' houses ("the chairman of the Duma")."""
    lows = [unit[LOW].removesuffix("'s").removesuffix("’s") for unit in phrase]
    if "of" not in lows or len(phrase) < 3:
        return False
    at = lows.index("of")
    head = [low for low in lows[:at] if low not in _ARTICLES_AND_MODIFIERS]
    if len(head) != 1 or head[0].replace(" ", "-") not in _HEADS_OF_BODIES:
        return False
    if any(unit[TERM] is not None and unit[TERM].kind in _NO_STATE for unit in phrase):
        return False
    words = {w for low in lows for w in low.split(" ")}
    body = lows[-1] in _STATE_BODIES or lows[-1] in legislatures
    return body and not words & _NO_STATE_BODY


def _other_side_before(work: BlockWork, at: int, house: tuple[str, ...]) -> bool:
    """An earlier sentence of the block already tells another side's account ("Russia's
    Defense Ministry said ... In the Belgorod region, Gov. Vyacheslav Gladkov said"): the
    title may be that side's official, so the dateline does not decide it."""
    opening = work.sentence_start(at)
    quotes = work.quotes
    return any(
        start < opening
        and term.kind in ("alias", "adjective", "speaker")
        and term.actors
        and not set(term.actors) & set(house)
        and not (quotes and in_spans(start, quotes))  # the quote the title's holder speaks
        for start, _, term in work.terms
    )
