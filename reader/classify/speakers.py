"""Speakers: who holds which role ("Russian Foreign Minister Sergey Lavrov": Lavrov is a
minister, of Russia), when each person was last named, and the region last named, so that
"the minister said" and "the governor wrote" blocks later resolve (step 4 of the pipeline).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from itertools import compress
from operator import itemgetter

from reader.classify.personnames import (
    HOLDER_PLACE_PREP,
    appositive_name,
    holder_end,
    name_before_appositive,
    name_run_after,
    person_name,
)
from reader.classify.phrasebounds import (
    GENERIC_TEXTS,
    TEXT_MODIFIERS,
    modifier_word,
    np_after,
    np_before,
    text_genre,
)
from reader.classify.phrases import learn, listed_surname, resolve, tie_names
from reader.classify.topic import TITLE_GAP
from reader.classify.types import (
    CAP,
    END,
    LOW,
    START,
    TERM,
    BlockWork,
    Person,
    Speaker,
    State,
    Unit,
    Who,
)
from reader.classify.units import in_spans
from reader.classify.wordclasses import ARTICLES, NP_MODIFIERS, OBJECT_PREP, is_role, word_set


def note_person(state: State, speaker: Speaker) -> None:
    """`speaker`, a person, is now the one a later "he"/"she" takes; the person before
    stays within reach for a pronoun that does not agree with the new one ("she told ...",
    then "'...,' he said")."""
    last = state.last_person
    if last is not None and last is not speaker and last.actors != speaker.actors:
        state.earlier_person = last
    state.last_person = speaker


def known_role(who: Who, state: State) -> Who:
    """'the minister': the most recently named person with that role, if the article has one
    (a pure lookup; `named_again` records that the article named them again). `block` of the
    answer is where that person was last named."""
    if who.kind != "role":
        return who
    author = author_office(who, state)
    if author is not None:
        return author
    holder = role_holder(who, state)
    if holder is None:
        return who
    if not holder.actors:
        # "the spokesman" after "Chinese Foreign Ministry spokesman Guo Jiakun": Guo again
        return Who("unknown", (), who.start, who.end, who.roles, block=holder.last)
    block, member = holder.last, holder.member
    return Who("actor", holder.actors, who.start, who.end, who.roles, block=block, member=member)


def author_office(who: Who, state: State) -> Who | None:
    """A bare office that a source rule names as the author's ("the Prime Minister" in a
    readout of the Prime Minister's Office), or the one a title names as its document's
    ("the Foreign Ministry condemns ..." under "Foreign Ministry statement on ..."): the
    document's author."""
    source = state.source
    if state.document is None:
        return None
    titled = bool(state.office) and who.roles[:1] == (state.office,)
    if not titled and (source is None or not set(who.roles) & set(source.roles)):
        return None
    return Who(
        "actor",
        state.document,
        who.start,
        who.end,
        who.roles,
        block=0,
        member=state.document_member,
    )


def role_holder(who: Who, state: State) -> Person | None:
    """The person last named with one of `who`'s roles ("minister", "foreign minister"),
    before any named only as a counterpart: the holder of the office itself first ("The
    Ministry of Foreign Affairs" after Kyiv's ministry and a Russian ministry's spokeswoman is
    Kyiv's), else of its head noun ("the ministry" after "Foreign Minister X": his). On a
    one-side outlet only the office itself counts ("the Foreign Ministry" is not a defence
    minister's ministry there, but the house's): the house fills an office no one holds."""
    exact = _latest_holder(who.roles[:1], state)
    if exact is not None or state.house:
        return exact
    return _latest_holder(who.roles[1:], state)


def _latest_holder(keys: Sequence[str], state: State) -> Person | None:
    """The person last named with one of the roles `keys`, before any named only as a
    counterpart."""
    best: Person | None = None
    for key in keys:
        for person_key in state.roles.get(key, ()):
            person = state.people[person_key]
            if best is None or (not person.counterpart, person.last) > (
                not best.counterpart,
                best.last,
            ):
                best = person
    return best


def named_again(who: Who, state: State, index: int) -> None:
    """A role ("the minister said") names its holder again in block `index`."""
    if who.kind != "role":
        return
    holder = role_holder(who, state)
    if holder is not None:
        holder.last = index


def register_roles(work: BlockWork, state: State) -> None:
    """Remember who holds which role ("Russian Foreign Minister Sergey Lavrov": Lavrov is a
    minister, of Russia) and when each person was last named, for "the minister said" later."""
    if state.people:
        _named_again(work, state)
    _tie_listed_names(work, state)
    _office_holders(work, state)
    units, quotes = work.units, work.quotes
    for i in work.term_at:
        term = units[i][TERM]
        if term is not None and term.kind == "role":
            if quotes and _in_quoted_speech(work, units[i][START]):
                continue  # '"President X started the war," he said': the speaker holds the floor
            _register_holder(work, state, i)
        elif term is not None and term.kind == "alias" and term.actors:
            _register_body(work, state, i)
        if term is not None and term.kind in ("alias", "adjective") and term.actors:
            _register_named_body(work, state, i)
            _tie_side_name(work, state, i)


# The head nouns of a side's body named by the lexicon ("the State Department", "the Foreign
# Office", "the Military Committee", "the Black Sea Fleet", "the State Border Guard Service")
# that a story calls it by later: "the department said", "the fleet's press service".
_NAMED_BODY_HEADS = word_set(
    "department office committee command headquarters navy ministry fleet service bureau agency"
)


# The head nouns of a side's body the lexicon does not list, named with the side's word and a
# proper name ("the Russian Baltic Fleet", "Ukraine's State Border Guard"): "the fleet's press
# service" later is that body's.
_UNLISTED_BODIES = word_set("fleet guard corps agency bureau commission inspectorate council")
_BODY_NAME = 4  # the most capitalised words of the body's name after the side's word


def _register_named_body(work: BlockWork, state: State, i: int) -> None:
    """A side's body named by the side's word and a proper name that ends in a body's head
    noun ("the Russian Baltic Fleet"), as the latest holder of that noun: "the fleet's press
    service said" later is the side's."""
    units = work.units
    before = units[i - 1][TERM] if i > 0 else None
    if before is not None and before.kind in ("alias", "adjective"):
        return  # "the Russian Baltic Fleet": the first side's word names the body's side
    j = i + 1
    while j < len(units) and j - i <= _BODY_NAME and units[j][CAP] and _name_word(units[j]):
        j += 1
    if j == i + 1:
        return
    head = units[j - 1][LOW]
    if head not in _UNLISTED_BODIES or (j < len(units) and units[j][CAP]):
        return
    term = units[i][TERM]
    assert term is not None
    key = "/".join(term.actors) + ":" + head
    _hold(state, key, Person(term.actors, work.index, False, term.member), (head,))


_SIDE_NAME = 3  # the most words of a person's name after a side's word ("Russia's <name>")
# What may follow a person's name after a side's word: a clause's verb, a preposition, a comma.
_AFTER_SIDE_NAME = word_set(", . ; : ) and to on in at for with during who")


def _tie_side_name(work: BlockWork, state: State, i: int) -> None:
    """A person named by a side's possessive or adjective alone, no office between ("with
    Russia's <given name> <surname> to ...", "spoke to German <given name> <surname> on"):
    the name is that side's for the rest of the article, as it is when the phrase is a
    subject (`resolve`); "<surname> said" later speaks for it. Two or three name words
    followed by a verb, a preposition or a comma, or one possessive name ("Russian
    <surname>'s remarks"): not a body's or a thing's name ("Russian Black Sea Fleet ships")."""
    units = work.units
    term = units[i][TERM]
    if term is None or (term.kind == "alias" and not units[i][LOW].endswith(("'s", "’s"))):
        return
    if i > 0 and units[i - 1][TERM] is not None:
        return  # "pro-Russian", "Russian Ukrainian": the first side's word qualifies the phrase
    run = name_run_after(units, i + 1, _SIDE_NAME + 1)
    end = i + 1 + len(run)
    owner = bool(run) and run[-1][LOW].endswith(("'s", "’s"))
    if not owner and (len(run) < 2 or len(run) > _SIDE_NAME):
        return
    if not owner and end < len(units) and not _verb_or_link(work, units[end]):
        return
    learn(resolve(units[i:end], state.names), state.names)


def _verb_or_link(work: BlockWork, unit: Unit) -> bool:
    """Whether `unit` may follow a person's name: a preposition, a comma or a verb ("said",
    "discussed"), no noun the name would qualify."""
    low = unit[LOW]
    if low in _AFTER_SIDE_NAME or (not unit[CAP] and low.endswith("ed")):
        return True
    return any(at == unit[START] for at, _, _ in work.verbs)


def _name_word(unit: Unit) -> bool:
    """A capitalised word that may be part of a body's proper name: no office ("Spokesman")."""
    term = unit[TERM]
    return term is None or term.kind in ("alias", "adjective")


def _register_body(work: BlockWork, state: State, i: int) -> None:
    """A body the lexicon names whole ("the State Department"), as the latest holder of the
    office its head noun names: "the department's spokeswoman" and "the department said"
    later are that body's. Why: the memory of offices holds title phrases; a body's own name
    is no title phrase, yet a story calls it back by its head noun as it does a minister."""
    unit = work.units[i]
    head = unit[LOW].removesuffix("'s").removesuffix("\u2019s").rsplit(" ", 1)[-1]
    if head not in _NAMED_BODY_HEADS or " " not in unit[LOW]:
        return
    term = unit[TERM]
    assert term is not None
    key = "/".join(term.actors) + ":" + head
    counterpart = _counterpart(work.units, i)
    _hold(state, key, Person(term.actors, work.index, counterpart, term.member), (head,))


def _tie_listed_names(work: BlockWork, state: State) -> None:
    """Each full name the lexicon lists that the block names anywhere ("the Chair of the
    Military Committee, Admiral Rob Bauer, was in Kyiv") ties its surname to the speaker's side
    for the rest of the article, as a verb's subject does: the lexicon lists a surname alone
    only where it is no common word or first name, so "Admiral Bauer commended ..." later,
    after a rank that is no office, would otherwise name a person of no known side."""
    units = work.units
    for i in work.term_at:
        unit = units[i]
        term = unit[TERM]
        if term is None or term.kind != "speaker" or not unit[CAP] or " " not in unit[LOW]:
            continue
        last = listed_surname(unit[LOW])
        if last is not None:
            state.names.setdefault(last, (term.actors, term.member))


# Marks that open a quote: a span holding one more inside is two quotes run together (mixed
# straight and curly marks), not one speaker's words.
_OPENING_MARKS = ('"', "“", "«")


def _in_quoted_speech(work: BlockWork, at: int) -> bool:
    """Whether `at` is inside a speaker's own words: one well-formed quote that opens the block
    or follows a colon ('he said: "..."'), not a phrase quoted inside the narrator's sentence."""
    text = work.text
    for start, end in work.quotes:
        if start <= at < end:
            if any(mark in text[start + 1 : end - 1] for mark in _OPENING_MARKS):
                return False
            before = text[:start].rstrip(" \u201c\u201d\"\u00ab\u2018'")
            return not before or before.endswith(":")
    return False


def _named_again(work: BlockWork, state: State) -> None:
    """The people the article knows that this block names again (by name or surname).

    Only the capitalised units and the lexicon terms can name someone: the loops take those
    alone (`compress` picks the capitalised ones without a Python step per token)."""
    units, index, people = work.units, work.index, state.people
    for unit in compress(units, map(_capital, units)):
        term = unit[TERM]
        if term is None:
            key = unit[LOW]
        elif term.kind == "speaker":
            key = surname(unit[LOW])
        else:
            continue
        person = people.get(key)
        if person is not None:
            person.last = index
    for i in work.term_at:
        unit = units[i]
        term = unit[TERM]
        if not unit[CAP] and term is not None and term.kind == "speaker":
            person = people.get(surname(unit[LOW]))
            if person is not None:
                person.last = index


def _register_holder(work: BlockWork, state: State, i: int) -> None:
    """The person (or office) the title phrase around the role at unit `i` names, as that
    role's latest holder; the name's words are tied to the holder's side."""
    units = work.units
    a, _ = np_before(units, i, max(0, i - 6))
    a = _own_conjunct(units, a, i)
    b = _title_phrase_end(work, i)
    who = resolve(units[a:b], state.names)
    learn(who, state.names)
    if who.kind == "role":
        who = _named_in_apposition(units, a, b, i, who, state)
    if who.kind == "role" and units[i][LOW] in _TEXT_NAMES:
        if b < len(units) and units[b][LOW] in _ISSUES | _PASSIVE_BE:
            _register_text(work, state, i, a, b)  # "a corresponding statement published by X"
        elif units[i][LOW] in _QUALIFIED_TEXTS and _issued(units, _text_opening(units, a) - 1):
            _register_text(work, state, i, a, b)  # "X signed a revised naval doctrine"
        return  # "the statement by X that ... is not true": X's text, rebutted, no source
    if who.kind not in ("actor", "unknown"):
        return
    name = person_name(units, a, b, i)
    if name and work.index == 0 and _body_before_name(units, name):
        name = []  # "Defense Ministry Plans To Hold Military Exercises": no one named
    if name and name[0][LOW].rstrip(".") in _NUMBER_WORDS:
        name = []  # "bill No. 6470", "Resolution No 2202": a text's number, no one's name
    if who.kind == "unknown" and name:
        b = _before_place(work, name, b)
        who = _owner_side(units, a, i, who, state) or _side_of_title(
            work, state, who, a, b, units[i][START]
        )
    if name:
        person_key = surname(name[-1][LOW])
        if who.kind == "actor":
            tie_names(name, who.actors, who.member, state.names)
    elif who.kind == "actor":
        if _one_side_joint(units, i, who):
            return  # "aid to Ukraine joint statement": a topic or one co-author, not its holder
        person_key = "/".join(who.actors) + ":" + units[i][LOW].removesuffix("'s")
    elif _third_party(units[a:b]):
        person_key = _THIRD + units[i][LOW].removesuffix("'s")  # "the Cuban FM"
    else:
        _register_text(work, state, i, a, b)  # "X issued a statement": "the statement" is X's
        return  # "Governor": no one the article can call again
    counterpart = _counterpart(units, a)
    _hold(state, person_key, Person(who.actors, work.index, counterpart, who.member), who.roles)


def _hold(state: State, key: str, person: Person, roles: Iterable[str]) -> None:
    """`person`, known as `key`, as the latest holder of each of `roles`: "the <role> said"
    later in the article is theirs (`known_role` takes the last holder). A text of a side's
    ("Russia's new strategy", "a decree Kyiv signed") is also the latest "document"
    (`GENERIC_TEXTS`): a story calls its text again by a general noun."""
    state.people[key] = person
    roles = tuple(roles)
    if any(text_genre(role) for role in roles):
        roles = (*roles, *GENERIC_TEXTS)
    for role in roles:
        holders = state.roles.setdefault(role, [])
        if key in holders:
            holders.remove(key)
        holders.append(key)


_PORTFOLIO_REACH = 12  # the most units from a role to the end of its holder's name

# Offices that are bodies or services, never a person's title: no name follows one.
_BODY_ROLES = word_set(
    "military army navy ministry government cabinet parliament forces force command staff"
    " administration department committee service agency intelligence"
)


def _body_before_name(units: Sequence[Unit], name: Sequence[Unit]) -> bool:
    """A title-case headline's capitalised word after a body's name, read as a name by the
    title grammar ("... To Hold Military Exercises", "Army Reform"): a body is no person's
    title, and in a headline every word is capitalised, so the word is a common noun; a
    holder the lexicon knows ("Ministry Spokeswoman Zakharova") ends in a person's role."""
    k = bisect_left(units, name[0][START], key=itemgetter(START))
    before = units[k - 1] if k > 0 else None
    if before is None or before[TERM] is None or before[TERM].kind != "role":
        return False
    return before[LOW].split()[-1] in _BODY_ROLES and all(u[TERM] is None for u in name)


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


def _before_place(work: BlockWork, name: Sequence[Unit], b: int) -> int:
    """Where a title phrase ends that runs on past its holder's name into a place ("Foreign
    Minister <name> in Kyiv: ..."): at the name. The place is where the holder was, not whose
    office it is; read whole, the phrase would give the office the place's side (or none)."""
    end = bisect_left(work.starts, name[-1][START]) + 1
    return end if end < b and work.units[end][LOW] in HOLDER_PLACE_PREP else b


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


def _own_conjunct(units: Sequence[Unit], a: int, i: int) -> int:
    """Where the title phrase of the role at unit `i` starts, within the phrase from unit `a`:
    after an "and" that follows a person ("Prime Minister Roe and President Doe"). Why: a title
    names one holder; the noun phrase joins two people, and read whole it would give one
    of them both offices and both sides ("the Prime Minister" later: two sides merged)."""
    for j in range(i - 1, a, -1):
        left = units[j - 1][TERM]
        if units[j][LOW] == "and" and left is not None and left.kind == "speaker":
            return j + 1
    return a


def _named_in_apposition(
    units: Sequence[Unit], a: int, b: int, i: int, who: Who, state: State
) -> Who:
    """ "The Prime Minister, <a name the lexicon knows>, today visited ...": a bare office whose
    holder the name after it says, with that holder's side."""
    name = person_name(units, a, b, i)
    named = resolve(name, state.names) if name else who
    learn(named, state.names)
    if named.kind != "actor":
        return who
    return Who("actor", named.actors, who.start, who.end, who.roles, member=named.member)


def _owner_side(units: Sequence[Unit], a: int, i: int, who: Who, state: State) -> Who | None:
    """ "the department's spokeswoman <name>" after "the U.S. State Department announced":
    an office owned by a definite body or office the article already gave a side (its
    possessive, "the <role>'s", opening the phrase) is that side's, whatever name follows.
    Why: a story names a body once with its side and then calls it by its head noun alone;
    the name after its office is a new person of the body's side, not of no side."""
    if units[a][LOW] != "the":
        return None
    for k in range(a + 1, i):
        term = units[k][TERM]
        if term is None or term.kind != "role":
            continue
        if not units[k][LOW].endswith(_POSSESSIVES):
            return None
        owner = resolve(units[a : k + 1], state.names)
        if owner.kind != "role":
            return None
        held = known_role(owner, state)
        if held.kind != "actor":
            return None
        return Who("actor", held.actors, who.start, who.end, who.roles, member=held.member)
    return None


_POSSESSIVES = ("'s", "\u2019s")


# Words that number a text after its genre ("bill No. 6470"): no person's name.
_NUMBER_WORDS = word_set("no nr number")


def names_text(who: Who) -> bool:
    """The phrase names a text, by its genre or a general noun ("the strategy", "the new
    document"), no person or body: what it says is its holder's."""
    return bool(who.roles) and all(text_genre(role) or role in GENERIC_TEXTS for role in who.roles)


# Texts a side issues, each with the other names a story calls the same text by later ("has
# passed a law" ... "The bill says").
_TEXT_NAMES = {
    "statement": ("statement", "declaration", "communique"),
    "declaration": ("declaration", "statement", "communique"),
    "communique": ("communique", "statement", "declaration"),
    "law": ("law", "bill", "draft law"),
    "bill": ("bill", "law", "draft law"),
    "draft law": ("draft law", "bill", "law"),
    "resolution": ("resolution", "draft resolution"),
    "draft resolution": ("draft resolution", "resolution"),
    "decree": ("decree",),
    "readout": ("readout",),
    "doctrine": ("doctrine",),
    "strategy": ("strategy",),
    "concept": ("concept",),
    "report": ("report",),
}
# Texts issued with words that qualify them ("signed a revised naval doctrine", "released an
# annual report"): the issuer's, whose "the doctrine" or "the document" is that text later
# (a party of no side's text too: "the document" after "The UN released a report" is no side's).
_QUALIFIED_TEXTS = word_set("doctrine strategy concept report")
# Verbs by which a body puts out a text, and the words between the verb and the text.
_ISSUES = word_set(
    "issued issues released releases published publishes adopted adopts passed passes approved"
    " approves posted posts circulated circulates distributed signed signs unveiled sent"
)
_BEFORE_TEXT = word_set("a an its their the new joint formal official separate brief short")
_ISSUED_BY = word_set("by from")
_PASSIVE_BE = word_set("was were is are")  # "a statement was published by X"


def _register_text(work: BlockWork, state: State, i: int, a: int, b: int) -> None:
    """A text a side puts out, named with no side of its own ("The Russian embassy issued a
    statement", "a declaration adopted by the allies", "has passed a law"): the issuer is the
    text's holder, so "the statement", "according to the statement" or "the bill says" later
    take the issuer, not the last person quoted."""
    names = _TEXT_NAMES.get(work.units[i][LOW])
    if names is None:
        return
    issuer = _text_issuer(work, state, a, b)
    if issuer is None:
        return
    # (a party of no actor's, "The UN released a statement", holds it too: no side's text)
    person_key = ("/".join(issuer.actors) or _THIRD.rstrip(":")) + ":" + names[0]
    _hold(state, person_key, Person(issuer.actors, work.index, False, issuer.member), names)


def _text_issuer(work: BlockWork, state: State, a: int, b: int) -> Who | None:
    """The side that issues the text at units a..b: the subject its verb follows ("X issued a
    statement"), or the body after "by"/"from" right after it ("a statement issued by X")."""
    units = work.units
    k = _text_opening(units, a)
    if k > 0 and (_issued(units, k - 1) or (_told_in(units, k - 1) and _new_text(units[k]))):
        first = bisect_left(work.starts, work.sentence_start(units[k - 1][START]))
        i, j = np_after(units, first, k - 1)
        owner = resolve(units[i:j], state.names) if i == first and j > i else None
    else:
        m = b + 1 if b < len(units) and units[b][LOW] in _PASSIVE_BE else b
        m = m + 1 if m < len(units) and units[m][LOW] in _ISSUES else b
        if m >= len(units) or units[m][LOW] not in _ISSUED_BY:
            return None
        i, j = np_after(units, m + 1, len(units))
        owner = resolve(units[i:j], state.names) if j > i else None
    if owner is None:
        return None
    if owner.kind == "role":
        owner = known_role(owner, state)
    if owner.kind == "unknown" and _third_party(units[i:j]):
        return owner
    return owner if owner.kind == "actor" else None


def _text_opening(units: Sequence[Unit], a: int) -> int:
    """Where the phrase of the text whose genre opens at unit `a` starts: back over its article,
    owner and words that qualify it ("a new joint", "its revised naval"), never past the verb
    that issues it."""
    k = a
    while k > 0 and not _issued(units, k - 1):
        qualifies = modifier_word(units[k - 1]) and a - k < TEXT_MODIFIERS
        if units[k - 1][LOW] not in _BEFORE_TEXT and not qualifies:
            break
        k -= 1
    return k


def _issued(units: Sequence[Unit], k: int) -> bool:
    """Unit `k` is a verb by which a body puts out a text ("issued", "adopted")."""
    return units[k][LOW] in _ISSUES and units[k][LOW] != "sent"


def _new_text(unit: Unit) -> bool:
    """The text is new to the story ("in a statement", "in its statement"), not one named
    before ("according to the statement"), which keeps its issuer."""
    return unit[LOW] in _NEW_TEXT


_NEW_TEXT = word_set("a an its their")


def _told_in(units: Sequence[Unit], k: int) -> bool:
    """Unit `k` ends the words that tell a sentence's subject spoke through the text after it:
    "X said in a statement", "X signed the decree, according to a statement"."""
    low = units[k][LOW]
    return low == "in" or (low == "to" and k > 0 and units[k - 1][LOW] == "according")


# The key of an office a party of no actor's holds ("the Cuban FM", "Chinese officials").
_THIRD = "other:"


def _third_party(phrase: Sequence[Unit]) -> bool:
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
    return bool(holders) and holders[-1].startswith(_THIRD)


def _one_side_joint(units: Sequence[Unit], i: int, who: Who) -> bool:
    """A joint text ("joint statement", "joint declaration") named after one side alone: a
    joint text has several authors, so the one side is its topic or one co-author ("the Ukraine
    joint statement", a slug's "... aid to Ukraine joint statement"), and "the statement" later
    is not that side's alone. Two sides named ("the Polish-Ukrainian joint statement") hold it."""
    joint = i > 0 and units[i - 1][LOW] == "joint" and units[i][LOW] in _TEXT_NAMES
    return joint and len(who.actors) == 1


def _counterpart(units: Sequence[Unit], a: int) -> bool:
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


def _side_of_title(work: BlockWork, state: State, who: Who, a: int, b: int, at: int) -> Who:
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
    if office is None or _third_party(phrase) or _foreign_word_before_role(phrase):
        return who
    role = next(
        (k for k, u in enumerate(phrase) if u[TERM] is not None and u[TERM].kind == "role"), None
    )
    if role is not None and role + 1 < len(phrase) and phrase[role + 1][LOW] == "of":
        return who
    return Who("actor", office.actors, who.start, who.end, who.roles, member=office.member)


def _title_context(work: BlockWork, state: State, who: Who, a: int, b: int, at: int) -> Who:
    """The side the title's context gives it (`_side_of_title`), or `who` unresolved."""
    phrase = work.units[a:b]
    if not _house_title(phrase, who.roles):
        return _held_office(who, phrase, state) or who
    place = _opening_capital(work, a) or _country_owner(work, a, state)
    if place is not None:
        return Who("actor", place.actors, who.start, who.end, who.roles, member=place.member)
    house, member = own_side(state)
    if house and not _other_side_before(work, at, house):
        claim = _claimed_office(work, state, who, at, house)
        if claim is None:
            return Who("actor", house, who.start, who.end, who.roles, member=member)
        if claim.kind == "actor":
            return claim
    return _side_in_article(work, state, who, a, at, bool(house))


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
    return _side_of_title(work, state, who, a, b, work.units[a][START])


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
    Russia's): the one other side whose title phrase or speaker comes earlier in the sentence,
    else the other side (or a third country) that already holds this very office in the
    article. None: no one claims it (the house's); `who` itself when several sides do."""
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
        )
        if titled:
            sides[term.actors] = term.member
    if len(sides) == 1:
        (actors, member), *_ = sides.items()
        return Who("actor", actors, who.start, who.end, who.roles, member=member)
    if sides or _third_holder(who, state):
        return who  # several sides claim it, or a third country's holder was named
    held = _held_office(who, (), state, exact=True)
    return held if held is not None and not house & set(held.actors) else None


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


def _office_holders(work: BlockWork, state: State) -> None:
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
            or _name_before_office(units, i)
        )
        if name and all(u[TERM] is None for u in name):
            tie_names(name, term.actors, term.member, state.names)


def _name_before_office(units: Sequence[Unit], i: int) -> list[Unit]:
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
    b = _title_phrase_end(work, i)
    return person_name(work.units, i + 1, b, i) if b > i + 1 else []


def _title_phrase_end(work: BlockWork, i: int) -> int:
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
    state.people[key] = Person(term.actors, work.index, _counterpart(work.units, i), term.member)
    holders = state.roles.setdefault("president", [])
    if key in holders:
        holders.remove(key)
    holders.append(key)


# Government titles that an outlet leaves unqualified when the side is plain from its dateline
# (not a diplomat's: "WASHINGTON - ... Ambassador <name> said" is the ambassador posted there)
# ("KYIV, Ukraine (AP) - ... Gov. Vadym Filashkin said"; "MOSCOW, June 12. /TASS/. Deputy
# Foreign Minister Sergey Ryabkov said"). Spokespeople only with "ministry" in the title. Not
# after another side's speaker: "Kremlin spokesman Dmitry Peskov said ... Foreign Minister Wang
# Yi said" is more likely the host of talks than the house's minister.
_HOUSE_TITLES = frozenset(
    [
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
_STATE_BODIES = word_set(
    "committee commission ministry department directorate service agency inspectorate bureau"
    " duma rada senate parliament chamber staff"
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


def body_office(phrase: Sequence[Unit]) -> bool:
    """A head of a state body named by its office alone, no country: "the head of the lower
    house Foreign Relations Committee", "the chairwoman of the parliament's defence committee".
    A one-side outlet names its own state's committees so; a school's, a firm's, a party's or
    a body of several states ("the director of the International Energy Agency") is none."""
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
    return lows[-1] in _STATE_BODIES and not words & _NO_STATE_BODY


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


# A region's name: "the Belgorod region", "Kharkiv Oblast", "Kursk governor".
_REGION_AFTER = re.compile(r"(?:'s)?\s+(?:region|oblast|province|governor|regional)\b")


def note_region(work: BlockWork, state: State) -> None:
    """Remember the last region of one side the article names: "the governor wrote on
    Telegram" a paragraph later is that region's governor."""
    folded = work.folded
    if (
        "region" not in folded
        and "oblast" not in folded
        and "governor" not in folded
        and "province" not in folded
    ):
        return  # most blocks: four substring tests instead of a look after every term
    for _, end, term in work.terms:
        if (
            term.kind in ("adjective", "alias")
            and len(term.actors) == 1
            and not term.member
            and _REGION_AFTER.match(folded, end)
        ):
            state.region = Speaker(term.actors, work.index)


def surname(name: str) -> str:
    """How a speaker is called again: "sergey lavrov's" -> "lavrov"."""
    return name.removesuffix("'s").rsplit(" ", 1)[-1]


_capital = itemgetter(CAP)


# What may stand right before a sentence's subject: the block's start, a sentence's end, the
# comma after an opening phrase ("During his visit, Rutte ...").
_BEFORE_SUBJECT = frozenset([",", ".", "—", "–", ":"])
_CAPITALISED = re.compile(r"(?<![\w'’-])[A-Z][\w'’-]+")
_FIRST_NAME = re.compile(r"[A-Z][\w'’-]*\Z")
_NEXT_WORD = re.compile(r"\s+([a-z]+)\b")
# An appositive between a subject's name and its verb: ", the special representative of the
# U.S. State Department for Ukraine Negotiations," or ", Norway's foreign minister,".
_APPOSITIVE = re.compile(r",\s+(?:the|a|an|[A-Z])[^,;:!?\"“”«»()]{0,160}?,(?=\s+[a-z])")
# A parenthesis after a name, its party or age: "<name> (Reform) shared ...".
_PARTY = re.compile(r"\s*\([^()]{1,40}\)")
_NOT_VERBS = OBJECT_PREP | frozenset(["and", "or", "but", "of", "as"])


def named_subject(work: BlockWork, state: State) -> None:
    """A block with no speaker that names a person of a side as a sentence's subject ("...,
    Rutte avoided predicting when ..."): that person, not a speaker named before, is the one
    a later "he said" takes (the nearest mention, as quote attributors resolve pronouns). In a
    block whose speaker is a country or a body ("Rutte ... has been labelled a Russophobe by
    Moscow"), the person it names as a subject is still the one a later "he" takes."""
    last = state.last
    by_thing = last is not None and last.block == work.index and last.thing
    if not by_thing and (work.main or (last is not None and last.block == work.index)):
        return
    text, quotes = work.text, work.quotes
    found = [
        (start, term.actors, term.member)
        for start, end, term in work.terms
        if term.kind == "speaker"
        and term.actors
        and _subject_at(text, _past_title(work, start), end)
    ]
    if state.names:
        for m in _CAPITALISED.finditer(text):
            tie = state.names.get(m.group().lower())
            if tie is not None and _subject_at(text, _past_title(work, m.start()), m.end()):
                found.append((m.start(), *tie))
    # a person the quoted speaker talks about is no one a later "he said" takes
    found = [hit for hit in found if not (quotes and in_spans(hit[0], quotes))]
    if found:
        _, actors, member = max(found, key=itemgetter(0))
        speaker = Speaker(actors, work.index, member=member)
        note_person(state, speaker)
        if not by_thing:
            state.last = speaker


# Words that may join the terms of a title before a name ("Minister of Foreign Affairs of
# Ukraine", "Estonia's Prime Minister"): the possessive's mark is part of its term.
_TITLE_JOINS = frozenset(["of", "the", "for", "and", "'s", "’s"])


def _past_title(work: BlockWork, start: int) -> int:
    """Where the title before the name at `start` begins ("Ukrainian Foreign Ministry
    spokesman <name> commented ...", "Estonia's Prime Minister <name> shared ..."): the name
    with its office is the sentence's subject as the bare name is; a title is made of the
    lexicon's offices and sides' words, joined by "of"/"the". `start` when none precedes."""
    text = work.text
    first = _FIRST_NAME.search(text[:start].rstrip())  # "Minister Edgars <surname>"
    if first is not None and not any(s <= first.start() < e for s, e, _ in work.terms):
        start = first.start()
    spans = [(s, e) for s, e, t in work.terms if e <= start and t.kind in _TITLE_TERMS]
    begin = start
    for s, e in reversed(spans):
        gap = text[e:begin].split()
        if any(word.lower() not in _TITLE_JOINS for word in gap):
            break
        begin = s
    if begin == start or not any(t.kind == "role" for s, _, t in work.terms if begin <= s < start):
        return start  # a side's word alone before a name is no title ("Russian X")
    article = _ARTICLE_BEFORE.search(text, 0, begin)
    return article.start(1) if article is not None else begin


_ARTICLE_BEFORE = re.compile(r"(?:^|\s)([Tt]he)\s+\Z")


_TITLE_TERMS = frozenset(["role", "adjective", "alias"])


def _subject_at(text: str, start: int, end: int) -> bool:
    """The name at `start`..`end` opens a sentence or follows an opening phrase, and a
    lower-case word that can be its verb follows, past an appositive ("Rutte avoided", "Rutte,
    the alliance's chief, avoided"; not "Rutte's", "Rutte and Zelensky", "Rutte in Kyiv")."""
    if text.startswith(("'s", "’s"), end):
        return False
    before = text[:start].rstrip()
    first = _FIRST_NAME.search(before)
    if first is not None:
        before = before[: first.start()].rstrip()  # "Mark Rutte": before the first name
    if before and before[-1] not in _BEFORE_SUBJECT:
        return False
    aside = _APPOSITIVE.match(text, end) or _PARTY.match(text, end)  # "Rutte, the ... chief,"
    after = _NEXT_WORD.match(text, aside.end() if aside is not None else end)
    return after is not None and after.group(1) not in _NOT_VERBS
