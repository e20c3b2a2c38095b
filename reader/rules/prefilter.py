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
from bisect import bisect_right
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
_AT = _constants.AT
_ASSERT_NOT = _constants.ASSERT_NOT
_CATEGORY = _constants.CATEGORY
_CATEGORY_SPACE = _constants.CATEGORY_SPACE
_CATEGORY_NOT_WORD = _constants.CATEGORY_NOT_WORD
# How surely what stands beside a word sets it off (`_apart`): maybe not at all; by a
# character that is no word character, or the text's edge; by a space, or the text's edge.
_NOT_APART, _APART, _SPACED = 0, 1, 2
# The anchors that set off a word closing right before them (a word boundary: no word
# character after it; the end of the text or a line: a newline or nothing) and opening right
# after them (a word boundary; the start of either).
_AT_AFTER = {
    _constants.AT_BOUNDARY: _APART,
    _constants.AT_END: _SPACED,
    _constants.AT_END_STRING: _SPACED,
}
_AT_BEFORE = {
    _constants.AT_BOUNDARY: _APART,
    _constants.AT_BEGINNING: _SPACED,
    _constants.AT_BEGINNING_STRING: _SPACED,
}
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
# A plain `in` test for each is several times faster than one search of a class of them
# (6x over paragraphs, 24x over a chunk's joined text), which is faster than a set's
# `isdisjoint`, which hashes every character of the text.
_ASCII_CASE_PARTNERS = ("\u0130", "\u0131", "\u017f", "\u212a")


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
    if text.isascii():
        return False
    first, second, third, fourth = _ASCII_CASE_PARTNERS
    return first in text or second in text or third in text or fourth in text


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
    """One search of a lower-cased text for what every (case-insensitive) pattern needs, for
    `may_match_each`: the words of its `word_needs` as whole words (with a space or the text's
    end after them where the pattern puts one there), else its first (most selective)
    group's strings anywhere; None when some pattern needs neither (it may match anywhere) or
    there is no pattern.

    Why: a text is tried against several patterns, most of which it holds no word of; one
    search of its lower-cased text says so for all of them at once. Whole words: the strings
    hide inside longer words most texts hold ("met" in "kilometre", "and" in "thousands",
    "spoke" in "spokesman"), and a word a pattern wants a space after stands in many texts
    before a stop ("the goals were met."). A word character here is an ASCII one (`(?a:\\b)`),
    never a character the patterns' own `\\w` leaves out, and a space one for which
    `str.isspace` holds (`\\S`), as it does for every one `regex`'s `\\s` matches: what sets a
    word off for the patterns sets it off here too (a lower-cased text holds no capital)."""
    if not patterns:
        return None
    spaced: set[str] = set()
    apart: set[str] = set()
    strings: set[str] = set()
    for p in patterns:
        need = word_needs(p.pattern.pattern, p.pattern.flags)
        if need is not None:
            words, space_after = need
            (spaced if space_after else apart).update(s.lower() for s in words)
        elif p.groups:
            strings.update(p.groups[0])
        else:
            return None
    parts = [rf"(?a:\b)(?:{_alternation(spaced)})(?!\S)"] if spaced else []
    parts += [rf"(?a:\b)(?:{_alternation(apart)})(?a:\b)"] if apart else []
    return re.compile("|".join([*parts, *([_alternation(strings)] if strings else [])]))


def _alternation(strings: set[str]) -> str:
    """The strings as one alternation, the longest first."""
    return "|".join(re.escape(s) for s in sorted(strings, key=lambda s: (-len(s), s)))


def may_match_each(needs: re.Pattern[str] | None, lowered: str, bounds: list[int]) -> list[bool]:
    """For each of the texts joined by newlines in `lowered` (lower-cased, as a chunk's folded
    text is), each starting at its offset in `bounds`: whether one of the patterns `needs` was
    made from (`first_needs`) may match it; False where it lacks what each one needs
    (`Prefiltered.may_match` is then False for all of them, or the one word it holds is
    inside a longer word or not followed as the pattern wants). Texts with a letter that
    matches an ASCII one in another case may hold a match anywhere (see `CaseProbe`).

    Why: one search of the joined text costs a fraction of one a text. A match of `needs`
    holds no newline and a newline sets a word off as a text's edge does, so the matches over
    the joined text fall in the texts that a search of each alone finds one in."""
    if needs is None or case_partnered(lowered):
        return [True] * len(bounds)
    held = [False] * len(bounds)
    for found in needs.finditer(lowered):
        held[bisect_right(bounds, found.start()) - 1] = True
    return held


def word_needs(source: str, flags: int = 0) -> tuple[Strings, bool] | None:
    """ASCII words (as `caseless_groups`: only ASCII letters have the case rules of a
    lower-cased text), every match of `source` holding one of them whole: with no word
    character right before or after it in the searched text (a space, punctuation or the
    text's edge there); and whether a space or the text's end surely follows each. None when
    no such words are known. Only what surely holds is derived, as for `required_strings`:
    each word is set off in the pattern itself by what must stand around it (`\\s`, `\\W`,
    punctuation, `\\b`, `^`, `$`), through optional parts and groups."""
    if flags & (regex.FULLCASE | regex.VERSION1 | regex.VERBOSE) or _UNSURE.search(source):
        return None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            tree = _parser.parse(source)
    except (re.error, RecursionError, OverflowError):
        return None
    found = _word_need(list(tree), _NOT_APART, _NOT_APART, flags)
    return None if found is None else (found[0], found[1] == _SPACED)


def _word_need(items: list[Any], before: int, after: int, flags: int) -> tuple[Strings, int] | None:
    """The most selective set of words one of which a match of the sequence `items` holds
    whole, and how surely what follows sets each off; `before`/`after`: how surely what
    stands right before/after the sequence sets off a word that opens/closes it (`_apart`)."""
    found: list[tuple[Strings, int]] = []
    k = 0
    while k < len(items):
        run, end = _word_run(items, k, flags)
        lead = _apart(items[:k][::-1], before, False, flags)
        trail = _apart(items[max(end, k + 1) :], after, True, flags)
        if run is not None:
            if lead and trail:
                found.append((run, trail))
            k = end
            continue
        inner = _inner_word_need(items[k], lead, trail, flags)
        if inner is not None:
            found.append(inner)
        k += 1
    best = _best([words for words, _ in found])
    return None if best is None else (best, min(t for words, t in found if words == best))


def _word_run(items: list[Any], start: int, flags: int) -> tuple[Strings | None, int]:
    """The forms of the longest run of items from `start` that match few exact strings of
    ASCII word characters only, and where the run ends ((None, start) for no such run)."""
    forms: Strings = frozenset([""])
    end = start
    for op, arg in items[start:]:
        exact = _exact(op, arg)
        if exact is None or len(forms) * len(exact) > MAX_STRINGS:
            break
        if not all(s.isascii() and _word_chars(s, flags) for s in exact):
            break
        forms = frozenset(a + b for a, b in product(forms, exact))
        end += 1
    return (forms, end) if end > start else (None, start)


def _inner_word_need(item: Any, before: int, after: int, flags: int) -> tuple[Strings, int] | None:
    """What one item with no few exact word forms requires whole (a group, an alternation
    whose every branch does, a repeat at least once: its first time round)."""
    op, arg = item
    if op is _SUBPATTERN:
        _, add_flags, del_flags, sub = arg
        return None if add_flags or del_flags else _word_need(list(sub), before, after, flags)
    if op is _ATOMIC:
        return _word_need(list(arg), before, after, flags)
    if op in _REPEATS:
        low, high, sub = arg
        if low < 1:
            return None
        # after the first time round: the next time (its opening) or what follows the repeat
        after = after if high == 1 else min(after, _apart(list(sub), after, True, flags))
        return _word_need(list(sub), before, after, flags)
    if op is _BRANCH:
        union: set[str] = set()
        trail = _SPACED
        for alternative in arg[1]:
            need = _word_need(list(alternative), before, after, flags)
            if need is None:
                return None
            union |= need[0]
            trail = min(trail, need[1])
        return (frozenset(union), trail) if len(union) <= MAX_STRINGS else None
    return None


def _apart(items: list[Any], edge: int, forward: bool, flags: int, level: int = _SPACED) -> int:
    """How surely the items that stand right after a word (`forward`) or right before it (the
    items in reverse order) set it off (`_SPACED`, `_APART`, `_NOT_APART`): by the first
    character they match there, or an anchor that stands there (a `\\b` beside a word
    character, the text's or a line's edge); `edge` where they may match nothing (what stands
    beyond them); `level`: what the optional items passed so far may put there."""
    for k, (op, arg) in enumerate(items):
        if op is _AT:
            return min(level, (_AT_AFTER if forward else _AT_BEFORE).get(arg, _NOT_APART))
        if op is _BRANCH:
            rest = _apart(items[k + 1 :], edge, forward, flags)
            return min(
                _apart(list(alt) if forward else list(alt)[::-1], rest, forward, flags, level)
                for alt in arg[1]
            )
        if op is _SUBPATTERN and not (arg[1] or arg[2]):
            sub = list(arg[3]) if forward else list(arg[3])[::-1]
            return _apart(sub + items[k + 1 :], edge, forward, flags, level)
        if op is _ASSERT or op is _ASSERT_NOT:
            # zero width; a lookahead that sets the word off does it for what follows too
            ahead = forward and op is _ASSERT and arg[0] >= 0
            seen = _apart(list(arg[1]), _NOT_APART, True, flags) if ahead else _NOT_APART
            if seen:
                return min(level, seen)
            continue
        full, opens, closes = _shape(op, arg, flags)
        level = min(level, opens if forward else closes)
        if not level or full:
            return level
    return min(level, edge)


def _shape(op: Any, arg: Any, flags: int) -> tuple[bool, int, int]:
    """Whether the item always matches some text, and how surely each text it matches opens
    and closes with a character that sets a word off (`_apart`'s levels)."""
    if op is _LITERAL or op is _IN:
        level = _char_level([(op, arg)] if op is _LITERAL else list(arg), flags)
        return True, level, level
    if op is _SUBPATTERN and not (arg[1] or arg[2]):
        return _seq_shape(list(arg[3]), flags)
    if op is _ATOMIC:
        return _seq_shape(list(arg), flags)
    if op in _REPEATS:
        full, opens, closes = _seq_shape(list(arg[2]), flags)
        return full and arg[0] >= 1, opens, closes
    if op is _BRANCH:
        shapes = [_seq_shape(list(alternative), flags) for alternative in arg[1]]
        full = all(shape[0] for shape in shapes)
        return full, min(shape[1] for shape in shapes), min(shape[2] for shape in shapes)
    if op is _AT or op is _ASSERT or op is _ASSERT_NOT:
        return False, _SPACED, _SPACED  # zero width: no character of its own
    return False, _NOT_APART, _NOT_APART


def _seq_shape(items: list[Any], flags: int) -> tuple[bool, int, int]:
    """`_shape` of a sequence: its first and last characters come from its first and last
    items that match text, or from the optional items before and after them."""
    shapes = [_shape(op, arg, flags) for op, arg in items]
    return any(shape[0] for shape in shapes), _edge(shapes, 1), _edge(shapes[::-1], 2)


def _edge(shapes: list[tuple[bool, int, int]], side: int) -> int:
    """The least `side` level of the items up to the first that surely matches text."""
    level = _SPACED
    for shape in shapes:
        level = min(level, shape[side])
        if not level or shape[0]:
            return level
    return level


def _char_level(members: list[Any], flags: int) -> int:
    """How surely any character a literal or a class's members match sets a word off: a
    space (`str.isspace`, which holds for all `\\s` matches), no word character, or maybe a
    word character (a range, a negation, another category)."""
    level = _SPACED
    for kind, value in members:
        if kind is _LITERAL:
            char = chr(value)
            if not char.isspace():
                level = min(level, _NOT_APART if _word_chars(char, flags) else _APART)
        elif kind is _CATEGORY and value == _CATEGORY_NOT_WORD:
            level = min(level, _APART)
        elif not (kind is _CATEGORY and value == _CATEGORY_SPACE):
            return _NOT_APART
    return level


def _word_chars(text: str, flags: int) -> bool:
    """Whether `text` is word characters only, under the pattern's flags (`\\w`)."""
    return regex.fullmatch(r"\w+", text, flags & regex.ASCII) is not None


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
