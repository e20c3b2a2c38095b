"""The progress bar `reader stats` draws on a terminal's stderr (rich's), here because only
reader.ui may import rich: the command passes it to the headless core (`reader.stats`)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TextIO

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from reader.stats import Progress as StatsProgress


def progress_bar(err: TextIO) -> StatsProgress:
    """A `reader.stats.Progress` drawing on `err`; it disappears when the run ends."""

    @contextmanager
    def bar(total: int | None) -> Iterator[Callable[[], None]]:
        shown = Progress(
            TextColumn("stats"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("articles"),
            TimeRemainingColumn(),
            console=Console(file=err),
            transient=True,
        )
        task = shown.add_task("stats", total=total)
        with shown:
            yield lambda: shown.advance(task)

    return bar
