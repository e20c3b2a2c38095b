"""Problems found before the reader opens (a missing file, a guessed encoding) are shown inside
it, not only on the main screen hidden behind it until quitting (issue 13.17)."""

from __future__ import annotations

import sys
from pathlib import Path

from .pty_terminal import Pty


def test_a_path_that_cannot_be_read_is_said_inside_the_reader(tmp_path: Path) -> None:
    good = tmp_path / "talks.txt"
    good.write_text("NATO said the talks would go on.\n", "utf-8")
    script = Path(sys.executable).parent / "reader"
    term = Pty(
        [str(script), str(good), str(tmp_path / "missing.txt")], tmp_path, width=120, height=30
    )
    try:
        opened = term.wait_for(b"\x1b[?1049h")  # the reader's screen
        term.wait_for(b"While loading", opened)  # the notice's title
        # The notice may wrap the long path: look for its parts.
        term.wait_for(b"missing.txt", opened)
        term.wait_for(b"no such file", opened)
        term.wait_for(b"block 1/", opened)
        term.send(b"q")
        status = term.finish()
    finally:
        term.kill()
    assert status == 2  # issue 12.12: an input that could not be read makes it exit 2
    # ...and still on the terminal after quitting, for the record.
    assert bytes(term.output).count(b"missing.txt: no such file") >= 2
