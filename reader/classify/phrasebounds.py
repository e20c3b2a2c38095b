"""Where a noun phrase around a unit starts and ends.

`np_before` walks back from the unit that ends a phrase, past names, titles, "of the", a list
that "and" closes ("Britain, France and Russia said") and the words between a side and its
office ("the Russian foreign trade department", "General Staff of the Armed Forces of
Ukraine"); `np_after` walks forward from its first unit ("according to Ukrainian and Western
intelligence") and leaves off a dangling preposition; `first_phrase` takes a headline's first
phrase. Here too: the heads that end a phrase one word early (`state_head`: "NATO countries",
`channel_head`: "the Kremlin's website"), the words that qualify an office or a text's genre
(`modifier_word`, `text_genre`), and a gathering told after an owner's phrase ("by Putin at the
BRICS summit that ...", `past_forum`). Why a module of its own: where a phrase ends depends
only on its words' shapes and the kinds of their terms, and is asked before anyone asks whom
the phrase stands for (reader.classify.phrases resolves the units it is given), so the two are
read apart; neither imports the other.
"""

from __future__ import annotations

from collections.abc import Sequence

from reader.classify.types import CAP, END, LOW, START, TERM, TITLE_ABBREVIATIONS, Unit
from reader.classify.wordclasses import (
    ARTICLES,
    CALENDAR,
    CHANNEL_NOUNS,
    COMPASS,
    COORD,
    HOST_PREP,
    NEWLY_INSTALLED,
    NOUN_MARK,
    NP_MODIFIERS,
    NP_PREP,
    OBJECT_PREP,
    OFFICES,
    SENT,
    STATE_FORMS,
    STATE_HEADS,
    is_role,
    namelike,
    word_set,
)
from reader.rules.compile import Term


def np_before(units: Sequence[Unit], i: int, floor: int) -> tuple[int, int]:
    """The noun phrase ending at unit `i` (inclusive), as a [start, end) range of units."""
    j = i
    if state_head(units, i, floor) or channel_head(units, i, floor):
        j = i - 1  # "NATO countries said", "the Kremlin's website says"
    while j >= floor and i - j < 14:
        if units[j][TERM] is None and units[j][LOW] in ARTICLES:
            if not _determiner_inside(units, j, floor):
                return j, i + 1
            j -= 2
            continue
        if not _extends_back(units, i, j, floor):
            break
        j -= 1
    return j + 1, i + 1


def state_head(units: Sequence[Unit], i: int, floor: int) -> bool:
    """Unit `i` is a plural noun of states after a side's name ("NATO countries", "Western
    governments"), which the lexicon need not list as a role."""
    if i - 1 < floor or units[i][TERM] is not None or units[i][LOW] not in STATE_HEADS:
        return False
    term = units[i - 1][TERM]
    return term is not None and term.kind in ("alias", "adjective")


def common_word(unit: Unit) -> bool:
    """A word in lower case that no rule knows: a common noun, verb or adjective, never a
    name, an office or a side's word, so it can only qualify what follows it."""
    return unit[TERM] is None and not unit[CAP] and unit[LOW].isalpha()


# Offices also named for what they do, after a common noun that makes them a task or a body
# of no side's: "the UN human rights monitoring mission", "a peacekeeping mission", "a trade
# delegation" are not the mission or delegation a side's adjective named earlier.
_TASK_OFFICES = word_set("mission missions delegation delegations")


def task_office(units: Sequence[Unit], a: int, floor: int) -> bool:
    """The phrase at unit `a` opens with a task office (`_TASK_OFFICES`) right after a word in
    lower case that is no article, no possessive and no function word: a compound noun
    ("monitoring mission"), no office of anyone the article named."""
    if a - 1 < floor or units[a][LOW] not in _TASK_OFFICES:
        return False
    low = units[a - 1][LOW]
    return (
        common_word(units[a - 1])
        and low not in NOUN_MARK
        and low not in OBJECT_PREP
        and low not in _SUBORDINATORS
        and low not in NP_MODIFIERS
        and low != "that"
    )


def channel_head(units: Sequence[Unit], i: int, floor: int) -> bool:
    """Unit `i` is a channel noun (`CHANNEL_NOUNS`) right after its owner: a side's name or
    office, possessive or not ("the Kremlin website", "the U.S. Army's website"), or a name's
    possessive ("the U.S. Army in Europe's website": the name's phrase says whose), past one
    platform's name in capitals between them ("Zelensky's Telegram channel", "the ministry's
    Facebook page")."""
    if i - 1 < floor or units[i][TERM] is not None or units[i][LOW] not in CHANNEL_NOUNS:
        return False
    owner = units[i - 1]
    if _platform(owner) and i - 2 >= floor:
        owner = units[i - 2]
    term = owner[TERM]
    if term is None:
        return owner[CAP] and owner[LOW].endswith(("'s", "’s"))
    return term.kind in OFFICES or term.kind == "alias"


def _platform(unit: Unit) -> bool:
    """A platform's name in capitals before a channel's noun ("Telegram channel", "Facebook
    page"), no side's or office's word and no possessive: the owner stands before it."""
    low = unit[LOW]
    return unit[TERM] is None and unit[CAP] and namelike(low) and not low.endswith(("'s", "’s"))


# A quantifier that opens a sentence before "of the ...": a part of the group after it ("Most
# of the allies back ..."), whose side the phrase from its article gives, no name.
_PARTITIVES = word_set("most many some several all both each few none either neither")


def _determiner_inside(units: Sequence[Unit], j: int, floor: int) -> bool:
    """The article at unit `j` closes a phrase inside a larger one: "a source in the SBU", "the
    editor of a state agency", or a proper name's "Coordination Headquarters for the Treatment
    of Prisoners of War"."""
    return (
        j - 2 >= floor
        and (units[j - 1][LOW] in NP_PREP or units[j - 1][LOW] == HOST_PREP)
        and (
            is_role(units[j - 2])
            or unofficial_word(units[j - 2])
            or _capitalised(units[j - 2])
            or (units[j - 1][LOW] == HOST_PREP and _sender(units, j - 2, floor))
        )
    )


def _sender(units: Sequence[Unit], k: int, floor: int) -> bool:
    """Unit `k` is the side that sends a mission, after its "of": "the Mission of (the
    Republic of) Ukraine", "the Ambassador of the Russian Federation"."""
    term = units[k][TERM]
    if term is None or term.kind not in ("alias", "adjective"):
        return False
    h = k - 1
    while h > floor and h >= k - 4 and units[h][LOW] in ARTICLES | STATE_FORMS | {"of"}:
        if units[h][LOW] == "of" and is_role(units[h - 1]):
            return SENT.search(units[h - 1][LOW]) is not None
        h -= 1
    return False


def unofficial_word(unit: Unit) -> bool:
    """A word of `unofficial:`, a person's noun as a role is ("the editor of a state agency",
    "said defence analyst X")."""
    term = unit[TERM]
    return term is not None and term.kind == "unofficial"


def _extends_back(units: Sequence[Unit], i: int, j: int, floor: int) -> bool:
    """Whether unit `j` (no article) belongs to the noun phrase that ends at unit `i`."""
    unit = units[j]
    low = unit[LOW]
    if low == "of" and j > floor and units[j - 1][LOW] in _PARTITIVES:
        return False  # "Most of the allies": the group, a part of it no name
    if unit[TERM] is not None:
        return True
    if unit[CAP] and low in CALENDAR:
        return j > floor and units[j - 1][LOW].endswith(("'s", "’s"))  # "X's Friday statement"
    if (
        unit[CAP] and namelike(low) and low not in OBJECT_PREP and low not in _SUBORDINATORS
    ) or low in NP_MODIFIERS:
        return True
    if newly_installed(units, j) or (j > floor and newly_installed(units, j - 1)):
        return True  # "the newly appointed envoy said": "newly" or its participle
    if (
        low in COMPASS or (low == "and" and j > floor and units[j - 1][LOW] in COMPASS)
    ) and _compass_inside(units, i, j, floor):
        return True
    if low == ".":
        return _abbreviation_dot(units, j)  # "Gov.", "U.S.", "F." - not a sentence's end
    if low in ("'s", "’s"):
        return True
    if low == "-":
        return not _spaced(units, j)  # "... not Ukraine - Kovacs wrote": a dash ends it
    if low in _QUOTE_MARKS:
        return _nickname_mark(units, j, floor)
    return floor < j < i and _links_inside(units, j)


_QUOTE_MARKS = frozenset(['"', "“", "”"])
_NICKNAME = 3  # the most words a quoted nickname inside a name holds


def _nickname_mark(units: Sequence[Unit], j: int, floor: int) -> bool:
    """Unit `j` is a quote mark around a nickname inside a name ('Oleh "Falcon" Ivanenko'):
    the other mark is a few capitalised words away, on either side."""
    for step in (-1, 1):
        h = j + step
        while floor <= h < len(units) and abs(h - j) <= _NICKNAME + 1:
            if units[h][LOW] in _QUOTE_MARKS:
                return abs(h - j) > 1
            if not units[h][CAP]:
                break
            h += step
    return False


def _spaced(units: Sequence[Unit], j: int) -> bool:
    """Unit `j` stands apart from the units on both sides of it (a dash, not a hyphen)."""
    return (
        0 < j < len(units) - 1
        and units[j - 1][END] < units[j][START]
        and units[j][END] < units[j + 1][START]
    )


# Words that open a clause, capitalised at a sentence's start but never part of a name ("If
# Russia refuses ...", "As Moscow warned ...", "But Moscow denied ...").
_SUBORDINATORS = word_set(
    "if unless until whether as when while whilst although though because once but and yet so"
    " or nor"
)


# Words a full stop abbreviates inside a name or a title ("Gov. Oleh Kiper", "Sen. Graham").
_ABBREVIATIONS = TITLE_ABBREVIATIONS | {"no"}


def _abbreviation_dot(units: Sequence[Unit], j: int) -> bool:
    """A full stop after an initial or an abbreviation, which a phrase runs through; after any
    other word it ends a sentence ("... in a Facebook statement. Spokesperson X said")."""
    if j == 0:
        return False
    before = units[j - 1][LOW]
    return len(before) == 1 or "." in before or before in _ABBREVIATIONS


def _links_inside(units: Sequence[Unit], j: int) -> bool:
    """A word between two parts of one phrase: "the State Duma Committee on Defense", "General
    Staff of the Armed Forces", "ambassador to", "Russian and Ukrainian", and one modifier
    between the side and the role ("Ukrainian naval officers")."""
    low = units[j][LOW]
    left = units[j - 1]
    left_term = left[TERM]
    return (
        (low == "," and _listed_party(units, j))
        or (low == "on" and _capitalised(left) and units[j + 1][CAP])
        or (low in NP_PREP and (left_term is not None or (left[CAP] and namelike(left[LOW]))))
        or (low == HOST_PREP and (is_role(left) or _sender(units, j - 1, 0)))
        or (
            low == "and"
            and left_term is not None
            and left_term.kind in ("alias", "speaker", "adjective")
        )
        or _modifier_of_role(units, j)
    )


# The most common words between a side's word and its office ("the Russian foreign trade
# department", "Russia's grain export office"): more is a clause, not a compound; a text's
# genre takes one more ("Russia's updated national security strategy"), an office no more
# ("a Ukrainian drone unit commander" is no office of the state's).
_ROLE_MODIFIERS = 2
TEXT_MODIFIERS = 3
# The head nouns of texts a side issues or adopts, which speak for it ("Russia's new doctrine
# says ..."), and the general nouns a story calls any such text by again ("the document").
TEXT_GENRES = word_set(
    "statement declaration communique communiqué law bill resolution decree readout doctrine"
    " strategy concept report"
)
GENERIC_TEXTS = ("document",)
# Words that never qualify a noun inside its phrase: past one, a clause or a second phrase goes
# on ("Russia's decision to send officials", "Kyiv's plea for the ministers").
_NOT_MODIFIER = NOUN_MARK | OBJECT_PREP | _SUBORDINATORS | COORD | word_set("of that which who")


def _modifier_of_role(units: Sequence[Unit], j: int) -> bool:
    """Unit `j` is a word between a side's adjective or name and an office: one word ("Ukrainian
    naval officers"), or up to `_ROLE_MODIFIERS` common words after a side's word that only a
    noun phrase's opening can hold, "the"/"a" and an adjective or a possessive name ("the
    Russian foreign trade department said", "Russia's grain export office"; "Russia moves
    most forces" is a clause), up to `TEXT_MODIFIERS` before a text's genre. The office is
    that side's: never a speaker of another side named before it, by carry-over
    (`role_subject`)."""
    left = units[j - 1][TERM]
    if units[j][LOW].isalpha() and is_role(units[j + 1]) and _side_word(left):
        return True
    if not modifier_word(units[j]):
        return False
    a = j
    while a - 1 >= 0 and j - a < TEXT_MODIFIERS and modifier_word(units[a - 1]):
        a -= 1
    b = j
    while b + 1 < len(units) and b - a + 1 < TEXT_MODIFIERS and modifier_word(units[b + 1]):
        b += 1
    if b + 1 >= len(units) or not is_role(units[b + 1]):
        return False
    return (
        b - a < (TEXT_MODIFIERS if text_genre(units[b + 1][LOW]) else _ROLE_MODIFIERS)
        and a >= 1
        and _opens_side_phrase(units, a - 1)
    )


def text_genre(role: str) -> bool:
    """The role names a text's genre ("strategy", "military doctrine"), no office."""
    return role.split()[-1] in TEXT_GENRES


def _modifies_text(units: Sequence[Unit], j: int) -> bool:
    """Unit `j` is one of the words between a side's word and a text's genre, read forward
    ("Russia's updated national security strategy lists ..."): the text is the side's. (An
    office read forward takes one word, `_modifies_role`: "a Ukrainian drone unit commander"
    is a unit's, no office of the state's.)"""
    k = j
    while k < len(units) and k - j < TEXT_MODIFIERS and modifier_word(units[k]):
        k += 1
    return k < len(units) and text_genre(units[k][LOW]) and _modifier_of_role(units, j)


def modifier_word(unit: Unit) -> bool:
    """A common word that can qualify the noun after it, no function word (`_NOT_MODIFIER`)."""
    return common_word(unit) and unit[LOW] not in _NOT_MODIFIER


def _side_word(term: Term | None) -> bool:
    return term is not None and term.kind in ("adjective", "alias")


def _opens_side_phrase(units: Sequence[Unit], k: int) -> bool:
    """Unit `k` is a side's word that opens a noun phrase: an adjective after an article
    ("the Russian"), or a name's possessive ("Russia's")."""
    low = units[k][LOW]
    term = units[k - 1][TERM] if low in ("'s", "’s") and k >= 1 else units[k][TERM]
    if term is None or term.kind not in ("adjective", "alias"):
        return False
    return low.endswith(("'s", "’s")) or (
        term.kind == "adjective" and k >= 1 and units[k - 1][LOW] in ARTICLES
    )


def _compass_inside(units: Sequence[Unit], i: int, j: int, floor: int) -> bool:
    """A compass word at unit `j` (or the "and" between two) inside a phrase of place that
    a preposition joins to an office ("officials in eastern Ukraine", "authorities in
    eastern and southern Ukraine"): part of the phrase, as the place's name is."""
    h = j
    while h > floor and (units[h][LOW] in COMPASS or units[h][LOW] == "and"):
        h -= 1
    return h < j < i and units[h][LOW] in NP_PREP and _links_inside(units, h)


# The kinds of term that may be the parties of a list ("Poland, Ukraine and Lithuania said").
_LISTED_KINDS = frozenset(["alias", "speaker"])


def _listed_party(units: Sequence[Unit], j: int) -> bool:
    """The comma at unit `j` joins the parties of one list that "and" closes ("Britain, France
    and Russia said", "Lavrov, Blinken and Kuleba agreed"): a side's name or speaker on both
    sides of it, and an "and" after a third one to come; not a list a preposition governs
    ("In Kyiv, Peskov and Lavrov said", "the leaders of A, B and C"), whose parties are
    places or owners, not speakers."""
    if j < 1 or j + 3 >= len(units):
        return False
    left, right = units[j - 1][TERM], units[j + 1][TERM]
    if left is None or right is None or left.kind not in _LISTED_KINDS:
        return False
    if right.kind not in _LISTED_KINDS:
        return False
    h = j - 1
    while h > 1 and units[h - 1][LOW] == "," and units[h - 2][TERM] is not None:
        h -= 2  # back to the list's first party
    if h > 0 and (units[h - 1][LOW] in OBJECT_PREP or units[h - 1][LOW] == "of"):
        return False  # "In Kyiv, ...", "the leaders of A, B and C": a preposition's list
    k = j + 2
    while k + 1 < len(units) and units[k][LOW] == "," and units[k + 1][TERM] is not None:
        k += 2  # "A, B, C and D"
    return units[k][LOW] == "and" and units[k + 1][TERM] is not None


def newly_installed(units: Sequence[Unit], j: int) -> bool:
    """Unit `j` is the "newly" of a title's "newly appointed", "newly elected" (the participle
    after it): two words that qualify the office as "new" does, not a verb of the clause."""
    return units[j][LOW] == "newly" and j + 1 < len(units) and units[j + 1][LOW] in NEWLY_INSTALLED


def _capitalised(unit: Unit) -> bool:
    """A capitalised name word or office ("Committee"), not an actor's name."""
    if not unit[CAP]:
        return False
    return (unit[TERM] is None and namelike(unit[LOW])) or is_role(unit)


def np_after(units: Sequence[Unit], i: int, ceiling: int) -> tuple[int, int]:
    """The noun phrase starting at unit `i`, as a [start, end) range of units."""
    j = i
    while j < ceiling and j - i < 14:
        unit = units[j]
        low = unit[LOW]
        if unit[TERM] is not None or (unit[CAP] and namelike(low)) or low in NP_MODIFIERS:
            j += 1
            continue
        if newly_installed(units, j):
            j += 2  # "the newly appointed head of ...": both words qualify the office
            continue
        if low in ARTICLES and (
            j == i or units[j - 1][LOW] in NP_PREP or units[j - 1][LOW] == HOST_PREP
        ):
            j += 1
            continue
        if low.isdigit() and j > i and units[j - 1][LOW] in ARTICLES:
            j += 1  # "the 31 members of the alliance": a count between article and noun
            continue
        if low == "." and j + 1 < ceiling and units[j + 1][LOW] in ARTICLES:
            break  # "the leaders of NATO. The head of state ...": a sentence ends there
        if low in ("'s", "’s", "-", "."):
            j += 1
            continue
        if j > i and j + 1 < ceiling and _links_forward(units, j):
            j += 1
            continue
        if _coordinated_sides(units, i, j, ceiling):
            j += 2  # "Ukrainian and Western intelligence": both adjectives go with the noun
            continue
        break
    return i, _without_dangling(units, i, j)


def _coordinated_sides(units: Sequence[Unit], i: int, j: int, ceiling: int) -> bool:
    """Unit `j` is the "and" between two sides' adjectives that share the noun after them
    ("according to Ukrainian and Western intelligence", "by Russian and Belarusian forces"):
    the phrase before it is only an article and adjectives, which name no one alone."""
    if j + 1 >= ceiling or units[j][LOW] != "and" or not _side_adjective(units[j + 1]):
        return False
    words = [u for u in units[i:j] if u[LOW] not in ARTICLES]
    return bool(words) and all(_side_adjective(u) for u in words)


def _side_adjective(unit: Unit) -> bool:
    """A side's adjective of the lexicon, not a possessive ("Russian", "Western")."""
    term = unit[TERM]
    return term is not None and term.kind == "adjective" and not term.possessive


def _links_forward(units: Sequence[Unit], j: int) -> bool:
    """Unit `j` (inside the phrase, a unit after it) joins what comes next to the phrase read
    forward: "ambassador to", a preposition before a name or an article, or one word between
    a side and its role ("according to Russian-backed election officials")."""
    low = units[j][LOW]
    if low == HOST_PREP and (is_role(units[j - 1]) or _sender(units, j - 1, 0)):
        return True  # "ambassador to", "the Mission of Ukraine to": the host, read on
    if _modifies_role(units, j) or _modifies_text(units, j):
        return True
    if low not in NP_PREP:
        return False
    nxt = units[j + 1]
    return nxt[TERM] is not None or nxt[CAP] or nxt[LOW] in ARTICLES


def _modifies_role(units: Sequence[Unit], j: int) -> bool:
    """Unit `j` is one lower-case word between a side's adjective or name and a role, read
    forward as `_links_inside` reads it back ("according to US defence officials")."""
    left_term = units[j - 1][TERM]
    return (
        units[j][LOW].isalpha()
        and not units[j][CAP]
        and is_role(units[j + 1])
        and left_term is not None
        and left_term.kind in ("adjective", "alias")
    )


def _without_dangling(units: Sequence[Unit], i: int, j: int) -> int:
    """Where the phrase units[i:j] ends without the preposition or article it was left with
    ("Minister X in a parliamentary debate": before "in a")."""
    while j - 1 > i and units[j - 1][TERM] is None:
        low = units[j - 1][LOW]
        if low not in ARTICLES and low not in NP_PREP and low != HOST_PREP:
            break
        j -= 1
    return j


def first_phrase(units: list[Unit]) -> list[Unit]:
    """The first noun phrase of a headline fragment: "Zelensky to Rutte" -> "Zelensky"."""
    out: list[Unit] = []
    for unit in units:
        if unit[TERM] is None and not unit[CAP] and unit[LOW] not in NP_MODIFIERS:
            if out and (unit[LOW] in NP_PREP or (unit[LOW] == "the" and out[-1][LOW] in NP_PREP)):
                out.append(unit)  # "Head of the Russian Foreign Ministry X": one office
                continue
            if out:
                break
            continue
        out.append(unit)
    while out and out[-1][TERM] is None and out[-1][LOW] in NP_PREP | {"the"}:
        out.pop()
    return out


# A gathering a view was put out at, and the words of its place and time after it: "the
# pledge announced at NATO's Bucharest summit back in 2008, that ...", "the claim made by X at
# the BRICS summit that ...", "the decision of the allies' summit in Vilnius on July 11-12 to".
FORUMS = word_set(
    "summit summits meeting meetings session sessions congress conference conferences "
    "ministerial ministerials"
)
_FORUM_PREPS = frozenset(["at", "during"])
_FORUM_WORDS = 4  # "at the recent NATO Bucharest summit"
_FORUM_TAIL = word_set(
    "in back earlier last this year early late of the summer spring autumn winter"
)
_TAIL_WORDS = 8  # "in Vilnius, Lithuania, on July 11-12,"


def forum_end(units: Sequence[Unit], f: int) -> int:
    """The unit after the place and the time told after the gathering's noun at unit `f`
    ("summit in Vilnius, Lithuania, on July 11-12,", "summit back in 2008,"): where what the
    view says may open; `f + 1` if none is told."""
    k = f + 1
    while k < len(units) and k - f <= _TAIL_WORDS:
        low = units[k][LOW]
        dated = low == "on" and k + 1 < len(units) and units[k + 1][CAP]  # "on July 11"
        if not (
            low in _FORUM_TAIL
            or dated
            or low == ","
            or any(ch.isdigit() for ch in low)
            or (units[k][CAP] and namelike(low))
        ):
            break
        k += 1
    return k


def past_forum(units: Sequence[Unit], b: int) -> int:
    """The unit past a gathering told after an owner's phrase that ends before unit `b` ("by
    Putin [at the BRICS summit] that ..."), with its place and time; `b` if no "at" or
    "during" a gathering follows the owner."""
    if b >= len(units) or units[b][LOW] not in _FORUM_PREPS:
        return b
    for f in range(b + 1, min(b + 1 + _FORUM_WORDS, len(units))):
        low = units[f][LOW]
        if low in FORUMS:
            return forum_end(units, f)
        if not namelike(low) or low in ("that", "to", "which", "who", "about"):
            return b
    return b


def copula_content(units: Sequence[Unit], k: int, head: int) -> bool:
    """Whether a view's content opens at unit `k` as a copula's "that" clause right after the
    view and its owner ("the second argument of the Russian side is that ...", "Moscow's
    position was that ..."): what the view holds, as "the claim that" gives it. Only when the
    view, its phrase opening at unit `head`, is the copula's subject: one a preposition takes
    ("the irony of the Kremlin's statement is that ...", "what is new in X's position is
    that ...") is what the writer says about it."""
    if not (k + 1 < len(units) and units[k][LOW] in ("is", "was") and units[k + 1][LOW] == "that"):
        return False
    for b in range(head - 1, max(head - 4, -1), -1):
        low = units[b][LOW]
        if low == "of" and b and units[b - 1][LOW] in _PARTITIVES | {"one", "another"}:
            return True  # "one of the theses of the Russian side is that ...": its subject
        if low in OBJECT_PREP or low == "of":
            return False
        if not low[:1].isalpha():
            break  # a comma or a stop: the phrase opens the clause
    return True
