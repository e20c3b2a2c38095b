"""`reader export`: the comparison as a report to share: self-contained HTML, or Markdown.

Both show the same thing: the airtime table (one row per article, one column per actor and
"none", with the speakers), then each article's blocks in synchronised actor columns, as the
reader's aligned view shows them. `report` computes that once (pure); `reader.export.html` and
`reader.export.markdown` only write it out, each escaping article text for its format: a
hostile page must not put markup or script into the report.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reader.airtime import NONE
from reader.compare import CompareRow, compare_rows
from reader.model import Actor, ClassifiedArticle

NONE_ACTOR = Actor(NONE, "none", "", "·")
"""The column of blocks with no actor's position."""


@dataclass(frozen=True, slots=True)
class ReportBlock:
    """One block of an article, and the columns (actor ids or "none") it stands in."""

    number: int  # 1-based, as the reader numbers blocks
    kind: str
    text: str
    columns: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ReportArticle:
    row: CompareRow
    source: str
    blocks: tuple[ReportBlock, ...]


@dataclass(frozen=True, slots=True)
class Report:
    actors: tuple[Actor, ...]  # the configured actors, then NONE_ACTOR
    articles: tuple[ReportArticle, ...]

    @property
    def has_dates(self) -> bool:
        return any(item.row.date for item in self.articles)


def report(classified: Sequence[ClassifiedArticle]) -> Report:
    """The report of `classified` (articles in the order given; actors of the first)."""
    actors = tuple(classified[0].actors) if classified else ()
    known = {actor.id for actor in actors}
    rows = compare_rows(classified)
    articles = []
    for row, item in zip(rows, classified, strict=True):
        blocks = tuple(
            ReportBlock(
                block.index + 1,
                block.kind,
                block.text,
                tuple(label for label in verdict.labels if label in known) or (NONE,),
            )
            for block, verdict in zip(item.article.blocks, item.verdicts, strict=True)
        )
        articles.append(ReportArticle(row, item.article.source, blocks))
    return Report((*actors, NONE_ACTOR), tuple(articles))
