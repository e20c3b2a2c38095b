"""`reader rules coverage`: the counts a rule writer sees, for the rules of every section.

A tiny rule file adds three framing rules over the bundled config: one whose term is in two
articles (a class), one whose term is in one (a phrase) and one whose term is in none. Their
terms are invented words, so no bundled rule and no other article can move the counts. A
second adds an exclusion, an action, a step and a source rule that fire (each acting without
evidence of its own: `Verdict.rules`) and an exclusion that does not.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from reader.cli import EXIT_BAD_INPUT, EXIT_OK, run
from reader.config import config_from_files
from reader.resources import bundled
from reader.rules.coverage import GRAMMAR, Coverage, RuleCount, compare, rules_in_force
from reader.rules.grammar import GRAMMAR_RULES

RULES = """\
framing:
  - id: framing.test.class
    actor: russia
    message: a term many articles use
    terms: [glorbic venture]
  - id: framing.test.phrase
    actor: ukraine
    message: a term one article uses
    terms: [plinthwise accord]
  - id: framing.test.silent
    actor: nato
    message: a term no article uses
    terms: [zyxquor pact]
"""

ARTICLES = {
    "one.txt": "The glorbic venture goes on\n\nOfficials called it a glorbic venture again.\n\n"
    "The plinthwise accord was signed on Monday.\n",
    "two.txt": "A quiet week\n\nThe glorbic venture was in the news.\n\nNothing else happened.\n",
}


# Rules of the sections that leave no evidence of their own, each in invented or rare words.
OTHER_RULES = """\
exclusions:
  - id: exclusion.test.manner
    message: "'warned zanthically' is a manner of speaking, no warning"
    terms: [warned zanthically]
  - id: exclusion.test.silent
    message: a phrase no article uses
    terms: [vexnor shade]
actions:
  - id: action.test.greeting
    message: "'said hello to X' is a greeting, an act, no position"
    regex: ["\\\\bsaid\\\\s+hello\\\\s+to\\\\b"]
steps:
  - id: step.test.compact
    message: "'dismantled the plinth compact' is a formal step"
    regex: ["\\\\bdismantl(?:e|es|ed|ing)\\\\s+the\\\\s+plinth\\\\s+compact\\\\b"]
sources:
  - id: source.test.bulletin
    message: "'Frobnitz bulletin ...' is the alliance's own bulletin: its voice"
    actor: nato
    titles: ["^\\\\W*frobnitz\\\\s+bulletin\\\\b"]
"""

OTHER_ARTICLES = {
    "week.txt": "A quiet week\n\nLavrov said hello to the envoy on Monday.\n\n"
    "Shoigu warned zanthically about the weather.\n\n"
    "Moscow dismantled the plinth compact on Friday.\n",
    "bulletin.txt": "Frobnitz bulletin on the drills\n\n"
    "The drills went well and will go on next month.\n",
}


def reader(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = run(list(argv), out, err)
    return status, out.getvalue(), err.getvalue()


@pytest.fixture
def corpus(tmp_path: Path) -> tuple[Path, Path]:
    """A folder of two articles, and the rule file."""
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    rules = tmp_path / "rules.yaml"
    rules.write_text(RULES, encoding="utf-8")
    return folder, rules


@pytest.fixture
def other_corpus(tmp_path: Path) -> tuple[Path, Path]:
    """A folder of two articles for the rules that leave no evidence, and their rule file."""
    folder = tmp_path / "other"
    folder.mkdir()
    for name, text in OTHER_ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    rules = tmp_path / "other.yaml"
    rules.write_text(OTHER_RULES, encoding="utf-8")
    return folder, rules


def _row(out: str, rule: str) -> list[str]:
    """The table row of `rule`: [id, blocks, articles, (against blocks, articles)]."""
    (line,) = [line for line in out.splitlines() if line.split()[:1] == [rule]]
    return line.split()


def test_the_table_counts_blocks_and_articles_per_rule(corpus: tuple[Path, Path]) -> None:
    folder, rules = corpus

    status, out, err = reader("rules", "coverage", str(folder), "--config", str(rules))

    assert (status, err) == (EXIT_OK, "")
    assert out.startswith("2 articles, 6 blocks: ")
    assert _row(out, "framing.test.class") == ["framing.test.class", "3", "2"]
    assert _row(out, "framing.test.phrase") == ["framing.test.phrase", "1", "1"]
    assert _row(out, "framing.test.silent") == ["framing.test.silent", "0", "0"]
    # Grouped by section, busiest first within it.
    framing = out.index("\nframing ")
    assert framing < out.index("framing.test.class") < out.index("framing.test.phrase")
    assert out.index("\ngrammar ") < framing


def test_the_never_fired_list_names_the_silent_rule_and_no_fired_one(
    corpus: tuple[Path, Path],
) -> None:
    folder, rules = corpus

    _, out, _ = reader("rules", "coverage", str(folder), "--config", str(rules))

    never = out[out.index("never fired: ") :].splitlines()
    listed = [line.split(": ")[1] for line in never[1:]]
    assert "  framing: framing.test.silent" in never
    assert "framing.test.class" not in listed
    assert "framing.test.phrase" not in listed
    assert never[0] == f"never fired: {len(listed)} rules"


def test_json_has_stable_keys_and_the_same_counts(corpus: tuple[Path, Path]) -> None:
    folder, rules = corpus

    status, out, _ = reader(
        "rules", "coverage", str(folder), "--config", str(rules), "--format", "json"
    )

    data = json.loads(out)
    assert status == EXIT_OK
    assert list(data) == [
        "articles",
        "blocks",
        "rules",
        "never_fired",
        "single_article",
        "against",
        "only_here",
        "only_against",
    ]
    assert (data["articles"], data["blocks"], data["against"]) == (2, 6, None)
    rows = {row["id"]: row for row in data["rules"]}
    assert rows["framing.test.class"] == {
        "id": "framing.test.class",
        "section": "framing",
        "blocks": 3,
        "articles": 2,
    }
    assert "framing.test.silent" in data["never_fired"]
    assert "framing.test.phrase" in data["single_article"]
    assert "framing.test.class" not in data["single_article"]
    sections = {row["section"] for row in data["rules"]}
    assert sections >= {GRAMMAR, "framing", "exclusions", "actions", "steps", "sources"}


def test_exclusion_action_step_and_source_rules_are_counted_where_they_act(
    other_corpus: tuple[Path, Path],
) -> None:
    """Each acts without evidence of its own: the exclusion and the action take their span
    (a speech verb) away, the step is read with its subject, the source matches the title and
    gives the paragraph after it the bulletin's voice."""
    folder, rules = other_corpus

    status, out, err = reader("rules", "coverage", str(folder), "--config", str(rules))

    assert (status, err) == (EXIT_OK, "")
    assert "not traced" not in out
    assert _row(out, "exclusion.test.manner") == ["exclusion.test.manner", "1", "1"]
    assert _row(out, "action.test.greeting") == ["action.test.greeting", "1", "1"]
    assert _row(out, "step.test.compact") == ["step.test.compact", "1", "1"]
    assert _row(out, "source.test.bulletin") == ["source.test.bulletin", "2", "1"]
    assert _row(out, "exclusion.test.silent") == ["exclusion.test.silent", "0", "0"]
    assert "  exclusions: exclusion.test.silent" in out[out.index("never fired: ") :]
    for section in ("exclusions", "actions", "steps", "sources"):
        assert f"\n{section} " in out


def test_classify_json_names_the_action_that_left_a_block_without_labels(
    other_corpus: tuple[Path, Path],
) -> None:
    """ "Lavrov said hello to ..." is Russia's by its speech verb; the action rule takes the
    verb away, and the block's `rules` say which rule did."""
    folder, rules = other_corpus
    article = str(folder / "week.txt")

    _, bundled_only, _ = reader("classify", "--format", "json", article)
    status, out, _ = reader("classify", "--format", "json", "--config", str(rules), article)

    before, after = json.loads(bundled_only)["blocks"][1], json.loads(out)["blocks"][1]
    assert status == EXIT_OK
    assert (before["labels"], before["rules"]) == (["russia"], [])
    assert (after["labels"], after["primary"]) == ([], None)
    assert after["rules"] == ["action.test.greeting"]
    assert [block["rules"] for block in json.loads(out)["blocks"][2:]] == [
        ["exclusion.test.manner"],
        ["step.test.compact"],
    ]


def test_against_a_second_corpus_shows_the_rules_that_fire_on_one_only(
    corpus: tuple[Path, Path], tmp_path: Path
) -> None:
    folder, rules = corpus
    other, quiet = tmp_path / "other.txt", tmp_path / "quiet.txt"
    other.write_text("Another week\n\nThe glorbic venture was in the news.\n", encoding="utf-8")
    quiet.write_text("A third week\n\nNothing happened.\n", encoding="utf-8")

    status, out, _ = reader(
        "rules",
        "coverage",
        str(folder),
        "--config",
        str(rules),
        "--against",
        str(other),
        str(quiet),
    )
    _, text, _ = reader("rules", "coverage", str(folder), "--against", str(other))

    assert status == EXIT_OK
    assert _row(out, "framing.test.class") == ["framing.test.class", "3", "2", "1", "1"]
    here_only = out[out.index("fired here only: ") :].split("\n\n")[0].splitlines()
    assert here_only == ["fired here only: 1 rule", "  framing.test.phrase"]
    assert "fired --against only: 0 rules" in out
    assert "against: 2 articles, 4 blocks" in out
    assert "framing.test.class" not in text  # without --config the rules are not in force


def test_a_bad_path_is_one_line_and_exit_2(tmp_path: Path) -> None:
    status, out, err = reader("rules", "coverage", str(tmp_path / "missing.txt"))

    assert status == EXIT_BAD_INPUT
    assert out == ""
    assert err == f"reader: {tmp_path / 'missing.txt'}: no such file\n"


def test_a_bad_config_is_one_line_and_exit_2(corpus: tuple[Path, Path], tmp_path: Path) -> None:
    folder, _ = corpus
    bad = tmp_path / "bad.yaml"
    bad.write_text("framing:\n  - id: framing.x\n    colour: red\n", encoding="utf-8")

    status, out, err = reader("rules", "coverage", str(folder), "--config", str(bad))

    assert (status, out) == (EXIT_BAD_INPUT, "")
    assert err.count("\n") == 1
    assert err.startswith(f"reader: {bad}:")
    assert "Traceback" not in err


def test_the_table_is_every_rule_in_force_once() -> None:
    """The table enumerates what `reader rules check` and test_rule_ids.py do: the grammar's
    declarations and the config's merged ids, each once, in its own section."""
    config = config_from_files([bundled("config.yaml")])
    rules = rules_in_force(config)

    assert [rule for rule, section in rules.items() if section == GRAMMAR] == list(GRAMMAR_RULES)
    configured = [rule for ids in config.rule_ids.values() for rule in ids]
    assert sorted(rules) == sorted([*GRAMMAR_RULES, *configured])
    assert {rules[rule] for rule in config.rule_ids["actions"]} == {"actions"}


def test_compare_lists_each_side_s_own_rules_in_table_order() -> None:
    def corpus(*counts: tuple[str, int]) -> Coverage:
        rows = tuple(RuleCount(rule, "framing", blocks, min(blocks, 1)) for rule, blocks in counts)
        return Coverage(1, 10, rows)

    dev = corpus(("a", 5), ("b", 2), ("c", 1), ("d", 0))
    new = corpus(("c", 4), ("d", 3), ("a", 1), ("b", 0))

    diff = compare(dev, new)

    assert (diff.only_first, diff.only_second) == (("b",), ("d",))
