"""Scanning ahead in a helper process: a long article's verdicts come out the same, whether
the helper does the regex work, cannot start, or dies."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest

from reader.classify import classify_iter
from reader.classify.scan import LEXICONS, scan_chunk
from reader.classify.scan_ahead import ScanAhead
from reader.config import Config, load_config
from reader.model import Article, Block, Verdict
from reader.rules.compile import Lexicon

_DATA = Path(__file__).parent / "data" / "devset"


@pytest.fixture(scope="module")
def config() -> Config:
    return load_config()


@pytest.fixture(scope="module")
def long_article() -> Article:
    """The dev set's paragraphs over and over: ~3,000 blocks, so several chunks."""
    paragraphs = [
        line
        for path in sorted(_DATA.glob("*.txt"))
        for line in path.read_text(encoding="utf-8").splitlines()[2:]
        if line.strip()
    ]
    texts = (paragraphs * (3000 // len(paragraphs) + 1))[:3000]
    blocks = tuple(Block(i, "paragraph", text, i + 1) for i, text in enumerate(texts))
    return Article("long", None, blocks)


def _verdicts(article: Article, config: Config, scan_ahead: bool) -> list[Verdict]:
    return list(classify_iter(article, config, scan_ahead=scan_ahead))


def test_the_helper_scans_a_chunk_as_this_process_would(
    long_article: Article, config: Config
) -> None:
    chunks = [long_article.blocks[:500], long_article.blocks[500:1000]]
    lexicons: tuple[Lexicon, ...] = tuple(
        getattr(config.rules, name).keys_only() for name in LEXICONS
    )
    with ScanAhead(chunks, config.rules, skip=0) as helper:
        deadline = time.monotonic() + 60
        while not helper.ready and time.monotonic() < deadline:
            time.sleep(0.01)
        assert helper.ready, "the helper process did not start"
        for n, chunk in enumerate(chunks):
            found = helper.take(n)
            assert found == scan_chunk([block.text for block in chunk], lexicons)


def test_a_long_article_reads_the_same_with_the_helper(
    long_article: Article, config: Config
) -> None:
    with_helper = _verdicts(long_article, config, scan_ahead=True)
    assert with_helper == _verdicts(long_article, config, scan_ahead=False)
    assert sum(1 for verdict in with_helper if verdict.labels) > 1000


@pytest.mark.parametrize("executable", ["/nonexistent/python3", "/bin/false"])
def test_a_helper_that_cannot_start_or_dies_changes_nothing(
    long_article: Article, config: Config, monkeypatch: pytest.MonkeyPatch, executable: str
) -> None:
    expected = _verdicts(long_article, config, scan_ahead=False)
    monkeypatch.setattr(sys, "executable", executable)
    assert _verdicts(long_article, config, scan_ahead=True) == expected


def test_a_helper_that_never_answers_changes_nothing(
    long_article: Article, config: Config, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A helper that starts and then hangs: the article is scanned here, and closing it ends
    the helper process."""
    silent = tmp_path / "silent-python"
    silent.write_text("#!/bin/sh\nexec sleep 600\n", encoding="utf-8")
    silent.chmod(0o755)
    expected = _verdicts(long_article, config, scan_ahead=False)
    monkeypatch.setattr(sys, "executable", str(silent))
    assert _verdicts(long_article, config, scan_ahead=True) == expected
