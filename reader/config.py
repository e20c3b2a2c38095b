"""Where the configuration comes from, and loading it into one validated, compiled `Config`.

The files, in order (`config_paths`):
1. the bundled `config.yaml` (`reader.resources.bundled`): the default actors and rules;
2. `$XDG_CONFIG_HOME/reader/config.yaml` (default `~/.config/reader/config.yaml`), if it exists;
3. the file given with `--config FILE`.

Later files are merged over earlier ones:
- `framing:` and `exclusions:` by rule id: a rule with an id already there replaces it (in
  place), a new id is added at the end; `remove: [rule ids]` takes rules out (an id that is not
  there is an error at its position);
- `keymap:` by binding id: each id named rebinds that one binding, the others keep theirs;
- every other top-level key (`actors`, `settings`, ...) is replaced whole by the later file's: so
  a user who writes `settings:` must repeat every setting they want kept, and `actors:` replaces
  the three defaults; to add an actor ("eu", "china") list it under `extra_actors:`.
`Config.merges` says in one line each what a later file replaced (`reader rules check` prints it).

Every file is validated on its own (reader.rules.schema), then actor and rule references are
checked across the merged result; the first problem is raised as a one-line ConfigError naming
file:line:column. The schema is documented in the bundled config.yaml itself.
"""

from __future__ import annotations

import difflib
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader.errors import ConfigError
from reader.model import Actor
from reader.resources import bundled
from reader.xdg import config_home

if TYPE_CHECKING:
    from reader.rules.compile import CompiledRules
    from reader.rules.merge import Merge


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
    rule_ids: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """"framing" and "exclusions" -> the ids of their rules in force, in order."""
    keymap_origins: Mapping[str, str] = field(default_factory=dict)
    """Binding id -> the "file:line:column" of the keymap entry that set it."""
    merges: tuple[str, ...] = ()
    """What each later file replaced, added or removed, one line each (`reader rules check`)."""


def user_config_path() -> Path:
    """The user's config file, which may not exist (yet)."""
    return config_home() / "config.yaml"


def current_paths(sources: Sequence[Path]) -> list[Path]:
    """The files a config was merged from, as they stand now: the user's config file taken in
    when it was created since, left out when it was deleted (the others are kept as they are:
    a missing `--config` file is still an error)."""
    if not sources:
        return []
    user = user_config_path()
    paths = [path for path in sources if path != user]
    if user.is_file():
        paths.insert(1 if paths[0] == bundled("config.yaml") else 0, user)
    return paths


def config_paths(explicit: Path | None) -> list[Path]:
    """The files to merge, in order: bundled, then the user's (if it exists), then `explicit`."""
    paths = [bundled("config.yaml")]
    user = user_config_path()
    if user.is_file():
        paths.append(user)
    if explicit is not None:
        paths.append(explicit)
    return paths


def load_config(explicit: Path | None = None) -> Config:
    """Load, validate, merge and compile the configuration. Raises ConfigError (the first
    problem, one line). A configuration built before from the same files comes from the cache
    (`reader.rules.cache`): building it is most of the reader's start-up otherwise."""
    from reader.rules import cache

    paths = config_paths(explicit)
    key = cache.cache_key(paths)
    cached = cache.load(key) if key is not None else None
    if isinstance(cached, Config):
        return cached
    config = config_from_files(paths)
    if key is not None:
        cache.store(key, config)
    return config


def config_from_files(paths: list[Path]) -> Config:
    """Merge `paths` in order (see the module docstring) into a Config. Raises ConfigError."""
    # Imported here: a config from the cache (start-up) needs neither YAML nor the schema.
    from reader.rules.compile import build

    merge, data, origins = merged_data(paths)
    compiled = build(data, origins)
    theme = data.get("theme")
    return Config(
        actors=compiled.actors,
        rules=compiled,
        theme=str(theme) if theme is not None else None,
        keymap=dict(merge.keymap),
        carry_distance=compiled.carry_distance,
        sources=tuple(paths),
        view=str(data.get("view") or "panels"),
        rule_ids={key: tuple(rules) for key, rules in merge.rules.items()},
        keymap_origins=dict(merge.keymap_origins),
        merges=tuple(merge.notes),
    )


def merged_data(
    paths: Sequence[Path],
) -> tuple[Merge, dict[str, Any], dict[tuple[str, int], tuple[str, str]]]:
    """Validate `paths` and merge them in order: the merge, the merged data `build` compiles,
    and each regex's origin. Raises ConfigError (the first problem)."""
    from reader.rules.merge import Merge
    from reader.rules.schema import cross_check, parse_file, regex_origins

    merge = Merge()
    for path in paths:
        parsed = parse_file(path)
        if parsed.errors:
            raise parsed.errors[0]
        merge.add(path, parsed.data, parsed.nodes)
    errors = cross_check(merge.sections)
    origins: dict[tuple[str, int], tuple[str, str]] = {}
    for rule_sections in merge.rule_sections():
        errors += cross_check({**merge.sections, **rule_sections})
        origins.update(regex_origins(rule_sections))
    if errors:
        raise errors[0]
    data = dict(merge.data)
    for key, rules in merge.rules.items():
        data[key] = [item for _, _, item in rules.values()]
    if not data.get("actors") and not data.get("extra_actors"):
        raise ConfigError("the configuration defines no actors", str(paths[-1]))
    return merge, data, origins


def check_keymap(config: Config, known: Collection[str]) -> None:
    """Refuse a `keymap:` id that no binding has (a typo would otherwise do nothing at all):
    ConfigError at the entry's file:line:column. `known` comes from the UI's bindings."""
    for binding in config.keymap:
        if binding in known:
            continue
        close = difflib.get_close_matches(binding, list(known), n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        raise ConfigError(
            f"unknown key binding id {binding!r}{hint}; "
            "see the ids with ? in the reader or in README's Keys",
            config.keymap_origins.get(binding),
        )
