"""Where the bundled config.yaml, themes/ and seeds/ live.

An installed wheel carries them inside the package (`reader/_bundled`); a source checkout
(editable install) keeps them at the repository root, as the product card fixes.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def bundled(name: str) -> Path:
    """The bundled file or folder `name` ("config.yaml", "themes", "seeds")."""
    inside = _PACKAGE / "_bundled" / name
    if inside.exists():
        return inside
    return _PACKAGE.parent / name
