"""Where a text or Markdown article came from: YAML front matter or a `Source: URL` line.

A reader comparing coverage needs the outlet and date of a saved .txt/.md article as much as
of a fetched page, so these files may say it the two ways people already write it:

    ---                                   Source: https://example.com/news/talks
    url: https://example.com/news/talks   (the first or the last non-blank line)
    outlet: The Courier
    author: A. Writer
    date: 2026-03-14
    lang: en
    site: example.com                     (default: the URL's host)
    ---

Keys other than url (or source), site, outlet, author, date and lang are ignored (front matter
written for other tools carries its own). The lines are blanked, not removed, so every block
keeps its true line number. Front matter that is not a YAML mapping, or larger than
`MAX_FRONT_MATTER`, is left as article text: it is then not front matter.
"""

from __future__ import annotations

import re
from dataclasses import replace
from urllib.parse import urlsplit

from reader.errors import ConfigError
from reader.model import Meta

MAX_FRONT_MATTER = 16 * 1024
_FIELDS = ("url", "site", "outlet", "author", "date", "lang")
_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)
_SOURCE = re.compile(r"[ \t]*source:[ \t]*(https?://\S+)[ \t]*", re.IGNORECASE)


def split_meta(text: str) -> tuple[Meta, str]:
    """The metadata a text names, and the text with those lines blanked."""
    meta, text = _front_matter(text)
    if meta.url is None:
        meta, text = _source_line(text, meta)
    if meta.url and not meta.site:
        meta = replace(meta, site=urlsplit(meta.url).hostname)
    return meta, text


def _front_matter(text: str) -> tuple[Meta, str]:
    body = text.removeprefix("\ufeff")
    if not body.startswith(("---\n", "---\r\n")):
        return Meta(), text
    end = _CLOSE.search(body, 4, MAX_FRONT_MATTER)
    if end is None:
        return Meta(), text
    try:
        # Article text is untrusted: aliases, nesting and odd numbers bounded (safe_yaml,
        # imported here: an article without front matter never loads YAML).
        from reader import safe_yaml

        data = safe_yaml.load_text(body[4 : end.start()], "front matter")
    except ConfigError:
        return Meta(), text
    if not isinstance(data, dict):
        return Meta(), text
    values = {key: _value(data.get(key)) for key in _FIELDS}
    if values["url"] is None:
        values["url"] = _value(data.get("source"))
    blanked = "\n" * body.count("\n", 0, end.end()) + body[end.end() :]
    return Meta(**values), blanked


def _source_line(text: str, meta: Meta) -> tuple[Meta, str]:
    lines = text.split("\n")
    filled = [index for index, line in enumerate(lines) if line.strip()]
    for index in filled[:1] + filled[-1:]:
        found = _SOURCE.fullmatch(lines[index].rstrip("\r"))
        if found:
            lines[index] = ""
            return replace(meta, url=found.group(1)), "\n".join(lines)
    return meta, text


def _value(value: object) -> str | None:
    if value is None or isinstance(value, (dict, list, bool)):
        return None
    text = " ".join(str(value).split())
    return text or None
