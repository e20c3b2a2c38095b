"""Another side's stated view named inside a block, beside its speaker's own.

Why a step of its own: the convention every real set is labelled by (session 9) gives a block
where one side restates another side's stated view, demand or commitment to answer it both
labels, the speaker first ("the coalition rejected Russia's demand that ...", "Contrary to
Russian claims, ...", "Trump backed Ukraine's call for a ceasefire"). reader.classify.positions
reads a position named after a person's or a body's possessive ("the Kremlin's demand that");
this step reads the same grammar where the owner is a country's possessive ("Russia's",
"Kyiv's"), where the position's noun is one of a demand's other names ("insistence on", "call
for", "precondition for", "commitment to"), where one adjective stands before it ("Moscow's
key precondition", "Russia's adamantine insistence"), where the owner is a plural's possessive
("the allies' appeal to Moscow") or follows the noun after "of" with what the view says ("any
proposals of Russia to ...", quoted too: a quoted minister restates the other's view as much
as a reported one), where "on" gives the matter a statement or a proposal is about ("Kyiv's
proposal on new talks"), and a side's adjective before a plural of claims ("Russian claims",
"Ukrainian allegations"), which name a stated view with no more words. A view that a verb
answering it takes as its object ("supported Trump's proposal for a truce", "backed the US
offer to", "dismissed the ministry's claims of restraint") is named by that verb: a proposal
with "for" and a name's or an adjective's proposal, claims with "of", which alone may be no
one's words.
A view named after a frame of answer ("in response to", "commenting on", "asked about")
is restated with no more words, claims and a side's saying included.
What the block says the other side did, or a claim about it, is no view of its own and stays
out: only these nouns, with what they say after them, name one.

A decision told with its decider after "by", before its body or as the subject of "decided" ("a
decision by Moscow to leave", "Rome has decided to"), and the owner's phrase every grammar here
reads (sides named together, a holder's name, a body and a place after the owner), are
reader.classify.decisions' grammars, split off when this module neared the 1,500-line limit
(its docstring says why there); the step and the views' grammars stay here.
"""

from __future__ import annotations

import re

from reader.classify.decisions import (
    DECIDED,
    DECIDED_BY,
    DECIDING,
    OF_LINKS,
    OWN_PRONOUNS,
    REFUSALS,
    body_decision,
    coordinated,
    decided_verb,
    decision_by,
    decision_told,
    owner_tail,
    past_date,
    past_name,
    subject_decision,
)
from reader.classify.evidence import add_evidence
from reader.classify.phrasebounds import FORUMS, copula_content, forum_end, np_before
from reader.classify.phrases import OFFERS, answered, framed_before, weighed
from reader.classify.topic import allowed
from reader.classify.types import CAP, END, LOW, START, TERM, BlockWork, Unit, Who
from reader.classify.wordclasses import ARTICLES, CALENDAR, WEEKDAYS, word_set
from reader.model import Evidence
from reader.rules.compile import CompiledRules
from reader.rules.grammar import REPORTED_POSITION, REPORTED_RULES

# A stated view named by a noun after its owner's possessive, and the words after the noun that
# give what it says ("Russia's demand that", "Kyiv's insistence on", "Ukraine's call for").
# What opens a view's content after its noun; a participle of saying too ("a Kremlin statement
# claiming that ...", "Kyiv's accusations alleging ...").
_SAYING_LINKS = frozenset(["claiming", "saying", "alleging", "stating", "asserting"])
_LINKS = frozenset(["that", "to", "about", ":"]) | _SAYING_LINKS
_VIEW_LINKS: dict[str, frozenset[str]] = {
    **dict.fromkeys(
        word_set(
            "statement statements proposal proposals demand demands offer offers warning "
            "warnings assertion assertions accusation accusations refusal assurance assurances "
            "pledge pledges promise promises commitment commitments"
        ),
        _LINKS,
    ),
    # "Kyiv's claim that ..." ("Moscow's claim to Crimea" is a title to land); claims named
    # by the other side's verdict on them, "Moscow's lies about the strike", and denials
    # with what they deny, "Moscow's denials of any role"
    **dict.fromkeys(
        word_set("claim claims lies"), frozenset(["that", "about", ":"]) | _SAYING_LINKS
    ),
    **dict.fromkeys(word_set("denial denials"), frozenset(["that", "of", ":"])),
    # an argument with what it argues: "London's reasoning that ...", "Kyiv's arguments about"
    **dict.fromkeys(word_set("reasoning argument arguments"), frozenset(["that", "about"])),
    # a side's signals with what they signal: "Washington's signals about its readiness to
    # talk", "Kyiv's signal that it would accept monitors" (a radio's signal says nothing)
    **dict.fromkeys(word_set("signal signals"), frozenset(["about", "that"])),
    # "Kyiv's position that ..." ("Ukraine's positions to the east" are trenches)
    **dict.fromkeys(word_set("position stance"), frozenset(["that", "about", ":"])),
    # "Russia's insistence on closing the mission", "Moscow's demands on Kyiv"
    **dict.fromkeys(word_set("insistence"), _LINKS | {"on"}),
    # "Ukraine's call for a ceasefire" ("Zelensky's call to Biden" is a phone call; an appeal
    # to someone is still an appeal: "the allies' appeal to Moscow to free the crews"), "Moscow's
    # precondition for talks"
    **dict.fromkeys(word_set("call calls"), frozenset(["for"])),
    **dict.fromkeys(word_set("appeal appeals plea pleas"), frozenset(["for", "to"])),
    **dict.fromkeys(
        word_set("precondition preconditions condition conditions"), frozenset(["for"])
    ),
    # a request or an application with what it asks: "Kyiv's recent application to speed up its
    # membership", "Ukraine's direct request to Ottawa for helmets" (not a bid, which stories
    # name as a process: "Ukraine's bid to join" is no one's words)
    **dict.fromkeys(word_set("request requests"), frozenset(["for", "to", "that"])),
    **dict.fromkeys(word_set("application"), frozenset(["for", "to"])),
    # "Ukraine's wish for a just peace", "Kyiv's wish to join" (a stated aim)
    **dict.fromkeys(word_set("wish wishes"), frozenset(["for", "to"])),
    # words named by the other side's judgement of them, with what they say: "Kyiv's rhetoric
    # that the accords are dead", "Moscow's reference to the alliance's nuclear sharing"
    **dict.fromkeys(word_set("rhetoric"), frozenset(["that"])),
    **dict.fromkeys(word_set("reference references"), frozenset(["to"])),
    # a decision with what it decides: "Russia's decision to withdraw", "Kyiv's decision on"
    **DECIDED,
    # a charge with what it charges: "Kyiv's allegation that the jets took off from Belarus"
    **dict.fromkeys(word_set("allegation allegations"), _LINKS),
    # a statement with the matter it speaks of: "Moscow's statements regarding the treaty"
    **dict.fromkeys(word_set("statement statements"), _LINKS | {"regarding", "concerning"}),
    # an ultimatum, words or a message with what they say: "Moscow's ultimatum that Kyiv
    # withdraw", "the ministry's message about Russia suspending its part" ("Russia's
    # ultimatums to the West" name only whom they were put to)
    **dict.fromkeys(word_set("ultimatum ultimatums words"), frozenset(["that", ":"])),
    **dict.fromkeys(word_set("message messages"), frozenset(["that", "about", ":"])),
}
# One word may stand between the possessive and the noun ("Moscow's key precondition",
# "Ukraine's direct request"), but not a word that makes the noun another thing or another's.
_NOT_MODIFIERS = word_set(
    "the a an of and or but in on for to with by from at as its their his her our "
    "phone telephone video emergency"
)
# A stated view named before its owner with "of": "the statement of the NATO chief", "any
# proposals of Moscow to ...", "the statements of X regarding ..." (a matter spoken of). Not
# claims, accusations or warnings, whose "of" names what they are about ("accusations of
# Russia" may be against it), nor a position ("the positions of the brigade" are trenches).
_OF_VIEWS = word_set(
    "statement statements remarks comments proposal proposals demand demands offer offers "
    "assurance assurances pledge pledges promise promises reasoning argument arguments "
    "initiative initiatives readiness willingness decision decisions decree decrees thesis theses "
    "refusal announcement announcements order orders call calls appeal appeals"
)
# A side's adjective before a plural of claims: a stated view with no more words ("Contrary to
# Russian claims, ...", "rejected Ukrainian accusations"); not "Russian positions" (trenches),
# nor a single "Russian demand", which may be a market's. "Western" and "European" name no
# government ("dismissing Western claims to the contrary" answers a chorus, not a side).
# A side's propaganda is its claims told by their critic ("Russian propaganda presented the
# protesters as ...", "all the Kremlin propaganda clichés"); "Russian propaganda's message"
# owns another noun.
_CLAIMS = word_set("claims accusations allegations assertions demands denials propaganda")
_NO_GOVERNMENT = word_set("western european")
# ... but the charges a side's speaker answers after "Western" ("Moscow denies Western
# accusations that it sent troops", "rejected Western allegations that", "dismissed the Western
# charges"): the governments that made them, named as one, whose charge the denier restates
# (session 9; session 20: a denial carries both sides). Not "Western claims", which may be any
# pundit's ("rejected Western claims that it plans an attack" answers a chorus).
_CHORUS_CHARGES = word_set("accusations allegations charges")
# An effort or an attempt to say something, answered by a verb, is the side's claim told by
# its critic: "We reject Russia's efforts to point to Ukraine as the aggressor", "condemned
# Moscow's attempts to portray the strike as an accident" (the infinitive a verb of saying or
# of stance, or one of depicting); "Kyiv's efforts to retake the town" are acts, and "Russia's
# attempts to present X as Y are cynical" only judges them.
_EFFORTS = word_set("effort efforts attempt attempts")
_DEPICTING = word_set("portray depict paint present cast frame characterise characterize")
# An aim, a plan or an intention is the side's own words only when the block says it was
# stated: "Washington's stated intention to", "the NATO drills' declared aim: ..." ("Russia's
# plans to" alone are mostly a claim about it, read by its opponent).
_STATED = word_set("stated declared proclaimed avowed professed announced publicly-stated")
_AIM_NOUNS = word_set(
    "aim aims goal goals purpose objective objectives intention intentions plan plans "
    "ambition ambitions"
)
_STATED_AIMS: dict[str, frozenset[str]] = dict.fromkeys(
    _AIM_NOUNS, frozenset(["to", "of", "that", ":"])
)
# A charge or a pledge is a stated view by what it is: one an answering verb takes as its
# object needs no words after it ("Moscow rejects an alliance member's new border accusation",
# "dismissed Kyiv's allegations as slander", "rejected the Pentagon's claims", "dismissing
# the chancellor's pledges"), up to two modifiers before it ("latest", "drone"); "the
# minister's remarks" or "Berlin's stance" answered may be the speaker's picture of them.
_ANSWERED_CHARGES = word_set(
    "accusation accusations allegation allegations claim claims pledge pledges assurance "
    "assurances promise promises"
)
# A charge or a protest "of the X side" (a diplomat's name for a government) is that side's:
# its "of" names no target, as "accusations of Russia" may. One a verb answers needs no words
# after it: "rejected the protest of the Estonian side", "the claims of the Polish side were
# dismissed as groundless"; "the protest of the Estonian side" alone only names it.
_SIDE_CHARGES = _ANSWERED_CHARGES | word_set("protest protests claims complaint complaints")
# A view a speaker concedes before setting its own against it is restated, named by a noun
# after its owner's possessive with no words after it ("despite Moscow's repeated denials, ...",
# "in spite of Kyiv's assurances") or by the owner's saying it ("despite Washington saying the
# shield was no threat", "notwithstanding Kyiv insisting that"): both labels, the speaker first.
_CONCEDED = re.compile(
    r"\b(?:despite|notwithstanding|in\s+spite\s+of|contrary\s+to)\s+(?:(?:the|all|repeated)\s+)?\Z"
)
# A view the speaker answers by name is restated too: named after "in response to", "in
# reaction to", "responding to", "commenting on", "asked about" ("commenting on the Ukrainian
# president's allegations of ...", "in reaction to Kyiv saying it would not renew the deal",
# "when asked about the Russian claim"), claims included, which answered are someone's words.
# A topic's frame ("Regarding Berlin's decision to ...", "with regard to") is no answer.
_RESPONDED = re.compile(
    r"\b(?:in\s+(?:response|reply|reaction)\s+to|(?:respond|react|repl(?:y|ie))(?:s|ed|ing)?"
    r"\s+to|commenting(?:\s+on)?|asked\s+about)\s+(?:(?:the|these|those)\s+)?\Z"
)
# ... not bare claims, which the sets give the speaker alone ("despite Russia's claims, the
# build-up goes on" is the speaker's rebuttal, not the other's view restated).
_BARE_CLAIMS = word_set("claim claims lies")
_SAYING = word_set(
    "saying insisting claiming arguing stating asserting maintaining denying declaring "
    "stressing pledging promising vowing"
)
# Another side's words the speaker heard, with whom they heard them from: "As we've heard from
# President <name>, the army needs ...", "We have heard from <capital> at various levels that
# ...", "What we've heard from the US envoy is ...", "we heard Mr <name> say that ...". Only
# the past of a hearing its subject did: not one to come or wished for ("would like to hear",
# "expects to hear from"), nor one denied ("I didn't hear <name> criticise ..."), nor sounds
# heard ("explosions were heard"): hearing is as much a report of words as "said" is.
_HEARD = word_set("heard")
_NOT_HEARD = word_set("not never n't didn't haven't hasn't hadn't was were been be is are being")
# Verbs of saying right after whom the speaker heard ("heard Mr <name> say that ...").
_HEARD_SAYING = word_set(
    "say saying said claim claiming state stating declare declaring announce announcing "
    "tell telling warn warning insist insisting argue arguing call calling"
)
# Words between "heard" and "from": "heard again from", "heard directly from", "heard
# yesterday from", "heard this week from".
_HEARD_ADVERBS = word_set(
    "again also directly repeatedly already clearly only today yesterday earlier recently just"
    " this last week month morning"
)
# A claim the speaker answers, its owner after "as <participle> by": "There are no plans to
# weaken Russia, as claimed by our Russian colleague", "Moscow never plotted a coup, as alleged
# by Kyiv" (the passive twin of "as Kyiv claimed", which attribution reads already). Not a
# source marker's "as proposed by X" or "as announced by X", which name a plan's author or the
# speaker themselves: only the participles of a charge.
_CHARGED = word_set("claimed alleged asserted charged")
# The nouns of a person or a body after a side's adjective that make it the claim's owner ("by
# our Russian colleague", "by the Ukrainian side"); a role the lexicon knows does as well.
_OWNER_NOUNS = word_set(
    "colleague colleagues counterpart counterparts side officials official envoy delegate "
    "delegation representative representatives authorities leadership government"
)
_OWNER_OPENERS = word_set("the our their his her")
# A proposal, an offer or a suggestion named after a side's name or adjective with what it
# proposes: `_offer_named`.
_PROPOSING = OFFERS | word_set("suggestion suggestions")
# How far from its owner's name a view's noun may stand in any of the grammars below ("the
# decision of the NATO council's defence committee to", "thanked Canada on Friday for its
# decision"): a name with no such noun this near owns none.
_VIEW_REACH = 16
# Any of those nouns at all: most blocks have none, and a look at their units' words spares
# them the look after every term (`_ANY_VIEW`, the text's own search, is asked only then).
_VIEW_WORDS = frozenset(
    _VIEW_LINKS.keys()
    | DECIDING
    | _CLAIMS
    | _OF_VIEWS
    | _EFFORTS
    | _AIM_NOUNS
    | _SIDE_CHARGES
    | _SAYING
    | _HEARD
    | _CHARGED
)
_VIEW_WORDS |= _PROPOSING | _CHORUS_CHARGES
_ANY_VIEW = re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(_VIEW_WORDS))) + r")\b")


def restated_views(work: BlockWork, rules: CompiledRules) -> None:
    """Another side's stated view named in a block where a side speaks (a speech verb, a
    carried speaker, a document's author), quoted or not, or where a side's reported stance
    answers it ("protests by Moscow over NATO's decision to ..."): its owner's, weighed as
    reported speech, never for a side that speaks in the block (the possessive forms
    reader.classify.positions reads already are left to it)."""
    units = work.units
    nouns = [k for k, unit in enumerate(units) if unit[LOW] in _VIEW_WORDS]
    if not nouns or _ANY_VIEW.search(work.folded) is None:
        return  # no view's noun in the block: no owner's grammar below can apply
    speakers = {e.actor for e in work.evidence if e.weight >= rules.weights.carry}
    reported = [e for e in work.evidence if e.rule == REPORTED_POSITION.id]
    if not speakers and not reported:
        return  # no side speaks in the block: a narrator's "Britain's commitment to Kyiv"
    owned: set[tuple[str, int]] = set()
    for i in work.term_at:
        term = units[i][TERM]
        if term is None or not term.actors or term.kind not in ("speaker", "alias", "adjective"):
            continue
        if not any(abs(k - i) <= _VIEW_REACH for k in nouns):
            continue  # no view's noun near enough for any owner's grammar below
        j = _owned_view(work, i)
        answering = speakers or _answering_stance(work, i, reported)
        if j is not None and answering:
            _restate(work, rules, i, j, answering, owned)


# Between a side's reported stance and the view it answers: "protests by Moscow [over] NATO's
# decision to", "criticism from Kyiv [of] the Russian demand that".
_ANSWERING_GAP = re.compile(r"\s+(?:over|against|of|about|at)\s+(?:(?:the|a|an)\s+)?\Z")


def _answering_stance(work: BlockWork, i: int, reported: list[Evidence]) -> set[str]:
    """The sides whose reported stance (`reported`: "protests by Moscow", "concern in
    Warsaw") the view whose owner's phrase ends at unit `i` is the object of, right after it;
    none if there is no such stance."""
    start = work.units[np_before(work.units, i, 0)[0]][START]
    return {e.actor for e in reported if e.start < start and _answers(work, e, start)}


def _answers(work: BlockWork, stance: Evidence, start: int) -> bool:
    """The reported `stance` is followed by a preposition opening its object at offset
    `start`, right after its owner ("protests by Moscow over"), or inside its span, whose
    owner took the words after it in ("criticism from Kyiv of the")."""
    folded = work.folded
    if stance.end <= start:
        return _ANSWERING_GAP.match(folded, stance.end, start) is not None
    return _ANSWERING_GAP.search(folded, stance.start, start) is not None


def _restate(
    work: BlockWork,
    rules: CompiledRules,
    i: int,
    j: int,
    speakers: set[str],
    owned: set[tuple[str, int]],
) -> None:
    """The view at unit `j` owned by the side's term at unit `i`, answered by `speakers`: its
    owner's evidence as reported speech, once per view (`owned`), for no side that speaks."""
    units = work.units
    unit = units[i]
    term = unit[TERM]
    assert term is not None
    own = {a for _, who in work.main if who.kind == "actor" for a in who.actors}
    had = {(e.actor, e.start) for e in work.evidence if e.rule == REPORTED_POSITION.id}
    fresh = [
        a
        for a in term.actors
        if a not in own
        and a not in speakers
        and (a, unit[START]) not in had
        and (a, j) not in owned
    ]
    owned.update((a, j) for a in fresh)  # "Oslo and Ottawa's ...": one view, one owner
    # a member's view another side's speaker answers is on that speaker's topic ("X
    # dismissed the State Department's claims"), unless it is on the member's own affairs
    answered_by = bool(speakers - set(term.actors))
    who = Who("actor", term.actors, member=term.member)
    if fresh and allowed(who, work, rules, continues=answered_by):
        first, last = (i, j) if j > i else (j, i)
        add_evidence(
            work,
            REPORTED_POSITION,
            fresh,
            units[first][START],
            units[last][END],
            rules.weights.reported,
        )


def _owned_view(work: BlockWork, i: int) -> int | None:
    """The unit of the stated view or the decision that the side's term at unit `i` owns
    (after a possessive, before "of", "by" or as thanked); None for anything else, and for a
    decision given as time or topic or as a course read into it."""
    j = _view_noun(work, i)
    if j is None:
        j = _view_of(work, i)
    if j is None:
        j = _thanked_for(work, i)
    if j is None:
        j = decision_by(work, i)
    if j is None:
        j = subject_decision(work, i)
    if j is None:
        j = decided_verb(work, i)
    if j is None:
        j = _conceded_saying(work, i)
    if j is None:
        j = _view_at_forum(work, i)
    if j is None:
        j = _heard_from(work, i)
    if j is None:
        j = _claimed_by(work, i)
    if j is None or (work.units[j][LOW] not in DECIDED and work.units[j][LOW] not in REFUSALS):
        return j
    return j if decision_told(work, i, j) else None


# A view put out at a side's gathering, its owner the gathering's ("the pledge, announced at
# NATO's Bucharest summit in 2008, that ...", "the decision of the allies' summit on ...",
# "the decisions adopted at the recent NATO summit to ..."), with what it says after the
# gathering's place and time: the participle of its making between, or "of" alone.
_MADE_PUBLIC = DECIDED_BY | _STATED | word_set("given voiced expressed agreed approved reached")
_FORUM_OPENERS = word_set("the a an recent last latest annual extraordinary informal")
_RELATIVE_WORDS = word_set("that which was were has have had been")


def _view_at_forum(work: BlockWork, i: int) -> int | None:
    """The unit of the view that the side's possessive or adjective at unit `i` owns as the
    gathering it was put out at, with what it says after it; None for anything else (a
    city's name before a gathering only tells where it met: "the Vilnius summit")."""
    units = work.units
    term = units[i][TERM]
    if term is None or not (
        units[i][LOW].endswith("'s") or term.kind == "adjective" or not term.member
    ):
        return None  # (a member's capital names where it met: "the Vilnius summit")
    f = next((f for f in range(i + 1, i + 4) if f < len(units) and units[f][LOW] in FORUMS), None)
    if f is None or any(not (units[n][CAP] or units[n][TERM]) for n in range(i + 1, f)):
        return None  # names only between: "NATO's Bucharest summit", "its Security Council session"
    k = i - 1
    while k > 0 and units[k][LOW] in _FORUM_OPENERS:
        k -= 1
    if k < 2 or units[k][LOW] not in ("at", "during", "of"):
        return None
    j, made = _made_before(units, k)
    if units[k][LOW] == "of" and made is not None:
        return None
    noun = units[j][LOW]
    links = _VIEW_LINKS.get(noun)
    if links is None and made in _STATED:
        links = _STATED_AIMS.get(noun)  # "the plans announced at NATO's summit to ..."
    end = forum_end(units, f)
    return j if links is not None and end < len(units) and units[end][LOW] in links else None


def _made_before(units: list[Unit], k: int) -> tuple[int, str | None]:
    """The unit of the view's noun before the preposition at unit `k`, past the participle of
    its making ("made", "announced", after "that was" too) and a comma, with that participle
    (None if there is none)."""
    j = k - 1
    made = units[j][LOW] if units[j][LOW] in _MADE_PUBLIC else None
    if made is not None:
        j -= 1
        while j > 0 and k - j <= 4 and units[j][LOW] in _RELATIVE_WORDS:
            j -= 1  # "the statement that was made at"
    if j > 0 and units[j][LOW] == ",":
        j -= 1
    return j, made


def _conceded(work: BlockWork, i: int) -> bool:
    """The owner's phrase ending at unit `i` follows "despite", "in spite of" or "contrary
    to": what it owns is a view the speaker concedes ("despite Moscow's denials")."""
    return _framed_by(work, i, _CONCEDED)


def _responded(work: BlockWork, i: int) -> bool:
    """The owner's phrase ending at unit `i` follows "in response to", "commenting on",
    "asked about" ...: what it owns is a view the speaker answers ("responding to Kyiv's
    claims")."""
    return _framed_by(work, i, _RESPONDED)


def _framed_by(work: BlockWork, i: int, frame: re.Pattern[str]) -> bool:
    """The owner's phrase ending at unit `i` follows `frame` in its sentence."""
    start, _ = np_before(work.units, i, 0)
    at = work.units[start][START]
    return frame.search(work.folded[work.sentence_start(at) : at]) is not None


def _conceded_saying(work: BlockWork, i: int) -> int | None:
    """The unit of the saying that the side's name or speaker at unit `i` does after
    "despite" ("despite Washington saying it was not aimed at ...", "despite the Kremlin
    insisting that"), with what it says after it; None for anything else."""
    units = work.units
    term = units[i][TERM]
    if term is None or units[i][LOW].endswith("'s") or term.kind not in ("speaker", "alias"):
        return None
    j = past_name(units, i, term.actors) + 1
    if j + 1 >= len(units) or units[j][LOW] not in _SAYING:
        return None
    if not _conceded(work, i) and not _responded(work, i):
        return None
    return j if units[j + 1][LOW] not in _NOT_MODIFIERS or units[j + 1][LOW] == "that" else None


def _speaking_owner(units: list[Unit], i: int) -> int | None:
    """The last unit of the owner whose side's term is at unit `i`, if it can speak: a name or
    an alias ("Washington", "President <name>": `restated_views` reads no office's term alone),
    or a side's adjective before an office or a body ("Russian officials", "our Ukrainian
    colleague", "the Polish side");
    never a possessive, which owns a noun after it. None for anything else ("Russian
    soldiers", "Ukrainian media", "our Western colleagues")."""
    term = units[i][TERM]
    if term is None or units[i][LOW].endswith("'s"):
        return None
    if term.kind != "adjective":
        ok = term.kind in ("speaker", "alias")
        return past_name(units, i, term.actors) if ok else None
    after = units[i + 1] if i + 1 < len(units) else None
    if after is None or units[i][LOW] in _NO_GOVERNMENT:
        return None  # "our Western colleagues": a chorus, no government
    role = after[TERM] is not None and after[TERM].kind == "role"
    return i + 1 if role or after[LOW] in _OWNER_NOUNS else None


def _past_owner_opener(units: list[Unit], k: int) -> int:
    """The unit before an owner's phrase at unit `k`, past a determiner or a possessive
    pronoun that opens it ("by our <adjective> colleague", "from the <adjective> side")."""
    return k - 1 if k > 0 and units[k][LOW] in _OWNER_OPENERS else k


def _heard_from(work: BlockWork, i: int) -> int | None:
    """The unit of "heard" whose source is the side's name or speaker at unit `i`: after
    "heard from" ("As we've heard from President <name>, ...") or right after "heard" with a
    verb of saying after the name ("we heard Mr <name> say that"); None for anything else,
    and for a hearing denied, passive or to come (`_NOT_HEARD`: "hear" alone is never read)."""
    units = work.units
    last = _speaking_owner(units, i)
    term = units[i][TERM]
    if last is None or term is None:
        return None
    start, _ = np_before(units, i, 0)
    k = _past_owner_opener(units, start - 1)
    if k >= 0 and units[k][LOW] == "from":
        k -= 1
        while k >= 0 and units[k][LOW] in _HEARD_ADVERBS:
            k -= 1
    elif last + 1 >= len(units) or units[last + 1][LOW] not in _HEARD_SAYING:
        return None
    if k < 1 or units[k][LOW] not in _HEARD:
        return None
    before = {unit[LOW] for unit in units[max(0, k - 2) : k]}
    if before & _NOT_HEARD or _asked(work, units[k][START]):
        return None  # "Have you heard from Washington?": a question reports no one's words
    return None if _reported_already(work, term.actors) else k


def _asked(work: BlockWork, at: int) -> bool:
    """Whether the words at offset `at` end in a question mark: the first mark that ends a
    sentence or a quote after them is "?" (a quoted question ends there, before its speech
    verb; a quote closed with a comma is a statement, whatever the next quote asks)."""
    end = _STATEMENT_END.search(work.text, at)
    return end is not None and end.group() == "?"


_STATEMENT_END = re.compile(r"[.?!]|,[\u201d\"]")


def _reported_already(work: BlockWork, actors: tuple[str, ...]) -> bool:
    """Whether the block reports these sides' words already ("what I heard from <name> ...
    <name> clearly said that"): a frame that only says who the words came from adds no more
    weight, which would outweigh the block's own speaker."""
    return any(ev.rule in REPORTED_RULES and ev.actor in actors for ev in work.evidence)


def _claimed_by(work: BlockWork, i: int) -> int | None:
    """The unit of the charge's participle whose owner is the side's term at unit `i` after
    "as <participle> by" ("as claimed by <office> <name>", "as alleged by our <adjective>
    colleague", past an adverb: "as falsely claimed by"); None for anything else."""
    units = work.units
    term = units[i][TERM]
    if _speaking_owner(units, i) is None or term is None:
        return None
    start, _ = np_before(units, i, 0)
    k = _past_owner_opener(units, start - 1)
    if k < 2 or units[k][LOW] != "by" or units[k - 1][LOW] not in _CHARGED:
        return None
    j = k - 1
    opener = j - 2 if units[j - 1][LOW].endswith("ly") else j - 1
    if opener < 0 or units[opener][LOW] != "as":
        return None
    return None if _reported_already(work, term.actors) else j


def _view_noun(work: BlockWork, i: int) -> int | None:
    """The unit of the stated view the side's term at unit `i` owns: "Russia's demand that"
    (a possessive, the noun with what it says after it, one modifier allowed), the same after
    a plural's possessive ("the allies' appeal to", "Polish officials' demand that"), "Russian
    claims" (an adjective before a plural of claims); None for anything else."""
    units = work.units
    low = units[i][LOW]
    after = _plural_possessive(units, i)
    if after is None and not low.endswith("'s"):
        after = _adjunct_possessive(units, i)
        if after is None:
            return _view_unowned(work, i)
    first = _noun_start(units, i + 1 if after is None else after)
    for j in (*_past_quoted_word(units, first), first + 2):
        if j + 1 >= len(units):  # a headline's last word: "rejects X's new accusation"
            return j if j < len(units) and _answered_charge(work, i, j) else None
        if j == first + 2 and not _answered_charge(work, i, j):
            return None  # two modifiers only before a charge an answering verb takes
        if units[j][LOW] in _EFFORTS:
            return j if _effort_to_say(work, j) and _answered_owner(work, i) else None
        links = _VIEW_LINKS.get(units[j][LOW])
        if links is None and j > first and units[first][LOW] in _STATED:
            links = _STATED_AIMS.get(units[j][LOW])  # "NATO's declared aim to"
        if links is not None:
            return j if _view_linked(work, i, j, links) else None
        if units[j][TERM] is not None or not units[j][LOW].isalpha():
            return None
        if units[j][LOW] in _NOT_MODIFIERS or units[j][CAP]:
            return None
    return None


def _noun_start(units: list[Unit], first: int) -> int:
    """Where the view's noun (or its one modifier) may stand after the owner's possessive
    that ends before unit `first`: past an editor's insertion ("[Kiev's] conditions [for
    signing]") and the day a decision was taken ("Moscow's October 8 decision to")."""
    if first < len(units) and units[first][LOW] == "]":
        first += 1
    dated = past_date(units, first)
    return dated if dated < len(units) and units[dated][LOW] in DECIDED else first


def _view_linked(work: BlockWork, i: int, j: int, links: frozenset[str]) -> bool:
    """The view's noun at unit `j`, its owner at unit `i`, with what it says after it (one of
    its `links`, maybe opened by a quote mark or an editor's bracket: aim "to ...", [for), or
    answered as a verb's object; not a request a verb only weighs ("as Trump weighs Kyiv's
    request for missiles": a matter weighed)."""
    units = work.units
    quoted = j + 2 < len(units) and units[j + 1][LOW] in _LINK_OPENERS
    link = j + 1 + quoted
    linked = (
        (units[link][LOW] in links and not _bond_to(work, i, j, link))
        or _called_on(units, j)
        or _answered_link(work, i, j)
        or _answered_charge(work, i, j)
        or (units[j][LOW] not in _BARE_CLAIMS and _conceded(work, i))
        or _responded(work, i)
        or _on_matter(work, i, j)
    )
    return linked and not (units[j][LOW] in _WEIGHABLE and _weighed_owner(work, i, j))


# A statement, a proposal or an offer "on" the matter it is about, as one "regarding" it:
# "Kyiv's proposal on new talks", "the president's statement on shortening the deadline"; not
# a day, a medium or a behalf ("Kyiv's statement on Tuesday", "on Telegram", "on television"),
# nor a word that points back ("Kyiv's statement on this", "on that issue", "on which"): no
# content of its own.
_ON_VIEWS = word_set("statement statements proposal proposals offer offers")
_NOT_MATTERS = ARTICLES | word_set(
    "behalf television tv radio air camera record social state"
    " this that these those it them which what"
)


def _on_matter(work: BlockWork, i: int, j: int) -> bool:
    """The view's noun at unit `j` (its owner at unit `i`) is followed by "on" and a lower-case
    word of the matter it is about; not one given as a time or a topic ("after Kyiv's
    statement on ...": `framed_before`)."""
    units = work.units
    if units[j][LOW] not in _ON_VIEWS or j + 2 >= len(units) or units[j + 1][LOW] != "on":
        return False
    nxt = units[j + 2]
    if nxt[TERM] is not None or nxt[CAP] or not nxt[LOW].isalpha() or nxt[LOW] in _NOT_MATTERS:
        return False
    return nxt[LOW] not in _RECIPIENT_OPENERS and not framed_before(work, units[min(i, j)][START])


# A call or an appeal "on" someone "to" act: "Stoltenberg's call on Russia to use its
# influence", "Kyiv's appeal upon the allies to speed up deliveries" (the one called on, a
# name or an office of a few words, then what they are to do); "Zelensky's call on Tuesday
# to discuss ..." is a phone call on a day.
_CALLS_ON = word_set("call calls appeal appeals")
_CALLED_WORDS = 5


def _called_on(units: list[Unit], j: int) -> bool:
    """The call's noun at unit `j` is followed by "on"/"upon" whom it calls on and "to" with
    a verb: what the call says."""
    if units[j][LOW] not in _CALLS_ON or j + 2 >= len(units):
        return False
    if units[j + 1][LOW] not in ("on", "upon") or units[j + 2][LOW] in CALENDAR:
        return False
    for k in range(j + 2, min(j + 2 + _CALLED_WORDS, len(units) - 1)):
        if units[k][LOW] == "to":
            return k > j + 2 and _said_after(units, k - 1, k, frozenset(["to"]))
        if not (units[k][LOW].isalpha() or units[k][TERM] is not None) or units[k][LOW] in (
            "that",
            "who",
            "which",
        ):
            return False
    return False


# A commitment "to" a thing is a bond, no stated content ("Ukraine's strong commitment to
# international security", "doubt on Moscow's commitment to the deal"); one "to" an act,
# "America's commitment to arming Kyiv", says what was committed to. A bond is the side's view
# only where a verb answers it ("welcomed Kyiv's commitment to the coalition").
_BONDS = word_set("commitment commitments")


def _bond_to(work: BlockWork, i: int, j: int, link: int) -> bool:
    """The view's noun at unit `j` (its owner at unit `i`) is a commitment whose "to" at unit
    `link` names a thing, not an act (no gerund after it), and no verb answers it."""
    units = work.units
    if units[j][LOW] not in _BONDS or units[link][LOW] != "to" or link + 1 >= len(units):
        return False
    after = units[link + 1][LOW]
    return not (after.endswith("ing") and after.isalpha()) and not _answered_owner(work, i)


# Words between a side's name and the possessive of what it runs: "the NATO airborne drills'",
# "the US naval mission's".
_ADJUNCT_WORDS = 2


def _adjunct_possessive(units: list[Unit], i: int) -> int | None:
    """The unit after the possessive of a common noun that the side's name or adjective at
    unit `i` qualifies, past up to two words ("the NATO airborne drills' stated aim", "the
    US naval mission's", "the US embassy's": an office or a body the side runs owns it too);
    None if there is none."""
    term = units[i][TERM]
    if term is None or term.kind not in ("speaker", "alias", "adjective"):
        return None
    for k in range(i + 1, min(i + 1 + _ADJUNCT_WORDS, len(units) - 1)):
        low = units[k][LOW]
        if low.endswith("'s") and low[:-2].replace(" ", "").isalpha() and _adjunct(units[k]):
            return k + 1
        if units[k][TERM] is not None or not low.isalpha() or units[k][CAP]:
            return None
        if low in _NOT_MODIFIERS:
            return None
        if low.endswith("s") and units[k + 1][LOW] == "'":
            return k + 2
    return None


def _adjunct(unit: Unit) -> bool:
    """A common noun the side's name qualifies, or an office of its own that runs the thing:
    "the US naval mission's", "the Russian navy's" (offices of the side's, owners alike)."""
    term = unit[TERM]
    return term is None or term.kind == "role"


def _view_unowned(work: BlockWork, i: int) -> int | None:
    """The unit of the stated view that a side's name or adjective at unit `i` stands before
    with no possessive: "backed the US offer to", "Russian claims", "behind the NATO
    accusations"; None for anything else."""
    units = work.units
    low, term = units[i][LOW], units[i][TERM]
    if term is None or i + 2 >= len(units):
        return None
    if low in _NO_GOVERNMENT:
        return _chorus_answered(work, i)
    decided = DECIDED.get(units[i + 1][LOW])
    if decided is not None and units[i + 2][LOW] in decided:
        return i + 1  # "the US decision to supply", "a Russian decree on"
    body = body_decision(units, i)
    if body is not None:
        return body  # "the UK government decision to supply"
    if units[i + 1][LOW] in _PROPOSING:
        return _offer_named(work, i)  # "the American proposal for a full truce"
    if term.kind in ("speaker", "alias"):
        return _name_claims(work, i) or _name_statement(work, i)  # "behind the NATO accusations"
    if term.kind != "adjective":
        return None
    j = _adjective_view(work, i)
    if j is None and units[i + 1][LOW] in _ANSWERED_CHARGES:
        # "Kyiv denies the Russian claim of ...", "dismissed the US allegation", "asked about
        # the Ukrainian claim"
        j = i + 1 if _answered_owner(work, i) or _responded(work, i) else None
    return j if j is not None else _claims_after(work, i + 1)


def _chorus_answered(work: BlockWork, i: int) -> int | None:
    """The unit of the plural of charges right after "Western" or "European" at unit `i` that
    an answering verb takes as its object; None for anything else: charges only named or
    judged ("Western claims of an invasion are a pretext") are a chorus, no side's words."""
    j = i + 1
    if work.units[j][LOW] not in _CHORUS_CHARGES or not _answered_owner(work, i):
        return None
    return j


def _offer_named(work: BlockWork, i: int) -> int | None:
    """The unit of the proposal, offer or suggestion right after the side's name or adjective
    at unit `i`, with what it proposes after "for", "on" or "to" ("Zelensky said Putin was
    ignoring the American proposal for a full truce", "the US suggestions on deploying
    monitors look doable, the aide said"): a side's proposal is its stated position (GUIDE),
    and the speaker who names it with its content restates it, whether a verb answers it or
    not (session 19's convention; the sets give both labels). Not a proposal put "to"
    someone ("the Russian offer to Kyiv"), nor one a verb only weighs ("met to discuss the
    details of the American proposal for ..."), a matter still open, nor one given as a time
    or a topic ("after the US proposal for talks")."""
    units = work.units
    j = i + 1
    if j + 2 >= len(units) or units[j + 1][LOW] not in _OFFER_LINKS | {"on"}:
        return None
    if units[j + 1][LOW] == "to" and not _said_after(units, j, j + 1, _OFFER_LINKS):
        return None  # "the Russian offer to Kyiv": whom it was put to
    nxt = units[j + 2]
    if (nxt[TERM] is not None and nxt[TERM].actors) or not nxt[LOW].isalpha():
        return None  # "the US proposal for Kyiv": whom it is for
    if nxt[LOW] in CALENDAR or nxt[LOW] in (_NOT_MATTERS if units[j + 1][LOW] == "on" else ()):
        return None  # "the Russian offer on Tuesday", "on the table"
    if _weighed_owner(work, i, j) or framed_before(work, units[i][START]):
        return None
    return j


# Views that are verbs too in their plural's form ("the US demands that ..." may be the US
# demanding): after a side's adjective, only the plurals of claims read them (`_CLAIMS`).
_VERB_PLURALS = word_set(
    "claims demands pledges promises offers calls appeals requests signals warnings wishes"
)
# Words that are the speaker's verdict on what a side says: after its adjective, the
# speaker's own charge ("Russian lies about captured cities are aimed at ..."), as a plain
# "Russian claims" is not.
_VERDICTS = word_set("lies rhetoric")
# Words after "to" that name whom a view was put to, not what it says ("a demand to Kyiv").
_RECIPIENT_OPENERS = ARTICLES | word_set("its his her their our your my")


def _adjective_view(work: BlockWork, i: int) -> int | None:
    """The unit of the view that a side's adjective at unit `i` owns, one modifier allowed
    between, with what it says after it ("the Russian demand that Kyiv withdraw", "a Ukrainian
    pledge to halt", "the Polish insistence on"); None for anything else (a view put "to"
    someone, "a Russian demand to the allies", names no content)."""
    units = work.units
    for j in (i + 1, i + 2):
        if j + 1 >= len(units):
            return None
        low = units[j][LOW]
        if low in _VIEW_LINKS and low not in _VERB_PLURALS | _VERDICTS and low not in DECIDED:
            return j if _said_after(units, j, j + 1) and not _bond_to(work, i, j, j + 1) else None
        if units[j][TERM] is not None or not low.isalpha() or units[j][CAP]:
            return None
        if low in _NOT_MODIFIERS:
            return None
    return None


def _said_after(units: list[Unit], j: int, k: int, links: frozenset[str] | None = None) -> bool:
    """What the view's noun at unit `j` says opens at unit `k`: one of its links (`links`, or
    the noun's own), "to" only before a verb ("to halt", not "to Kyiv", "to the allies")."""
    links = _VIEW_LINKS.get(units[j][LOW]) if links is None else links
    if links is None or k >= len(units) or units[k][LOW] not in links:
        return False
    if units[k][LOW] != "to":
        return True
    nxt = units[k + 1] if k + 1 < len(units) else None
    return (
        nxt is not None
        and nxt[TERM] is None
        and nxt[LOW].isalpha()
        and not nxt[CAP]
        and nxt[LOW] not in _RECIPIENT_OPENERS
    )


def _effort_to_say(work: BlockWork, j: int) -> bool:
    """The effort's noun at unit `j` is followed by "to" and a verb of saying, of stance or
    of depicting."""
    units = work.units
    if j + 2 >= len(units) or units[j + 1][LOW] != "to":
        return False
    if units[j + 2][LOW] in _DEPICTING:
        return True
    at = units[j + 2][START]
    return any(
        v_start == at and form.cls in ("speech", "stance") for v_start, _, form in work.verbs
    )


# Nouns a side's claims may be about between its adjective and them: "US satellite image
# claims", "Ukrainian casualty claims".
_CLAIM_TOPIC_WORDS = 2


def _claims_after(work: BlockWork, first: int) -> int | None:
    """The unit of a plural of claims at unit `first` or past up to two words naming their
    topic ("Russian claims", "US satellite image claims"); None for anything else."""
    units = work.units
    for j in range(first, min(first + _CLAIM_TOPIC_WORDS + 1, len(units))):
        if units[j][LOW] == "propaganda":
            return j if _propaganda_says(work, j) else None
        if units[j][LOW] in _CLAIMS:
            return j
        if units[j][TERM] is not None or not units[j][LOW].isalpha():
            return None
        if units[j][LOW] in _NOT_MODIFIERS:
            return None
    return None


# Claims that are verbs too ("the Kremlin claims that ...", "Kyiv demands a ..."): after a
# name, a noun only with what follows a noun ("the US claims of an attack were false").
_VERB_TOO = word_set("claims demands")
_AFTER_NOUN = word_set(
    "of about regarding concerning over against were are have had and or as by"
) | frozenset(",.;)")


def _name_claims(work: BlockWork, i: int) -> int | None:
    """The unit of a plural of claims after a side's name used as a noun's adjunct ("no
    evidence behind the NATO accusations", "rejected Pentagon allegations"); a claims that
    may be the name's verb ("the US claims that ...") only before what follows a noun."""
    units = work.units
    j = _claims_after(work, i + 1)
    if j is None or units[j][LOW] not in _VERB_TOO:
        return j
    return j if j + 1 < len(units) and units[j + 1][LOW] in _AFTER_NOUN else None


def _name_statement(work: BlockWork, i: int) -> int | None:
    """The unit of a statement or a claim after a side's name used as its adjunct, with a
    participle of saying after it that tells what it says ("an earlier Kremlin statement
    claiming that ...", "the Pentagon claim saying ..."); a plural that may be the name's verb
    ("the Kremlin claims ...") never."""
    units = work.units
    j = i + 1
    if j + 1 >= len(units) or units[j][LOW] in _VERB_PLURALS:
        return None
    links = _VIEW_LINKS.get(units[j][LOW])
    return j if links is not None and units[j + 1][LOW] in _SAYING_LINKS else None


def _propaganda_says(work: BlockWork, j: int) -> bool:
    """A side's propaganda at unit `j` that says something: the subject of a verb of saying,
    of stance or of depicting, or of an auxiliary, or what its noun tells ("Russian
    propaganda presented the protesters as ...", "the Russian propaganda machine is trying to
    ...", "the Russian propaganda clichés about ..."), past one noun; not propaganda "aimed at
    teenagers" or one someone is "complicit in"."""
    units = work.units
    k = j + 1
    if k + 1 < len(units) and units[k][LOW].isalpha() and units[k + 1][LOW] == "about":
        return True  # "clichés about Ukraine"
    if k < len(units) and units[k][LOW] in _PROPAGANDA_NOUNS:
        k += 1
    if k >= len(units):
        return False
    low = units[k][LOW]
    if low in _PROPAGANDA_AUX or low.rstrip("sd").rstrip("e") in _DEPICTING_STEMS:
        return True
    at = units[k][START]
    return any(
        v_start == at and form.cls in ("speech", "stance") for v_start, _, form in work.verbs
    )


_PROPAGANDA_AUX = word_set("is are was were has have had keeps kept")
_DEPICTING_STEMS = frozenset(stem.rstrip("e") for stem in _DEPICTING)
_PROPAGANDA_NOUNS = word_set("machine outlets media channels narrative narratives mouthpieces")


_QUOTE_MARKS = frozenset(['"', "“", "”", "'", "‘", "’"])
_LINK_OPENERS = _QUOTE_MARKS | {"["}


def _past_quoted_word(units: list[Unit], first: int) -> tuple[int, int]:
    """Where the view's noun may stand after the possessive ending before unit `first`: right
    there or after one modifier, which may be a word the speaker quotes ("Kiev's “dangerous”
    rhetoric that")."""
    if (
        first + 3 < len(units)
        and units[first][LOW] in _QUOTE_MARKS
        and units[first + 2][LOW] in _QUOTE_MARKS
        and units[first + 1][LOW].isalpha()
        and units[first + 1][TERM] is None
    ):
        return first + 3, first + 3
    return first, first + 1


# What an offer or a claim answered names after it beside its usual links: a proposal "for"
# what it proposes, claims "of" what they claim ("rejected Kyiv's offer for a summit",
# "dismissed the ministry's claims of restraint"), only as an answering verb's object: "Ukraine's
# proposals for the contest" or "Russia's claims of Crimea" alone may be no one's words. An
# offer after a name or an adjective with no possessive ("the US proposal for"), the same.
_OFFER_LINKS = frozenset(["for", "to"])
_ANSWERED_LINKS: dict[str, str] = {
    **dict.fromkeys(OFFERS, "for"),
    **dict.fromkeys(word_set("claim claims"), "of"),
    # "Lavrov hails Zelensky's statement on pulling back forces": a statement's topic, named
    # by a verb that answers it (alone, "X's statement on the attack" only names it)
    **dict.fromkeys(word_set("statement statements remarks comments"), "on"),
}


def _answered_link(work: BlockWork, i: int, j: int) -> bool:
    """The view's noun at unit `j`, its owner at unit `i`, followed by the link it takes as
    an answering verb's object ("supported Trump's proposal for", "dismissed the State
    Department's claims of")."""
    units = work.units
    link = _ANSWERED_LINKS.get(units[j][LOW])
    return link is not None and units[j + 1][LOW] == link and _answered_owner(work, i)


def _answered_charge(work: BlockWork, i: int, j: int) -> bool:
    """The unit `j` is a charge whose owner's phrase ends at unit `i` and opens an answering
    verb's object ("rejects the ally's latest accusation")."""
    return work.units[j][LOW] in _ANSWERED_CHARGES and _answered_owner(work, i)


# Views another side may weigh as a matter still to decide (`phrases.weighed`).
_WEIGHABLE = word_set("request requests application")


def _weighed_owner(work: BlockWork, i: int, j: int) -> bool:
    """The view whose owner's phrase ends at unit `i` and whose noun is unit `j` is what a
    verb weighs, as its object or its passive's subject."""
    start, _ = np_before(work.units, i, 0)
    return weighed(work, work.units[start][START], work.units[j][END])


def _answered_owner(work: BlockWork, i: int) -> bool:
    """The owner's phrase ending at unit `i` ("the US Department of State's") opens an
    answering verb's object."""
    start, _ = np_before(work.units, i, 0)
    return answered(work, work.units[start][START])


def _plural_possessive(units: list[Unit], i: int) -> int | None:
    """The unit after a plural's possessive apostrophe that the side's term at unit `i` opens:
    "the allies' appeal" (a body's plural), "British officials' demand" (a side's adjective
    before a plural office); None if the term owns no plural's possessive."""
    term = units[i][TERM]
    k = i
    if term is not None and term.kind == "adjective" and i + 1 < len(units):
        office = units[i + 1][TERM]
        if office is None or office.kind != "role" or units[i + 1][LOW] in _NO_GOVERNMENT:
            return None
        k = i + 1  # "British officials'": the office's plural holds the apostrophe
    if not units[k][LOW].endswith("s") or k + 1 >= len(units) or units[k + 1][LOW] != "'":
        return None
    return k + 2


def _view_of(work: BlockWork, i: int) -> int | None:
    """The unit of the stated view that a side's name, speaker or office at unit `i` owns
    after "of" ("the statement of the Finnish president that", "any proposals of Russia to"),
    with what it says after the owner; None for anything else, and for an adjective before
    no office ("the demands of Ukrainian farmers" are no government's)."""
    units = work.units
    term = units[i][TERM]
    if term is None or units[i][LOW].endswith("'s"):
        return None
    end = i
    side = units[i][LOW].endswith(" side") or (  # the lexicon's "the Ukrainian side" too
        term.kind == "adjective" and i + 1 < len(units) and units[i + 1][LOW] == "side"
    )
    if term.kind == "adjective" and i + 1 < len(units):
        office = units[i + 1][TERM]
        if not side and (office is None or office.kind != "role"):
            return None
        end = i + 1  # "of the Finnish president", "of the Estonian side": the owner
    elif term.kind not in ("speaker", "alias"):
        return None
    end = past_name(units, end, term.actors)  # "of Ukrainian President <name> that": the name too
    first, last = coordinated(units, i)  # "the initiative of Oslo and Ottawa to"
    end = owner_tail(units, max(end, last), term.kind != "adjective")
    k = first - 2 if first >= 2 and units[first - 1][LOW] == "the" else first - 1
    if k < 1 or units[k][LOW] != "of" or end + 1 >= len(units):
        return None
    return _of_owner_view(work, k - 1, end, side)


def _of_owner_view(work: BlockWork, j: int, end: int, side: bool) -> int | None:
    """The view's noun at unit `j` before "of" and its owner's phrase ending at unit `end`, if
    it names a view with what it says after the owner (a side's noun whatever it is, or a
    charge of a side a verb answers: "the protest of the Estonian side was rejected"); None
    for anything else."""
    units = work.units
    said = _of_content(units, j, end + 1)
    if side and (said or _said_after(units, j, end + 1)):
        return j  # "the claim of the Russian side that ...": a side's, whatever the noun
    if side and units[j][LOW] in _SIDE_CHARGES:
        return j if _charge_answered(work, j, end) else None
    if units[j][LOW] not in _OF_VIEWS:
        return None
    # with what it says after the owner: "the statements of X were untrue" only name them; a
    # decision with its own links too ("the decisions of the council that met" name it only)
    links = OF_LINKS & DECIDED.get(units[j][LOW], OF_LINKS)
    if units[j][LOW] in _CALLS_ON:
        links = frozenset()  # a call's own links only (`_of_content`): "the calls of X to Y"
    return j if said or units[end + 1][LOW] in links or copula_content(units, end + 1, j) else None


# What else may open a view's content right after its owner named with "of": a refusal's "not
# to" ("the calls of the Ukrainian side not to recognise the vote", "the decision of the council
# not to extend"), a participle of charging or saying after words ("the statements of Kyiv and
# Western countries blaming Russia for ..."), and a call's "for" or "to" and a verb ("the calls
# of Kyiv for a tribunal").
_OF_PARTICIPLES = _SAYING_LINKS | word_set("blaming accusing urging demanding calling")
_WORDS_OF = word_set("statement statements remarks comments claim claims words")


def _of_content(units: list[Unit], j: int, k: int) -> bool:
    """Whether what the view's noun at unit `j` says opens at unit `k`, right after its owner
    named with "of", in one of the forms `OF_LINKS` leaves out (`_OF_PARTICIPLES`, a refusal's
    "not to", a call's links)."""
    low, nxt = units[j][LOW], units[k][LOW]
    if nxt == "not":
        return k + 2 < len(units) and _said_after(units, j, k + 1, frozenset(["to"]))
    if low in _CALLS_ON:
        return _said_after(units, j, k, frozenset(["for", "to"]))
    return low in _WORDS_OF and nxt in _OF_PARTICIPLES


_ANSWERED_AFTER = re.compile(
    r"\A\s*(?:(?:was|were|is|are|has|have|had|been|being|be)\s+){1,2}(?:[a-z]+ly\s+)?"
    r"(?:rejected|dismissed|refuted|rebuffed|denied|turned\s+down|declined)\b"
)


def _charge_answered(work: BlockWork, j: int, end: int) -> bool:
    """The charge at unit `j`, its owner's phrase ending at unit `end`, is an answering verb's
    object ("rejected the protest of ...") or its passive's subject ("... was rejected")."""
    units = work.units
    if answered(work, units[j][START]):  # past its article
        return True
    return _ANSWERED_AFTER.search(work.folded[units[end][END] :]) is not None


# A stance the speaker thanks, welcomes or praises another side for, named after that side as
# the verb's object: "for" and a possessive ("thanked Ankara for its readiness to host the
# talks", "grateful to Oslo for the stated willingness to ..."), or a participle restating it
# ("appreciated the envoy reaffirming Berlin's commitment to ..."), or "and" with the side's
# possessive after a phrase that names it ("welcomed the talks of A and B in Paris and their
# shared commitment to ..."), with what it says after the noun: the thanked side's stated
# position, as is a decision it took ("thanked Oslo for its decision to send jets"). Not
# a proposal or an offer (mostly to come or to host: an invitation), help, solidarity, a
# stance, a visit or hospitality, which the sets give the speaker alone.
_THANKED_STANCES = word_set(
    "readiness willingness commitment commitments initiative initiatives decision decisions"
)
_THANKED_LINKS = frozenset(["to", "that"])
# A stance or a position thanked for with what it holds ("thanked the Nordic states for their
# firm stance on resisting the pipeline"); "for its stance" alone stays the speaker's.
_THANKED_POSITIONS: dict[str, frozenset[str]] = dict.fromkeys(
    word_set("stance position"), frozenset(["on", "that", "regarding"])
)
# A day or a time told between the thanked side and "for" ("thanked Ottawa on Friday for").
_THANKED_WHEN = word_set("today yesterday again also personally warmly")
_STANCE_OPENERS = word_set("its his her their the this that")
_THANKED_FOR = word_set(
    "for reaffirming reiterating confirming expressing declaring stating voicing restating"
)
# The verb or adjective of thanks or praise whose object the owner's phrase is ("thanked",
# "grateful to", "our gratitude to", "welcomes", "commended").
_GRATITUDE_WORDS = (
    r"\b(?:thank(?:s|ed|ing)?|(?:grateful|thankful)\s+to|(?:gratitude|appreciation|thanks)"
    r"\s+to|appreciat(?:e|es|ed|ing)|commend(?:s|ed|ing)?|prais(?:e|es|ed|ing)|"
    r"welcom(?:e|es|ed|ing)|hail(?:s|ed|ing)?|applaud(?:s|ed|ing)?|salut(?:e|es|ed|ing))"
)
_GRATITUDE = re.compile(
    _GRATITUDE_WORDS + r"(?:\s+(?:also|again|warmly|sincerely|personally|especially|"
    r"particularly))?(?:\s+(?:the|our|my))?\s*\Z"
)
# ... anywhere before it in the sentence, with no report of words between ("thanked her,
# saying Germany and its commitment ..." tells what was said, not what was thanked).
_GRATITUDE_IN = re.compile(
    _GRATITUDE_WORDS + r"\b(?:(?!\b(?:saying|said|says|that|who|which|adding)\b)[^.;:?!])*\Z"
)
# Words that may close the phrase naming the side before "and its ..." ("the meeting of A and
# B in Paris today and their commitment"): a place or a time, no more.
_PAST_PLACE = 4


def _thanked_for(work: BlockWork, i: int) -> int | None:
    """The unit of the stance that the side's name or speaker at unit `i` is thanked or
    praised for ("thanked Ankara for its readiness to", "grateful to Oslo and Ottawa for
    their initiative to", "appreciate the minister reaffirming the readiness to", "welcomed
    the talks of A and B and their commitment to"); None for anything else."""
    units = work.units
    k = _after_thanked(work, i)
    if k is None:
        return None
    if k < len(units) and units[k][LOW] in _STANCE_OPENERS:
        k += 1
    for j in range(k, min(k + 3, len(units) - 1)):
        low = units[j][LOW]
        if low in _THANKED_STANCES or low in _THANKED_POSITIONS:
            links = _THANKED_POSITIONS.get(low, _THANKED_LINKS)
            return j if units[j + 1][LOW] in links else None
        if units[j][TERM] is not None or not low.isalpha() or low in _NOT_MODIFIERS:
            return None
    return None


def _after_thanked(work: BlockWork, i: int) -> int | None:
    """Where the stance may open after the thanked side at unit `i` (with the sides named
    with it, an office after its adjective, a holder's name): past "for" or a participle of
    restating when the side is the object of thanks, past "and its" when thanks come earlier
    in the sentence; None when the side is not thanked or nothing follows it."""
    units = work.units
    term = units[i][TERM]
    if term is None or units[i][LOW].endswith("'s"):
        return None
    first, last = coordinated(units, i)
    if term.kind == "adjective":  # "the Norwegian minister": the office names the owner
        office = units[i + 1][TERM] if i + 1 < len(units) else None
        if office is None or office.kind != "role" or first != i or last != i:
            return None
        last = i + 1
    elif term.kind not in ("speaker", "alias"):
        return None
    k = past_name(units, last, term.actors) + 1
    if k + 1 < len(units) and units[k][LOW] == "on" and units[k + 1][LOW] in WEEKDAYS:
        k += 1  # "thanked Ottawa on Friday for its decision to"
    if k < len(units) and units[k][LOW] in WEEKDAYS | _THANKED_WHEN:
        k += 1
    if k >= len(units):
        return None
    if units[k][LOW] in _THANKED_FOR:
        start, _ = np_before(units, first, 0)
        thanked = _GRATITUDE.search(work.folded[: units[start][START]]) is not None
        return k + 1 if thanked else None
    sentence = work.sentence_start(units[i][START])
    if _GRATITUDE_IN.search(work.folded[sentence : units[first][START]]) is None:
        return None
    return _and_its(units, k)


def _and_its(units: list[Unit], k: int) -> int | None:
    """The unit of the possessive pronoun in "and its", "and their" at unit `k` or past a
    few words of place or time ("in Berlin today, and their ...", a city's name among them);
    None if there is none."""
    for j in range(k, min(k + _PAST_PLACE + 2, len(units) - 1)):
        if units[j][LOW] == "and":
            return j + 1 if units[j + 1][LOW] in OWN_PRONOUNS else None
        if units[j][LOW] in (".", ";", ":", "?", "!"):
            return None
    return None
