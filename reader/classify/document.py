"""The document's own voice (step 7): an official document's author, the side a wire
dateline puts the article on (its house side), and the side a one-side outlet's report is
credited to.

Whose voice an official document's lines with no speaker of their own carry
(`document_voice`): the author its title names (reader.classify.officialtitles), a readout's
or a declaration's subject, the first named speaker; a press release's lead and the speech it
prints (`release_lead`, `spoken_release`), a delegate's salutation (`salutation_opening`).
The headline's source is read in reader.classify.headlines, a statement reprinted after
"X said:" in reader.classify.statements.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from reader.classify.datelines import agency_city, dateline
from reader.classify.evidence import add_evidence, note_rule
from reader.classify.judgements import one_party
from reader.classify.officialtitles import (
    OPENING_BLOCKS,
    addressed_speaker,
    judged,
    judged_heading,
    member_on_topic,
    office_holder,
)
from reader.classify.phrases import STATED_STANCES, find_credit
from reader.classify.topic import national_matter
from reader.classify.types import BlockWork, Speaker, State
from reader.classify.units import (
    ASKS_SPEAKER,
    CAST_LINE,
    FIRST_PERSON_FOLDED,
    FIRST_PERSON_OR_ME,
    ends_open,
    in_spans,
    merged,
    names_statement,
    opens_quote,
    topic_heading,
    withheld,
)
from reader.classify.wordclasses import present_form, word_set
from reader.rules.compile import CompiledRules, inflect
from reader.rules.grammar import ATTRIBUTION_SUBJECT, CARRY_DOCUMENT, REPORTED_SPEECH


def house_side(work: BlockWork, state: State, rules: CompiledRules) -> None:
    """The side an opening dateline puts the article on: its city is one actor's alias."""
    place = agency_city(work.text)
    if place is None or _RELEASE_WIRE.match(work.text):
        return  # a press release's wire: the issuer's own text, filed wherever they were
    city = place.lower()
    for start, end, term in rules.terms.scan(city):
        if start == 0 and end == len(city) and term.kind == "alias" and len(term.actors) == 1:
            state.house = term.actors
            return


def cited_house(work: BlockWork, state: State, rules: CompiledRules) -> None:
    """The side of a one-side outlet the opening credits with the report ("Foreign Minister
    <name> stated this, reports Yle", "according to ERR News"): a `house` source's `outlets`
    (a member state's public broadcaster); the article relays that house's report, so the
    offices it names without a country are the house's, as on the outlet's own page."""
    if not any(word in work.folded for word in ("report", "according", "quoted", "cited")):
        return
    for rule in rules.sources:
        actor = rule.actor if rule.voice == "house" and rule.outlets else None
        if actor is not None and _citation(rule.outlets).search(work.folded):
            state.house, state.house_member = (actor,), rule.member
            note_rule(work, rule.id)
            return


@lru_cache(maxsize=16)
def _citation(outlets: tuple[str, ...]) -> re.Pattern[str]:
    """ "reports Yle", "reported Finnish broadcaster Yle", "according to ERR", "Yle reports",
    and a wire's relay of an agency's report: "the RIA news agency reported", "the state TASS
    agency quoted the ministry as saying", "Interfax cited a source" (the relayed report is
    the agency's, as "according to" it is)."""
    names = "|".join(re.escape(outlet) for outlet in sorted(outlets, key=len, reverse=True))
    return re.compile(
        r"\b(?:reports|reported|according\s+to|as\s+reported\s+by)\s+(?:the\s+)?"
        rf"(?:[\w-]+\s+){{0,2}}?(?:{names})\b(?!\s*(?:'s|\u2019s))"
        rf"|\b(?:{names})\s+(?:(?:state\s+|news\s+|wire\s+)?(?:agency|broadcaster|channel)\s+)?"
        r"(?:reports|reported|quoted|cited)\b"
    )


def quoted_statement(work: BlockWork, state: State, rules: CompiledRules) -> None:
    """A statement an outlet's page quotes whole under its title ("Statement of the MFA on
    ..." on a news site, its first paragraph opening a quote that a later one closes): the
    document's voice ends with the quote, and the paragraphs after it are the outlet's own
    story (what it adds of others' words is theirs, not the statement's author's). On the
    author's own site, or where the first paragraph opens no quote, the voice runs on."""
    if state.source is None or not any(
        rule.id == state.page_rule and rule.voice == "house" for rule in rules.sources
    ):
        return
    if work.index == 1:
        state.quoted_statement = opens_quote(work.text.lstrip()) and ends_open(
            work.text, work.quotes
        )
    elif state.quoted_statement and _QUOTE_CLOSED.match(work.text):
        state.source = state.readout = state.document = None  # the story resumes after it
        state.quoted_statement = False


# A dateline of a press-release wire ("KYIV, Ukraine, June 10, 2031 /CNW/ -", "/PRNewswire/"):
# it carries an issuer's own release, and its city is where the issuer was, not a side.
_RELEASE_WIRE = re.compile(
    r"[^\n/]{0,80}/(?:CNW|PRNewswire|PRNewswire-USNewswire|Newswire\.ca|GLOBE\s?NEWSWIRE|"
    r"BUSINESS\s?WIRE|EINPresswire)/",
    re.IGNORECASE,
)


# A readout's opening: "Vladimir Putin had a telephone conversation with ...".
_READOUT = re.compile(
    r"\b(?:(?:had|held|conducted)\s+(?:an?\s+)?(?:telephone\s+|phone\s+|video\s+|bilateral\s+)?"
    r"(?:conversation|talks|call|meeting|conference)\s+with"
    r"|sp(?:oke|eaks)\s+(?:(?:by|on\s+the)\s+(?:tele)?phone\s+)?(?:with|to)(?!\s+(?:the\s+)?"
    r"(?:reporters|journalists|media|press)\b))\b"
)


# A declaration's opening: "We, the Heads of State and Government of the North Atlantic
# Alliance, ...".
_WE_OPENING = re.compile(r"we,\s+(.{3,160}?),")


# A line of content: five words or more that end a sentence, at the line's end or before the
# next sentence, a lower-case word's stop (a paragraph whose last stop the page lost; "Mr."
# is no sentence's end). Matched from the line's first word only: a match from a later word
# is one from the first too (more words before it), and `search` retried the unbounded
# repeat at every offset, quadratic on a long line with no stop (46 s for 10,000 words).
_CONTENT = re.compile(r"\s*(?:\S+\s+){4,}(?:\S+[.!?:\"”’)]\s*$|[a-z]{3,}[.!?]\s+[A-Z])")

# A release's bullet point with no full stop ("• UK sanctions officials involved in ...", "the
# Foreign Secretary will address the Council today ..."): a line of content all the same.
_BULLET = re.compile(r"\s*(?:[•▪●◦*]\s*|[a-z])(?:\S+\s+){5,}\S+\s*$")


# A declaration's preamble clause: a participle in capitals that opens the line and a comma or
# a semicolon that ends it, the signatories its subject ("Recalling the commitments made in
# ...,", "Deeply concerned by the shelling of ...;"): content all the same.
_PREAMBLE = re.compile(
    r"\W*(?:[A-Z][a-z]+ly\s+[a-z]+|[A-Z][a-z]+)(?:ing|ed)\s+(?:\S+\s+){4,}\S+[,;]\s*$"
    # its numbered operative clause after "decided to:", "1. Increase joint efforts ...,"
    r"|\W*\d{1,2}[.)]\s+[A-Z](?:\S+\s+){5,}\S+[,;]\s*$"
)

# A statement's delivery line, whatever its last word (a date, a venue): "Delivered by
# Ambassador <name>, Permanent Representative of <state> to ..., 2 May 2031", "As for delivery
# by the Delegation of <state> to ...", or a mission's speaker line with no punctuation
# ("Ambassador <name> Deputy Permanent Representative <state> Mission to <a body>").
_DELIVERY = re.compile(
    r"\W*(?:as\s+)?(?:delivered|(?:prepared\s+)?for\s+delivery)\s+by\s"
    r"|\W*ambassador\s+(?:[\w.'-]+\s+){1,4}?(?:(?:acting|deputy|alternate)\s+){0,3}"
    r"(?:permanent\s+)?representative\s+(?:of\s+)?(?:the\s+)?[^:;,()]{2,40}?\s+mission\s+to\s"
)


def document_voice(work: BlockWork, state: State, rules: CompiledRules) -> None:
    """A block of an official document: in its author's voice unless it names a speaker.

    The author is the title's, or the one the first blocks establish: the subject of a
    readout's "had a telephone conversation with", a declaration's "We, the Heads of State
    ... of the North Atlantic Alliance", the first named speaker, or the side whose own words
    a first-person line uses ("we will continue our special military operation"). Lines of
    the author's own ("We call on ...", "Allies will ...", "It was agreed ...") carry that
    voice; where the
    title or a readout names the author, what the document says others said is reported in
    the author's voice too (the author first). Transcript lines ("Name: ...") keep theirs.
    """
    if state.voice is not None:
        return
    own = {a for _, who in work.main if who.kind == "actor" for a in who.actors}
    if state.document is None:
        if work.index > OPENING_BLOCKS:
            return
        named = _named_sides(work)
        opening = _READOUT.search(work.folded) or _WE_OPENING.match(work.folded)
        if not own and opening is None and FIRST_PERSON_OR_ME.search(work.text):
            state.author_pending = True  # "We strongly condemn ...": the author speaks as "we"
        if len(named) == 1 and opening is None and not _quotes_the_floor(work, state, named):
            state.document = tuple(named)
            voice_earlier(state, rules)
            return
        author = _opening_author(work, state, rules)
        if not author:
            _wait_for_author(work, state)
            return
        state.document = author
        voice_earlier(state, rules)
    author = state.document
    if _own_line(work, state, author, own):
        return
    speaker = Speaker(author, work.index)
    if state.document_member and _member_aside(work, state, author, bool(own), rules):
        return
    if not own:
        if _signature_or_subtitle(work, state, author, rules):
            add_evidence(
                work, CARRY_DOCUMENT, speaker.actors, 0, len(work.text), rules.weights.carry
            )
        elif (
            _delivered(work)
            and not ASKS_SPEAKER.search(work.folded)
            and not _asks(work, state)
            and not withheld(work)
        ):
            weight = rules.weights.carry
            if state.reports and _reports_others(work, author):  # the speaker's account first
                weight = rules.weights.attribution + rules.weights.reported
            add_evidence(work, CARRY_DOCUMENT, speaker.actors, 0, len(work.text), weight)
    elif state.reports:
        # The document's own account outweighs the position it reports.
        _judged_reports(work, author)
        weight = rules.weights.attribution + rules.weights.reported
        add_evidence(work, CARRY_DOCUMENT, speaker.actors, 0, len(work.text), weight)


def _signature_or_subtitle(
    work: BlockWork, state: State, author: tuple[str, ...], rules: CompiledRules
) -> bool:
    """A line that is the author's though it says nothing as a sentence: the signature that
    named the author ("<name>, Spokesperson for the Embassy of <state>"), or a heading among
    the document's first lines (a series' subtitle under a mission's statement, "Continuing
    Violations of the Accords by <side> in <place>") that names another side's act in the
    author's judgement, as its title would (reader.classify.officialtitles,
    `judged_heading`). A line of content is `_delivered`."""
    if work.index == state.signed:
        return True
    return (
        work.index <= _SUBTITLE_BLOCKS
        and not _delivered(work)
        and judged_heading(work, author, rules.legislatures)
    )


# The lines under a title where its subtitle stands (the title's own line, and the one or two
# lines a site's heading or a repost's byline takes): a heading further down, after the text's
# first paragraphs, is a section's ("Russian Aggression in <place>"), naming its topic only.
_SUBTITLE_BLOCKS = 2


def _named_sides(work: BlockWork) -> set[str]:
    """The sides the line's own speakers name, not those carried over from an earlier line
    ("it will confirm ...", "the ministry said" resolved to the last side named): a pronoun or
    a bare office says nothing of whose document it is, and under a title whose author is
    still to be named the last side named is as often the one the author reports on."""
    carried = {(ev.start, ev.end) for ev in work.evidence if ev.kind == "carry"}
    return {
        actor
        for _, who in work.main
        if who.kind == "actor" and (who.start, who.end) not in carried
        for actor in who.actors
    }


def _own_line(work: BlockWork, state: State, author: tuple[str, ...], own: set[str]) -> bool:
    """The line names the author as its speaker, or carries a voice already: no document
    voice to add. Where the author speaks in it beside another side's present stance ("Ukraine
    believes ... but Russia refuses to accept it"), that stance is the author's picture. In a
    joint statement a line one of its authors speaks alone in the third person ("The <A>
    delegation reiterated ...") is that author's, not the other's ("We, the ministers of <A>
    and <B>, ..." is all of theirs; a "we" inside a quote one author is said to speak is his
    own: '"We stand with ...," Foreign Minister <A> said')."""
    if state.reports and set(author) <= own:
        _judged_reports(work, author)
    one_of_joint = len(author) > 1 and bool(own) and own <= set(author)
    one_of_joint = one_of_joint and not any(
        not in_spans(m.start(), work.quotes) for m in FIRST_PERSON_OR_ME.finditer(work.text)
    )
    return set(author) <= own or one_of_joint or any(ev.kind == "carry" for ev in work.evidence)


def _judged_reports(work: BlockWork, author: tuple[str, ...]) -> None:
    """In a document, another side's verb whose object names an act in the author's judgement
    ("Putin has announced the beginning of a new wave of aggression against Ukraine" in Kyiv's
    statement): the author's account of what that side did, not its words; that side's
    attribution in the sentence is dropped. An act named as a third side's ("... a response
    to NATO's aggression") stays the speaker's claim. So is another side's present stance
    (`_pictured`)."""
    for ev in list(work.evidence):
        if ev.kind != "attribution" or ev.actor in author:
            continue
        start, end = next(((a, b) for a, b in work.sentences if a <= ev.start < b), (0, 0))
        if _judged_act(work, ev.actor, ev.end, end) or _pictured(work, ev.rule, ev.end):
            work.evidence = [
                other
                for other in work.evidence
                if not (other.actor == ev.actor and other.kind == "attribution")
                or not start <= other.start < end
            ]


def _pictured(work: BlockWork, rule: str, verb_end: int) -> bool:
    """Another side as the subject of a stance verb in the present tense, in a document's line
    ("the alliance refuses to see the risks" in a ministry's comment, "Kyiv continues to
    shell ..."): the author's picture of that side, not a position it stated. Speech verbs
    ("Washington claims that ...") and agreements stay reported."""
    if rule != ATTRIBUTION_SUBJECT.id:
        return False
    start, form = next(((s, f) for s, e, f in work.verbs if e == verb_end), (0, None))
    if form is None or form.cls == "speech" or form.lemma in STATED_STANCES:
        return False
    surface = work.folded[start:verb_end]
    if present_form(surface, form.lemma):
        return True
    # a present progressive: "Russia is not considering any other scenario"
    progressive = surface.partition(" ")[0] == inflect(form.lemma.partition(" ")[0])[3]
    return progressive and _BE_PRESENT.search(work.folded, max(0, start - 40), start) is not None


# "is", "are" right before a verb's -ing form, past a negation and adverbs.
_BE_PRESENT = re.compile(r"\b(?:is|are|am)\s+(?:(?:not|no\s+longer|[a-z]+ly)\s+)*\Z")


# The author's judgement of an act: no side calls its own act so.
_JUDGED_ACT = re.compile(r"\b(?:aggression|invasion)\b")


def _judged_act(work: BlockWork, speaker: str, start: int, end: int) -> bool:
    """Whether the words from `start` to `end` name an act, outside quotes, in the author's
    judgement, with no side before it but the speaker's own."""
    for act in _JUDGED_ACT.finditer(work.folded, start, end):
        if in_spans(act.start(), work.quotes):
            continue
        named = (term.actors for t, _, term in work.terms if start <= t < act.start())
        return all(speaker in actors for actors in named if actors)
    return False


def _asks(work: BlockWork, state: State) -> bool:
    """A release's or an explainer's question alone on its line ("Why does the support go
    on?"): a heading its next lines answer, no position (in one speaker's remarks a question
    is theirs, or a journalist's: reader.classify.sources.remarks_voice). A long one is the
    author's rhetorical question, a charge ("Why do those who demand an urgent meeting of the
    Council keep blocking every proposal for a discussion of its causes?")."""
    remarks = state.source is not None and state.source.remarks
    text = work.text.rstrip()
    return (
        not remarks
        and len(work.sentences) == 1
        and text.endswith("?")
        and len(text.split()) <= _HEADING_QUESTION
    )


# The most words a question that heads a section has ("What does the new package include?").
_HEADING_QUESTION = 15


def _member_aside(
    work: BlockWork, state: State, author: tuple[str, ...], own: bool, rules: CompiledRules
) -> bool:
    """A member government's page on a national matter (its budget) is no actor's, and so is
    its line on its own affairs (its embassy, its citizens) or on another matter it turns to
    ("Turning to the Horn of Africa, ...") on a page on the war."""
    if not member_on_topic(work, state, author, rules):
        if not own and 0 < work.index <= OPENING_BLOCKS and _delivered(work):
            state.off_topic.append(work)  # a statement's opening: the page's once it is on the war
        return True
    return not own and national_matter(work, rules)


def _quotes_the_floor(work: BlockWork, state: State, own: set[str]) -> bool:
    """In a statement whose title names one speaker no rule knows ("Statement by Ambassador
    <name> at the Security Council"), a line that reports another speaker in the third person
    ("The Russian representative told this Council ...") is the author answering them, not
    the author: the author is the one who speaks as "we" or "I". So is a side whose act in
    the line falls on the author's own first person ("<X> is seeking to weaken our country")
    in a statement that speaks as "we" (`_acts_on_us`)."""
    if not state.author_pending:
        return False
    if FIRST_PERSON_OR_ME.search(work.text) is None:
        return not _spoken_stance(work, state, own)
    if _acts_on_us(work, own):
        return True
    return _told_in_past(work, own)


def _spoken_stance(work: BlockWork, state: State, own: set[str]) -> bool:
    """After lines of the document that spoke as "we" ("We will continue to stand with
    Ukraine"), a line with no first person of its own whose sentence opens with the one side it
    names and that side's own stance in the present ("The United States calls on all
    participating States to ...", "Canada condemns ..."): the delegate naming their state, as a
    first-person line would (`_first_person_subject`)."""
    if len(own) != 1 or not any(
        FIRST_PERSON_FOLDED.search(line.folded) is not None and not line.quotes
        for line in state.unvoiced
    ):
        return False
    for _, who in work.main:
        opens = any(start <= who.start <= start + 4 for start, _ in work.sentences)
        if who.kind == "actor" and set(who.actors) == own and opens:
            return _STATE_STANCE.match(work.folded, who.end) is not None
    return False


def _told_in_past(work: BlockWork, own: set[str]) -> bool:
    """Whether every word of the line's side is a speech verb in the plain past, as its
    subject ("<capital> said that it was their operation", "<state> claimed ..."), in a line
    that speaks as "we" elsewhere: the author telling what another side said, not speaking of
    itself (an author names itself in the third person by its stance, "<state> condemns",
    "<state> remains committed": `_first_person_subject`; "has said" is its record). A
    pronoun's verb ("It confirms ...") is left aside: its side is a named one's, or none."""
    told = False
    for ev in work.evidence:
        if ev.kind != "attribution" or ev.actor not in own:
            continue
        form = next((f for a, b, f in work.verbs if b == ev.end and a >= ev.start), None)
        words = work.folded[ev.start : ev.end].split()
        if words and words[0] in _CARRIED:
            continue  # "It confirms ...": a pronoun's side is the line's named one, or no one's
        if form is None or form.cls != "speech" or form.participle or len(words) < 2:
            return False
        forms = inflect(form.lemma.partition(" ")[0])
        if words[-1] in forms[:2] or words[-1] == forms[3] or _AUXILIARIES & set(words):
            return False  # "says", "saying", "has said", "was told", "will say"
        told = True
    return told


_CARRIED = frozenset(["it", "he", "she", "they"])

# Words between a subject and its verb that make the verb no plain past of the subject's own.
_AUXILIARIES = word_set(
    "has have had is are was were be been will would shall should may might can could"
)


def _acts_on_us(work: BlockWork, own: set[str]) -> bool:
    """Whether a subject of the line's side has, later in its sentence and outside quotes,
    the author's own first person as what its act falls on ("... trying to harm our country",
    "... to isolate us"): that side is spoken of in the third person, not the "we"."""
    for _, who in work.main:
        if who.kind != "actor" or not set(who.actors) & own:
            continue
        end = work.sentence_end(who.start)
        for hit in _FIRST_PERSON_TARGET.finditer(work.text, who.end, end):
            if not in_spans(hit.start(), work.quotes):
                return True
    return False


# The author's own first person as the object of an act: "us", "our country", "our people".
_FIRST_PERSON_TARGET = re.compile(
    r"\b(?:(?<!\bthe\s)us\b(?!\s*[-.]?\s*led\b)|[Oo]ur\s+(?:country|state|nation|people|citizens|"
    r"territory|borders|homeland|compatriots)\b)"
)


def _reports_others(work: BlockWork, author: tuple[str, ...]) -> bool:
    """The line reports another side's stated position in the author's words ("When Putin
    spoke in Munich, he said that ...")."""
    return any(ev.rule == REPORTED_SPEECH.id and ev.actor not in author for ev in work.evidence)


def _wait_for_author(work: BlockWork, state: State) -> None:
    """A line of a one-speaker document before its author is known (a salutation, a claim
    with no speaker): it is the author's once a later opening line names them."""
    if not state.author_pending or any(ev.kind == "carry" for ev in work.evidence):
        return
    named = any(who.kind in ("actor", "unknown") for _, who in work.main)
    if not named and _delivered(work) and not ASKS_SPEAKER.search(work.folded):
        state.unvoiced.append(work)
    elif named and all(who.kind == "actor" for _, who in work.main):
        state.reporting.append(work)  # "Kiev said that ...": reported, if the author is another


def _reported_earlier(state: State, author: tuple[str, ...], rules: CompiledRules) -> None:
    """The lines that waited for the author and name another side as their speaker ("Kiev
    said that it was a joint operation" in a ministry's statement whose author a later line
    names): what the author reports of that side, the author first, as `document_voice` gives
    such a line once the author is known."""
    weight = rules.weights.attribution + rules.weights.reported
    for work in state.reporting:
        own = {a for _, who in work.main for a in who.actors}
        if own and not set(author) & own:
            _judged_reports(work, author)
            add_evidence(work, CARRY_DOCUMENT, author, 0, len(work.text), weight)


def voice_earlier(state: State, rules: CompiledRules) -> None:
    """The author now known, the lines that waited for it are theirs (their verdicts were
    held back with the title: reader.classify.pipeline)."""
    author = state.document
    if author is not None:
        for work in state.unvoiced:
            if work.index == 0 and not judged(work, author):
                continue  # a title judged only as seen from the other side
            add_evidence(work, CARRY_DOCUMENT, author, 0, len(work.text), rules.weights.carry)
        # one speaker's statement: what it says others said is reported in the author's voice
        state.reports = state.reports or state.author_pending
        if state.reports:
            _reported_earlier(state, author, rules)
    state.unvoiced.clear()
    state.reporting.clear()
    state.author_pending = False


def release_lead(work: BlockWork, state: State) -> None:
    """A release's first paragraph under its own dateline, a place and a dash and no agency
    ("OTTAWA, Canada – The government of Canada continues to ...", "Ottawa – Canada is ..."),
    with no speaker of its own, on a page no rule has named the author of: it waits for the
    next paragraph, whose opening may name the release's author ("<name>, Minister of ...,
    today announced"; `voice_earlier`), and is theirs then. A wire's dateline ("KYIV (AP) —",
    "/TASS/") is a story's; a story's lead stays no one's when no opening follows."""
    if state.official or state.author_pending or state.document is not None:
        return
    if work.index != 1:
        if work.index == _LEAD_WAITS:
            state.unvoiced.clear()  # no opening named an author: a story's lead
        return
    found = dateline(work.text, opening=True)
    if found is None or work.main or not _delivered(work):
        return
    if found.groupdict().get("agency") or found.groupdict().get("wire"):
        return
    if found.group(0).rstrip()[-1:] in _DASHES:
        state.unvoiced.append(work)


# The paragraph whose opening a release's lead waits for; a release dateline's dash.
_LEAD_WAITS = 2
_DASHES = frozenset("-\u2013\u2014")


def _headline_author(state: State) -> tuple[str, ...]:
    """A release's author its headline names as the one side that speaks ("UK announces new
    sanctions on ...", "Canada condemns ..."), when the page is a release no
    site or title rule gave an author (a release wire's repost) and the opening line names
    no other side: the headline is the issuer's own."""
    lead, last = state.lead, state.last
    if lead is None or lead.block != 0 or state.author_pending:
        return ()
    if last is None or last.block != 0 or last.actors != lead.actors:
        return ()  # "Baltic Drone Systems opens a plant": a subject, no side that speaks
    return lead.actors


def _opening_author(work: BlockWork, state: State, rules: CompiledRules) -> tuple[str, ...]:
    """The author an opening block names: the subject of a readout's "had a telephone
    conversation with", a declaration's "We, the Heads of State ... of the North Atlantic
    Alliance", the state a delegate speaks "on behalf of", or the side whose own words a
    first-person line uses (`_first_person_side`), or else the one side a release's headline
    has speak (`_headline_author`), or the body that holds the office a title names alone
    (`office_holder`)."""
    folded = work.folded
    readout = _READOUT.search(folded)
    if readout is not None:
        # the clause's subject: "At the initiative of the German side, Vladimir Putin had
        # a telephone conversation with ..." is Putin's readout
        clause = folded.rfind(",", 0, readout.start()) + 1
        author = one_party(work.terms, clause, readout.start())
        state.reports = bool(author)
        return author
    we = _WE_OPENING.match(folded)
    if we is not None:
        return one_party(work.terms, we.start(1), we.end(1))
    behalf = _ON_BEHALF.search(folded)
    if behalf is not None:  # "On behalf of the United Kingdom, I thank ..."
        return one_party(work.terms, behalf.start(1), behalf.end(1))
    if _named_sides(work):
        return ()  # a line with a speaker of its own is theirs
    return (
        _first_person_side(work)
        or _first_person_subject(work, state)
        or _narrator_side(work, state)
        or _headline_author(state)
        or office_holder(work, state, rules)
    )


def _first_person_subject(work: BlockWork, state: State) -> tuple[str, ...]:
    """Under a title of one speaker no rule knows ("Statement by Prime Minister <name> ..."),
    a line that says "we" or "our" and has one side's name as the subject of a verb of its
    own stance or help ("We are at a critical point. Canada is working with its partners
    ...", "Lithuania remains steadfast in our support") names the speaker's own side: a
    country tells its own commitments in the first person only through its officials. A side
    that attacks "our" cities is no author: its verbs are not these."""
    quotes, folded = work.quotes, work.folded
    if not state.author_pending or not any(
        not in_spans(m.start(), quotes) for m in FIRST_PERSON_FOLDED.finditer(folded)
    ):
        return ()
    named = sorted((t_start, t_end, term) for t_start, t_end, term in work.terms if term.actors)
    for start, end in work.sentences:
        first = next(((a, b, t) for a, b, t in named if start <= a < end), None)
        if first is None or in_spans(first[0], quotes) or len(first[2].actors) != 1:
            continue
        if _SUBJECT_STANCE.match(folded, first[1]):
            return first[2].actors
    return ()


# A subject's own stance or help, right after its name: "remains steadfast", "is working
# with", "will continue to support", "strongly condemns".
_SUBJECT_STANCE = re.compile(
    r"\s+(?:remains|stands|(?:is|are)\s+(?:(?:also|now|still)\s+)?(?:working|renewing|providing|"
    r"allocating|sending|supporting|committed|steadfast|determined|resolute|ready|proud|united)|"
    r"will\s+(?:continue\s+to\s+(?:support|stand|help)|stand|be\s+there)|"
    r"(?:\w+ly\s+)?(?:condemns|supports|welcomes|reaffirms|reiterates))\b"
)


def _narrator_side(work: BlockWork, state: State) -> tuple[str, ...]:
    """Once a line waiting for the author spoke in the first person ("We strongly condemn
    that act." under "Press release on ..."), the document's narrator is its author: a line
    of its own in one side's own words names that side, unless a waiting line kept that side
    at a distance ("We reject what Moscow calls ...")."""
    waiting = state.unvoiced
    if not any(FIRST_PERSON_OR_ME.search(line.text) for line in waiting):
        return ()
    side = _first_person_side(work, spoken=True)
    if any(_distanced(line, side) for line in waiting):
        return ()
    return side


def _distanced(work: BlockWork, side: tuple[str, ...]) -> bool:
    """Whether the line gives `side`'s own words as someone else's name for a thing ("what
    Moscow calls a special military operation", "the Kremlin's ...")."""
    excluded = merged(work.excluded) if work.excluded else work.excluded
    return any(
        in_spans(start, excluded)
        or _NAMED_BY_OTHERS.search(work.folded, max(0, start - 60), start) is not None
        for start, _, rule in work.framing
        if rule.first_person and rule.actor in side
    )


def _first_person_side(work: BlockWork, spoken: bool = False) -> tuple[str, ...]:
    """The one side whose own words (framing rules marked `first_person`: "our special
    military operation", "fellow Ukrainians") a line in the first person uses, outside quotes
    and exclusions ("what Moscow calls ..."). A narrator who says no "we" or "I" is reporting,
    and a quoted opponent's words are theirs: neither names the author. Once the document has
    spoken as "we" (`spoken`), its narrator is the author, and a line of its own in one side's
    words names that side without a first person of its own ("... the reunification of Crimea
    with Russia" after "We strongly condemn ...")."""
    quotes = work.quotes
    if not spoken and not any(
        not in_spans(m.start(), quotes) for m in FIRST_PERSON_FOLDED.finditer(work.folded)
    ):
        return ()
    excluded = merged(work.excluded) if work.excluded else work.excluded
    folded = work.folded
    sides = {
        rule.actor
        for start, _, rule in work.framing
        if rule.first_person
        and rule.actor is not None
        and not in_spans(start, quotes)
        and not in_spans(start, excluded)
        and not _NAMED_BY_OTHERS.search(folded, max(0, start - 60), start)
    }
    return tuple(sides) if len(sides) == 1 else ()


# A delegation's first person speaking for its state: "On behalf of the United Kingdom, I
# ...", "I speak on behalf of my country, Ukraine." (up to the clause's end).
_ON_BEHALF = re.compile(
    r"(?:^|\b(?:i|we)\b[^.;:]{0,40}?)\bon\s+behalf\s+of\s+(?:(?:my|our)\s+(?:country|delegation|"
    r"government|state),?\s+)?([^.;:!?]{2,50}?)(?=[,.;:!?]|\s+(?:i|we)\b|\Z)"
)

# The words right before a term that make it someone else's name for a thing: "what Moscow
# calls a special military operation", "Russia's so-called ...", "the Kremlin's ...".
_NAMED_BY_OTHERS = re.compile(
    r"(?:\b(?:calls?|called|dubs|dubbed|terms|termed|so-called|labels|labelled|labeled)|"
    r"[\w-]+['’]s)\s+(?:(?:it|this|the|a|an|its|their|his|her)\s+)*\Z"
)


def _delivered(work: BlockWork) -> bool:
    """A line the document's author delivers: one with content (a repost's credit to its site
    after it aside; a declaration's preamble clause; a delivery line), or the salutation a statement
    read out to a body opens with ("Mr President, distinguished members of the Council,"); not
    the list of those taking part ("Hosts: ...")."""
    if CAST_LINE.match(work.folded) or topic_heading(work):
        return False  # "Hosts: ...", "On Tuesday's sanctions:"
    credit = find_credit(work.text)  # "... low power.”, – WRITE: <site>": the site credited
    text = work.text[: credit.start() + 1] if credit is not None else work.text
    return (
        _CONTENT.match(text) is not None
        or _SALUTATION.match(work.folded) is not None
        or _BULLET.match(work.text) is not None
        or _PREAMBLE.match(work.text) is not None
        or _DELIVERY.match(work.folded) is not None
        or names_statement(work)
        or _SHORT_SENTENCE.match(text) is not None
        or _QUOTE_CLOSED.match(text) is not None
    )


# A short sentence of the speaker's own, three words or four ending in a lower-case word and
# its stop ("It's fierce fighting.", "That is our answer."): a line of content, where a
# heading, a place and date ("Brussels, 3 May.") or "Ends." is none.
_SHORT_SENTENCE = re.compile(r"\s*[A-Z][\w'’-]*(?:\s+[\w'’,-]+){1,2}\s+[a-z][\w'’-]+[.!]\s*$")

# The last line of a statement quoted over several paragraphs, a closing mark and no opening
# one ("Long live Ukraine.\"", as a release that quotes its author whole ends): the quote the
# lines before opened runs on to it, the author's words however short.
_QUOTE_CLOSED = re.compile(r"\s*[^\"“”«»\s][^\"“”«»]*[.!?][\"”»]\s*$")


# The address to the audience a delivered statement opens with, alone on its line (an office
# with its holder's name too: "President <name>, dear <name>,").
_SALUTATION = re.compile(
    r"\W*(?:(?:thank\s+you|thanks)(?:\s+very\s+much)?,?\s+)?(?:(?:mr|mister|madam|madame|mrs|ms)\.?\s+)?"
    r"(?:president|speaker|chair(?:man|woman|person)?|secretary[- ]general|excellenc(?:y|ies)|"
    r"(?:prime\s+)?minister|ambassador|chancellor|"
    r"colleagues|ladies\s+and\s+gentlemen|(?:distinguished|dear|honou?rable|esteemed|fellow)"
    r"\s+[\w' -]{2,60}?)(?:\s+[\w'’-]+){0,2}?(?:,\s+[^.!?]{0,240}?)?[,.!:]?\s*\Z"
    r"|\W*(?:good\s+(?:morning|afternoon|evening)|hello)(?:,?\s+(?:everyone|everybody|all))?"
    r"[,.!]?\s*\Z"
    # "Thank you," alone, or with whom it thanks ("Thank you, Germany!", "Thanks, everyone.")
    r"|\W*(?:thank\s+you|thanks)(?:\s+(?:very|so)\s+much)?(?:,\s+[\w'’ .-]{2,40}?)?[,.!]?\s*\Z"
)


def salutation_opening(work: BlockWork, state: State) -> bool:
    """One of the first paragraphs of a page no rule has named the author of, that opens by
    addressing a body's chair or members ("Thank you, Madam Chair.", "Mr. President,
    distinguished members of the Council,", "Excellencies, dear colleagues,"): the page is one
    delegate's speech reposted under its topic, an official document whose lines wait for the
    one that names the side the delegate speaks for (as under "Statement by Ambassador
    <name>"), the salutation among them. A page whose title or opening already put a side
    forward ("US condemns the strikes on <port>" over "Thank you, Madam President. ...") is that
    side's speech: every line after it the side's, as on the delegation's own site; this line
    is left to that voice (False)."""
    if state.official or state.source is not None or state.document is not None:
        return False
    lead, statement = state.lead, state.statement
    if state.voice is not None or (statement is not None and _other_voice(statement, lead)):
        return False
    if not work.sentences:
        return False
    if _chair_then_side(work, state):
        return False  # "Mr. Chair, Canada welcomes ...": the line is in that side's voice
    if work.main:
        return False
    start, end = work.sentences[0]
    if _CHAIR_SALUTATION.match(work.folded, start, end) is None:
        return False
    if lead is not None:
        if _VOCATIVE_CHAIR.match(work.folded, start, end):
            _lead_speech(state, lead)  # (not "President of <state> <name> held ...")
        return False
    state.official = state.author_pending = True
    state.unvoiced.append(work)
    return True


def addressed_opening(work: BlockWork, state: State, rules: CompiledRules) -> None:
    """An opening line under a joint press event's title that addresses one of its two
    speakers ("President <name>, dear <first name>, it's good to have you back at ..."): the
    other one holds the floor, and the transcript is their remarks (GUIDE.md: every line of
    one speaker's own is theirs), the lines that waited for it (a "Thank you very much." before
    the address) included. The one addressed is no subject of the line ("President <name>,
    welcome to ..." bids them welcome): what the grammar read of them there is taken back."""
    if state.document is not None or not state.author_pending or work.index > OPENING_BLOCKS:
        return
    if state.voice is not None:
        return  # "<name>, <office>: ...": a transcript's speaker label, no address
    author, end = addressed_speaker(work, state)
    if author:
        state.document = author
        state.reports = True
        work.main = [(at, who) for at, who in work.main if at >= end]
        work.evidence = [ev for ev in work.evidence if ev.kind in _NO_VOICE or ev.start >= end]
        voice_earlier(state, rules)


# Evidence that gives no one a voice: a term shown, a framing word.
_NO_VOICE = frozenset(["mention", "framing"])


def spoken_release(work: BlockWork, state: State) -> None:
    """A line of an official document read as a release (a member's ministry or mission site:
    only its lines with content are the author's) that addresses a body's chair ("Madam
    Chair,", "Thank you, Mr. President."): the document is a speech delivered to that body,
    one speaker's remarks, so every line after it is the speaker's, an account with no side of
    its own named ("The delegation was received in <city> by ...") and a question put to the
    floor included. A joint source (a call's or a meeting's two sides) is left as it is, and so
    is a greeting quoted in the release's account ('"Mr. President, we stand with you," the
    minister told his host'): the release tells of it, and goes on as a release. Only one of
    the opening paragraphs, as the speech's own first words are (the caller's bound)."""
    source = state.source
    if source is None or source.remarks or source.joint or not state.document:
        return
    if not state.official or not work.sentences or state.voice is not None:
        return
    if opens_quote(work.text.lstrip()):
        return
    start, end = work.sentences[0]
    if _VOCATIVE_CHAIR.match(work.folded, start, end) is None:
        return
    state.source = replace(source, remarks=True)
    state.interviewee = Speaker(state.document, work.index)


# The chair addressed, a comma or a stop right after: "Thank you, Mister President.", "Madam
# Chair,", "Excellencies, ...".
_VOCATIVE_CHAIR = re.compile(
    r"\W*(?:(?:thank\s+you|thanks)(?:\s+(?:very|so)\s+much)?,?\s+)?(?:(?:mr|mister|madam|madame)"
    r"\.?\s+(?:president|chair(?:man|woman|person)?|co-chairs?)|excellenc(?:y|ies)|"
    r"(?:dear|distinguished|esteemed)\s+(?:colleagues|delegates|members))\s*[,.!:;]"
)


def _chair_then_side(work: BlockWork, state: State) -> bool:
    """A speech reposted with no title of its speaker that opens by addressing the chair, then
    has one side speak as the subject of the clause right after ("Mr. Chair, Canada welcomes
    the report ...", "Thank you, Madam President. The United Kingdom remains ..."): a delegate
    names their state so, and the page is that side's speech from here on (a member state's
    on the war only, as its site's page is). Whether it named the side."""
    chair = _VOCATIVE_CHAIR.match(work.folded)
    if chair is None:
        return False
    after = _SUBJECT_AFTER.match(work.folded, chair.end())
    subject = after.end() if after is not None else chair.end()
    # the side's name may hold its article ("the United Kingdom", "the Russian Federation")
    starts = (
        (subject, subject - len(after["article"])) if after and after["article"] else (subject,)
    )
    term = next((t for t in work.terms if t[0] in starts), None)
    if term is None or term[2].kind not in ("alias", "speaker") or len(term[2].actors) != 1:
        return False
    if _STATE_STANCE.match(work.folded, term[1]) is None:
        return False  # "Mr. Chair, Russia continues to shell ...": the side spoken of
    state.official = True
    state.document = term[2].actors
    state.document_member = term[2].member
    state.reports = True
    return True


# A state's own stance right after its name, in the present, as a delegate tells it when it
# takes the floor ("welcomes", "aligns itself with", "calls on", "remains concerned"): not
# what a speaker says of the side it blames ("continues to shell", "remains in breach of").
_STATE_STANCE = re.compile(
    r"\s+(?:(?:\w+ly|once\s+again|again|also)\s+)?(?:welcomes|thanks|"
    r"(?:aligns|associates)\s+itself|joins|shares|supports|condemns|reaffirms|reiterates|"
    r"would\s+like|wishes|takes\s+note|calls\s+(?:on|upon)|"
    r"stands\s+(?:firmly\s+|resolutely\s+)?(?:with|by)|"
    r"will\s+continue\s+to\s+(?:support|stand|help)|"
    r"(?:is|remains)\s+(?:(?:deeply|very|most|firmly|fully|still)\s+)?(?:concerned|grateful|"
    r"committed|pleased|alarmed|troubled|steadfast|determined|resolute))\b"
)


# What may come between the chair's address and the subject: a thanks, a space, "the".
_SUBJECT_AFTER = re.compile(
    r"(?:\s*(?:thank\s+you|thanks)[^.!,]{0,30}[.!,])?\s*(?P<article>the\s+)?"
)


def _other_voice(statement: Speaker, lead: Speaker | None) -> bool:
    """A statement in force that is not the voice of the side the top of the page put forward
    (the headline's "US condemns ..." goes on as the lead's own)."""
    return lead is None or statement.actors != lead.actors


def _lead_speech(state: State, lead: Speaker) -> None:
    """A delegate's speech under a title or an opening that put one side forward: the page is
    that side's document (a member state's on the war only, as its site's page is)."""
    state.official = True
    state.document = lead.actors
    state.document_member = lead.member
    state.document_topic = not lead.off_topic


# A salutation to a body's chair or members, opening a line ("Thank you, Mr. Chair.", "Madam
# President, Excellencies,"): a delegate's speech begins. A host's "Good morning, everyone" or
# a bare "Thank you" names no body.
_CHAIR_SALUTATION = re.compile(
    r"\W*(?:(?:thank\s+you|thanks)(?:\s+(?:very|so)\s+much)?,?\s+)?(?:(?:mr|mister|madam|madame)\.?\s+)?"
    r"(?:(?:president|chair(?:man|woman|person)?|vice[- ]chair(?:person)?|co-chairs?)\b|"
    r"excellenc(?:y|ies)\b|(?:dear|distinguished|esteemed)\s+(?:colleagues|delegates|members)\b)"
    r"[^.!?:;]{0,160}[,.!:;]?\s*\Z"
)
