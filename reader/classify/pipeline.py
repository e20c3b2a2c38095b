"""The pipeline: runs the steps per block, in block order, as verdicts are asked for (see the
package docstring for the grammar): chunks of blocks scanned once, each block analysed, and
blocks held back while a headline's source or a running quote's speaker is still to come.

A transcript's labelled lines ("Name: ...", "Q:", "Source: X", a label alone on its line) and
the voice they set are reader.classify.transcripts' steps, split off when this module neared the
1,500-line limit (its docstring says why there); whether a colon's words are a label at all is
reader.classify.colonlabels' (`colon_label`), and a headline's or a subheading's source after
its dash or colon reader.classify.headlines' (`headline_source`, `dashed_subheading`): this
module runs the steps and joins what they read.
"""

from __future__ import annotations

import gc
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from operator import itemgetter
from threading import Event
from typing import Any, TypeVar

from reader.classify.actions import (
    document_label,
    drop_voice_of_actions,
    drop_voice_of_courtesy,
    joint_heading,
    reported_actions,
    reports_only_actions,
)
from reader.classify.attribution import on_topic, sentence_attrs, settle
from reader.classify.authorship import (
    author_voice,
    first_person_title,
    note_headline,
    note_lead,
    told_title,
)
from reader.classify.colonlabels import colon_label
from reader.classify.document import (
    addressed_opening,
    cited_house,
    document_voice,
    house_side,
    quoted_statement,
    release_lead,
    salutation_opening,
    spoken_release,
    voice_earlier,
)
from reader.classify.effort import Effort
from reader.classify.evidence import add_evidence, drop_positions, note_rule
from reader.classify.headlines import (
    EXPLAINER,
    closing_source,
    counterpart_title,
    dashed_subheading,
    decision_noun,
    headline_source,
    lost_colon_source,
    modal_claim,
    passive_decision,
    protest_to_envoy,
    resolve_title,
    slug_subject,
    subheading,
)
from reader.classify.jointvoice import joint_voice, readout_sides
from reader.classify.officialtitles import (
    awaited_topic,
    document_title,
    judged_title,
    spoken_pair,
    title_topic,
)
from reader.classify.positions import reported_positions, stated_by
from reader.classify.quotes import (
    bare_quote,
    close_quote,
    closes_only,
    continues_quote,
    forward_speaker,
    mostly_quoted,
    quote_between,
    still_open,
    unattributed,
    unmarked,
)
from reader.classify.restated import restated_views
from reader.classify.scan import Budget, prepare_chunk
from reader.classify.sources import (
    byline_source,
    embedded_document,
    headline_office,
    next_statement,
    opening_source,
    page_source,
    remarks_voice,
    several_authors,
    story_parties,
    subheading_source,
    title_source,
)
from reader.classify.speakers import (
    named_subject,
    note_person,
    note_region,
    register_roles,
)
from reader.classify.statements import statement_speaker, statement_voice
from reader.classify.subject import actor_subject
from reader.classify.summons import summoned_envoy
from reader.classify.topic import allowed, on_war
from reader.classify.transcripts import (
    HONORIFIC,
    interviewer_asks,
    section_or_prefix,
    speaker_line,
    transcript_line,
)
from reader.classify.types import START, TERM, BlockWork, Speaker, State, Who
from reader.classify.typography import page_view
from reader.classify.units import (
    in_spans,
    merged,
    section_heading,
)
from reader.classify.verdicts import Verdicts
from reader.config import Config
from reader.model import Article, Block, ClassifiedArticle, Verdict
from reader.rules.compile import CompiledRules
from reader.rules.grammar import (
    ATTRIBUTION_COLON,
    ATTRIBUTION_HEADLINE,
    CARRY_DOCUMENT,
    CARRY_QUOTE,
    CARRY_STATEMENT,
    MENTION,
)


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
    cancel: Event | None = None,
    *,
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

    `cancel`: once set, the classification stops (between blocks, and between sentences of a
    long block) by raising `Cancelled`; a reader that quits never waits for it. `pace` is called
    at the same points (see `Effort`).
    """
    rules = config.rules
    state = State(offices=rules.offices, legislatures=rules.legislatures)
    if rules.sources:
        page_source(page_view(article), state, rules)
    size = sum(len(block.text) for block in article.blocks)
    budget = Budget(rules.regex_budget * (1 + size // 1_000_000), problems)
    order = _BlockOrder(rules, config.carry_distance)
    state.titled = next((block.index for block in article.blocks if _is_title(block)), -1)
    strings: dict[str, str] = {}  # evidence texts, shared (see `add_evidence`)
    effort = Effort(cancel, pace)
    open_before = False  # the last block of the chunk before ends inside a quote
    for chunk in _chunks(article.blocks):
        with _collector_paused():
            works = prepare_chunk(chunk, rules, budget, strings, effort, open_before)
            open_before = still_open(works[-1])
            for block, work in zip(chunk, works, strict=True):
                effort.check()
                work.story = state.story and not state.official
                pending = _analyse(block, work, rules, state, config.carry_distance, effort)
                order.take(block, work, pending, _awaits_author(state))
                if work.index == 0:
                    state.story = on_war(work, rules)
            del works, work  # (the chunk's working data dies here, before collection resumes)
        yield from order.ready()
    yield from order.finish()


@contextmanager
def _collector_paused() -> Iterator[None]:
    """No collection inside a chunk: a block's working objects die young, and a full
    collection would walk everything the caller already holds (a quarter of the time, on
    typical articles and over 100,000 paragraphs alike; see the README's development notes).
    Collecting resumes before control returns to the caller."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


_at = itemgetter(0)  # a match's offset
_M = TypeVar("_M", bound=tuple[Any, ...])


def _within(matches: list[_M], start: int, end: int) -> list[_M]:
    """The matches (sorted by offset) that start in [start, end): two bisections."""
    return matches[bisect_left(matches, start, key=_at) : bisect_left(matches, end, key=_at)]


# A quote may run on over this many paragraphs before its speaker must have been named.
_QUOTE_PARAGRAPHS = 4


def _awaits_author(state: State) -> bool:
    """After the title: whether the first paragraphs are to name the document's author (a
    one-speaker title no rule knows, an official genre with no author named, "Press release
    on ..."), so their verdicts wait with the title's; so do a member's statement's opening
    lines while the page has not yet spoken on the war (reader.classify.document)."""
    waits_topic = state.official and state.document_member and not state.document_topic
    return state.author_pending or (state.official and state.document is None) or waits_topic


def _hands_over(work: BlockWork) -> bool:
    """A short line with no speaker that ends in a colon ("The Kremlin's account:"): the
    next paragraph may open the quote it introduces."""
    return not work.main and work.text.rstrip().endswith(":")


class _BlockOrder:
    """Puts the analysed blocks' verdicts out in block order, holding back the few whose
    verdict depends on a block after them: a headline whose source the first paragraphs
    name, the paragraphs of a quote still open, and a bare quote the next paragraph may name.
    """

    def __init__(self, rules: CompiledRules, distance: int) -> None:
        self.rules = rules
        self.distance = distance
        self.verdict = Verdicts(rules)
        self.held: list[BlockWork] = []  # a headline waiting for its source, and those after
        self.opened: list[BlockWork] = []  # paragraphs of a quote still open
        # paragraphs with no quote mark after it, which the quote may run on over
        self.between: list[tuple[Block, BlockWork]] = []
        self.ahead: BlockWork | None = None  # a bare quote, waiting for the next block
        self.ahead_quote = True  # ... or a paragraph with no speaker (False)
        self.title_who: Who | None = None
        self.title_first: Who | None = None  # ... and the headline's first person, if any
        self.first = True
        self._ready: list[Verdict] = []

    def take(self, block: Block, work: BlockWork, pending: Who | None, hold: bool) -> None:
        """One analysed block, in block order (`pending`: a headline's unresolved source;
        `hold`: a one-speaker title whose speaker the first paragraphs are to name)."""
        if self.first:
            self.first = False
            if pending is not None or hold:
                self.held, self.title_who = [work], pending
                self.title_first = first_person_title(work) if pending is not None else None
                return
        elif hold and not self.held and work.index <= _OPENINGS and self.ahead is None:
            self.held = [work]  # "Thank you, Madam Chair.": it waits for the line naming its side
            return
        if self.opened and self._quote_goes_on(block, work):
            return
        self._route(block, work)

    def _route(self, block: Block, work: BlockWork) -> None:
        """A block no open quote takes: held, or emitted (after the one held for it)."""
        if self.ahead is not None:
            forward_speaker(self.ahead, work, self.rules, self.ahead_quote)
            self._emit(self.ahead)
            self.ahead = None
        if work.quotes and not work.main and block.kind != "title" and still_open(work):
            self.opened = [work]  # its speaker may be named where the quote closes
            return
        if block.kind != "title" and bare_quote(work):
            self.ahead, self.ahead_quote = work, True
            return
        if block.kind == "paragraph" and (
            (unattributed(work) and not reports_only_actions(work, self.rules))
            or _hands_over(work)
            or work.awaits_name
        ):
            self.ahead, self.ahead_quote = work, False  # "X said this" may follow
            return
        self._emit(work)

    def _quote_goes_on(self, block: Block, work: BlockWork) -> bool:
        """Whether `work` continues the open quote (and is held or emitted with it). Unmarked
        paragraphs after it wait for a paragraph that only closes a quote: they were the
        quote (`quotes.quote_between`); any other ends the wait, and they are read as
        paragraphs of their own."""
        opened = self.opened
        between = self.between
        if block.kind == "paragraph" and unmarked(work):
            if len(opened) + len(between) < _QUOTE_PARAGRAPHS:
                between.append((block, work))
                return True
        elif between and closes_only(work):
            quote_between(opened, [*(w for _, w in between), work], self.rules)
            opened.extend(w for _, w in between)
            opened.append(work)
            self.between = []
            self._emit_opened()
            return True
        if between:
            self._emit_opened()
            return False
        if continues_quote(work):
            opened.append(work)
            if still_open(work) and len(opened) <= _QUOTE_PARAGRAPHS:
                return True
            close_quote(opened, self.rules)
            self._emit_opened()
            return True
        self._emit_opened()
        return False

    def _emit_opened(self) -> None:
        """The open quote's paragraphs, then the unmarked ones after it, read as their own."""
        for done in self.opened:
            self._emit(done)
        self.opened = []
        between, self.between = self.between, []
        for block, work in between:
            self._route(block, work)

    def _emit(self, work: BlockWork) -> None:
        held = self.held
        if not held:
            self._ready.append(self.verdict(work))
            return
        held.append(work)
        if len(held) >= 2 + self.distance:
            self._ready.extend(self._release())

    def _release(self) -> list[Verdict]:
        """The headline's verdict, its source resolved from the blocks after it, then theirs."""
        held, self.held = self.held, []
        if self.title_who is not None:
            resolve_title(held, self.title_who, self.rules, self.distance, self.title_first)
        return [self.verdict(work) for work in held]

    def ready(self) -> list[Verdict]:
        """The verdicts that are final, in block order (each given once)."""
        ready, self._ready = self._ready, []
        return ready

    def finish(self) -> list[Verdict]:
        """Every verdict still held, at the article's end."""
        self._emit_opened()
        if self.ahead is not None:
            self._emit(self.ahead)
        ready = self.ready()
        if self.held:
            ready.extend(self._release())
        return ready


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


def _is_title(block: Block) -> bool:
    """Whether a block is the article's headline: a title, or a heading that opens it."""
    return block.kind == "title" or (block.index == 0 and block.kind == "heading")


def _analyse(
    block: Block,
    work: BlockWork,
    rules: CompiledRules,
    state: State,
    distance: int,
    effort: Effort,
) -> Who | None:
    """Fill `work.evidence`; returns a headline's unresolved source, for later resolution."""
    is_title = _is_title(block)
    _remember_people(work, state, rules, is_title)
    voice, body_from, pending, labelled = _voice_and_label(block, work, rules, state, is_title)
    if is_title and pending is None and not (labelled and work.main):
        pending = headline_source(work, rules, state)  # (a clause before a colon: no label)
    headed = not is_title and voice is None and _subheading_voice(work, rules, state)
    in_voice = voice is not None and bool(voice.actors)
    speaking = voice if in_voice else _line_voice(work, state, is_title or headed)
    if speaking is None and not is_title:
        speaking = statement_speaker(work, state, block.kind != "heading")
    if not is_title:
        awaited_topic(work, state)  # a delegate's opening line under a title on the war
    office = None
    asked = not is_title and interviewer_asks(work, state, labelled)
    if not (is_title and EXPLAINER.match(work.folded)):  # "Why Putin wants a long war"
        office = _sentences(work, rules, state, distance, effort, body_from, speaking)
    if is_title and pending is None:
        pending = _title_source(work, office, state, rules)
    note_lead(work, state, rules)
    summoned_envoy(work, rules, state)
    if is_title:
        _title_readings(work, rules, state, distance, body_from, pending)
    else:
        _body_voices(block, work, rules, state, distance, voice, in_voice)
    _document_source(work, rules, state, is_title)
    if not is_title:
        _last_readings(work, rules, state, distance, body_from)
    elif work.term_at:
        # "Kremlin rejects Kyiv's proposal for a truce": once the title's own rules have named
        # its speaker too ("NATO disappointed with Russia's decision to ...")
        restated_views(work, rules)
    _framing_and_mentions(work, rules)
    if asked:
        drop_positions(work)  # a journalist's question: every step's reading is taken back
    if not is_title:
        quoted_statement(work, state, rules)  # an outlet's quoted statement may end here
    return pending


def _subheading_voice(work: BlockWork, rules: CompiledRules, state: State) -> bool:
    """A body paragraph set as a subheading, read in a headline's grammar: its source after a
    spaced dash ("'<quote>' - <name>"; a role there has no paragraphs to wait for), or the
    side a `headline` rule names in it ("<Side> concerned about ..."). Returns whether it is
    a dashed one, whose source speaks in it."""
    if dashed_subheading(work):
        headline_source(work, rules, state)
        return True
    if subheading(work):
        subheading_source(work, rules)
    return False


def _body_voices(
    block: Block,
    work: BlockWork,
    rules: CompiledRules,
    state: State,
    distance: int,
    voice: Speaker | None,
    in_voice: bool,
) -> None:
    """A body block's voices once its sentences are read (`voice`: the transcript voice it is
    in; `in_voice`: that voice names a side): its sources besides its speech verbs, the person
    its "he" stands for, the actions it reports, and the statement, embedded document or
    author whose words it carries on."""
    _body_sources(work, rules, state, distance, in_voice)
    if voice is None and state.voice is None:
        named_subject(work, state)  # "..., Rutte avoided predicting": "he" is Rutte now
    reported_actions(work, rules)
    statement_voice(work, state, rules, block.kind != "heading")
    if state.statement is not None:
        # "X addressed the deputies": the statement's act, not its position
        drop_voice_of_actions(work, state, rules)
    if not state.official and state.statement is None and rules.sources:
        embedded_document(work, state, rules)  # "Statement of the MFA of Ukraine on ..."
    author_voice(work, state, rules)  # "We condemn ...": the author the opening named
    joint_heading(work)  # "Joint Statement of Leaders of <A> and <B>": the text's name


def _title_readings(
    work: BlockWork,
    rules: CompiledRules,
    state: State,
    distance: int,
    body_from: int,
    pending: Who | None,
) -> None:
    """A headline's readings after its own grammar: an act it tells ("X, Y hold phone talks,
    Kremlin reports"), a formal step told with its side's name ("Moscow banned grain imports
    from ...", read as a body line's main clause is), then the side and topic it puts forward."""
    reported_actions(work, rules)
    if pending is None and work.units:
        actor_subject(work, rules, state, distance, body_from)
    note_headline(work, state)
    title_topic(work, state, rules, pending)


def _last_readings(
    work: BlockWork, rules: CompiledRules, state: State, distance: int, body_from: int
) -> None:
    """A body block's readings after its speakers are known: for a block still with no
    speaker, a side's actor as its main clause's subject ("He is imposing sanctions"), then
    positions restated by others, by that subject too ("rejected Russia's demand that",
    "Russian claims"; "NATO disappointed with Russia's decision to ...")."""
    if work.units:
        actor_subject(work, rules, state, distance, body_from)
    if work.term_at:
        restated_views(work, rules)


def _note_sources(work: BlockWork, state: State) -> None:
    """The `sources:` rules on record in the block (`Verdict.rules`): the one the page's site,
    outlet or credit matched, on the article's first block; the document's, on each block
    that carries the document's voice (`carry.document`)."""
    if work.index == 0 and state.page_rule:
        note_rule(work, state.page_rule)
    source = state.source
    if source is not None and any(ev.rule == CARRY_DOCUMENT.id for ev in work.evidence):
        note_rule(work, source.rule)


def _title_source(
    work: BlockWork, office: Who | None, state: State, rules: CompiledRules
) -> Who | None:
    """A headline's source the first paragraphs are to name: "…, Governor Says", "We will
    …", and a URL slug's "<claim> ministry" (its dash lost) or "liz truss condemns …"."""
    noun = decision_noun(work)  # "New support pledges for ...": "pledges" is no verb there
    if noun is not None and (
        office is None or (office.kind == "unknown" and office.end <= noun.end)
    ):
        return noun
    found = office or first_person_title(work) or told_title(work) or _gated_title_speaker(work)
    if found is None and not work.main and not counterpart_title(work):
        found = headline_office(work, rules) or _slug_source(work, rules)
        found = found or passive_decision(work)  # "More weapons pledged for Ukraine"
        found = found or modal_claim(work)  # "Kyiv could run out of shells"
        found = found or _protest_to_envoy(work, state, rules)
    return found


def _slug_source(work: BlockWork, rules: CompiledRules) -> Who | None:
    """A headline's source with its punctuation lost, as a URL's words leave it: the word
    that closes it ("<claim> ministry"), a name before its verb ("liz truss condemns ..."),
    or the speaker that opens it ("<side's> defence minister <claim>"). An opening office or
    name the lexicon knows goes before a closing word it does not ("... to defeat tyranny"
    is no one's name)."""
    closing = closing_source(work, rules.legislatures)
    opening = lost_colon_source(work, rules.events)
    if closing is not None and opening is not None:
        known = {u[START] for u in work.units if u[TERM] is not None}
        if opening.start in known and closing.start not in known:
            return opening
    return closing or slug_subject(work) or opening


def _gated_title_speaker(work: BlockWork) -> Who | None:
    """A headline whose one speaker is a member's, held back by the topic gate ("Erdogan
    calls for calm at sea"): a headline is too short to name the war, the story under it
    gives its topic. The name is the speaker the first paragraphs name (`resolve_title`
    takes their side only where they speak on the war there)."""
    main = work.main
    if len(main) != 1 or main[0][1].kind != "unknown":
        return None
    who = main[0][1]
    words = work.folded[who.start : who.end].split()
    return who if 0 < len(words) <= 2 else None


def _protest_to_envoy(work: BlockWork, state: State, rules: CompiledRules) -> Who | None:
    """ "<side's> diplomat presented with protest note": on a one-side site (a member's public
    broadcaster, its ministry) that is not the envoy's, the site's side protests; elsewhere the
    one other side the first paragraphs name (`resolve_title`)."""
    found = protest_to_envoy(work)
    if found is None:
        return None
    who, envoy = found
    if state.house and not set(state.house) & set(envoy):
        add_evidence(
            work, ATTRIBUTION_HEADLINE, state.house, who.start, who.end, rules.weights.attribution
        )
        return None
    return who


def _remarks_speaker(work: BlockWork, state: State, is_title: bool) -> Speaker | None:
    """In one speaker's remarks (an address, a statement read out), a line no one else holds
    the floor in is in the speaker's voice, as a transcript's line is: another side it names
    as a subject is the speaker's account of it ("Russia wants to follow the path of evil"),
    and only its stated words are a position reported ("Moscow said it would ...")."""
    source = state.source
    if is_title or source is None or not source.remarks or state.voice is not None:
        return None
    author = state.document
    return Speaker(author, work.index) if author else None


def _document_source(work: BlockWork, rules: CompiledRules, state: State, is_title: bool) -> None:
    """Where the document itself speaks: its title, its byline, an official author's voice,
    or a story opened by a call between two sides' leaders."""
    if is_title:
        if not title_source(work, state, rules):
            document_title(work, state, rules)
        judged_title(work, state, rules)
        if state.official:
            readout_sides(work, state, rules)  # "Telephone conversation with <X>"
    else:
        _body_document_source(work, rules, state)
        several_authors(work, state, rules)  # "... read out on behalf of <A>, <B> and <C>"
        drop_voice_of_courtesy(work, rules)  # "The parties expressed hope for ...": no position
    if state.source is not None or state.page_rule:
        _note_sources(work, state)


def _body_document_source(work: BlockWork, rules: CompiledRules, state: State) -> None:
    """A paragraph's part in the document's voice: a byline under the title, an opening that
    names the author, an official author's own lines, a story's joint call."""
    if state.genre is not None and byline_source(work, state, rules):
        pass  # "by NATO Secretary General X at ...": the title's second line names the speaker
    elif _opens(work, state) and opening_source(work, state, rules):
        # "X provided the following readout:", "X spoke to Y this morning"; "On behalf of
        # <state>, I ..." after a salutation that waited for the author: the salutation is theirs
        voice_earlier(state, rules)
    elif _opens(work, state) and spoken_pair(work, state):
        pass  # "Joint press point with <A> and <B>" under a repost's own title: a transcript
    elif _opens(work, state) and salutation_opening(work, state):
        pass  # "Thank you, Madam Chair.": a delegate's speech, its author named further on
    elif state.official and next_statement(work, state, rules):
        pass  # "Press statement by <name> ..., released in <city>": a second statement's author
    elif state.official:
        if work.index <= _OPENINGS:
            readout_sides(work, state, rules)  # "<A> had a telephone conversation with <X>"
            spoken_release(work, state)  # "Madam Chair,": a release that is a speech, every line
        addressed_opening(work, state, rules)  # "President <name>, ...": the other one speaks
        document_voice(work, state, rules)
        _source_voice(work, state, rules)
    if not state.official:
        story_parties(work, state, rules)  # "X met Y ...": whom "the two leaders" stand for
        joint_voice(work, state, rules)  # "the leaders agreed ..." after a call or meeting
    release_lead(work, state)  # "OTTAWA – The government of Canada continues to ..."


# The paragraphs where a story's or a reposted document's opening (an `openings:` source
# rule) may be.
_OPENINGS = 2


def _opens(work: BlockWork, state: State) -> bool:
    """Whether the block may be an opening: one of the first paragraphs, in a document whose
    author and source no rule has named yet."""
    return work.index <= _OPENINGS and state.document is None and state.source is None


def _body_sources(
    work: BlockWork, rules: CompiledRules, state: State, distance: int, in_voice: bool
) -> None:
    """A body block's sources besides its speech verbs: "This was stated by X", a quote's
    carried speaker, the positions it names ("Zelensky's statement that", "words from X")."""
    if work.units:
        stated_by(work, rules, state, distance)
    if work.quotes and not work.main:
        _labelled_quote(work, rules, state)
    if (
        not work.main
        and not in_voice
        and mostly_quoted(work)
        and not _quotes_a_topic(work)
        and not section_heading(work)  # "'Frozen' conflict": a subheading, no one's words
    ):
        _carry_quote(work, rules, state, distance)
    if work.term_at:
        reported_positions(work, rules, state)


def _labelled_quote(work: BlockWork, rules: CompiledRules, state: State) -> None:
    """A quote that a later sentence of the paragraph opens with its speaker's label ("The
    president is pleased with the pledge. <Name>: “...”", a press release's way to give each
    leader's words): the label names the quote's speaker as a "Name: ..." line does at a
    paragraph's start, so the quote is theirs, not the last speaker's (`_carry_quote`). Only
    a name the lexicon knows as one side's speaker, alone before the colon (no clause, no
    office); read from the block's terms, since a paragraph of quotes is not tokenised."""
    for label in _LABEL_BEFORE_QUOTE.finditer(work.text):
        start, end = label.span(1)
        words = label.group(1).split()
        if len(words) > _LABEL_WORDS or not all(word[:1].isupper() for word in words):
            continue
        named = [term for t_start, t_end, term in work.terms if start <= t_start < t_end <= end]
        if len(named) != 1 or named[0].kind != "speaker" or not named[0].actors:
            continue
        who = Who("actor", named[0].actors, start, end, member=named[0].member)
        if not allowed(who, work, rules, person=True):
            continue
        weight = rules.weights.attribution
        add_evidence(work, ATTRIBUTION_COLON, who.actors, start, end, weight)
        work.main.append((start, who))
        state.last = Speaker(who.actors, work.index, member=who.member)
        note_person(state, state.last)
        return


# A speaker's label that opens a later sentence of a paragraph, right before the quote it
# gives (". <Name>: “"), and the most words it may have.
_LABEL_BEFORE_QUOTE = re.compile(r"[.!?]\s+([^:.!?\"“”«»]{1,60}?):\s*[\"“«]")
_LABEL_WORDS = 4


def _quotes_a_topic(work: BlockWork) -> bool:
    """ "Erdogan and Putin discussed \"bilateral relations and regional issues\"": the quote is
    the object of an action (a rule of `actions:` ends right before it, or runs on into it:
    'They agreed "to stay in touch."'), the topic of a meeting in a readout's words, not the
    last speaker's."""
    first = work.quotes[0][0]
    return first > 0 and any(start < first and first - 3 <= end for start, end in work.excluded)


def _source_voice(work: BlockWork, state: State, rules: CompiledRules) -> None:
    """What a `sources:` rule adds to the document's voice, and what an action takes back
    (reader.classify.sources)."""
    if state.source is not None:
        remarks_voice(work, state, rules)
    if state.source is not None or state.readout is not None:
        joint_voice(work, state, rules)
    drop_voice_of_actions(work, state, rules)
    document_label(work, rules)


def _remember_people(work: BlockWork, state: State, rules: CompiledRules, is_title: bool) -> None:
    """What the block tells about the article's people and places: a wire dateline's side,
    the region named, who holds which role, who is named again."""
    if work.index <= 2 and not is_title and not state.house:
        house_side(work, state, rules)
        if not state.house:
            cited_house(work, state, rules)
    if work.terms:
        note_region(work, state)
    if work.units:
        register_roles(work, state)
    elif state.people:
        for start, end, term in work.terms:
            if term.kind == "speaker":
                person = state.people.get(work.folded[start:end].rsplit(" ", 1)[-1])
                if person is not None:
                    person.last = work.index


def _voice_and_label(
    block: Block, work: BlockWork, rules: CompiledRules, state: State, is_title: bool
) -> tuple[Speaker | None, int, Who | None, bool]:
    """Transcript voice and colon prefixes: the voice the block is in, where its body starts
    (after "Name:" or "Source:"), a headline's source still to resolve, and whether a
    speaker's label opens it. A voice a list item sets ("Zelensky: ...") ends with the list;
    a speaker's paragraph runs on over the points he lists, and after them."""
    if state.voice_kind == "item" and block.kind != "item":
        state.voice = None
    voice_before = state.voice
    voice: Speaker | None = None
    pending: Who | None = None
    asked, state.asked = state.asked, False
    body_from, prefix = section_or_prefix(work, rules, state)
    label = colon_label(prefix, work, state, is_title, rules) if prefix is not None else None
    if label is not None:
        body_from = label[2] + 1
        voice, pending = speaker_line(work, rules, state, label, is_title)
    elif asked and not body_from and state.source is not None and state.source.remarks:
        state.voice = None  # the line after a press conference's question: the speaker answers
    elif state.voice is not None and not state.voice.actors and HONORIFIC.match(work.folded):
        state.voice = None  # "MR. KIRBY: ..." after the moderator: the document's own speaker
    elif state.voice is not None and not is_title:
        voice = transcript_line(work, rules, state.voice)
    if state.voice is not voice_before:
        state.voice_kind = block.kind
    return voice, body_from, pending, label is not None


def _line_voice(work: BlockWork, state: State, is_title: bool) -> Speaker | None:
    """Whose words a line is when no transcript's voice holds it: a headline's are its dash
    source's ("<claim> - Kremlin"), a body line's the remarks' speaker's."""
    return _headline_owner(work) if is_title else _remarks_speaker(work, state, is_title)


def _headline_owner(work: BlockWork) -> Speaker | None:
    """The side a headline's source after its dash or colon names ("<claim> - Kremlin",
    "<claim>: Zelenskiy"): the claim before it is that side's words, so another side's step
    or statement inside it is reported ("US notifies Moscow of its exit from the treaty -
    Russian MFA": Russia, then the US), and another side's stance there is the source's
    claim ("Kyiv wants no talks - Kremlin" is the Kremlin's alone)."""
    sides = [ev.actor for ev in work.evidence if ev.rule == ATTRIBUTION_HEADLINE.id]
    return Speaker(tuple(dict.fromkeys(sides)), work.index) if sides else None


def _sentences(
    work: BlockWork,
    rules: CompiledRules,
    state: State,
    distance: int,
    effort: Effort,
    body_from: int,
    voice: Speaker | None,
) -> Who | None:
    """Each sentence's attributions, settled into evidence (main speakers, reported
    positions); returns the first office a sentence attributes to while no one is named
    ("…, officials say"), which for a headline the first paragraphs name."""
    office: Who | None = None
    verbs = [v for v in work.verbs if v[0] >= body_from] if body_from else work.verbs
    markers = work.markers
    if markers:
        quotes = work.quotes
        markers = [m for m in markers if m[0] >= body_from and not in_spans(m[0], quotes)]
    sentences = work.sentences
    asks = "?" in work.text
    for s_start, s_end in sentences:
        effort.check()
        if len(sentences) == 1:  # most blocks: every verb and marker is in it
            s_verbs, s_markers = verbs, markers
        else:  # both sorted by offset
            s_verbs, s_markers = _within(verbs, s_start, s_end), _within(markers, s_start, s_end)
        if not s_verbs and not s_markers:
            continue
        if asks and _NARRATOR_QUESTION.match(work.text, s_start, s_end):
            continue  # "What did Putin and Trump agree?": the narrator asks; no one answers
        attrs = sentence_attrs(
            work, work.units, work.starts, s_start, s_end, s_verbs, s_markers, rules, state
        )
        settle(work, attrs, rules, state, distance, voice)
        if office is None and not any(who.kind == "actor" for _, who in work.main):
            # "…, Governor Says", "Jane Doe condemns …": whom the first paragraphs name
            office = next((a.who for a in attrs if a.who.kind in ("role", "unknown")), None)
    return office


def _carry_quote(work: BlockWork, rules: CompiledRules, state: State, distance: int) -> None:
    """A quote with nobody named: the last speaker's words; a paragraph that opens a quote
    right after a line ending in a colon that names a speaker ("X shared details of the
    call:"), that speaker's."""
    last = state.last
    intro = state.intro
    rule = CARRY_QUOTE
    if intro is not None and intro.block == work.index - 1 and continues_quote(work):
        last, rule = intro, CARRY_STATEMENT  # (no later paragraph's speaker takes it back)
    if last is not None and (last.off_topic or last.member) and not on_topic(last, work, rules):
        return  # a member state's official on a national matter (goes on, or turns to it)
    if last is not None and last.actors and work.index - last.block <= distance:
        add_evidence(work, rule, last.actors, 0, len(work.text), rules.weights.carry)
        work.carried_from = last.block
        # still the same speaker: a later "she" must agree with who they are (a person or a
        # body, and which pronoun the story called them by), not with a bare side
        state.last = Speaker(last.actors, work.index, thing=last.thing, gender=last.gender)


# A question in the narrator's words, with no quote in it (an explainer's headline, a
# rhetorical question), after an optional "Topic: " label.
_NARRATOR_QUESTION = re.compile(
    r"(?:[^:\"“”«»]{1,60}:\s+)?(?:what|why|how|who|whom|whose|which|where|when|is|are|was|were|"
    r"do|does|did|will|would|can|could|should|has|have|had|may|might|must)\b[^\"“”«»]*\?\s*$",
    re.IGNORECASE,
)


def _framing_and_mentions(work: BlockWork, rules: CompiledRules) -> None:
    """Framing terms in the narrator's voice, then mentions (outside quotes) that no other
    evidence already covers: they order labels, never make one."""
    quotes = work.quotes
    weights = rules.weights
    excluded = merged(work.excluded) if work.excluded else work.excluded
    # a joint document's line ("the Nordic and Baltic states have provided ... since Russia's
    # full-scale invasion"): its wording is its authors', and orders none of them first
    authors = {ev.actor for ev in work.evidence if ev.rule == CARRY_DOCUMENT.id}
    joint = authors if len(authors) > 1 else set()
    for start, end, rule in work.framing:
        if (
            rule.actor is None
            or rule.actor in joint
            or (quotes and in_spans(start, quotes))
            or (excluded and in_spans(start, excluded))
        ):
            continue
        weight = weights.framing * rule.weight
        add_evidence(work, rule, (rule.actor,), start, end, weight)
    if not work.terms:
        return
    used = {(ev.start, ev.actor) for ev in work.evidence}
    spoken = _spoken_after(work)
    for start, end, term in work.terms:
        if not term.actors or term.kind == "role" or (quotes and in_spans(start, quotes)):
            continue
        actors = [actor for actor in term.actors if (start, actor) not in used]
        if spoken:
            # "Kyiv claimed that five Russian aircraft were shot down": what a speaker says
            # of others orders nothing for them
            actors = [a for a in actors if not _in_others_words(spoken, start, a)]
        if actors:
            add_evidence(work, MENTION, actors, start, end, weights.mention)


def _spoken_after(work: BlockWork) -> list[tuple[int, int, tuple[str, ...]]]:
    """The words each named speaker's verb governs: from the verb to its sentence's end, sorted
    by where they start (one bisection a verb, so a long paragraph stays linear)."""
    spoken: list[tuple[int, int, tuple[str, ...]]] = []
    sentences = work.sentences
    for pos, who in work.main:
        if who.kind == "actor" and who.start < pos:
            i = bisect_right(sentences, pos, key=_first) - 1
            if i >= 0 and pos < sentences[i][1]:
                spoken.append((pos, sentences[i][1], who.actors))
    spoken.sort(key=_first)
    return spoken


def _in_others_words(spoken: list[tuple[int, int, tuple[str, ...]]], at: int, actor: str) -> bool:
    """Whether `at` lies in what a speaker other than `actor` says. Each span ends with its
    sentence, so only the spans of `at`'s own sentence can hold it: a walk back from one
    bisection, never a pass over the whole paragraph."""
    k = bisect_right(spoken, at, key=_first) - 1
    while k >= 0 and spoken[k][1] > at:
        if actor not in spoken[k][2]:
            return True
        k -= 1
    return False


_first = itemgetter(0)
