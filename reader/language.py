"""A cheap guess at which blocks are not English, so the reader can say why they got no label.

The rules are English: a French or Russian article is silently all "none" without this. The
guess needs no model and no new dependency. English prose is about a third function words (the,
of, and, to, said…), so a block of enough words with hardly any is taken as another language;
so is a block whose letters are mostly outside the Latin script (Cyrillic, Arabic, CJK: scripts
that may not even separate words with spaces). Short blocks (a headline, a list of towns) are
not judged, nor are titles, headings and list items (headlinese drops function words).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from reader.model import Block

MIN_WORDS = 8
"""Blocks with fewer words than this are not judged by their function words."""

MIN_LETTERS = 20
"""Blocks with fewer letters than this are not judged by their script."""

MIN_SHARE = 0.12
"""Least share of English function words in a block judged English (prose runs 0.3-0.5)."""

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")

_FUNCTION_WORDS = frozenset(
    {
        "a",
        "about",
        "after",
        "against",
        "all",
        "also",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "been",
        "before",
        "but",
        "by",
        "can",
        "could",
        "did",
        "do",
        "does",
        "for",
        "from",
        "had",
        "has",
        "have",
        "he",
        "her",
        "his",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "it's",
        "more",
        "most",
        "my",
        "no",
        "not",
        "of",
        "on",
        "one",
        "only",
        "or",
        "our",
        "out",
        "over",
        "said",
        "says",
        "she",
        "so",
        "some",
        "than",
        "that",
        "the",
        "their",
        "them",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "to",
        "up",
        "was",
        "we",
        "were",
        "what",
        "when",
        "which",
        "while",
        "who",
        "will",
        "with",
        "would",
        "you",
    }
)


def looks_english(text: str) -> bool | None:
    """True or False for a block long enough to judge, None for one too short to say."""
    letters = [char for char in text if char.isalpha()]
    if len(letters) >= MIN_LETTERS:
        latin = sum(1 for char in letters if char.isascii() or "\u00c0" <= char <= "\u024f")
        if latin < len(letters) / 2:
            return False
    words = _WORD.findall(text.casefold())
    if len(words) < MIN_WORDS:
        return None
    common = sum(1 for word in words if word.replace("’", "'") in _FUNCTION_WORDS)
    return common / len(words) >= MIN_SHARE


JUDGED_KINDS = frozenset({"paragraph", "quote"})
"""Block kinds written as prose; the others are too terse to judge."""

SAMPLE = 2_000
"""At most this many prose blocks are judged (evenly spread); a longer article's count is
scaled from them, so a 100,000-block article costs ~20 ms and not ~1 s of a worker's time."""


def count_not_english(blocks: Sequence[Block]) -> int:
    """How many prose blocks look like another language than English (estimated from an even
    sample of `SAMPLE` of them in a long article)."""
    prose = [block for block in blocks if block.kind in JUDGED_KINDS]
    step = max(1, len(prose) // SAMPLE)
    sample = prose[::step]
    foreign = sum(1 for block in sample if looks_english(block.text) is False)
    return foreign if step == 1 else round(foreign * len(prose) / len(sample))


def language_notice(not_english: int, blocks: int) -> str | None:
    """The one line that tells the reader, or None when no block looks foreign."""
    if not not_english:
        return None
    if not_english == 1:
        return (
            f"1 of {blocks} blocks does not look English: "
            "the rules are English-only, so it gets no label"
        )
    return (
        f"{not_english} of {blocks} blocks do not look English: "
        "the rules are English-only, so they get no label"
    )
