"""`reader rules test FILE...`: examples with the labels each block must get, as Semgrep tests
rules. A rule change that breaks an example shows which block went wrong and how.

A test file (YAML, safe loader only):

    config: eu-actor.yaml        # optional: file(s) merged over the bundled config, relative to
                                 # this file; without it the config in force is used
    cases:
      - name: the speaker after the quote
        title: optional headline  # becomes block 0
        text: |                   # one block per non-blank line...
          "We will respond," Peskov said.
        # path: ../data/dev/dev-01.txt   # ...or an article file, parsed like `reader` does
        expect:                   # one entry per block, or a mapping {block index: entry}
          - [russia]              # the labels, dominant first ([] = none)
          - {labels: [russia], primary: russia, evidence: [carry.pronoun], no_evidence: [mention]}

An entry's `labels` must equal the verdict's labels in order; `evidence` lists rule ids that
must fire in the block, `no_evidence` rule ids that must not.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from reader import safe_yaml
from reader.classify import classify
from reader.config import Config, config_from_files
from reader.errors import ConfigError, ReaderError
from reader.model import Article, Block
from reader.resources import bundled
from reader.rules.schema import check_examples, parse_file
from reader.safe_text import visible


@dataclass(frozen=True)
class _Expect:
    index: int
    labels: tuple[str, ...] | None
    primary: str | bool | None  # False = not checked
    evidence: tuple[str, ...]
    no_evidence: tuple[str, ...]


@dataclass(frozen=True)
class RuleCase:
    """One case of a rule test file: its article and what each block must get."""

    path: Path
    name: str
    article: Article
    expects: tuple[_Expect, ...]
    config_files: tuple[Path, ...] | None  # merged over the bundled config; None: the default

    @property
    def id(self) -> str:
        return f"{self.path.name}::{self.name}"


def rule_cases(path: Path) -> list[RuleCase]:
    """Every case of one rule test file. Raises ConfigError for a file that cannot be read or
    has the wrong shape."""
    data, where = _read(path)
    config_files = _config_files(path, data, where)
    cases = data.get("cases")
    if not isinstance(cases, list) or not cases:
        raise ConfigError("expected 'cases:' with a list of test cases", where("cases"))
    out: list[RuleCase] = []
    for number, case in enumerate(cases, 1):
        if not isinstance(case, Mapping):
            raise ConfigError(f"case {number} is not a mapping", where("cases", number - 1))
        name = str(case.get("name") or f"case {number}")
        in_case = where.inside("cases", number - 1)
        article = _article(path, case, name, in_case)
        expects = _expects(name, case.get("expect"), len(article.blocks), in_case)
        out.append(RuleCase(path, name, article, tuple(expects), config_files))
    return out


def case_config(case: RuleCase, default: Config) -> Config:
    """The config a case runs with: its file's own, or `default`."""
    if case.config_files is None:
        return default
    return config_from_files([bundled("config.yaml"), *case.config_files])


def check_case(case: RuleCase, config: Config) -> list[str]:
    """What is wrong with `case` under `config` (the one `case_config` gives): one line per
    block that did not get what it must; [] when it passes."""
    return _check(case.article, config, list(case.expects))


def run_rule_tests(paths: Sequence[Path], config: Config, out: TextIO) -> bool:
    """Run every case in `paths`, print PASS/FAIL per case with a diff; True when all pass.

    Raises ConfigError for a test file that cannot be read or has the wrong shape.
    """
    passed = failed = 0
    checked: set[Path] = set()
    for path in paths:
        cases = rule_cases(path)
        file_config = case_config(cases[0], config)
        failed += _examples(file_config, checked, out)
        for case in cases:
            problems = check_case(case, file_config)
            if problems:
                failed += 1
                print(f"FAIL {path}::{case.name}", file=out)
                for line in problems:
                    print(f"     {line}", file=out)
            else:
                passed += 1
                print(f"PASS {path}::{case.name}", file=out)
    print(f"{passed} passed, {failed} failed", file=out)
    return failed == 0


def _examples(config: Config, checked: set[Path], out: TextIO) -> int:
    """Check the rule examples (`tests:`) of the config's files not checked yet, each file
    within its own budget (`check_examples`); print each failure; the number of failures."""
    failures = 0
    for source in config.sources:
        if source in checked:
            continue
        checked.add(source)
        for error in check_examples(source, parse_file(source).nodes):
            print(f"FAIL {error}", file=out)
            failures += 1
    return failures


class _Where:
    """Positions in a test file, so a shape error names file:line:column: the composed nodes
    (which keep their marks) beside the data built from them."""

    def __init__(self, path: Path, root: Node | None) -> None:
        self.path = path
        self.root = root

    def inside(self, *steps: str | int) -> _Where:
        """The positions inside the value at `steps` (steps are then counted from it)."""
        node = self.root
        for step in steps:
            node = _child(node, step) if node is not None else None
        return _Where(self.path, node if node is not None else self.root)

    def __call__(self, *steps: str | int, key: bool = False) -> str:
        """The "file:line:column" of the value at `steps` (keys and list indexes), or of the
        deepest of them that exists; with `key`, of the last step's key instead of its value."""
        node = self.root
        if node is None:
            return str(self.path)
        for number, step in enumerate(steps, 1):
            child = _child(node, step, key=key and number == len(steps))
            if child is None:
                break
            node = child
        mark = node.start_mark
        return f"{self.path}:{mark.line + 1}:{mark.column + 1}"


def _child(node: Node, step: str | int, *, key: bool = False) -> Node | None:
    if isinstance(node, MappingNode):
        for name, value in node.value:
            if isinstance(name, ScalarNode) and name.value == str(step):
                return name if key else value
    elif isinstance(node, SequenceNode) and isinstance(step, int) and step < len(node.value):
        child: Node = node.value[step]
        return child
    return None


def _read(path: Path) -> tuple[Mapping[str, Any], _Where]:
    loader = safe_yaml.Loader(safe_yaml.read_text(path, "rule test file"))
    try:
        root = safe_yaml.compose(loader, path)
        data = None if root is None else safe_yaml.construct(loader, root, path)
    finally:
        loader.dispose()
    where = _Where(path, root)
    if not isinstance(data, Mapping):
        raise ConfigError("expected a mapping with 'cases:'", where())
    return data, where


def _config_files(path: Path, data: Mapping[str, Any], where: _Where) -> tuple[Path, ...] | None:
    named = data.get("config")
    if named is None:
        return None
    names = [named] if isinstance(named, str) else named
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
        raise ConfigError("'config:' must be a file name or a list of them", where("config"))
    return tuple(path.parent / n for n in names)


def _article(path: Path, case: Mapping[str, Any], name: str, where: _Where) -> Article:
    if "path" in case:
        from reader.load import load
        from reader.parse import parse

        report = load([str(path.parent / str(case["path"]))])
        if report.problems:
            raise report.problems[0]
        return parse(report.documents[0])
    text = case.get("text")
    if not isinstance(text, str):
        raise ConfigError(f"{name}: a case needs 'text:' or 'path:'", where())
    blocks: list[Block] = []
    title = case.get("title")
    if isinstance(title, str):
        blocks.append(Block(0, "title", title.strip(), 0))
    for number, line in enumerate(text.splitlines(), 1):
        if line.strip():
            blocks.append(Block(len(blocks), "paragraph", line.strip(), number))
    return Article(f"{path}::{name}", title if isinstance(title, str) else None, tuple(blocks))


def _expects(name: str, raw: Any, count: int, case: _Where) -> list[_Expect]:
    """The expectations of one case (`case` locates what is inside it)."""
    where = case.inside("expect")
    items: list[tuple[Any, Any]]
    if isinstance(raw, list):
        if len(raw) != count:
            raise ConfigError(
                f"{name}: 'expect' has {len(raw)} entries but the text has {count} blocks",
                where(),
            )
        items = list(enumerate(raw))
    elif isinstance(raw, Mapping):
        items = list(raw.items())
    else:
        raise ConfigError(f"{name}: 'expect' must be a list or a mapping", where())
    out: list[_Expect] = []
    for index, entry in items:
        if not isinstance(index, int) or not 0 <= index < count:
            raise ConfigError(
                f"{name}: no block {index!r} (the text has {count})", where(index, key=True)
            )
        if isinstance(entry, list):
            out.append(_Expect(index, tuple(map(str, entry)), False, (), ()))
        elif isinstance(entry, Mapping):
            labels = entry.get("labels")
            primary = entry.get("primary", False)
            out.append(
                _Expect(
                    index,
                    tuple(map(str, labels)) if isinstance(labels, list) else None,
                    primary,
                    tuple(map(str, entry.get("evidence") or ())),
                    tuple(map(str, entry.get("no_evidence") or ())),
                )
            )
        else:
            raise ConfigError(f"{name}: block {index}: expected a list or a mapping", where(index))
    return out


def _show(labels: Sequence[str]) -> str:
    return "[" + ", ".join(labels) + "]"


def _check(article: Article, config: Config, expects: list[_Expect]) -> list[str]:
    try:
        verdicts = classify(article, config).verdicts
    except ReaderError as error:
        return [f"error: {error}"]
    problems: list[str] = []
    for expect in expects:
        verdict = verdicts[expect.index]
        fired = {ev.rule for ev in verdict.evidence}
        text = visible(article.blocks[expect.index].text)
        where = f"block {expect.index} ({text[:50]}{'…' if len(text) > 50 else ''})"
        if expect.labels is not None and verdict.labels != expect.labels:
            problems.append(
                f"{where}: expected {_show(expect.labels)}, got {_show(verdict.labels)}"
            )
        if expect.primary is not False and verdict.primary != expect.primary:
            problems.append(f"{where}: expected primary {expect.primary}, got {verdict.primary}")
        for rule in expect.evidence:
            if rule not in fired:
                problems.append(f"{where}: rule {rule} should fire; fired: {sorted(fired)}")
        for rule in expect.no_evidence:
            if rule in fired:
                problems.append(f"{where}: rule {rule} should not fire")
    return problems
