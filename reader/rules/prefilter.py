"""A literal prefilter for a rule-file regex: text that holds none of its required strings
cannot match it, so the regex is not run there.

Why: a rule regex with an anchor or a lookaround cannot be run once over an article's joined
blocks (reader.classify.scan), so it ran once per block, each call paying the `regex` module's
timeout and GIL hand-over; almost every block holds none of the words the rule is about. The
compiler derives the required strings from the pattern itself (rule files stay plain regexes,
nothing is written by hand per rule), and one search for them over the joined text picks the
few blocks worth the regex. Only what surely holds is derived: a pattern whose syntax the
standard parser might read differently from `regex` (fuzzy matching, POSIX classes, inline
flag groups, `regex`-only escapes) gets no prefilter and runs everywhere, as before.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Container, Iterator, Sequence
from dataclasses import dataclass
from importlib import import_module
from itertools import product
from typing import Any

import regex

# The standard library's regex parser (no stubs: internal). Its tree of (opcode, argument)
# items is all this module reads.
_parser: Any = import_module("re._parser")
_constants: Any = import_module("re._constants")

_LITERAL = _constants.LITERAL
_IN = _constants.IN
_SUBPATTERN = _constants.SUBPATTERN
_BRANCH = _constants.BRANCH
_ASSERT = _constants.ASSERT
_ATOMIC = getattr(_constants, "ATOMIC_GROUP", None)
_REPEATS = frozenset(
    op
    for op in (
        _constants.MAX_REPEAT,
        _constants.MIN_REPEAT,
        getattr(_constants, "POSSESSIVE_REPEAT", None),
    )
    if op is not None
)

MAX_STRINGS = 32
"""The most alternative strings one prefilter holds (more is slower than the regex alone)."""

MIN_LENGTH = 3
"""The shortest required string worth a search (shorter ones are in almost every block)."""

# Syntax the standard parser would read as literal text where `regex` does not: a brace that
# is no counted repeat (fuzzy constraints "{e<=1}"), a POSIX class "[[:alpha:]]".
_UNSURE = re.compile(r"\{(?!\d*(?:,\d*)?\})|\[:\^?\w+:\]")

_CASE_FLAGS = regex.IGNORECASE | regex.ASCII | regex.UNICODE

Strings = frozenset[str]


def required_strings(source: str, flags: int = 0) -> list[Strings]:
    """Sets of strings, every match of `source` holding one string of each set (the most
    selective first); [] when none is known. `flags` are the pattern's own (`Pattern.flags`)."""
    # Verbose mode: `regex` skips more whitespace than the standard parser (no-break spaces,
    # U+2000-U+200A ...), which would read it as literal text every match must hold.
    if flags & (regex.FULLCASE | regex.VERSION1 | regex.VERBOSE) or _UNSURE.search(source):
        return []
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # "Possible nested set": not ours to print
            tree = _parser.parse(source)
    except (re.error, RecursionError, OverflowError):
        return []
    usable = {c for c in _needs(list(tree)) if c and min(map(len, c)) >= MIN_LENGTH}
    return sorted(usable, key=lambda c: (-min(map(len, c)), len(c), sorted(c)))


def need_search(source: str, flags: int = 0) -> Any:
    """A compiled search (`regex.Pattern`) for `required_strings`, or None: it matches the
    strings with the pattern's own case rules, so it finds them wherever the pattern could."""
    found = required_strings(source, flags)
    if not found:
        return None
    best = found[0]
    alternation = "|".join(regex.escape(s) for s in sorted(best, key=lambda s: (-len(s), s)))
    return regex.compile(alternation, flags & _CASE_FLAGS)


def literal_groups(source: str, flags: int = 0) -> tuple[tuple[str, ...], ...]:
    """Every set of `required_strings`, for a case-sensitive pattern (() otherwise): a text
    that lacks all the strings of any one set holds no match, and a plain `in` test says so
    faster than a timed search. Under IGNORECASE the strings are left to `need_search`."""
    if flags & regex.IGNORECASE:
        return ()
    return tuple(tuple(sorted(found)) for found in required_strings(source, flags))


def need_strings(source: str, flags: int = 0) -> tuple[str, ...]:
    """The strings `need_search` looks for, for a case-sensitive pattern (() otherwise).

    Why: a chunk holds few of them, and `str.find` for each one it holds picks the same blocks
    several times faster than the `regex` alternation of them all."""
    if flags & regex.IGNORECASE:
        return ()
    found = required_strings(source, flags)
    return tuple(sorted(found[0])) if found else ()


def holds_all(text: Container[str], groups: tuple[tuple[str, ...], ...]) -> bool:
    """Whether `text` (a string or its `Words`) holds a string of each of `groups` (see
    `literal_groups`)."""
    for group in groups:  # plain loops: this runs for every rule regex and chunk of blocks
        for string in group:
            if string in text:
                break
        else:
            return False
    return True


class Words:
    """A long text's distinct whitespace-separated words, one a line, for `in` tests.

    Why: `holds_all` runs for every rule regex over a chunk's joined text, and a string the
    text lacks is looked for through all of it (most required strings are absent from most
    chunks). A string without whitespace lies inside one word wherever it occurs, and a line of
    `words` is a word of the text, so it is in the text exactly when it is in `words`, which
    repeats no word and is a fraction of the text's length. A string with whitespace is looked
    for in the text itself; each answer is kept, as rules share their words."""

    __slots__ = ("_known", "text", "words")

    def __init__(self, text: str) -> None:
        self.text = text
        self.words = "\n".join(set(text.split()))
        self._known: dict[str, bool] = {}

    def __contains__(self, string: object) -> bool:
        if not isinstance(string, str):
            return False
        known = self._known.get(string)
        if known is None:
            one_word = len(parts := string.split()) == 1 and parts[0] == string
            known = string in (self.words if one_word else self.text)
            self._known[string] = known
        return known


# The only characters that match an ASCII letter case-insensitively ("İ", "ı", the long s,
# the Kelvin sign; found by running `[a-zA-Z0-9]` with IGNORECASE over every code point).
# One search of a class of them is several times faster than a set's `isdisjoint`, which
# hashes every character of the text.
_ASCII_CASE_PARTNERS = re.compile("[\u0130\u0131\u017f\u212a]")


class CaseProbe:
    """A text lower-cased once for the `Prefiltered` tests of many patterns over it.

    Why: a title or an opening line is tried against every title or opening pattern, and each
    test lower-cased the line and, for a non-ASCII one, looked through all of it for the case
    partners below. `lowered` is None where the text holds one: no pattern is skipped there."""

    __slots__ = ("lowered", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.lowered = None if case_partnered(text) else text.lower()


def case_partnered(text: str) -> bool:
    """Whether `text` holds one of the few non-ASCII letters that match an ASCII letter
    case-insensitively: a test for a lower-case ASCII string in it may then miss a place
    a case-insensitive pattern matches."""
    return not text.isascii() and _ASCII_CASE_PARTNERS.search(text) is not None


def matches_from(pattern: Any, text: str, start: str) -> Iterator[Any]:
    """`pattern.finditer(text)` for a pattern whose every match opens with the lower-case
    ASCII `start`, over a lower-cased `text`: the pattern is tried only where `start`
    stands, leftmost first and each match's end on, as `finditer` tries it.

    Why: a pattern that opens with a lookbehind or a word boundary gives the engine no
    literal to skip ahead to, so `finditer` tries it at every character of an article."""
    if case_partnered(text):
        yield from pattern.finditer(text)
        return
    find, match = text.find, pattern.match
    at = find(start)
    while at >= 0:
        found = match(text, at)
        if found is None:
            at = find(start, at + 1)
            continue
        yield found
        at = find(start, found.end())


@dataclass(frozen=True, slots=True)
class Prefiltered:
    """A title or opening pattern (case-insensitive) with the strings its every match holds,
    one of each group: a title that lacks a group is not searched.

    Why: each search carries a timeout, which costs the `regex` module several times what a
    failing search of a short title does; a plain `in` test costs almost nothing. The strings
    are lower-case ASCII, and only four non-ASCII characters match an ASCII letter in any case:
    a text that holds one of them is searched as before."""

    pattern: Any  # regex.Pattern[str]
    groups: tuple[tuple[str, ...], ...]  # () when none is known

    def search(self, text: str | CaseProbe, *args: int, timeout: float | None = None) -> Any:
        """`pattern.search`, None at once when `text` surely holds no match (`text` may come
        as its `CaseProbe`, made once for many patterns)."""
        if self._cannot_match(text):
            return None
        subject = text.text if isinstance(text, CaseProbe) else text
        return self.pattern.search(subject, *args, timeout=timeout)

    def match(self, text: str | CaseProbe, *args: int, timeout: float | None = None) -> Any:
        """`pattern.match`, None at once when `text` surely holds no match."""
        if self._cannot_match(text):
            return None
        subject = text.text if isinstance(text, CaseProbe) else text
        return self.pattern.match(subject, *args, timeout=timeout)

    def may_match(self, text: str | CaseProbe) -> bool:
        """Whether `text` holds a string of each group: False when no part of it can match
        (a sentence of a block that cannot match holds none either)."""
        return not self._cannot_match(text)

    def _cannot_match(self, text: str | CaseProbe) -> bool:
        """Whether `text` lacks every string of one of the groups, in any case."""
        if not self.groups:
            return False
        lowered = (text if isinstance(text, CaseProbe) else CaseProbe(text)).lowered
        if lowered is None:
            return False
        for group in self.groups:  # plain loops: this runs for every title and pattern
            for string in group:
                if string in lowered:
                    break
            else:
                return True
        return False


def first_needs(patterns: Sequence[Prefiltered]) -> re.Pattern[str] | None:
    """One search for the first (most selective) group's strings of every pattern, for
    `none_may_match`; None when some pattern has no group (it may match anywhere) or there is
    no pattern.

    Why: a text is tried against several patterns, most of which it holds no word of; one
    search of its lower-cased text says so for all of them at once."""
    if not patterns or not all(p.groups for p in patterns):
        return None
    strings = {s for p in patterns for s in p.groups[0]}
    return re.compile("|".join(re.escape(s) for s in sorted(strings, key=lambda s: (-len(s), s))))


def none_may_match(needs: re.Pattern[str] | None, text: CaseProbe) -> bool:
    """Whether none of the patterns `needs` was made from (`first_needs`) can match `text`:
    it lacks every string of each one's first group (`Prefiltered.may_match` is then False for
    all of them)."""
    return needs is not None and text.lowered is not None and needs.search(text.lowered) is None


def prefiltered(source: str, flags: int) -> Prefiltered:
    """`source` compiled with `flags`, behind its required strings (see `Prefiltered`)."""
    pattern = regex.compile(source, flags)
    return Prefiltered(pattern, caseless_groups(source, pattern.flags))


def caseless_groups(source: str, flags: int) -> tuple[tuple[str, ...], ...]:
    """`required_strings` lower-cased, the groups of a case-insensitive pattern's
    `Prefiltered` (a group with a non-ASCII string is left out: its case rules are not
    ASCII's)."""
    return tuple(
        tuple(sorted({s.lower() for s in found}))
        for found in required_strings(source, flags)
        if all(s.isascii() for s in found)
    )


def _best(candidates: list[Strings]) -> Strings | None:
    """The most selective candidate: the longest shortest string, then the fewest strings."""
    usable = [c for c in candidates if c and min(map(len, c)) >= MIN_LENGTH]
    if not usable:
        return None
    return max(usable, key=lambda c: (min(map(len, c)), -len(c)))


def _needs(items: list[Any]) -> list[Strings]:
    """Sets of strings that a match of the sequence `items` surely holds one of each: runs of
    items with few exact forms (joined end to end), and what the other items require."""
    found: list[Strings] = []
    run: Strings = frozenset([""])
    for op, arg in items:
        exact = _exact(op, arg)
        if exact is not None and len(run) * len(exact) <= MAX_STRINGS:
            run = frozenset(a + b for a, b in product(run, exact))
            continue
        found.append(run)
        run = exact if exact is not None else frozenset([""])
        if exact is None:
            inner = _inner_need(op, arg)
            if inner is not None:
                found.append(inner)
    found.append(run)
    return [c for c in found if "" not in c]


def _inner_need(op: Any, arg: Any) -> Strings | None:
    """What one item that has no few exact forms still requires (a group, an alternation, a
    repeat at least once, a lookahead or lookbehind: its text is in the searched string)."""
    if op is _SUBPATTERN:
        _, add_flags, del_flags, sub = arg
        return None if add_flags or del_flags else _best(_needs(list(sub)))
    if op is _ATOMIC or op is _ASSERT:
        sub = arg if op is _ATOMIC else arg[1]
        return _best(_needs(list(sub)))
    if op in _REPEATS:
        low, _, sub = arg
        return _best(_needs(list(sub))) if low >= 1 else None
    if op is _BRANCH:
        union: set[str] = set()
        for alternative in arg[1]:
            need = _best(_needs(list(alternative)))
            if need is None:
                return None
            union |= need
        return frozenset(union) if len(union) <= MAX_STRINGS else None
    return None


def _exact(op: Any, arg: Any) -> Strings | None:
    """The few strings one item matches exactly (None when it matches more, or a newline)."""
    if op is _LITERAL:
        return None if arg == ord("\n") else frozenset([chr(arg)])
    if op is _IN:
        chars = [a for o, a in arg if o is _LITERAL]
        if len(chars) != len(arg) or ord("\n") in chars or len(chars) > 4:
            return None
        return frozenset(map(chr, chars))
    if op is _SUBPATTERN:
        _, add_flags, del_flags, sub = arg
        return None if add_flags or del_flags else _exact_seq(list(sub))
    if op is _ATOMIC:
        return _exact_seq(list(arg))
    if op in _REPEATS:
        low, high, sub = arg
        return _exact_seq(list(sub)) if low == high == 1 else None
    if op is _BRANCH:
        union: set[str] = set()
        for alternative in arg[1]:
            forms = _exact_seq(list(alternative))
            if forms is None:
                return None
            union |= forms
        return frozenset(union) if len(union) <= MAX_STRINGS else None
    return None


def _exact_seq(items: list[Any]) -> Strings | None:
    """The few strings a whole sequence matches exactly (None when it matches more)."""
    forms: Strings = frozenset([""])
    for op, arg in items:
        exact = _exact(op, arg)
        if exact is None or len(forms) * len(exact) > MAX_STRINGS:
            return None
        forms = frozenset(a + b for a, b in product(forms, exact))
    return forms
