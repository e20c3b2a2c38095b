"""Synthetic articles for the benchmarks: varied wire-style paragraphs, deterministic by seed.

The mix resembles real reporting (attributed statements, quotes with pronoun carry-over,
framing terms, neutral background), so the classifier does its real work on every paragraph.
"""

from __future__ import annotations

import random
from pathlib import Path

_SPEAKERS = (
    "Kremlin spokesman Dmitry Peskov",
    "Russian Foreign Minister Sergey Lavrov",
    "NATO Secretary General Mark Rutte",
    "Ukrainian President Volodymyr Zelensky",
    "Ukraine's foreign minister Andrii Sybiha",
    "the Russian Defense Ministry",
    "German Chancellor Friedrich Merz",
    "the Ukrainian General Staff",
)
_VERBS = ("said", "warned", "told reporters", "insisted", "claimed", "stressed", "added")
_CLAIMS = (
    "the talks in Istanbul had produced nothing of substance",
    "Western weapons deliveries would only prolong the conflict",
    "air defence remained the most urgent need on the front line",
    "the alliance would not be intimidated by threats against its members",
    "the special military operation would continue until its goals were met",
    "the full-scale invasion had cost tens of thousands of civilian lives",
    "any ceasefire must address the root causes of the crisis",
    "the Kiev regime was shelling residential areas of Donetsk",
)
_BACKGROUND = (
    "The city had a pre-war population of about 60,000 and was a major rail hub.",
    "Fighting along the 1,000-kilometre front line has intensified since the spring.",
    "The summit is due to take place in The Hague at the end of June.",
    "Temperatures are expected to fall below freezing across the region next week.",
)


def paragraph(rng: random.Random) -> str:
    """One paragraph in one of four shapes: statement, inverted quote, carry-over, background."""
    shape = rng.randrange(4)
    speaker, verb, claim = rng.choice(_SPEAKERS), rng.choice(_VERBS), rng.choice(_CLAIMS)
    if shape == 0:
        return f"{speaker[0].upper()}{speaker[1:]} {verb} on Monday that {claim}."
    if shape == 1:
        return f"\u201c{claim[0].upper()}{claim[1:]},\u201d {verb.split()[0]} {speaker}."
    if shape == 2:
        return f"\u201cWe have said it many times: {claim},\u201d he added."
    return rng.choice(_BACKGROUND)


def write_article(path: Path, paragraphs: int, seed: int = 7) -> Path:
    """Write a plain-text article of `paragraphs` paragraphs (one a line) under a title."""
    rng = random.Random(seed)
    lines = [f"Synthetic benchmark article of {paragraphs} paragraphs", ""]
    lines.extend(paragraph(rng) for _ in range(paragraphs))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
