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
from typing import Any

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

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


MERGED_BY_ID = ("framing", "exclusions")
"""Lists of rules merged by their `id`."""

_SEQUENCE = "tag:yaml.org,2002:seq"


@dataclass
class _Merge:
    """The merge so far, file by file (see the module docstring for the rules)."""

    data: dict[str, Any] = field(default_factory=dict)
    sections: dict[str, tuple[Path, Node]] = field(default_factory=dict)
    rules: dict[str, dict[str, tuple[Path, MappingNode, Any]]] = field(
        default_factory=lambda: {key: {} for key in MERGED_BY_ID}
    )
    keymap: dict[str, str] = field(default_factory=dict)
    keymap_origins: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def add(self, path: Path, data: Mapping[str, Any], nodes: Mapping[str, Node]) -> None:
        first = not self.sections and not any(self.rules.values()) and not self.keymap
        for key, value in data.items():
            node = nodes[key]
            if key in MERGED_BY_ID:
                self._rules(path, key, value, node, first)
            elif key == "keymap":
                self._keymap(path, value, node, first)
            elif key == "remove":
                self._remove(path, node)
            else:
                if key in self.sections and not first:
                    replaced = self.sections[key][0]
                    self.notes.append(f"{path}: {key} replaces the whole section of {replaced}")
                self.data[key] = value
                self.sections[key] = (path, node)

    def _rules(self, path: Path, key: str, items: Any, node: Node, first: bool) -> None:
        rules = self.rules[key]
        for item, item_node in zip(items or (), _mapping_items(node), strict=False):
            rule_id = str(item.get("id"))
            if rule_id in rules and not first:
                self.notes.append(f"{path}: {rule_id} replaces the rule of {rules[rule_id][0]}")
            elif not first:
                self.notes.append(f"{path}: adds {key} rule {rule_id}")
            rules[rule_id] = (path, item_node, item)

    def _keymap(self, path: Path, keymap: Any, node: Node, first: bool) -> None:
        if not isinstance(node, MappingNode):
            return
        for key_node, _ in node.value:
            mark = key_node.start_mark
            self.keymap_origins[str(key_node.value)] = f"{path}:{mark.line + 1}:{mark.column + 1}"
        for binding, keys in (keymap or {}).items():
            self.keymap[str(binding)] = str(keys)
            if not first:
                self.notes.append(f"{path}: keymap {binding} rebound to {keys!r}")

    def _remove(self, path: Path, node: Node) -> None:
        ids = [item for item in getattr(node, "value", ()) if isinstance(item, ScalarNode)]
        for id_node in ids:
            found = [rules for rules in self.rules.values() if id_node.value in rules]
            if not found:
                known = [rule for rules in self.rules.values() for rule in rules]
                close = difflib.get_close_matches(id_node.value, known, n=1)
                hint = f" (did you mean {close[0]!r}?)" if close else ""
                mark = id_node.start_mark
                raise ConfigError(
                    f"no rule {id_node.value!r} to remove{hint}",
                    f"{path}:{mark.line + 1}:{mark.column + 1}",
                )
            del found[0][id_node.value]
            self.notes.append(f"{path}: removes {id_node.value}")

    def rule_sections(self) -> list[dict[str, tuple[Path, Node]]]:
        """The rules in force as sections, one mapping per file (for checks that name a
        file:line:column): each holds that file's surviving rules under their key."""
        by_file: dict[Path, dict[str, list[MappingNode]]] = {}
        for key, rules in self.rules.items():
            for path, node, _ in rules.values():
                by_file.setdefault(path, {}).setdefault(key, []).append(node)
        return [
            {key: (path, SequenceNode(_SEQUENCE, nodes)) for key, nodes in keys.items()}
            for path, keys in by_file.items()
        ]


def _mapping_items(node: Node) -> list[MappingNode]:
    if not isinstance(node, SequenceNode):
        return []
    return [child for child in node.value if isinstance(child, MappingNode)]


def config_from_files(paths: list[Path]) -> Config:
    """Merge `paths` in order (see the module docstring) into a Config. Raises ConfigError."""
    merge = _Merge()
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
    compiled = build(data, origins)
    theme = data.get("theme")
    return Config(
        actors=compiled.actors,
        rules=compiled,
        theme=str(theme) if theme is not None else None,
        keymap=dict(merge.keymap),
        carry_distance=compiled.carry_distance,
        sources=tuple(paths),
        rule_ids={key: tuple(rules) for key, rules in merge.rules.items()},
        keymap_origins=dict(merge.keymap_origins),
        merges=tuple(merge.notes),
    )


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
