"""Fixtures for every test: no test reads or writes the user's real config or state.

The reader keeps reading positions and crash logs under $XDG_STATE_HOME/reader and reads user
themes and config under $XDG_CONFIG_HOME/reader. Every test gets both pointed into its own
tmp_path (child processes inherit them through os.environ), so a test cannot write to
~/.local/state, cannot be changed by what is in ~/.config, and cannot see another test's
saved positions. Fetched pages are cached under $XDG_CACHE_HOME/reader: pointed there too.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from web_server import WebServer


@pytest.fixture(autouse=True)
def _private_xdg_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "xdg-state"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))
    # Tests fetch only from their own servers on 127.0.0.1: never through a proxy.
    for variable in ("http_proxy", "https_proxy", "all_proxy", "HTTP_PROXY", "HTTPS_PROXY"):
        monkeypatch.delenv(variable, raising=False)


@pytest.fixture
def web_server() -> Iterator[WebServer]:
    """A web server on 127.0.0.1 with saved pages and failing routes (tests/web_server.py)."""
    server = WebServer()
    try:
        yield server
    finally:
        server.stop()
