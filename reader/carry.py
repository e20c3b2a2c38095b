"""What an article establishes across blocks: the last speaker, who holds which role, and
the voice of a transcript or an official document.

Why a module of its own: a block's verdict may depend on earlier blocks ("he said" takes the
last named speaker; "the minister said" the last person named with that role; every line of a
statement is its author's). `State` is that memory; the functions here read and update it.
Carry-over only ever looks back, which is what lets `classify_iter` stream verdicts.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import compress
from operator import itemgetter

from reader.phrases import (
    Names,
    Who,
    appositive_name,
    np_after,
    np_before,
    person_name,
    resolve,
    tie_names,
)
from reader.rules.compile import CompiledRules, Term
from reader.scan import BlockWork, add_evidence
from reader.text_units import CAP, LOW, START, TERM, Unit


@dataclass
class Speaker:
    """Who spoke last, for carry-over."""

    actors: tuple[str, ...]  # () = a named speaker who is none of the actors
    block: int


@dataclass
class _Person:
    """Someone (or some office) the article has tied to an actor, and when last named."""

    actors: tuple[str, ...]
    last: int


@dataclass
class State:
    """What the article has established so far, carried from block to block."""

    last: Speaker | None = None
    voice: Speaker | None = None  # a transcript speaker ("Mark Rutte: ...")
    voice_kind: str = ""  # the kind of block that set the voice (a list item's ends the list)
    roles: dict[str, list[str]] = field(default_factory=dict)  # "minister" -> person keys
    people: dict[str, _Person] = field(default_factory=dict)  # "lavrov" -> Russia, block 4
    names: Names = field(default_factory=dict)  # "graham" -> nato (see phrases)
    official: bool = False  # a release, statement, readout or transcript (from its title)
    document: tuple[str, ...] | None = None  # the actor whose voice the document is in
    reports: bool = False  # ... and what it says others said is reported in that voice
    house: tuple[str, ...] = ()  # the side a dateline puts the article on ("KYIV, ... (AP)")
    interviewee: Speaker | None = None  # who answers the "A:" lines of an interview
    region: Speaker | None = None  # the region last named ("the Belgorod region"), and where


def known_role(who: Who, state: State, index: int | None = None) -> Who:
    """'the minister': the most recently named person with that role, if the article has one.

    `word` of the answer holds the block where that person was last named; with `index`, the
    person counts as named again in block `index`."""
    if who.kind != "role":
        return who
    best: _Person | None = None
    for key in who.roles:
        for person_key in state.roles.get(key, ()):
            person = state.people[person_key]
            if best is None or person.last > best.last:
                best = person
    if best is None:
        return who
    found = best.last
    if index is not None:
        best.last = index
    if not best.actors:
        # "the spokesman" after "Chinese Foreign Ministry spokesman Guo Jiakun": Guo again
        return Who("unknown", (), who.start, who.end, who.roles, word=str(found))
    return Who("actor", best.actors, who.start, who.end, who.roles, word=str(found))


def register_roles(work: BlockWork, state: State) -> None:
    """Remember who holds which role ("Russian Foreign Minister Sergey Lavrov": Lavrov is a
    minister, of Russia) and when each person was last named, for "the minister said" later.

    Only the capitalised units and the lexicon terms can name someone: the loops take those
    alone (`compress` picks the capitalised ones without a Python step per token)."""
    units = work.units
    index = work.index
    people = state.people
    if people:
        for unit in compress(units, map(_capital, units)):
            term = unit[TERM]
            if term is None:
                key = unit[LOW]
            elif term.kind == "speaker":
                key = surname(unit[LOW])
            else:
                continue
            person = people.get(key)
            if person is not None:
                person.last = index
        for i in work.term_at:
            unit = units[i]
            term = unit[TERM]
            if not unit[CAP] and term is not None and term.kind == "speaker":
                person = people.get(surname(unit[LOW]))
                if person is not None:
                    person.last = index
    _office_holders(work, state)
    n = len(units)
    for i in work.term_at:
        unit = units[i]
        term = unit[TERM]
        if term is None or term.kind != "role":
            continue
        a, _ = np_before(units, i, max(0, i - 6))
        _, b = np_after(units, i, min(n, i + 6))
        phrase = units[a:b]
        who = resolve(phrase, state.names)
        if who.kind not in ("actor", "unknown"):
            continue
        name = person_name(units, a, b, i)
        if (
            who.kind == "unknown"
            and name
            and state.house
            and _house_title(phrase, who.roles)
            and not _other_side_before(work, unit[START], state.house)
            and not (state.last and state.last.actors and state.house[0] not in state.last.actors)
        ):
            who = Who("actor", state.house, who.start, who.end, who.roles)
        elif who.kind == "unknown" and name and a > 0 and _house_title(phrase, who.roles):
            subject = _sentence_subject(work, a, state)
            if subject is not None:
                # "Finland will start making mines, Defense Minister Antti Hakkanen said"
                who = Who(
                    "actor", subject.actors, who.start, who.end, who.roles, member=subject.member
                )
        if name:
            person_key = surname(name[-1][LOW])
            if who.kind == "actor":
                tie_names(name, who.actors, who.member, state.names)
        elif who.kind == "actor":
            person_key = "/".join(who.actors) + ":" + unit[LOW].removesuffix("'s")
        else:
            continue  # "a statement", "Governor": no one the article can call again
        state.people[person_key] = _Person(who.actors, index)
        for key in who.roles:
            holders = state.roles.setdefault(key, [])
            if person_key in holders:
                holders.remove(person_key)
            holders.append(person_key)


# A lexicon speaker that is an office, not a person: its holder may be named after it.
_OFFICE = re.compile(r"\b(?:commander|committee|chief|secretary|spokes\w+|envoy|minister)\b")


def _office_holders(work: BlockWork, state: State) -> None:
    """ "the Supreme Allied Commander Europe, General Alexus Grynkewich": the name after an
    office of an actor's is that actor's, so "Grynkewich:" and "Grynkewich said" later are."""
    units = work.units
    for i in work.term_at:
        term = units[i][TERM]
        if term is None or term.kind != "speaker" or not term.actors:
            continue
        if _OFFICE.search(units[i][LOW]) is None:
            continue
        name = appositive_name(units, i + 1)
        if name and all(u[TERM] is None for u in name):
            tie_names(name, term.actors, term.member, state.names)


# Government titles that an outlet leaves unqualified when the side is plain from its dateline
# ("KYIV, Ukraine (AP) - ... Gov. Vadym Filashkin said"; "MOSCOW, June 12. /TASS/. Deputy
# Foreign Minister Sergey Ryabkov said"). Spokespeople only with "ministry" in the title. Not
# after another side's speaker: "Kremlin spokesman Dmitry Peskov said ... Foreign Minister Hakan
# Fidan said" is more likely the host of talks than the house's minister.
_HOUSE_TITLES = frozenset(
    [
        "minister",
        "foreign minister",
        "defence minister",
        "defense minister",
        "energy minister",
        "finance minister",
        "interior minister",
        "deputy foreign minister",
        "deputy prime minister",
        "deputy defence minister",
        "deputy defense minister",
        "governor",
        "regional governor",
        "region governor",
        "oblast governor",
        "gov.",
        "ambassador",
    ]
)
_SPOKES = frozenset(["spokesman", "spokeswoman", "spokesperson"])
# Capitalised words that may stand before a title without naming a side of their own.
_TITLE_WORDS = frozenset(
    ["deputy", "first", "acting", "senior", "chief", "vice", "regional", "state", "the", "gov."]
)
_MINISTRY = frozenset(["ministry", "foreign ministry", "defence ministry", "defense ministry"])
# A dateline: a capital city in capitals, then the date or the agency, then a dash or a slash
# ("KYIV, Oct 30 (Reuters) -", "KYIV, Ukraine (AP) —", "MOSCOW, March 12. /TASS/.").
_DATELINE = re.compile(r"([A-Z]{3,})(?:,[^\n]{0,40}?)?\s*(?:\(\w+\)\s*[-\u2013\u2014]|/\w+/)")


def _sentence_subject(work: BlockWork, a: int, state: State) -> Who | None:
    """The one actor a sentence opens with, when an unqualified title at unit `a` ends it
    after a comma: the country the sentence is about is the minister's."""
    units = work.units
    if units[a - 1][LOW] != ",":
        return None
    first = bisect_left(work.starts, work.sentence_start(units[a][START]))
    i, j = np_after(units, first, a)
    if i != first or j <= i:
        return None
    subject = resolve(units[i:j], state.names)
    direct = any(u[TERM] is not None and u[TERM].kind == "alias" for u in units[i:j])
    return subject if subject.kind == "actor" and len(subject.actors) == 1 and direct else None


def _house_title(phrase: Sequence[Unit], roles: tuple[str, ...]) -> bool:
    """A government title with no side of its own and nobody of a fourth actor in it:
    "Energy Minister Svitlana Hrynchuk", not "Foreign Minister Hakan Fidan" (a lexicon
    speaker of no actor) nor "Levada's director"."""
    before_role = True
    for unit in phrase:
        term = unit[TERM]
        if term is not None and term.kind in ("speaker", "other", "alias", "adjective"):
            return False
        if term is not None and term.kind == "role":
            before_role = False
        elif before_role and unit[CAP] and term is None and unit[LOW] not in _TITLE_WORDS:
            return False  # "Turkish Foreign Minister": a nationality the lexicon does not know
    keys = set(roles)
    return bool(keys & _HOUSE_TITLES) or (bool(keys & _SPOKES) and bool(keys & _MINISTRY))


def _other_side_before(work: BlockWork, at: int, house: tuple[str, ...]) -> bool:
    """An earlier sentence of the block already tells another side's account ("Russia's
    Defense Ministry said ... In the Belgorod region, Gov. Vyacheslav Gladkov said"): the
    title may be that side's official, so the dateline does not decide it."""
    opening = work.sentence_start(at)
    return any(
        start < opening
        and term.kind in ("alias", "adjective", "speaker")
        and term.actors
        and not set(term.actors) & set(house)
        for start, _, term in work.terms
    )


# A region's name: "the Belgorod region", "Kharkiv Oblast", "Kursk governor".
_REGION_AFTER = re.compile(r"(?:'s)?\s+(?:region|oblast|province|governor|regional)\b")


def note_region(work: BlockWork, state: State) -> None:
    """Remember the last region of one side the article names: "the governor wrote on
    Telegram" a paragraph later is that region's governor."""
    folded = work.folded
    if (
        "region" not in folded
        and "oblast" not in folded
        and "governor" not in folded
        and "province" not in folded
    ):
        return  # most blocks: four substring tests instead of a look after every term
    for _, end, term in work.terms:
        if (
            term.kind in ("adjective", "alias")
            and len(term.actors) == 1
            and not term.member
            and _REGION_AFTER.match(folded, end)
        ):
            state.region = Speaker(term.actors, work.index)


def house_side(work: BlockWork, state: State, rules: CompiledRules) -> None:
    """The side an opening dateline puts the article on: its city is one actor's alias."""
    match = _DATELINE.match(work.text)
    if match is None:
        return
    city = match.group(1).lower()
    for start, end, term in rules.terms.scan(city):
        if start == 0 and end == len(city) and term.kind == "alias" and len(term.actors) == 1:
            state.house = term.actors
            return


def surname(name: str) -> str:
    """How a speaker is called again: "sergey lavrov's" -> "lavrov"."""
    return name.removesuffix("'s").rsplit(" ", 1)[-1]


_capital = itemgetter(CAP)


def mostly_quoted(work: BlockWork) -> bool:
    quoted = sum(e - s for s, e in work.quotes)
    return bool(work.quotes) and (quoted * 2 >= len(work.text) or work.quotes[0][0] == 0)


# A title that makes the text an official document in one institution's voice.
OFFICIAL_TITLE = re.compile(
    r"\W*(?:(?:full\s+)?text\s+of\s+(?:the\s+)?|joint\s+|kremlin\s+|white\s+house\s+)?"
    r"(?:statement|declaration|summit\s+declaration|communiqu[eé]|readout|press\s+release|"
    r"remarks|address|comment|briefing|press\s+conference|news\s+conference|transcript|"
    r"(?:telephone|phone)\s+(?:conversation|call)|meeting|talks)\b",
    re.IGNORECASE,
)


# Genres whose title names the author: "Statement of the Ministry of Foreign Affairs of Ukraine".
_AUTHORED = re.compile(r"\W*(?:\w+\s+){0,3}?(?:of|by|from)\s+", re.IGNORECASE)


_ISSUER_END = re.compile(r"\s(?:on|at|in|about|regarding|concerning|following|after)\s|:")


_SAYS_ITS_VIEW = re.compile(
    r"\W*(?:(?:joint\s+)?statement|declaration|comment|communiqu[eé]|remarks|address)\b",
    re.IGNORECASE,
)


# A readout's opening: "Vladimir Putin had a telephone conversation with ...".
_READOUT = re.compile(
    r"\b(?:had|held|conducted)\s+(?:an?\s+)?(?:telephone\s+|phone\s+|video\s+|bilateral\s+)?"
    r"(?:conversation|talks|call|meeting|conference)\s+with\b"
)


# A declaration's opening: "We, the Heads of State and Government of the North Atlantic
# Alliance, ...".
_WE_OPENING = re.compile(r"we,\s+(.{3,160}?),")


_CONTENT = re.compile(r"(?:\S+\s+){4,}\S+[.!?\"”’)]\s*$")


_OPENING_BLOCKS = 4


def _one_actor(terms: Iterable[tuple[int, int, Term]], start: int, end: int) -> tuple[str, ...]:
    """The one actor the names between `start` and `end` stand for (() when none or many)."""
    found: set[str] = set()
    for t_start, _, term in terms:
        if start <= t_start < end and term.kind in ("alias", "speaker", "adjective"):
            found.update(term.actors)
    return tuple(found) if len(found) == 1 else ()


def document_title(work: BlockWork, state: State, rules: CompiledRules) -> None:
    """An official document's title: its genre, and its author when the title names one
    ("Statement of the Ministry of Foreign Affairs of Ukraine on ..."): a statement's title
    is already in its author's voice."""
    text = work.text
    if not (OFFICIAL_TITLE.match(text) or "readout" in work.folded):
        return
    state.official = True
    authored = _AUTHORED.match(text)
    if authored is None or " with " in text[: authored.end()].lower():
        return  # "Telephone conversation with President of France ...": the counterpart
    end = _ISSUER_END.search(text, authored.end())
    issuer = _one_actor(work.terms, authored.end(), end.start() if end else len(text))
    if not issuer:
        return
    state.document = issuer
    state.reports = True
    if _SAYS_ITS_VIEW.match(text) and not work.main:
        speaker = Speaker(issuer, work.index)
        add_evidence(
            work, "carry.document", speaker.actors, "carry", 0, len(text), rules.weights.carry
        )


def document_voice(work: BlockWork, state: State, rules: CompiledRules) -> None:
    """A block of an official document: in its author's voice unless it names a speaker.

    The author is the title's, or the one the first blocks establish: the subject of a
    readout's "had a telephone conversation with", a declaration's "We, the Heads of State
    ... of the North Atlantic Alliance", or the first named speaker. Lines of the author's own
    ("We call on ...", "Allies will ...", "It was agreed ...") carry that voice; where the
    title or a readout names the author, what the document says others said is reported in
    the author's voice too (the author first). Transcript lines ("Name: ...") keep theirs.
    """
    if state.voice is not None:
        return
    own = {a for _, who in work.main if who.kind == "actor" for a in who.actors}
    if state.document is None:
        if work.index > _OPENING_BLOCKS:
            return
        folded = work.folded
        readout = _READOUT.search(folded)
        we = _WE_OPENING.match(folded)
        author: tuple[str, ...] = ()
        if readout is not None:
            # the clause's subject: "At the initiative of the German side, Vladimir Putin had
            # a telephone conversation with ..." is Putin's readout
            clause = folded.rfind(",", 0, readout.start()) + 1
            author = _one_actor(work.terms, clause, readout.start())
            state.reports = bool(author)
        elif we is not None:
            author = _one_actor(work.terms, we.start(1), we.end(1))
        elif len(own) == 1:
            state.document = tuple(own)
            return
        if not author:
            return
        state.document = author
    author = state.document
    if set(author) <= own or any(ev.kind == "carry" for ev in work.evidence):
        return
    speaker = Speaker(author, work.index)
    if not own:
        if _CONTENT.search(work.text):
            add_evidence(
                work,
                "carry.document",
                speaker.actors,
                "carry",
                0,
                len(work.text),
                rules.weights.carry,
            )
    elif state.reports:
        # The document's own account outweighs the position it reports.
        weight = rules.weights.attribution + rules.weights.reported
        add_evidence(work, "carry.document", speaker.actors, "carry", 0, len(work.text), weight)


def resolve_title(works: list[BlockWork], who: Who, rules: CompiledRules, distance: int) -> None:
    """A headline's 'source' or 'MoD' is the source the first paragraphs name; a headline's
    "Balitsky: ..." is the actor the first paragraphs tie that name to ("Zaporozhye Region
    Governor Yevgeny Balitsky wrote")."""
    title = works[0]
    name = ""
    if who.kind == "unknown":
        words = title.folded[who.start : who.end].split()
        if len(words) > 2 or not words:
            return
        name = words[-1].removesuffix("'s")
    for work in works[1 : 2 + distance]:
        for _, main in work.main:
            if main.kind == "actor" and (
                not name or re.search(rf"\b{re.escape(name)}\b", work.folded[main.start : main.end])
            ):
                add_evidence(
                    title,
                    "attribution.headline",
                    main.actors,
                    "attribution",
                    who.start,
                    who.end,
                    rules.weights.attribution,
                )
                return


_OPENERS = '“"«'
_CLOSERS = '”"»'


def still_open(work: BlockWork) -> bool:
    """The block ends inside a quote it opened ("“We will not ..." with no closing mark): by
    typographic convention the quote runs on into the next paragraph, which opens with a quote
    mark again."""
    quotes = work.quotes
    if not quotes:
        return False
    start, end = quotes[-1]
    text = work.text
    return end == len(text) and text[start] in _OPENERS and text.rstrip()[-1:] not in _CLOSERS


def continues_quote(work: BlockWork) -> bool:
    """The block opens with a quote mark: it may go on with the quote of the block before."""
    return work.text.lstrip()[:1] in _OPENERS


def close_quote(works: list[BlockWork], rules: CompiledRules) -> None:
    """A quote over several paragraphs: the speaker named where it closes ("..., Peskov said")
    speaks in the paragraphs before too. Their carry-over from an earlier speaker is replaced;
    a speaker who is none of the actors leaves them unlabelled."""
    last = works[-1]
    speaker: tuple[str, ...] | None = None
    for _, who in last.main:
        if who.kind in ("actor", "unknown"):
            speaker = who.actors
            break
    if speaker is None:
        return  # no one named where it closes: each paragraph keeps its own carry-over
    for work in works[:-1]:
        if work.main:
            continue
        work.evidence = [ev for ev in work.evidence if ev.kind != "carry"]
        work.carried_from = None
        if speaker:
            add_evidence(
                work,
                "carry.quote-continued",
                speaker,
                "carry",
                0,
                len(work.text),
                rules.weights.carry,
            )
            work.carried_from = last.index


def bare_quote(work: BlockWork) -> bool:
    """A paragraph that is one quote and nothing else, with no speaker of its own: its speaker
    may be named at the start of the next paragraph ("That was how X summed up ...")."""
    if work.main or not work.quotes:  # most blocks: decided before the text is copied
        return False
    text = work.text.strip()
    if len(text) < 2:
        return False
    if text[0] not in _OPENERS or text.rstrip(".")[-1] not in _CLOSERS:
        return False
    return sum(e - s for s, e in work.quotes) * 10 >= len(text) * 9


# The next paragraph points back at the quote: "That was how X described ...", "The warning
# came from X", "These were the words of X".
_BACK_REFERENCE = re.compile(
    r"\W*(?:(?:that|this|these|those|such)\s+(?:was|were|is|are)\s+(?:how|what|the\s+words?\s+of)"
    r"|so\s+said|the\s+(?:warning|remarks?|comments?|words|statement|message|appeal|call|threat|"
    r"assessment|verdict)\s+(?:came\s+from|was\s+made\s+by|were\s+made\s+by|were\s+those\s+of))\b"
)


# What may follow the verb in a sentence that is only an attribution: "X said in a
# statement.", "X wrote on Telegram on Sunday.", "X told reporters."
_ATTRIBUTION_TAIL = re.compile(
    r"(?:\s+(?:in|on|at|during|to|later|earlier|told|reporters|journalists|a|an|the|his|her|"
    r"its|their|statement|video|address|briefing|interview|telegram|x|sunday|monday|tuesday|"
    r"wednesday|thursday|friday|saturday|conference|news|press|post|message|social|media))*"
    r"\s*[.]\s*$"
)


def forward_speaker(held: BlockWork, nxt: BlockWork, rules: CompiledRules) -> None:
    """A bare quote whose speaker the next paragraph names, pointing back at it ("That was how
    X summed up ...") or with a sentence that is only the attribution ("X said in a
    statement."): the quote is that speaker's, not the one carried from before it."""
    if not nxt.main:
        return
    pos, who = nxt.main[0]
    if who.kind not in ("actor", "unknown"):
        return
    if _BACK_REFERENCE.match(nxt.folded) is None:
        s_start, s_end = nxt.sentences[0] if nxt.sentences else (0, 0)
        verb_end = next((end for start, end, _ in nxt.verbs if start == pos), None)
        if verb_end is None or not s_start <= pos < s_end:
            return
        if _ATTRIBUTION_TAIL.match(nxt.folded, verb_end, s_end) is None:
            return
    held.evidence = [ev for ev in held.evidence if ev.kind != "carry"]
    held.carried_from = None
    if who.actors:
        add_evidence(
            held, "carry.forward", who.actors, "carry", 0, len(held.text), rules.weights.carry
        )
        held.carried_from = nxt.index
