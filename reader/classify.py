"""Label every block of an article with the actors whose viewpoint it carries.

Not who is mentioned: whose position the block reports. "Russia rejected the truce, saying
Ukraine and its NATO backers would rearm" is Russia's block; NATO and Ukraine are only named
inside Russia's words. The classifier is a small grammar over lexicons from the config:

1. Split the block into sentences and find quoted spans: framing terms and mentions inside
   quotes are the speaker's words, not the narrator's.
2. Attribution: for each speech or stance verb ("said", "has warned", "rejects", ", saying"),
   find its subject: the noun phrase before it (skipping "has", "also", "on Tuesday" and
   parentheticals such as ", asked about the criticism,"), the phrase after it in inversions
   ("..., said Peskov"), the source after "according to", or the speaker before a colon
   ("Mark Rutte: ..."). The phrase is resolved to an actor through the lexicons: an alias
   ("Moscow"), a speaker ("Peskov"), an adjective or alias before a role ("Russian Foreign
   Minister", "Kremlin spokesman"), a role with "of"/"in" ("a source in the SBU"), a name the
   article has tied to an actor before ("Senator Lindsey Graham" ... "Graham said"). A named
   person who is none of the actors ("Foreign Minister Hakan Fidan") is a speaker too: no label,
   but he stops carry-over.
3. Reported positions: a speech verb inside another speaker's words (the rest of the sentence
   after "said", a quote, the clause after "according to X") with a different actor as subject
   gives that actor a weaker label ("Zelensky said Trump had told him ..." -> ukraine, nato).
   Stance verbs there are the speaker's claim about others and count nothing ("Yermak said
   Russia does not want peace" -> ukraine).
4. Carry-over: "he said", "the minister stressed" and a quote with no attribution take the last
   named speaker (within `carry_distance` blocks, and never past another named speaker; a role
   takes the last speaker named with that role). A transcript line "Name: ..." puts the following
   unprefixed blocks in that speaker's voice until the next "Name:" line.
5. Framing terms in the narrator's voice and plain mentions add a little score: they order
   labels but never make one.
6. Exclusion spans ("what Moscow calls ...", "pro-Russian") suppress every match inside them.
7. Document voice: an official document (its title says statement, declaration, readout,
   press conference...) is in its author's voice: the author its title names ("Statement of
   the Ministry of Foreign Affairs of Ukraine"), else the subject of a readout's "had a
   telephone conversation with", a declaration's "We, the Heads of State ... of the North
   Atlantic Alliance", or the first named speaker. Its lines with no speaker of their own
   ("We call on ...", "Allies will ...", "It was agreed ...") are the author's; where the title
   or a readout names the author, the positions it reports of others come after the author's.

API: `classify` (a whole article), `classify_iter` (verdicts in block order, as they are made,
for a progressive display) and `classify_report` (also the problems met: rule-file regexes that
ran out of their time budget and were switched off).

Speed: blocks are taken in chunks; each chunk's text is folded once and scanned once per
combined pattern (reader.rules.compile), the matches shared out to the blocks; the Python
work runs only around the verbs and names those patterns find, and the collector is paused
within a chunk.
"""

from __future__ import annotations

import gc
import re
import time
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Final, TypeVar

from reader.config import Config
from reader.model import Article, Block, ClassifiedArticle, Evidence, RuleKind, Verdict
from reader.rules.compile import CompiledRules, Term, TermRule, UserRegex, VerbForm, fold

_T = TypeVar("_T")

# ---------------------------------------------------------------------------------------------
# Closed word classes of English: grammar, not lexicon. They are the same for every actor.

# Between a subject and its verb: auxiliaries, adverbs, time expressions.
_SKIP = frozenset(
    [
        "has",
        "have",
        "had",
        "was",
        "were",
        "is",
        "are",
        "be",
        "been",
        "will",
        "would",
        "could",
        "may",
        "might",
        "shall",
        "should",
        "must",
        "also",
        "again",
        "once",
        "repeatedly",
        "later",
        "earlier",
        "previously",
        "already",
        "then",
        "afterwards",
        "meanwhile",
        "however",
        "still",
        "further",
        "even",
        "never",
        "not",
        "n't",
        "reportedly",
        "publicly",
        "separately",
        "recently",
        "now",
        "today",
        "yesterday",
        "tonight",
        "on",
        "last",
        "this",
        "that",
        "week",
        "month",
        "year",
        "morning",
        "evening",
        "night",
        "weekend",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "in",
        "a",
        "statement",
        "separately",
        "jointly",
        "openly",
        "privately",
        "firmly",
        "strongly",
        "sharply",
        "bluntly",
        "personally",
        "once",
        "more",
        "so",
        "far",
    ]
)
# Before the verb "continued to urge" means "urged".
_ASPECT = frozenset(
    [
        "continued",
        "continues",
        "continue",
        "continuing",
        "began",
        "begins",
        "started",
        "starts",
        "kept",
        "keeps",
        "went",
    ]
)
# A word before a verb form that makes it a noun: "the call", "his appeal", "Kyiv's request".
_NOUN_MARK = frozenset(
    ["a", "an", "the", "his", "her", "its", "their", "our", "my", "your", "this", "these", "those"]
)
# A noun phrase after one of these is an object, not a subject ("disappointed in Putin").
_OBJECT_PREP = frozenset(
    [
        "in",
        "on",
        "at",
        "with",
        "about",
        "against",
        "to",
        "from",
        "for",
        "by",
        "over",
        "into",
        "between",
        "than",
        "like",
        "toward",
        "towards",
        "across",
        "after",
        "before",
        "during",
        "under",
        "without",
        "within",
        "via",
        "despite",
        "near",
    ]
)
# Joins a head noun to its complement inside one noun phrase ("General Staff of the Armed
# Forces of Ukraine", "a source in the SBU").
_NP_PREP = frozenset(["of", "in", "at", "from", "for", "within"])
_DETERMINERS = frozenset(["the", "a", "an"])
# Lower-case words a title may hold: "the bloc's former secretary-general".
_NP_MODIFIERS = frozenset(
    [
        "former",
        "then",
        "then-",
        "acting",
        "deputy",
        "top",
        "senior",
        "chief",
        "special",
        "new",
        "current",
        "outgoing",
        "incoming",
        "first",
        "second",
        "first-ever",
        "longtime",
        "long-time",
        "ex-",
        "interim",
        "top-ranking",
    ]
)
_COORD = frozenset(["and", "but"])
_WHOLE_ROLES = frozenset(
    ["prime minister", "secretary general", "secretary-general", "vice president", "general staff"]
)
# "is believed to", "was described": passive, the subject is not the speaker.
_BE = frozenset(["is", "was", "are", "were", "be", "been", "being"])
_ACTIVE_AFTER_BE = frozenset(["quoted as saying"])
_CLOSE_QUOTES = frozenset("”\"’'»")
_FIRST_PERSON = frozenset(["i", "we"])
_PERSONAL = frozenset(["he", "she"])
# Verbs that are also inverted after a quote: '"...," said Peskov'.
_INVERTING = frozenset(
    [
        "say",
        "add",
        "tell",
        "write",
        "ask",
        "note",
        "insist",
        "warn",
        "explain",
        "conclude",
        "stress",
        "recall",
        "reply",
    ]
)

# "..., Stoltenberg insisted." owns its sentence: the attribution opens after a comma or a
# closing quote and only a few words ("on Tuesday", "at a news conference") follow the verb.
_TRAILING_OPEN = frozenset([",", "”", '"', "’", "'"])
_TRAILING_TAIL = 8

_TOKEN = re.compile(r"\w+(?:[-'’.]\w+)*-?|[^\w\s]")
_SENTENCE_END = re.compile(r"[.!?…]+[\"”’»)]*\s+(?=[\"“‘«(]?[A-Z0-9])")
_ABBREVIATION = re.compile(
    r"(?:\b[A-Z]|\b(?:Mr|Mrs|Ms|Dr|Gen|Lt|Col|Sgt|Capt|Gov|Sen|Rep|St|Jr|Sr|No|Vol|vs|etc|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|U\.S|U\.K|U\.N|E\.U))\.$"
)
_COLON_PREFIX = re.compile(r"([^:.!?\"“”«»]{1,80}?):\s+\S")
_DASH_SUFFIX = re.compile(r"\s[–—-]\s+([^–—]{1,60}?)\s*$")

Unit = tuple[int, int, str, Term | None, bool]  # start, end, folded text, lexicon term, capital
_S: Final = 0
_E: Final = 1
_LOW: Final = 2
_TERM: Final = 3
_CAP: Final = 4


@dataclass(frozen=True, slots=True)
class _Who:
    """A resolved subject: actors (empty for a speaker who is none of them), or unresolved."""

    kind: str  # "actor", "unknown", "pronoun", "role", "none"
    actors: tuple[str, ...] = ()
    start: int = 0
    end: int = 0
    roles: tuple[str, ...] = ()
    word: str = ""
    member: bool = False


_NONE = _Who("none")


@dataclass
class _Speaker:
    """Who spoke last, for carry-over."""

    actors: tuple[str, ...]  # () = a named speaker who is none of the actors
    block: int


@dataclass
class _Person:
    """Someone (or some office) the article has tied to an actor, and when last named."""

    actors: tuple[str, ...]
    last: int


@dataclass
class _State:
    """What the article has established so far, carried from block to block."""

    last: _Speaker | None = None
    voice: _Speaker | None = None  # a transcript speaker ("Mark Rutte: ...")
    roles: dict[str, list[str]] = field(default_factory=dict)  # "minister" -> person keys
    people: dict[str, _Person] = field(default_factory=dict)  # "lavrov" -> Russia, block 4
    names: dict[str, tuple[tuple[str, ...], bool]] = field(default_factory=dict)
    official: bool = False  # a release, statement, readout or transcript (from its title)
    document: tuple[str, ...] | None = None  # the actor whose voice the document is in
    reports: bool = False  # ... and what it says others said is reported in that voice


@dataclass(slots=True)
class _Block:
    """Working data for one block."""

    index: int
    text: str
    folded: str
    units: list[Unit]
    quotes: list[tuple[int, int]]
    excluded: list[tuple[int, int]]
    sentences: list[tuple[int, int]]
    terms: list[tuple[int, int, Term]]
    verbs: list[tuple[int, int, VerbForm]]
    markers: list[tuple[int, int]]
    framing: list[tuple[int, int, TermRule]]
    topic: bool | None = None  # on the war's topic? computed when first asked (`_allowed`)
    evidence: list[Evidence] = field(default_factory=list)
    main: list[tuple[int, _Who]] = field(default_factory=list)  # (position, subject)
    carried_from: int | None = None
    speaker_set: bool = False


def classify(article: Article, config: Config) -> ClassifiedArticle:
    """One verdict per block of `article` (see the module docstring for the grammar)."""
    return classify_report(article, config)[0]


def classify_report(article: Article, config: Config) -> tuple[ClassifiedArticle, list[str]]:
    """`classify`, and the problems met on the way: one line per rule-file regex that ran out
    of time and was switched off ("config.yaml:41:9: rule framing.x took over 200 ms ...")."""
    problems: list[str] = []
    verdicts = tuple(classify_iter(article, config, problems))
    return ClassifiedArticle(article, config.actors, verdicts), problems


def classify_iter(
    article: Article, config: Config, problems: list[str] | None = None
) -> Iterator[Verdict]:
    """The verdicts of `article`'s blocks in block order, as they are computed.

    For a progressive display: the first screen's verdicts arrive within milliseconds and the
    rest as the caller asks for them. Carry-over only looks back, so block i's verdict depends
    on blocks 0..i alone. The one exception is a headline whose source ("MoD says ...") is
    named in the first paragraphs: such a title's verdict waits for block 1 + carry_distance.

    Regexes from rule files run with a time budget (`settings.regex_budget_ms` per rule file,
    per article and per started MB of its text); a regex that exceeds it is switched off for
    the rest of the article and one line naming it is appended to `problems`.
    """
    rules = config.rules
    distance = config.carry_distance
    state = _State()
    size = sum(len(block.text) for block in article.blocks)
    budget = _Budget(rules.regex_budget * (1 + size // 1_000_000), problems)
    held: list[_Block] = []  # a headline waiting for its source, and the blocks after it
    title_who: _Who | None = None
    first = True
    for chunk in _chunks(article.blocks):
        ready: list[Verdict] = []
        # No collection inside a chunk: a block's working objects die young, and a full
        # collection would walk everything the caller already holds (a third of the time
        # over 100,000 paragraphs). Collecting resumes before control returns to the caller.
        collecting = gc.isenabled()
        gc.disable()
        try:
            for block, work in zip(chunk, _prepare_chunk(chunk, rules, budget), strict=True):
                pending = _analyse(block, work, rules, state, distance)
                if first:
                    first = False
                    if pending is not None:
                        held, title_who = [work], pending
                        continue
                if held:
                    held.append(work)
                    if len(held) < 2 + distance:
                        continue
                    ready.extend(_release(held, title_who, rules, distance))
                    held = []
                    continue
                ready.append(_verdict(work, rules))
        finally:
            if collecting:
                gc.enable()
        yield from ready
    if held:
        yield from _release(held, title_who, rules, distance)


def _release(
    held: list[_Block], who: _Who | None, rules: CompiledRules, distance: int
) -> list[Verdict]:
    """The headline's verdict, its source resolved from the blocks after it, then theirs."""
    if who is not None:
        _resolve_title(held, who, rules, distance)
    return [_verdict(work, rules) for work in held]


# The first chunk is small so that the first screen's verdicts come quickly; later chunks are
# larger so that the scans over the chunk's text are few.
_FIRST_CHUNK = 128
_CHUNK = 2048


def _chunks(blocks: Sequence[Block]) -> Iterator[Sequence[Block]]:
    start, size = 0, _FIRST_CHUNK
    while start < len(blocks):
        yield blocks[start : start + size]
        start += size
        size = min(size * 4, _CHUNK)


# ---------------------------------------------------------------------------------------------
# Preparation: the scans


def _prepare_chunk(blocks: Sequence[Block], rules: CompiledRules, budget: _Budget) -> list[_Block]:
    """Scan a run of blocks with the combined patterns in one pass over their joined text.

    The blocks are joined with a newline: no term holds one and every term ends at a word end,
    so each match falls inside one block, exactly where a scan of that block alone finds it.
    """
    texts = [block.text for block in blocks]
    folded_all = fold("\n".join(texts))
    bounds: list[int] = []
    offset = 0
    for text in texts:
        bounds.append(offset)
        offset += len(text) + 1
    excluded = _bucket(rules.exclusions.scan(folded_all), bounds)
    folded = [
        folded_all[start : start + len(text)] for start, text in zip(bounds, texts, strict=True)
    ]
    if rules.exclusion_regex:
        budget.scan(rules.exclusion_regex, folded_all, folded, bounds, excluded)
    framing = _bucket(rules.framing.scan(folded_all), bounds)
    if rules.framing_regex:
        budget.scan(rules.framing_regex, folded_all, folded, bounds, framing)
    terms = _bucket(rules.terms.scan(folded_all), bounds)
    verbs = _bucket(rules.verbs.scan(folded_all), bounds)
    markers = _bucket(rules.markers.scan(folded_all), bounds)
    off = budget.off
    return [
        _prepare(
            block,
            folded[i],
            [(s, e) for s, e, rule in excluded[i] if rule.id not in off]
            if off
            else [(s, e) for s, e, _ in excluded[i]],
            terms[i],
            verbs[i],
            [(s, e) for s, e, _ in markers[i]],
            [hit for hit in framing[i] if hit[2].id not in off] if off else framing[i],
        )
        for i, block in enumerate(blocks)
    ]


def _bucket(
    matches: list[tuple[int, int, _T]], bounds: list[int]
) -> list[list[tuple[int, int, _T]]]:
    """Matches over the joined text, per block, with block-relative offsets."""
    out: list[list[tuple[int, int, _T]]] = [[] for _ in bounds]
    count = len(bounds)
    i = 0
    base = 0
    following = bounds[1] if count > 1 else 1 << 62
    for start, end, meaning in matches:
        if start >= following:
            i = bisect_right(bounds, start) - 1
            base = bounds[i]
            following = bounds[i + 1] if i + 1 < count else 1 << 62
        out[i].append((start - base, end - base, meaning))
    return out


class _Budget:
    """The time left for rule-file regexes in one classification.

    Why: a regex such as `(a|aa)+$` backtracks for minutes on "aaaa...b", and Python's `re`
    cannot be stopped (it holds the GIL, so not even the UI thread runs). The `regex` module
    takes a timeout per call and releases the GIL while it matches (`concurrent=True`).
    Each rule's regexes may spend `per_rule` seconds on the article, and all the regexes of one
    rule file five times that. A rule that runs out is switched off for the rest of the
    article with one problem line naming it; a file that runs out has all its regexes switched
    off with one line naming the file.
    """

    __slots__ = ("files_off", "left", "off", "per_rule", "problems")

    FILE_SHARE = 5  # a rule file's budget, in rule budgets

    def __init__(self, per_rule: float, problems: list[str] | None) -> None:
        self.per_rule = per_rule
        self.left: dict[str, float] = {}  # rule id or file -> seconds left
        self.off: set[str] = set()  # ids of rules switched off
        self.files_off: set[str] = set()
        self.problems = problems if problems is not None else []

    def scan(
        self,
        rules: Sequence[TermRule],
        folded_all: str,
        folded: list[str],
        bounds: list[int],
        out: list[list[tuple[int, int, TermRule]]],
    ) -> None:
        """Add every match of `rules`' regexes to `out`, per block, in rule order."""
        for rule in rules:
            for rx in rule.regexes:
                if rule.id in self.off:
                    break
                if rx.joinable:
                    spans = self._run(rule, rx, folded_all)
                    if spans is None:
                        break
                    found = _bucket(spans, bounds)
                    crossed = [
                        i
                        for i, hits in enumerate(found)
                        if hits and hits[-1][1] > len(folded[i])  # ran over the newline
                    ]
                    redo: set[int] = set()
                    for i in crossed:  # that block and every block the match ran into
                        last = bisect_right(bounds, found[i][-1][1] + bounds[i] - 1)
                        redo.update(range(i, last))
                    for i in redo:
                        found[i] = []
                else:
                    found = [[] for _ in folded]
                    redo = set(range(len(folded)))
                for i in sorted(redo):
                    spans = self._run(rule, rx, folded[i])
                    if spans is None:
                        break
                    found[i] = spans
                if rule.id in self.off:
                    break
                for i, hits in enumerate(found):
                    if hits:
                        out[i].extend((s, e, rule) for s, e, _ in hits)

    def _run(self, rule: TermRule, rx: UserRegex, text: str) -> list[tuple[int, int, None]] | None:
        """The spans of `rx` in `text`, or None when it ran out of time (and is now off)."""
        if rx.file in self.files_off:
            self.off.add(rule.id)
            return None
        rule_left = self.left.get(rule.id, self.per_rule)
        file_left = self.left.get(rx.file, self.per_rule * self.FILE_SHARE)
        started = time.perf_counter()
        try:
            if min(rule_left, file_left) <= 0:
                raise TimeoutError
            found = rx.pattern.finditer(text, timeout=min(rule_left, file_left), concurrent=True)
            spans = [(*m.span(), None) for m in found]
        except TimeoutError:
            self.off.add(rule.id)
            if rule_left <= file_left:
                where = f"{rx.where}: " if rx.where else ""
                self.problems.append(
                    f"{where}rule {rule.id} took over {self.per_rule * 1000:.0f} ms and was "
                    "switched off (catastrophic backtracking?)"
                )
            else:
                self.files_off.add(rx.file)
                total = self.per_rule * self.FILE_SHARE * 1000
                self.problems.append(
                    f"{rx.file or 'rule file'}: its regexes took over {total:.0f} ms in all and "
                    f"were switched off (the last one running: rule {rule.id})"
                )
            return None
        finally:
            spent = time.perf_counter() - started
            self.left[rule.id] = rule_left - spent
            self.left[rx.file] = file_left - spent
        return spans


def _prepare(
    block: Block,
    folded: str,
    excluded: list[tuple[int, int]],
    terms: list[tuple[int, int, Term]],
    verbs: list[tuple[int, int, VerbForm]],
    markers: list[tuple[int, int]],
    framing: list[tuple[int, int, TermRule]],
) -> _Block:
    """One block's working data from its matches; tokenise it only if there is grammar to do."""
    text = block.text
    if excluded:
        terms = [t for t in terms if not _inside(t[0], excluded)]
        verbs = [v for v in verbs if not _inside(v[0], excluded)]
        markers = [m for m in markers if not _inside(m[0], excluded)]
    quotes = _quotes(text) if _QUOTE_MARK.search(text) else []
    needs_units = bool(
        verbs
        or markers
        or block.index == 0
        or block.kind == "title"
        or _COLON_PREFIX.match(text)
        or any(t.kind == "role" for _, _, t in terms)
    )
    return _Block(
        index=block.index,
        text=text,
        folded=folded,
        units=_units(text, folded, terms) if needs_units else [],
        quotes=quotes,
        excluded=excluded,
        sentences=_sentences(text) if verbs or markers else [(0, len(text))],
        terms=terms,
        verbs=verbs,
        markers=markers,
        framing=framing,
    )


def _inside(pos: int, spans: Iterable[tuple[int, int]]) -> bool:
    return any(s <= pos < e for s, e in spans)


def _units(text: str, folded: str, terms: list[tuple[int, int, Term]]) -> list[Unit]:
    """Tokens, with each lexicon term (and a possessive 's after it) merged into one unit.

    The tokens are made in one comprehension; each term then replaces the tokens it covers
    (found by bisection), so the Python work per block is per term, not per token. A term
    merges at the first token that starts inside it; one that starts inside a token ("ex-NATO"
    is one token) and ends there is not a unit of its own.
    """
    units: list[Unit] = [
        (m.start(), m.end(), m.group(), None, text[m.start()].isupper())
        for m in _TOKEN.finditer(folded)
    ]
    if not terms:
        return units
    starts = [u[0] for u in units]
    n = len(units)
    out: list[Unit] = []
    k = 0  # the next token not yet emitted or covered
    for t_start, t_end, term in terms:
        j = bisect_left(starts, t_start, k)
        if j >= n or starts[j] >= t_end:
            continue
        out.extend(units[k:j])
        # keep a possessive with its term: "the bloc's", "Ukraine's"
        stop = t_end
        if folded.startswith("'s", t_end) and not folded[t_end + 2 : t_end + 3].isalnum():
            stop = t_end + 2
        out.append((t_start, stop, folded[t_start:stop], term, text[t_start].isupper()))
        k = bisect_left(starts, stop, j)
    out.extend(units[k:])
    return out


_QUOTE_MARK = re.compile("[“”«»\"‘’']")


def _quotes(text: str) -> list[tuple[int, int]]:
    """Spans of quoted text, quote marks included. An unclosed quote runs to the block's end."""
    spans: list[tuple[int, int]] = []
    open_at = -1
    closer = ""
    n = len(text)
    for m in _QUOTE_MARK.finditer(text):
        i = m.start()
        ch = text[i]
        if open_at < 0:
            if ch == "“":
                open_at, closer = i, "”"
            elif ch == "«":
                open_at, closer = i, "»"
            elif ch == '"':
                open_at, closer = i, '"'
            elif (
                ch in "‘'"
                and (i == 0 or not text[i - 1].isalnum())
                and i + 1 < n
                and text[i + 1].isalnum()
            ):
                open_at, closer = i, "’'"
        elif ch in closer and i > open_at:
            if closer == "’'" and i + 1 < n and text[i + 1].isalpha():
                continue  # an apostrophe inside the quote ("Russia’s")
            spans.append((open_at, i + 1))
            open_at = -1
    if open_at >= 0 and closer != "’'":
        spans.append((open_at, n))
    return spans


def _sentences(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        head = text[max(start, m.start() - 6) : m.start() + 1]
        if _ABBREVIATION.search(head):
            continue
        spans.append((start, m.end()))
        start = m.end()
    spans.append((start, len(text)))
    return spans


# ---------------------------------------------------------------------------------------------
# Noun phrases


def _resolve(units: Sequence[Unit], state: _State) -> _Who:
    """The actor(s) a noun phrase stands for."""
    if not units:
        return _NONE
    start, end = units[0][_S], units[-1][_E]
    direct: list[str] = []
    adjective: list[str] = []
    member = True
    roles: list[str] = []
    names: list[Unit] = []
    pronoun = ""
    previous: Unit | None = None
    for unit in units:
        term = unit[_TERM]
        if term is None and unit[_LOW] in _NP_PREP and previous is not None:
            head = previous[_TERM]
            if head is None or head.kind != "role":
                break  # "Mission in Ukraine": a place, not the speaker's side
        previous = unit
        if term is None:
            if unit[_CAP] and unit[_LOW] not in _DETERMINERS and unit[_LOW].isalpha():
                names.append(unit)
            continue
        if term.kind in ("alias", "speaker"):
            direct.extend(a for a in term.actors if a not in direct)
            member = member and term.member
        elif term.kind == "adjective":
            adjective.extend(a for a in term.actors if a not in adjective)
            member = member and term.member
        elif term.kind == "role":
            roles.append(unit[_LOW].removesuffix("'s"))
        elif term.kind == "pronoun" and len(units) == 1:
            pronoun = unit[_LOW]
    role_keys = tuple(_role_keys(roles))
    if direct or (adjective and (roles or names)):
        actors = tuple(direct or adjective)
        if len(actors) > 1 and any(u[_LOW] == "and" for u in units):
            _learn_conjuncts(units, state)
        else:
            _learn(names, actors, member, state)
        return _Who("actor", actors, start, end, role_keys, member=member)
    for unit in reversed(names):
        known = state.names.get(unit[_LOW])
        if known is not None:
            return _Who("actor", known[0], start, end, role_keys, member=known[1])
    if pronoun:
        return _Who("pronoun", (), start, end, word=pronoun)
    if names:
        if len(names) == 1 and names[0] is units[0] and not roles and _is_function_word(names[0]):
            return _NONE
        return _Who("unknown", (), start, end, role_keys)
    if roles:
        if units[0][_LOW] in ("a", "an"):
            return _Who("unknown", (), start, end, role_keys)  # "a statement": not anaphoric
        return _Who("role", (), start, end, role_keys)
    return _NONE


def _is_function_word(unit: Unit) -> bool:
    return unit[_LOW] in _SKIP or unit[_LOW] in _OBJECT_PREP or unit[_LOW] in _COORD


def _role_keys(roles: Iterable[str]) -> Iterable[str]:
    """A role and the head noun it is later called by: "foreign minister" -> "minister",
    "ministry of defence" -> "ministry". A prime minister is not "the minister"."""
    for role in roles:
        yield role
        if role in _WHOLE_ROLES:
            continue
        head = role.split(" of ", 1)[0].rsplit(" ", 1)[-1]
        if head != role:
            yield head
        if head == "minister":
            yield "ministry"  # "Foreign Minister Sybiha ... the ministry said": his ministry


def _learn(names: list[Unit], actors: tuple[str, ...], member: bool, state: _State) -> None:
    """Tie the names in an actor's phrase to it: "Senator Lindsey Graham" -> "graham"."""
    for unit in names:
        if len(unit[_LOW]) > 2 and unit[_LOW] not in _SKIP:
            state.names[unit[_LOW]] = (actors, member)


def _learn_conjuncts(units: Sequence[Unit], state: _State) -> None:
    """ "Foreign Minister of Ukraine Andrii Sybiha and Foreign Minister of Germany Johann
    Wadephul": each name belongs to the actor named in its own conjunct only."""
    part: list[Unit] = []
    for unit in [*units, None]:
        if unit is not None and unit[_LOW] != "and":
            part.append(unit)
            continue
        names = [
            u
            for u in part
            if u[_TERM] is None and u[_CAP] and u[_LOW] not in _DETERMINERS and u[_LOW].isalpha()
        ]
        terms = [u[_TERM] for u in part if u[_TERM] is not None]
        direct = [a for t in terms if t.kind in ("alias", "speaker") for a in t.actors]
        adjective = [a for t in terms if t.kind == "adjective" for a in t.actors]
        actors = tuple(dict.fromkeys(direct or adjective))
        if len(actors) == 1 and names:
            member = all(t.member for t in terms if t.actors)
            _learn(names, actors, member, state)
        part = []


def _np_before(units: Sequence[Unit], i: int, floor: int) -> tuple[int, int]:
    """The noun phrase ending at unit `i` (inclusive), as a [start, end) range of units."""
    j = i
    while j >= floor and i - j < 14:
        unit = units[j]
        low = unit[_LOW]
        term = unit[_TERM]
        if term is not None:
            j -= 1
            continue
        if low in _DETERMINERS:
            # "a source in the SBU": the article closes a phrase inside a larger one
            if j - 2 >= floor and units[j - 1][_LOW] in _NP_PREP:
                head = units[j - 2][_TERM]
                if head is not None and head.kind == "role":
                    j -= 2
                    continue
            return j, i + 1
        if (unit[_CAP] and low.isalpha() and low not in _OBJECT_PREP) or low in _NP_MODIFIERS:
            j -= 1
            continue
        if low in ("'s", "’s", "-", "."):
            j -= 1
            continue
        if low in _NP_PREP and j > floor and j < i:
            left = units[j - 1]
            if left[_TERM] is not None or (left[_CAP] and left[_LOW].isalpha()):
                j -= 1
                continue
        if low == "and" and j > floor and j < i:
            left = units[j - 1]
            if left[_TERM] is not None and left[_TERM].kind in ("alias", "speaker", "adjective"):
                j -= 1
                continue
        break
    return j + 1, i + 1


def _np_after(units: Sequence[Unit], i: int, ceiling: int) -> tuple[int, int]:
    """The noun phrase starting at unit `i`, as a [start, end) range of units."""
    j = i
    while j < ceiling and j - i < 14:
        unit = units[j]
        low = unit[_LOW]
        if unit[_TERM] is not None or (unit[_CAP] and low.isalpha()) or low in _NP_MODIFIERS:
            j += 1
            continue
        if low in _DETERMINERS and (j == i or units[j - 1][_LOW] in _NP_PREP):
            j += 1
            continue
        if low in ("'s", "’s", "-", "."):
            j += 1
            continue
        if low in _NP_PREP and j + 1 < ceiling and j > i:
            nxt = units[j + 1]
            if nxt[_TERM] is not None or nxt[_CAP] or nxt[_LOW] in _DETERMINERS:
                j += 1
                continue
        break
    return i, j


# ---------------------------------------------------------------------------------------------
# Attribution


@dataclass
class _Attr:
    """One attribution found in a sentence."""

    pos: int  # the verb's (or marker's) offset
    end: int
    who: _Who
    rule: str
    verb: VerbForm | None
    complement: bool  # does a complement follow (a speech/stance verb or a source marker)?
    follows: bool = False  # coordinated or participle: shares the clause's subject
    trailing: bool = False  # closes the sentence: "..., Stoltenberg insisted."

    def span(self) -> tuple[int, int]:
        """The text the evidence points at: the subject and the verb."""
        if self.follows:
            return self.pos, self.end
        return min(self.who.start, self.pos), max(self.who.end, self.end)


def _analyse(
    block: Block, work: _Block, rules: CompiledRules, state: _State, distance: int
) -> _Who | None:
    """Fill `work.evidence`; returns a headline's unresolved source, for later resolution."""
    units = work.units
    is_title = block.kind == "title" or (block.index == 0 and block.kind == "heading")
    title_pending: _Who | None = None
    starts = [u[_S] for u in units]

    if units:
        _register_roles(units, state, work.index)
    elif state.people:
        for start, end, term in work.terms:
            if term.kind == "speaker":
                person = state.people.get(work.folded[start:end].rsplit(" ", 1)[-1])
                if person is not None:
                    person.last = work.index

    # Transcript voice and colon prefixes.
    voice: _Speaker | None = None
    body_from = 0
    prefix = _COLON_PREFIX.match(work.text)
    if prefix is not None and len(prefix.group(1).split()) <= 10:
        cut = prefix.end(1)
        pre_units = [u for u in units if u[_E] <= cut]
        pre_units = _first_phrase(pre_units)
        who = _resolve(pre_units, state)
        who = _known_role(who, state)
        if who.kind in ("pronoun", "none") and not is_title:
            prefix = None  # "We discussed three things today: ...", not a speaker's label
    if prefix is not None:
        body_from = prefix.end(1) + 1
        if who.kind == "actor" and _allowed(who, work, rules):
            _add(
                work,
                "attribution.colon",
                who.actors,
                "attribution",
                who.start,
                who.end,
                rules.weights.attribution,
            )
            speaker = _Speaker(who.actors, work.index)
            work.main.append((who.start, who))
            if _is_person(pre_units) and not is_title:
                state.voice = speaker
            else:
                state.voice = None
            voice = speaker
            state.last = speaker
            work.speaker_set = True
        elif who.kind == "unknown" and not is_title:
            state.voice = _Speaker((), work.index)
            voice = state.voice
            state.last = voice
        elif who.kind == "role" and is_title and not _OFFICIAL_TITLE.match(work.text):
            title_pending = who
    elif state.voice is not None and not is_title:
        voice = state.voice
        if voice.actors:
            _add_carry(work, "carry.transcript", voice, rules.weights.carry, 0, len(work.text))
            work.carried_from = voice.block

    if is_title and prefix is None:
        dash = _DASH_SUFFIX.search(work.text)
        if dash is not None:
            tail = [u for u in units if u[_S] >= dash.start(1)]
            who = _resolve(_first_phrase(tail), state)
            if who.kind == "actor":
                _add(
                    work,
                    "attribution.headline",
                    who.actors,
                    "attribution",
                    who.start,
                    who.end,
                    rules.weights.attribution,
                )
                work.main.append((who.start, who))
            elif who.kind == "role":
                title_pending = who

    # Sentences: attributions, then reported positions.
    verbs = [v for v in work.verbs if v[0] >= body_from]
    markers = [m for m in work.markers if m[0] >= body_from and not _inside(m[0], work.quotes)]
    in_voice = voice is not None and bool(voice.actors)
    for s_start, s_end in work.sentences:
        s_verbs = [v for v in verbs if s_start <= v[0] < s_end]
        s_markers = [m for m in markers if s_start <= m[0] < s_end]
        if not s_verbs and not s_markers:
            continue
        attrs = _sentence_attrs(work, units, starts, s_start, s_end, s_verbs, s_markers, state)
        _settle(work, attrs, rules, state, distance, voice if in_voice else None)

    # A quote with nobody named: the last speaker's words.
    if not work.main and not in_voice and not is_title and _mostly_quoted(work):
        last = state.last
        if last is not None and last.actors and work.index - last.block <= distance:
            _add_carry(work, "carry.quote", last, rules.weights.carry, 0, len(work.text))
            work.carried_from = last.block
            state.last = _Speaker(last.actors, work.index)

    if is_title:
        _document_title(work, state, rules)
    elif state.official:
        _document_voice(work, state, rules)
    _framing_and_mentions(work, rules)
    return title_pending


# A title that makes the text an official document in one institution's voice.
_OFFICIAL_TITLE = re.compile(
    r"\W*(?:(?:full\s+)?text\s+of\s+(?:the\s+)?|joint\s+|kremlin\s+|white\s+house\s+)?"
    r"(?:statement|declaration|summit\s+declaration|communiqu[eé]|readout|press\s+release|"
    r"remarks|address|comment|briefing|press\s+conference|news\s+conference|transcript|"
    r"(?:telephone|phone)\s+(?:conversation|call)|meeting|talks)\b",
    re.IGNORECASE,
)
# Genres whose title names the author: "Statement of the Ministry of Foreign Affairs of Ukraine".
_AUTHORED = re.compile(r"\W*(?:\w+\s+){0,3}?(?:of|by|from)\s+", re.IGNORECASE)
_ISSUER_END = re.compile(r"\s(?:on|at|in|about|regarding|concerning|following|after)\s|:")
_SAYS_ITS_VIEW = re.compile(
    r"\W*(?:(?:joint\s+)?statement|declaration|comment|communiqu[eé]|remarks|address)\b",
    re.IGNORECASE,
)
# A readout's opening: "Vladimir Putin had a telephone conversation with ...".
_READOUT = re.compile(
    r"\b(?:had|held|conducted)\s+(?:an?\s+)?(?:telephone\s+|phone\s+|video\s+|bilateral\s+)?"
    r"(?:conversation|talks|call|meeting|conference)\s+with\b"
)
# A declaration's opening: "We, the Heads of State and Government of the North Atlantic
# Alliance, ...".
_WE_OPENING = re.compile(r"we,\s+(.{3,160}?),")
_CONTENT = re.compile(r"(?:\S+\s+){4,}\S+[.!?\"”’)]\s*$")
_OPENING_BLOCKS = 4


def _one_actor(terms: Iterable[tuple[int, int, Term]], start: int, end: int) -> tuple[str, ...]:
    """The one actor the names between `start` and `end` stand for (() when none or many)."""
    found: set[str] = set()
    for t_start, _, term in terms:
        if start <= t_start < end and term.kind in ("alias", "speaker", "adjective"):
            found.update(term.actors)
    return tuple(found) if len(found) == 1 else ()


def _document_title(work: _Block, state: _State, rules: CompiledRules) -> None:
    """An official document's title: its genre, and its author when the title names one
    ("Statement of the Ministry of Foreign Affairs of Ukraine on ..."): a statement's title
    is already in its author's voice."""
    text = work.text
    if not (_OFFICIAL_TITLE.match(text) or "readout" in work.folded):
        return
    state.official = True
    authored = _AUTHORED.match(text)
    if authored is None or " with " in text[: authored.end()].lower():
        return  # "Telephone conversation with President of France ...": the counterpart
    end = _ISSUER_END.search(text, authored.end())
    issuer = _one_actor(work.terms, authored.end(), end.start() if end else len(text))
    if not issuer:
        return
    state.document = issuer
    state.reports = True
    if _SAYS_ITS_VIEW.match(text) and not work.main:
        speaker = _Speaker(issuer, work.index)
        _add_carry(work, "carry.document", speaker, rules.weights.carry, 0, len(text))


def _document_voice(work: _Block, state: _State, rules: CompiledRules) -> None:
    """A block of an official document: in its author's voice unless it names a speaker.

    The author is the title's, or the one the first blocks establish: the subject of a
    readout's "had a telephone conversation with", a declaration's "We, the Heads of State
    ... of the North Atlantic Alliance", or the first named speaker. Lines of the author's own
    ("We call on ...", "Allies will ...", "It was agreed ...") carry that voice; where the
    title or a readout names the author, what the document says others said is reported in
    the author's voice too (the author first). Transcript lines ("Name: ...") keep theirs.
    """
    if state.voice is not None:
        return
    own = {a for _, who in work.main if who.kind == "actor" for a in who.actors}
    if state.document is None:
        if work.index > _OPENING_BLOCKS:
            return
        folded = work.folded
        readout = _READOUT.search(folded)
        we = _WE_OPENING.match(folded)
        author: tuple[str, ...] = ()
        if readout is not None:
            author = _one_actor(work.terms, 0, readout.start())
            state.reports = bool(author)
        elif we is not None:
            author = _one_actor(work.terms, we.start(1), we.end(1))
        elif len(own) == 1:
            state.document = tuple(own)
            return
        if not author:
            return
        state.document = author
    author = state.document
    if set(author) <= own or any(ev.kind == "carry" for ev in work.evidence):
        return
    speaker = _Speaker(author, work.index)
    if not own:
        if _CONTENT.search(work.text):
            _add_carry(work, "carry.document", speaker, rules.weights.carry, 0, len(work.text))
    elif state.reports:
        # The document's own account outweighs the position it reports.
        weight = rules.weights.attribution + rules.weights.reported
        _add_carry(work, "carry.document", speaker, weight, 0, len(work.text))


def _first_phrase(units: list[Unit]) -> list[Unit]:
    """The first noun phrase of a headline fragment: "Zelensky to Rutte" -> "Zelensky"."""
    out: list[Unit] = []
    for unit in units:
        if unit[_TERM] is None and not unit[_CAP] and unit[_LOW] not in _NP_MODIFIERS:
            if out and unit[_LOW] in _NP_PREP:
                out.append(unit)
                continue
            if out:
                break
            continue
        out.append(unit)
    while out and out[-1][_TERM] is None and out[-1][_LOW] in _NP_PREP:
        out.pop()
    return out


def _is_person(units: Sequence[Unit]) -> bool:
    """A transcript speaker is a person (a speaker term or a name), not a country."""
    for unit in units:
        term = unit[_TERM]
        if term is not None and term.kind in ("speaker", "role"):
            return True
        if term is None and unit[_CAP]:
            return True
    return False


def _known_role(who: _Who, state: _State, index: int | None = None) -> _Who:
    """'the minister': the most recently named person with that role, if the article has one.

    `word` of the answer holds the block where that person was last named; with `index`, the
    person counts as named again in block `index`."""
    if who.kind != "role":
        return who
    best: _Person | None = None
    for key in who.roles:
        for person_key in state.roles.get(key, ()):
            person = state.people[person_key]
            if best is None or person.last > best.last:
                best = person
    if best is None or not best.actors:
        return who
    found = best.last
    if index is not None:
        best.last = index
    return _Who("actor", best.actors, who.start, who.end, who.roles, word=str(found))


def _allowed(who: _Who, work: _Block, rules: CompiledRules) -> bool:
    """A member state's voice counts only on the war's topic: the block names one of the
    actors (not a member state), or a topic word."""
    if not who.member:
        return True
    if work.topic is None:
        work.topic = any(not t.member and t.actors for _, _, t in work.terms) or bool(
            rules.topic.scan(work.folded)
        )
    return work.topic


def _sentence_attrs(
    work: _Block,
    units: list[Unit],
    starts: list[int],
    s_start: int,
    s_end: int,
    verbs: list[tuple[int, int, VerbForm]],
    markers: list[tuple[int, int]],
    state: _State,
) -> list[_Attr]:
    """Every attribution in one sentence, in text order, with its subject."""
    from bisect import bisect_left

    first = bisect_left(starts, s_start)
    last = bisect_left(starts, s_end)
    attrs: list[_Attr] = []
    for m_start, m_end in markers:
        k = bisect_left(starts, m_end)
        a, b = _np_after(units, k, last)
        who = _resolve(units[a:b], state)
        if who.kind != "none":
            attrs.append(_Attr(m_start, m_end, who, "attribution.source", None, True))
    for v_start, v_end, form in verbs:
        k = bisect_left(starts, v_start)
        if k >= len(units) or units[k][_S] != v_start:
            continue
        attr = _verb_subject(work, units, k, v_end, first, last, form, attrs, state)
        if attr is not None:
            attrs.append(attr)
    attrs.sort(key=lambda a: a.pos)
    return attrs


def _verb_subject(
    work: _Block,
    units: list[Unit],
    k: int,
    v_end: int,
    first: int,
    last: int,
    form: VerbForm,
    earlier: list[_Attr],
    state: _State,
) -> _Attr | None:
    v_start = units[k][_S]
    i = k - 1
    # The subject is looked for after the last quote that closes before the verb, and inside
    # the quote that holds the verb.
    floor = first
    for q_start, q_end in work.quotes:
        if q_start <= v_start < q_end:
            while floor < k and units[floor][_S] <= q_start:
                floor += 1
        elif q_end <= v_start:
            while floor < k and units[floor][_S] < q_end:
                floor += 1
    prev = units[i][_LOW] if i >= floor else ""
    if prev in _NOUN_MARK or (prev.endswith(("'s", "’s")) and units[i][_TERM] is None):
        return None
    if i >= floor and units[i][_TERM] is not None and units[i][_LOW].endswith("'s"):
        return None  # "Kyiv's request"
    nxt = units[k + 1][_LOW] if k + 1 < len(units) else ""
    if nxt == "by":
        return None  # passive: "backed by"
    if prev in _BE and not form.participle and form.lemma not in _ACTIVE_AFTER_BE:
        return None  # passive: "Ukraine is believed to ..."
    if prev == "to":
        if i - 1 >= floor and units[i - 1][_LOW] in _ASPECT:
            i -= 2
        else:
            return None
    while i >= floor and units[i][_LOW] in _SKIP and units[i][_TERM] is None:
        i -= 1
    in_clause = [a for a in earlier if a.pos < v_start and a.who.kind != "none"]
    if form.participle:
        before = units[i][_LOW] if i >= floor else ""
        if before in (",", "and", "as", "while", "when", "by") or before in _SKIP:
            who = in_clause[-1].who if in_clause else _clause_subject(units, first, k, state)
            if who.kind == "none":
                return None
            return _Attr(v_start, v_end, who, "attribution.participle", form, True, follows=True)
        if before in ("is", "was", "are", "were", "been"):
            pass
        else:
            return None
    if i >= floor and units[i][_LOW] in _COORD:
        if in_clause:
            who = in_clause[-1].who
            return _Attr(v_start, v_end, who, "attribution.coordinated", form, True, follows=True)
        return None
    # Parentheticals between the subject and the verb: ", asked about the criticism,".
    appositive: _Who | None = None
    while i >= floor and units[i][_LOW] == ",":
        j = i - 1
        while j >= floor and units[j][_LOW] not in (",", ";", ":", "“", "”", '"'):
            j -= 1
        if j < floor or units[j][_LOW] != ",":
            break
        inner = units[j + 1 : i]
        if inner and inner[0][_LOW] not in ("who", "which", "whose") and len(inner) <= 10:
            cand = _resolve(inner, state)
            if cand.kind == "actor":
                appositive = cand
        i = j - 1
        while i >= floor and units[i][_LOW] in _SKIP and units[i][_TERM] is None:
            i -= 1
    if i >= floor and (
        units[i][_TERM] is not None or units[i][_CAP] or units[i][_LOW] in _NP_MODIFIERS
    ):
        a, b = _np_before(units, i, floor)
        before = units[a - 1][_LOW] if a - 1 >= floor else ""
        if before in _OBJECT_PREP:
            return None
        who = _resolve(units[a:b], state)
        if who.kind in ("unknown", "role", "none") and appositive is not None:
            who = appositive
        if who.kind != "none":
            trailing = before in _TRAILING_OPEN and last - k <= _TRAILING_TAIL
            return _Attr(v_start, v_end, who, "attribution.subject", form, True, trailing=trailing)
    if appositive is not None:
        return _Attr(v_start, v_end, appositive, "attribution.subject", form, True)
    # Inversion: '"...," said Peskov' / ', the ministry added' is handled above.
    if form.lemma in _INVERTING and (i < floor or units[i][_LOW] in (",", "”", '"', "’")):
        a, b = _np_after(units, k + 1, last)
        if b > a:
            follow = units[b][_LOW] if b < len(units) else "."
            if follow in (",", ".", ";", "on", "in", "at", "last", "after", "during", "”"):
                who = _resolve(units[a:b], state)
                if who.kind != "none":
                    trailing = last - b <= _TRAILING_TAIL
                    return _Attr(
                        v_start, v_end, who, "attribution.inverted", form, True, trailing=trailing
                    )
    return None


def _clause_subject(units: list[Unit], first: int, k: int, state: _State) -> _Who:
    """The subject of the sentence's main clause: its first phrase that is not an object."""
    i = first
    while i < k:
        unit = units[i]
        term = unit[_TERM]
        if (term is not None and term.kind != "role") or (
            term is None and unit[_CAP] and i > first
        ):
            before = units[i - 1][_LOW] if i > first else ""
            a, b = _np_after(units, i, k)
            if before not in _OBJECT_PREP:
                who = _resolve(units[a:b], state)
                if who.kind != "none":
                    return who
            i = max(b, i + 1)
            continue
        i += 1
    return _NONE


def _settle(
    work: _Block,
    attrs: list[_Attr],
    rules: CompiledRules,
    state: _State,
    distance: int,
    voice: _Speaker | None,
) -> None:
    """Turn a sentence's attributions into evidence: main speakers, reported positions.

    The speaker who owns the sentence is settled first: an attribution that closes it
    ("..., Stoltenberg insisted.") or a source ("According to Lavrov, ..."); every other
    attribution in its words is reported. Otherwise a speech verb owns what follows it.
    """
    owner: tuple[str, ...] | None = voice.actors if voice is not None else None
    resolved: dict[int, tuple[str, ...] | None] = {}
    leaders = [
        a for i, a in enumerate(attrs) if a.trailing or (a.rule == "attribution.source" and i == 0)
    ][:1]
    order = leaders + [a for a in attrs if a not in leaders]
    for attr in order:
        quoted = _inside(attr.pos, work.quotes)
        embedded_in = owner
        if quoted:
            embedded_in = _quote_owner(work, owner)
        elif embedded_in is None and not attr.follows:
            if leaders and attr is not leaders[0]:
                embedded_in = resolved.get(id(leaders[0]))
            if embedded_in is None:
                for other in attrs:
                    if other is attr:
                        break
                    owner_of = resolved.get(id(other))
                    if other.complement and not other.follows and owner_of is not None:
                        embedded_in = owner_of
        resolved[id(attr)] = _settle_one(
            work, attr, embedded_in, quoted, rules, state, distance, voice
        )


def _settle_one(
    work: _Block,
    attr: _Attr,
    embedded_in: tuple[str, ...] | None,
    quoted: bool,
    rules: CompiledRules,
    state: _State,
    distance: int,
    voice: _Speaker | None,
) -> tuple[str, ...] | None:
    """Evidence for one attribution; the actors it makes the speaker (() for a named speaker
    who is none of them), or None when it is reported or unresolved."""
    weights = rules.weights
    who = attr.who
    start, end = attr.span()
    carried: _Speaker | None = None
    if who.kind == "pronoun":
        if who.word in _FIRST_PERSON:
            return None  # "I", "we": the speaker of the quote or transcript, already counted
        if quoted or voice is not None:
            who = _person_before(work, attr.pos, embedded_in or (), state)
            if who.kind == "none":
                return None
        else:
            prior = [w for p, w in work.main if p < attr.pos and w.kind in ("actor", "unknown")]
            earlier = _earlier_subject(work, attr.pos, state) if not prior else _NONE
            if prior:
                who = prior[-1]
            elif earlier.kind in ("actor", "unknown"):
                who = earlier
            elif state.last is not None and work.index - state.last.block <= distance:
                carried = state.last
            else:
                return None
    elif who.kind == "role":
        resolved = _known_role(who, state, work.index)
        if resolved.kind == "actor":
            found = int(resolved.word)
            if found != work.index:
                carried = _Speaker(resolved.actors, found)
            else:
                who = resolved
        elif state.last is not None and work.index - state.last.block <= distance:
            carried = state.last
        else:
            return None
    if carried is not None:
        if embedded_in is not None:
            return None
        if carried.actors:
            rule = "carry.role" if attr.who.kind == "role" else "carry.pronoun"
            _add_carry(work, rule, carried, weights.carry, start, end)
            work.carried_from = carried.block
        state.last = _Speaker(carried.actors, work.index)
        kind = "actor" if carried.actors else "unknown"
        work.main.append((attr.pos, _Who(kind, carried.actors, start, end)))
        return carried.actors
    if who.kind == "unknown":
        if embedded_in is not None:
            return None
        state.last = _Speaker((), work.index)
        work.main.append((attr.pos, who))
        return ()
    if who.kind != "actor" or not _allowed(who, work, rules):
        return None
    if embedded_in is not None:
        fresh = tuple(a for a in who.actors if a not in embedded_in)
        is_speech = attr.verb is None or attr.verb.cls == "speech"
        if fresh and is_speech:
            _add(work, "reported.speech", fresh, "attribution", start, end, weights.reported)
        return None
    _add(work, attr.rule, who.actors, "attribution", start, end, weights.attribution)
    work.main.append((attr.pos, who))
    state.last = _Speaker(who.actors, work.index)
    return who.actors


def _earlier_subject(work: _Block, pos: int, state: _State) -> _Who:
    """'Donald Trump shared his view ... He said': the subject of the sentence before."""
    from bisect import bisect_left

    starts = [u[_S] for u in work.units]
    for s_start, s_end in reversed(work.sentences):
        if s_end > pos:
            continue
        first, last = bisect_left(starts, s_start), bisect_left(starts, s_end)
        who = _clause_subject(work.units, first, last, state)
        if who.kind != "none" and not _inside(who.start, work.quotes):
            return who
        break
    return _NONE


def _quote_owner(work: _Block, owner: tuple[str, ...] | None) -> tuple[str, ...]:
    """Whose words a quote is: the block's named speaker, else the carried speaker."""
    if owner:
        return owner
    for _, who in work.main:
        if who.kind == "actor":
            return who.actors
    for ev in work.evidence:
        if ev.kind == "carry":
            return (ev.actor,)
    return ()


def _person_before(work: _Block, pos: int, speaker: tuple[str, ...], state: _State) -> _Who:
    """'He' in someone's own words: the last person named before, who is not the speaker."""
    for unit in reversed(work.units):
        if unit[_S] >= pos:
            continue
        term = unit[_TERM]
        if (
            term is not None
            and term.kind == "speaker"
            and term.actors
            and set(term.actors) - set(speaker)
        ):
            return _Who("actor", term.actors, unit[_S], unit[_E], member=term.member)
        if term is None and unit[_CAP] and unit[_LOW] in state.names:
            actors, member = state.names[unit[_LOW]]
            if set(actors) - set(speaker):
                return _Who("actor", actors, unit[_S], unit[_E], member=member)
    return _NONE


def _mostly_quoted(work: _Block) -> bool:
    quoted = sum(e - s for s, e in work.quotes)
    return bool(work.quotes) and (quoted * 2 >= len(work.text) or work.quotes[0][0] == 0)


def _register_roles(units: list[Unit], state: _State, index: int) -> None:
    """Remember who holds which role ("Russian Foreign Minister Sergey Lavrov": Lavrov is a
    minister, of Russia) and when each person was last named, for "the minister said" later."""
    n = len(units)
    for unit in units if state.people else ():
        term = unit[_TERM]
        key = ""
        if term is not None and term.kind == "speaker":
            key = unit[_LOW].removesuffix("'s").rsplit(" ", 1)[-1]
        elif term is None and unit[_CAP]:
            key = unit[_LOW]
        person = state.people.get(key) if key else None
        if person is not None:
            person.last = index
    for i, unit in enumerate(units):
        term = unit[_TERM]
        if term is None or term.kind != "role":
            continue
        a, _ = _np_before(units, i, max(0, i - 6))
        _, b = _np_after(units, i, min(n, i + 6))
        phrase = units[a:b]
        who = _resolve(phrase, state)
        if who.kind != "actor":
            continue
        person_key = ""
        for other in reversed(phrase):
            other_term = other[_TERM]
            if other_term is not None and other_term.kind == "speaker":
                person_key = other[_LOW].removesuffix("'s").rsplit(" ", 1)[-1]
                break
            if other_term is None and other[_CAP] and other[_LOW].isalpha():
                person_key = other[_LOW]
                break
        if not person_key:
            person_key = "/".join(who.actors) + ":" + unit[_LOW].removesuffix("'s")
        state.people[person_key] = _Person(who.actors, index)
        for key in who.roles:
            holders = state.roles.setdefault(key, [])
            if person_key not in holders:
                holders.append(person_key)


# ---------------------------------------------------------------------------------------------
# Evidence and verdicts


def _add(
    work: _Block,
    rule: str,
    actors: Iterable[str],
    kind: RuleKind,
    start: int,
    end: int,
    weight: float,
) -> None:
    for actor in actors:
        work.evidence.append(Evidence(rule, actor, kind, start, end, work.text[start:end], weight))


def _add_carry(
    work: _Block, rule: str, speaker: _Speaker, weight: float, start: int, end: int
) -> None:
    for actor in speaker.actors:
        work.evidence.append(
            Evidence(rule, actor, "carry", start, end, work.text[start:end], weight)
        )


def _framing_and_mentions(work: _Block, rules: CompiledRules) -> None:
    for start, end, rule in work.framing:
        if rule.actor is None or _inside(start, work.quotes) or _inside(start, work.excluded):
            continue
        weight = rules.weights.framing * rule.weight
        work.evidence.append(
            Evidence(rule.id, rule.actor, "framing", start, end, work.text[start:end], weight)
        )
    used = {(ev.start, ev.actor) for ev in work.evidence}
    for start, end, term in work.terms:
        if not term.actors or term.kind == "role" or _inside(start, work.quotes):
            continue
        for actor in term.actors:
            if (start, actor) not in used:
                work.evidence.append(
                    Evidence(
                        "mention",
                        actor,
                        "mention",
                        start,
                        end,
                        work.text[start:end],
                        rules.weights.mention,
                    )
                )


def _resolve_title(works: list[_Block], who: _Who, rules: CompiledRules, distance: int) -> None:
    """A headline's 'source' or 'MoD' is the source the first paragraphs name."""
    title = works[0]
    for work in works[1 : 2 + distance]:
        for _, main in work.main:
            if main.kind == "actor":
                _add(
                    title,
                    "attribution.headline",
                    main.actors,
                    "attribution",
                    who.start,
                    who.end,
                    rules.weights.attribution,
                )
                return


def _verdict(work: _Block, rules: CompiledRules) -> Verdict:
    evidence = work.evidence
    if not evidence:
        return Verdict(scores={})
    scores: dict[str, float] = {}
    labelling: dict[str, float] = {}
    first_seen: dict[str, int] = {}
    for ev in evidence:
        actor = ev.actor
        scores[actor] = scores.get(actor, 0.0) + ev.weight
        kind = ev.kind
        if kind == "attribution" or kind == "carry":
            labelling[actor] = labelling.get(actor, 0.0) + ev.weight
            if actor not in first_seen:
                first_seen[actor] = ev.start if kind == "attribution" else -1
    labels: list[str] = []
    if labelling:
        top = max(scores[a] for a in labelling)
        labels = [
            actor
            for actor in labelling
            if labelling[actor] >= rules.min_score and scores[actor] >= rules.threshold * top
        ]
        labels.sort(key=lambda a: (-scores[a], first_seen[a]))
    order = _actor_order(rules)
    rounded = {
        a: round(s, 3) for a, s in sorted(scores.items(), key=lambda kv: order.get(kv[0], 99))
    }
    carried = work.carried_from
    return Verdict(
        labels=tuple(labels),
        primary=labels[0] if labels else None,
        scores=rounded,
        evidence=tuple(sorted(evidence, key=_evidence_key)),
        carried_from=carried
        if carried is not None and any(ev.kind == "carry" for ev in evidence)
        else None,
    )


def _evidence_key(ev: Evidence) -> tuple[int, str]:
    return ev.start, ev.rule


_ORDERS: dict[int, tuple[CompiledRules, dict[str, int]]] = {}


def _actor_order(rules: CompiledRules) -> dict[str, int]:
    """Each actor's place in the config, for ordering scores (cached per compiled rules)."""
    cached = _ORDERS.get(id(rules))
    if cached is None or cached[0] is not rules:
        cached = (rules, {actor.id: i for i, actor in enumerate(rules.actors)})
        if len(_ORDERS) > 8:
            _ORDERS.clear()
        _ORDERS[id(rules)] = cached
    return cached[1]
