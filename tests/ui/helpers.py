"""What the Pilot tests share: waiting until the reader shows its article, reading notices,
and a classifier that labels blocks from a table, so a test controls what each panel shows."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from textual.app import App
from textual.pilot import Pilot

from reader.config import Config
from reader.model import Article, ClassifiedArticle, Verdict
from reader.ui.app import Classifier, ReaderApp

Labels = tuple[str, ...]


async def ready(pilot: Pilot[None]) -> ReaderApp:
    """Wait until classification is done and the screen has caught up with it."""
    app = pilot.app
    assert isinstance(app, ReaderApp)
    await app.workers.wait_for_complete()
    await pilot.pause()
    return app


def screen_text(app: App[Any]) -> str:
    """What the terminal shows, as plain text, one line a row."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def notices(app: ReaderApp) -> list[str]:
    """The notifications on screen, oldest first."""
    return [notice.message for notice in app._notifications]


def labelled_by(table: Sequence[Labels] | Mapping[str, Sequence[Labels]]) -> Classifier:
    """A classifier giving block i the labels `table[i]` (or `table[source][i]` per article)."""

    def classify(article: Article, config: Config) -> ClassifiedArticle:
        rows = table[article.source] if isinstance(table, Mapping) else table
        verdicts = tuple(
            Verdict(labels=labels, primary=labels[0] if labels else None)
            for labels in rows[: len(article.blocks)]
        )
        return ClassifiedArticle(article, config.actors, verdicts)

    return classify
