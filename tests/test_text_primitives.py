"""The text primitives every step of the classifier reads a block through, as tables: where
sentences end, what is quoted, what the units are, which noun phrase ends before a verb and
whom it stands for, and which wire datelines open a story. A wrong row here is a wrong label
later (a speaker split from his verb, a quote read as the narrator's)."""

from __future__ import annotations

import pytest

from reader.classify.datelines import agency_city, dateline
from reader.classify.marks import double_quoted
from reader.classify.phrasebounds import np_before
from reader.classify.phrases import resolve
from reader.classify.scan import Budget, prepare_chunk
from reader.classify.types import BlockWork
from reader.classify.units import in_spans, merged, quoted_spans, sentence_spans
from reader.config import Config, load_config
from reader.model import Block
from reader.rules.compile import name_variants


@pytest.fixture(scope="module")
def config() -> Config:
    return load_config()


def _work(text: str, config: Config) -> BlockWork:
    return prepare_chunk([Block(0, "paragraph", text, 1)], config.rules, Budget(1.0, None), {})[0]


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("Peskov said no. Russia agreed!", ["Peskov said no. ", "Russia agreed!"]),
        ("Mr. Peskov said no.", ["Mr. Peskov said no."]),
        (
            "U.S. officials said so. The E.U. agreed.",
            ["U.S. officials said so. ", "The E.U. agreed."],
        ),
        ("It rose 3.5 percent. Analysts said so.", ["It rose 3.5 percent. ", "Analysts said so."]),
        ("“We won.” Then he left.", ["“We won.” ", "Then he left."]),
        ("What now? Nobody knows… Really.", ["What now? ", "Nobody knows… ", "Really."]),
        ("no capital after. the end", ["no capital after. the end"]),
        ("A No. 10 spokesman said so. Then.", ["A No. 10 spokesman said so. ", "Then."]),
        (
            "Asked about talks, Peskov said: No. The Kremlin waits.",
            ["Asked about talks, Peskov said: No. ", "The Kremlin waits."],
        ),
    ],
    ids=[
        "two",
        "title-abbreviation",
        "initialisms",
        "decimal",
        "closing-quote",
        "?-and-…",
        "lower",
        "number-abbreviation",
        "no-ends-a-sentence",
    ],
)
def test_sentences(text: str, sentences: list[str]) -> None:
    assert [text[a:b] for a, b in sentence_spans(text)] == sentences


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ("“We will win,” he said.", ["“We will win,”"]),
        ("He called it ‘a crime’ and left.", ["‘a crime’"]),
        ("Russia’s envoy said «nyet».", ["«nyet»"]),
        ('He said "no" twice: "no".', ['"no"', '"no"']),
        ("“We will not stop", ["“We will not stop"]),
        ("It's the bloc's view, 'they said'.", ["'they said'"]),
        ("Russia’s and Ukraine’s envoys met.", []),
        ("”We will win,” he said.", ["”We will win,”"]),
        ("He added: ”Russia will lose.” Then he left.", ["”Russia will lose.”"]),
        ("would go on,” he said. “No truce.”", ["“No truce.”"]),
    ],
    ids=[
        "curly",
        "single",
        "guillemets",
        "straight-twice",
        "unclosed-runs-on",
        "apostrophes",
        "none",
        "closing-mark-opens",
        "closing-mark-opens-mid-line",
        "closing-mark-closes-a-quote-from-before",
    ],
)
def test_quotes(text: str, quoted: list[str]) -> None:
    """As the classifier reads a block: a quote's single marks made double ones first."""
    assert [text[a:b] for a, b in quoted_spans(double_quoted(text))] == quoted


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ('would go on," he said. "No truce."', ['would go on,"', '"No truce."']),
        ("the front will hold.”", ["the front will hold.”"]),
        ('He said it was "over" then.', ['"over"']),
    ],
    ids=["straight-closes-the-quote-before", "curly-closes-the-quote-before", "opens-its-own"],
)
def test_quotes_run_on(text: str, quoted: list[str]) -> None:
    """After a paragraph that ended inside a quote, a first mark set where a quote closes closes
    that quote, which runs from the block's start."""
    assert [text[a:b] for a, b in quoted_spans(text, runs_on=True)] == quoted


@pytest.mark.parametrize(
    ("text", "units"),
    [
        (
            "Kremlin spokesman Dmitry Peskov said the talks failed.",
            ["kremlin", "spokesman", "dmitry peskov", "said", "the", "talks", "failed", "."],
        ),
        (
            "Ukraine's Foreign Minister Andrii Sybiha said.",
            ["ukraine's", "foreign minister", "andrii sybiha", "said", "."],
        ),
        ("Kosiniak-Kamysz said: no.", ["kosiniak-kamysz", "said", ":", "no", "."]),
    ],
    ids=["speaker-term", "possessive-and-role", "hyphenated-name"],
)
def test_units_are_tokens_with_lexicon_terms_merged(
    text: str, units: list[str], config: Config
) -> None:
    assert [unit[2] for unit in _work(text, config).units] == units


@pytest.mark.parametrize(
    ("text", "phrase", "kind", "actors"),
    [
        (
            "Kremlin spokesman Dmitry Peskov said",
            "Kremlin spokesman Dmitry Peskov",
            "actor",
            ("russia",),
        ),
        ("On Friday Zelensky said", "Zelensky", "actor", ("ukraine",)),
        ("A source in the SBU said", "A source in the SBU", "actor", ("ukraine",)),
        (
            "Russia's ambassador to the UN said",
            "Russia's ambassador to the UN",
            "actor",
            ("russia",),
        ),
        ("Ukrainian naval officers said", "Ukrainian naval officers", "actor", ("ukraine",)),
        (
            "The US special envoy for Ukraine and Russia said",
            "The US special envoy for Ukraine and Russia",
            "actor",
            ("nato",),
        ),
        ("The Kyiv Independent said", "The Kyiv Independent", "unknown", ()),
        ("Foreign Minister Ahmad Karimi said", "Foreign Minister Ahmad Karimi", "unknown", ()),
        ("The minister said", "The minister", "role", ()),
    ],
    ids=[
        "title-and-name",
        "calendar-word-left-out",
        "source-in-body",
        "envoy-to-host",
        "modifier-before-role",
        "envoy-for-hosts",
        "newspaper-name",
        "fourth-party-minister",
        "bare-role",
    ],
)
def test_the_noun_phrase_before_a_verb_and_whom_it_stands_for(
    text: str, phrase: str, kind: str, actors: tuple[str, ...], config: Config
) -> None:
    units = _work(text, config).units
    verb = next(i for i, unit in enumerate(units) if unit[2] == "said")
    a, b = np_before(units, verb - 1, 0)
    assert text[units[a][0] : units[b - 1][1]] == phrase
    who = resolve(units[a:b], {})
    assert (who.kind, who.actors) == (kind, actors)


def test_resolving_a_phrase_learns_nothing_until_asked(config: Config) -> None:
    """A lookup is pure: the names a phrase ties to its side come back with the answer."""
    units = _work("Senator Lindsey Graham said", config).units
    tied: dict[str, tuple[tuple[str, ...], bool]] = {}
    who = resolve(units[:3], tied)
    assert tied == {}
    assert ("graham", ("nato",)) in [(name, actors) for name, actors, _, _ in who.ties]


@pytest.mark.parametrize(
    ("text", "opening", "city"),
    [
        ("KYIV, Ukraine (AP) — Russia said", "KYIV, Ukraine (AP) — ", "KYIV"),
        ("ROME/BEIJING (AP) — The pope said", "ROME/BEIJING (AP) — ", "ROME/BEIJING"),
        ("RIGA / OSLO (Reuters) – The envoys said", "RIGA / OSLO (Reuters) – ", "RIGA / OSLO"),
        ("KYIV, March 3 (Reuters) - Ukraine said", "KYIV, March 3 (Reuters) - ", "KYIV"),
        (
            "MELITOPOL, September 16. /TASS/. The head",
            "MELITOPOL, September 16. /TASS/. ",
            "MELITOPOL",
        ),
        ("NEW YORK (AP) — The UN said", "NEW YORK (AP) — ", "NEW YORK"),
        ("MOSCOW, Nov 3 - Russia said", "MOSCOW, Nov 3 - ", "MOSCOW"),
        ("BRUSSELS - NATO said", "BRUSSELS - ", "BRUSSELS"),
        ("KYIV, Ukraine — Russian forces", "KYIV, Ukraine — ", "KYIV"),
        ("NATO, allies agree — sources say", None, None),
        ("NATO said on Monday", None, None),
        ("Kyiv — lower-case place", None, None),
        ("Kyiv (AP) — lower-case place", "Kyiv (AP) — ", "Kyiv"),
        (
            "Moscow/Kiev, 15 April 2025 (dpa/MIA) - The governor",
            "Moscow/Kiev, 15 April 2025 (dpa/MIA) - ",
            "Moscow/Kiev",
        ),
        ("OSLO (Reuters) -Norwegian police said", "OSLO (Reuters) -", "OSLO"),
        ("OSLO (Reuters) -  Norwegian police said", "OSLO (Reuters) -  ", "OSLO"),
        (
            "RIGA (Baltic Wire / Sputnik - 4th May, 2031) Latvia said",
            "RIGA (Baltic Wire / Sputnik - 4th May, 2031) ",
            "RIGA",
        ),
        ("RIGA (Latvia) The drills", None, None),
    ],
    ids=[
        "AP-with-country",
        "AP-two-cities",
        "Reuters-two-cities-spaced",
        "Reuters-with-date",
        "TASS",
        "two-word-city",
        "date-and-dash",
        "dash-alone",
        "country-and-dash",
        "headline-not-dateline",
        "sentence",
        "not-capitals",
        "title-case-with-agency",
        "title-case-cities-date-agency",
        "agency-dash-glued",
        "agency-dash-two-spaces",
        "syndicator-dated-bracket",
        "bracket-no-dash-no-year",
    ],
)
def test_datelines(text: str, opening: str | None, city: str | None) -> None:
    """One dateline rule for both its uses: its text is no one's statement, and a dateline
    (a wire's or a newspaper's) may put the story on its city's side (`city`)."""
    match = dateline(text)
    assert (match.group(0) if match else None) == opening
    assert agency_city(text) == city


def test_spans_lookups() -> None:
    spans = merged([(10, 20), (0, 5), (15, 30), (40, 40)])
    assert spans == [(0, 5), (10, 30)]
    assert [pos for pos in (0, 4, 5, 9, 10, 29, 30, 40) if in_spans(pos, spans)] == [0, 4, 10, 29]


def test_a_long_block_is_tokenised_in_windows_with_the_same_units(config: Config) -> None:
    """Past 64K characters a block is tokenised a window at a time (so a cancel is seen in
    time); the windows are cut at spaces, so the units are those of one pass."""
    from reader.classify import units as units_module

    text = "Kremlin spokesman Dmitry Peskov said the ex-NATO chief's view was wrong. " * 2000
    checks: list[int] = []
    work = _work(text, config)
    windowed, _, _ = units_module.tokenise(text, work.folded, work.terms, lambda: checks.append(1))
    one_pass = [(m.start(), m.end(), m.group()) for m in units_module._TOKEN.finditer(work.folded)]
    plain = [u[:3] for u in units_module.tokenise(text, work.folded, [])[0]]
    assert plain == one_pass
    assert windowed == work.units
    assert len(checks) >= len(text) // (1 << 16)


@pytest.mark.parametrize(
    ("name", "variants"),
    [
        ("Kyrylo Syrskyi", ["Kyrylo Syrsky", "Kyrylo Syrskiy", "Kyrylo Syrskyy"]),
        ("Andrii Sybiha", ["Andriy Sybiha"]),
        ("Zelensky", ["Zelenskyy", "Zelenskiy", "Zelenskyi"]),
        ("Peskov", []),
        ("Li", []),
        ("Sergei Naryshkin", ["Sergey Naryshkin"]),
        ("Oleh Nikolenko", ["Oleg Nikolenko"]),
        ("Petr Pavel", []),
        (
            "Sergei Kiriyenko",
            [
                "Sergei Kirienko",
                "Sergei Kiriienko",
                "Sergey Kiriyenko",
                "Sergey Kirienko",
                "Sergey Kiriienko",
            ],
        ),
        (
            "Vasily Nebenzya",
            [
                "Vasily Nebenzia",
                "Vasiliy Nebenzya",
                "Vasiliy Nebenzia",
                "Vassily Nebenzya",
                "Vassily Nebenzia",
            ],
        ),
        ("Konstantin Kosachev", ["Konstantin Kosachyov"]),
        ("Kovalenko", []),
    ],
    ids=[
        "surname-ending",
        "first-name-ending",
        "sky",
        "no-slavic-ending",
        "too-short",
        "given-name",
        "ukrainian-given-name",
        "given-name-only-first",
        "iyenko",
        "soft-vowel-and-given-name",
        "yo-after-hushing",
        "plain-enko",
    ],
)
def test_name_variants(name: str, variants: list[str]) -> None:
    """Another spelling of a listed speaker's name by its ending: the lexicon lists one."""
    assert name_variants(name) == variants
