"""Where an article comes from, as the comparison shows it: outlet, date, URL.

Taken from the article's page metadata (`Article.meta`: outlet or site, date, url) when the
source gave any, else from what is known anyway: a URL's host, or the file's name. Pure.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePath
from urllib.parse import urlsplit

from reader.model import Article


@dataclass(frozen=True, slots=True)
class Provenance:
    """How the comparison names an article. `outlet` is never empty; `date` and `url` may be."""

    outlet: str
    date: str
    url: str


def provenance(article: Article, url: str = "") -> Provenance:
    """The outlet, date and URL of `article`; `url` is one the caller knows (a jsonl record)."""
    meta = getattr(article, "meta", None)
    outlet = _field(meta, "outlet") or _field(meta, "site")
    date = _field(meta, "date")
    url = _field(meta, "url") or url
    if not outlet and url:
        outlet = urlsplit(url).hostname or ""
        outlet = outlet.removeprefix("www.")
    if not outlet:
        source = article.source
        if "://" in source:
            outlet = (urlsplit(source).hostname or source).removeprefix("www.")
        else:
            outlet = PurePath(source).stem or source
    return Provenance(outlet, date, url)


def _field(meta: object, name: str) -> str:
    value = getattr(meta, name, None) if meta is not None else None
    return str(value).strip() if value else ""
