"""The actor-subject step: a body block no other step gave a speaker (a headline too, for a
formal step alone) carries the side whose actor is the subject of a main clause with a verb
that is no event.

"Russia is raising the stakes", "Kyiv insists that ...": lists of speech verbs never end, the
class of events (`rules.events`) does. Separate from reader.classify.attribution because it runs
last, only where speech attribution found nothing, and reads a clause's main verb, not a speech
verb; it reuses the speech-verb grammar's subject reading (reader.classify.verbsubject's
`verb_subject`, `settle`) to resolve the subject the same way.
"""

from __future__ import annotations

from bisect import bisect_left

from reader.classify.attribution import inverted_condition, settle
from reader.classify.clauses import (
    ASIDE,
    BRACKETS,
    CONDITION,
    CONDITIONS,
    CONTENT_OPENERS,
    past_opening_clause,
    sentence_past_dateline,
    start_key,
)
from reader.classify.decisions import aside_after, before_date
from reader.classify.evidence import voiced
from reader.classify.passives import plural_noun_use
from reader.classify.personnames import name_run_before
from reader.classify.phrasebounds import np_after
from reader.classify.speakers import known_role, names_text
from reader.classify.types import CAP, END, LOW, START, TERM, BlockWork, State, Unit, Who
from reader.classify.units import in_spans, merged
from reader.classify.verbsubject import told_as_history, verb_subject
from reader.classify.wordclasses import (
    COORD,
    HEARSAY,
    MONTH_ABBREVIATIONS,
    MONTHS,
    NOUN_MARK,
    OBJECT_PREP,
    SKIP,
    adverb,
    word_set,
)
from reader.rules.compile import CompiledRules, VerbForm
from reader.rules.grammar import ATTRIBUTION_ACTOR_SUBJECT

# Between a main clause's subject and its verb, besides `SKIP`: the auxiliaries a verb phrase
# opens with ("did not", "'s imposing", "can"), and "only" ("could only look on"; not in
# `SKIP`, where "not only" would read a speech verb's subject across it).
_VERB_AUX = word_set("do does did can cannot 's ’s 've ’ve 'd ’d only")
# The auxiliaries after which the main verb is a participle ("has imposed", "is raising"): with
# none after them, "have" or "be" is the verb itself ("have not had contact", "is a country").
_PERFECT = word_set("has have had is are was were been being 's ’s 've ’ve")
_BE_FORMS = word_set("is are was were been being")
# What a word after the subject is when it is no verb: an article, a possessive, a preposition,
# a conjunction ("Russia and Ukraine ...", "Putin's order ...", "the ministry of ...").
_NO_VERB = (
    NOUN_MARK
    | OBJECT_PREP
    | COORD
    | word_set("of who which whose that than as whether or nor no not n't yet , ; : - – — ( )")
    | word_set("\" “ ” ' ’")
)
# The main clause's verb at most this many units after its subject.
_SUBJECT_REACH = 12
# Heads of a subject that act and take no stance: fighting forces, police, crowds; and a
# side's press, whose acts ("Russian state TV showed the footage") are its own, not the state's
# (what it reports is read by the speech verbs).
_ACTING_HEADS = word_set(
    "forces force troops army armies soldiers units unit police servicemen fighters jets drones "
    "ships navy residents citizens people delegations delegation"
) | frozenset(
    [
        "state tv",
        "state television",
        "state media",
        "state-run media",
        "state broadcaster",
        "state news agency",
    ]
)
# Pronouns that stand for the last named person: a narrator's "we" or "it" stands for no side.
_THIRD_PERSON = word_set("he she")


def _participle_like(low: str, events: frozenset[str]) -> bool:
    """A word that can follow "has" or "is" as the main verb: a past or present participle
    ("imposed", "taken", "raising"), or an event verb's irregular one ("met", "held")."""
    return low.endswith(("ed", "en", "ing", "wn", "ne")) or low in events


def _main_verb(work: BlockWork, first: int, last: int, events: frozenset[str]) -> int | None:
    """The unit of the sentence's main verb after its opening subject, the verb
    `actor_subject` reads: past an opening adverbial clause ("As talks stalled, ...") or a
    phrase of time or place before a comma ("On Monday, ..."), the phrase that opens the
    clause (with "of": "members of the alliance"), adverbs, dates and auxiliaries; None when
    no lower-case word of no lexicon follows (a copula's complement, a name, a number), or
    the clause is a passive."""
    units = work.units
    start = (
        past_opening_clause(units, first, last)
        or _past_participial_opening(units, first, last)
        or first
    )
    commas = [j for j in range(start + 1, min(start + 8, last)) if units[j][LOW] == ","]
    if commas and (
        not any(units[j][TERM] is not None for j in range(start, commas[0]))
        or _occasion_opening(units, start, commas[0])
    ):
        start = commas[0] + 1  # "On Monday, ...", "At the NATO meeting, ...": no subject there
    elif units[start][LOW] in OBJECT_PREP or _gerund(units, start, last):
        return None
    a, b = np_after(units, start, last)
    if b <= a or a != start:
        return None
    found = _past_auxiliaries(units, b, last)
    if found is None:
        return None
    j, perfect, passive = found
    if j >= last or units[j][CAP] or units[j][TERM] is not None or units[j][LOW] in _NO_VERB:
        return None
    low = units[j][LOW]
    if not low.replace("-", "").isalpha() or (perfect and not _participle_like(low, events)):
        return None
    if passive and not low.endswith("ing"):
        return None  # "was not supposed to": a passive
    if _plural_head(work, j, last, events):
        return None
    return j


def _plural_head(work: BlockWork, j: int, last: int, events: frozenset[str]) -> bool:
    """Whether the word at `j`, in -s, is the subject's plural head noun, not its verb: a
    verb right after it ("Kyiv protests drew crowds"), or a preposition the verb does not
    take ("NATO advocates in the parliament want ...", passives `plural_noun_use`)."""
    units, low = work.units, work.units[j][LOW]
    if not low.endswith("s"):
        return False
    after = units[j + 1][LOW] if j + 1 < last else ""
    return (
        after.endswith("ed") or after in events or plural_noun_use(low, work.folded, units[j][END])
    )


def _occasion_opening(units: list[Unit], first: int, comma: int) -> bool:
    """The clause opens with a phrase of occasion closed by a comma ("At the NATO meeting,",
    "During the allies' talks,"): a preposition, then a phrase whose head, the word before the
    comma, is a common noun; a side's name inside it only qualifies the occasion, no one
    speaks there ("In Moscow," ends in a name: a place of its own)."""
    head = units[comma - 1]
    return units[first][LOW] in OBJECT_PREP and head[TERM] is None and not head[CAP]


_PARTICIPIAL_REACH = 40  # the most units an opening participial phrase holds


def _gerund(units: list[Unit], i: int, last: int) -> bool:
    """The clause opens with a gerund and its object ("Joining NATO places Finland under
    ...", "Arming the Kyiv regime prolongs the war"): the act is the subject, and the side
    named after it its object, no one who takes a stance. An -ing word of no lexicon with a
    side's name, an article or a possessive right after it."""
    unit = units[i]
    if unit[TERM] is not None or not unit[LOW].endswith("ing") or len(unit[LOW]) < 6:
        return False
    if i + 1 >= last:
        return False
    after = units[i + 1]
    return after[TERM] is not None or after[LOW] in NOUN_MARK


def _past_participial_opening(units: list[Unit], first: int, last: int) -> int | None:
    """Where the main clause starts when the sentence opens with a participial phrase
    ("Considering the situation in the east, the president reminded that ...", "Exchanging
    views on the crisis, in part, ..., the Russian leader focused on ..."): the unit after the
    first comma that a lexicon's name or office follows, if the sentence opens with an -ing
    word of no lexicon with a lower-case word after it, its object or preposition (not a place
    such as "Beijing, ..."); else None."""
    opening = units[first]
    if opening[TERM] is not None or not opening[LOW].endswith("ing") or len(opening[LOW]) < 6:
        return None
    after = units[first + 1] if first + 1 < last else None
    if after is None or after[CAP] or not after[LOW].isalpha():
        return None
    for j in range(first + 1, min(first + _PARTICIPIAL_REACH, last - 2)):
        if units[j][LOW] != ",":
            continue
        a, b = np_after(units, j + 1, last)
        if a == j + 1 and b > a and any(units[i][TERM] is not None for i in range(a, b)):
            return j + 1
    return None


def _past_auxiliaries(units: list[Unit], b: int, last: int) -> tuple[int, bool, bool] | None:
    """From the subject's end `b`: past "of" and its phrase, auxiliaries, adverbs and dates,
    the unit where the verb may stand, whether "have"/"be" came before it and whether "be"
    was the last auxiliary (a passive unless an -ing form follows); None after a hearsay
    adverb ("reportedly")."""
    j, perfect, passive = b, False, False
    while j < min(last, b + _SUBJECT_REACH):
        unit = units[j]
        low = unit[LOW]
        if low == "of" and j == b:
            j = b = np_after(units, j + 1, last)[1]  # "members of the Alliance"
        elif j == b and (aside := _aside_end(units, j, last)) is not None:
            j = b = aside  # "the Rada [parliament] has", "The Parliament of X, the Saeima, has"
        elif low in HEARSAY:
            return None  # "X reportedly plans", "allegedly noted": hearsay, no stated stance
        elif unit[TERM] is None and (low in SKIP or low in _VERB_AUX or adverb(unit)):
            perfect = perfect or low in _PERFECT
            passive = low in _BE_FORMS or (passive and low not in _PERFECT)
            j += 1  # "has also", "is", "continually"
        elif (
            low in _CALENDAR_WORDS or low[:1].isdigit() or (unit[CAP] and units[j - 1][LOW] == "on")
        ):
            j += 1  # "on Aug. 25", "on February 20"
        else:
            break
    return j, perfect, passive


def _aside_end(units: list[Unit], j: int, last: int) -> int | None:
    """Past a gloss or an appositive right after the subject that ends before unit `j`: the
    unit after it, or None. A bracketed gloss ("The Verkhovna Rada [Ukrainian Parliament]
    has appealed", "the Seimas (Lithuania's parliament) backed") or a noun phrase between
    commas that renames the subject ("The Parliament of Latvia, the Saeima, has recognised"):
    a body's other name, no verb. A list ("Estonia, Latvia and ...") is neither; an aside
    with a verb ("Moscow, which denies it, ...") is a clause (`_clause_aside_end`)."""
    low = units[j][LOW]
    if low in BRACKETS:
        mark = BRACKETS[low]
        close = next((i for i in range(j + 1, min(j + ASIDE, last)) if units[i][LOW] == mark), None)
        return close + 1 if close is not None and close > j + 1 else None
    if low != ",":
        return None
    a, b = np_after(units, j + 1, min(j + ASIDE, last))
    named = any(units[i][TERM] is not None for i in range(a, b))
    if named and b + 1 < last and units[b][LOW] == "," and _verb_group(units[b + 1]):
        return b + 1
    return _clause_aside_end(units, j, last)


_CLAUSE_ASIDE = 14  # how far after the opening comma the aside's closing comma may stand
_RELATIVES = word_set("which who")


def _clause_aside_end(units: list[Unit], j: int, last: int) -> int | None:
    """Past an aside between commas that tells of the subject ("Russia's new strategy, signed
    this week by the president, lists ...", "The doctrine, which is revised every six years,
    names ..."): a past participle or "which"/"who" opens it, and after its closing comma
    comes a lower-case word that no term or function word is (`_NO_VERB`), where the verb
    can start; the unit after that comma, or None. A list goes on with a name or "and" after
    the comma ("Estonia, which borders Russia, and Latvia ..."): no verb there."""
    opener = units[j + 1] if j + 1 < last else None
    if opener is None or opener[TERM] is not None or opener[CAP]:
        return None
    if opener[LOW] not in _RELATIVES and not opener[LOW].endswith(("ed", "en")):
        return None
    close = next(
        (i for i in range(j + 2, min(j + _CLAUSE_ASIDE, last)) if units[i][LOW] in (",", ";")), None
    )
    if close is None or units[close][LOW] != "," or close + 1 >= last:
        return None
    after = units[close + 1]
    if after[CAP] or after[TERM] is not None or after[LOW] in _NO_VERB:
        return None
    return close + 1


_MODALS = word_set("will would shall should must may might could")


def _verb_group(unit: Unit) -> bool:
    """A word that opens a verb phrase, plainly: an auxiliary, a modal, an adverb or a past
    form ("has", "will", "officially", "recognised"); after a list of names the next item
    ("..., speakers of both houses ...") is none."""
    low = unit[LOW]
    if unit[CAP] or unit[TERM] is not None:
        return False
    auxiliary = low in _PERFECT or low in _VERB_AUX or low in _MODALS
    return auxiliary or adverb(unit) or low.endswith("ed")


_SUFFIXES = (("ied", "y"), ("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", ""))


def _lemma(surface: str) -> str:
    """A rough base form of a verb no list has, for the grammar's form checks (a bare form
    after one name is a noun, "NATO support"; "portrayed" and "urges" are verbs)."""
    for suffix, base in _SUFFIXES:
        if surface.endswith(suffix) and len(surface) > len(suffix) + 2:
            return surface[: -len(suffix)] + base
    return surface


# A date's words between a subject and its verb: every month ("may" too: after the subject it is
# the date's, "on May 9"), a short form and its full stop ("on Aug. 25"); the days are SKIP's.
_CALENDAR_WORDS = MONTHS | MONTH_ABBREVIATIONS | {"."}


# Contacts whose account is an act (GUIDE.md: a call or a meeting is no position).
_CONTACTS = word_set("call calls conversation conversations talks meeting meetings visit")


_TRAILING_SPEAKER = 8  # the most units a speaker closing a sentence after a quote holds


def _contact_told(units: list[Unit], k: int, last: int) -> bool:
    """The verb's object is a contact already told ("characterised the phone call as",
    "described their talks as"): a readout, an act; "cancelled a meeting" is a step."""
    for i in range(k + 1, min(k + 5, last)):
        if units[i][LOW] in _CONTACTS:
            return any(
                units[h][LOW] in NOUN_MARK and units[h][LOW] not in ("a", "an")
                for h in range(k + 1, i)
            )
    return False


def _speaker_after_quote(work: BlockWork, first: int, last: int) -> bool:
    """A quote closes inside the sentence and a lexicon name or office follows it: the words
    are that speaker's, told with a verb no list has ('..., Putin's spokesman quips')."""
    units = work.units
    for _, q_end in work.quotes:
        if units[first][START] <= q_end < units[last - 1][END]:
            j = bisect_left(work.starts, q_end)
            if last - j <= _TRAILING_SPEAKER:
                return any(units[i][TERM] is not None for i in range(j, last))
    return False


def _one_side(work: BlockWork, who: Who) -> bool:
    """The subject is one actor of one side that can take a stance: not a list or a pair
    ("Russian and Ukrainian delegations", "Hungary, Slovakia and ..."), not forces or police
    ("Russian forces have been trying"), not a narrator's "we" or "it"."""
    if who.kind == "pronoun":
        return who.word in _THIRD_PERSON
    if who.kind != "actor" or len(who.actors) != 1:
        return False
    units = work.units
    a = bisect_left(work.starts, who.start)
    b = bisect_left(work.starts, who.end)
    if b <= a or any(units[i][LOW] in ("and", "&", ",") for i in range(a, b)):
        return False
    # the phrase ends in a name or an office, not a thing of the side's ("Kyiv protests"), or
    # in the name of the person an office before it gives the side ("Ukraine's defence
    # minister Oleh Marchuk"): a holder the lexicon need not know
    head = units[b - 1]
    if head[TERM] is None:
        run = name_run_before(units, b, a)
        office = units[b - 1 - len(run)][TERM] if run and b - 1 - len(run) >= a else None
        return office is not None and office.kind in ("role", "speaker")
    return head[LOW] not in _ACTING_HEADS


def _side_subject(work: BlockWork, who: Who, state: State, after_dateline: bool) -> bool:
    """The subject is one side's actor or text (`_one_side`, `_sided_text`); after a wire
    dateline only a text: a wire lead tells the story's act ("KYIV (<agency>) - X swapped
    ..."), but a text it names speaks ("MOSCOW (<agency>) -- Russia's new strategy lists
    ..."). The caller passes no dateline for a formal step, a stance in a wire lead too
    ("KYIV (<agency>) -- X ordered all units on the highest alert")."""
    if after_dateline and not names_text(who):
        return False
    return _one_side(work, who) or _sided_text(who, state)


def _sided_text(who: Who, state: State) -> bool:
    """The subject is a text named again ("The strategy lists NATO as a threat", "The
    document points to ..."), one side's text by the last the story named: its holder's
    stance (carried as a role is, `settle`). A text of no side's or none named stays no
    one's."""
    if who.kind != "role" or not names_text(who):
        return False
    held = known_role(who, state)
    return held.kind == "actor" and len(held.actors) == 1


def _place_name(work: BlockWork, who: Who) -> bool:
    """The subject is a side's name alone, no office and no person: a country or a capital
    ("Moscow", "Russia"), a seat or a body ("the Kremlin", "NATO", "the alliance"), a group
    ("European leaders"). In narration such a name mostly tells its state's or body's acts
    ("Kyiv opened a corridor", "the alliance halted cooperation"), GUIDE.md's []."""
    if who.kind != "actor" or who.roles:
        return False
    a, b = bisect_left(work.starts, who.start), bisect_left(work.starts, who.end)
    term = work.units[a][TERM] if b - a == 1 else None
    return term is not None and term.kind == "alias"


_CONTENT_REACH = 7  # the most units between the verb and its content clause's opener


def _stance_shape(work: BlockWork, k: int, last: int) -> bool:
    """The verb at unit `k` takes a stance by its shape, whatever the verb: it is a speech or
    stance verb of the lists ("has continually denied"), or a clause follows it before any
    comma, a that-clause, a question word or an infinitive of intent ("is coordinating with
    the allies to do more"), not a thing as its bare object ("levied the warning after ...",
    "opened a corridor"). "to" before a name or an article is a preposition ("provided aid
    to Ukraine"); "that" after an article's noun opens a relative clause ("built a corridor
    that ships use")."""
    units = work.units
    v = bisect_left(work.verbs, units[k][START], key=start_key)
    if v < len(work.verbs) and work.verbs[v][0] == units[k][START]:
        return work.verbs[v][2].cls in ("speech", "stance")
    for j in range(k + 1, min(k + 1 + _CONTENT_REACH, last)):
        low = units[j][LOW]
        if low in (",", ";", ":", "—", "–") or (low == "." and j + 1 < last):
            return False
        if low in CONTENT_OPENERS:  # "a corridor that ships use": a relative clause
            return not any(units[i][LOW] in NOUN_MARK for i in range(k + 1, j))
        if low == "to" and j + 1 < last:
            after = units[j + 1]
            if not after[CAP] and after[TERM] is None and after[LOW] not in NOUN_MARK:
                return True
    return False


def _event_told(work: BlockWork, rules: CompiledRules, k: int, first: int, last: int) -> bool:
    """The main verb at unit `k` tells an act, not a stance (`actor_subject`'s vetoes): an
    event verb (`rules.events`) or one inside an `actions:`/`exclusions:` span or a quote, an
    infinitive's event ("managed to visit"), a contact already told ("characterised the call
    as"), a condition ("if Moscow ..."). A formal step (`steps:`: "imposed sanctions", "signed
    a security accord") is a stance whatever its verb, unless told as background."""
    units = work.units
    low, at = units[k][LOW], units[k][START]
    if in_spans(at, merged(work.excluded)) or in_spans(at, work.quotes):
        return True
    if any(units[i][LOW] in CONDITION or units[i][LOW] in CONDITIONS for i in range(first, last)):
        return True  # "X will tighten sanctions if Moscow ...": a condition, no stance
    if any(inverted_condition(units, i) for i in range(first, k)):
        return True  # "Had Kyiv accepted the offer, ...", "..., should Moscow agree ..."
    if _step_at(work, k) is not None:
        return _step_as_background(units, k, first, last)
    if low in _PLAN_FORMS and k + 1 < last and units[k + 1][LOW] == "to":
        # "The Defence Ministry plans to hold drills": an intention an institution announces,
        # whatever it intends (`actor_subject` keeps it for institutions alone)
        return _dated_past(units, first, last) or told_as_history(units, first, last)
    if low in rules.events:
        return True
    if _dated_past(units, first, last) or told_as_history(units, first, last):
        return True  # "X appointed Y as envoy on July 7, 2017": an act of the story's past
    if k + 2 < last and units[k + 1][LOW] == "to" and units[k + 2][LOW] in rules.events:
        # "managed to visit", "sought to annex": the infinitive's event; not a decision's
        # content ("the parliament voted to end ...", "the cabinet decided to close ..."), unless
        # what was decided is a trip, a contact or force ("decided to fly to Minsk"): an act
        return low not in _DECISION_VERBS or units[k + 2][LOW] in _ACTS_DECIDED
    return _contact_told(units, k, last)  # "characterised the phone call as ...": an act


def _step_at(work: BlockWork, k: int) -> VerbForm | None:
    """The `steps:` rule's verb form that starts at unit `k` ("sent a note of protest",
    "imposed new sanctions"), if one does."""
    at = work.units[k][START]
    v = bisect_left(work.verbs, at, key=start_key)
    if v < len(work.verbs) and work.verbs[v][0] == at and work.verbs[v][2].cls == "step":
        return work.verbs[v][2]
    return None


# The forms of "plan" before an infinitive: an intention, a stance when an institution (a
# ministry, a government, a general staff) announces it; a country's or a person's plans told
# by the narrator are the story's facts ("Kyiv plans to hold elections in October", "X plans
# to meet Y": GUIDE.md's []), and a plan with a noun ("plans a call") is an act.
_PLAN_FORMS = word_set("plan plans planned planning")
# The head nouns of an institution's name: a body of a state that announces its intentions.
_INSTITUTIONS = word_set(
    "ministry government cabinet staff command parliament legislature administration department"
    " agency service office presidency committee directorate"
)


def _institution(who: Who) -> bool:
    """The subject is an institution of its side, named by its office ("the Russian Defence
    Ministry", "Ukraine's General Staff", "the Polish government"), not a country, a capital
    or a person."""
    return any(role.split()[-1] in _INSTITUTIONS for role in who.roles)


# Verbs of a decision taken: the infinitive after them is what was decided, a stance (GUIDE.md: a
# formal step of a side), not an act done ("The Dutch government decided to bring Moscow
# before the court").
_DECISION_VERBS = word_set("vote votes voted resolve resolves resolved decide decides decided")
# Events a decision may name that stay acts: a trip or a contact ("decided to visit Kyiv"), or
# force used ("the army decided to strike the bridge at night": the operation told, no step).
_ACTS_DECIDED = word_set(
    "travel fly go come visit tour head return leave meet call phone speak talk attend skip host"
    " launch shell strike attack fire shoot bomb hit kill destroy down invade storm advance"
)


# What tells a formal step as the story's background, not news of it: "As reported, ...", "As a
# reminder, ...", "Earlier, ...", "Recall that ...", a step of years ago ("in 2019", "last year").
_BACKGROUND_OPENERS = word_set("as earlier previously recall recalling back already")
_BACKGROUND_AS = word_set("reported reminder noted known mentioned recalled")
_PAST_PERIODS = word_set("year decade")


def _step_as_background(units: list[Unit], k: int, first: int, last: int) -> bool:
    """A formal step (`steps:`: "imposed new sanctions", "expelled two diplomats") in a block no
    speaker owns is its side's decision taken as a stance (GUIDE.md), unless the sentence tells
    it as background: an opening "As reported," / "As a reminder," / "Earlier," (real17's
    "As reported, on <date> X signed a decree"), a pluperfect ("had imposed"), a year named or
    a period past ("in 2014", "last year", "two years ago"); not the day it takes effect
    ("from January 1, 2016") nor a year in a relative clause of its object."""
    opener = units[first][LOW]
    if opener in _BACKGROUND_OPENERS and (
        opener != "as" or any(units[i][LOW] in _BACKGROUND_AS for i in range(first + 1, first + 3))
    ):
        return True
    if any(units[i][LOW] == "had" for i in range(max(first, k - 3), k)):
        return True  # "Washington had imposed ...": a step before the story's time
    # a year in a relative clause after the step dates what its object tells, not the step
    # ("vetoed a resolution that would have tried those who downed the jet in July 2014")
    end = next((i for i in range(k + 1, last) if units[i][LOW] in _OBJECT_CLAUSES), last)
    if _dated_past(units, first, end, effect=True):
        return True
    # ... but one set off by commas closes, and a year after it dates the step ("expelled
    # three envoys, who had run the consular section, in April 2018")
    shut = aside_after(units, end - 2) if first + 2 <= end < last else end - 2
    return shut != end - 2 and _dated_past(units, shut, last, effect=True)


# The words that open a relative clause after a step's object.
_OBJECT_CLAUSES = word_set("that which who whom whose")
# The words before a date on which a step takes hold or ends, not the day it was taken
# ("suspends the deal from January 1, 2016", "extends the status until December 2019").
_EFFECT_DATES = word_set("from until till through effective by")


def _dated_past(units: list[Unit], first: int, last: int, effect: bool = False) -> bool:
    """The sentence names a year ("in 2019") or a period past ("last year", "two years ago"):
    a side's act (no speech or stance verb) told with it is the story's background. With
    `effect`, a step's date of effect is none ("suspended the accord from 1 January 2016")."""
    for i in range(first + 1, last):
        low = units[i][LOW]
        if len(low) == 4 and low.isdigit() and low[:2] in ("19", "20"):
            if effect and _date_of_effect(units, first, i):
                continue
            return True  # "in 2019": a year named
        if low == "ago" or (low in _PAST_PERIODS and units[i - 1][LOW] == "last"):
            return True
    return False


def _date_of_effect(units: list[Unit], first: int, i: int) -> bool:
    """The year at unit `i` closes a date after one of `_EFFECT_DATES` ("from January 1,
    2016", "until March 31, 2017", "by 2030"): only a date's words stand between them."""
    return units[before_date(units, i, first)][LOW] in _EFFECT_DATES


# An outlet's formula that opens a sentence recalling an earlier report as context ("As
# reported, ...", "As was previously reported, ...", "As a reminder, ..."): what follows is
# background the narrator tells, no stance the report carries. ("Earlier, X warned ..." recalls
# a stance, and "As Reuters reported, ..." names a source: neither is the formula.)
_RECALL_FORMULA = word_set("as a reminder was we have previously earlier already reported")
_RECALL_HEADS = word_set("reported reminder")


def _recall_opening(units: list[Unit], first: int, last: int) -> bool:
    """The sentence opens with the recall formula ("As reported,", "As a reminder,"): "as",
    then only the formula's words up to a comma, one of them "reported" or "reminder"."""
    if units[first][LOW] != "as":
        return False
    for j in range(first + 1, min(first + 6, last)):
        low = units[j][LOW]
        if low == ",":
            return any(units[i][LOW] in _RECALL_HEADS for i in range(first + 1, j))
        if low not in _RECALL_FORMULA or units[j][TERM] is not None:
            return False
    return False


def _own_news(state: State, who: Who) -> bool:
    """A formal step told with its state's bare name ("Vilnius expelled the envoy", GUIDE.md's
    "Moscow recalls its envoy") is that state's decision, unless the headline gave the floor
    to another side: then the step is the topic that side answers ("US exit from the treaty a
    mistake – Russian MFA" over "The US withdrew from the treaty on 2 August"), the story's
    context."""
    return state.headline is None or state.headline.actors == who.actors


# "in response", "in retaliation", "in reply": a step told as the side's answer to another's.
_ANSWERS = word_set("response retaliation reply")


def _answer(units: list[Unit], first: int, last: int) -> bool:
    """The sentence tells its step as an answer ("In response, Moscow expelled ...", "Minsk
    closed the consulate in retaliation for ..."): the step is its side's stance whoever the
    headline gave the floor to, not a topic another side answers."""
    return any(
        units[i][LOW] == "in" and units[i + 1][LOW] in _ANSWERS for i in range(first, last - 1)
    )


def actor_subject(
    work: BlockWork, rules: CompiledRules, state: State, distance: int, body_from: int
) -> None:
    """A block no other step gave a speaker (a headline only for a formal step, "Moscow
    banned grain imports"): the first sentence whose main clause has
    one side's actor as subject (resolved as a speech verb's is: an office, a government, a
    ministry, a country, "he" for the last named person) and a verb that is no event
    (`rules.events`: a physical or military act, movement, a meeting, a call; nor inside an
    `actions:` or `exclusions:` span) carries that side. Lists of speech verbs never end ("is
    raising the stakes", "slapped new restrictions", "insist that"); the class of events does."""
    if work.main:
        return
    headline = work.index == 0  # (a headline's own grammar `_title_source` reads, but for
    # a formal step told with its side: "Russia banned oil exports to Ukraine")
    if any(voiced(ev) for ev in work.evidence):
        return  # (another side's position reported makes no speaker: "..., a move branded
        # 'reckless' by X", "amid criticism from X that ...": the main clause's subject speaks)
    units, starts = work.units, work.starts
    for s_start, s_end in work.sentences[:1] if headline else work.sentences:
        first, last = bisect_left(starts, s_start), bisect_left(starts, s_end)
        opening = first
        first = sentence_past_dateline(work, first, last)  # "MOSCOW (<agency>) -- Russia's ..."
        if last - first < 3 or s_start < body_from or in_spans(s_start, work.quotes):
            continue  # (a label's words: "Note: This transcript presents ...")
        if _speaker_after_quote(work, first, last):
            continue  # '... a situation Russia "couldn't tolerate," <office> <verb>': theirs
        k = _main_verb(work, first, last, rules.events)
        if k is None or _recall_opening(units, first, last):
            continue
        if _event_told(work, rules, k, first, last):
            continue
        low = units[k][LOW]
        # a step is read by its rule, not its surface: "sent" in "the ministry sent a note of
        # protest" is no bare form, so no noun after its office ("NATO support")
        step = _step_at(work, k)
        if headline and step is None:
            continue
        form = VerbForm(step.lemma if step else _lemma(low), "stance", low.endswith("ing"))
        attr = verb_subject(work, units, k, units[k][END], first, last, form, [], state, True)
        if attr is None or not _side_subject(work, attr.who, state, first > opening and not step):
            continue
        if (
            _place_name(work, attr.who)
            and not _stance_shape(work, k, last)
            and not (step and (_own_news(state, attr.who) or _answer(units, first, last)))
        ):
            continue  # "Moscow levied the warning after ...": the state's act, told by the narrator
        if low in _PLAN_FORMS and not _institution(attr.who):
            continue  # "Kyiv plans to hold elections", "X plans to meet Y": a fact of the story
        attr.rule = ATTRIBUTION_ACTOR_SUBJECT
        settle(work, [attr], rules, state, distance, None)
        return
