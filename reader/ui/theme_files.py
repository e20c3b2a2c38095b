"""Theme files (YAML) -> Textual `Theme` objects, each file checked by the rule files' validator
(`reader.rules.schema`). Read through `reader.ui.themes.all_themes`, which caches the result:
YAML and the validator are imported only when a theme file changed.

Broken files never raise: `load_themes` returns one problem line per fault
("themes/x.yaml:3:10: expected a colour like "#4c8dff" or "red", got int '12'") so the app can
show one notice and fall back to the default theme, instead of refusing to start over a
cosmetic file.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from textual.color import Color, ColorParseError
from textual.theme import Theme
from yaml.nodes import MappingNode, Node, ScalarNode

from reader import safe_yaml
from reader.errors import ConfigError
from reader.rules import schema
from reader.ui.themes import ACTOR_DEFAULT_VARIABLE, ACTOR_VARIABLE_PREFIX

_COLOUR_KEYS = (
    "primary",
    "secondary",
    "accent",
    "foreground",
    "background",
    "surface",
    "panel",
    "boost",
    "success",
    "warning",
    "error",
)
_BOOL_KEYS = ("dark", "ansi")
_FLOAT_KEYS = ("luminosity_spread", "text_alpha")
_KNOWN_KEYS = frozenset(
    ("name", *_COLOUR_KEYS, *_BOOL_KEYS, *_FLOAT_KEYS, "variables", "actors", "actor_default")
)
# Actor ids become part of a CSS variable name, so they must be CSS-identifier friendly.
_ID = re.compile(r"[A-Za-z0-9_-]+\Z")
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,63}\Z")


def is_colour(text: str) -> bool:
    """True when Textual can parse `text` as a colour ("#4c8dff", "rgb(1,2,3)", "red")."""
    try:
        Color.parse(text)
    except ColorParseError:
        return False
    return True


def _colour(node: Node, ctx: schema.Context) -> None:
    if not (isinstance(node, ScalarNode) and node.tag.endswith(":str") and is_colour(node.value)):
        ctx.error(node, f'expected a colour like "#4c8dff" or "red", got {schema.describe(node)}')


def _text_value(node: Node, ctx: schema.Context) -> None:
    """A Textual CSS variable's value: a string or a number."""
    if not (isinstance(node, ScalarNode) and node.tag.endswith((":str", ":int", ":float"))):
        ctx.error(node, f"expected a text value, got {schema.describe(node)}")


def _variables(node: Node, ctx: schema.Context) -> None:
    """Textual variables; the actors' own are set by the 'actors' section."""
    schema.map_of(_text_value)(node, ctx)
    for key, _ in node.value if isinstance(node, MappingNode) else ():
        name = str(key.value)
        if name.startswith(ACTOR_VARIABLE_PREFIX) or name == ACTOR_DEFAULT_VARIABLE:
            ctx.error(key, f"expected a Textual variable, got {name!r}: actors go under 'actors'")


_ACTOR_ID = schema.matching(_ID, "an actor id (letters, digits, '-' or '_')")


def _actor_colours(node: Node, ctx: schema.Context) -> None:
    """Actor id -> colour. An id becomes part of a CSS variable name."""
    if not isinstance(node, MappingNode):
        ctx.error(node, f"expected a mapping of actor ids to colours, got {schema.describe(node)}")
        return
    for key, value in node.value:
        _ACTOR_ID(key, ctx)
        _colour(value, ctx)


_THEME = schema.mapping(
    {
        # Shown in the command palette, which reads markup: plain names only ("[bold" cannot
        # break it).
        "name": schema.matching(_NAME, "a theme name of letters, digits, '-', '_' or '.'"),
        **dict.fromkeys(_COLOUR_KEYS, _colour),
        **dict.fromkeys(_BOOL_KEYS, schema.boolean),
        **dict.fromkeys(_FLOAT_KEYS, schema.between(0, 1)),
        "variables": _variables,
        "actors": _actor_colours,
        "actor_default": _colour,
    },
    required=("name", "primary"),
)


def _theme_from_file(path: Path, taken: Mapping[str, str]) -> tuple[Theme | None, list[str]]:
    """One theme file -> its Theme, or None and every problem that stops it loading."""
    # Size, alias and depth limits: a theme is read at every start (safe_yaml).
    checked, errors = schema.check_yaml(path, _THEME, "theme", regular=True)
    if checked is None:
        return None, [str(error) for error in errors]
    data: dict[str, Any] = checked.data
    name = data["name"].strip()
    if name in taken:
        name_node = schema.child(checked.root, "name")
        where = safe_yaml.where(path, name_node)
        return None, [
            str(ConfigError(f"expected a new name: {name!r} is taken by {taken[name]}", where))
        ]
    fields: dict[str, Any] = {key: data[key] for key in (*_COLOUR_KEYS, *_BOOL_KEYS) if key in data}
    fields.update((key, float(data[key])) for key in _FLOAT_KEYS if key in data)
    variables = {key: str(value) for key, value in data.get("variables", {}).items()}
    for actor, colour in data.get("actors", {}).items():
        variables[ACTOR_VARIABLE_PREFIX + actor] = colour
    if "actor_default" in data:
        variables[ACTOR_DEFAULT_VARIABLE] = data["actor_default"]
    return Theme(name=name, **fields, variables=variables), []


def load_themes(directory: Path) -> tuple[list[Theme], list[str]]:
    """Every `*.yaml` theme in `directory`, in file-name order, and one line per problem.

    A file with any problem is left out whole: a half-applied theme is harder to notice than a
    missing one. A missing folder is itself a problem, not an exception.
    """
    if not directory.is_dir():
        return [], [str(ConfigError("no such theme folder", str(directory)))]
    themes: list[Theme] = []
    problems: list[str] = []
    taken: dict[str, str] = {}
    for path in sorted(directory.glob("*.yaml")):
        theme, file_problems = _theme_from_file(path, taken)
        problems.extend(file_problems)
        if theme is not None:
            themes.append(theme)
            taken[theme.name] = str(path)
    return themes, problems


def load_theme_directories(directories: Iterable[Path]) -> tuple[list[Theme], list[str]]:
    """Themes from several folders (bundled first, the user's after): a later name wins.

    A folder that does not exist is skipped quietly: most users have no themes folder of
    their own. Use `load_themes` for a folder that must exist.
    """
    by_name: dict[str, Theme] = {}
    problems: list[str] = []
    for directory in directories:
        if not directory.exists():
            continue
        themes, found = load_themes(directory)
        problems.extend(found)
        by_name.update((theme.name, theme) for theme in themes)
    return list(by_name.values()), problems
