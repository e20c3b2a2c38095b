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
   article has tied to an actor before: its speaker registry (reader.carry.register_roles)
   ties the name in every title phrase to the phrase's side ("Moscow's envoy to the UN,
   Dmitry Polyansky," ... "Polyansky said", "the diplomat added"). A named
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
   unprefixed blocks in that speaker's voice until the next "Name:" line; section labels
   ("Source: X", "Quote: ...", "Details:") are no speakers, and "Source: X" makes X the speaker
   the next quote carries. A quote that runs on over paragraphs (an opening mark, no closing
   one) belongs to the speaker named where it closes.
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

Where each step lives: this module runs the steps per block (`_analyse`) and turns evidence
into scores and labels (`_Verdicts`); reader.scan folds and scans the text (step 6 and the
matches every step starts from); reader.text_units splits sentences, quotes and tokens
(step 1); reader.phrases resolves a noun phrase to an actor; reader.attribution is the
speech-verb grammar (steps 2-3); reader.carry keeps what the article has established across
blocks: the last speaker, roles, transcript and document voice (steps 4 and 7).

Speed: blocks are taken in chunks; each chunk's text is folded once and scanned once per
combined pattern (reader.rules.compile), the matches shared out to the blocks; the Python
work runs only around the verbs and names those patterns find, and the collector is paused
within a chunk. Memory: a verdict outlives the classification, so equal parts of verdicts
(evidence texts, score mappings, label tuples, the empty verdict) are shared.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from operator import attrgetter
from types import MappingProxyType

from reader.attribution import allowed, reported_positions, sentence_attrs, settle
from reader.carry import (
    OFFICIAL_TITLE,
    Speaker,
    State,
    bare_quote,
    close_quote,
    continues_quote,
    document_title,
    document_voice,
    forward_speaker,
    house_side,
    known_role,
    mostly_quoted,
    note_region,
    register_roles,
    resolve_title,
    still_open,
)
from reader.config import Config
from reader.model import Article, Block, ClassifiedArticle, Verdict
from reader.phrases import COORD, OBJECT_PREP, SKIP, Who, first_phrase, is_person, resolve
from reader.rules.compile import CompiledRules
from reader.scan import BlockWork, Budget, add_evidence, prepare_chunk
from reader.scan_ahead import SCAN_AHEAD_FROM, ScanAhead
from reader.text_units import CAP, COLON_PREFIX, DASH_SUFFIX, END, LOW, START, TERM, Unit, inside


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
    article: Article,
    config: Config,
    problems: list[str] | None = None,
    *,
    scan_ahead: bool | None = None,
    pace: Callable[[], None] | None = None,
) -> Iterator[Verdict]:
    """The verdicts of `article`'s blocks in block order, as they are computed.

    For a progressive display: the first screen's verdicts arrive within milliseconds and the
    rest as the caller asks for them. Carry-over only looks back, so block i's verdict depends
    on blocks 0..i alone. Two exceptions: a headline whose source ("MoD says ...") is named
    in the first paragraphs waits for block 1 + carry_distance; a paragraph that opens a quote
    and does not close it waits (at most `_QUOTE_PARAGRAPHS` paragraphs) for the paragraph
    that closes it, whose named speaker speaks in it too.

    Regexes from rule files run with a time budget (`settings.regex_budget_ms` per rule file,
    per article and per started MB of its text); a regex that exceeds it is switched off for
    the rest of the article and one line naming it is appended to `problems`.

    `scan_ahead`: whether a helper process scans the next chunks meanwhile (reader.scan_ahead;
    by default, for articles of `SCAN_AHEAD_FROM` characters or more). The verdicts are the
    same either way.

    `pace`, when given, is called before each block is analysed: a UI thread's worker passes
    one that stands aside while the user presses keys (a chunk is ~0.25 s of work, too long to
    wait for between verdicts).
    """
    rules = config.rules
    distance = config.carry_distance
    state = State()
    size = sum(len(block.text) for block in article.blocks)
    budget = Budget(rules.regex_budget * (1 + size // 1_000_000), problems)
    verdict = _Verdicts(rules)
    strings: dict[str, str] = {}  # evidence texts, shared (see `add_evidence`)
    held: list[BlockWork] = []  # a headline waiting for its source, and the blocks after it
    opened: list[BlockWork] = []  # paragraphs of a quote still open, waiting for its speaker
    ahead: BlockWork | None = None  # a bare quote, waiting to see if the next block names it
    title_who: Who | None = None
    first = True
    ready: list[Verdict] = []

    def emit(work: BlockWork) -> None:
        nonlocal held
        if held:
            held.append(work)
            if len(held) >= 2 + distance:
                ready.extend(_release(held, title_who, rules, distance, verdict))
                held = []
            return
        ready.append(verdict(work))

    chunks = list(_chunks(article.blocks))
    if scan_ahead is None:
        scan_ahead = size >= SCAN_AHEAD_FROM
    helper = ScanAhead(chunks, rules) if scan_ahead else None
    try:
        for n, chunk in enumerate(chunks):
            ready = []
            found = helper.take(n) if helper is not None else None
            # No collection inside a chunk: a block's working objects die young, and a full
            # collection would walk everything the caller already holds (a third of the time
            # over 100,000 paragraphs). Collecting resumes before control returns to the caller.
            collecting = gc.isenabled()
            gc.disable()
            try:
                for block, work in zip(
                    chunk, prepare_chunk(chunk, rules, budget, strings, found), strict=True
                ):
                    if pace is not None:
                        pace()
                    pending = _analyse(block, work, rules, state, distance)
                    if first:
                        first = False
                        if pending is not None:
                            held, title_who = [work], pending
                            continue
                    if ahead is not None:
                        forward_speaker(ahead, work, rules)
                        emit(ahead)
                        ahead = None
                    if opened:
                        if continues_quote(work):
                            opened.append(work)
                            if still_open(work) and len(opened) <= _QUOTE_PARAGRAPHS:
                                continue
                            close_quote(opened, rules)
                            for done in opened:
                                emit(done)
                            opened = []
                            continue
                        for done in opened:
                            emit(done)
                        opened = []
                    if work.quotes and not work.main and block.kind != "title" and still_open(work):
                        opened = [work]  # its speaker may be named where the quote closes
                        continue
                    if block.kind != "title" and bare_quote(work):
                        ahead = work
                        continue
                    emit(work)
            finally:
                if collecting:
                    gc.enable()
            yield from ready
    finally:
        if helper is not None:
            helper.close()
    ready = []
    for done in opened:
        emit(done)
    if ahead is not None:
        emit(ahead)
    yield from ready
    if held:
        yield from _release(held, title_who, rules, distance, verdict)


# A quote may run on over this many paragraphs before its speaker must have been named.
_QUOTE_PARAGRAPHS = 4


def _release(
    held: list[BlockWork],
    who: Who | None,
    rules: CompiledRules,
    distance: int,
    verdict: _Verdicts,
) -> list[Verdict]:
    """The headline's verdict, its source resolved from the blocks after it, then theirs."""
    if who is not None:
        resolve_title(held, who, rules, distance)
    return [verdict(work) for work in held]


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


def _colon_label(
    prefix: re.Match[str], work: BlockWork, state: State, is_title: bool
) -> tuple[Who, list[Unit], int, bool] | None:
    """The speaker a "Name: ..." prefix names, with the units before the colon, where it is,
    and whether it is a transcript's line (whose voice runs on); None when the words before
    the colon are no speaker's label."""
    if len(prefix.group(1).split()) > 10:
        return None  # a long clause before a colon is a sentence, not a speaker's label
    cut = prefix.end(1)
    before = [u for u in work.units if u[END] <= cut]
    transcript = True
    if len(before) > 2 and before[0][LOW] in ("quote", "quotes") and before[1][LOW] == "from":
        before = before[2:]  # "Quote from Hrynchuk: ...": one quote, a Ukrainian outlet's way
        transcript = False
    pre_units = first_phrase(before)
    after = before.index(pre_units[-1]) + 1 if pre_units else len(before)
    if after < len(before) and _qualifies_noun(before[after], work):
        return None  # "Ukraine peace push: ...": the name only qualifies a noun
    who = known_role(resolve(pre_units, state.names), state)
    if who.kind in ("pronoun", "none") and not is_title:
        return None  # "We discussed three things today: ...", not a speaker's label
    return who, pre_units, cut, transcript


def _qualifies_noun(unit: Unit, work: BlockWork) -> bool:
    """A plain lower-case word right after a name ("Ukraine peace push"): the name is a
    modifier, not the speaker of what follows the colon."""
    low = unit[LOW]
    if unit[TERM] is not None or unit[CAP] or not low.isalpha():
        return False
    if low in OBJECT_PREP or low in SKIP or low in COORD:
        return False
    return all(start != unit[START] for start, _, _ in work.verbs)


def _analyse(
    block: Block, work: BlockWork, rules: CompiledRules, state: State, distance: int
) -> Who | None:
    """Fill `work.evidence`; returns a headline's unresolved source, for later resolution."""
    units = work.units
    is_title = block.kind == "title" or (block.index == 0 and block.kind == "heading")
    title_pending: Who | None = None

    if work.index <= 2 and not is_title and not state.house:
        house_side(work, state, rules)
    if work.terms:
        note_region(work, state)
    if units:
        register_roles(work, state)
    elif state.people:
        for start, end, term in work.terms:
            if term.kind == "speaker":
                person = state.people.get(work.folded[start:end].rsplit(" ", 1)[-1])
                if person is not None:
                    person.last = work.index

    # Transcript voice and colon prefixes. A voice a list item sets ("Zelensky: ...") ends with
    # the list; a speaker's paragraph runs on over the points he lists, and after them.
    if state.voice_kind == "item" and block.kind != "item":
        state.voice = None
    voice_before = state.voice
    voice: Speaker | None = None
    body_from = 0
    prefix = COLON_PREFIX.match(work.text) if ":" in work.text else None
    heading = work.folded[: prefix.end(1)].strip() if prefix is not None else ""
    if prefix is not None and heading in _SECTION_LABELS:
        body_from = prefix.end(1) + 1
        _section(work, body_from, state)
        prefix = None
    elif prefix is not None and heading in _INTERVIEW_LABELS:
        body_from = prefix.end(1) + 1
        _interview_line(work, heading, state)
        prefix = None
    label = _colon_label(prefix, work, state, is_title) if prefix is not None else None
    if label is None:
        prefix = None
    if label is not None:
        who, pre_units, cut, transcript = label
        body_from = cut + 1
        if who.kind == "actor" and allowed(who, work, rules):
            add_evidence(
                work,
                "attribution.colon",
                who.actors,
                "attribution",
                who.start,
                who.end,
                rules.weights.attribution,
            )
            speaker = Speaker(who.actors, work.index)
            work.main.append((who.start, who))
            if (
                transcript
                and is_person(pre_units)
                and not is_title
                and not _speech_before(work, cut)
            ):
                state.voice = speaker  # "Mark Rutte: ...", not "Lavrov said: ..."
            else:
                state.voice = None
            voice = speaker
            state.last = speaker
            work.speaker_set = True
        elif who.kind == "unknown" and not is_title:
            state.voice = Speaker((), work.index)
            voice = state.voice
            state.last = voice
        elif who.kind in ("role", "unknown") and is_title and not OFFICIAL_TITLE.match(work.text):
            title_pending = who
    elif state.voice is not None and not is_title:
        voice = state.voice
        if voice.actors:
            add_evidence(
                work,
                "carry.transcript",
                voice.actors,
                "carry",
                0,
                len(work.text),
                rules.weights.carry,
            )
            work.carried_from = voice.block

    if state.voice is not voice_before:
        state.voice_kind = block.kind

    if is_title and prefix is None:
        dash = DASH_SUFFIX.search(work.text)
        if dash is not None:
            tail = [u for u in units if u[START] >= dash.start(1)]
            who = resolve(first_phrase(tail), state.names)
            if who.kind == "actor":
                add_evidence(
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
    verbs = [v for v in work.verbs if v[0] >= body_from] if body_from else work.verbs
    markers = work.markers
    if markers:
        quotes = work.quotes
        markers = [m for m in markers if m[0] >= body_from and not inside(m[0], quotes)]
    in_voice = voice is not None and bool(voice.actors)
    sentences = work.sentences
    for s_start, s_end in sentences:
        if len(sentences) == 1:  # most blocks: every verb and marker is in it
            s_verbs, s_markers = verbs, markers
        else:
            s_verbs = [v for v in verbs if s_start <= v[0] < s_end]
            s_markers = [m for m in markers if s_start <= m[0] < s_end]
        if not s_verbs and not s_markers:
            continue
        if "?" in work.text and _NARRATOR_QUESTION.match(work.text, s_start, s_end):
            continue  # "What did Putin and Trump agree?": the narrator asks; no one answers
        attrs = sentence_attrs(work, units, work.starts, s_start, s_end, s_verbs, s_markers, state)
        settle(work, attrs, rules, state, distance, voice if in_voice else None)
        if is_title and title_pending is None and not work.main:
            # "…, Governor Says", "…, officials say": the office the first paragraphs name
            title_pending = next((a.who for a in attrs if a.who.kind == "role"), None)

    # A quote with nobody named: the last speaker's words.
    if not work.main and not in_voice and not is_title and mostly_quoted(work):
        last = state.last
        if last is not None and last.actors and work.index - last.block <= distance:
            add_evidence(
                work, "carry.quote", last.actors, "carry", 0, len(work.text), rules.weights.carry
            )
            work.carried_from = last.block
            state.last = Speaker(last.actors, work.index)

    if work.term_at and not is_title:
        reported_positions(work, rules)
    if is_title:
        document_title(work, state, rules)
    elif state.official:
        document_voice(work, state, rules)
    _framing_and_mentions(work, rules)
    return title_pending


# Labels that structure a report ("Source: Zelensky in an evening address", then "Quote: “...”",
# "Details: ...", "Background: ..."): they name no speaker themselves.
_SECTION_LABELS = frozenset(
    [
        "source",
        "sources",
        "quote",
        "quotes",
        "details",
        "background",
        "context",
        "reminder",
        "update",
        "updated",
        "note",
        "summary",
        "read more",
        "read also",
        "for reference",
        "photo",
        "video",
    ]
)


def _section(work: BlockWork, body_from: int, state: State) -> None:
    """A section label ends a transcript voice; "Source: X ..." makes X the speaker the next
    lines quote ("Quote: “...”" then carries X, as a bare quote does), without a label of its
    own: the source line states no position."""
    state.voice = None
    label = work.folded[: body_from - 1].strip()
    if label not in ("source", "sources"):
        return
    body = [u for u in work.units if u[START] >= body_from]
    who = known_role(resolve(first_phrase(body), state.names), state)
    if who.kind in ("actor", "unknown"):
        state.last = Speaker(who.actors, work.index)


_INTERVIEW_LABELS = frozenset(["q", "a", "question", "answer"])


def _interview_line(work: BlockWork, label: str, state: State) -> None:
    """An interview's "Q:" and "A:" lines. The answers are in the voice of whoever the
    introduction named last (set at the first of these lines, before a question's own "the
    Kremlin says" can change it), as are the unlabelled lines that run on after an answer;
    a question is the interviewer's (no one's), whose own reports of others count as in any
    sentence."""
    if state.interviewee is None:
        state.interviewee = state.last or Speaker((), work.index)
    if label in ("a", "answer"):
        state.voice = state.interviewee
    else:
        state.voice = Speaker((), work.index)


# A question in the narrator's words, with no quote in it (an explainer's headline, a
# rhetorical question), after an optional "Topic: " label.
_NARRATOR_QUESTION = re.compile(
    r"(?:[^:\"“”«»]{1,60}:\s+)?(?:what|why|how|who|whom|whose|which|where|when|is|are|was|were|"
    r"do|does|did|will|would|can|could|should|has|have|had|may|might|must)\b[^\"“”«»]*\?\s*$",
    re.IGNORECASE,
)


def _speech_before(work: BlockWork, cut: int) -> bool:
    """A speech verb before the colon ("Lavrov said: ..."): prose that introduces one quote,
    not a transcript line that puts the lines after it in the speaker's voice."""
    return any(start < cut for start, _, _ in work.verbs)


def _framing_and_mentions(work: BlockWork, rules: CompiledRules) -> None:
    """Framing terms in the narrator's voice, then mentions (outside quotes) that no other
    evidence already covers: they order labels, never make one."""
    quotes = work.quotes
    weights = rules.weights
    excluded = work.excluded
    for start, end, rule in work.framing:
        if (
            rule.actor is None
            or (quotes and inside(start, quotes))
            or (excluded and inside(start, excluded))
        ):
            continue
        weight = weights.framing * rule.weight
        add_evidence(work, rule.id, (rule.actor,), "framing", start, end, weight)
    if not work.terms:
        return
    used = {(ev.start, ev.actor) for ev in work.evidence}
    for start, end, term in work.terms:
        if not term.actors or term.kind == "role" or (quotes and inside(start, quotes)):
            continue
        actors = [actor for actor in term.actors if (start, actor) not in used]
        if actors:
            add_evidence(work, "mention", actors, "mention", start, end, weights.mention)


class _Verdicts:
    """Turns a block's evidence into its verdict: scores per actor, labels, the carried-from.

    An actor's score is the sum of its evidence weights; labels go to the actors with
    attribution or carry evidence whose labelling weight reaches `min_score` and whose score
    reaches `threshold` times the best one, dominant first (ties: the first attributed).

    Verdicts outlive the classification (a reader holds every one), so equal parts are shared:
    one verdict for every block with no evidence, one scores mapping and one labels tuple for
    each distinct value (a handful over a whole article)."""

    __slots__ = ("labels", "min_score", "order", "scores", "threshold")

    def __init__(self, rules: CompiledRules) -> None:
        self.order = {actor.id: i for i, actor in enumerate(rules.actors)}
        self.min_score = rules.min_score
        self.threshold = rules.threshold
        self.scores: dict[tuple[tuple[str, float], ...], Mapping[str, float]] = {}
        self.labels: dict[tuple[str, ...], tuple[str, ...]] = {}

    def __call__(self, work: BlockWork) -> Verdict:
        evidence = work.evidence
        if not evidence:
            return _NO_VERDICT
        scores: dict[str, float] = {}
        labelling: dict[str, float] = {}
        first_seen: dict[str, int] = {}
        carried = False
        score_of = scores.get  # bound once: the loop runs per evidence
        for ev in evidence:
            actor = ev.actor
            weight = ev.weight
            scores[actor] = score_of(actor, 0.0) + weight
            kind = ev.kind
            if kind == "attribution" or kind == "carry":
                labelling[actor] = labelling.get(actor, 0.0) + weight
                if actor not in first_seen:
                    first_seen[actor] = ev.start if kind == "attribution" else -1
                if kind == "carry":
                    carried = True
        labels: tuple[str, ...] = ()
        if labelling:
            floor = self.threshold * max(scores[a] for a in labelling)
            chosen = [
                actor
                for actor, weight in labelling.items()
                if weight >= self.min_score and scores[actor] >= floor
            ]
            if len(chosen) > 1:
                chosen.sort(key=lambda a: (-scores[a], first_seen[a]))
            labels = self._labels(tuple(chosen))
        carried_from = work.carried_from if carried else None
        return Verdict(
            labels=labels,
            primary=labels[0] if labels else None,
            scores=self._scores(scores),
            evidence=tuple(sorted(evidence, key=_EVIDENCE_ORDER))
            if len(evidence) > 1
            else tuple(evidence),
            carried_from=carried_from,
        )

    def _scores(self, scores: dict[str, float]) -> Mapping[str, float]:
        """The scores rounded to 3 places, in the config's actor order (shared when equal)."""
        if len(scores) == 1:
            key = tuple((a, round(s, 3)) for a, s in scores.items())
        else:
            order = self.order
            key = tuple(
                (a, round(s, 3))
                for a, s in sorted(scores.items(), key=lambda kv: order.get(kv[0], 99))
            )
        shared = self.scores.get(key)
        if shared is None:
            shared = dict(key)
            if len(self.scores) < _SHARED_KEPT:
                self.scores[key] = shared
        return shared

    def _labels(self, labels: tuple[str, ...]) -> tuple[str, ...]:
        return self.labels.setdefault(labels, labels)


_NO_VERDICT = Verdict(scores=MappingProxyType({}))
_EVIDENCE_ORDER = attrgetter("start", "rule")
_SHARED_KEPT = 4096
