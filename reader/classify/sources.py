"""Where a document comes from (step 7, before the document's own voice): the config's
`sources:` rules.

Why: an official document speaks in its author's voice, and most of its paragraphs have no
speech verb at all. What tells a reader whose document it is: the page's site or outlet
(nato.int, kremlin.ru) and, for a plain text file, the title alone ("Press conference by
Secretary General ...", "Remarks by ...", "PM call with President ..."). Each rule is data
(config.yaml `sources:`): sites, outlets and title patterns, mapped to an actor or to the
speaker a title names. A document of `remarks` is one speaker's own words, every line
theirs; a `release` (statement, readout) carries its author on lines with content, and
what it says others said is reported in the author's voice (reader.classify.document).
A readout's joint subjects ("Both leaders ...") are read in reader.classify.jointvoice, its
lines of actions only (the config's `actions:`) in reader.classify.actions.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from operator import itemgetter
from typing import Any
from urllib.parse import urlsplit

from reader.classify.datelines import dateline
from reader.classify.evidence import add_evidence, drop_positions, note_rule
from reader.classify.judgements import member_voice, one_party
from reader.classify.personnames import person_name
from reader.classify.phrases import find_credit, tie_names
from reader.classify.types import (
    CAP,
    END,
    LOW,
    START,
    TERM,
    BlockWork,
    DocumentSource,
    Parties,
    Speaker,
    State,
    Unit,
    Who,
)
from reader.classify.units import (
    ASKS_SPEAKER,
    names_statement,
    section_heading,
    sentence_spans,
    withheld,
)
from reader.classify.wordclasses import word_set
from reader.model import Article, Block
from reader.rules.compile import CompiledRules, SourceRule, Term, fold
from reader.rules.grammar import ATTRIBUTION_HEADLINE, CARRY_DOCUMENT, CARRY_STATEMENT
from reader.rules.prefilter import CaseProbe

# A title is a line: a pattern that runs longer than this on one is given up.
TITLE_SECONDS = 0.05


def page_source(article: Article, state: State, rules: CompiledRules) -> None:
    """The page's site and outlet (page metadata, or a text file's front matter, when the
    article carries them), and the first site or outlet rule they match. A government's own
    site is also a house: the offices it names without a country ("Foreign Secretary urges
    ...") are its own, unless another country claims them."""
    meta = article.meta
    site = meta.site or meta.url or ""
    outlet = meta.outlet or ""
    state.page = (_host(site), " ".join(fold(outlet).split()))
    if not (state.page != ("", "") and _site_rule(state, rules, state.page)):
        credited = credited_site(article.blocks)
        issuer = _ADDRESS_ISSUER.search(meta.url or "")
        if credited:  # "Source: kremlin.ru", "– WRITE: www.president.gov.ua": that site's repost
            _site_rule(state, rules, (credited, ""), wires=False)
        elif issuer is not None:  # ".../news-310312-latvia-mfa02.htm": that country's text
            _address_issuer(state, rules, issuer.group(1))
        elif article.blocks:  # "Source - NATO" closing the page: a repost of that body's text
            _credited_body(state, rules, article.blocks[-1].text)
    _signed_body(state, rules, article.blocks)  # "<name>, Spokesperson for the Embassy of ..."


def _credited_body(state: State, rules: CompiledRules, text: str) -> None:
    """A page's closing line that credits one side's body by its name alone ("Source - NATO",
    "Source: Republic of Lithuania"): the page reposts that body's text, as if it were on the
    body's own site (the first site rule of its side, a member's for a member state). Only
    the closing line: a story's "Source: <a speaker> on Facebook" opens it and names whom it
    reports; and only a name of a side: "Source: Reuters" is a channel."""
    credit = _CREDITED_NAME.match(fold(text))
    if credit is None:
        return
    name = credit.group(1)
    found = rules.terms.scan(name)
    if len(found) != 1 or found[0][2].kind != "alias" or len(found[0][2].actors) != 1:
        return
    start, end, term = found[0]
    if name[:start].strip() not in ("", "the") or name[end:].strip():
        return
    _side_site(state, rules, term.actors, term.member)


def _address_issuer(state: State, rules: CompiledRules, name: str) -> None:
    """A repost whose address names its issuer ("...-estonia-mfa01.htm"): the offices its text
    names without a country are the issuer's country's ("Foreign Minister <name> said"), as on
    that country's own site. Only the house: the archive's page may hold the issuer's text
    with the archive's own lines around it, so no line is read as the issuer's statement."""
    found = rules.terms.scan(name)
    if len(found) != 1 or found[0][2].kind != "alias" or len(found[0][2].actors) != 1:
        return
    state.house, state.house_member = found[0][2].actors, found[0][2].member


def _side_site(state: State, rules: CompiledRules, actors: tuple[str, ...], member: bool) -> None:
    """The page is a repost of a text of one side's body: in that body's voice, as if it were
    on the body's own site (the first site rule of its side, a member's for a member state)."""
    for rule in rules.sources:
        own = rule.actor in actors and rule.member == member
        if own and rule.actor is not None and rule.sites and rule.voice != "house":
            _establish(state, rule, (rule.actor,))
            state.page_rule = rule.id
            state.house, state.house_member = (rule.actor,), rule.member
            return


def _signed_body(state: State, rules: CompiledRules, blocks: Sequence[Block]) -> None:
    """A page signed by one side's body: its closing line (a date line may follow it), or the
    line right under its title, names the body alone ("Ministry of Foreign Affairs of
    Ukraine", "Press service of the Ministry of Defence of <state>") or its official with the
    body ("<name>, Spokesperson for the Embassy of <state> in <host>"): the text is that
    body's, reposted where no site rule knows it (a blog, a diaspora paper, a saved file).
    The host after "in" or "to" is where a mission sits, not whose it is. The line itself
    names the text's speaker (`State.signed`)."""
    last = len(blocks) - 1
    if last >= 1 and _DATE_LINE.match(blocks[last].text):
        last -= 1
    for index in dict.fromkeys((last, 1)):
        if not 1 <= index <= last:
            continue
        side = signature_side(blocks[index].text, rules)
        if side is None:
            continue
        if not state.page_rule:
            _side_site(state, rules, *side)
        if state.document == side[0]:
            state.signed = index
        return


def signature_side(text: str, rules: CompiledRules) -> tuple[tuple[str, ...], bool] | None:
    """The side (and whether a member state's) of a signature line: a body of one side,
    alone or after its official's name and office, in the words a signature uses (names and
    offices in capitals, the few lower-case words of a body's name), or None."""
    line = _SIGNATURE.match(text)
    if line is None or not _BODY_NOUN.search(line.group("body")):
        return None
    lower = {w for w in re.findall(r"[\w'’.-]+", line.group("body")) if w[0].islower()}
    if not lower <= _SIGNATURE_WORDS:
        return None
    folded = fold(text)
    host = _HOST.search(folded, line.start("body"))
    end = host.start() if host is not None else len(folded)
    terms = rules.terms.scan(folded)
    actors = one_party(terms, 0, end)
    return (actors, member_voice(terms, 0, end)) if actors else None


# A signature line: a dash may open it, a name and a comma may come first, then the office
# and body (up to sixteen words, each opening with a letter, commas between: no date, no
# dash between parts), a full stop at most at its end.
_SIGNATURE = re.compile(
    r"\s*(?:[\u2013\u2014-]+\s*)?"
    # a repost's credit to the body whose text it is: "Full text of the address: <body>"
    r"(?:(?i:(?:full\s+)?text(?:\s+of\s+the\s+(?:address|speech|statement|remarks))?|source)"
    r"\s*:\s*)?"
    r"(?:(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]+,\s+)?"
    r"(?P<body>(?:[^\W\d_][\w.'’-]*,?\s+){1,15}[^\W\d_][\w.'’-]*?)\s*\.?\s*\Z"
)
# The noun of a body that issues texts: a signature names one.
_BODY_NOUN = re.compile(
    r"\b(?:Embassy|Ministry|Mission|Delegation|Consulate|Office|Department|Government|"
    r"Presidency|Chancellery|Secretariat|Cabinet|Administration|Command|General\s+Staff|"
    r"[Pp]ress\s+(?:[Ss]ervice|[Oo]ffice|[Ss]ecretary)|Spokes(?:person|man|woman))\b"
)
# The lower-case words a body's name or an office has ("Press service of the Ministry of
# Defence of <state>"): any other makes the line a sentence or a caption, no signature.
_SIGNATURE_WORDS = frozenset(
    (
        *("of", "for", "the", "in", "to", "at", "and", "on", "service", "office", "press"),
        *("department", "information", "spokesperson", "spokesman", "spokeswoman", "secretary"),
        *("deputy", "head", "ministry", "minister", "embassy", "mission", "affairs", "foreign"),
        *("defence", "defense", "permanent", "representative", "delegation", "consulate"),
        *("general", "staff"),
    )
)
# Where a mission sits, after its body: "... Embassy of <state> in <host>", "... to the UN".
_HOST = re.compile(r"\s(?:in|to|at)\s")


# A repost's file name that names its issuer at its end, as a reposting archive names the
# texts it copies ("...-estonia-mfa01.htm": the Estonian foreign ministry's first text of the
# day): a country's name, then its body's short name and the file's number. Only at the very
# end of the address: a news story's address that names a ministry is its headline's words.
_ADDRESS_ISSUER = re.compile(
    r"[-_/]([a-z]+)-(?:mfa|mod|mindef|pres|president|pm|pmo|gov|govt|embassy|mission)\d+"
    r"\.s?html?$",
    re.IGNORECASE,
)

_CREDITED_NAME = re.compile(
    r"\W*(?:source|sources)\s*(?::|[\u2013\u2014-])\s*([\w'. -]{2,60}?)\W*\Z"
)


def _site_rule(
    state: State, rules: CompiledRules, page: tuple[str, str], wires: bool = True
) -> bool:
    """The site or outlet rule the page matches, applied: whether one did. The rule naming
    the page's site most closely goes first (`_page_rules`)."""
    for rule in _page_rules(rules, page):
        if rule.actor is None and rule.voice == "release" and rule.sites and wires:
            state.official = True  # a release wire: an issuer's release, the opening names whose
            state.page_rule = rule.id
            return True
        if rule.actor is not None:
            state.page_rule = rule.id
            state.house_site = True
            if rule.voice == "house":  # a one-side outlet: its unqualified offices are its side's
                state.house, state.house_member = (rule.actor,), rule.member
                state.house_private = rule.private
            else:
                _establish(state, rule, (rule.actor,))
                state.house, state.house_member = (rule.actor,), rule.member
            return True
    return False


def credited_site(blocks: Iterable[Block]) -> str:
    """The site a reposted document credits as its source, on a line of its own or at the end
    of one ("Source: kremlin.ru", "..., – WRITE: www.president.gov.ua"): the page is that
    site's document (its `sources:` rule gives the side), wherever it was reposted. Only a
    site's address counts: "Source: Interfax" or "Source: Peskov in a comment to CNN" names a
    channel or a speaker, and a story that says "the president's website reports" cites it."""
    for block in blocks:
        credit = find_credit(block.text)
        if credit is not None:
            return _host(credit.group("host"))
    return ""


def _host(site: str) -> str:
    """ "https://www.nato.int/cps/..." -> "nato.int"; a bare "www.nato.int" likewise."""
    host = urlsplit(site).hostname or "" if "//" in site else site.split("/")[0]
    return host.lower().removeprefix("www.")


def _page_rules(rules: CompiledRules, page: tuple[str, str]) -> list[SourceRule]:
    """The source rules the page is on: one of their sites is the page's host or a domain
    of it, or one of their outlets is the page's outlet. The one whose site names the host
    most closely goes first ("nrcu.gov.ua" names more of "schedule.nrcu.gov.ua" than "gov.ua"
    does), the rest in the file's order: a state broadcaster under a state's domain
    ("<radio>.gov.ua") is state media, though the domain's rule (the state's own sites) comes
    first in the file."""
    host, outlet = page
    reach: dict[int, int] = {}
    if host:
        for name in {host, *(host.split(".", k)[-1] for k in range(1, host.count(".") + 1))}:
            for k in rules.by_site.get(name, ()):
                reach[k] = max(reach.get(k, 0), len(name))
    if outlet:
        for k in rules.by_outlet.get(outlet, ()):
            reach.setdefault(k, 0)
    return [rules.sources[k] for k in sorted(reach, key=lambda k: (-reach[k], k))]


def title_source(work: BlockWork, state: State, rules: CompiledRules) -> bool:
    """The first title rule that the title matches and whose speaker the lexicon knows: the
    document is in that speaker's voice (`_title_document`). A lead-in in the title's slot
    that no title rule reads, ending in a colon ("The following is a statement from X,
    presented on Tuesday:"), is read as an opening line is: the line and the text after it
    are X's. Returns whether a document rule applied."""
    if _title_document(work, state, rules):
        return True
    return work.text.rstrip().endswith(":") and opening_source(work, state, rules)


def _title_document(work: BlockWork, state: State, rules: CompiledRules) -> bool:
    """The title rules on the title. A title that states a claim before its source
    ("<claim> - address of the President", "<claim>: UK statement to the OSCE") carries it.
    A `headline` rule labels the title alone ("Berlin 'alarmed' by ...") and the document stays
    a news article. Returns whether a document rule applied (then the title's generic genre
    test is not needed)."""
    if _BARE_GENRE.match(work.folded):
        state.genre = work.folded  # "Opening remarks": the next line may say by whom
        _site_remarks(work, state)
    elif _GENRE_ON_TOPIC.match(work.folded):
        _site_remarks(work, state)  # "Transcript - Remarks concerning ...": the site's speaker
    folded = work.folded
    prefix = _TOPIC_PREFIX.match(folded)
    if prefix is None:
        return _title_rules(work, state, rules, folded)
    behind = prefix.end()
    if _FINITE.search(folded, behind):  # "Kremlin: talks will continue", "X: remarks by Y were ..."
        return _title_rules(work, state, rules, folded, claim_from=behind)
    if _title_rules(work, state, rules, folded):
        return True
    blanked = " " * behind + folded[behind:]  # offsets kept, for the rules anchored at the start
    return _title_rules(work, state, rules, blanked, headlines=False)


# "Russia-Ukraine War: Statement by the North Atlantic Council on ...", "UKRAINE | Remarks by
# ...": a site's short topic or section before a document title, at most four words (five or
# more before a colon are a claim: `_CLAIM_BEFORE`), then ':', '|' or a dash. What follows it
# is a title only where it has no finite verb: a headline's "X: claim" has one.
_TOPIC_PREFIX = re.compile(
    r"\W*(?:[\w'’.&/-]+\s+){0,3}[\w'’.&/-]+\s*(?::|\||\s[-–—]|[–—])\s*(?=\w)"
)
_FINITE = re.compile(
    r"\b(?:is|are|was|were|will|would|has|have|had|must|can|could|should|may|might|"
    r"says?|said|does|do|did|won't|can't|isn't|aren't)\b"
)


def _title_rules(
    work: BlockWork,
    state: State,
    rules: CompiledRules,
    text: str,
    *,
    headlines: bool = True,
    claim_from: int = -1,
) -> bool:
    """The title rules' loop over `text`: the title, or its part behind a topic prefix
    blanked out (no `headline` rule reads that). A document rule that matches from
    `claim_from` on reads a claim after its speaker's "X:", not a document title."""
    probe = CaseProbe(text)  # one lower-cased copy for every pattern's prefilter
    for rule in rules.sources:
        if not headlines and rule.voice == "headline":
            continue
        for pattern in rule.titles:
            match = _search(pattern, probe)
            if match is None or (0 <= claim_from <= match.start() and rule.voice != "headline"):
                continue
            author = (
                (rule.actor,)
                if rule.actor
                else group_actor(work, match, "speaker")
                or group_actors(work, match)
                or _office_of_site(work, match, state, outlet=True)
            )
            if not author:
                continue
            note_rule(work, rule.id)
            if rule.voice == "headline":  # the headline's own grammar: it alone is the speaker's
                author = _after_semicolon(work, rules, text, match.end(), author)
                weight = rules.weights.attribution
                add_evidence(work, ATTRIBUTION_HEADLINE, author, 0, len(work.text), weight)
                _headline_voice(work, state, author, match)
                return False
            counterpart = group_actor(work, match, "counterpart")
            counterpart = counterpart or group_actors(work, match, "counterpart")  # several
            _establish(state, rule, author, counterpart, _group_roles(work, match, rules))
            if work.text.rstrip().endswith(":") and state.source is not None:
                # "X's statements following the call:": the line under it is the first item
                state.source = replace(state.source, listed=True)
            _tie_title_name(work, state, match, author)
            named = match.start(_named_group(match)) if rule.actor is None else match.start()
            starts = {named, match.start()}  # "<claim> - address of X", "<claim>: X statement"
            if any(_CLAIM_BEFORE.search(text, 0, start) for start in starts):
                weight = rules.weights.attribution
                add_evidence(work, ATTRIBUTION_HEADLINE, author, 0, len(work.text), weight)
            elif rule.voice == "remarks":  # "X's remarks and answers ...": a name, no position
                drop_positions(work)
            elif _own_verdict(work, author):
                add_evidence(work, CARRY_DOCUMENT, author, 0, len(work.text), rules.weights.carry)
            return True
    return False


def _headline_voice(work: BlockWork, state: State, author: tuple[str, ...], match: Any) -> None:
    """A title whose own grammar gives one side a voice as the subject that opens it ("Russia
    expels 20 diplomats", "Berlin 'alarmed' by ...") makes that side the article's own, as a
    speech verb in it does (`authorship.note_headline`): a bare "the foreign ministry said" in
    the story is that side's while no other side has spoken. Not a side named inside a
    document's label ("Full Text of <name> Interview: <claim>")."""
    if work.index != 0 or state.headline is not None or len(author) != 1:
        return
    if "speaker" not in match.re.groupindex or match.start("speaker") < 0:
        return
    if work.text[: match.start("speaker")].strip(" \"'‘“«"):
        return
    lead = state.lead
    member = lead is not None and lead.actors == author and lead.member
    state.headline = Speaker(author, work.index, member=member)


def subheading_source(work: BlockWork, rules: CompiledRules) -> bool:
    """A subheading set in a headline's grammar inside the story ("<Side> concerned about
    ...", "<Side> 'alarmed' by ..."): the `headline` rules read it as they read a title, the
    side they name its speaker (a page's subheadings restate the claims of the paragraphs
    under them). A rule whose speaker is an office or a name no lexicon knows gives nothing:
    no lead under a subheading names them."""
    for match in _headline_matches(work.folded, rules):
        author = group_actor(work, match, "speaker") or group_actors(work, match)
        if author:
            add_evidence(
                work, ATTRIBUTION_HEADLINE, author, 0, len(work.text), rules.weights.attribution
            )
            return True
    return False


def headline_office(work: BlockWork, rules: CompiledRules) -> Who | None:
    """A `headline` rule's speaker that is an office alone, no side, name or place in it
    ("Foreign Min. open to ...", "Defence Secretary alarmed by ..."), or one capitalised
    name no rule knows ("<Surname> set to continue ..."): its last word, for the first
    paragraphs to name the holder (reader.classify.headlines.resolve_title), as for
    "..., Governor Says"."""
    for match in _headline_matches(work.folded, rules):
        if match.groupdict().get("speaker") is None:
            continue
        start, end = match.span("speaker")
        inside = [u for u in work.units if start <= u[START] < end and u[LOW] != "the"]
        if inside and (all(_bare_office(u[TERM]) for u in inside) or _unknown_name(inside)):
            last = inside[-1]
            word = work.folded.rfind(" ", last[START], last[END]) + 1  # "foreign min."
            return Who("unknown", start=max(word, last[START]), end=last[END])
    return None


def _headline_matches(text: str, rules: CompiledRules) -> Iterator[Any]:
    """The matches of the `headline` rules' title patterns in `text`, rule by rule."""
    probe = CaseProbe(text)
    for rule in rules.sources:
        if rule.voice != "headline":
            continue
        for pattern in rule.titles:
            match = _search(pattern, probe)
            if match is not None:
                yield match


def _unknown_name(units: list[Unit]) -> bool:
    """One capitalised word no rule knows, all letters: a surname the story's lead is to
    name in full ("Kurt <Surname>, the special representative of ..., is determined to ...")."""
    return len(units) == 1 and units[0][TERM] is None and units[0][CAP] and units[0][LOW].isalpha()


def _bare_office(term: Term | None) -> bool:
    """An office with no side of its own ("foreign min.", "defence secretary"): a headline
    naming only such words leaves the holder, and so the side, to the first paragraphs."""
    return term is not None and term.kind == "role" and not term.actors


def _after_semicolon(
    work: BlockWork, rules: CompiledRules, text: str, end: int, author: tuple[str, ...]
) -> tuple[str, ...]:
    """A headline of two clauses joined by a semicolon, each a headline of its own ("Moscow
    annexes two regions; Kyiv applies to join the bloc"): the side a `headline` rule finds in
    the clause after the semicolon speaks too, after the first clause's."""
    semicolon = text.find(";", end)
    if semicolon < 0:
        return author
    for match in _headline_matches(text[semicolon:], rules):
        if match.start() != 0:
            continue
        found = group_actor(work, match, "speaker", offset=-semicolon)
        if found:
            return tuple(dict.fromkeys(author + found))
    return author


def _tie_title_name(work: BlockWork, state: State, match: Any, author: tuple[str, ...]) -> None:
    """The name after the office in a one-speaker title ("Answer of Russian Ambassador <a name
    no rule knows> to a media question") is the author's: the transcript line "<name>: ..."
    that opens the answer is the author speaking, not an interviewer taking the floor."""
    if len(author) != 1 or match.groupdict().get("speaker") is None:
        return
    start, end = match.span("speaker")
    units = work.units
    inside = [k for k, unit in enumerate(units) if start <= unit[START] < end]
    roles = [k for k in inside if getattr(units[k][TERM], "kind", "") == "role"]
    if roles:
        name = person_name(units, inside[0], inside[-1] + 1, roles[-1])
        if name:
            tie_names(name, author, state.document_member, state.names)


def _search(pattern: Any, text: str | CaseProbe) -> Any:
    """The pattern's first match in a title or an opening line (None when it runs too long)."""
    try:
        return pattern.search(text, timeout=TITLE_SECONDS)
    except TimeoutError:
        return None


def title_matches(
    rules: CompiledRules, text: str, *, named: bool = True, anchored: bool = False
) -> Iterator[tuple[SourceRule, Any]]:
    """(rule, match) for each document title pattern found in `text` (at its start when
    `anchored`), `headline` rules left out, and with `named` the rules with a fixed `actor`
    too (the title must name its author): the one loop of the steps that read a line in the
    title rules' grammar."""
    probe = CaseProbe(text)
    for rule in rules.sources:
        if rule.voice == "headline" or (named and rule.actor is not None):
            continue
        for pattern in rule.titles:
            try:
                find = pattern.match if anchored else pattern.search
                match = find(probe, timeout=TITLE_SECONDS)
            except TimeoutError:
                continue
            if match is not None:
                yield rule, match


def opening_source(work: BlockWork, state: State, rules: CompiledRules) -> bool:
    """One of the first paragraphs, matched by an `openings:` rule (for documents and stories
    no site or title rule knows). A line that hands the floor to one speaker ("X provided the
    following readout:", "In his evening address, the President ... :"): what follows is in
    that speaker's voice, as if a title rule had named them, and the line itself is theirs (an
    attribution-only line); its speaker is the pattern's `speaker` group, else every side an
    `authors` group names (a text read out "on behalf of" several states), else the one actor
    the line's own speech verb names. A story that opens with a call or a meeting of two sides
    (`voice: joint`: "Prime Minister <name> spoke to President <name> of Ukraine"): "The
    leaders agreed ..." after it speaks for both (`joint_voice`). Whether a rule applied."""
    for rule, match in openings(work, rules, official=False):
        if rule.voice == "joint":  # a story's call; an official readout's is the author's
            if not state.official and _joint_opening(work, state, rule, match, rules):
                return True
            continue
        author = (rule.actor,) if rule.actor else group_actor(work, match, "speaker")
        author = author or group_actors(work, match)  # a text read out for several sides
        author = author or _line_speaker(work) or _office_of_site(work, match, state, True)
        if not author:
            _await_speaker(work, state, rule, match)
            continue
        _establish(state, rule, author, roles=_group_roles(work, match, rules))
        note_rule(work, rule.id)
        if not any(ev.actor in author for ev in work.evidence if ev.kind != "mention"):
            add_evidence(work, CARRY_DOCUMENT, author, 0, len(work.text), rules.weights.carry)
        return True
    return False


def next_statement(work: BlockWork, state: State, rules: CompiledRules) -> bool:
    """A line past the opening of an official document that names another statement and its
    author in a statement's own words ("Press statement by <name>, spokesperson for <body>,
    released in <city> on 4 May."; `names_statement`), matched by an `openings:` rule: the
    page carries a second statement (a paper's page of two sides' statements on one
    anniversary), and from this line on the document is that author's, the line itself
    theirs. A line that only tells that someone issued a statement ("The Kremlin issued a
    statement on Monday.") stays in the author's account: it names no text that follows.
    Whether the floor passed."""
    author = state.document
    if not author or not names_statement(work):
        return False
    for rule, match in openings(work, rules, official=False):
        if rule.voice not in ("release", "remarks"):
            continue
        speaker = group_actor(work, match, "speaker")
        if not speaker or set(speaker) == set(author):
            continue
        _establish(state, rule, speaker, roles=_group_roles(work, match, rules))
        note_rule(work, rule.id)
        drop_positions(work)
        add_evidence(work, CARRY_DOCUMENT, speaker, 0, len(work.text), rules.weights.carry)
        return True
    return False


def several_authors(work: BlockWork, state: State, rules: CompiledRules) -> None:
    """A statement read out "on behalf of" several states after a lead-in or a title named the
    delegate who reads it: from this line on the document speaks for every side the
    opening's `authors` group names, the delegate's own first. A list of the delegate's own
    side's states alone adds no one. A joint text's signatories naming themselves in its first
    line ("We, the Defence Ministers of <A>, <B> and <C>, met in ...") speak for all of them
    from the next line on: the line itself tells their meeting, its content its own."""
    author = state.document
    if not author or work.index > _AUTHORS_LINE:
        return
    for rule, match in openings(work, rules, official=False):
        sides = group_actors(work, match)
        if len(sides) < 2 or not set(author) <= set(sides):
            continue
        state.document = author + tuple(side for side in sides if side not in author)
        note_rule(work, rule.id)
        if "signatories" not in match.groupdict():  # "We, the Ministers of ...": their meeting
            end = len(work.text)
            add_evidence(work, CARRY_DOCUMENT, state.document, 0, end, rules.weights.carry)
        return


# The last paragraph where a delegate announces whom the statement is read for.
_AUTHORS_LINE = 4


def openings(
    work: BlockWork, rules: CompiledRules, official: bool
) -> Iterator[tuple[SourceRule, Any]]:
    """The `openings:` patterns that match the block, rule by rule: those of `official` rules
    (an official readout's counterpart, `readout_sides`) or those of the others. A dateline
    that opens the line ("OTTAWA, May 4 - Today, the Prime Minister met ...", a reposted
    release's) is blanked out, offsets kept: the patterns read the sentence from its start."""
    folded = work.folded
    placed = dateline(work.text, opening=True)
    if placed is not None:
        folded = " " * placed.end() + folded[placed.end() :]
    probe = CaseProbe(folded)  # one lower-cased copy for every pattern's prefilter
    for rule in rules.sources:
        if rule.official is not official:
            continue
        for pattern in rule.openings:
            match = _search(pattern, probe)
            if match is not None:
                yield rule, match


def _await_speaker(work: BlockWork, state: State, rule: SourceRule, match: Any) -> None:
    """A one-speaker opening whose speaker is an office holder no rule knows ("As delivered by
    Ambassador <name> at the Permanent Council, ..."): the document is that speaker's, as under
    a title "Statement by Ambassador <name>" (reader.classify.document): the first lines wait
    for the one that names the side they speak for ("Norway has aligned itself with ..."),
    this line among them. A name with no office ("Delivered by hand") names no speaker. An
    opening whose pattern names no speaker at all ("Full text:" under a headline) says only
    that a document's text follows: its first lines wait for the one that names whose."""
    if rule.voice != "remarks":
        return
    if "speaker" not in match.re.groupindex:
        state.official = state.author_pending = True
        note_rule(work, rule.id)
        return
    if match.groupdict().get("speaker") is None:
        return
    start, end = match.span("speaker")
    if any(start <= t_start < end and term.kind == "role" for t_start, _, term in work.terms):
        state.official = state.author_pending = True
        note_rule(work, rule.id)


def _joint_opening(
    work: BlockWork, state: State, rule: SourceRule, match: Any, rules: CompiledRules
) -> bool:
    """A call's or a meeting's two sides, the story's joint subjects to speak for both. A
    joint text's signatories (an `authors` group: "The statement said that <A>, <B> and <C>
    'reaffirm ...'") are its sides in the order named, and the line, which gives the text's
    own words, is theirs, the first named first."""
    if "authors" in match.groupdict():
        sides = group_actors(work, match)
        author, counterpart = sides[:1], sides[1:]
    else:
        author = group_actor(work, match, "speaker")
        counterpart = group_actor(work, match, "counterpart")
    if not author or not counterpart or author == counterpart:
        return False
    state.source = DocumentSource(rule.id, False, counterpart, joint=rule.joint, author=author)
    state.parties = Parties((*author, *counterpart), rule.joint, work.index)
    note_rule(work, rule.id)
    if "authors" in match.groupdict():
        weights, end = rules.weights, len(work.text)
        add_evidence(work, CARRY_DOCUMENT, counterpart, 0, end, weights.attribution)
        add_evidence(work, CARRY_DOCUMENT, author, 0, end, weights.attribution + weights.reported)
    return True


def named_parties(
    work: BlockWork, rules: CompiledRules
) -> tuple[tuple[str, ...], SourceRule] | None:
    """The sides of the last call or meeting the block names, sentence by sentence, in the
    grammar of a story's opening call (the `voice: joint` rules' `openings`: "Later, X spoke
    by phone with Y", "X held talks with Y", "X and Y met"), in the order named, with the rule
    whose `joint` subjects then speak for them. A party of no side named by name ("Brazilian
    President Lula") adds none: a meeting of one side's leader with him gives that side
    alone; a party named by an office alone ("The Prime Minister spoke to the Ukrainian
    leader") is not known, and the meeting gives no one (). None when no sentence names a
    meeting with a party named ("The ministers met for two hours" names no one)."""
    # (`rules.meetings`: a joint text's signatories are an opening's alone.) Only the patterns
    # whose required words the block holds are tried on its sentences: most blocks hold none
    # (`BlockWork.may_meet`). (A sentence's span starts after a space or at the block's start
    # and ends with a space or the block: a word whole in a sentence is whole in the block.)
    if not work.may_meet:
        return None
    block = CaseProbe(work.folded)
    meetings = [(rule, pattern) for rule, pattern in rules.meetings if pattern.may_match(block)]
    if not meetings:
        return None
    found = None
    # (a block with no verb or marker of the lexicon is not split into sentences when it is
    # read, `scan._prepare`; one with either is, and its one span is its one sentence)
    split = len(work.sentences) > 1 or work.verbs or work.markers
    spans = work.sentences if split else sentence_spans(work.text)
    whole = (0, len(work.folded))
    for s_start, s_end in spans:
        # (a block of one sentence is the block: its probe is made once, and each pattern's
        # prefilter passed it above)
        one = (s_start, s_end) == whole
        sentence = block if one else CaseProbe(work.folded[s_start:s_end])
        for rule, pattern in meetings:
            match = _search(pattern.pattern, block.text) if one else _search(pattern, sentence)
            if match is None:
                continue
            sides = _meeting_sides(work, match, s_start, rule.joint)
            if sides is not None:
                found = (sides, rule)
                break
    return found


def _meeting_sides(
    work: BlockWork, match: Any, offset: int, joint: tuple[str, ...]
) -> tuple[str, ...] | None:
    """The sides the match's speaker and counterpart name, `offset` where its text starts in
    the block: () when one of them is an office no side is known for ("the Prime Minister"),
    None when the two are not two named parties ("X spoke to reporters"; "The ministers met
    for two hours": the parties named before, `joint`)."""
    parties: list[str] = []
    named = 0
    for group in ("speaker", "counterpart"):
        start, end = (at + offset for at in match.span(group))
        if work.folded[start:end].strip() in joint:
            return None
        actors = _party_actors(work, start, end)
        if actors is None:
            continue  # "met in Helsinki": a place; "talked about the swap": a topic
        if not actors and not _names_someone(work, start, end):
            return () if _office(work, start, end) else None
        parties.extend(actors)
        named += 1
    sides = tuple(dict.fromkeys(parties))
    return sides if named == 2 or len(sides) > 1 else None


def _party_actors(work: BlockWork, start: int, end: int) -> tuple[str, ...] | None:
    """Every side the names between `start` and `end` stand for, in the order named ("Putin
    and Trump"); None for no party: a clause (a verb outside a name) or a place, a time or a
    topic after a preposition ("met in Helsinki", "met for two hours", "talked about ...")."""
    if work.folded[start:end].split(" ", 1)[0] in _NOT_PARTIES:
        return None
    terms = _terms_in(work, start, end)
    first = bisect_left(work.verbs, start, key=itemgetter(0))
    last = bisect_left(work.verbs, end, lo=first, key=itemgetter(0))
    for v_start, _, _ in work.verbs[first:last]:
        if not any(a <= v_start < b for a, b, _ in terms):
            return None
    return _span_actors(work, start, end)


def _terms_in(work: BlockWork, start: int, end: int) -> list[tuple[int, int, Term]]:
    """The block's terms that start between `start` and `end` (one bisection: a long block
    names many)."""
    first = bisect_left(work.terms, start, key=itemgetter(0))
    last = bisect_left(work.terms, end, lo=first, key=itemgetter(0))
    return work.terms[first:last]


def _office(work: BlockWork, start: int, end: int) -> bool:
    """Whether an office stands between `start` and `end` ("the Prime Minister")."""
    return any(term.kind == "role" for _, _, term in _terms_in(work, start, end))


# The first words of a phrase after "met" that is no party: a place, a time, a manner.
_NOT_PARTIES = word_set(
    "in at on for during over after before since by via behind privately about regarding"
)


def _names_someone(work: BlockWork, start: int, end: int) -> bool:
    """Whether a capitalised word the lexicon does not know, other than an article or a
    possessive, stands between `start` and `end`: a name ("Brazilian President Lula"), not
    an office alone ("The Prime Minister") nor a plural ("The ministers", "reporters")."""
    units = work.units[bisect_left(work.starts, start) : bisect_left(work.starts, end)]
    return any(unit[CAP] and unit[TERM] is None and unit[LOW] not in _NOT_NAMES for unit in units)


_NOT_NAMES = word_set("the a an his her their its both all two three four each later then")


def story_parties(work: BlockWork, state: State, rules: CompiledRules) -> None:
    """A story's call or meeting named in the block (`named_parties`): from here on its joint
    subjects ("The two leaders stressed ...") speak for its sides (`joint_voice`)."""
    found = named_parties(work, rules)
    if found is not None:
        sides, rule = found
        state.parties = Parties(sides, rule.joint, work.index) if sides else None


def _line_speaker(work: BlockWork) -> tuple[str, ...]:
    """The one actor the line's own attributions name as a speaker (() when none or many)."""
    found = {actor for _, who in work.main if who.kind == "actor" for actor in who.actors}
    return tuple(found) if len(found) == 1 else ()


def _own_verdict(work: BlockWork, author: tuple[str, ...]) -> bool:
    """A statement's title that already gives its author's verdict in the author's own framing
    ("Statement of the MFA of Ukraine on the sham vote in the temporarily occupied
    territories"); a title that names the statement and its occasion states no position."""
    return (
        not work.main
        and _STATEMENT.match(work.folded) is not None
        and any(rule.actor in author for _, _, rule in work.framing)
    )


# A title that is a document's genre alone: "Opening remarks", "Pre-ministerial press
# conference", "Doorstep statement" (the page puts "by <speaker> at ..." on the next line).
_BARE_GENRE = re.compile(
    r"\W*(?:[\w-]+\s+){0,3}?(?:press conference|news conference|press point|press briefing|"
    r"briefing|remarks|speech|address|statement|doorstep|interview)\W*\Z"
)


# A title that is a spoken genre and its topic, no speaker named: "Remarks on the situation in
# Ukraine", "Transcript - Remarks concerning ...", "Speech regarding ...".
_GENRE_ON_TOPIC = re.compile(
    r"\W*(?:transcript\s*[-\u2013\u2014:|]\s*)?(?:[\w-]+\s+){0,2}?(?:remarks|speech|address|"
    r"press conference|news conference|press briefing|briefing)\s+(?:on|concerning|regarding|"
    r"about)\s"
)


def embedded_document(work: BlockWork, state: State, rules: CompiledRules) -> None:
    """A heading inside a story that names a document by its title grammar ("Statement of the
    Ministry of Foreign Affairs of Ukraine on ...", "Address by the President of ..."), the
    document reprinted after it: its paragraphs are the author's as a statement introduced by
    "X said:" is (`reader.classify.statements.statement_voice`); the heading is no position."""
    if len(work.text) > _HEADING_LENGTH or work.text.rstrip().endswith(_SENTENCE_ENDS):
        return
    for rule, match in title_matches(rules, work.folded):
        author = group_actor(work, match, "speaker") or group_actors(work, match)
        if author:
            state.statement = Speaker(author, work.index)
            note_rule(work, rule.id)
            drop_positions(work)
            if names_statement(work):  # "Ambassador X's answer to a media question"
                add_evidence(work, CARRY_STATEMENT, author, 0, len(work.text), rules.weights.carry)
            return


_HEADING_LENGTH = 200
_SENTENCE_ENDS = (".", "!", "?", ":", '"', "”", "»")


def _site_remarks(work: BlockWork, state: State) -> None:
    """A page of an official site titled with a genre of spoken words alone ("Pre-summit
    press conference", "Opening remarks"): the site's author speaking, every line theirs."""
    source, author = state.source, state.document
    if source is None or source.remarks or not author or _STATEMENT.match(work.folded):
        return
    state.source = replace(source, remarks=True)
    state.interviewee = Speaker(author, 0)


# The second line of such a title: "by NATO Secretary General <name> at ...".
_BYLINE = re.compile(r"\W*by\s")


def byline_source(work: BlockWork, state: State, rules: CompiledRules) -> bool:
    """The line after a bare genre title ("Opening remarks" / "by NATO Secretary General X
    at the meeting of ..."): the title rules read the two lines as one title, and this line,
    a delivery line that names the speaker, is an attribution-only line: the speaker's (as
    "As delivered by X" is). Whether it was such a line."""
    genre, state.genre = state.genre, None
    if genre is None or not _BYLINE.match(work.folded):
        return False
    offset = len(genre) + 1
    text = f"{genre} {work.folded}"
    for rule, match in title_matches(rules, text):
        if "speaker" not in match.groupdict() or match.start("speaker") < offset:
            continue
        author = group_actor(work, match, "speaker", offset)
        if author:
            _establish(state, rule, author)
            note_rule(work, rule.id)
            drop_positions(work)
            add_evidence(work, CARRY_DOCUMENT, author, 0, len(work.text), rules.weights.carry)
            return True
    return False


# A title that opens with a statement's genre: the statement's own words begin there.
_STATEMENT = re.compile(r"\W*(?:joint\s+)?(?:statement|declaration|comment|communiqu[eé])\b")


# "<five words or more of a claim>: ", " - ", " – ": the title's source comes after its claim.
_CLAIM_BEFORE = re.compile(r"(?:\w+\W+){4,}?\w+[^\w:\u2013\u2014-]*(?::|\s[-\u2013\u2014])\s*\Z")


def group_actor(work: BlockWork, match: Any, group: str, offset: int = 0) -> tuple[str, ...]:
    """The one actor the names in a title pattern's group stand for, or the sides of the one
    joint body they name ("Statement of the NATO-Ukraine Commission"): () when none or many;
    `offset`: where `work`'s text starts in the text matched."""
    if group not in match.groupdict() or match.start(group) < 0:
        return ()
    start, end = (at - offset for at in match.span(group))
    # "Analysts expect Russia to deploy ...": a clause, not a name ("Secretary of State" is one);
    # a bare form that ends the group is its head noun ("Russian veto blocks ...")
    if any(
        start <= v_start < end
        and not any(t_start <= v_start < t_end for t_start, t_end, _ in work.terms)
        and not (v_end == end and work.folded[v_start:v_end] == form.lemma)
        for v_start, v_end, form in work.verbs
    ):
        return ()
    return one_party(work.terms, start, end)


def _office_of_site(
    work: BlockWork, match: Any, state: State, outlet: bool = False
) -> tuple[str, ...]:
    """ "<claim> – Address by the President" on a government's own site: an office named
    alone (no country, no name) in a title's speaker group is the site's; on any other page it
    names no one. With `outlet`, a one-side outlet's page counts too ("Below is the full text
    of the president's address:" on Ukrinform: the president is Ukraine's)."""
    if not state.house or (state.source is None and not outlet):
        return ()
    if "speaker" not in match.groupdict():
        return ()
    if match.start("speaker") < 0:
        return ()
    start, end = match.span("speaker")
    units = [u for u in work.units if start <= u[START] < end]
    bare = all(u[LOW] == "the" or (u[TERM] is not None and u[TERM].kind == "role") for u in units)
    return state.house if units and bare else ()


def group_actors(work: BlockWork, match: Any, group: str = "authors") -> tuple[str, ...]:
    """Every actor the names in a title's `authors` group stand for, in the order named: a
    joint statement's authors ("Joint statement of the Presidents of Ukraine and Poland"), or
    a readout's several counterparts ("<A> held a call with <X>, <Y> and <Z>")."""
    if group not in match.groupdict() or match.start(group) < 0:
        return ()
    return _span_actors(work, *match.span(group))


def _span_actors(work: BlockWork, start: int, end: int) -> tuple[str, ...]:
    """Every actor the names between `start` and `end` stand for, in the order named."""
    found: dict[str, None] = {}
    for _, _, term in _terms_in(work, start, end):
        if term.kind in ("alias", "speaker", "adjective"):
            found.update(dict.fromkeys(term.actors))
    return tuple(found)


def _named_group(match: Any) -> str:
    groups = match.groupdict()
    return "speaker" if groups.get("speaker") is not None else "authors"


def _group_roles(work: BlockWork, match: Any, rules: CompiledRules) -> tuple[str, ...]:
    """The offices the speaker's group names ("The President of Ukraine" -> president): the
    document's bare "the President" is then its author."""
    if "speaker" not in match.groupdict() or match.start("speaker") < 0:
        return ()
    start, end = match.span("speaker")
    table = rules.terms.table
    roles: list[str] = []
    for t_start, t_end, term in work.terms:
        if start <= t_start < end:
            # "President of Ukraine" is a speaker's name; its office is "president"
            words = work.folded[t_start:t_end].split()
            found = [w for w in words if getattr(table.get(w), "kind", "") == "role"]
            roles.extend(found if term.kind != "role" else [work.folded[t_start:t_end]])
    return tuple(roles)


def _establish(
    state: State,
    rule: SourceRule,
    author: tuple[str, ...],
    counterpart: tuple[str, ...] = (),
    roles: tuple[str, ...] = (),
) -> None:
    state.official = True
    state.document = author
    state.document_member = rule.member
    state.reports = rule.voice != "headline"  # remarks too: the author first (GUIDE.md)
    others = tuple(actor for actor in counterpart if actor not in author)
    remarks = rule.voice == "remarks"
    if remarks:  # a briefing's or press conference's "Answer:" lines are the speaker's
        state.interviewee = Speaker(author, 0)
    state.source = DocumentSource(rule.id, remarks, others, (*rule.roles, *roles), rule.joint)


def remarks_voice(work: BlockWork, state: State, rules: CompiledRules) -> None:
    """A line of one speaker's remarks (an address, a press conference): theirs, greetings
    and first-person lines included, unless it names a speaker of its own ("Putin said ...")
    or a transcript's other speaker ("Q: ...") holds the floor."""
    source = state.source
    author = state.document
    if source is None or not source.remarks or author is None or state.voice is not None:
        return
    if any(who.kind in ("actor", "unknown") for _, who in work.main):
        return
    if any(ev.kind == "carry" for ev in work.evidence) or _DATE_LINE.match(work.text):
        return
    if ASKS_SPEAKER.search(work.folded):
        return  # a journalist's question with no label of its own ("Do you expect ...?")
    if section_heading(work) or withheld(work):
        return  # "Ukrainian crisis update": a briefing's heading names a topic
    add_evidence(work, CARRY_DOCUMENT, author, 0, len(work.text), rules.weights.carry)


# A place and date alone ("Brussels, 5 June 2025"; "February 25, 2022, The Kremlin, Moscow"),
# with the hour a site stamps after it ("2 May 2031 - 21:40"), a time stamp ("2:35 p.m. EST")
# or an editor's note in brackets ("(As delivered)", "[Applause]"): no one's words.
_DATE_LINE = re.compile(
    r"\W*(?:(?:[\w'’. -]{1,40},\s*)?(?:\d{1,2}(?:st|nd|rd|th)?\s+\w+|\w+\s+\d{1,2}(?:st|nd|rd|th)?)"
    r",?\s+\d{4}(?:\s*[-–—|,]?\s*\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?)?(?:,\s*[\w'’. -]{1,40}){0,3}"
    r"|\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?"
    r"|[(\[][^)\]]{1,40}[)\]])\W*\Z"
)
