"""Merging config files by id (see `reader.config`): rules (framing, exclusions, actions,
sources) by their id, the keymap by binding id, other sections whole; what each later file
replaced is kept as one line for `rules check`.

Each file's surviving rules are handed back as sections of their own file
(`rule_sections`), so the checks that name a file:line:column still name the right file.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from reader.errors import ConfigError

MERGED_BY_ID = ("framing", "exclusions", "actions", "steps", "sources")
"""Lists of rules merged by their `id`: a user's file adds one rule or replaces one without
repeating (and then missing the next release's fixes to) every bundled rule of the section."""

_SEQUENCE = "tag:yaml.org,2002:seq"


@dataclass
class Merge:
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
