"""The closed word classes the grammar reads past or stops at, and the words of offices the
noun-phrase steps share.

Auxiliaries, adverbs and time words between a subject and its verb (`SKIP`, `adverb`,
`TIME_PHRASE`), the calendar's words (`WEEKDAYS`, `MONTHS`, `MONTH_ABBREVIATIONS`, `CALENDAR`:
every other list of days or months is built from them), the prepositions that open an object or
join a head noun to its complement (`OBJECT_PREP`, `NP_PREP`), articles, conjunctions, the words
that open a subordinate clause, honorifics; whether a word can be part of a name (`namelike`),
is a role (`is_role`), a verb's plain present (`present_form`) or a participle (`ing_form`); and
the words of a state's offices abroad, read by the preposition after them ("envoy to", "the
embassy in London", "the Mission of Ukraine to the OSCE": `HOST_PREP`, `SENT`). Why a module of
its own: whom a phrase stands for (reader.classify.phrases), where it starts and ends
(reader.classify.phrasebounds), a person's name (reader.classify.personnames) and most steps of
the speech-verb grammar ask these same questions of a word; here they are answered once, below
all of them. Nothing here decides who speaks.
"""

from __future__ import annotations

import re

from reader.classify.types import CAP, LOW, TERM, Unit
from reader.rules.compile import inflect


def word_set(words: str) -> frozenset[str]:
    """A closed word class, written as one string of words."""
    return frozenset(words.split())


def present_form(surface: str, lemma: str) -> bool:
    """Whether the verb's `surface` is its plain present ("deny", "denies"; "complains" for
    "complain (that)"): not a past, a participle or a passive."""
    return surface.partition(" ")[0] in inflect(lemma.partition(" ")[0])[:2]


# The calendar's words, written once here: the days, the months, and the months' short forms
# before their full stop ("Aug. 25", "Sept. 17"; May has none).
WEEKDAYS = word_set("monday tuesday wednesday thursday friday saturday sunday")
MONTHS = word_set(
    "january february march april may june july august september october november december"
)
MONTH_ABBREVIATIONS = word_set("jan feb mar apr jun jul aug sep sept oct nov dec")
# Capitalised, but never part of a speaker's name: "On Friday Zelensky said" (no comma after
# the time) names Zelensky, and "On" is no preposition of his. Not "may": a speaker's name too
# ("May said", Theresa May) and the verb that opens a sentence ("May I add ...").
CALENDAR = WEEKDAYS | MONTHS - {"may"}


# Between a subject and its verb: auxiliaries, adverbs, time expressions.
SKIP = WEEKDAYS | word_set(
    "has have had was were is are be been did does do will would could may might shall should "
    "must also "
    "again once repeatedly later earlier previously already just then afterwards meanwhile however "
    "still further even never not n't long reportedly publicly separately recently now today "
    "yesterday tonight on last this that week month year morning evening night weekend "
    "in a statement jointly openly privately "
    "firmly strongly sharply bluntly personally more so far consistently categorically "
    "flatly vehemently explicitly directly officially formally initially subsequently "
    "specifically expressly clearly immediately "
    # adverbs with no -ly before a verb ("has always sought", "often urged")
    "often always usually sometimes ever "
    # manner adverbs a narrator puts before a speaker's verb ("cynically said", "angrily accused")
    "cynically angrily bitterly cautiously emphatically sarcastically ironically candidly "
    "frankly calmly confidently harshly unequivocally sternly pointedly curtly tersely solemnly "
    "defiantly furiously indignantly mockingly scornfully smugly brazenly falsely"
)


# Words in -ly that are nouns, not adverbs ("the ally said", "a rally", "the assembly").
_LY_NOUNS = word_set("ally rally assembly family supply anomaly monopoly belly homily")
# Adverbs that make a verb hearsay, no one's stated position ("allegedly noted", "X
# reportedly plans"): reader.classify.subject and restated too.
HEARSAY = word_set("allegedly reportedly purportedly supposedly")


def adverb(unit: Unit) -> bool:
    """A manner or time adverb in -ly between a subject and its verb ("has continually
    denied", "steadily increased"): a lower-case word of no lexicon, not a noun in -ly."""
    low = unit[LOW]
    return (
        low.endswith("ly")
        and len(low) > 4
        and unit[TERM] is None
        and not unit[CAP]
        and low not in _LY_NOUNS
        and low not in HEARSAY
    )


# A word before a verb form that makes it a noun: "the call", "his appeal", "Kyiv's request".
NOUN_MARK = frozenset(
    ["a", "an", "the", "his", "her", "its", "their", "our", "my", "your", "this", "these", "those"]
)


# A noun phrase after one of these is an object, not a subject ("disappointed in Putin").
OBJECT_PREP = word_set(
    "in on at with about against to from for by over into between than like toward towards "
    "across after before during under without within via despite near amid amidst"
)


# Joins a head noun to its complement inside one noun phrase ("General Staff of the Armed
# Forces of Ukraine", "a source in the SBU").
NP_PREP = frozenset(["of", "in", "at", "from", "for", "within"])


# The articles: a noun phrase's first word that is no name and no office.
ARTICLES = frozenset(["the", "a", "an"])

# The words of a state's formal name before its name: "the Ministry of Foreign Affairs of the
# Republic of Lithuania", "the Government of the Kingdom of the Netherlands".
STATE_FORMS = word_set("republic kingdom")

# A day or a date told with a statement, as regex source for folded text: "on Thursday",
# "on Thursday, July 27", "late on Monday evening", "late Monday", "on 12 March 2023",
# "on Dec. 22", "yesterday evening", "earlier today". The one reader of such a time: what a
# statement's verb may carry before its "by X" and before an inverted subject ('"...," said
# on Saturday the deputy minister'). A month is written out or short in the wires' (AP's) style,
# which writes March to July out: no "Mar.", "Apr.", "Jun." or "Jul." here.
_AP_MONTH_ABBREVIATIONS = MONTH_ABBREVIATIONS - {"mar", "apr", "jun", "jul"}
_MONTH = (
    "(?:"
    + "|".join(sorted(MONTHS))
    + "|"
    + "|".join(word + r"\." for word in sorted(_AP_MONTH_ABBREVIATIONS))
    + ")"
)
_DATE = rf"(?:\d{{1,2}}\s+{_MONTH}|{_MONTH}\s+\d{{1,2}})(?:,?\s+\d{{4}})?"
_WEEKDAY = "(?:" + "|".join(sorted(WEEKDAYS)) + ")"
_TIME_SHIFT = r"(?:late|early|earlier|later)\s+"
TIME_PHRASE = (
    rf"(?:(?:{_TIME_SHIFT}(?:on\s+)?|on\s+)(?:{_WEEKDAY}(?:,?\s+{_DATE})?|{_DATE})"
    rf"|(?:{_TIME_SHIFT})?(?:today|yesterday|tonight))(?:\s+(?:morning|afternoon|evening|night))?"
)


# After a diplomatic role, "to" names the host, not the side: "Russia's ambassador to
# Washington", "Ukraine's envoy to the UN". The host is part of the phrase but speaks for no one.
HOST_PREP = "to"
# The words of a state's offices abroad, one vocabulary read three ways below by what the
# preposition after the office opens: people sent ("envoy") and bodies sent ("mission"), each
# with an optional plural "s" (an embassy's plural is spelt out).
_ENVOY_WORDS = r"envoy|ambassador|representative"
_MISSION_WORDS = r"mission|delegation|representation"
_EMBASSY = r"embass(?:y|ies)"
# Offices sent to a host, whose "for" names the host too: "the US special envoy for Ukraine and
# Russia" is Washington's (a spokesperson "for the Khortytsia group" is the group's own).
ENVOY = re.compile(rf"\b(?:{_ENVOY_WORDS})s?\b")
# Diplomats posted to a capital, whose "in" names the host: "the chargé d'affaires in Moscow",
# "the Russian Embassy in London", "the monitoring mission in Ukraine" (not a representative:
# "a representative in parliament" sits there).
POSTED = re.compile(
    rf"\b(?:envoy|ambassador|{_EMBASSY}|chargé d'affaires|charge d'affaires|attaché|diplomat|"
    rf"{_MISSION_WORDS})s?$"
)
# A state's office at a body or in a capital, whose "of" names the state that sends it and
# whose "to" after that names the host: "the Permanent Mission of Ukraine to the OSCE",
# "the Ambassador of the Russian Federation to NATO" are the sender's.
SENT = re.compile(rf"\b(?:(?:{_ENVOY_WORDS}|{_MISSION_WORDS})s?|{_EMBASSY})$")
# A leader's own staff serve the one they are "to": "press secretary to the President of
# Ukraine", "adviser to the Russian president" take that leader's side; "to" is no host there.
STAFF = re.compile(r"\b(?:aide|advis[eo]r|press secretary|spokes(?:man|woman|person))s?$")


def namelike(low: str) -> bool:
    """A word that can be part of a person's name: letters, with inner hyphens or apostrophes
    ("Kosiniak-Kamysz", "O'Brien")."""
    return low.isalpha() or (
        low[:1].isalpha() and low.replace("-", "").replace("'", "").replace("’", "").isalpha()
    )


def is_role(unit: Unit | None) -> bool:
    term = unit[TERM] if unit is not None else None
    return term is not None and term.kind == "role"


# The compass words that may stand between a preposition and a side's name: "on eastern
# Ukraine", "officials in eastern and southern Ukraine".
COMPASS = word_set(
    "northern southern eastern western northeastern northwestern southeastern southwestern"
    " north-eastern north-western south-eastern south-western central"
)


# Lower-case words a title may hold: "the bloc's former secretary-general".
NP_MODIFIERS = word_set(
    "former then then- acting deputy top senior chief special new current outgoing incoming "
    "first second first-ever longtime long-time ex- interim top-ranking unnamed anonymous "
    "presidential diplomatic visiting newly-appointed newly-elected newly-named"
)
# The participles that follow "newly" in a title ("the newly appointed head of the mission"):
# two words that qualify the office as "new" does; alone, "appointed" is a verb.
NEWLY_INSTALLED = word_set("appointed elected named installed re-elected reelected")


COORD = frozenset(["and", "but"])


OFFICES = frozenset(["role", "speaker"])


STATE_HEADS = frozenset(["countries", "states", "nations", "governments", "capitals", "powers"])
# A side's own channel, which says what its owner says: "the Pentagon's website describes",
# "the ministry's page reads". Only after the owner's name or office, never after a side's
# adjective alone ("a Russian website" is anyone's).
CHANNEL_NOUNS = word_set("website websites site webpage page account channel feed")


# Words that open a subordinate clause before its subject ("If Russia had known ...", "As
# Moscow warned, ..."): the subject they open is not the sentence's own.
SUBORDINATE = word_set(
    "as because since while although though if unless when whenever after before once until"
)


def ing_form(unit: Unit) -> bool:
    """A word of no term ending in "-ing" ("Addressing", "saying"): a participle or a gerund,
    where a clause of its own opens."""
    low = unit[LOW]
    return unit[TERM] is None and low.endswith("ing") and low.isalpha()


# Honorifics before a person's name ("Sir", "Baroness", "Dr."), and the styles of address
# that take "the" ("the Rt Hon", "the Honourable"): no part of the name, and no side's word.
HONORIFICS = word_set("sir dame lord lady baroness baron dr prof professor rt hon honourable")

# Nouns in "-ing" a headline puts after the names of the sides they concern.
ING_NOUNS = word_set(
    "meeting briefing hearing funding shelling bombing fighting building spending training "
    "landing warning ruling gathering offering opening ending standing signing killing thing "
    "hacking morning evening swing spring string king wedding"
)

# Verbs of a headline whose object is a person or a state ("Blinken meets Kuleba", "Russia
# strikes Kyiv", "PM hosts president"): their forms, so the name after them is no source.
OBJECT_VERB = re.compile(
    r"(?:meet|met|host|visit|receiv|welcom|phon|call|thank|greet|invit|join|hug|replac|fir|"
    r"sack|appoint|nam|elect|sanction|summon|expel|strik|struck|hit|attack|target|shell|bomb|"
    r"back|slam|blast|prais|brief|tell|told|ask|urg|press|push|congratulat|accompan|support|"
    r"help|arm|defend|warn|accus|blam|hold|held|beat|defeat|sue|charg|ban|block|lobb|court|"
    r"snub|reject|oust|succeed|interview|question|quiz|challeng|criticis|criticiz|honou?r|"
    r"award|decorat|pardon|arrest|detain|free|releas|swap|exchang|trad|mak|made|becom|becam)"
    r"(?:e|es|s|ed|d|ing|t)?$"
)
