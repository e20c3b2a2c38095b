"""What the reader remembers between runs beyond reading positions: the theme picked in the
command palette.

A theme chosen live is remembered with the `theme:` of the config it was chosen under, and
used again only while that config setting is unchanged: `--theme` always wins, and editing
`theme:` in config.yaml takes over again. Kept as JSON in `$XDG_STATE_HOME/reader/
preferences.json`; a missing, unreadable or corrupt file is simply no preference (it is never
worth a warning), and a write that fails loses only the preference.
"""

from __future__ import annotations

import json
from pathlib import Path

from reader.atomic import write_text_atomic
from reader.xdg import state_home

FILE_NAME = "preferences.json"


def preferences_path() -> Path:
    return state_home() / FILE_NAME


def remembered_theme(config_theme: str | None, path: Path | None = None) -> str | None:
    """The theme picked last under this `theme:` setting, if any."""
    try:
        data = json.loads((path or preferences_path()).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("config_theme") != config_theme:
        return None
    theme = data.get("theme")
    return theme if isinstance(theme, str) and theme else None


def remember_theme(theme: str, config_theme: str | None, path: Path | None = None) -> bool:
    """Keep `theme` as the one picked under `config_theme`; False when it could not be."""
    record = {"theme": theme, "config_theme": config_theme}
    return write_text_atomic(path or preferences_path(), json.dumps(record))


__all__ = ["preferences_path", "remember_theme", "remembered_theme"]
