"""Fixtures for every test: no test reads or writes the user's real config or state.

The reader keeps reading positions and crash logs under $XDG_STATE_HOME/reader and reads user
themes and config under $XDG_CONFIG_HOME/reader. Every test gets both pointed into its own
tmp_path (child processes inherit them through os.environ), so a test cannot write to
~/.local/state, cannot be changed by what is in ~/.config, and cannot see another test's
saved positions.
"""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def _private_xdg_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "xdg-state"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
