"""The command palette (`:`): every reader action by name with its key, and a screenshot that
is saved where it can be and says where.

Textual's palette offers its own commands (themes, keys, quit, screenshot). `reader_commands`
adds one per binding of the panels and the app in `reader.ui.keys`, titled with what it does
and its keys as typed ("Aligned / compact · a"), after the user's `keymap:`, so a reader who does
not remember a key finds it by name, and learns the key on the way.

Textual saves a screenshot to ~/Downloads and says "Failed to save screenshot" when that
folder is missing (common on servers). `screenshot_directory` picks the first directory that
can be written: `$XDG_PICTURES_DIR`, ~/Pictures, then the current directory.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

from textual.app import SystemCommand

from reader.ui.keys import KEYS, Key, typed

PALETTE_SCOPES = ("view", "app")
LEFT_OUT = frozenset({"app.palette", "search.submit"})  # the palette itself; Enter in the input

Run = Callable[[Key], Callable[[], object]]


def palette_keys() -> list[Key]:
    """The bindings the palette offers: the panels' and the app's, but itself."""
    return [key for key in KEYS if key.scope in PALETTE_SCOPES and key.id not in LEFT_OUT]


def reader_commands(keymap: Mapping[str, str], run: Run) -> Iterator[SystemCommand]:
    """One palette command per action; `run(key)` makes the callback that runs it."""
    for key in palette_keys():
        keys = typed(keymap.get(key.id, key.keys))
        yield SystemCommand(f"{key.title} · {keys}", f"{key.help} · id {key.id}", run(key))


def screenshot_directory() -> Path | None:
    """Where a screenshot can be saved: the first writable of $XDG_PICTURES_DIR, ~/Pictures
    and the current directory (None when none can be written)."""
    candidates: list[Path] = []
    pictures = os.environ.get("XDG_PICTURES_DIR", "")
    if pictures and Path(pictures).is_absolute():
        candidates.append(Path(pictures))
    candidates += [Path.home() / "Pictures", Path.cwd()]
    for directory in candidates:
        if directory.is_dir() and os.access(directory, os.W_OK | os.X_OK):
            return directory
    return None


__all__ = ["palette_keys", "reader_commands", "screenshot_directory"]
