"""Scanning: each chunk of blocks is folded once and scanned once per combined pattern.

Why: the Python work per block is what costs time over 100,000 paragraphs, so the regex work
is done over a chunk's joined text (reader.rules.compile builds the few trie-factored patterns)
and the matches are shared out to the blocks. A block is tokenised only when there is grammar
to do in it (a speech verb, a source marker, a role, a title, a "Name:" prefix).

`prepare_chunk` makes each block's `BlockWork` (reader.classify.types): its matches, then the
evidence the later steps add. It reads each block's text as `reading` makes it (then a title
in one case recased, `_lexicon`); the work keeps the article's text where that differs.
`Budget` keeps rule-file regexes (which can backtrack for minutes) within a time budget.
"""

from __future__ import annotations

import re
import time
from bisect import bisect_right
from collections.abc import Callable, Sequence
from itertools import accumulate
from operator import itemgetter
from typing import Any, TypeVar

from reader.classify.datelines import dateline
from reader.classify.effort import Effort
from reader.classify.headcase import body_casing, recase, written_case
from reader.classify.marks import double_quoted
from reader.classify.types import BlockWork, Unit, written_lower
from reader.classify.typography import Retyped, retype
from reader.classify.units import (
    BARE_LABEL,
    COLON_PREFIX,
    OWN_WORDS,
    OWN_WORDS_HINT,
    ends_open,
    in_spans,
    merged,
    quoted_spans,
    sentence_spans,
    subheading_dash,
    tokenise,
)
from reader.model import Block
from reader.rules.compile import (
    CompiledRules,
    Term,
    TermRule,
    UserRegex,
    VerbForm,
    fold,
    step_form,
)
from reader.rules.prefilter import Words, holds_all, matches_from, may_match_each

_T = TypeVar("_T")


def reading(text: str) -> Retyped:
    """A block's `text` as every rule reads it: in the house style (`typography.retype`), its
    quotes' single marks made double (`marks.double_quoted`); with where each character came
    from when a double hyphen shortened it (`Retyped.origin`). A title written in one case is
    then recased too (`_lexicon`), one character for one."""
    typed = retype(text)
    read = double_quoted(typed.text)
    return typed if read is typed.text else Retyped(read, typed.origin)


# The title and the paragraphs after it that may name the document's author.
_LEAD_BLOCKS = 2


def prepare_chunk(
    blocks: Sequence[Block],
    rules: CompiledRules,
    budget: Budget,
    strings: dict[str, str],
    effort: Effort | None = None,
    open_before: bool = False,
) -> list[BlockWork]:
    """Scan a run of blocks with the combined patterns in one pass over their joined text;
    `effort` is checked between the scans and the blocks, so a cancel ends the work soon.
    `open_before`: the block before the run ended inside a quote (see `quoted_spans`). The
    blocks are joined with a newline: no term holds one and every term ends at a word end, so
    each match falls inside one block, exactly where a scan of that block alone finds it."""
    typed = [reading(block.text) for block in blocks]
    texts = [read.text for read in typed]
    joined = "\n".join(texts)
    folded_all = fold(joined)
    bounds = list(accumulate((len(text) + 1 for text in texts[:-1]), initial=0))
    check = effort.check if effort is not None else _no_check
    check()
    excluded = _bucket(rules.exclusions.scan(folded_all), bounds)
    folded = [
        folded_all[start : start + len(text)] for start, text in zip(bounds, texts, strict=True)
    ]
    words = Words(folded_all)
    if rules.exclusion_regex:
        budget.scan(rules.exclusion_regex, words, folded, bounds, excluded)
    framing = _bucket(rules.framing.scan(folded_all), bounds)
    if rules.framing_regex:
        budget.scan(rules.framing_regex, words, folded, bounds, framing)
    check()
    texts, case, terms = _lexicon(blocks, texts, joined, folded_all, bounds, rules)
    check()
    verbs = _verbs(rules, budget, words, folded, bounds)
    markers = _bucket(_with_own_words(folded_all, bounds, rules.markers.scan(folded_all)), bounds)
    off, meets = budget.off, may_match_each(rules.meeting_needs, folded_all, bounds)
    works: list[BlockWork] = []
    for i, block in enumerate(blocks):
        work = _prepare(
            block,
            texts[i],
            folded[i],
            [(s, e) for s, e, rule in excluded[i] if rule.id not in off]
            if off
            else [(s, e) for s, e, _ in excluded[i]],
            terms[i],
            verbs[i],
            [(s, e) for s, e, _ in markers[i]],
            [hit for hit in framing[i] if hit[2].id not in off] if off else framing[i],
            strings,
            check,
            _rule_ids(excluded[i], off) if excluded[i] else (),
            runs_on=open_before,
            recased=case if i == 0 else "",
        )
        work.origin = typed[i].origin  # (`written`, the article's text, is set with it)
        work.may_meet = meets[i]
        open_before = ends_open(work.text, work.quotes)
        works.append(work)
    return works


def _lexicon(
    blocks: Sequence[Block],
    texts: list[str],
    joined: str,
    folded_all: str,
    bounds: list[int],
    rules: CompiledRules,
) -> tuple[list[str], str, list[list[tuple[int, int, Term]]]]:
    """The lexicon's matches in each block; a headline written all in capitals or all in lower
    case is read in its body's casing (reader.classify.headcase): the texts with it recased,
    and the case it was written in ("" for none)."""
    found = rules.terms.scan(folded_all)
    case = written_case(texts[0]) if _headline(blocks[0]) else ""
    if case:
        head = [t for t in found if t[1] <= len(texts[0])]
        title = recase(texts[0], case, body_casing(texts[1:]), head)
        texts = [title, *texts[1:]]
        joined = title + joined[len(title) :]
    return texts, case, _bucket(titled_surnames(found, joined, rules), bounds)


def _headline(block: Block) -> bool:
    """The article's title (or the heading that opens it), the block a headline's casing
    may be recased in."""
    return block.index == 0 and block.kind in ("title", "heading")


# A capitalised word right after a title, that no further name word follows ("Prime Minister
# Carney said", not "Minister Pavel Ivanov").
_SURNAME_AFTER = re.compile(r" ([^\W\d_]+)(?=['’]s\b|[^\w'’-]|$)(?!\s+[A-Z])")


def titled_surnames(
    matches: list[tuple[int, int, Term]], text: str, rules: CompiledRules
) -> list[tuple[int, int, Term]]:
    """The lexicon's matches, with each surname of a listed full name right after a title in
    capitals ("Prime Minister Carney", "Ambassador Antonov") read as that speaker. Why: the
    lexicon lists a surname alone only where it is no common word or first name, but after a
    title the word can only be the name (`CompiledRules.surnames`)."""
    surnames = rules.surnames
    if not surnames:
        return matches
    out: list[tuple[int, int, Term]] = []
    for k, (start, end, term) in enumerate(matches):
        out.append((start, end, term))
        if term.kind != "role" or not text[start].isupper():
            continue
        found = _SURNAME_AFTER.match(text, end)
        if found is None or not found.group(1)[0].isupper():
            continue
        if k + 1 < len(matches) and matches[k + 1][0] < found.end():
            continue  # a term of the lexicon's own there ("Prime Minister Mark Carney")
        speaker = surnames.get(fold(found.group(1)))
        if speaker is not None:
            out.append((found.start(1), found.end(1), speaker))
    return out


def _rule_ids(hits: list[tuple[int, int, TermRule]], off: set[str]) -> tuple[str, ...]:
    """The exclusion and action rules whose matches take their spans from a block (each once,
    those out of time budget left out): the verdict's `rules` start with them."""
    return tuple(dict.fromkeys(rule.id for _, _, rule in hits if rule.id not in off))


def _verbs(
    rules: CompiledRules, budget: Budget, words: Words, folded: list[str], bounds: list[int]
) -> list[list[tuple[int, int, VerbForm]]]:
    """Each block's speech and stance verbs, with its formal steps (`steps:` regexes)."""
    scanned = _with_running(rules.verbs.scan(words.text), words.text)
    verbs = _bucket(_with_views(scanned, words.text), bounds)
    if not rules.steps:
        return verbs
    steps: list[list[tuple[int, int, TermRule]]] = [[] for _ in bounds]
    budget.scan(rules.steps, words, folded, bounds, steps)
    return [
        _with_steps(v, hits, folded[i])
        for i, (v, hits) in enumerate(zip(verbs, steps, strict=True))
    ]


def _with_running(
    verbs: list[tuple[int, int, VerbForm]], text: str
) -> list[tuple[int, int, VerbForm]]:
    """The verbs with a text's "runs" that quotes it ("..., the statement runs.", "the
    document ran as follows:"), a wire's way of saying "reads". Only after a text's noun and
    before the sentence's end, a colon or "as follows": "runs" is no speech verb elsewhere
    ("Moscow runs the drills", "the pipeline runs through Poland"). Or before a comma and the
    quote that goes on ('"...," the statement ran, "and ..."'). `text` is folded."""
    if " ran" not in text and " runs" not in text:
        return verbs
    found = [(hit.start(1), hit.end(1), _RUN) for hit in _TEXT_RUNS.finditer(text)]
    return sorted(verbs + found, key=itemgetter(0)) if found else verbs


# A text's noun and "runs"/"ran" that close the sentence, open what it says or stand between
# the two parts of a quote (a comma and the quote's opening mark after it). Folded text.
_TEXT_RUNS = re.compile(
    r"\b(?:statement|declaration|communiqu[eé]|document|text|message|release|letter|appeal|"
    r"note|resolution|post)\s+(runs|ran)(?=\s*(?:[.;:]|$|,\s*[\"“«])|\s+as\s+follows\b)"
)
_RUN = VerbForm("run", "speech", False)


def _with_views(
    verbs: list[tuple[int, int, VerbForm]], text: str
) -> list[tuple[int, int, VerbForm]]:
    """The verbs with each view held in "sees ... as" ("Moscow sees the drills as a threat",
    "what NATO sees as aggressive flights"), a stance as "regards ... as" is, and in "seen by X
    as" (a passive whose agent holds the view, read as a speech verb's passive is). "See" alone
    is an act (`verbs.events`: "Kyiv saw heavy fighting"); a comparison ("as soon as"), a
    clause of time after "as" and a passive with no agent ("widely seen as") are no view. A
    figure "put at" a number is an estimate given ("which NATO has put at 40,000"). `text`
    is folded: each pattern is tried only where its verb stands (`matches_from`)."""
    if "as" not in text:
        return verbs
    taken = {start for start, _, _ in verbs}
    views = (
        [
            (found.start(), found.end(1), _VIEW)
            for found in matches_from(_SEES_AS, text, "see")
            if found.start() not in taken
        ]
        + [
            (found.start(), found.end(1), _PUT_AT)
            for found in matches_from(_PUTS_AT, text, "put")
            if found.start() not in taken
        ]
        + [
            (found.start(), found.end(1), _SEEN_BY)
            for found in matches_from(_SEEN_BY_AS, text, "seen")
            if found.start() not in taken
        ]
    )
    return sorted(verbs + views, key=itemgetter(0)) if views else verbs


# "sees" or "see", at most five words of its object, then "as" and a complement: not a
# comparison ("as soon as", "as well as") nor a clause of time ("as it crossed", "as the talks
# were ending"). The past "saw" is left out: "Kyiv saw heavy shelling as ..." tells events;
# so is a narrator's framing with a pronoun, "pushes back against what it sees as ...".
_AS_CLAUSE = (
    r"(?!(?:well|soon|long|much|many|far|if|though|a\s+result|part|usual|such|of|to|for)\b)"
    r"(?!\w+\s+as\b)(?!(?:it|he|she|they|we|i|you)\b)"
    r"(?!(?:[\w'’-]+\s+){0,4}?(?:is|are|was|were|has|have|had|will|would|did|does|broke|began|"
    r"went|came|fell|rose|grew|took|got)\b)"
)
_SEES_AS = re.compile(
    r"(?<!\bwhat\sit\s)(?<!\bwhat\sthey\s)(?<!\bwhat\she\s)(?<!\bwhat\sshe\s)"
    r"\b(sees|see)\s+(?:(?!as\b)[\w'’-]+\s+){0,5}?as\s+" + _AS_CLAUSE,
    re.IGNORECASE,
)
_VIEW = VerbForm("see", "stance", False)
# "is seen by X as ...": the view X holds, its agent after "by" as a speech verb's passive
# names it ("was described as ... by X"); "widely seen as" names no one.
_SEEN_BY_AS = re.compile(r"\b(seen)\s+by\s+(?:[\w'’.-]+\s+){1,6}?as\s+" + _AS_CLAUSE, re.IGNORECASE)
_SEEN_BY = VerbForm("see", "speech", False)
# A figure given: "the troops, which NATO has put at 40,000" (a claim even in a relative
# clause: reader.classify.subjectphrase._object_relative); "put at risk" gives no figure.
_PUTS_AT = re.compile(
    r"\b(puts|put)\s+(?:(?!at\b)[\w'’-]+\s+){0,5}?at\s+(?:(?:about|around|some|roughly|"
    r"nearly|almost|approximately|least|more\s+than|over|up\s+to|between)\s+)*[$€£]?\d",
    re.IGNORECASE,
)
_PUT_AT = VerbForm("put", "stance", False)


def _with_steps(
    verbs: list[tuple[int, int, VerbForm]], steps: list[tuple[int, int, TermRule]], folded: str
) -> list[tuple[int, int, VerbForm]]:
    """A block's verbs with its formal steps' verb phrases (`steps:` regexes) among them, in
    order: a verb of the lexicon that holds a step's first word ("is to expel", a stance)
    stays instead, and one inside a step ("denounce" in "launched a procedure to denounce
    the treaty") is part of the step."""
    if not steps:
        return verbs
    found: list[tuple[int, int, VerbForm]] = []
    for s, e, rule in sorted(steps, key=lambda hit: hit[0]):
        if any(v[0] <= s < v[1] for v in verbs) or (found and s < found[-1][1]):
            continue
        found.append((s, e, step_form(rule.id, folded[s:e])))
    if not found:
        return verbs
    kept = [v for v in verbs if not any(s < v[0] < e for s, e, _ in found)]
    return sorted(kept + found, key=lambda v: v[0])


def _no_check() -> None:
    """No cancel to look for (a classification without an `Effort`)."""


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


class Budget:
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
        words: Words,
        folded: list[str],
        bounds: list[int],
        out: list[list[tuple[int, int, TermRule]]],
    ) -> None:
        """Add every match of `rules`' regexes to `out`, per block, in rule order (`words`: the
        blocks' joined text, with its words for the prefilter's `in` tests)."""
        folded_all = words.text
        for rule in rules:
            for rx in rule.regexes:
                if rule.id in self.off:
                    break
                if not holds_all(words, rx.groups):
                    continue  # a string every match needs is in none of the blocks
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
                    redo = _candidates(rx, words, folded, bounds)
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
        granted = max(0.0, min(rule_left, file_left))
        started = time.perf_counter()
        try:
            if granted <= 0:
                raise TimeoutError
            found = rx.pattern.finditer(text, timeout=granted, concurrent=True)
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
            # A busy machine can pause this thread past the timeout: a rule that ran out is
            # charged what it was granted, not the scheduler's delay, so the other rules of
            # its file keep their share (and the outcome does not depend on the load).
            spent = time.perf_counter() - started
            if rule.id in self.off:
                spent = min(spent, granted)
            self.left[rule.id] = rule_left - spent
            self.left[rx.file] = file_left - spent
        return spans


def _candidates(rx: UserRegex, words: Words, folded: list[str], bounds: list[int]) -> set[int]:
    """The blocks that hold one of the strings every match of `rx` needs (its compiled
    prefilter, searched for over the joined text, once per block that holds one) and one of
    each other set of strings it needs (`rx.groups`); every block when it has no prefilter.

    The strings hold no newline, so each one found lies inside the block where it starts."""
    if rx.need is None:
        return set(range(len(bounds)))
    if rx.need_strings:  # each one the chunk holds, found by `str.find` (see `need_strings`)
        found = _holding([s for s in rx.need_strings if s in words], words.text, bounds)
    else:
        found = _holding_match(rx.need.search, words.text, bounds)
    if len(rx.groups) > 1:
        return {i for i in found if holds_all(folded[i], rx.groups)}
    return found


def _holding(strings: list[str], text: str, bounds: list[int]) -> set[int]:
    """The blocks of the joined `text` where one of `strings` starts."""
    found: set[int] = set()
    count = len(bounds)
    find = text.find
    for string in strings:
        pos = find(string)
        while pos >= 0:
            i = bisect_right(bounds, pos) - 1
            found.add(i)
            if i + 1 >= count:
                break
            pos = find(string, bounds[i + 1])
    return found


def _holding_match(search: Callable[[str, int], Any], text: str, bounds: list[int]) -> set[int]:
    """The blocks of the joined `text` where a match of `search` starts."""
    found: set[int] = set()
    count = len(bounds)
    pos = 0
    while (m := search(text, pos)) is not None:
        i = bisect_right(bounds, m.start()) - 1
        found.add(i)
        if i + 1 >= count:
            break
        pos = bounds[i + 1]
    return found


_NO_UNITS: tuple[list[Unit], list[int], list[int]] = ([], [], [])  # never changed: shared


def _with_own_words(
    folded_all: str, bounds: list[int], markers: list[tuple[int, int, Any]]
) -> list[tuple[int, int, Any]]:
    """The source markers with the phrases that name the owner of a sentence's words ("In her
    opinion,", "As Peskov put it,": `units.OWN_WORDS`), in offset order: looked for only in
    the blocks that hold one of their nouns."""
    found: list[tuple[int, int, Any]] = []
    searched = -1
    for hint in OWN_WORDS_HINT.finditer(folded_all):
        i = bisect_right(bounds, hint.start()) - 1
        if i == searched:
            continue
        searched = i
        end = bounds[i + 1] - 1 if i + 1 < len(bounds) else len(folded_all)
        found += [
            (m.start(), m.end(), None) for m in OWN_WORDS.finditer(folded_all, bounds[i], end)
        ]
    return sorted([*markers, *found], key=itemgetter(0)) if found else markers


# The paragraphs where a newspaper's "LONDON: " dateline may open the story.
_OPENING_BLOCKS = 2


def _without_lower_us(
    terms: list[tuple[int, int, Term]], text: str, recased: str
) -> list[tuple[int, int, Term]]:
    """The block's terms without a lower-case "us" read as the United States ("Let us recall",
    "told us"): the first person, in a text that writes the country's abbreviation in capitals
    (a slug or a headline set all in lower case, "us signals ...", keeps it, recased or not).
    Looked for only in a block whose folded text holds "us" (most blocks: their terms go
    unread)."""
    lower_us = [t for t in terms if text[t[0] : t[1]] == "us"]  # (most blocks have none)
    if not lower_us or written_lower(text, recased):
        return terms
    return [t for t in terms if t not in lower_us]


def _names_speaker(opening: re.Match[str], terms: list[tuple[int, int, Term]]) -> bool:
    """A "dateline" in capitals that names an office or a person ("SECRETARY BLINKEN: ...",
    "PRIME MINISTER <NAME>: ..."): a transcript's speaker label, not the place a story was
    filed from, whose words are the speaker's."""
    start, end = opening.span("place")
    return any(start <= t[0] < end and t[2].kind in ("role", "speaker") for t in terms)


def _prepare(
    block: Block,
    text: str,
    folded: str,
    excluded: list[tuple[int, int]],
    terms: list[tuple[int, int, Term]],
    verbs: list[tuple[int, int, VerbForm]],
    markers: list[tuple[int, int]],
    framing: list[tuple[int, int, TermRule]],
    strings: dict[str, str],
    check: Callable[[], None],
    rule_ids: tuple[str, ...] = (),
    runs_on: bool = False,
    recased: str = "",
) -> BlockWork:
    """One block's working data from its matches; tokenise it only if there is grammar to do.
    `check` raises once the classification is cancelled (looked at while a long block is
    tokenised too). `rule_ids`: the exclusion and action rules that matched in it. `text`: as
    the classifier reads it (`reading`, `headcase`; `recased`: see `BlockWork.recased`)."""
    check()
    opening = dateline(text, opening=_OPENING_BLOCKS >= block.index > 0)
    if opening is not None and not _names_speaker(opening, terms):
        excluded = [(0, opening.end()), *excluded]
    if excluded:
        cover = merged(excluded)
        terms = [t for t in terms if not in_spans(t[0], cover)]
        verbs = [v for v in verbs if not in_spans(v[0], cover)]
        markers = [m for m in markers if not in_spans(m[0], cover)]
    terms = _without_lower_us(terms, text, recased) if "us" in folded else terms
    quotes = quoted_spans(text, runs_on)
    needs_units = bool(
        verbs
        or markers
        or block.index == 0
        or block.kind == "title"
        or (block.index <= _LEAD_BLOCKS and terms)  # the author an opening names (authorship)
        or (":" in text and (COLON_PREFIX.match(text) or BARE_LABEL.fullmatch(text)))
        or any(t.kind == "role" for _, _, t in terms)
        or (terms and subheading_dash(text) is not None)
    )
    units, starts, term_at = tokenise(text, folded, terms, check) if needs_units else _NO_UNITS
    return BlockWork(
        index=block.index,
        text=text,
        folded=folded,
        units=units,
        starts=starts,
        term_at=term_at,
        quotes=quotes,
        excluded=excluded,
        sentences=sentence_spans(text, check) if verbs or markers else [(0, len(text))],
        terms=terms,
        verbs=verbs,
        markers=markers,
        framing=framing,
        strings=strings,
        rules=rule_ids,
        written=block.text if text != block.text else "",
        recased=recased,
    )
