"""Textual CSS, one way: every widget's and screen's rules live in a .tcss file beside its
module (reader/ui/<name>.tcss), read here into the class's DEFAULT_CSS; the app's own rules
are app.tcss, its CSS_PATH. Editors highlight .tcss files, and the Python stays Python."""

from __future__ import annotations

from pathlib import Path


def widget_css(name: str) -> str:
    """The rules of reader/ui/`name`.tcss, for a widget's or screen's `DEFAULT_CSS`."""
    return Path(__file__).with_name(f"{name}.tcss").read_text(encoding="utf-8")
