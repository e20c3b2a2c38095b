"""`reader stats`: one row per article and actor, the same on one core or many, and streamed."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from reader.airtime import airtime
from reader.classify import classify
from reader.cli import EXIT_BAD_INPUT, EXIT_OK, run
from reader.config import config_from_files, load_config
from reader.load import load
from reader.parse import parse
from reader.resources import bundled
from reader.stats import FIELDS, SPEAKER_SEPARATOR, Job, classify_text, outcomes

ARTICLES = {
    "tass.txt": "Moscow rejects truce\n\nRussia rejected the truce, saying NATO would rearm.\n\n"
    "Kremlin spokesman Dmitry Peskov said the talks were over.\n\nIt snowed in Kyiv.\n",
    "wire.md": "# Allies meet\n\n"
    "NATO Secretary General Mark Rutte said allies would stand firm.\n\n"
    "> \u201cWe will defend every inch,\u201d he said.\n",
    "kyiv.txt": "Kyiv asks for air defence\n\nZelensky said Ukraine needed more air defence.\n",
}


def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def reader(*argv: str, stdin: str = "") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    saved = sys.stdin
    sys.stdin = io.StringIO(stdin)
    try:
        status = run(list(argv), out, err)
    finally:
        sys.stdin = saved
    return status, out.getvalue(), err.getvalue()


def test_csv_round_trip_gives_each_articles_airtime(tmp_path: Path) -> None:
    folder = corpus(tmp_path)
    status, out, err = reader("stats", str(folder), "--format", "csv", "--jobs", "2")
    assert (status, err) == (EXIT_OK, "")
    table = list(csv.DictReader(io.StringIO(out)))
    assert tuple(table[0]) == FIELDS
    # One row per article and actor (3 actors + none), in the folder's name order.
    assert len(table) == 3 * 4
    assert [row["outlet"] for row in table[::4]] == ["kyiv", "tass", "wire"]
    config = load_config()
    for document in load([str(folder)]).documents:
        expected = airtime(classify(parse(document), config))
        for row in (r for r in table if r["source"] == document.source):
            entry = expected.actors[row["actor"]]
            assert float(row["share"]) == pytest.approx(entry.share, abs=1e-4)
            assert float(row["words"]) == pytest.approx(entry.words, abs=0.05)
            assert (int(row["blocks"]), int(row["quotes"])) == (entry.blocks, entry.quotes)
            speakers = row["speakers"].split(SPEAKER_SEPARATOR) if row["speakers"] else []
            assert speakers == list(entry.speakers)
    tass = {row["actor"]: row for row in table if row["outlet"] == "tass"}
    assert "Kremlin spokesman Dmitry Peskov" in tass["russia"]["speakers"]
    assert float(tass["none"]["share"]) > 0


def test_one_process_and_a_pool_write_the_same_rows(tmp_path: Path) -> None:
    folder = corpus(tmp_path)
    one = reader("stats", str(folder), "--format", "jsonl", "--jobs", "1")
    pool = reader("stats", str(folder), "--format", "jsonl", "--jobs", "2")
    assert one == pool
    rows = [json.loads(line) for line in one[1].splitlines()]
    assert all(tuple(row) == FIELDS for row in rows)
    assert isinstance(rows[0]["speakers"], list)


def test_jsonl_on_stdin_reports_bad_lines_and_keeps_the_rest() -> None:
    lines = [
        json.dumps({"text": "Putin said NATO was a threat.", "url": "https://www.tass.com/a"}),
        "{not json",
        json.dumps({"url": "https://example.org/no-text"}),
        json.dumps(
            {"text": "Zelensky said Ukraine would hold.", "url": "https://kyivindependent.com/b"}
        ),
    ]
    status, out, err = reader("stats", "--format", "jsonl", stdin="\n".join(lines) + "\n")
    assert status == EXIT_BAD_INPUT
    assert err.splitlines() == [
        "reader: <stdin>:2: not JSON"
        " (Expecting property name enclosed in double quotes at column 2)",
        'reader: <stdin>:3: expected an object with a "text" string',
    ]
    rows = [json.loads(line) for line in out.splitlines()]
    assert [row["outlet"] for row in rows[::4]] == ["tass.com", "kyivindependent.com"]
    assert rows[1]["actor"] == "russia" and rows[1]["share"] == 1.0
    assert rows[1]["url"] == "https://www.tass.com/a"


def test_a_missing_file_is_one_line_and_the_others_are_counted(tmp_path: Path) -> None:
    folder = corpus(tmp_path)
    status, out, err = reader("stats", str(folder / "tass.txt"), str(tmp_path / "gone.txt"))
    assert status == EXIT_BAD_INPUT
    assert len(err.splitlines()) == 1 and "gone.txt" in err
    assert len(list(csv.DictReader(io.StringIO(out)))) == 4


def test_hostile_text_never_reaches_a_terminal_from_the_csv() -> None:
    record = json.dumps({"text": "Evil\x1b]0;pwned\x07 title\n\nPutin\x1b[2J said it was over."})
    status, out, _ = reader("stats", stdin=record + "\n")
    assert status == EXIT_OK
    assert "\x1b" not in out and "\x07" not in out


def test_classify_text_is_the_json_of_reader_classify_plus_provenance() -> None:
    record = classify_text(
        "Russia rejected the truce, saying NATO would rearm.", load_config(), url="https://x.org/1"
    )
    assert record["outlet"] == "x.org" and record["url"] == "https://x.org/1"
    assert record["blocks"][0]["labels"] == ["russia"]
    assert record["airtime"]["russia"]["share"] == 1.0


def test_the_installed_command_streams_its_first_rows_before_stdin_ends() -> None:
    """A pipeline sees rows while it is still feeding the command."""
    process = subprocess.Popen(
        [sys.executable, "-m", "reader", "stats", "--format", "jsonl", "--jobs", "1"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdin is not None and process.stdout is not None
    process.stdin.write(json.dumps({"text": "Putin said the war would go on."}) + "\n")
    process.stdin.flush()
    first = process.stdout.readline()  # blocks until the first article's rows are written
    assert json.loads(first)["actor"] == "nato"
    process.stdin.close()
    rest = process.stdout.read()
    assert process.wait(timeout=60) == 0
    assert len(rest.splitlines()) == 3


class _Terminal(io.StringIO):
    """A stderr that says it is a terminal."""

    def isatty(self) -> bool:
        return True


def test_a_progress_bar_goes_to_stderr_on_a_terminal_only(tmp_path: Path) -> None:
    folder = corpus(tmp_path)
    for err in (_Terminal(), io.StringIO()):
        out = io.StringIO()
        assert run(["stats", str(folder), "--jobs", "1"], out, err) == EXIT_OK
        assert len(out.getvalue().splitlines()) == 1 + 3 * 4
        shown = err.getvalue()
        if isinstance(err, _Terminal):
            assert "stats" in shown and "3/3" in shown and "articles" in shown
        else:
            assert shown == ""  # a log file or a pipe gets no bar


def test_a_pool_counts_with_the_config_it_is_given(tmp_path: Path) -> None:
    """A config built in memory (here: a fourth actor from a file not in the search path)
    reaches the pool's workers: they do not read the config files again."""
    extra = tmp_path / "eu.yaml"
    extra.write_text(
        "extra_actors:\n  - {id: eu, label: EU, colour: green, tag: E, aliases: [Brussels],\n"
        "     speakers: [Kaja Kallas]}\n",
        encoding="utf-8",
    )
    config = config_from_files([bundled("config.yaml"), extra])
    article = tmp_path / "eu.txt"
    article.write_text(
        "Sanctions stay\n\nEU foreign policy chief Kaja Kallas said the sanctions would stay.\n",
        encoding="utf-8",
    )
    jobs = [Job(str(article))] * 3
    one = list(outcomes(jobs, config, workers=1))
    pool = list(outcomes(jobs, config, workers=2))
    assert pool == one
    eu = [row for row in pool[0].rows if row["actor"] == "eu"]
    assert (
        eu and eu[0]["blocks"] == 1 and eu[0]["speakers"] == ["EU foreign policy chief Kaja Kallas"]
    )


_STDERR_HELD = """
import fcntl, io, os, sys, termios, threading
from reader.config import load_config
from reader.stats import Job, outcomes

SIZE, PIPE = 1 << 16, 4096
read_end, write_end = os.pipe()  # stderr: a slow terminal, as over SSH
fcntl.fcntl(write_end, fcntl.F_SETPIPE_SZ, PIPE)
sys.stderr = io.TextIOWrapper(io.BufferedWriter(io.FileIO(write_end, "w")))
staged = threading.Event()

def draw():  # the progress bar's thread: holds stderr's lock until the terminal takes it all
    sys.stderr.write("x" * SIZE)
    sys.stderr.flush()

def hold_stderr():  # just before this process forks (once): the bar is drawing
    if not staged.is_set():
        threading.Thread(target=draw, daemon=True).start()
        waiting = bytearray(4)
        while int.from_bytes(waiting, sys.byteorder) < PIPE:  # the write waits: lock held
            fcntl.ioctl(read_end, termios.FIONREAD, waiting)

def take_stderr():  # just after: the terminal takes the bar's bytes, the lock is free again
    if not staged.is_set():
        staged.set()
        threading.Thread(target=lambda: [os.read(read_end, PIPE) for _ in range(SIZE // PIPE)],
                         daemon=True).start()

os.register_at_fork(before=hold_stderr, after_in_parent=take_stderr)
done = list(outcomes([Job(name) for name in sys.argv[1:]], load_config(), workers=2))
print(len(done), sum(len(outcome.rows) for outcome in done), file=sys.__stdout__, flush=True)
"""


@pytest.mark.skipif(sys.platform != "linux", reason="the held lock is staged with Linux pipes")
def test_a_pool_starts_while_another_thread_holds_the_stderr_lock(tmp_path: Path) -> None:
    """The progress bar redraws from a thread: a worker forked while it held stderr's lock
    inherited the lock held by nobody, hung on its last flush, and `reader stats` never
    ended. Here every fork of the command's process happens while that lock is held; workers
    now come from a fork server, which runs no other thread."""
    folder = corpus(tmp_path)
    files = [str(path) for path in sorted(folder.iterdir())]
    # Its own session: if the workers hang, the whole group is killed, none left behind.
    with subprocess.Popen(
        [sys.executable, "-c", _STDERR_HELD, *files],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    ) as command:
        try:
            out, err = command.communicate(timeout=120)  # a hang, not a speed: it takes ~2 s
        except subprocess.TimeoutExpired:
            os.killpg(command.pid, signal.SIGKILL)
            pytest.fail("the pool's workers hung on the stderr lock another thread held")
    assert command.returncode == 0, err
    alone = list(outcomes([Job(name) for name in files], load_config(), workers=1))
    assert out.split() == ["3", str(sum(len(outcome.rows) for outcome in alone))]
