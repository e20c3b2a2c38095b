"""Start-up benchmark (issue 12.20): how long until the seed article is visible in a real terminal,
against a bare Textual app showing one line, both measured in the same run in tmux.

Each launch gets its own tmux server (a socket in the work folder, killed afterwards) at
160x48 and the screen is polled with `capture-pane` until the marker shows: the reader's status
line ("block 1/", drawn in the frame that shows the article) or the bare app's one line. The
CPU time the process had used by then (all its threads, from /proc: the scheduler's run time
in nanoseconds, or user + system in 10 ms clock ticks where that is missing) is read at that
moment too: on a machine shared with other work the wall clock waits for the other
processes, the CPU time much less. (Clock ticks alone put each median on a 10 ms step: 200
against 280 ms read as 1.40 for anything from 1.35 to 1.45.) Launches alternate between the
two so a busy machine slows both alike; the figures are medians of `RUNS` each and the
ratios are reader / bare (target <= 1.3).

Both start as an installed program does from its second start on: one launch of each comes
first and is not counted (it writes the bytecode of every module, under the work folder, and
the reader's caches of compiled rules, themes and start-up regexes), and runs for `SETTLE_S`
after it shows before its terminal goes (the reader notes its start-up regexes once the first
screen is drawn, a frame or two after it shows: killed at once, as the counted launches are,
it never wrote them and every counted launch compiled them again, which no user's second
start does), and
PYTHONDONTWRITEBYTECODE is dropped for the launches (a development shell that sets it would
have the reader compile every one of its modules at each start, while Textual's came
compiled from pip).
"""

from __future__ import annotations

import contextlib
import os
import shlex
import shutil
import signal
import statistics
import subprocess
import sys
import time
from pathlib import Path

from reader.resources import bundled

RUNS = 7
CLOCK_TICK_S = 1 / os.sysconf("SC_CLK_TCK")
TERMINAL = (160, 48)
TIMEOUT_S = 20.0
POLL_S = 0.005
TARGET_RATIO = 1.3
SETTLE_S = 1.0
"""How long the uncounted first launch of each runs after it shows (see the docstring)."""
EXIT_S = 3.0
"""How long a launch may take to quit once its terminal is gone (SIGHUP) before it is killed."""

BARE_APP = """
from textual.app import App, ComposeResult
from textual.widgets import Static

class Bare(App[None]):
    def compose(self) -> ComposeResult:
        yield Static("bare textual app is up")

Bare().run()
"""


def run(workdir: Path) -> dict[str, float]:
    """Alternate launches of a bare app and the reader; print medians (wall and CPU) and the
    ratios."""
    if shutil.which("tmux") is None:
        print("startup: NOT RUN: tmux is not installed (apt-get install tmux)", file=sys.stderr)
        return {}
    reader = Path(sys.executable).parent / "reader"
    bare_script = workdir / "bare_app.py"
    bare_script.write_text(BARE_APP, encoding="utf-8")
    env = _env(workdir)
    launches = {
        "bare": ([sys.executable, str(bare_script)], "bare textual app"),
        "reader": ([str(reader), str(bundled("seeds"))], "block 1/"),
    }
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in launches}
    hung = {name: 0 for name in launches}
    for i in range(RUNS + 1):  # the first round writes bytecode and caches: not counted
        for name, (command, marker) in launches.items():
            sock = workdir / f"{name}{i}.sock"
            settle = 0.0 if i else SETTLE_S
            wall, cpu, exited = _time_to_visible(command, marker, env, sock, settle)
            hung[name] += not exited
            if i:
                times[name].append((wall, cpu))
    figures = {}
    for name, pairs in times.items():
        walls, cpus = zip(*pairs, strict=True)
        figures[f"{name}_ms"] = statistics.median(walls) * 1000
        figures[f"{name}_cpu_ms"] = statistics.median(cpus) * 1000
    figures["ratio"] = figures["reader_ms"] / figures["bare_ms"]
    figures["cpu_ratio"] = figures["reader_cpu_ms"] / figures["bare_cpu_ms"]
    _report(figures)
    for name, count in hung.items():
        if count:
            print(
                f"  {name}: {count} of {RUNS + 1} launches did not quit within {EXIT_S:.0f} s "
                "of losing their terminal (SIGHUP) and were killed"
            )
    return figures


def _report(figures: dict[str, float]) -> None:
    width, height = TERMINAL
    load = ", ".join(f"{value:.2f}" for value in os.getloadavg())
    print(
        f"startup: launch until visible in tmux at {width}x{height} (median of {RUNS}, "
        f"alternating; load average {load})"
    )
    print(f"  {'':28}{'wall':>7} {'CPU':>7}")
    for name, label in (("bare", "bare Textual app, one line"), ("reader", "reader seeds/")):
        wall, cpu = figures[f"{name}_ms"], figures[f"{name}_cpu_ms"]
        print(f"  {label:28}{wall:>5.0f}ms {cpu:>5.0f}ms")
    ratios = f"{figures['ratio']:>7.2f} {figures['cpu_ratio']:>7.2f}"
    print(f"  {'ratio':28}{ratios}  (target <= {TARGET_RATIO})")


def _env(workdir: Path) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"COLORTERM", "NO_COLOR", "TMUX", "PYTHONDONTWRITEBYTECODE"}
        and not key.startswith("TEXTUAL")
    }
    env.update(
        TERM="xterm-256color",
        PYTHONPYCACHEPREFIX=str(workdir / "startup-bytecode"),
        XDG_STATE_HOME=str(workdir / "startup-state"),
        XDG_CONFIG_HOME=str(workdir / "startup-config"),
        XDG_CACHE_HOME=str(workdir / "startup-cache"),
    )
    return env


def _time_to_visible(
    command: list[str], marker: str, env: dict[str, str], sock: Path, settle: float = 0.0
) -> tuple[float, float, bool]:
    """Seconds from starting `command` in a fresh tmux server until `marker` is on screen, the
    CPU seconds the program had used by then (nan, nan if it never showed), and whether it
    quit by itself when the server was killed (else it is killed: no launch outlives the run).
    The server is killed `settle` seconds after the marker showed.

    The pane waits on `tmux wait-for` before it execs the command, so the clock starts when
    the program does, not when tmux does; the pane's process becomes the program."""
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
    pid, wall, cpu = "", float("nan"), float("nan")
    try:
        pid = subprocess.run(
            [*tmux, "display-message", "-p", "#{pane_pid}"],
            capture_output=True,
            text=True,
            check=True,
            timeout=10,
        ).stdout.strip()
        start = time.perf_counter()
        subprocess.run([*tmux, "wait-for", "-S", "go"], check=True, timeout=10)
        deadline = start + TIMEOUT_S
        while time.perf_counter() < deadline:
            screen = subprocess.run(
                [*tmux, "capture-pane", "-p"], capture_output=True, text=True, check=False
            ).stdout
            if marker in screen:
                wall, cpu = time.perf_counter() - start, _cpu_seconds(pid)
                time.sleep(settle)
                break
            time.sleep(POLL_S)
    finally:
        subprocess.run([*tmux, "kill-server"], capture_output=True, check=False, timeout=10)
        exited = _quits(pid)
    return wall, cpu, exited


def _quits(pid: str) -> bool:
    """Wait up to `EXIT_S` for process `pid` to end; kill it if it does not. Whether it ended
    by itself (a zombie waiting to be reaped has ended)."""
    if not pid:
        return True
    deadline = time.perf_counter() + EXIT_S
    while _running(pid):
        if time.perf_counter() > deadline:
            with contextlib.suppress(ProcessLookupError):
                os.kill(int(pid), signal.SIGKILL)
            return False
        time.sleep(0.05)
    return True


def _running(pid: str) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="ascii")
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def _cpu_seconds(pid: str) -> float:
    """CPU seconds process `pid` (all its threads) has run so far; nan if it is gone.

    The sum of its threads' run times (schedstat, nanoseconds); both programs keep their
    threads (Textual's input thread, the reader's worker pool) until they quit. Without
    schedstat: user + system time in clock ticks."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="ascii")
    except OSError:
        return float("nan")
    fields = stat.rsplit(")", 1)[1].split()  # after the command name, which may hold spaces
    ticks = (int(fields[11]) + int(fields[12])) * CLOCK_TICK_S  # utime, stime
    run_ns = 0
    try:
        for task in Path(f"/proc/{pid}/task").iterdir():
            run_ns += int((task / "schedstat").read_text(encoding="ascii").split()[0])
    except (OSError, ValueError, IndexError):
        return ticks
    return run_ns / 1e9
