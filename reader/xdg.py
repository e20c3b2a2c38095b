"""The XDG base directories the reader reads its user config from and keeps its state in."""

from __future__ import annotations

import os
from pathlib import Path


def _base(variable: str, fallback: str) -> Path:
    value = os.environ.get(variable, "")
    # The spec says relative paths are invalid and must be ignored.
    if value and Path(value).is_absolute():
        return Path(value)
    return Path.home() / fallback


def config_home() -> Path:
    """$XDG_CONFIG_HOME/reader (default ~/.config/reader)."""
    return _base("XDG_CONFIG_HOME", ".config") / "reader"


def state_home() -> Path:
    """$XDG_STATE_HOME/reader (default ~/.local/state/reader): reading positions, crash logs."""
    return _base("XDG_STATE_HOME", ".local/state") / "reader"


def cache_home() -> Path:
    """$XDG_CACHE_HOME/reader (default ~/.cache/reader): what can be fetched or built again
    (pages fetched from the web, compiled rules)."""
    return _base("XDG_CACHE_HOME", ".cache") / "reader"
