"""The house style the rules read (reader.classify.typography): each row of its table, and
that what the user is shown stays the article's own text."""

from __future__ import annotations

import pytest

from reader.classify import classify
from reader.classify.typography import SPACES, TABLE, retype
from reader.config import Config, load_config
from reader.model import Article, Block


@pytest.fixture(scope="module")
def config() -> Config:
    return load_config()


# One row of `TABLE` each: (text, what the rules read).
CASES = [
    *((f"said{space}Peskov", "said Peskov") for space in SPACES),
    ("«Ready,» he said", "“Ready,” he said"),
    ("the sign «Tur,« told", "the sign “Tur,” told"),
    ("»Ready,« he said", "“Ready,” he said"),
    ("« prêt », dit-il", "“ prêt ”, dit-il"),
    ("‹Ready,› he said", "‘Ready,’ he said"),
    ("„Nein“, sagte er", "“Nein”, sagte er"),
    ("an hour later,“ he said", "an hour later,” he said"),
    ("‚nein‘ sagte er", "‘nein’ sagte er"),
    ("the ‘pause‘ ended", "the ‘pause’ ended"),
    ("Talks frozen ― Kremlin", "Talks frozen — Kremlin"),
    ("Talks frozen -- Kremlin", "Talks frozen — Kremlin"),
    ("a provocation--and more", "a provocation—and more"),
    ("BRUSSELS --- The talks", "BRUSSELS — The talks"),
]


def test_every_row_of_the_table_has_a_case() -> None:
    for what, becomes, _ in TABLE:
        assert any(what in text and becomes in read for text, read in CASES), what


@pytest.mark.parametrize(("text", "read"), CASES)
def test_each_mark_is_read_in_the_house_style(text: str, read: str) -> None:
    assert retype(text).text == read


@pytest.mark.parametrize(
    "text",
    [
        "“Ready,” he said — adding ‘no’; rock ‘n’ roll",  # the house style stays as it is
        '"Ready," he said - adding',
        "<!-- a comment -->",  # a run of hyphens that is no dash
        "a rule: ----- and an arrow -->",
        "BRUSSELS —\nthe talks",
    ],
)
def test_what_is_already_the_house_style_stays(text: str) -> None:
    typed = retype(text)
    assert typed.text == text
    assert typed.origin is None


def test_one_for_one_but_for_the_double_hyphen() -> None:
    for text, _ in CASES:
        typed = retype(text)
        assert (typed.origin is None) == ("--" not in text)
    typed = retype("X said -- adding")
    assert typed.origin is not None
    assert [typed.origin[i] for i in (6, 7, 8)] == [6, 7, 9]  # " ", "—", " " from " -- "
    assert typed.origin[len(typed.text)] == len("X said -- adding")


def _article(*texts: str) -> Article:
    return Article("t", None, tuple(Block(i, "paragraph", t, i + 1) for i, t in enumerate(texts)))


def test_a_sentence_gets_its_curly_twins_label_and_evidence_from_its_own_text(
    config: Config,
) -> None:
    twins = [
        "“We will answer,” Kremlin spokesman Dmitry Peskov said.",
        "«We will answer,» Kremlin\u00a0spokesman Dmitry Peskov said.",
        "„We will answer,“ Kremlin spokesman\u202fDmitry Peskov said.",
    ]
    article = _article(*twins)
    verdicts = classify(article, config).verdicts
    assert [v.labels for v in verdicts] == [("russia",)] * 3
    for text, verdict in zip(twins, verdicts, strict=True):
        assert verdict.evidence
        for ev in verdict.evidence:
            assert ev.text == text[ev.start : ev.end]
        assert verdict.speaker_span is not None
        start, end = verdict.speaker_span
        assert text[start:end].endswith("Dmitry Peskov")
    assert any("\u00a0" in ev.text for ev in verdicts[1].evidence)  # the article's own space


def test_spans_after_a_double_hyphen_point_at_the_articles_text(config: Config) -> None:
    text = "Moscow will respond -- Kremlin spokesman Dmitry Peskov said on Friday."
    verdict = classify(_article(text), config).verdicts[0]
    assert verdict.labels == ("russia",)
    for ev in verdict.evidence:
        assert ev.text == text[ev.start : ev.end]
    after = [ev for ev in verdict.evidence if ev.start > text.index("--")]
    assert after  # found in the retyped text, one character shorter there
    assert {ev.text for ev in after} == {"Kremlin", "Dmitry Peskov"}


def test_the_article_shown_is_the_articles_own(config: Config) -> None:
    article = _article("«Ready,» said Peskov -- adding\u00a0more.")
    classified = classify(article, config)
    assert classified.article is article
    assert classified.article.blocks[0].text == "«Ready,» said Peskov -- adding\u00a0more."
