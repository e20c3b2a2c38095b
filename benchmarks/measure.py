"""What the benchmarks share: medians (the machines are shared and noisy) and peak memory."""

from __future__ import annotations

import asyncio
import statistics
import time
from collections.abc import Callable
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
