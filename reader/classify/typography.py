"""The typography the classifier reads: one house style for the marks outlets set differently.

The rules are written against English news typography: “curly” or "straight" double quotes,
‘single’ ones, a plain space between words and spaced em dashes ("X said — adding"). Real text
also arrives with «guillemets» (TASS, RIA, the Kremlin's translations, French and Ukrainian
sites, »reversed« in German and Nordic print), German „low-high“ and ‚low-high‘ quotes,
non-breaking and thin spaces (U+00A0, U+202F, U+2009 ...) and an ASCII double hyphen for a
dash ("X said -- adding"). `retype` turns a block's text into the house style before any
rule reads it, so the same sentence gets the same label in every typography; the parser is
not touched, and the text the reader shows and exports stays the article's own.

What becomes what is the table `TABLE` (one row a mark; tests/test_typography.py tests each):

- a space of another width (no-break, thin, narrow, figure, ideographic ...) is a space;
- a guillemet is a curly double quote and a single guillemet a curly single one, opening or
  closing by where it stands, not by its shape: an opener at a line's start or after a space
  with a word right after it, a closer after a word with a space, a mark or the end after it,
  its own shape deciding when both or neither hold (« French spacing »);
- „ opens, and the “ that closes it (a “ after a word and before a space, a mark or the end,
  where English print never sets one) closes; ‚ opens and a ‘ in closing place closes;
- ― (a horizontal bar) is an em dash; so is an ASCII double (or triple) hyphen between words
  or spaces ("said -- adding", "said--adding"), never a longer run (a rule "-----").

Every row but the last puts one character for one: offsets in the retyped text are offsets
in the article's. The double hyphen is shorter as a dash, so `retype` then also returns
where each retyped character came from (`Retyped.origin`): the block's reading text is built
in one place (`reader.classify.scan.reading`), its work keeps the article's text and that map
(`BlockWork.written`, `BlockWork.origin`), and the verdict moves its evidence and speaker
span back onto the article's text (`Verdicts`): what the user is shown is always the article's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from reader.model import Article

# Spaces of another width: each is a plain space for the rules.
SPACES = (
    "\u00a0\u202f\u2009\u200a\u2007\u2008"  # no-break, narrow no-break, thin, hair, figure ...
    "\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u205f\u3000"  # en, em, ... ideographic
)

# A guillemet or low quote mark: (as an opener, as a closer, whether its shape opens); its
# place, not its shape, tells whether it opens or closes (`_placed`).
_PLACED: dict[str, tuple[str, str, bool]] = {
    "«": ("“", "”", True),
    "»": ("“", "”", False),
    "‹": ("‘", "’", True),
    "›": ("‘", "’", False),
    "„": ("“", "“", True),  # always opens (German, Czech, Polish, Ukrainian print)
    "‚": ("‘", "‘", True),
}

# The declarative table, for the docs and the tests: (what, becomes, where).
TABLE: tuple[tuple[str, str, str], ...] = (
    *((space, " ", "anywhere") for space in SPACES),
    ("«", "“", "opening place or shape"),
    ("«", "”", "closing place: «Tur,« after a word"),
    ("»", "”", "closing place or shape"),
    ("»", "“", "opening place: »Putin said« at a line's start"),
    ("‹", "‘", "opening place or shape"),
    ("›", "’", "closing place or shape"),
    ("„", "“", "anywhere"),
    ("“", "”", "closing place: „Nein“, after a word"),
    ("‚", "‘", "anywhere"),
    ("‘", "’", "closing place: ‚nein‘, after a word"),
    ("―", "—", "anywhere"),
    ("--", "—", "between words or spaces, a run of two or three hyphens"),
)

_SPACE_RX = re.compile(f"[{SPACES}]")
_MARK_RX = re.compile("[«»‹›„‚]")
_BAR = "―"
# What sends a text that is not ASCII through the table: most blocks hold none (one search
# for the class is faster than a test for each of the 22 marks, measured on real and
# generated paragraphs).
_MARKS = re.compile(f"[{SPACES}{''.join(_PLACED)}{_BAR}]")
# After this a quote mark stands in opening place; before this one stands in closing place.
_OPEN_AFTER = " \t\n([{—–-/"
_CLOSE_BEFORE = " \t\n.,;:!?)]}—–-/…"
# “ or ‘ in closing place (after a word, before a space, a mark or the end): the close of a
# „…“ or ‚…‘ quote, also in a paragraph that a quote opened before runs on in. (The mark is
# matched first and what stands before it looked back at from after it: a pattern that opens
# with a lookbehind is tried at every character, one that opens with the mark only at marks.)
_HIGH_CLOSING = re.compile(r"[“‘](?<=[^ \t\n(\[{—–/-][“‘])(?=[ \t\n.,;:!?)\]}—–/…-]|\Z)")
_HIGH_CLOSER = {"“": "”", "‘": "’"}
# A dash typed as two or three hyphens between words or spaces; no longer run, no "<!--".
_HYPHENS = re.compile(r"(?<![^\w\s.,;:\"'’”)\]])-{2,3}(?![^\w\s\"'‘“(\[])")


@dataclass(frozen=True, slots=True)
class Retyped:
    """A block's text in the house style; `origin[i]` is where its character i came from in
    the article's text (and `origin[len(text)]` the article text's length), or None when
    every character stands where it stood."""

    text: str
    origin: tuple[int, ...] | None = None


def retype(text: str) -> Retyped:
    """`text` in the house style (see the module docstring and `TABLE`)."""
    if not text.isascii():
        if _MARKS.search(text) is not None:
            text = _SPACE_RX.sub(" ", text)
            text = _MARK_RX.sub(lambda m: _placed(m.string, m.start()), text)
            text = text.replace(_BAR, "—")
        if "“" in text or "‘" in text:
            text = _HIGH_CLOSING.sub(lambda m: _HIGH_CLOSER[m.group()], text)
    if "--" in text:
        return _dashes(text)
    return Retyped(text)


def _placed(text: str, at: int) -> str:
    """The curly mark that the quote mark at `text[at]` is, by where it stands."""
    opener, closer, opens = _PLACED[text[at]]
    before = text[at - 1] if at else " "
    after = text[at + 1] if at + 1 < len(text) else " "
    open_place = before in _OPEN_AFTER and after not in _CLOSE_BEFORE
    close_place = before not in _OPEN_AFTER and after in _CLOSE_BEFORE
    if open_place != close_place:
        opens = open_place
    return opener if opens else closer


def _dashes(text: str) -> Retyped:
    """Each double hyphen a dash, with where every character came from."""
    if not _HYPHENS.search(text):
        return Retyped(text)
    parts: list[str] = []
    origin: list[int] = []
    last = 0
    for match in _HYPHENS.finditer(text):
        start, end = match.span()
        parts.append(text[last:start])
        origin.extend(range(last, start))
        parts.append("—")
        origin.append(start)
        last = end
    parts.append(text[last:])
    origin.extend(range(last, len(text) + 1))
    return Retyped("".join(parts), tuple(origin))


def page_view(article: Article) -> Article:
    """`article` as the page's source rules read it (reader.classify.sources.page_source):
    the lines they read for what they say retyped (the one under the title and the last two:
    a signature, a date line, "Source -- NATO"); the others are only searched for a site's
    address, which no row of the table changes, so a long article costs nothing here. An
    article whose lines are in the house style already is itself (most are: no copy made)."""
    blocks = list(article.blocks)
    changed = False
    for k in {1, len(blocks) - 2, len(blocks) - 1}:
        if 0 <= k < len(blocks) and (text := retype(blocks[k].text).text) != blocks[k].text:
            blocks[k] = replace(blocks[k], text=text)
            changed = True
    return replace(article, blocks=tuple(blocks)) if changed else article
