"""Noun phrases: which actor a phrase stands for, and the names it ties to one.

Why a module of its own: the attribution grammar asks one question over and over, "who is this
phrase?" ("Russian Foreign Minister Sergey Lavrov", "the Kremlin's spokesman", "a source in the
SBU", "Graham"). The answer (`Who`) is an actor, a speaker who is none of the actors, a pronoun
or a bare role, which carry-over resolves later.

The names a phrase ties to an actor are remembered for the rest of the article (`learn`,
`tie_office`, `tie_appositive`, `tie_names`). Also here: a noun phrase that is the object of a
verb that answers, weighs or asks for a stated view (`answered`, `weighed`, `sought`,
`framed_before`), and a credit line's site (`find_credit`).

Where a phrase starts and ends is reader.classify.phrasebounds; a person's name beside a title,
reader.classify.personnames; the closed word classes of English that the grammar skips over
(auxiliaries, adverbs, time words, prepositions), reader.classify.wordclasses.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

from reader.classify.types import CAP, END, LOW, NONE, START, TERM, Names, Tie, Unit, Who
from reader.classify.wordclasses import (
    ARTICLES,
    CHANNEL_NOUNS,
    COORD,
    ENVOY,
    HONORIFICS,
    HOST_PREP,
    NP_PREP,
    OBJECT_PREP,
    OFFICES,
    POSTED,
    SENT,
    SKIP,
    STAFF,
    STATE_FORMS,
    STATE_HEADS,
    is_role,
    namelike,
    word_set,
)
from reader.rules.compile import Term
from reader.rules.prefilter import Prefiltered, caseless_groups

if TYPE_CHECKING:
    from reader.classify.types import BlockWork


# Stances that are stated by the side that takes them: an agreement is made by saying so ("the
# allies have agreed to ...", "the two leaders agree"), so it reports that side's position
# where another stance verb would be the speaker's picture of it.
STATED_STANCES = word_set("agree")


# Verbs that answer another side's stated view: what they take as object is that view, named
# ("supported Trump's proposal for ...", "rejected an offer from X for ...", "dismissed the
# ministry's claims of ...").
# ("hails Zelensky's statement on ...", "condemned the ministry's claims of ...").
_ANSWERS = word_set(
    "support back endorse welcome reject dismiss rebuff refuse oppose hail praise commend "
    "condemn criticise criticize denounce slam appreciate"
    # a claim denied, refuted, disputed or contradicted: "Kyiv denies the Russian claim"
    " deny refute dispute contradict"
)
# A stated view that proposes something, named as a thing ("a proposal from X to ...").
OFFERS = word_set("proposal proposals offer offers")
_OBJECT_OPENERS = word_set("the a an this that these those any every")


def answered(work: BlockWork, start: int) -> bool:
    """Whether the noun phrase at offset `start` is the object of a verb that answers a
    stated view, past an article: "Putin supported [Trump's proposal for ...]", "Moscow
    rejected an [offer from ...]"; "discussed the American proposal" only names it."""
    end = _before_object(work, start)
    return any(v_end == end and form.lemma in _ANSWERS for _, v_end, form in work.verbs)


# Verbs that weigh a view as a matter still to decide: what they take as object is named as a
# topic, not restated ("as Trump weighs Kyiv's request for missiles", "will study the plan"),
# and its parts ("met to discuss details of the American proposal", "went through every
# point in the plan").
_WEIGHED = re.compile(
    r"\b(?:(?:weigh|consider|study|review|examine|mull|discuss)(?:s|es|ed|ing)?(?:\s+over)?"
    r"|(?:go|goes|went|gone|going)\s+through)"
    r"(?:\s+(?:the\s+|every\s+|each\s+|all\s+)?(?:details?|terms|specifics|parameters|"
    r"points?|provisions?|elements?)\s+(?:of|in))?\Z"
)


# ... and told in the passive after it: "Kyiv's request for jets will be examined with the
# allies", "the application is under review".
_WEIGHED_AFTER = re.compile(
    r"\b(?:be|is|are|was|were|being|been)\s+(?:[a-z]+ly\s+)?"
    r"(?:weighed|considered|studied|reviewed|examined|discussed)\b"
    r"|\bunder\s+(?:review|consideration|study|discussion)\b"
)


def weighed(work: BlockWork, start: int, end: int) -> bool:
    """Whether the noun phrase from offset `start` to `end` is the object of a verb that
    weighs it, past an article ("weighs [Kyiv's request for ...]"), or the subject of one in
    the passive later in its sentence ("[Kyiv's request] for jets will be examined")."""
    if _WEIGHED.search(work.folded, 0, _before_object(work, start)) is not None:
        return True
    return _WEIGHED_AFTER.search(work.folded, end, work.sentence_end(end)) is not None


# Verbs that ask for or await a decision, a permission or an approval: what they take as
# object is still to be given ("Kyiv asked for Washington's permission to strike", "is
# seeking Berlin's consent to", "still awaits the allies' decision on"), no decision told.
_SOUGHT = re.compile(
    r"\b(?:(?:seek|request|await|need)(?:s|ed|ing)?|sought|requir(?:e|es|ed|ing)"
    r"|(?:ask|wait|call|push|press|lobby|hope)(?:s|ed|ing)?\s+for"
    r"|appl(?:y|ies|ied|ying)\s+for)\Z"
)


def sought(work: BlockWork, start: int) -> bool:
    """Whether the noun phrase at offset `start` is the object of a verb that asks for or
    awaits it, past an article ("asked for [Washington's permission to ...]")."""
    return _SOUGHT.search(work.folded, 0, _before_object(work, start)) is not None


def _before_object(work: BlockWork, start: int) -> int:
    """The offset where the word before the noun phrase at `start` ends, past its openers
    ("the", "a", "this" ...): where the verb that takes it as object would end."""
    end = start
    while True:
        head = work.folded[:end].rstrip()
        word = head[head.rfind(" ") + 1 :]
        if word not in _OBJECT_OPENERS or not word:
            break
        end = len(head) - len(word)
    return len(work.folded[:end].rstrip())


# Prepositions that, after a common noun or a participle, open its object: "sanctions against
# Russia", "pressure on Moscow", "the only woman among those handed to Ukraine" name a thing
# done to a side or a person beside it, never a speaker of it ("by" names an author).
_OBJECT_AFTER_NOUN = word_set(
    "against on upon over with toward towards to among amid about between after before during "
    "under into through across"
)
# Where an office already given a side stands ("the Latvian president in Kyiv"), no side of it.
_WHERE_PREP = frozenset(["in", "at"])


_PORTFOLIO_HOLDERS = ("minister", "commissioner", "secretary")


def _portfolio(low: str, role: Unit) -> bool:
    """ "Minister for Europe", "Secretary for Defence": "for" opens a minister's portfolio."""
    return low == "for" and role[LOW].endswith(_PORTFOLIO_HOLDERS)


# Words before the decision's phrase that make it a time or a topic, not a thing answered; "on"
# right before it too, a statement's topic ("Statement by the Foreign Ministry on Moscow's
# order to ...", "The minister spoke on Kyiv's decision to ...").
_DECISION_FRAME = re.compile(
    r"\b(?:(?:after|before|since|following|until|amid|regarding|concerning|ahead\s+of|heels\s+of|"
    # a cause the speaker gives for an act of its own ("supplied the missiles due to Moscow's
    # refusal to ...", "were the result of Russia's decision to ..."): its reason, not a view
    r"due\s+to|because\s+of|owing\s+to|thanks\s+to|result\s+of|"
    r"response\s+to|(?:commenting|comments?|asked|questions?|speaking|talking)\s+(?:on|about))"
    r"\s+(?:(?:the|a|an)\s+)?(?P<gap>(?:[\w.'’-]+\s+){0,4})|on\s+(?:the\s+)?)\Z"
)


# Before a refusal, the ground of what the sentence's subject did or felt ("summoned the envoy
# over Oslo's refusal to ...", "grew frustrated with the Kremlin's refusal to ..."): a refusal is
# a thing not done, and told as a grievance it is the teller's reason, no view of the refuser's.
# A decision after these words is a step the subject answers ("disappointed with Russia's
# decision to ...", "protests over NATO's decision to ...": both sides), so this is refusals' only.
_REFUSAL_GROUND = re.compile(
    r"\b(?:over|with)\s+(?:(?:the|a|an)\s+)?(?P<gap>(?:[\w.'’-]+\s+){0,4})\Z"
)


def framed_before(work: BlockWork, pos: int, refusal: bool = False) -> bool:
    """Whether what its sentence says before offset `pos` makes the decision or the refusal
    named there a time, a topic or a cause of the sentence ("after Moscow's decision to",
    "Regarding Berlin's decision to", "due to Russia's refusal to"; for a `refusal`, the
    ground of a grievance too, "frustrated over Moscow's refusal to"), not a view answered."""
    start = work.sentence_start(pos)
    before = work.folded[start:pos]
    frames = (_DECISION_FRAME, _REFUSAL_GROUND) if refusal else (_DECISION_FRAME,)
    for frame in frames:
        match = frame.search(before)
        if match is not None and not _verb_in_gap(work, match, start, pos):
            return True
    return False


def _verb_in_gap(work: BlockWork, frame: re.Match[str], start: int, pos: int) -> bool:
    """Whether a verb stands in the words a frame allows between its preposition and the
    phrase at `pos` ("met with reporters and condemned Moscow's refusal to ...", "spoke after
    the summit and criticised Kyiv's decision to ..."): the phrase is that verb's object,
    answered, and the preposition frames someone else."""
    gap = frame.start("gap")
    return gap >= 0 and any(start + gap <= verb[0] < pos for verb in work.verbs)


# Last words of lexicon speakers that are titles, not surnames ("NATO Secretary General").
_TITLE_WORDS = word_set("general secretary president minister chief leader head envoy")
# Before an office's word among the article's ties (`_Phrase._office_tied`): no person's name.
_OFFICE_KEY = "@"


_WHOLE_ROLES = frozenset(
    ["prime minister", "secretary general", "secretary-general", "vice president", "general staff"]
)


def resolve(units: Sequence[Unit], tied: Names) -> Who:
    """The actor(s) a noun phrase stands for. Pure: the names the phrase ties to an actor
    ("Senator Lindsey Graham" -> NATO) come back in `Who.ties`, for `learn`."""
    if not units:
        return NONE
    phrase = _Phrase()
    for unit in _past_host_before_envoy(units):
        if not phrase.take(unit):
            break
    return phrase.answer(units, tied)


def _past_host_before_envoy(units: Sequence[Unit]) -> Sequence[Unit]:
    """ "Russia's NATO envoy", "the Ukrainian UN ambassador", "Russia's London Embassy": a
    name right before an office a state sends abroad (a diplomat, a mission, an embassy), after
    another side's adjective or possessive, is the host the office is posted to, as "envoy to
    NATO" or "embassy in London" names it; the phrase is read without it (it speaks for no
    one)."""
    sides: set[str] = set()
    for k, unit in enumerate(units[:-1]):
        term, office = unit[TERM], units[k + 1]
        if term is None:
            continue
        diplomat = office[TERM] is not None and office[TERM].kind == "role"
        diplomat = diplomat and SENT.search(office[LOW]) is not None
        if term.kind == "alias" and diplomat and sides and not sides & set(term.actors):
            return [*units[:k], *units[k + 1 :]]
        if term.kind == "adjective" or (term.kind == "alias" and term.possessive):
            sides.update(term.actors)
    return units


def _common_noun(unit: Unit | None) -> bool:
    """Whether `unit` is a common noun: a word in lower case that names no actor, office or
    person of the lexicon ("sanctions", "pressure")."""
    return unit is not None and unit[TERM] is None and not unit[CAP] and unit[LOW].isalpha()


def listed_surname(low: str) -> str | None:
    """The surname of a full name the lexicon lists, in lower case ("kirill dmitriev" ->
    "dmitriev"): None for an office's last word ("nato secretary general") or a short word."""
    last = low.removesuffix("'s").removesuffix("’s").rsplit(" ", 1)[-1]
    if len(last) > 2 and namelike(last) and last not in _TITLE_WORDS:
        return last
    return None


def learn(who: Who, tied: Names) -> None:
    """Remember the names a resolved phrase tied to an actor, for the rest of the article."""
    for name, actors, member, keep in who.ties:
        if keep:
            tied.setdefault(name, (actors, member))
        else:
            tied[name] = (actors, member)


class _Phrase:
    """A walk over a noun phrase's units: the actors its names, adjectives and roles give."""

    __slots__ = (
        "adjective",
        "complement",
        "direct",
        "direct_from",
        "former",
        "host",
        "in_office",
        "institution",
        "member",
        "names",
        "office",
        "other",
        "owned",
        "plain",
        "previous",
        "pronoun",
        "roles",
        "sent",
        "surnames",
        "unofficial",
    )

    def __init__(self) -> None:
        self.direct: list[str] = []
        self.adjective: list[str] = []
        self.member = True
        self.roles: list[str] = []
        self.names: list[Unit] = []
        self.pronoun = ""
        self.other = False
        self.previous: Unit | None = None
        self.direct_from: Unit | None = None  # the alias or speaker the direct actors came from
        self.owned = False  # past "<adjective> ...'s": later adjectives qualify the possessed
        # Past "<adjective> <role> of": the complement's adjectives qualify the place, not the
        # speaker ("the Ukrainian-appointed head of the Zaporozhye Region").
        self.complement = False
        self.host = 0  # 1: after "envoy to", skipping the host; 2: inside a host of words
        self.surnames: list[Tie] = []  # lexicon speakers' surnames, tied to their actors
        # Capitalised words that open a role's complement ("Secretary of Defense", "Head of
        # Mission"): an institution's words, never tied to a side as a person's name.
        self.institution: list[Unit] = []
        self.former = False  # "former" or "ex-" in the phrase (see `_former`)
        self.in_office = False  # past a role's preposition: "the head of ..."
        self.office = ""  # a speaker word in lower case another side's adjective qualifies
        self.plain = False  # an adjective of the side itself, not a patron's (`_patron`)
        self.unofficial = False  # a word that sets the person apart from the state (`_private`)
        self.sent = False  # past "<mission> of": a "to" after the sender opens the host

    def take(self, unit: Unit) -> bool:
        """Read one unit; False where the phrase ends ("Mission in Ukraine": a place)."""
        if self.host and self._in_host(unit):
            return True
        term = unit[TERM]
        low = unit[LOW]
        previous = self.previous
        if term is None and (_opens_host(previous, low) or self._host_of_sender(previous, low)):
            self.host = 1
            return True
        if term is None and low in NP_PREP and previous is not None:
            goes_on = self._preposition(previous, low)
            if goes_on is not None:
                return goes_on
        if term is None and low in _OBJECT_AFTER_NOUN and _common_noun(previous):
            return False  # "sanctions against Russia", "pressure on Moscow": the object's side
        possessor = previous if previous is not None and previous[LOW].endswith("'s") else None
        self.owned = self.owned or (possessor is not None and bool(self.adjective))
        self.previous = unit
        if low == "former" or low.startswith("ex-"):
            self.former = True
        if term is None:
            if low in STATE_FORMS:
                return True  # "Republic", "Kingdom": the state's formal name, no person's
            if unit[CAP] and low not in _NOT_A_NAME and namelike(low):
                self.names.append(unit)
                if previous is not None and previous[LOW] in NP_PREP:
                    self.institution.append(unit)
        else:
            self._term(unit, term, possessor, previous)
        return True

    def _preposition(self, previous: Unit, low: str) -> bool | None:
        """At "of", "in" ... after `previous`: True or False where that settles whether the
        phrase goes on, None to read the preposition as part of it."""
        head = previous[TERM]
        if previous[LOW] in STATE_FORMS:
            return True  # "of the Republic of Lithuania": the state's formal name goes on
        if low == "of" and self._holder_named(previous):
            self.in_office = True  # "President <name> of Ukraine": the title's "of"
            return None
        if head is None or head.kind != "role":
            return False  # "Mission in Ukraine": a place, not the speaker's side
        if low in _WHERE_PREP and (self.adjective or self.direct):
            return False  # "the Estonian president in Kyiv": where a sided office is
        # "<adjective> <role> of": the complement's adjectives qualify a place; a minister's
        # "for" names a portfolio ("Minister for European Integration"), no side ("a
        # spokesman for the Ukrainian navy" names his service)
        self.complement = self.complement or bool(self.adjective) or _portfolio(low, previous)
        self.in_office = True
        self.sent = self.sent or (low == "of" and SENT.search(previous[LOW]) is not None)
        return None

    def _holder_named(self, previous: Unit) -> bool:
        """Whether the phrase so far is a title of no side and its holder's name, the name's
        last word `previous` ("President <name>", "Foreign Minister <name>"): an "of" after it
        names the title's country as the news wires write it ("President <name> of France"),
        where a name alone is a person's origin ("<name> of Kharkiv", a boxer "of Ukraine")."""
        return (
            previous[TERM] is None
            and bool(self.names)
            and previous is self.names[-1]
            and bool(self.roles)
            and not (self.adjective or self.direct or self.in_office or self.former)
        )

    def _host_of_sender(self, previous: Unit | None, low: str) -> bool:
        """ "to" right after the side that sends a mission ("the Mission of Ukraine to the
        OSCE"): the host follows, as after "envoy to"."""
        return (
            low == HOST_PREP
            and self.sent
            and previous is not None
            and previous[TERM] is not None
            and previous[TERM].kind in ("alias", "adjective")
        )

    def _in_host(self, unit: Unit) -> bool:
        """Past "envoy to": whether `unit` is part of the host ("to the United Nations",
        "for Ukraine and Russia"), which speaks for no one."""
        term, low, host = unit[TERM], unit[LOW], self.host
        if low in ARTICLES and host == 1:
            return True
        if host in (1, 3) and term is not None:
            self.host = 4  # "to Washington", "to NATO": one term (and one more after "and")
            self.previous = unit
            return True
        if host == 4 and low == "and":
            self.host = 3  # "envoy for Ukraine and Russia"
            return True
        if host in (1, 2) and term is None and unit[CAP] and namelike(low):
            self.host = 2  # "to the United Nations": a run of capitalised words
            return True
        self.host = 0
        return False

    def _term(self, unit: Unit, term: Term, possessor: Unit | None, previous: Unit | None) -> None:
        kind = term.kind
        if kind == "alias" and self.complement and self.adjective and not self.direct:
            return  # "the Estonian president in Ukraine": the place, the adjective's side speaks
        if kind == "speaker" and self._office_of_adjective(unit, term, previous):
            self.roles.append(unit[LOW])  # "the Russian senators": the adjective's side speaks
            self.office = unit[LOW]
            return
        if kind in ("alias", "speaker"):
            if possessor is not None and possessor is self.direct_from:
                # "Kyiv's allies": the head speaks, the possessor only qualifies it
                self.direct = []
                self.member = True
            self.direct.extend(a for a in term.actors if a not in self.direct)
            self.member = self.member and term.member
            self.direct_from = unit
            if kind == "speaker" and " " in unit[LOW] and unit[CAP]:
                self._surname(unit[LOW], term)
        elif kind == "adjective":
            if self.owned or self.complement:
                return  # "the Russian Foreign Ministry's Second European Department": owned
            self.adjective.extend(a for a in term.actors if a not in self.adjective)
            self.member = self.member and term.member
            self.plain = self.plain or not _patron(unit[LOW])
        elif kind in ("role", "unofficial"):
            self._office_word(unit, kind)
        elif kind == "other":
            self.other = True
            if possessor is not None and possessor is self.direct_from:
                # "the bloc's defence commissioner": a party of no actor's, the possessor only
                # says whose (the bloc is the EU here); it is no actor's speaker
                self.direct = []
                self.member = True

    def _office_word(self, unit: Unit, kind: str) -> None:
        """A role, or a word of `unofficial:` that sets the person apart from the state. A role
        past another role's preposition that names a state's press ("the head of Russia's state
        broadcaster") makes the person the outlet's, who speaks for it, not for the state, as
        an editor or a host does."""
        if kind == "unofficial":
            self.unofficial = True
            return
        self.roles.append(unit[LOW].removesuffix("'s"))
        if self.in_office and _OUTLET.search(unit[LOW]) is not None:
            self.unofficial = True

    def _office_of_adjective(self, unit: Unit, term: Term, previous: Unit | None) -> bool:
        """A speaker word that is an office, a common noun ("senators" are the US Senate's by
        default): right after another side's adjective it is that side's office ("the Russian
        senators concluded", "Russian Senator <name> said": members of the Federation Council),
        as a Duma deputy is Russia's (GUIDE.md: legislators of the three sides speak for them);
        after a third party's name, that party's office, no side's ("Vatican Secretary of
        State <name>", "Chinese Senator <name>"). No side's adjective comes right before a
        person's name of another side's."""
        if self.direct or previous is None or previous[TERM] is None:
            return False  # right after the adjective only: "russian strikes biden" is no office
        side = previous[TERM]
        if side.kind == "other":
            return True  # "Vatican Secretary of State", "Chinese Senator": a third party's
        return side.kind == "adjective" and not set(side.actors) & set(term.actors)

    def _office_tied(self, tied: Names) -> tuple[tuple[str, ...], bool] | None:
        """The side the article gave a speaker word in lower case, an office, with an adjective
        before it (`_office_of_adjective`): "the senators" alone later are that side's."""
        head = self.direct_from
        if head is None or head[CAP] or self.adjective:
            return None
        return tied.get(_OFFICE_KEY + head[LOW])

    def _surname(self, low: str, term: Term) -> None:
        """ "Kirill Dmitriev" in the lexicon: "Dmitriev wrote" later is the same man."""
        last = listed_surname(low)
        if last is not None:
            self.surnames.append((last, term.actors, term.member, True))

    def answer(self, units: Sequence[Unit], tied: Names) -> Who:
        """Who the phrase stands for, once every unit is read."""
        start, end = units[0][START], units[-1][END]
        roles, names = self.roles, self.names
        role_keys = tuple(_role_keys(roles)) if roles else ()  # most phrases hold no role
        sideless = self._sideless(units, tied)
        if sideless is not None:
            return Who("unknown", (), start, end, role_keys, ties=sideless)
        office = self._office_tied(tied)
        if office is not None:  # "the senators" after "the Russian senators"
            return Who("actor", office[0], start, end, role_keys, member=office[1])
        if self.direct or (
            self.adjective and (roles or names or _abbreviated_state(units) or _states(units))
        ):
            actors = tuple(self.direct or self.adjective)
            if self.direct and self.adjective:
                actors = _group_conjunct(units, actors)
            joined = any(u[LOW] == "and" for u in units)
            if joined:
                actors = _named_conjuncts(units, actors)
            if joined:  # each name belongs to its own conjunct's side only
                ties = _conjunct_ties(units)
            else:
                persons = (
                    [u for u in names if u not in self.institution] if self.institution else names
                )
                ties = _ties(persons, actors, self.member)
            if self.office:  # "the Russian senators": "the senators" later are Russia's too
                ties = [*ties, (_OFFICE_KEY + self.office, actors, self.member, False)]
            return Who(
                "actor",
                actors,
                start,
                end,
                role_keys,
                member=self.member,
                ties=(*self.surnames, *ties),
            )
        surnames = tuple(self.surnames)
        for unit in reversed(names):
            low = unit[LOW].removesuffix("'s").removesuffix("’s")  # "Danylenko's statement"
            known = tied.get(low) or _variant(low, tied)
            if known is not None:
                return Who("actor", known[0], start, end, role_keys, member=known[1], ties=surnames)
        if len(units) == 1 and units[0][TERM] is not None and units[0][TERM].kind == "pronoun":
            return Who("pronoun", (), start, end, word=units[0][LOW], ties=surnames)
        return _unresolved(units, names, roles, self.other, role_keys, surnames)

    def _no_side(self, units: Sequence[Unit]) -> bool:
        """A phrase that names a side's word but speaks for no side: a title or a place
        before a common noun, a former office holder, or a third party's office a side only
        backs ("Moldova's pro-Moscow opposition leader", "the Russian-backed president of
        Serbia": the adjective names the patron, the other party whose office it is)."""
        if not self.roles and (_title_name(units) or self._place_modifies(units)):
            return True
        if self.former and _former(units):
            return True
        if (self.unofficial and _private(units)) or _language_speakers(units):
            return True
        return self.other and not self.direct and not self.plain

    def _sideless(self, units: Sequence[Unit], tied: Names) -> tuple[Tie, ...] | None:
        """The names a phrase that speaks for no side ties (`_no_side`; a former holder's
        surname, `_left_office`), or None where it may speak for one. A surname the article
        gave a former holder before speaks for none, and ties nothing (`_left`)."""
        if self._no_side(units):
            gone = _left_office(units) if self.former and _former(units) else []
            return (*self.surnames, *gone)
        return () if self._left(tied) else None

    def _left(self, tied: Names) -> bool:
        """A name of earlier years' holders alone ("Klimkin said") whom the article called a
        former holder before ("Former foreign minister Pavlo Klimkin said ..."): the same man,
        who has left the office, speaks for no side here either (`_left_office`)."""
        head = self.direct_from
        if head is None or self.roles or self.adjective or head[TERM] is None:
            return False
        last = listed_surname(head[LOW])
        return head[TERM].past and last is not None and _LEFT_KEY + last in tied

    def _place_modifies(self, units: Sequence[Unit]) -> bool:
        """ "a London think tank", "Kyiv residents", "a Moscow court": a place's name before a
        common noun of no office describes a thing or people there, not the state. "NATO
        countries", "Kremlin officials" (an office) and "Moscow's envoy" still speak for it."""
        named = self.direct_from
        head = units[-1]
        return (
            named is not None
            and named is not head
            and named[TERM] is not None
            and named[TERM].kind == "alias"
            and not named[LOW].endswith(("'s", "’s"))
            and (head[TERM] is None or head[TERM].kind == "other")
            and not head[CAP]
            and head[LOW].isalpha()
            and head[LOW] not in _STATE_NOUNS
            and head[LOW] not in CHANNEL_NOUNS
        )


# A side's patronage of an office: "Moscow-installed", "Russian-backed", "pro-Moscow".
_PATRON_SUFFIXES = ("-installed", "-appointed", "-backed", "-imposed", "-controlled")


def _patron(low: str) -> bool:
    """The adjective says the side installed, backs or controls the office, rather than that
    the office is the side's own: another party named in the phrase is whose office it is."""
    return low.startswith("pro-") or low.removesuffix("'s").endswith(_PATRON_SUFFIXES)


def _abbreviated_state(units: Sequence[Unit]) -> bool:
    """A state's abbreviation alone as a noun, as headlines write it ("UK announces new
    sanctions", "U.S. weighs ..."): a capitalised adjective of three letters or fewer."""
    if len(units) != 1 or not units[0][CAP]:
        return False
    low = units[0][LOW].replace(".", "")
    return len(low) <= 3 and units[0][TERM] is not None and units[0][TERM].kind == "adjective"


def _group_conjunct(units: Sequence[Unit], direct: tuple[str, ...]) -> tuple[str, ...]:
    """ "Kyiv and Western governments allege": a last conjunct of a side's adjective and a
    plural office or plural of states, with no name of its own, is a second speaker beside
    the names before its "and" (the adjective is no qualifier of theirs)."""
    ands = [n for n, u in enumerate(units) if u[LOW] == "and"]
    if not ands or len(units) - ands[-1] < 3:
        return direct
    tail = units[ands[-1] + 1 :]
    terms = [u[TERM] for u in tail if u[TERM] is not None]
    head = tail[-1]
    if (
        not terms
        or any(t.kind in ("alias", "speaker") for t in terms)
        or terms[0].kind != "adjective"
        or not (_states(tail) or (head[TERM] is not None and head[TERM].kind == "role"))
        or not head[LOW].endswith("s")
    ):
        return direct
    return tuple(dict.fromkeys([*direct, *terms[0].actors]))


def _states(units: Sequence[Unit]) -> bool:
    """A side's adjective before a plural of states ("Western nations say", "European
    capitals warned"): the side's governments speaking as a group, as "Western governments"
    (a role) already is; "Western weapons" or "European markets" name things, no speaker."""
    head = units[-1]
    return len(units) > 1 and head[TERM] is None and head[LOW] in STATE_HEADS


# Capitalised nouns of a place's name, never a person's: "the Baltic Sea" is no Baltic official.
_PLACE_NOUNS = word_set("sea ocean gulf strait bay river lake peninsula coast mountains")
# Capitalised at a sentence's start, but no one's name: "The", "Its spokesman said".
_NOT_A_NAME = ARTICLES | frozenset(["his", "her", "its", "their"]) | _PLACE_NOUNS


# Common nouns that, after a side's name, still name its states or forces ("NATO countries").
_STATE_NOUNS = frozenset(
    [
        "countries",
        "country",
        "states",
        "state",
        "nations",
        "nation",
        "capitals",
        "powers",
        "governments",
        "government",
        "members",
        "partners",
        "allies",
        "forces",
        "troops",
        "military",
        "army",
        "leadership",
        "side",
    ]
)


def _opens_host(previous: Unit | None, low: str) -> bool:
    """ "to" after a role (not a leader's own staff), or "for" after an envoy: the host follows.
    A body sent abroad opens its host with "to" even where its word is no role of its own
    ("the NATO Representation to Ukraine", "the EU Delegation to Moldova"): the host speaks
    for no one."""
    if previous is not None and low == HOST_PREP and SENT.search(previous[LOW]) is not None:
        return True
    if not is_role(previous) or previous is None:
        return False
    if low == HOST_PREP:
        return STAFF.search(previous[LOW]) is None
    if low == "in":  # "the chargé d'affaires in Moscow", "Russia's ambassador in Washington"
        return POSTED.search(previous[LOW]) is not None
    return low == "for" and ENVOY.search(previous[LOW]) is not None


# Spellings of one name across transliterations: "Zelenskyy"/"Zelenskiy", "Sybiha"/"Sibiga".
_SPELLINGS = str.maketrans({"y": "i", "g": "h", "w": "v", "j": "i"})
_VARIANT_MIN = 6  # shorter names differ by a letter too often to be the same person's


def _variant(low: str, tied: Names) -> tuple[tuple[str, ...], bool] | None:
    """A name the article tied to a side, spelt another way here: the same letters with two
    swapped ("Tsahkna"/"Tsakhna") or the same transliteration skeleton. Only for names of
    `_VARIANT_MIN` letters or more, and only when one tied name fits."""
    if len(low) < _VARIANT_MIN or not low.isalpha() or not tied:
        return None
    key = _skeleton(low)
    fits = [
        side
        for name, side in tied.items()
        if name[0] == low[0]
        and abs(len(name) - len(low)) <= 2
        and (_skeleton(name) == key or _swapped(name, low))
    ]
    return fits[0] if len(fits) == 1 else None


def _skeleton(low: str) -> str:
    """A name's letters with transliteration choices folded and doubled letters single."""
    folded = low.translate(_SPELLINGS).replace("kh", "h")
    return "".join(c for i, c in enumerate(folded) if i == 0 or c != folded[i - 1])


def _swapped(a: str, b: str) -> bool:
    """Whether `a` and `b` differ only by two neighbouring letters swapped."""
    if len(a) != len(b) or a == b:
        return False
    diff = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
    return (
        len(diff) == 2
        and diff[1] == diff[0] + 1
        and a[diff[0]] == b[diff[1]]
        and a[diff[1]] == b[diff[0]]
    )


def _former(units: Sequence[Unit]) -> bool:
    """A phrase with "former" or "ex-" (`_Phrase.former`) and an office: "Former US Secretary
    of State <name>", "an ex-army chief": someone who held an office no longer speaks for the
    state (GUIDE.md), unless the lexicon names them as its speaker today ("Former President
    Medvedev", now in another office; not a `past_speakers` name). A speaker word that is an
    office's title, no person's name ("Former Ukrainian President <name>"), names none."""
    offices = [u for u in units if u[TERM] is not None and u[TERM].kind in OFFICES]
    return bool(offices) and not any(_serving(u) for u in offices)


def _serving(unit: Unit) -> bool:
    """A speaker the lexicon names by a person's name as its side's today ("Dmitry Medvedev",
    "Medvedev"), not by an office's title ("Ukrainian President", "NATO chief")."""
    term = unit[TERM]
    return (
        term is not None
        and term.kind == "speaker"
        and not term.past
        and listed_surname(unit[LOW]) is not None
    )


# Before a surname among the article's ties: a holder of earlier years the article called a
# former one (`_left_office`).
_LEFT_KEY = "~"


def _left_office(units: Sequence[Unit]) -> list[Tie]:
    """The surnames of the earlier years' holders a phrase calls former ("Former foreign
    minister Pavlo Klimkin", "Ukrainian ex-president <name>"): later in the article the surname
    alone is the same man, still no side's (`_Phrase._left`)."""
    ties: list[Tie] = []
    for unit in units:
        term = unit[TERM]
        last = listed_surname(unit[LOW]) if term is not None and term.past else None
        if last is not None:
            ties.append((_LEFT_KEY + last, (), True, False))
    return ties


# The roles of a state's press ("state media", "state broadcaster", "state TV"): whoever holds
# an office of one ("the head of ...") holds it at an outlet.
_OUTLET = re.compile(r"\b(?:media|broadcasters?|news agenc(?:y|ies)|television|tv)\b")


def names_press(phrase: str) -> bool:
    """A phrase naming a press outlet ("Russia's TASS news agency", "the state broadcaster"):
    after a closing "reported" it is the channel of what came before, not its speaker."""
    return _OUTLET.search(phrase.lower()) is not None


# Words of a legislature's seat: "opposition lawmaker", "an opposition Duma deputy" still sit
# in the state's legislature, which speaks for its side (GUIDE.md). Members' words, kept here
# and not read from config.yaml's `legislatures` (the houses' own names): `resolve` is pure,
# reading a phrase's units and the names tied so far, and no rules reach it; of the houses'
# own names only the two sides' ("duma", "rada") are a seat's word here.
_SEATS = word_set(
    "lawmaker lawmakers legislator legislators parliament parliaments parliamentary mp mps "
    "duma rada congressional"
)


def _language_speakers(units: Sequence[Unit]) -> bool:
    """A side's adjective right before a lower-case "speakers", or "a <adjective> speaker":
    people who speak the language ("Russian speakers in the east", "a Russian speaker from
    Mariupol told ..."), no presiding officer, whom a house names ("Duma speaker") or a
    definite article points back to ("the Latvian speaker said", after the parliament)."""
    for k in range(1, len(units)):
        low, term = units[k][LOW], units[k - 1][TERM]
        if units[k][CAP] or term is None or term.kind != "adjective":
            continue
        if low == "speakers" or (low == "speaker" and units[0][LOW] in ("a", "an")):
            return True
    return False


def _private(units: Sequence[Unit]) -> bool:
    """A phrase with a word of `unofficial:` ("Russian opposition leader <name>", "the head of
    a Moscow think tank", "a Ukrainian analyst", "the editor of Russia's state broadcaster"):
    the person speaks for a party, a trade or themselves, not the state (GUIDE.md: opposition
    figures outside the state, analysts and private citizens get no label), whatever side's
    adjective or office the phrase holds; unless it names a seat in the side's legislature
    (`_SEATS`) or a speaker the lexicon names as the side's today ("opposition leader" of a
    member's parliament who is in its government now)."""
    for unit in units:
        term = unit[TERM]
        if term is not None and term.kind == "speaker" and not term.past:
            return False
        if unit[LOW].removesuffix("'s").removesuffix("’s") in _SEATS:
            return False
    return True


def _unresolved(
    units: Sequence[Unit],
    names: list[Unit],
    roles: list[str],
    other: bool,
    role_keys: tuple[str, ...],
    ties: tuple[Tie, ...],
) -> Who:
    """A phrase no actor stands for: a speaker of no actor's, a bare role, or no one."""
    start, end = units[0][START], units[-1][END]
    nobody = Who("none", ties=ties) if ties else NONE
    if names or other:
        if len(names) == 1 and names[0] is units[0] and not roles and _is_function_word(names[0]):
            return nobody
        return Who("unknown", (), start, end, role_keys, ties=ties)
    if roles:
        if units[0][LOW] in ("a", "an"):  # "a statement": not anaphoric
            return Who("unknown", (), start, end, role_keys, ties=ties)
        return Who("role", (), start, end, role_keys, ties=ties)
    return nobody


def _title_name(units: Sequence[Unit]) -> bool:
    """'the Kyiv Independent', 'the Moscow Times': a place name opening a proper name is a
    newspaper or a company, which speaks for no actor."""
    if len(units) < 3 or units[0][LOW] != "the":
        return False
    place, name = units[1], units[2]
    return (
        place[TERM] is not None
        and place[TERM].kind == "alias"
        and not place[LOW].endswith("'s")
        and name[TERM] is None
        and name[CAP]
        and namelike(name[LOW])
    )


def _is_function_word(unit: Unit) -> bool:
    return unit[LOW] in SKIP or unit[LOW] in OBJECT_PREP or unit[LOW] in COORD


# Offices written short, and the role they abbreviate.
# Other names of one office: "the PM" after "Prime Minister X", "the Head of State" after
# "President X" (a top diplomat is not mapped: on a one-side outlet "top diplomat says" after
# another country's name is not the house's foreign minister).
_ABBREVIATED = {
    "pm": "prime minister",
    "fm": "foreign minister",
    "head of state": "president",
    "head of government": "prime minister",
    # a foreign ministry's other names: "the ministry said" after "the Russian foreign policy
    # department protested" is that department
    "foreign policy department": "foreign ministry",
    "diplomatic service": "foreign ministry",
}


def _role_keys(roles: Iterable[str]) -> Iterable[str]:
    """A role and the head noun it is later called by: "foreign minister" -> "minister",
    "ministry of defence" -> "ministry". A prime minister is not "the minister"."""
    for role in roles:
        yield role
        if role in _ABBREVIATED:
            yield _ABBREVIATED[role]  # "the PM said" after "Prime Minister Keir Starmer"
            role = _ABBREVIATED[role]  # "the minister" after "the Cuban FM"
        if role in _WHOLE_ROLES:
            continue
        head = role.split(" of ", 1)[0].rsplit(" ", 1)[-1]
        if head != role:
            yield head
        if head == "minister":
            yield "ministry"  # "Foreign Minister Sybiha ... the ministry said": his ministry


def _ties(names: list[Unit], actors: tuple[str, ...], member: bool) -> list[Tie]:
    """The names in an actor's phrase, tied to it: "Senator Lindsey Graham" -> "graham"; a
    possessive's name without its "'s" ("Senator Lindsey Graham's bill" -> "graham"), as a
    later "Graham said" or "Graham's plan" looks it up, but only where no tie holds the name
    yet: the owner of a thing ("Graham's office") is read less surely than a title's holder."""
    ties: list[Tie] = []
    for unit in names:
        low = unit[LOW].removesuffix("'s").removesuffix("’s")
        if len(low) > 2 and low not in SKIP and low not in HONORIFICS:
            ties.append((low, actors, member, low != unit[LOW]))
    return ties


def _learn(names: list[Unit], actors: tuple[str, ...], member: bool, tied: Names) -> None:
    for name, tie_actors, tie_member, keep in _ties(names, actors, member):
        if keep:
            tied.setdefault(name, (tie_actors, tie_member))
        else:
            tied[name] = (tie_actors, tie_member)


def tie_office(words: Iterable[str], side: Who, tied: Names) -> None:
    """Tie an office written in lower case ("the senator", "the senators") to `side` for the
    rest of the article, as "the Russian senators" does by its adjective."""
    for word in words:
        tied[_OFFICE_KEY + word] = (side.actors, side.member)


def tie_appositive(units: Sequence[Unit], side: Who, tied: Names) -> None:
    """Tie a named person to the side of the appositive that follows the name."""
    names = [u for u in units if u[TERM] is None and u[CAP] and namelike(u[LOW])]
    if names and len(names) == len(units) and side.actors:
        _learn(names, side.actors, side.member, tied)


def _named_conjuncts(units: Sequence[Unit], actors: tuple[str, ...]) -> tuple[str, ...]:
    """ "President X and Dutch Prime Minister Y held a call": a conjunct with its own side's
    adjective before an office, and no alias or speaker of its own, adds that side to the
    phrase's (the office is no one else's for being joined to another side's speaker)."""
    extra: list[str] = []
    for part in _conjuncts(units):
        terms = [u[TERM] for u in part if u[TERM] is not None]
        if (
            terms
            and terms[0].kind == "adjective"
            and any(t.kind == "role" for t in terms)
            and not any(t.kind in ("alias", "speaker") for t in terms)
        ):
            extra += terms[0].actors
    return tuple(dict.fromkeys([*actors, *extra])) if extra else actors


def _conjuncts(units: Sequence[Unit]) -> Iterator[list[Unit]]:
    """The parts of a phrase that "and" joins, in order."""
    part: list[Unit] = []
    for unit in units:
        if unit[LOW] == "and":
            yield part
            part = []
        else:
            part.append(unit)
    yield part


def _conjunct_ties(units: Sequence[Unit]) -> list[Tie]:
    """ "Foreign Minister of Ukraine Andrii Sybiha and Foreign Minister of Germany Johann
    Wadephul": each name belongs to the actor named in its own conjunct only."""
    ties: list[Tie] = []
    for part in _conjuncts(units):
        names = [
            u
            for u in part
            if u[TERM] is None and u[CAP] and u[LOW] not in ARTICLES and namelike(u[LOW])
        ]
        terms = [u[TERM] for u in part if u[TERM] is not None]
        direct = [a for t in terms if t.kind in ("alias", "speaker") for a in t.actors]
        adjective = [a for t in terms if t.kind == "adjective" for a in t.actors]
        actors = tuple(dict.fromkeys(direct or adjective))
        if len(actors) == 1 and names:
            member = all(t.member for t in terms if t.actors)
            ties.extend(_ties(names, actors, member))
    return ties


def tie_names(names: Sequence[Unit], actors: tuple[str, ...], member: bool, tied: Names) -> None:
    """Tie a person's name words to the actor their title names, for the rest of the article."""
    _learn(list(names), actors, member, tied)


# A credit word and its colon or dash, at a line's start or after its last sentence ("...
# low power.", – WRITE: ..."), or a line that opens with "Originally published on", then a
# site's address ending the line ("... was published on mid.ru" in a story is a citation).
CREDIT = re.compile(
    r"(?:(?:^|[\s,.;)\u201d\"\u00bb])\W*(?:source|sources|write|writes|via|"
    r"read\s+(?:more|the\s+original)(?:\s+(?:on|at))?)\s*(?::|[\u2013\u2014-])"
    r"|^\W*(?:(?:originally|first)\s+)?(?:published|posted)\s+(?:on|at|by)\s|^\W*taken\s+from\s)"
    r"\s*(?:https?://)?(?P<host>(?:[a-z0-9-]+\.)+[a-z]{2,})(?:/[^\s)\]]*)?\s*[)\]]?\s*\.?\s*$",
    re.IGNORECASE,
)

# The credit words every `CREDIT` match holds ("source", "write", "via", ...).
_CREDIT_WORDS = Prefiltered(CREDIT, caseless_groups(CREDIT.pattern, CREDIT.flags))


def find_credit(text: str) -> re.Match[str] | None:
    """`CREDIT`'s match in a block's `text`, searched for only where a credit word stands.

    Why: the pattern opens with no literal for the engine to skip ahead to, so a search tried
    it at every character of every block; a plain test for its words rules most blocks out."""
    return CREDIT.search(text) if _CREDIT_WORDS.may_match(text) else None
