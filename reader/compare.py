"""Several articles side by side: the rows of the compare screen and the actor lens. Pure.

The compare screen has one row per article (outlet, date, title) and one column per actor
plus "none", each cell that actor's airtime; it sorts by any column. The actor lens shows one
actor's blocks from every article, one column per article: built here as a classified
"article" whose panels are the articles, so the reader's own view, search and explain show it
unchanged (`Lens.origins` maps each of its blocks back to the article and block it came from).

Both are computed from classified articles only; the UI (reader.ui.compare, reader.ui.lens)
and the export (reader.export) draw them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reader.airtime import NONE, ActorAirtime, Airtime, airtime
from reader.model import Actor, Article, Block, ClassifiedArticle, Verdict
from reader.outlet import provenance

BAR_EIGHTHS = " ▏▎▍▌▋▊▉█"
"""Partial blocks for a bar's last cell, by eighths."""

TEXT_KEYS = ("outlet", "date", "title")
"""Columns that sort as text (ascending first); actor columns sort by share (largest first)."""


@dataclass(frozen=True, slots=True)
class CompareRow:
    """One article on the compare screen."""

    index: int  # in the order the articles were opened
    outlet: str
    date: str
    url: str
    title: str
    airtime: Airtime

    def cell(self, key: str) -> ActorAirtime:
        return self.airtime.actors[key]


def compare_rows(articles: Sequence[ClassifiedArticle]) -> list[CompareRow]:
    """One row per classified article, in the order given."""
    rows = []
    for index, classified in enumerate(articles):
        article = classified.article
        where = provenance(article)
        title = article.title or (article.blocks[0].text if article.blocks else "")
        rows.append(
            CompareRow(index, where.outlet, where.date, where.url, title, airtime(classified))
        )
    return rows


def sort_rows(rows: Sequence[CompareRow], key: str, *, reverse: bool = False) -> list[CompareRow]:
    """Rows sorted by `key`: outlet, date or title as text (A-Z), an actor id or "none" by
    share (largest first); `reverse` flips that. Ties keep the opening order."""
    if key in TEXT_KEYS:
        return sorted(
            rows, key=lambda row: (str(getattr(row, key)).casefold(), row.index), reverse=reverse
        )
    return sorted(rows, key=lambda row: (-row.cell(key).share, row.index), reverse=reverse)


def bar(share: float, width: int) -> str:
    """`share` (0..1) as a bar of `width` cells, to the eighth of a cell, padded with spaces."""
    eighths = round(max(0.0, min(1.0, share)) * width * 8)
    full, part = divmod(eighths, 8)
    text = "█" * full + (BAR_EIGHTHS[part] if part else "")
    return text.ljust(width)


def actor_keys(actors: Sequence[Actor]) -> list[str]:
    """The airtime columns: every actor, then "none"."""
    return [actor.id for actor in actors] + [NONE]


@dataclass(frozen=True, slots=True)
class Lens:
    """One actor's blocks from several articles, as a classified article with a panel per
    article (panel ids `article-1`, `article-2`, … labelled with the outlets)."""

    actor: Actor
    classified: ClassifiedArticle
    origins: tuple[tuple[int, int], ...]
    """Per lens block: (article index, block index) of the block it shows."""
    labels: tuple[tuple[str, ...], ...]
    """Per lens block: the block's real labels (for `@actor` searches)."""

    def origin(self, block: int) -> tuple[int, int] | None:
        return self.origins[block] if 0 <= block < len(self.origins) else None


def panel_id(article: int) -> str:
    return f"article-{article + 1}"


def build_lens(articles: Sequence[ClassifiedArticle], names: Sequence[str], actor: Actor) -> Lens:
    """The lens on `actor` over `articles` (`names[i]` heads article i's panel).

    Blocks are interleaved by rank (every article's first block for the actor, then every
    second one, ...): the reader's compact view lines a panel up with its neighbours' blocks
    nearest in that order, so the n-th passages of the articles stand side by side and the
    panels scroll together.
    """
    per_article = [
        [i for i, verdict in enumerate(classified.verdicts) if actor.id in verdict.labels]
        for classified in articles
    ]
    order = sorted(
        ((rank, a, b) for a, found in enumerate(per_article) for rank, b in enumerate(found)),
    )
    blocks: list[Block] = []
    verdicts: list[Verdict] = []
    origins: list[tuple[int, int]] = []
    labels: list[tuple[str, ...]] = []
    for _, a, b in order:
        source = articles[a].article.blocks[b]
        verdict = articles[a].verdicts[b]
        column = panel_id(a)
        blocks.append(Block(len(blocks), source.kind, source.text, source.line))
        verdicts.append(Verdict(labels=(column,), primary=column, scores={column: 1.0}))
        origins.append((a, b))
        labels.append(verdict.labels)
    panels = tuple(
        Actor(panel_id(a), names[a], actor.colour, actor.tag) for a in range(len(articles))
    )
    article = Article(f"{actor.label} in {len(articles)} articles", None, tuple(blocks))
    return Lens(
        actor,
        ClassifiedArticle(article, panels, tuple(verdicts)),
        tuple(origins),
        tuple(labels),
    )
