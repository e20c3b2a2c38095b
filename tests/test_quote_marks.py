"""Single quote marks: a quote's marks read as a quote, an apostrophe's as none
(`reader.classify.marks.double_quoted`, then `units.quoted_spans` as the classifier reads a
block). Each row: a block's text and the spans read as quotes, in the text as written."""

from __future__ import annotations

import pytest

from reader.classify import classify
from reader.classify.marks import double_quoted
from reader.classify.units import quoted_spans
from reader.config import load_config
from reader.model import Article, Block

_ROWS = [
    ("curly", "‘We will not retreat,’ the minister said.", ["‘We will not retreat,’"]),
    ("straight", "'We will not retreat,' the minister said.", ["'We will not retreat,'"]),
    ("headline-word", "Kremlin says talks 'impossible' while Kyiv waits", ["'impossible'"]),
    (
        "two-quotes",
        "He called them 'terrorists' and said it was 'over'.",
        ["'terrorists'", "'over'"],
    ),
    ("apostrophes", "Russia’s envoy said Kyiv’s troops don’t retreat.", []),
    ("possessive-plural", "The allies’ position is that Kyiv's army won't retreat.", []),
    (
        "possessive-inside",
        "‘The allies’ position is clear,’ he said.",
        ["‘The allies’ position is clear,’"],
    ),
    ("elisions", "Back in the ’90s they said 'em all were rock 'n' roll.", []),
    ("elision-then-quote", "In the '90s, he said, NATO 'promised' nothing.", ["'promised'"]),
    ("nested-in-double", "“He said ‘no’ to us,” she said.", ["“He said ‘no’ to us,”"]),
    ("nested-in-single", "‘He said ‘no’ to us,’ she said.", ["‘He said ‘no’ to us,’"]),
    ("british-nesting", "‘He called it “a farce”,’ she said.", ["‘He called it “a farce”,’"]),
    ("after-dash", "Moscow—'a red line'—was warned.", ["'a red line'"]),
    ("after-bracket", "The plan ('a trap', he said) failed.", ["'a trap'"]),
    (
        "runs-on",
        "‘Any scenario with NATO troops is unacceptable to us.",
        ["‘Any scenario with NATO troops is unacceptable to us."],
    ),
    (
        "typed-on",
        "Secretary Austin‘reiterated the commitment.’ Then he left.",
        ["‘reiterated the commitment.’"],
    ),
    ("wrong-apostrophe", "Russia‘s envoy said no.", []),
    ("stray-close", "The allies’ offer stands.", []),
]


@pytest.mark.parametrize(("text", "quoted"), [row[1:] for row in _ROWS], ids=[r[0] for r in _ROWS])
def test_single_quotes(text: str, quoted: list[str]) -> None:
    read = double_quoted(text)
    assert len(read) == len(text)
    assert [text[a:b] for a, b in quoted_spans(read)] == quoted


def test_run_on_close() -> None:
    """A paragraph that closes a quote the one before opened, first thing after a stop."""
    text = "would go on,’ he said. ‘No truce.’"
    read = double_quoted(text)
    assert [text[a:b] for a, b in quoted_spans(read, runs_on=True)] == [
        "would go on,’",
        "‘No truce.’",
    ]


def test_no_marks_is_the_same_text() -> None:
    text = "Russia’s envoy said no."
    assert double_quoted(text) is text


def test_evidence_shows_the_articles_own_marks() -> None:
    """The rules read a quote's single marks as double ones; what a user sees keeps the
    article's: the block's text and the quote its evidence points at."""
    config = load_config()
    quote = "‘Nothing has been decided.’"
    blocks = (
        Block(0, "paragraph", "‘We will not retreat,’ Kremlin spokesman Dmitry Peskov said.", 1),
        Block(1, "paragraph", quote, 3),
    )
    result = classify(Article("test", None, blocks), config)
    assert [list(v.labels) for v in result.verdicts] == [["russia"], ["russia"]]
    assert result.article.blocks[1].text == quote
    assert [ev.text for ev in result.verdicts[1].evidence] == [quote]
