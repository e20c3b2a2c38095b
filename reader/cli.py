"""The `reader` command: open the reader, or drive the same core headless.

    reader [PATH...]                 open the reader (no path: the bundled seed articles)
    reader classify PATH...          label every block (json, jsonl, markdown, text)
    reader rules check [FILE]        validate a rule file (default: the config in force)
    reader rules test FILE...        run rule tests
    reader eval [DIR...]             score the rules against labelled articles

Exit status: 0 success, 1 a test or check failed, 2 bad usage or input. Bad input is reported
as one line on stderr, never a traceback; an unexpected crash writes its traceback to a log
under the XDG state directory and prints one line naming it.
"""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, TextIO

from reader import __version__
from reader.errors import ReaderError
from reader.resources import bundled
from reader.safe_text import visible
from reader.xdg import state_home

if TYPE_CHECKING:
    from reader.config import Config
    from reader.model import Article
    from reader.output import OutputFormat

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_BAD_INPUT = 2
EXIT_CRASH = 70

SUBCOMMANDS = ("classify", "rules", "eval")


class UsageError(ReaderError):
    """Bad command-line usage (exit 2)."""


class _Parser(argparse.ArgumentParser):
    """argparse that raises instead of exiting, so usage errors follow our one-line rule."""

    def error(self, message: str) -> NoReturn:
        # The CLI prefixes every line with "reader: "; the command is named in the hint.
        raise UsageError(f"{message} (see '{self.prog} --help')")


def _say(err: TextIO, message: str) -> None:
    """One line on stderr. File names and messages may carry article bytes: show them safely."""
    print(f"reader: {visible(message)}", file=err)


def _size(text: str) -> int:
    """A size like 64M, 512K or 1000000 in bytes."""
    units = {"k": 1024, "m": 1024**2, "g": 1024**3}
    text = text.strip().lower().removesuffix("b")
    try:
        if text and text[-1] in units:
            return int(float(text[:-1]) * units[text[-1]])
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a size like 64M, got {text!r}") from None


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--config", type=Path, metavar="FILE", help="rule file to use over the defaults"
    )
    parser.add_argument(
        "--max-size",
        type=_size,
        default=None,
        metavar="SIZE",
        help="largest article file to read (default 32M)",
    )


def _app_parser() -> _Parser:
    parser = _Parser(
        prog="reader",
        description="Read a news article with its viewpoints side by side.",
        epilog="Other commands: classify, rules check, rules test, eval (each has --help).",
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="article files, folders or -")
    _common(parser)
    parser.add_argument("--theme", metavar="NAME", help=_theme_help())
    parser.add_argument(
        "--no-mouse", action="store_true", help="leave the mouse to the terminal (selection)"
    )
    parser.add_argument("--version", action="version", version=f"reader {__version__}")
    return parser


def _theme_help() -> str:
    """The bundled theme names (read from the file names: no YAML or Textual at start-up) and
    where the user's own go; `pip install` users have no themes/ folder to look in."""
    names = sorted(f"reader-{path.stem}" for path in bundled("themes").glob("*.yaml"))
    listed = ", ".join(names) if names else "reader-dark"
    return (
        f"colour theme: {listed} (default reader-dark), or your own from "
        "$XDG_CONFIG_HOME/reader/themes/*.yaml; an unknown name lists the available ones"
    )


def _command_parser() -> _Parser:
    from reader.output import FORMATS  # only the headless commands need the output formats

    parser = _Parser(prog="reader", description="Headless commands of the reader.")
    commands = parser.add_subparsers(
        dest="command", metavar="COMMAND", required=True, parser_class=_Parser
    )

    classify = commands.add_parser("classify", help="label every block of the articles")
    classify.add_argument("paths", nargs="+", metavar="PATH", help="article files, folders or -")
    classify.add_argument("--format", choices=FORMATS, default="text", help="output format")
    _common(classify)

    rules = commands.add_parser("rules", help="check or test rule files")
    rules_commands = rules.add_subparsers(
        dest="rules_command", metavar="check|test", required=True, parser_class=_Parser
    )
    check = rules_commands.add_parser("check", help="validate a rule file")
    check.add_argument("file", nargs="?", type=Path, help="default: the config in force")
    test = rules_commands.add_parser("test", help="run rule tests")
    test.add_argument("files", nargs="+", type=Path, metavar="FILE")
    test.add_argument("--config", type=Path, metavar="FILE", help="rule file to test")

    evaluate = commands.add_parser("eval", help="score the rules against labelled articles")
    evaluate.add_argument(
        "datasets", nargs="*", type=Path, metavar="DIR", help="folders with labels.yaml"
    )
    evaluate.add_argument("--config", type=Path, metavar="FILE", help="rule file to score")
    evaluate.add_argument("-v", "--verbose", action="store_true", help="list every wrong block")
    return parser


@dataclass(frozen=True, slots=True)
class _Read:
    """The articles read from the command line, and what went wrong on the way (one line each:
    the reader shows them too, since stderr is hidden behind its screen)."""

    articles: list[Article]
    problems: list[str]  # inputs that could not be used
    warnings: list[str]  # inputs used with a guess (an encoding)


def _read_articles(paths: Sequence[str], max_size: int | None, err: TextIO) -> _Read:
    """Load and parse `paths`, reporting each problem on its own line on stderr."""
    from reader.load import DEFAULT_MAX_BYTES, load
    from reader.parse import parse

    report = load(paths, max_bytes=max_size or DEFAULT_MAX_BYTES)
    read = _Read([], [str(problem) for problem in report.problems], list(report.warnings))
    for document in report.documents:
        try:
            read.articles.append(parse(document))
        except ReaderError as error:
            read.problems.append(str(error))
    for warning in read.warnings:
        _say(err, f"warning: {warning}")
    for problem in read.problems:
        _say(err, problem)
    return read


def _config(path: Path | None) -> Config:
    from reader.config import load_config

    return load_config(path)


def _classify(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from reader.classify import classify_report
    from reader.language import count_not_english, language_notice
    from reader.output import render

    config = _config(args.config)
    read = _read_articles(args.paths, args.max_size, err)
    classified = []
    for article in read.articles:
        result, rule_problems = classify_report(article, config)
        classified.append(result)
        for problem in rule_problems:
            _say(err, problem)
        notice = language_notice(count_not_english(article.blocks), len(article.blocks))
        if notice is not None:
            _say(err, f"warning: {article.source}: {notice}")
    fmt: OutputFormat = args.format
    out.write(render(classified, fmt))
    if not read.articles:
        return EXIT_BAD_INPUT
    return EXIT_BAD_INPUT if read.problems else EXIT_OK


def _rules(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    if args.rules_command == "check":
        return _rules_check(args.file, out)
    from reader.rules.testing import run_rule_tests

    missing = [file for file in args.files if not file.is_file()]
    if missing:
        raise ReaderError("no such rule test file", where=str(missing[0]))
    return EXIT_OK if run_rule_tests(args.files, _config(args.config), out) else EXIT_FAILED


def _rules_check(file: Path | None, out: TextIO) -> int:
    """Validate `file` (default: the files in force), then the merge over the bundled config:
    its keymap ids, and one line for each thing a later file replaced, added or removed."""
    from reader.config import check_keymap, config_from_files, config_paths
    from reader.rules.schema import check_file
    from reader.ui.app import binding_ids

    files = [file] if file else config_paths(None)
    errors: list[ReaderError] = [error for path in files for error in check_file(path)]
    merges: tuple[str, ...] = ()
    if not errors:
        default = bundled("config.yaml")
        chain = files if files[0] == default else [default, *files]
        try:
            merged = config_from_files(chain)
            check_keymap(merged, binding_ids())
            merges = merged.merges
        except ReaderError as problem:
            errors.append(problem)
    for error in errors:
        print(error, file=out)
    if errors:
        return EXIT_FAILED
    print(f"ok: {', '.join(str(path) for path in files)}", file=out)
    for line in merges:
        print(f"  {line}", file=out)
    return EXIT_OK


def _eval(args: argparse.Namespace, out: TextIO) -> int:
    from reader.evaluate import evaluate, format_report

    datasets = args.datasets or _default_datasets()
    if not datasets:
        raise UsageError("name a folder with labels.yaml (none found next to the package)")
    report = evaluate(datasets, _config(args.config))
    out.write(format_report(report, verbose=args.verbose))
    return EXIT_OK


def _default_datasets() -> list[Path]:
    """The labelled sets of a source checkout (an installed wheel carries none)."""
    root = bundled("config.yaml").parent / "tests" / "data"
    return sorted(path.parent for path in root.glob("*/labels.yaml"))


def _open(args: argparse.Namespace, err: TextIO) -> int:
    paths = args.paths or [str(bundled("seeds"))]
    config = _config(args.config)
    read = _read_articles(paths, args.max_size, err)
    if not read.articles:
        return EXIT_BAD_INPUT
    if "-" in paths:
        _keys_from_terminal()
    from reader.ui.app import ReaderApp

    app = ReaderApp(
        read.articles,
        config,
        theme=args.theme,
        mouse=not args.no_mouse,
        input_problems=read.problems,
        input_warnings=read.warnings,
    )
    app.run(mouse=not args.no_mouse)
    if app.crash is not None:
        # The app kept Textual's traceback off the terminal and restored it on exit.
        return _report_crash(app.crash, err)
    # The files that were read were shown; the ones that were not still make it a failure.
    return app.return_code or (EXIT_BAD_INPUT if read.problems else EXIT_OK)


def _keys_from_terminal() -> None:
    """Read keys from the terminal even when the article came through a pipe (`cmd | reader -`).

    Textual reads keys from standard input; once a pipe has been read to its end, point
    standard input at the controlling terminal, as `less` does.
    """
    if sys.stdin is not None and sys.stdin.isatty():
        return
    try:
        terminal = os.open("/dev/tty", os.O_RDONLY)
    except OSError:
        raise UsageError(
            "no terminal to read keys from; to read a pipe headless use 'reader classify -'"
        ) from None
    os.dup2(terminal, 0)
    os.close(terminal)


def run(argv: Sequence[str], out: TextIO, err: TextIO) -> int:
    """Run one command line; returns the exit status. Raises only on a bug."""
    try:
        if argv and argv[0] in SUBCOMMANDS:
            args = _command_parser().parse_args(argv)
            if args.command == "classify":
                return _classify(args, out, err)
            if args.command == "rules":
                return _rules(args, out, err)
            return _eval(args, out)
        return _open(_app_parser().parse_args(argv), err)
    except ReaderError as error:
        _say(err, str(error))
        return EXIT_BAD_INPUT
    except BrokenPipeError:
        return EXIT_OK


def _crash_log(error: BaseException) -> Path | None:
    """Write the traceback under the state directory; None when even that fails."""
    try:
        directory = state_home() / "crashes"
        directory.mkdir(parents=True, exist_ok=True)
        path = directory / f"crash-{datetime.now():%Y%m%d-%H%M%S}.log"
        path.write_text("".join(traceback.format_exception(error)), encoding="utf-8")
    except OSError:
        return None
    return path


def _report_crash(error: BaseException, err: TextIO) -> int:
    """Log the traceback and say so in one line; the exit status for a crash."""
    log = _crash_log(error)
    where = f"; details in {log}" if log else ""
    summary = " ".join(str(error).split())[:200]
    _say(err, f"internal error: {type(error).__name__}: {summary}{where}")
    return EXIT_CRASH


def main(argv: Sequence[str] | None = None) -> NoReturn:
    """Console entry point."""
    try:
        status = run(sys.argv[1:] if argv is None else argv, sys.stdout, sys.stderr)
    except KeyboardInterrupt:
        status = 130
    except Exception as error:
        status = _report_crash(error, sys.stderr)
    sys.exit(status)
