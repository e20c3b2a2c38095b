"""Fixtures for every test: no test reads or writes the user's real config or state.

The reader keeps reading positions and crash logs under $XDG_STATE_HOME/reader, reads user
themes and config under $XDG_CONFIG_HOME/reader and caches compiled rules under
$XDG_CACHE_HOME/reader. Every test gets all three pointed into its own
tmp_path (child processes inherit them through os.environ), so a test cannot write to
~/.local/state, cannot be changed by what is in ~/.config, and cannot see another test's
saved positions. Fetched pages are cached under $XDG_CACHE_HOME/reader: pointed there too.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from _pytest.terminal import TerminalReporter
from web_server import WebServer

_XDG = {
    "XDG_STATE_HOME": "xdg-state",
    "XDG_CONFIG_HOME": "xdg-config",
    "XDG_CACHE_HOME": "xdg-cache",
}
_SESSION_DIRS: list[Path] = []


def pytest_configure(config: pytest.Config) -> None:
    """Before any test module is imported (some build a config at import): point the XDG
    directories at a throwaway folder for the whole run, so even collection writes nothing to
    the real ~/.cache or ~/.local/state and reads nothing from ~/.config."""
    session = Path(tempfile.mkdtemp(prefix="reader-tests-"))
    _SESSION_DIRS.append(session)
    for variable, name in _XDG.items():
        os.environ[variable] = str(session / name)


def pytest_unconfigure(config: pytest.Config) -> None:
    for session in _SESSION_DIRS:
        shutil.rmtree(session, ignore_errors=True)


@pytest.fixture(autouse=True)
def _private_xdg_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for variable, name in _XDG.items():
        monkeypatch.setenv(variable, str(tmp_path / name))
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


def pytest_terminal_summary(terminalreporter: TerminalReporter) -> None:
    """Say loudly which end-to-end tests did not run for want of a tool, and what to install.

    Read from the reports (not from state the tests keep), so it works under pytest-xdist too.
    """
    lines = []
    for report in terminalreporter.stats.get("skipped", []):
        longrepr = getattr(report, "longrepr", None)
        reason = longrepr[2] if isinstance(longrepr, tuple) and len(longrepr) == 3 else ""
        if "NOT RUN:" in str(reason):
            why = str(reason).split("NOT RUN:", 1)[1].strip()
            lines.append(f"{report.nodeid}: {why}")
    if lines:
        terminalreporter.section("END-TO-END TESTS NOT RUN", sep="!", red=True, bold=True)
        for line in sorted(lines):
            terminalreporter.line(line, red=True)
        terminalreporter.line(
            "Install what is named above to run them; under CI (CI=true) they fail instead.",
            bold=True,
        )
