"""Every key binding of the reader, with its id, in one table: the one place keys are written.

The widgets take their `BINDINGS` from here (`bindings(scope)`), the help screen its rows
(`help_rows`, after the user's `keymap:`), and README's Keys table is this table rendered by
`markdown_table()` (tests/ui/test_keys.py fails when the README differs). So a key is
written once, and the three cannot disagree.

Keys are Textual key names ("j,down", "right_square_bracket"); `typed()` turns them into what
a user types ("]"), for the help screen and the README.

Counts: digits typed before a motion repeat it, as in less and vim: `5j` five blocks down,
`3 space` three pages, `10G` (or `10g`) block 10, `2n` the second match on, `4]` the focused
actor's fourth block on. A count before Tab focuses that panel (`2 tab` is panel 2, as vim's
`2gt` is tab page 2): the digits alone no longer focus panels, because `10G` must not first
jump to panel 1.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Literal

from textual.binding import Binding, BindingType

Scope = Literal["view", "app", "search_input", "explain", "help", "help_table", "pick", "pick_list"]


@dataclass(frozen=True, slots=True)
class Key:
    """One binding: its id (what `keymap:` rebinds), default keys, action and words."""

    id: str
    keys: str  # Textual key names, comma-separated
    action: str
    label: str  # short: the footer and the command palette
    help: str  # what it does, for the help screen and the README
    scope: Scope = "view"
    show: bool = False  # in the footer
    priority: bool = False

    @property
    def title(self) -> str:
        """What it does, as a name for the command palette: "Next block (compact: ...)"."""
        first = self.help.split(";")[0]
        return first[:1].upper() + first[1:]


KEYS: tuple[Key, ...] = (
    Key("nav.down", "j,down", "next_block", "Next block",
        "next block (compact: the focused panel's next); 5j: five blocks"),
    Key("nav.up", "k,up", "prev_block", "Previous block", "previous block"),
    Key("nav.page_down", "space,f,pagedown,ctrl+f", "page(1)", "Page down", "a page down"),
    Key("nav.page_up", "b,pageup,ctrl+b", "page(-1)", "Page up", "a page up"),
    Key("nav.half_down", "d,ctrl+d", "half_page(1)", "Half page down", "half a page down"),
    Key("nav.half_up", "u,ctrl+u", "half_page(-1)", "Half page up", "half a page up"),
    Key("nav.first", "g,home", "first", "First block", "first block (10g: block 10)"),
    Key("nav.last", "G,end", "last", "Last block",
        "last block, even while the rest is classified (10G: block 10)"),
    Key("nav.actor_next", "right_square_bracket", "actor_block(1)", "Actor's next block",
        "the focused actor's next block"),
    Key("nav.actor_previous", "left_square_bracket", "actor_block(-1)",
        "Actor's previous block", "the focused actor's previous block"),
    Key("panel.next", "tab", "cycle_panel(1)", "Panel",
        "focus the next panel (3 tab: panel 3)", show=True),
    Key("panel.previous", "shift+tab", "cycle_panel(-1)", "Previous panel",
        "focus the previous panel"),
    Key("panel.left", "h,left", "neighbour_panel(-1)", "Left panel", "the panel to the left"),
    Key("panel.right", "l,right", "neighbour_panel(1)", "Right panel",
        "the panel to the right"),
    Key("search.next", "n", "match(1)", "Next match",
        "next search match (article order, across panels; wraps)"),
    Key("search.previous", "N", "match(-1)", "Previous match", "previous search match"),
    Key("mark.set", "m", "pending('mark')", "Set mark", "m then a letter: set a mark"),
    Key("mark.jump", "apostrophe", "pending('jump')", "Jump to mark",
        "' then a letter: jump to a mark; '' jumps back"),
    Key("view.mode", "a", "toggle_mode", "Mode", "aligned / compact", show=True),
    Key("view.merged", "M", "toggle_merged", "Merged",
        "side-by-side panels / one merged column (view: in config.yaml)"),
    Key("view.other", "o", "toggle_other", "Other", "the Other column for unlabelled blocks",
        show=True),
    Key("search.open", "slash", "search", "Search",
        "a new search (the last one selected; up/down: history)", scope="app", show=True,
        priority=True),
    Key("app.escape", "escape", "escape", "Close/clear",
        "close the explain pane, else clear the search; never quits", scope="app"),
    Key("app.explain", "e", "explain", "Explain",
        "explain the current block; again: into the pane (to scroll it); again: close",
        scope="app", show=True),
    Key("app.explain_toggle", "enter", "toggle_explain", "Explain",
        "open / close the explain pane", scope="app"),
    Key("app.copy", "y", "copy", "Copy", "copy the current block's text (OSC 52)",
        scope="app"),
    Key("article.next", "ctrl+n", "article(1)", "Next article", "next article", scope="app"),
    Key("article.previous", "ctrl+p", "article(-1)", "Previous article",
        "previous article (or feed item)", scope="app"),
    Key("app.links", "L", "links", "Links",
        "the current block's links (Enter opens one in the reader, y copies)", scope="app"),
    Key("app.reload", "r", "reload", "Reload rules", "reload the rules and re-classify",
        scope="app"),
    Key("app.palette", "colon", "command_palette", "Palette",
        "the command palette: every action by name, themes, screenshot", scope="app"),
    Key("app.help", "question_mark,f1", "help", "Help", "all keys and their ids",
        scope="app", show=True),
    Key("compare.open", "c", "compare", "Compare",
        "compare the open articles: each actor's airtime (see Comparing outlets)", scope="app"),
    Key("lens.open", "v", "lens", "Actor lens",
        "the actor lens: the focused actor's blocks from every open article", scope="app"),
    Key("app.quit", "q", "quit", "Quit", "quit", scope="app", show=True),
    Key("search.older", "up", "history(-1)", "Older search",
        "in the search input: the search before (history is kept across runs)",
        scope="search_input"),
    Key("search.newer", "down", "history(1)", "Newer search",
        "in the search input: the search after", scope="search_input"),
    Key("explain.down", "j,down", "scroll_down", "Scroll down",
        "in the explain pane: scroll down", scope="explain"),
    Key("explain.up", "k,up", "scroll_up", "Scroll up", "in the explain pane: scroll up",
        scope="explain"),
    Key("explain.page_down", "space,f,pagedown", "page_down", "Page down",
        "in the explain pane: a page down", scope="explain"),
    Key("explain.page_up", "b,pageup", "page_up", "Page up",
        "in the explain pane: a page up", scope="explain"),
    Key("explain.leave", "escape,tab,shift+tab", "leave", "Back",
        "in the explain pane: back to the panels (it stays open)", scope="explain"),
    Key("explain.close", "e", "close", "Close", "in the explain pane: close it",
        scope="explain"),
    Key("search.submit", "enter", "submit_search", "Keep",
        "in the search input: keep the position and close it", scope="app", priority=True),
    Key("help.close", "escape,q,question_mark", "close", "Close help",
        "in the help screen: close it", scope="help"),
    Key("pick.close", "escape", "close", "Back", "in a feed or link list: back", scope="pick",
        show=True),
    Key("pick.copy", "y", "copy", "Copy link", "in a feed or link list: copy the link",
        scope="pick", show=True),
    Key("pick.quit", "q", "app.quit", "Quit", "in a feed or link list: quit", scope="pick"),
    Key("pick.down", "j", "cursor_down", "Down", "in a feed or link list: down",
        scope="pick_list"),
    Key("pick.up", "k", "cursor_up", "Up", "in a feed or link list: up", scope="pick_list"),
    Key("pick.first", "g", "first", "First", "in a feed or link list: the first",
        scope="pick_list"),
    Key("pick.last", "G", "last", "Last", "in a feed or link list: the last",
        scope="pick_list"),
    Key("help.down", "j", "cursor_down", "Down", "in the help screen: down",
        scope="help_table"),
    Key("help.up", "k", "cursor_up", "Up", "in the help screen: up", scope="help_table"),
    Key("help.page_down", "space,f", "page_down", "Page down",
        "in the help screen: a page down", scope="help_table"),
    Key("help.page_up", "b", "page_up", "Page up", "in the help screen: a page up",
        scope="help_table"),
    Key("help.first", "g,home", "scroll_top", "First", "in the help screen: the top",
        scope="help_table"),
    Key("help.last", "G,end", "scroll_bottom", "Last", "in the help screen: the end",
        scope="help_table"),
)  # fmt: skip

SEARCH_SYNTAX = (
    "Search (/): plain text is smart case (case-insensitive unless the query has a capital); "
    "re:PATTERN is a regular expression; @russia truce limits matches to one actor's blocks "
    "(id, label or a unique prefix). Enter keeps the position, Escape goes back; up and down "
    "in the input walk the search history."
)

_TYPED = {
    "apostrophe": "'",
    "question_mark": "?",
    "slash": "/",
    "colon": ":",
    "right_square_bracket": "]",
    "left_square_bracket": "[",
    "ampersand": "&",
    "asterisk": "*",
    "at": "@",
    "backslash": "\\",
    "circumflex_accent": "^",
    "comma": ",",
    "dollar_sign": "$",
    "equals_sign": "=",
    "exclamation_mark": "!",
    "full_stop": ".",
    "grave_accent": "`",
    "greater_than_sign": ">",
    "less_than_sign": "<",
    "hyphen_minus": "-",
    "minus": "-",
    "number_sign": "#",
    "percent_sign": "%",
    "plus": "+",
    "quotation_mark": '"',
    "semicolon": ";",
    "tilde": "~",
    "underscore": "_",
    "vertical_line": "|",
    "left_parenthesis": "(",
    "right_parenthesis": ")",
    "left_curly_bracket": "{",
    "right_curly_bracket": "}",
}


def typed(keys: str) -> str:
    """Textual key names as a user types them: "right_square_bracket,question_mark" ->
    "], ?". Modifier names stay words ("ctrl+n", "shift+tab")."""
    names = [key.strip() for key in keys.split(",") if key.strip()]
    return ", ".join(_typed_one(name) for name in names)


def _typed_one(name: str) -> str:
    *modifiers, last = name.split("+")
    return "+".join([*modifiers, _TYPED.get(last, last)])


def in_scope(scope: Scope) -> tuple[Key, ...]:
    return tuple(key for key in KEYS if key.scope == scope)


def bindings(scope: Scope) -> list[BindingType]:
    """The Textual bindings of one widget (its `BINDINGS`)."""
    return [
        Binding(key.keys, key.action, key.label, show=key.show, priority=key.priority, id=key.id)
        for key in in_scope(scope)
    ]


def by_id() -> dict[str, Key]:
    return {key.id: key for key in KEYS}


def help_rows(keymap: Mapping[str, str] | None = None) -> list[tuple[str, str, str]]:
    """(keys as typed, what it does, id) for every binding, after the user's `keymap:`."""
    keymap = keymap or {}
    return [(typed(keymap.get(key.id, key.keys)), key.help, key.id) for key in KEYS]


def markdown_table(keys: Iterable[Key] = KEYS) -> str:
    """The README's Keys table."""
    lines = ["| id | keys | action |", "|---|---|---|"]
    for key in keys:
        shown = typed(key.keys).replace("|", "\\|")
        lines.append(f"| {key.id} | {shown} | {key.help} |")
    return "\n".join(lines)


if __name__ == "__main__":  # python -m reader.ui.keys: the README's Keys table
    print(markdown_table())

__all__ = [
    "KEYS",
    "SEARCH_SYNTAX",
    "Key",
    "bindings",
    "by_id",
    "help_rows",
    "in_scope",
    "markdown_table",
]
