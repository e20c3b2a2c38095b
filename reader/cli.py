"""The `reader` command: open the reader, or drive the same core headless.

    reader [PATH|URL...]             open the reader (no path: the bundled seed articles)
    reader classify PATH|URL...      label every block (json, jsonl, markdown, text)
    reader cache list|clear          the pages kept from the web
    reader rules check [FILE]        validate a rule file (default: the config in force)
    reader rules test FILE...        run rule tests
    reader rules coverage PATH...    how many blocks and articles each rule fires in
    reader eval [DIR...]             score the rules against labelled articles
    reader stats PATH...             airtime per article and actor (csv, jsonl; every core)
    reader compare PATH...           open the reader on the compare screen
    reader export PATH... -o FILE    the comparison as a report (html, md)

Exit status: 0 success, 1 a test or check failed, 2 bad usage or input. Bad input is reported
as one line on stderr, never a traceback; an unexpected crash writes its traceback to a log
under the XDG state directory and prints one line naming it.
"""

from __future__ import annotations

import contextlib
import gc
import io
import os
import sys
import traceback
from collections.abc import Callable, Iterator, Sequence
from datetime import datetime
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, NoReturn, TextIO, cast

from reader.errors import ReaderError, UsageError
from reader.resources import bundled
from reader.safe_text import SafeWriter, visible
from reader.xdg import state_home

if TYPE_CHECKING:
    import argparse

    from reader.config import Config
    from reader.model import Article, ClassifiedArticle
    from reader.output import OutputFormat
    from reader.rules.coverage import Coverage, CoverageDiff
    from reader.stats import Progress
    from reader.ui.app import ReaderApp
    from reader.viewmodel.ahead import HeadStart
    from reader.viewmodel.state import StateStore
    from reader.web import WebSettings

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_BAD_INPUT = 2
EXIT_CRASH = 70

SUBCOMMANDS = ("classify", "rules", "eval", "cache", "stats", "compare", "export")


def _say(err: TextIO, message: str) -> None:
    """One line on stderr. File names and messages may carry article bytes: show them safely."""
    print(f"reader: {visible(message)}", file=err)


APP_DEFAULTS: dict[str, object] = {
    "config": None,
    "max_size": None,
    "offline": False,
    "connect_timeout": 10.0,
    "read_timeout": 30.0,
    "theme": None,
    "no_mouse": False,
}
"""What `reader PATH...` without options gives besides the paths (the app parser's defaults;
a test checks they agree)."""


def _app_args(argv: Sequence[str]) -> argparse.Namespace:
    """The reader's command line as the app's parser reads it. A plain one (paths only: no
    option, no "-") is read without argparse, whose import, gettext's and building the parser
    cost ~2-3 ms of every start; anything else goes through the parser."""
    if all(not arg.startswith("-") for arg in argv):
        return cast("argparse.Namespace", SimpleNamespace(paths=list(argv), **APP_DEFAULTS))
    from reader.cli_args import app_parser

    return app_parser().parse_args(argv)


def _web(args: argparse.Namespace) -> WebSettings:
    """How this command line reads URLs (the limits, the cache, --offline)."""
    from reader.cache import PageCache
    from reader.fetch import FetchOptions
    from reader.load import DEFAULT_MAX_BYTES
    from reader.web import WebSettings

    options = FetchOptions(
        connect_timeout=args.connect_timeout,
        read_timeout=args.read_timeout,
        max_bytes=args.max_size or DEFAULT_MAX_BYTES,
    )
    return WebSettings(options, PageCache(), offline=args.offline)


class _Inputs:
    """What the command line's inputs gave, in order, and how many of them failed."""

    def __init__(self) -> None:
        self.articles: list[Article] = []
        self.problems = 0


def _read_inputs(paths: Sequence[str], args: argparse.Namespace, err: TextIO) -> _Inputs:
    """Files, folders, stdin and URLs in the order given (a feed: each of its items); each
    problem is one line on `err` and the other inputs are still read."""
    from reader.load import is_url

    inputs = _Inputs()
    files: list[str] = []
    web = _web(args) if any(is_url(path) for path in paths) else None
    for path in paths:
        if web is None or not is_url(path):
            files.append(path)
            continue
        _read_files(files, args.max_size, err, inputs)
        files = []
        _read_url(path, web, err, inputs)
    _read_files(files, args.max_size, err, inputs)
    return inputs


def _read_files(paths: Sequence[str], max_size: int | None, err: TextIO, inputs: _Inputs) -> None:
    from reader.load import DEFAULT_MAX_BYTES, load
    from reader.parse import parse

    if not paths:
        return
    report = load(paths, max_bytes=DEFAULT_MAX_BYTES if max_size is None else max_size)
    for warning in report.warnings:
        _say(err, f"warning: {warning}")
    inputs.problems += len(report.problems)
    for problem in report.problems:
        _say(err, str(problem))
    for document in report.documents:
        try:
            inputs.articles.append(parse(document))
        except ReaderError as error:
            inputs.problems += 1
            _say(err, str(error))


def _read_url(url: str, web: WebSettings, err: TextIO, inputs: _Inputs) -> None:
    """One URL: an article, or a feed whose items are each read."""
    from reader.web import read_article

    progress = _Progress(err)
    try:
        with progress.showing(url):
            article, feed = read_article(url, web, lambda line: _say(err, f"warning: {line}"))
    except ReaderError as error:
        inputs.problems += 1
        _say(err, str(error))
        return
    if article is not None:
        inputs.articles.append(article)
    elif feed is not None:
        for item in feed.items:
            _read_url(item.url, web, err, inputs)


class _Progress:
    """ "fetching URL…" on stderr while a page is fetched, erased afterwards; only on a
    terminal (a script's stderr gets the problems alone)."""

    def __init__(self, err: TextIO) -> None:
        self.err = err
        self.live = hasattr(err, "isatty") and err.isatty()

    @contextlib.contextmanager
    def showing(self, url: str) -> Iterator[None]:
        if self.live:
            print(f"\rreader: fetching {visible(url)}…\x1b[K", end="", file=self.err, flush=True)
        try:
            yield
        finally:
            if self.live:
                print("\r\x1b[K", end="", file=self.err, flush=True)


def _config(path: Path | None) -> Config:
    from reader.config import load_config

    return load_config(path)


def _classify(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from reader.classify import classify_report
    from reader.language import count_not_english, language_notice
    from reader.output import render

    config = _config(args.config)
    inputs = _read_inputs(args.paths, args, err)
    articles, problems = inputs.articles, inputs.problems
    classified = []
    for article in articles:
        result, rule_problems = classify_report(article, config)
        classified.append(result)
        for problem in rule_problems:
            _say(err, problem)
        notice = language_notice(count_not_english(article.blocks), len(article.blocks))
        if notice is not None:
            _say(err, f"warning: {article.source}: {notice}")
    fmt: OutputFormat = args.format
    out.write(render(classified, fmt))
    if not articles:
        return EXIT_BAD_INPUT
    return EXIT_BAD_INPUT if problems else EXIT_OK


def _progress_bar(err: TextIO) -> Progress | None:
    """A progress bar on stderr when it is a terminal; a log file or a pipe gets none."""
    isatty = getattr(err, "isatty", None)
    if isatty is None or not isatty():
        return None
    from reader.ui.progress import progress_bar

    return progress_bar(err)


def _stats(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from reader.load import DEFAULT_MAX_BYTES
    from reader.stats import default_workers, run_stats

    problems = run_stats(
        args.paths,
        fmt=args.format,
        config=_config(args.config),
        workers=args.jobs if args.jobs > 0 else default_workers(),
        out=out,
        stdin=sys.stdin,
        say=lambda message: _say(err, message),
        max_bytes=args.max_size or DEFAULT_MAX_BYTES,
        progress=_progress_bar(err),
    )
    return EXIT_BAD_INPUT if problems else EXIT_OK


def _classified(
    articles: Sequence[Article], config: Config, err: TextIO
) -> Iterator[ClassifiedArticle]:
    """Each article classified in turn, the rule regexes that ran out of time said on `err`."""
    from reader.classify import classify_report

    for article in articles:
        result, rule_problems = classify_report(article, config)
        for problem in rule_problems:
            _say(err, problem)
        yield result


def _export(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from reader.export import report

    config = _config(args.config)
    inputs = _read_inputs(args.paths, args, err)
    articles, problems = inputs.articles, inputs.problems
    if not articles:
        return EXIT_BAD_INPUT
    data = report(list(_classified(articles, config, err)))
    if args.format == "html":
        from reader.export.html import render_html

        text = render_html(data)
    else:
        from reader.export.markdown import render_markdown

        text = render_markdown(data)
    if args.output is None:
        out.write(text)
    else:
        try:
            args.output.write_text(text, encoding="utf-8")
        except OSError as error:
            message = f"cannot write the report: {error.strerror}"
            raise ReaderError(message, where=str(args.output)) from None
    return EXIT_BAD_INPUT if problems else EXIT_OK


def _rules(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    if args.rules_command == "check":
        return _rules_check(args.file, out)
    if args.rules_command == "coverage":
        return _rules_coverage(args, out, err)
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


def _rules_coverage(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """How often each rule fires on the corpus (and on `--against`'s); reader.rules.coverage
    counts, this only reads the inputs and prints."""
    from reader.rules.coverage import compare, coverage

    config = _config(args.config)
    inputs = _read_inputs(args.paths, args, err)
    result = coverage(_classified(inputs.articles, config, err), config)
    problems = inputs.problems
    against = diff = None
    if args.against:
        other = _read_inputs(args.against, args, err)
        problems += other.problems
        against = coverage(_classified(other.articles, config, err), config)
        diff = compare(result, against)
        if not other.articles:
            return EXIT_BAD_INPUT
    if not inputs.articles:
        return EXIT_BAD_INPUT
    if args.format == "json":
        from reader.output import dumps

        out.write(dumps(_coverage_json(result, against, diff)) + "\n")
    else:
        out.write(_coverage_text(result, against, diff))
    return EXIT_BAD_INPUT if problems else EXIT_OK


def _coverage_json(
    result: Coverage, against: Coverage | None, diff: CoverageDiff | None
) -> dict[str, object]:
    """The coverage for scripts: every key always present (`against` null when not compared)."""

    def one(corpus: Coverage) -> dict[str, object]:
        return {
            "articles": corpus.articles,
            "blocks": corpus.blocks,
            "rules": [
                {"id": c.rule, "section": c.section, "blocks": c.blocks, "articles": c.articles}
                for c in corpus.counts
            ],
            "never_fired": [count.rule for count in corpus.never_fired],
            "single_article": [count.rule for count in corpus.single_article],
        }

    return {
        **one(result),
        "against": one(against) if against is not None else None,
        "only_here": list(diff.only_first) if diff else [],
        "only_against": list(diff.only_second) if diff else [],
    }


def _coverage_text(result: Coverage, against: Coverage | None, diff: CoverageDiff | None) -> str:
    """A table per section (rule id, blocks, articles; `--against`'s beside them), then the
    rules that never fired, and the rules that fire on one corpus only."""
    theirs = {count.rule: count for count in against.counts} if against else {}
    width = max((len(count.rule) for count in result.counts), default=4) + 2
    extra = "  against: blocks  articles" if against else ""
    lines = [_coverage_summary(result, "")]
    if against is not None:
        lines.append(_coverage_summary(against, "against: "))
    section = ""
    for count in result.counts:
        if count.section != section:
            section = count.section
            lines += ["", f"{section:<{width}}  blocks  articles{extra}"]
        row = f"  {count.rule:<{width - 2}}  {count.blocks:>6}  {count.articles:>8}"
        if count.rule in theirs:
            other = theirs[count.rule]
            row += f"{'':11}{other.blocks:>6}  {other.articles:>8}"
        lines.append(row)
    never = result.never_fired
    lines += ["", f"never fired: {_count(len(never), 'rule')}"]
    lines += [f"  {count.section}: {count.rule}" for count in never]
    if diff is not None:
        for title, ids in (("here only", diff.only_first), ("--against only", diff.only_second)):
            lines += ["", f"fired {title}: {_count(len(ids), 'rule')}"]
            lines += [f"  {rule}" for rule in ids]
    return "\n".join(lines) + "\n"


def _coverage_summary(result: Coverage, prefix: str) -> str:
    fired, total = len(result.fired), len(result.counts)
    return (
        f"{prefix}{_count(result.articles, 'article')}, {_count(result.blocks, 'block')}: "
        f"{fired} of {total} rules fired, {len(result.single_article)} in one article only"
    )


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _eval(args: argparse.Namespace, out: TextIO) -> int:
    from reader.evaluate import evaluate, format_report

    datasets = args.datasets or _default_datasets()
    if not datasets:
        raise UsageError("name a folder with labels.yaml (none found next to the package)")
    report = evaluate(datasets, _config(args.config))
    out.write(format_report(report, verbose=args.verbose))
    return EXIT_OK


def _cache(args: argparse.Namespace, out: TextIO) -> int:
    from reader.cache import PageCache
    from reader.load import format_size

    cache = PageCache()
    if args.action == "clear":
        removed = cache.clear()
        print(f"removed {removed} cached page{'s' if removed != 1 else ''}", file=out)
        return EXIT_OK
    entries = cache.entries()
    for entry in entries:
        when = datetime.fromtimestamp(entry.fetched).strftime("%Y-%m-%d %H:%M")
        print(f"{when}  {format_size(entry.size):>9}  {visible(entry.url)}", file=out)
    total = format_size(sum(entry.size for entry in entries))
    print(f"{len(entries)} pages, {total}, in {visible(str(cache.directory))}", file=out)
    return EXIT_OK


def _default_datasets() -> list[Path]:
    """The labelled sets of a source checkout (an installed wheel carries none); the real-article
    set (a manifest beside its labels) has its own command, `make eval-real`."""
    root = bundled("config.yaml").parent / "tests" / "data"
    labels = root.glob("*/labels.yaml")
    return sorted(path.parent for path in labels if not (path.parent / "manifest.yaml").exists())


def _open(args: argparse.Namespace, err: TextIO, *, compare: bool = False) -> int:
    """The reader, with the cyclic garbage collector paused while it starts, and the regexes
    and dataclass methods that start-up compiles taken from the cache
    (`reader.rules.cache.StartupPatterns`, `StartupCode`).

    Start-up creates only objects that live as long as the reader (modules, the rules, the
    article, the widgets), and each collection walks all of them again for nothing: about a
    tenth of the time to the first screen. The app resumes collecting once the first
    article is on screen (`ReaderApp` freezes what was built, then enables the collector);
    leaving here resumes it in any case."""
    from reader.rules.cache import StartupCode, StartupPatterns

    collecting = gc.isenabled()
    gc.disable()
    # Both before the modules that compile them are imported.
    code, patterns = StartupCode(), StartupPatterns()

    def started() -> None:
        patterns.snapshot()
        code.snapshot()

    try:
        return _open_reader(args, err, compare=compare, started=started)
    finally:
        if collecting:
            gc.enable()
        code.save()
        patterns.save()


def _open_reader(
    args: argparse.Namespace, err: TextIO, *, compare: bool, started: Callable[[], None]
) -> int:
    """Files are read before the app starts (their problems printed first); URLs are
    fetched by the app once it runs, so a slow server never keeps the screen from opening
    and q always quits; the URLs that failed are printed again on exit, one line each."""
    from reader.load import is_url

    paths = args.paths or [str(bundled("seeds"))]
    config = _config(args.config)
    urls = [path for path in paths if is_url(path)]
    inputs = _Inputs()
    said = io.StringIO()
    _read_files([path for path in paths if not is_url(path)], args.max_size, said, inputs)
    err.write(said.getvalue())
    if not inputs.articles and not urls:
        return EXIT_BAD_INPUT
    if "-" in paths:
        _keys_from_terminal()
    # The first article is classified while Textual is imported (reader.viewmodel.ahead).
    from reader.viewmodel.ahead import HeadStart
    from reader.viewmodel.state import StateStore

    store = StateStore()
    ahead = HeadStart.start(inputs.articles[0], config, store) if inputs.articles else None
    try:
        app = _app(args, inputs, config, urls, said.getvalue(), store, ahead, started)
        app.open_on_compare = compare
        app.run(mouse=not args.no_mouse)
    finally:
        if ahead is not None:  # taken by the app, or the reader ended before its first article
            ahead.cancel()
    if app.crash is not None:
        # The app kept Textual's traceback off the terminal and restored it on exit.
        return _report_crash(app.crash, err)
    for failure in app.web.failures:
        _say(err, failure)
    # The files that were read were shown; the ones that were not still make it a failure.
    failed = inputs.problems or app.web.failures
    return app.return_code or (EXIT_BAD_INPUT if failed else EXIT_OK)


def _app(
    args: argparse.Namespace,
    inputs: _Inputs,
    config: Config,
    urls: list[str],
    said: str,
    store: StateStore,
    ahead: HeadStart | None,
    started: Callable[[], None],
) -> ReaderApp:
    from reader.ui.app import ReaderApp

    # What was said about the other paths is shown inside the reader too: the lines above
    # went to the terminal's main screen, hidden behind the reader's until it quits.
    notices = [line.removeprefix("reader: ") for line in said.splitlines()]
    return ReaderApp(
        inputs.articles,
        config,
        theme=args.theme,
        mouse=not args.no_mouse,
        web=lambda: _web(args),  # the web modules load on the first fetch, not at start-up
        urls=urls,
        notices=notices,
        started=started,
        store=store,
        ahead=ahead,
    )


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
            from reader.cli_args import command_parser

            args = command_parser().parse_args(argv)
            # Paths, case names, labels: every printed string is shown safely (JSON too keeps
            # its meaning, as `escape_json` leaves only newlines raw).
            out = cast(TextIO, SafeWriter(out))
            if args.command == "classify":
                return _classify(args, out, err)
            if args.command == "rules":
                return _rules(args, out, err)
            if args.command == "cache":
                return _cache(args, out)
            if args.command == "stats":
                return _stats(args, out, err)
            if args.command == "compare":
                return _open(args, err, compare=True)
            if args.command == "export":
                return _export(args, out, err)
            return _eval(args, out)
        return _open(_app_args(argv), err)
    except ReaderError as error:
        _say(err, str(error))
        return EXIT_BAD_INPUT
    except BrokenPipeError:
        return EXIT_OK


def _crash_log(error: BaseException) -> Path | None:
    """Write the traceback under the state directory; None when even that fails.

    Each crash gets its own file (`x` mode never overwrites): the time to the microsecond and
    the process id, and a counter should two crashes still meet.
    """
    try:
        directory = state_home() / "crashes"
        directory.mkdir(parents=True, exist_ok=True)
        stem = f"crash-{datetime.now():%Y%m%d-%H%M%S-%f}-{os.getpid()}"
        text = "".join(traceback.format_exception(error))
        for attempt in range(100):
            path = directory / (f"{stem}.log" if attempt == 0 else f"{stem}-{attempt}.log")
            try:
                with path.open("x", encoding="utf-8") as handle:
                    handle.write(text)
            except FileExistsError:
                continue
            return path
    except OSError:
        return None
    return None


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
