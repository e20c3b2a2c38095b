"""Comparing outlets (issue 11): `reader stats` on one core and on all, the compare screen with
50 open articles, and key latency in the actor lens against the reader's, all in one run.

- stats: 2,000 generated articles of 30 paragraphs (one file each), the whole `reader stats`
  path (read, parse, classify, count, write CSV to a null sink) with one process and with a
  pool over every core; the pool's time includes starting its processes. Median of `RUNS`.
  Beside them the control (two independent one-process commands on the halves at once against
  one on both: what the loaded machine gives right now), the pool's speed-up as a share of the
  control's, and the CPU time of each (this process and its children): on a shared machine the
  wall times say how busy it was, the CPU ratio what the pool itself costs.
- compare screen: 50 open articles of 30 paragraphs, all classified beforehand; from pressing
  `c` to the first frame that shows the table with all 50 rows. Median of `OPENS` opens.
- lens: j presses in the reader and in the actor lens (Russia over the same 50 articles), each
  from the key to the first frame after it; the median of `PRESSES` each, and their ratio.

The UI parts run in a subprocess with TEXTUAL_FPS=1000 (as benchmarks.ui does: Textual's
frame pacing would add a random wait to every press). No asserts: figures beside targets.
"""

from __future__ import annotations

import asyncio
import io
import json
import math
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from benchmarks.generate import write_article
from benchmarks.measure import median_seconds, run_probe, wait_for

if TYPE_CHECKING:
    from textual.pilot import Pilot

    from reader.ui.app import ReaderApp

ARTICLES = 2_000
PARAGRAPHS = 30
RUNS = 3
OPEN_ARTICLES = 50
OPENS = 5
PRESSES = 30
TERMINAL = (160, 48)
TARGET_SPEEDUP = 1.7
TARGET_OPEN_S = 0.5
TARGET_LENS_RATIO = 1.5

_ROOT = Path(__file__).resolve().parent.parent


def corpus(folder: Path, count: int, first: int = 0) -> list[str]:
    """`count` generated articles in `folder`, article n from seed n (from `first`)."""
    folder.mkdir(parents=True, exist_ok=True)
    return [
        str(write_article(folder / f"article-{n:04d}.txt", PARAGRAPHS, seed=n))
        for n in range(first, first + count)
    ]


def _command(*args: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "reader", "stats", *args],
        stdout=subprocess.DEVNULL,
        cwd=_ROOT,
    )


def _both_at_once(halves: list[Path]) -> None:
    """The control: two independent one-process `reader stats` on the halves at once."""
    started = [_command(str(half), "--jobs", "1") for half in halves]
    for process in started:
        process.wait()


def _one_on_both(halves: list[Path]) -> None:
    _command(*map(str, halves), "--jobs", "1").wait()


def _cpu_seconds() -> float:
    """CPU time of this process and of its children that have ended (pool workers, commands)."""
    own, children = (
        resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
    )
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _interleaved(
    actions: dict[str, Callable[[], None]], runs: int
) -> tuple[dict[str, float], dict[str, float]]:
    """The median wall time and CPU time of each action, the actions taking turns run after
    run: the load the other users put on a shared machine drifts, and turns spread the drift
    over all of them. CPU time hardly depends on that load: it shows the work an action adds."""
    times: dict[str, list[float]] = {name: [] for name in actions}
    cpu: dict[str, list[float]] = {name: [] for name in actions}
    for _ in range(runs):
        for name, action in actions.items():
            before = _cpu_seconds()
            times[name].append(median_seconds(action, 1))
            cpu[name].append(_cpu_seconds() - before)
    return (
        {name: statistics.median(values) for name, values in times.items()},
        {name: statistics.median(values) for name, values in cpu.items()},
    )


def run(workdir: Path) -> dict[str, float]:
    from reader.config import load_config
    from reader.stats import default_workers, run_stats

    halves = [workdir / "stats-corpus" / half for half in ("a", "b")]
    half = ARTICLES // 2
    paths = corpus(halves[0], half) + corpus(halves[1], ARTICLES - half, first=half)
    config = load_config()
    cores = default_workers()

    def stats(workers: int) -> Callable[[], None]:
        def go() -> None:
            problems = run_stats(
                paths,
                fmt="csv",
                config=config,
                workers=workers,
                out=io.StringIO(),
                stdin=io.StringIO(),
                say=lambda message: None,
            )
            assert problems == 0

        return go

    medians, cpu = _interleaved(
        {
            "one": stats(1),
            "pool": stats(cores),
            "control_one": lambda: _one_on_both(halves),
            "control_two": lambda: _both_at_once(halves),
        },
        RUNS,
    )
    one, pool = medians["one"], medians["pool"]
    control = medians["control_one"] / medians["control_two"]
    # The pool's speed-up as a share of what two processes got from the machine at that time:
    # 1.0 = the pool loses nothing to its own coordination (pickling, ordering, start-up).
    of_control = (one / pool) / control
    ui = _probe_in_subprocess(workdir)
    figures = {
        "stats_control_parallelism": control,
        "stats_one_process_s": one,
        "stats_pool_s": pool,
        "stats_speedup": one / pool,
        "stats_speedup_of_control": of_control,
        "stats_pool_cpu_ratio": cpu["pool"] / cpu["one"],
        "stats_control_cpu_ratio": cpu["control_two"] / cpu["control_one"],
        "stats_cores": float(cores),
        **ui,
    }
    print(
        f"compare: stats over {ARTICLES:,} articles of {PARAGRAPHS} paragraphs "
        f"(median of {RUNS}, runs taking turns; {cores} cores)"
    )
    print(f"  one process               {one:8.2f} s   {ARTICLES / one:,.0f} articles/s")
    print(
        f"  pool of {cores} processes       {pool:8.2f} s   {ARTICLES / pool:,.0f} articles/s  "
        f"speed-up {one / pool:.2f}x (target >= {TARGET_SPEEDUP}x on 2 cores)"
    )
    print(
        f"  control: two independent one-process runs on the halves at once are {control:.2f}x "
        "faster than one on both (what this machine gives right now; 2.0 = two idle cores)"
    )
    print(
        f"  CPU time: one process {cpu['one']:.2f} s, pool {cpu['pool']:.2f} s (all processes), "
        f"ratio {cpu['pool'] / cpu['one']:.2f}; control two at once / one "
        f"{cpu['control_two'] / cpu['control_one']:.2f} (CPU that running two at once costs)"
    )
    print(
        f"  pool speed-up / control     {of_control:8.2f}     "
        "(1.00 = the pool gets all the parallelism the machine gives right now)"
    )
    print(
        f"  compare screen, {OPEN_ARTICLES} articles  {ui['compare_open_s']:8.3f} s   "
        f"from c to the table (median of {OPENS}; target < {TARGET_OPEN_S} s)"
    )
    print(
        f"  key j: reader {ui['reader_j_ms']:.1f} ms, lens {ui['lens_j_ms']:.1f} ms  "
        f"ratio {ui['lens_ratio']:.2f} (target <= {TARGET_LENS_RATIO}; median of {PRESSES})"
    )
    return figures


def _probe_in_subprocess(workdir: Path) -> dict[str, float]:
    figures = ("compare_open_s", "reader_j_ms", "lens_j_ms", "lens_ratio")
    return run_probe("benchmarks.compare", workdir / "compare-open", workdir, figures, "compare")


# --- the UI probe (runs in the subprocess) ------------------------------------------------


def probe(folder: Path) -> dict[str, float]:
    from reader.classify import classify
    from reader.config import load_config
    from reader.load import load
    from reader.parse import parse

    config = load_config()
    articles = [parse(d) for d in load(corpus(folder, OPEN_ARTICLES)).documents]
    done = {article.source: classify(article, config) for article in articles}
    frames: list[float] = []
    tables: list[float] = []
    app = _timed_app(articles, config, done, frames, tables)
    return asyncio.run(_drive(app, frames, tables))


def _timed_app(
    articles: list[Any],
    config: Any,
    done: dict[str, Any],
    frames: list[float],
    tables: list[float],
) -> ReaderApp:
    """The reader app, appending to `frames` the time each frame is handed to the terminal
    driver, and to `tables` that of each frame showing the compare table with every row."""
    from rich.console import RenderableType
    from textual._compositor import CompositorUpdate
    from textual.screen import Screen

    from reader.ui.app import ReaderApp
    from reader.ui.compare import CompareScreen

    class TimedApp(ReaderApp):
        def _display(self, screen: Screen[Any], renderable: RenderableType | None) -> None:
            super()._display(screen, renderable)
            if renderable is None or self._batch_count:
                return
            if isinstance(renderable, CompositorUpdate):
                renderable.render_segments(self.console)
            now = time.perf_counter()
            frames.append(now)
            if isinstance(screen, CompareScreen) and screen.table.row_count == OPEN_ARTICLES:
                tables.append(now)

    # Classification is done beforehand: the screens are measured, not the classifier.
    return TimedApp(articles, config, classifier=lambda article, _: done[article.source])


async def _drive(app: ReaderApp, frames: list[float], tables: list[float]) -> dict[str, float]:
    from reader.ui.compare import CompareScreen
    from reader.ui.lens import LensScreen

    async with app.run_test(size=TERMINAL) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()

        def table_shown() -> bool:
            screen = app.screen
            return isinstance(screen, CompareScreen) and screen.table.row_count == OPEN_ARTICLES

        await pilot.press("c")  # the first open classifies (here: looks up) the others
        await wait_for(table_shown, 30.0)
        await app.workers.wait_for_complete()
        await pilot.press("escape")
        await pilot.pause()
        opens: list[float] = []
        for _ in range(OPENS):
            count = len(tables)
            sent = time.perf_counter()
            await pilot.press("c")
            opens.append(await _next_frame(tables, count) - sent)
            await pilot.press("escape")
            await pilot.pause()
        reader_j = await _presses(pilot, frames, "j")
        await pilot.press("2", "v")  # Russia's panel, then the lens on it
        await wait_for(lambda: isinstance(app.screen, LensScreen), 10.0)
        await app.workers.wait_for_complete()
        await pilot.pause()
        lens_j = await _presses(pilot, frames, "j")
    return {
        "compare_open_s": statistics.median(opens),
        "reader_j_ms": reader_j,
        "lens_j_ms": lens_j,
        "lens_ratio": lens_j / reader_j,
    }


async def _presses(pilot: Pilot[None], frames: list[float], key: str) -> float:
    times = []
    for _ in range(PRESSES):
        count = len(frames)
        sent = time.perf_counter()
        await pilot.press(key)
        times.append((await _next_frame(frames, count) - sent) * 1000)
        await pilot.pause()
    return statistics.median(times)


async def _next_frame(frames: list[float], count: int) -> float:
    """The time of frame number `count` (0-based), once it is drawn; NaN if it never is."""
    await wait_for(lambda: len(frames) > count, 5.0)
    return frames[count] if len(frames) > count else math.nan


if __name__ == "__main__":
    print(json.dumps(probe(Path(sys.argv[1]))))
