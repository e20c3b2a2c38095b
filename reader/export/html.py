"""The report as one self-contained HTML page: no script, no font, no image, nothing fetched.

A Content-Security-Policy of `default-src 'none'` makes that a promise the browser keeps even
if a future edit slipped a resource in. Every piece of article text goes through
`html.escape` (after `safe_text.visible`, so control characters show as placeholders), and
only http(s) URLs become links. The page reads on a phone (the columns fold into one, each
block tagged with its actor) and prints (no backgrounds needed, blocks kept whole).
"""

from __future__ import annotations

import re
from html import escape
from urllib.parse import urlsplit

from reader.airtime import ActorAirtime
from reader.export import Report, ReportArticle
from reader.model import Actor
from reader.safe_text import visible

_COLOUR = re.compile(r"#[0-9a-fA-F]{3}(?:[0-9a-fA-F]{3})?")

_CSS = """
:root { color-scheme: light dark; --line: #8884; --muted: #777; }
* { box-sizing: border-box; }
body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  margin: 0 auto; padding: 1rem; max-width: 120rem; }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
h2 { font-size: 1.2rem; margin: 2rem 0 .25rem; }
.note, .meta { color: var(--muted); margin: 0 0 1rem; }
.wrap { overflow-x: auto; }
table.airtime { border-collapse: collapse; width: 100%; }
.airtime th, .airtime td { border-bottom: 1px solid var(--line); padding: .4rem .5rem;
  text-align: left; vertical-align: top; }
.bar { display: block; height: .6rem; border: 1px solid currentColor; width: 8rem;
  max-width: 100%; margin: .2rem 0; }
.bar > span { display: block; height: 100%; background: currentColor; }
.speakers { font-size: .85rem; color: var(--muted); }
.tag { font-weight: bold; font-family: ui-monospace, monospace; }
.columns { display: grid; grid-template-columns: repeat(var(--n), minmax(0, 1fr));
  gap: 0 1rem; }
.columns > .head { font-weight: bold; border-bottom: 2px solid var(--line); padding: .25rem 0; }
.columns > .cell { padding: .4rem 0; border-bottom: 1px solid var(--line); }
.columns > .cell.empty { color: transparent; }
.cell .label { display: none; }
.cell.title { font-weight: bold; }
@media (max-width: 44rem) {
  .columns { display: block; }
  .columns > .head, .columns > .cell.empty { display: none; }
  .cell .label { display: inline; margin-right: .4rem; }
  .bar { width: 5rem; }
  table.airtime, .airtime tbody, .airtime tr, .airtime td { display: block; }
  .airtime thead { display: none; }
  .airtime tr { border-bottom: 2px solid var(--line); padding: .5rem 0; }
  .airtime td { border: 0; padding: .1rem 0; }
  .airtime td[data-label]::before { content: attr(data-label) ": "; font-weight: bold; }
}
@media print {
  body { font-size: 10pt; max-width: none; padding: 0; }
  .columns > .cell, tr { break-inside: avoid; }
  a { color: inherit; }
}
"""


def _text(text: str) -> str:
    return escape(visible(text), quote=True)


def _colour(actor: Actor) -> str:
    """A style attribute for the actor's colour; nothing unless it is a plain hex colour."""
    return f' style="color:{actor.colour}"' if _COLOUR.fullmatch(actor.colour) else ""


def _tag(actor: Actor) -> str:
    return f'<span class="tag"{_colour(actor)}>{_text(actor.tag)}</span>'


def _link(url: str) -> str:
    if urlsplit(url).scheme in ("http", "https"):
        return f'<a href="{_text(url)}" rel="noreferrer noopener">{_text(url)}</a>'
    return _text(url)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'s' * (n != 1)}"


def _cell(actor: Actor, entry: ActorAirtime) -> str:
    percent = entry.share * 100
    speakers = "; ".join(entry.speakers)
    return (
        f'<td data-label="{_text(actor.label)}">{_tag(actor)} {percent:.0f}%'
        f'<span class="bar"{_colour(actor)} role="img" aria-label="{percent:.0f} percent">'
        f'<span style="width:{percent:.1f}%"></span></span>'
        f"{_count(entry.blocks, 'block')} · {_count(entry.quotes, 'quote')}"
        + (f'<div class="speakers">{_text(speakers)}</div>' if speakers else "")
        + "</td>"
    )


def _airtime_table(data: Report) -> list[str]:
    heads = ["Outlet", *(["Date"] if data.has_dates else []), "Title"]
    out = ['<div class="wrap"><table class="airtime"><thead><tr>']
    out += [f"<th>{head}</th>" for head in heads]
    out += [f"<th>{_tag(actor)} {_text(actor.label)}</th>" for actor in data.actors]
    out.append("</tr></thead><tbody>")
    for number, item in enumerate(data.articles, start=1):
        row = item.row
        out.append(f'<tr><td><a href="#article-{number}">{_text(row.outlet)}</a></td>')
        if data.has_dates:
            out.append(f'<td data-label="Date">{_text(row.date)}</td>')
        out.append(f"<td>{_text(row.title)}</td>")
        out += [_cell(actor, row.cell(actor.id)) for actor in data.actors]
        out.append("</tr>")
    out.append("</tbody></table></div>")
    return out


def _article(number: int, item: ReportArticle, actors: tuple[Actor, ...]) -> list[str]:
    row = item.row
    meta = " · ".join(
        part
        for part in (_text(row.date), _link(row.url) if row.url else "", _text(item.source))
        if part
    )
    out = [
        f'<section class="article" id="article-{number}">',
        f"<h2>{_text(row.outlet)}: {_text(row.title)}</h2>",
        f'<p class="meta">{meta}</p>',
        f'<div class="columns" style="--n:{len(actors)}">',
    ]
    out += [f'<div class="head">{_tag(a)} {_text(a.label)}</div>' for a in actors]
    for block in item.blocks:
        for actor in actors:
            if actor.id in block.columns:
                kind = " title" if block.kind in ("title", "heading") else ""
                out.append(
                    f'<div class="cell{kind}" data-block="{block.number}">'
                    f'<span class="label">{_tag(actor)}</span>{_text(block.text)}</div>'
                )
            else:
                out.append('<div class="cell empty" aria-hidden="true"></div>')
    out.append("</div></section>")
    return out


def render_html(data: Report) -> str:
    """The whole page."""
    count = len(data.articles)
    title = f"Who gets to speak: {count} article{'s' * (count != 1)}"
    out = [
        "<!doctype html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'\">",
        f"<title>{title}</title><style>{_CSS}</style></head><body>",
        f"<header><h1>{title}</h1>",
        "<p class=\"note\">Airtime: each actor's share of an article's words (a block with two "
        "viewpoints split by their scores), its blocks and direct quotes, and the speakers "
        "the rules found. Made by reader.</p></header>",
        '<section id="airtime"><h2>Airtime</h2>',
        *_airtime_table(data),
        "</section>",
    ]
    for number, item in enumerate(data.articles, start=1):
        out += _article(number, item, data.actors)
    out.append("</body></html>")
    return "\n".join(out) + "\n"
