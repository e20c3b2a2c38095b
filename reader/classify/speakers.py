"""Speakers: who holds which role ("Russian Foreign Minister Sergey Lavrov": Lavrov is a
minister, of Russia), when each person was last named, and the region last named, so that
"the minister said" and "the governor wrote" blocks later resolve (step 4 of the pipeline).

Which side a title or office speaks for, and the office holders the lexicon names, are
reader.classify.offices: split out when this module neared test_code_shape's 1,500-line limit
(1,428 lines); this module imports it, never the other way round.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from itertools import compress
from operator import itemgetter

from reader.classify.offices import (
    THIRD,
    name_before_office,
    office_holders,
    side_of_title,
    spoken_with,
    third_party,
    title_phrase_end,
)
from reader.classify.personnames import (
    HOLDER_PLACE_PREP,
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
from reader.classify.types import (
    CAP,
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
from reader.classify.wordclasses import OBJECT_PREP, word_set


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
    office_holders(work, state)
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
    counterpart = spoken_with(work.units, i)
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
    b = title_phrase_end(work, i)
    who = resolve(units[a:b], state.names)
    learn(who, state.names)
    if who.kind == "role":
        who = _named_in_apposition(units, a, b, i, who, state)
    if who.kind == "role" and _apposed_holder(work, state, i, a, b, who):
        return
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
        who = _owner_side(units, a, i, who, state) or side_of_title(
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
    elif third_party(units[a:b]):
        person_key = THIRD + units[i][LOW].removesuffix("'s")  # "the Cuban FM"
    else:
        _register_text(work, state, i, a, b)  # "X issued a statement": "the statement" is X's
        return  # "Governor": no one the article can call again
    counterpart = spoken_with(units, a)
    _hold(state, person_key, Person(who.actors, work.index, counterpart, who.member), who.roles)


def _apposed_holder(work: BlockWork, state: State, i: int, a: int, b: int, who: Who) -> bool:
    """ "<name>, the Foreign Secretary, has made a statement": a name no list holds, in
    apposition to an office of no side's own, is that office's holder, of the side the title
    reads as before a name (the dateline's, the one member that holds the office, ...), so
    that "the Foreign Secretary said" and the surname later are theirs. Why: a story names a
    new official once, the office after the name, and calls them by either after that."""
    name = name_before_office(work.units, i)
    if not name or any(u[TERM] is not None for u in name) or third_party(work.units[a:b]):
        return False
    side = side_of_title(work, state, who, a, b, work.units[i][START])
    if side.kind != "actor":
        return False
    tie_names(name, side.actors, side.member, state.names)
    first = bisect_left(work.starts, name[0][START])
    person = Person(side.actors, work.index, spoken_with(work.units, first), side.member)
    _hold(state, surname(name[-1][LOW]), person, who.roles)
    return True


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


def _before_place(work: BlockWork, name: Sequence[Unit], b: int) -> int:
    """Where a title phrase ends that runs on past its holder's name into a place ("Foreign
    Minister <name> in Kyiv: ..."): at the name. The place is where the holder was, not whose
    office it is; read whole, the phrase would give the office the place's side (or none)."""
    end = bisect_left(work.starts, name[-1][START]) + 1
    return end if end < b and work.units[end][LOW] in HOLDER_PLACE_PREP else b


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
    person_key = ("/".join(issuer.actors) or THIRD.rstrip(":")) + ":" + names[0]
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
    if owner.kind == "unknown" and third_party(units[i:j]):
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


def _one_side_joint(units: Sequence[Unit], i: int, who: Who) -> bool:
    """A joint text ("joint statement", "joint declaration") named after one side alone: a
    joint text has several authors, so the one side is its topic or one co-author ("the Ukraine
    joint statement", a slug's "... aid to Ukraine joint statement"), and "the statement" later
    is not that side's alone. Two sides named ("the Polish-Ukrainian joint statement") hold it."""
    joint = i > 0 and units[i - 1][LOW] == "joint" and units[i][LOW] in _TEXT_NAMES
    return joint and len(who.actors) == 1


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
