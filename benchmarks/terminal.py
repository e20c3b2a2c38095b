"""Terminal bytes benchmark (issue 4): what the reader writes to a 160x48 terminal.

Over SSH every byte the app writes crosses the network, so a key press that repaints the whole
screen is felt. This suite runs the real `reader` console script on the bundled seed article
under a real pseudo-terminal (160x48, TERM=xterm-256color and no COLORTERM: what an SSH session
usually gives) and counts the bytes it writes:

- first paint: from launch until the article is on screen (the status line says "block 1/")
  and the output has then been quiet for `QUIET_S`;
- j, no scroll: the first `j` (title -> first paragraph, both on screen), until quiet;
- j, scroll: the `j` presses after it walk the article to its last block (the count is read
  from the status line); the largest of them is a press that scrolls the panels (the seed
  article is taller than one 48-line screen).

Then `q`, and the exit status is checked. Each figure is the median of `RUNS` launches, each
with its own empty XDG state and config directories, so no saved position or user config is
read and every launch starts at block 1.
"""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import signal
import statistics
import struct
import sys
import termios
import time
from pathlib import Path

from reader.resources import bundled

TERMINAL = (160, 48)
RUNS = 3
QUIET_S = 0.3
START_TIMEOUT_S = 20.0
EXIT_TIMEOUT_S = 5.0
READY = b"block 1/"
_BLOCK_COUNT = re.compile(rb"block 1/(\d+)")
TARGET_J_BYTES = 4096


def run(workdir: Path) -> dict[str, float]:
    """Launch the reader `RUNS` times under a pty; print and return the median byte counts."""
    reader = Path(sys.executable).parent / "reader"
    seeds = sorted(bundled("seeds").glob("*.txt"))
    if not reader.is_file() or not seeds:
        print(f"terminal: skipped: no {reader} or no seed article", file=sys.stderr)
        return {}
    sessions = [_session(reader, seeds[0], workdir / f"terminal-{i}") for i in range(RUNS)]
    figures = {
        name: float(statistics.median(session[name] for session in sessions))
        for name in ("first_paint_bytes", "j_bytes", "j_scroll_bytes", "j_presses", "exit_status")
    }
    width, height = TERMINAL
    print(
        f"terminal: bytes written by `reader {seeds[0].name}` under a pty at {width}x{height}, "
        f"TERM=xterm-256color, no COLORTERM (median of {RUNS} launches)"
    )
    print(f"  first paint                {figures['first_paint_bytes']:>9,.0f} B")
    print(
        f"  j, cursor moves, no scroll {figures['j_bytes']:>9,.0f} B   "
        f"(target < {TARGET_J_BYTES:,} B)"
    )
    print(
        f"  j that scrolls (largest)   {figures['j_scroll_bytes']:>9,.0f} B   "
        f"(largest of {figures['j_presses'] - 1:.0f} more j presses to the end)"
    )
    print(f"  exit status after q        {figures['exit_status']:>9.0f}")
    return figures


def _session(reader: Path, article: Path, home: Path) -> dict[str, float]:
    """One launch: first paint, j to the end one press at a time, q."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"COLORTERM", "NO_COLOR", "LINES", "COLUMNS"}
        and not key.startswith("TEXTUAL")
    }
    env.update(
        TERM="xterm-256color",
        XDG_STATE_HOME=str(home / "state"),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_CACHE_HOME=str(home / "cache"),
    )
    width, height = TERMINAL
    pid, fd = pty.fork()
    if pid == 0:  # the child: size its terminal before the app asks, then become the reader
        try:
            fcntl.ioctl(1, termios.TIOCSWINSZ, struct.pack("HHHH", height, width, 0, 0))
            os.execve(reader, [str(reader), str(article)], env)
        finally:
            os._exit(127)
    try:
        screen = _read_until_quiet(fd, until=READY)
        found = _BLOCK_COUNT.search(screen)
        blocks = int(found.group(1)) if found else 2
        j = len(_press(fd, b"j"))
        # Walk on to the last block: some of these presses scroll the panels.
        others = [len(_press(fd, b"j")) for _ in range(blocks - 2)]
        os.write(fd, b"q")
        _read_until_quiet(fd)
        status = _wait(pid)
    finally:
        _reap(pid)
        os.close(fd)
    return {
        "first_paint_bytes": len(screen),
        "j_bytes": j,
        "j_scroll_bytes": max(others, default=0),
        "j_presses": 1 + len(others),
        "exit_status": status,
    }


def _press(fd: int, key: bytes) -> bytes:
    os.write(fd, key)
    return _read_until_quiet(fd)


def _read_until_quiet(fd: int, *, until: bytes | None = None) -> bytes:
    """The bytes written until none came for `QUIET_S` (and, with `until`, after it was seen)."""
    output = bytearray()
    deadline = time.monotonic() + START_TIMEOUT_S
    while True:
        ready, _, _ = select.select([fd], [], [], QUIET_S)
        if not ready:
            if until is None or until in output or time.monotonic() > deadline:
                return bytes(output)
            continue
        try:
            chunk = os.read(fd, 65536)
        except OSError:  # the child closed the terminal (EIO on Linux)
            return bytes(output)
        if not chunk:
            return bytes(output)
        output += chunk


def _wait(pid: int) -> float:
    """The child's exit status, or -1 if it did not exit in time."""
    deadline = time.monotonic() + EXIT_TIMEOUT_S
    while time.monotonic() < deadline:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return float(os.waitstatus_to_exitcode(status))
        time.sleep(0.02)
    return -1.0


def _reap(pid: int) -> None:
    """Stop the reader we started if it is still running (by its pid only)."""
    try:
        done, _ = os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        return
    if not done:
        os.kill(pid, signal.SIGTERM)
        os.waitpid(pid, 0)
