"""Start-up (issue 12.20): what `reader ARTICLE` does before its first screen is kept to what
that screen needs. The timings themselves are measured by `python -m benchmarks startup`,
never asserted here; these tests pin the decisions that the timings rest on."""

from __future__ import annotations

import dataclasses
import gc
import io
import subprocess
import sys
from pathlib import Path

import pytest

from reader.cli import EXIT_BAD_INPUT, _app_args, run
from reader.cli_args import app_parser
from reader.resources import bundled

SEED = "000_411166840a9e04ac.txt"


def test_the_collector_is_running_again_when_the_reader_could_not_open(tmp_path: Path) -> None:
    """The reader pauses the garbage collector while it starts; every way out resumes it."""
    assert gc.isenabled()

    status = run([str(tmp_path / "missing.txt")], io.StringIO(), io.StringIO())

    assert status == EXIT_BAD_INPUT
    assert gc.isenabled()


def test_dataclasses_compile_as_before_once_the_reader_could_not_open(tmp_path: Path) -> None:
    """While the reader starts, `dataclasses` runs cached code (`StartupCode`); every way out
    gives it the builtin `exec` back."""
    status = run([str(tmp_path / "missing.txt")], io.StringIO(), io.StringIO())

    assert status == EXIT_BAD_INPUT
    assert "exec" not in vars(dataclasses)


START_PATH = """
import io, sys
import reader.cli
from reader.ui.app import ReaderApp

def shown(app, _shown=ReaderApp._article_settled):
    _shown(app)
    app.exit()

ReaderApp._article_settled = shown
ReaderApp.run = lambda app, run=ReaderApp.run, **_: run(app, headless=True, size=(160, 48))
status = reader.cli.run([sys.argv[1]], io.StringIO(), io.StringIO())
print(status, " ".join(sorted(sys.modules)))
"""

HEAVY = (
    # What a plain file's first screen never needs: the web, other formats, other screens,
    # the headless commands, YAML and its validator (rules and themes come from the cache).
    "reader.web",
    "reader.cache",
    "reader.feeds",
    "reader.transport",
    "http.client",
    "urllib.request",
    "email.message",
    "trafilatura",
    "lxml",
    "feedparser",
    "markdown_it",
    "dask",
    "yaml",
    "reader.safe_yaml",
    "reader.rules.schema",
    "reader.ui.theme_files",
    "reader.ui.help",
    "reader.ui.pick",
    "reader.ui.compare",
    "reader.ui.lens",
    # ... nor the explain pane, the search bar, search itself, the palette's commands and the
    # compare screens' model, mounted or used when first opened:
    "reader.ui.explain",
    "reader.ui.search_bar",
    "reader.search_history",
    "reader.viewmodel.search",
    "reader.ui.commands",
    "reader.ui.open_articles",
    "reader.fetch",
    "reader.export",
    "reader.stats",
    "reader.evaluate",
    "reader.output",
    "textual.widgets._data_table",
    # ... nor OpenSSL: the caches' keys are hashed without it, and a file's position needs none.
    "hashlib",
    "_hashlib",
    # ... nor argparse and gettext: a command line of paths alone is read without them.
    "argparse",
    "gettext",
    "reader.cli_args",
)


def _start(seed: Path) -> tuple[str, set[str]]:
    done = subprocess.run(
        [sys.executable, "-c", START_PATH, str(seed)],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    status, modules = done.stdout.split(" ", 1)
    return status, set(modules.split())


@pytest.mark.slow
def test_a_plain_file_opens_without_loading_what_its_first_screen_does_not_need(
    tmp_path: Path,
) -> None:
    """The real start path (CLI, config, file, app up to the first article on screen), run
    headless in a fresh interpreter: the first start builds the rules' and themes' caches,
    the next ones load none of `HEAVY`."""
    seed = tmp_path / "article.txt"
    seed.write_text((bundled("seeds") / SEED).read_text(encoding="utf-8"), encoding="utf-8")

    cold_status, cold = _start(seed)
    warm_status, warm = _start(seed)

    assert (cold_status, warm_status) == ("0", "0")
    assert {"yaml", "reader.rules.schema"} <= cold  # the first start built the caches
    assert sorted(warm & set(HEAVY)) == []


CLASSIFYING_THREADS = """
import io, sys, threading
import reader.classify
import reader.cli
from reader.ui.app import ReaderApp

threads = []
classify_iter = reader.classify.classify_iter

def recorded(*args, **kwargs):
    threads.append(threading.current_thread().name)
    return classify_iter(*args, **kwargs)

reader.classify.classify_iter = recorded

def shown(app, _shown=ReaderApp._article_settled):
    _shown(app)
    app.exit()

ReaderApp._article_settled = shown
ReaderApp.run = lambda app, run=ReaderApp.run, **_: run(app, headless=True, size=(160, 48))
status = reader.cli.run([sys.argv[1]], io.StringIO(), io.StringIO())
print(status, " ".join(threads))
"""


@pytest.mark.slow
def test_the_first_article_is_classified_while_the_app_is_imported(tmp_path: Path) -> None:
    """The CLI classifies the first article in a thread it starts before importing Textual
    (reader.viewmodel.ahead), and the app takes that result: nothing classifies it again."""
    seed = tmp_path / "article.txt"
    seed.write_text((bundled("seeds") / SEED).read_text(encoding="utf-8"), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-c", CLASSIFYING_THREADS, str(seed)],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )

    assert done.stdout.split() == ["0", "reader-head-start"]


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["article.txt"],
        ["a.txt", "news/", "https://news.example/a.html", "x y.md", ""],
        ["-"],
        ["a.txt", "--no-mouse", "--theme", "reader-mono", "--max-size", "64M"],
        ["--offline", "--", "-odd-name.txt"],
    ],
)
def test_a_command_line_of_paths_reads_as_the_parser_reads_it(argv: list[str]) -> None:
    """`reader PATH...` is read without argparse (`_app_args`): the same values as the app's
    parser gives, which reads every other command line."""
    assert vars(_app_args(argv)) == vars(app_parser().parse_args(argv))


def test_the_startup_benchmark_lets_its_uncounted_launches_settle(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The reader notes its start-up regexes a frame or two after it shows (`StartupPatterns`):
    the benchmark's warm-up launches, killed as soon as they showed, never wrote them, and every
    counted launch compiled them again, which no user's second start does."""
    import shutil

    from benchmarks import startup

    settles: list[float] = []

    def launch(
        command: list[str], marker: str, env: dict[str, str], sock: Path, settle: float = 0.0
    ) -> tuple[float, float, bool]:
        settles.append(settle)
        return 0.2, 0.2, True

    monkeypatch.setattr(shutil, "which", lambda name: f"/usr/bin/{name}")
    monkeypatch.setattr(startup, "_time_to_visible", launch)
    startup.run(tmp_path)

    assert settles[:2] == [startup.SETTLE_S] * 2  # the bare app's and the reader's first
    assert startup.SETTLE_S >= 0.5
    assert settles[2:] == [0.0] * (2 * startup.RUNS)
