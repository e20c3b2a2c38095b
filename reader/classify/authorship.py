"""The document's author found from the document itself (step 7, after the sources): for
pages no site, title or opening rule knows (a ministry's release reposted elsewhere, an
official's address after a news lead, an ambassador's signed article).

Why: an official's own text speaks in the first person ("We strongly condemn ...", "I gave
instructions ...", "our support will go on") with no speech verb, and a narrator never does.
Whose first person it is, the document says once, at its top: the one side its title and
its opening paragraph put forward as speaker or subject ("Zelenskyy: ...", "President of
Ukraine <name> held meetings ...", "<Country> announces ..."). A line in the first person
outside quotes, with no speaker of its own, is then that author's, and it starts a statement
in the author's voice (reader.classify.statements.statement_voice) that goes on over the lines
after it until the narrator is back.
"""

from __future__ import annotations

import re

from reader.classify.datelines import dateline
from reader.classify.evidence import add_evidence
from reader.classify.phrasebounds import first_phrase
from reader.classify.phrases import resolve
from reader.classify.topic import allowed
from reader.classify.types import LOW, START, BlockWork, Speaker, State, Who
from reader.classify.units import (
    ASKS_SPEAKER,
    FIRST_PERSON,
    REPORTING,
    first_person,
    in_spans,
)
from reader.classify.wordclasses import SUBORDINATE
from reader.rules.compile import CompiledRules
from reader.rules.grammar import CARRY_AUTHOR

# The title and this many paragraphs after it name the document's author.
_LEAD_BLOCKS = 2


def note_lead(work: BlockWork, state: State, rules: CompiledRules) -> None:
    """The side the title or an opening paragraph puts forward: the one side its speakers
    stand for, or else the side its first sentence opens with as subject ("President of
    Ukraine <name> has held meetings ..."). Two different sides at the top name no author."""
    if work.index > _LEAD_BLOCKS or state.lead_sides is None:
        return
    if work.index == 0 and _LIVE.search(work.folded):
        state.lead_sides = None  # a live blog: the outlet's own running story
        return
    topic = _topic_end(work)
    named = [who for at, who in work.main if who.kind == "actor" and at >= topic]
    if not named:
        subject = _opening_subject(work, state) if not topic else Who("none")
        named = [subject] if subject.kind == "actor" else _title_people(work, topic)
    if not named:
        return
    known = state.lead_sides
    known.update(who.actors for who in named)
    if len(known) != 1 or any(len(actors) != 1 for actors in known):
        state.lead_sides, state.lead = None, None  # two sides at the top: no one's document
        return
    if state.lead is None:
        member = any(who.member for who in named)
        actors = next(iter(known))
        off_topic = member and not allowed(Who("actor", actors, member=True), work, rules)
        state.lead = Speaker(actors, work.index, member=member, off_topic=off_topic)
    _signed_article(work, state)
    _release_opening(work, state)


def _release_opening(work: BlockWork, state: State) -> None:
    """A first paragraph whose first sentence has the author the title put forward as its
    one speaker, in the present tense and with no dateline ("The Foreign Ministry of <state>
    strongly condemns ...", "In coordination with its allies, <state> is today announcing
    ..."): the author's release as issued, reposted. A story tells the author's act in the
    past ("condemned", "has issued a statement") or credits its source ("..., <agency>
    reports"); a release speaks in its author's present. Its lines with no speaker of their
    own are then the author's (`author_voice`)."""
    lead = state.lead
    if work.index != 1 or lead is None or lead.block != 0 or not work.sentences:
        return
    if dateline(work.text, opening=True) is not None or _narrator_reports(work):
        return
    end = work.sentences[0][1]
    speakers = [(at, who) for at, who in work.main if at < end and who.kind == "actor"]
    if not speakers or any(who.actors != lead.actors for _, who in speakers):
        return
    at, who = speakers[0]
    verb = next((v for start, _, v in work.verbs if start == at), None)
    if (
        verb is None
        or verb.lemma not in _ISSUES
        or not _INSTITUTION.fullmatch(work.text[who.start : who.end])
    ):
        return
    between = work.folded[who.end : at]
    state.release = bool(_PRESENT_VERB.fullmatch(between + work.folded[at : at + 20].split()[0]))


def _narrator_reports(work: BlockWork) -> bool:
    """The line reports someone in the narrator's words: a reporting verb outside quotes
    ("said", "told", "reports", "according to"): a story's, never a release's own voice."""
    quotes, text = work.quotes, work.text
    if _ACCORDING.search(work.folded):
        return True
    return any(  # (a capital "States" is a name's: "the United States")
        verb.lemma.split(" ", 1)[0] in REPORTING
        and not text[start].isupper()
        and not in_spans(start, quotes)
        for start, _, verb in work.verbs
    )


# What a release's author does by issuing it, said in its present ("condemns", "expresses
# its protest", "is announcing"); a story's "believes", "hopes", "warns" tell a view.
_ISSUES = frozenset(
    [
        "condemn",
        "express",
        "protest",
        "welcome",
        "announce",
        "reiterate",
        "reaffirm",
        "call",
        "urge",
    ]
)
# A release's author: a body of state ("The Ministry of Foreign Affairs of <state>", "the
# Government", "MFA of <state>") or a state's one-word name; never a person ("Spokesman
# <name> condemns" is a story's lead).
_INSTITUTION = re.compile(
    r"(?:[Tt]he\s+)?(?:[A-Z][\w'’-]*\s+){0,3}(?:Ministry|Government|MFA|Department|Embassy|Mission|"
    r"Office|Council|Cabinet)\b[^.;:]{0,60}|(?:[Tt]he\s+)?[A-Z][\w'’-]+"
)
_ACCORDING = re.compile(r"\baccording\s+to\b")
# Between a release's author and its verb, then the verb: the present, simple ("strongly
# condemns") or progressive ("is today announcing"), never the past or the perfect.
_PRESENT_VERB = re.compile(
    r"\s*(?:(?:\w+ly|also|today|now)\s+)*(?:[a-z]+[^s\W]s|(?:is|are)\s+(?:\w+\s+){0,2}[a-z]+ing)"
)


def note_headline(work: BlockWork, state: State) -> None:
    """The one side the headline gives a voice ("Sweden condemns Russia's attack on ...",
    "Kyiv rejects ..."): the article's own country, whose offices a local paper names without
    it (reader.classify.offices.lead_side). An act in the headline ("Russia launches drones
    at ...") gives none: the article may be the target's."""
    sides = {who.actors for _, who in work.main if who.kind == "actor"}
    if len(sides) == 1:
        member = any(who.member for _, who in work.main if who.kind == "actor")
        state.headline = Speaker(next(iter(sides)), work.index, member=member)
    elif (
        not sides
        and state.lead is not None
        and state.lead.block == work.index
        and state.lead.member
    ):
        # "Norway expels Russian diplomats": a member state's own act, the one side the title
        # puts forward (`note_lead`), makes the story that member's; a side's strike on
        # another ("Russia fires missiles at Odesa") may be told from the target's side
        state.headline = state.lead


def _signed_article(work: BlockWork, state: State) -> None:
    """A standfirst in its author's first person signed by them ("... need our support more
    than ever, Norwegian Ambassador <name> writes."): the page is the author's own article,
    every line of it theirs (an official document's voice: reader.classify.document)."""
    lead = state.lead
    if lead is None or lead.block != work.index or work.index == 0 or state.official:
        return
    signed = _SIGNED.search(work.folded)
    if signed is None or not first_person(work, signed.start()):
        return
    state.official = True
    state.document = lead.actors
    state.document_member = lead.member
    state.document_topic = not lead.off_topic


def first_person_title(work: BlockWork) -> Who | None:
    """A headline in the first person outside quotes, with no speaker of its own ("We will
    implement the agreements as soon as possible"): whose words they are, the first
    paragraphs say (reader.classify.headlines.resolve_title). The outlet's "what we know" is
    its own."""
    if any(who.kind == "actor" for _, who in work.main) or _NEWSROOM.search(work.folded):
        return None
    if not first_person(work):
        return None
    return Who("pronoun", start=0, end=len(work.text), word="we")


def told_title(work: BlockWork) -> Who | None:
    """A headline of a claim put to an audience, its speaker left out ("<claim>, G7 ministers
    told", "<claim>, MPs told", "<claim>, Security Council is told"): the one who told them is
    the speaker the first paragraphs name (reader.classify.headlines.resolve_title), never the
    audience, whose side the returned `actors` hold to leave out."""
    if any(who.kind == "actor" for _, who in work.main):
        return None
    told = _TOLD_AUDIENCE.search(work.folded)
    if told is None:
        return None
    start, end = told.span(1)
    sides = [term.actors for at, _, term in work.terms if start <= at < end and term.actors]
    actors = tuple(dict.fromkeys(side for group in sides for side in group))
    return Who("pronoun", actors, start=0, end=len(work.text), word="told")


# A headline's closing audience, told: the phrase after its last comma, then "told".
_TOLD_AUDIENCE = re.compile(r",\s+((?:[\w.'’-]+\s+){0,4}?[\w.'’-]+)\s+(?:is\s+|are\s+)?told\W*$")


def _topic_end(work: BlockWork) -> int:
    """Where a title's opening phrase of topic ends ("On Russia's ongoing aggression against
    Ukraine", "Regarding the meeting of advisers ...", "About the talks in <city>", "Re: ...",
    up to a comma, a colon or a dash, else the whole title); 0 for any other block. The
    phrase names what the document is about, never who wrote it: the sides in it are no
    author (the page still has its site's, its signature's or its first-person lines')."""
    if work.index != 0:
        return 0
    opening = _TOPIC_OPENING.match(work.folded)
    if opening is None:
        return 0
    stop = _TOPIC_STOP.search(work.folded, opening.end())
    return stop.start() if stop is not None else len(work.folded)


# A title's preposition of topic, then its object: never "On-the-record ...", "About 300 ...".
_TOPIC_OPENING = re.compile(
    r"\W*(?:on|about|regarding|concerning|re\s*:|as\s+regards|with\s+(?:regard|respect)\s+to)"
    r"\s+(?=[^\W\d])"
)
# Where the phrase of topic ends: a comma, a colon, a semicolon, a spaced dash.
_TOPIC_STOP = re.compile(r"[,:;]|\s[-\u2013\u2014]\s")


def _title_people(work: BlockWork, topic: int) -> list[Who]:
    """The people and offices a title names when they are all one side's ("Answers to
    questions from Russian President <name> ..."): a document's title names its speaker,
    not in its phrase of topic (before `topic`: "On the talks of <office> ...")."""
    if work.index != 0:
        return []
    people = [
        Who("actor", term.actors, member=term.member)
        for at, _, term in work.terms
        if term.kind == "speaker" and term.actors and at >= topic
    ]
    return people if len({who.actors for who in people}) == 1 else []


def _opening_subject(work: BlockWork, state: State) -> Who:
    """The noun phrase a block's first sentence opens with, when it is a name or an office
    of one side and no dateline ("KYIV (Reuters) -", "Ottawa -") or clause comes first."""
    units = work.units
    if not units or units[0][START] > 2 or units[0][LOW] in _NO_SUBJECT_OPENERS:
        return Who("none")  # "If Russia had known ...", "Dear German people!": no author
    phrase = first_phrase(units[:_PHRASE_UNITS])
    if not phrase or phrase[0] is not units[0]:
        return Who("none")
    after = work.text[phrase[-1][1] : phrase[-1][1] + 3]
    if _DATELINE_AFTER.match(after):
        return Who("none")
    return resolve(phrase, state.names)


_PHRASE_UNITS = 12
# What opens a subordinate clause before its subject, an inverted condition's verb too ("Had
# Moscow listened ...", "Should Kyiv agree ...").
# A salutation's "Dear" opens no subject either: the people an address greets are its audience.
_NO_SUBJECT_OPENERS = SUBORDINATE | {"had", "should", "were", "dear"}
# A title of the outlet's running story: "... - live", "... as it happened", "Live updates: ...".
_LIVE = re.compile(r"\blive\b|as\s+it\s+happened")
# Right after a place that opens a wire story or a release: a dash, a colon, a bracket.
_DATELINE_AFTER = re.compile(r"\s*(?:[-–—:(,]|\Z)")


def author_voice(work: BlockWork, state: State, rules: CompiledRules) -> None:
    """A body line in the first person outside quotes ("We strongly condemn ...", "I gave
    instructions ...") with no speaker of its own, in an article whose title or opening names
    one side's author and where no other voice holds the floor (a document's, a transcript's,
    a reprinted statement's): the author's. It starts a statement in the author's voice that
    the lines after it go on with. A member state's author counts only on the war."""
    if state.release and (_narrator_reports(work) or dateline(work.text, opening=True)):
        state.release = False  # the narrator reports someone, or datelines: a story's page
    lead = state.lead
    if lead is None or work.index <= lead.block or _floor_taken(work, state):
        return
    quoted = _bare_quote(work, state)
    own = quoted or first_person(work) or _greets_own(work, lead.actors)
    if not (own or state.release):
        return
    if ASKS_SPEAKER.search(work.folded):
        return
    if _NEWSROOM.search(work.folded):
        state.lead = state.lead_sides = None  # the outlet speaks: its "we" from here on too
        return
    if lead.member and lead.off_topic:
        if not allowed(Who("actor", lead.actors, member=True), work, rules):
            return  # a member state's author counts on the war only: once on it, it goes on
        lead.off_topic = False
    add_evidence(work, CARRY_AUTHOR, lead.actors, 0, len(work.text), rules.weights.carry)
    work.carried_from = lead.block
    if quoted:  # the next bare quote goes on with it, as after a named speaker
        state.last = Speaker(lead.actors, work.index, member=lead.member)
    elif own:
        state.statement = Speaker(lead.actors, work.index)


def _greets_own(work: BlockWork, actors: tuple[str, ...]) -> bool:
    """A short line that greets the author's own people in words only that side's officials
    use ("Dear Ukrainians!", "Good evening, fellow Ukrainians!": framing marked
    `first_person`), outside quotes, or any audience as a line of its own ("Dear German
    people!", "Ladies and gentlemen,"): an address's salutation, the author's."""
    if len(work.text.split()) > _GREETING_WORDS:
        return False
    if _SALUTATION.match(work.folded):
        return True
    quotes = work.quotes
    return any(
        rule.first_person and rule.actor in actors and not in_spans(start, quotes)
        for start, _, rule in work.framing
    )


# The most words an address's salutation has ("Good evening, dear fellow Ukrainians!").
_GREETING_WORDS = 6
# A line that only greets an audience, closed by a comma or an exclamation mark.
_SALUTATION = re.compile(
    r"\W*(?:(?:my\s+)?dear\s+[^.!?,:;\"\u201c]{1,50}|ladies\s+and\s+gentlemen)\s*[!,]\s*\Z"
)


def _bare_quote(work: BlockWork, state: State) -> bool:
    """A paragraph that opens a quote in the first person ("\u201cWe are implementing ...\u201d")
    while the story has named no speaker yet, only the author it opens with ("President
    <name> has held meetings ..."): the author's words (GUIDE.md: a quote with no
    attribution is the speaker's named before it)."""
    quotes = work.quotes
    if state.last is not None or not quotes or quotes[0][0] > 1:
        return False
    return any(FIRST_PERSON.search(work.text, start, end) for start, end in quotes)


def _floor_taken(work: BlockWork, state: State) -> bool:
    """Someone else speaks here: the line names a speaker, carries one over, or a document's,
    a transcript's or a statement's voice is in force."""
    return (
        state.official
        or state.document is not None
        or state.voice is not None
        or state.statement is not None
        or any(who.kind in ("actor", "unknown") for _, who in work.main)
        or any(ev.kind == "carry" for ev in work.evidence)
    )


# The outlet's own "we": its coverage, its readers, its reporters ("We will be pausing our live
# coverage ...", "Before we return, here is a rundown ...").
_NEWSROOM = re.compile(
    r"\b(?:(?:live\s+)?coverage|live\s+blog|blog|readers?|subscribers?|subscribe|newsletter|"
    r"this\s+(?:story|article|page|report)|rundown|round-?up|updates?\s+(?:here|below)|"
    r"our\s+(?:reporters?|correspondents?|journalists?|newsroom|team|editors?)|"
    r"(?:told|contacted|asked|reached|joined|interviewed)\s+(?:us|our|me)|"
    r"(?:spoke|talked|speaking|talking)\s+(?:to|with)\s+(?:us|me)|(?:we|i)\s+(?:asked|contacted|reached)|"
    r"(?:we|i)\s+(?:spoke|talked|met|sat\s+down)\s+(?:to|with)\s+(?:him|her|them)|"
    r"my\s+colleagues?|from\s+me|with\s+you|what\s+we\s+know)\b"
)
# The signature closing an opinion piece's standfirst: "..., <office> <name> writes."
_SIGNED = re.compile(r",\s+[^,.;:]{3,80}\s+writes\.?\s*\Z")
