"""Theme files (YAML) -> Textual `Theme` objects, and the actors' colours under a theme.

A theme file gives Textual's theme colours and may override the actors' colours from
config.yaml. Its shape is checked by the rule files' validator (`reader.rules.schema`). Broken
files never raise: `load_themes` returns one problem line per fault
("themes/x.yaml:3:10: expected a colour like "#4c8dff" or "red", got int '12'") so the app can
show one notice and fall back to the default theme, instead of refusing to start over a
cosmetic file.

The actor overrides travel inside the `Theme` itself, as variables named `reader-actor-<id>`
(and `reader-actors-default` for actors the theme does not name). So the current theme alone
answers "which colour for actor X", there is no side registry to keep in step with
`App.theme`, and the app's CSS may use `$reader-actor-nato` too.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping
from pathlib import Path
from typing import Any

from textual.color import Color, ColorParseError
from textual.theme import Theme
from yaml.nodes import MappingNode, Node, ScalarNode

from reader import safe_yaml
from reader.errors import ConfigError
from reader.model import Actor
from reader.rules import schema

DEFAULT_THEME = "reader-dark"
"""The theme used when none is asked for, or the one asked for is unknown or broken."""

LAST_RESORT_THEME = "textual-dark"
"""Built into Textual, so it exists even when every theme file is broken."""

ACTOR_VARIABLE_PREFIX = "reader-actor-"
ACTOR_DEFAULT_VARIABLE = "reader-actors-default"

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


def all_themes() -> tuple[list[Theme], list[str]]:
    """The bundled themes and the user's own ($XDG_CONFIG_HOME/reader/themes/*.yaml)."""
    from reader.resources import bundled
    from reader.xdg import config_home

    themes, problems = load_theme_directories([bundled("themes"), config_home() / "themes"])
    if not bundled("themes").is_dir():
        problems.insert(0, str(ConfigError("no such theme folder", str(bundled("themes")))))
    return themes, problems


def resolve_theme(
    name: str | None, available: Collection[str], default: str = DEFAULT_THEME
) -> tuple[str, str | None]:
    """The theme to use for `name`, and a one-line notice when it had to fall back.

    No name asked for means the default without a notice. A broken theme file never gets
    registered, so "unknown" and "broken" end up here alike; the problem lines from
    `load_themes` say which file and why.
    """
    fallback = default if default in available else LAST_RESORT_THEME
    if name is None or name == "":
        return fallback, None
    if name in available:
        return name, None
    ours = sorted(theme for theme in available if theme.startswith("reader-")) or sorted(available)
    choices = f" (available: {', '.join(ours)})" if ours else ""
    return fallback, f"unknown or broken theme {name!r}: using {fallback}{choices}"


def actor_colours(theme: Theme | None, actors: Iterable[Actor]) -> dict[str, str]:
    """Actor id -> colour under `theme`: the theme's override, else its default, else config's.

    Pure and cheap (a dict lookup per actor): call it once when the theme changes
    (`App.theme_changed_signal`) and keep the result, rather than per drawn line.
    """
    variables: Mapping[str, str] = theme.variables if theme is not None else {}
    default = variables.get(ACTOR_DEFAULT_VARIABLE)
    return {
        actor.id: variables.get(ACTOR_VARIABLE_PREFIX + actor.id, default or actor.colour)
        for actor in actors
    }


def actor_colour(theme: Theme | None, actor: Actor) -> str:
    """The colour of one actor under `theme` (see `actor_colours`)."""
    return actor_colours(theme, (actor,))[actor.id]


def bundled_themes() -> tuple[list[Theme], list[str]]:
    """The themes shipped with the reader (`themes/` in a checkout, inside the wheel otherwise)."""
    from reader.resources import bundled

    return load_themes(bundled("themes"))
