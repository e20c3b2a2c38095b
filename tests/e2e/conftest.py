"""Fixtures for the end-to-end tests: a real terminal (tmux) and a real SSH server.

A missing tmux or OpenSSH fails the test with the package to install; it never skips, since a
skipped end-to-end test is a test that silently stopped running. `.ci/run` installs both.
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Protocol

import pytest

from .sshd import Sshd, find_sshd
from .terminal import Terminal

REPO = Path(__file__).resolve().parents[2]


def _require(binary: str | None, name: str, package: str) -> None:
    if binary is None:
        pytest.fail(
            f"{name} is not installed; the end-to-end tests need it: "
            f"apt-get install {package} (.ci/run does this)",
            pytrace=False,
        )


@pytest.fixture
def reader() -> Path:
    """The `reader` console script of the environment running the tests (never installed here)."""
    script = Path(sys.executable).parent / "reader"
    if not script.exists():
        pytest.fail(
            f"no reader console script at {script}: run `pip install -e .` in this venv",
            pytrace=False,
        )
    return script


@pytest.fixture
def seeds() -> Path:
    """The bundled seed articles of this checkout."""
    return REPO / "seeds"


@pytest.fixture
def reader_env(tmp_path: Path) -> dict[str, str]:
    """Environment for a reader under test: its state and config stay in the test's directory."""
    return {
        "XDG_STATE_HOME": str(tmp_path / "xdg-state"),
        "XDG_CONFIG_HOME": str(tmp_path / "xdg-config"),
        "XDG_CACHE_HOME": str(tmp_path / "xdg-cache"),
        "TERM": "xterm-256color",
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
    }


class TerminalFactory(Protocol):
    def __call__(
        self,
        command: Sequence[str] | str,
        *,
        width: int = 80,
        height: int = 24,
        env: Mapping[str, str] | None = None,
        cwd: Path | None = None,
    ) -> Terminal: ...


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[TerminalFactory]:
    """Start a command in its own tmux server at a given size; every one is killed afterwards."""
    _require(shutil.which("tmux"), "tmux", "tmux")
    started: list[Terminal] = []

    def start(
        command: Sequence[str] | str,
        *,
        width: int = 80,
        height: int = 24,
        env: Mapping[str, str] | None = None,
        cwd: Path | None = None,
    ) -> Terminal:
        term = Terminal(tmp_path / f"terminal-{len(started)}", width=width, height=height)
        started.append(term)
        term.start(command, env=env, cwd=cwd)
        return term

    try:
        yield start
    finally:
        for term in started:
            term.kill()


@pytest.fixture
def sshd(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Sshd]:
    """A throwaway sshd on 127.0.0.1, stopped by its pid however the test ends."""
    _require(find_sshd(), "sshd", "openssh-server")
    _require(shutil.which("ssh"), "ssh", "openssh-client")
    _require(shutil.which("ssh-keygen"), "ssh-keygen", "openssh-client")
    server = Sshd(tmp_path / "sshd")
    request.addfinalizer(server.stop)
    with server:
        yield server
