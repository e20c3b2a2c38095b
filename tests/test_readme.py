"""The README tells a newcomer what it takes to run the reader and its tests, and stays true to
the Makefile and pyproject it describes."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
README = (REPO / "README.md").read_text(encoding="utf-8")
MAKEFILE = (REPO / "Makefile").read_text(encoding="utf-8")


def _section(title: str) -> str:
    start = README.index(f"## {title}\n")
    end = README.find("\n## ", start + 1)
    return README[start:end]


def test_after_make_run_it_says_how_to_get_the_reader_command() -> None:
    install = _section("Install and run")
    venv = re.search(r"^VENV := (\S+)$", MAKEFILE, re.MULTILINE)
    assert venv is not None
    script = next(iter(tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["scripts"]))
    # The command lives where the Makefile installs it, and the README says both ways out.
    assert f"{venv.group(1)}/bin/activate" in install
    assert f"{venv.group(1)}/bin/{script} " in install
    assert "pipx install ." in install


def test_every_make_target_the_readme_names_exists() -> None:
    targets = set(re.findall(r"^([a-z][a-z-]*):", MAKEFILE, re.MULTILINE))
    named = set(re.findall(r"`make ([a-z][a-z-]*)`", README))
    assert "test-fast" in named
    assert named <= targets, named - targets


def test_it_says_what_the_end_to_end_tests_need() -> None:
    install = _section("Install and run")
    for package in ("tmux", "openssh-server", "openssh-client"):
        assert package in install
