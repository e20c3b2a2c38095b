"""A crash inside the running reader: the terminal comes back, one line names the log.

The bug is injected into a real `reader` run on a pseudo-terminal: a small driver replaces the
handler of `y` with one that raises, then calls the console entry point (`reader.cli.main`).
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

from .pty_terminal import Pty

DRIVER = """
import sys
from reader.ui.app import ReaderApp

def broken(self):
    raise RuntimeError("injected crash in the y handler")

ReaderApp.action_copy = broken
from reader.cli import main
main(sys.argv[1:])
"""


def test_a_crash_restores_the_terminal_and_prints_one_line_naming_the_log(
    tmp_path: Path,
) -> None:
    path = tmp_path / "talks.txt"
    path.write_text("Truce talks stall\n\nNATO said it would not send troops.\n", "utf-8")
    term = Pty([sys.executable, "-c", DRIVER, str(path)], tmp_path, width=100, height=30)
    try:
        term.wait_for(b"block 1/")
        term.send(b"y")
        status = term.finish()
    finally:
        term.kill()
    written = bytes(term.output)
    assert status == 70
    # Textual left the alternate screen (and with it restored the terminal) before the line.
    restored = written.rindex(b"\x1b[?1049l")
    after = re.sub(rb"\x1b\[[0-9;?<>=]*[A-Za-z~]", b"", written[restored:]).decode()
    said = [line for line in after.splitlines() if line.strip()]
    logs = list((Path(os.environ["XDG_STATE_HOME"]) / "reader" / "crashes").glob("*.log"))
    assert len(logs) == 1
    assert said == [
        "reader: internal error: RuntimeError: injected crash in the y handler; "
        f"details in {logs[0]}"
    ]
    assert b"Traceback" not in written
    log = logs[0].read_text("utf-8")
    assert "Traceback" in log and "in broken" in log
