"""Reading YAML that anyone may have written: rule files, themes, rule tests, labels.

Every YAML file the reader reads goes through here, because the YAML language itself has
ways to hurt a reader that no schema check sees, since they strike before it runs:

- size: a 20 MB scalar takes a minute and gigabytes; `--config /dev/zero` never ends. Files
  are read through `read_text`, at most `MAX_BYTES` (4 MB, far above any rule file);
- aliases: `*a` repeats a whole anchored subtree, so eight levels of ten aliases each make a
  375-byte file of 10^8 values (an "alias bomb"); `&a [*a]` is a list that contains itself.
  `check_graph` counts what aliases add and refuses more than `ALIAS_BUDGET` values, and
  refuses a value that contains itself;
- depth: constructing a value recurses once per level, so `check_graph` refuses more than
  `MAX_DEPTH` levels with a line instead of a RecursionError;
- odd numbers: `.inf`, `.nan`, `0x10`, `1:30` (base 60 in YAML 1.1) and a 5,000-digit
  integer are all "numbers"; `number` returns None for anything but a finite decimal number
  of sane size.

The problems come back as one-line `ConfigError`s naming file:line:column. A whole file's
shape is then checked by `reader.rules.schema.load_checked`, which builds on these nodes.
"""

from __future__ import annotations

import math
import os
import re
import stat
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from reader.errors import ConfigError

MAX_BYTES = 4 * 1024 * 1024
"""The largest YAML file read: the bundled config is ~60 KB; a 10,000-rule file ~2 MB."""

ALIAS_BUDGET = 10_000
"""How many values aliases may add to a file beyond the ones written out in it."""

MAX_DEPTH = 64
"""How deeply values may nest (a rule file needs 6)."""

LARGEST_NUMBER = 1e15
"""Numbers beyond this are refused: no weight, threshold or count needs them, and a float
that large has long lost the precision of a whole number."""

# Decimal spellings only: no base prefix, no leading zero before a digit, no colons.
_DECIMAL = re.compile(r"[-+]?(?:0|[1-9][0-9_]*)?(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?\Z")

# libyaml's safe loader when PyYAML has it (composing a 10,000-rule file: 0.3 s instead of 3 s,
# and its nesting limit stops a 20,000-deep file at once); the pure-Python one otherwise.
# Both keep every node's line and column, and both build plain data only.
Loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def where(path: Path | str, node: Node | None = None) -> str:
    """`path:line:column` of `node` (1-based), or just the path."""
    if node is None:
        return str(path)
    mark = node.start_mark
    return f"{path}:{mark.line + 1}:{mark.column + 1}"


def read_text(
    path: Path, what: str = "file", max_bytes: int = MAX_BYTES, *, regular: bool = False
) -> str:
    """The UTF-8 text of `path`, read without ever holding more than `max_bytes` + 1 bytes.

    Pipes (`--config <(...)`) work; a device such as /dev/zero is cut at the limit. A FIFO
    with no writer would block in `open`, so it is opened non-blocking and then read normally.
    `regular`: only a regular file will do (files found in a folder, not named by the user).
    """
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except FileNotFoundError:
        raise ConfigError(f"no such {what}", str(path)) from None
    except (OSError, ValueError) as error:
        reason = error.strerror if isinstance(error, OSError) else "not a usable file name"
        raise ConfigError(f"cannot read {what}: {reason}", str(path)) from None
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise ConfigError(f"cannot read {what}: is a directory", str(path))
        if regular and not stat.S_ISREG(mode):
            raise ConfigError(f"cannot read {what}: not a regular file", str(path))
        os.set_blocking(fd, True)
        with os.fdopen(fd, "rb", closefd=False) as handle:
            data = handle.read(max_bytes + 1)
    except OSError as error:
        raise ConfigError(f"cannot read {what}: {error.strerror or error}", str(path)) from None
    finally:
        os.close(fd)
    if len(data) > max_bytes:
        limit = max_bytes // (1024 * 1024)
        raise ConfigError(f"{what} is over the {limit} MB limit for YAML files", str(path))
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ConfigError(
            f"cannot read {what}: not UTF-8 text (byte {error.start})", str(path)
        ) from None


def compose(loader: yaml.SafeLoader, path: Path | str) -> Node | None:
    """The single document's root node, checked by `check_graph`; ConfigError for bad YAML."""
    try:
        root: Node | None = loader.get_single_node()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        at = f"{path}:{mark.line + 1}:{mark.column + 1}" if mark else str(path)
        problem = " ".join(str(error.problem or error.context or "invalid YAML").split())
        raise ConfigError(f"invalid YAML: {problem}", at) from None
    except yaml.YAMLError as error:
        raise ConfigError(f"invalid YAML: {' '.join(str(error).split())}", str(path)) from None
    except RecursionError:
        raise ConfigError(f"invalid YAML: nested more than {MAX_DEPTH} levels", str(path)) from None
    if root is not None:
        check_graph(root, path)
    return root


def check_graph(root: Node, path: Path | str) -> None:
    """Refuse a value that contains itself, nesting beyond `MAX_DEPTH`, and aliases that add
    more than `ALIAS_BUDGET` values. Iterative and linear in the nodes written in the file
    (an alias is the same node object reached again: its size is counted, not walked)."""
    sizes: dict[int, int] = {}  # node id -> values in it once aliases are expanded
    open_nodes: set[int] = set()
    distinct = 0
    stack: list[tuple[Node, int, bool]] = [(root, 1, False)]
    while stack:
        node, depth, done = stack.pop()
        key = id(node)
        if done:
            open_nodes.discard(key)
            size = sizes[key] = 1 + sum(sizes[id(child)] for child in _children(node))
            if size - distinct > ALIAS_BUDGET:
                raise ConfigError(
                    f"YAML aliases here expand to {size:,} values, over the limit of "
                    f"{ALIAS_BUDGET:,} added by aliases: write the values out instead",
                    where(path, node),
                )
            continue
        if key in sizes:
            continue
        if depth > MAX_DEPTH:
            raise ConfigError(f"values nested more than {MAX_DEPTH} levels deep", where(path, node))
        distinct += 1
        if isinstance(node, ScalarNode):
            sizes[key] = 1
            continue
        open_nodes.add(key)
        stack.append((node, depth, True))
        for child in _children(node):
            child_key = id(child)
            if child_key in open_nodes:
                raise ConfigError(
                    "a YAML alias inside the value it names (a loop)", where(path, child)
                )
            if child_key not in sizes:
                if isinstance(child, ScalarNode):
                    sizes[child_key] = 1
                    distinct += 1
                else:
                    stack.append((child, depth + 1, False))


def _children(node: Node) -> list[Node]:
    if isinstance(node, MappingNode):
        return [item for pair in node.value for item in pair]
    if isinstance(node, SequenceNode):
        return node.value  # type: ignore[no-any-return]
    return []


def number(node: Node) -> int | float | None:
    """A scalar int or float node's value, or None unless it is a finite number within
    +-`LARGEST_NUMBER` written in decimal (`.inf`, `.nan` and 5,000 digits are refused, and so
    are YAML 1.1's other bases: `0x10`, `0b101`, `017` (octal: 15) and `1:30` (base 60: 90)
    would each mean a number nobody reading the file expects)."""
    if not (isinstance(node, ScalarNode) and node.tag.endswith((":int", ":float"))):
        return None
    if len(node.value) > 64 or not _DECIMAL.match(node.value):
        return None
    constructor = SafeConstructor()
    try:
        value: Any = (
            constructor.construct_yaml_int(node)
            if node.tag.endswith(":int")
            else constructor.construct_yaml_float(node)
        )
    except (ValueError, OverflowError):
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    if not math.isfinite(value) or abs(value) > LARGEST_NUMBER:
        return None
    return value


def construct(loader: yaml.SafeLoader, root: Node, path: Path | str) -> Any:
    """Plain Python data for a checked root node; ConfigError for a value that cannot be built
    (an integer of thousands of digits, a malformed timestamp)."""
    try:
        return loader.construct_document(root)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        at = f"{path}:{mark.line + 1}:{mark.column + 1}" if mark else str(path)
        raise ConfigError(f"not valid here: {error.problem or error}", at) from None
    except (ValueError, OverflowError, RecursionError, yaml.YAMLError) as error:
        raise ConfigError(f"a value cannot be read: {error}".splitlines()[0], str(path)) from None


def load_text(text: str, where: Path | str) -> Any:
    """The data of YAML text (an article's front matter), every check above applied;
    ConfigError naming `where` for anything wrong."""
    loader = Loader(text)
    try:
        root = compose(loader, where)
        return None if root is None else construct(loader, root, where)
    finally:
        loader.dispose()
