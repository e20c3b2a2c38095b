"""Whether the words before a colon are a speaker's label ("Name: ...", "Peskov: ...", a
transcript's "Mark Rutte: ...") and, if so, whom they name (`colon_label`).

Most colons follow no speaker: a heading or a topic ("Ukraine Conflict: ...", "Ambassador's
warning: ..."), a headline's clause whose source comes after the colon ("Partners have eased
up on sanctions: Zelenskiy"), a meeting's title ("<Side> PM Talks With <name>: <date>"), a
sentence whose own subject speaks ("On Friday, Zelensky said: ..."), a dateline or a date.
What the label's speaker then says, and the voice it sets, is reader.classify.transcripts'
(`speaker_line`); reader.classify.pipeline joins the two. Split off from pipeline.py (session
30) so that the pipeline orchestrates and each step is found in the module named after it;
moved verbatim, only `colon_label` lost its underscore, and the word lists a headline's dash
reads too (an outlet's genre, a document's names, a quote alone) are reader.classify.headlines'.
"""

from __future__ import annotations

import re

from reader.classify.headlines import DOCUMENT_NAMES, GENRE_LABELS, ONE_QUOTE
from reader.classify.officialtitles import judged_heading
from reader.classify.phrasebounds import first_phrase
from reader.classify.phrases import learn, resolve
from reader.classify.speakers import known_role
from reader.classify.subjectphrase import bare_senator, described_thing, named_topic
from reader.classify.types import CAP, END, LOW, START, TERM, BlockWork, State, Unit, Who
from reader.classify.wordclasses import COORD, MONTHS, OBJECT_PREP, SKIP, ing_form
from reader.rules.compile import CompiledRules


def colon_label(
    prefix: re.Match[str], work: BlockWork, state: State, is_title: bool, rules: CompiledRules
) -> tuple[Who, list[Unit], int, bool] | None:
    """The speaker a "Name: ..." prefix names, with the units before the colon, where it is,
    and whether it is a transcript's line (whose voice runs on); None when the words before
    the colon are no speaker's label."""
    cut = prefix.end(1)
    if _no_label(prefix, work, is_title) or _DATE_ONLY.fullmatch(work.folded, cut + 1):
        return None  # "UK PM Talks With <name>: March 4, 2025": a title's date, nothing said
    if is_title and _judged_topic_label(prefix, work, state, rules.legislatures):
        return None  # "<Side>'s Violations in <place>: Statement to the Council": a topic
    before, transcript = _label_units(work, cut)
    before = _past_initial(before)
    if before and (before[0][LOW] in _NO_NAME or ing_form(before[0])):
        return None  # "Our answer is clear: ...", "Addressing X, he said: ...": no label
    if any(start == 0 and end >= cut for start, end in work.excluded):
        return None  # "LONDON: Following ...": a dateline (reader.classify.scan), no speaker
    pre_units = first_phrase(before)
    if _opening_phrase(before, work, cut):
        return None  # "On Friday, Zelensky said: ...": the sentence's own subject speaks
    if _heading(before, pre_units, work, is_title):
        return None
    who = resolve(pre_units, state.names)
    learn(who, state.names)
    who = known_role(who, state)
    if is_title and bare_senator(pre_units):
        who = Who("unknown", (), who.start, who.end)  # "Senator: ...": the one the story names
    if who.kind in ("pronoun", "none") and not is_title:
        return None  # "We discussed three things today: ...", not a speaker's label
    if len(who.actors) > 1 and not any(u[LOW] in ("and", "&") for u in pre_units):
        return None  # "Russian Drones Breach Polish Airspace: ...": a clause, no speaker
    return who, pre_units, cut, transcript


def _past_initial(units: list[Unit]) -> list[Unit]:
    """A label's units past a given name's initial ("L. Surname:", a ministry site's way to
    name its minister): the surname after it names the speaker, as the full name would."""
    if len(units) > 2 and len(units[0][LOW]) == 1 and units[0][CAP] and units[1][LOW] == ".":
        return units[2:]
    return units


def _heading(before: list[Unit], pre_units: list[Unit], work: BlockWork, is_title: bool) -> bool:
    """Words before a colon that head a noun or a clause, not a speaker's name: a heading, a
    headline's clause, a meeting's title."""
    after = before.index(pre_units[-1]) + 1 if pre_units else len(before)
    if after < len(before) and pre_units[-1][LOW].endswith(("'s", "’s")):
        return True  # "Ambassador's warning: ...": a possessive heads a noun, a heading
    if after < len(before) and before[after][LOW] in _CLAUSE_WORDS:
        # "Partners have eased up on sanctions: Zelenskiy": a clause, its source after; "Two
        # people were hurt: <names>": a sentence that a list completes, no speaker's label
        return True
    if after < len(before) and _qualifies_noun(before[after], work, before[after + 1 : after + 2]):
        return True  # "Ukraine peace push: ...", "PM call with ...": the name qualifies a noun
    if is_title and _meeting_label(pre_units):
        return True  # "<Side> PM Talks With <name>: <date>": a meeting's title, no speaker
    if is_title and _clause_before_colon(before, pre_units, after, work):
        return True  # "Statements In Riga Confirm NATO's Course: Envoy": a claim, its source after
    # "Russian Missiles Hit Kyiv Overnight: ...": a clause; "Ukraine Conflict: ...": a topic
    return described_thing(pre_units) or named_topic(pre_units)


def _clause_before_colon(
    before: list[Unit], pre_units: list[Unit], after: int, work: BlockWork
) -> bool:
    """A headline's words before its colon are a clause, not a speaker's label: a speech or
    stance verb right after the first phrase ("Statements in Riga confirm ...: envoy"), or
    inside it in title case, where every word is capitalised and the phrase runs on over
    the verb ("Statements In Riga Confirm NATO's Hostile Course: Envoy"). A label names a
    speaker and says nothing."""
    verbs = {start for start, _, form in work.verbs if not form.participle}
    if not verbs:
        return False
    if after < len(before) and before[after][START] in verbs:
        return True
    return any(unit[CAP] and unit[START] in verbs for unit in pre_units[1:])


def _meeting_label(units: list[Unit]) -> bool:
    """A headline's words before its colon that join two parties with "with" after a word
    that is neither a name nor an office ("<Side> PM Talks With <name>", "<A> Call With
    <B>"): a meeting's or a call's title, whose two sides are host and counterpart, not one
    speaker (a name's own "with" does not occur in a label)."""
    lows = [u[LOW] for u in units]
    if "with" not in lows[1:-1]:
        return False
    joined = lows.index("with", 1)
    before = units[joined - 1]
    return (
        before[TERM] is None
        and before[LOW].isalpha()
        and any(u[TERM] is not None for u in units[joined + 1 :])
    )


def _opening_phrase(before: list[Unit], work: BlockWork, cut: int) -> bool:
    """The words before the colon are a clause set off by a comma, a speech verb after the
    comma ("On Friday, Zelensky said: ...", "Minutes later, the minister wrote: ...",
    "X, asked about the drills, said: ..."): no speaker's label, but a sentence whose own
    subject the sentence grammar reads ("In Moscow, X said:" is not Moscow's)."""
    comma = next((u[START] for u in before if u[LOW] == ","), None)
    if comma is None:
        return False
    verbs = [(start, form) for start, _, form in work.verbs if start < cut]
    return any(comma < start and not form.participle for start, form in verbs) and not any(
        start < comma for start, _ in verbs
    )


def _label_units(work: BlockWork, cut: int) -> tuple[list[Unit], bool]:
    """The units of a "Name: ..." label before the colon at `cut`, and whether the line is a
    transcript's (its speaker holds the floor after it): not "Quote from Hrynchuk: ...", a
    Ukrainian outlet's way to give one quote, nor a label before one quote and nothing else."""
    before = [u for u in work.units if u[END] <= cut]
    if len(before) > 2 and before[0][LOW] in ("quote", "quotes") and before[1][LOW] == "from":
        return before[2:], False
    body = work.text[cut + 1 :]
    return before, not (_one_quote(body) or _headline_body(body))


def _one_quote(body: str) -> bool:
    """The words after a speaker's colon are one quote ("De Croo: \"We stand by Kyiv.\"", a
    subheading's "NATO chief: 'These lands are Ukraine'"): a news page's quote line or its
    subheading, whose next paragraphs are the reporter's again, not a transcript's line whose
    speaker holds the floor until the next label (a transcript's reply is not in quote marks)."""
    return ONE_QUOTE.fullmatch(body) is not None


def _headline_body(body: str) -> bool:
    """The words after a speaker's colon are a headline's, no sentence ("X: NATO bid calls for
    'broad support'", a subheading over the story's next part): short, with no stop at the
    end. The paragraphs after it are the reporter's again, as after a quote line."""
    words = body.split()
    end = body.rstrip().rstrip(_CLOSING_MARKS)[-1:]
    return 0 < len(words) <= _HEADLINE_WORDS and end not in _STOPS


_HEADLINE_WORDS = 12
_CLOSING_MARKS = "\"”»’'"
_STOPS = (".", "!", "?", "…", ":", ";", ",")


def _no_label(prefix: re.Match[str], work: BlockWork, is_title: bool) -> bool:
    """Words before a colon that cannot be a speaker's label: a long clause (a sentence), or
    an outlet's genre before a headline's claim ("INTERVIEW: <claim> — MFA": its source after
    the dash). (A participle's clause, "Addressing Russian diplomats, he said: ...", is
    `ing_form`'s, in `colon_label`.)"""
    if len(prefix.group(1).split()) > 10:
        return True
    return is_title and work.folded[: prefix.end(1)].strip() in GENRE_LABELS


# A title's document named after its colon with where it was given ("...: Statement to the
# Permanent Council"): the words before the colon are its topic (`_judged_topic_label`).
_GENRE_AFTER = re.compile(
    rf"\s*(?:{'|'.join(sorted(DOCUMENT_NAMES))})\s+(?:to|at|before)\s[^.!?]*\Z"
)


def _judged_topic_label(
    prefix: re.Match[str], work: BlockWork, state: State, legislatures: frozenset[str]
) -> bool:
    """A side's own document titled "<its topic>: Statement to <a body>", the topic a noun
    phrase that judges another side's act ("<Side>'s Continuing Violations in <place>:
    Statement to the Council"): the words before the colon are the document's topic in its
    author's words (`judged_heading`), no speaker's label; "<name>: Statement to ..." is one."""
    author = state.document
    return (
        author is not None
        and _GENRE_AFTER.match(work.folded, prefix.end(1) + 1) is not None
        and judged_heading(work, author, legislatures)
    )


# A date alone after a colon ("...: 4 March 2031", "...: March 4, 2031"): a title's date line,
# no words said.
_DATE_ONLY = re.compile(
    r"\s*(?:\d{1,2}\s+)?(?:" + "|".join(sorted(MONTHS)) + r")(?:\s+\d{1,2})?,?\s+\d{4}\W*"
)


# Words that open a noun phrase and never a speaker's name: a possessive ("Our answer is
# clear: ..."), a count ("One more thing: ...", a question's turn going on).
_NO_NAME = frozenset(["our", "my", "your", "their", "his", "her", "its", "one", "another"])


# Words right after a headline's first phrase that make the words before its colon a clause
# ("West not willing to talk: Kremlin"), whose source the colon's other side names.
_CLAUSE_WORDS = frozenset(
    ["has", "have", "had", "is", "are", "was", "were", "will", "would", "not", "never"]
)


def _qualifies_noun(unit: Unit, work: BlockWork, following: list[Unit]) -> bool:
    """A plain lower-case word right after a name ("Ukraine peace push"): the name is a
    modifier, not the speaker of what follows the colon. A verb's form followed by "with" is
    a noun too ("PM call with President X: 28 November")."""
    low = unit[LOW]
    if unit[TERM] is not None or unit[CAP] or not low.isalpha():
        return False
    if low in OBJECT_PREP or low in SKIP or low in COORD:
        return False
    if following and following[0][LOW] == "with":
        return True
    return all(start != unit[START] for start, _, _ in work.verbs)
