"""The rules without the people the speakers lists name (`--names-out`, reader/namesout.py):
which entries are a person's name, and what scoring without them measures.

The articles and the actor here are invented for the test, in temporary folders.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from reader.config import load_config, merged_data
from reader.namesout import is_person_name, office_words, strip_names, without_names
from reader.realset import fingerprint, main, run, write_article
from reader.resources import bundled

_BUNDLED = merged_data([bundled("config.yaml")])[1]
OFFICES = office_words(_BUNDLED["roles"])


@pytest.mark.parametrize(
    "entry",
    [
        "Jens Stoltenberg",
        "Stoltenberg",
        "Lavrov",
        "Kosiniak-Kamysz",
        "JD Vance",  # initials are a given name
        "Tore O. Sandvik",
        "Robert C. O'Brien",
        "Nicolas de Rivière",  # a particle inside a name
        "de Poncins",
        "Bill Burns",  # a role's word ("bill") as the given name
    ],
)
def test_a_persons_name_goes(entry: str) -> None:
    assert is_person_name(entry, OFFICES)


@pytest.mark.parametrize(
    "entry",
    [
        "NATO chief",  # a lower-case word: a phrase
        "President of Ukraine",
        "Speaker of the House",
        "Russian president",
        "SACEUR",  # an acronym
        "Senator",  # an office noun, and its plural
        "Senators",
        "Congresswoman",
        "Foreign Minister",  # a role's words, capitalised
        "NATO Secretary General",
        "NATO Secretary-General",
        "Military Committee",  # a body
        "House Speaker",
        "Senate Majority Leader",
        "Supreme Allied Commander Europe",
    ],
)
def test_an_office_a_body_or_an_acronym_stays(entry: str) -> None:
    assert not is_person_name(entry, OFFICES)


def test_the_bundled_lists_lose_their_names_and_keep_their_offices() -> None:
    stripped, names = strip_names(_BUNDLED)
    nato = next(actor for actor in stripped["actors"] if actor["id"] == "nato")
    assert "SACEUR" in nato["speakers"] and "NATO chief" in nato["speakers"]
    assert "Jens Stoltenberg" not in [*nato["speakers"], *nato["past_speakers"]]
    assert "Senator" in nato["members"]["speakers"]
    assert "Joe Biden" not in nato["members"]["speakers"]
    assert "Lavrov" in names.removed and "SACEUR" in names.kept
    assert "Lavrov" in next(a for a in _BUNDLED["actors"] if a["id"] == "russia")["speakers"]


def test_the_loaded_config_is_left_as_it_was() -> None:
    config = load_config()
    stripped, _ = without_names(config)
    assert "lavrov" in config.rules.terms.table and config.rules.surnames
    terms = stripped.rules.terms.table
    assert "lavrov" not in terms and "jens stoltenberg" not in terms
    assert "saceur" in terms and "nato chief" in terms
    assert not stripped.rules.surnames  # "Prime Minister <surname>" came from the full names
    assert stripped.actors == config.actors and stripped.sources == config.sources


RULES = """\
extra_actors:
  - id: ruritania
    label: Ruritania
    colour: "#a16207"
    tag: R
    aliases: [Ruritania]
    adjectives: [Ruritanian]
    speakers: [Anton Brelik, Brelik, Grand Council]
    past_speakers: [Irma Valdovic, Valdovic]
"""
# The only cue is a listed name: Ruritania's with the names, no one's without them.
BY_NAME = [
    "Brelik rules out reopening the ferry route",
    "Anton Brelik said on Tuesday the ferry route to the islands would stay shut until spring.",
    "Valdovic told reporters the harbour tolls had been unfair for years.",
]
# An office gives the side: a state's minister, a body the list names.
BY_OFFICE = [
    "Ferry route to stay shut",
    "Ruritania's foreign minister said the ferry route would stay shut until spring.",
    "The Grand Council warned that the harbour tolls would rise again.",
]


def _set(folder: Path, paragraphs: list[str], labels: list[list[str]]) -> Path:
    folder.mkdir()
    prints = ", ".join(f'"{fingerprint(p)}"' for p in paragraphs)
    (folder / "manifest.yaml").write_text(
        "articles:\n  - id: ferry\n"
        '    url: "https://example.invalid/ferry"\n    outlet: "Invented Wire"\n'
        '    kind: wire\n    split: dev\n    query: "ferry route"\n'
        f"    paragraphs: [{prints}]\n",
        encoding="utf-8",
    )
    blocks = "".join(
        f"      - {{p: {p}, labels: [{', '.join(side)}]}}\n" for p, side in enumerate(labels)
    )
    (folder / "labels.yaml").write_text(
        f"articles:\n  - article: ferry.txt\n    blocks:\n{blocks}", encoding="utf-8"
    )
    (folder / "cache").mkdir()
    write_article(folder / "cache" / "ferry.txt", paragraphs)
    rules = folder / "rules.yaml"
    rules.write_text(RULES, encoding="utf-8")
    return rules


def _f1(text: str) -> float:
    found = re.search(r"^micro .* F1 (\d\.\d+)$", text, re.MULTILINE)
    assert found, text
    return float(found.group(1))


def _scores(folder: Path, rules: Path, capsys: pytest.CaptureFixture[str]) -> tuple[str, str]:
    """The set's report with the names, then with names out from the command line."""
    out = io.StringIO()
    assert run(folder, out, config=rules, splits=("dev",)) == 0
    assert main([str(folder), "--split", "dev", "--config", str(rules), "--names-out"]) == 0
    return out.getvalue(), capsys.readouterr().out


def test_a_set_whose_only_cue_is_a_listed_name_scores_lower_with_names_out(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rules = _set(tmp_path / "by-name", BY_NAME, [["ruritania"]] * 3)
    with_names, names_out = _scores(tmp_path / "by-name", rules, capsys)
    assert _f1(with_names) == 1.0 and _f1(names_out) < 1.0
    assert "names out" not in with_names
    assert re.search(r"^names out: \d+ people's names taken out", names_out, re.MULTILINE)


def test_a_set_whose_side_an_office_gives_scores_the_same(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rules = _set(tmp_path / "by-office", BY_OFFICE, [[], ["ruritania"], ["ruritania"]])
    with_names, names_out = _scores(tmp_path / "by-office", rules, capsys)
    assert _f1(with_names) == _f1(names_out) == 1.0
