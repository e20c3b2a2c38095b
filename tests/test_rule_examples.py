"""Rule examples (`tests:` in a rule) are checked by `reader rules check` and `reader rules
test`, within one time budget per file, and not on every start or reload (issue 13.6)."""

from __future__ import annotations

import io
from pathlib import Path

from reader.cli import EXIT_FAILED, run
from reader.config import config_from_files
from reader.resources import bundled
from reader.rules.schema import check_examples, check_file, parse_file

WRONG_EXAMPLE = (
    "exclusions:\n  - id: e\n    message: m\n    terms: [so-called]\n"
    "    tests: {match: ['nothing here']}\n"
)


def catastrophic(examples: int) -> str:
    near_miss = "a" * 40 + "!"
    lines = "".join(f"        - '{near_miss}'\n" for _ in range(examples))
    return (
        "exclusions:\n  - id: slow\n    message: m\n    regex: ['(a|aa)+$']\n"
        "    tests:\n      no_match:\n" + lines
    )


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "rules.yaml"
    path.write_text(text, "utf-8")
    return path


def test_a_start_does_not_run_the_examples(tmp_path: Path) -> None:
    path = write(tmp_path, WRONG_EXAMPLE)
    config = config_from_files([bundled("config.yaml"), path])  # no ConfigError
    assert config.sources[-1] == path


def test_rules_check_reports_a_wrong_example(tmp_path: Path) -> None:
    path = write(tmp_path, WRONG_EXAMPLE)
    errors = [str(error) for error in check_file(path)]
    assert errors == [f"{path}:5:21: example should match the rule but does not: 'nothing here'"]


def test_one_budget_for_all_of_a_files_examples(tmp_path: Path) -> None:
    path = write(tmp_path, catastrophic(200))
    errors = [str(error) for error in check_examples(path, parse_file(path).nodes, budget=0.3)]
    # The first example runs out of its share; the next finds the file's budget spent.
    assert len(errors) <= 2, errors
    assert "examples from here on not checked" in errors[-1]
    assert errors[-1].startswith(f"{path}:")


def test_rules_test_checks_the_examples_of_the_config_in_force(tmp_path: Path) -> None:
    path = write(tmp_path, WRONG_EXAMPLE)
    cases = tmp_path / "cases.yaml"
    cases.write_text(
        "cases:\n  - name: one\n    text: Peskov said Moscow was ready.\n    expect: [[russia]]\n",
        "utf-8",
    )
    out, err = io.StringIO(), io.StringIO()
    status = run(["rules", "test", str(cases), "--config", str(path)], out, err)
    assert status == EXIT_FAILED
    assert f"FAIL {path}:5:21: example should match the rule" in out.getvalue()
    assert out.getvalue().endswith("1 passed, 1 failed\n")
