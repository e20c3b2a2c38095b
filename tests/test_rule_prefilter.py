"""A rule regex is skipped only where it cannot match: the compiler's literal prefilter
(reader.rules.prefilter) never hides a match a rule writer's pattern would have found."""

from __future__ import annotations

import sys
import warnings
from collections.abc import Iterable, Iterator
from itertools import accumulate
from pathlib import Path

import pytest
import regex

from reader.classify.scan import _holding, _holding_match
from reader.config import Config, load_config
from reader.load import Document, sniff_format
from reader.parse import parse
from reader.rules.compile import fold
from reader.rules.prefilter import (
    CaseProbe,
    Prefiltered,
    Words,
    first_needs,
    holds_all,
    literal_groups,
    may_match_each,
    need_search,
    prefiltered,
    required_strings,
    word_needs,
)

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="module")
def config() -> Config:
    return load_config()


@pytest.fixture(scope="module")
def folded_blocks() -> list[str]:
    """Every block of the labelled articles, folded as the classifier scans it."""
    out: list[str] = []
    for path in sorted(DATA.glob("*/*.txt")) + sorted(DATA.glob("*/*.md")):
        text = path.read_text(encoding="utf-8")
        article = parse(Document(str(path), text, sniff_format(text)))
        out.extend(fold(block.text) for block in article.blocks)
    return out


def test_every_bundled_rule_regex_that_matches_a_block_passes_its_prefilter(
    config: Config, folded_blocks: list[str]
) -> None:
    checked = 0
    for rule in (*config.rules.exclusion_regex, *config.rules.framing_regex):
        for rx in rule.regexes:
            for block in folded_blocks:
                if rx.pattern.search(block) is not None:
                    checked += 1
                    assert rx.need is None or rx.need.search(block) is not None, rule.id
                    assert holds_all(block, rx.groups), rule.id
    assert checked > 50  # the rules do match the articles: the check is not vacuous


def test_the_blocks_that_hold_a_needed_string_are_the_blocks_its_search_finds(
    config: Config, folded_blocks: list[str]
) -> None:
    # `str.find` for the strings a chunk holds stands in for the `regex` alternation of them all.
    text = "\n".join(folded_blocks)
    words = Words(text)
    bounds = list(accumulate((len(block) + 1 for block in folded_blocks[:-1]), initial=0))
    checked = 0
    for rule in (*config.rules.exclusion_regex, *config.rules.framing_regex):
        for rx in rule.regexes:
            if rx.need_strings:
                held = [s for s in rx.need_strings if s in words]
                found = _holding(held, text, bounds)
                assert found == _holding_match(rx.need.search, text, bounds), rule.id
                checked += bool(found)
    assert checked > 20


def test_every_title_pattern_that_matches_a_block_is_still_found(
    config: Config, folded_blocks: list[str]
) -> None:
    checked = 0
    for rule in config.rules.sources:
        for guarded in (*rule.titles, *rule.openings):
            for block in folded_blocks[:400]:
                found = guarded.pattern.search(block)
                if found is not None:
                    checked += 1
                    assert guarded.search(block) is not None, rule.id
    assert checked > 5


def _matched(
    guarded: Iterable[tuple[str, Prefiltered]], blocks: list[str]
) -> Iterator[tuple[str, Prefiltered, str]]:
    """(rule id, pattern, block) for each block that each of the `guarded` patterns matches."""
    for rule_id, pattern in guarded:
        for block in blocks:
            if pattern.pattern.search(block) is not None:
                yield rule_id, pattern, block


def test_every_source_pattern_that_matches_a_block_holds_one_of_its_words_whole(
    config: Config, folded_blocks: list[str]
) -> None:
    sources = [(r.id, p) for r in config.rules.sources for p in (*r.titles, *r.openings)]
    checked = 0
    for rule_id, guarded, block in _matched(sources, folded_blocks):
        need = word_needs(guarded.pattern.pattern, guarded.pattern.flags)
        if need is not None:
            words, spaced = need
            after = r"(?!\S)" if spaced else r"\b"
            whole = regex.compile(rf"\b(?:{'|'.join(map(regex.escape, words))}){after}", regex.I)
            assert whole.search(block) is not None, rule_id
            checked += 1
    assert checked > 20


def test_every_block_a_meeting_opening_matches_passes_their_one_search(
    config: Config, folded_blocks: list[str]
) -> None:
    needs = config.rules.meeting_needs
    assert needs is not None and needs.pattern.endswith(("(?!\\S)", "(?a:\\b)"))  # words alone
    meetings = [(rule.id, pattern) for rule, pattern in config.rules.meetings]
    checked = 0
    for rule_id, _, block in _matched(meetings, folded_blocks):
        assert may_match_each(needs, block, [0]) == [True], rule_id
        checked += 1
    assert checked > 5


def test_every_space_a_pattern_matches_is_a_space_to_the_words_search() -> None:
    # `first_needs` reads `regex`'s `\\s` after a word as a character `str.isspace` holds for
    every_character = "".join(map(chr, range(sys.maxunicode + 1)))
    for flags in (0, regex.ASCII):
        assert all(c.isspace() for c in regex.findall(r"\\s", every_character, flags))


@pytest.mark.parametrize(
    ("source", "words", "spaced"),
    [
        (r"\s+met\s", {"met"}, True),
        (r"^met(?=\s*,)", {"met"}, False),  # the text's start; a lookahead with no letter
        (r"\b(?:met|spoke)(?:\s|$)", {"met", "spoke"}, True),  # a space or the end after it
        (r"\b(?:met|spoke)(?:\s|\.)", {"met", "spoke"}, False),
        (r"\s(?:held\s+)+", {"held"}, True),  # the first time round, a space after it
        (r",\s*and\b", {"and"}, False),
        (r"\W(?:(?:phone|video)\s+)?calls?\W", None, False),  # "call" or "calls": not whole
        (r"\Wcall(?:ed|s)?\W", None, False),  # an optional ending: not derived (a safe miss)
    ],
)
def test_a_word_the_pattern_sets_off_is_needed_whole(
    source: str, words: set[str] | None, spaced: bool
) -> None:
    assert word_needs(source) == (None if words is None else (frozenset(words), spaced))


@pytest.mark.parametrize(
    "source",
    [
        r"(?:re)?met\b",  # "remet": letters may come before it
        r"spoke",  # "spokesman"
        r"\bspoke\w*",
        r"\bmet(?=\s*,|x)",  # "metx"
        r"(?:held\s+)+",  # nothing before the first "held"
        r"[^,]and\b",  # "band"
        r"\W?and\W",
        r"\bmet_",  # "_" is a word character
    ],
)
def test_a_word_that_may_stand_inside_a_longer_one_is_not_needed_whole(source: str) -> None:
    assert word_needs(source) is None


def test_one_search_for_several_patterns_skips_a_word_only_inside_longer_ones() -> None:
    patterns = [
        prefiltered(r"^\W*(?P<a>[^,]{3,40}?)\s+(?:met|spoke)\s+with\s", regex.I),
        prefiltered(r"^\W*(?P<a>[^,]{3,40}?)\s+and\s+(?P<b>[^,]{3,40}?)\s+said\b", regex.I),
    ]
    needs = first_needs(patterns)
    assert needs is not None
    skipped = "the 1,000-kilometre front line holds thousands of spokesmen, as they met."
    held = ["the premier met with the envoy", "rome and paris said no"]
    joined = "\n".join([skipped, *held, skipped])
    bounds = [0, len(skipped) + 1, len(skipped) + len(held[0]) + 2, joined.rindex("\n") + 1]
    assert may_match_each(needs, joined, bounds) == [False, True, True, False]
    for text in held:
        assert any(p.search(CaseProbe(text)) for p in patterns)
    # a letter that matches an ASCII one in another case: searched as before
    assert may_match_each(needs, joined + " the \u017fpeaker", bounds) == [True] * 4


def test_a_pattern_that_needs_a_word_is_skipped_in_text_without_it() -> None:
    guarded = prefiltered(r"^\W*readout\s+of\s+(?P<speaker>[^:;]{3,60}?)'s\s+call", regex.I)
    assert guarded.groups  # "readout", "call"
    assert guarded.search("the minister's remarks on the call") is None
    assert guarded.search("Readout of the Secretary's call with Kuleba") is not None


def test_a_block_that_lacks_any_one_needed_word_is_skipped() -> None:
    # "talks" alone (the most selective word) is in many blocks; "took" or "takes" and "part"
    # are needed as well, and a block without them is not worth the regex.
    source = r"\b(?:took|takes)\s+part\s+in\s+(?:the\s+)?(?:talks|summit)\b(?![^.;]*\bsaying\b)"
    groups = literal_groups(source)
    assert len(groups) == 3
    assert not holds_all("the talks in istanbul produced nothing", groups)
    assert not holds_all("he took the summit seriously", groups)
    assert holds_all("the premier took part in the summit", groups)
    assert regex.search(source, "the premier took part in the summit") is not None


def test_a_case_insensitive_pattern_leaves_its_words_to_the_timed_search() -> None:
    assert literal_groups(r"(?i)\bpart\s+in\b", regex.compile(r"(?i)part").flags) == ()


def test_letters_that_match_ascii_case_insensitively_are_searched_as_before() -> None:
    # The long s and the Kelvin sign match "s" and "k" case-insensitively in `regex`.
    guarded = prefiltered(r"\bspeaks\b", regex.I)
    assert guarded.search("he \u017fpeaks") is not None
    assert prefiltered(r"kyiv", regex.I).search("\u212ayiv") is not None


def test_syntax_the_standard_parser_reads_otherwise_gets_no_prefilter() -> None:
    assert required_strings(r"(?:warned){e<=1}") == []  # regex's fuzzy matching
    assert required_strings(r"[[:alpha:]]+ said") == []  # a POSIX class
    assert required_strings(r"\p{Lu}\w+ said") == []  # a regex-only escape
    assert need_search(r"(?i:NATO) said") is not None  # "said" still holds
    assert need_search(r"(?i:NATO)") is None  # a group's own case rule: not read


@pytest.mark.parametrize("text", ["foreign ministry said no", "foreign \u00a0ministry said no"])
def test_a_verbose_pattern_gets_no_prefilter(text: str) -> None:
    """Versions of `regex` differ on whether verbose mode skips a no-break space, and the
    standard parser keeps it as text: whatever the installed `regex` does, the prefilter
    never decides, so the guarded search finds exactly what the pattern finds."""
    source = "(?x) foreign \\s+ \u00a0 ministry \\s+ said"
    pattern = regex.compile(source, regex.IGNORECASE)
    assert required_strings(source, pattern.flags) == []
    assert need_search(source, pattern.flags) is None
    guarded = prefiltered(source, regex.IGNORECASE)
    assert (guarded.search(text) is None) == (pattern.search(text) is None)


def test_a_pattern_the_standard_parser_warns_about_prints_nothing(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        required_strings("[[a]bcd said")
    assert capsys.readouterr().err == ""


def test_a_chunks_words_answer_in_as_its_text_does() -> None:
    text = "the premier took part,\nin the\u00a0summit's talks (held-over)"
    words = Words(text)
    for string in (
        "took",
        "part,",
        "art,",
        "summit's",
        "held-over",
        "(held",
        "ok pa",
        "in the",
        "e\u00a0s",
        "talks (",
        "premier took part",
        "takes",
        "sum mit",
        "\n",
        " ",
        "over)",
    ):
        assert (string in words) == (string in text), string
    assert holds_all(words, (("takes", "took"), ("summit",)))
    assert not holds_all(words, (("took",), ("talks in",)))
