"""Start-up (issue 12.20): what `reader ARTICLE` does before its first screen is kept to what
that screen needs. The timings themselves are measured by `python -m benchmarks startup`,
never asserted here; these tests pin the decisions that the timings rest on."""

from __future__ import annotations

import gc
import io
from pathlib import Path

from reader.cli import EXIT_BAD_INPUT, run


def test_the_collector_is_running_again_when_the_reader_could_not_open(tmp_path: Path) -> None:
    """The reader pauses the garbage collector while it starts; every way out resumes it."""
    assert gc.isenabled()

    status = run([str(tmp_path / "missing.txt")], io.StringIO(), io.StringIO())

    assert status == EXIT_BAD_INPUT
    assert gc.isenabled()
