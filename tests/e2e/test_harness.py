"""The end-to-end harness itself: a tiny program driven in tmux, locally and through SSH.

If these fail, the reader's end-to-end tests cannot be trusted either way.
"""

from __future__ import annotations

import os
import shlex
import sys

import pytest

from .conftest import TerminalFactory
from .sshd import Sshd

# Prints a prompt, reads a line typed at the terminal, echoes it and exits with status 3.
TINY = (
    "import sys; print('ready: type a word'); word = input(); "
    "print('got ' + word.upper()); sys.stdout.flush(); sys.exit(3)"
)


def test_a_program_in_tmux_is_seen_typed_at_and_its_exit_status_read(
    terminal: TerminalFactory,
) -> None:
    term = terminal([sys.executable, "-c", TINY], width=60, height=10)

    term.wait_for("ready: type a word")
    term.type("hello")
    term.send_keys("Enter")
    screen = term.wait_for("got HELLO")

    assert term.wait_exit() == 3
    assert screen.splitlines()[:3] == ["ready: type a word", "hello", "got HELLO"]
    assert len(term.lines()) == 10
    # pipe-pane recorded the raw bytes from the very first one: the prompt and the echo.
    raw = term.wait_for_output(b"got HELLO")
    assert raw.startswith(b"ready: type a word")
    assert b"\r\n" in raw  # the terminal's line discipline, not a Python string


def test_the_pane_has_exactly_the_size_asked_for(terminal: TerminalFactory) -> None:
    term = terminal(
        [sys.executable, "-c", "import os; print(os.get_terminal_size()); input()"],
        width=160,
        height=48,
        env={"COLUMNS": "", "LINES": ""},
    )

    term.wait_for("columns=160, lines=48")


RESIZE_WATCHER = (
    "import os, signal, sys\n"
    "def show(*_):\n"
    "    print('size', *os.get_terminal_size(), flush=True)\n"
    "signal.signal(signal.SIGWINCH, show)\n"
    "show()\n"
    "sys.stdin.readline()\n"
)


def test_a_resize_reaches_the_program(terminal: TerminalFactory) -> None:
    term = terminal([sys.executable, "-c", RESIZE_WATCHER], width=80, height=24)
    term.wait_for("size 80 24")

    term.resize(100, 30)

    term.wait_for("size 100 30")
    assert len(term.lines()) == 30


def test_a_wait_that_times_out_shows_the_screen(terminal: TerminalFactory) -> None:
    term = terminal([sys.executable, "-c", "print('something else'); input()"])
    term.wait_for("something else")

    with pytest.raises(AssertionError, match="something else"):
        term.wait_for("never shown", timeout=0.3)


def test_a_program_run_through_ssh_in_tmux(terminal: TerminalFactory, sshd: Sshd) -> None:
    remote = f"cd /tmp && TERM=xterm-256color {shlex.join([sys.executable, '-c', TINY])}"
    term = terminal(sshd.ssh_shell_command(remote), width=80, height=24)

    term.wait_for("ready: type a word", timeout=10)
    term.type("over ssh")
    term.send_keys("Enter")
    term.wait_for("got OVER SSH")

    assert term.wait_exit() == 3  # ssh hands back the remote command's status
    pid = sshd.pid
    assert pid is not None
    sshd.stop()
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)
    assert not sshd.pid_file.exists()
