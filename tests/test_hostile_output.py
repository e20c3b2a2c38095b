"""Headless commands print nothing raw (issue 13.7) and file names that are not UTF-8 never
crash them or reach the output as raw bytes (issue 13.8)."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

from reader.cli import EXIT_BAD_INPUT, EXIT_FAILED, EXIT_OK, run
from reader.safe_text import is_safe

RAW = "\x1b]0;PWNED\x07\x1b[2J\x9b31m\u202e"


def reader(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = run(list(argv), out, err)
    return status, out.getvalue(), err.getvalue()


def raw_free(text: str) -> bool:
    return all(is_safe(line) for line in text.split("\n"))


def test_rules_check_shows_a_hostile_path_safely(tmp_path: Path) -> None:
    folder = tmp_path / f"d{RAW}"
    folder.mkdir()
    rules = folder / "rules.yaml"
    rules.write_text("settings: {threshold: -1}\n", "utf-8")
    status, out, err = reader("rules", "check", str(rules))
    assert status == EXIT_FAILED
    assert "expected a number of 0 or more" in out
    assert raw_free(out) and raw_free(err)
    rules.write_text("settings: {threshold: 1}\n", "utf-8")
    status, out, _ = reader("rules", "check", str(rules))
    assert status == EXIT_OK and out.startswith("ok: ") and raw_free(out)


def test_rules_test_shows_a_hostile_case_name_safely(tmp_path: Path) -> None:
    cases = tmp_path / "cases.yaml"
    name = json.dumps(f"case {RAW}")
    cases.write_text(
        f"cases:\n  - name: {name}\n    text: Peskov said Moscow was ready.\n"
        "    expect: [[russia]]\n",
        "utf-8",
    )
    status, out, err = reader("rules", "test", str(cases))
    assert status == EXIT_OK, out + err
    assert "PASS" in out and "case ␛]0;PWNED␇" in out
    assert raw_free(out) and raw_free(err)


def test_eval_shows_hostile_labels_and_article_names_safely(tmp_path: Path) -> None:
    article = tmp_path / f"a{RAW}.txt"
    article.write_text("Peskov said Moscow was ready.\n", "utf-8")
    labels = tmp_path / "labels.yaml"
    entry = f"articles:\n  - article: {json.dumps(article.name)}\n"
    labels.write_text(entry + "    blocks: [{p: 0, labels: [nato]}]\n", "utf-8")
    status, out, err = reader("eval", str(tmp_path), "-v")
    assert status == EXIT_OK, err
    assert "wrong blocks: 1" in out
    assert raw_free(out) and raw_free(err)
    # A label that names no actor is refused, and the line that says so is shown safely too.
    labels.write_text(
        entry + f"    blocks: [{{p: 0, labels: [{json.dumps('x' + RAW)}]}}]\n", "utf-8"
    )
    status, out, err = reader("eval", str(tmp_path), "-v")
    assert (status, out) == (EXIT_BAD_INPUT, "")
    assert "expected an actor id" in err and err.count("\n") == 1
    assert raw_free(err)


def _bad_name_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "good.txt").write_text("NATO said the talks would go on.\n", "utf-8")
    (folder / os.fsdecode(b"bad\x9b\x9dname.txt")).write_bytes(b"Peskov said Moscow was ready.\n")
    return folder


def test_a_file_name_that_is_not_utf8_is_classified_with_the_others(tmp_path: Path) -> None:
    folder = _bad_name_folder(tmp_path)
    for encoding in ("utf-8", "utf-8:surrogateescape"):
        env = {**os.environ, "PYTHONIOENCODING": encoding, "LC_ALL": "C.UTF-8"}
        for fmt in ("text", "json", "markdown"):
            done = subprocess.run(
                [sys.executable, "-m", "reader", "classify", str(folder), "--format", fmt],
                capture_output=True,
                env=env,
                timeout=60,
                check=False,
            )
            assert done.returncode == EXIT_OK, done.stderr
            out = done.stdout.decode("utf-8")  # strict: valid UTF-8
            assert b"\x9b" not in done.stdout and b"\x9d" not in done.stdout
            assert "NATO said the talks" in out and "Peskov said" in out
            if fmt == "json":
                sources = [article["source"] for article in json.loads(out)]
                # Nothing lost: the exact bytes of the name come back from the JSON.
                assert os.fsencode(sources[0]).endswith(b"bad\x9b\x9dname.txt")
