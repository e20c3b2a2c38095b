"""A headline's speaker: the source it names, or the one the first paragraphs name for it.

"Peskov: ...", "<claim> ministry", a URL's "peskov kyivs sanctions may be a fake" or
"liz truss condemns ..." (`closing_source`, `lost_colon_source`, `slug_subject`) name a source
the first paragraphs are to name in full; a headline with no speaker of its own, in the first
person, a modal's claim, a decision or a protest told with its giver left out
(`passive_decision`, `modal_claim`, `decision_noun`, `protest_to_envoy`), is the words of the
one side the first paragraphs name as speaker (`resolve_title`). A title that names only a
document and its counterpart ("Telephone conversation with ...", `counterpart_title`) names
no source. Separate from reader.classify.document: a headline is read against the paragraphs
under it, a document's voice against its title; the official titles a source at a headline's
end must not be taken from come from reader.classify.officialtitles.

A source after a headline's dash or colon ("<claim> - Kremlin", "<claim>: Zelenskiy",
`headline_source`), not a thing ("<topic> – New Russian airstrikes") nor a document's name
("<country> – G7 Ministers' Statement"), and a body paragraph set as a subheading
(`subheading`, `dashed_subheading`) are read here too, moved from pipeline.py (session 30) so
that the pipeline only runs the steps; with them the word lists reader.classify.colonlabels
shares (an outlet's genre, a document's names, a quote alone).
"""

from __future__ import annotations

import re
from itertools import pairwise

from reader.classify.evidence import add_evidence
from reader.classify.officialtitles import AUTHORED, official_title
from reader.classify.phrasebounds import first_phrase
from reader.classify.phrases import learn, resolve
from reader.classify.subjectphrase import described_thing
from reader.classify.topic import allowed
from reader.classify.types import CAP, END, LOW, START, TERM, BlockWork, State, Unit, Who
from reader.classify.units import DASH_SUFFIX, subheading_dash
from reader.classify.wordclasses import (
    COORD,
    ING_NOUNS,
    NOUN_MARK,
    OBJECT_PREP,
    OBJECT_VERB,
    word_set,
)
from reader.rules.compile import CompiledRules, Term
from reader.rules.grammar import ATTRIBUTION_HEADLINE, CARRY_AUTHOR, CARRY_DOCUMENT, CARRY_STATEMENT


def resolve_title(
    works: list[BlockWork],
    who: Who,
    rules: CompiledRules,
    distance: int,
    first: Who | None = None,
) -> None:
    """A headline's 'source' or 'MoD' is the source the first paragraphs name; a headline's
    "Balitsky: ..." is the actor the first paragraphs tie that name to ("Zaporozhye Region
    Governor Yevgeny Balitsky wrote"); `first`: the headline's first person, if it has one
    (reader.classify.authorship.first_person_title), for a name they do not tie."""
    title = works[0]
    if who.kind == "pronoun":
        _first_person_title(works, who, rules, distance)
        return
    name = ""
    if who.kind == "unknown":
        words = title.folded[who.start : who.end].split()
        office = _short_office(" ".join(words)) or _label_office(title, who, words)
        if (len(words) > 2 and office is None and not titled_name(title, who)) or not words:
            return
        name = office or words[-1].removesuffix("'s")
    pattern = _HEAD_SHORT.get(name, re.escape(name))
    member = _member_named(title, who)
    opening = works[1 : 2 + distance]
    for work in opening:
        for _, main in work.main:
            said = work.folded[main.start : main.end]
            if main.kind == "actor" and (
                not name
                or re.search(rf"\b(?:{pattern})\b", said)
                or (main.actors == member and allowed(Who("actor", (), member=True), work, rules))
                or (_SPEAKING_OFFICE.search(name) is not None and _titled(opening, said, pattern))
            ):
                add_evidence(
                    title,
                    ATTRIBUTION_HEADLINE,
                    main.actors,
                    who.start,
                    who.end,
                    rules.weights.attribution,
                )
                return
        if member and _voiced_by(work, member):
            weight = rules.weights.attribution
            add_evidence(title, ATTRIBUTION_HEADLINE, member, who.start, who.end, weight)
            return
    _unspoken_source(works, who, name, pattern, rules, distance, first)


def _unspoken_source(
    works: list[BlockWork],
    who: Who,
    name: str,
    pattern: str,
    rules: CompiledRules,
    distance: int,
    first: Who | None,
) -> None:
    """A headline's source no first paragraph has speak with a side (`resolve_title`): a
    house's bare office; a name label's holder the first paragraphs name by office; else, for
    a name they give no voice of its own, the headline's first person ("Our future is ... –
    <name>"), the voice the opening speaks in (a page's own official's, its document's). A
    speaker they name with no side ("Moldovan President <name> said") is someone else's."""
    title, opening = works[0], works[1 : 2 + distance]
    weight = rules.weights.attribution
    house = next((w for _, w in title.main if w.kind == "unknown" and w.actors), None)
    if house is not None:  # a house's bare office the first paragraphs give no holder
        add_evidence(title, ATTRIBUTION_HEADLINE, house.actors, house.start, house.end, weight)
        return
    if name and _name_label(title, who, name):
        holder = _office_holder(works, opening, name, pattern)
        if holder:
            add_evidence(title, ATTRIBUTION_HEADLINE, holder, who.start, who.end, weight)
            return
    if name and first is not None and not _heard_sideless(opening, pattern):
        _first_person_title(works, first, rules, distance)


def _heard_sideless(opening: list[BlockWork], pattern: str) -> bool:
    """Whether a first paragraph has the headline's name speak with no side's voice."""
    return any(
        main.kind != "actor"
        and re.search(rf"\b(?:{pattern})\b", work.folded[main.start : main.end])
        for work in opening
        for _, main in work.main
    )


def _name_label(title: BlockWork, who: Who, name: str) -> bool:
    """Whether a headline's source is a name alone in its own grammar, a label before its
    colon ("<Surname>: <claim>") or the source after its dash ("<claim> – <Surname>"), no
    office ("Minister: ...") and no word of a slug's run-on claim."""
    if name in _HEAD_SHORT or _SPEAKING_OFFICE.search(name):
        return False
    text = title.text
    return text[who.end :].lstrip().startswith(":") or text[: who.start].rstrip().endswith(
        ("-", "\u2013", "\u2014")
    )


def _office_holder(
    works: list[BlockWork], opening: list[BlockWork], name: str, pattern: str
) -> tuple[str, ...]:
    """The side of the first speaker the first paragraphs name by an office alone ("The
    Minister of Foreign Affairs of Ukraine called on ...", "the official representative of
    the Russian Foreign Ministry noted"), for a headline that names its speaker by a name
    alone ("<Surname>: <claim>"): an outlet puts the name in its headline and the office in
    its lead. None when that speaker is named too (a name the lead gives is someone else),
    nor when the paragraphs set the headline's word (`pattern`) in brackets, as an agency's
    credit ("KYIV (<Agency>) - ..."): the headline named its channel, no speaker. None, too,
    when the office is a body's ("Russia's Defence Ministry said"), which no surname holds,
    or when the article describes the surname otherwise (`_described_otherwise`): a body's
    lead over an analyst's or a third state's surname is not that person's word."""
    credit = re.compile(rf"\(\s*(?:{pattern})\s*\)")
    if any(credit.search(work.folded) for work in opening):
        return ()
    for work in opening:
        for _, main in work.main:
            if main.kind != "actor":
                continue
            inside = [u for u in work.units if main.start <= u[START] < main.end]
            named = any(u[TERM] is None and u[CAP] and u[START] > main.start for u in inside)
            if named or not any(_one_holder(u) for u in inside):
                return ()
            return () if _described_otherwise(works, name, main.actors) else main.actors
    return ()


# The head words of an office one person holds ("the official representative of the <side>
# Foreign Ministry", "the Minister of Foreign Affairs", "the Kremlin's press secretary"), not
# of a body ("the Defence Ministry", "the General Staff", "the embassy", "the press service")
# nor of one of many ("an official", "a source", "a lawmaker"): only a holder of such an office
# has a surname for a headline to give.
_ONE_HOLDER = word_set(
    "minister premier president chancellor spokesman spokeswoman spokesperson spox secretary "
    "ambassador envoy representative chief head governor mayor commander commander-in-chief "
    "adviser advisor aide ombudsman commissioner director chair chairman chairwoman negotiator "
    "pm fm leader top"
)


def _one_holder(unit: Unit) -> bool:
    """A role unit whose words hold an office one person holds (`_ONE_HOLDER`; "top
    diplomat", "chief of the general staff"; not "ministry", "general staff" or "official")."""
    term = unit[TERM]
    if term is None or term.kind != "role":
        return False
    words = unit[LOW].removesuffix("'s").removesuffix("\u2019s").split()
    return any(word in _ONE_HOLDER for word in words)


def _described_otherwise(works: list[BlockWork], name: str, side: tuple[str, ...]) -> bool:
    """Whether the article gives the headline's surname a description of its own that is no
    office of `side` ("analyst <first> <name>", "<name>, a fellow at ...", "<other side's>
    President <first> <name>"): the person is someone the article names later, not the
    lead's office holder; the bare surname again ("<name> added"), a rank ("Gen. <name>") or
    the side's office before it ("<side's> Foreign Minister <first> <name>") keeps the tie."""
    for work in works[1:]:
        units = work.units
        for i, unit in enumerate(units):
            words = unit[LOW].removesuffix("'s").removesuffix("\u2019s").split()
            if words and words[-1] == name and _other_description(units, i, side):
                return True
    return False


def _other_description(units: list[Unit], i: int, side: tuple[str, ...]) -> bool:
    """The name at `i` is described, before it past its given names or in an apposition
    opened by "a"/"an" after it, by words that are no office of `side`."""
    j = i - 1
    while j >= 0 and units[j][TERM] is None and units[j][CAP] and units[j][LOW][:1].isalpha():
        j -= 1
    if j >= 0 and _foreign(units, j, side):
        return True
    if i + 2 < len(units) and units[i + 1][LOW] == "," and units[i + 2][LOW] in ("a", "an"):
        k = i + 3
        while k < len(units) and units[k][LOW] not in (",", ".", ";") and k - i < 12:
            if _one_holder(units[k]) and not _foreign(units, k, side):
                return False
            k += 1
        return True
    return False


def _foreign(units: list[Unit], j: int, side: tuple[str, ...]) -> bool:
    """The word at `j`, right before a name or an office, is a description that is no
    office of `side`: a word of `unofficial:` ("analyst"), another actor's or a third
    state's word ("Moldovan"), or an office whose side's word before it is such a word or a
    capitalised one no lexicon knows."""
    term = units[j][TERM]
    if term is None:
        return False
    if _other_word(term, side):
        return True
    if term.kind != "role" or j == 0:
        return False
    prev = units[j - 1]
    if prev[TERM] is None:
        return prev[CAP] and prev[LOW].isalpha() and prev[LOW] not in NOUN_MARK
    return _other_word(prev[TERM], side)


def _other_word(term: Term, side: tuple[str, ...]) -> bool:
    """A lexicon word that is no word of `side`: a word of `unofficial:`, a third state's
    (`others:`) or another actor's."""
    return term.kind in ("unofficial", "other") or bool(term.actors and term.actors != side)


def _voiced_by(work: BlockWork, side: tuple[str, ...]) -> bool:
    """A first paragraph in the voice of a document of `side` with no speech verb of its own
    ("On behalf of the UK, I ..." under "UK asserts ..."): the state the headline names
    speaks in the page under it."""
    return any(ev.rule in _VOICED and (ev.actor,) == side for ev in work.evidence)


def titled_name(title: BlockWork, who: Who) -> bool:
    """A headline's office with its holder's name after it ("Foreign Minister <first> <last>
    warns ...", "Defense Minister <last>: ...", "... - Defense Minister <last>"), a name no
    lexicon knows: the surname is the one the first paragraphs give a side ("Russian Foreign
    Minister <first> <last> said"), as a name alone would be."""
    units = [u for u in title.units if who.start <= u[START] < who.end]
    return (
        len(units) >= 2
        and any(u[TERM] is not None and u[TERM].kind == "role" for u in units[:-1])
        and units[-1][TERM] is None
        and units[-1][CAP]
        and units[-2][CAP]
    )


def _member_named(title: BlockWork, who: Who) -> tuple[str, ...] | None:
    """The side of a member state the headline names by its country or capital alone ("US
    condemns ...", "Paris hails ..."), held back by the topic gate: the story under it speaks
    for that state in its own words ("the State Department said", "France's foreign
    minister"), a speaker of the same side in a line on the war (a headline is too short to
    name it). None for a person or an office, whose name the
    paragraphs must repeat."""
    units = [u for u in title.units if who.start <= u[START] < who.end]
    term = units[0][TERM] if len(units) == 1 else None  # "US", not "British court"
    if term is None or not term.member or term.kind not in ("alias", "adjective"):
        return None
    return term.actors


def _titled(works: list[BlockWork], name: str, office: str) -> bool:
    """Whether the first paragraphs give a speaker's name the headline's office, before it or
    in apposition after it ("<claim> ambassador" over "..., said X Y" and "Ambassador X Y said"
    a line later), or in apposition before it ("The <body's> Deputy Secretary General, X Y,
    said")."""
    if len(name.split()) < 2:
        return False  # a full name: a surname alone or a side's name is no person titled
    title = re.compile(rf"\b(?:{office})\b")
    for work in works:
        text = work.folded
        at = text.find(name)
        while at >= 0:
            parts = re.split(r"[,.;:!?]", text[:at])
            if len(parts) > 1 and not parts[-1].strip() and text[:at].rstrip().endswith(","):
                parts.pop()  # "the <office>, <name>, said": the office in apposition before
            before = " ".join(parts[-1].split()[-7:])
            after = text[at + len(name) :].split(",", 2)
            apposed = after[0] == "" and len(after) > 1 and title.search(after[1]) is not None
            if title.search(before) is not None or apposed:
                return True
            at = text.find(name, at + 1)
    return False


# A headline's short form of an office, as the paragraphs under it spell the office out
# ("... Air Force Spox" is "the spokesman for the Air Force" there).
_HEAD_SHORT = {
    "spox": r"spox|spokes(?:man|woman|person)",
    # "FM" is the foreign minister or the ministry alike ("... operation fm" over a story of
    # "the Foreign Ministry said")
    "fm": r"fm|foreign\s+minist(?:er|ry)|ministry\s+of\s+foreign\s+affairs",
    "pm": r"pm|prime\s+minister",
    "min.": r"min\.|minister",
    "mfa": r"mfa|foreign\s+ministry|ministry\s+of\s+foreign\s+affairs",
    # a headline's "diplomat" or "envoy" is the envoy, the ambassador or the permanent
    # representative the paragraphs under it name ("Diplomat assumes ..." over "..., the
    # Russian envoy noted")
    "diplomat": r"diplomat|envoy|ambassador|permanent\s+representative",
    "envoy": r"envoy|diplomat|ambassador|permanent\s+representative",
    # a headline's ministry is the one its minister heads, who speaks for it in the lead
    # ("Defence Ministry plans to ..." over "..., Defence Minister X announced")
    "ministry": r"ministry|minister",
    # a headline's "official" is whoever the lead names by an office ("<claim> official" over
    # "..., deputy director of the ministry's press department, said")
    "official": r"officials?|minister|director|spokes(?:man|woman|person)|representative|"
    r"secretary|ambassador|envoy|diplomat|advis[eo]r|aide|deputy|chief|governor|head",
}


def _label_office(title: BlockWork, who: Who, words: list[str]) -> str | None:
    """A headline's label before its colon that is an office of several words alone ("Deputy
    Secretary General: <claim>"): the office the lexicon names in it, for the first paragraphs
    to give its holder ("The <body's> Deputy Secretary General, <name>, said ..."). Not the
    office as its headline's subject ("Deputy Secretary General welcomes ..."): an act."""
    if len(who.roles) != 1 or not _SPEAKING_OFFICE.search(who.roles[0]):
        return None
    if not title.text[who.end :].lstrip().startswith(":"):
        return None
    return who.roles[0] if who.roles[0] in " ".join(words) else None


def _short_office(phrase: str) -> str | None:
    """The short form whose spellings include a headline's office of several words ("ministry
    of foreign affairs <claim>" is the "MFA" the first paragraphs may spell another way)."""
    return next((k for k, v in _HEAD_SHORT.items() if re.fullmatch(v, phrase)), None)


def closing_source(work: BlockWork, legislatures: frozenset[str]) -> Who | None:
    """A headline whose source closes it with no dash or comma, as a URL's words leave it
    ("<claim> ministry", "<claim> <name>", "<claim> <side's> official says"): the name or
    office at its end, to be the speaker the first paragraphs name (`resolve_title` looks for
    its word there). Not an object: the word before it is no preposition, article, auxiliary
    or verb ("talks with the ministry", "Biden meets Zelensky"), and the claim has three
    words or more. Not a document's title that names its authors ("joint statement by
    <office> <name> and <office> <name>"): the name closing it is an author, no claim's source."""
    if official_title(work.text, legislatures) and AUTHORED.match(work.text):
        return None  # "joint statement by <office> <name> and <office> <name>": its authors
    units = work.units
    if units and units[-1][LOW] in _CLOSING_SAYS:
        units = units[:-1]  # "... kremlin official says"
    slug = work.written_lower
    if len(units) < 4 or any(not _plain_word(u, u is units[-1], slug) for u in units[-3:]):
        return None
    last = len(units) - 1
    i = _source_start(units)
    before = units[i - 1]
    low = before[LOW]
    if i < 4 or low in _NOT_BEFORE_SOURCE or low.endswith(("'s", "’s", "ed")):
        return None
    if OBJECT_VERB.match(low) or _office(before) or _titled_object(units, i):
        return None  # "Blinken meets Kuleba", "President Zelenskyy": an object, a title
    if any(start == before[START] for start, _, _ in work.verbs):
        return None  # "Macron calls Putin"
    name = next((u for u in reversed(units[i:]) if not _office(u)), units[last])
    term = name[TERM]
    if i == last and not _closing_name(name):
        return None  # "... visits kyiv ukraine", "... amid Russian escalation": no source
    if term is not None and term.kind == "role" and not _SPEAKING_OFFICE.search(name[LOW]):
        return None  # "... ahead of the summit statement"
    return Who("unknown", start=name[0], end=name[1])


def _titled_object(units: list[Unit], i: int) -> bool:
    """Whether the name from `i` on is the one met or called, past the office that titles it:
    "... meets with prime minister of <country> <name>", "... had a call with <side's>
    Secretary of State <given name> <name>". A title that tells a meeting ends on its
    counterpart, no source; the office after the preposition or verb marks the name its
    object (a place before it is the claim's own: "... in <country> foreign minister <name>"
    may close on its source)."""
    k = i - 1
    if units[k][TERM] is None and units[k][LOW].isalpha():
        k -= 1  # a given name the lexicon does not hold, before the surname it does
    if _side_word(units[k]) and [u[LOW] for u in units[k - 2 : k]][-1:] == ["of"]:
        k -= 2  # "... of <country>" after its office
    if k < 2 or not _office(units[k]):
        return False
    k -= 1
    if _side_word(units[k]) and not _place(units[k]):
        k -= 1  # "with <side's> office", "with U.S. Secretary of State"
    if units[k][LOW] == "the":
        k -= 1
    low = units[k][LOW]
    return (low in OBJECT_PREP and low not in _PLACE_PREP) or OBJECT_VERB.match(low) is not None


def _source_start(units: list[Unit]) -> int:
    """Where a headline's closing source starts: a side's word before its office ("kremlin
    official", "ukraines foreign ministry"), a name of two words ("... advisor john kirby"),
    but not the claim's own place after its preposition ("... near russia ambassador")."""
    i = last = len(units) - 1
    while last - i < 2 and _office(units[i]) and _side_word(units[i - 1]):
        i -= 1
    while (
        last - i < 2
        and units[i][TERM] is None
        and _closing_name(units[i], True)
        and _closing_name(units[i - 1], True)
    ):
        i -= 1
    if i < last and units[i - 1][LOW] in _PLACE_PREP and _place(units[i]):
        i += 1
    return i


# The prepositions of a place that may close a headline's claim before its source.
_PLACE_PREP = word_set("in near at off over around across inside outside along")


def _place(unit: Unit) -> bool:
    """A side's name as a place (its country or capital), not its adjective or possessive."""
    term = unit[TERM]
    return term is not None and term.kind == "alias" and not term.possessive


def _plain_word(unit: Unit, closing: bool, slug: bool) -> bool:
    """A word of a headline's end with no punctuation, as a URL's words leave it; an office
    may be two words ("... foreign ministry says", "... air force spox"), and so may the
    speaker that closes it in a slug's lower case ("... in ukraine nato chief"; a name in
    capitals closing a title is the object of its "by" or "with": "... and Foreign Minister of
    Germany Johann Wadephul"; `slug`: written so, the name's capital a recasing's)."""
    low = unit[LOW].replace("-", "")
    term = unit[TERM]
    speaker = term is not None and term.kind == "speaker"
    slug_speaker = closing and (slug or not unit[CAP]) and speaker
    if _office(unit) or slug_speaker:
        low = low.replace(" ", "")
    return low.isalnum()


def passive_decision(work: BlockWork) -> Who | None:
    """A headline of aid pledged with no one named as giving it ("More weapons pledged for
    Ukraine", "New sanctions agreed against Moscow"), or of an appeal to people with no one
    named as making it ("Residents are urged to ..."): a decision or a call, the givers'
    stance, of the one side the first paragraphs name as speaker (`resolve_title`, as for
    "We will ...")."""
    match = _PASSIVE_DECISION.match(work.folded)
    if match is None:
        return _passive_appeal(work)
    if any(u[TERM] is not None for u in work.units if u[START] < match.end()):
        return None  # "Ukraine's aid pledged ...": a side named before the verb is no giver
    return Who("pronoun", (), 0, match.end(), word="they")


def modal_claim(work: BlockWork) -> Who | None:
    """A headline that states a claim in a modal's grammar with no speaker of its own ("Kyiv
    could run out of shells by spring", "Talks can resume next month"): the real2 convention
    gives it to the speaker the first paragraphs name for that claim (`resolve_title` keeps
    only paragraphs that repeat its verb, and one side among their speakers). Not a meeting,
    a trip or an address foretold ("will meet", "may visit": acts), nor a question."""
    match = _MODAL_CLAIM.match(work.folded)
    if match is None or "?" in work.folded:
        return None
    verb = match.group("verb")
    if OBJECT_VERB.match(verb) or verb in _MODAL_NOT_CLAIM:
        return None
    return Who("pronoun", (), match.start("verb"), match.end("verb"), word="claim")


_MODAL_CLAIM = re.compile(
    r"\W*(?:[\w$.'\u2019-]+\s+){1,8}?(?:will|may|might|can|could|must|should|would|cannot|"
    r"won['\u2019]?t|won\s+t)\s+(?:(?:not|never|also|still|soon|now|again|only|no\s+longer)\s+)?"
    r"(?P<verb>[a-z]{3,})\b"
)
# Verbs after a headline's modal that foretell an act, no claim ("will address the nation").
_MODAL_NOT_CLAIM = word_set(
    "address speak talk discuss attend travel arrive fly sign tour go come return leave head "
    "have hear vote decide consider announce chair open close start begin"
)


def _passive_appeal(work: BlockWork) -> Who | None:
    """ "Citizens are urged to ...", "Estonians are asked to ...": an appeal told in the
    passive, its maker left out, to people (not to a side, a person or an office the lexicon
    knows: "Kremlin urged to free ...", "Russia is called on to ..." name only the one asked)."""
    match = _PASSIVE_APPEAL.match(work.folded)
    if match is None:
        return None
    before = [u for u in work.units if u[START] < match.start("verb")]
    for k, unit in enumerate(before):
        term = unit[TERM]
        place = (
            term is not None and term.kind == "alias" and k and before[k - 1][LOW] in ("of", "in")
        )
        if term is not None and term.kind != "adjective" and not place:
            return None  # the one asked is a side or its office; "residents of Riga" are people
    return Who("pronoun", (), 0, match.end(), word="they")


_PASSIVE_APPEAL = re.compile(
    r"\W*(?:[\w'\u2019-]+\s+){0,3}?[\w'\u2019-]+\s+(?:are|is)\s+(?:(?:being|again|also|now)\s+)?"
    r"(?P<verb>urged|called\s+(?:on|upon)|asked|encouraged|requested|advised)\s+to\s+[a-z]"
)


_PASSIVE_DECISION = re.compile(
    r"\W*(?:[\w$.,-]+\s+){0,4}?(?:aid|weapons|arms|ammunition|shells|tanks|missiles|"
    r"air\s+defen[cs]e|equipment|sanctions|support|help|funding|loans?)\s+"
    r"(?:pledged|promised|approved|agreed)\b"
)


def decision_noun(work: BlockWork) -> Who | None:
    """A headline that names a decision as a noun, its giver left out, before whom it is for
    ("New support pledges for the air mission", "Sanctions for 40 officials complicit in
    ..."): the givers' stance, of the one side the first paragraphs name as speaker
    (`resolve_title`). Not the noun as a clause's subject ("Sanctions on Moscow are not
    working"), an explainer's ("Sanctions on Moscow: what the package means") or a quote."""
    match = _DECISION_NOUN.match(work.folded)
    if match is None or _NOT_DECISION.search(work.folded, match.end()):
        return None
    if any(u[TERM] is not None for u in work.units if u[START] < match.end()):
        return None  # "Ukraine's sanctions for ...": a side named before the noun is the giver
    return Who("pronoun", (), 0, match.end(), word="they")


_DECISION_NOUN = re.compile(
    r"\W*(?:(?:new|fresh|more|further|additional|extra|first|latest)\s+)?"
    r"(?:(?:support|aid|arms|weapons|military|financial|security|defen[cs]e)\s+)?"
    r"(?:pledges|sanctions|restrictions|aid\s+package|arms\s+package)\s+"
    r"(?:for|on|against|targeting|to)\s+(?=\S)"
)
# What makes the words after a decision's noun a clause or a question of their own.
_NOT_DECISION = re.compile(
    r"[:?\"\u201c\u201d]|,\s|\s[\u2013\u2014-]\s|\b(?:is|are|was|were|will|would|has|have|had|"
    r"can|could|may|might|must|should|do|does|did|says?|said|finds?|found|hits?|fails?|fail"
    r"ed|works?|worked|what|how|why)\b"
)


def protest_to_envoy(work: BlockWork) -> tuple[Who, tuple[str, ...]] | None:
    """A headline of a protest delivered to another side's envoy, the one who protests left
    out ("<side's> diplomat presented with protest note over ...", "envoy summoned over ...",
    a slug's "protest expressed ambassador <side> regarding ..."): a formal step, the stance
    of a side that is not the envoy's; the envoy's sides are returned with the phrase, so the
    first paragraphs (`resolve_title`) or the site's house side name the one who protests."""
    match = _PROTEST_TO_ENVOY.match(work.folded)
    if match is None:
        return None
    near = [u for u in work.units if u[START] < match.end()]
    near += [u for u in work.units if u[START] >= match.end()][:3]
    envoy = tuple(dict.fromkeys(a for u in near if u[TERM] is not None for a in u[TERM].actors))
    if not envoy:
        return None  # whose envoy is not said: no side to set apart
    return Who("pronoun", envoy, 0, match.end(), word="giver"), envoy


_ENVOY = r"(?:diplomats?|ambassadors?|envoys?|charg[e\u00e9]s?\s+d['\u2019]affaires|embassy)"
_PROTEST_TO_ENVOY = re.compile(
    r"\W*(?:[\w.'\u2019-]+\s+){0,3}?" + _ENVOY + r"\s+(?:(?:is|was|has\s+been|have\s+been)\s+)?"
    r"(?:(?:presented|served)\s+with|handed|given|issued)\s+(?:an?\s+|the\s+)?(?:official\s+)?"
    r"(?:protest|note\s+of\s+protest|d[e\u00e9]marche)\b"
    r"|\W*(?:[\w.'\u2019-]+\s+){0,3}?" + _ENVOY + r"\s+(?:(?:is|was|has\s+been)\s+)?summoned\s+"
    r"(?!(?:home|back|to\s+(?:moscow|kyiv|kiev|washington|london|paris|berlin))\b)"
    r"(?:over|after|about|for|in\s+protest|following|due\s+to)\b"
    r"|\W*(?:a\s+)?protest\s+(?:note\s+)?(?:expressed|delivered|handed|lodged|conveyed|"
    r"presented)\s+(?:to\s+)?(?:the\s+)?(?:[\w'\u2019-]+\s+){0,2}?" + _ENVOY + r"\b"
)


def lost_colon_source(work: BlockWork, events: frozenset[str] = frozenset()) -> Who | None:
    """A headline whose speaker opens it with the colon lost, as a URL's words leave it
    ("peskov kyivs sanctions may be a fake", "government statement scholz putin is covering
    ..."): a person or an office, then no verb of theirs but a clause of its own (an auxiliary
    or a first person in it); the speaker the first paragraphs are to name. `events`: the
    event verbs' forms (`rules.events`), whose irregular ones ("spoke", "met") are the
    name's own verb too."""
    units = work.units
    run, sides = 0, set[str]()
    while run < min(len(units), 4) and _speaker_word(units[run]):
        term = units[run][TERM]
        actors = set(term.actors) if term is not None else set()
        if sides and actors and not actors <= sides:
            break  # "scholz putin ...": the claim's subject opens after the speaker
        sides |= actors
        run += 1
    if _own_subject(units, run, work.written_lower) or _side_subject(units, run):
        run -= 1  # "<side's> president <name> won t ...": the name opens the claim
    person = [u for u in units[:run] if u[TERM] is None or u[TERM].kind in ("speaker", "role")]
    if all(u[TERM] is None for u in person) and len(person) < 2:
        return None  # "Today, we honor ...": one capital opens any sentence; a name has two
    if not person or run >= len(units) - 2 or not _opens_claim(units, run, work, events):
        return None
    name = next((u for u in reversed(person) if u[TERM] is None or u[TERM].kind == "speaker"), None)
    name = name or person[-1]
    return Who("unknown", start=name[START], end=name[1])


def _own_subject(units: list[Unit], run: int, slug: bool) -> bool:
    """Whether a slug's opening run of speaker words ends in a person the lexicon knows who is
    the subject of the auxiliary after it, an office before them ending the speaker ("finnish
    president trump won t step back ...": the president says Trump won't): an office and a
    name of its own run together in capitals, never in a slug before another's clause (`slug`:
    written all in lower case, the name's capital a recasing's, `BlockWork.written_lower`)."""
    if run < 3 or run >= len(units) or not _clause_mark(units, run):
        return False
    name, office = units[run - 1][TERM], units[run - 2][TERM]
    return (
        name is not None
        and name.kind == "speaker"
        and office is not None
        and office.kind == "role"
        and (slug or not units[run - 1][CAP])
    )


def _side_subject(units: list[Unit], run: int) -> bool:
    """Whether a slug's opening run of speaker words ends in a side's name that is the subject
    of the clause after it, an office before it ending the speaker ("foreign ministry
    spokesperson russia is afraid ...", "defense minister estonia assembling ...": the office
    says the side is, or does): not the office's own side before its name or its claim ("nato
    chief ukraine will ..." breaks the run at the other side already)."""
    if run < 2 or run >= len(units):
        return False
    side, office = units[run - 1][TERM], units[run - 2][TERM]
    return (
        side is not None
        and side.kind == "alias"
        and not side.possessive
        and office is not None
        and office.kind == "role"
        and _side_opens_clause(units, run - 1)
    )


def _speaker_word(unit: Unit) -> bool:
    term = unit[TERM]
    if term is not None:
        return term.kind in ("speaker", "role", "alias", "adjective")
    return unit[CAP] and unit[LOW].isalpha() and unit[LOW] not in _NOT_BEFORE_SOURCE


def _opens_claim(
    units: list[Unit],
    run: int,
    work: BlockWork,
    events: frozenset[str],
) -> bool:
    """Whether the words after a headline's opening speaker are a clause of their own: the
    first is no verb (of saying, an action, an event's form, a plain "-s" or "-ed" form, an
    auxiliary: "macron spoke with putin ..." is an act) and an auxiliary, a modal or a first
    person follows."""
    first = units[run]
    low = first[LOW]
    if low in _SPEAKER_PHRASE and run + 3 < len(units):
        # "<president> in kyiv <claim>", "<ministry> on the strike <claim>": the colon's "X in
        # Kyiv: ..." keeps the place or topic with the speaker; the claim after it has a clause
        return any(_clause_mark(units, k) for k in range(run + 2, len(units))) or _dropped_be(
            units, run + 1, phrase=True
        )
    if not low[0].isalnum():
        return False  # "Today, ...", "X: ...": the colon's own grammar, or none
    if any(start == first[START] for start, _, _ in work.verbs) or OBJECT_VERB.match(low):
        return False
    term = first[TERM]
    verbal = term is None and low.isalpha() and low.endswith(("s", "ed"))  # "arrives", "met"
    if low in _NOT_BEFORE_SOURCE or verbal or low in events:
        return False
    if term is not None and term.actors and not term.possessive:
        return _side_opens_clause(units, run)  # not "putin trump summit will ...": a noun's
    return any(_clause_mark(units, k) for k in range(run + 1, len(units))) or _dropped_be(
        units, run
    )


def _side_opens_clause(units: list[Unit], run: int) -> bool:
    """Whether a side named right after a slug's speaker is the subject of the claim's own
    clause: its auxiliary or modal ("russia will ...", "russia has ruined ..."), or its "-ing"
    form with an object, the "is" dropped ("russia using the floods as cover ..."); not names
    that qualify a noun ("putin trump summit will ...", "biden putin meeting set for ...")."""
    if run + 2 >= len(units):
        return False
    low = units[run + 1][LOW]
    if _clause_mark(units, run + 1) or low in ("has", "have"):
        return True
    verb = units[run + 1][TERM] is None and low.endswith("ing") and low not in ING_NOUNS
    after = units[run + 2]
    return verb and after[LOW].isalpha() and after[LOW] not in OBJECT_PREP | COORD


def _name_ends_phrase(units: list[Unit], frm: int, s: int) -> bool:
    """A name of the lexicon's between unit `frm` and the noun at `s` ends the place or topic,
    and a new noun phrase opens after it: a side of its own ("on dnipro russia making ...")
    or a determiner ("in ukraine more aid ..."); not a name that qualifies the noun ("on
    nato summit planned ...": the topic's own participle)."""
    for t in range(s - 1, frm - 1, -1):
        term = units[t][TERM]
        if term is not None and term.kind != "role":  # "more military aid": an office's word
            after = units[t + 1]
            side = after[TERM] is not None and after[TERM].kind in ("alias", "speaker")
            return (t + 1 == s and side) or after[LOW] in _NP_OPENERS
        if units[t][LOW] in OBJECT_PREP or units[t][LOW] in NOUN_MARK:
            return False
    return False


# Words that open a noun phrase of their own.
_NP_OPENERS = NOUN_MARK | word_set("more no new fresh further additional all every some any")


# The prepositions of a place or a topic a headline's speaker takes before its colon.
_SPEAKER_PHRASE = word_set("in on")
# Words in "-ed" that are no participle.
_NOT_PARTICIPLES = word_set("need indeed hundred united speed breed greed seed shed")


def _dropped_be(units: list[Unit], frm: int, phrase: bool = False) -> bool:
    """A headline's clause with its "is" or "has been" dropped, after unit `frm`: a noun and
    its past participle ("more aid urgently required", "coalition formed to ..."), or a side
    and its "-ing" form ("russia making every effort ..."). The noun is no preposition's
    object ("in kyiv meeting ...": the place) and no word of the lexicon's ("defence
    ministry ..."), and a side's "-ing" form takes an object after it. After the speaker's
    `phrase` of place or topic, a name ends that phrase before the noun ("on the strike on
    dnipro russia making ..."; "on the agreement reached in ..." is the topic's own
    participle)."""
    for j in range(frm + 2, len(units)):
        low = units[j][LOW]
        if units[j][TERM] is not None or not low.isalpha() or low in _NOT_PARTICIPLES:
            continue
        s = j - 1
        while s > frm + 1 and units[s][LOW].endswith("ly") and units[s][TERM] is None:
            s -= 1  # "aid urgently required"
        subject, before = units[s], units[s - 1][LOW]
        if before in OBJECT_PREP or subject[LOW] in _NOT_BEFORE_SOURCE:
            continue
        if phrase and not _name_ends_phrase(units, frm, s):
            continue
        term = subject[TERM]
        if low.endswith("ed") and len(low) > 4 and term is None and subject[LOW].isalpha():
            return True
        side = term is not None and term.kind in ("alias", "speaker") and not term.possessive
        if low.endswith("ing") and side and j + 1 < len(units):
            return True
    return False


def _clause_mark(units: list[Unit], k: int) -> bool:
    """Whether unit `k` marks a clause of its own: an auxiliary, a modal, a negation or a
    first person, also a negated one whose apostrophe a URL's words lost ("won t", "isn t")."""
    low = units[k][LOW]
    if low in _CLAUSE_MARKS:
        return True
    return low in _CONTRACTED and k + 1 < len(units) and units[k + 1][LOW] == "t"


# A negated auxiliary's first part, its "'t" split off with the apostrophe lost.
_CONTRACTED = word_set(
    "won don doesn didn isn aren wasn weren hasn haven hadn shouldn wouldn couldn mustn can"
)
_CLAUSE_MARKS = word_set(
    "is are was were will would may might must can could should cannot not never our we us"
)


def _slug_word(unit: Unit) -> bool:
    """A word of no term that may be part of a name written in lower case ("liz", "truss")."""
    low = unit[LOW]
    return unit[TERM] is None and low.isalpha() and len(low) >= 3 and low not in _NOT_BEFORE_SOURCE


def _closing_name(unit: Unit, unknown: bool = False) -> bool:
    """A headline's last word alone as its source: an office, a person the lexicon knows, or
    a word that may be a name (no plural, adverb, participle or abstract noun's ending);
    `unknown`: only the last kind."""
    term = unit[TERM]
    if term is not None:
        return not unknown and term.kind in ("role", "speaker") and not term.possessive
    low = unit[LOW]
    if low in _NOT_BEFORE_SOURCE or low.endswith(_NOT_NAME_ENDINGS):
        return False
    return low.isalpha() and len(low) >= 4


_NOT_NAME_ENDINGS = ("s", "tion", "ment", "ing", "ness", "ity", "ship", "ly", "ed", "sion")
# The offices that speak as a headline's source ("... ministry", "... official says").
_SPEAKING_OFFICE = re.compile(
    r"(?:\bminist|mfa|mod$|spox|spokes|official|diplomat|envoy|ambassador|embassy|source|aide|"
    r"advis|president|premier|chancellor|^pm$|^fm$|governor|mayor|commander|chief|general staff|"
    r"secretary|negotiator|intelligence|military|army|air force|navy)"
)


def slug_subject(work: BlockWork) -> Who | None:
    """A URL slug's headline, all lower case, opening with a person's name before a verb of
    saying ("liz truss condemns ...", "kallas urges ..."): the name its capitals would show,
    to be the speaker the first paragraphs name (`resolve_title` looks for its last word)."""
    if not work.verbs or not work.written_lower:
        return None
    units, verb = work.units, work.verbs[0][0]
    k = next((n for n, u in enumerate(units) if u[START] == verb), 0)
    if not 1 <= k <= 3 or not all(_slug_word(u) for u in units[:k]):
        return None
    return Who("unknown", start=units[k - 1][START], end=units[k - 1][1])


def _office(unit: Unit) -> bool:
    term = unit[TERM]
    return term is not None and term.kind == "role"


def _side_word(unit: Unit) -> bool:
    term = unit[TERM]
    return term is not None and term.kind in ("role", "alias", "adjective")


_CLOSING_SAYS = frozenset(["says", "said", "say"])


def counterpart_title(work: BlockWork) -> bool:
    """A title that names only a document and its counterpart ("Telephone conversation with
    Federal Chancellor of Austria <name>", "Meeting with the Prime Minister of <country>"): the
    name closing it is the one met or called, no source."""
    return _COUNTERPART_TITLE.match(work.folded) is not None


_COUNTERPART_TITLE = re.compile(
    r"\W*(?:(?:telephone|phone|video)\s+)?(?:conversation|call|meeting|talks|negotiations|"
    r"consultations)s?\s+(?:with|between)\s"
)
# Words that make the phrase after them an object or a complement, not a closing source.
_NOT_BEFORE_SOURCE = (
    OBJECT_PREP
    | NOUN_MARK
    | COORD
    | word_set(
        "of or nor as that is are was were be been has have had will would can could may might "
        "must should not no new top senior"
    )
)


def _first_person_title(
    works: list[BlockWork], who: Who, rules: CompiledRules, distance: int
) -> None:
    """A headline in the first person with no speaker ("We will not be dragged into the war")
    is the words of the one side whose speakers the first paragraphs name, or in whose voice
    they speak (a document's, a statement's, the author's first person); two sides name no
    one. A modal's claim (`modal_claim`) counts only the paragraphs that repeat its verb."""
    sides: dict[tuple[str, ...], None] = {}
    claim = works[0].folded[who.start : who.end][:5] if who.word == "claim" else ""
    for work in works[1 : 2 + distance]:
        if claim and not re.search(rf"\b{re.escape(claim)}", work.folded):
            continue  # a modal's claim: only a paragraph that repeats it names its speaker
        sides.update((main.actors, None) for _, main in work.main if main.kind == "actor")
        sides.update(((ev.actor,), None) for ev in work.evidence if ev.rule in _VOICED)
    for envoy in who.actors:  # a protest to an envoy: the envoy's side is not the one protesting
        sides = {side: None for side in sides if envoy not in side}
    if len(sides) == 1:
        actors = next(iter(sides))
        add_evidence(
            works[0], ATTRIBUTION_HEADLINE, actors, who.start, who.end, rules.weights.attribution
        )


# The voices a first paragraph may speak in with no speech verb of its own.
_VOICED = frozenset([CARRY_DOCUMENT.id, CARRY_STATEMENT.id, CARRY_AUTHOR.id])


# Words that are one quote and nothing else (a speaker's colon's body, reader.classify.colonlabels;
# a subheading's claim before its dash): an opening mark, a closing one at its end (a full
# stop may follow), no closing mark before it that more words follow.
ONE_QUOTE = re.compile(r"\s*[\"“«‘'][^\"“”«»]*?[\"”»’'][.!?]?\s*")


# The names of a document a title gives: after its colon with where it was given ("...:
# Statement to the Permanent Council", "...: Remarks at the Security Council"), or after its
# dash (`_document_after_topic`).
DOCUMENT_NAMES = word_set(
    "statement statements declaration communique communiqué address speech remarks readout"
    " intervention"
)


# An outlet's genre or section before a headline's colon (or as the one word after its dash,
# "<topic> – Photos"): no speaker's label.
GENRE_LABELS = frozenset(
    [
        "interview",
        "exclusive",
        "exclusive interview",
        "analysis",
        "opinion",
        "explainer",
        "update",
        "breaking",
        "breaking news",
        "video",
        "watch",
        "live",
        "factbox",
        "comment",
        # a page's series or archive ("Archive: <topic> live updates", "Digital Briefing: An
        # update from <name>")
        "archive",
        "briefing",
        "digital briefing",
        "timeline",
        "photos",
        "pictures",
        "videos",
        "updates",
    ]
)


def subheading(work: BlockWork) -> bool:
    """A paragraph set as a subheading: a few words with no stop, comma or quote mark closing
    them (a sentence ends in one); not an explainer's question ("How Kyiv plans to ...")."""
    text = work.text.rstrip()
    if not work.units or len(text.split()) > _SUBHEADING_WORDS or not text[-1:].isalnum():
        return False
    return EXPLAINER.match(work.folded) is None


# The most words a paragraph set as a subheading has.
_SUBHEADING_WORDS = 14


# A headline that asks the explainer's question without its mark, after an optional label
# ("Analysis: Why Putin wants a long war", "How Kyiv plans to hold the line"); a quoted
# speaker's words or a source after a dash are read as in any headline.
EXPLAINER = re.compile(
    r"(?:(?:analysis|explainer|opinion|comment|fact\s+check|q&a|factbox)\s*:\s*)?"
    r"(?:why|how|what|whether)\s+(?![^\"“”«»]*[\"“”«»])(?![^–—]*\s[–—-]\s)"
)


def dashed_subheading(work: BlockWork) -> bool:
    """A paragraph set as a headline, its source after a spaced dash: before the dash a quote
    alone ("'Real progress was made today' - <name>", a stop after the name too) or, with no
    sentence's end, words in title case ("Goal Of The Talks Is A Lasting Peace - <office>"),
    as live pages and transcripts head each speaker's part. Its source speaks, in a
    headline's grammar."""
    if not work.units:
        return False  # (no lexicon term, no source to name: most paragraphs)
    dash = subheading_dash(work.text)
    if dash is None or dash.start() == 0:
        return False
    text = work.text.rstrip()
    claim = text[: dash.start()].strip()
    if ONE_QUOTE.fullmatch(claim):
        return True
    if text.endswith("."):
        return False
    words = [w for w in claim.split() if len(w) > 3 and w[:1].isalpha()]
    return len(words) >= _TITLE_CASE_WORDS and all(w[:1].isupper() for w in words)


# Long words a title-case subheading has before its dash, at least.
_TITLE_CASE_WORDS = 3


def headline_source(work: BlockWork, rules: CompiledRules, state: State) -> Who | None:
    """ "... - Kremlin": the source a headline names after a dash; a role there ("- MoD"),
    or an office with a holder's name no lexicon knows ("- Defense Minister <name>"), is
    returned, to resolve from the first paragraphs."""
    dash = (
        DASH_SUFFIX.search(work.text)
        or _COLON_SUFFIX.search(work.text)
        or _OCCASION_SUFFIX.search(work.text)
    )
    if dash is None:
        return None
    tail = [u for u in work.units if dash.start(1) <= u[START] < dash.end(1)]
    phrase = first_phrase(tail)
    if dash.re is not _COLON_SUFFIX and _thing_after_dash(phrase, tail):
        return None  # "Ukraine – New Russian airstrikes", "One Year Later – Russia's Occupation"
    if _document_after_topic(work, dash.start(), tail):
        return None  # "Ukraine – G7 Ministers' Statement", "<name> – 2024 Statement on Ukraine"
    if dash.re is _COLON_SUFFIX and (
        len(phrase) != len(tail)
        or not (tail[-1][TERM] or tail[-1][CAP])
        or tail[0][LOW] in ("a", "an")
    ):
        return None  # "Ukraine war: what we know", "...: A NATO Concern": no source named
    who = resolve(phrase, state.names)
    learn(who, state.names)
    if who.kind == "actor":
        add_evidence(
            work, ATTRIBUTION_HEADLINE, who.actors, who.start, who.end, rules.weights.attribution
        )
        work.main.append((who.start, who))
    if who.kind == "unknown" and (
        dash.re is _COLON_SUFFIX or titled_name(work, who) or _dash_name(work, phrase, tail)
    ):
        return who  # "...: Zelenskiy", "... - Defense Minister <name>": whom the opening names
    return who if who.kind == "role" else None


def _document_after_topic(work: BlockWork, dash: int, tail: list[Unit]) -> bool:
    """A title that names a document after a bare topic or author: "<country> – <authors>
    Statement (<date>)", "<name> – <year> Statement on <topic>". The words before the dash
    hold no claim (three words at most, no verb, no quote), so the document named after it
    is no source of one: the page's name, no position (GUIDE.md: a title naming a document
    states none). "<claim> – Statement" keeps its source."""
    head = [u for u in work.units if u[START] < dash]
    if not head or len(head) > 3 or any(start < dash for start, _ in work.quotes):
        return False
    if any(start < dash for start, _, _ in work.verbs):
        return False
    return any(u[LOW] in DOCUMENT_NAMES for u in tail)


def _dash_name(work: BlockWork, phrase: list[Unit], tail: list[Unit]) -> bool:
    """A headline's dash source that is a name no lexicon knows and nothing else, a surname
    or a first name and a surname ("<claim> – <Surname>", "<claim> – <First> <Surname>"): the
    speaker the first paragraphs name with their office (`resolve_title` takes the side they
    give a speaker of that surname, and none else). Why: a news site's headline credits its
    source after the dash by name, the lead says who they are. Not an outlet's genre
    ("<topic> – Analysis", "– Photos") nor an acronym in a headline that is not all capitals
    ("– CNN", "– AFP"): a name is spelt as a name is, and those are the page's kind or its
    channel, whom no lead names as an official."""
    if not 1 <= len(tail) <= 2 or phrase != tail:
        return False
    if not all(u[CAP] and u[TERM] is None and u[LOW].isalpha() for u in tail):
        return False
    spelt = work.text[tail[0][START] : tail[-1][END]]
    acronym = any(w.isupper() for w in spelt.split()) and not work.text.isupper()
    return not acronym and tail[-1][LOW] not in GENRE_LABELS


def _thing_after_dash(phrase: list[Unit], tail: list[Unit]) -> bool:
    """The words after a title's dash name a thing, not a source: a side's adjective before
    a noun ("<topic> – New Russian airstrikes (<date>)"), a side's possessive before a word of
    no one's ("One Year Later – Russia's Occupation of Crimea"), or a thing described in title
    case (`described_thing`). A source is a name or an office ("– Russian MFA", "– Kremlin's
    Peskov")."""
    if not phrase:
        return False
    if described_thing(phrase):
        return True
    end = tail.index(phrase[-1]) + 1
    last = phrase[-1][TERM]
    if (
        last is not None
        and last.kind == "adjective"
        and end < len(tail)
        and tail[end][LOW].isalpha()
    ):
        return True  # "Russian airstrikes": the adjective qualifies the noun after it
    return any(
        unit[LOW].endswith(("'s", "’s")) and after[TERM] is None and after[CAP]
        for unit, after in pairwise(phrase)
    )


# A headline's source after a dash, the occasion it spoke on after it ("<claim> - <name> during
# a call with <name>", "<claim> – <office> at the summit"): the source is the words before the
# occasion's preposition.
_OCCASION_SUFFIX = re.compile(
    r"\s[–—-]\s+((?:[\w.'’-]+\s+){0,4}[\w.'’-]+)\s+(?:during|at|after|while|in\s+(?:a|an|his|her|the)\b)"
    r"[^–—:]{3,100}$"
)


# A wire headline's source after a colon: "Partners have eased up on sanctions: Zelenskiy".
_COLON_SUFFIX = re.compile(r"\w[\"”’']?:\s+((?:[\w.'’-]+\s+){0,3}[\w.'’-]+)\s*$")
