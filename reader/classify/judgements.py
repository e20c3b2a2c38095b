"""What a document's title says of the parties it names: the one party its names stand for,
and whether its topic judges another side's act in the author's own words.

`one_party` and `member_voice` read the terms a title holds ("Poland's Foreign Ministry", "the
NATO-Ukraine Commission"); `judged_topic` and `scare_quoted_topic` read its topic after "on",
"concerning", "following" ("on Russia's military invasion of Ukraine", 'on Russia's "peace
plan"'): a side other than the author named with a word of judgement, before it, as its agent
or as its owner ("the crisis provoked by Russia", "the aggression of the Russian Federation").
Why a module of its own: an official document's voice (reader.classify.document) and the
config's sources (reader.classify.sources) ask this of a whole title, over its folded text and
its terms' offsets rather than a sentence's units; no step of the speech-verb grammar reads it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from reader.classify.wordclasses import OBJECT_PREP, word_set
from reader.rules.compile import Term

# The kinds of term that name a party (an office alone names none).
_PARTY_KINDS = frozenset(["alias", "speaker", "adjective"])


def member_voice(terms: Iterable[tuple[int, int, Term]], start: int, end: int) -> bool:
    """Whether the names between `start` and `end` are all a member state's ("the Government
    of Estonia", "Poland's Foreign Ministry", a member's minister by name): its document is its
    side's on the war only."""
    named = [term.member for t_start, _, term in terms if start <= t_start < end and term.actors]
    return bool(named) and all(named)


def one_party(terms: Iterable[tuple[int, int, Term]], start: int, end: int) -> tuple[str, ...]:
    """The one party the names between `start` and `end` stand for: one actor ("Poland's
    Foreign Ministry"), or the sides of one joint body, a name that stands for several sides
    together ("the NATO-Ukraine Commission": nato and ukraine, in the config's order). () when
    they name none, or several parties ("the ministers of Poland and Ukraine")."""
    parties = {
        term.actors
        for t_start, _, term in terms
        if start <= t_start < end and term.kind in _PARTY_KINDS and term.actors
    }
    if len(parties) == 1:
        return next(iter(parties))
    actors = {actor for party in parties for actor in party}
    return tuple(actors) if len(actors) == 1 else ()


# A title's topic, after its preposition ("Statement ... on <topic>", "Remarks concerning
# <topic>"), or the cause a title gives for its subject ("Comment on the handover ... following
# <cause>", "... due to <cause>"), up to a mark. Each is read from its own word: a cause is
# often inside a topic's phrase.
# The occasions a title's topic is dated by ("on the 5th anniversary of", "two years since"),
# and the nouns of one that recall an act ("commemoration of <act>", a title's "Second
# anniversary of <act>": reader.classify.officialtitles' `_TOPIC_TITLE`).
_DATED = word_set("anniversary anniversaries year years month months day days")
RECALLING = word_set("anniversary commemoration")
_TOPIC = re.compile(
    r"\b(?:on|concerning|regarding|about|in\s+connection\s+with|in\s+view\s+of|(?P<cause>"
    r"following|due\s+to|in\s+response\s+to|because\s+of|amid|in\s+the\s+face\s+of)|"
    # the act an occasion recalls: "on the 5th anniversary of <act>", "marking two years since
    # <act>" (`_OCCASION` ends the topic before it, the date alone no judgement)
    r"(?:(?:" + "|".join(sorted(_DATED | RECALLING)) + r")\s+"
    r"(?:of|since)))\s+(?=[^:;,.()]{3})"
)
_TOPIC_END = re.compile(r"[:;,.()]")
_TOPIC_LENGTH = 160
# ("so called" is "so-called" spelt apart, as slugs and some outlets write it: one word)
_TOPIC_WORD = re.compile(r"so\s+called\b|[\w'’-]+")
# The words that name another side's act in the author's own judgement ("Russia's military
# invasion", "the new wave of Russian aggression", "Russia's sham referendums", "Russia's armed
# provocation", "the Kremlin's provocative and illicit decision", "a crisis provoked by Russia",
# "recent Russian hybrid activities", "Moscow's malign influence", "the occupation by Russia").
_JUDGEMENT = word_set(
    "invasion aggression sham so-called illegal illegitimate unprovoked barbaric criminal "
    "provocation provocations provocative provoked illicit unlawful hybrid malign terrorist "
    "violation violations occupation"
)
# "Russia's attempts to annex", "the attempted annexation": an annexation its author calls a
# mere attempt (Moscow calls it done).
_ATTEMPT = word_set("attempt attempts attempted")
_ANNEX = re.compile(r"\s+(?:to\s+)?annex")
# An occasion ends the topic that names it: "on the second anniversary" is a date, no judgement;
# the act it recalls is a topic of its own (`_TOPIC`'s occasion: "anniversary of <act>").
_OCCASION = _DATED | word_set("week weeks")
# The words a title's topic phrase may run to before its judgement.
_TOPIC_REACH = 7
# How far after a judgement's "by" its agent may be named ("provoked by the Russian Federation").
_AGENT_REACH = 40


def judged_topic(
    folded: str,
    terms: Iterable[tuple[int, int, Term]],
    author: Sequence[str],
    heading: bool = False,
) -> bool:
    """Whether a title's topic names another side's act in the author's judgement ("on
    Russia's military invasion of Ukraine", "concerning Russia's further invasion", "on the new
    wave of Russian aggression", "on Russia's attempts to annex ..."): a side other than the
    author, named in the topic's noun phrase before a word of judgement ("of" joins inside it;
    another preposition ends it) or right after it as its agent ("on the crisis provoked by
    Russia"); an occasion names a date, no act, but the act it recalls is a topic ("on the
    anniversary of Russia's illegal occupation", "marking two years since Russia's invasion").
    So does the cause a title gives ("Comment on the handover of the ships following Kyiv's
    provocation"), unless it names the war by its common name ("following the invasion"). A
    word that sets the author apart from its term needs no side ("on the so-called vote"), and
    a judgement qualifies the side named right after it ("on illegal Russian drills").
    A `heading` with no verb is read instead from its first word and from each part a dash or
    a colon sets off ("<Side>'s Continuing Violations in <place>", "Two Years On – <Side>'s
    Occupation of <place>"): a document's heading names its topic with no "on"."""
    named = [(start, term.actors) for start, _, term in terms if term.kind in _PARTY_KINDS]
    if heading:
        starts = [(part.end(), False) for part in _HEADING_PART.finditer(folded)]
    else:
        starts = [(topic.end(), bool(topic["cause"])) for topic in _TOPIC.finditer(folded)]
    for begin, cause in starts:
        found = _judged_phrase(folded, begin, cause, named, author)
        if found is not None:
            return found
    return False


# Where a heading's topic phrase starts: its first word, and the part after a dash or a colon.
_HEADING_PART = re.compile(r"\A\W*|\s[-\u2013\u2014]\s+|:\s+")


def _judged_phrase(
    folded: str,
    begin: int,
    cause: bool,
    named: Sequence[tuple[int, tuple[str, ...]]],
    author: Sequence[str],
) -> bool | None:
    """Whether the topic phrase from `begin` judges another side's act (`judged_topic`): its
    first word of judgement decides; None when it has none."""
    mark = _TOPIC_END.search(folded, begin, begin + _TOPIC_LENGTH)
    end = mark.start() if mark else min(len(folded), begin + _TOPIC_LENGTH)
    for count, word in enumerate(_TOPIC_WORD.finditer(folded, begin, end)):
        text = "-".join(word.group().split())
        if count >= _TOPIC_REACH or text in _OCCASION or (text in OBJECT_PREP and text != "of"):
            break
        judged = (text in _JUDGEMENT and not (cause and text in _OCCASION_ACTS)) or (
            text in _ATTEMPT and _ANNEX.match(folded, word.end()) is not None
        )
        if text in _BLAME and _blamed(folded, word.end(), end, named, author):
            return True
        if judged and text in _DISTANCING:
            return True  # "on the so-called referendum": the word judges whoever held it
        if judged:
            judged_sides = [
                actors
                for start, actors in named
                if actors
                and (
                    begin <= start < word.start()
                    or _agent(folded, word.end(), start)
                    or _NEXT_WORD.fullmatch(folded, word.end(), start) is not None
                )
            ]
            if not judged_sides and _against_author(folded, word.end(), named, author):
                return True  # "on the armed aggression against Ukraine" on Kyiv's page
            if not judged_sides:
                # a word that accuses whoever did it ("on yet another provocation of <a
                # third state>", "on the terrorist attack on the bridge"): the author's
                # verdict all the same ("illegal logging", "hybrid buses" are none)
                return text in _ACCUSING
            return any(not set(a) & set(author) for a in judged_sides)
    return None


def scare_quoted_topic(
    text: str, folded: str, terms: Iterable[tuple[int, int, Term]], author: Sequence[str]
) -> bool:
    """Whether a title's topic puts another side's term in quotes of distance ('on yet another
    "humanitarian mission" of Russia', 'on Russia's "peace plan"'): a quoted run of one to three
    lower-case words, in a topic that names a side other than the author. A quoted name in
    capitals is a name ('exercises "Zapad 2021"', 'meeting on "Threats to Peace"'), no
    judgement."""
    topic = _TOPIC.search(folded)
    if topic is None or _SCARE_QUOTE.search(text, topic.end()) is None:
        return False
    sides = [
        term.actors
        for start, _, term in terms
        if start >= topic.end() and term.actors and term.kind in _PARTY_KINDS
    ]
    # the author's own term quoted ('on the alliance's "open door"') is emphasis, no distance
    return not sides or any(not set(actors) & set(author) for actors in sides)


_SCARE_QUOTE = re.compile(
    r"[\"\u201c\u00ab\u2018](?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*[\"\u201d\u00bb\u2019]"
)
# A judgement that needs no side named: the word itself sets the author apart from the term.
_DISTANCING = word_set("so-called sham")
# Judgements that accuse whoever did the act, with no side named: a provocation, terror.
_ACCUSING = word_set("provocation provocations provocative terrorist")
# What may stand between a judgement and the side it qualifies right after it ("illegal
# Russian elections", "the unprovoked “Russian ..."): spaces and a quote mark.
_NEXT_WORD = re.compile(r"[\s\"'‘“«]+")


# A cause named by the war's common name ("following Russia's invasion", "in response to the
# invasion") is the occasion of the step, as "three years since the invasion" is, no judgement.
_OCCASION_ACTS = word_set("invasion")


# The "by" that names an agent, with the spaces around it: "provoked by Russia", "the
# shelling of the consulate by <side>" (`_agent`, `_blamed`).
_BY = re.compile(r"\s+by\s+")
# Judgements whose act's owner may follow after "of": an act with no object ("the aggression
# of <side>", "provocations of <side>"), or a judged word before a plain noun of conduct
# ("unlawful actions of <side>", "hybrid activities of <side>").
_OWNED_ACTS = word_set("aggression provocation provocations")
_JUDGED_CONDUCT = word_set("illegal unlawful illicit criminal malign hybrid")
_OF_OWNER = re.compile(r"\s+(?P<of>of\s+)(?:the\s+)?")
_CONDUCT_OF_OWNER = re.compile(
    r"\s+(?:actions|activities|acts|conduct|policy|policies|behaviou?r|practices)"
    + _OF_OWNER.pattern
)
# A verdict of law on any act named with its side after "of" ("on illegal passing of <side's>
# convoy", "the unlawful seizure of <side's> vessels"): whether that side did the act or
# suffered it, the title judges an act of the conflict in the author's terms.
_UNLAWFUL = word_set("illegal unlawful illicit")
_ACT_OF_SIDE = re.compile(r"\s+[a-z][\w-]*" + _OF_OWNER.pattern)

# The harm a title's topic may blame on another side named as its agent ("on the destruction
# of the dam by the <side>'s armed forces", "on the shelling of the consulate by <side>", "on
# violations of the accords by <side>").
_BLAME = word_set(
    "destruction shelling bombing bombardment attack attacks strike strikes killing killings "
    "murder seizure abduction violation violations repression repressions persecution"
)
# An agent named by the author's verdict on it, no side needed ("by terrorists", "by the
# aggressor", "by the occupying forces").
_ACCUSED_AGENT = re.compile(
    r"(?:the\s+)?(?:terrorists?|aggressors?|occupiers|invaders|occupying\s+forces|occupation\s+forces)\b"
)


def _blamed(
    folded: str,
    begin: int,
    end: int,
    named: Sequence[tuple[int, tuple[str, ...]]],
    author: Sequence[str],
) -> bool:
    """Whether the harm named before `begin` is laid, by a "by" later in the topic phrase (up
    to `end`), on a side other than the author named right after it: blame, the author's
    account of who did it."""
    by = _BY.search(folded, begin, end)
    if by is None:
        return False
    if _ACCUSED_AGENT.match(folded, by.end()):
        return True  # "the shelling of the town by terrorists": the agent named by a verdict
    return any(
        by.end() <= start < by.end() + _AGENT_REACH and not set(actors) & set(author)
        for start, actors in named
        if actors
    )


# The "against" that names whom a judged act was aimed at, with the spaces around it.
_AGAINST = re.compile(r"\s+against\s+(?:the\s+)?")


def _against_author(
    folded: str, end: int, named: Sequence[tuple[int, tuple[str, ...]]], author: Sequence[str]
) -> bool:
    """Whether a judgement is aimed "against" the author's own side right after it ("on the
    latest fact of armed aggression against Ukraine" under Kyiv's ministry, "on the invasion
    against the Alliance's members"): the author judges an act done to it, by another side
    whether named or not. A side named there that is not the author is a target the author
    only reports ("aggression against Georgia" on Kyiv's page): no verdict read."""
    against = _AGAINST.match(folded, end)
    if against is None or not author:
        return False
    return any(
        start == against.end() and set(actors) <= set(author) for start, actors in named if actors
    )


def _agent(folded: str, end: int, start: int) -> bool:
    """A side named as the agent right after a judgement ("provoked by Russia", "provoked by
    the Russian Federation"), or as the owner of the act it judges ("the aggression of the
    Russian Federation", "the unlawful actions of Western countries"): the side whose act the
    author judges. Only an act that has no object of its own takes its owner after "of": "the
    occupation of Crimea" names what was occupied."""
    by = _BY.match(folded, end)
    if by is not None:
        return by.end() <= start < by.end() + _AGENT_REACH
    word = folded[folded.rfind(" ", 0, end) + 1 : end]
    owner = (
        _OF_OWNER.match(folded, end)
        if word in _OWNED_ACTS
        else _CONDUCT_OF_OWNER.match(folded, end) or _ACT_OF_SIDE.match(folded, end)
        if word in _UNLAWFUL
        else _CONDUCT_OF_OWNER.match(folded, end)
        if word in _JUDGED_CONDUCT
        else None
    )
    return owner is not None and start in (owner.end("of"), owner.end())
