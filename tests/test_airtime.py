"""Airtime arithmetic on hand-made articles, and speakers found by the real classifier."""

from __future__ import annotations

import json

import pytest

from reader.airtime import NONE, airtime
from reader.classify import classify
from reader.config import Config, load_config
from reader.model import Actor, Article, Block, BlockKind, ClassifiedArticle, Verdict
from reader.output import render

ACTORS = (
    Actor("nato", "NATO", "#00f", "N"),
    Actor("russia", "Russia", "#f00", "R"),
    Actor("ukraine", "Ukraine", "#ff0", "U"),
)


@pytest.fixture(scope="module")
def config() -> Config:
    return load_config()


def _made(*blocks: tuple[BlockKind, str, Verdict]) -> ClassifiedArticle:
    article = Article(
        "made.txt",
        None,
        tuple(Block(i, kind, text, i + 1) for i, (kind, text, _) in enumerate(blocks)),
    )
    return ClassifiedArticle(article, ACTORS, tuple(verdict for _, _, verdict in blocks))


def _verdict(*labels: str, scores: dict[str, float] | None = None) -> Verdict:
    return Verdict(
        labels=labels,
        primary=labels[0] if labels else None,
        scores=scores or dict.fromkeys(labels, 1.0),
    )


def test_a_two_label_block_is_split_by_its_scores() -> None:
    result = airtime(
        _made(
            # 12 words: Russia scored 2.0, NATO 1.0 -> 8 and 4 words.
            (
                "paragraph",
                "one two three four five six seven eight nine ten eleven twelve",
                _verdict("russia", "nato", scores={"russia": 2.0, "nato": 1.0}),
            ),
            # 4 words, NATO alone.
            ("paragraph", "alpha beta gamma delta", _verdict("nato")),
            # 4 words, nobody's position.
            ("paragraph", "the weather was cold", _verdict()),
        )
    )
    assert result.words == 20
    assert result.actors["russia"].words == pytest.approx(8.0)
    assert result.actors["nato"].words == pytest.approx(8.0)
    assert result.actors[NONE].words == pytest.approx(4.0)
    assert result.actors["russia"].share == pytest.approx(0.4)
    assert result.actors["nato"].share == pytest.approx(0.4)
    assert result.actors[NONE].share == pytest.approx(0.2)
    assert result.actors["ukraine"].share == 0.0
    # A two-label block counts as a block for both.
    assert result.actors["nato"].blocks == 2
    assert result.actors["russia"].blocks == 1
    assert result.actors[NONE].blocks == 1
    assert sum(entry.share for entry in result.actors.values()) == pytest.approx(1.0)


def test_quotes_go_to_the_dominant_actor() -> None:
    result = airtime(
        _made(
            (
                "paragraph",
                "“We will respond,” he said, calling it “a provocation”.",
                _verdict("russia", "nato", scores={"russia": 2.0, "nato": 1.0}),
            ),
            ("quote", "Allies stand with Ukraine", _verdict("nato")),
            ("paragraph", "“Quiet,” said a resident.", _verdict()),
        )
    )
    assert result.actors["russia"].quotes == 2
    assert result.actors["nato"].quotes == 1  # a block quote without marks counts once
    assert result.actors[NONE].quotes == 1


def test_an_article_with_no_position_is_all_none() -> None:
    result = airtime(_made(("paragraph", "Snow fell on Tuesday.", _verdict())))
    assert result.actors[NONE].share == 1.0
    assert all(result.actors[a.id].share == 0.0 for a in ACTORS)
    assert all(result.actors[a.id].speakers == () for a in ACTORS)


def test_an_empty_article_has_no_airtime_and_no_division_by_zero() -> None:
    result = airtime(_made())
    assert result.words == 0
    assert set(result.actors) == {"nato", "russia", "ukraine", NONE}
    assert all(entry.share == 0.0 and entry.blocks == 0 for entry in result.actors.values())


def test_speakers_are_named_and_carried_through_he_said(config: Config) -> None:
    article = Article(
        "t",
        None,
        (
            Block(
                0, "paragraph", "Kremlin spokesman Dmitry Peskov said the drills were a threat.", 1
            ),
            Block(1, "paragraph", "“We are watching closely,” he said.", 2),
            Block(2, "paragraph", "Peskov added that talks were possible.", 3),
        ),
    )
    result = airtime(classify(article, config))
    first, carried, again = result.speakers
    assert first is not None and first.name == "Kremlin spokesman Dmitry Peskov"
    assert first.actor == "russia"
    assert article.blocks[0].text[first.start or 0 : first.end] == first.name
    assert carried is not None and carried.name == "Kremlin spokesman Dmitry Peskov"
    assert again is not None and again.name == "Peskov"
    # "Peskov" is the same speaker as the full title: listed once.
    assert result.actors["russia"].speakers == ("Kremlin spokesman Dmitry Peskov",)


def test_json_carries_airtime_and_speakers_as_added_keys(config: Config) -> None:
    article = Article(
        "t",
        None,
        (
            Block(0, "paragraph", "Russia rejected the truce, saying NATO would rearm.", 1),
            Block(1, "paragraph", "It rained.", 2),
        ),
    )
    data = json.loads(render([classify(article, config)], "json"))
    assert {"source", "title", "actors", "blocks"} <= set(data)
    assert set(data["airtime"]) == {"nato", "russia", "ukraine", "none"}
    russia = data["airtime"]["russia"]
    assert set(russia) == {"share", "words", "blocks", "quotes", "speakers"}
    assert russia["blocks"] == 1 and russia["speakers"] == ["Russia"]
    assert data["airtime"]["none"]["words"] == 2
    assert data["blocks"][0]["speaker"] == {
        "name": "Russia",
        "actor": "russia",
        "start": 0,
        "end": 6,
    }
    assert data["blocks"][1]["speaker"] is None


def test_quotes_in_guillemets_and_low_high_marks_count_as_the_classifier_reads_them() -> None:
    result = airtime(
        _made(
            (
                "paragraph",
                "«We will respond», he said, calling it ‹a provocation›.",
                _verdict("russia"),
            ),
            ("paragraph", "„Allies stand with Ukraine“, the minister said.", _verdict("nato")),
        )
    )
    assert result.actors["russia"].quotes == 2
    assert result.actors["nato"].quotes == 1
