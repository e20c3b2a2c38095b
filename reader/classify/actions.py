"""Lines that only report actions state no position: the config's `actions:`.

"X had a phone call with Y", "The leaders discussed ...", "They agreed to speak again soon"
(`drop_voice_of_actions`, `reports_only_actions`, a sentence's `reported_actions`), a line of
courtesy or process naming no side (`drop_voice_of_courtesy`), a line under the title that only
names the document or a joint text (`document_label`, `joint_heading`): the document's or the
reporting speaker's voice is taken back there. Separate from reader.classify.sources, which
gives a document its voice, and above it: a document's name is read with the title rules'
patterns there.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from itertools import pairwise
from operator import itemgetter
from typing import Any

from reader.classify.sources import TITLE_SECONDS, title_matches
from reader.classify.topic import courtesy_only
from reader.classify.types import BlockWork, State
from reader.classify.units import first_person, in_spans, merged, names_statement
from reader.classify.wordclasses import TIME_PHRASE
from reader.rules.compile import CompiledRules, TermRule, VerbForm
from reader.rules.grammar import CARRY_DOCUMENT, CARRY_STATEMENT


def drop_voice_of_actions(work: BlockWork, state: State, rules: CompiledRules) -> None:
    """A release's line that only reports actions ("X had a phone call with Y", "The leaders
    discussed ...", "They agreed to speak again soon") states no position: the document's
    voice is taken back. One speaker's remarks keep it (their account of events is theirs),
    and so does a line in the author's first person ("We have just concluded a meeting of
    the Council", "in our talks we discussed ..."): the author telling its own acts, not
    naming its home ("Y, who came to our country for talks")."""
    source = state.source
    if not rules.actions or not any(ev.rule in _VOICES for ev in work.evidence):
        return
    if first_person(work, skip=_OUR_HOME):
        return
    remarks = source is not None and source.remarks
    if remarks and not _introduces(work, state):
        return
    if _every_sentence_an_action(work, rules) and not _judges_other_side(work):
        _drop_voices(work)


# Words of the author's own verdict on an act ("Russia's provocative reaction", "Russia's
# unjustifiable invasion", "Russia illegally seized the vessels"): the war's common names
# ("the Russian invasion", "the full-scale invasion", "aggression") are none.
_VERDICT = re.compile(
    r"\b(?:provocative|illegal(?:ly)?|unlawful(?:ly)?|illegitimate|unjustifi(?:able|ed)|"
    r"flagrant(?:ly)?|unprovoked|brutal(?:ly)?|barbaric|criminal|sham|heinous)\b"
)
# What may stand between the side's name and its verdict, before or after it: the side's
# possessive, adverbs, "and", or a verb and "its"/"their" ("Russia's unlawful detention", "the
# Russian Federation brazenly and illegally closed", "Russia launched its illegal invasion",
# "unprovoked Russian strikes"); "a call with X of Poland to discuss illegal migration" judges
# no act of the side's.
_VERDICT_GAP = re.compile(r"(?:['’]s)?(?:\s+(?:\w+ly|and|(?:\w+\s+)?(?:its|their)))*\s*")
_VERDICT_REACH = 40  # the most characters between them


def _judges_other_side(work: BlockWork) -> bool:
    """A line of acts that judges another side's act in the author's own words ("... had a call
    with X to discuss the situation and Russia's provocative reaction", "met allies to
    discuss Russia's unjustifiable invasion", "three days after Russia flagrantly attacked the
    ships"): the verdict is the author's position, so the line keeps its voice (the real
    sets' convention since real2, real4 and real7: a release's own terms for the other side's
    conduct carry the release's author)."""
    voice = {ev.actor for ev in work.evidence if ev.rule in _VOICES}
    others = [(start, end) for start, end, term in work.terms if set(term.actors) - voice]
    folded = work.folded
    return any(
        _verdict_on(folded, *found.span(), start, end)
        for found in _VERDICT.finditer(folded)
        for start, end in others
    )


def _verdict_on(folded: str, v_start: int, v_end: int, start: int, end: int) -> bool:
    """The verdict at `v_start`-`v_end` judges the side named at `start`-`end`: only
    `_VERDICT_GAP` stands between them."""
    a, b = (end, v_start) if end <= v_start else (v_end, start)
    return 0 <= b - a <= _VERDICT_REACH and _VERDICT_GAP.fullmatch(folded, a, b) is not None


def _drop_voices(work: BlockWork) -> None:
    """Take back the document's or statement's voice (`_VOICES`) the line was given."""
    work.evidence = [ev for ev in work.evidence if ev.rule not in _VOICES]


def drop_voice_of_courtesy(work: BlockWork, rules: CompiledRules) -> None:
    """A line of courtesy or process naming no side and no word of the war ("The parties
    expressed hope for further cooperation", "The minister congratulated her counterpart on
    the national day"): no position, so the document's or statement's voice it would carry
    is taken back, in the author's first person too."""
    if any(ev.rule in _VOICES for ev in work.evidence) and courtesy_only(work, rules):
        _drop_voices(work)


# "our country", "our capital": the author's home named as a place ("X, who came to our
# country for talks"), not the author telling its own acts.
_OUR_HOME = re.compile(r"[Oo]ur\s+(?:country|capital|city)\b")


def _introduces(work: BlockWork, state: State) -> bool:
    """In one speaker's remarks, the standfirst under the title that opens with a person of
    the speaker's side in the third person ("Prime Minister <name> delivered a speech this
    morning at ...") is the page introducing the speech: its actions are no one's (further
    on, "<name> and <name> discussed ..." is the speaker's account)."""
    author = state.document
    if not author or work.index > _STANDFIRST or (state.source and state.source.listed):
        return False  # under a title that opens a list, the first line is its first item
    first = next((term for _, _, term in work.terms if term.actors), None)
    if first is not None and first.kind == "speaker" and set(first.actors) <= set(author):
        return True
    # a name the lexicon does not know, in capitals before its verb ("<First> <Last>
    # addressed the deputies ..."): the person the page introduces, as a known one is
    name = _OPENING_NAME.match(work.text)
    return name is not None and not any(start < name.end() for start, _, _ in work.terms)


# The last paragraph that may be a page's standfirst under its title.
_STANDFIRST = 2
# A person's name opening a line: two or three words in capitals, then a word in lower case.
_OPENING_NAME = re.compile(r"\s*[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){1,2}(?=\s+[a-z])")


def reports_only_actions(work: BlockWork, rules: CompiledRules) -> bool:
    """Every sentence of the block reports an action and nothing else ("X had a phone call
    with Y to congratulate him"): an act, whoever the next paragraph says told it ("X
    announced this on Telegram")."""
    return bool(rules.actions and work.excluded) and _every_sentence_an_action(work, rules)


def _every_sentence_an_action(work: BlockWork, rules: CompiledRules) -> bool:
    """Every sentence of the block (one at least) matches an action and says nothing more."""
    if not work.sentences:
        return False
    index = _by_position(work)
    return all(_is_action(work, index, rules, s, e) for s, e in work.sentences)


# A document's or a reprinted statement's voice, which a line of actions alone takes back.
_VOICES = frozenset([CARRY_DOCUMENT.id, CARRY_STATEMENT.id])


def document_label(work: BlockWork, rules: CompiledRules) -> None:
    """A line under the title that only names the document ("Press conference by X following
    the meeting of ...": a title rule's pattern, no sentence of its own) states no position:
    the document's voice is taken back. One that names the speaker's statement or answer
    (`names_statement`) is an attribution-only line, and keeps it; one that names a joint
    text of several authors ("Joint statement of the leaders of <A> and <B> on ...", a
    reprinted declaration's heading in a story too) names no one speaker: it is the text's
    name, with its full stop or without."""
    joint = _joint_name(work)
    if not joint and (work.text.rstrip().endswith((".", "!", "?", ":")) or names_statement(work)):
        return
    voices = _VOICES if joint else frozenset([CARRY_DOCUMENT.id])
    if not any(ev.rule in voices for ev in work.evidence):
        return
    if joint or next(title_matches(rules, work.folded, named=False, anchored=True), None):
        work.evidence = [ev for ev in work.evidence if ev.rule not in voices]


def joint_heading(work: BlockWork) -> None:
    """A joint text's name heading the text a story reprints ("Joint Statement of Leaders of
    the <group> on Ukraine" before its paragraphs): the text's name, no position; the
    paragraphs under it keep the authors' voice."""
    if _joint_name(work) and any(ev.rule in _VOICES for ev in work.evidence):
        _drop_voices(work)


def _joint_name(work: BlockWork) -> bool:
    """The line is a joint text's name alone, no verb of its own: "Joint declaration of the
    Presidents of <A>, <B> and <C>.", "Joint Statement of Leaders of the <group> on Ukraine"."""
    return not work.verbs and _JOINT_NAME.match(work.folded) is not None


# A joint text named by its authors ("Joint statement of/by ...", "Joint declaration from ...").
_JOINT_NAME = re.compile(
    r"\W*joint\s+(?:statement|declaration|communiqu[eé])\s+(?:of|by|from)\s[^!?:;]*\Z"
)


def _is_action(work: BlockWork, index: _Index, rules: CompiledRules, start: int, end: int) -> bool:
    """The sentence matches an action rule and has no speech or stance verb outside it (or
    outside the names it holds)."""
    spans = [span for _, span in _action_spans(work, rules, start, end)]
    return bool(spans) and not _verbs_outside(index, spans, start, end)


def _action_spans(
    work: BlockWork, rules: CompiledRules, start: int, end: int
) -> list[tuple[TermRule, tuple[int, int]]]:
    """Where the config's `actions:` match in work[start:end], each with its rule."""
    spans: list[tuple[TermRule, tuple[int, int]]] = []
    text = work.folded[start:end]
    for rule in rules.actions:
        for user in rule.regexes:
            if user.need is not None and user.need.search(text) is None:
                continue  # none of the strings every match holds (a timed search costs more)
            try:
                found = user.pattern.finditer(text, timeout=TITLE_SECONDS, concurrent=True)
                spans.extend((rule, (start + m.start(), start + m.end())) for m in found)
            except TimeoutError:
                continue
    return spans


# A block's verbs and names sorted by where they start: the scans add them rule by rule, not in
# the text's order, and a sentence's share is then two bisections, not a pass over the block.
_Index = tuple[list[tuple[int, int, VerbForm]], list[tuple[int, int]]]
_first = itemgetter(0)


def _by_position(work: BlockWork) -> _Index:
    """The block's verbs (those used as nouns left out: "Belgium's support for Ukraine", "our
    support") and its names, sorted by where they start. An office word read as a verb there
    is the verb ("..., Kremlin Reports": "report" names a document that speaks elsewhere)."""
    folded = work.folded
    verbs = [
        v
        for v in work.verbs
        if not _NOUN_BEFORE.search(folded, max(0, v[0] - 12), v[0]) and not _medium(folded, v)
    ]
    at = {v[0] for v in verbs}
    names = sorted((s, e) for s, e, term in work.terms if term.kind != "role" or s not in at)
    return sorted(verbs, key=_first), names


# Right before a verb's form, what makes it a noun: a possessive or a determiner.
_NOUN_BEFORE = re.compile(r"(?:['’]s|\b(?:the|a|an|its|their|our|his|her|my|your))\s+\Z")


def _medium(folded: str, verb: tuple[int, int, VerbForm]) -> bool:
    """A speech verb's bare form that names where the words were put, after a preposition, a
    determiner and a word or two ("said in a social media post that ...", "wrote in her
    weekly note"): a noun, no second reporting verb."""
    start, end = verb[0], verb[1]
    return folded[start:end] in _MEDIA_NOUNS and (
        _MEDIUM_BEFORE.search(folded, max(0, start - _MEDIUM_REACH), start) is not None
    )


# Speech verbs' bare forms that are nouns of a medium; what stands before such a noun.
_MEDIA_NOUNS = frozenset(["post", "report", "note", "tweet"])
_MEDIUM_BEFORE = re.compile(
    r"\b(?:in|on|via)\s+(?:a|an|the|its|their|our|his|her|my|your)\s+(?:[\w-]+\s+){1,2}\Z"
)
_MEDIUM_REACH = 40  # the most characters from the preposition to the noun


def _between(items: list[Any], start: int, end: int) -> list[Any]:
    """The items of a list sorted by start that start in [start, end)."""
    return items[bisect_left(items, start, key=_first) : bisect_left(items, end, key=_first)]


def _verbs_outside(
    index: _Index, spans: list[tuple[int, int]], start: int, end: int
) -> list[tuple[int, int, VerbForm]]:
    """The speech and stance verbs of work[start:end] outside the action `spans` and outside
    the names (a verb's form inside a name, "the United States", is no verb)."""
    verbs, names = index
    cover = merged(spans + _between(names, start, end))
    return [verb for verb in _between(verbs, start, end) if not in_spans(verb[0], cover)]


# A discussion reported by one of its sides carries what they discussed ("We discussed ways to
# speed up military aid", the minister wrote): only a release's bare line of it is no one's.
TOPICS = frozenset(["action.discussed"])


# Acts that a speaker who tells them charges the side that did them with ("The envoy said Moscow
# supports the separatists with officers"): the teller's claim about others, not an act passed on.
_CHARGES = frozenset(["action.armed-backing"])


# Verbs that only report: "..., he said", "the readout said" add no position of their own, nor
# does a speaker's memory of an act ("He recalled that the council visited Kyiv last fall").
_REPORTING = frozenset(
    [
        "say",
        "tell",
        "add",
        "write",
        "report",
        "post",
        "state",
        "note",
        "announce",
        "confirm",
        "recall",
        # a release's "..., the Kremlin informs": the press office's way to pass a fact on
        "inform",
        # a story's last line, "..., the French side concludes": the readout's own end, where
        # it passes on one more act
        "conclude",
        # a wire's "X was quoted (cited) as saying": the quoting only reports
        "quoted as saying",
        "cited as saying",
    ]
)


def reported_actions(work: BlockWork, rules: CompiledRules) -> None:
    """A sentence that only reports an action ("Zelenskyy also spoke with Trudeau and Duda, he
    said", "The leaders discussed energy, the readout said") states no position: the speaker
    of its one reporting verb, which opens the sentence or closes it after the action, gets
    no evidence there."""
    if not rules.actions or not work.excluded:
        return  # the scan's exclusions hold every action's match: none here
    if not work.verbs and "according" not in work.folded:
        return
    index = _by_position(work)
    _sourced_actions(work, index, rules)
    excluded = sorted(work.excluded)
    reporting = [
        (start, end)
        for start, end in work.sentences
        if _between(excluded, start, end)
        and (
            any(form.lemma in _REPORTING for _, _, form in _between(index[0], start, end))
            or _according(work.folded, start, end)
        )
    ]
    if not reporting:
        return
    # one scan over the sentences that report, not one per sentence; each sentence's share
    # by bisection (a paragraph of thousands of sentences stays linear)
    found = sorted(
        (
            (span[0], rule, span)
            for rule, span in _action_spans(work, rules, *_across(reporting))
            if not _quoted_offer(work, span[0]) and rule.id not in _CHARGES
        ),
        key=_first,
    )
    silent = [
        (start, end)
        for start, end in reporting
        if _only_an_action(work, index, [(r, sp) for _, r, sp in _between(found, start, end)], end)
    ]
    if silent:  # one pass over the evidence, each one's sentence found by bisection
        work.evidence = [
            ev
            for ev in work.evidence
            if ev.kind not in ("attribution", "carry") or not in_spans(ev.start, silent)
        ]


# A sentence that only names who told the one before it ("This was reported by the ministry.",
# "This was announced on Monday by its spokesman", "This is stated in the ministry's release"):
# its "this" is that sentence, and its source only reports it.
_SOURCE_OF_BEFORE = re.compile(
    r"\W*(?:this|that)\s+(?:was|is|has\s+been)\s+(?:also\s+)?"
    r"(?:reported|stated|announced|said|confirmed|informed|told|noted)\s+"
    r"(?:[^.;:!?\"“”,]{1,40}?,?\s+)?(?:by|in)\s+"
    # the source, and no clause of its own after it ("..., which said the sides agreed ...")
    r"(?:(?!\b(?:who|whom|which|that|saying|adding|noting|stressing|warning)\b)[^;:!?\"“”]){1,200}"
    r"[.!?]?[\"”’)]*\s*$"
)


def _sourced_actions(work: BlockWork, index: _Index, rules: CompiledRules) -> None:
    """A sentence that only tells the source of an action told in the sentence before it
    ("The ministers discussed the grain corridor. This was reported by the ministry.") states
    no position: its source gets no evidence there, as one that closes the action's own
    sentence does not (a step or a claim before it is the source's: the sentence before is
    an action and nothing more)."""
    silent = [
        (start, end)
        for (before, after), (start, end) in pairwise(work.sentences)
        if _SOURCE_OF_BEFORE.match(work.folded, start, end) is not None
        and _is_action(work, index, rules, before, after)
    ]
    if silent:
        work.evidence = [
            ev
            for ev in work.evidence
            if ev.kind not in ("attribution", "carry") or not in_spans(ev.start, silent)
        ]


def _quoted_offer(work: BlockWork, start: int) -> bool:
    """An action inside a quote, told as what will or can be done or is being done ("'We will
    receive him in Moscow at any time,' Putin said", "'Europe is speaking to Moscow,' X
    said"): the speaker's offer or claim in their own words. One told as done ("'The call was
    held at our initiative,' the statement said") is still an act the quote reports."""
    if not in_spans(start, work.quotes):
        return False
    undone = _UNDONE.search(work.folded, max(0, start - 40), start)
    # "In May talks were held": the month, capitalised where "may" is the modal
    return undone is not None and work.text[undone.start()] != "M"


# An auxiliary of the future, of ability or of the present just before an action's words,
# with only adverbs, "not", "be"/"being" or "ready to"/"able to" between ("will soon be
# sent", "are not being held", "is ready to receive"): not "is that <a clause>" ("The truth
# is that Hungary held talks"). Or an act that did not happen ("we have been unable to hold
# a meeting", "they failed to meet"): a claim, no act to pass on.
_UNDONE = re.compile(
    r"(?:\b(?:will|would|shall|can|could|may|might|is|are|am|'ll)\s+"
    r"(?:(?:\w+ly|not|n't|be|being|also|still|already|now|soon|never|always|just|even|ever|only"
    r"|ready\s+to|able\s+to)\s+){0,3}|\b(?:unable|failed)\s+to\s+)\Z"
)


def _only_an_action(
    work: BlockWork, index: _Index, spans: list[tuple[TermRule, tuple[int, int]]], end: int
) -> bool:
    """The sentence (ending at `end`) holds an action (`spans`, not a discussion's topic) and
    one reporting verb besides, which opens it or closes it after the action."""
    if not spans:
        return False
    where = [span for _, span in spans]
    start = min(s for s, _ in where)
    opening = work.sentence_start(start)
    # a closing "according to" names the source, its verbs its own ("a readout posted by X")
    closing = _ACCORDING_CLOSES.search(work.folded, opening, end)
    outside = _verbs_outside(index, where + ([closing.span()] if closing else []), opening, end)
    if not outside and _according(work.folded, opening, end):
        # "According to him, the parties discussed a ceasefire", "The chiefs spoke by phone,
        # according to a spokesperson": the source only reports it
        topics = any(rule.id in TOPICS for rule, _ in spans)
        return not topics or _past_discussion(work, opening, end)
    if len(outside) != 1 or outside[0][2].lemma not in _REPORTING:
        return False
    verb = outside[0]
    topic = any(rule.id in TOPICS for rule, _ in spans)
    if topic and not _past_discussion(work, work.sentence_start(start), end):
        return False
    if _subordinate(work, where, verb):
        return False
    if verb[0] < start:  # "X said he spoke with Y", not "<claim>, X said, speaking to Y"
        if _describes_addressee(work, verb, where, end) or _occasion(work, verb, where, end):
            return False
        before = work.folded[work.sentence_start(start) : verb[0]]
        if _claim_before_action(work.folded[verb[1] : start]):
            return False
        return not topic and "," not in _SCENE_OPENER.sub("", before, count=1)
    # "X spoke with Y and said ...": the verb says something of its own
    return _trailing(work, where, verb, end)


# A sentence's opening word or phrase of time or sequence, or the interview it was said in,
# closed by its comma ("Meanwhile, the ministry said two doctors visited ...", "In an interview
# with Radio X the same day, the adviser confirmed ..."): no claim before the reporting verb.
_SCENE_OPENER = re.compile(
    r"^\s*(?:meanwhile|separately|earlier|later|also|in\s+addition|on\s+\w+day|\w+day"
    r"|yesterday|today|(?:last|this)\s+(?:week|month|night)"
    r"|in\s+an?\s+(?:[\w-]+\s+)?interview\s+(?:with|to)\s+[^,]{1,60}),\s+"
)


# Between the reporting verb and the action, a clause of its own ("X confirmed that Kyiv will be
# his priority during his first visit to ..."): a verb of being or a modal that is not the
# action's own auxiliary ("... that the premiers would visit Oslo").
_OWN_CLAUSE = re.compile(r"\b(?:is|are|was|were|will|would|must|should|can|could|be|been)\b")
_AUXILIARIES = re.compile(
    r"(?:\s+(?:is|are|was|were|will|would|has|have|had|also|soon|be|been))+\s*\Z"
)


def _claim_before_action(gap: str) -> bool:
    """The words between a reporting verb and the action after it hold a clause of their own,
    not only the action's subject and auxiliaries."""
    return _OWN_CLAUSE.search(_AUXILIARIES.sub("", " " + gap)) is not None


# After the reporting verb, a clause that describes whom the speaker told ("told the leaders who
# had gathered in Brussels that ...", "told ministers gathered in Oslo that ..."): the action is
# the addressee's, and the "that"-clause after it is what the speaker said.
_RELATIVE_WORD = re.compile(r"\b(?:who|whom)\b")
_SAID_AFTER = re.compile(r"\bthat\b")
_ADDRESSEE_WORDS = 10  # the most words between the action's match and that "that"


def _describes_addressee(
    work: BlockWork, verb: tuple[int, int, VerbForm], spans: list[tuple[int, int]], end: int
) -> bool:
    """The action after the reporting `verb` only describes its addressee, and a "that"-clause
    after the action says what the speaker told them."""
    first = min(s for s, _ in spans)
    last = max(e for _, e in spans)
    if verb[2].lemma != "tell" and _RELATIVE_WORD.search(work.folded, verb[1], first) is None:
        return False
    said = _SAID_AFTER.search(work.folded, last, end)
    return said is not None and len(work.folded[last : said.start()].split()) <= _ADDRESSEE_WORDS


# A clause that opens inside a sentence and holds an action: a relative one ("..., where he met
# X", "..., who may hold talks with Y") or one of time ("... as she visits Kyiv"; not "such as"
# or "as well as", which join a subject: "X as well as the Y president met Z"), up to the action
# with no comma between.
_SUBORDINATE = re.compile(
    r"(?:,\s+(?:who|whom|which|where)|\b(?:(?<!\bsuch\s)(?<!\bwell\s)as|while|when)\s+"
    r"(?:he|she|they|we|the\s+[\w'’.-]+"
    r"(?:\s+[\w'’.-]+){0,3}?))\s+[^,;:]*\Z"
)
# A modal of a clause before that one: what it is a part of is a claim of its own ("Russia
# will have its chance ..., through its minister X, who may hold talks ..., he said"); an act
# told as done is not one ("X was in Vilnius, where he met Y, his office said").
_MODAL = re.compile(r"\b(?:will|would|can|could|may|might|must|shall|should)\b")


def _subordinate(
    work: BlockWork, spans: list[tuple[int, int]], verb: tuple[int, int, VerbForm]
) -> bool:
    """The action sits in a clause inside what the reporting `verb` reports, not in the
    report's own clause: after the verb ("X said talks in Riyadh, where he met Y, had been
    useful", "X announces sanctions as she visits Kyiv") or after a claim of its own when the
    verb closes the sentence ("Moscow will make its case through X, who may hold talks with
    Y, he said"). The claim is the speaker's; "X, who met Y on Monday, said ..." is not one
    (the clause describes the speaker: `_in_relative`)."""
    first = min(s for s, _ in spans)
    opening = work.sentence_start(first)
    clause = _SUBORDINATE.search(work.folded, opening, first)
    if clause is None:
        return False
    if verb[0] < clause.start():
        return True
    return verb[0] > first and _MODAL.search(work.folded, opening, clause.start()) is not None


# The most words between an action after the reporting verb and the "that" of what was said.
_OCCASION_WORDS = 12
# Right after the reporting verb, the preposition of where or when it was said ("said on a
# visit to", "told reporters at a briefing after the talks"), the day before it too.
_OCCASION_OPENS = re.compile(
    r"\s+(?:(?:reporters|journalists|(?:on\s+)?\w+day|today|yesterday)\s+)?"
    r"(?:on(?!\s+\w+day\b)|at|during|after|in|while)\b"
)
# In the occasion, a subject pronoun that no comma or conjunction opens ("said at a briefing in
# Riga he met X in a hotel that ..."): the reported clause itself, its "that" a relative one.
_BARE_SUBJECT = re.compile(
    r"(?<!,)(?<!\bafter)(?<!\bbefore)(?<!\bwhen)(?<!\bwhile)(?<!\bas)(?<!\bonce)(?<!\bsince)"
    r"(?<!\bwhere)\s(?:he|she|they|we|i)\b"
)


def _occasion(
    work: BlockWork, verb: tuple[int, int, VerbForm], spans: list[tuple[int, int]], end: int
) -> bool:
    """The action after the reporting `verb` is only where or when the words were said, and a
    "that"-clause after it says what ("X said on a visit to Kyiv that Y could meet Z", "X
    said at a press conference after the meeting that ..."): the clause is the speaker's."""
    first = min(s for s, _ in spans)
    last = max(e for _, e in spans)
    folded = work.folded
    if _OCCASION_OPENS.match(folded, verb[1]) is None or _SAID_AFTER.search(folded, verb[1], first):
        return False  # "X said that he met Y", "X said he met Y": the action is what was said
    said = _SAID_AFTER.search(folded, last, end)
    return (
        said is not None
        and len(folded[last : said.start()].split()) <= _OCCASION_WORDS
        and _BARE_SUBJECT.search(folded, verb[1], said.start()) is None
    )


# "we discussed ways to ...", "will discuss how we can ...": a discussion in its side's own words
# or still to come carries what they mean to do ("according to" names a source, no aim).
_OWN_OR_COMING = re.compile(
    r"\b(?:we|our|us|i|will|would|(?<!\baccording\s)to)\b(?=[^.;]*\bdiscuss)"
)


# A meeting held, and the "to discuss" of its purpose after it with a bare topic: "met with the
# members of the council to discuss the situation in ..." ("to discuss air defence for the
# winter" names what the side wants to get, a position).
_HELD = re.compile(r"\b(?:met|gathered|convened)\b")
_TO_DISCUSS = re.compile(
    r"to\s+discuss\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:situation|relations|ties|developments|issues|matters|events)\b"
)


def _past_discussion(work: BlockWork, start: int, end: int) -> bool:
    """A discussion held, told in the third person ("X discussed Y with Z, the Kremlin said",
    "X met the members of his council to discuss Y, his spokesman said"), is an act reported,
    not a position; one in the first person or still to come is not."""
    folded = work.folded
    found = _OWN_OR_COMING.search(folded, start, end)
    while found is not None and _held_for(folded, start, found):
        found = _OWN_OR_COMING.search(folded, found.end(), end)
    return found is None


def _held_for(folded: str, start: int, found: re.Match[str]) -> bool:
    """The word `found` is the "to" of a meeting's purpose: "to discuss" a bare topic after a
    meeting held earlier in the sentence (from `start`)."""
    at = found.start()
    return _TO_DISCUSS.match(folded, at) is not None and _HELD.search(folded, start, at) is not None


# A sentence that opens with its source ("According to him, ...", "According to the Kremlin,
# ..."): the source only reports what follows.
_ACCORDING_OPENS = re.compile(r"\W*according\s+to\s+[^,.;:]{1,80},\s+")
# ... or closes with it ("..., according to a readout posted by the ministry on Friday."), the
# source named in apposition too ("..., according to the deputy head, <name>, as he told a
# channel"), but no clause of the source's own after it ("..., who said ...")
_ACCORDING_CLOSES = re.compile(
    r",[\"”’]?\s+according\s+to\s+"
    r"(?:(?!\b(?:who|whom|which|that|saying|adding|noting|stressing|warning)\b)[^.;:!?\"“”]){1,200}"
    r"[.!?]?[\"”’)]*\s*$"
)


def _according(folded: str, start: int, end: int) -> bool:
    """The sentence folded[start:end] names its source by an "according to" that opens it or
    closes it after a comma: the source only reports what the sentence tells."""
    return (
        _ACCORDING_OPENS.match(folded, start) is not None
        or _ACCORDING_CLOSES.search(folded, start, end) is not None
    )


def _across(sentences: list[tuple[int, int]]) -> tuple[int, int]:
    """From the first sentence's start to the last one's end."""
    return sentences[0][0], sentences[-1][1]


# The most words between the comma that closes an action and the verb that reports it
# ("..., the White House readout said"), and after the verb ("... on Sunday without elaborating",
# "... on a US news channel on Nov. 18": where and when it was told).
_TRAILING_WORDS = 9
_TRAILING_TAIL = 8
# "..., and Zelensky said ...": a clause of its own, not the report of the one before.
_CLAUSE_OPENERS = frozenset(
    ["and", "but", "while", "whilst", "as", "although", "though", "whereas", "yet"]
)


# The "as" that opens a closing source with no comma before it ("... with Macron as the
# Kremlin reports"): the source's words after it, up to its verb.
_AS_SOURCE = re.compile(r"(?:^|\s)as\s+(?=(?:the\s+)?[\w'’.-]+(?:\s+[\w'’.-]+){0,4}\s*$)")
# All that may follow such a source's verb: when it told it ("as the Kremlin reported on
# Friday"); any other word is what it said ("as Moscow said the talks failed": a clause of
# the time, the source's claim its own).
_AS_TAIL = re.compile(rf"\s*(?:,?\s*{TIME_PHRASE})?\s*[.!?]?[\"”’)]*\s*")


# An aside that describes the subject before its verb: ", who met Y on Monday,".
_RELATIVE_OPENS = re.compile(r",\s+(?:who|which)\s+[^,;:]*\Z")


def _in_relative(work: BlockWork, spans: list[tuple[int, int]], at: int) -> bool:
    """Whether the action before offset `at` sits in a relative clause that opens after the
    subject's comma ("Sybiha, who visited Warsaw last week, said ...")."""
    first = min(s for s, _ in spans if s < at)
    opening = work.folded[work.sentence_start(first) : first]
    return _RELATIVE_OPENS.search(opening) is not None


def _trailing(
    work: BlockWork, spans: list[tuple[int, int]], verb: tuple[int, int, VerbForm], end: int
) -> bool:
    """The reporting `verb` closes the sentence after the action: "..., he said", not "...,
    and Zelensky said the war must end" nor "During the call, Putin said talks were over" (a
    clause of its own after the verb, even a short one without "that", is what was said)."""
    last = max(e for s, e in spans if s < verb[0])
    gap = work.folded[last : verb[0]]
    comma = gap.rfind(",")
    source = _AS_SOURCE.search(gap, max(comma, 0))
    # "X had a call with Y(,) as the Kremlin reports": a source after "as", nothing more after
    # its verb than when ("as Moscow said the talks failed" is a clause of the time)
    cut = source.end() if source is not None else comma + 1
    subject = gap[cut:].split()
    if not subject and _in_relative(work, spans, verb[0]):
        return False  # "X, who met Y on Monday, said ...": the action is X's aside
    if source is not None and _AS_TAIL.fullmatch(work.folded, verb[1], end) is None:
        return False
    tail = work.folded[verb[1] : end].split()
    return (
        (comma >= 0 or source is not None)
        and len(subject) <= _TRAILING_WORDS
        and not (subject and subject[0] in _CLAUSE_OPENERS)
        and len(tail) <= _TRAILING_TAIL
        and "that" not in tail
        and not _OWN_CLAUSE.search(" ".join(tail))
    )
