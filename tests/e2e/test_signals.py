"""SIGTERM and SIGHUP (`kill`, a closed SSH window) end the reader as Ctrl-C and `q` do: the
terminal is restored, the reading position and marks are saved, and the process exits."""

from __future__ import annotations

import json
import os
import signal
import sys
import time
from pathlib import Path

import pytest

from .conftest import TerminalFactory
from .pty_terminal import Pty
from .reader_screen import FIRST_PAINT, wait_for_reader
from .terminal import Terminal

ARTICLE = "".join(f"Paragraph {n}: NATO said talks would go on.\n\n" for n in range(40))


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_a_terminating_signal_restores_the_terminal_and_saves_the_position(
    tmp_path: Path, signum: signal.Signals
) -> None:
    path = tmp_path / "talks.txt"
    path.write_text(ARTICLE, "utf-8")
    script = Path(sys.executable).parent / "reader"
    term = Pty([str(script), str(path)], tmp_path, width=100, height=30)
    try:
        term.wait_for(b"block 1/")
        term.wait_for(b"press a letter", term.send(b"m"))
        term.wait_for(b"set at block 1", term.send(b"x"))  # mark 'x' on the first block
        term.wait_for(b"block 4/", term.send(b"jjj"))
        os.kill(term.process.pid, signum)
        status = term.finish()
    finally:
        term.kill()
    written = bytes(term.output)
    assert status == 128 + signum
    # Left the alternate screen, showed the cursor, turned mouse tracking off, after the last
    # frame: the terminal is usable again.
    tail = written[written.rindex(b"\x1b[?1049l") :]
    assert b"\x1b[?25h" in written[written.rindex(b"\x1b[?25l") :]
    assert b"\x1b[?1000l" in written[written.rindex(b"\x1b[?1000h") :]
    assert b"Traceback" not in tail
    state = Path(os.environ["XDG_STATE_HOME"]) / "reader" / "positions.json"
    saved = json.loads(state.read_text("utf-8"))["articles"][f"path:{path.resolve()}"]
    assert saved["block"] == 3
    assert saved["marks"] == {"x": 0}


def test_a_hangup_after_the_terminal_is_gone_still_saves_and_exits(tmp_path: Path) -> None:
    """A dropped SSH connection: the terminal vanishes first, then SIGHUP arrives."""
    path = tmp_path / "talks.txt"
    path.write_text(ARTICLE, "utf-8")
    script = Path(sys.executable).parent / "reader"
    term = Pty([str(script), str(path)], tmp_path, width=100, height=30)
    try:
        term.wait_for(b"block 1/")
        term.wait_for(b"block 3/", term.send(b"jj"))
        os.close(term.master)
        term.master = -1
        term.process.send_signal(signal.SIGHUP)
        status = term.process.wait(timeout=20)
    finally:
        term.kill()
    assert status == 128 + signal.SIGHUP
    state = Path(os.environ["XDG_STATE_HOME"]) / "reader" / "positions.json"
    saved = json.loads(state.read_text("utf-8"))["articles"][f"path:{path.resolve()}"]
    assert saved["block"] == 2


def _program_pid(term: Terminal) -> int:
    """The pid of the program in the pane (the pane's shell runs it as its child)."""
    shell = term._display("#{pane_pid}")
    children = Path(f"/proc/{shell}/task/{shell}/children").read_text("ascii").split()
    return int(children[0])


def _ended(pid: int, timeout: float) -> bool:
    """Whether process `pid` ends (or is only a zombie) within `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            state = Path(f"/proc/{pid}/stat").read_text("ascii").rsplit(")", 1)[1].split()[0]
        except OSError:
            return True
        if state == "Z":
            return True
        time.sleep(0.05)
    return False


def test_a_continue_signal_without_a_suspend_leaves_the_terminal_as_it_is(
    terminal: TerminalFactory, reader: Path, seeds: Path, reader_env: dict[str, str]
) -> None:
    """A hangup sends SIGCONT with SIGHUP; Textual's driver answered any SIGCONT by entering
    application mode again (alternate screen, a second output thread), and a reader whose
    terminal closed as it opened then hung on exit. Only a resume after a suspend does that."""
    term = terminal([str(reader), str(seeds)], width=100, height=30, env=reader_env)
    wait_for_reader(term)
    entered = term.wait_for_output(b"\x1b[?1049h").count(b"\x1b[?1049h")

    os.kill(_program_pid(term), signal.SIGCONT)
    term.send_keys("j")
    term.wait_for("block 2/")

    assert term.raw_output().count(b"\x1b[?1049h") == entered == 1


def test_a_terminal_closed_as_the_reader_opens_leaves_no_reader_behind(
    terminal: TerminalFactory, reader: Path, seeds: Path, reader_env: dict[str, str]
) -> None:
    """The window closes (tmux's server with it) the moment the first article shows: each of
    six readers ends. Before, 4-6 of 8 stayed, hung for good, in the start-up benchmark."""
    for _ in range(6):
        term = terminal([str(reader), str(seeds)], width=100, height=30, env=reader_env)
        term.wait_for("block 1/", timeout=FIRST_PAINT)  # a cold start on a loaded machine
        pid = _program_pid(term)
        term.kill()
        ended = _ended(pid, timeout=10)
        if not ended:
            os.kill(pid, signal.SIGKILL)
        assert ended, "the reader did not quit when its terminal closed"
