"""What the command line says when it is used wrongly, and what scripts read from it: one line
per problem, no doubled "reader: reader classify:", no argparse internals, positions in files,
every actor's score in JSON."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest

from reader.cli import EXIT_BAD_INPUT, run
from reader.resources import bundled
from reader.ui.themes import bundled_themes

SEED = bundled("seeds") / "000_411166840a9e04ac.txt"


def reader(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = run(list(argv), out, err)
    return status, out.getvalue(), err.getvalue()


@pytest.mark.parametrize(
    ("argv", "says", "see"),
    [
        (["classify"], "the following arguments are required: PATH", "reader classify --help"),
        (["rules"], "the following arguments are required: check|test", "reader rules --help"),
        (["rules", "test"], "required: FILE", "reader rules test --help"),
        (["classify", "x", "--format", "nope"], "invalid choice: 'nope'", "reader classify --help"),
        (["--bogus"], "unrecognized arguments: --bogus", "reader --help"),
    ],
)
def test_usage_errors_say_reader_once_and_name_no_internals(
    argv: list[str], says: str, see: str
) -> None:
    status, _, err = reader(*argv)

    assert status == EXIT_BAD_INPUT
    assert err.count("\n") == 1
    assert err.startswith("reader: ") and not err.startswith("reader: reader")
    assert says in err
    assert f"(see '{see}')" in err
    assert "rules_command" not in err and "_" not in err.split("(see")[0]


def test_help_names_the_themes_instead_of_a_folder_an_installed_reader_lacks(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit):
        run(["--help"], io.StringIO(), io.StringIO())
    # As one line: argparse wraps "reader-light" after its hyphen.
    shown = re.sub(r"-\s+", "-", " ".join(capsys.readouterr().out.split()))

    assert "see themes/" not in shown
    themes, _ = bundled_themes()
    for theme in themes:
        assert theme.name in shown
    assert "$XDG_CONFIG_HOME/reader/themes" in shown


def test_json_scores_list_every_actor_even_at_zero() -> None:
    _, out, _ = reader("classify", str(SEED), "--format", "json")

    article = json.loads(out)
    ids = [actor["id"] for actor in article["actors"]]
    for block in article["blocks"]:
        assert list(block["scores"]) == ids
    assert any(0.0 in block["scores"].values() for block in article["blocks"])


@pytest.mark.parametrize(
    ("text", "where", "says"),
    [
        ("cases: 3\n", ":1:8", "expected a list, got int '3'"),
        ("cases:\n  - just a string\n", ":2:5", "expected a mapping, got str 'just a string'"),
        (
            "cases:\n  - name: a\n    title: T\n",
            ":2:5",
            "expected key 'expect', which is required here",
        ),
        (
            "cases:\n  - name: a\n    text: |\n      One.\n      Two.\n    expect:\n      - []\n",
            ":7:7",
            "expected one entry per block (2), got 1 entries",
        ),
        (
            "cases:\n  - name: a\n    text: One.\n    expect: 3\n",
            ":4:13",
            "expected a list or a mapping {block index: entry}",
        ),
        (
            "cases:\n  - name: a\n    text: One.\n    expect: {5: []}\n",
            ":4:14",
            "expected a block index below 1 (the text has 1 blocks), got 5",
        ),
        (
            "cases:\n  - name: a\n    text: One.\n    expect:\n      - 7\n",
            ":5:9",
            "expected a list of labels or a mapping, got int '7'",
        ),
        ("config: 3\ncases: []\n", ":1:9", "expected a string, got int '3'"),
    ],
)
def test_rules_test_shape_errors_give_line_and_column(
    tmp_path: Path, text: str, where: str, says: str
) -> None:
    path = tmp_path / "shape.yaml"
    path.write_text(text, encoding="utf-8")

    status, _, err = reader("rules", "test", str(path))

    assert status == EXIT_BAD_INPUT
    assert err.startswith(f"reader: {path}{where}: "), err
    assert says in err
