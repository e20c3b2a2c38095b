"""UI benchmark (issue 3): first paint, key latency and peak memory at 100 to 100,000 blocks.

Each article size runs in its own subprocess (`python -m benchmarks.ui ARTICLE`), so the peak
memory (peak RSS) is that size's alone and no size warms a cache for the next. The probe runs
the real app headless (`App.run_test` at 160x48) with the real classifier and times frames, not
messages: `_TimedApp._display` is where Textual hands a composed frame to the terminal driver,
and the probe also renders that frame to the escape sequences a terminal would receive (the
headless driver skips that step), so a frame's time includes building what would be written.

- first paint: from entering `run_test` (the app starting) to the first frame drawn while the
  view holds a classified article, so it includes classification (in its worker thread). The
  app shows a long article in two steps (its first screenful as soon as that is classified,
  then all of it): "first paint" is the first step, "all classified" the frame after the
  second. Loading and parsing the file before the app starts is reported beside them.
- key latency is measured once the whole article is classified (no worker competing); for a
  long article, j is also timed while the rest of it is still being classified (the first
  part on screen, the worker running), against the idle figure (target <= 1.5x).
- key latency: from sending the key (`pilot.press`) to the first frame after it; the median of
  `PRESSES` presses of j (from the top), G (each after an unmeasured g) and n (after a search
  for a word in ~9% of paragraphs).
- The probe runs with TEXTUAL_FPS=1000: Textual paces frames at 60 per second by default, which
  would add a random 0-17 ms wait for the next frame slot to every press and hide the app's own
  cost. A real terminal adds up to that one frame slot on top of these figures.

Ratios are against the 100-block article measured in the same run. No asserts: the figures
are printed beside their targets.
"""

from __future__ import annotations

import asyncio
import json
import math
import statistics
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from benchmarks.generate import write_article
from benchmarks.measure import peak_rss_bytes, run_probe, wait_for

if TYPE_CHECKING:
    from textual.pilot import Pilot

    from reader.config import Config
    from reader.model import Article
    from reader.ui.app import ReaderApp

SIZES = (100, 10_000, 100_000)
TERMINAL = (160, 48)
PRESSES = 30
SEARCH = "istanbul"
FRAME_TIMEOUT_S = 5.0
BUSY_SETTLE_S = 0.05
FIRST_PAINT_TIMEOUT_S = 120.0
KEYS = ("j", "G", "n")
FIGURES = (
    "load_s",
    "first_paint_s",
    "classified_s",
    "j_busy_ms",
    "j_busy_presses",
    "j_ms",
    "G_ms",
    "n_ms",
    "rss_mb",
)

TARGET_FIRST_PAINT_S = 1.5
TARGET_KEY_MS = 30.0
TARGET_KEY_RATIO = 1.5
TARGET_BUSY_RATIO = 1.5
TARGET_MEMORY_MB = 300.0


def run(workdir: Path) -> dict[str, float]:
    """Measure every size in its own subprocess, print the table, return the figures."""
    rows: dict[int, dict[str, float]] = {}
    for size in SIZES:
        path = write_article(workdir / f"ui-{size}.txt", size)
        rows[size] = _probe_in_subprocess(path, workdir)
    figures: dict[str, float] = {}
    for size, row in rows.items():
        figures.update({f"{name}_{size}": value for name, value in row.items()})
    base, top = rows[SIZES[0]], rows[SIZES[-1]]
    for key in KEYS:
        figures[f"ratio_{key}"] = top[f"{key}_ms"] / base[f"{key}_ms"]
    figures["ratio_j_busy"] = top["j_busy_ms"] / top["j_ms"]
    _print_table(rows, figures)
    return figures


def _probe_in_subprocess(path: Path, workdir: Path) -> dict[str, float]:
    return run_probe("benchmarks.ui", path, workdir, FIGURES, f"ui ({path.name})")


def _print_table(rows: dict[int, dict[str, float]], figures: dict[str, float]) -> None:
    width, height = TERMINAL
    print(
        f"ui: headless run_test at {width}x{height}, real classifier, "
        f"median of {PRESSES} presses per key (frame pacing lifted: TEXTUAL_FPS=1000)"
    )
    print(
        f"  {'blocks':>8}  {'load+parse':>10}  {'first paint':>11}  {'all classified':>14}  "
        f"{'j':>8}  {'G':>8}  {'n':>8}  {'max RSS':>8}"
    )
    for size, row in rows.items():
        print(
            f"  {size:>8,}  {row['load_s']:>8.2f} s  {row['first_paint_s']:>9.2f} s  "
            f"{row['classified_s']:>12.2f} s  "
            f"{row['j_ms']:>5.1f} ms  {row['G_ms']:>5.1f} ms  {row['n_ms']:>5.1f} ms  "
            f"{row['rss_mb']:>5.0f} MB"
        )
    top = rows[SIZES[-1]]
    ratios = "  ".join(f"{key} {figures[f'ratio_{key}']:.2f}" for key in KEYS)
    worst = max(top[f"{key}_ms"] for key in KEYS)
    print(
        f"  key latency at {SIZES[-1]:,} / at {SIZES[0]:,}:  {ratios}  "
        f"(target <= {TARGET_KEY_RATIO})"
    )
    print(
        f"  j at {SIZES[-1]:,} while the rest is classified: {top['j_busy_ms']:.1f} ms "
        f"(median of {top['j_busy_presses']:.0f} presses) against {top['j_ms']:.1f} ms idle: "
        f"{figures['ratio_j_busy']:.2f}x (target <= {TARGET_BUSY_RATIO})"
    )
    print(
        f"  worst key median at {SIZES[-1]:,}: {worst:.1f} ms (target < {TARGET_KEY_MS:.0f} ms); "
        f"first paint {top['first_paint_s']:.2f} s (target < {TARGET_FIRST_PAINT_S} s; "
        f"all classified {top['classified_s']:.2f} s); "
        f"max RSS {top['rss_mb']:.0f} MB (target < {TARGET_MEMORY_MB:.0f} MB)"
    )


# --- the probe (runs in the subprocess) ---------------------------------------------------


def probe(path: Path) -> dict[str, float]:
    """Open `path` in the app and measure it; Textual is imported only here."""
    from reader.config import load_config
    from reader.load import load
    from reader.parse import parse

    start = time.perf_counter()
    articles = [parse(document) for document in load([str(path)]).documents]
    config = load_config()
    load_s = time.perf_counter() - start
    figures = asyncio.run(_drive(articles, config))
    figures["load_s"] = load_s
    figures["rss_mb"] = peak_rss_bytes() / 1e6
    return figures


def _timed_app(
    articles: Sequence[Article],
    config: Config,
    frames: list[float],
    article_frame: list[float],
    whole_frame: list[float],
) -> ReaderApp:
    """The reader app, appending to `frames` the time each frame is handed to the terminal
    driver, to `article_frame` the time of the first frame that shows the article (its first
    part, for a long article) and to `whole_frame` that of the first with all of it classified."""
    from rich.console import RenderableType
    from textual._compositor import CompositorUpdate
    from textual.screen import Screen

    from reader.ui.app import ReaderApp

    class TimedApp(ReaderApp):
        def _display(self, screen: Screen[Any], renderable: RenderableType | None) -> None:
            super()._display(screen, renderable)
            if renderable is None or self._batch_count:
                return
            if isinstance(renderable, CompositorUpdate):
                # What a real driver would write; the headless driver skips building it.
                renderable.render_segments(self.console)
            now = time.perf_counter()
            frames.append(now)
            if not article_frame and self.view.classified is not None:
                article_frame.append(now)
            if not whole_frame and self.classified is not None:
                whole_frame.append(now)

    return TimedApp(articles, config)


async def _drive(articles: Sequence[Article], config: Config) -> dict[str, float]:
    frames: list[float] = []
    article_frame: list[float] = []
    whole_frame: list[float] = []
    app = _timed_app(articles, config, frames, article_frame, whole_frame)
    start = time.perf_counter()
    async with app.run_test(size=TERMINAL) as pilot:

        async def timed(key: str, *, busy: bool = False) -> float:
            count = len(frames)
            sent = time.perf_counter()
            if busy:
                # `pilot.press` and `pilot.pause` wait for an idle process (up to 1 s each)
                # and the worker keeps it busy: post the key as the driver does, and give the
                # follow-up frames a fixed moment.
                _send_key(app, key)
            else:
                await pilot.press(key)
            await wait_for(lambda: len(frames) > count, FRAME_TIMEOUT_S)
            latency = (frames[count] - sent) * 1000 if len(frames) > count else math.nan
            if busy:
                await asyncio.sleep(BUSY_SETTLE_S)
            else:
                await _settle(pilot)
            return latency

        await wait_for(lambda: bool(article_frame) or not app.is_running, FIRST_PAINT_TIMEOUT_S)
        # While the rest of a long article is classified: only presses answered before the
        # whole article arrived count.
        busy: list[float] = []
        while article_frame and not whole_frame and len(busy) < PRESSES:
            latency = await timed("j", busy=True)
            if not whole_frame:
                busy.append(latency)
        await wait_for(lambda: bool(whole_frame) or not app.is_running, FIRST_PAINT_TIMEOUT_S)
        if not (article_frame and whole_frame):
            # A crashed or stuck app: stop here rather than time out on every key.
            raise RuntimeError("the classified article never appeared on screen")
        first_paint = article_frame[0] - start
        classified = whole_frame[0] - start
        await app.workers.wait_for_complete()
        await _settle(pilot)

        async def untimed(*keys: str) -> None:
            await pilot.press(*keys)
            await _settle(pilot)

        j = [await timed("j") for _ in range(PRESSES)]
        big_g: list[float] = []
        for _ in range(PRESSES):
            await untimed("g")
            big_g.append(await timed("G"))
        await untimed("g", "slash", *SEARCH)
        await asyncio.sleep(0.3)  # large articles debounce the search while typing
        await untimed("enter")
        n = [await timed("n") for _ in range(PRESSES)]
    return {
        "first_paint_s": first_paint,
        "classified_s": classified,
        "j_busy_ms": statistics.median(busy) if busy else math.nan,
        "j_busy_presses": float(len(busy)),
        "j_ms": statistics.median(j),
        "G_ms": statistics.median(big_g),
        "n_ms": statistics.median(n),
    }


def _send_key(app: ReaderApp, key: str) -> None:
    """The key event the terminal driver would post for `key` (a printable character)."""
    from textual import events

    event = events.Key(key, key)
    event.set_sender(app)
    assert app._driver is not None
    app._driver.send_message(event)


async def _settle(pilot: Pilot[None]) -> None:
    """Let every follow-up frame of the last key be drawn before the next key is sent."""
    await pilot.pause()


if __name__ == "__main__":
    print(json.dumps(probe(Path(sys.argv[1]))))
