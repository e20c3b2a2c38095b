"""The data every step of the classifier passes on, in one module below all the steps, so
that no step imports another for a type: the units a block is read as, a resolved phrase
(`Who`), what carries from block to block (`State`, `Speaker`) and one block's working data
(`BlockWork`).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Final, Literal

from reader.model import BlockKind, Evidence
from reader.rules.compile import Term, TermRule, VerbForm

Unit = tuple[int, int, str, Term | None, bool]  # start, end, folded text, lexicon term, capital
START: Final = 0
END: Final = 1
LOW: Final = 2
TERM: Final = 3
CAP: Final = 4

# Words a full stop abbreviates before a name, a rank or a title ("Gov. Oleh Kiper", "Brig.
# Gen. Pat Ryder", "Rep. Smith", "Amb. X"): neither a sentence's end (units) nor a phrase's
# (phrasebounds).
# Military ranks, civil offices and honorifics of English-language reports; folded.
TITLE_ABBREVIATIONS: Final = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "rev",
        "hon",
        "st",
        "jr",
        "sr",
        "gen",
        "lt",
        "col",
        "maj",
        "brig",
        "adm",
        "capt",
        "cmdr",
        "cdr",
        "sgt",
        "cpl",
        "pvt",
        "gov",
        "sen",
        "rep",
        "amb",
        "dep",
        "sec",
        "supt",
    ]
)


# Names the article has tied to an actor ("graham" -> NATO) and whether that is a member state.
Names = dict[str, tuple[tuple[str, ...], bool]]


WhoKind = Literal["actor", "unknown", "pronoun", "role", "none"]

# A name a phrase ties to an actor: (name, actors, member state?, keep an earlier tie?).
Tie = tuple[str, tuple[str, ...], bool, bool]


@dataclass(frozen=True, slots=True)
class Who:
    """A resolved subject: actors (empty for a speaker who is none of them), or unresolved."""

    kind: WhoKind
    actors: tuple[str, ...] = ()
    start: int = 0
    end: int = 0
    roles: tuple[str, ...] = ()
    word: str = ""  # a pronoun's word ("he", "we")
    member: bool = False
    block: int | None = None  # a role's holder: the block where the article last named them
    ties: tuple[Tie, ...] = ()  # names this phrase ties to an actor (`phrases.learn`)


NONE = Who("none")


@dataclass(frozen=True, slots=True)
class DocumentSource:
    """What a `sources:` rule established about the document (reader.classify.sources): the
    rule, whether the document is one speaker's remarks (every line theirs), the counterpart
    a readout's title names, the author's office ("prime minister") and the subjects that
    speak for author and counterpart together ("both leaders")."""

    rule: str
    remarks: bool
    counterpart: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    joint: tuple[str, ...] = ()
    author: tuple[str, ...] = ()  # an opening's speaker (a story, not a document: `joint`)
    listed: bool = False  # a title ending in a colon: the lines under it are its items


@dataclass(frozen=True, slots=True)
class Parties:
    """The call or meeting a story named last ("X spoke by phone with Y", "X and Y met"): the
    sides of its parties in the order named (an outsider's none: "X met Brazil's president"
    leaves X's side alone), the subjects that then speak for them together ("the two
    leaders", "both sides") and the block that named them."""

    sides: tuple[str, ...]
    joint: tuple[str, ...]
    block: int


@dataclass
class Speaker:
    """Who spoke last, for carry-over."""

    actors: tuple[str, ...]  # () = a named speaker who is none of the actors
    block: int
    thing: bool = False  # a country or a body ("China has not criticised ..."), never "he"
    gender: str = ""  # the personal pronoun ("he", "she") the story last called them by
    off_topic: bool = False  # a member state's official last heard on a national matter
    name: str = ""  # a reprinted statement's speaker as the story names them ("kallas")
    whole: bool = False  # a full text introduced as such: its quoted paragraphs are its own
    credited: bool = False  # a statement an undated lead credits: a speaker named ends it
    member: bool = False  # a member state's official: their side's only on the war (`topic`)
    listing: str = ""  # a list a colon line opened: how its last line ended (":" or ";")
    office: bool = False  # named by one office alone, no name ("the British foreign secretary")
    several: bool = False  # named as several together ("X and Y said"): "the ministers" is them


@dataclass
class Person:
    """Someone (or some office) the article has tied to an actor, and when last named."""

    actors: tuple[str, ...]
    last: int
    # Named only as someone's counterpart ("talks with the Czech Foreign Minister"): "the
    # minister wrote" is more likely the article's own speaker with that role.
    counterpart: bool = False
    member: bool = False  # a member state's: their side's only on the war (`topic`)


@dataclass
class State:
    """What the article has established so far, carried from block to block."""

    last: Speaker | None = None
    last_person: Speaker | None = None  # the last speaker who is a person: "he said" takes them
    earlier_person: Speaker | None = None  # the one before: a "he" after a "she" takes them
    voice: Speaker | None = None  # a transcript speaker ("Mark Rutte: ...")
    voice_kind: BlockKind | None = None  # the kind of block that set the voice (an item's ends
    # with the list)
    roles: dict[str, list[str]] = field(default_factory=dict)  # "minister" -> person keys
    people: dict[str, Person] = field(default_factory=dict)  # "lavrov" -> Russia, block 4
    names: Names = field(default_factory=dict)  # "graham" -> nato (see phrases)
    official: bool = False  # a release, statement, readout or transcript (from its title)
    document: tuple[str, ...] | None = None  # the actor whose voice the document is in
    author_pending: bool = False  # a one-speaker title whose speaker no rule resolves: the
    # first blocks wait for a line that names the author (reader.classify.document)
    unvoiced: list[BlockWork] = field(default_factory=list)  # ... the lines that wait for it
    reporting: list[BlockWork] = field(default_factory=list)  # ... and those naming another side
    office: str = ""  # ... an office alone ("the Secretary General"): the body the opening names
    # ... the two speakers a joint press event's title names ("with <A> and <B>"): each one's
    # side and the capitalised words it is named by; the opening that addresses one of them
    # makes the other the author (reader.classify.officialtitles `addressed_speaker`)
    speakers_with: tuple[tuple[tuple[str, ...], frozenset[str]], ...] = ()
    reports: bool = False  # ... and what it says others said is reported in that voice
    house: tuple[str, ...] = ()  # the side a dateline puts the article on ("KYIV, ... (AP)")
    house_member: bool = False  # ... through a member state's site (its public broadcaster)
    house_site: bool = False  # ... through the page's site or outlet, not a wire's dateline
    house_private: bool = False  # ... through a private outlet: only while no other side spoke
    other_side_heard: bool = False  # a speaker of a side other than the house's has spoken
    sides_heard: set[str] = field(default_factory=set)  # every side a speaker has spoken for
    first_heard: dict[str, int] = field(default_factory=dict)  # ... and the block it was first in
    document_member: bool = False  # the document is a member state's site's: on the war only
    document_topic: bool = False  # ... and one of its lines was on the war's topic
    off_topic: list[BlockWork] = field(default_factory=list)  # ... its opening lines before it
    interviewee: Speaker | None = None  # who answers the "A:" lines of an interview
    statement: Speaker | None = None  # whose statement an "X said:" paragraph introduced
    intro: Speaker | None = None  # the speaker a line ending in a colon names, for the next quote
    asked: bool = False  # the last voice is a question's ("Q: ...", "Question (Reuters): ...")
    asker: Speaker | None = None  # the voice a question's or a host's label set: no side's
    genre: str | None = None  # a title that is a genre alone ("Opening remarks"), folded
    source: DocumentSource | None = None  # a `sources:` rule's document (reader.sources)
    readout: DocumentSource | None = None  # an official readout's counterpart and joint subjects
    joint_waiting: list[BlockWork] = field(default_factory=list)  # ... lines before its author
    parties: Parties | None = None  # a story's last call or meeting: whom "the two leaders" name
    page_rule: str = ""  # the `sources:` rule the page's site, outlet or credit matched
    quoted_statement: bool = False  # an outlet's page quotes the title's statement: it runs on
    signed: int = -1  # the line that signs the page with its body's name (reader.sources)
    page: tuple[str, str] = ("", "")  # the page's site and outlet, when the article has them
    on_war: set[str] = field(default_factory=set)  # member officials (surnames) heard on the war
    story: bool = False  # the headline is on the war's topic (`topic.on_war`)
    strangers: set[str] = field(default_factory=set)  # names heard speaking for no side
    region: Speaker | None = None  # the region last named ("the Belgorod region"), and where
    headline: Speaker | None = None  # the one side the headline gives a voice ("Sweden condemns")
    titled: int = -1  # the block that is the article's headline (-1: none)
    lead: Speaker | None = None  # the one side the title and opening put forward (authorship)
    release: bool = False  # the page is the lead's own release, reposted (authorship)
    lead_sides: set[tuple[str, ...]] | None = field(default_factory=set)  # ... so far; None: two
    offices: Mapping[str, Term] = field(default_factory=dict)  # a member's sole offices (rules)
    # states' own names of their houses (rules): for a subject's grammar, which rules do not reach
    legislatures: frozenset[str] = frozenset()


def written_lower(text: str, recased: str) -> bool:
    """Whether a block was written all in lower case, as a headline rebuilt from a URL's words
    is, before any recasing (`BlockWork.recased`): a slug's grammar, its commas and apostrophes
    lost, and its "us" the country's."""
    return recased == "lower" or (not recased and text == text.lower())


@dataclass(slots=True)
class BlockWork:
    """Working data for one block."""

    index: int
    text: str
    folded: str
    units: list[Unit]
    starts: list[int]  # each unit's start offset, for bisection
    term_at: list[int]  # the indices of the units that are lexicon terms
    quotes: list[tuple[int, int]]
    excluded: list[tuple[int, int]]
    sentences: list[tuple[int, int]]
    terms: list[tuple[int, int, Term]]
    verbs: list[tuple[int, int, VerbForm]]
    markers: list[tuple[int, int]]
    framing: list[tuple[int, int, TermRule]]
    topic: bool | None = None  # on the war's topic? computed when first asked (`allowed`)
    story: bool = False  # a news story (no document) whose headline is on the war (`topic.allowed`)
    evidence: list[Evidence] = field(default_factory=list)
    main: list[tuple[int, Who]] = field(default_factory=list)  # (position, subject)
    carried_from: int | None = None
    # the roles of a bare office that spoke before anyone was named ("The spokesman noted ..." in
    # a standfirst): the next paragraph may name its holder (reader.classify.quotes)
    awaits: tuple[str, ...] = ()
    # the surname of a speaker a standfirst or a lead names before the article ties the name
    # to a side ("According to <Surname>, ..." over "..., <side's> <office> <Name> said"): the
    # next paragraph may name them in full (reader.classify.quotes)
    awaits_name: str = ""
    speaker_set: bool = False
    strings: dict[str, str] = field(default_factory=dict)  # evidence texts, shared (`add_evidence`)
    rules: tuple[str, ...] = ()  # config rules that acted without evidence (`note_rule`)
    # the article's own text of the block where `text`, the text the rules read, differs
    # (`scan.reading`: retyped, single quote marks made double, a headline in one case
    # recased); the evidence shows the article's own text. Else ""
    written: str = ""
    # where each character of `text` stands in `written` (and `origin[len(text)]`: its
    # length), when a dash typed "--" made `text` shorter (`typography.Retyped`); else None,
    # every offset the same in both. The verdict moves its spans back (`Verdicts`)
    origin: tuple[int, ...] | None = None
    # a headline written all in "upper" or "lower" case, read in its body's casing
    # (reader.classify.headcase)
    recased: str = ""
    # whether the block may name a call or a meeting: it holds a word one of the story
    # openings that name one needs (`CompiledRules.meeting_needs`, searched once a chunk;
    # reader.classify.sources `named_parties`)
    may_meet: bool = True

    @property
    def written_lower(self) -> bool:
        """Whether the block was written all in lower case (`written_lower`), or is a headline
        written so but for its first letter, as a page rebuilds one from its URL's words ("Nato
        backs kiev criticizes russia ...": every name after the first in lower case)."""
        if written_lower(self.text, self.recased):
            return True
        if self.index != 0 or self.recased or not self.text[:1].isupper():
            return False  # (every block but a headline: decided before copying its text)
        rest = self.text[1:]
        return rest == rest.lower() and " " in rest

    def sentence_start(self, pos: int) -> int:
        """The offset where the sentence that holds offset `pos` starts."""
        i = bisect_right(self.sentences, (pos, _FAR)) - 1  # sentences: sorted, contiguous
        return self.sentences[i][0] if i >= 0 else 0

    def sentence_end(self, pos: int) -> int:
        """The offset where the sentence that holds offset `pos` ends."""
        i = bisect_right(self.sentences, (pos, _FAR)) - 1
        return self.sentences[i][1] if i >= 0 else len(self.text)


_FAR = 1 << 62
