"""Key latency while a long article is still classifying, against idle (issue 12.19).

The real `reader` console script runs on a 100,000-paragraph article under a pseudo-terminal
at 160x48, as a user's terminal runs it: the key goes through the driver's input thread, so
this includes the time that thread waits for the interpreter lock held by the classifying
worker (the headless `ui` suite posts keys straight into the app and cannot see that).

Interleaved, so that a change in the machine's load touches both figures alike: an idle
reference reader is opened on the same article and left to finish classifying; then each of
`ROUNDS` busy readers is opened on it, and while its status line says "classifying", `j` is
pressed on the busy reader and on the reference in turn, both walking the same blocks from
block 1 (so both scroll at the same presses). Busy presses are `PAUSE_S` apart, longer than
the reader's input priority, so each lands while the classifier is running flat out.

Two times per press, from writing `j` to the terminal: the first byte in answer (the panels'
cursor has moved) and the status line showing the new block (the whole answer is on screen).
Medians, and busy / idle for each (target <= 1.5).
"""

from __future__ import annotations

import fcntl
import math
import os
import pty
import re
import select
import statistics
import struct
import sys
import termios
import time
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.generate import write_article
from benchmarks.terminal import _reap, _wait

PARAGRAPHS = 100_000
TERMINAL = (160, 48)
ROUNDS = 3
PRESSES = 30  # busy presses per round, at most
PAUSE_S = 0.15  # before each busy press: past the worker's input priority (50 ms)
ANSWER_TIMEOUT_S = 5.0
START_TIMEOUT_S = 120.0
CLASSIFY_TIMEOUT_S = 300.0
TARGET_RATIO = 1.5
_BLOCK = re.compile(rb"block (\d+)/")


@dataclass
class _Press:
    first_ms: float  # the first byte in answer
    settled_ms: float  # the status line shows the new block
    classifying: bool  # the answer's status line still says "classifying"


@dataclass
class _Times:
    first: list[float] = field(default_factory=list)
    settled: list[float] = field(default_factory=list)

    def add(self, press: _Press) -> None:
        self.first.append(press.first_ms)
        self.settled.append(press.settled_ms)


@dataclass
class _Reader:
    """One `reader ARTICLE` under its own pseudo-terminal, at the block its status line says."""

    pid: int
    fd: int
    block: int = 1

    def press(self, key: bytes = b"j") -> _Press:
        """Press `key`; wait for the status line's new block (one more for j, 1 for g)."""
        _read(self.fd, 0.0)
        expected = self.block + 1 if key == b"j" else 1
        sent = time.perf_counter()
        os.write(self.fd, key)
        answer = bytearray()
        first = settled = math.nan
        deadline = sent + ANSWER_TIMEOUT_S
        while math.isnan(settled) and time.perf_counter() < deadline:
            ready, _, _ = select.select([self.fd], [], [], 0.5)
            if not ready:
                continue
            answer += os.read(self.fd, 65536)
            now = (time.perf_counter() - sent) * 1000
            first = now if math.isnan(first) else first
            shown = [int(n) for n in _BLOCK.findall(bytes(answer))]
            if expected in shown:
                settled = now
        answer += _read(self.fd, 0.02)
        self.block = expected if not math.isnan(settled) else self.block
        return _Press(first, settled, b"classifying" in answer)

    def close(self) -> None:
        os.write(self.fd, b"q")
        _read(self.fd, 1.0)
        _wait(self.pid)
        _reap(self.pid)
        os.close(self.fd)


def run(workdir: Path) -> dict[str, float]:
    """Measure busy and idle j latency, interleaved; print and return the medians."""
    article = write_article(workdir / "keys-100k.txt", PARAGRAPHS)
    load_before = os.getloadavg()[0]
    busy, idle = _measure(article, workdir / "keys")
    figures = {
        "j_busy_ms": _median(busy.first),
        "j_idle_ms": _median(idle.first),
        "j_busy_settled_ms": _median(busy.settled),
        "j_idle_settled_ms": _median(idle.settled),
        "busy_presses": float(len(busy.first)),
        "load": max(load_before, os.getloadavg()[0]),
    }
    figures["ratio"] = figures["j_busy_ms"] / figures["j_idle_ms"]
    figures["settled_ratio"] = figures["j_busy_settled_ms"] / figures["j_idle_settled_ms"]
    _report(figures)
    return figures


def _report(figures: dict[str, float]) -> None:
    width, height = TERMINAL
    print(
        f"keys: j through a pty at {width}x{height} on {PARAGRAPHS:,} paragraphs, while "
        f"classifying vs idle, interleaved ({figures['busy_presses']:.0f} pairs in {ROUNDS} "
        f"rounds; medians; load average {figures['load']:.1f})"
    )
    print("                          classifying     idle   busy/idle")
    for name, busy, idle, ratio in (
        ("first byte of answer", "j_busy_ms", "j_idle_ms", "ratio"),
        ("status line updated", "j_busy_settled_ms", "j_idle_settled_ms", "settled_ratio"),
    ):
        print(
            f"  {name:<22}{figures[busy]:>9.1f} ms{figures[idle]:>7.1f} ms"
            f"{figures[ratio]:>9.2f}   (target <= {TARGET_RATIO})"
        )


def _measure(article: Path, home: Path) -> tuple[_Times, _Times]:
    """`ROUNDS` busy readers, each pressed in turn with the idle reference."""
    busy, idle = _Times(), _Times()
    reference = _open(article, home / "idle")
    try:
        _wait_until_classified(reference)
        for round_ in range(ROUNDS):
            reference.press(b"g")
            reader = _open(article, home / f"busy-{round_}")
            try:
                _round(reader, reference, busy, idle)
            finally:
                reader.close()
    finally:
        reference.close()
    return busy, idle


def _round(reader: _Reader, reference: _Reader, busy: _Times, idle: _Times) -> None:
    """Press j on the busy reader and on the reference in turn while it classifies."""
    for _ in range(PRESSES):
        time.sleep(PAUSE_S)
        press = reader.press()
        if not press.classifying:
            return
        busy.add(press)
        idle.add(reference.press())


def _open(article: Path, home: Path) -> _Reader:
    """Launch `reader ARTICLE` with its own empty state, config and cache; wait for block 1."""
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
    reader = Path(sys.executable).parent / "reader"
    width, height = TERMINAL
    pid, fd = pty.fork()
    if pid == 0:
        try:
            fcntl.ioctl(1, termios.TIOCSWINSZ, struct.pack("HHHH", height, width, 0, 0))
            os.execve(reader, [str(reader), str(article)], env)
        finally:
            os._exit(127)
    seen = bytearray()
    deadline = time.monotonic() + START_TIMEOUT_S
    while b"block 1/" not in seen and time.monotonic() < deadline:
        seen += _read(fd, 0.5)
    return _Reader(pid, fd)


def _wait_until_classified(reader: _Reader) -> None:
    """Press j now and then until the answer's status line no longer says "classifying"."""
    deadline = time.monotonic() + CLASSIFY_TIMEOUT_S
    while time.monotonic() < deadline:
        if not reader.press().classifying:
            return
        time.sleep(1.0)


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


def _median(values: list[float]) -> float:
    known = [value for value in values if not math.isnan(value)]
    return statistics.median(known) if known else math.nan
