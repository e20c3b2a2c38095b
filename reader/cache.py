"""Every fetched page, kept so that an article read once opens again without a network.

Pages live in `$XDG_CACHE_HOME/reader/pages/` (default `~/.cache/reader/pages/`), two files
per URL named by the SHA-256 of the URL: `<hash>.body` (the bytes as received) and
`<hash>.json` (the URL asked for, the final URL, media type, charset, when it was fetched).
Both are written to a temporary file and renamed into place, the body first, so a reader
never sees half an entry. The cache is bounded (`DEFAULT_LIMIT`): after each store the entries
fetched longest ago are dropped until the rest fit.

A cache that cannot be written never stops the reader: `store` returns a warning line instead.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from reader.fetch import Page
from reader.xdg import cache_home

DEFAULT_LIMIT = 200 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Entry:
    """One cached page: what `reader cache list` shows."""

    url: str
    final_url: str
    fetched: float
    size: int


class PageCache:
    """The pages fetched before, by URL; `limit` bounds the bytes of all bodies together."""

    def __init__(self, directory: Path | None = None, limit: int = DEFAULT_LIMIT) -> None:
        self.directory = directory if directory is not None else cache_home() / "pages"
        self.limit = limit

    def _paths(self, url: str) -> tuple[Path, Path]:
        digest = hashlib.sha256(url.encode("utf-8", "surrogatepass")).hexdigest()
        return self.directory / f"{digest}.body", self.directory / f"{digest}.json"

    def load(self, url: str) -> tuple[Page, float] | None:
        """The cached page for `url` and when it was fetched; None when there is none (or the
        entry cannot be read: it is then as good as absent)."""
        body_path, meta_path = self._paths(url)
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            body = body_path.read_bytes()
            page = Page(
                str(meta["url"]),
                str(meta["final_url"]),
                str(meta["media_type"]),
                meta["charset"] if isinstance(meta["charset"], str) else None,
                body,
            )
            return page, float(meta["fetched"])
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def store(self, page: Page) -> str | None:
        """Keep `page` under its URL; a warning line when the cache could not be written."""
        body_path, meta_path = self._paths(page.url)
        meta = {
            "url": page.url,
            "final_url": page.final_url,
            "media_type": page.media_type,
            "charset": page.charset,
            "fetched": time.time(),
            "size": len(page.body),
        }
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            _write(body_path, page.body)
            _write(meta_path, json.dumps(meta).encode("utf-8"))
            self._trim()
        except OSError as error:
            return f"cannot write the page cache {self.directory}: {error.strerror or error}"
        return None

    def entries(self) -> list[Entry]:
        """Every readable entry, oldest first."""
        found: list[Entry] = []
        for meta_path in self._meta_files():
            try:
                meta = json.loads(meta_path.read_text(encoding="utf-8"))
                found.append(
                    Entry(
                        str(meta["url"]),
                        str(meta["final_url"]),
                        float(meta["fetched"]),
                        int(meta["size"]),
                    )
                )
            except (OSError, ValueError, KeyError, TypeError):
                continue
        return sorted(found, key=lambda entry: entry.fetched)

    def clear(self) -> int:
        """Remove every entry; the number of pages removed."""
        removed = 0
        for meta_path in self._meta_files():
            with contextlib.suppress(OSError):
                meta_path.unlink()
                removed += 1
            with contextlib.suppress(OSError):
                meta_path.with_suffix(".body").unlink()
        return removed

    def _meta_files(self) -> Iterator[Path]:
        try:
            yield from self.directory.glob("*.json")
        except OSError:
            return

    def _trim(self) -> None:
        """Drop the entries fetched longest ago until the bodies fit in `limit`."""
        entries = self.entries()
        total = sum(entry.size for entry in entries)
        for entry in entries:
            if total <= self.limit:
                break
            body_path, meta_path = self._paths(entry.url)
            with contextlib.suppress(OSError):
                meta_path.unlink()
                body_path.unlink()
            total -= entry.size


def _write(path: Path, data: bytes) -> None:
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        Path(temporary).replace(path)
    except BaseException:
        with contextlib.suppress(OSError):
            Path(temporary).unlink()
        raise
