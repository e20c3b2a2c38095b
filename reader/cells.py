"""How many terminal cells text takes: the ONE measure that wrapping and painting both use.

When the wrapper and the painter measured differently, a line the wrapper thought fitted was
cropped by the painter, and a soft hyphen or an emoji with a variation selector cost the last
cells of a line. So `reader.viewmodel.layout.wrap_starts` wraps with `cells`, and `reader.ui.paint`
pads with `cells` and hands Textual strips whose length it states, so nothing re-measures them.

The measure, per character (`char_cells`): 0 for combining and format marks, conjoining Hangul
vowels and finals, emoji skin-tone modifiers and anything after a zero-width joiner (it joins
the previous picture); 2 for East Asian wide and full-width characters; 1 otherwise.
`reader.viewmodel.layout.display_text` replaces what terminals disagree on (a soft hyphen is
shown as a zero-width space, an emoji variation selector as the text one), so the screen agrees too.

Most text is Latin, Cyrillic or Greek with typographic punctuation: `is_single` recognises
such text with one regex search, so it is measured by `len`.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

ZERO_WIDTH_JOINER = "\u200d"

# Ranges where every character takes exactly one cell (checked over every code point by
# tests/test_cells.py): Latin, IPA, Greek, Cyrillic, Armenian, general punctuation, currency,
# letterlike symbols, arrows, control pictures, box drawing and the replacement character.
_NOT_ALL_SINGLE = re.compile(
    "[^\u0020-\u007e\u00a0-\u00ac\u00ae-\u02ff\u0370-\u0377\u037a-\u037f\u0384-\u038a"
    "\u038c\u038e-\u03a1\u03a3-\u0482\u048a-\u052f\u0531-\u0556\u0559-\u058a"
    "\u2010-\u2027\u2030-\u205e\u20a0-\u20c0\u2100-\u214f\u2190-\u21ff\u2400-\u2426"
    "\u2500-\u25fc\ufffd]"
)

_ZERO_RANGES = (
    (0x1160, 0x11FF),  # Hangul vowels and finals: they join the syllable before them
    (0xD7B0, 0xD7FF),
    (0x1F3FB, 0x1F3FF),  # skin-tone modifiers: they change the emoji before them
)


@lru_cache(maxsize=8192)
def char_cells(char: str) -> int:
    """Cells one character takes on its own (see the module docstring)."""
    code = ord(char)
    if code < 0x300:
        return 0 if code == 0xAD else 1
    if any(low <= code <= high for low, high in _ZERO_RANGES):
        return 0
    if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def is_single(text: str) -> bool:
    """True when every character of `text` takes exactly one cell (so cells == len)."""
    return text.isascii() or _NOT_ALL_SINGLE.search(text) is None


def is_plain(text: str) -> bool:
    """True when `text` is only printable one-cell characters: no control, line break or
    format character, nothing wide (what most article text is; one regex scan)."""
    return _NOT_ALL_SINGLE.search(text) is None


def widths(text: str) -> list[int]:
    """The cells each character of `text` takes in place: a character after a zero-width
    joiner takes none."""
    result = [char_cells(char) for char in text]
    if ZERO_WIDTH_JOINER in text:
        for index in range(1, len(text)):
            if text[index - 1] == ZERO_WIDTH_JOINER:
                result[index] = 0
    return result


def cells(text: str) -> int:
    """Cells `text` takes on a terminal: what the wrapper fits and the painter pads."""
    if is_single(text):
        return len(text)
    return sum(widths(text))


__all__ = ["ZERO_WIDTH_JOINER", "cells", "char_cells", "is_plain", "is_single", "widths"]
