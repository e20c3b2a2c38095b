"""What the benchmarks share: medians (the machines are shared and noisy) and peak memory."""

from __future__ import annotations

import asyncio
import json
import math
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path


def median_seconds(action: Callable[[], object], runs: int = 3) -> float:
    """The median wall time of `runs` calls of `action`."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def peak_rss_bytes() -> int:
    """This process's peak resident memory.

    Read from /proc (VmHWM), not `ru_maxrss`: Linux keeps `ru_maxrss` across exec, so a
    probe started from a large benchmark process would report its parent's size.
    """
    with Path("/proc/self/status").open(encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    raise RuntimeError("no VmHWM in /proc/self/status")


async def wait_for(condition: Callable[[], bool], timeout: float) -> bool:
    """Poll `condition` from an async probe until it holds (True) or `timeout` passes (False)."""
    deadline = time.perf_counter() + timeout
    while not condition():
        if time.perf_counter() > deadline:
            return False
        await asyncio.sleep(0.0005)
    return True


def run_probe(
    module: str, argument: Path, workdir: Path, figures: Sequence[str], what: str
) -> dict[str, float]:
    """Run a Textual probe (`python -m module argument`) in a fresh interpreter and read the
    figures it prints as JSON on its last line; NaN for each when it fails (said on stderr).

    Why a subprocess: each probe starts Textual from cold, as a user's run does, and the state,
    config and cache folders are the probe's own, so saved positions, a user's config or a
    warm rules cache elsewhere never change what is measured.
    """
    env = dict(os.environ)
    env["TEXTUAL_FPS"] = "1000"
    env["XDG_STATE_HOME"] = str(workdir / "probe-state")
    env["XDG_CONFIG_HOME"] = str(workdir / "probe-config")
    env["XDG_CACHE_HOME"] = str(workdir / "probe-cache")  # compiled rules: warm after the first
    env.pop("NO_COLOR", None)
    done = subprocess.run(
        [sys.executable, "-m", module, str(argument)],
        capture_output=True,
        text=True,
        check=False,
        cwd=Path(__file__).resolve().parent.parent,
        env=env,
    )
    if done.returncode != 0:
        tail = (done.stderr.strip().splitlines() or ["no output"])[-1]
        print(f"{what}: the probe failed: {tail}", file=sys.stderr)
        return dict.fromkeys(figures, math.nan)
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result
