"""A person's name beside a title: where it starts and ends.

The run of capitalised name words before a unit (`name_run_before`), a name in apposition
(", Dmitry Polyansky,", `appositive_name`), past ranks ("Gen.", `past_ranks`) and honorifics
("Sir", "the Rt Hon"), where a title phrase ends when its holder's name follows past a style of
address or the rest of a portfolio (`holder_end`), and the name a title phrase introduces
(`person_name`: "Foreign Minister Sergey Lavrov", "Dmitry Polyansky, Moscow's envoy to the
UN"); whether a transcript's speaker is a person (`is_person`). Why a module of its own: the
article's speaker registry (reader.classify.speakers) and the config's sources
(reader.classify.sources) are built from these names, so that "Polyansky said" and "the envoy
added" resolve later; which side a name is tied to is decided elsewhere (reader.classify.phrases,
`tie_names`). Nothing here resolves a phrase to an actor.
"""

from __future__ import annotations

from collections.abc import Sequence

from reader.classify.phrasebounds import FORUMS
from reader.classify.types import CAP, LOW, TERM, Unit
from reader.classify.wordclasses import (
    ARTICLES,
    COORD,
    HONORIFICS,
    HOST_PREP,
    NP_PREP,
    OBJECT_PREP,
    SKIP,
    is_role,
    namelike,
    word_set,
)


def is_person(units: Sequence[Unit]) -> bool:
    """A transcript speaker is a person (a speaker term or a name), not a country."""
    for unit in units:
        term = unit[TERM]
        if term is not None and term.kind in ("speaker", "role"):
            return True
        if term is None and unit[CAP]:
            return True
    return False


# Words that open a sentence or a clause but never a person's name ("In Brussels, ...").
_NOT_NAMES = SKIP | OBJECT_PREP | COORD | ARTICLES


def _name_run(units: Sequence[Unit], i: int, step: int, stop: int) -> list[Unit]:
    """The capitalised name words from unit `i` on, walking by `step` (1 or -1), before `stop`.
    A speaker term ("Sergey Lavrov") is a whole name of its own."""
    run: list[Unit] = []
    while i != stop and 0 <= i < len(units):
        unit = units[i]
        term = unit[TERM]
        if term is not None:
            if term.kind == "speaker" and not run:
                return [unit]
            break
        low = unit[LOW]
        if not unit[CAP] or not namelike(low) or low in _NOT_NAMES:
            break
        run.append(unit)
        i += step
    return run if step > 0 else run[::-1]


def name_run_before(units: Sequence[Unit], b: int, floor: int) -> list[Unit]:
    """The name that ends right before unit `b`, from `floor` on: capitalised name words of no
    lexicon ("... delegation Ivan Petrov"), or one lexicon speaker ("... Sergey Lavrov")."""
    return _name_run(units, b - 1, -1, floor - 1)


def name_run_after(units: Sequence[Unit], i: int, most: int) -> list[Unit]:
    """The capitalised name words of no lexicon from unit `i` on, at most `most` of them
    ("Russia's [Sergei Vetlugin]")."""
    run = _name_run(units, i, 1, min(len(units), i + most))
    return run if run and run[0][TERM] is None else []


def appositive_name(units: Sequence[Unit], b: int) -> list[Unit]:
    """The name in apposition after a title that ends at unit `b`: ", Dmitry Polyansky," (two
    words or more, or a lexicon speaker), without a rank before it ("General"), past the host
    a sent office's title ends with ("Head of the Mission of Ukraine to NATO, <name>,")."""
    b = _past_host(units, b)
    if b + 2 >= len(units) or units[b][LOW] != ",":
        return []
    start = past_ranks(units, b + 1)
    run = _name_run(units, start, 1, len(units))
    after = start + len(run)
    if (len(run) >= 2 or (run and run[0][TERM] is not None)) and (
        after >= len(units)
        or units[after][LOW] in (",", ".", ";", ")")
        or (units[after][TERM] is None and units[after][LOW] in SKIP)
        or (units[after][TERM] is None and units[after][LOW] in OBJECT_PREP)
    ):  # ", Olena Marchuk during an interview": the occasion after the name, its comma dropped
        return run
    return []


def _past_host(units: Sequence[Unit], b: int) -> int:
    """The unit past the host after a title that ends at unit `b` with its sender ("... of
    Ukraine to NATO", "... of Latvia to the OSCE"): "to", "the" and the host's capitalised
    words, no more than `_HOST_WORDS`; `b` when no host follows or a comma does not end it."""
    if b >= len(units) or units[b][LOW] != HOST_PREP or b < 1 or units[b - 1][TERM] is None:
        return b
    k = b + 2 if b + 2 < len(units) and units[b + 1][LOW] == "the" else b + 1
    first = k
    while k < len(units) and k - first < _HOST_WORDS and units[k][CAP]:
        k += 1
    return k if k > first and k < len(units) and units[k][LOW] == "," else b


_HOST_WORDS = 4  # "to the United Nations Office", "to NATO"


# Ranks before a name, which are no part of it: "General Alexus Grynkewich".
_RANKS = word_set("general gen admiral adm colonel col lieutenant lt major maj captain capt .")


def past_ranks(units: Sequence[Unit], start: int) -> int:
    """The first unit from `start` past the ranks before a name ("Gen.", "Lt. Gen."), which
    are no part of it and give no side."""
    while start < len(units) and units[start][LOW] in _RANKS:
        start += 1
    return start


_ADDRESS_STYLES = word_set("rt hon honourable")
_PORTFOLIO_WORDS = 4  # the most capitalised words of a portfolio joined by "and"


def past_honorifics(units: Sequence[Unit], j: int, ceiling: int) -> int:
    """The first unit of the name that honorifics from unit `j` introduce ("Sir", "the Rt
    Hon", "Dr."), before `ceiling`; `j` itself when none do. Why: "Minister for Europe Sir
    <name>" and "Foreign Secretary the Rt Hon <name>" put the honorific between the office and
    the name. Only capitalised before a capitalised name word: "Yes, sir", "the Lord said"
    introduce no one."""
    k = j + 1 if j + 1 < ceiling and units[j][LOW] == "the" else j
    if k > j and units[k][LOW] not in _ADDRESS_STYLES:
        return j
    first = k
    while k < ceiling and (
        (units[k][LOW] in HONORIFICS and units[k][CAP] and units[k][TERM] is None)
        or (units[k][LOW] == "." and k > first and units[k - 1][LOW] in HONORIFICS)
    ):
        k += 1
    if k == first or k >= ceiling or not _name_run(units, k, 1, k + 1):
        return j
    return k


def name_after_honorific(units: Sequence[Unit], start: int, end: int) -> int:
    """Where the name in the capitalised run units start..end begins: after the last
    honorific in it ("... the Americas Sir <name>": the words before "Sir" end the office);
    `start` when it holds none."""
    for k in range(end - 1, start - 1, -1):
        if units[k][LOW] in HONORIFICS:
            first = k - 1 if k - 1 >= start and units[k - 1][LOW] in HONORIFICS else k
            found = past_honorifics(units, first, end)
            if found > first:
                return found
    return start


def holder_end(units: Sequence[Unit], b: int, ceiling: int) -> int:
    """Where a title phrase that ends at unit `b` ends when the name of its holder follows past
    a style of address ("Foreign Secretary the Rt Hon <name>") or past the rest of its
    portfolio after an "and" ("Minister for Europe and the Americas Sir <name>", "Secretary
    for Trade and Industry Dr <name>"): after the name. The honorific tells where the office
    ends and the name begins; without one (or past a term: "and President <name>") the "and"
    joins another phrase, and `b` is returned."""
    if b >= ceiling:
        return b
    name = past_honorifics(units, b, ceiling)
    if name == b and units[b][LOW] == "and":
        k = b + 2 if b + 2 < ceiling and units[b + 1][LOW] == "the" else b + 1
        first = k
        while (
            k < ceiling
            and k - first < _PORTFOLIO_WORDS
            and units[k][LOW] not in HONORIFICS
            and _name_run(units, k, 1, k + 1)
        ):
            k += 1
        name = past_honorifics(units, k, ceiling) if k > first else k
        if name == k:
            return b
    return name + len(_name_run(units, name, 1, ceiling)) if name > b else b


def person_name(units: Sequence[Unit], a: int, b: int, role: int) -> list[Unit]:
    """The name of the person a title phrase (units a..b, with its role at `role`) introduces:
    "Foreign Minister Sergey Lavrov", "Moscow's envoy to the UN, Dmitry Polyansky," or
    "Dmitry Polyansky, Moscow's envoy to the UN": the article's speaker registry is built from
    these, so that "Polyansky said" and "the envoy added" resolve later."""
    # "Ukrainian President <name>'s spokeswoman": the office's owner, not its holder, whose
    # name may follow ("<name>'s spokesman <name>") or not be given at all
    owner = next((k for k in range(role - 1, a - 1, -1) if _possessive_speaker(units[k])), None)
    for unit in units[a if owner is None else owner + 1 : b]:
        term = unit[TERM]
        if term is not None and term.kind == "speaker":
            return [unit]
    # After the (last) role, at the phrase's end: "regional governor Vyacheslav Gladkov",
    # "Secretary of State John F. Kerry Jr.".
    end = b
    while end > role + 2 and (units[end - 1][LOW] == "." or units[end - 1][LOW] in NAME_SUFFIXES):
        end -= 1
    start = end
    while start > role + 1 and (
        (units[start - 1][TERM] is None and units[start - 1][CAP]) or _initial_dot(units, start - 1)
    ):
        start -= 1
    held = _name_before_place(units, role, start, end)
    if held:
        return held
    if end > start and units[start - 1][LOW] in NP_PREP:
        # "Secretary of Defense Pete Ward": "Defense" names the office, not him; "UK Minister
        # of State" names no one
        start += 1
    start = name_after_honorific(units, start, end)
    # (capitalised words right before a gathering's noun name the gathering: "a statement from
    # the Baltic-Iberian Sea summit", no one called "Sea"; "meeting" may be a name's verb)
    forum = end < len(units) and units[end][LOW] in FORUMS - {"meeting"}
    run = [] if forum else _spelled_name(units, start, end)
    if run and units[start - 1][LOW] not in ARTICLES and units[start - 1][LOW] != HOST_PREP:
        return run
    if owner is not None:
        return appositive_name(units, b)
    return appositive_name(units, b) or name_before_appositive(units, a, b)


def _possessive_speaker(unit: Unit) -> bool:
    term = unit[TERM]
    return term is not None and term.kind == "speaker" and unit[LOW].endswith(("'s", "’s"))


def _name_before_place(units: Sequence[Unit], role: int, place: int, end: int) -> list[Unit]:
    """The holder's name right after the role when a place follows it ("Foreign Minister
    <name> in Brussels: ...", "Ambassador <name> at the Security Council"): the capitalised
    words after "in"/"at" name where they were, and the name is the whole run between the
    role and that preposition. [] when anything else stands there ("Head of Mission in Kyiv
    <name>": the words after the role are the office's). The place runs from `place` to `end`,
    or is one lexicon name ("in Ukraine")."""
    at = place - 1
    if place == end and at > role + 1 and units[at][TERM] is not None:
        at -= 1
    while at > role + 1 and units[at][LOW] in ARTICLES:
        at -= 1
    if at <= role + 1 or units[at][LOW] not in HOLDER_PLACE_PREP:
        return []
    run = _name_run(units, role + 1, 1, at)
    return run if len(run) == at - role - 1 else []


# The prepositions of a place after a holder's name ("<name> in Brussels", "<name> at NATO").
HOLDER_PLACE_PREP = frozenset(["in", "at"])


def name_before_appositive(units: Sequence[Unit], a: int, b: int) -> list[Unit]:
    """The name a title phrase (units a..b) is in apposition to: "Dmitry Polyansky, Moscow's
    envoy", "Jan Berg, his Swedish counterpart", after a title of no side ("Ambassador Jan
    Berg, the US envoy to the OSCE") or a person's preposition ("a statement from Jan Berg,
    UK Minister"); a place's ("In New York, Russia's envoy") is no one's."""
    comma = a - 2 if a >= 2 and units[a - 1][LOW] in _POSSESSIVE_PRONOUNS else a - 1
    if comma < 2 or units[comma][LOW] != ",":
        return []
    run = _name_run(units, comma - 1, -1, -1)
    before = comma - 1 - len(run)
    if len(run) >= 2 and (
        before < 0
        or is_role(units[before])
        or (
            units[before][LOW] in _PERSON_PREPS
            and _closed(units, b)
            and not _body_of_no_side(units, a, b)
        )
        or (
            (not units[before][CAP] or units[before][LOW] in "(,;:")
            and units[before][LOW] not in OBJECT_PREP
        )
    ):
        return run
    return []


# Before a name in apposition: "Jan Berg, his counterpart"; a person's preposition before the
# name ("from", "by", "with"), where a place's ("in New York, ...") names no one.
_POSSESSIVE_PRONOUNS = frozenset(["his", "her", "their"])
_PERSON_PREPS = frozenset(["from", "by", "with"])


def _body_of_no_side(units: Sequence[Unit], a: int, b: int) -> bool:
    """Whether the title phrase (units a..b) heads a body of no actor's ("moderated by Jan
    Berg, director of Russia's biggest news agency"): the head of an outlet speaks for it,
    not for the state its possessive names, so the name before it takes no side."""
    return any(u[TERM] is not None and u[TERM].kind in ("other", "unofficial") for u in units[a:b])


def _closed(units: Sequence[Unit], b: int) -> bool:
    """Whether the phrase ending at unit `b` closes as an appositive does (a comma, a bracket,
    the sentence's end), not as the subject of the clause after an opening phrase of place
    ("Flying from Sao Paulo, the Dutch minister reached Kyiv": Paulo is no one)."""
    return b >= len(units) or units[b][LOW] in (",", "(", ";", ".", ")")


# What may follow a surname without being one: "Jr.", "III".
NAME_SUFFIXES = word_set("jr sr ii iii iv")


def _initial_dot(units: Sequence[Unit], j: int) -> bool:
    """The full stop of an initial: "F." in "John F. Kerry"."""
    return units[j][LOW] == "." and j > 0 and len(units[j - 1][LOW]) == 1 and units[j - 1][CAP]


def _spelled_name(units: Sequence[Unit], start: int, end: int) -> list[Unit]:
    """The name words of units start..end when all of them spell a name (initials' full stops
    left out); [] otherwise."""
    words = [u for j, u in enumerate(units[start:end], start) if not _initial_dot(units, j)]
    run = _name_run(words, 0, 1, len(words)) if words else []
    return run if len(run) == len(words) else []
