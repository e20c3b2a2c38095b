"""Validate a rule/config file so every problem names file:line:column and what was expected.

Why composed nodes: `yaml.compose` keeps each value's position (its start mark), which plain
`yaml.safe_load` throws away. Only the safe loader is used, and any tag beyond plain YAML data
(`!!python/object`, `!include`...) is refused with its position before anything is built.

`check_file(path)` returns every problem in one rule file ([] when it is valid). The other YAML
files the reader reads (themes, rule tests, eval labels) describe their shape with the same
checkers (`mapping`, `list_of`, `string`, ...) and read through `load_checked`, so every YAML
file reports its problems alike: file:line:column, then what was expected.
"""

from __future__ import annotations

import difflib
import re
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import import_module
from pathlib import Path
from typing import Any

import regex
from yaml.error import Mark
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from reader import safe_yaml
from reader.errors import ConfigError

# The standard library's own regex parser, for the static backtracking check (no stubs).
_sre_parse: Any = import_module("re._parser")
_sre_constants: Any = import_module("re._constants")

_PLAIN_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "map", "seq")
)
_ACTOR_ID = re.compile(r"[a-z][a-z0-9_-]{0,31}\Z")
_RULE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,79}\Z")


@dataclass
class Context:
    """Where the checkers report: the file checked and every problem found in it so far."""

    path: Path
    errors: list[ConfigError] = field(default_factory=list)

    def error(self, node: Node, message: str) -> None:
        self.errors.append(ConfigError(message, safe_yaml.where(self.path, node)))


def describe(node: Node) -> str:
    if isinstance(node, MappingNode):
        return "a mapping"
    if isinstance(node, SequenceNode):
        return "a list"
    if node.tag.endswith(":null"):
        return "nothing (null)"
    return f"{node.tag.rsplit(':', 1)[-1]} {quoted(node.value)}"


def quoted(value: object, longest: int = 60) -> str:
    """`value` as repr() would show it, cut to `longest` characters: an error stays one
    readable line even for a 5,000-digit number or a 20 MB string."""
    text = repr(value)
    return text if len(text) <= longest else text[: longest - 1] + "…"


# ---------------------------------------------------------------------------------------------
# A small declarative schema: each checker looks at one node and reports into the context.

Check = Callable[[Node, Context], None]


def string(node: Node, ctx: Context) -> None:
    if not (isinstance(node, ScalarNode) and node.tag.endswith(":str")):
        ctx.error(node, f"expected a string, got {describe(node)}")
    elif not node.value.strip():
        ctx.error(node, "expected a non-empty string")


def optional_string(node: Node, ctx: Context) -> None:
    if not (isinstance(node, ScalarNode) and node.tag.endswith(":null")):
        string(node, ctx)


def number(node: Node, ctx: Context) -> None:
    if not (isinstance(node, ScalarNode) and node.tag.endswith((":int", ":float"))):
        ctx.error(node, f"expected a number, got {describe(node)}")
        return
    value = safe_yaml.number(node)
    if value is None:
        ctx.error(node, f"expected a finite decimal number like 0.5 or 3, got {quoted(node.value)}")
    elif value < 0:
        ctx.error(node, "expected a number of 0 or more")


def count(node: Node, ctx: Context) -> None:
    if not (isinstance(node, ScalarNode) and node.tag.endswith(":int")):
        ctx.error(node, f"expected a whole number, got {describe(node)}")
        return
    value = safe_yaml.number(node)
    if value is None:
        ctx.error(node, f"expected a decimal whole number like 3, got {quoted(node.value)}")
    elif value < 0:
        ctx.error(node, "expected a whole number of 0 or more")


def boolean(node: Node, ctx: Context) -> None:
    if not (isinstance(node, ScalarNode) and node.tag.endswith(":bool")):
        ctx.error(node, f"expected true or false, got {describe(node)}")


def one_of(choices: Sequence[str], what: str) -> Check:
    """A string among `choices` (actor ids known to the config, say), named `what` in errors."""

    def check(node: Node, ctx: Context) -> None:
        before = len(ctx.errors)
        string(node, ctx)
        if len(ctx.errors) == before and node.value not in choices:
            close = difflib.get_close_matches(node.value, list(choices), n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            known = ", ".join(choices) or "none"
            ctx.error(node, f"expected {what}, one of: {known}; got {quoted(node.value)}{hint}")

    return check


def between(low: float, high: float, unit: str = "") -> Check:
    """A number from `low` to `high`: a setting whose extremes break the reader. `unit` is
    shown right after the range (" (milliseconds)")."""

    def check(node: Node, ctx: Context) -> None:
        before = len(ctx.errors)
        number(node, ctx)
        value = safe_yaml.number(node)
        if len(ctx.errors) == before and value is not None and not low <= value <= high:
            ctx.error(node, f"expected a number from {low:g} to {high:g}{unit}, got {value:g}")

    return check


# A regex budget of a minute already freezes a reload for that long; a huge one overflowed the
# engine's timeout and switched every rule off. Zero would switch them all off too.
_REGEX_BUDGET = between(1, 60_000, " (milliseconds)")


def _regex(node: Node, ctx: Context) -> None:
    string(node, ctx)
    if isinstance(node, ScalarNode) and node.tag.endswith(":str"):
        try:
            regex.compile(node.value)
        except regex.error as error:
            ctx.error(node, f"regex does not compile: {error}")


def nested_quantifier(pattern: str) -> str | None:
    """Why `pattern` risks catastrophic backtracking, or None.

    A repeated group that itself holds a repeat ("(a+)+", "(a*)*", "(\\w+\\s?)+") or a choice
    between overlapping alternatives ("(a|aa)+") can try exponentially many ways to split a
    near-miss such as "aaaa...ab". A static warning only: the classifier also gives rule-file
    regexes a time budget, so a pattern this misses still cannot freeze the reader.
    """
    try:
        tree = _sre_parse.parse(pattern)
    except (re.error, OverflowError, RecursionError):
        return None  # `regex`-only syntax: the time budget still applies
    return _risky(list(tree), outer=False)


def _risky(items: list[Any], outer: bool) -> str | None:
    for op, av in items:
        name = str(op)
        if name in ("MAX_REPEAT", "MIN_REPEAT"):
            _low, high, body = av
            unbounded = high == _sre_constants.MAXREPEAT or high > 16
            if outer and unbounded:
                return "a repeat inside a repeated group"
            found = _risky(list(body), outer or unbounded)
            if found:
                return found
        elif name == "BRANCH":
            alternatives = av[1]
            if outer and _overlapping(alternatives):
                return "a repeated choice between overlapping alternatives"
            for alternative in alternatives:
                found = _risky(list(alternative), outer)
                if found:
                    return found
        elif name == "SUBPATTERN":
            found = _risky(list(av[-1]), outer)
            if found:
                return found
        elif name in ("ASSERT", "ASSERT_NOT"):
            found = _risky(list(av[1]), outer)
            if found:
                return found
        # ATOMIC_GROUP and POSSESSIVE_REPEAT never backtrack into themselves: safe.
    return None


def _overlapping(alternatives: list[Any]) -> bool:
    """Two alternatives that can start alike: an empty one, or the same first literal."""
    firsts: set[object] = set()
    for alternative in alternatives:
        items = list(alternative)
        if not items:
            return True
        op, av = items[0]
        key = (str(op), av) if str(op) == "LITERAL" else None
        if key is None:
            continue
        if key in firsts:
            return True
        firsts.add(key)
    return False


def matching(pattern: re.Pattern[str], what: str) -> Check:
    def check(node: Node, ctx: Context) -> None:
        string(node, ctx)
        if (
            isinstance(node, ScalarNode)
            and node.tag.endswith(":str")
            and node.value.strip()
            and not pattern.match(node.value)
        ):
            ctx.error(node, f"expected {what}, got {quoted(node.value)}")

    return check


def list_of(item: Check) -> Check:
    def check(node: Node, ctx: Context) -> None:
        if not isinstance(node, SequenceNode):
            ctx.error(node, f"expected a list, got {describe(node)}")
            return
        for child in node.value:
            item(child, ctx)

    return check


def map_of(value: Check) -> Check:
    def check(node: Node, ctx: Context) -> None:
        if not isinstance(node, MappingNode):
            ctx.error(node, f"expected a mapping, got {describe(node)}")
            return
        for key, child in node.value:
            string(key, ctx)
            value(child, ctx)

    return check


def mapping(
    keys: Mapping[str, Check],
    required: Sequence[str] = (),
    extra: Callable[[MappingNode, Context], None] | None = None,
) -> Check:
    def check(node: Node, ctx: Context) -> None:
        if not isinstance(node, MappingNode):
            ctx.error(node, f"expected a mapping, got {describe(node)}")
            return
        seen: dict[str, Node] = {}
        for key, child in node.value:
            name = key.value if isinstance(key, ScalarNode) else None
            if name is None or name not in keys:
                shown = name if name is not None else describe(key)
                close = difflib.get_close_matches(str(shown), list(keys), n=1)
                hint = f" (did you mean {close[0]!r}?)" if close else ""
                ctx.error(
                    key, f"unknown key {quoted(shown)}{hint}; expected one of: {', '.join(keys)}"
                )
                continue
            if name in seen:
                ctx.error(key, f"expected each key once, got {quoted(name)} again")
                continue
            seen[name] = child
            keys[name](child, ctx)
        for name in required:
            if name not in seen:
                ctx.error(node, f"expected key {name!r}, which is required here")
        if extra is not None:
            extra(node, ctx)

    return check


STRINGS = list_of(string)

_SETTINGS = mapping(
    {
        "carry_distance": count,
        "threshold": number,
        "min_score": number,
        "weights": mapping(
            {k: number for k in ("attribution", "carry", "reported", "framing", "mention")}
        ),
        "regex_budget_ms": _REGEX_BUDGET,
    }
)

_TERMS = mapping(
    {
        "aliases": STRINGS,
        "adjectives": STRINGS,
        "speakers": STRINGS,
        "past_speakers": STRINGS,
        "offices": STRINGS,
    }
)

_ACTOR = mapping(
    {
        "id": matching(_ACTOR_ID, "an id of lower-case letters, digits, '-' or '_'"),
        "label": string,
        "colour": string,
        "tag": string,
        "aliases": STRINGS,
        "adjectives": STRINGS,
        "speakers": STRINGS,
        "past_speakers": STRINGS,
        "members": _TERMS,
    },
    required=("id", "label", "colour", "tag"),
)

_EXAMPLES = mapping({"match": STRINGS, "no_match": STRINGS})


def _terms_or_regex(node: MappingNode, ctx: Context) -> None:
    names = {key.value for key, _ in node.value if isinstance(key, ScalarNode)}
    if not names & {"terms", "regex"}:
        ctx.error(node, "a rule needs 'terms' or 'regex'")


_RULE_KEYS: dict[str, Check] = {
    "id": matching(_RULE_ID, "a rule id of letters, digits, '.', '-' or '_'"),
    "message": string,
    "terms": STRINGS,
    "regex": list_of(_regex),
    "tests": _EXAMPLES,
}
_FRAMING = mapping(
    {**_RULE_KEYS, "actor": string, "weight": number, "first_person": boolean},
    required=("id", "message", "actor"),
    extra=_terms_or_regex,
)
_EXCLUSION = mapping(_RULE_KEYS, required=("id", "message"), extra=_terms_or_regex)


def _voice(node: Node, ctx: Context) -> None:
    string(node, ctx)
    if isinstance(node, ScalarNode) and node.value not in SOURCE_VOICES:
        ctx.error(node, f"expected one of: {', '.join(SOURCE_VOICES)}; got {node.value!r}")


# How a source's document speaks: `remarks` (one speaker's own words, every line theirs,
# greetings included), `release` (a statement or readout: its lines with content are the
# author's, and what it says others said is reported in the author's voice) or `headline`
# (a title rule that labels the headline alone, in the headline's own grammar) or `house`
# (a site or outlet of one side's media: no document voice, but an office it names without a
# country, "the Foreign Ministry said", is that side's) or `joint` (an `openings` rule: a story
# that opens with a call or a meeting of two sides: its joint subjects speak for both).
SOURCE_VOICES = ("remarks", "release", "headline", "house", "joint")


def _source_needs(node: MappingNode, ctx: Context) -> None:
    """A source rule matches something (a site, an outlet, a title or an opening line) and
    names its actor: `actor:`, or a `(?P<speaker>...)` (or `(?P<authors>...)`) group in every
    title pattern. An opening line may leave its speaker to the line's own speech verb, except
    in a `joint` rule, whose openings name both parties of a call, or a joint text's authors
    (an `official` rule's may name the counterpart alone: the document's author is the other)."""
    values = {key.value: value for key, value in node.value if isinstance(key, ScalarNode)}
    if not values.keys() & {"sites", "outlets", "titles", "openings"}:
        ctx.error(node, "a source rule needs 'sites', 'outlets', 'titles' or 'openings'")
    voice = values.get("voice")
    joint = isinstance(voice, ScalarNode) and voice.value == "joint"
    official = isinstance(values.get("official"), ScalarNode) and values["official"].value == "true"
    for opening in _strings(values.get("openings")) if joint else ():
        pair = "(?P<speaker>" in opening.value and "(?P<counterpart>" in opening.value
        pair = pair or (official and "(?P<counterpart>" in opening.value)  # the author's own
        if not pair and "(?P<authors>" not in opening.value:
            ctx.error(
                opening,
                "an opening pattern needs (?P<speaker>...) and (?P<counterpart>...), or"
                " (?P<authors>...)",
            )
    if "actor" in values or "openings" in values:
        return
    release = isinstance(voice, ScalarNode) and voice.value == "release"
    if release and values.keys() & {"sites", "titles", "outlets"} == {"sites"}:
        return  # a release wire's site: each page's opening names its issuer
    titles = _strings(values.get("titles"))
    if not titles or "sites" in values or "outlets" in values:
        ctx.error(
            node,
            "a source rule without 'actor' needs title patterns only, or 'sites' with "
            "'voice: release' (each page's opening names its author)",
        )
    for title in titles:
        if "(?P<speaker>" not in title.value and "(?P<authors>" not in title.value:
            ctx.error(
                title,
                "without 'actor', a title pattern needs a (?P<speaker>...) or (?P<authors>...)"
                " group",
            )


_SOURCE = mapping(
    {
        "id": matching(_RULE_ID, "a rule id of letters, digits, '.', '-' or '_'"),
        "message": string,
        "actor": string,
        "voice": _voice,
        "sites": STRINGS,
        "outlets": STRINGS,
        "titles": list_of(_regex),
        "openings": list_of(_regex),
        "roles": STRINGS,
        "joint": STRINGS,
        "member": boolean,
        "private": boolean,
        "official": boolean,
        "tests": _EXAMPLES,
    },
    required=("id", "message"),
    extra=_source_needs,
)

_TOP = mapping(
    {
        "settings": _SETTINGS,
        "theme": optional_string,
        "view": matching(re.compile(r"(panels|merged)\Z"), "'panels' or 'merged'"),
        "keymap": map_of(string),
        "actors": list_of(_ACTOR),
        "extra_actors": list_of(_ACTOR),
        "roles": STRINGS,
        "pronouns": STRINGS,
        "others": STRINGS,
        "unofficial": STRINGS,
        "verbs": mapping(
            {
                "speech": STRINGS,
                "stance": STRINGS,
                "events": STRINGS,
                "irregular": map_of(STRINGS),
            }
        ),
        "source_markers": STRINGS,
        "topic": STRINGS,
        "national": STRINGS,
        "trade": STRINGS,
        "elsewhere": STRINGS,
        "courtesy": STRINGS,
        "on_duty": STRINGS,
        "legislatures": STRINGS,
        "framing": list_of(_FRAMING),
        "exclusions": list_of(_EXCLUSION),
        "actions": list_of(_EXCLUSION),
        "steps": list_of(_EXCLUSION),
        "sources": list_of(_SOURCE),
        "remove": STRINGS,
    }
)

TOP_LEVEL_KEYS: tuple[str, ...] = (
    "settings",
    "theme",
    "view",
    "keymap",
    "actors",
    "extra_actors",
    "roles",
    "pronouns",
    "others",
    "unofficial",
    "verbs",
    "source_markers",
    "topic",
    "national",
    "trade",
    "elsewhere",
    "courtesy",
    "on_duty",
    "legislatures",
    "framing",
    "exclusions",
    "actions",
    "steps",
    "sources",
    "remove",
)


# ---------------------------------------------------------------------------------------------
# Reading


@dataclass(frozen=True)
class ParsedFile:
    """One rule file: its top-level sections (data and node) and the problems found in it."""

    path: Path
    data: Mapping[str, Any]
    nodes: Mapping[str, Node]
    errors: tuple[ConfigError, ...]


def _walk(node: Node) -> Iterator[Node]:
    yield node
    if isinstance(node, MappingNode):
        for key, value in node.value:
            yield from _walk(key)
            yield from _walk(value)
    elif isinstance(node, SequenceNode):
        for child in node.value:
            yield from _walk(child)


def _plain_root(loader: Any, path: Path, ctx: Context, what: str) -> Node | None:
    """The composed root node (safe_yaml's limits applied); a tag beyond plain YAML data is
    reported at its place into `ctx`, before anything is built."""
    root = safe_yaml.compose(loader, path)
    for node in _walk(root) if root is not None else ():
        if node.tag not in _PLAIN_TAGS:
            ctx.error(node, f"tag {node.tag} is not allowed: {what}s hold plain YAML data only")
    return root


def parse_file(path: Path) -> ParsedFile:
    """Read and validate one file on its own (actor references are checked by the caller)."""
    ctx = Context(path)
    try:
        loader = safe_yaml.Loader(safe_yaml.read_text(path))
    except ConfigError as error:
        return ParsedFile(path, {}, {}, (error,))
    try:
        root = _plain_root(loader, path, ctx, "rule file")
        if root is None:
            return ParsedFile(path, {}, {}, tuple(ctx.errors))
        if ctx.errors:
            return ParsedFile(path, {}, {}, tuple(ctx.errors))
        _TOP(root, ctx)
        if ctx.errors or not isinstance(root, MappingNode):
            return ParsedFile(path, {}, {}, tuple(ctx.errors))
        data = safe_yaml.construct(loader, root, path)
    except ConfigError as error:
        return ParsedFile(path, {}, {}, (error,))
    finally:
        loader.dispose()
    nodes = {key.value: value for key, value in root.value}
    return ParsedFile(path, data, nodes, ())


@dataclass(frozen=True)
class Checked:
    """A YAML file whose shape is valid: its data, and the root node it was built from, for
    the checks a shape cannot express (an index against an article's length) to name their
    place with `safe_yaml.where`."""

    path: Path
    data: Any
    root: Node


def load_checked(path: Path, check: Check, what: str = "file", *, regular: bool = False) -> Checked:
    """Read `path` (safe_yaml's limits), check its shape with `check`, and build its data.
    Raises the first problem as a one-line ConfigError (file:line:column: what was expected);
    an empty file is checked as null. `regular`: see `safe_yaml.read_text`."""
    checked, errors = check_yaml(path, check, what, regular=regular)
    if errors or checked is None:
        raise errors[0]
    return checked


def check_yaml(
    path: Path, check: Check, what: str = "file", *, regular: bool = False
) -> tuple[Checked | None, list[ConfigError]]:
    """As `load_checked`, for a file whose every problem is wanted (a theme): the checked file,
    or None and every problem found."""
    try:
        text = safe_yaml.read_text(path, what, regular=regular)
    except ConfigError as error:
        return None, [error]
    return _checked(text, path, check, what)


def _checked(
    text: str, path: Path, check: Check, what: str
) -> tuple[Checked | None, list[ConfigError]]:
    ctx = Context(path)
    loader = safe_yaml.Loader(text)
    try:
        start = Mark(str(path), 0, 0, 0, None, 0)
        root = _plain_root(loader, path, ctx, what) or ScalarNode(
            "tag:yaml.org,2002:null", "", start, start
        )
        if not ctx.errors:
            check(root, ctx)
        if ctx.errors:
            return None, ctx.errors
        return Checked(path, safe_yaml.construct(loader, root, path), root), []
    except ConfigError as error:
        return None, [error]
    finally:
        loader.dispose()


def cross_check(sections: Mapping[str, tuple[Path, Node]]) -> list[ConfigError]:
    """Problems between sections, possibly from several files: actor ids and rule ids.

    Rule examples (`tests:`) are not checked here, on every start and reload, but by
    `check_examples` (`reader rules check`, `reader rules test`): 200 catastrophic examples
    cost minutes, and a start must not pay for them.

    `sections` maps a top-level key to the file and node it finally came from.
    """
    errors: list[ConfigError] = []
    actor_ids: dict[str, Node] = {}
    for key in ("actors", "extra_actors"):
        if key not in sections:
            continue
        path, node = sections[key]
        ctx = Context(path)
        for actor in _items(node):
            id_node = _get(actor, "id")
            if id_node is None:
                continue
            if id_node.value in actor_ids:
                first = actor_ids[id_node.value].start_mark.line + 1
                ctx.error(
                    id_node, f"duplicate actor id {quoted(id_node.value)} (first on line {first})"
                )
            actor_ids[id_node.value] = id_node
        errors.extend(ctx.errors)
    known = ", ".join(actor_ids) or "none"
    rule_ids: dict[str, tuple[Path, Node]] = {}
    for key in ("framing", "exclusions", "actions", "steps", "sources"):
        if key not in sections:
            continue
        path, node = sections[key]
        ctx = Context(path)
        for rule in _items(node):
            id_node = _get(rule, "id")
            if id_node is not None:
                if id_node.value in rule_ids:
                    first_path, first = rule_ids[id_node.value]
                    place = f"{first_path}:{first.start_mark.line + 1}"
                    ctx.error(
                        id_node, f"duplicate rule id {quoted(id_node.value)} (first at {place})"
                    )
                else:
                    rule_ids[id_node.value] = (path, id_node)
            actor_node = _get(rule, "actor")
            if actor_node is not None and actor_node.value not in actor_ids:
                close = difflib.get_close_matches(actor_node.value, list(actor_ids), n=1)
                hint = f" (did you mean {close[0]!r}?)" if close else ""
                ctx.error(
                    actor_node,
                    f"unknown actor {quoted(actor_node.value)}{hint}; known actors: {known}",
                )
        errors.extend(ctx.errors)
    return errors


def regex_origins(
    sections: Mapping[str, tuple[Path, Node]],
) -> dict[tuple[str, int], tuple[str, str]]:
    """(rule id, regex index) -> (the regex's file:line:column, its file), for messages that
    name a rule's regex (a slow one, switched off while classifying)."""
    origins: dict[tuple[str, int], tuple[str, str]] = {}
    for key in ("framing", "exclusions", "actions", "steps"):
        if key not in sections:
            continue
        path, node = sections[key]
        for rule in _items(node):
            id_node = _get(rule, "id")
            regexes = {k.value: v for k, v in rule.value}.get("regex")
            if id_node is None or not isinstance(regexes, SequenceNode):
                continue
            for i, item in enumerate(regexes.value):
                mark = item.start_mark
                origins[(id_node.value, i)] = (
                    f"{path}:{mark.line + 1}:{mark.column + 1}",
                    str(path),
                )
    return origins


def child(node: Node, key: str) -> Node | None:
    """The value node under `key` of a mapping node; None when there is none."""
    if isinstance(node, MappingNode):
        for key_node, value in node.value:
            if isinstance(key_node, ScalarNode) and key_node.value == key:
                return value  # type: ignore[no-any-return]
    return None


def _items(node: Node) -> list[MappingNode]:
    if not isinstance(node, SequenceNode):
        return []
    return [child for child in node.value if isinstance(child, MappingNode)]


def _get(node: MappingNode, name: str) -> ScalarNode | None:
    for key, value in node.value:
        if key.value == name and isinstance(value, ScalarNode):
            return value
    return None


EXAMPLES_BUDGET = 2.0
"""Seconds of regex time for all the examples of one file together."""

_EXAMPLE_SECONDS = 0.5
"""Seconds one example may take: more is reported as catastrophic backtracking."""


@dataclass
class _Clock:
    """What is left of one file's examples budget."""

    deadline: float

    def left(self) -> float:
        return self.deadline - time.monotonic()


def check_examples(
    path: Path, nodes: Mapping[str, Node], budget: float = EXAMPLES_BUDGET
) -> list[ConfigError]:
    """Every rule example (`tests:`) of one file that does not do what it says, within one
    budget for the file: when it runs out, one line says where checking stopped."""
    ctx = Context(path)
    clock = _Clock(time.monotonic() + budget)
    for key in ("framing", "exclusions", "actions", "steps", "sources"):
        check = _check_title_examples if key == "sources" else _check_examples
        for rule in _items(nodes[key]) if key in nodes else ():
            if not check(rule, ctx, clock):
                return ctx.errors
    return ctx.errors


def _check_examples(rule: MappingNode, ctx: Context, clock: _Clock) -> bool:
    """A rule's `tests:` examples: each `match` must fire the rule, each `no_match` must not.
    False when the file's budget ran out (reported at the first example left unchecked)."""
    from reader.rules.compile import fold, lexicon

    values = {key.value: value for key, value in rule.value}
    tests = values.get("tests")
    if not isinstance(tests, MappingNode):
        return True
    terms = [fold(" ".join(t.value.split())) for t in _strings(values.get("terms"))]
    regexes = [regex.compile(r.value) for r in _strings(values.get("regex"))]
    table = lexicon(dict.fromkeys(terms, True))

    def fires(text: str, seconds: float) -> bool:
        folded = fold(text)
        return bool(table.scan(folded)) or any(r.search(folded, timeout=seconds) for r in regexes)

    def slow(seconds: float) -> str:
        return (
            f"the rule's regex took over {seconds * 1000:.0f} ms on this example "
            "(catastrophic backtracking?)"
        )

    return _run_examples(tests, ctx, clock, fires, "example", slow)


def _check_title_examples(rule: MappingNode, ctx: Context, clock: _Clock) -> bool:
    """A source rule's `tests:`: titles each `match` must fit one of its patterns, each
    `no_match` none of them (within the file's examples budget, as `_check_examples`)."""
    values = {key.value: value for key, value in rule.value}
    tests = values.get("tests")
    if not isinstance(tests, MappingNode):
        return True
    sources = [*_strings(values.get("titles")), *_strings(values.get("openings"))]
    patterns = [regex.compile(t.value, regex.IGNORECASE) for t in sources]

    def fires(text: str, seconds: float) -> bool:
        return any(p.search(text, timeout=seconds) for p in patterns)

    def slow(seconds: float) -> str:
        return "the rule's title pattern took too long on this example"

    return _run_examples(tests, ctx, clock, fires, "title", slow)


def _run_examples(
    tests: MappingNode,
    ctx: Context,
    clock: _Clock,
    fires: Callable[[str, float], bool],
    noun: str,
    slow: Callable[[float], str],
) -> bool:
    """Check each `match` / `no_match` example with `fires` within the file's examples budget;
    False when the budget ran out (reported at the first example left unchecked)."""
    for key, value in tests.value:
        for example in _strings(value):
            left = clock.left()
            if left <= 0:
                ctx.error(
                    example,
                    f"examples from here on not checked: this file's {EXAMPLES_BUDGET:g} s "
                    "for examples ran out (catastrophic backtracking?)",
                )
                return False
            seconds = min(_EXAMPLE_SECONDS, left)
            try:
                fired = fires(example.value, seconds)
            except TimeoutError:
                ctx.error(example, slow(seconds))
                continue
            shown = quoted(example.value)
            if key.value == "match" and not fired:
                ctx.error(example, f"{noun} should match the rule but does not: {shown}")
            if key.value == "no_match" and fired:
                ctx.error(example, f"{noun} should not match the rule but does: {shown}")
    return True


def _strings(node: Node | None) -> list[ScalarNode]:
    if not isinstance(node, SequenceNode):
        return []
    return [n for n in node.value if isinstance(n, ScalarNode)]


def check_file(path: Path) -> list[ConfigError]:
    """Every problem in one rule or config file; [] when it is valid.

    A file that defines no `actors:` is checked against the bundled actors, since it will be
    merged over them.
    """
    parsed = parse_file(path)
    if parsed.errors:
        return list(parsed.errors)
    sections = {key: (path, node) for key, node in parsed.nodes.items()}
    if "actors" not in sections:
        from reader.resources import bundled

        base = parse_file(bundled("config.yaml"))
        if "actors" in base.nodes:
            sections["actors"] = (base.path, base.nodes["actors"])
    errors = cross_check(sections)
    return errors + _backtracking(path, parsed.nodes) + check_examples(path, parsed.nodes)


def _backtracking(path: Path, nodes: Mapping[str, Node]) -> list[ConfigError]:
    """A warning for each rule regex with a nested quantifier (see `nested_quantifier`)."""
    ctx = Context(path)
    checked = (
        ("framing", "regex"),
        ("exclusions", "regex"),
        ("actions", "regex"),
        ("steps", "regex"),
    )
    for key, field_name in (*checked, ("sources", "titles"), ("sources", "openings")):
        for rule in _items(nodes[key]) if key in nodes else ():
            id_node = _get(rule, "id")
            rule_id = id_node.value if id_node is not None else "?"
            for item in _strings({k.value: v for k, v in rule.value}.get(field_name)):
                why = nested_quantifier(item.value)
                if why:
                    ctx.error(
                        item,
                        f"warning: rule {rule_id}: regex {quoted(item.value)} has {why}, which "
                        "can backtrack for minutes on a near miss; it will be switched off if it "
                        "runs out of time",
                    )
    return ctx.errors
