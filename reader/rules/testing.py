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
must fire in the block, `no_evidence` rule ids that must not. The file's shape is checked by the
rule files' validator (`reader.rules.schema`): a fault is one file:line:column line.
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
from reader.rules import schema
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
    """Every case of one rule test file. Raises ConfigError (file:line:column: what was
    expected) for a file that cannot be read or has the wrong shape."""
    checked = schema.load_checked(path, _TEST_FILE, "rule test file")
    data = checked.data
    named = data.get("config")
    names = [named] if isinstance(named, str) else named
    config_files = None if names is None else tuple(path.parent / n for n in names)
    cases = schema.child(checked.root, "cases")
    assert isinstance(cases, SequenceNode)  # the schema requires a list
    out: list[RuleCase] = []
    for number, (case, node) in enumerate(zip(data["cases"], cases.value, strict=True), 1):
        name = str(case.get("name") or f"case {number}")
        article = _article(path, case, name)
        expect = schema.child(node, "expect")
        assert expect is not None  # required by the schema
        expects = _expects(path, case["expect"], expect, len(article.blocks))
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


def _article(path: Path, case: Mapping[str, Any], name: str) -> Article:
    if "path" in case:
        from reader.load import load
        from reader.parse import parse

        report = load([str(path.parent / str(case["path"]))])
        if report.problems:
            raise report.problems[0]
        return parse(report.documents[0])
    text = str(case["text"])  # the schema asks for 'text:' or 'path:'
    blocks: list[Block] = []
    title = case.get("title")
    if isinstance(title, str):
        blocks.append(Block(0, "title", title.strip(), 0))
    for number, line in enumerate(text.splitlines(), 1):
        if line.strip():
            blocks.append(Block(len(blocks), "paragraph", line.strip(), number))
    return Article(f"{path}::{name}", title if isinstance(title, str) else None, tuple(blocks))


def _expects(path: Path, raw: Any, node: Node, count: int) -> list[_Expect]:
    """The checked `expect:` of a case (`node`), each index within the case's `count` blocks."""
    items: list[tuple[Any, Any]]
    if isinstance(raw, list):
        if len(raw) != count:
            raise ConfigError(
                f"expected one entry per block ({count}), got {len(raw)} entries",
                safe_yaml.where(path, node),
            )
        items = list(enumerate(raw))
    else:
        items = list(raw.items())
        assert isinstance(node, MappingNode)
        for (index, _), (key, _) in zip(items, node.value, strict=True):
            if not 0 <= index < count:
                raise ConfigError(
                    f"expected a block index below {count} (the text has {count} blocks), "
                    f"got {index}",
                    safe_yaml.where(path, key),
                )
    out: list[_Expect] = []
    for index, entry in items:
        if isinstance(entry, list):
            out.append(_Expect(index, tuple(entry), False, (), ()))
        else:
            labels = entry.get("labels")
            out.append(
                _Expect(
                    index,
                    tuple(labels) if labels is not None else None,
                    entry.get("primary", False),
                    tuple(entry.get("evidence") or ()),
                    tuple(entry.get("no_evidence") or ()),
                )
            )
    return out


def _list_or_map(item: schema.Check) -> schema.Check:
    """`expect:`: a list with an entry per block, or a mapping {block index: entry}."""
    as_list = schema.list_of(item)

    def check(node: Node, ctx: schema.Context) -> None:
        if isinstance(node, SequenceNode):
            as_list(node, ctx)
            return
        if not isinstance(node, MappingNode):
            got = schema.describe(node)
            ctx.error(node, f"expected a list or a mapping {{block index: entry}}, got {got}")
            return
        for key, value in node.value:
            before = len(ctx.errors)
            schema.count(key, ctx)
            if len(ctx.errors) == before:
                item(value, ctx)

    return check


def _entry(node: Node, ctx: schema.Context) -> None:
    """One block's expectation: its labels `[...]`, or a mapping of what to check."""
    if isinstance(node, MappingNode):
        _EXPECTATION(node, ctx)
    elif isinstance(node, SequenceNode):
        schema.STRINGS(node, ctx)
    else:
        ctx.error(node, f"expected a list of labels or a mapping, got {schema.describe(node)}")


def _text_or_path(node: MappingNode, ctx: schema.Context) -> None:
    names = {key.value for key, _ in node.value if isinstance(key, ScalarNode)}
    if not names & {"text", "path"}:
        ctx.error(node, "expected 'text:' (one block per line) or 'path:' (an article file)")


def _some_cases(node: MappingNode, ctx: schema.Context) -> None:
    cases = schema.child(node, "cases")
    if isinstance(cases, SequenceNode) and not cases.value:
        ctx.error(cases, "expected at least one test case")


def _file_names(node: Node, ctx: schema.Context) -> None:
    """`config:` names one file or a list of them."""
    if isinstance(node, SequenceNode):
        schema.STRINGS(node, ctx)
    else:
        schema.string(node, ctx)


_EXPECTATION = schema.mapping(
    {
        "labels": schema.STRINGS,
        "primary": schema.optional_string,
        "evidence": schema.STRINGS,
        "no_evidence": schema.STRINGS,
    }
)
_CASE = schema.mapping(
    {
        "name": schema.string,
        "title": schema.string,
        "text": schema.string,
        "path": schema.string,
        "expect": _list_or_map(_entry),
    },
    required=("expect",),
    extra=_text_or_path,
)
_TEST_FILE = schema.mapping(
    {"config": _file_names, "cases": schema.list_of(_CASE)}, required=("cases",), extra=_some_cases
)


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
