"""Config validation: every problem names file:line:column and says what was expected."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.config import config_from_files, config_paths, load_config
from reader.errors import ConfigError
from reader.resources import bundled
from reader.rules.schema import check_file


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "rules.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _one(path: Path) -> str:
    errors = check_file(path)
    assert len(errors) == 1, [str(e) for e in errors]
    return str(errors[0])


def test_bundled_config_is_valid_and_loads() -> None:
    assert check_file(bundled("config.yaml")) == []
    config = load_config()
    assert [a.id for a in config.actors] == ["nato", "russia", "ukraine"]
    assert config.sources[0] == bundled("config.yaml")
    assert config.carry_distance >= 1


def test_no_bundled_regex_scans_to_the_end_of_a_paragraph_without_a_bound() -> None:
    """A negated class repeated without a bound ("[^.;]*") scans to the paragraph's end from
    every match of what comes before it: on a paragraph with no stop (a page that lost its
    punctuation) that is quadratic, the rule runs out of its time budget and is switched off
    for the article. Every such run in the bundled rules is bounded ("[^.;]{0,600}")."""
    import re

    text = bundled("config.yaml").read_text(encoding="utf-8")
    unbounded = [
        f"config.yaml:{number}"
        for number, line in enumerate(text.splitlines(), 1)
        if re.search(r"\[\^[^\]]*\]\*", line)
    ]
    assert unbounded == []


def test_unknown_key_suggests_the_closest(tmp_path: Path) -> None:
    path = _write(tmp_path, "settings:\n  carry_distanse: 2\n")
    assert _one(path) == (
        f"{path}:2:3: unknown key 'carry_distanse' (did you mean 'carry_distance'?); "
        "expected one of: carry_distance, threshold, min_score, weights, regex_budget_ms"
    )


def test_wrong_type(tmp_path: Path) -> None:
    path = _write(tmp_path, "roles: minister\n")
    assert _one(path) == f"{path}:1:8: expected a list, got str 'minister'"


def test_regex_that_does_not_compile(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "exclusions:\n  - id: bad\n    message: broken\n    regex: ['what (moscow']\n",
    )
    assert _one(path).startswith(f"{path}:4:13: regex does not compile: missing )")


def test_unknown_actor_id(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "framing:\n  - id: f1\n    actor: rusia\n    message: m\n    terms: [x]\n",
    )
    assert _one(path) == (
        f"{path}:3:12: unknown actor 'rusia' (did you mean 'russia'?); "
        "known actors: nato, russia, ukraine"
    )


def test_duplicate_rule_id(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "exclusions:\n"
        "  - {id: same, message: a, terms: [x]}\n"
        "  - {id: same, message: b, terms: [y]}\n",
    )
    assert _one(path) == f"{path}:3:10: duplicate rule id 'same' (first at {path}:2)"


def test_missing_required_key(tmp_path: Path) -> None:
    path = _write(tmp_path, "actors:\n  - id: eu\n    label: EU\n    tag: E\n")
    assert _one(path) == f"{path}:2:5: expected key 'colour', which is required here"


def test_rule_examples_are_checked(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "exclusions:\n  - id: e\n    message: m\n    terms: [so-called]\n"
        "    tests: {match: ['a so-called force'], no_match: ['so-called again']}\n",
    )
    assert "example should not match the rule but does: 'so-called again'" in _one(path)


def test_python_tags_are_refused(tmp_path: Path) -> None:
    path = _write(tmp_path, "theme: !!python/object/apply:os.system ['echo hi']\n")
    message = _one(path)
    assert message.startswith(f"{path}:1:8: tag tag:yaml.org,2002:python/object/apply:os.system")
    assert "plain YAML data only" in message
    with pytest.raises(ConfigError):
        config_from_files([bundled("config.yaml"), path])


def test_load_raises_the_first_problem_as_one_line(tmp_path: Path) -> None:
    path = _write(tmp_path, "settings:\n  threshold: high\n  carry_distance: -1\n")
    with pytest.raises(ConfigError) as caught:
        config_from_files([bundled("config.yaml"), path])
    assert str(caught.value) == f"{path}:2:14: expected a number, got str 'high'"
    assert len(check_file(path)) == 2


def test_invalid_yaml_names_its_position(tmp_path: Path) -> None:
    path = _write(tmp_path, "roles: [a, b\n")
    (error,) = check_file(path)
    assert str(error).startswith(f"{path}:2:1: invalid YAML")


def test_later_files_replace_top_level_keys(tmp_path: Path) -> None:
    path = _write(tmp_path, "theme: nord\nsettings:\n  carry_distance: 1\n")
    config = config_from_files([bundled("config.yaml"), path])
    assert config.theme == "nord"
    assert config.carry_distance == 1
    assert config.rules.threshold == 0.2  # the whole settings key was replaced: defaults apply
    assert [a.id for a in config.actors] == ["nato", "russia", "ukraine"]


def test_config_paths_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    explicit = tmp_path / "extra.yaml"
    assert config_paths(explicit) == [bundled("config.yaml"), explicit]
    user = tmp_path / "reader" / "config.yaml"
    user.parent.mkdir()
    user.write_text("theme: x\n", encoding="utf-8")
    assert config_paths(None) == [bundled("config.yaml"), user]
    assert load_config().theme == "x"


def test_rules_check_warns_about_nested_quantifiers(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "framing:\n"
        "  - id: framing.slow\n    actor: russia\n    message: m\n"
        "    regex: ['(a+)+$', '(a|aa)+$', 'plain (?:words? )+here']\n",
    )
    lines = [str(error) for error in check_file(path)]
    assert lines[0].startswith(f"{path}:5:13: warning: rule framing.slow: regex '(a+)+$' has a ")
    assert lines[1].startswith(f"{path}:5:23: warning: rule framing.slow: regex '(a|aa)+$' has ")
    assert "overlapping alternatives" in lines[1]
    assert len(lines) == 2  # a repeated group of plain words is fine


def test_regex_budget_setting_is_a_number(tmp_path: Path) -> None:
    path = _write(tmp_path, "settings:\n  regex_budget_ms: soon\n")
    assert _one(path) == f"{path}:2:20: expected a number, got str 'soon'"


def test_others_must_be_a_list_of_names(tmp_path: Path) -> None:
    path = _write(tmp_path, "others: China\n")
    assert _one(path) == f"{path}:1:9: expected a list, got str 'China'"


def test_on_duty_is_a_list_of_roles_a_later_file_replaces(tmp_path: Path) -> None:
    path = _write(tmp_path, "on_duty: police\n")
    assert _one(path) == f"{path}:1:10: expected a list, got str 'police'"
    assert {"border guards", "police", "emergency services"} <= load_config().rules.on_duty
    path = _write(tmp_path, "on_duty: [Police, Coast  Guard]\n")
    rules = config_from_files([bundled("config.yaml"), path]).rules
    assert rules.on_duty == {"police", "coast guard"}  # folded and spaced as a phrase reads


def test_legislatures_are_a_list_of_houses_a_later_file_replaces(tmp_path: Path) -> None:
    path = _write(tmp_path, "legislatures: knesset\n")
    assert _one(path) == f"{path}:1:15: expected a list, got str 'knesset'"
    assert {"seimas", "duma", "rada", "bundestag"} <= load_config().rules.legislatures
    path = _write(tmp_path, "legislatures: [Knesset, Dáil]\n")
    rules = config_from_files([bundled("config.yaml"), path]).rules
    assert rules.legislatures == {"knesset", "dáil"}  # folded as a title's word reads


def test_an_actor_takes_back_a_name_listed_under_others(tmp_path: Path) -> None:
    from reader.classify import classify
    from reader.model import Article, Block

    text = "The European Commission said the new sanctions package would target Russia's banks."
    article = Article("t", None, (Block(0, "paragraph", text, 1),))
    assert classify(article, load_config()).verdicts[0].labels == ()
    eu = _write(
        tmp_path,
        "extra_actors:\n  - {id: eu, label: EU, colour: '#22c55e', tag: E,\n"
        "     aliases: [European Commission]}\n",
    )
    config = config_from_files([bundled("config.yaml"), eu])
    assert classify(article, config).verdicts[0].labels == ("eu",)


def test_source_rules_are_checked_with_their_position(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "sources:\n  - id: s\n    message: m\n    voice: speech\n"
        "    titles: ['remarks by (?P<speaker>.+)']\n",
    )
    expected = "expected one of: remarks, release, headline, house, joint; got 'speech'"
    assert _one(path).startswith(f"{path}:4:12: {expected}")
    path = _write(tmp_path, "sources:\n  - id: s\n    message: m\n    titles: ['remarks by .+']\n")
    assert _one(path).startswith(f"{path}:4:14: without 'actor', a title pattern needs")
    path = _write(tmp_path, "sources:\n  - id: s\n    message: m\n    actor: nato\n")
    assert "a source rule needs 'sites', 'outlets', 'titles' or 'openings'" in _one(path)
    # a release wire's site: no actor, each page's opening names its author
    wire = "sources:\n  - id: s\n    message: m\n    voice: release\n    sites: [x.org]\n"
    assert check_file(_write(tmp_path, wire)) == []
    path = _write(tmp_path, "sources:\n  - id: s\n    message: m\n    sites: [x.org]\n")
    assert "or 'sites' with 'voice: release'" in _one(path)
    path = _write(
        tmp_path,
        "sources:\n  - id: s\n    message: m\n    voice: joint\n"
        "    openings: ['(?P<speaker>.+) spoke to (.+)']\n",
    )
    assert "an opening pattern needs (?P<speaker>...) and (?P<counterpart>...)" in _one(path)
    path = _write(
        tmp_path, "sources:\n  - id: s\n    message: m\n    actor: natto\n    sites: [x.org]\n"
    )
    assert "unknown actor 'natto' (did you mean 'nato'?)" in _one(path)


def test_source_title_examples_are_checked(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "sources:\n  - id: s\n    message: m\n    actor: nato\n    titles: ['^remarks by ']\n"
        "    tests: {match: ['Remarks by the Secretary General'],"
        " no_match: ['Remarks by no one']}\n",
    )
    assert "title should not match the rule but does: 'Remarks by no one'" in _one(path)


def test_action_rules_are_checked_like_exclusions(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "actions:\n  - id: a\n    message: m\n    regex: ['spoke to']\n"
        "    tests: {match: ['she spoke with him']}\n",
    )
    assert "example should match the rule but does not: 'she spoke with him'" in _one(path)


def test_view_chooses_panels_or_one_merged_column(tmp_path: Path) -> None:
    assert load_config().view == "panels"
    merged = _write(tmp_path, "view: merged\n")
    assert load_config(merged).view == "merged"
    assert _one(_write(tmp_path, "view: sideways\n")).endswith(
        "1:7: expected 'panels' or 'merged', got 'sideways'"
    )
