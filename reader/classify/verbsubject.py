"""The subject of a speech or stance verb (`verb_subject`): the first of the grammar's
readings that applies.

A call is no statement; a verb of no speech is read as a passive or a noun
(reader.classify.passives); a stance told of an earlier period is history
(`told_as_history`); past its auxiliaries and infinitive frames ("continued to urge", "was
the first to tell", `_subject_end`) the verb is a participle's or a coordinated verb's, the
phrase before it (reader.classify.subjectphrase), a common noun's speaker or an inversion
(reader.classify.inversions). Separate from reader.classify.attribution, which finds the
verbs of a sentence and settles which attribution owns it; the actor-subject step
(reader.classify.subject) reads a main clause's subject with the same `verb_subject`.
"""

from __future__ import annotations

from bisect import bisect_left

from reader.classify.clauses import (
    ASIDE,
    BE,
    CLAUSE_WORDS,
    OPENERS,
    OWNERS,
    PERSON_SPEECH,
    PERSONAL,
    QUOTE_MARKS,
    Attr,
    Verb,
    be_before_adverbs,
    opens_quote,
    quote_floor,
    start_key,
)
from reader.classify.inversions import closes, common_subject, inverted_attr
from reader.classify.passives import (
    OBJECT_VERBS,
    as_participle,
    both_after_and,
    coordinated_attr,
    impersonal_passive,
    not_a_statement,
    passive_agent,
    phoned,
)
from reader.classify.personnames import NAME_SUFFIXES
from reader.classify.phrasebounds import text_genre
from reader.classify.phrases import names_press
from reader.classify.subjectphrase import after_opening_clause, skip_asides, subject_before
from reader.classify.types import CAP, LOW, START, TERM, BlockWork, State, Unit
from reader.classify.wordclasses import (
    COORD,
    ING_NOUNS,
    MONTH_ABBREVIATIONS,
    OBJECT_PREP,
    OBJECT_VERB,
    SKIP,
    WEEKDAYS,
    adverb,
    present_form,
    word_set,
)
from reader.rules.compile import VerbForm
from reader.rules.grammar import ATTRIBUTION_SUBJECT

# Before the verb "continued to urge" means "urged", "went on to comment" means "commented".
_ASPECT = word_set(
    "continued continues continue continuing began begins started starts kept keeps went goes"
)
# A rank or a readiness after "be" before the verb's "to": "was the first to tell journalists",
# "were among the first to condemn", "was quick to deny" all say that the subject said it.
_RANKS = word_set("first last only")
_READY = word_set("quick swift keen careful eager")


def _before_infinitive(units: list[Unit], i: int, floor: int) -> int | None:
    """Past a speech verb's "to" at unit `i` (also "to sharply criticise"), where the subject
    ends: "continued to urge" means "urged", "X used his speech to criticise" means "X
    criticised"; None for any other infinitive (no statement of the subject's); `i` itself
    when there is no "to"."""
    low = units[i][LOW] if i >= floor else ""
    to = i - 1 if low.endswith("ly") and i - 1 > floor and units[i - 1][LOW] == "to" else i
    if to < floor or units[to][LOW] != "to":
        return i
    if _used_occasion(units, to, floor):
        return to - 4
    return _said_frame(units, to, floor)


def _said_frame(units: list[Unit], to: int, floor: int) -> int | None:
    """Where the subject ends before a frame that keeps the infinitive at `to` the subject's
    own statement: an aspect ("continued to", "went on to"), a rank ("had earlier been the
    first to", "was among the first to") or a readiness ("was quick to") after "be" (the "be"
    is left to the auxiliaries skipped after it); None for any other infinitive ("wants to
    say", "is expected to tell")."""
    back = [units[j][LOW] for j in range(to - 1, max(floor, to - 5) - 1, -1)]
    back += [""] * (4 - len(back))
    if back[0] in _ASPECT:
        return to - 2
    if back[0] == "on" and back[1] in _ASPECT:
        return to - 3  # "went on to comment"
    if back[0] in _READY and back[1] in BE:
        return to - 2
    if back[0] in _RANKS and back[1] == "the":
        among = back[2] == "among"
        if back[2 + among] in BE:
            return to - 3 - among
    return _trip_frame(units, to, floor)


# A trip made to say something: "X visited Kyiv on Monday to reaffirm ...", "X travelled to
# Ukraine over the weekend to convey ...", "..., where he will meet with Y and Z to underscore
# ...", and a meeting joined or attended for it: "X joined the meeting virtually to describe
# ...". Only a place, a date, the meeting and the people met may stand between the trip and
# its "to".
_TRIPS = word_set(
    "visit visits visited visiting travel travels travelled traveled travelling traveling"
    " arrive arrives arrived arriving came comes flew flies joined joins attended attends"
)
_MEETS = word_set("meet meets met meeting")
_MEET_AUX = word_set("will would also is was")
_TRIP_GAP = word_set(
    ", to in on at over during this last next the weekend week yesterday today tomorrow"
    " morning afternoon evening day days earlier of and with a an meeting session summit"
    " conference talks call virtually online remotely"
)
_TRIP_REACH = 24  # the most units between the trip's verb and the purpose's "to"


def _trip_frame(units: list[Unit], to: int, floor: int) -> int | None:
    """Where the subject ends before a trip whose purpose, after "to", is the subject's
    statement ("X visited Kyiv yesterday to reaffirm ..."): the trip's verb must be the only
    verb before the "to" (places, dates and the names of those met only: "X visited Kyiv,
    where Y said ... to" is Y's clause, never X's); None for any other infinitive."""
    j = to - 1
    while j > floor and to - j <= _TRIP_REACH:
        unit = units[j]
        low = unit[LOW]
        if low in _MEETS and units[j + 1][LOW] == "with":
            k = j - 1
            while k > floor and units[k][LOW] in _MEET_AUX:
                k -= 1
            if units[k][LOW] in PERSONAL and k - 1 > floor and units[k - 1][LOW] == "where":
                j = k - 2  # "X will visit Kyiv, where he will meet with Y to ...": X's trip
                continue
            return j - 1 if j - 1 >= floor else None
        if low in _TRIPS:  # not a trip planned or asked for: "invited X to visit Kyiv to ..."
            return j - 1 if j - 1 >= floor and units[j - 1][LOW] != "to" else None
        gap = low in _TRIP_GAP or low.isdigit() or low in WEEKDAYS
        if not (gap or unit[CAP] or unit[TERM] is not None):
            return None
        j -= 1
    return None


def _used_occasion(units: list[Unit], to: int, floor: int) -> bool:
    """ "used his speech to", "took the opportunity to" before the verb's "to" at `to`: the
    occasion was the speaker's way to say it."""
    if to - 4 < floor:
        return False
    used, owner, occasion = (units[to - n][LOW] for n in (3, 2, 1))
    return used in _USED and owner in OWNERS and occasion in _OCCASIONS


_USED = word_set("used uses took takes seized seizes")


def _passive_before(verb: Verb, i: int, prev: str) -> bool:
    """The verb is a passive: "be" right before it ("Ukraine is believed to ..."), or a speech
    verb's "be" before its adverbs ("the two sides were officially informed": the ones told),
    or one whose active has an object ("Moscow and Kyiv were later expected to decide ...": the
    ones expected to, who say nothing)."""
    form = verb.form
    if form.participle or form.lemma in _ACTIVE_AFTER_BE:
        return False  # "X was (also) quoted as saying", "X was cited as saying": X speaks
    acted_on = form.cls == "speech" or form.lemma in OBJECT_VERBS  # "were later expected to"
    return prev in BE or (acted_on and be_before_adverbs(verb, i))


_OCCASIONS = word_set(
    "speech address remarks statement visit opportunity occasion appearance meeting platform"
)


_ACTIVE_AFTER_BE = frozenset(["quoted as saying", "cited as saying"])


# Verbs that are also inverted after a quote: '"...," said Peskov'.
_INVERTING = (
    word_set(
        "say add tell write ask note insist warn explain conclude stress recall reply state"
        " emphasise emphasize underline underscore reiterate"
        # the verbs of a quote's closing tag that carry a tone: '"...," laments X', "argues X"
        " lament argue claim complain admit concede declare retort quip"
        # a text's own words closing the sentence: "..., reads the statement of the ministry"
        " read"
        # a closing tag that sums the words up: '"...," summarized the ministry's spokesman'
        " summarize summarise"
    )
    | word_set("report announce inform")
    | {"sum up"}
)

# The verbs of a closing source ("..., reported the General Staff", "..., informs the press
# service of X"), whose inverted subject is as often a channel ("..., reports Ukrinform") or a
# person the rules cannot place: only a side's speaker counts, and nobody else stops carry-over.
_INVERTED_SOURCE = word_set("report announce inform")


def _channel_after(verb: Verb, found: Attr) -> bool:
    """ "..., reports the Kyiv Herald", "..., reported Russia's TASS news agency": after a
    closing source verb, anyone but a side's office, and any outlet, is the channel."""
    who = found.who
    return who.kind != "actor" or names_press(verb.work.folded[who.start : who.end])


# What tells a sentence as history, a period before the story's own: "then-" before an office
# ("then-Foreign Minister X"), "a previous/former government", "at the time", "in the (early)
# post-war period/era", "before X took power/came to office".
_EARLIER_RULERS = word_set("government governments administration leadership cabinet regime")
_PERIOD_NOUNS = word_set("period era")
# A word each reading of `told_as_history` needs besides "then-": its rulers, "time", "power"
# or "office", a period.
_HISTORY_CUES = word_set("previous former time power office") | _PERIOD_NOUNS


def told_as_history(units: list[Unit], first: int, last: int) -> bool:
    """Whether the sentence (units `first`..`last`) narrates an earlier period than the story's
    (GUIDE.md: narrative context gets no label): a stance verb told of then is no side's
    position now ("Kyiv sought membership in the post-Soviet period")."""
    lows = [units[i][LOW] for i in range(first, last)]
    if _HISTORY_CUES.isdisjoint(lows) and not any(low.startswith("then-") for low in lows):
        return False  # none of the words every reading below needs
    for i in range(first, last):
        low = units[i][LOW]
        if low.startswith("then-") and len(low) > 5:
            return True
        nxt = [units[j][LOW] for j in range(i + 1, min(i + 4, last))]
        if low in ("previous", "former") and any(w in _EARLIER_RULERS for w in nxt):
            return True
        if low == "at" and nxt[:2] == ["the", "time"]:
            return True
        if low == "in" and nxt[:1] == ["the"] and _period_after(units, i + 2, last):
            return True
        if (
            low == "before"
            and any(w in ("took", "came") for w in nxt)
            and any(units[j][LOW] in ("power", "office") for j in range(i + 2, min(i + 6, last)))
        ):
            return True
    return False


def _period_after(units: list[Unit], i: int, last: int) -> bool:
    """ "period"/"era" within three words from unit `i` ("the immediate post-Soviet period")."""
    return any(units[j][LOW] in _PERIOD_NOUNS for j in range(i, min(i + 3, last)))


def verb_subject(
    work: BlockWork,
    units: list[Unit],
    k: int,
    v_end: int,
    first: int,
    last: int,
    form: VerbForm,
    earlier: list[Attr],
    state: State,
    adverbs: bool = False,
) -> Attr | None:
    """The attribution of the verb at unit `k`: its subject, by the first of the grammar's
    ways that applies (participle, coordination, the phrase before it, a common noun's
    speaker, inversion); None when it is no speech at all ("his appeal", "backed by")."""
    v_start = units[k][START]
    floor = quote_floor(work, v_start, first, k, not earlier)
    verb = Verb(work, units, k, v_start, v_end, first, last, floor, form, state, adverbs)
    if phoned(verb):
        return None
    united = _resolute_in(verb)
    if united is not None:
        return united
    if not_a_statement(verb):
        return passive_agent(verb)
    impersonal = impersonal_passive(verb)
    if impersonal is not None:
        return impersonal
    if form.cls == "stance" and told_as_history(units, first, last):
        return None  # "Ukraine sought membership in the post-Soviet period": background
    found = _subject_end(verb)
    if found is None:
        return None
    i, relative = found
    reading = as_participle(verb, i, earlier)
    if reading != "progressive":
        return reading
    slug = _slug_object(verb, i)
    if slug or _coordinated(verb, i):
        return _joined_attr(verb, slug, earlier)
    # '..., said Peskov': looked for after the subject before the verb, whatever asides that
    # search skips on its way.
    may_invert = i < verb.floor or units[i][LOW] in _QUOTE_ENDS or _dash_tag(units, i)
    second = _headline_second_verb(verb, i)
    if after_opening_clause(verb, i):
        return _subject_elsewhere(verb, i, may_invert)  # "In Kyiv, X happened, said Y"
    i, appositive = skip_asides(verb, i)
    subject = subject_before(verb, i, relative, appositive)
    if appositive is None and (subject is None or subject == "stop" or subject.who.kind != "actor"):
        subject = _past_place_phrase(verb, i, relative) or subject
    if subject is not None and subject != "stop":
        return subject
    if appositive is not None:
        return verb.attr(appositive, ATTRIBUTION_SUBJECT)
    if second:
        return inverted_attr(verb) or coordinated_attr(verb, earlier)
    if subject == "stop":
        return None
    return _subject_elsewhere(verb, i, may_invert)


# What closes a quote before its inverted tag: '"...," said X', '"..." said X'.
_QUOTE_ENDS = frozenset([",", "”", '"', "’"])
_DASHES = frozenset(["—", "–", "-"])


def _dash_tag(units: list[Unit], i: int) -> bool:
    """A dash between a quote's closing mark and its inverted tag, as translated agency copy
    sets it ('“...”, — said X', '“...” – said X'): the tag is the quote's own, as after a
    comma. Not a dash after a comma with no quote closing ("..., — said X" after unquoted
    words): those go on in the voice they are read in."""
    if units[i][LOW] not in _DASHES or i == 0:
        return False
    j = i - 1 if units[i - 1][LOW] != "," or i < 2 else i - 2
    return units[j][LOW] in ("”", '"')


def _subject_elsewhere(verb: Verb, i: int, may_invert: bool) -> Attr | None:
    """No actor's phrase ends right before the verb (at unit `i`): a common noun's speaker
    ("a resident told ..."), or one inverted after the verb ('"...," said Peskov')."""
    form = verb.form
    if form.lemma in PERSON_SPEECH and i >= verb.floor:
        person = common_subject(verb.units, i, verb.floor)
        if person is not None:
            start = bisect_left(verb.work.starts, person.start)
            return verb.attr(person, ATTRIBUTION_SUBJECT, trailing=closes(verb, start))
    if form.lemma in _INVERTING and (may_invert or _headline_end(verb)):
        found = inverted_attr(verb)
        if form.lemma in _INVERTED_SOURCE and found is not None and _channel_after(verb, found):
            return None
        return found
    return None


# A stance adjective with "in" before a speech verb's gerund, and the verbs that carry it: "are
# resolute in demanding", "stand united in condemning", "remain steadfast in supporting".
_RESOLUTE = word_set("united resolute unanimous steadfast unwavering determined")
_STAND = word_set("stand stands stood remain remains remained")


def _resolute_in(verb: Verb) -> Attr | None:
    """ "The allies are resolute in demanding that ...", "X and its partners stand united in
    condemning ...": a speech verb's gerund after a stance adjective and "in" is the statement
    of the subject before the adjective's verb ("be", "stand", "remain"), which `not_a_statement`
    would read as a gerund after a preposition, no one's."""
    units, k, floor = verb.units, verb.k, verb.floor
    if not verb.form.participle or k - 3 < floor:
        return None
    if units[k - 1][LOW] != "in" or units[k - 2][LOW] not in _RESOLUTE:
        return None
    h = k - 3
    if units[h][LOW] not in BE and units[h][LOW] not in _STAND:
        return None  # "the united in condemning" or a noun: no verb carries the adjective
    while (
        h >= floor and (units[h][LOW] in _STAND or units[h][LOW] in SKIP) and units[h][TERM] is None
    ):
        h -= 1
    found = subject_before(verb, h, False, None)
    return found if isinstance(found, Attr) else None


# Prepositions of a place or an occasion a speaker may stand in between their name and their verb
# ("X on Tuesday aboard Air Force One stated", "X at the summit said").
_PLACE_PREPS = word_set("aboard at in during after before outside inside near from on")
_PLACE_REACH = 10  # the most units such phrases hold together


def _past_place_phrase(verb: Verb, i: int, relative: bool) -> Attr | None:
    """The speaker before a phrase of place or occasion that ends at unit `i` ("Trump on
    Tuesday aboard Air Force One stated", "Duda at the summit said"), when the phrase ending
    there names no one: the name or office right before the preposition, if it is an
    actor's and opens the clause. No punctuation, clause word or other verb may stand inside
    the phrases, and the verb is in a form no noun has ("stated", "said", not "support" or
    "states")."""
    units, floor = verb.units, verb.floor
    lemma, surface = verb.form.lemma, verb.work.folded[verb.start : verb.end]
    if verb.form.participle or surface in (lemma, lemma + "s", lemma + "es"):
        return None  # "a show of support", "his new post", "... Within EU States": nouns
    verbs = verb.work.verbs  # sorted by offset: a bisection per word, not a scan
    j = i
    while j > floor and i - j < _PLACE_REACH:
        low = units[j][LOW]
        if low == "." and units[j - 1][LOW] in MONTH_ABBREVIATIONS:
            j -= 1  # "X on Aug. 25 urged": an abbreviated month's dot
            continue
        if not low.replace("-", "").replace(" ", "").isalnum():
            return None
        v = bisect_left(verbs, units[j][START], key=start_key)
        if v < len(verbs) and verbs[v][0] == units[j][START]:
            return None
        prev = units[j - 1]
        if low in _PLACE_PREPS and prev[LOW] not in SKIP and (prev[CAP] or prev[TERM] is not None):
            h = j - 1
            if units[h][LOW] in OBJECT_PREP or units[h][LOW] in BE:
                return None
            found = subject_before(verb, h, relative, None)
            if isinstance(found, Attr) and found.who.kind == "actor" and _opens(verb, found):
                return found
            return None
        if low in CLAUSE_WORDS or low == "to":
            return None  # "X met Y in Kyiv to discuss what the office called": a clause
        j -= 1
    return None


def _opens(verb: Verb, attr: Attr) -> bool:
    """The subject `attr` found opens its clause: the sentence (past a dateline's dash or
    colon) or the words after a comma."""
    work = verb.work
    before = work.folded[work.sentence_start(attr.who.start) : attr.who.start].rstrip()
    if before.endswith("both"):  # "Both the Kremlin and the ministry on Monday portrayed"
        before = before[:-4].rstrip()
    return not before or before.endswith((",", "—", "–", "-", ":"))


def _headline_end(verb: Verb) -> bool:
    """ "Talks are a road to nowhere says Lavrov": a headline's closing "says X", with no
    comma before it; the clause before is X's claim (`inverted_attr` checks that the name
    ends the line)."""
    return verb.work.index == 0 and verb.form.lemma == "say" and verb.last == len(verb.units)


def _headline_second_verb(verb: Verb, i: int) -> bool:
    """ "Blinken confronts Lavrov over Georgia, warns of 'costs'": a headline's second verb in
    the present tense right after a comma, its subject left out, as headlines coordinate two
    verbs of one subject without "and"; in a URL slug's lower case, whose comma is lost, right
    after a place the first verb took ("rutte arrives in kyiv says ..."). Read as "... and
    warns" (the clause's opening subject), unless the words after it are an inverted speaker
    ("<claim>, warns Kremlin")."""
    work, units = verb.work, verb.units
    if work.index != 0 or i < verb.floor or verb.form.participle:
        return False
    if not present_form(work.folded[verb.start : verb.end], verb.form.lemma):
        return False
    if units[i][LOW] == ",":
        return True
    return work.written_lower and i - 1 >= verb.floor and units[i - 1][LOW] in _PLACE_PREPS


def _coordinated(verb: Verb, i: int) -> bool:
    """The verb is the clause subject's second verb after "and" or "or" (unit `i`); the other
    way to a second verb is past the object of a slug's first verb (`_slug_object`)."""
    return i >= verb.floor and (verb.units[i][LOW] in COORD or both_after_and(verb, i))


def _joined_attr(verb: Verb, slug: bool, earlier: list[Attr]) -> Attr | None:
    """The speaker of a subject's second verb: the clause's subject, or the speaker a slug's
    "says <name>" closing it names ("... backs kyiv says <name>"; `slug`: the verb follows a
    slug's object, `_slug_object`)."""
    if slug and _headline_end(verb):
        inverted = inverted_attr(verb)
        if inverted is not None:
            return inverted
    return coordinated_attr(verb, earlier)


def _slug_object(verb: Verb, i: int) -> bool:
    """ "nato backs kiev criticizes russia", "russia watching nato warns ...": in a headline
    rebuilt from a URL's words, whose comma is lost, a side named right after a first verb of
    the headline's subject (one that takes a side as its object, or its "-ing" form) is that
    verb's object; the speech verb after it is the subject's second verb ("... backs Kyiv,
    criticizes Russia"), not the object's."""
    work, units = verb.work, verb.units
    if work.index != 0 or not work.written_lower or verb.form.participle or i - 2 < verb.floor:
        return False
    term, low = units[i][TERM], units[i - 1][LOW]
    if term is None or term.kind not in ("alias", "speaker") or term.possessive:
        return False
    if units[i - 1][TERM] is not None or not low.isalpha():
        return False
    if not present_form(work.folded[verb.start : verb.end], verb.form.lemma):
        return False
    return OBJECT_VERB.match(low) is not None or (low.endswith("ing") and low not in ING_NOUNS)


# Auxiliaries of the perfect an adverb in -ly may follow before any speech verb ("have
# continuously accused", "has steadfastly denied"): the verb's own adverb, whatever list knows
# it ("are busily arguing" pictures a side in progress: no statement).
_ADVERB_AUX = word_set("has have had")


def _after_aux(units: list[Unit], i: int) -> bool:
    """The adverb at unit `i` stands right after an auxiliary ("have continuously accused")."""
    return i > 0 and units[i - 1][LOW] in _ADVERB_AUX and units[i - 1][TERM] is None


def _between_subject_and_verb(verb: Verb, i: int) -> bool:
    """Unit `i` is an auxiliary, a listed adverb or time word, or an adverb in -ly where one
    may stand: before a verb no list has, after an auxiliary or after a side's name."""
    units = verb.units
    if units[i][LOW] in SKIP:
        return True
    if not adverb(units[i]):
        return False
    return verb.adverbs or _after_aux(units, i) or _after_name(units, i, verb.floor)


def _after_name(units: list[Unit], i: int, floor: int) -> bool:
    """The adverb at unit `i` stands right after a side's name or speaker ("which Moscow
    stoutly denied"): a manner adverb, where after an adjective it may be a noun ("the German
    weekly reported")."""
    if i - 1 < floor:
        return False
    term = units[i - 1][TERM]
    return term is not None and bool(term.actors) and term.kind in ("alias", "speaker")


def _subject_end(verb: Verb) -> tuple[int, bool] | None:
    """The unit where the subject before the verb ends, past auxiliaries, adverbs, "continued
    to" and a bracketed aside, and whether a relative pronoun led there ("statements by
    Zelensky, who said"); None for a passive ("is believed to") or an infinitive."""
    units, floor = verb.units, verb.floor
    i = verb.k - 1
    if (
        i > floor
        and units[i][LOW] in QUOTE_MARKS
        and units[i - 1][LOW] not in _QUOTING_PRONOUNS
        and opens_quote(verb.work, units[i][START], verb.start, floor)
    ):
        i -= 1  # 'Scholz "stressed ..."': the mark that opens the words quoted from the verb on
    prev = verb.low(i)
    h = i
    while h > floor and verb.low(h) in SKIP and units[h][TERM] is None:
        h -= 1  # "Sybiha, who earlier emphasized ...": past the adverbs to the pronoun
    noun = _relative_noun(verb, h)
    relative = noun is not None
    if noun is not None:
        i, prev = noun, "who"
    if _passive_before(verb, i, prev):
        return None
    before = _before_infinitive(units, i, floor)
    if before is None:
        return None
    i = before
    while i >= floor and units[i][TERM] is None and _between_subject_and_verb(verb, i):
        i -= 1  # "has also"; for a verb no list has, "has continually"
    if i > floor and units[i][LOW] == "." and units[i - 1][LOW] in NAME_SUFFIXES:
        i -= 1  # "John F. Kerry Jr. said"
    opening = OPENERS.get(units[i][LOW]) if i > floor else None
    if opening is not None:  # "Ukraine's military intelligence (HUR) said", an editor's
        # gloss: "The Verkhovna Rada [Ukrainian Parliament] has appealed"
        j = i - 1
        while j > floor and i - j < ASIDE and units[j][LOW] != opening:
            j -= 1
        if units[j][LOW] == opening:
            i = j - 1
    return i, relative


# Pronouns before a quote that opens on its verb: whose words they are is the quote's question
# ('a statement that they "rejected ..."'), not a named subject's.
_QUOTING_PRONOUNS = word_set("he she they it we i you")


def _relative_noun(verb: Verb, h: int) -> int | None:
    """The unit ending the noun that a "who" at unit `h` relates to, the verb's subject:
    "statements by Zelensky, who said ...", or with no comma right after a side's named
    person ("a call with President X who requested ..."); None when unit `h` is no such "who"."""
    units, floor = verb.units, verb.floor
    if verb.low(h) == "which" and h - 2 >= floor and units[h - 1][LOW] == ",":
        term = units[h - 2][TERM]
        text = term is not None and term.kind == "role" and text_genre(units[h - 2][LOW])
        return h - 2 if text else None  # "the doctrine, which says that ...": the text's
    if verb.low(h) != "who" or h - 1 < floor:
        return None
    if h - 1 > floor and units[h - 1][LOW] == ",":
        return h - 2
    return h - 1 if h > floor and _named_person(units[h - 1]) else None


def _named_person(unit: Unit) -> bool:
    """A side's person named by the lexicon: a "who" right after one opens a clause about
    that person, comma or not ("the sailors who said" is no side's)."""
    term = unit[TERM]
    return term is not None and term.kind == "speaker" and bool(term.actors) and unit[CAP]
