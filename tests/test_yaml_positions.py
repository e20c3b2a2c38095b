"""One convention for every YAML file the reader reads: a wrong shape is one line naming
file:line:column and what was expected (the checkers of `reader.rules.schema`), never a
traceback. A table per kind of file: eval labels, rule-test files, themes."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest

from reader.cli import EXIT_BAD_INPUT, run

ARTICLE = "A headline\n\nRussia said no, Peskov told reporters.\n\nNATO said yes, Rutte said.\n"

PRIMARY_ANY_TRUE = "article: a.txt\nblocks:\n  - {p: 0, labels: [russia], primary_any: true}\n"

BAD_LABELS = [
    pytest.param(
        PRIMARY_ANY_TRUE,
        "3:43: expected a list, got bool 'true'",
        id="primary_any-a-bool",
    ),
    pytest.param(
        "blocks:\n  - {p: 0, labels: [russia]}\n",
        "1:1: expected key 'article', which is required here",
        id="no-article",
    ),
    pytest.param(
        "article: a.txt\nblocks:\n  - {p: one, labels: [russia]}\n",
        "3:9: expected a whole number, got str 'one'",
        id="p-not-an-int",
    ),
    pytest.param(
        "article: a.txt\nblocks:\n  - {p: -1, labels: []}\n",
        "3:9: expected a whole number of 0 or more",
        id="p-negative",
    ),
    pytest.param(
        "article: a.txt\nblocks:\n  - {p: 0, labels: [russsia]}\n",
        "3:21: expected an actor id, one of: nato, russia, ukraine; got 'russsia' "
        "(did you mean 'russia'?)",
        id="unknown-actor",
    ),
    pytest.param(
        "article: a.txt\nblocks:\n  - {p: 0, labels: russia}\n",
        "3:20: expected a list, got str 'russia'",
        id="labels-not-a-list",
    ),
    pytest.param(
        "article: a.txt\nblocks:\n  - {p: 0}\n",
        "3:5: expected key 'labels', which is required here",
        id="no-labels",
    ),
    pytest.param(
        "article: a.txt\nblocks:\n  - {p: 1, labels: [russia]}\n  - {p: 1, labels: []}\n",
        "4:9: expected each block once, got p: 1 again (first on line 3)",
        id="duplicate-p",
    ),
    pytest.param(
        "article: a.txt\nblocks:\n  - {p: 7, labels: [russia]}\n",
        "3:9: expected a block index below 3 (a.txt has 3 blocks), got 7",
        id="p-out-of-range",
    ),
    pytest.param(
        "articles:\n  - article: missing.txt\n    blocks: []\n",
        "2:14: expected an article file beside the labels, no file 'missing.txt' there",
        id="article-file-missing",
    ),
    pytest.param(
        "articles:\n  - article: a.txt\n    blocks: []\n    labels: [nato]\n",
        "4:5: unknown key 'labels'; expected one of: article, blocks",
        id="unknown-key",
    ),
    pytest.param("[1, 2]\n", "1:1: expected a mapping, got a list", id="not-a-mapping"),
    pytest.param("", "1:1: expected a mapping, got nothing (null)", id="empty-file"),
    pytest.param(
        "article: a.txt\nblocks: !!python/object/apply:os.system ['true']\n",
        "2:9: tag tag:yaml.org,2002:python/object/apply:os.system is not allowed: "
        "labels files hold plain YAML data only",
        id="python-tag",
    ),
]


def reader(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = run(list(argv), out, err)
    return status, out.getvalue(), err.getvalue()


@pytest.mark.parametrize(("labels", "expected"), BAD_LABELS)
def test_a_bad_labels_file_is_one_positioned_line(
    tmp_path: Path, labels: str, expected: str
) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    path = tmp_path / "labels.yaml"
    path.write_text(labels, encoding="utf-8")
    assert reader("eval", str(tmp_path)) == (EXIT_BAD_INPUT, "", f"reader: {path}:{expected}\n")


def test_primary_any_true_no_longer_crashes_the_real_command(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    labels = tmp_path / "labels.yaml"
    labels.write_text(PRIMARY_ANY_TRUE, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "reader", "eval", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert (done.returncode, done.stdout) == (EXIT_BAD_INPUT, "")
    assert done.stderr == f"reader: {labels}:3:43: expected a list, got bool 'true'\n"


BAD_RULE_TESTS = [
    pytest.param(
        "cases:\n  - name: x\n    text: one line\n    expect: [[], []]\n",
        "4:13: expected one entry per block (1), got 2 entries",
        id="expect-longer-than-text",
    ),
    pytest.param(
        "cases:\n  - name: x\n    text: one line\n    expect: {3: [russia]}\n",
        "4:14: expected a block index below 1 (the text has 1 blocks), got 3",
        id="expect-index-out-of-range",
    ),
    pytest.param(
        "cases:\n  - name: x\n    text: one line\n    expect: {one: []}\n",
        "4:14: expected a whole number, got str 'one'",
        id="expect-index-not-a-number",
    ),
    pytest.param(
        "cases:\n  - name: x\n    text: one line\n    expect: [russia]\n",
        "4:14: expected a list of labels or a mapping, got str 'russia'",
        id="labels-not-a-list",
    ),
    pytest.param(
        "cases:\n  - name: x\n    expect: [[]]\n",
        "2:5: expected 'text:' (one block per line) or 'path:' (an article file)",
        id="no-text",
    ),
    pytest.param(
        "cases:\n  - name: x\n    text: one line\n",
        "2:5: expected key 'expect', which is required here",
        id="no-expect",
    ),
    pytest.param("cases: []\n", "1:8: expected at least one test case", id="no-cases"),
    pytest.param(
        "case:\n  - name: x\n",
        "1:1: unknown key 'case' (did you mean 'cases'?); expected one of: config, cases",
        id="misspelt-cases",
    ),
    pytest.param(
        "config: 3\ncases:\n  - {text: a, expect: [[]]}\n",
        "1:9: expected a string, got int '3'",
        id="config-not-a-file-name",
    ),
    pytest.param(
        "cases:\n  - name: x\n    text: one line\n"
        "    expect: [{labels: [russia], evidance: [a]}]\n",
        "4:33: unknown key 'evidance' (did you mean 'evidence'?); "
        "expected one of: labels, primary, evidence, no_evidence",
        id="misspelt-evidence",
    ),
]


@pytest.mark.parametrize(("content", "expected"), BAD_RULE_TESTS)
def test_a_bad_rule_test_file_is_one_positioned_line(
    tmp_path: Path, content: str, expected: str
) -> None:
    path = tmp_path / "cases.yaml"
    path.write_text(content, encoding="utf-8")
    status, out, err = reader("rules", "test", str(path))
    assert (status, out, err) == (EXIT_BAD_INPUT, "", f"reader: {path}:{expected}\n")


GOOD_START = 'name: x\nprimary: "#123456"\n'

BAD_THEMES = [
    pytest.param(
        GOOD_START + "secondary: notacolour\n",
        '3:12: expected a colour like "#4c8dff" or "red", got str \'notacolour\'',
        id="not-a-colour",
    ),
    pytest.param(
        GOOD_START + "dark: yes please\n",
        "3:7: expected true or false, got str 'yes please'",
        id="dark-not-a-bool",
    ),
    pytest.param(
        GOOD_START + "text_alpha: 2\n",
        "3:13: expected a number from 0 to 1, got 2",
        id="alpha-out-of-range",
    ),
    pytest.param(
        'name: "[bold"\nprimary: "#123456"\n',
        "1:7: expected a theme name of letters, digits, '-', '_' or '.', got '[bold'",
        id="name-with-markup",
    ),
    pytest.param(
        GOOD_START + 'actors:\n  nato: blue\n  "bad id": red\n',
        "5:3: expected an actor id (letters, digits, '-' or '_'), got 'bad id'",
        id="bad-actor-id",
    ),
    pytest.param(
        GOOD_START + "actors:\n  nato: 12\n",
        '4:9: expected a colour like "#4c8dff" or "red", got int \'12\'',
        id="actor-colour-a-number",
    ),
    pytest.param(
        GOOD_START + "variables:\n  reader-actor-nato: red\n",
        "4:3: expected a Textual variable, got 'reader-actor-nato': actors go under 'actors'",
        id="reserved-variable",
    ),
    pytest.param(
        GOOD_START + "variables:\n  footer: [1]\n",
        "4:11: expected a text value, got a list",
        id="variable-a-list",
    ),
    pytest.param(
        GOOD_START + 'primary: "#222222"\n',
        "3:1: expected each key once, got 'primary' again",
        id="duplicate-key",
    ),
    pytest.param(
        'primary: "#123456"\n',
        "1:1: expected key 'name', which is required here",
        id="no-name",
    ),
    pytest.param("- a\n", "1:1: expected a mapping, got a list", id="not-a-mapping"),
]


@pytest.mark.parametrize(("content", "expected"), BAD_THEMES)
def test_a_bad_theme_file_is_one_positioned_line(
    tmp_path: Path, content: str, expected: str
) -> None:
    from reader.ui.theme_files import load_themes

    path = tmp_path / "t.yaml"
    path.write_text(content, encoding="utf-8")
    assert load_themes(tmp_path) == ([], [f"{path}:{expected}"])
