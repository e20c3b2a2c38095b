"""Each case of tests/rules/*.yaml as a test of its own: `pytest -k "carry.yaml and pronoun"`
runs one, and a failing case fails alone, with the blocks that went wrong."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.config import Config, load_config
from reader.rules.testing import RuleCase, case_config, check_case, rule_cases

RULE_FILES = sorted((Path(__file__).parent / "rules").glob("*.yaml"))
CASES = [case for path in RULE_FILES for case in rule_cases(path)]


@pytest.fixture(scope="module")
def configs() -> dict[Path, Config]:
    """The config of each rule test file (most use the bundled one), built once."""
    default = load_config()
    return {path: case_config(rule_cases(path)[0], default) for path in RULE_FILES}


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_rule_case(case: RuleCase, configs: dict[Path, Config]) -> None:
    problems = check_case(case, configs[case.path])
    assert not problems, "\n".join(problems)


def test_every_case_has_its_own_name() -> None:
    """A case is selected by its file and name: two with one name could not be run apart."""
    ids = [case.id for case in CASES]
    assert len(ids) == len(set(ids))
