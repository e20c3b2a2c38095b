"""The themes in force (`all_themes`), choosing one, and the actors' colours under a theme.

A theme file gives Textual's theme colours and may override the actors' colours from
config.yaml; `reader.ui.theme_files` reads and checks the files (broken ones become problem
lines, never exceptions), and `all_themes` keeps what they gave in a cache while no file
changes.

The actor overrides travel inside the `Theme` itself, as variables named `reader-actor-<id>`
(and `reader-actors-default` for actors the theme does not name). So the current theme alone
answers "which colour for actor X", there is no side registry to keep in step with
`App.theme`, and the app's CSS may use `$reader-actor-nato` too.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from typing import TypeGuard

from textual.theme import Theme

from reader.errors import ConfigError
from reader.model import Actor

DEFAULT_THEME = "reader-dark"
"""The theme used when none is asked for, or the one asked for is unknown or broken."""

LAST_RESORT_THEME = "textual-dark"
"""Built into Textual, so it exists even when every theme file is broken."""

ACTOR_VARIABLE_PREFIX = "reader-actor-"
ACTOR_DEFAULT_VARIABLE = "reader-actors-default"

THEME_MODULES = (
    "reader.rules.cache",
    "reader.ui.themes",
    "reader.ui.theme_files",
    "reader.rules.schema",
    "reader.safe_yaml",
    "textual.theme",
    "textual.color",
    "yaml",
)
"""The modules that read theme files into `Theme`s (the key of their cache, `all_themes`)."""


def all_themes() -> tuple[list[Theme], list[str]]:
    """The bundled themes and the user's own ($XDG_CONFIG_HOME/reader/themes/*.yaml), and one
    line per problem.

    They come from the cache (`reader.rules.cache`) while no theme file changed: reading the
    files needs YAML and the validator, which the first screen otherwise does without."""
    from reader.resources import bundled
    from reader.rules import cache
    from reader.xdg import config_home

    directories = [bundled("themes"), config_home() / "themes"]
    files = [path for folder in directories if folder.is_dir() for path in folder.glob("*.yaml")]
    folders = "".join(f"{folder}={folder.is_dir()}:{folder.exists()};" for folder in directories)
    key = cache.cache_key(sorted(files), THEME_MODULES, extra=folders)
    found = cache.load(key, "themes") if key is not None else None
    if not _is_themes(found):
        from reader.ui.theme_files import load_theme_directories

        found = load_theme_directories(directories)
        if key is not None:
            cache.store(key, found, "themes")
    themes, problems = found
    if not bundled("themes").is_dir():
        problems.insert(0, str(ConfigError("no such theme folder", str(bundled("themes")))))
    return themes, problems


def _is_themes(found: object) -> TypeGuard[tuple[list[Theme], list[str]]]:
    """What `load_theme_directories` returns (a cache entry that is not is a miss)."""
    return (
        isinstance(found, tuple)
        and len(found) == 2
        and isinstance(found[0], list)
        and isinstance(found[1], list)
        and all(isinstance(theme, Theme) for theme in found[0])
        and all(isinstance(problem, str) for problem in found[1])
    )


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
    from reader.ui.theme_files import load_themes

    return load_themes(bundled("themes"))
