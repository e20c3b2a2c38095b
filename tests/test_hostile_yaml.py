"""Hostile YAML in rule files, themes, rule tests and labels (issue 13.4, 13.5, 13.10, 13.12,
13.16): each gets one line naming file:line:column and what was expected, never a traceback,
never minutes of work or gigabytes of memory."""

from __future__ import annotations

import io
import json
import os
import re
from pathlib import Path

import pytest

from reader.cli import EXIT_BAD_INPUT, EXIT_FAILED, EXIT_OK, run
from reader.config import config_from_files
from reader.errors import ConfigError
from reader.resources import bundled
from reader.ui.theme_files import load_themes

POSITIONED = re.compile(r"^\S.*:\d+:\d+: \S")


def reader(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = run(list(argv), out, err)
    return status, out.getvalue(), err.getvalue()


def bomb(levels: int, width: int = 10) -> str:
    """The classic "billion laughs": each level lists the previous one `width` times."""
    lines = ['a0: &a0 ["lol"]']
    for level in range(1, levels + 1):
        aliases = ", ".join([f"*a{level - 1}"] * width)
        lines.append(f"a{level}: &a{level} [{aliases}]")
    return "\n".join(lines) + "\n"


def check(tmp_path: Path, text: str, name: str = "rules.yaml") -> tuple[int, list[str]]:
    path = tmp_path / name
    path.write_text(text, "utf-8")
    status, out, err = reader("rules", "check", str(path))
    assert err == ""
    return status, out.splitlines()


def test_an_alias_bomb_is_refused_with_one_line_at_its_place(tmp_path: Path) -> None:
    # 10^5 values from 300 bytes (before: validated for seconds; 8 levels took 29 s).
    status, lines = check(tmp_path, "roles:\n  - x\n" + bomb(5))
    assert status == EXIT_FAILED
    assert len(lines) == 1 and POSITIONED.match(lines[0]), lines
    assert "aliases" in lines[0] and "rules.yaml:" in lines[0]


def test_a_few_aliases_are_still_fine(tmp_path: Path) -> None:
    text = "roles: &r [minister, spokesman]\npronouns: [he, she]\nothers: *r\n"
    status, lines = check(tmp_path, text)
    assert status == EXIT_OK, lines


def test_a_value_that_contains_itself_is_one_line(tmp_path: Path) -> None:
    status, lines = check(tmp_path, "roles: &a [*a]\n")
    assert status == EXIT_FAILED
    assert lines == [
        f"{tmp_path / 'rules.yaml'}:1:8: a YAML alias inside the value it names (a loop)"
    ]


@pytest.mark.parametrize(
    "spelling", [".inf", "-.inf", ".nan", ".NaN", "1" * 5000, "1.0e+400", "9" * 30]
)
def test_numbers_that_are_not_finite_or_sane_get_one_positioned_line(
    tmp_path: Path, spelling: str
) -> None:
    status, lines = check(tmp_path, f"settings:\n  threshold: {spelling}\n")
    assert status == EXIT_FAILED
    assert len(lines) == 1 and ":2:14: expected a finite decimal number" in lines[0], lines


@pytest.mark.parametrize("spelling", ["1" * 5000, "0x" + "f" * 100, ".inf"])
def test_a_whole_number_setting_with_an_odd_spelling_is_one_line(
    tmp_path: Path, spelling: str
) -> None:
    status, lines = check(tmp_path, f"settings: {{carry_distance: {spelling}}}\n")
    assert status == EXIT_FAILED
    assert len(lines) == 1 and ":1:28: expected a " in lines[0], lines
    assert "whole number" in lines[0]


@pytest.mark.parametrize("spelling", ["0x10", "0b101", "1:30", "017", "0o17"])
def test_numbers_in_other_bases_are_refused_rather_than_misread(
    tmp_path: Path, spelling: str
) -> None:
    # YAML 1.1 reads these as 16, 5, 90 (base 60), 15 (octal) and 15: nobody means that.
    status, lines = check(tmp_path, f"settings: {{carry_distance: {spelling}}}\n")
    assert status == EXIT_FAILED
    assert len(lines) == 1 and ":1:28: expected a " in lines[0], lines
    assert "whole number" in lines[0]


@pytest.mark.parametrize(("spelling", "value"), [("3", 3), ("+2", 2), ("1_0", 10), ("0", 0)])
def test_decimal_whole_numbers_read_as_written(tmp_path: Path, spelling: str, value: int) -> None:
    path = tmp_path / "rules.yaml"
    path.write_text(f"settings: {{carry_distance: {spelling}}}\n", "utf-8")
    assert config_from_files([bundled("config.yaml"), path]).carry_distance == value


@pytest.mark.parametrize("budget", ["0", "1.0e+9", "100000000000000000000"])
def test_a_regex_budget_out_of_bounds_is_refused(tmp_path: Path, budget: str) -> None:
    status, lines = check(tmp_path, f"settings: {{regex_budget_ms: {budget}}}\n")
    assert status == EXIT_FAILED
    assert len(lines) == 1 and ":1:29: expected a" in lines[0], lines


def test_no_infinity_reaches_the_json(tmp_path: Path) -> None:
    path = tmp_path / "rules.yaml"
    path.write_text("settings: {weights: {attribution: .inf}}\n", "utf-8")
    article = tmp_path / "a.txt"
    article.write_text("Peskov said Moscow was ready.\n", "utf-8")
    status, out, err = reader("classify", str(article), "--config", str(path), "--format", "json")
    assert status == EXIT_BAD_INPUT and out == ""
    assert err.count("\n") == 1 and ":1:35: expected a finite decimal number" in err


def test_a_huge_rule_file_and_an_endless_device_are_refused_by_size(tmp_path: Path) -> None:
    huge = tmp_path / "huge.yaml"
    huge.write_text("roles: ['" + "x" * (5 * 1024 * 1024) + "']\n", "utf-8")
    for path in (huge, Path("/dev/zero")):
        status, out, _ = reader("rules", "check", str(path))
        assert status == EXIT_FAILED
        assert out == f"{path}: file is over the 4 MB limit for YAML files\n"
        with pytest.raises(ConfigError, match="over the 4 MB limit"):
            config_from_files([bundled("config.yaml"), path])


def test_a_bad_config_at_start_is_one_line_and_exit_2(tmp_path: Path) -> None:
    path = tmp_path / "rules.yaml"
    path.write_text("framing: &f [*f]\n", "utf-8")
    status, out, err = reader("classify", str(bundled("seeds")), "--config", str(path))
    assert (status, out) == (EXIT_BAD_INPUT, "")
    assert err == f"reader: {path}:1:10: a YAML alias inside the value it names (a loop)\n"


def theme_problems(tmp_path: Path, text: str) -> list[str]:
    folder = tmp_path / "themes"
    folder.mkdir(exist_ok=True)
    (folder / "t.yaml").write_text(text, "utf-8")
    themes, problems = load_themes(folder)
    assert themes == []
    return problems


def test_a_theme_name_with_markup_is_refused_at_its_place(tmp_path: Path) -> None:
    problems = theme_problems(tmp_path, 'name: "[bold red]x[/"\nprimary: "#4c8dff"\n')
    assert len(problems) == 1 and ":1:7: expected a theme name of letters" in problems[0]


def test_a_theme_alias_bomb_is_one_short_line(tmp_path: Path) -> None:
    problems = theme_problems(tmp_path, "name: t\nprimary: '#4c8dff'\nvariables:\n" + bomb(6))
    assert len(problems) == 1 and len(problems[0]) < 300, problems
    assert "aliases" in problems[0]


def test_a_theme_with_a_huge_integer_is_one_line(tmp_path: Path) -> None:
    problems = theme_problems(tmp_path, f"name: t\nprimary: '#4c8dff'\ntext_alpha: {'1' * 5000}\n")
    assert len(problems) == 1 and ":3:13:" in problems[0], problems


def test_deeply_nested_labels_are_one_line(tmp_path: Path) -> None:
    (tmp_path / "labels.yaml").write_text(
        "articles:\n" + "".join("  " * i + "- \n" for i in range(1, 20_000)), "utf-8"
    )
    status, out, err = reader("eval", str(tmp_path))
    assert status == EXIT_BAD_INPUT and out == ""
    assert err.count("\n") == 1 and "labels.yaml" in err and "nest" in err, err


def test_an_alias_bomb_in_a_rule_test_file_is_one_line(tmp_path: Path) -> None:
    cases = tmp_path / "cases.yaml"
    cases.write_text(bomb(7) + "cases: []\n", "utf-8")
    status, out, err = reader("rules", "test", str(cases))
    assert status == EXIT_BAD_INPUT and out == ""
    assert err.count("\n") == 1 and "aliases" in err and "cases.yaml:" in err


def test_json_is_valid_after_all(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Peskov said Moscow was ready.\n", "utf-8")
    status, out, _ = reader("classify", str(article), "--format", "json")
    assert status == EXIT_OK
    assert "Infinity" not in out and json.loads(out)["blocks"]


def test_a_huge_value_in_the_wrong_place_is_quoted_short(tmp_path: Path) -> None:
    actor = f"{{id: {'k' * 9000}, label: K, colour: red, tag: K}}"
    text = f"roles: [{'1' * 5000}]\nextra_actors: [{actor}]\n"
    status, lines = check(tmp_path, text)
    assert status == EXIT_FAILED
    assert len(lines) == 2 and all(len(line) < 200 + len(str(tmp_path)) for line in lines), lines
    assert ":1:9: expected a string, got int '111" in lines[0] and lines[0].endswith("…")
    assert ":2:21: expected an id of lower-case" in lines[1] and lines[1].endswith("…")


def test_a_fifo_among_the_themes_is_one_line_not_a_wait(tmp_path: Path) -> None:
    folder = tmp_path / "themes"
    folder.mkdir()
    os.mkfifo(folder / "pipe.yaml")
    themes, problems = load_themes(folder)
    assert themes == []
    assert problems == [f"{folder / 'pipe.yaml'}: cannot read theme: not a regular file"]


@pytest.mark.parametrize(
    "front",
    ["url: " + "[" * 2000 + "]" * 2000, "url: " + "1" * 5000, bomb(9), "url: &a [*a]"],
)
def test_hostile_front_matter_is_article_text_not_a_crash(tmp_path: Path, front: str) -> None:
    article = tmp_path / "a.md"
    article.write_text(f"---\n{front}\n---\nPeskov said Moscow was ready.\n", "utf-8")
    status, out, err = reader("classify", str(article), "--format", "json")
    assert (status, err) == (EXIT_OK, "")
    blocks = json.loads(out)["blocks"]
    assert blocks[-1]["text"] == "Peskov said Moscow was ready."
