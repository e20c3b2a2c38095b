"""Search history, kept across runs as less keeps `~/.lesshst`: up and down in the `/` input.

One query a line in `$XDG_STATE_HOME/reader/search-history`, oldest first, at most `LIMIT`,
no repeats (a query searched again moves to the end). The file is written whole
(`reader.atomic`), so a crash never leaves half a history. Reading and writing never raise:
history is a convenience, and a missing or unwritable file only means none.

`History` is the cursor the input walks: `older()` and `newer()` move through the entries,
and walking past the newest returns the draft the user was typing before they went up.
No Textual here: `reader.ui.search_bar` owns a History and binds the keys.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from reader.atomic import write_text_atomic
from reader.xdg import state_home

LIMIT = 200
FILE_NAME = "search-history"


def history_path() -> Path:
    return state_home() / FILE_NAME


def load_history(path: Path | None = None) -> list[str]:
    """The saved queries, oldest first ([] when there is no readable file)."""
    try:
        text = (path or history_path()).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return []
    return [line for line in text.split("\n") if line.strip()][-LIMIT:]


def save_history(entries: list[str], path: Path | None = None) -> bool:
    """Write `entries` (the last `LIMIT`); False when the file could not be written."""
    text = "".join(f"{entry}\n" for entry in entries[-LIMIT:])
    return write_text_atomic(path or history_path(), text)


@dataclass(slots=True)
class History:
    """The queries searched, and where up/down stands among them."""

    entries: list[str] = field(default_factory=list)
    position: int | None = None  # index into entries while walking; None: at the draft
    draft: str = ""

    def add(self, query: str) -> None:
        """Remember `query` as the newest entry (a query on one line, never a blank one)."""
        query = " ".join(query.split("\n")).strip()
        self.reset()
        if not query:
            return
        if query in self.entries:
            self.entries.remove(query)
        self.entries.append(query)
        del self.entries[:-LIMIT]

    def reset(self) -> None:
        self.position = None
        self.draft = ""

    def older(self, current: str) -> str | None:
        """The entry before the one shown (None at the oldest); `current` is kept as the
        draft when the walk starts."""
        if not self.entries:
            return None
        if self.position is None:
            self.draft = current
            self.position = len(self.entries)
        if self.position == 0:
            return None
        self.position -= 1
        return self.entries[self.position]

    def newer(self) -> str | None:
        """The entry after the one shown, then the draft; None when not walking."""
        if self.position is None:
            return None
        self.position += 1
        if self.position >= len(self.entries):
            self.position = None
            return self.draft
        return self.entries[self.position]


__all__ = ["LIMIT", "History", "history_path", "load_history", "save_history"]
