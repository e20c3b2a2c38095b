"""Fixtures for the end-to-end tests: a real terminal (tmux) and a real SSH server.

A missing tmux or OpenSSH must neither fail a newcomer's `make test` nor go unnoticed: the test
is reported as NOT RUN, with the package to install, in its own section at the end of the run
(`tests/conftest.py` prints it). Under CI (`CI` set to true or 1, as CI services and `.ci/run`
do) the tools are required and a missing one fails the test; `.ci/run` installs them.

Every test in this folder carries the `e2e` marker (`make test-fast` leaves them out).
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Protocol

import pytest

from .required import require
from .sshd import Sshd, find_sshd
from .terminal import Terminal

REPO = Path(__file__).resolve().parents[2]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in item.path.parents:
            item.add_marker(pytest.mark.e2e)


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
    require(shutil.which("tmux"), "tmux", "tmux")
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
    require(find_sshd(), "sshd", "openssh-server")
    require(shutil.which("ssh"), "ssh", "openssh-client")
    require(shutil.which("ssh-keygen"), "ssh-keygen", "openssh-client")
    server = Sshd(tmp_path / "sshd")
    request.addfinalizer(server.stop)
    with server:
        yield server
