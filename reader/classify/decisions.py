"""A decision another side took, told with its decider and what it decides.

reader.classify.restated gives a block where a speaker names another side's decision with what
it decides both labels, the speaker first (session 19's convention); these are the grammars it
asks for the decisions it does not read as a view's noun after a possessive or "of": the
decider after "by" ("a decision by Moscow to leave", "the decision taken by the allies to
expel", "adopted on 1 March by the President of the Russian Federation to": `decision_by`), a
side's name and its body before the noun ("the UK government decision to supply":
`body_decision`), the side as the subject of a verb that undoes or announces its decision
("Russia should reconsider its decision to": `subject_decision`) or of "decided" itself ("Rome
has decided to ship two more batteries": `decided_verb`), and whether a decision found by any
grammar is told at all (`decision_told`: not one given as a time or a topic, a course read into
it or one not yet taken). Here too is the owner's phrase both modules read: the sides named
together as one owner (`coordinated`), a holder's name after an office (`past_name`), a body, a
place or a day after the owner (`owner_tail`).

Why the split is here: restated.py had grown to 1,494 lines, six short of the limit
tests/test_code_shape.py sets. These grammars read a decision's own words (`DECIDED`, "decided",
"reconsider", "announcing", the day it was taken) and the decider's phrase, and none of the view
nouns' tables, the frames of answer ("despite", "in response to", "thanked ... for") or the
evidence the step adds; restated.py reads the views and weighs what both find, and imports this
module, which imports nothing of it. Moved verbatim (session 28): only the names restated.py
reads lost their underscore.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from reader.classify.phrases import framed_before, sought
from reader.classify.types import CAP, LOW, START, TERM, BlockWork, Unit
from reader.classify.wordclasses import CALENDAR, HEARSAY, word_set

# A decision another side took, named with what it decides: the decider's possessive ("Russia's
# decision to withdraw from the treaty", "Washington's unilateral decision to"), its name or
# adjective before the noun ("the US decision to supply", "a Russian decree on"), after "of"
# ("the decision of the NATO council to suspend") or "by" ("a decision by Moscow to leave", "the
# decision taken by the allies to expel", "adopted on 1 March by the President of the Russian
# Federation to"), with its day or its body between ("Moscow's October 8 decision to", "the UK
# government decision to"), or "its decision" after the side is thanked ("thanked Oslo for
# its decision to send"). A decision or a formal step is its side's position (GUIDE),
# and one another side names with its content is reported: both labels, the speaker first
# (session 19's convention). Not one only named ("the move", "Russia's decision was wrong"),
# nor one given as time or topic ("after Moscow's decision to", "Regarding Berlin's decision to
# ..., the minister said"), nor a course the speaker reads into it ("Russia's decision to
# choose confrontation", "to pursue its war"); a side's own decision names no other side.
DECIDED: dict[str, frozenset[str]] = {
    **dict.fromkeys(
        word_set("decision decisions decree decrees"),
        frozenset(["to", "not", "on", "about", "regarding", "concerning"]),
    ),
    **dict.fromkeys(word_set("choice"), frozenset(["to"])),
    **dict.fromkeys(word_set("ban bans"), frozenset(["on"])),
    # an order or an announcement with what it orders or announces ("the Kremlin's order to
    # pull back", "the announcement made by Kyiv to mobilise"): a formal step too
    **dict.fromkeys(word_set("order orders"), frozenset(["to", "on"])),
    **dict.fromkeys(
        word_set("announcement announcements"), frozenset(["to", "that", "on", "of", ":"])
    ),
    # a permission, a consent or an approval with what it allows ("Berlin's permission to
    # export the tanks", "the consent by the Dutch authorities to the use of", "the
    # authorisation, by the Duma, of the use of force"): a decision to allow
    **dict.fromkeys(
        word_set("permission consent approval authorisation authorization"),
        frozenset(["to", "for", "of"]),
    ),
}
# A refusal is a decision not to act: framed as a time, a topic or a cause, it is no view.
REFUSALS = word_set("refusal refusals")
# The infinitive of a course the speaker reads into the other's decision, not a step it took.
_COURSES = word_set("choose pursue continue persist opt embark follow")
# The verb of a decision told as a clause ("Rome has decided to ...": `decided_verb`).
DECIDING = word_set("decided decides")
# Words right before a decision that make it one not taken: "any decision by Kyiv to ...",
# "a possible decision of the allies to ...", "flew in without Warsaw's permission to land".
_HYPOTHETICAL = word_set("any whatever possible potential eventual future hypothetical without")
# "made by", "taken by": the participle between a decision and its decider.
DECIDED_BY = word_set("made taken adopted announced issued")
# An article or a quantifier before the decider: "by the allies", "by some NATO countries".
_DECIDER_OPENERS = word_set("the some several many most other")


def decision_by(work: BlockWork, i: int) -> int | None:
    """The unit of a decision whose decider is the side's name or office at unit `i` after
    "by" ("a decision by Moscow to leave", "the decision taken by the allies to expel"), with
    what it decides after the decider; None for anything else."""
    units = work.units
    term = units[i][TERM]
    if term is None or term.kind not in ("speaker", "alias", "adjective"):
        return None
    first, last = coordinated(units, i)
    if term.kind == "adjective":  # "by the Russian government to"
        office = units[last + 1][TERM] if last + 1 < len(units) else None
        if office is None or office.kind != "role":
            return None
        last += 1
    last = owner_tail(units, past_name(units, last, term.actors), term.kind != "adjective")
    k = first - 2 if first >= 2 and units[first - 1][LOW] in _DECIDER_OPENERS else first - 1
    k = _past_office_of(units, k)  # "by the President of the Russian Federation to"
    if k < 2 or units[k][LOW] != "by" or last + 1 >= len(units):
        return None
    before, last = _past_aside(units, k, last)  # "the authorisation, by the Duma, of the use"
    if before == k - 1:
        last = aside_after(units, last)  # "by the Kyiv authorities, released on 16 March, not to"
    j = _before_date(units, before)  # "the decision adopted on 1 March by"
    j = j - 1 if units[j][LOW] in DECIDED_BY else j
    links = DECIDED.get(units[j][LOW])
    return j if links is not None and units[last + 1][LOW] in links else None


def _past_aside(units: list[Unit], k: int, last: int) -> tuple[int, int]:
    """The unit before the "by" at unit `k` and the decider's last unit `last`, past the two
    commas that set the decider off as an aside ("the authorisation, by the Russian
    parliament, of the use of force"): what the decision decides follows the second."""
    if units[k - 1][LOW] == "," and last + 2 < len(units) and units[last + 1][LOW] == ",":
        return k - 2, last + 1
    return k - 1, last


# How many words an aside after a view's owner may hold ("who visited the front yesterday",
# "released on March 16, 2018"), and what opens one: a relative pronoun or a participle of
# making the view public.
_ASIDE_WORDS = 8
_OWNER_ASIDE_OPENERS = word_set("who which released published issued announced made adopted")
_SENTENCE_MARKS = frozenset([".", ";", ":", "?", "!", '"', "“", "”"])


def aside_after(units: Sequence[Unit], last: int) -> int:
    """The closing comma of an aside set off after the owner's last unit `last` ("by the
    Ukrainian authorities, released on March 16, 2018, not to allow", "the statement by
    President <name>, who visited the front yesterday, that ..."; a date's own comma stays
    inside it): what the view says may open after it, as right after the owner. `last` if no
    such aside follows."""
    if last + 3 >= len(units) or units[last + 1][LOW] != ",":
        return last
    if units[last + 2][LOW] not in _OWNER_ASIDE_OPENERS:
        return last
    for n in range(last + 3, min(last + 3 + _ASIDE_WORDS, len(units) - 1)):
        if units[n][LOW] in _SENTENCE_MARKS:
            return last
        if units[n][LOW] == "," and not _date_word(units[n + 1][LOW]):
            return n
    return last


def _past_office_of(units: list[Unit], k: int) -> int:
    """The unit before an office "of" the decider at unit `k` ("by the President of the
    Russian Federation to", "by the Cabinet of Ukraine"): the office decided for its side;
    `k` if no office stands there."""
    office = units[k - 1][TERM] if k >= 2 and units[k][LOW] == "of" else None
    if office is None or office.kind != "role":
        return k
    n = k - 2
    return n - 1 if n >= 1 and units[n][LOW] in _DECIDER_OPENERS else n


def _date_word(low: str) -> bool:
    """A date's word: a month, a weekday, a day's or a year's number ("October 26, 2016")."""
    return low in CALENDAR or (len(low) <= 4 and low.isdecimal())


def past_date(units: list[Unit], k: int) -> int:
    """The unit after a date opening at unit `k` ("October 8", "26 October, 2016", "July"),
    the day a decision was taken, not what it decides; `k` if no date opens there."""
    n = k
    while n < len(units) and (_date_word(units[n][LOW]) or (n > k and units[n][LOW] == ",")):
        n += 1
    while n > k and units[n - 1][LOW] == ",":
        n -= 1
    return n if any(units[h][LOW] in CALENDAR for h in range(k, n)) else k


def before_date(units: Sequence[Unit], k: int, floor: int = 0) -> int:
    """The unit before the words of a date that ends at unit `k` (a month, a weekday, a day's
    or a year's number, their commas: "on 1 March", "from January 1, 2016"), no further back
    than `floor`; `k` if unit `k` is no date's word."""
    n = k
    while n > floor and (_date_word(units[n][LOW]) or units[n][LOW] == ","):
        n -= 1
    return n


def _before_date(units: list[Unit], k: int) -> int:
    """The unit before "on" and a date that ends at unit `k` ("the decision adopted on 1
    March by"); `k` if no such date ends there."""
    n = before_date(units, k)
    dated = any(units[h][LOW] in CALENDAR for h in range(n + 1, k + 1))
    return n - 1 if dated and units[n][LOW] == "on" else k


def body_decision(units: list[Unit], i: int) -> int | None:
    """The unit of a decision after the side's name or adjective at unit `i` and its body that
    took it, with what it decides: "the UK government decision to supply", "the
    Russian Federation Supreme Court decision on 26 October to uphold" (an office the lexicon
    knows, or up to two capitalised words of a body's name; past a date after "on"). In a
    title-case headline the decision's own capital is no word of the body's ("UK Government
    Decision To Send ...")."""
    k = i + 1
    office = units[k][TERM]
    if office is not None and office.kind == "role":
        k += 1
    while (
        k < i + 3
        and units[k][CAP]
        and units[k][TERM] is None
        and units[k][LOW].isalpha()
        and units[k][LOW] not in DECIDED
    ):
        k += 1
    links = DECIDED.get(units[k][LOW]) if i + 1 < k < len(units) - 1 else None
    link = k + 1
    if links is not None and units[link][LOW] == "on":
        dated = past_date(units, link + 1)
        link = dated if dated > link + 1 else link  # "decision on 26 October to": past the day
    return k if links is not None and link < len(units) and units[link][LOW] in links else None


# Verbs whose object is a decision its subject took and is asked to undo ("Russia should
# reconsider its decision to", "urged Kyiv to reverse its decision on"), and verbs of making
# one known ("the US crossed the line by announcing a decision to"): the subject's decision.
_UNDOING = word_set(
    "reconsider revisit rethink reverse revoke rescind overturn cancel abandon review"
)
_ANNOUNCING = word_set("announcing announced announces announce unveiling unveiled")
_DECISION_OPENERS = word_set("a an the this")
# A pronoun back to the side named before: "reconsider its decision to" (and restated.py's
# "and its", "and their" after a thanked side).
OWN_PRONOUNS = word_set("its his her their")
# Words that end the clause of the subject before its verb: a report of words, a relative.
_CLAUSE_ENDS = word_set("that who which said says saying told and but while whereas")
_SUBJECT_WORDS = 8


def subject_decision(work: BlockWork, i: int) -> int | None:
    """The unit of a decision whose decider is the side at unit `i` as the subject of a verb
    that undoes it, with "its" or "their" back to the side ("Russia should reconsider its
    decision to"), or that makes it known ("the US crossed the line by announcing a decision
    to"), in the same clause; None for anything else."""
    units = work.units
    term = units[i][TERM]
    if term is None or units[i][LOW].endswith("'s") or term.kind not in ("speaker", "alias"):
        return None
    k = past_name(units, coordinated(units, i)[1], term.actors) + 1
    for v in range(k, min(k + _SUBJECT_WORDS, len(units) - 3)):
        low = units[v][LOW]
        if units[v][TERM] is not None or not low.isalpha() or low in _CLAUSE_ENDS:
            return None
        if low not in _UNDOING and low not in _ANNOUNCING:
            continue
        det = units[v + 1][LOW]
        if det not in OWN_PRONOUNS and (low in _UNDOING or det not in _DECISION_OPENERS):
            return None
        j = v + 2 if units[v + 2][LOW] in DECIDED else v + 3
        links = DECIDED.get(units[j][LOW]) if j + 1 < len(units) else None
        return j if links is not None and units[j + 1][LOW] in links else None
    return None


# What a decision's verb may take after its subject ("Rome has now decided", "has formally").
_DECIDING_AUX = word_set("has have had")
_DECIDING_ADVERBS = word_set("now already also finally formally officially just")
# What makes a decision one the speaker only guesses at or heard of: before its subject ("it
# looks like Oslo has decided to", "whether Vienna decided to"), or as the adverb before the
# verb ("Rome has apparently decided", "Kyiv reportedly decided": wordclasses.HEARSAY too).
_GUESSED = re.compile(
    r"\b(?:like|as\s+if|as\s+though|seems?|seemed|apparently|probably|perhaps|whether|if|unless)\b"
)


def decided_verb(work: BlockWork, i: int) -> int | None:
    """The unit of the verb "decided" whose subject is the side's name at unit `i`, past an
    auxiliary and one adverb, before "to" and a step that is no course; None for anything
    else. A decision another side took, told by its verb with what it decides in a speaker's
    words ("Rome has decided to ship two more batteries", "Kyiv unilaterally decided to close
    the crossing"), is the decision convention's step told as a clause (session 19), as its
    noun is; not a course read into it ("decided to pursue its war"), nor one the speaker only
    guesses at or heard of (`_GUESSED`, wordclasses.HEARSAY), which no side has told."""
    units = work.units
    last = _deciding_subject(units, i)
    if last is None:
        return None
    k = last + 1
    if k < len(units) and units[k][LOW] in _DECIDING_AUX:
        k += 1
    if k < len(units) and (units[k][LOW] in _DECIDING_ADVERBS or units[k][LOW].endswith("ly")):
        if units[k][LOW] in HEARSAY or _GUESSED.fullmatch(units[k][LOW]):
            return None  # "Rome has apparently decided to", "reportedly decided to"
        k += 1
    if k + 2 >= len(units) or units[k][LOW] not in DECIDING:
        return None
    if units[k + 1][LOW] != "to" and not _decided_on(units, k):
        return None
    if units[k + 2][LOW] in _COURSES:
        return None
    start = units[i][START]
    guessed = _GUESSED.search(work.folded, work.sentence_start(start), start)
    return None if guessed is not None else k


def _deciding_subject(units: list[Unit], i: int) -> int | None:
    """The last unit of the subject of "decided" that the side's term at unit `i` opens: its
    name with those joined to it and its holder's name ("Rome", "Oslo and Ottawa"), or its
    adjective before an office ("the German authorities have decided to", an office the
    lexicon lists, as "by the Russian government" is a decider); None for anything else."""
    term = units[i][TERM]
    if term is None or units[i][LOW].endswith("'s"):
        return None
    if term.kind == "adjective":
        office = units[i + 1][TERM] if i + 1 < len(units) else None
        return i + 1 if office is not None and office.kind == "role" else None
    if term.kind not in ("speaker", "alias"):
        return None
    return past_name(units, coordinated(units, i)[1], term.actors)


# What a decision "on" decides opens with one of these and a noun ("have decided on another
# mass expulsion", "decided on a new package"); "decided on Tuesday" is its day.
_DECIDED_ON_OPENERS = word_set("a an another the new further")


def _decided_on(units: list[Unit], k: int) -> bool:
    """The verb "decided" at unit `k` takes "on" and what it decides: an article or "another"
    and a word that is no day's ("decided on another mass expulsion of diplomats")."""
    if k + 3 >= len(units) or units[k + 1][LOW] != "on":
        return False
    nxt = units[k + 3]
    return (
        units[k + 2][LOW] in _DECIDED_ON_OPENERS
        and nxt[LOW].isalpha()
        and nxt[LOW] not in CALENDAR
        and nxt[TERM] is None
    )


def decision_told(work: BlockWork, i: int, j: int) -> bool:
    """The decision at unit `j`, its decider at unit `i`, is one a speaker answers with what
    it decides: not one after a time's or a topic's word ("after Moscow's decision to",
    "Regarding Berlin's decision to"), nor a course read into it ("Russia's decision to choose
    confrontation")."""
    units = work.units
    term = units[i][TERM]
    k = j + 1
    if j < i and term is not None:  # "the decision of NATO to", "by Moscow to": past the decider
        last = past_name(units, coordinated(units, i)[1], term.actors)
        k = owner_tail(units, last, term.kind != "adjective") + 1
    if k < len(units) and units[k][LOW] == "not":
        k += 1
    if k + 1 < len(units) and units[k][LOW] == "to" and units[k + 1][LOW] in _COURSES:
        return False
    if any(units[h][LOW] in _HYPOTHETICAL for h in range(max(0, j - 2), j)):
        return False  # "would respect any decision by Kyiv to": none taken yet
    first = min(i, j)
    if sought(work, units[first][START]):
        return False  # "asked for Washington's permission to", "awaits Berlin's decision on"
    return not framed_before(work, units[first][START], refusal=units[j][LOW] in REFUSALS)


# The words that open what a view or a decision says after its owner named with "of" ("the
# decision of the NATO council to", "the statements of X regarding"): the owner's phrase ends
# before one.
OF_LINKS = frozenset(["that", "to", ":", "about", "regarding", "concerning"])
# A body a side's name may stand before as its owner ("the NATO council", "the US
# authorities": an office the lexicon lists is one too), and the words that open a place, a
# forum or a day told after the owner ("of Ukrainian representatives in the Contact Group to",
# "the council at the level of ministers to", "by the Kyiv authorities on Sunday to").
# Not a summit: "the decisions of the Bucharest summit" name the city it met in.
_BODIES = word_set(
    "council assembly congress senate commission representatives countries states members"
)
_OWNER_PLACES = word_set("in at on during")
_PLACE_WORDS = 6


def owner_tail(units: list[Unit], end: int, named: bool) -> int:
    """The last unit of the owner's phrase ending at unit `end`: past a body after a side's
    name (`named`: "the NATO council") and a place, a forum or a day after it ("in the
    Contact Group", "on Sunday"), when the view's link follows them; `end` otherwise."""
    nxt = end + 1
    if named and nxt < len(units):
        term = units[nxt][TERM]
        if units[nxt][LOW] in _BODIES or (term is not None and term.kind == "role"):
            end = nxt
    if end + 2 >= len(units) or units[end + 1][LOW] not in _OWNER_PLACES:
        return end
    for k in range(end + 2, min(end + 2 + _PLACE_WORDS, len(units) - 1)):
        if not units[k][LOW].replace(" ", "").isalpha() or units[k][LOW] in OF_LINKS:
            return end  # a term may be words ("the foreign ministers")
        if units[k + 1][LOW] in OF_LINKS:
            return k
    return end


def past_name(units: list[Unit], end: int, actors: tuple[str, ...]) -> int:
    """The last unit of an owner's office at unit `end` with the holder's name after it ("the
    statement of Foreign Minister <name> that"): the name is one more speaker's term of the
    owner's side (`actors`), and what the view says comes after it."""
    nxt = units[end + 1][TERM] if end + 1 < len(units) else None
    if nxt is not None and nxt.kind == "speaker" and nxt.actors == actors:
        return end + 1
    return end


# Sides named together as one owner: "thanked Oslo and Ottawa for their readiness".
_COORDINATORS = frozenset(["and", ",", "the"])


def coordinated(units: list[Unit], i: int) -> tuple[int, int]:
    """The first and last units of the names joined with the side's at unit `i` by "and" or
    commas ("Norway and Canada", "the Netherlands and New Zealand": a third country, listed or
    only capitalised, may stand beside it as a co-owner)."""
    first = i
    while first >= 2 and units[first - 1][LOW] in _COORDINATORS:
        k = first - 1
        while k > 0 and units[k][LOW] in _COORDINATORS:
            k -= 1
        if units[k][TERM] is None:
            break
        first = k
    last = i
    while last + 2 < len(units) and units[last + 1][LOW] in _COORDINATORS:
        k = last + 1
        while k + 1 < len(units) and units[k][LOW] in _COORDINATORS:
            k += 1
        if units[k][TERM] is None and not units[k][CAP]:
            break
        while units[k][TERM] is None and k + 1 < len(units) and units[k + 1][CAP]:
            k += 1  # a country the lexicon does not list: "and New Zealand"
        last = k
    return first, last
