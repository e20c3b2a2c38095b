"""The `reader` command line as scripts and users meet it: output shapes, exit codes, one-line
errors. `run()` is called in-process; one test runs the installed console script for real."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from reader.cli import EXIT_BAD_INPUT, EXIT_FAILED, EXIT_OK, run
from reader.resources import bundled

SEED = bundled("seeds") / "000_411166840a9e04ac.txt"
RULE_TESTS = Path(__file__).parent / "rules"


def reader(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = run(list(argv), out, err)
    return status, out.getvalue(), err.getvalue()


def write(path: Path, data: str | bytes) -> Path:
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_text(data, encoding="utf-8")
    return path


def test_json_has_the_documented_shape_for_one_article() -> None:
    status, out, err = reader("classify", str(SEED), "--format", "json")
    assert (status, err) == (EXIT_OK, "")
    article = json.loads(out)
    assert set(article) == {"source", "title", "meta", "actors", "blocks", "airtime"}
    assert set(article["meta"]) == {"url", "site", "outlet", "author", "date", "lang"}
    assert [actor["id"] for actor in article["actors"]] == ["nato", "russia", "ukraine"]
    assert article["title"].startswith("NATO won’t risk war")
    first = article["blocks"][0]
    assert set(first) == {
        "index",
        "kind",
        "line",
        "text",
        "labels",
        "primary",
        "scores",
        "evidence",
        "rules",
        "links",
        "speaker",
    }
    assert (first["index"], first["kind"], first["line"]) == (0, "title", 1)
    last = article["blocks"][-1]
    assert last["labels"] == ["russia"] and last["primary"] == "russia"
    evidence = last["evidence"][0]
    assert set(evidence) == {"rule", "actor", "kind", "start", "end", "text", "weight"}
    assert last["text"][evidence["start"] : evidence["end"]] == evidence["text"]


def test_json_is_a_list_for_several_articles_and_jsonl_one_line_each(tmp_path: Path) -> None:
    other = write(tmp_path / "b.txt", "Title\n\nPeskov said the talks had failed.\n")
    status, out, _ = reader("classify", str(SEED), str(other), "--format", "json")
    assert status == EXIT_OK
    assert [article["source"] for article in json.loads(out)] == [str(SEED), str(other)]
    status, out, _ = reader("classify", str(SEED), str(other), "--format", "jsonl")
    lines = out.splitlines()
    assert len(lines) == 2
    assert json.loads(lines[1])["blocks"][1]["labels"] == ["russia"]


def test_text_and_markdown_list_every_block_with_its_labels() -> None:
    _, text, _ = reader("classify", str(SEED), "--format", "text")
    assert text.count("\n[") == 11
    assert "[10] russia" in text
    _, markdown, _ = reader("classify", str(SEED), "--format", "markdown")
    assert "| 10 | paragraph | russia |" in markdown


def test_a_missing_file_is_one_line_and_the_others_are_still_read(tmp_path: Path) -> None:
    status, out, err = reader(
        "classify", str(tmp_path / "gone.txt"), str(SEED), "--format", "jsonl"
    )
    assert status == EXIT_BAD_INPUT
    assert err == f"reader: {tmp_path / 'gone.txt'}: no such file\n"
    assert json.loads(out)["source"] == str(SEED)


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("empty.txt", "", "empty"),
        ("binary.txt", b"\x00\x01\x02binary\x00", "binary"),
        ("blank.txt", "\n\n   \n", "empty"),
    ],
)
def test_unusable_files_give_one_line_and_exit_2(
    tmp_path: Path, name: str, data: str | bytes, expected: str
) -> None:
    path = write(tmp_path / name, data)
    status, out, err = reader("classify", str(path))
    assert status == EXIT_BAD_INPUT
    assert out == ""
    assert err.count("\n") == 1 and err.startswith(f"reader: {path}") and expected in err


def test_a_folder_with_no_articles_is_bad_input(tmp_path: Path) -> None:
    write(tmp_path / "notes.pdf", "x")
    status, _, err = reader("classify", str(tmp_path))
    assert status == EXIT_BAD_INPUT
    assert err.count("\n") == 1 and str(tmp_path) in err


def test_a_file_over_the_size_limit_says_how_to_raise_it(tmp_path: Path) -> None:
    path = write(tmp_path / "big.txt", "Title\n\n" + "Peskov said so.\n" * 2000)
    status, _, err = reader("classify", str(path), "--max-size", "10K")
    assert status == EXIT_BAD_INPUT
    assert "--max-size" in err and err.count("\n") == 1
    assert reader("classify", str(path), "--max-size", "1M")[0] == EXIT_OK


def test_a_broken_rule_file_is_one_line_with_its_position(tmp_path: Path) -> None:
    rules = write(tmp_path / "rules.yaml", "settings:\n  carry_distanse: 3\n")
    status, out, err = reader("classify", str(SEED), "--config", str(rules))
    assert (status, out) == (EXIT_BAD_INPUT, "")
    assert err.startswith(f"reader: {rules}:2:3: unknown key 'carry_distanse'")
    assert err.count("\n") == 1 and "Traceback" not in err


def test_a_yaml_tag_that_builds_python_objects_is_refused(tmp_path: Path) -> None:
    rules = write(tmp_path / "evil.yaml", "theme: !!python/object/apply:os.system ['true']\n")
    status, _, err = reader("classify", str(SEED), "--config", str(rules))
    assert status == EXIT_BAD_INPUT
    assert err.startswith(f"reader: {rules}:1:8:") and err.count("\n") == 1


def test_rules_check_passes_the_defaults_and_fails_a_bad_file(tmp_path: Path) -> None:
    status, out, _ = reader("rules", "check")
    assert status == EXIT_OK and out.startswith("ok: ")
    bad = write(tmp_path / "bad.yaml", "framing:\n  - id: x\n    actor: china\n")
    status, out, _ = reader("rules", "check", str(bad))
    assert status == EXIT_FAILED
    assert f"{bad}:" in out


def test_rules_test_runs_the_shipped_rule_tests() -> None:
    files = sorted(str(path) for path in RULE_TESTS.glob("*.yaml"))
    status, out, _ = reader("rules", "test", *files)
    assert status == EXIT_OK, out
    assert "FAIL" not in out and "PASS" in out


def test_rules_test_fails_when_an_expectation_is_wrong(tmp_path: Path) -> None:
    case = write(
        tmp_path / "wrong.yaml",
        "cases:\n  - name: claims Peskov is NATO\n    text: Peskov said no.\n"
        "    expect: [[nato]]\n",
    )
    status, out, _ = reader("rules", "test", str(case))
    assert status == EXIT_FAILED
    assert "FAIL" in out and "claims Peskov is NATO" in out


def test_a_rule_that_runs_out_of_time_is_named_and_the_article_still_prints(
    tmp_path: Path,
) -> None:
    rules = write(
        tmp_path / "slow.yaml",
        "settings:\n  regex_budget_ms: 50\nframing:\n  - id: framing.slow\n    actor: russia\n"
        "    message: pathological\n    regex: ['(a|aa)+$']\n",
    )
    article = write(tmp_path / "a.txt", "Title\n\n" + "a" * 40 + "b\n\nPeskov said no.\n")
    status, out, err = reader("classify", str(article), "--config", str(rules), "--format", "json")
    assert status == EXIT_OK
    assert "framing.slow" in err and err.count("\n") == 1
    assert json.loads(out)["blocks"][2]["labels"] == ["russia"]


def test_usage_errors_are_one_line_and_exit_2() -> None:
    status, _, err = reader("classify", "--format", "xml", str(SEED))
    assert status == EXIT_BAD_INPUT
    assert err.count("\n") == 1 and "invalid choice" in err


def test_eval_prints_the_figures_for_a_labelled_set() -> None:
    dataset = Path(__file__).parent / "data" / "dev"
    status, out, _ = reader("eval", str(dataset))
    assert status == EXIT_OK
    for figure in ("micro", "macro", "primary", "nato", "russia", "ukraine"):
        assert figure in out.lower()


def test_the_console_script_reads_stdin_and_has_help_everywhere(tmp_path: Path) -> None:
    script = Path(sys.executable).parent / "reader"
    done = subprocess.run(
        [str(script), "classify", "-", "--format", "jsonl"],
        input=b"Truce talks\n\nLavrov said the West was not ready.\n",
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == EXIT_OK, done.stderr
    assert json.loads(done.stdout)["blocks"][1]["labels"] == ["russia"]
    for argv in ([], ["classify"], ["rules", "check"], ["rules", "test"], ["eval"]):
        shown = subprocess.run(
            [str(script), *argv, "--help"], capture_output=True, text=True, timeout=60
        )
        assert shown.returncode == EXIT_OK and shown.stdout.startswith("usage: reader")
