"""The classifier's user-visible behaviour: whose viewpoint each block carries."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.classify import classify
from reader.config import Config, config_from_files, load_config
from reader.model import Article, Block, ClassifiedArticle
from reader.resources import bundled


@pytest.fixture(scope="module")
def config() -> Config:
    return load_config()


def _article(*paragraphs: str, title: str | None = None) -> Article:
    texts = ([title] if title is not None else []) + list(paragraphs)
    blocks = tuple(
        Block(i, "title" if title is not None and i == 0 else "paragraph", t, i + 1)
        for i, t in enumerate(texts)
    )
    return Article("test", title, blocks)


def _labels(result: ClassifiedArticle) -> list[list[str]]:
    return [list(v.labels) for v in result.verdicts]


def test_viewpoint_not_mentions(config: Config) -> None:
    result = classify(
        _article("Russia rejected the truce, saying Ukraine and its NATO backers would rearm."),
        config,
    )
    verdict = result.verdicts[0]
    assert verdict.labels == ("russia",)
    assert verdict.primary == "russia"
    attribution = [ev for ev in verdict.evidence if ev.kind == "attribution"]
    assert attribution and attribution[0].text.startswith("Russia rejected")
    text = result.article.blocks[0].text
    for ev in verdict.evidence:
        assert text[ev.start : ev.end] == ev.text


def test_quote_with_he_said_carries_the_speaker_across_blocks(config: Config) -> None:
    result = classify(
        _article(
            "Stoltenberg recalled that NATO members made two decisions in 2022.",
            "\u201cOne was to step up our support for Ukraine,\u201d he said.",
        ),
        config,
    )
    assert _labels(result) == [["nato"], ["nato"]]
    assert result.verdicts[1].carried_from == 0
    assert any(ev.kind == "carry" for ev in result.verdicts[1].evidence)


def test_carry_over_stops_at_another_speaker(config: Config) -> None:
    result = classify(
        _article(
            "Kremlin spokesman Dmitry Peskov said the talks would go on.",
            "Foreign Minister Hakan Fidan said Ankara would host them.",
            "He added that Russia and Ukraine had both agreed.",
        ),
        config,
    )
    assert _labels(result) == [["russia"], [], []]


def test_carry_over_stops_at_the_distance(tmp_path: Path) -> None:
    rules = tmp_path / "near.yaml"
    rules.write_text("settings:\n  carry_distance: 1\n", encoding="utf-8")
    near = config_from_files([bundled("config.yaml"), rules])
    paragraphs = (
        "Kremlin spokesman Dmitry Peskov said the talks would go on.",
        "The delegations met in Istanbul.",
        "He added that Moscow was ready.",
    )
    assert _labels(classify(_article(*paragraphs), near)) == [["russia"], [], []]
    assert _labels(classify(_article(*paragraphs), load_config())) == [
        ["russia"],
        [],
        ["russia"],
    ]


def test_reported_position_gives_both_speaker_first(config: Config) -> None:
    result = classify(
        _article("According to Yermak, Rutte confirmed that more allies would pay for weapons."),
        config,
    )
    assert result.verdicts[0].labels == ("ukraine", "nato")


def test_framing_alone_is_no_label(config: Config) -> None:
    verdict = classify(
        _article("The special military operation began on February 24, 2022."), config
    ).verdicts[0]
    assert verdict.labels == ()
    assert verdict.primary is None
    assert [ev.rule for ev in verdict.evidence if ev.kind == "framing"] == ["framing.russia.smo"]


def test_fourth_actor_from_yaml_only(tmp_path: Path) -> None:
    extra = tmp_path / "eu.yaml"
    extra.write_text(
        "extra_actors:\n"
        "  - id: eu\n    label: European Union\n    colour: green\n    tag: E\n"
        "    aliases: [EU, Brussels]\n    speakers: [Kaja Kallas, Kallas]\n",
        encoding="utf-8",
    )
    config = config_from_files([bundled("config.yaml"), extra])
    assert [a.id for a in config.actors] == ["nato", "russia", "ukraine", "eu"]
    result = classify(
        _article(
            "EU foreign policy chief Kaja Kallas said the package would hit Russia's oil.",
            "Brussels wants sanctions to stay until Russia pays for reconstruction.",
        ),
        config,
    )
    assert _labels(result) == [["eu"], ["eu"]]


def test_control_characters_do_not_break_offsets(config: Config) -> None:
    text = "\x1b[2JKremlin spokesman Dmitry Peskov said \u202eMoscow was ready."
    verdict = classify(_article(text), config).verdicts[0]
    assert verdict.labels == ("russia",)
    for ev in verdict.evidence:
        assert text[ev.start : ev.end] == ev.text
