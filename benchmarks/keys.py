"""Key latency while a long article is still classifying, against idle (issue 12.19).

The real `reader` console script runs on a 100,000-paragraph article under a pseudo-terminal
at 160x48, as a user's terminal runs it: the key goes through the driver's input thread, so
this includes the time that thread waits for the interpreter lock held by the classifying
worker (the headless `ui` suite posts keys straight into the app and cannot see that).

A press is timed from writing `j` to the terminal until the reader's first byte in answer.
"Busy" presses are sent as soon as the first screen is up, while the status line still says
"classifying"; "idle" presses once it has gone. Medians, and busy / idle (target <= 1.5).
"""

from __future__ import annotations

import fcntl
import math
import os
import pty
import select
import statistics
import struct
import sys
import termios
import time
from pathlib import Path

from benchmarks.generate import write_article
from benchmarks.terminal import _reap, _wait

PARAGRAPHS = 100_000
TERMINAL = (160, 48)
PRESSES = 30
GAP_S = 0.06  # between presses: the answer's last bytes, and a human's pace
START_TIMEOUT_S = 120.0
CLASSIFY_TIMEOUT_S = 300.0
TARGET_RATIO = 1.5


def run(workdir: Path) -> dict[str, float]:
    """Measure busy and idle j latency in one launch; print and return the medians."""
    reader = Path(sys.executable).parent / "reader"
    article = write_article(workdir / "keys-100k.txt", PARAGRAPHS)
    busy, idle = _session(reader, article, workdir / "keys")
    figures = {
        "j_busy_ms": statistics.median(busy) if busy else math.nan,
        "j_idle_ms": statistics.median(idle) if idle else math.nan,
        "busy_presses": float(len(busy)),
    }
    figures["ratio"] = figures["j_busy_ms"] / figures["j_idle_ms"]
    width, height = TERMINAL
    print(
        f"keys: j through a pty at {width}x{height} on {PARAGRAPHS:,} paragraphs "
        f"(first byte of the answer; medians)"
    )
    print(f"  while classifying  {figures['j_busy_ms']:>6.1f} ms  ({len(busy)} presses)")
    print(f"  idle               {figures['j_idle_ms']:>6.1f} ms  ({len(idle)} presses)")
    print(f"  busy / idle        {figures['ratio']:>6.2f}     (target <= {TARGET_RATIO})")
    return figures


def _session(reader: Path, article: Path, home: Path) -> tuple[list[float], list[float]]:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"COLORTERM", "NO_COLOR"} and not key.startswith("TEXTUAL")
    }
    env.update(
        TERM="xterm-256color",
        XDG_STATE_HOME=str(home / "state"),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_CACHE_HOME=str(home / "cache"),
    )
    width, height = TERMINAL
    pid, fd = pty.fork()
    if pid == 0:
        try:
            fcntl.ioctl(1, termios.TIOCSWINSZ, struct.pack("HHHH", height, width, 0, 0))
            os.execve(reader, [str(reader), str(article)], env)
        finally:
            os._exit(127)
    busy: list[float] = []
    idle: list[float] = []
    try:
        screen = _read_until(fd, b"block 1/", START_TIMEOUT_S)
        classifying = b"classifying" in screen
        while classifying and len(busy) < PRESSES:
            latency, answer = _press(fd)
            classifying = b"classifying" in answer
            if classifying:
                busy.append(latency)
        _wait_until_classified(fd, CLASSIFY_TIMEOUT_S)
        idle = [_press(fd)[0] for _ in range(PRESSES)]
        os.write(fd, b"q")
        _read(fd, 1.0)
        _wait(pid)
    finally:
        _reap(pid)
        os.close(fd)
    return busy, idle


def _press(fd: int) -> tuple[float, bytes]:
    """Write j; the ms until the first byte in answer, and the answer."""
    _read(fd, 0.0)
    sent = time.perf_counter()
    os.write(fd, b"j")
    ready, _, _ = select.select([fd], [], [], 5.0)
    latency = (time.perf_counter() - sent) * 1000 if ready else math.nan
    return latency, _read(fd, GAP_S)


def _read(fd: int, quiet: float) -> bytes:
    """What the reader writes until it has been quiet for `quiet` seconds."""
    out = bytearray()
    while True:
        ready, _, _ = select.select([fd], [], [], quiet)
        if not ready:
            return bytes(out)
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            return bytes(out)
        if not chunk:
            return bytes(out)
        out += chunk


def _read_until(fd: int, marker: bytes, timeout: float) -> bytes:
    """Read until `marker` has been written (or `timeout` seconds passed)."""
    seen = bytearray()
    deadline = time.monotonic() + timeout
    while marker not in seen and time.monotonic() < deadline:
        seen += _read(fd, 0.5)
    return bytes(seen)


def _wait_until_classified(fd: int, timeout: float) -> None:
    """Press j now and then until the answer's status line no longer says "classifying"."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        _, answer = _press(fd)
        if answer and b"classifying" not in answer:
            return
        time.sleep(1.0)
