"""A transcript's labelled lines and the voice they set.

A speaker's label ("Mark Rutte: ...", "MR. PRICE:", a name alone on its line, `speaker_line`)
puts the lines after it in the speaker's voice until the next label (`transcript_line`); an
interview's "Q:" and "A:", a press conference's "Question (Reuters):" and a host's
"MODERATOR:" set the asker's or the interviewee's voice (`section_or_prefix`), and a journalist's
turn counts for no one (`interviewer_asks`); a report's section labels ("Source: X", "Quote:",
"Details:", an editor's "Note:") name no speaker, but "Source: X" makes X the speaker the next
quote carries.

Why the split is here: pipeline.py had grown to 1,487 lines, 13 short of the limit
tests/test_code_shape.py sets, with a branch about to add to it. These steps read a line's label
and the voice state it leaves (`State.voice`, `State.asker`, `State.interviewee`), and none of
the block order, the headline's source or the sentence steps pipeline.py runs. Whether the words
before a colon are a speaker's label at all (`colon_label` and its heading tests) is
reader.classify.colonlabels' (moved out of pipeline.py in session 30); `_voice_and_label`
stays in pipeline.py, which joins the two and calls this module; this module
imports nothing of pipeline.py. Moved verbatim (session 28): only the names pipeline.py reads
lost their underscore.
"""

from __future__ import annotations

import re

from reader.classify.attribution import channel_owner
from reader.classify.evidence import add_evidence
from reader.classify.officialtitles import official_title
from reader.classify.personnames import is_person
from reader.classify.phrasebounds import first_phrase
from reader.classify.phrases import learn, resolve
from reader.classify.speakers import known_role, note_person
from reader.classify.topic import allowed
from reader.classify.types import CAP, END, START, TERM, BlockWork, Speaker, State, Unit, Who
from reader.classify.units import ASKS_SPEAKER, BARE_LABEL, CAST_LINE, COLON_PREFIX, section_heading
from reader.rules.compile import CompiledRules
from reader.rules.grammar import (
    ATTRIBUTION_COLON,
    ATTRIBUTION_SOURCE,
    CARRY_DOCUMENT,
    CARRY_TRANSCRIPT,
)


def section_or_prefix(
    work: BlockWork, rules: CompiledRules, state: State
) -> tuple[int, re.Match[str] | None]:
    """Where the body starts after a section or interview label ("Source:", "Q:"), which is
    handled here; or the "Name:" prefix that may name a speaker."""
    prefix = COLON_PREFIX.match(work.text) if ":" in work.text else None
    if prefix is None:
        return 0, _bare_label(work)
    heading = work.folded[: prefix.end(1)].strip()
    if heading in _NOTE_LABELS:
        state.voice = None  # "Note: This transcript presents what Putin said ...": the editor's
        return len(work.text), None
    if heading in _SECTION_LABELS:
        _section(work, prefix.end(1) + 1, rules, state)
        return prefix.end(1) + 1, None
    if heading in _INTERVIEW_LABELS or _QUESTION_LABEL.match(heading):
        _interview_line(work, heading, state)
        return prefix.end(1) + 1, None
    if heading in _HOST_LABELS:
        state.voice = state.asker = Speaker((), work.index)  # the moderator's, until the next
        return prefix.end(1) + 1, None
    if CAST_LINE.match(work.folded):
        return len(work.text), None  # "Hosts: X, Y and Z": who took part, no one's words
    return 0, prefix


def _bare_label(work: BlockWork) -> re.Match[str] | None:
    """A speaker's label alone on its line ("Maria Zakharova:", "Foreign Minister <name>:"),
    the reply in the paragraphs after it: a transcript's label like "Name: ..." when the words
    before the colon are one person and nothing else, a name the lexicon knows or one in
    capitals it does not (an interviewer's, which takes the floor from the last speaker); no
    verb ("X said:" introduces a statement, `carry.statement`), no section's or interview's
    label ("Question:" alone is read as before), no clause ("They include:")."""
    label = BARE_LABEL.fullmatch(work.text) if ":" in work.text else None  # most have no colon
    if label is None or work.verbs or work.quotes:
        return None
    units = [u for u in work.units if u[END] <= label.end(1)]
    if work.folded[: label.end(1)].strip() in _ALL_LABELS or first_phrase(units) != units:
        return None  # "Question:", "Source:" alone: no one's label here
    named = any(u[TERM] is not None and u[TERM].kind == "speaker" for u in units)
    return label if named or all(u[CAP] for u in units) else None


def _names_person(units: list[Unit]) -> bool:
    """A speaker's label that names a person by a name or office the lexicon knows ("Johann
    Wadephul:", "President of Finland X:"), not a dateline's place ("In Warsaw, ...:")."""
    return any(u[TERM] is not None and u[TERM].kind in ("speaker", "role") for u in units)


def speaker_line(
    work: BlockWork,
    rules: CompiledRules,
    state: State,
    label: tuple[Who, list[Unit], int, bool],
    is_title: bool,
) -> tuple[Speaker | None, Who | None]:
    """A "Name: ..." line: the voice it is in, or a headline's source still to resolve."""
    who, pre_units, cut, transcript = label
    tag = transcript and not is_title and _names_person(pre_units)  # "President of Finland X:"
    if who.kind == "actor" and allowed(who, work, rules, person=tag):
        add_evidence(
            work, ATTRIBUTION_COLON, who.actors, who.start, who.end, rules.weights.attribution
        )
        speaker = Speaker(who.actors, work.index)
        work.main.append((who.start, who))
        # a title that is a label and nothing else ("<office> <name>:") heads the speaker's
        # words as a label alone on its line does: a post of theses reposted under it
        label_title = is_title and not work.text[cut + 1 :].strip()
        runs_on = (
            transcript
            and is_person(pre_units)
            and (label_title or not is_title)
            and not _speech_before(work, cut)
        )
        state.voice = speaker if runs_on else None  # "Mark Rutte: ...", not "Lavrov said: ..."
        state.last = speaker
        if is_person(pre_units):
            note_person(state, speaker)
        work.speaker_set = True
        return speaker, None
    if who.kind == "unknown" and not is_title:
        state.voice = Speaker(_staff_speaker(work, state), work.index)
        state.last = state.voice
        if state.voice.actors:
            weight = rules.weights.carry
            add_evidence(work, CARRY_DOCUMENT, state.voice.actors, 0, len(work.text), weight)
        return state.voice, None
    if (
        who.kind in ("role", "unknown")
        and is_title
        and not official_title(work.text, rules.legislatures)
    ):
        return None, who
    return None, None


def _speech_before(work: BlockWork, cut: int) -> bool:
    """A speech verb before the colon ("Lavrov said: ..."): prose that introduces one quote,
    not a transcript line that puts the lines after it in the speaker's voice."""
    return any(start < cut for start, _, _ in work.verbs)


def _staff_speaker(work: BlockWork, state: State) -> tuple[str, ...]:
    """ "MR. PRICE:", "MS. JEAN-PIERRE:" in an official document's transcript: an official's
    house style for its own staff, whom the lexicon need not know (guests are named by their
    office, journalists as "QUESTION:"): the document's author. So is a label that opens
    with the office the title gives its speaker ("AMBASSADOR <NAME>:" under "Briefing with
    Ambassador <name>, Permanent Representative of <state> ...")."""
    author = state.document
    if not (state.official and author and len(author) == 1):
        return ()
    folded = work.folded
    if HONORIFIC.match(folded):
        return author
    roles = state.source.roles if state.source is not None and state.source.remarks else ()
    first = _FIRST_WORD.search(folded) if roles else None  # (an office opens with a letter)
    at = first.start() if first is not None else 0
    if any(
        folded.startswith(role, at) and _NAME_LABEL.match(folded, at + len(role)) for role in roles
    ):
        return author
    return ()


# A staff label that opens with the title's office: the office read as a literal at the
# label's first word, then one pattern for every office, a name of one or two words and the
# colon ("AMBASSADOR <NAME>:").
_FIRST_WORD = re.compile(r"\w")
_NAME_LABEL = re.compile(r"\s+[\w'-]+(?:\s+[\w'-]+)?\s*:")


# A speaker's label that opens with an honorific and a surname ("MR. PRICE:", "Ms Smith:"), or
# an official the transcript does not name ("SENIOR ADMINISTRATION OFFICIAL:").
HONORIFIC = re.compile(
    r"\W*(?:(?:mr|ms|mrs|miss)\.?\s+[\w'-]+(?:\s+[\w'-]+)?|senior\s+(?:[\w.]+\s+){1,3}official)"
    r"\s*:"
)


def transcript_line(work: BlockWork, rules: CompiledRules, voice: Speaker) -> Speaker:
    """A line after a transcript speaker's "Name: ...": in that speaker's voice (a question
    put to them, "Do you expect ...?", is not: the voice goes on after it)."""
    if voice.actors and not ASKS_SPEAKER.search(work.folded) and not section_heading(work):
        add_evidence(work, CARRY_TRANSCRIPT, voice.actors, 0, len(work.text), rules.weights.carry)
        work.carried_from = voice.block
    return voice


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
        # a fact sheet's or explainer's pairs ("Claim: ...", then "Fact: ..."): its own
        # structure, no speaker's label, so no transcript voice
        "claim",
        "fact",
        "myth",
        "reality",
    ]
)


# An editor's note about the text ("Note: This transcript presents what X said ..."): the
# publisher's words about the document, no one's position.
_NOTE_LABELS = frozenset(["note", "editor's note", "editor’s note", "editors' note", "disclaimer"])


def _section(work: BlockWork, body_from: int, rules: CompiledRules, state: State) -> None:
    """A section label ends a transcript voice; "Source: X ..." makes X the speaker the next
    lines quote ("Quote: “...”" then carries X, as a bare quote does), and the line itself
    carries X, as an attribution-only line ("X said:") does (the labelled sets' convention,
    settled in session 4)."""
    state.voice = None
    label = work.folded[: body_from - 1].strip()
    if label not in ("source", "sources"):
        return
    body = [u for u in work.units if u[START] >= body_from]
    who = resolve(first_phrase(body), state.names)
    learn(who, state.names)
    if who.kind != "actor":  # "Source: Official website of the President of <state>"
        who = channel_owner(body, 0, len(body), state) or who
    who = known_role(who, state)
    if who.kind in ("actor", "unknown"):
        state.last = Speaker(who.actors, work.index)
    if who.kind == "actor" and allowed(who, work, rules):
        weight = rules.weights.attribution
        add_evidence(work, ATTRIBUTION_SOURCE, who.actors, body_from, who.end, weight)


_INTERVIEW_LABELS = frozenset(["q", "a", "question", "answer"])
# A briefing's or a call's host: "MODERATOR: Thanks for joining ...", "OPERATOR: ...": no one's.
_HOST_LABELS = frozenset(["moderator", "operator", "the moderator", "the operator"])
# Every label word above: alone on its line, none is a speaker's label (`_bare_label`).
_ALL_LABELS = _SECTION_LABELS | _NOTE_LABELS | _INTERVIEW_LABELS | _HOST_LABELS

# A press conference's question line: "Question (Reuters):", "Q from AFP:", "Journalist:".
_QUESTION_LABEL = re.compile(
    r"(?:q|question|journalist|reporter|correspondent)(?:\s*\([^)]{1,60}\)|\s+from\s+[^:]{1,60})?\Z"
)


def _interview_line(work: BlockWork, label: str, state: State) -> None:
    """An interview's "Q:" and "A:" lines. The answers are in the voice of whoever the
    introduction named last (set at the first of these lines, before a question's own "the
    Kremlin says" can change it), as are the unlabelled lines that run on after an answer;
    a question is the interviewer's (no one's), whose own reports of others count as in any
    sentence. On an official page whose author is known (an embassy's or a ministry's
    "Question: ... / Answer: ..." comment), the answers are the author's: the page's own
    reply, whatever the question names."""
    if state.interviewee is None:
        author = Speaker(state.document, work.index) if state.official and state.document else None
        state.interviewee = author or state.last or Speaker((), work.index)
    if label in ("a", "answer"):
        state.voice = state.interviewee
    else:
        state.voice = state.asker = Speaker((), work.index)
        state.asked = True


def interviewer_asks(work: BlockWork, state: State, labelled: bool) -> bool:
    """A journalist's turn in a transcript ("Question (Reuters): The minister said this
    morning that ... What is your reaction?"), and the lines it runs on over until the
    answer: the premise a question puts to the speaker is the asker's framing, not a
    position anyone voices here, so whatever it reports of others counts for no one (the
    real articles' gold). The turn is the voice a question's or a host's label set
    (`State.asker`), on the labelled line itself (its question may end in a full stop) or a
    later one that asks; in a press conference or remarks, an unlabelled line in the
    speaker's voice that asks "you" is one too (`ASKS_SPEAKER`: "The Kremlin said ... Do you
    agree?"). A speaker's own line, a rhetorical question in it included, and a named
    speaker whom the lexicon does not know are not turns of this kind."""
    voice = state.voice
    if voice is not None and voice is state.asker:
        return state.asked or _puts_question(work)
    remarks = state.source is not None and state.source.remarks
    own = voice is None or bool(voice.actors)  # the remarks' speaker's, or a side's speaker's
    return bool(remarks and own and not labelled and ASKS_SPEAKER.search(work.folded))


def _puts_question(work: BlockWork) -> bool:
    """The line puts a question: a question mark ends one of its sentences."""
    return "?" in work.text and any(
        work.text[start:end].rstrip(" \"'”’»)").endswith("?") for start, end in work.sentences
    )
