"""Single quote marks that open and close a quote, read as double ones (a step before the scan).

Why: British papers, headlines everywhere and some wires set a quote in single marks ("‘We
will not retreat,’ the minister said", "Kremlin says talks 'impossible'"), and the same marks
are apostrophes ("Russia’s", "don’t", "the allies’ position", "the ’90s", "'em"). Every later
step reads a quote by its double marks, so `double_quoted` rewrites the single marks of a
quote as double ones, one character for one (every offset stays the block's own), and
leaves every apostrophe as it is. How a mark is read, from the characters around it:

- an opening mark (‘ or ') at a word's start: after the start, a space, an opening bracket,
  a dash or a double opening mark, with a letter or digit right after it; an elision is no
  quote ("’90s", "'em", "’til"); a closing mark set where an opening one belongs opens one
  before a capital ("’Every partner ...’", as `units.quoted_spans` reads ”);
- a closing mark (’ or ') at a word's end: after no space, with the end, a space or a stop
  right after it; a mark between two letters ("Kyiv’s", "don’t") is an apostrophe;
- a plural's possessive ("the allies’ position": after an s, a word next) closes a quote only
  where one is open and no closing mark later in the block is left for it;
- a closing mark closes the last quote opened (a quote inside a quote: "‘He said ‘no’ ...’");
  only the outermost pairs are rewritten, and a pair inside a double-quoted quote stays as
  it is (the double one's nested quote); double marks inside a rewritten quote become single
  ones (the British nesting "‘He called it “a farce”,’ she said" read as the American one);
- a paragraph that opens a quote it never closes ("‘Any scenario ... is unacceptable.", "Quote:
  'We have ...") opens it when a capital follows, at its start or after a colon, as a quote
  runs on over paragraphs; one that closes a quote it
  never opened first thing after a stop ("... a commitment,’ he said") closes it.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator

from reader.classify.units import quoted_spans

_SINGLE = re.compile("[‘’']")
_OPEN, _CLOSE, _PLURAL = 1, 2, 3  # how a mark reads (`_kind`); 0: an apostrophe
_OPEN_AFTER = frozenset(' \t\n([{—–-/“"«')
_CLOSE_BEFORE = frozenset(" \t\n,.;:!?)]}—–-/”\"»…’'")
_ELISION = re.compile(r"(?:\d\d(?:s\b|\b)|(?:em|tis|til|twas|cause|n)\b)", re.IGNORECASE)
# An opening ‘ typed onto the word before ("Secretary Austin‘reiterated ...’"): a word, not
# an apostrophe's ending set with the wrong mark ("Russia‘s", "don‘t", "we‘ll").
_TYPED_ON = re.compile(r"(?!(?:s|t|d|m|ll|re|ve)\b)[a-z]", re.IGNORECASE)
_STOPS = frozenset(",.!?;:…")
_SWAP = str.maketrans({"“": "‘", "”": "’", '"': "'"})


def _kind(text: str, i: int) -> int:
    """How the single mark at `i` reads: opening, closing, a plural's possessive, else 0."""
    before = text[i - 1] if i else " "
    after = text[i + 1 : i + 2]
    if _opens(text, i, before, after):
        return 0 if _ELISION.match(text, i + 1) else _OPEN
    if before.isspace() or text[i] == "‘" or after.isalnum():
        return 0
    if after and after not in _CLOSE_BEFORE:
        return 0
    if before in "sS" and after == " " and text[i + 2 : i + 3].isalpha():
        return _PLURAL
    return _CLOSE


def _opens(text: str, i: int, before: str, after: str) -> bool:
    """The mark at `i` stands where a quote opens: at a word's start, a word right after it
    (a ’ only before a capital), or a ‘ typed onto the word before."""
    if not (after.isalnum() or (after and after in "[(…")):
        return False
    if text[i] == "’":
        return after.isupper() and before in _OPEN_AFTER
    return before in _OPEN_AFTER or (text[i] == "‘" and _TYPED_ON.match(text, i + 1) is not None)


def _runs_on(text: str, i: int) -> bool:
    """An opening mark left open at `i` opens a quote that runs on into the next paragraph:
    a capital after it, at the paragraph's start or after a colon ("Quote: 'We have ...")."""
    return text[i + 1 : i + 2].isupper() and (i == 0 or text[:i].rstrip().endswith(":"))


def _pairs(marks: list[tuple[int, int]]) -> tuple[list[tuple[int, int]], list[int], list[int]]:
    """The quotes the marks pair into (opening, closing offsets), the opening marks left open
    and the closing marks that closed nothing."""
    pairs: list[tuple[int, int]] = []
    open_at: list[int] = []
    strays: list[int] = []
    left = _closers_left(marks)
    for k, (i, kind) in enumerate(marks):
        if kind == _OPEN:
            open_at.append(i)
        elif kind == _PLURAL and (not open_at or left[k] >= len(open_at)):
            continue  # "the allies’ position", or inside a quote a later mark closes
        elif open_at:
            pairs.append((open_at.pop(), i))
        else:
            strays.append(i)
    return pairs, open_at, strays


def _closers_left(marks: list[tuple[int, int]]) -> list[int]:
    """For each mark, the closing marks after it up to the next opening one (one pass back)."""
    left = [0] * len(marks)
    count = 0
    for k in range(len(marks) - 1, -1, -1):
        left[k] = count
        kind = marks[k][1]
        count = 0 if kind == _OPEN else count + (kind == _CLOSE)
    return left


def _outermost(
    pairs: list[tuple[int, int]], doubles: list[tuple[int, int]]
) -> Iterator[tuple[int, int]]:
    """The pairs inside no other pair and no double-quoted quote (whose nested quotes keep
    their single marks). The pairs nest, as a stack pairs them; the double quotes are apart."""
    starts = [s for s, _ in doubles]
    reach = -2
    for start, end in sorted(pairs):
        if end < reach:
            continue
        reach = end
        k = bisect_left(starts, start) - 1
        if k < 0 or doubles[k][1] <= end:
            yield start, end


def double_quoted(text: str) -> str:
    """`text` with the single marks that open and close a quote made double ones, a curly mark
    a curly one (‘ “, ’ ”), a straight one a straight one (see the module's docstring)."""
    if _SINGLE.search(text) is None:
        return text
    marks = [(m.start(), _kind(text, m.start())) for m in _SINGLE.finditer(text)]
    marks = [mark for mark in marks if mark[1]]
    if not marks:
        return text
    pairs, left_open, strays = _pairs(marks)
    if left_open and _runs_on(text, left_open[0]):
        pairs.append((left_open[0], len(text)))  # a quote that runs on into the next paragraph
    if strays and strays[0] == marks[0][0] and text[strays[0] - 1] in _STOPS:
        pairs.append((-1, strays[0]))  # the close of a quote from the paragraph before
    doubles = quoted_spans(text)
    chars = list(text)
    for start, end in _outermost(pairs, doubles):
        if start >= 0:
            chars[start] = '"' if text[start] == "'" else "“"
        if end < len(text):
            chars[end] = '"' if text[end] == "'" else "”"
        chars[start + 1 : end] = "".join(chars[start + 1 : end]).translate(_SWAP)
    return "".join(chars)
