"""What the reader tells a user about their own inputs: an article in another language, actors
they added, their config changing while the reader is open."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from textual.pilot import Pilot

from reader.config import config_from_files, load_config
from reader.errors import ConfigError
from reader.load import load
from reader.parse import parse
from reader.resources import bundled
from reader.ui.app import ReaderApp

from .helpers import labelled_by, notices, ready

FRENCH = """Les pourparlers de paix sont au point mort

Le Kremlin a déclaré mardi que les négociations avec l'Ukraine ne progressaient pas du tout.

Le porte-parole Dmitri Peskov a ajouté que Moscou restait ouvert au dialogue sous conditions.

Le président ukrainien a répondu que Kyiv ne céderait aucun territoire à la Russie.

NATO said the alliance would keep supplying weapons to Kyiv for as long as it takes.
"""

EU_ACTOR = """extra_actors:
  - id: eu
    label: European Union
    colour: "#22c55e"
    tag: E
    aliases: [EU, European Union]
"""


def _open(path: Path) -> ReaderApp:
    articles = [parse(document) for document in load([str(path)]).documents]
    return ReaderApp(articles, load_config())


def french_article(tmp: Path) -> ReaderApp:
    path = tmp / "pourparlers.txt"
    path.write_text(FRENCH, encoding="utf-8")
    return _open(path)


@pytest.mark.parametrize("app", [french_article], indirect=True)
async def test_an_article_in_another_language_says_the_rules_are_english_only(
    pilot: Pilot[None], app: ReaderApp
) -> None:
    said = [notice for notice in notices(app) if "English" in notice]
    assert said == [
        "3 of 5 blocks do not look English: the rules are English-only, so they get no label"
    ]


async def test_an_english_article_gets_no_language_notice(
    pilot: Pilot[None], app: ReaderApp
) -> None:
    assert not [notice for notice in notices(app) if "English" in notice]


def eu_article(tmp: Path) -> ReaderApp:
    config_file = tmp / "eu.yaml"
    config_file.write_text(EU_ACTOR, encoding="utf-8")
    config = config_from_files([bundled("config.yaml"), config_file])
    path = tmp / "sanctions.txt"
    path.write_text(
        "Sanctions\n\nThe EU said the truce must hold.\n\nMoscow said the truce was a trick.\n",
        encoding="utf-8",
    )
    articles = [parse(document) for document in load([str(path)]).documents]
    table = [(), ("eu",), ("russia",)]
    return ReaderApp(articles, config, classifier=labelled_by(table))


@pytest.mark.parametrize("size", [(160, 40)])
@pytest.mark.parametrize("app", [eu_article], indirect=True)
async def test_an_actor_is_found_by_a_label_of_several_words(
    pilot: Pilot[None], app: ReaderApp
) -> None:
    await pilot.press("slash", *"@European Union truce", "enter")
    await ready(pilot)

    assert "search 1/1 '@European Union truce'" in app.status.text
    assert app.view.block == 1


def _user_config() -> Path:
    """The user's config file (conftest points XDG_CONFIG_HOME into the test's directory)."""
    return Path(os.environ["XDG_CONFIG_HOME"]) / "reader" / "config.yaml"


def _actor_ids(app: ReaderApp) -> list[str]:
    return [actor.id for actor in app.config.actors]


async def test_r_picks_up_a_user_config_created_after_start(
    pilot: Pilot[None], app: ReaderApp
) -> None:
    assert _actor_ids(app) == ["nato", "russia", "ukraine"]
    _user_config().parent.mkdir(parents=True)
    _user_config().write_text(EU_ACTOR, encoding="utf-8")

    await pilot.press("r")
    await ready(pilot)

    assert _actor_ids(app) == ["nato", "russia", "ukraine", "eu"]
    assert "European Union" in "\n".join(app.view.screen_lines())
    assert app.status.text.endswith("rules reloaded")
    assert any(f"now reading {_user_config()}" in notice for notice in notices(app))


def with_user_config(tmp: Path) -> ReaderApp:
    _user_config().parent.mkdir(parents=True)
    _user_config().write_text(EU_ACTOR, encoding="utf-8")
    articles = [parse(document) for document in load([str(bundled("seeds"))]).documents]
    return ReaderApp(articles, load_config())


@pytest.mark.parametrize("app", [with_user_config], indirect=True)
async def test_r_after_the_user_config_was_deleted_falls_back_to_the_defaults(
    pilot: Pilot[None], app: ReaderApp
) -> None:
    assert _actor_ids(app) == ["nato", "russia", "ukraine", "eu"]
    _user_config().unlink()

    await pilot.press("r")
    await ready(pilot)

    assert _actor_ids(app) == ["nato", "russia", "ukraine"]
    assert app.status.text.endswith("rules reloaded")  # no "rules not reloaded: no such file"
    assert any(
        f"{_user_config()} is gone: using the bundled defaults" in notice for notice in notices(app)
    )


async def test_an_unknown_keymap_id_stops_the_reader_before_it_opens(tmp_path: Path) -> None:
    _user_config().parent.mkdir(parents=True)
    _user_config().write_text("keymap:\n  nav.dwon: j\n", encoding="utf-8")
    articles = [parse(document) for document in load([str(bundled("seeds"))]).documents]

    with pytest.raises(ConfigError) as caught:
        ReaderApp(articles, load_config())

    assert str(caught.value).startswith(f"{_user_config()}:2:3: unknown key binding id 'nav.dwon'")
