"""`reader stats`: airtime over a corpus, one row per article and actor, on every core.

The unit of work is one article: read, parse, classify, count. Articles are independent, so
they go to a process pool in small batches (classification is pure Python: threads would
share one interpreter lock). Results come back in input order and are written as they come,
so `reader stats` streams: the first rows appear while the rest of the corpus is still being
read, and a pipe downstream (`| head`) can stop it early. At most `_WINDOW` batches per worker
are in flight, so a corpus on stdin is never held in memory whole.

Each worker gets the parent's compiled config once, when it starts (pickled, not re-read), and
freezes it out of the garbage collector's reach: the compiled rules are the bulk of a worker's
objects, and every full collection would otherwise walk them. Tasks carry only file names and
give back only rows.

Workers are forked from a fork server, never from `reader stats` itself: the command runs other
threads (the progress bar redraws from one), and a process forked while a thread holds a lock
gets that lock held by nobody. A worker forked while the bar was writing to stderr hung on its
last flush, and the command with it (tests/test_stats.py shows it).

`classify_text(text, config)` is the one public function a distributed engine maps over a
corpus (see `reader.dask_bag`): plain data in, the JSON object of `reader classify` out.
"""

from __future__ import annotations

import csv
import gc
import json
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from multiprocessing.context import BaseContext
from typing import Any, Literal, TextIO

from reader.config import Config
from reader.errors import ReaderError
from reader.load import DEFAULT_MAX_BYTES, Document, Format, format_for_path, load, sniff_format
from reader.safe_text import escape_json, visible

Progress = Callable[[int | None], AbstractContextManager[Callable[[], None]]]
"""A progress display: given the total (None: unknown), a context yielding `advance()`."""

StatsFormat = Literal["csv", "jsonl"]
STATS_FORMATS: tuple[StatsFormat, ...] = ("csv", "jsonl")
FIELDS = (
    "source",
    "outlet",
    "date",
    "url",
    "title",
    "actor",
    "share",
    "words",
    "blocks",
    "quotes",
    "speakers",
)
"""The columns of `reader stats`, in order (CSV header; jsonl keys)."""

SPEAKER_SEPARATOR = "; "
"""How a CSV cell lists speakers (jsonl gives a list)."""

_BATCH = 8  # articles per task (~50 ms of work): enough to amortise IPC, few enough to spread
_WINDOW = 4  # batches in flight per worker


def classify_text(
    text: str,
    config: Config,
    *,
    source: str = "<text>",
    url: str = "",
    fmt: Format | None = None,
) -> dict[str, Any]:
    """One article's text -> the JSON object `reader classify --format json` prints for it,
    with its `outlet`, `date` and `url` added. The format is sniffed unless `fmt` names it.
    Raises ReaderError when the text holds no article."""
    from reader.classify import classify
    from reader.outlet import provenance
    from reader.output import to_dict
    from reader.parse import parse

    article = parse(Document(source, text, fmt or sniff_format(text)))
    record = to_dict(classify(article, config))
    where = provenance(article, url)
    record.update(outlet=where.outlet, date=where.date, url=where.url)
    return record


def rows(record: dict[str, Any]) -> list[dict[str, Any]]:
    """The stats rows of one `classify_text` record: one per actor, then "none"."""
    head = {key: record.get(key) or "" for key in ("source", "outlet", "date", "url", "title")}
    return [
        {**head, "actor": actor, **{key: entry[key] for key in FIELDS[6:]}}
        for actor, entry in record["airtime"].items()
    ]


@dataclass(frozen=True, slots=True)
class Job:
    """One article to count: a file to read (`text` None) or a text from a jsonl line."""

    source: str
    text: str | None = None
    url: str = ""


@dataclass(frozen=True, slots=True)
class Outcome:
    """What one job gave: its rows, or the one line that says why it gave none."""

    rows: tuple[dict[str, Any], ...] = ()
    problem: str | None = None
    warnings: tuple[str, ...] = ()


def run_job(job: Job, config: Config, max_bytes: int = DEFAULT_MAX_BYTES) -> Outcome:
    """Read (if it is a file), classify and count one article; never raises ReaderError."""
    try:
        if job.text is not None:
            return Outcome(
                tuple(rows(classify_text(job.text, config, source=job.source, url=job.url)))
            )
        report = load([job.source], max_bytes=max_bytes)
        if report.problems:
            return Outcome(problem=str(report.problems[0]), warnings=report.warnings)
        out: list[dict[str, Any]] = []
        for document in report.documents:
            fmt = format_for_path(document.source) or document.format
            out.extend(rows(classify_text(document.text, config, source=document.source, fmt=fmt)))
        return Outcome(tuple(out), warnings=report.warnings)
    except ReaderError as error:
        return Outcome(problem=str(error))


class _Worker:
    """What a pool process keeps between tasks: the config it was started with."""

    config: Config | None = None


def _start_worker(config: Config) -> None:
    """A pool process's initializer: keep the parent's config, out of the collector's walks."""
    _Worker.config = config
    gc.freeze()


def _run_batch(jobs: Sequence[Job], max_bytes: int) -> list[Outcome]:
    config = _Worker.config
    if config is None:  # pragma: no cover - only if the pool was built without the initializer
        raise RuntimeError("a stats worker ran before its initializer")
    return [run_job(job, config, max_bytes) for job in jobs]


def _batches(jobs: Iterable[Job], size: int) -> Iterator[list[Job]]:
    batch: list[Job] = []
    for job in jobs:
        batch.append(job)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def outcomes(
    jobs: Iterable[Job],
    config: Config,
    *,
    workers: int,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[Outcome]:
    """Every job's outcome, in input order: in this process when `workers` is 1, else over a
    pool of `workers` processes with a bounded number of batches in flight."""
    if workers <= 1:
        for job in jobs:
            yield run_job(job, config, max_bytes)
        return
    with ProcessPoolExecutor(
        workers, mp_context=_pool_context(), initializer=_start_worker, initargs=(config,)
    ) as pool:
        yield from _ordered(pool, jobs, workers * _WINDOW, max_bytes)


def _pool_context() -> BaseContext:
    """Where workers come from: a fork server (single-threaded, with this module imported
    once), or fresh interpreters where there is none (Windows)."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([__name__])
    return context


def _ordered(pool: Executor, jobs: Iterable[Job], window: int, max_bytes: int) -> Iterator[Outcome]:
    pending: deque[Future[list[Outcome]]] = deque()
    for batch in _batches(jobs, _BATCH):
        pending.append(pool.submit(_run_batch, batch, max_bytes))
        while len(pending) >= window or (pending and pending[0].done()):
            yield from pending.popleft().result()
    while pending:
        yield from pending.popleft().result()


def jsonl_jobs(lines: Iterable[str], problems: Callable[[str], None]) -> Iterator[Job]:
    """Jobs from jsonl records `{"text": ..., "url": ...}`; a bad line is reported, skipped."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"<stdin>:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            problems(f"{where}: not JSON ({error.msg} at column {error.colno})")
            continue
        text = record.get("text") if isinstance(record, dict) else None
        if not isinstance(text, str):
            problems(f'{where}: expected an object with a "text" string')
            continue
        url = record.get("url")
        url = url if isinstance(url, str) else ""
        yield Job(url or where, text, url)


class RowWriter:
    """Writes rows as CSV (with a header) or jsonl, flushing each article's rows."""

    def __init__(self, out: TextIO, fmt: StatsFormat) -> None:
        self.out = out
        self.fmt = fmt
        self._csv = csv.DictWriter(out, fieldnames=FIELDS, lineterminator="\n")
        if fmt == "csv":
            self._csv.writeheader()

    def write(self, article_rows: Iterable[dict[str, Any]]) -> None:
        for row in article_rows:
            if self.fmt == "csv":
                # A CSV may be printed to a terminal: article text shows, never acts.
                cells = {**row, "speakers": SPEAKER_SEPARATOR.join(row["speakers"])}
                self._csv.writerow(
                    {k: visible(v) if isinstance(v, str) else v for k, v in cells.items()}
                )
            else:
                line = json.dumps({key: row[key] for key in FIELDS}, ensure_ascii=False)
                self.out.write(escape_json(line) + "\n")
        self.out.flush()


def default_workers() -> int:
    """The cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def run_stats(
    paths: Sequence[str],
    *,
    fmt: StatsFormat,
    config: Config,
    workers: int,
    out: TextIO,
    stdin: TextIO,
    say: Callable[[str], None],
    max_bytes: int = DEFAULT_MAX_BYTES,
    progress: Progress | None = None,
) -> int:
    """The `reader stats` command; returns the number of inputs that gave no rows.
    `progress(total)` gives a context whose value is called once per article done (the CLI's
    bar on a terminal, reader.ui.progress; `total` is None for stdin)."""
    from reader.load import expand

    problems = 0

    def problem(message: str) -> None:
        nonlocal problems
        problems += 1
        say(message)

    files, errors = expand(paths or ["-"])
    for error in errors:
        problem(str(error))
    total: int | None = len([f for f in files if f != "-"])

    def jobs() -> Iterator[Job]:
        for given in files:
            if given == "-":
                yield from jsonl_jobs(stdin, problem)
            else:
                yield Job(given)

    if "-" in files:
        total = None
    writer = RowWriter(out, fmt)
    with (progress or _no_progress)(total) as advance:
        for outcome in outcomes(jobs(), config, workers=workers, max_bytes=max_bytes):
            for warning in outcome.warnings:
                say(f"warning: {warning}")
            if outcome.problem is not None:
                problem(outcome.problem)
            writer.write(outcome.rows)
            advance()
    return problems


@contextmanager
def _no_progress(total: int | None) -> Iterator[Callable[[], None]]:
    yield lambda: None
