"""Functions a newcomer can hold in their head: none in reader/ over 60 lines or 25 decision
points, unless it is a declarative table (listed below with the reason); and modules they can
read in a sitting: none over 1,500 lines.

Decision points are counted as in McCabe's complexity: each if/elif, loop, `x if c else y`,
except, with, assert, comprehension clause, match case, and each extra operand of `and`/`or`.
A nested function counts toward the function that holds it too.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent / "reader"
MAX_LINES = 60
MAX_DECISIONS = 25
# Session 27 split the modules that had grown past this along their seams (attribution.py was
# 5,114 lines; phrases.py, document.py and sources.py about 2,000 each): a module that grows
# past it is split the same way, never listed.
MAX_MODULE_LINES = 1500

# "module:function" -> why it may be longer. Only declarative tables belong here; the UI's are
# left to the follow-up of issue 8.
ALLOWED: dict[str, str] = {}

_BRANCHES = (
    ast.If,
    ast.For,
    ast.AsyncFor,
    ast.While,
    ast.IfExp,
    ast.ExceptHandler,
    ast.With,
    ast.AsyncWith,
    ast.Assert,
    ast.comprehension,
    ast.match_case,
)


def decisions(function: ast.AST) -> int:
    """The decision points in `function` (its nested functions included)."""
    count = 0
    for node in ast.walk(function):
        if isinstance(node, _BRANCHES):
            count += 1
        elif isinstance(node, ast.BoolOp):
            count += len(node.values) - 1
    return count


def functions() -> Iterator[tuple[str, int, int]]:
    """Every function in reader/ as ("path:name", lines, decision points)."""
    for path in sorted(ROOT.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        where = path.relative_to(ROOT.parent).as_posix()
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                assert node.end_lineno is not None
                yield f"{where}:{node.name}", node.end_lineno - node.lineno + 1, decisions(node)


def test_every_function_is_small_or_a_listed_table() -> None:
    too_big = [
        f"{name}: {lines} lines, {points} decision points"
        for name, lines, points in functions()
        if (lines > MAX_LINES or points > MAX_DECISIONS) and name not in ALLOWED
    ]
    assert not too_big, "split these into named steps:\n" + "\n".join(too_big)


def test_the_allow_list_names_only_functions_that_need_it() -> None:
    """An entry whose function shrank (or went) must leave the list, so it stays honest."""
    big = {
        name for name, lines, points in functions() if lines > MAX_LINES or points > MAX_DECISIONS
    }
    assert sorted(set(ALLOWED) - big) == []


def too_long(root: Path, limit: int) -> list[str]:
    """The modules under `root` longer than `limit` lines, with their length."""
    return [
        f"{path.relative_to(root.parent).as_posix()}: {lines} lines"
        for path in sorted(root.rglob("*.py"))
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > limit
    ]


def test_every_module_is_small() -> None:
    long = too_long(ROOT, MAX_MODULE_LINES)
    assert not long, "split these along their seams:\n" + "\n".join(long)


def test_a_long_module_is_found(tmp_path: Path) -> None:
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "short.py").write_text("x = 1\n" * 3, encoding="utf-8")
    (package / "long.py").write_text("x = 1\n" * 4, encoding="utf-8")
    assert too_long(package, 3) == ["pkg/long.py: 4 lines"]


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("def f():\n    return 1\n", 0),
        ("def f(a, b):\n    if a and b or a:\n        return [x for x in b if x]\n", 4),
        (
            "def f(a):\n    try:\n        pass\n    except E:\n        pass\n"
            "    return a if a else 0\n",
            2,
        ),
    ],
    ids=["straight", "if-and-or-comprehension", "except-ifexp"],
)
def test_decision_points_are_counted_as_documented(source: str, expected: int) -> None:
    assert decisions(ast.parse(source).body[0]) == expected


def bound_twice(tree: ast.Module) -> list[str]:
    """Module-level names bound more than once: constants, functions and classes."""
    counts: dict[str, int] = {}
    for node in tree.body:
        names: list[str] = []
        if isinstance(node, ast.Assign):
            names = [t.id for t in node.targets if isinstance(t, ast.Name)]
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            names = [node.target.id] if isinstance(node.target, ast.Name) else []
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names = [node.name]
        for name in names:
            counts[name] = counts.get(name, 0) + 1
    return sorted(name for name, count in counts.items() if count > 1)


def test_no_module_binds_a_name_twice() -> None:
    """A word list defined twice in one module is one list in effect, the later, for every
    reader of it: session 15 found two (`_TEXTS`, `_SUBJECT_REACH` in attribution.py), each
    silently widening or narrowing a step written with the first in mind."""
    twice = [
        f"{path.relative_to(ROOT.parent)}: {', '.join(names)}"
        for path in sorted(ROOT.rglob("*.py"))
        if (names := bound_twice(ast.parse(path.read_text(encoding="utf-8"))))
    ]
    assert not twice, "give each its own name:\n" + "\n".join(twice)


def test_a_name_bound_twice_is_found() -> None:
    source = "A = 1\ndef f():\n    return A\nA = 2\nB: int = 3\nclass C: ...\n"
    assert bound_twice(ast.parse(source)) == ["A"]
