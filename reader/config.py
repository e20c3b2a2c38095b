"""Where the configuration comes from, and loading it into one validated, compiled `Config`.

The files, in order (`config_paths`):
1. the bundled `config.yaml` (`reader.resources.bundled`): the default actors and rules;
2. `$XDG_CONFIG_HOME/reader/config.yaml` (default `~/.config/reader/config.yaml`), if it exists;
3. the file given with `--config FILE`.

Later files override earlier ones with a SHALLOW merge: a top-level key (`actors`, `framing`,
`settings`, ...) in a later file replaces that whole key. So a user who writes `settings:` must
repeat every setting they want kept, and `actors:` replaces the three defaults; to add an actor
("eu", "china") without repeating them, list it under `extra_actors:`.

Every file is validated on its own (reader.rules.schema), then actor and rule references are
checked across the merged result; the first problem is raised as a one-line ConfigError naming
file:line:column. The schema is documented in the bundled config.yaml itself.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from yaml.nodes import Node

from reader.errors import ConfigError
from reader.model import Actor
from reader.resources import bundled
from reader.rules.compile import CompiledRules, build
from reader.rules.schema import cross_check, parse_file, regex_origins
from reader.xdg import config_home


@dataclass(frozen=True, slots=True)
class Config:
    """The configuration in force: actors, compiled rules, UI preferences, and its files."""

    actors: tuple[Actor, ...]
    rules: CompiledRules
    theme: str | None
    keymap: Mapping[str, str]  # binding id -> keys, e.g. {"search": "slash,ctrl+f"}
    carry_distance: int
    sources: tuple[Path, ...]  # the files merged into this config, in order
    view: str = "panels"  # "panels" side by side, or "merged" into one column (`M` toggles)


def config_paths(explicit: Path | None) -> list[Path]:
    """The files to merge, in order: bundled, then the user's (if it exists), then `explicit`."""
    paths = [bundled("config.yaml")]
    user = config_home() / "config.yaml"
    if user.is_file():
        paths.append(user)
    if explicit is not None:
        paths.append(explicit)
    return paths


def load_config(explicit: Path | None = None) -> Config:
    """Load, validate, merge and compile the configuration. Raises ConfigError (the first
    problem, one line)."""
    return config_from_files(config_paths(explicit))


def config_from_files(paths: list[Path]) -> Config:
    """Merge `paths` in order (shallow, later keys win) into a Config. Raises ConfigError."""
    data: dict[str, Any] = {}
    sections: dict[str, tuple[Path, Node]] = {}
    for path in paths:
        parsed = parse_file(path)
        if parsed.errors:
            raise parsed.errors[0]
        data.update(parsed.data)
        sections.update({key: (path, node) for key, node in parsed.nodes.items()})
    errors = cross_check(sections)
    if errors:
        raise errors[0]
    if not data.get("actors") and not data.get("extra_actors"):
        raise ConfigError("the configuration defines no actors", str(paths[-1]))
    rules = build(data, regex_origins(sections))
    theme = data.get("theme")
    return Config(
        actors=rules.actors,
        rules=rules,
        theme=str(theme) if theme is not None else None,
        keymap={str(k): str(v) for k, v in (data.get("keymap") or {}).items()},
        carry_distance=rules.carry_distance,
        sources=tuple(paths),
        view=str(data.get("view") or "panels"),
    )
