"""A user's file is merged over the bundled one by id: a `framing:`, `exclusions:`, `actions:`
or `sources:` section adds and replaces rules by id instead of dropping every bundled one, a
`keymap:` rebinds only the ids it names, `remove:` takes a bundled rule out; `reader rules check`
says what replaced what."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from reader.classify import classify
from reader.cli import run
from reader.config import check_keymap, config_from_files
from reader.errors import ConfigError
from reader.load import Document
from reader.parse import parse
from reader.resources import bundled

BUNDLED = bundled("config.yaml")


def _write(tmp_path: Path, text: str, name: str = "mine.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _framing_ids(paths: list[Path]) -> list[str]:
    config = config_from_files(paths)
    return list(config.rule_ids["framing"])


def test_a_framing_section_adds_to_the_bundled_rules_and_replaces_by_id(tmp_path: Path) -> None:
    bundled_ids = _framing_ids([BUNDLED])
    assert "framing.russia.smo" in bundled_ids
    mine = _write(
        tmp_path,
        "framing:\n"
        "  - id: framing.russia.smo\n    actor: russia\n    message: mine\n"
        "    terms: [special operation]\n"
        "  - id: framing.mine.new\n    actor: ukraine\n    message: new\n    terms: [rashists]\n",
    )

    ids = _framing_ids([BUNDLED, mine])

    assert ids == [*bundled_ids, "framing.mine.new"]  # replaced in place, added at the end
    config = config_from_files([BUNDLED, mine])
    assert config.rules.messages["framing.russia.smo"] == "mine"


def test_a_sources_section_adds_a_site_and_keeps_every_bundled_source(tmp_path: Path) -> None:
    """A user who adds one site keeps the bundled title rules: a NATO press conference title
    still puts the document in the Secretary General's voice, and the new site's page is in
    its actor's voice."""
    mine = _write(
        tmp_path,
        "sources:\n"
        "  - id: source.site.mine\n    message: my embassy's site\n    actor: nato\n"
        "    sites: [embassy.example]\n",
    )

    config = config_from_files([BUNDLED, mine])

    ids = config.rule_ids["sources"]
    assert ids[-1] == "source.site.mine"
    assert "source.title.remarks" in ids and "source.site.nato" in ids
    title = "Press conference by NATO Secretary General Mark Rutte\n\nWe stand firm."
    titled = classify(parse(Document("pc.txt", title, "text")), config)
    assert [v.labels for v in titled.verdicts] == [(), ("nato",)]
    page = parse(
        Document(
            "page.txt",
            "---\nurl: https://www.embassy.example/statement\n---\n"
            "Statement on the war\n\nWe will keep supplying air defence to the front line.",
            "text",
        )
    )
    assert [v.labels for v in classify(page, config).verdicts][-1] == ("nato",)


def test_an_actions_rule_replaces_the_bundled_one_of_its_id(tmp_path: Path) -> None:
    """Replacing `action.call` with a narrower regex changes that rule alone: "X spoke to Y"
    is a speech again, "X spoke at <a venue>" (another bundled action) stays an action."""
    bundled_ids = list(config_from_files([BUNDLED]).rule_ids["actions"])
    mine = _write(
        tmp_path,
        "actions:\n  - id: action.call\n    message: mine\n    regex: ['\\\\bphoned\\\\b']\n",
    )

    config = config_from_files([BUNDLED, mine])

    assert list(config.rule_ids["actions"]) == bundled_ids
    assert config.rules.messages["action.call"] == "mine"
    text = "Putin spoke to Erdogan.\n\nPutin spoke on Monday at the summit."
    verdicts = classify(parse(Document("a.txt", text, "text")), config).verdicts
    assert [v.labels for v in verdicts] == [("russia",), ()]
    bundled = classify(parse(Document("a.txt", text, "text")), config_from_files([BUNDLED]))
    assert [v.labels for v in bundled.verdicts] == [(), ()]


def test_remove_takes_a_bundled_rule_out(tmp_path: Path) -> None:
    mine = _write(tmp_path, "remove: [framing.russia.liberated, exclusion.so-called]\n")

    config = config_from_files([BUNDLED, mine])

    assert "framing.russia.liberated" not in config.rule_ids["framing"]
    assert "exclusion.so-called" not in config.rule_ids["exclusions"]
    assert "framing.russia.smo" in config.rule_ids["framing"]


def test_removing_a_rule_that_does_not_exist_names_its_position(tmp_path: Path) -> None:
    mine = _write(tmp_path, "remove:\n  - framing.russia.smo\n  - framing.nosuch\n")

    with pytest.raises(ConfigError) as caught:
        config_from_files([BUNDLED, mine])

    assert str(caught.value).startswith(f"{mine}:3:5: no rule 'framing.nosuch' to remove")


def test_a_keymap_rebinds_only_the_ids_it_names(tmp_path: Path) -> None:
    first = _write(tmp_path, "keymap:\n  nav.down: ctrl+j\n", "first.yaml")
    second = _write(tmp_path, "keymap:\n  nav.up: ctrl+k\n", "second.yaml")

    config = config_from_files([BUNDLED, first, second])

    assert dict(config.keymap) == {"nav.down": "ctrl+j", "nav.up": "ctrl+k"}


def test_an_unknown_keymap_id_is_refused_with_its_position(tmp_path: Path) -> None:
    mine = _write(tmp_path, "keymap:\n  nav.down: ctrl+j\n  nav.dwon: j\n")
    config = config_from_files([BUNDLED, mine])

    with pytest.raises(ConfigError) as caught:
        check_keymap(config, {"nav.down", "nav.up"})

    assert str(caught.value) == (
        f"{mine}:3:3: unknown key binding id 'nav.dwon' (did you mean 'nav.down'?); "
        "see the ids with ? in the reader or in README's Keys"
    )


def test_rules_check_says_what_the_users_file_replaces(tmp_path: Path) -> None:
    user = tmp_path / "xdg-config" / "reader" / "config.yaml"  # conftest points XDG here
    user.parent.mkdir(parents=True)
    user.write_text(
        "framing:\n"
        "  - id: framing.russia.smo\n    actor: russia\n    message: mine\n    terms: [x y z]\n"
        "remove: [framing.nato.unprovoked]\nkeymap:\n  nav.down: ctrl+j\n"
        "roles: [spokesman]\n",
        encoding="utf-8",
    )
    out, err = io.StringIO(), io.StringIO()

    status = run(["rules", "check"], out, err)

    said = out.getvalue()
    assert status == 0, said + err.getvalue()
    assert f"{user}: framing.russia.smo replaces the rule of {BUNDLED}" in said
    assert f"{user}: removes framing.nato.unprovoked" in said
    assert f"{user}: keymap nav.down rebound to 'ctrl+j'" in said
    assert f"{user}: roles replaces the whole section of {BUNDLED}" in said


def test_rules_check_refuses_an_unknown_keymap_id(tmp_path: Path) -> None:
    mine = _write(tmp_path, "keymap:\n  nav.dwon: j\n")
    out, err = io.StringIO(), io.StringIO()

    status = run(["rules", "check", str(mine)], out, err)

    assert status == 1
    assert f"{mine}:2:3: unknown key binding id 'nav.dwon' (did you mean 'nav.down'?)" in (
        out.getvalue()
    )
