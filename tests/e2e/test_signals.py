"""SIGTERM and SIGHUP (`kill`, a closed SSH window) end the reader as Ctrl-C and `q` do: the
terminal is restored, the reading position and marks are saved, and the process exits."""

from __future__ import annotations

import json
import os
import signal
import sys
from pathlib import Path

import pytest

from .pty_terminal import Pty

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
