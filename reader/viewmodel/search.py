"""Search queries and matching over an article's blocks: pure, so it is testable without a screen.

The query language (what `/` accepts):

- `truce` finds the text; smart case: case-insensitive unless the query holds a capital.
- `re:cease(-| )?fire` is a regular expression (smart case too); a bad one raises
  `SearchError` with the `re` module's message, which the search bar shows inline.
- `@russia truce` limits matches to blocks labelled with that actor; the actor may be named by
  id or label (a label of several words too: `@European Union truce`), or a unique prefix of
  either (`@rus`). `@russia` alone matches each of its blocks.
- Leading and trailing spaces do not count; spaces inside do.

Matches come back in article order (block, then offset), as spans over the block's text, so
the view highlights them in every panel and n/N walk them in reading order.

Speed: a literal query runs `str.find` over one lower-cased copy of the whole article (built
once per `SearchIndex`), which keeps the engine's fast path; IGNORECASE regexes are 10-15x
slower (STYLE.md). A regex runs block by block so no match can straddle two blocks.
"""

from __future__ import annotations

import re
import time
from bisect import bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import accumulate
from typing import Any

import regex

from reader.errors import ReaderError

MATCH_LIMIT = 100_000
"""At most this many matches are kept (a query like `re:.` would otherwise fill memory)."""

_SEPARATOR = "\n"


class SearchError(ReaderError):
    """A query that cannot run: a bad regex or an unknown actor."""


class SearchTimeoutError(SearchError):
    """A regex that ran out of time (catastrophic backtracking, most likely)."""

    def __init__(self) -> None:
        super().__init__("regex too slow: it backtracks without end on this text; simplify it")


SEARCH_SECONDS = 2.0
"""The longest a search may run: a regex that needs more is stopped and reported."""


@dataclass(frozen=True, slots=True)
class Query:
    """A parsed search query. `needle` is the text or regex source without prefixes."""

    raw: str
    needle: str
    regex: bool
    case_sensitive: bool
    actor: str | None

    @property
    def empty(self) -> bool:
        """True when the query finds nothing at all (blank, or only whitespace)."""
        return not self.needle and self.actor is None


@dataclass(frozen=True, slots=True)
class Match:
    """One match: block index and the span `[start, end)` over the block's text."""

    block: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Results:
    """The matches of one query, in article order."""

    query: Query
    matches: tuple[Match, ...]
    truncated: bool = False

    def spans(self) -> dict[int, list[tuple[int, int]]]:
        """Block index -> its match spans, for highlighting."""
        by_block: dict[int, list[tuple[int, int]]] = {}
        for match in self.matches:
            by_block.setdefault(match.block, []).append((match.start, match.end))
        return by_block

    def after(self, block: int, start: int = -1) -> int | None:
        """Index of the first match after position (`block`, `start`), wrapping around."""
        if not self.matches:
            return None
        at = bisect_right(self.matches, (block, start), key=lambda m: (m.block, m.start))
        return at if at < len(self.matches) else 0

    def before(self, block: int, start: int) -> int | None:
        """Index of the last match before position (`block`, `start`), wrapping around."""
        if not self.matches:
            return None
        at = bisect_right(self.matches, (block, start - 1), key=lambda m: (m.block, m.start))
        return at - 1 if at > 0 else len(self.matches) - 1


def parse_query(raw: str, actors: Mapping[str, str]) -> Query:
    """Parse what the user typed. `actors` maps actor id -> label.

    Raises SearchError for an unknown or ambiguous `@actor` and for a regex that does not
    compile (the message is one line, fit for the search bar).
    """
    text = raw.strip()
    actor: str | None = None
    if text.startswith("@"):
        name, rest = _split_actor(text[1:], actors)
        actor = _resolve_actor(name, actors)
        text = rest.strip()
    regex = text.startswith("re:")
    needle = text[3:] if regex else text
    case_sensitive = any(char.isupper() for char in _without_escapes(needle, regex))
    query = Query(raw, needle, regex, case_sensitive, actor)
    if regex and needle:
        _compile(query)
    return query


def _without_escapes(needle: str, regex: bool) -> str:
    """The needle minus regex escapes, so `\\S` or `\\D` do not make a search case-sensitive."""
    return re.sub(r"\\.", "", needle) if regex else needle


def _split_actor(text: str, actors: Mapping[str, str]) -> tuple[str, str]:
    """`text` after the `@` as (actor name, the rest): a label of several words ("European
    Union") when the text starts with it, the longest such; else the first word."""
    folded = text.casefold()
    labels = [label for label in actors.values() if " " in label.strip()]
    for label in sorted(labels, key=len, reverse=True):
        name = label.strip().casefold()
        if folded.startswith(name) and folded[len(name) : len(name) + 1] in ("", " "):
            return text[: len(name)], text[len(name) :]
    name, _, rest = text.partition(" ")
    return name, rest


def _resolve_actor(name: str, actors: Mapping[str, str]) -> str:
    wanted = name.casefold()
    if not wanted:
        raise SearchError("'@' needs an actor: " + ", ".join(f"@{a}" for a in actors))
    for actor_id, label in actors.items():
        if wanted in (actor_id.casefold(), label.casefold()):
            return actor_id
    found = [
        actor_id
        for actor_id, label in actors.items()
        if actor_id.casefold().startswith(wanted) or label.casefold().startswith(wanted)
    ]
    if len(found) == 1:
        return found[0]
    known = ", ".join(f"@{actor_id}" for actor_id in actors)
    if found:
        raise SearchError(f"'@{name}' could be " + ", ".join(f"@{a}" for a in found))
    raise SearchError(f"no actor '@{name}' (known: {known})")


def _compile(query: Query) -> Any:
    """The query's pattern, compiled by the `regex` module, which can stop a search after a
    time limit (the standard `re` cannot: `(a|aa)+$` over 40 a's runs for minutes). The
    syntax and error messages are the `re` module's, checked first."""
    flags = 0 if query.case_sensitive else re.IGNORECASE
    try:
        re.compile(query.needle, flags)
        return regex.compile(query.needle, regex.IGNORECASE if flags else 0)
    except re.error as error:
        where = f" at position {error.pos}" if error.pos is not None else ""
        raise SearchError(f"bad regex: {error.msg}{where}") from None
    except (regex.error, OverflowError, RecursionError, ValueError) as error:
        raise SearchError(f"bad regex: {error}") from None


class SearchIndex:
    """An article's texts prepared for fast repeated searching (one per classified article).

    `texts[i]` is block i's text; `labels[i]` its verdict's actor ids.
    """

    def __init__(self, texts: Sequence[str], labels: Sequence[Sequence[str]]) -> None:
        self._texts = texts
        self._labels = labels
        self._joined: str | None = None
        self._lower: str | None = None
        self._offsets: list[int] = []

    def _prepare(self) -> tuple[str, str | None]:
        if self._joined is None:
            self._joined = _SEPARATOR.join(self._texts)
            lengths = (len(text) + len(_SEPARATOR) for text in self._texts)
            self._offsets = [0, *accumulate(lengths)]
            lower = self._joined.lower()
            # Some characters change length when lower-cased (İ): then offsets would drift,
            # and a case-insensitive literal search goes through the regex engine instead.
            self._lower = lower if len(lower) == len(self._joined) else None
        return self._joined, self._lower

    def search(
        self, query: Query, limit: int = MATCH_LIMIT, seconds: float = SEARCH_SECONDS
    ) -> Results:
        """Every match of `query`, in article order, at most `limit` of them. A regex that
        takes more than `seconds` raises `SearchTimeoutError`."""
        if query.empty:
            return Results(query, ())
        allowed = None
        if query.actor is not None:
            actor = query.actor
            allowed = {i for i, labels in enumerate(self._labels) if actor in labels}
            if not query.needle:
                blocks = sorted(allowed)[:limit]
                return Results(query, tuple(Match(b, 0, 0) for b in blocks), len(allowed) > limit)
        deadline = time.monotonic() + seconds
        if query.regex:
            found, truncated = self._search_regex(_compile(query), allowed, limit, deadline)
        else:
            found, truncated = self._search_literal(query, allowed, limit, deadline)
        return Results(query, tuple(found), truncated)

    def _search_literal(
        self, query: Query, allowed: set[int] | None, limit: int, deadline: float
    ) -> tuple[list[Match], bool]:
        joined, lower = self._prepare()
        needle = query.needle
        if not query.case_sensitive:
            if lower is None:
                escaped = Query(query.raw, re.escape(needle), True, False, query.actor)
                return self._search_regex(_compile(escaped), allowed, limit, deadline)
            haystack, needle = lower, needle.lower()
        else:
            haystack = joined
        offsets = self._offsets
        found: list[Match] = []
        size = len(needle)
        position = haystack.find(needle)
        while position >= 0:
            block = bisect_right(offsets, position) - 1
            start = position - offsets[block]
            if start + size <= len(self._texts[block]) and (allowed is None or block in allowed):
                if len(found) == limit:
                    return found, True
                found.append(Match(block, start, start + size))
            position = haystack.find(needle, position + size)
        return found, False

    def _search_regex(
        self, pattern: Any, allowed: set[int] | None, limit: int, deadline: float
    ) -> tuple[list[Match], bool]:
        found: list[Match] = []
        blocks = sorted(allowed) if allowed is not None else range(len(self._texts))
        try:
            for block in blocks:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError
                for hit in pattern.finditer(self._texts[block], timeout=left):
                    start, end = hit.span()
                    if start == end:
                        continue  # an empty match highlights nothing and cannot be walked
                    if len(found) == limit:
                        return found, True
                    found.append(Match(block, start, end))
        except TimeoutError:
            raise SearchTimeoutError() from None
        return found, False
