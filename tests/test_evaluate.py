"""Accuracy as users see it: the hand-labelled articles, scored by `reader eval`."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.config import Config, load_config
from reader.errors import ReaderError
from reader.evaluate import EvalReport, evaluate, format_report

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="module")
def config() -> Config:
    return load_config()


@pytest.fixture(scope="module")
def dev(config: Config) -> EvalReport:
    return evaluate([DATA / "dev"], config)


def test_seed_gold_is_met(config: Config) -> None:
    report = evaluate([DATA / "gold"], config)
    assert report.blocks == 11
    assert report.primary_accuracy == 1.0
    (article,) = report.articles
    assert article.exact >= 10


def test_dev_set_quality(dev: EvalReport) -> None:
    assert dev.blocks == 166
    assert dev.micro_f1 >= 0.90
    assert dev.primary_accuracy >= 0.90
    assert {a.actor for a in dev.actors} == {"nato", "russia", "ukraine"}


def test_our_own_dev_set_quality(config: Config) -> None:
    """tests/data/devset: written by us in the manners of different outlets (the issue's bar)."""
    ours = evaluate([DATA / "devset"], config)
    assert ours.blocks == 158
    assert ours.micro_f1 >= 0.90
    assert ours.primary_accuracy >= 0.85


def test_report_lists_figures_and_wrong_blocks(dev: EvalReport) -> None:
    text = format_report(dev, verbose=True)
    assert f"micro  P {dev.micro_precision:.3f}" in text
    assert "dev-13.md" in text
    assert f"wrong blocks: {len(dev.wrong)}" in text


def test_several_dataset_folders_add_up(config: Config, dev: EvalReport) -> None:
    both = evaluate([DATA / "dev", DATA / "gold"], config)
    assert both.blocks == dev.blocks + 11


def test_single_article_labels_file_beside_its_article(tmp_path: Path, config: Config) -> None:
    (tmp_path / "a.txt").write_text(
        "Title\n\nKremlin spokesman Dmitry Peskov said Moscow was ready.\n", encoding="utf-8"
    )
    (tmp_path / "labels.yaml").write_text(
        "article: a.txt\nblocks:\n  - {p: 0, labels: []}\n  - {p: 1, labels: [nato]}\n",
        encoding="utf-8",
    )
    report = evaluate([tmp_path], config)
    assert report.blocks == 2
    assert report.micro_precision == 0.0
    assert [(w.index, w.expected, w.got) for w in report.wrong] == [(1, ("nato",), ("russia",))]


def test_missing_dataset_is_a_reader_error(tmp_path: Path, config: Config) -> None:
    with pytest.raises(ReaderError, match=r"no labels\.yaml here"):
        evaluate([tmp_path], config)
