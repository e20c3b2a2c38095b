"""Start-up benchmark (issue 12.20): how long until the seed article is visible in a real terminal,
against a bare Textual app showing one line, both measured in the same run in tmux.

Each launch gets its own tmux server (`tmux -L`, killed by name afterwards) at 160x48 and the
screen is polled with `capture-pane` until the marker shows: the reader's status line ("block
1/", drawn in the frame that shows the article) or the bare app's one line. Launches alternate
between the two so a busy machine slows both alike; the figures are medians of `RUNS` each and
the ratio is reader / bare (target <= 1.3).
"""

from __future__ import annotations

import os
import shlex
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from reader.resources import bundled

RUNS = 7
TERMINAL = (160, 48)
TIMEOUT_S = 20.0
POLL_S = 0.005
TARGET_RATIO = 1.3

BARE_APP = """
from textual.app import App, ComposeResult
from textual.widgets import Static

class Bare(App[None]):
    def compose(self) -> ComposeResult:
        yield Static("bare textual app is up")

Bare().run()
"""


def run(workdir: Path) -> dict[str, float]:
    """Alternate launches of a bare app and the reader; print medians and their ratio."""
    if shutil.which("tmux") is None:
        print("startup: NOT RUN: tmux is not installed (apt-get install tmux)", file=sys.stderr)
        return {}
    reader = Path(sys.executable).parent / "reader"
    bare_script = workdir / "bare_app.py"
    bare_script.write_text(BARE_APP, encoding="utf-8")
    env = _env(workdir)
    bare: list[float] = []
    ours: list[float] = []
    for i in range(RUNS):
        bare.append(
            _time_to_visible(
                [sys.executable, str(bare_script)], "bare textual app", env, workdir / f"b{i}.sock"
            )
        )
        ours.append(
            _time_to_visible(
                [str(reader), str(bundled("seeds"))], "block 1/", env, workdir / f"r{i}.sock"
            )
        )
    figures = {
        "bare_ms": statistics.median(bare) * 1000,
        "reader_ms": statistics.median(ours) * 1000,
    }
    figures["ratio"] = figures["reader_ms"] / figures["bare_ms"]
    width, height = TERMINAL
    print(
        f"startup: launch until visible in tmux at {width}x{height} (median of {RUNS}, alternating)"
    )
    print(f"  bare Textual app, one line  {figures['bare_ms']:>7.0f} ms")
    print(f"  reader seeds/               {figures['reader_ms']:>7.0f} ms")
    print(f"  ratio                       {figures['ratio']:>7.2f}    (target <= {TARGET_RATIO})")
    return figures


def _env(workdir: Path) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"COLORTERM", "NO_COLOR", "TMUX"} and not key.startswith("TEXTUAL")
    }
    env.update(
        TERM="xterm-256color",
        XDG_STATE_HOME=str(workdir / "startup-state"),
        XDG_CONFIG_HOME=str(workdir / "startup-config"),
        XDG_CACHE_HOME=str(workdir / "startup-cache"),
    )
    return env


def _time_to_visible(command: list[str], marker: str, env: dict[str, str], sock: Path) -> float:
    """Seconds from starting `command` in a fresh tmux server until `marker` is on screen.

    The pane waits on `tmux wait-for` before it execs the command, so the clock starts when
    the program does, not when tmux does."""
    width, height = TERMINAL
    tmux = ["tmux", "-S", str(sock)]
    gate = shlex.join([*tmux, "wait-for", "go"])
    shell = f"{gate}; exec {shlex.join(command)}"
    subprocess.run(
        [
            *tmux,
            "-f",
            "/dev/null",
            "new-session",
            "-d",
            "-x",
            str(width),
            "-y",
            str(height),
            "sh",
            "-c",
            shell,
        ],
        env=env,
        check=True,
        timeout=10,
    )
    try:
        start = time.perf_counter()
        subprocess.run([*tmux, "wait-for", "-S", "go"], check=True, timeout=10)
        deadline = start + TIMEOUT_S
        while time.perf_counter() < deadline:
            screen = subprocess.run(
                [*tmux, "capture-pane", "-p"], capture_output=True, text=True, check=False
            ).stdout
            if marker in screen:
                return time.perf_counter() - start
            time.sleep(POLL_S)
        return float("nan")
    finally:
        subprocess.run([*tmux, "kill-server"], capture_output=True, check=False, timeout=10)
