"""Wire datelines: the one place that knows what opens a wire story.

"KYIV, March 3 (Reuters) - ", "KYIV, Ukraine (AP) — ", "ROME/BEIJING (AP) — ", TASS's
"MELITOPOL, September 16. /TASS/. ", RIA Novosti's "MOSCOW, 7 Mar – RIA Novosti. ". The
dateline names where the story was filed: it is no one's statement (a capitalised place
before a colon or a verb would otherwise be a speaker), and its city can put the article on
one side (`reader.classify.document.house_side`).
"""

from __future__ import annotations

import re

# The place: one or more words in capitals, "/" between cities ("ROME/BEIJING", "MOSCOW / KYIV").
_PLACE = r"(?P<place>[A-Z][A-Z.'’-]+(?:(?: ?/ ?| )[A-Z][A-Z.'’-]+)*)"
# After a comma: a date ("March 3") or a country ("KYIV, Ukraine — "), before a dash alone ...
_DATE = (
    r",\s*(?:[A-Z][a-z]{2,9}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,9}\.?"  # "March 3", "7 Mar"
    r"|[A-Z][a-z]{2,}(?:\s[A-Z][a-z]{2,})?)"
)
# ... or a country or a date before an agency: "KYIV, Ukraine (AP) —", "MOSCOW, June 12. /TASS/.",
# or a date after the place's full stop, Interfax-Ukraine's way: "KYIV. Sept 17 (<agency>) –"
_WHERE = r"(?:,|(?<=\.)\s)[^\n()/]{1,40}?"
# "(AP) — ", "(dpa/MIA) - ", its dash glued to the next word ("(Reuters) -Russian") or set
# off by more than one space ("(Reuters) -  The"), or a syndicator's bracket that closes on the
# year, no dash after it ("(<outlet> / Sputnik - 7th March, 2031) Russia ...")
_AGENCY = (
    r"\s*\((?P<agency>[A-Za-z. /-]{1,30}(?=\)\s*[-–—])|[^()\n]{2,60}?\b(?:19|20)\d\d(?=\)\s+[A-Z]))"
    r"\)\s*(?:[-–—]+\s*(?=\S)|(?=[A-Z]))"
)
_SLASHED_AGENCY = r"\.?\s*/(?P<wire>[A-Za-z-]{2,12})/\.?(?:\s|$)"

DATELINE = re.compile(
    _PLACE + rf"(?:(?:{_DATE})?\s*[-–—]+\s|(?:{_WHERE})?(?:{_AGENCY}|{_SLASHED_AGENCY}))"
)


# A newspaper's dateline before a colon, at the start of a story: "LONDON: Following ...".
# Only the opening paragraphs have it; later, "UPDATE: ..." is a label of another kind.
COLON_DATELINE = re.compile(_PLACE + r":\s+(?=[A-Z])")
# A release's place in title case before a spaced dash, at the start of a story: "Ottawa –
# Minister X announced ...", "Warsaw, Poland - The ministry ...", its date first too: "February
# 24, 2024 - Ottawa, Ontario - <the issuing department>", "3 March 2022 – Riga – ...".
_RELEASE_DATE = (
    r"(?:(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},?|\d{1,2}\s+[A-Z][a-z]{2,8}\.?)\s+\d{4}\s+[-–—]\s+)?"
)
TITLE_DATELINE = re.compile(
    _RELEASE_DATE
    + r"(?P<place>[A-Z][a-z]{2,}(?: [A-Z][a-z]{2,})?)(?:,\s*[A-Z][a-z]{2,}(?: [A-Z][a-z]{2,})?)?"
    r"\s+[-–—]\s+(?=[A-Z])"
)


# A wire's dateline in title case, its agency in brackets: "Brussels/Kyiv, 23 July 2023 (dpa/MIA)
# - ". The agency makes it a dateline anywhere; without one, the release's form above.
TITLE_WIRE = re.compile(
    r"(?P<place>[A-Z][a-z]{2,}(?: [A-Z][a-z]{2,})?(?: ?/ ?[A-Z][a-z]{2,}(?: [A-Z][a-z]{2,})?)*)"
    rf"(?:{_WHERE})?{_AGENCY}"
)


def dateline(text: str, opening: bool = False) -> re.Match[str] | None:
    """The wire dateline that opens `text`, if any: its `place` group is the city, its
    `agency` or `wire` group the agency ("AP", "TASS") when it names one. In a story's
    `opening` paragraphs a newspaper's "LONDON: " and a release's "Ottawa – " count too."""
    if not text[:1].isupper():
        return None  # most blocks: decided without the regex
    if not text[1:2].isupper():
        return TITLE_WIRE.match(text) or (TITLE_DATELINE.match(text) if opening else None)
    return DATELINE.match(text) or (COLON_DATELINE.match(text) if opening else None)


def agency_city(text: str) -> str | None:
    """The city of a dateline, with its agency ("KYIV, Ukraine (AP) —" -> "KYIV") or a
    newspaper's ("TALLINN - ", "LONDON: ") or a release's ("Ottawa – "): where the story
    was filed, which may put it on that city's side (a diplomat named there without a country
    is posted there, not its own: see reader.classify.speakers)."""
    if not text[:1].isupper():
        return None
    if not text[1:2].isupper():
        title = TITLE_WIRE.match(text) or TITLE_DATELINE.match(text)
        return title.group("place") if title is not None else None
    match = DATELINE.match(text)
    if match is not None:
        return match.group("place")
    colon = COLON_DATELINE.match(text)
    return colon.group("place") if colon is not None else None
