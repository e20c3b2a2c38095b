"""A program on a pseudo-terminal of a fixed size: keys in, every byte it writes out.

Lighter than the tmux harness (terminal.py) and exact about bytes: nothing sits between the
program and the test, so what `output` holds is what a terminal would have received.
"""

from __future__ import annotations

import fcntl
import os
import select
import struct
import subprocess
import termios
import time
from collections.abc import Sequence
from pathlib import Path

TIMEOUT = 20.0


class Pty:
    """A program on a pseudo-terminal (TERM=xterm-256color, UTF-8); the caller must `kill()`
    it in a `finally`, which does nothing once it has exited."""

    def __init__(self, args: Sequence[str], cwd: Path, *, width: int, height: int) -> None:
        self.master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", height, width, 0, 0))
        env = {**os.environ, "TERM": "xterm-256color", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}
        for name in ("COLORTERM", "NO_COLOR", "TEXTUAL_COLOR_SYSTEM", "TMUX"):
            env.pop(name, None)
        self.process = subprocess.Popen(
            list(args),
            stdin=slave,
            stdout=slave,
            stderr=slave,
            cwd=cwd,
            env=env,
            start_new_session=True,
        )
        os.close(slave)
        self.output = bytearray()

    def _read(self, timeout: float) -> bool:
        ready, _, _ = select.select([self.master], [], [], timeout)
        if not ready:
            return True
        try:
            data = os.read(self.master, 65536)
        except OSError:  # EIO: the program exited and closed the terminal
            return False
        self.output += data
        return bool(data)

    def wait_for(self, text: bytes, start: int = 0) -> int:
        """Read until `text` appears after offset `start`; its end offset."""
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            at = self.output.find(text, start)
            if at >= 0:
                return at + len(text)
            if not self._read(0.1) and self.process.poll() is not None:
                break
        raise AssertionError(f"{text!r} never appeared; the app wrote:\n{bytes(self.output)!r}")

    def send(self, keys: bytes) -> int:
        """Type `keys`; the offset of the output before they were typed."""
        mark = len(self.output)
        os.write(self.master, keys)
        return mark

    def finish(self) -> int:
        """Read until the program exits; its exit status."""
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline and self._read(0.1):
            pass
        return self.process.wait(timeout=max(0.1, deadline - time.monotonic()))

    def kill(self) -> None:
        """Stop the program if it still runs (by its pid) and close the terminal."""
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        if self.master >= 0:
            os.close(self.master)
            self.master = -1
