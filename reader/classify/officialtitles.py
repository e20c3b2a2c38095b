"""An official document's title: its genre, its author, its topic.

"Statement of the Ministry of Foreign Affairs of Ukraine on ..." makes the text an official
document in one institution's voice (`official_title`, `document_title`: its genre and the
author it names); a member government's page titled on the war speaks on the war from its
first line (`title_topic`, `awaited_topic`); a title that names its topic in its author's
judgement already carries the author's position (`judged_title`). Separate from
reader.classify.document, which decides whose voice the lines under the title carry, and below
it and reader.classify.headlines: both ask these questions of a title, which is read once
before the lines under it. Nothing here reads a line's speech verbs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from reader.classify.evidence import add_evidence
from reader.classify.judgements import RECALLING, judged_topic, one_party, scare_quoted_topic
from reader.classify.topic import allowed, national_matter
from reader.classify.types import LOW, START, TERM, BlockWork, Speaker, State, Unit, Who
from reader.classify.units import ASKS_SPEAKER
from reader.classify.wordclasses import word_set
from reader.rules.compile import CompiledRules, Term, fold
from reader.rules.grammar import CARRY_DOCUMENT

# The head nouns of a legislature or a body of states, whose resolutions and appeals are its
# own texts, by the English words any house is called by ("the Parliament", "the Parliamentary
# Assembly", "the Senate"): grammar, here; a state's own name for its house ("the Seimas", the
# "Rada" of "the Verkhovna Rada") is config.yaml's `legislatures`, a user's to add to. None of
# the other body sets fits: seats' words are its members (phrases._SEATS), a ministry's or a
# committee's is no act of a house.
_HOUSES = word_set(
    "parliament parliaments legislature assembly council congress senate house chamber"
)

# The words between an act's "of" and its house's noun ("Resolution of the European
# Parliament", "Appeal of the Latvian Saeima"): three at most, none a preposition or "and".
_HOUSE_REACH = 3
_BEFORE_HOUSE = re.compile(
    r"(?!(?:in|at|on|to|for|with|by|from|of|and|as)\s)[\w-]+\s+", re.IGNORECASE
)
_WORD_RUN = re.compile(r"\w+")

# A title that makes the text an official document in one institution's voice. A legislature's
# act ("Appeal of the Parliament to ...") is one only when its house follows (`official_title`).
_OFFICIAL_TITLE = re.compile(
    r"\W*(?:the\s+)?(?:(?:(?:full\s+)?text|excerpts?)\s+(?:of|from)\s+(?:the\s+)?|from\s+(?:the\s+)?|joint\s+|"
    r"kremlin\s+|white\s+house\s+)?"
    r"(?:statement|declaration|summit\s+declaration|communiqu[eé]|readout|press\s+release|"
    r"remarks|address|speech|intervention|comment|briefing|press\s+conference|news\s+conference|"
    r"transcript|"
    r"(?:telephone|phone)\s+(?:conversation|call)s?|meeting|talks|"
    # a legislature's own act, named with its author ("Appeal of the Parliament to ...",
    # "Resolution by the Seimas") or a resolution with its topic ("Resolution on support for
    # ..."); a headline's settlement or plea is none ("Resolution of Ukraine conflict
    # impossible ...", "Appeal to Kyiv pointless ..."), nor is an "Appeal court ..."
    r"(?:resolution(?=\s+(?:on|regarding|concerning|about)\s)|(?:resolution|appeal)(?=\s+"
    r"(?:of|by|from)\s+(?:the\s+)?(?P<house>))))\b",
    re.IGNORECASE,
)


def official_title(text: str, legislatures: frozenset[str]) -> bool:
    """A title that makes the text an official document in one institution's voice: a
    statement's, a readout's, a meeting's, or a legislature's act with its house named
    ("Resolution of the Seimas on ..."; `legislatures`: config.yaml's own names of states'
    houses, beside the English nouns of any house)."""
    title = _OFFICIAL_TITLE.match(text)
    if title is None:
        return False
    at = title.start("house")
    if at < 0:
        return True  # no legislature's act: "Statement by ...", "Resolution on ..."
    for _ in range(_HOUSE_REACH + 1):
        word = _WORD_RUN.match(text, at)
        house = fold(word.group()) if word is not None else ""
        if house in _HOUSES or house in legislatures:
            return True
        before = _BEFORE_HOUSE.match(text, at)
        if before is None:
            return False
        at = before.end()
    return False


# Genres whose title names the author: "Statement of the Ministry of Foreign Affairs of Ukraine".
AUTHORED = re.compile(r"\W*(?:\w+\s+){0,3}?(?:of|by|from)\s+", re.IGNORECASE)


# Where a title's issuer ends: its topic, place or occasion, and the counterpart of a meeting
# ("Talks of Deputy Prime Minister <name> with the Ukrainian Energy Minister": the one met, no
# issuer, as in "Telephone conversation with ...").
_ISSUER_END = re.compile(
    r"\s(?:on|at|in|to|before|about|regarding|concerning|following|after|with)\s|:"
)

# The state a title's speaker speaks for: "Address by Minister X to the Sejm on behalf of the
# Government of Y" (the venue after "to" is not the author).
_BEHALF = re.compile(r"\bon\s+behalf\s+of\s+([^.;:]{2,80})")


# A title of one speaker's words, with the speaker after it ("From the statement by ...").
_ONE_VOICE = re.compile(
    r"\W*(?:(?:from|excerpts?\s+from)\s+)?(?:the\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:statement|remarks|address|speech|comment|intervention)\s+(?:by|of|from)\s"
)


# A spoken document's title that names its speakers after "with" ("Joint press conference with
# the Secretary General and the President of X").
_SPOKEN_WITH = re.compile(
    r"\W*(?:joint\s+)?(?:press|news)\s+(?:conference|point|briefing)\s+with\s"
)


def spoken_pair(work: BlockWork, state: State) -> bool:
    """A title, or a heading among the first lines, that names a joint press event by its two
    speakers of known sides ("Joint press point with <office> <name> and the President of
    <state>, <name>", "Joint press conference by <A> and <B>"), no verb of its own: an
    official transcript whose lines wait for the one that says which of the two speaks (the
    opening's address to the other: `addressed_speaker`). Whether it was one."""
    folded = work.folded
    match = _SPOKEN_PAIR.match(folded)
    if match is None or work.quotes:
        return False
    start = match.end()
    if any(at >= start and not form.participle for at, _, form in work.verbs):
        return False  # "Press conference with <A> and <B> ends in a row": a headline
    parts = list(_PAIR_PARTS.finditer(folded, start))
    stop = next((part for part in parts if part.group("end")), None)
    end = stop.start() if stop is not None else len(folded)
    for joint in (part for part in parts if part.group("joint") and part.start() < end):
        first = one_party(work.terms, start, joint.start())
        second = one_party(work.terms, joint.end(), end)
        if first and second:
            state.speakers_with = (
                (first, _name_words(work.text[start : joint.start()])),
                (second, _name_words(work.text[joint.end() : end])),
            )
            state.official = state.author_pending = True
            return True
    return False


def addressed_speaker(work: BlockWork, state: State) -> tuple[tuple[str, ...], int]:
    """Under a joint press event's title (`spoken_pair`), an opening line that addresses one of
    the two speakers by the words the title names them by ("President <name>, dear <first
    name>, it's good to have you back", "Good morning, Prime Minister <name>.", "Thank you,
    Secretary General."): the other one is speaking, and the remarks are theirs (the side the
    title gives them); with where the address ends (the one addressed is no subject there:
    "President <name>, welcome to ..." bids them welcome). ((), 0) when the line addresses
    neither, or words of both."""
    address = _ADDRESS.match(work.text) if len(state.speakers_with) == 2 else None
    if address is None or not _bids(address, work):
        return (), 0
    words = _name_words(address.group("name"))
    (first, first_words), (second, second_words) = state.speakers_with
    to_first, to_second = words & (first_words - second_words), words & (second_words - first_words)
    if to_second and not to_first:
        return first, address.end("name")
    if to_first and not to_second:
        return second, address.end("name")
    return (), 0


def _bids(address: re.Match[str], work: BlockWork) -> bool:
    """Whether the words the line opens with are said to someone: after a greeting ("Good
    morning, President <name>"), or in a sentence that goes on in the second person or bids
    welcome ("..., dear <name>, it's good to have you back", "..., welcome to ..."); a story's
    "President <name>, speaking in <city>, said ..." names its subject so."""
    if address.group("greeting"):
        return True
    end = next((b for a, b in work.sentences if a <= address.start("name") < b), len(work.text))
    return _SAID_TO.search(work.folded, address.end("name"), end) is not None


def _name_words(text: str) -> frozenset[str]:
    """The capitalised words of a name or an office ("President", "Petro", "Poroshenko")."""
    return frozenset(_CAPITALISED.findall(text)) - _ADDRESS_WORDS


# A joint press event's title before its two speakers ("Joint press point with", "Press
# conference by", "Opening remarks by").
_SPOKEN_PAIR = re.compile(
    r"\W*(?:joint\s+)?(?:(?:press|news)\s+(?:conference|point|briefing|availability|"
    r"statements?)|(?:opening\s+)?remarks)\s+(?:with|by)\s+"
)
# The "and" between their names, and where the names end (the occasion, place or topic).
_PAIR_PARTS = re.compile(
    r"(?P<joint>\s(?:and|&)\s)|(?P<end>\s(?:at|on|in|to|before|ahead|following|after|during|"
    r"about)\s|[:;(])"
)

# The capitalised words of a name or an office, and those that name no one of the two (a
# title's or an address's own).
_CAPITALISED = re.compile(r"\b[A-Z][\w'’-]*")
_ADDRESS_WORDS = frozenset(["Dear", "Mr", "Mrs", "Ms", "Madam", "Mister", "The", "Joint"])
# The second person, an endearment or a welcome: words said to the one addressed.
_SAID_TO = re.compile(r"\b(?:you|your|yours|dear|welcome)\b")

# The address an opening line starts with, after a greeting: capitalised words (an office, a
# name) up to a comma or a stop ("President <name>,", "Good morning, Prime Minister <name>.").
_ADDRESS = re.compile(
    r"\W*(?P<greeting>(?i:good\s+(?:morning|afternoon|evening)|hello|"
    r"thank\s+you(?:\s+(?:very|so)\s+much)?|thanks|welcome)\s*,\s*)?"
    r"(?:[Dd]ear\s+)?(?P<name>(?:[A-Z][\w'’.-]*\s+){0,4}[A-Z][\w'’.-]*)"
    r"\s*[,.!]"  # (not a colon: "<name>: ..." is a transcript's speaker label)
)


_SAYS_ITS_VIEW = re.compile(
    r"\W*(?:(?:joint\s+)?statement|declaration|comment|communiqu[eé])\b",
    re.IGNORECASE,
)

OPENING_BLOCKS = 4


def _member_voice(terms: Iterable[tuple[int, int, Term]], start: int, end: int) -> bool:
    """Whether the names between `start` and `end` are all a member state's ("the Government
    of Estonia", "Poland's Foreign Ministry"): its document is its side's on the war only."""
    named = [term.member for t_start, _, term in terms if start <= t_start < end and term.actors]
    return bool(named) and all(named)


def document_title(work: BlockWork, state: State, rules: CompiledRules) -> None:
    """An official document's title: its genre, and its author when the title names one
    ("Statement of the Ministry of Foreign Affairs of Ukraine on ..."): a statement's title
    is already in its author's voice."""
    text = work.text
    if _office_alone(work):
        state.official = state.author_pending = True  # "Minister of National Defence": whose,
        return  # the first lines that name a side in the first person say
    office = _office_genre(work) if state.document is None else ""
    if office:  # "Foreign Ministry statement on ...": whose, the first lines say
        state.official = state.author_pending = True
        state.office = office
        state.document_topic = allowed(Who("actor", (), member=True), work, rules)
        return
    sided = _sided_office_genre(work) if state.document is None else ()
    if sided:  # "MFA of Ukraine statement on ...": that side's statement
        state.official = state.reports = True
        state.document = sided
        state.document_topic = allowed(Who("actor", (), member=True), work, rules)
        return
    if state.document is None and spoken_pair(work, state):
        return  # "Joint press point with <A> and <B>": the opening says which of them speaks
    if not (official_title(text, rules.legislatures) or "readout" in work.folded):
        return
    state.official = True
    state.document_topic = allowed(Who("actor", (), member=True), work, rules)
    authored = AUTHORED.match(text)
    if authored is None or " with " in text[: authored.end()].lower():
        # "Telephone conversation with President of France ...": the counterpart; "Press
        # conference with <A> and <B>": the first lines wait for the one that names who speaks
        state.author_pending = _SPOKEN_WITH.match(work.folded) is not None
        return
    end = _ISSUER_END.search(text, authored.end())
    span = (authored.end(), end.start() if end else len(text))
    behalf = _BEHALF.search(work.folded, span[1])
    if behalf is not None and not one_party(work.terms, *span):
        span = behalf.span(1)
    issuer = one_party(work.terms, *span)
    if not issuer:
        # "Statement by Ambassador <a name no rule knows> at ...": the first lines wait for
        # the one that names the author
        state.author_pending = _ONE_VOICE.match(work.folded) is not None
        if state.author_pending:
            state.office = _office_words(work, *span)
            office_holder(work, state, rules)  # a rival body in the title: no holder
        return
    state.document = issuer
    state.document_member = state.document_member or _member_voice(work.terms, *span)
    state.reports = True
    if _SAYS_ITS_VIEW.match(text) and not work.main:
        if state.document_member and not member_on_topic(work, state, issuer, rules):
            return  # "Statement by the Government of X on the budget"
        speaker = Speaker(issuer, work.index)
        add_evidence(work, CARRY_DOCUMENT, speaker.actors, 0, len(text), rules.weights.carry)


def title_topic(work: BlockWork, state: State, rules: CompiledRules, source: Who | None) -> None:
    """A member government's page whose title, no one's words, is on the war speaks on the war
    from its first line: the salutation and the delegate's opening before the first line on
    the war ("Thank you, Madam Chair,", "Our country aligns itself with the statement of the
    EU") are the speaker's. A page titled on a national matter waits for a line on the war,
    and so does a news item titled with an official's words ("PM: <claim>": its `source`)."""
    spoken = source is not None or any(ev.kind == "attribution" for ev in work.evidence)
    if state.document_member and not state.document_topic and not spoken:
        state.document_topic = allowed(Who("actor", (), member=True), work, rules)


def awaited_topic(work: BlockWork, state: State) -> None:
    """A line of a statement whose title is on the war, while the first lines wait for the one
    that names the author ("As delivered by Ambassador <name> at ..."): on the title's topic,
    so that a member state named as its speaker there ("Norway has aligned itself with the
    group's statement. In my national capacity, I ...") is the delegate's own state."""
    if state.author_pending and state.document_topic and work.index <= OPENING_BLOCKS:
        work.topic = True


def judged_title(work: BlockWork, state: State, rules: CompiledRules) -> None:
    """An official document's title that names its topic in its author's judgement ("Statement
    on Russia's military invasion of Ukraine" on a member's ministry site, "Remarks concerning
    Russia's further invasion of Ukraine", "Statement by the Ministry of Foreign Affairs of
    Ukraine on the new wave of Russian aggression"; on a site of one side, a title that is its
    topic alone, "On <topic> due to the escalation of Russian aggression"): it already carries
    the author's position (a title naming only its genre and occasion states none)."""
    author = state.document
    if work.main:
        return
    heading = state.source is not None and judged_heading(work, author or (), rules.legislatures)
    if not (
        official_title(work.text, rules.legislatures)
        or _OFFICE_GENRE.match(work.folded)  # "Foreign Ministry statement on ..."
        or (state.source is not None and _TOPIC_TITLE.match(work.folded))
        or heading
    ):
        return
    if not author:
        # "Foreign Ministry statement on the terrorist attack on ...": the judgement waits
        # with the first lines for the author they name (`voice_earlier` checks it again)
        if state.author_pending and judged(work, ()):
            state.unvoiced.append(work)
        return
    if any(ev.actor in author for ev in work.evidence if ev.kind in ("carry", "attribution")):
        return
    if heading or judged(work, author):
        add_evidence(work, CARRY_DOCUMENT, author, 0, len(work.text), rules.weights.carry)


def judged(work: BlockWork, author: tuple[str, ...]) -> bool:
    """Whether a document's title names its topic in its author's judgement: a word of
    judgement on another side's act, or another side's term in quotes of distance."""
    return judged_topic(work.folded, work.terms, author) or scare_quoted_topic(
        work.text, work.folded, work.terms, author
    )


def judged_heading(work: BlockWork, author: tuple[str, ...], legislatures: frozenset[str]) -> bool:
    """A heading of a side's own page that is its topic alone, no verb and no "on" ("<Side>'s
    Continuing Violations in <place>", a series' subtitle "Violations of the Accords by <side>
    in <place>"), naming another side's act in its author's judgement: the author's words, as
    "Statement on <the same>" is. A side's act with no judgement ("<Side>'s Elections in
    <place>"), a headline's clause ("<Side> denies violations") and a title that opens with its
    genre ("Statement ... on <topic>", read by its topic's grammar: `judged`) are none."""
    if not author or official_title(work.text, legislatures) or _OFFICE_GENRE.match(work.folded):
        return False
    verbless = all(form.participle for _, _, form in work.verbs)
    return verbless and judged_topic(work.folded, work.terms, author, heading=True)


# An official page's title that is its topic alone, after "On" ("On introduction of martial law
# due to the escalation of Russian aggression") or as an occasion ("Second anniversary of
# <act>"): the document's own heading, as "Statement on" is.
_TOPIC_TITLE = re.compile(
    r"\W*(?:on|regarding|concerning)\s"
    # an occasion and the act it recalls ("Fifth anniversary of <act>")
    r"|\W*(?:the\s+)?(?:[\w-]+\s+)?(?:" + "|".join(sorted(RECALLING)) + r")\s+of\s"
)


def _office_alone(work: BlockWork) -> bool:
    """A title that is an office and nothing else, no country named ("Minister of National
    Defence", "Office of the Prime Minister"): an official's own page, whose author the
    first lines name."""
    if work.verbs or work.quotes or not any(term.kind == "role" for _, _, term in work.terms):
        return False
    if any(term.actors for _, _, term in work.terms):
        return False
    return _OFFICE_WORDS.fullmatch(work.text.strip()) is not None


def _office_genre(work: BlockWork) -> str:
    """A title that names its document by an office alone, no country, body or name, then the
    document's genre ("Foreign Ministry statement on ...", "MFA comment regarding ...",
    "Foreign Ministry Spokeswoman's comment on ..."): an official document reposted where no
    site rule knows it, whose author the first lines name (a first person in one side's own
    words). The office's words (the last office named), or "" ("Kremlin statement on ..."
    names its side; "Ministry statement on the strike contradicts ..." is a headline)."""
    units = _genre_issuer(work)
    roles = [u for u in units if u[TERM] is not None and u[TERM].kind == "role"]
    if not roles or any(u[LOW] != "the" for u in units if u not in roles):
        return ""
    return roles[-1][LOW].removesuffix("'s").replace("-", " ")


def _sided_office_genre(work: BlockWork) -> tuple[str, ...]:
    """A title that names its document by an office and the one side it serves, then the
    genre ("MFA of Ukraine statement on ...", "Russian Foreign Ministry comment regarding
    ...", "Lithuania's Defence Ministry statement on ..."): that side's official document,
    as "Statement of the MFA of <state> on ..." is. A name alone ("Kremlin statement on
    ...") may be a story's subject; an office is the document's own signature."""
    units = _genre_issuer(work)
    if not any(u[TERM] is not None and u[TERM].kind == "role" for u in units):
        return ()
    sides: set[str] = set()
    for unit in units:
        term = unit[TERM]
        if term is not None and term.kind in ("alias", "adjective") and term.actors:
            sides.update(term.actors)
        elif unit[LOW] not in ("the", "of") and (term is None or term.kind != "role"):
            return ()  # another word: no office's signature ("Ukraine's grain statement")
    return tuple(sides) if len(sides) == 1 else ()


def _genre_issuer(work: BlockWork) -> list[Unit]:
    """The units of the words before a document's genre in a title of the form "<issuer>
    statement on <topic>" (`_OFFICE_GENRE`), or [] when the title is no such form: quoted, or
    with a verb in the issuer's words or a finite one after the genre (a headline's: "Ministry
    statement on the strike contradicts ...")."""
    match = _OFFICE_GENRE.match(work.folded)
    if match is None or work.quotes:
        return []
    genre = match.end(1) + 1
    if any(
        not form.participle and at > match.start(1) for at, _, form in work.verbs if at != genre
    ):
        return []
    start, end = match.span(1)
    return [u for u in work.units if start <= u[START] < end]


# An office's words, then a document's genre, alone or before its topic or occasion.
_OFFICE_GENRE = re.compile(
    r"\W*(?:the\s+)?((?:[\w'-]+\s+){0,3}?[\w'-]+)\s+(?:(?:official|press|written)\s+)?"
    r"(?:statement|comment|commentary|declaration|press\s+release|briefing|remarks)"
    r"(?=\s+(?:on|about|regarding|concerning|in\s+connection\s+with|following|after|at|to)\s|\W*\Z)"
)


# Capitalised words, joined by "of", "the", "for", "and", "&": at most eight of them.
_OFFICE_WORDS = re.compile(
    r"(?:[A-Z][\w'’-]*|of|the|for|and|&)(?:\s+(?:[A-Z][\w'’-]*|of|the|for|and|&)){0,7}"
)


def member_on_topic(
    work: BlockWork, state: State, author: tuple[str, ...], rules: CompiledRules
) -> bool:
    """Whether a member government's page speaks on the war, Russia or the alliance: once one
    of its lines does, the page does (a speech's "It's great to have you with us" is the
    speaker's); a page none of whose lines does (a budget, a motorway) is no actor's."""
    if not state.document_topic:
        state.document_topic = allowed(Who("actor", author, member=True), work, rules)
        if state.document_topic:
            _opening_on_topic(state, author, rules)
    return state.document_topic


def _opening_on_topic(state: State, author: tuple[str, ...], rules: CompiledRules) -> None:
    """The opening lines of a member's statement to an international body (`_FORUM`) that
    came before its first line on the war (a delivery line, "Thank you, Madam Chair.", thanks
    to the briefers, a welcome of a prisoner exchange): the statement is on the war from its
    first line, so they are the author's as the lines after them are; an act ("<A> spoke to
    <B> this morning") or a line on the member's own affairs stays no one's."""
    held_lines, state.off_topic = state.off_topic, []
    if not any(_FORUM.search(held.text) for held in held_lines):
        return  # a speech at home (to parliament, at a plant): the war only from its first line
    for held in held_lines:
        if held.excluded or national_matter(held, rules) or ASKS_SPEAKER.search(held.folded):
            continue  # "The Prime Minister spoke to <X> this morning": the page's act, no one's
        add_evidence(held, CARRY_DOCUMENT, author, 0, len(held.text), rules.weights.carry)


# An international body a member's statement is delivered to: what the member says there is
# on the alliance's, Russia's or the war's affairs, never a national matter.
_FORUM = re.compile(
    r"\b(?:OSCE|Permanent\s+Council|Security\s+Council|General\s+Assembly|United\s+Nations|"
    r"Human\s+Rights\s+Council|Forum\s+for\s+Security\s+Co-?operation|North\s+Atlantic\s+Council)\b"
)


def _office_words(work: BlockWork, start: int, end: int) -> str:
    """The office a title's speaker is named by alone, no country, body or name ("Statement
    by the Secretary General on ..."): its words ("secretary general"), or ""."""
    units = [u for u in work.units if start <= u[START] < end]
    roles = [u for u in units if u[TERM] is not None and u[TERM].kind == "role"]
    if len(roles) != 1 or any(u[LOW] != "the" for u in units if u not in roles):
        return ""
    return roles[0][LOW].replace("-", " ")


def office_holder(work: BlockWork, state: State, rules: CompiledRules) -> tuple[str, ...]:
    """The side whose body holds the office a pending title names alone: the one body the
    lexicon gives that office ("NATO Secretary General": NATO) that the title or an opening
    line names ("... as agreed by NATO leaders"). A party of no side named there (the UN,
    the OSCE, a third state) may hold it too: then the office names no one."""
    if not state.office:
        return ()
    bodies = _office_bodies(rules, state.office)
    folded = work.folded
    named = {bodies[folded[a:b]] for a, b, _ in work.terms if folded[a:b] in bodies}
    if "" in named or len(named) > 1:
        state.office = ""
        return ()
    return tuple(named)


def _office_bodies(rules: CompiledRules, office: str) -> dict[str, str]:
    """The names of the bodies the lexicon gives `office`, each with its side: a side's
    speaker made of its own name and the office ("NATO Secretary General": "nato" -> nato; a
    member state's name is no body), or a party of no side's ("OSCE Secretary General" in
    `others:`: "osce" -> "")."""
    table = rules.terms.table
    bodies: dict[str, str] = {}
    for key, term in table.items():
        if not key.replace("-", " ").endswith(" " + office):
            continue
        name = key[: -len(office) - 1]
        body = table.get(name)
        if body is None or body.kind == "role" or body.member or body.actors != term.actors:
            continue
        if term.kind == "speaker" and len(term.actors) == 1:
            bodies[name] = term.actors[0]
        elif term.kind == "other":
            bodies[name] = ""
    return bodies
