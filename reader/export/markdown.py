"""The report as Markdown, for pasting into an issue, a wiki or a chat.

Article text is made `visible` and every character Markdown or inline HTML would read is
escaped, so a pasted report shows the text as written and runs nothing.
"""

from __future__ import annotations

import re

from reader.compare import bar
from reader.export import Report, ReportArticle
from reader.model import Actor
from reader.safe_text import visible

_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|~>-])")
BAR_WIDTH = 8


def md(text: str) -> str:
    """Article text for a Markdown table cell: visible, literal, on one line."""
    safe = visible(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return " ".join(_SPECIAL.sub(r"\\\1", safe).split())


def _head(actor: Actor) -> str:
    return md(f"{actor.tag} {actor.label}")


def _airtime(data: Report) -> list[str]:
    heads = ["Outlet", *(["Date"] if data.has_dates else []), "Title"]
    heads += [_head(actor) for actor in data.actors]
    out = ["| " + " | ".join(heads) + " |", "|" + "---|" * len(heads)]
    for item in data.articles:
        row = item.row
        cells = [md(row.outlet), *([md(row.date)] if data.has_dates else []), md(row.title)]
        for actor in data.actors:
            entry = row.cell(actor.id)
            cells.append(
                f"`{bar(entry.share, BAR_WIDTH)}` {entry.share * 100:.0f}% · "
                f"{entry.blocks}b · {entry.quotes}q"
            )
        out.append("| " + " | ".join(cells) + " |")
    return out


def _speakers(data: Report) -> list[str]:
    out = []
    for item in data.articles:
        parts = [
            f"{_head(actor)}: {md('; '.join(item.row.cell(actor.id).speakers))}"
            for actor in data.actors
            if item.row.cell(actor.id).speakers
        ]
        out.append(f"- **{md(item.row.outlet)}**: " + (" · ".join(parts) or "none named"))
    return out


def _article(item: ReportArticle, actors: tuple[Actor, ...]) -> list[str]:
    row = item.row
    meta = " · ".join(md(part) for part in (row.date, row.url, item.source) if part)
    heads = ["#", *(_head(actor) for actor in actors)]
    out = [
        f"## {md(row.outlet)}: {md(row.title)}",
        "",
        meta,
        "",
        "| " + " | ".join(heads) + " |",
        "|---:|" + "---|" * len(actors),
    ]
    for block in item.blocks:
        cells = [md(block.text) if actor.id in block.columns else "" for actor in actors]
        out.append(f"| {block.number} | " + " | ".join(cells) + " |")
    return out


def render_markdown(data: Report) -> str:
    count = len(data.articles)
    out = [
        f"# Who gets to speak: {count} article{'s' * (count != 1)}",
        "",
        "Airtime: each actor's share of an article's words (a block with two viewpoints split "
        "by their scores), blocks (b) and direct quotes (q).",
        "",
        *_airtime(data),
        "",
        "Speakers the rules found:",
        "",
        *_speakers(data),
    ]
    for item in data.articles:
        out += ["", *_article(item, data.actors)]
    return "\n".join(out) + "\n"
