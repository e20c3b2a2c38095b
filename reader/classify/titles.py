"""A title before a name: a person the lexicon does not know, introduced by a title phrase that
opens the clause, speaks for the title's side, with or without the comma that would close it.

Why a step of its own: a wire story often runs a long title straight into the name ("...,
Russian presidential aide and head of the delegation to the talks in Istanbul Ivan Petrov said")
or closes it with one comma only ("Russia's first deputy head of the defence committee, Ivan
Petrov said"). The noun phrase before the verb is then the name alone, of no side, and the
title's side is lost for this line and for "Petrov said" later.
"""

from __future__ import annotations

from collections.abc import Sequence

from reader.classify.personnames import name_run_before
from reader.classify.phrases import learn, resolve, tie_appositive
from reader.classify.types import CAP, LOW, TERM, Names, Unit, Who
from reader.classify.wordclasses import ARTICLES, OBJECT_PREP, is_role, word_set

# What opens the clause a title starts: a comma, a colon, a quote's mark, a dash, a bracket.
_OPENINGS = frozenset([",", ";", ":", "“", "”", '"', "—", "–", "(", "‘", "’"])
# Prepositions a title may hold ("head of the delegation to the talks in Istanbul"); any other
# makes the phrase an object or a circumstance ("after talks with ...", "asked about ...").
_TITLE_PREPS = word_set("of in at from for within to on")
# Words that open a clause of its own inside the stretch ("when Ivan Petrov said").
_CLAUSE_WORDS = word_set(
    "if unless when whenever while whilst as because although though whether since until once"
    " that who which where"
)
# A clause's verb in the stretch ("Russia's minister met his counterpart, Ivan Petrov said"):
# an auxiliary, a possessive pronoun's clause, a common past of an act.
_FINITE = word_set(
    "is are was were has have had will would can could should may might must does did do"
    " his her their its our my your he she they we it"
    " met said told held made took gave sent spoke saw went came left won lost struck began"
)
_TITLE_REACH = 24  # the most units a title before a name holds
_NAME_WORDS = 2  # a name of two words at least ("Ivan Petrov"): one word may be a place


def titled_name(units: Sequence[Unit], a: int, b: int, floor: int, tied: Names) -> Who | None:
    """The side of the title before the name that ends the subject at units a..b (a name no
    rule knows): the title opens its clause (at `floor`, or after a comma or a quote's mark)
    and holds no preposition of a circumstance; its side ties the name for the article. None
    when there is no such title or it names no side's office."""
    run = name_run_before(units, b, floor)
    # A lexicon speaker after a place the title ends in ("... to the talks in Istanbul Vladimir
    # Medinsky said"), which the usual grammar takes for a preposition's object.
    known = len(run) == 1 and run[0][TERM] is not None and units[a - 1][LOW] in _TITLE_PREPS
    if b - len(run) < a or not (known or len(run) >= _NAME_WORDS):
        return None
    if not known and resolve(run, tied).kind != "unknown":
        return None  # a name the article has tied already: the usual grammar reads it
    start = b - len(run)
    while len(run) > _NAME_WORDS and units[start - 1][LOW] in _TITLE_PREPS:
        start, run = start + 1, run[1:]  # "... to the talks in Istanbul Ivan Petrov"
    if len(run) > _NAME_WORDS and _in_remit(units, start - 1, floor):
        start, run = b - _NAME_WORDS, run[-_NAME_WORDS:]  # "... and Central Asia Otto Brandt"
    end = start - 1 if start - 1 >= floor and units[start - 1][LOW] == "," else start
    title = _title_before(units, end, floor)
    if title is None:
        return None
    who = resolve(units[title : _remit_start(units, title, end)], tied)
    if who.kind != "actor" or not who.roles:
        return None
    if known:
        own = resolve(run, tied)  # the speaker's own side, whatever place the title names
        return own if own.kind == "actor" else None
    learn(who, tied)
    tie_appositive(run, who, tied)
    return who


def _title_before(units: Sequence[Unit], end: int, floor: int) -> int | None:
    """Where the title that ends before unit `end` starts: the clause's opening, past no
    preposition of a circumstance and no clause word; None when there is none."""
    j = end - 1
    while (
        j >= floor
        and end - j <= _TITLE_REACH
        and (units[j][LOW] not in _OPENINGS or _in_remit(units, j, floor))
    ):
        unit = units[j]
        low = unit[LOW]
        if unit[TERM] is None and (
            (low in OBJECT_PREP and low not in _TITLE_PREPS)
            or low in _CLAUSE_WORDS
            or _finite(unit)
        ):
            return None
        j -= 1
    if end - j > _TITLE_REACH or j + 1 >= end:
        return None
    first, last = units[j + 1], units[end - 1]
    if first[TERM] is None and not first[CAP] and first[LOW] not in ARTICLES:
        return None  # "... and then Ivan Petrov said": no title opens the clause
    if last[TERM] is None and not last[CAP]:
        return None  # "The head of a Moscow think tank, ...": a common noun ends it, no office
    return j + 1


def _in_remit(units: Sequence[Unit], j: int, floor: int) -> bool:
    """The comma or "and" at unit `j` joins the places of an office's remit ("envoy for Eastern
    Europe, the Caucasus and Central Asia"): only capitalised words, "the", commas and "and"
    back to a "for" right after an office (a role of the lexicon)."""
    if units[j][LOW] not in (",", "and"):
        return False
    h = j - 1
    while h > floor and (units[h][CAP] or units[h][LOW] in _REMIT_JOINS):
        if is_role(units[h]):
            return False  # "the minister, Defence Secretary X": a second office, no place
        h -= 1
    return h > floor and units[h][LOW] == "for" and h + 1 < j and is_role(units[h - 1])


_REMIT_JOINS = frozenset([",", "and", "the"])


def _remit_start(units: Sequence[Unit], title: int, end: int) -> int:
    """Where the remit list of a title (units title..end) starts, its "for" ("envoy for
    Eastern Europe, the Caucasus and Central Asia"), or `end`: the places are no part of the
    office's side, nor names to tie to it."""
    for k in range(title + 1, end):
        if units[k][LOW] == "for" and any(_in_remit(units, j, k - 1) for j in range(k + 2, end)):
            return k
    return end


def _finite(unit: Unit) -> bool:
    """A lower-case word of a clause, not of a title: an auxiliary, a pronoun, a past in
    "-ed" (not a hyphened patron's "Russian-installed") or a common irregular past."""
    low = unit[LOW]
    if unit[CAP]:
        return False
    return low in _FINITE or (low.endswith("ed") and "-" not in low and len(low) > 4)
