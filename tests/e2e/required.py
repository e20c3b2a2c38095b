"""The tools a test drives from outside (tmux, OpenSSH, Chromium): required under CI, reported
loudly as NOT RUN on a newcomer's machine that lacks one, never a failure there.

`tests/conftest.py` collects the NOT RUN reasons into their own section at the end of the run.
"""

from __future__ import annotations

import os

import pytest

NOT_RUN = "NOT RUN:"
"""How a test skipped for a missing tool begins its reason (the summary looks for it)."""


def under_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in {"true", "1", "yes"}


def require(binary: str | None, name: str, package: str) -> str:
    """Return `binary` if it was found; else fail under CI, or skip loudly for a newcomer."""
    if binary is not None:
        return binary
    message = f"{name} is not installed; the end-to-end tests need it: apt-get install {package}"
    if under_ci():
        pytest.fail(f"{message} (required under CI; .ci/run installs it)", pytrace=False)
    pytest.skip(f"{NOT_RUN} {message}")
