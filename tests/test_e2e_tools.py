"""A newcomer's `make test` passes on a machine without tmux or sshd, and says loudly what it
did not run; under CI (CI=true) a missing tool fails the end-to-end tests instead.

The suite is run in a child pytest with a PATH that hides tmux (an empty directory), on one
end-to-end test that needs it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
NEEDS_TMUX = (
    "tests/e2e/test_harness.py::test_a_program_in_tmux_is_seen_typed_at_and_its_exit_status_read"
)

pytestmark = pytest.mark.slow


def _pytest_without_tools(tmp_path: Path, *, ci: str | None) -> subprocess.CompletedProcess[str]:
    empty = tmp_path / "empty-path"
    empty.mkdir(exist_ok=True)
    env = {key: value for key, value in os.environ.items() if key not in {"CI", "PYTEST_ADDOPTS"}}
    env["PATH"] = str(empty)
    if ci is not None:
        env["CI"] = ci
    return subprocess.run(
        [sys.executable, "-m", "pytest", NEEDS_TMUX, "-q", "-p", "no:cacheprovider", "-n", "0"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_a_missing_tool_does_not_fail_a_newcomers_run_but_says_what_did_not_run(
    tmp_path: Path,
) -> None:
    done = _pytest_without_tools(tmp_path, ci=None)

    assert done.returncode == 0, done.stdout + done.stderr
    assert "END-TO-END TESTS NOT RUN" in done.stdout
    assert "tmux is not installed" in done.stdout
    assert "apt-get install tmux" in done.stdout
    assert "test_a_program_in_tmux" in done.stdout  # which test did not run


@pytest.mark.parametrize("ci", ["true", "1"])
def test_under_ci_a_missing_tool_fails_the_end_to_end_tests(tmp_path: Path, ci: str) -> None:
    done = _pytest_without_tools(tmp_path, ci=ci)

    assert done.returncode == 1, done.stdout + done.stderr
    assert "tmux is not installed" in done.stdout
    assert "apt-get install tmux" in done.stdout
