"""A statement reprinted after its speaker's "Foreign Minister X said:" paragraph.

How papers and reposting sites carry an official's statement: the paragraphs after the colon,
unquoted and with no speech verb of their own, are X's (`statement_voice`), until a heading, a
quoted paragraph, a paragraph that reports someone in the narrator's words or two paragraphs
in a row with no first person; read before a paragraph's sentences, `statement_speaker` says
whose statement it goes on with, so that another side named as a subject there is X's account
of it. An undated lead that credits its words to the side the title puts forward opens such a
statement too. Separate from reader.classify.document (a whole document's author) because the
statement is one part of a story, opened and closed by its paragraphs alone.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace

from reader.classify.datelines import dateline
from reader.classify.evidence import add_evidence
from reader.classify.judgements import one_party
from reader.classify.types import CAP, LOW, TERM, BlockWork, Speaker, State, Who
from reader.classify.units import (
    ASKS_SPEAKER,
    FIRST_PERSON_OR_ME,
    REPORTING,
    in_spans,
    section_heading,
)
from reader.classify.wordclasses import WEEKDAYS
from reader.rules.compile import CompiledRules
from reader.rules.grammar import CARRY_STATEMENT


def statement_voice(work: BlockWork, state: State, rules: CompiledRules, plain: bool) -> None:
    """A statement reprinted after its speaker's "Foreign Minister X said:" paragraph (how
    papers and reposting sites carry an official's statement): its unquoted paragraphs are
    X's, with no speech verb of their own. The statement ends at a heading (`plain` is False),
    a quoted paragraph (a quote is carried as quotes are) or a paragraph that reports someone
    in the narrator's words ("Y said ..."); a position a paragraph of it names is reported
    after X's ("Over recent weeks, the Russian government have repeatedly denied ..."). Two
    paragraphs in a row with no first person ("we", "our", "I") end it too: the narrator's
    account has resumed (the first of them is still read as X's)."""
    statement = state.statement
    if statement is not None and statement.listing:
        _list_item(work, state, rules, plain)
        return
    if statement is not None:
        if _own_words(work, statement.actors):  # the speaker's "we" goes on
            statement = state.statement = replace(statement, block=work.index)
        if not plain or _statement_ends(work, statement):
            state.statement = None
        elif section_heading(work):
            # "Grain corridor": a heading between the listed statements, no one's; a heading
            # the parser read as a paragraph ends a statement that is not a full text
            state.statement = statement if statement.whole else None
        elif statement.actors and not ASKS_SPEAKER.search(work.folded):
            # (a question put to the speaker, "how would you comment on ...?", is the asker's)
            own = {a for _, who in work.main if who.kind == "actor" for a in who.actors}
            if not set(statement.actors) <= own:
                weights = rules.weights
                weight = weights.attribution + weights.reported if own else weights.carry
                add_evidence(work, CARRY_STATEMENT, statement.actors, 0, len(work.text), weight)
                work.carried_from = statement.block
    if plain and state.voice is None and not work.quotes and work.text.rstrip().endswith(":"):
        _colon_line(work, state, rules)
    elif plain and state.voice is None and state.statement is None and not work.quotes:
        _unquoted_words(work, state)
        _credited_statement(work, state)


def _credited_statement(work: BlockWork, state: State) -> None:
    """A story's lead with no dateline that credits its words to a side's statement or site
    ("..., the Ministry of Foreign Affairs of Ukraine said in a statement.", "..., the agency
    reports citing the statement of <the ministry>"), under a title and opening that put the
    same side forward: the page retells that statement (an outlet's repost, not a filed
    story), and the paragraphs after it that name no speaker are the author's, impersonal ones
    too, until the narrator reports someone or a quote opens (`_statement_ends`). A wire
    story's lead carries its dateline ("KYIV (Reuters) -"): its background after "X said in a
    statement" stays no one's."""
    lead = state.lead
    if lead is None or work.index != 1 or state.document is not None:
        return
    if dateline(work.text, opening=True) is not None:
        return
    own = {who.actors for _, who in work.main if who.kind == "actor"}
    if own != {lead.actors} or _CREDITS_STATEMENT.search(work.folded) is None:
        return
    state.statement = Speaker(lead.actors, work.index, credited=True)


# A report's credit to a statement or an official site: "said in a statement", "citing the
# statement of", "from a statement on the website of", "with reference to the website of".
_CREDITS_STATEMENT = re.compile(
    r"\b(?:in|from|citing|cites|cited|with\s+reference\s+to)\s+(?:a|an|the|its|their|his|her)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:statement|website|press\s+release)\b"
)


def _statement_ends(work: BlockWork, statement: Speaker) -> bool:
    """The paragraph is the narrator's again: it opens a quote or "Meanwhile, ...", reports
    someone (a list of one speaker's statements goes on past their own "he said"), names the
    speaker, or is the second in a row with no first person (a full text or a list goes on)."""
    whole = statement.whole
    if statement.credited:  # a retold statement: its author's own words go on, "our state"
        if any(_closes_own_words(work, pos, who, statement.actors) for pos, who in work.main):
            return True
        if _own_words(work, statement.actors):
            return False
        others = [who for _, who in work.main if who.actors != statement.actors]
        return _ENDS_STATEMENT.match(work.folded) is not None or bool(others)
    return (
        (_ENDS_STATEMENT.match(work.folded) is not None and not whole)
        or (_reports(work) and not (whole and _reports_own(work, statement)))
        or _names_speaker(work, statement)
        or (work.index - statement.block >= _IMPERSONAL and not whole)
    )


def _closes_own_words(work: BlockWork, pos: int, who: Who, actors: tuple[str, ...]) -> bool:
    """Another side's speaker, its verb at `pos`, named after a first person in its sentence
    ("Our position has not changed, <the other side's spokesman> said"): the first person is
    theirs, not the retold statement's author's, as in `_unquoted_words`."""
    return who.actors != actors and _named_after_own_words(work, pos, who)


def _named_after_own_words(work: BlockWork, pos: int, who: Who) -> bool:
    """The speaker of the verb at `pos` is named after a first person in its sentence ("Our
    thoughts are with Kyiv, Prime Minister X said"): the words before the name are theirs."""
    if not who.start < pos:
        return False
    sentence = work.sentence_start(pos)
    return FIRST_PERSON_OR_ME.search(work.text, sentence, who.start) is not None


def _unquoted_words(work: BlockWork, state: State) -> None:
    """ "At this dark moment, our thoughts are with the people of Ukraine, Prime Minister X
    said": a speaker's own first-person words with no quote marks, named after them, are a
    statement reprinted as it was issued; the paragraphs after it go on in X's voice as after
    "X said:" (and end as that does). In an official document the first person is its
    author's ("my Russian counterpart assured me" in a minister's statement: Russia's alone)."""
    if not work.main or state.document is not None:
        return
    speakers = {who.actors for _, who in work.main if who.kind == "actor"}
    if len(speakers) != 1:
        return
    pos, who = next((p, w) for p, w in work.main if w.kind == "actor")
    if _named_after_own_words(work, pos, who):
        state.statement = Speaker(speakers.pop(), work.index, name=_surname(work, who))


def _surname(work: BlockWork, who: Who) -> str:
    """The last name in a speaker's phrase ("Prime Minister Kaja Kallas (Reform)" ->
    "kallas"), by which the narrator names them again; "" for an office alone."""
    starts = work.starts
    name = ""
    for unit in work.units[bisect_left(starts, who.start) : bisect_left(starts, who.end)]:
        if unit[LOW] == "(":
            break
        term = unit[TERM]
        if unit[CAP] and (term is None or term.kind == "speaker"):
            name = unit[LOW].removesuffix("'s").rsplit(" ", 1)[-1]
    return name


def _names_speaker(work: BlockWork, statement: Speaker) -> bool:
    """The paragraph names the statement's speaker ("Szijjártó's statement came in response
    to ..."): the narrator speaks about them, not in their voice."""
    name = statement.name
    return bool(name) and re.search(rf"\b{re.escape(name)}\b", work.folded) is not None


def statement_speaker(work: BlockWork, state: State, plain: bool) -> Speaker | None:
    """The speaker whose reprinted statement this paragraph goes on with, read before its
    sentences (`statement_voice` decides after them): in their voice, another side named as
    a subject is their account of it ("Russia wants to break Ukraine's will"), and only its
    stated words are a position reported. None where the narrator may be back: a heading,
    a quoted or "Meanwhile, ..." paragraph, a reporting verb of its own ("X said"), or a
    second paragraph in a row with no first person."""
    statement = state.statement
    if statement is None or not statement.actors or not plain:
        return None
    text = work.text
    if statement.listing:
        if text.strip() and not work.quotes and _is_item(text.strip(), statement.listing):
            return Speaker(statement.actors, statement.block)
        return None
    if any(
        verb.lemma.split(" ", 1)[0] in REPORTING
        and not text[start].isupper()
        and not _SPEAKER_BEFORE.search(text, max(0, start - 12), start)
        for start, _, verb in work.verbs
    ):
        return None  # the narrator reports (a capital "State" is a name's: "the US State ...")
    if statement.whole:  # a full text: its quote marks and impersonal lines are its own
        return Speaker(statement.actors, statement.block)
    if statement.credited and not _own_words(work, statement.actors):
        return None  # a retold statement's line may name its own speaker ("The Kremlin ...")
    if work.quotes or _ENDS_STATEMENT.match(work.folded) or _names_speaker(work, statement):
        return None
    if not _own_words(work, statement.actors) and work.index - statement.block >= _IMPERSONAL:
        return None
    return Speaker(statement.actors, statement.block)


def _own_words(work: BlockWork, actors: tuple[str, ...]) -> bool:
    """The paragraph speaks as the statement's author does: in the first person ("we",
    "our", "I"), or in words only the author's side's officials use (framing rules marked
    `first_person`: "the Kiev regime" in a Russian ministry's statement), outside quotes."""
    if FIRST_PERSON_OR_ME.search(work.text) or _PRESCRIBES.search(work.folded):
        return True  # "we", "our"; "the free world must ...": a speaker prescribes, no narrator
    quotes = work.quotes
    return any(
        rule.first_person and rule.actor in actors and not (quotes and in_spans(start, quotes))
        for start, _, rule in work.framing
    )


# The speaker's own "I said", "as we have stated": no narrator reporting.
_SPEAKER_BEFORE = re.compile(r"\b(?:I|[Ww]e)(?:\s+(?:have|had|already|also|once))*\s+\Z")


def _colon_line(work: BlockWork, state: State, rules: CompiledRules) -> None:
    """A paragraph that ends in a colon hands the floor on: "X said:" to the statement after
    it (`_introduction`); any other line that names one speaker ("X shared details of his
    call with Y:", "Here is X's message to the troops:") to the quoted paragraphs right after
    it, each opening a quote mark whether or not it closes (the multi-paragraph quote
    convention: the pipeline's `_carry_quote`), and the line is theirs too
    (`quotes.forward_speaker`). "Below is the full text of X's address:" announces a whole
    document: X's to the end or until the narrator reports someone, its quoted and impersonal
    paragraphs too, and the line is X's (an attribution-only line)."""
    _introduction(work, state, rules)
    if state.statement is not None:
        return
    # the sentence that ends in the colon introduces what follows ("X and Y held a call. Key
    # takeaways from Z's statements:": Z's)
    last = work.sentence_start(max(0, len(work.text.rstrip()) - 1))
    full = _FULL_TEXT.search(work.folded[last:].lstrip()) is not None
    speakers = {who.actors for pos, who in work.main if who.kind == "actor" and pos >= last}
    if speakers and not full:
        if len(speakers) == 1:
            # "X also confirmed that any agreement should:" and its list
            state.statement = Speaker(speakers.pop(), work.index, listing=":")
        return
    actors = _colon_speaker(work, state, last)
    if not actors:
        return
    if not full:
        state.intro = Speaker(actors, work.index)
        return
    state.statement = Speaker(actors, work.index, whole=True)
    state.last = state.statement
    add_evidence(work, CARRY_STATEMENT, actors, 0, len(work.text), rules.weights.attribution)


_FULL_TEXT = re.compile(
    r"\b(?:below|here)\s+(?:is|are)\s+(?:the\s+)?(?:full\s+|complete\s+)?(?:text|transcript)\s+of\b"
    # "Here are more of X's key statements:", "Below are the main theses of X's interview:"
    r"|\b(?:below|here)\s+(?:is|are)\s+(?:(?:more|some)\s+of\s+)?(?:[\w.'’-]+\s+){0,4}?"
    r"(?:key|main|principal)\s+(?:statements|theses|quotes|points|takeaways)\b"
    # "Key takeaways from X's statements:", "Main theses of X's interview:" opening a sentence
    r"|^(?:the\s+)?(?:key|main|principal)\s+(?:statements|theses|quotes|points|"
    r"takeaways)\s+(?:by|of|from)\b"
    # "More of his statements:", "Some of her key remarks:": the last speaker's
    r"|^(?:more|some|other)\s+(?:of\s+)?(?:his|her)\s+(?:key\s+|main\s+)?"
    r"(?:statements|theses|remarks|points)\b"
)


def _list_item(work: BlockWork, state: State, rules: CompiledRules, plain: bool) -> None:
    """A list a speaker's colon line opened ("X confirmed that any settlement should:") goes
    on item by item, in their voice (`_is_item`). Any other paragraph, a heading or a quoted
    one ends it (the narrator is back: "The two leaders last spoke in 2022.")."""
    statement = state.statement
    assert statement is not None
    text = work.text.strip()
    item = plain and not work.quotes and bool(text)
    if not (item and _is_item(text, statement.listing)):
        state.statement = None
        return
    if not {a for _, who in work.main if who.kind == "actor" for a in who.actors}:
        weight = rules.weights.carry
        add_evidence(work, CARRY_STATEMENT, statement.actors, 0, len(work.text), weight)
        work.carried_from = statement.block
    listing = ";" if text.endswith(";") else "."
    state.statement = Speaker(statement.actors, work.index, listing=listing)


def _is_item(text: str, listing: str) -> bool:
    """A list's item: one that opens in lower case or ends in a semicolon, or any paragraph
    after an item that ended in one (`listing`, how the last line ended)."""
    return listing == ";" or text[0].islower() or text.endswith(";")


def _colon_speaker(work: BlockWork, state: State, first: int = 0) -> tuple[str, ...]:
    """The one side whose speaker a line ending in a colon names. A side named after "with",
    "to", "on" ... is the counterpart or the topic, not the speaker; two sides before it name
    no one. An office named alone ("the president's address") is the one the story has just
    named ("The head of state said this ...")."""
    folded = work.folded
    found: set[str] = set()
    limit = len(folded)
    for start, _, term in work.terms:
        if start >= limit:
            break
        if start < first:
            continue  # an earlier sentence's sides: the colon's sentence names the speaker
        if term.kind in ("alias", "speaker", "adjective") and term.actors:
            if not found:  # the clause of the first side named ("After the talks, X ...:")
                cut = _COUNTERPART.search(folded, max(first, folded.rfind(",", 0, start) + 1))
                limit = cut.start() if cut else limit
                if limit < start:
                    return ()  # "The talks with Russian diplomats went on:" names no speaker
            found.update(term.actors)
    if found:
        return tuple(found) if len(found) == 1 else ()
    last = state.last
    cut = _COUNTERPART.search(folded)
    end = cut.start() if cut else len(folded)
    if last is not None and (
        any(t.kind == "role" for s, _, t in work.terms if s < end)
        or _FULL_TEXT.match(folded) is not None  # "More of his statements:"
    ):
        return last.actors
    return ()


# Words after which a side named in an introducing line is its counterpart or topic.
_COUNTERPART = re.compile(
    r"\b(?:with|to|towards?|against|between|versus|about|on|over|regarding|concerning"
    r"|(?<=\w\s)in)\b"  # "the Russian Embassy in the United States": the host
)


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
        speakers = {one_party(work.terms, 0, intro.start())} - {()}
    if not speakers and state.house and _office_named(work, intro.start()):
        speakers = {state.house}  # "Foreign Secretary X is expected to say:" on its own site
    if len(speakers) != 1:
        return
    actors = speakers.pop()
    state.statement = Speaker(actors, work.index)
    state.last = state.statement
    if not any(who.kind == "actor" for _, who in work.main):  # its own verb names no side
        weight = rules.weights.attribution
        add_evidence(work, CARRY_STATEMENT, actors, 0, len(work.text), weight)


def _office_named(work: BlockWork, end: int) -> bool:
    """An office and no side before `end` ("Foreign Secretary <name>"): a house's own office."""
    terms = [term for start, _, term in work.terms if start < end]
    return any(t.kind == "role" for t in terms) and not any(t.actors for t in terms)


# A paragraph that ends with a speech verb and a colon: it introduces what follows ("The
# minister said:", "..., the ministry said in a statement:", "The statement reads:").
_INTRODUCES = re.compile(
    r"\b(?:said|says|stated|states|wrote|writes|added|declared|reads|read|noted|stressed)"
    r"(?:\s+(?:the\s+following|as\s+follows))?(?:\s+(?:in|on|at)\s+[^:]{1,60})?\s*:\s*\Z"
    # "X today made the following statement regarding the new sanctions:"
    r"|\b(?:made|makes|issued|issues|released|releases|gave|gives|delivered|delivers)\s+the\s+"
    r"following\s+(?:statement|remarks|comment|message|address)\b[^:]{0,120}:\s*\Z"
    # a release's "The Foreign Secretary is expected to say:", "The minister will say:"
    r"|\b(?:(?:is|are)\s+(?:expected|due|set)\s+to|will)\s+(?:say|tell\s+[\w\s]{2,60}?)"
    r"(?:\s+(?:in|on|at)\s+[^:]{1,60})?\s*:\s*\Z"
)

# A paragraph that opens with a quotation mark, or with the narrator's own turn back to the
# news ("Meanwhile, ...", "Earlier on Monday, ...", "On Tuesday, ...").
_ENDS_STATEMENT = re.compile(
    r"\s*(?:[\"“„«‘']|(?:meanwhile|earlier|later|separately|elsewhere|in a separate)\b|"
    r"on (?:" + "|".join(sorted(WEEKDAYS)) + r")\b)"
)

# A speaker's prescription: "the free world must act", "we should not wait".
_PRESCRIBES = re.compile(r"\b(?:must|should)\s+(?:not\s+)?(?:\w+ly\s+)?(?:and\s+\w+ly\s+)?\w+")

# Paragraphs since the statement's last first-person one (or its introduction) that end it.
_IMPERSONAL = 2


def _reports_own(work: BlockWork, statement: Speaker) -> bool:
    """Every speaker the paragraph names is the statement's own side ("..., the Russian
    president said" between his listed statements): the list goes on."""
    return all(who.actors == statement.actors for _, who in work.main if who.kind == "actor")


def _reports(work: BlockWork) -> bool:
    """The paragraph names a speaker of its own with a plain reporting verb outside quotes."""
    if not work.main:
        return False
    quotes = work.quotes
    return any(
        verb.lemma.split(" ", 1)[0] in REPORTING and not in_spans(start, quotes)
        for start, _, verb in work.verbs
    )
