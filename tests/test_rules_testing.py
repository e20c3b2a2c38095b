"""`reader rules test`: the shipped rule tests pass, and a failing case shows a diff."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from reader.config import load_config
from reader.errors import ConfigError
from reader.rules.testing import run_rule_tests

RULES = Path(__file__).parent / "rules"


def test_shipped_rule_tests_pass() -> None:
    out = io.StringIO()
    files = sorted(RULES.glob("*.yaml"))
    assert len(files) >= 6
    ok = run_rule_tests(files, load_config(), out)
    assert ok, out.getvalue()
    assert "0 failed" in out.getvalue()


def test_a_failing_case_prints_what_was_expected(tmp_path: Path) -> None:
    path = tmp_path / "wrong.yaml"
    path.write_text(
        "cases:\n  - name: wrong on purpose\n    text: |\n"
        "      Kremlin spokesman Dmitry Peskov said the drills were provocative.\n"
        "    expect: [{labels: [nato], evidence: [carry.quote]}]\n",
        encoding="utf-8",
    )
    out = io.StringIO()
    assert run_rule_tests([path], load_config(), out) is False
    report = out.getvalue()
    assert f"FAIL {path}::wrong on purpose" in report
    assert "expected [nato], got [russia]" in report
    assert "rule carry.quote should fire" in report
    assert "0 passed, 1 failed" in report


def test_a_test_file_with_the_wrong_shape_is_a_config_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("cases:\n  - name: x\n    text: one line\n    expect: [[], []]\n")
    with pytest.raises(
        ConfigError, match=r"bad.yaml:4:13: expected one entry per block \(1\), got 2 entries"
    ):
        run_rule_tests([path], load_config(), io.StringIO())
