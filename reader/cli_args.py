"""The command line's parsers (argparse), apart from `reader.cli`: a plain `reader PATH...`
(no option) is read without them (`reader.cli._app_args`), so the reader's start imports
neither argparse nor gettext."""

from __future__ import annotations

import argparse
import math
from pathlib import Path
from typing import NoReturn

from reader import __version__
from reader.errors import UsageError
from reader.resources import bundled


class Parser(argparse.ArgumentParser):
    """argparse that raises instead of exiting, so usage errors follow our one-line rule."""

    def error(self, message: str) -> NoReturn:
        # The CLI prefixes every line with "reader: "; the command is named in the hint.
        raise UsageError(f"{message} (see '{self.prog} --help')")


MAX_SIZE_LIMIT = 1024**4
"""The largest --max-size accepted (1 TB): beyond it a number is a typo, not a limit."""


def size(text: str) -> int:
    """A size like 64M, 512K or 1000000 in bytes: above 0 and at most `MAX_SIZE_LIMIT`."""
    units = {"k": 1024, "m": 1024**2, "g": 1024**3}
    spelled = text.strip().lower().removesuffix("b")
    unit = units.get(spelled[-1:], 1)
    number = spelled[:-1] if unit > 1 else spelled
    try:
        value = float(number) * unit
    except ValueError:
        value = math.nan
    if not math.isfinite(value) or not number.strip():
        raise argparse.ArgumentTypeError(f"expected a size like 64M, got {text!r}")
    if value < 1 or value > MAX_SIZE_LIMIT:
        raise argparse.ArgumentTypeError(f"expected a size from 1 byte to 1024G, got {text!r}")
    return int(value)


def seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not 0 < value <= 3600:
        raise argparse.ArgumentTypeError(f"expected seconds between 0 and 3600, got {text!r}")
    return value


def input_paths(parser: argparse.ArgumentParser) -> None:
    """The inputs of the commands that read articles as `reader classify` does."""
    parser.add_argument(
        "paths", nargs="+", metavar="PATH", help="article files, folders, URLs, feeds or -"
    )


def common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--config", type=Path, metavar="FILE", help="rule file to use over the defaults"
    )
    parser.add_argument(
        "--max-size",
        type=size,
        default=None,
        metavar="SIZE",
        help="largest article file or web page to read (default 32M)",
    )
    parser.add_argument(
        "--offline", action="store_true", help="read URLs only from the page cache, never the web"
    )
    parser.add_argument(
        "--connect-timeout",
        type=seconds,
        default=10.0,
        metavar="S",
        help="seconds to wait for a web server to answer (default 10)",
    )
    parser.add_argument(
        "--read-timeout",
        type=seconds,
        default=30.0,
        metavar="S",
        help="seconds a web server may pause while sending a page (default 30)",
    )


def app_parser() -> Parser:
    parser = Parser(
        prog="reader",
        description="Read a news article with its viewpoints side by side.",
        epilog="Other commands: classify, compare, stats, export, rules check, rules test, "
        "rules coverage, eval, cache (each has --help).",
    )
    parser.add_argument(
        "paths", nargs="*", metavar="PATH", help="article files, folders, URLs, feeds or -"
    )
    common(parser)
    parser.add_argument("--theme", metavar="NAME", help=theme_help())
    parser.add_argument(
        "--no-mouse", action="store_true", help="leave the mouse to the terminal (selection)"
    )
    parser.add_argument("--version", action="version", version=f"reader {__version__}")
    return parser


def theme_help() -> str:
    """The bundled theme names (read from the file names: no YAML or Textual at start-up) and
    where the user's own go; `pip install` users have no themes/ folder to look in."""
    names = sorted(f"reader-{path.stem}" for path in bundled("themes").glob("*.yaml"))
    listed = ", ".join(names) if names else "reader-dark"
    return (
        f"colour theme: {listed} (default reader-dark), or your own from "
        "$XDG_CONFIG_HOME/reader/themes/*.yaml; an unknown name lists the available ones"
    )


def command_parser() -> Parser:
    from reader.output import FORMATS  # only the headless commands need the output formats

    parser = Parser(prog="reader", description="Headless commands of the reader.")
    commands = parser.add_subparsers(
        dest="command", metavar="COMMAND", required=True, parser_class=Parser
    )

    classify = commands.add_parser("classify", help="label every block of the articles")
    input_paths(classify)
    classify.add_argument("--format", choices=FORMATS, default="text", help="output format")
    common(classify)

    rules = commands.add_parser("rules", help="check, test or measure rule files")
    rules_commands = rules.add_subparsers(
        dest="rules_command", metavar="check|test|coverage", required=True, parser_class=Parser
    )
    check = rules_commands.add_parser("check", help="validate a rule file")
    check.add_argument("file", nargs="?", type=Path, help="default: the config in force")
    test = rules_commands.add_parser("test", help="run rule tests")
    test.add_argument("files", nargs="+", type=Path, metavar="FILE")
    test.add_argument("--config", type=Path, metavar="FILE", help="rule file to test")
    coverage_parser(rules_commands)

    evaluate = commands.add_parser("eval", help="score the rules against labelled articles")
    evaluate.add_argument(
        "datasets", nargs="*", type=Path, metavar="DIR", help="folders with labels.yaml"
    )
    evaluate.add_argument("--config", type=Path, metavar="FILE", help="rule file to score")
    evaluate.add_argument("-v", "--verbose", action="store_true", help="list every wrong block")

    cache = commands.add_parser("cache", help="list or clear the pages kept from the web")
    cache.add_argument("action", choices=("list", "clear"))

    comparison_parsers(commands)
    return parser


def coverage_parser(commands: argparse._SubParsersAction[Parser]) -> None:
    """`reader rules coverage`: how often each rule fires on a corpus (README: Rule coverage)."""
    coverage = commands.add_parser(
        "coverage",
        help="how many blocks and articles each rule fires in, and the rules that never do",
        description="Per rule id: the blocks and articles of PATH... whose verdicts it gave "
        "evidence for, by section, busiest first; then the rules that never fired. With "
        "--against, a second corpus's counts beside them and the rules that fire on one only.",
    )
    input_paths(coverage)
    coverage.add_argument(
        "--against",
        action="extend",
        nargs="+",
        default=[],
        metavar="PATH",
        help="a second corpus to compare with: files, folders, URLs or feeds (after the PATHs)",
    )
    coverage.add_argument("--format", choices=("text", "json"), default="text")
    common(coverage)


def comparison_parsers(commands: argparse._SubParsersAction[Parser]) -> None:
    """stats, compare and export: comparing outlets (README: Comparing outlets)."""
    from reader.stats import STATS_FORMATS

    stats = commands.add_parser(
        "stats",
        help="airtime per article and actor over a corpus (csv or jsonl, on every core)",
        description="One row per article and actor: outlet, date, url, actor, share, words, "
        'blocks, quotes, speakers. No PATH or "-": jsonl on stdin, {"text": ..., "url": ...} '
        "a line.",
    )
    stats.add_argument(
        "paths", nargs="*", metavar="PATH", help="article files, folders or - (jsonl)"
    )
    stats.add_argument("--format", choices=STATS_FORMATS, default="csv", help="output format")
    stats.add_argument(
        "--jobs", type=int, default=0, metavar="N", help="processes (default: every core)"
    )
    common(stats)

    compare = commands.add_parser(
        "compare", help="open the reader on the compare screen (airtime of every article)"
    )
    input_paths(compare)
    common(compare)
    compare.add_argument("--theme", metavar="NAME", help="colour theme (see themes/)")
    compare.add_argument(
        "--no-mouse", action="store_true", help="leave the mouse to the terminal (selection)"
    )

    export = commands.add_parser(
        "export", help="the comparison as a report: self-contained HTML or Markdown"
    )
    input_paths(export)
    export.add_argument("--format", choices=("html", "md"), default="html", help="report format")
    export.add_argument(
        "-o", "--output", type=Path, metavar="FILE", help="write here (default: stdout)"
    )
    common(export)
