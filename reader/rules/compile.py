"""Turn validated rule data into a few combined patterns, built once per config.

Why this shape: a news folder can hold 100,000 paragraphs, and one regex per term (or a named
group per term) costs seconds. Each category of terms (names of actors, speech verbs, framing
terms...) becomes ONE trie-factored alternation over a lower-cased copy of the text, and the
matched text is mapped back to its actor and rule with a dictionary. The patterns carry no
IGNORECASE flag (a lower-cased copy is scanned instead). A trie has no literal prefix, so a
`(?<![\\w-])` lookbehind costs little and skips mid-word and after-hyphen positions (the few
positions after "then-"/"ex-" are tried apart, see `Lexicon.scan`); the trailing boundary is a
lookahead inside the pattern so a longer term can back off to a shorter one ("nato chiefs" is
not "nato chief", but it still holds "nato"). Lexicons of rare phrases are scanned without the
lookbehind, so the engine can skip to their first letters.

Regexes from rule files are compiled with the third-party `regex` module (`UserRegex`): only it
can stop a match after a timeout, which the classifier uses to give each rule file a time
budget. The literal tries stay on `re`.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

import regex

from reader.model import Actor
from reader.rules.grammar import GRAMMAR_RULES
from reader.rules.prefilter import (
    Prefiltered,
    first_needs,
    literal_groups,
    need_search,
    need_strings,
    prefiltered,
)

if TYPE_CHECKING:
    pass

TermKind = Literal["alias", "adjective", "speaker", "role", "pronoun", "other", "unofficial"]
VerbClass = Literal["speech", "stance", "step"]

# A term ends where a word ends; a hyphen followed by a letter continues the word, so
# "Russian-made" and "US-led" never count as "Russian" and "US".
_END = r"(?![\w]|-[^\W\d_])"

# One character for one character, so offsets found in the folded copy hold in the original.
_FOLD_PAIRS = (("’", "'"), ("‘", "'"), ("ʼ", "'"), ("\u2011", "-"), ("\u2010", "-"))


def fold(text: str) -> str:
    """A lower-cased copy of `text` of the same length, curly apostrophes made straight."""
    lowered = text.lower()
    if len(lowered) != len(text):  # a few characters (İ) lower-case to two
        lowered = "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)
    # str.replace for the few characters present is ~10x faster than str.translate.
    for old, new in _FOLD_PAIRS:
        if old in lowered:
            lowered = lowered.replace(old, new)
    return lowered


def trie_pattern(terms: Iterable[str]) -> str:
    """One regex alternation for `terms`, factored by shared prefixes, each ending at a word end.

    Longer terms are tried first at every branch, so the longest term that ends at a word
    boundary wins.
    """
    root: dict[str, Any] = {}
    for term in terms:
        node = root
        for ch in term:
            node = node.setdefault(ch, {})
        node[""] = {}
    if not root:
        return r"(?!x)x"
    return _emit(root)


def _emit(node: Mapping[str, Any]) -> str:
    branches: list[str] = []
    terminal = False
    for ch in sorted(node):
        if ch == "":
            terminal = True
            continue
        child = node[ch]
        run = ch
        # Compress chains of single children into one literal run.
        while len(child) == 1 and "" not in child:
            (nxt,) = child
            run += nxt
            child = child[nxt]
        branches.append(re.escape(run) + (_END if child == {"": {}} else _emit(child)))
    if terminal:
        branches.append(_END)
    if len(branches) == 1:
        return branches[0]
    return "(?:" + "|".join(branches) + ")"


@dataclass(frozen=True, slots=True)
class Term:
    """What a matched lexicon term means: `kind`, the actors it names (empty for a role or a
    pronoun), and whether it is a member state's voice, which counts only on the war's topic."""

    kind: TermKind
    actors: tuple[str, ...]
    member: bool = False
    possessive: bool = False  # a slug's possessive, its apostrophe dropped ("putins comments")
    past: bool = False  # a holder of an office in earlier years (`past_speakers`)

    def __reduce__(
        self,
    ) -> tuple[type[Term], tuple[TermKind, tuple[str, ...], bool, bool, bool]]:
        # Pickled as a call: the rules' cache (reader.rules.cache) holds ~1,000 terms, and
        # dataclasses' own state for slots loads 3x slower, a millisecond of every start.
        return Term, (self.kind, self.actors, self.member, self.possessive, self.past)


@dataclass(frozen=True, slots=True)
class VerbForm:
    """One inflected form of a speech or stance verb, or a formal step's verb phrase."""

    lemma: str
    cls: VerbClass
    participle: bool  # the -ing form: ", saying ..." takes the clause's subject

    def __reduce__(self) -> tuple[type[VerbForm], tuple[str, VerbClass, bool]]:
        return VerbForm, (self.lemma, self.cls, self.participle)  # as `Term.__reduce__`


@dataclass(frozen=True, slots=True)
class UserRegex:
    """One regex from a rule file, compiled with the `regex` module so that every call can be
    given a timeout (Python's `re` cannot be interrupted, and holds the GIL while it runs).

    `where` is its file:line:column, `file` the rule file whose time budget it spends.
    `joinable`: it has no anchor or lookaround, so it can be run over many blocks joined by
    newlines at once; a match that crosses a newline sends those blocks back to one at a time.
    `need`: a search for strings one of which every match holds (reader.rules.prefilter), or
    None: a block without any of them is not worth the regex. `groups`: every set of strings
    that each match holds one of (reader.rules.prefilter.literal_groups), tested with `in`
    first: a text that lacks a whole set is not worth the search for `need` either.
    `need_strings`: the strings `need` searches for, when a plain `str.find` finds them (a
    case-sensitive pattern), else ().
    """

    pattern: Any  # regex.Pattern[str]
    where: str
    file: str
    joinable: bool
    need: Any = None  # regex.Pattern[str] | None
    need_strings: tuple[str, ...] = ()
    groups: tuple[tuple[str, ...], ...] = ()


@dataclass(frozen=True, slots=True)
class TermRule:
    """A framing or exclusion rule: literal terms (in the combined pattern) and regexes.
    `first_person`: the framing is the side's own voice, so a first-person line of an official
    document whose author no title or site names is that side's (reader.classify.document)."""

    id: str
    message: str
    actor: str | None
    weight: float
    regexes: tuple[UserRegex, ...]
    first_person: bool = False


@dataclass(frozen=True, slots=True)
class SourceRule:
    """A `sources:` rule: a site, outlet or title that puts a whole document in one voice.

    `actor` is fixed, or None when each title pattern's `speaker` group names the speaker
    (resolved through the lexicon: "Press conference by Secretary General <name>").
    `roles`: the author's office ("prime minister"): the document's bare "the Prime Minister"
    is its author. `joint`: subjects that speak for the author and the counterpart a title's
    `counterpart` group names ("both leaders"). `voice`: "remarks", "release", "headline",
    "house" or "joint" (reader.rules.schema.SOURCE_VOICES). `openings`: patterns for the first
    paragraphs: a line that hands the floor to a speaker ("X provided the following readout:"),
    or with `voice: joint` a story's call ("X spoke to Y"), whose speaker and counterpart make
    its joint subjects speak for both. `member`: a member state's site (a public broadcaster):
    the offices its house voice fills are a member's voice, which counts only on the war.
    `private`: a private outlet of one side: its house voice fills offices only until a
    speaker of another side is heard in the article. `official`: a `joint` rule for official
    documents only (a readout whose title or first lines name its counterpart), whose joint
    subjects speak for the document's author and that counterpart."""

    id: str
    message: str
    actor: str | None
    voice: str
    sites: tuple[str, ...]
    outlets: tuple[str, ...]
    titles: tuple[Prefiltered, ...]  # case-insensitive, behind their required strings
    roles: tuple[str, ...]
    joint: tuple[str, ...]
    openings: tuple[Prefiltered, ...] = ()  # the same, for the first paragraphs after the title
    member: bool = False  # a member state's site: its offices speak for the actor on the war only
    private: bool = False  # a private outlet: its house side holds only while no other side spoke
    official: bool = False  # a joint rule of official readouts: the author is the document's


def source_rule(rule: Mapping[str, Any]) -> SourceRule:
    """Compile one validated `sources:` entry."""
    return SourceRule(
        id=rule["id"],
        message=rule["message"],
        actor=rule.get("actor"),
        voice=rule.get("voice", "release"),
        sites=tuple(site.lower().removeprefix("www.") for site in rule.get("sites") or ()),
        outlets=tuple(_norm(outlet) for outlet in rule.get("outlets") or ()),
        titles=tuple(prefiltered(t, regex.IGNORECASE) for t in rule.get("titles") or ()),
        openings=tuple(prefiltered(t, regex.IGNORECASE) for t in rule.get("openings") or ()),
        roles=tuple(_norm(role) for role in rule.get("roles") or ()),
        joint=tuple(_norm(subject) for subject in rule.get("joint") or ()),
        member=bool(rule.get("member", False)),
        private=bool(rule.get("private", False)),
        official=bool(rule.get("official", False)),
    )


# Constructs whose meaning changes when blocks are joined by newlines: anchors, lookarounds,
# reverse searching. "[^" is a negated class, not an anchor.
_UNJOINABLE = re.compile(r"[$^]|\\[AZzG]|\(\?<?[=!]|\(\?[a-zA-Z-]*r")


def user_regex(source: str, where: str = "", file: str = "") -> UserRegex:
    """Compile one rule-file regex (already validated by reader.rules.schema)."""
    pattern = regex.compile(source)
    return UserRegex(
        pattern=pattern,
        where=where,
        file=file,
        joinable=_UNJOINABLE.search(source.replace("[^", "[")) is None,
        need=need_search(source, pattern.flags),
        need_strings=need_strings(source, pattern.flags),
        groups=literal_groups(source, pattern.flags),
    )


@dataclass(frozen=True, slots=True)
class Lexicon:
    """One category of literal terms compiled into a single pattern plus its lookup table.

    A dense lexicon's `pattern` is the trie behind a lookbehind that skips positions inside
    words (not after a letter, digit, "_" or hyphen); positions after a title prefix ("then-",
    "ex-") are tried apart. A `sparse` lexicon (rare phrases) is the trie alone, its few hits
    checked in Python (`_scan_sparse`). `longest` is the longest term's length.
    """

    pattern: re.Pattern[str]
    table: Mapping[str, Any]
    sparse: bool
    longest: int

    def scan(self, folded: str) -> list[tuple[int, int, Any]]:
        """(start, end, meaning) for every term in `folded` that starts at a word start.

        Like `finditer`: leftmost, longest, not overlapping."""
        if self.sparse:
            return self._scan_sparse(folded)
        table = self.table
        found = [(m.start(), m.end(), table[m.group()]) for m in self.pattern.finditer(folded)]
        if "-" in folded:
            for prefix in _TITLE_PREFIX.finditer(folded):
                self._after_prefix(folded, prefix.end(), found)
        return found

    def _scan_sparse(self, folded: str) -> list[tuple[int, int, Any]]:
        """`scan` for a lexicon of rare phrases: the trie without a lookbehind lets the engine
        skip ahead to the terms' first letters (2-3x faster over a long text), and the few hits
        are checked for a word start here, retrying one character on."""
        table = self.table
        search = self.pattern.search
        found: list[tuple[int, int, Any]] = []
        pos = 0
        while (m := search(folded, pos)) is not None:
            start = m.start()
            if start:
                before = folded[start - 1]
                if (
                    before.isalnum()
                    or before == "_"
                    or (before == "-" and not folded.endswith(("then", "ex"), 0, start - 1))
                ):
                    pos = start + 1
                    continue
            found.append((start, m.end(), table[m.group()]))
            pos = m.end()
        return found

    def _after_prefix(self, folded: str, pos: int, found: list[tuple[int, int, Any]]) -> None:
        """Splice into `found` a term right after "then-"/"ex-" (or " -") at `pos`, as one scan that
        also accepted that position would have found it (and what follows it)."""
        i = bisect_left(found, pos, key=_start)
        if i and found[i - 1][1] > pos:
            return  # inside an earlier term
        # The lookbehind sees a space; the slice holds the longest term and the two characters
        # the word-end lookahead reads.
        m = self.pattern.match(" " + folded[pos : pos + self.longest + 2], 1)
        if m is None:
            return
        table = self.table
        end = pos + m.end() - 1
        spliced = [(pos, end, table[m.group()])]
        j = i
        for again in self.pattern.finditer(folded, end):
            start = again.start()
            while j < len(found) and found[j][0] < start:
                j += 1  # covered by the spliced term or its followers
            if j < len(found) and found[j][0] == start:
                break  # back in step with the first scan
            spliced.append((start, again.end(), table[again.group()]))
        else:
            j = len(found)
        found[i:j] = spliced


def _start(match: tuple[int, int, Any]) -> int:
    return match[0]


# A term starts at a word start, so not after a hyphen ("pro-Russian", "anti-NATO"), unless the
# hyphen ends a title prefix ("then-US President", "ex-NATO chief"): those positions are
# tried apart, which keeps the lookbehind one simple test (a lookbehind alternation doubles the
# time of every scan). A hyphen after a space is no word's part either: a wire headline's
# "... NATO bids -Kremlin" names its source. Only where each match ends is used: the pattern
# matches the hyphen alone and looks behind it, so it opens with a literal the engine skips
# ahead to (an opening alternation or lookbehind is tried at every character: this runs over
# each chunk's whole text once per lexicon, and took 5% of the classification).
_TITLE_PREFIX = re.compile(r"-(?:(?<=then-)|(?<=ex-)|(?<=\s-)(?=\w))")


def lexicon(table: Mapping[str, Any], sparse: bool = False) -> Lexicon:
    """Compile a term -> meaning table into one factored pattern.

    The lookbehind skips positions inside words. Measured over 100,000 paragraphs it makes the
    large tries faster (0.98 s -> 0.57 s for the actors' terms): a trie of hundreds of terms
    has no literal prefix for the engine to search for, so nothing is lost. A `sparse` lexicon
    (rare phrases) is scanned without it (see `Lexicon._scan_sparse`)."""
    body = trie_pattern(table)
    pattern = re.compile(body if sparse else r"(?<![\w-])" + body)
    return Lexicon(pattern, dict(table), sparse, max(map(len, table), default=0))


@dataclass(frozen=True, slots=True)
class Weights:
    """How much each kind of evidence adds to an actor's score for a block."""

    attribution: float
    carry: float
    reported: float
    framing: float
    mention: float


@dataclass(frozen=True, slots=True)
class CompiledRules:
    """Everything the classifier needs, compiled once. See the module docstring."""

    actors: tuple[Actor, ...]
    terms: Lexicon  # actors' names, adjectives, speakers; generic roles; pronouns
    verbs: Lexicon  # speech and stance verbs, every inflection; formal steps' literal terms
    markers: Lexicon  # "according to": a source follows
    framing: Lexicon  # literal framing terms -> TermRule
    framing_regex: tuple[TermRule, ...]
    exclusions: Lexicon  # literal exclusion terms -> TermRule
    exclusion_regex: tuple[TermRule, ...]
    topic: Lexicon  # words that put a block on the war's topic (for member states' voices)
    national: Lexicon  # a member's own affairs ("budget", "consular"): not the war's topic
    trade: Lexicon  # trade words: "Russian gas" is no side's voice on the war
    elsewhere: Lexicon  # other theatres ("the Middle East"): their ceasefire is not the war's
    courtesy: Lexicon  # courtesies and process ("congratulated", "expressed hope"): no position
    weights: Weights
    threshold: float
    min_score: float
    carry_distance: int
    regex_budget: float  # seconds of user-regex time per rule file per article (per MB)
    messages: Mapping[str, str]
    sources: tuple[SourceRule, ...] = ()  # site, outlet and title rules, in config order
    actions: tuple[TermRule, ...] = ()  # "X spoke to Y": an action, not a position (regexes)
    steps: tuple[TermRule, ...] = ()  # "X launched the procedure to withdraw": a formal step
    # every form of the event verbs ("struck", "met", "arrived"): a side's actor doing them
    # takes no stance (reader.classify.subject `actor_subject`)
    events: frozenset[str] = frozenset()
    # the roles of the forces that keep a watch as their duty ("border guards", "police"): their
    # "keep an eye on" is what they do, no stance (reader.classify.attribution `_duty_watch`)
    on_duty: frozenset[str] = frozenset()
    # states' legislatures by their own names ("seimas", "duma"): a house whose acts title its
    # own documents and a body of its state (reader.classify.officialtitles `official_title`,
    # reader.classify.offices `body_office`)
    legislatures: frozenset[str] = frozenset()
    # the surnames of the lexicon's full names that are no term alone ("carney" of "Mark
    # Carney"), each its speaker's: read as the speaker only right after a title
    # (reader.classify.scan `titled_surnames`: "Prime Minister Carney")
    surnames: Mapping[str, Term] = field(default_factory=dict)
    # the `sources` rules by each of their sites and outlets (positions in `sources`): the
    # rules a page's host or outlet names, found without a look at every rule
    # (reader.classify.sources `_page_rules`)
    by_site: Mapping[str, tuple[int, ...]] = field(default_factory=dict)
    by_outlet: Mapping[str, tuple[int, ...]] = field(default_factory=dict)
    # the offices one member state alone holds ("secretary of state"), each its state's side:
    # a titled holder no phrase, dateline or outlet gives a side is that member's
    # (reader.classify.speakers `sole_office`)
    offices: Mapping[str, Term] = field(default_factory=dict)
    # the story openings that name a call's or a meeting's two parties (the `voice: joint`
    # rules' non-official `openings` with a `counterpart` group), each with its rule: the few
    # patterns reader.classify.sources `named_parties` tries on each sentence of a story,
    # picked out here once rather than for every sentence
    meetings: tuple[tuple[SourceRule, Prefiltered], ...] = ()
    # one search for a word each of them needs, whole where the pattern sets it off: a block
    # it finds nothing in is tried on none (`prefilter.may_match_each`; most blocks name no
    # call or meeting)
    meeting_needs: re.Pattern[str] | None = None

    def message(self, rule: str) -> str:
        """The human explanation of rule `rule` (its id when none is known)."""
        return self.messages.get(rule, rule)


# ---------------------------------------------------------------------------------------------
# Building from validated data


def inflect(lemma: str) -> list[str]:
    """The regular forms of a verb lemma (first word inflected): warn -> warns, warned, warning."""
    head, _, rest = lemma.partition(" ")
    tail = f" {rest}" if rest else ""
    if head.endswith(("s", "sh", "ch", "x", "z", "o")):
        third = head + "es"
    elif head.endswith("y") and head[-2:-1] not in "aeiou":
        third = head[:-1] + "ies"
    else:
        third = head + "s"
    if head.endswith("e"):
        past = head + "d"
    elif head.endswith("y") and head[-2:-1] not in "aeiou":
        past = head[:-1] + "ied"
    else:
        past = head + "ed"
    if head.endswith("ie"):
        ing = head[:-2] + "ying"
    elif head.endswith("e") and not head.endswith("ee"):
        ing = head[:-1] + "ing"
    else:
        ing = head + "ing"
    forms = [head + tail, third + tail, past + tail, ing + tail]
    if _DOUBLES.search(head):  # "slam": slammed, slamming; "signal": signalled, signalling
        double = head + head[-1]
        forms += [double + "ed" + tail, double + "ing" + tail]
    return forms


# A verb ending in one vowel and one consonant may double the consonant before "-ed" and
# "-ing" ("slammed", "committed", British "signalled"); a form no one writes ("offerred") is
# harmless, a form missed is a verb never read.
_DOUBLES = re.compile(r"(?:^|[^aeiou])[aeiou][bdgklmnprt]\Z")


def pluralise(noun: str) -> str:
    """The plural of a role noun (its last word): spokesman -> spokesmen, ministry -> ministries;
    an office with a complement, its head: "minister of foreign affairs" -> "ministers of
    foreign affairs", "head of state" -> "heads of state"."""
    head, of, complement = noun.partition(" of ")
    if of and head:
        return pluralise(head) + of + complement
    if noun.endswith("man"):
        return noun[:-3] + "men"
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"
    if noun.endswith(("s", "sh", "ch", "x")):
        return noun + "es"
    return noun + "s"


def _norm(term: str) -> str:
    return fold(" ".join(term.split()))


def build(
    data: Mapping[str, Any], origins: Mapping[tuple[str, int], tuple[str, str]] | None = None
) -> CompiledRules:
    """Compile merged, validated config data (see reader/config.py for the schema).

    `origins` maps (rule id, regex index) to the regex's file:line:column and its file, for
    the messages about slow regexes.
    """
    origins = origins or {}
    settings = data.get("settings") or {}
    actors, terms = _actor_terms(data)
    messages = {rule.id: rule.message for rule in GRAMMAR_RULES.values()}
    framing, framing_regex = _term_rules(data, "framing", True, origins, messages)
    exclusions, exclusion_regex = _term_rules(data, "exclusions", False, origins, messages)
    # An action ("X spoke to Y") is an exclusion for its verbs, and known as an action too.
    action_terms, action_regex = _term_rules(data, "actions", False, origins, messages)
    exclusions.update(action_terms)
    exclusion_regex = (*exclusion_regex, *action_regex)
    step_terms, step_regex = _term_rules(data, "steps", False, origins, messages)
    sources = tuple(source_rule(rule) for rule in data.get("sources") or ())
    messages.update((rule.id, rule.message) for rule in sources)
    return CompiledRules(
        actors=tuple(actors),
        terms=lexicon(terms),
        verbs=lexicon({**_verb_forms(data), **_step_forms(step_terms)}),
        markers=lexicon(
            {_norm(m): _norm(m) for m in data.get("source_markers") or ()}, sparse=True
        ),
        framing=lexicon(framing, sparse=True),
        framing_regex=framing_regex,
        exclusions=lexicon(exclusions, sparse=True),
        exclusion_regex=exclusion_regex,
        topic=lexicon({_norm(t): True for t in data.get("topic") or ()}, sparse=True),
        national=lexicon({_norm(t): True for t in data.get("national") or ()}, sparse=True),
        trade=lexicon({_norm(t): True for t in data.get("trade") or ()}, sparse=True),
        elsewhere=lexicon({_norm(t): True for t in data.get("elsewhere") or ()}, sparse=True),
        courtesy=lexicon({_norm(t): True for t in data.get("courtesy") or ()}, sparse=True),
        weights=_weights(settings.get("weights") or {}),
        threshold=float(settings.get("threshold", 0.2)),
        min_score=float(settings.get("min_score", 0.4)),
        carry_distance=int(settings.get("carry_distance", 3)),
        regex_budget=float(settings.get("regex_budget_ms", 200)) / 1000,
        messages=messages,
        sources=sources,
        actions=action_regex,
        steps=step_regex,
        events=_event_forms(data),
        on_duty=frozenset(_norm(role) for role in data.get("on_duty") or ()),
        legislatures=frozenset(_norm(house) for house in data.get("legislatures") or ()),
        surnames=_title_surnames(data, terms),
        by_site=_rules_by(sources, lambda rule: rule.sites),
        by_outlet=_rules_by(sources, lambda rule: rule.outlets),
        offices=_sole_offices(data),
        meetings=(meetings := _meetings(sources)),
        meeting_needs=first_needs([pattern for _, pattern in meetings]),
    )


def _weights(weights: Mapping[str, Any]) -> Weights:
    """The evidence weights of `settings.weights`, each with its default."""
    return Weights(
        attribution=float(weights.get("attribution", 1.0)),
        carry=float(weights.get("carry", 0.9)),
        reported=float(weights.get("reported", 0.5)),
        framing=float(weights.get("framing", 0.15)),
        mention=float(weights.get("mention", 0.05)),
    )


def _meetings(sources: Sequence[SourceRule]) -> tuple[tuple[SourceRule, Prefiltered], ...]:
    """The story openings that name a call's two parties (`CompiledRules.meetings`)."""
    return tuple(
        (rule, pattern)
        for rule in sources
        if rule.voice == "joint" and not rule.official
        for pattern in rule.openings
        if "counterpart" in pattern.pattern.groupindex
    )


def _rules_by(
    sources: Sequence[SourceRule], keys: Callable[[SourceRule], Iterable[str]]
) -> dict[str, tuple[int, ...]]:
    """The positions in `sources` of the rules that list each (non-empty) site or outlet."""
    found: dict[str, list[int]] = {}
    for k, rule in enumerate(sources):
        for key in dict.fromkeys(keys(rule)):
            if key:
                found.setdefault(key, []).append(k)
    return {key: tuple(ks) for key, ks in found.items()}


def _sole_offices(data: Mapping[str, Any]) -> dict[str, Term]:
    """Each office a member state alone holds (`members: offices:`), as its actor's member term."""
    found: dict[str, Term] = {}
    for entry in [*(data.get("actors") or ()), *(data.get("extra_actors") or ())]:
        for office in (entry.get("members") or {}).get("offices") or ():
            found[_norm(office)] = Term("alias", (entry["id"],), True)
    return found


# Words of the offices the actors list as speakers, beside the roles' own words.
_OFFICE_NAME_WORDS = frozenset(["speaker", "house", "europe", "allied"])


def _title_surnames(data: Mapping[str, Any], terms: Mapping[str, Term]) -> dict[str, Term]:
    """The last word of each full name the actors list ("Mark Carney" -> "carney"), where no
    term has that word already and no other actor's name ends in it. Why: the lexicon lists a
    surname alone only where it is no common word or first name ("Hollande", not "May"), but
    after a title ("Prime Minister May", "Ambassador Antonov") the word can only be the name."""
    found: dict[str, Term] = {}
    clashes: set[str] = set()
    office_words = {w for role in data.get("roles") or () for w in _norm(role).split(" ")}
    office_words |= _OFFICE_NAME_WORDS
    for entry in [*(data.get("actors") or ()), *(data.get("extra_actors") or ())]:
        members = entry.get("members") or {}
        for section in ("speakers", "past_speakers"):
            past = section == "past_speakers"
            named = [(t, False) for t in entry.get(section) or ()]
            named += [(t, True) for t in members.get(section) or ()]
            for name, member in named:
                words = _norm(name).split(" ")
                last = words[-1]
                if len(words) < 2 or len(last) < 3 or last in terms or not last.isalpha():
                    continue
                if office_words.intersection(words) or any(w in terms for w in words):
                    continue  # an office ("NATO Secretary General", "House Speaker")
                term = Term("speaker", (entry["id"],), member, past=past)
                old = found.setdefault(last, term)
                if old.actors != term.actors:
                    clashes.add(last)
    return {name: term for name, term in found.items() if name not in clashes}


# The kinds of term listed after the actors' and the roles, which never take a word from them.
_LISTED_LAST: frozenset[TermKind] = frozenset(["other", "unofficial"])


class _TermTable:
    """The names lexicon being built: each term once, with the kind that outranks the others
    (an actor's own name over a role or an adjective, either over the list of other parties)."""

    def __init__(self) -> None:
        self.terms: dict[str, Term] = {}

    def add(
        self, term: str, kind: TermKind, actor: str | None, member: bool = False, past: bool = False
    ) -> None:
        key = _norm(term)
        old = self.terms.get(key)
        if kind in _LISTED_LAST and old is not None:
            return  # an actor's own name or a role outranks the lists of no actor's words
        ids: tuple[str, ...] = (actor,) if actor else ()
        if old is not None and old.kind == kind and actor and actor not in old.actors:
            ids = (*old.actors, actor)
        elif old is not None and old.kind in ("alias", "speaker") and kind in ("role", "adjective"):
            return  # a name outranks the generic use of the same word
        self.terms[key] = Term(kind, ids, member, past=past)

    def add_slug_possessive(self, term: str, kind: TermKind, actor: str, member: bool) -> None:
        """A one-word name's possessive as a URL slug writes it, its apostrophe dropped
        ("ukraines foreign ministry", "putins comments"): the name, where no term has it."""
        key = _norm(term)
        if " " in key or not key.isalpha() or key.endswith("s") or len(key) < 4:
            return
        if key + "s" not in self.terms:
            self.terms[key + "s"] = Term(kind, (actor,), member, possessive=True)

    def add_variant(self, term: str, actor: str, member: bool = False, past: bool = False) -> None:
        """Another spelling of a listed speaker's name: added only where no term has it."""
        key = _norm(term)
        if key not in self.terms:
            self.terms[key] = Term("speaker", (actor,), member, past=past)


# Transliterations of an East Slavic given name: the wires write one holder "Sergei" or
# "Sergey", "Oleksandr" or "Olexander", and Moscow's outlets a Ukrainian's in its Russian form
# ("Pavel Klimkin", "Pyotr Poroshenko"). Each group is every spelling of one name; the first
# word of a full name that is in a group takes the others instead of the endings below.
_GIVEN_NAMES: tuple[tuple[str, ...], ...] = (
    ("Sergei", "Sergey"),
    ("Serhiy", "Serhii", "Sergiy", "Sergii"),
    ("Andrei", "Andrey"),
    ("Alexei", "Alexey", "Aleksei", "Aleksey"),
    ("Dmitry", "Dmitri", "Dmitriy"),
    ("Yuri", "Yury", "Yuriy", "Yurii"),
    ("Alexander", "Aleksandr", "Alexandr"),
    ("Oleksandr", "Olexander", "Olexandr", "Oleksander"),
    ("Nikolai", "Nikolay"),
    ("Mykhailo", "Mykhaylo"),
    ("Vitaly", "Vitaliy", "Vitalii", "Vitali"),
    ("Vasily", "Vasiliy", "Vassily"),
    ("Anatoly", "Anatoliy", "Anatolii"),
    ("Valery", "Valeriy", "Valerii"),
    ("Yevgeny", "Yevgeniy", "Evgeny", "Evgeniy"),
    ("Gennady", "Gennadiy", "Gennadi"),
    ("Grigory", "Grigoriy", "Grigori"),
    ("Arseniy", "Arseny", "Arsenii"),
    ("Ihor", "Igor"),
    ("Oleh", "Oleg"),
    ("Pavlo", "Pavel"),
    ("Petro", "Pyotr"),
    ("Volodymyr", "Vladimir"),
    ("Yulia", "Yuliya", "Yuliia", "Iuliia"),
    ("Natalia", "Natalya", "Nataliya", "Nataliia"),
    ("Tatyana", "Tatiana"),
)
_GIVEN = {name: group for group in _GIVEN_NAMES for name in group}

# Transliterations of a Slavic name's endings: Zelenskyy / Zelensky / Zelenskiy, Syrskyi /
# Syrsky, Andrii / Andriy, Kiriyenko / Kirienko / Kiriienko, Nebenzya / Nebenzia (the wires
# and the holder's own mission spell one name both ways). Each ending (of a word of five
# letters or more) and the others it may be written as; the first that fits is taken.
_ENDINGS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("iyenko", ("ienko", "iienko")),
    ("iienko", ("iyenko", "ienko")),
    ("ienko", ("iyenko", "iienko")),
    ("ya", ("ia",)),
    ("ia", ("ya",)),
    ("skyy", ("sky", "skiy", "skyi")),
    ("skyi", ("sky", "skiy", "skyy")),
    ("skiy", ("sky", "skyy", "skyi")),
    ("sky", ("skyy", "skiy", "skyi")),
    ("nyi", ("ny", "niy")),
    ("ii", ("iy",)),
    ("iy", ("ii",)),
    # the soft vowels written with y or i (Yatsenyuk / Yatseniuk; "-iyenko" and "-ya" above),
    # "-eyev" / "-eev" (Gordeyev / Gordeev), the "yo" of a stressed e after a hushing
    # consonant (Kosachev / Kosachyov) and "-aylo" / "-ailo"
    ("eyev", ("eev",)),
    ("eev", ("eyev",)),
    ("chev", ("chyov",)),
    ("chyov", ("chev",)),
    ("yuk", ("iuk",)),
    ("iuk", ("yuk",)),
    ("aylo", ("ailo",)),
    ("ailo", ("aylo",)),
)


def name_variants(name: str) -> list[str]:
    """Other spellings of a listed speaker's name by the transliterations above (the name
    itself not included): "Oleksandr Syrskyi" -> "Oleksandr Syrsky", "Oleksandr Syrskiy" ...,
    "Sergei Naryshkin" -> "Sergey Naryshkin"."""
    words = name.split()
    options: list[list[str]] = []
    for k, word in enumerate(words):
        if k == 0 and word in _GIVEN and len(words) > 1:
            options.append([word, *(w for w in _GIVEN[word] if w != word)])
            continue
        spellings = [word]
        low = word.lower()
        for ending, others in _ENDINGS:
            if len(low) >= 5 and low.endswith(ending):
                stem = word[: len(word) - len(ending)]
                spellings += [stem + other for other in others]
                break
        options.append(spellings)
    variants = [""]
    for spellings in options:
        variants = [f"{v} {w}".strip() for v in variants for w in spellings]
    return [v for v in variants if v != name]


_SECTIONS: tuple[tuple[str, TermKind], ...] = (
    ("adjectives", "adjective"),
    ("aliases", "alias"),
    ("speakers", "speaker"),
    ("past_speakers", "speaker"),
)


def _actor_terms(data: Mapping[str, Any]) -> tuple[list[Actor], dict[str, Term]]:
    """The actors, and every name the classifier reads: roles, pronouns, each actor's (and
    its member states') adjectives, aliases and speakers, then parties that are none of them."""
    table = _TermTable()
    for role in data.get("roles") or ():
        table.add(role, "role", None)
        table.add(pluralise(_norm(role)), "role", None)
    for pronoun in data.get("pronouns") or ():
        table.add(pronoun, "pronoun", None)
    actors: list[Actor] = []
    for entry in [*(data.get("actors") or ()), *(data.get("extra_actors") or ())]:
        actor_id = entry["id"]
        actors.append(Actor(actor_id, entry["label"], entry["colour"], entry["tag"]))
        members = entry.get("members") or {}
        for section, kind in _SECTIONS:
            past = section == "past_speakers"
            for term in entry.get(section) or ():
                table.add(term, kind, actor_id, past=past)
            for term in members.get(section) or ():
                table.add(term, kind, actor_id, member=True, past=past)
        _add_variants(table, entry, actor_id)
    _slug_possessives(data, table)
    # Parties that are none of the actors ("the European Commission", "Chinese", "UN"): a
    # phrase they name is a speaker of no actor's ("European" alone is an ally's adjective).
    for other in data.get("others") or ():
        table.add(other, "other", None)
    # Words that set a person apart from the state ("opposition", "analyst", "resident"): a
    # phrase that holds one speaks for no side (reader.classify.phrases).
    for word in data.get("unofficial") or ():
        table.add(word, "unofficial", None)
        table.add(pluralise(_norm(word)), "unofficial", None)
    return actors, table.terms


def _add_variants(table: _TermTable, entry: Mapping[str, Any], actor_id: str) -> None:
    """Every other spelling (`name_variants`) of the names an actor and its members list, now
    and in earlier years, after all the listed names: a listed name keeps its own entry."""
    members = entry.get("members") or {}
    for section in ("speakers", "past_speakers"):
        past = section == "past_speakers"
        for term in entry.get(section) or ():
            for variant in name_variants(term):
                table.add_variant(variant, actor_id, past=past)
        for term in members.get(section) or ():
            for variant in name_variants(term):
                table.add_variant(variant, actor_id, member=True, past=past)


def _slug_possessives(data: Mapping[str, Any], table: _TermTable) -> None:
    """Each actor's (and member's) one-word aliases and speakers as a URL slug writes their
    possessive, "ukraines", "putins" (not adjectives: "russians" is a plural)."""
    for entry in [*(data.get("actors") or ()), *(data.get("extra_actors") or ())]:
        members = entry.get("members") or {}
        for section, kind in _SECTIONS[1:]:
            for term in entry.get(section) or ():
                table.add_slug_possessive(term, kind, entry["id"], False)
            for term in members.get(section) or ():
                table.add_slug_possessive(term, kind, entry["id"], True)


def _verb_forms(data: Mapping[str, Any]) -> dict[str, VerbForm]:
    """Every form of the speech and stance verbs ("say": says, said, saying, has said...)."""
    verbs: dict[str, VerbForm] = {}
    verb_data = data.get("verbs") or {}
    irregular: Mapping[str, Sequence[str]] = {
        _norm(lemma): forms for lemma, forms in (verb_data.get("irregular") or {}).items()
    }
    classes: tuple[VerbClass, ...] = ("speech", "stance")
    for cls in classes:
        for lemma in verb_data.get(cls) or ():
            key = _norm(lemma)
            forms = [key, *map(_norm, irregular[key])] if key in irregular else inflect(key)
            for form in forms:
                verbs.setdefault(form, VerbForm(key, cls, form.split(" ")[0].endswith("ing")))
    return verbs


def _event_forms(data: Mapping[str, Any]) -> frozenset[str]:
    """Every form of the event verbs (`verbs.events`: "strike": strikes, struck, striking),
    inflected as the speech verbs are; a phrase's first word only ("shoot down": "shot")."""
    verb_data = data.get("verbs") or {}
    irregular: Mapping[str, Sequence[str]] = {
        _norm(lemma): forms for lemma, forms in (verb_data.get("irregular") or {}).items()
    }
    forms: set[str] = set()
    for lemma in verb_data.get("events") or ():
        key = _norm(lemma)
        for form in [key, *map(_norm, irregular[key])] if key in irregular else inflect(key):
            forms.add(form.split(" ")[0])
    return frozenset(forms)


def step_form(rule_id: str, surface: str) -> VerbForm:
    """A formal step's verb phrase ("launched the procedure to withdraw from") as a verb of
    class `step`, named by its rule: a stance where its subject opens the clause, a position
    reported inside another side's words (reader.classify.attribution)."""
    return VerbForm(rule_id, "step", surface.split(" ")[0].endswith("ing"))


def _step_forms(terms: Mapping[str, TermRule]) -> dict[str, VerbForm]:
    """The `steps:` rules' literal terms (each form listed, none inflected) as verbs."""
    return {term: step_form(rule.id, term) for term, rule in terms.items()}


def _term_rules(
    data: Mapping[str, Any],
    section: str,
    weighted: bool,
    origins: Mapping[tuple[str, int], tuple[str, str]],
    messages: dict[str, str],
) -> tuple[dict[str, TermRule], tuple[TermRule, ...]]:
    """A rule section's literal terms (term -> rule) and its rules with regexes; each rule's
    message goes into `messages`."""
    literal: dict[str, TermRule] = {}
    regex_rules: list[TermRule] = []
    for rule in data.get(section) or ():
        compiled = TermRule(
            id=rule["id"],
            message=rule["message"],
            actor=rule.get("actor"),
            weight=float(rule.get("weight", 1.0)) if weighted else 0.0,
            regexes=tuple(
                user_regex(source, *origins.get((rule["id"], i), ("", "")))
                for i, source in enumerate(rule.get("regex") or ())
            ),
            first_person=bool(rule.get("first_person", False)),
        )
        messages[compiled.id] = compiled.message
        for term in rule.get("terms") or ():
            literal[_norm(term)] = compiled
        if compiled.regexes:
            regex_rules.append(compiled)
    return literal, tuple(regex_rules)
