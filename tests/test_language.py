"""The English-or-not guess behind the reader's "rules are English-only" notice."""

from __future__ import annotations

import random

import pytest

from reader.language import count_not_english, language_notice, looks_english
from reader.model import Block


@pytest.mark.parametrize(
    ("text", "english"),
    [
        (
            "Kremlin spokesman Dmitry Peskov said on Monday that the talks had produced nothing.",
            True,
        ),
        ("“We have said it many times: air defence is the most urgent need,” he added.", True),
        (
            "Le Kremlin a déclaré mardi que les négociations avec l'Ukraine ne progressaient pas.",
            False,
        ),
        (
            "Der Kreml erklärte am Dienstag, dass die Verhandlungen keine Fortschritte machten.",
            False,
        ),
        (
            "El Kremlin dijo el martes que las negociaciones con Ucrania no avanzaban en absoluto.",
            False,
        ),
        ("Кремль заявил во вторник, что переговоры с Украиной не продвигаются.", False),
        ("克里姆林宫周二表示，与乌克兰的谈判没有取得任何进展。", False),
        ("Kyiv, Kharkiv, Odesa, Lviv", None),  # too short to judge
    ],
)
def test_looks_english(text: str, english: bool | None) -> None:
    assert looks_english(text) is english


def test_titles_and_list_items_are_not_judged_headlinese_has_no_function_words() -> None:
    headline = "Russian missile strike on Kharkiv apartment block kills 9, Ukrainian officials say"
    blocks = [Block(0, "title", headline, 1), Block(1, "item", headline, 2)]
    assert count_not_english(blocks) == 0


def test_a_long_article_is_counted_from_a_sample() -> None:
    french = "Le Kremlin a déclaré mardi que les négociations ne progressaient pas du tout."
    english = "The Kremlin said on Tuesday that the talks had made no progress at all."
    rng = random.Random(3)
    texts = [french if rng.random() < 0.25 else english for _ in range(70_000)]
    blocks = [Block(i, "paragraph", text, i) for i, text in enumerate(texts)]
    assert count_not_english(blocks) == pytest.approx(texts.count(french), rel=0.1)


def test_the_notice_counts_blocks() -> None:
    assert language_notice(0, 10) is None
    assert language_notice(1, 10) == (
        "1 of 10 blocks does not look English: the rules are English-only, so it gets no label"
    )
