"""Plain text: paragraphs from blank lines, line lengths and punctuation.

Plain text arrives in two shapes, and both must give one block per paragraph:
- one paragraph per line (the seed, most scraped articles), with or without blank lines
  between them: a line is a paragraph, however long;
- hard-wrapped text (email, 72-column files): several short lines per paragraph, usually
  with blank lines between paragraphs: the lines of a group are joined with single spaces.

So text is cut at blank lines into groups, and each group of several lines is judged:
- when at least half its lines are longer than `LONG_LINE` characters nobody wrapped it
  (wrapping stops near 80 columns): every line is its own paragraph;
- when no line breaks mid-sentence where the next word would not have fitted (the one mark
  a wrapping tool always leaves: it breaks only at the column, and sentences rarely end
  there on every line), nobody wrapped it either: every line is its own paragraph, so lines
  that each end a sentence are never merged, however similar their lengths;
- otherwise it is wrapped text, joined into one paragraph, except where a new paragraph plainly
  starts without a blank line: a line that ends a sentence although the next line's first word
  would still have fitted on it (the group's longest line gives the width; a wrapping tool
  never breaks early, a writer ending a paragraph does) before a capital, digit or quote; an
  indented line in a group that is not all indented; a bullet ("- ", "* ", "• ").

The first block is the title when it stands alone before a blank line, is shorter than
`TITLE_MAX` characters and does not end with a full stop (headlines do not). An official
document's title names the speaker, the office, the occasion, the place and the date ("Statement
by the Permanent Representative of ... at the ... meeting on ..., Vienna, May 25, 2017") and
runs longer: up to `LONG_TITLE_MAX` when it ends with no sentence mark at all, as no paragraph
does.
"""

from __future__ import annotations

from itertools import pairwise

from reader.model import Article, BlockKind
from reader.parse import assemble

LONG_LINE = 100
TITLE_MAX = 200
LONG_TITLE_MAX = 320
_SENTENCE_END = tuple('.!?…"”’»)')
_PARAGRAPH_START = tuple("\"“‘«'—–(")
_BULLETS = ("- ", "* ", "• ", "· ")

_Paragraph = tuple[str, int]


def parse_text(text: str, source: str = "<text>") -> Article:
    """The blocks of a plain-text article; see the module docstring for the rules."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    paragraphs: list[_Paragraph] = []
    first_group_lines = 0
    group: list[str] = []
    start = 0
    for number, raw in enumerate(text.split("\n"), 1):
        if raw and not raw.isspace():
            if not group:
                start = number
            group.append(raw)
            continue
        if group:
            if not paragraphs:
                first_group_lines = len(group)
            _split_group(group, start, paragraphs)
            group = []
    if group:
        if not paragraphs:
            first_group_lines = len(group)
        _split_group(group, start, paragraphs)

    title: _Paragraph | None = None
    if first_group_lines == 1 and len(paragraphs) > 1 and _looks_like_title(paragraphs[0][0]):
        title = paragraphs[0]
        paragraphs = paragraphs[1:]
    kind: BlockKind = "paragraph"
    return assemble(source, title, ((kind, body, line) for body, line in paragraphs))


def _looks_like_title(line: str) -> bool:
    if line.endswith(".") and not line.endswith("..."):
        return False
    if len(line) < TITLE_MAX:
        return True
    return len(line) < LONG_TITLE_MAX and not line.endswith(_SENTENCE_END)


def _next_word_would_fit(line: str, following: str, width: int) -> bool:
    """Whether a wrapping tool at `width` columns would have kept `following`'s first word on
    `line`: if so, the line break was a writer's, not the tool's."""
    return len(line) + 1 + len(following.split(None, 1)[0]) <= width


def _wrapped(lines: list[str], width: int) -> bool:
    """True when some line ends mid-sentence exactly where a wrapping tool would break."""
    return any(
        not before.endswith(_SENTENCE_END) and not _next_word_would_fit(before, line, width)
        for before, line in pairwise(lines)
    )


def _split_group(group: list[str], start: int, out: list[_Paragraph]) -> None:
    """Append the paragraphs of one blank-line-separated group of lines starting at `start`."""
    if len(group) == 1:
        out.append((group[0].strip(), start))
        return
    lines = [raw.strip() for raw in group]
    long_lines = sum(1 for line in lines if len(line) > LONG_LINE)
    width = max(len(line) for line in lines)
    if 2 * long_lines >= len(lines) or not _wrapped(lines, width):
        out.extend((line, start + offset) for offset, line in enumerate(lines))
        return

    indented = [raw[0] in " \t" for raw in group]
    all_indented = all(indented)
    current = [lines[0]]
    current_start = start
    for offset in range(1, len(lines)):
        before, line = lines[offset - 1], lines[offset]
        if (
            (indented[offset] and not all_indented)
            or line.startswith(_BULLETS)
            or (
                before.endswith(_SENTENCE_END)
                and (line[0].isupper() or line[0].isdigit() or line.startswith(_PARAGRAPH_START))
                and _next_word_would_fit(before, line, width)
            )
        ):
            out.append((" ".join(current), current_start))
            current = [line]
            current_start = start + offset
        else:
            current.append(line)
    out.append((" ".join(current), current_start))
