"""Noun phrases: where a phrase around a unit starts and ends, and which actor it stands for.

Why a module of its own: the attribution grammar asks one question over and over, "who is this
phrase?" ("Russian Foreign Minister Sergey Lavrov", "the Kremlin's spokesman", "a source in the
SBU", "Graham"). The answer (`Who`) is an actor, a speaker who is none of the actors, a pronoun
or a bare role, which carry-over resolves later. The closed word classes of English that the
grammar skips over (auxiliaries, adverbs, time words, prepositions) live here too.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from reader.text_units import CAP, END, LOW, START, TERM, Unit


def word_set(words: str) -> frozenset[str]:
    """A closed word class, written as one string of words."""
    return frozenset(words.split())


# Names the article has tied to an actor ("graham" -> NATO) and whether that is a member state.
Names = dict[str, tuple[tuple[str, ...], bool]]

# Between a subject and its verb: auxiliaries, adverbs, time expressions.
SKIP = word_set(
    "has have had was were is are be been will would could may might shall should must also "
    "again once repeatedly later earlier previously already then afterwards meanwhile however "
    "still further even never not n't reportedly publicly separately recently now today "
    "yesterday tonight on last this that week month year morning evening night weekend monday "
    "tuesday wednesday thursday friday saturday sunday in a statement jointly openly privately "
    "firmly strongly sharply bluntly personally more so far"
)


# A word before a verb form that makes it a noun: "the call", "his appeal", "Kyiv's request".
NOUN_MARK = frozenset(
    ["a", "an", "the", "his", "her", "its", "their", "our", "my", "your", "this", "these", "those"]
)


# A noun phrase after one of these is an object, not a subject ("disappointed in Putin").
OBJECT_PREP = word_set(
    "in on at with about against to from for by over into between than like toward towards "
    "across after before during under without within via despite near"
)


# Joins a head noun to its complement inside one noun phrase ("General Staff of the Armed
# Forces of Ukraine", "a source in the SBU").
_NP_PREP = frozenset(["of", "in", "at", "from", "for", "within"])


_DETERMINERS = frozenset(["the", "a", "an"])


# Lower-case words a title may hold: "the bloc's former secretary-general".
NP_MODIFIERS = word_set(
    "former then then- acting deputy top senior chief special new current outgoing incoming "
    "first second first-ever longtime long-time ex- interim top-ranking"
)


COORD = frozenset(["and", "but"])


_WHOLE_ROLES = frozenset(
    ["prime minister", "secretary general", "secretary-general", "vice president", "general staff"]
)


@dataclass(frozen=True, slots=True)
class Who:
    """A resolved subject: actors (empty for a speaker who is none of them), or unresolved."""

    kind: str  # "actor", "unknown", "pronoun", "role", "none"
    actors: tuple[str, ...] = ()
    start: int = 0
    end: int = 0
    roles: tuple[str, ...] = ()
    word: str = ""
    member: bool = False


NONE = Who("none")


def resolve(units: Sequence[Unit], tied: Names) -> Who:
    """The actor(s) a noun phrase stands for."""
    if not units:
        return NONE
    start, end = units[0][START], units[-1][END]
    direct: list[str] = []
    adjective: list[str] = []
    member = True
    roles: list[str] = []
    names: list[Unit] = []
    pronoun = ""
    previous: Unit | None = None
    for unit in units:
        term = unit[TERM]
        if term is None and unit[LOW] in _NP_PREP and previous is not None:
            head = previous[TERM]
            if head is None or head.kind != "role":
                break  # "Mission in Ukraine": a place, not the speaker's side
        previous = unit
        if term is None:
            if unit[CAP] and unit[LOW] not in _DETERMINERS and unit[LOW].isalpha():
                names.append(unit)
            continue
        if term.kind in ("alias", "speaker"):
            direct.extend(a for a in term.actors if a not in direct)
            member = member and term.member
        elif term.kind == "adjective":
            adjective.extend(a for a in term.actors if a not in adjective)
            member = member and term.member
        elif term.kind == "role":
            roles.append(unit[LOW].removesuffix("'s"))
        elif term.kind == "pronoun" and len(units) == 1:
            pronoun = unit[LOW]
    role_keys = tuple(_role_keys(roles))
    if direct or (adjective and (roles or names)):
        actors = tuple(direct or adjective)
        if len(actors) > 1 and any(u[LOW] == "and" for u in units):
            _learn_conjuncts(units, tied)
        else:
            _learn(names, actors, member, tied)
        return Who("actor", actors, start, end, role_keys, member=member)
    for unit in reversed(names):
        known = tied.get(unit[LOW])
        if known is not None:
            return Who("actor", known[0], start, end, role_keys, member=known[1])
    if pronoun:
        return Who("pronoun", (), start, end, word=pronoun)
    if names:
        if len(names) == 1 and names[0] is units[0] and not roles and _is_function_word(names[0]):
            return NONE
        return Who("unknown", (), start, end, role_keys)
    if roles:
        if units[0][LOW] in ("a", "an"):
            return Who("unknown", (), start, end, role_keys)  # "a statement": not anaphoric
        return Who("role", (), start, end, role_keys)
    return NONE


def _is_function_word(unit: Unit) -> bool:
    return unit[LOW] in SKIP or unit[LOW] in OBJECT_PREP or unit[LOW] in COORD


def _role_keys(roles: Iterable[str]) -> Iterable[str]:
    """A role and the head noun it is later called by: "foreign minister" -> "minister",
    "ministry of defence" -> "ministry". A prime minister is not "the minister"."""
    for role in roles:
        yield role
        if role in _WHOLE_ROLES:
            continue
        head = role.split(" of ", 1)[0].rsplit(" ", 1)[-1]
        if head != role:
            yield head
        if head == "minister":
            yield "ministry"  # "Foreign Minister Sybiha ... the ministry said": his ministry


def _learn(names: list[Unit], actors: tuple[str, ...], member: bool, tied: Names) -> None:
    """Tie the names in an actor's phrase to it: "Senator Lindsey Graham" -> "graham"."""
    for unit in names:
        if len(unit[LOW]) > 2 and unit[LOW] not in SKIP:
            tied[unit[LOW]] = (actors, member)


def _learn_conjuncts(units: Sequence[Unit], tied: Names) -> None:
    """ "Foreign Minister of Ukraine Andrii Sybiha and Foreign Minister of Germany Johann
    Wadephul": each name belongs to the actor named in its own conjunct only."""
    part: list[Unit] = []
    for unit in [*units, None]:
        if unit is not None and unit[LOW] != "and":
            part.append(unit)
            continue
        names = [
            u
            for u in part
            if u[TERM] is None and u[CAP] and u[LOW] not in _DETERMINERS and u[LOW].isalpha()
        ]
        terms = [u[TERM] for u in part if u[TERM] is not None]
        direct = [a for t in terms if t.kind in ("alias", "speaker") for a in t.actors]
        adjective = [a for t in terms if t.kind == "adjective" for a in t.actors]
        actors = tuple(dict.fromkeys(direct or adjective))
        if len(actors) == 1 and names:
            member = all(t.member for t in terms if t.actors)
            _learn(names, actors, member, tied)
        part = []


def np_before(units: Sequence[Unit], i: int, floor: int) -> tuple[int, int]:
    """The noun phrase ending at unit `i` (inclusive), as a [start, end) range of units."""
    j = i
    while j >= floor and i - j < 14:
        unit = units[j]
        low = unit[LOW]
        term = unit[TERM]
        if term is not None:
            j -= 1
            continue
        if low in _DETERMINERS:
            # "a source in the SBU": the article closes a phrase inside a larger one
            if j - 2 >= floor and units[j - 1][LOW] in _NP_PREP:
                head = units[j - 2][TERM]
                if head is not None and head.kind == "role":
                    j -= 2
                    continue
            return j, i + 1
        if (unit[CAP] and low.isalpha() and low not in OBJECT_PREP) or low in NP_MODIFIERS:
            j -= 1
            continue
        if low in ("'s", "’s", "-", "."):
            j -= 1
            continue
        if low in _NP_PREP and j > floor and j < i:
            left = units[j - 1]
            if left[TERM] is not None or (left[CAP] and left[LOW].isalpha()):
                j -= 1
                continue
        if low == "and" and j > floor and j < i:
            left = units[j - 1]
            if left[TERM] is not None and left[TERM].kind in ("alias", "speaker", "adjective"):
                j -= 1
                continue
        break
    return j + 1, i + 1


def np_after(units: Sequence[Unit], i: int, ceiling: int) -> tuple[int, int]:
    """The noun phrase starting at unit `i`, as a [start, end) range of units."""
    j = i
    while j < ceiling and j - i < 14:
        unit = units[j]
        low = unit[LOW]
        if unit[TERM] is not None or (unit[CAP] and low.isalpha()) or low in NP_MODIFIERS:
            j += 1
            continue
        if low in _DETERMINERS and (j == i or units[j - 1][LOW] in _NP_PREP):
            j += 1
            continue
        if low in ("'s", "’s", "-", "."):
            j += 1
            continue
        if low in _NP_PREP and j + 1 < ceiling and j > i:
            nxt = units[j + 1]
            if nxt[TERM] is not None or nxt[CAP] or nxt[LOW] in _DETERMINERS:
                j += 1
                continue
        break
    return i, j


def first_phrase(units: list[Unit]) -> list[Unit]:
    """The first noun phrase of a headline fragment: "Zelensky to Rutte" -> "Zelensky"."""
    out: list[Unit] = []
    for unit in units:
        if unit[TERM] is None and not unit[CAP] and unit[LOW] not in NP_MODIFIERS:
            if out and unit[LOW] in _NP_PREP:
                out.append(unit)
                continue
            if out:
                break
            continue
        out.append(unit)
    while out and out[-1][TERM] is None and out[-1][LOW] in _NP_PREP:
        out.pop()
    return out


def is_person(units: Sequence[Unit]) -> bool:
    """A transcript speaker is a person (a speaker term or a name), not a country."""
    for unit in units:
        term = unit[TERM]
        if term is not None and term.kind in ("speaker", "role"):
            return True
        if term is None and unit[CAP]:
            return True
    return False
