"""A headline all in capitals or all in lower case is read in its article's casing
(reader.classify.headcase): the text the classifier reads, not the text shown."""

from __future__ import annotations

import pytest

from reader.classify import classify
from reader.classify.headcase import body_casing, recase, written_case
from reader.classify.scan import Budget, prepare_chunk
from reader.config import Config, load_config
from reader.model import Article, Block


@pytest.fixture(scope="module")
def config() -> Config:
    return load_config()


def _article(title: str, *paragraphs: str) -> Article:
    texts = [title, *paragraphs]
    blocks = tuple(
        Block(i, "title" if i == 0 else "paragraph", text, i + 1) for i, text in enumerate(texts)
    )
    return Article("test", title, blocks)


# (headline as written, the story's first paragraph, the headline as the classifier reads it)
RECASED = [
    (
        "KREMLIN SAYS NATO EXPANSION A THREAT",
        "Kremlin spokesman Dmitry Peskov said NATO's growth was a threat to Russia.",
        "Kremlin says NATO expansion a threat",
    ),
    (
        "zelensky says ukraine will not cede territory",
        "President Volodymyr Zelensky said Ukraine would not cede any territory.",
        "Zelensky says Ukraine will not cede territory",
    ),
    (  # a word the story does not write: lower case; a lexicon's acronym stays one
        "EU ENVOY DEMANDS CALM",
        "The envoy spoke in Brussels.",
        "EU envoy demands calm",
    ),
    (  # a sentence's first word and a dateline's capitals say nothing of a word's case
        "KYIV WARNS OF NEW STRIKES",
        "KYIV (Reuters) - Officials warned of new strikes. New strikes came at night, it warns.",
        "Kyiv warns of new strikes",
    ),
    (  # "US" beside the pronoun "us": the abbreviation; a function word stays lower case
        "us envoy tells us nothing, says it",
        "It was the US envoy who told us nothing, the US embassy said.",
        "US envoy tells US nothing, says it",
    ),
    (  # a lexicon's name the story does not write takes a capital; months take one
        "kallas to visit kyiv in june",
        "The visit was announced on Friday.",
        "Kallas to visit Kyiv in June",
    ),
]


@pytest.mark.parametrize(("title", "body", "expected"), RECASED)
def test_a_headline_takes_its_story_casing(
    config: Config, title: str, body: str, expected: str
) -> None:
    case = written_case(title)
    head = [t for t in config.rules.terms.scan(title.lower()) if t[1] <= len(title)]
    assert recase(title, case, body_casing([body]), head) == expected


@pytest.mark.parametrize(
    ("title", "case"),
    [
        ("NATO WARNS RUSSIA", "upper"),
        ("nato warns russia", "lower"),
        ("NATO warns Russia", ""),
        ("BREAKING", ""),  # one word: nothing to read in another case
        ("2024", ""),
    ],
)
def test_only_a_headline_in_one_case_is_recased(title: str, case: str) -> None:
    assert written_case(title) == case


def test_a_recased_slug_still_counts_as_a_slug(config: Config) -> None:
    article = _article("zelensky says ukraine will not cede territory", "Zelensky spoke in Kyiv.")
    works = prepare_chunk(article.blocks, config.rules, Budget(1.0, None), {})
    assert works[0].text == "Zelensky says Ukraine will not cede territory"
    assert works[0].recased == "lower" and works[0].written_lower
    assert not works[1].recased and not works[1].written_lower
    capitals = _article("ZELENSKY SAYS UKRAINE WILL NOT CEDE TERRITORY", "Zelensky spoke.")
    works = prepare_chunk(capitals.blocks, config.rules, Budget(1.0, None), {})
    assert works[0].recased == "upper" and not works[0].written_lower


def test_the_headline_shown_stays_as_written(config: Config) -> None:
    title = "KREMLIN SAYS NATO EXPANSION A THREAT"
    body = "Kremlin spokesman Dmitry Peskov said NATO's growth was a threat to Russia."
    result = classify(_article(title, body), config)
    assert result.article.blocks[0].text == title
    assert {e.text for e in result.verdicts[0].evidence} == {"KREMLIN SAYS"}
    twin = classify(_article("Kremlin says NATO expansion a threat", body), config)
    assert [v.labels for v in result.verdicts] == [v.labels for v in twin.verdicts]
    assert result.verdicts[0].labels == ("russia",)
