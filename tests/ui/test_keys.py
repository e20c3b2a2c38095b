"""Every key binding lives in reader/ui/keys.py: the widgets, the help screen and README's Keys
table all come from it, so they cannot disagree."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from textual.binding import Binding, BindingType

from reader.ui.app import ReaderApp
from reader.ui.explain import ExplainPane
from reader.ui.help import HelpScreen, HelpTable
from reader.ui.keys import KEYS, Scope, in_scope, markdown_table, typed
from reader.ui.pick import PickList, _PickScreen
from reader.ui.view import ReaderView

README = Path(__file__).resolve().parents[2] / "README.md"


def test_the_readme_key_table_is_the_key_module() -> None:
    assert markdown_table() in README.read_text(encoding="utf-8"), (
        "README's Keys table differs from reader/ui/keys.py: paste `python -m reader.ui.keys`"
    )


def test_every_widget_binding_comes_from_the_table_with_an_id() -> None:
    scopes: list[tuple[Scope, list[BindingType]]] = [
        ("view", ReaderView.BINDINGS),
        ("app", ReaderApp.BINDINGS),
        ("explain", ExplainPane.BINDINGS),
        ("help", HelpScreen.BINDINGS),
        ("help_table", HelpTable.BINDINGS),
        ("pick", _PickScreen.BINDINGS),
        ("pick_list", PickList.BINDINGS),
    ]
    for scope, owned in scopes:
        declared = [b for b in owned if isinstance(b, Binding)]
        assert len(declared) == len(owned)
        assert [(b.id, b.key, b.action) for b in declared] == [
            (key.id, key.keys, key.action) for key in in_scope(scope)
        ]


def test_ids_are_unique() -> None:
    assert [key_id for key_id, n in Counter(key.id for key in KEYS).items() if n > 1] == []


def test_keys_are_written_as_typed_never_as_textual_names() -> None:
    assert typed("right_square_bracket,question_mark,apostrophe") == "], ?, '"
    assert typed("ctrl+n,shift+tab,slash,colon") == "ctrl+n, shift+tab, /, :"
    for key in KEYS:
        assert all("_" not in part for part in typed(key.keys).split(", ")), key.id
