"""A speech verb whose subject is not the phrase right before it: a noun, a passive, a
participle, a verb coordinated with another.

"his appeal", "Kyiv's request" (`not_a_statement`: no speech, or a passive's agent after "by",
`passive_agent`: "a move which was condemned by Finnish leaders"); "X phoned Y" (`phoned`: a
call, no statement); ", saying ..." (`as_participle`: the participle takes the clause's
subject); "... and said" (`coordinated_attr`: the verb shares the subject of the verb it is
coordinated with). Separate from reader.classify.verbsubject because each of these readings
decides the verb's subject before any phrase before it is read, and each needs only the
shared clause helpers (reader.classify.clauses).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from typing import Literal

from reader.classify.clauses import (
    BE,
    FIRST_PERSON,
    IMPERSONAL_PASSIVE,
    OWNERS,
    PERSONAL,
    QUOTE_MARKS,
    SUBORDINATORS,
    Attr,
    Verb,
    be_before_adverbs,
    clause_subject,
    opening_subject,
    participle_subject,
    past_opening_clause,
    sentence_past_dateline,
)
from reader.classify.phrasebounds import np_after
from reader.classify.phrases import learn, resolve
from reader.classify.types import CAP, END, LOW, NONE, START, TERM, Unit, Who
from reader.classify.units import in_spans
from reader.classify.wordclasses import (
    COORD,
    NOUN_MARK,
    OBJECT_PREP,
    SKIP,
    TIME_PHRASE,
    WEEKDAYS,
    ing_form,
    namelike,
    present_form,
    word_set,
)
from reader.rules.grammar import (
    ATTRIBUTION_COORDINATED,
    ATTRIBUTION_PARTICIPLE,
    ATTRIBUTION_SUBJECT,
)


def _progressive(verb: Verb, i: int) -> bool:
    """ "is urging", "has been warning": a form of "be" between the subject's end at `i` and
    the -ing form makes it a finite verb, whose subject is the phrase before. A headline drops
    its "is" ("US State Department welcoming the truce", "Kremlin considering a reply"): there
    the -ing form right after the sentence's opening phrase is the finite verb too."""
    if any(verb.low(j) in BE for j in range(i, verb.k)):
        return True
    work = verb.work
    return (
        work.index == verb.state.titled
        and not any(_verb_at(verb, at) for at, _, _ in work.verbs if at < verb.start)
        and ":" not in work.folded[: verb.start]  # ("X on drones: blaming Y means echoing Z")
        # the phrase before it opens the headline: no object of a preposition ("Finland's
        # MFA On Drone Strike On Lviv Russia Seeking ...": a slug's topic, then a claim)
        and not any(unit[LOW] in OBJECT_PREP for unit in verb.units[verb.first : i + 1])
        and i == verb.k - 1
        and i >= verb.floor
        and verb.units[i][LOW][-1:].isalnum()  # a phrase's word, no comma or quote mark
        and verb.units[i][LOW] not in SKIP
        and verb.units[i][LOW] not in NOUN_MARK
    )


def _verb_at(verb: Verb, at: int) -> bool:
    """Whether a verb form at offset `at` is a word of its own, no part of a term's phrase
    ("state" in "US state department"): an earlier verb of the headline."""
    k = bisect_left(verb.work.starts, at)
    return k < len(verb.units) and verb.units[k][START] == at and verb.units[k][TERM] is None


def not_a_statement(verb: Verb) -> bool:
    """The verb form is a noun ("the call", "his appeal", "Kyiv's request") or a passive
    ("backed by")."""
    if _noun_by_the_word_before(verb):
        return True
    if _noun_after_name(verb):
        return True  # "NATO support for Ukraine", "our economic and military support"
    if _plural_noun(verb):
        return True  # "urges NATO states to back ...", "the alliance states' jets"
    if _put_out_participle(verb):
        return True  # "Videos posted on social networks showed ...": the videos are posted
    units, k = verb.units, verb.k
    after = units[k + 1][LOW] if k + 1 < len(units) else ""
    if after == "with" and verb.form.lemma == "call":
        return True  # "PM call with President Zelenskyy": the call is a noun
    if units[k][END] > verb.end:
        return True  # the first word of a longer name: "the US State Department"
    if after == "to" and verb.form.lemma == "welcome" and units[verb.k][LOW] == "welcome":
        return True  # "Minister Kuleba, dear Dmytro, welcome to NATO": a greeting to him
    if _headline_passive(verb, after):
        return True  # "NATO, Russia expected to behave", "Russian envoy summoned over ..."
    # passive: "backed by", "was condemned on Monday by"
    return after == "by" or _agent_by(verb) is not None or _by_past_time(verb) is not None


def _noun_by_the_word_before(verb: Verb) -> bool:
    """The word before the verb form makes it a noun: an article or a possessive ("the call",
    "Kyiv's request"), "of", a preposition before a gerund, a kind of call, a weekday after a
    possessive ("Trump's Friday call")."""
    units, i = verb.units, verb.k - 1
    prev = verb.low(i)
    if prev in NOUN_MARK or (prev.endswith(("'s", "’s")) and units[i][TERM] is None):
        return True
    if prev == "of":
        return True  # "Heads of State and Government", "a show of support": a noun after "of"
    if prev == "in" and verb.form.participle:
        return True  # "agreed to share, in writing, the terms": a gerund after a preposition
    if prev in _NOUN_PREPS and not verb.form.participle:
        return True  # "..., in comments intended to reassure", "after talks", "amid calls"
    if prev in _CALL_KINDS and verb.form.lemma == "call":
        return True  # "in Lengthy Phone Call", "a video call": the call is a noun
    if prev in WEEKDAYS and i - 1 >= verb.floor:
        before = units[i - 1][LOW]
        if before in NOUN_MARK or before.endswith(("'s", "’s")):
            return True  # "Trump's Friday call", "the Monday statement": a noun
    term = units[i][TERM] if i >= verb.floor else None  # "Kyiv's request", "putins comments"
    return term is not None and (term.possessive or units[i][LOW].endswith("'s"))


def _headline_passive(verb: Verb, after: str) -> bool:
    """A headline's passive with its "is" and its agent dropped: the participle of a verb
    that takes an object when active, with none after it, only "to" or a preposition ("NATO,
    Russia expected to behave", "Kyiv urged to ...", "Russian envoy summoned over ..."), or a
    verb of calling before "as" ("Swap hailed as 'a first step'"), or
    at the headline's end ("<claim>, G7 ministers told": the claim was put to them): the one
    expected, urged, summoned or told says nothing; its agent is left out."""
    if verb.work.index != 0:
        return False
    word = verb.units[verb.k][LOW]
    if after == "as" and verb.form.lemma in _CALLING_VERBS and word.endswith("ed"):
        return True  # "Swap hailed as 'first step'": the thing called so, its caller left out
    if verb.form.lemma not in OBJECT_VERBS:
        return False
    return (word.endswith("ed") or word == "told") and (
        after in _NO_OBJECT or (after in ("", ".") and verb.k + 2 >= len(verb.units))
    )


# Verbs whose active voice has an object ("Vilnius summoned the envoy"), and the words after a
# participle of theirs that show its object is missing.
OBJECT_VERBS = frozenset(["expect", "summon", "ask", "urge", "tell", "invite", "press", "advise"])
_NO_OBJECT = frozenset(["to", "over", "after", "for", "about", "amid", "following", "ahead"])
# Verbs that call a thing something ("hails the deal as a first step"): their participle right
# before "as" in a headline is a passive ("Deal hailed as ..."), the thing named its subject.
_CALLING_VERBS = word_set(
    "hail praise welcome describe brand label dub condemn denounce decry slam criticise"
    " criticize dismiss reject"
)


def passive_agent(verb: Verb) -> Attr | None:
    """ "a move which was condemned by Finnish leaders", "a similar view was voiced by X": a
    speech verb's past participle after a form of "be" (past adverbs) names its speaker after
    "by", past what it called the thing too ("was described as 'historic' by X"). With "which
    was" left out, an aside on a thing the sentence names ("a move branded 'reckless' by X")
    names it only past what it called the thing, and as a verdict reported (`aside`), never
    the sentence's speaker. Acts and courtesies ("was welcomed by", "was informed by") name no
    position."""
    units, k, form = verb.units, verb.k, verb.form
    if form.cls != "speech" or form.participle or form.lemma in _PASSIVE_ACTS:
        return None
    agent = _agent_by(verb)
    by = k + 1 if agent is None and k + 1 < verb.last and units[k + 1][LOW] == "by" else agent
    if by is None and agent is None:
        by = _by_past_time(verb)  # "was condemned on Monday, May 8, by X"
    if by is None or by + 1 >= verb.last:
        return None
    if present_form(verb.work.folded[verb.start : verb.end], form.lemma):
        return None  # "his calls by phone": no participle
    kind = _passive_kind(verb, agent)
    if kind is None:
        return None
    reduced, headline = kind
    a, b = np_after(units, by + 1, verb.last)
    if _possessor_only(units, a, b, verb.last):
        return None  # "were not reassured by X's debate performance": a thing of X's
    who = resolve(units[a:b], verb.state.names)
    learn(who, verb.state.names)
    if who.kind != "actor" and not (headline and who.kind == "role"):
        return None  # (a headline's office: the first paragraphs are to name its side)
    return verb.attr(who, ATTRIBUTION_SUBJECT, aside=reduced and not headline)


def impersonal_passive(verb: Verb) -> Attr | None:
    """ "It is noted that ...", "It was also stressed that ...": a speech verb's passive with no
    agent after an "it" that stands for nothing and before the clause it reports. The "it"
    is kept as a pronoun so that the antecedent step can give the words to the statement a
    repost retells (reader.classify.antecedents `pronoun_subject`), or to no one."""
    units, k = verb.units, verb.k
    if verb.form.lemma not in _STATING or k + 1 >= verb.last or units[k + 1][LOW] != "that":
        return None
    j = next((h for h in range(k - 1, max(verb.floor, k - 5) - 1, -1) if units[h][LOW] in _IT), -1)
    m = IMPERSONAL_PASSIVE.match(verb.work.folded, units[j][START]) if j >= 0 else None
    if m is None or m.end() != units[k + 1][END]:
        return None
    who = Who("pronoun", (), units[j][START], units[j][END], word="it")
    return verb.attr(who, ATTRIBUTION_SUBJECT)


# The verbs of "It is noted that ..." that restate what a speaker said, never what others
# report or expect ("it is reported", "it is expected", "it is believed": no one's statement).
_STATING = word_set("note stress emphasise emphasize underline underscore state add indicate")
_IT = frozenset(["it", "it's", "it’s"])


def _possessor_only(units: Sequence[Unit], a: int, b: int, last: int) -> bool:
    """The phrase after a passive's "by" (units a..b) ends in a possessive that owns a plain
    noun after it ("reassured by X's weak showing", "alarmed by Moscow's moves"): the agent is
    the thing owned, no speaker; an office after the possessive ("by Kyiv's foreign
    ministry") is in the phrase itself."""
    if b <= a or b >= last:
        return False
    end = units[b - 1]
    owner = end[LOW] in ("'s", "’s") or (end[LOW].endswith(("'s", "’s")) and end[TERM] is not None)
    return owner and units[b][LOW][:1].isalpha()


def _passive_kind(verb: Verb, agent: int | None) -> tuple[bool, bool] | None:
    """Whether a speech verb's participle before its "by" is a passive with its "which was"
    left out (`reduced`), and whether that is a headline's own verb; None when it is no
    passive whose agent speaks (a reduced one not called or rejected, "This was stated by X")."""
    units, j = verb.units, verb.k - 1
    while j >= verb.floor and (units[j][LOW] in SKIP or units[j][LOW].endswith("ly")):
        if units[j][LOW] in BE:
            break
        j -= 1
    reduced = j < verb.floor or units[j][LOW] not in BE
    headline = reduced and _headline_reduced(verb, j)
    if reduced and not headline:
        if not _reduced_passive(verb, j) or (agent is None and not _claim_rejected(verb, j)):
            return None
    elif not headline:
        h = j - 1
        while h >= verb.floor and units[h][LOW] in _AUXILIARIES:
            h -= 1
        if h == verb.first and units[h][LOW] in _POINTING_BACK:
            return None  # "This was stated by X": X speaks for the paragraph before (stated_by)
    return reduced, headline


def _headline_reduced(verb: Verb, j: int) -> bool:
    """A headline's passive with its "is" dropped, its agent kept ("Aid plan hailed by
    Warsaw", "Kyiv's reforms praised by Berlin and Paris"): the participle is the title's own
    verb, after the thing it tells of (unit `j`, no auxiliary, relative word or "as"), so its
    agent is the title's speaker, not an aside's."""
    if verb.work.index != 0 or j < verb.floor:
        return False
    low = verb.units[j][LOW]
    return low not in _AUXILIARIES and low not in SKIP and low not in ("as", "who", "which", "that")


# The day a passive statement was made, between its participle and "by": "was condemned on
# Monday by X", "was announced on Thursday, July 27, by X".
_TIME_BEFORE_BY = re.compile(rf",?\s+{TIME_PHRASE},?\s+(?=by\b)")


def _by_past_time(verb: Verb) -> int | None:
    """The "by" after a time phrase that follows a passive participle right away (after "be",
    past adverbs; "X said on Monday by video link" is no passive), or None."""
    units, k = verb.units, verb.k
    if k - 1 < verb.floor or not (verb.low(k - 1) in BE or be_before_adverbs(verb, k - 1)):
        return None
    m = _TIME_BEFORE_BY.match(verb.work.folded, units[k][END])
    if m is None:
        return None
    by = bisect_left(verb.work.starts, m.end())
    return by if by < verb.last and units[by][LOW] == "by" else None


def _agent_by(verb: Verb) -> int | None:
    """The "by" that names a passive speech verb's agent past what the verb called the thing:
    "described as 'historic' by X", "branded 'sabre-rattling' by X", "labelled a 'warmonger'
    by X" (a quoted word or "as" and a few words, no comma or clause between); None when no
    such "by" follows, or when a claim's noun stands right before it: an active verb's object
    moved past what it called it ("X dismissed as 'nonsense' allegations by Y that ..."),
    the "by" naming the claim's owner."""
    units, k = verb.units, verb.k
    if k + 2 >= verb.last or units[k][END] != verb.end:
        return None  # (a verb of more words: "quoted as saying by")
    opener = units[k + 1][LOW]
    if opener == "as":
        for j in range(k + 2, min(k + 2 + _COMPLEMENT_REACH, verb.last)):
            if units[j][LOW] == "by":
                return j if j > k + 2 and units[j - 1][LOW] not in _CLAIM_NOUNS else None
            if units[j][LOW] in _COMPLEMENT_STOPS:
                return None
        return None
    q = k + 1  # the quote's opening mark, past an article: "labelled a “warmonger” by X"
    if opener in ("a", "an") and units[k + 2][LOW] in QUOTE_MARKS:
        q = k + 2
    if units[q][LOW] in QUOTE_MARKS:
        for j in range(q + 1, min(q + 2 + _COMPLEMENT_REACH, verb.last - 1)):
            if units[j][LOW] in QUOTE_MARKS:
                return j + 1 if units[j + 1][LOW] == "by" and j > q + 1 else None
            if units[j][LOW] in _COMPLEMENT_STOPS:
                return None
    return None


_COMPLEMENT_REACH = 6  # words, quote marks included: as “the toughest yet” by
_COMPLEMENT_STOPS = frozenset([",", ";", ":", ".", "that", "and", "but"])


# A claim answered by a rejecting verb's participle, its "which was" left out ("new columns
# have rolled in, the claim promptly denied by Moscow", "accusations rejected by Kyiv"): the
# agent after "by" is the one who rejects, with nothing between the participle and "by" but
# adverbs ("an account partly disputed by X": a side's telling of events is its claim).
_REJECTING = word_set("deny reject dismiss refute dispute rebut contest")
_CLAIM_NOUNS = word_set(
    "claim claims accusation accusations allegation allegations assertion assertions charge "
    "charges statement statements report reports account accounts version versions"
)


def _claim_rejected(verb: Verb, j: int) -> bool:
    """The participle of a rejecting verb right after a claim's noun at unit `j` (past
    adverbs), its agent right after it: "the claim promptly denied by Moscow"."""
    return verb.form.lemma in _REJECTING and verb.units[j][LOW] in _CLAIM_NOUNS


def _reduced_passive(verb: Verb, j: int) -> bool:
    """A passive participle with its "which was" left out, after the thing it tells of ("a
    move branded 'reckless' by NATO", "a decision described as 'historic' by X"): the unit
    `j` before it (past adverbs) ends a noun phrase, not a source marker's "as" ("as
    proposed by X", read as a source) or an auxiliary."""
    if j < verb.floor:
        return False
    unit = verb.units[j]
    low = unit[LOW]
    if low in _AUXILIARIES or low in SKIP or low in ("as", "who", "which", "that"):
        return False
    return low.isalpha() and unit[TERM] is None and not low.endswith(("'s", "’s"))


# Speech verbs whose passive tells an act or a courtesy, not the agent's position: "the
# minister was welcomed by the president", "NATO was informed by Ankara".
# Subjects of a passive that open the sentence and point back at the words before ("This was
# stated by X"; "a step that was condemned by X" is a relative clause).
_POINTING_BACK = word_set("this that it these those words statement")
_AUXILIARIES = word_set("has have had was were is are been being")
_PASSIVE_ACTS = word_set("welcome thank inform read answer offer speak call mention respond react")

# What follows "X called Y" when the call is a phone call: its purpose ("to discuss"), its
# means ("by phone"), its day ("on Sunday") or the event it came before or after ("after",
# "before", "ahead of", "following": a time preposition never opens what Y is called), after a
# time it was made ("afterwards", "back", "again") or alone; "called Y a threat" names Y,
# "called on" urges.
_PHONED_TIME = r"(?:afterwards?|later|again|back)"
_PHONED_AFTER = re.compile(
    rf"\s*(?:{_PHONED_TIME}\s*(?:[.,;]|$|and\b)|(?:{_PHONED_TIME}\s+)?"
    r"(?:\.|$|to\s+(?!(?:account|order|arms|action|the|a|an)\b)[a-z]+\b|(?:by|over|on)\s+"
    r"(?:the\s+)?(?:tele)?phone\b|on\s+\w+day\b|(?:earlier|late|this|last|that|the\s+same)\s+\w+|after\b|before\b|"
    r"ahead\s+of\b|following\b)"
    # a headline's second person called: "X calls Finnish counterpart and Ukrainian president"
    r"|and\s+(?:[\w'’-]+\s+){0,3}?(?:president|prime\s+minister|premier|chancellor|counterparts?)"
    r"\s*(?:\.|$))"
)
_CALLED_PEOPLE = frozenset(["him", "her", "them"])


def phoned(verb: Verb) -> bool:
    """ "Trump called Putin to discuss the settlement", "the chancellor called him on Sunday":
    a person called (a phone call, an act), no speech; "called Putin a war criminal" and
    "called for" stay speech."""
    if verb.form.lemma != "call" or verb.form.participle:
        return False
    units, k = verb.units, verb.k
    if k + 1 >= verb.last:
        return False
    owner = units[k + 1][LOW]
    if owner in _CALLED_PEOPLE and not (k + 2 < verb.last and _a_person(units[k + 2])):
        b = k + 2  # "called her", not "called her counterpart"
    else:
        a = k + 2 if owner in OWNERS else k + 1
        a, b = np_after(units, a, verb.last)
        if a == b and a + 1 < verb.last and units[a + 1][LOW] in _COUNTERPARTS:
            b = a + 2  # "calls finish counterpart": a word no lexicon reads, then the counterpart
        if a == b or not any(_a_person(u) for u in units[a:b]):
            return False  # "called the move illegal", "called Russia": no person called
    if units[b - 1][LOW].endswith(("'s", "’s")):
        return False  # "called Putin's claims lies": what was said, named
    rest = verb.work.folded[units[b - 1][END] :]
    return _PHONED_AFTER.match(rest) is not None


def _a_person(unit: Unit) -> bool:
    """A unit that names a person: a speaker, an office, a counterpart or a capitalised name."""
    term = unit[TERM]
    if term is None:
        return unit[LOW] in _COUNTERPARTS or (bool(unit[CAP]) and unit[LOW].isalpha())
    return term.kind in ("speaker", "role")


_COUNTERPARTS = word_set("counterpart counterparts")


# Prepositions after which a verb's finite form is a noun ("in comments", "after talks",
# "amid calls for ..."): a finite verb never follows one ("to" opens an infinitive, "by" an agent).
_NOUN_PREPS = word_set("in with for after before on at from amid despite over about without among")


# Words that make "call" after them a noun: "phone call", "video call".
_CALL_KINDS = frozenset(["phone", "telephone", "video", "conference", "wake-up"])


def _noun_after_name(verb: Verb) -> bool:
    """The verb's bare form right after one singular name or office ("NATO support for
    Ukraine", "our economic and military support", a name no rule knows: "the Dutch Safety
    Board report"): no finite verb agrees with that subject,
    so the word is a noun. Plural and coordinated subjects ("NATO allies support", "Kyiv and
    Warsaw support", a headline's "US, NATO condemn") and modals ("will support") leave it a
    verb."""
    units, k = verb.units, verb.k
    i = k - 1
    if i < verb.floor or verb.form.participle:
        return False
    if units[i][TERM] is None and not _body_name(verb, i):
        return False
    lemma = verb.form.lemma
    if " " in lemma or verb.work.folded[verb.start : verb.end] != lemma:
        return False  # "sees no", "is ready": forms of their own
    head = units[i][LOW]
    if head.endswith(("s", "police")) or head in PERSONAL or head in FIRST_PERSON:
        return False
    if _plural_office_of(units, i, verb.floor):
        return False  # "members of the alliance insist": the plural office agrees
    joined = i - 2 >= verb.floor and units[i - 1][LOW] in ("and", "&")
    # a headline's comma for "and", the pair opening the sentence ("UK, France condemn …")
    paired = i - 2 == verb.floor == verb.first and units[i - 1][LOW] == ","
    return not ((joined or paired) and units[i - 2][TERM] is not None)


def _plural_noun(verb: Verb) -> bool:
    """A form in -s that is also a plural noun, read as one: a plural's possessive mark right
    after it ("the alliance states' jets", "Moscow's claims' reach"), "states" before a
    "to" no speech verb "state" takes ("urges NATO states to back the bid": the states are
    urged; "NATO states that ..." stays a verb), or "vetoes" or "advocates" before a
    preposition the verb does not take ("US vetoes on the draft drew criticism", "alliance
    advocates in the parliament want ...": the verb takes its object, or "for" or "in
    favour of" its cause, at once)."""
    word = verb.work.folded[verb.start : verb.end]
    if not word.endswith("s"):
        return False
    rest = verb.work.folded[verb.end : verb.end + 4]
    if rest[:1] in ("'", "’") and not rest[1:2].isalpha():
        return True
    if word in _AFTER_PLURAL:
        return plural_noun_use(word, verb.work.folded, verb.end)
    return verb.form.lemma == "state" and rest.startswith(" to ")


# What follows a verb's -s form that is a plural noun ("US vetoes on the draft", "the vetoes of
# Moscow", "peace advocates in the parliament", "advocates of the bid"): the verb takes its
# object right after it ("vetoes the draft"), or its cause after "for" or "in favour of".
_AFTER_PLURAL = {
    "vetoes": re.compile(r"\s+(?:on|of|over|by|against)\b"),
    "advocates": re.compile(r"\s+(?:of|at|among|from|within|across|inside|in(?!\s+favou?r\b))\b"),
}


def plural_noun_use(word: str, folded: str, end: int) -> bool:
    """Whether `word`, a verb's -s form that is also a plural noun ("vetoes", "advocates"),
    is the noun where it ends at `end`: what follows it is no object nor cause the verb
    takes (`_AFTER_PLURAL`). Asked by the speech verbs and by the actor-subject step alike."""
    after = _AFTER_PLURAL.get(word)
    return after is not None and after.match(folded, end) is not None


def _put_out_participle(verb: Verb) -> bool:
    """A participle of a verb that puts a text out, right after a plural noun no rule knows and
    before a preposition ("Videos posted on social networks showed ...", "photos shared
    online", "reports published in the local press"): it tells what the thing is, whose
    relative clause has lost its "which were"; the noun posts nothing."""
    units, k = verb.units, verb.k
    if k - 1 < verb.floor or k + 1 >= len(units) or verb.form.lemma not in _PUT_OUT:
        return False
    word = units[k][LOW]
    noun = units[k - 1]
    return (
        word.endswith(("ed", "ten"))
        and noun[TERM] is None
        and noun[LOW].isalpha()
        and noun[LOW].endswith("s")
        and units[k + 1][LOW] in _AFTER_PUT_OUT
    )


# Verbs that put a text out, and the words after their participle in a reduced relative.
_PUT_OUT = frozenset(["post", "publish", "share", "release", "report", "write", "quote", "cite"])
_AFTER_PUT_OUT = frozenset(["on", "online", "in", "to", "by", "via", "across", "over"])


def _body_name(verb: Verb, i: int) -> bool:
    """The word at unit `i` closes a name in capitals no rule knows, inside a body's text
    ("the Dutch Safety Board report into ...", "the Joint Investigation Team report"): a
    name's last word, not the sentence's first (which any word opening it is) nor a
    headline's (whose every word is in capitals)."""
    unit = verb.units[i]
    if verb.work.index == 0 or not unit[CAP] or not namelike(unit[LOW]):
        return False
    return i > verb.first and verb.units[i - 1][CAP]


def _plural_office_of(units: list[Unit], i: int, floor: int) -> bool:
    """The name at unit `i` completes a plural office before "of" ("members of the alliance",
    "leaders of the Baltic states"): the verb after it agrees with the plural office."""
    if i - 2 < floor or units[i - 1][LOW] != "of":
        return False
    office = units[i - 2]
    term = office[TERM]
    return term is not None and term.kind == "role" and office[LOW].endswith("s")


# A reaction whose means is the step taken: "Moscow responded by announcing the expulsion of".
_RESPONSES = word_set(
    "respond responds responded react reacts reacted reply replies replied retaliate "
    "retaliates retaliated"
)
_MEANS_REACH = 8  # the most units between a reaction's verb and its "by"


def _act_named(verb: Verb) -> bool:
    """A gerund after "by" whose object is a thing ("crossed the line by announcing a
    decision to arm Kyiv", "provoked Moscow by declaring the drills"): the means of what the
    clause tells, the act named, not a statement reported; with a clause after it ("by saying
    it would ...") it is said, and so is the means of a reaction ("responded by announcing
    the expulsion of ...": a step taken as a stance)."""
    k = verb.k
    if k + 1 >= verb.last or verb.units[k + 1][LOW] not in NOUN_MARK:
        return False
    reach = range(max(verb.first, k - 1 - _MEANS_REACH), k - 1)
    return not any(verb.units[i][LOW] in _RESPONSES for i in reach)


def as_participle(verb: Verb, i: int, earlier: list[Attr]) -> Attr | Literal["progressive"] | None:
    """A participle's attribution: an -ing form's (`_participle_reading`), or a perfect
    participle's (", having stated that ...": as ", stating"); "progressive" for any other verb,
    read on as a verb of its own."""
    if verb.form.participle:
        return _participle_reading(verb, i, earlier)
    if verb.low(i) == "having" and verb.low(i - 1) in (",", "and"):
        return _participle_attr(verb, earlier)
    return "progressive"


def _participle_reading(
    verb: Verb, i: int, earlier: list[Attr]
) -> Attr | Literal["progressive"] | None:
    """An -ing form's attribution (unit `i` ends what stands before it): ", saying ..." and
    "and adding ..." take the clause's speaker, ", with X saying ..." X; "by announcing ..."
    names an act; "progressive" when it is a verb's progressive ("is saying"), read on as a
    verb of its own."""
    before = verb.low(i)
    if before == "by" and _act_named(verb):
        return None  # "crossed the line by announcing a decision to ...": the act named
    if _preposition_form(verb):
        return None  # "a statement regarding the elections": a topic, no one regards
    if before in (",", "and", "as", "while", "when", "by") or before in SKIP:
        return _participle_attr(verb, earlier)
    if _with_agent(verb) is not None:
        return _participle_attr(verb, earlier)  # ", with X saying ...": X's own words
    return "progressive" if _progressive(verb, i) else None


# -ing forms that are prepositions too ("a statement regarding the vote"): a topic named, a
# stance only with its "as" ("regarding the vote as a sham").
_PREPOSITION_FORMS = word_set("regarding")


def _preposition_form(verb: Verb) -> bool:
    """The participle is a preposition naming a topic: "regarding" with no "as" after it in
    its clause ("delivered a statement regarding the recognition" is the act and its topic)."""
    if verb.units[verb.k][LOW] not in _PREPOSITION_FORMS:
        return False
    for unit in verb.units[verb.k + 1 : verb.last]:
        if unit[LOW] in (",", ";", ":"):
            break
        if unit[LOW] == "as":
            return False
    return True


def _participle_attr(verb: Verb, earlier: list[Attr]) -> Attr | None:
    """ ", saying ...": the clause's speaker, else the sentence's main subject. A speaker
    inside a quote is not the one who goes on outside it ('"The president made clear ...,"
    Ushakov said, adding ...' is Ushakov adding)."""
    earlier = _same_voice(verb, earlier)
    quoted = _quoted_as(verb)
    if quoted is not None:  # "the agency quoted X as saying": X speaks, or one of no side
        return verb.attr(quoted, ATTRIBUTION_PARTICIPLE, follows=True)
    speaker = _agent_before(verb) or _with_agent(verb) or participle_subject(earlier, verb.start)
    if speaker is None and verb.form.lemma in _INTERPRETIVE:
        return None  # "Biden invited the leaders of Japan, signaling ...": the act signals
    if speaker is None and verb.form.lemma == "agree":
        return None  # "The delegations concluded their meeting, agreeing to meet again": an act
    who = speaker or clause_subject(verb.units, _past_dateline(verb), verb.k, verb.state)
    if who.kind == "none" or (speaker is None and who.word == "it"):
        return None  # "it has been reported that ... when considering ...": no one's clause
    quotes = verb.work.quotes
    if speaker is None and in_spans(who.start, quotes) and not in_spans(verb.start, quotes):
        return None  # '"Moscow must not meddle," - said X, speaking to ...': not the quote's
    return verb.attr(who, ATTRIBUTION_PARTICIPLE, follows=True)


def _with_agent(verb: Verb) -> Who | None:
    """The participle's own subject after "with", in an absolute clause set off by a comma
    ("The decision was welcomed, with Foreign Minister X thanking the allies and stressing
    ...", "Moscow denied it, with Y calling the claims 'nonsense'"): X speaks, not the main
    clause's subject. (A second participle coordinated with the first goes with it.)"""
    units, k, floor = verb.units, verb.k, verb.floor
    i = k - 1
    while i > floor and units[i][LOW] != "with" and k - i <= _WITH_REACH:
        if units[i][LOW] in (",", ";", ":", "."):
            return None
        i -= 1
    if units[i][LOW] != "with" or i - 1 < floor or units[i - 1][LOW] != ",":
        return None
    a, b = np_after(units, i + 1, k)
    if a != i + 1 or b <= a:
        return None
    if b < k and not (ing_form(units[b]) and units[k - 1][LOW] == "and"):
        return None  # "with X firing at the town and Y saying ...": Y's, not X's
    who = resolve(units[a:b], verb.state.names)
    return who if who.kind == "actor" else None


_WITH_REACH = 16  # the most units between "with" and the participle


# Words made by an agent the participle after them goes on with: "responding to comments made
# by Foreign Secretary X on Wednesday, calling on allies to ...": X calls, not the responder.
_AGENT = re.compile(
    r"\b(?:comments|remarks|statements?|words|calls?|appeals?)\s+(?:made|issued|voiced)\s+by\s+"
)
_AGENT_REACH = 12  # the most units between the agent's name and the participle's comma


def _agent_before(verb: Verb) -> Who | None:
    """The agent of words named right before the participle's comma ("comments made by X on
    Wednesday, calling ..."), when the lexicon ties them to a side."""
    work = verb.work
    start = work.starts[verb.first] if verb.first < len(work.starts) else 0
    agents = list(_AGENT.finditer(work.folded, start, verb.start))
    if not agents:
        return None
    k = bisect_left(work.starts, agents[-1].end())
    if verb.k - k > _AGENT_REACH:
        return None
    a, b = np_after(verb.units, k, verb.k)
    who = resolve(verb.units[a:b], verb.state.names)
    return who if who.kind == "actor" else None


# "<outlet> quoted X as saying", "cited X as saying": X is the participle's speaker.
_QUOTED_AS = word_set("quoted quotes quoting cited cites citing")
_QUOTED_REACH = 10  # the most units between "quoted" and "as"


def _quoted_as(verb: Verb) -> Who | None:
    """Whom "quoted/cited ... as" right before the participle names ("the embassy quoted the
    ambassador as saying"), resolved (a bare office as a role, whose holder the article
    named before, as "the ambassador said" has it; a speaker of no side when the lexicon
    knows none for them); None when the participle has no such frame, or names a pronoun
    ("quoted him")."""
    units, k = verb.units, verb.k
    if k - 1 <= verb.floor or units[k - 1][LOW] != "as":
        return None
    low = max(verb.floor, k - 1 - _QUOTED_REACH)
    q = next((j for j in range(k - 2, low - 1, -1) if units[j][LOW] in _QUOTED_AS), None)
    if q is None:
        return None
    who = resolve(units[q + 1 : k - 1], verb.state.names) if k - 1 > q + 1 else NONE
    if who.kind == "pronoun":
        return None  # "quoted him as saying": the speaker carried over, as before
    if who.kind in ("actor", "role"):
        return who  # (an office with no side, "the ambassador", is its holder named before)
    # a speaker of no side ("an unnamed source"): stops carry-over as any such speaker does
    return Who("unknown", (), units[q + 1][START], units[k - 2][END])


# Participles that read an act as well as a statement ("..., signaling a shift"): they continue
# a speaker's clause ("Peskov said ..., underlining ...") but after an act it is the act that
# signals, not its subject who states.
_INTERPRETIVE = word_set("signal underscore underline highlight echo")


def _past_dateline(verb: Verb) -> int:
    """The sentence's first unit after a dateline that opens it ("KYIV, Ukraine — "): the
    dateline's words are no subject (a place's stop before it, "KYIV. Sept 17 (<agency>) –",
    makes the sentence start inside it)."""
    return sentence_past_dateline(verb.work, verb.first, verb.k)


# A diplomat summoned ("was summoned to the ministry and told ...") is the one spoken to; so
# is one handed a note ("has been issued a protest note and asked to explain ...").
_SUMMONED = word_set("summoned convoked")
_HANDED = word_set("handed issued presented served")
_NOTE = word_set("note notes protest demarche démarche")
_NOTE_REACH = 4  # the most words between "handed" and the note ("a formal protest note")


def _summoned(verb: Verb) -> bool:
    """ "X's ambassador has been summoned and informed of Y's position", "X has been handed a
    note of protest and asked to ...": the verb coordinated with a summons or a note received
    shares its passive, so its subject is told, and tells nothing."""
    units = verb.units
    return any(
        units[j - 1][LOW] in BE
        and (
            units[j][LOW] in _SUMMONED
            or (
                units[j][LOW] in _HANDED
                and any(u[LOW] in _NOTE for u in units[j + 1 : min(j + 1 + _NOTE_REACH, verb.k)])
            )
        )
        for j in range(max(verb.first, verb.floor) + 1, verb.k)
    )


def _same_voice(verb: Verb, earlier: list[Attr]) -> list[Attr]:
    """The attributions on the same side of a quote mark as the verb: a speaker inside a quote
    is not the one who goes on outside it."""
    quotes = verb.work.quotes
    if not quotes:
        return earlier
    inside = in_spans(verb.start, quotes)
    return [a for a in earlier if in_spans(a.pos, quotes) == inside]


def coordinated_attr(verb: Verb, earlier: list[Attr]) -> Attr | None:
    """ "... and said": the clause's speaker, else the subject the sentence opens with ('"...
    Russia rejects a truce," X wrote, and thanked ...' is X thanking)."""
    if _summoned(verb):
        return None
    who = participle_subject(_same_voice(verb, earlier), verb.start) or _main_clause_opening(verb)
    if who is None:
        return None
    return verb.attr(who, ATTRIBUTION_COORDINATED, follows=True)


def both_after_and(verb: Verb, i: int) -> bool:
    """ "X and Y discussed the war and both voiced support for ...": "both" after "and" is the
    sentence's opening subject, coordinated."""
    units = verb.units
    return units[i][LOW] == "both" and i - 1 >= verb.floor and units[i - 1][LOW] in COORD


def _main_clause_opening(verb: Verb) -> Who | None:
    """The subject the sentence opens with, for a verb coordinated with a verb of no speech;
    past an opening adverbial clause, the main clause's, and only for a speech verb ("As
    Russia's war nears its second year, the envoy paid tribute ... and stressed ..." is the
    envoy's, not Russia's; "When ..., Russia annexed Crimea and backed ..." tells acts)."""
    first = _past_dateline(verb)
    if verb.units[first][LOW] in SUBORDINATORS:
        main = past_opening_clause(verb.units, first, verb.k)
        if main is None or verb.form.cls != "speech":
            return None
        first = main
    return opening_subject(verb.units, first, verb.k, verb.state)
