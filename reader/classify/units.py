"""The text units the attribution grammar works on: tokens, sentences and quoted spans.

Why a module of its own: every later step (noun phrases, speech verbs, carry-over) reads a block
as a list of units, where a unit is a token or a whole lexicon term ("kremlin spokesman",
"the bloc's"), and needs to know which sentence and which quote an offset falls in. Offsets
always refer to the block's text; the folded (lower-cased) copy has the same length.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from operator import itemgetter

from reader.classify.types import END, LOW, START, TITLE_ABBREVIATIONS, BlockWork, Unit
from reader.classify.wordclasses import MONTH_ABBREVIATIONS, OFFICES
from reader.rules.compile import Term

_TOKEN = re.compile(r"\w+(?:[-'’.]\w+)*-?|[^\w\s]")
_SENTENCE_END = re.compile(r"[.!?…]+[\"”’»)]*\s+(?=[\"“‘«(]?[A-Z0-9])")
_ABBREVIATION = re.compile(
    r"(?:\b[A-Z]|\b(?:"
    + "|".join(sorted(word.capitalize() for word in TITLE_ABBREVIATIONS))
    + "|"
    + "|".join(sorted(word.capitalize() for word in MONTH_ABBREVIATIONS))
    + r"|Vol|vs|etc|U\.S|U\.K|U\.N|E\.U))\.$"
)
# "No." abbreviates "number" only before one ("No. 10 said"); "Peskov said: No. The ..." ends.
_NUMBER_SIGN = re.compile(r"\bNo\.$")
# A label's character: no stop or quote mark, but a given name's initial and its full stop
# before the surname ("L. Surname:", "M.Surname:", the way ministries' sites name a speaker).
_LABEL_CHAR = r"(?:(?<![\w.])[A-Z]\.(?=\s?[A-Z])|[^:.!?\"“”«»])"
# "Mark Rutte: ..." (a speaker's line) and "Headline - Source" (a headline's source).
COLON_PREFIX = re.compile(rf"({_LABEL_CHAR}{{1,80}}?):\s+\S")
# A speaker's label alone on its line, the words after it in the next paragraphs: "<name>:".
BARE_LABEL = re.compile(rf"({_LABEL_CHAR}{{3,80}}?):\s*")
# A headline's source after a spaced dash ("... - Kremlin"), or a wire's hyphen run on to a
# capitalised source ("... NATO bids -Kremlin"); a quote's closing mark may take the space
# before the dash ("... a 'dead end'- Russian MFA").
DASH_SUFFIX = re.compile(r"(?:\s|(?<=[’'”\"»]))(?:[–—-]\s+|-(?=[A-Z]))([^–—]{1,60}?)\s*$")
# A paragraph set as a headline with its source after a dash ("'...' - <name>") is no longer.
_SUBHEADING_CHARS = 200


def subheading_dash(text: str) -> re.Match[str] | None:
    """The spaced dash and the source that close a short paragraph set as a headline ("'...'
    - <name>", "<Title Case Words> - <office>", a quote's tag '"..." – <name>.'); None for
    most paragraphs, which end a sentence with no quote opening them, or hold no dash at all
    (checked first: the search tries every space)."""
    if len(text) > _SUBHEADING_CHARS or not ("-" in text or "–" in text or "—" in text):
        return None  # (the dashes `DASH_SUFFIX` needs one of)
    text = text.rstrip()
    last = text[-1:]
    if not last or last in "!?:,;":
        return None
    if last == ".":
        if text[:1] not in "\"“«‘'":
            return None
        text = text[:-1]
    return DASH_SUFFIX.search(text)


_unit_start = itemgetter(START)

# A speaker named as the owner of the words or the view a sentence gives (on folded text):
# "In her opinion, ...", "In Zakharova's words, ...", "As Peskov put it, ...", "Zelensky's
# message was clear: ...". The group `owner` holds the speaker's words.
_WORD = r"[^\s,.;:!?\"“”«»()]+"
# A word of an owner's phrase before its possessive, never the clause that reports it: in "He
# asserted that NATO's message is clear:" the owner is NATO, not "he asserted that NATO".
_OWNER_WORD = rf"(?!(?:that|said|says)\s){_WORD}"
OWN_WORDS = re.compile(
    rf"\bin\s+(?P<owner>his|her|their|its|(?:{_WORD}\s+){{0,3}}?{_WORD}(?:'s|s'))\s+(?:own\s+)?"
    r"(?:words|view|opinion|estimation|assessment)(?=\s*,)"
    rf"|\b(?:as|how)\s+(?P<put>(?:{_WORD}\s+){{0,3}}?{_WORD})\s+put\s+it\b"
    rf"|\b(?P<noun>his|her|their|its|(?:{_OWNER_WORD}\s+){{0,3}}?{_WORD}(?:'s|s'))\s+"
    r"(?:words|message|answer|reply|verdict)"
    r"(?:\s+(?:was|is|were)(?:\s+[a-z]+){0,2})?(?=\s*:)"
)
# Words one of OWN_WORDS's forms holds: a block with none of them is not searched.
OWN_WORDS_HINT = re.compile(
    "words|view|opinion|estimation|assessment|put it|message|answer|reply|verdict"
)


def in_spans(pos: int, spans: Sequence[tuple[int, int]]) -> bool:
    """Whether offset `pos` falls in one of `spans`, which are sorted and disjoint (quotes,
    sentences): one bisection, however many spans a long block holds."""
    i = bisect_right(spans, (pos, _FAR)) - 1
    return i >= 0 and pos < spans[i][1]


_FAR = 1 << 62


def merged(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """The union of `spans` as sorted, disjoint spans, for `in_spans` (exclusions come from
    several scans, out of order and overlapping)."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if end <= start:
            continue  # covers nothing
        if out and start < out[-1][1]:
            if end > out[-1][1]:
                out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


def tokenise(
    text: str,
    folded: str,
    terms: list[tuple[int, int, Term]],
    check: Callable[[], None] | None = None,
) -> tuple[list[Unit], list[int], list[int]]:
    """The units of a block, their start offsets and the indices of the lexicon terms among
    them: tokens, with each lexicon term (and a possessive 's after it) merged into one unit.

    The tokens are made in one comprehension; each term then replaces the tokens it covers
    (found by bisection), so the Python work per block is per term, not per token. A term
    merges at the first token that starts inside it; one that starts inside a token ("ex-NATO"
    is one token) and ends there is not a unit of its own.
    """
    units: list[Unit] = []
    for pos, end in _windows(folded, check):
        units += [
            (start, m.end(), m.group(), None, text[start].isupper())
            for m in _TOKEN.finditer(folded, pos, end)
            for start in (m.start(),)  # bound once: the comprehension runs per token
        ]
    starts = list(map(_unit_start, units))
    if not terms:
        return units, starts, []
    n = len(units)
    out: list[Unit] = []
    out_starts: list[int] = []
    term_at: list[int] = []
    extend, extend_starts, append = out.extend, out_starts.extend, out.append  # bound once
    k = 0  # the next token not yet emitted or covered
    for t_start, t_end, term in terms:
        j = bisect_left(starts, t_start, k)
        ex = _after_ex(units, starts, j, k, t_start, t_end, term)
        if ex:
            j -= 1  # the "ex-" token: its prefix a unit of its own, the office the rest
        elif j >= n or starts[j] >= t_end:
            continue
        if j > k:
            extend(units[k:j])
            extend_starts(starts[k:j])
        if ex:
            append((t_start - _EX, t_start, "ex-", None, text[t_start - _EX].isupper()))
            out_starts.append(t_start - _EX)
        # keep a possessive with its term: "the bloc's", "Ukraine's"
        stop = t_end
        if folded.startswith("'s", t_end) and not folded[t_end + 2 : t_end + 3].isalnum():
            stop = t_end + 2
        term_at.append(len(out))
        append((t_start, stop, folded[t_start:stop], term, text[t_start].isupper()))
        out_starts.append(t_start)
        k = bisect_left(starts, stop, j)
    out.extend(units[k:])
    out_starts.extend(starts[k:])
    return out, out_starts, term_at


def _after_ex(
    units: list[Unit], starts: list[int], j: int, k: int, t_start: int, t_end: int, term: Term
) -> bool:
    """Whether the office or speaker `term` starts right after the "ex-" that opens a token
    ("ex-president", "ex-foreign minister"): an office someone held, read as "former <office>"
    is; another term inside a token ("ex-NATO" in "an ex-NATO official") is no unit."""
    if j - 1 < k or starts[j - 1] != t_start - _EX or term.kind not in OFFICES:
        return False
    token = units[j - 1]
    return token[LOW].startswith("ex-") and token[END] <= t_end


_EX = len("ex-")


_DOUBLE_MARK = re.compile('[“”«»"]')


def quoted_spans(text: str, runs_on: bool = False) -> list[tuple[int, int]]:
    """Spans of quoted text, quote marks included. An unclosed quote runs to the block's end.
    The marks are double ones: a quote's single marks are made double ones before
    (`marks.double_quoted`), as they are apostrophes too.
    `runs_on`: the paragraph before ended inside a quote it opened (`ends_open`), so a first
    mark set where a quote closes ('... a commitment," he said') closes that quote, which
    runs from the block's start: outlets that leave out the mark a continued paragraph opens
    with still close the quote where it ends."""
    if _DOUBLE_MARK.search(text) is None:
        return []
    spans: list[tuple[int, int]] = []
    open_at = -1
    closer = ""
    n = len(text)
    last_curly = text.rfind("”")
    if runs_on:
        open_at, closer = _run_on(text)
    for m in _DOUBLE_MARK.finditer(text):
        i = m.start()
        ch = text[i]
        if open_at < 0:
            if ch == "“":
                open_at, closer = i, "”"
            elif ch == "«":
                open_at, closer = i, "»"
            elif ch == '"':
                open_at, closer = i, '"'
            elif ch == "”" and _opens(text, i):
                open_at, closer = i, "”"  # a closing mark set where an opening one belongs
        elif (ch in closer or (closer == "”" and ch == '"' and i > last_curly)) and i > open_at:
            # (a straight mark closes a curly quote the block never closes with its own mark:
            # '“The supply of weapons is dangerous," - X said', the two marks typed apart)
            spans.append((open_at, i + 1))
            open_at = -1
    if open_at >= 0:
        spans.append((open_at, n))
    return spans


def _run_on(text: str) -> tuple[int, str]:
    """Where the quote of the paragraph before stands open in this one, and the mark that
    closes it: from the start (0) when the first double mark is a closing one set where a
    quote closes, else (-1, "")."""
    first = _DOUBLE_MARK.search(text)
    if first is not None and first.group() in CLOSERS and _closes(text, first.start()):
        return 0, first.group()
    return -1, ""


# The double marks that open and close a quote (single ones are apostrophes too).
_OPENERS = '“"«'
CLOSERS = '”"»'


def ends_open(text: str, spans: list[tuple[int, int]]) -> bool:
    """The block ends inside a quote it opened ("“We will not ..." with no closing mark): by
    typographic convention the quote runs on into the next paragraph."""
    if not spans:
        return False
    start, end = spans[-1]
    return end == len(text) and opens_quote(text[start:]) and text.rstrip()[-1:] not in CLOSERS


def opens_quote(text: str) -> bool:
    """`text` opens with a quote mark: an opening one, or a closing ” set where an opening one
    belongs ("”We will win" is a quote, as `quoted_spans` reads it)."""
    return text[:1] in _OPENERS or (text[:1] == "”" and text[1:2].isalnum())


def _closes(text: str, i: int) -> bool:
    """A double mark at `i` that stands where a quote closes: right after a word or a stop, with
    no word right after it ('... a commitment," he said', '... the civilised world.”')."""
    return i > 0 and not text[i - 1].isspace() and not text[i + 1 : i + 2].isalnum()


def _opens(text: str, i: int) -> bool:
    """A mark at `i` that stands where a quote opens: at the start or after a space, a colon or
    a bracket, with a word right after it ("”We will win,” he said")."""
    before = text[i - 1] if i else " "
    return (before.isspace() or before in "(:[") and text[i + 1 : i + 2].isalnum()


# A block longer than this is tokenised a window at a time, with a cancel check between.
_WINDOW = 1 << 16


def _windows(folded: str, check: Callable[[], None] | None) -> Iterator[tuple[int, int]]:
    """[start, end) windows over `folded`, cut at a space (no token holds one), calling
    `check` before each: one window for all but the longest blocks."""
    pos, n = 0, len(folded)
    while pos < n:
        if check is not None:
            check()
        end = n if n - pos <= _WINDOW else folded.find(" ", pos + _WINDOW)
        end = n if end < 0 else end
        yield pos, end
        pos = end


def sentence_spans(text: str, check: Callable[[], None] | None = None) -> list[tuple[int, int]]:
    """The sentences of a block as [start, end) spans (`check`: see `tokenise`)."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        if check is not None and len(spans) % 4096 == 4095:
            check()
        head = text[max(start, m.start() - 6) : m.start() + 1]
        if _ABBREVIATION.search(head) or (
            _NUMBER_SIGN.search(head) and text[m.end() : m.end() + 1].isdigit()
        ):
            continue
        spans.append((start, m.end()))
        start = m.end()
    spans.append((start, len(text)))
    return spans


# A briefing's or a meeting's cast: "Hosts: the Prime Minister X, the Foreign Minister Y, ...",
# "Participants: ...": those taking part, listed under a plural label; no speaker's label
# (a transcript's is one speaker's) and no one's words.
# Verbs the narrator reports someone with; a statement's own prose, or a reposted release's,
# takes stances instead (reader.classify.document, reader.classify.authorship).
REPORTING = frozenset(["say", "tell", "add", "report", "write", "note", "state"])

CAST_LINE = re.compile(r"\W*(?:hosts|participants|speakers|panel(?:l)?ists|attendees|present)\s*:")

# A line that is a question put to the speaker of a transcript ("Do you expect ...?"): "you"
# in its last sentence, a question mark at its end. A journalist's, not the speaker's.
ASKS_SPEAKER = re.compile(r"\byou(?:r)?\b[^.!]*\?\W*\Z")


def section_heading(work: BlockWork) -> bool:
    """A short line with no sentence's end and no speech or stance verb: a heading inside
    one speaker's remarks or listed statements ("Ukrainian crisis update", "On the situation
    around the plant", a topic's hashtag "#Sanctions", a quoted term's "'Buffer' zone"), or
    an interview's topic heading before the answer (`topic_heading`)."""
    text = work.text.rstrip()
    return topic_heading(work) or (
        not work.verbs
        and len(text.split()) <= _HEADING_WORDS
        and not text.endswith((".", "!", "?", ":", ",", ";", '"', "”", "’", "'", ")", "…"))
        and text.lstrip("#'\"‘“«")[:1].isupper()
    )


_HEADING_WORDS = 10


def topic_heading(work: BlockWork) -> bool:
    """A line that names a topic after "On", "About" or "Regarding" and ends in a colon, with
    no comma and no speaker of its own ("On Tuesday's sanctions:", "On seeking U.S. military
    aid and closer ties with the alliance:"): an interview's or a Q&A's heading, the answer
    after it the speaker's; the heading is no one's words ("On Monday the minister said:"
    names its speaker)."""
    return not work.main and _TOPIC_HEADING.fullmatch(work.text.strip()) is not None


# "On <topic>:", the topic with no comma, no sentence's end (an abbreviation's stops aside:
# "U.S. aid").
_TOPIC_HEADING = re.compile(
    r"\W*(?:On|About|Regarding|Concerning)\s+(?:[^,;.!?:\"“”]|\.(?=\w|\s+[a-z])){2,200}:"
)


def names_statement(work: BlockWork) -> bool:
    """A line under the title that names a statement and who made it ("Statement by Denmark
    at the Permanent Council ...", "Press statement by <name>, spokesperson ...", "Ambassador
    X's statement to the OSCE in reply to ...", "Ambassador X's answer to a media
    question"): an attribution-only line, which carries its
    speaker as "X said:" does (GUIDE.md). A spoken occasion's name ("Press conference by X",
    "Remarks by X at ...") only names the document."""
    return _NAMES_STATEMENT.match(work.folded) is not None


# A statement's genre and its speaker, or the speaker's possessive before it.
_NAMES_STATEMENT = re.compile(
    r"\W*(?:(?:joint|written|official|press)\s+)?(?:statement|answer|reply|response|comment|commentary)"
    r"\s+(?:by|of|from)\s"
    r"|\W*(?:[\w.-]+\s+){0,6}?[\w.-]+['’]s\s+(?:(?:joint|written|official)\s+)?"
    r"(?:statement|answer|reply|response|comment|commentary)\s+(?:to|at|on|in|before|following)\s"
)


def first_person(
    work: BlockWork, end: int | None = None, skip: re.Pattern[str] | None = None
) -> bool:
    """The author's own "we", "our", "I" outside quotes (in the text's own case: "US" is no
    "us"; "World War I" is no "I"), before `end` when given; one where `skip` matches is not
    counted."""
    quotes = work.quotes
    text = work.text
    for match in FIRST_PERSON.finditer(text, 0, len(text) if end is None else end):
        if quotes and in_spans(match.start(), quotes):
            continue
        if skip is not None and skip.match(text, match.start()):
            continue
        start, word = match.start(), match.group()
        if word == "I" and _NOT_PRONOUN_I.search(text, max(0, start - 12), start):
            continue
        if word == "us" and work.written_lower:
            continue  # a headline made of a URL's words: "us envoy ..." is the US
        return True
    return False


# The first person in the text's own case ("US" is the country, "I" a pronoun): the one
# definition; the two below are built from it and say how they differ.
_FIRST_PERSON_WORDS = r"[Ww]e|[Oo]urs?|us|I|[Mm]y"
FIRST_PERSON = re.compile(rf"\b(?:{_FIRST_PERSON_WORDS})\b")
_NOT_PRONOUN_I = re.compile(r"(?:\b(?:[Ww]ar|[Pp]hase|[Pp]art|[Ss]tage|[Cc]hapter)|[A-Z]\.?)\s*\Z")

# The same words and "me", for a statement's own voice (`document`: a statement's paragraphs,
# the line an author waits for): "let me be clear", "join me" speak as the speaker does.
# `first_person` (a line's author, outside quotes) has never counted "me"; the two stay apart
# by name so that widening either is a decision, not a side effect.
FIRST_PERSON_OR_ME = re.compile(rf"\b(?:{_FIRST_PERSON_WORDS}|[Mm]e)\b")

# The same words in folded (lower-cased) text, so blind to case: "US" and the "I" of "World
# War I" count there too. For a side's own terms, found in folded text and read at its offsets
# (`document._first_person_side`): a first person anywhere outside quotes backs them.
FIRST_PERSON_FOLDED = re.compile(rf"\b(?:{_FIRST_PERSON_WORDS.lower()})\b")


# The exclusion of a comment withheld ("declined to comment", "avoids commenting").
_NO_COMMENT = "exclusion.no-comment"


def withheld(work: BlockWork) -> bool:
    """A line that only tells a comment withheld ("The ministry avoids commenting on ...", "The
    embassy declined to comment on the arrests"): one sentence whose every speech or stance
    verb lies in a no-comment exclusion, so the author of the document it is in says nothing."""
    if _NO_COMMENT not in work.rules or len(work.sentences) != 1:
        return False
    excluded = merged(work.excluded)
    return all(in_spans(start, excluded) for start, _, _ in work.verbs)
