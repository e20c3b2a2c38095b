"""NO_COLOR (no-color.org): when it is set, the reader sends no colour at all.

Textual honours NO_COLOR by turning every colour into a grey (its `Monochrome` filter), so
256-colour greys still reach the terminal. The convention asks for no colour: here the grey
filter is swapped for Textual's `NoColor`, which leaves the terminal's own foreground and
background. What colour carried is carried by text style too: the cursor block is bold with a
▶ marker, search matches are underlined (the current one reversed), evidence spans are bold
and underlined with the actor's tag after them, and every actor has a tag.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.filter import LineFilter, Monochrome, NoColor

_NO_COLOUR = NoColor()


def without_colour(filters: Sequence[LineFilter]) -> list[LineFilter]:
    """`filters` with Textual's grey filter replaced by one that removes colour."""
    kept = [f for f in filters if not isinstance(f, (Monochrome, NoColor))]
    return [*kept, _NO_COLOUR]


__all__ = ["without_colour"]
