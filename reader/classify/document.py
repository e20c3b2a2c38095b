"""The document's own voice (step 7): an official document's author, the side a wire
dateline puts the article on (its house side), and the source a headline names.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from reader.classify.datelines import agency_city
from reader.classify.evidence import add_evidence
from reader.classify.types import (
    BlockWork,
    Speaker,
    State,
    Who,
)
from reader.classify.units import ASKS_SPEAKER, in_spans
from reader.rules.compile import CompiledRules, Term
from reader.rules.grammar import ATTRIBUTION_HEADLINE, CARRY_DOCUMENT, CARRY_STATEMENT


def house_side(work: BlockWork, state: State, rules: CompiledRules) -> None:
    """The side an opening dateline puts the article on: its city is one actor's alias."""
    place = agency_city(work.text)
    if place is None:
        return
    city = place.lower()
    for start, end, term in rules.terms.scan(city):
        if start == 0 and end == len(city) and term.kind == "alias" and len(term.actors) == 1:
            state.house = term.actors
            return


# A title that makes the text an official document in one institution's voice.
OFFICIAL_TITLE = re.compile(
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


def document_title(work: BlockWork, state: State, rules: CompiledRules) -> None:
    """An official document's title: its genre, and its author when the title names one
    ("Statement of the Ministry of Foreign Affairs of Ukraine on ..."): a statement's title
    is already in its author's voice."""
    text = work.text
    if not (OFFICIAL_TITLE.match(text) or "readout" in work.folded):
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
        speaker = Speaker(issuer, work.index)
        add_evidence(work, CARRY_DOCUMENT, speaker.actors, 0, len(text), rules.weights.carry)


def document_voice(work: BlockWork, state: State, rules: CompiledRules) -> None:
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
            # the clause's subject: "At the initiative of the German side, Vladimir Putin had
            # a telephone conversation with ..." is Putin's readout
            clause = folded.rfind(",", 0, readout.start()) + 1
            author = _one_actor(work.terms, clause, readout.start())
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
    speaker = Speaker(author, work.index)
    if not own:
        if _CONTENT.search(work.text) and not ASKS_SPEAKER.search(work.folded):
            add_evidence(
                work,
                CARRY_DOCUMENT,
                speaker.actors,
                0,
                len(work.text),
                rules.weights.carry,
            )
    elif state.reports:
        # The document's own account outweighs the position it reports.
        weight = rules.weights.attribution + rules.weights.reported
        add_evidence(work, CARRY_DOCUMENT, speaker.actors, 0, len(work.text), weight)


def resolve_title(works: list[BlockWork], who: Who, rules: CompiledRules, distance: int) -> None:
    """A headline's 'source' or 'MoD' is the source the first paragraphs name; a headline's
    "Balitsky: ..." is the actor the first paragraphs tie that name to ("Zaporozhye Region
    Governor Yevgeny Balitsky wrote")."""
    title = works[0]
    name = ""
    if who.kind == "unknown":
        words = title.folded[who.start : who.end].split()
        if len(words) > 2 or not words:
            return
        name = words[-1].removesuffix("'s")
    for work in works[1 : 2 + distance]:
        for _, main in work.main:
            if main.kind == "actor" and (
                not name or re.search(rf"\b{re.escape(name)}\b", work.folded[main.start : main.end])
            ):
                add_evidence(
                    title,
                    ATTRIBUTION_HEADLINE,
                    main.actors,
                    who.start,
                    who.end,
                    rules.weights.attribution,
                )
                return


def statement_voice(work: BlockWork, state: State, rules: CompiledRules, plain: bool) -> None:
    """A statement reprinted after its speaker's "Foreign Minister X said:" paragraph (how
    papers and reposting sites carry an official's statement): its unquoted paragraphs are
    X's, with no speech verb of their own. The statement ends at a heading (`plain` is False),
    a quoted paragraph (a quote is carried as quotes are) or a paragraph that reports someone
    in the narrator's words ("Y said ..."); a position a paragraph of it names is reported
    after X's ("Over recent weeks, the Russian government have repeatedly denied ...")."""
    statement = state.statement
    if statement is not None:
        if not plain or _ENDS_STATEMENT.match(work.folded) or _reports(work):
            state.statement = None
        elif statement.actors:
            own = {a for _, who in work.main if who.kind == "actor" for a in who.actors}
            if not set(statement.actors) <= own:
                weights = rules.weights
                weight = weights.attribution + weights.reported if own else weights.carry
                add_evidence(work, CARRY_STATEMENT, statement.actors, 0, len(work.text), weight)
                work.carried_from = statement.block
    if plain and state.voice is None and not work.quotes:
        _introduction(work, state, rules)


def _introduction(work: BlockWork, state: State, rules: CompiledRules) -> None:
    """ "Foreign Secretary X said:", "In a statement, the ministry said:" as a paragraph of
    its own: the statement that follows is X's, and so is this line (GUIDE.md: an
    attribution-only line carries its speaker). A member state's official needs no word of
    the war here: the statement after it is what is on the topic."""
    intro = _INTRODUCES.search(work.folded)
    if intro is None:
        return
    speakers = {who.actors for _, who in work.main if who.kind == "actor"}
    if not speakers:
        speakers = {_one_actor(work.terms, 0, intro.start())} - {()}
    if len(speakers) != 1:
        return
    actors = speakers.pop()
    state.statement = Speaker(actors, work.index)
    state.last = state.statement
    if not work.main:
        weight = rules.weights.attribution
        add_evidence(work, CARRY_STATEMENT, actors, 0, len(work.text), weight)


# A paragraph that ends with a speech verb and a colon: it introduces what follows ("The
# minister said:", "..., the ministry said in a statement:", "The statement reads:").
_INTRODUCES = re.compile(
    r"\b(?:said|says|stated|states|wrote|writes|added|declared|reads|read|noted|stressed)"
    r"(?:\s+(?:in|on|at)\s+[^:]{1,60})?\s*:\s*\Z"
)

# A paragraph that opens with a quotation mark, or with the narrator's own turn back to the
# news ("Meanwhile, ...", "Earlier on Monday, ...", "On Tuesday, ...").
_ENDS_STATEMENT = re.compile(
    r"\s*(?:[\"“„«‘']|(?:meanwhile|earlier|later|separately|elsewhere|in a separate)\b|"
    r"on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b)"
)

# Verbs the narrator reports someone with; a statement's own prose takes stances instead.
_REPORTING = frozenset(["say", "tell", "add", "report", "write", "note", "state"])


def _reports(work: BlockWork) -> bool:
    """The paragraph names a speaker of its own with a plain reporting verb outside quotes."""
    if not work.main:
        return False
    quotes = work.quotes
    return any(
        verb.lemma.split(" ", 1)[0] in _REPORTING and not in_spans(start, quotes)
        for start, _, verb in work.verbs
    )
