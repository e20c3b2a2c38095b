"""A headline set all in capitals or all in lower case, recased before the rules read it.

Why: wires and state media send headlines in ALL CAPS ("KREMLIN SAYS NATO EXPANSION A
THREAT"), and a headline rebuilt from a URL's words is all lower case ("zelensky says ukraine
will not cede territory"). The headline rules lean on capitals (a name, an office, a verb in
title case), so such a headline is read in the casing its own article gives its words: each
word as the body writes it where the body has it ("Zelensky", "NATO", "Foreign Ministry"),
else a default: lower case (an ALL-CAPS word of 2-5 letters that the lexicon knows stays an
acronym, a lexicon name of a lower-case headline takes a capital), the first word capitalised.

Only the text the classifier reads is recased (`prepare_chunk`); the text shown stays as
written, and the block's `BlockWork.recased` says which case it was written in, so the steps
for a URL slug's grammar (its lost commas and apostrophes) still know a slug.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence

from reader.classify.wordclasses import CALENDAR, word_set
from reader.rules.compile import Term, fold

# A word: a run of letters ("Russia's" is "Russia" and "s"; "US-led" is "US" and "led").
_WORD = re.compile(r"[^\W\d_]+")
# What may stand between a sentence's end and its first word.
_OPENING = " \t\n\"'\u2018\u201c\u00ab("
# What ends a sentence before a word, so its capital says nothing of the word.
_ENDS = (".", "!", "?", ":", "\u2014", "\u2013", " -")
# The body's text read for the words' casing: its first paragraphs are enough.
_BODY_CHARS = 60_000
# The letters of an acronym kept in capitals; of one the body's capitals anywhere make one.
_ACRONYM = range(2, 6)
_SHORT = range(2, 4)
_FUNCTION = word_set(
    "a an the and or nor but of in on at to for from by with without into onto over under "
    "as about after before amid against between during since until upon via than that this "
    "these those is are was were be been being has have had do does did will would shall "
    "should can could may might must not no it its he she they we his her their our us "
    "him them who whom whose which what when where why how if so up out off per vs"
)

# Names written with a capital in any sentence: the months and the days; not "march" (a
# word of its own too, "a march"), nor "may" (CALENDAR leaves it out: a verb and a name).
_CALENDAR = CALENDAR - {"march"}


def written_case(text: str) -> str:
    """ "upper" for a headline all in capitals, "lower" for one all in lower case, "" else
    (mixed case, or fewer than two words of letters)."""
    if len(_WORD.findall(text)) < 2:
        return ""
    if text == text.upper():
        return "upper"
    if text == text.lower():
        return "lower"
    return ""


def body_casing(paragraphs: Iterable[str]) -> dict[str, str]:
    """Each folded word of the paragraphs with the form they write it in most: inside a
    sentence where it is written so anywhere (a sentence's first word is capitalised whatever
    it is), else as written; a tie goes to the form with capitals. A word of two or three
    letters written in capitals anywhere is that acronym ("US" beside "told us"); a longer one
    in capitals opening a sentence, or one over five letters anywhere, is a dateline's or a
    shout's, read as capitalised ("KYIV (Reuters) -" is "Kyiv")."""
    strong: dict[str, Counter[str]] = {}
    weak: dict[str, Counter[str]] = {}
    read = 0
    for text in paragraphs:
        if read > _BODY_CHARS:
            break
        read += len(text)
        for match in _WORD.finditer(text):
            word = match.group()
            initial = _opens_sentence(text, match.start())
            if _shout(word, initial):
                word = word[:1] + word[1:].lower()  # a dateline's "KYIV", a shout
                initial = True
            tally = weak if initial else strong
            tally.setdefault(fold(word), Counter())[word] += 1
    out: dict[str, str] = {}
    for tally in (weak, strong):  # strong evidence overrides weak
        for key, forms in tally.items():
            out[key] = max(forms, key=lambda form: (forms[form], form != form.lower()))
            if len(key) in _SHORT and any(form.isupper() for form in forms):
                out[key] = key.upper()
    return out


def _shout(word: str, initial: bool) -> bool:
    """A word in capitals that is no acronym: four letters or more opening a sentence (a
    dateline's place), six or more anywhere."""
    return word.isupper() and len(word) not in _SHORT and (initial or len(word) not in _ACRONYM)


def _opens_sentence(text: str, start: int) -> bool:
    """Whether the word at `start` opens its paragraph or a sentence (quotes may come first)."""
    before = text[max(0, start - 8) : start].rstrip(_OPENING)
    return not before or before.endswith(_ENDS)


def recase(
    title: str, case: str, body: dict[str, str], terms: Sequence[tuple[int, int, Term]]
) -> str:
    """`title`, written all in `case` ("upper" or "lower"), in the casing of its article's
    `body` (`body_casing`); `terms`: the lexicon's matches in the title. The length stays."""
    out = list(title)
    first = True
    for match in _WORD.finditer(title):
        word, start = match.group(), match.start()
        form = _form(word, case, body, *_term_at(terms, start, match.end()))
        if first and form == form.lower():
            form = form[:1].upper() + form[1:]
        first = False
        if len(form) == len(word):
            out[start : match.end()] = form
    return "".join(out)


def _term_at(
    terms: Sequence[tuple[int, int, Term]], start: int, end: int
) -> tuple[Term | None, bool]:
    """The lexicon's term whose match holds the word at [start, end), if any, and whether
    the match is that word alone."""
    for t_start, t_end, term in terms:
        if t_start <= start and end <= t_end:
            return term, (t_start, t_end) == (start, end)
    return None, False


def _form(word: str, case: str, body: dict[str, str], term: Term | None, alone: bool) -> str:
    """One headline word's casing: the body's (for a function word, only an acronym: "US"),
    else the default (a lexicon's side or person
    a capital, as one word; a person's name of several words too; an office none)."""
    low = fold(word)
    form = body.get(low)
    if form is not None and len(form) == len(word) and (low not in _FUNCTION or form.isupper()):
        return form
    if low in _FUNCTION:
        return word.lower()
    if low in _CALENDAR:
        return word[:1].upper() + word[1:].lower()
    if term is None:
        return word.lower()
    if term.kind == "role" or not (alone or term.kind == "speaker"):
        return word.lower()  # "european leaders", "foreign ministry"
    if case == "upper" and len(word) in _ACRONYM and term.kind != "speaker":
        return word  # "NATO", "EU": an acronym the lexicon knows
    if term.kind in ("speaker", "alias", "adjective"):
        return word[:1].upper() + word[1:].lower()
    return word.lower()
