"""Headless renderings of a classified article: json, jsonl, markdown and text.

The JSON shape is an interface that scripts depend on; change it only by adding keys.
Text and Markdown go to terminals, so every piece of article text passes through
`safe_text.visible`; JSON escapes the same characters instead, so no data is lost.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, Literal

from reader.airtime import airtime, speaker_json
from reader.airtime import to_json as airtime_json
from reader.model import ClassifiedArticle
from reader.safe_text import escape_json, visible

OutputFormat = Literal["json", "jsonl", "markdown", "text"]
FORMATS: tuple[OutputFormat, ...] = ("json", "jsonl", "markdown", "text")


def to_dict(classified: ClassifiedArticle) -> dict[str, Any]:
    """The stable JSON object for one article."""
    article = classified.article
    meta = article.meta
    counts = airtime(classified)
    return {
        "source": article.source,
        "title": article.title,
        "meta": {
            "url": meta.url,
            "site": meta.site,
            "outlet": meta.outlet,
            "author": meta.author,
            "date": meta.date,
            "lang": meta.lang,
        },
        "actors": [{"id": actor.id, "label": actor.label} for actor in classified.actors],
        "blocks": [
            {
                "index": block.index,
                "kind": block.kind,
                "line": block.line,
                "text": block.text,
                "labels": list(verdict.labels),
                "primary": verdict.primary,
                # Every actor, in config order, 0.0 when it has no evidence: a script can
                # index any actor's score without checking that it is there.
                "scores": {
                    actor.id: round(verdict.scores.get(actor.id, 0.0), 3)
                    for actor in classified.actors
                },
                "evidence": [
                    {
                        "rule": ev.rule,
                        "actor": ev.actor,
                        "kind": ev.kind,
                        "start": ev.start,
                        "end": ev.end,
                        "text": ev.text,
                        "weight": ev.weight,
                    }
                    for ev in verdict.evidence
                ],
                # The config rules that acted without evidence: exclusions, actions, steps,
                # the document's source (model.Verdict.rules).
                "rules": list(verdict.rules),
                "links": [
                    {"text": link.text, "url": link.url, "start": link.start, "end": link.end}
                    for link in block.links
                ],
                "speaker": speaker_json(speaker),
            }
            for block, verdict, speaker in zip(
                article.blocks, classified.verdicts, counts.speakers, strict=True
            )
        ],
        "airtime": airtime_json(counts),
    }


def dumps(value: Any, indent: int | None = 2) -> str:
    """`value` as JSON with every control character escaped (safe on a terminal)."""
    return escape_json(json.dumps(value, ensure_ascii=False, indent=indent))


def render(articles: Sequence[ClassifiedArticle], fmt: OutputFormat) -> str:
    """The whole output for `articles` in `fmt`, ending with a newline."""
    if fmt == "json":
        objects = [to_dict(classified) for classified in articles]
        return dumps(objects[0] if len(objects) == 1 else objects, indent=2) + "\n"
    if fmt == "jsonl":
        return "".join(dumps(to_dict(classified), indent=None) + "\n" for classified in articles)
    if fmt == "markdown":
        return "\n".join(_markdown(classified) for classified in articles)
    return "\n".join(_text(classified) for classified in articles)


def _labels(labels: Sequence[str]) -> str:
    return ", ".join(labels) if labels else "none"


def _text(classified: ClassifiedArticle) -> str:
    article = classified.article
    lines = [f"== {visible(article.source)}: {visible(article.title or '(untitled)')}"]
    width = len(str(len(article.blocks)))
    for block, verdict in zip(article.blocks, classified.verdicts, strict=True):
        labels = _labels(verdict.labels)
        lines.append(f"[{block.index:>{width}}] {labels:<18} {visible(block.text)}")
    return "\n".join(lines) + "\n"


def _markdown_cell(text: str) -> str:
    """Article text inside a Markdown table cell: visible, with the table's own syntax escaped."""
    return visible(text).replace("\\", "\\\\").replace("|", "\\|")


def _markdown(classified: ClassifiedArticle) -> str:
    article = classified.article
    lines = [
        f"## {_markdown_cell(article.title or article.source)}",
        "",
        f"Source: `{_markdown_cell(article.source)}`",
        "",
        "| # | kind | labels | text |",
        "|---:|---|---|---|",
    ]
    for block, verdict in zip(article.blocks, classified.verdicts, strict=True):
        lines.append(
            f"| {block.index} | {block.kind} | {_labels(verdict.labels)} "
            f"| {_markdown_cell(block.text)} |"
        )
    return "\n".join(lines) + "\n"
