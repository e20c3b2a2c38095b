"""Theme files (YAML) -> Textual `Theme` objects, and the actors' colours under a theme.

A theme file gives Textual's theme colours and may override the actors' colours from
config.yaml. Broken files never raise: `load_themes` returns one problem line per fault
("themes/x.yaml:3:5: expected a colour for 'primary'") so the app can show one notice and fall
back to the default theme, instead of refusing to start over a cosmetic file.

The actor overrides travel inside the `Theme` itself, as variables named `reader-actor-<id>`
(and `reader-actors-default` for actors the theme does not name). So the current theme alone
answers "which colour for actor X", there is no side registry to keep in step with
`App.theme`, and the app's CSS may use `$reader-actor-nato` too.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from textual.color import Color, ColorParseError
from textual.theme import Theme

from reader import safe_yaml
from reader.errors import ConfigError
from reader.model import Actor

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


@dataclass(slots=True)
class _FileReader:
    """Walks one composed YAML document, collecting problems with file:line:column."""

    where: str
    loader: yaml.SafeLoader
    problems: list[str]
    places: set[str] = field(default_factory=set)  # one problem per place is enough

    def problem(self, node: yaml.Node | None, message: str) -> None:
        where = self.where
        if node is not None:
            mark = node.start_mark
            where = f"{self.where}:{mark.line + 1}:{mark.column + 1}"
            if where in self.places:
                return
            self.places.add(where)
        if len(message) > 300:  # a value quoted in it may be a 300 KB string
            message = message[:299] + "…"
        self.problems.append(str(ConfigError(message, where)))

    def value(self, node: yaml.Node) -> Any:
        # SafeConstructor: plain data only (str, int, float, bool, list, dict, None). A value
        # it cannot build (an integer of 5,000 digits) is a problem, not an exception.
        try:
            return self.loader.construct_object(node, deep=True)
        except (ValueError, OverflowError, TypeError) as error:
            self.problem(node, f"a value that cannot be read: {error}".splitlines()[0][:120])
            return None

    def colour(self, node: yaml.Node, what: str) -> str | None:
        value = self.value(node)
        if isinstance(value, str) and is_colour(value):
            return value
        self.problem(node, f'expected a colour for {what}, like "#4c8dff", got {value!r}')
        return None

    def name(self, node: yaml.Node) -> str | None:
        """A theme's name. It is shown in the command palette, which reads markup, so only
        plain names: "[bold" cannot break it."""
        value = self.value(node)
        if isinstance(value, str) and _NAME.match(value.strip()):
            return value.strip()
        self.problem(
            node, "expected a theme name of letters, digits, '-', '_' or '.', like 'reader-dark'"
        )
        return None

    def string_map(self, node: yaml.Node, what: str) -> list[tuple[yaml.Node, str, yaml.Node]]:
        if not isinstance(node, yaml.MappingNode):
            self.problem(node, f"expected a mapping for {what!r}")
            return []
        entries: list[tuple[yaml.Node, str, yaml.Node]] = []
        for key_node, value_node in node.value:
            key = self.value(key_node)
            if not isinstance(key, str):
                self.problem(key_node, f"expected a name in {what!r}, got {key!r}")
                continue
            entries.append((key_node, key, value_node))
        return entries


def _theme_from_file(
    path: Path, where: str, taken: dict[str, str]
) -> tuple[Theme | None, list[str]]:
    """One theme file -> its Theme, or None and the problems that stop it loading."""
    problems: list[str] = []
    try:
        # Size, alias and depth limits: a theme is read at every start (safe_yaml).
        loader = safe_yaml.Loader(safe_yaml.read_text(path, "theme", regular=True))
    except ConfigError as error:
        return None, [str(ConfigError(error.message, where))]
    try:
        root = safe_yaml.compose(loader, where)
    except ConfigError as error:
        return None, [str(error)]
    finally:
        loader.dispose()
    reader = _FileReader(where, loader, problems)
    if not isinstance(root, yaml.MappingNode):
        reader.problem(root, "a theme file must be a mapping of keys like 'name' and 'primary'")
        return None, problems

    try:
        theme = _walk(reader, root, taken)
    except yaml.MarkedYAMLError as error:  # e.g. an unsafe `!!python/...` tag
        mark = error.problem_mark or error.context_mark
        at = f"{where}:{mark.line + 1}:{mark.column + 1}" if mark else where
        return None, [str(ConfigError(f"not valid here: {error.problem or error}", at))]
    return (None, problems) if problems else (theme, [])


def _walk(reader: _FileReader, root: yaml.MappingNode, taken: dict[str, str]) -> Theme | None:
    """The theme a mapping node describes; faults go to `reader.problems`."""
    fields: dict[str, Any] = {}
    variables: dict[str, str] = {}
    name_node: yaml.Node | None = None
    seen: set[str] = set()
    for key_node, key, value_node in reader.string_map(root, "theme"):
        if key not in _KNOWN_KEYS:
            known = ", ".join(sorted(_KNOWN_KEYS))
            reader.problem(key_node, f"unknown key {key!r} (known: {known})")
            continue
        if key in seen:
            reader.problem(key_node, f"{key!r} given twice")
            continue
        seen.add(key)
        if key == "name":
            name_node = value_node
            fields["name"] = reader.name(value_node)
        elif key in _COLOUR_KEYS:
            fields[key] = reader.colour(value_node, repr(key))
        elif key in _BOOL_KEYS:
            value = reader.value(value_node)
            if isinstance(value, bool):
                fields[key] = value
            else:
                reader.problem(value_node, f"expected true or false for {key!r}, got {value!r}")
        elif key in _FLOAT_KEYS:
            value = reader.value(value_node)
            if isinstance(value, int | float) and not isinstance(value, bool) and 0 <= value <= 1:
                fields[key] = float(value)
            else:
                reader.problem(value_node, f"expected a number from 0 to 1 for {key!r}")
        elif key == "variables":
            for var_node, var, value_node2 in reader.string_map(value_node, key):
                value = reader.value(value_node2)
                if var.startswith(ACTOR_VARIABLE_PREFIX) or var == ACTOR_DEFAULT_VARIABLE:
                    reader.problem(var_node, f"{var!r} is reserved: use the 'actors' section")
                elif isinstance(value, str | int | float) and not isinstance(value, bool):
                    variables[var] = str(value)
                else:
                    reader.problem(value_node2, f"expected a text value for variable {var!r}")
        elif key == "actors":
            for actor_node, actor, colour_node in reader.string_map(value_node, key):
                if not _ID.match(actor):
                    reader.problem(
                        actor_node, f"{actor!r} is not an actor id (letters, digits, -, _)"
                    )
                    continue
                colour = reader.colour(colour_node, f"actor {actor!r}")
                if colour is not None:
                    variables[ACTOR_VARIABLE_PREFIX + actor] = colour
        else:  # actor_default
            colour = reader.colour(value_node, "'actor_default'")
            if colour is not None:
                variables[ACTOR_DEFAULT_VARIABLE] = colour

    if "name" not in seen:
        reader.problem(None, "missing 'name', like 'name: reader-dark'")
    if "primary" not in seen:
        reader.problem(None, "missing 'primary' (the one colour every theme needs)")
    name = fields.get("name")
    if isinstance(name, str) and name in taken:
        reader.problem(name_node, f"theme {name!r} is already defined in {taken[name]}")
    if reader.problems:
        return None
    return Theme(**fields, variables=variables)


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
        where = str(path)
        theme, file_problems = _theme_from_file(path, where, taken)
        problems.extend(file_problems)
        if theme is not None:
            themes.append(theme)
            taken[theme.name] = where
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
