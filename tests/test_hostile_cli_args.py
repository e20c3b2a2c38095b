"""--max-size spellings (issue 13.13) and crash logs (issue 13.14)."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from reader import cli
from reader.cli import EXIT_BAD_INPUT, EXIT_CRASH, EXIT_OK, run
from reader.resources import bundled

SEED = str(bundled("seeds") / "000_411166840a9e04ac.txt")


def reader(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = run(list(argv), out, err)
    return status, out.getvalue(), err.getvalue()


@pytest.mark.parametrize(
    "size", ["infM", "nanK", "1e400M", "99999999999999999999999999G", "-1", "0", "0.2", "M", ""]
)
def test_a_max_size_that_means_nothing_is_one_usage_line(size: str) -> None:
    status, out, err = reader("classify", SEED, "--max-size", size)
    assert (status, out) == (EXIT_BAD_INPUT, "")
    assert err.count("\n") == 1 and "--max-size" in err and "expected a size" in err, err


@pytest.mark.parametrize("size", ["1.5M", "64M", "1g", "100000", "64kb"])
def test_sizes_people_write_still_work(size: str) -> None:
    status, _, err = reader("classify", SEED, "--max-size", size)
    assert (status, err) == (EXIT_OK, "")


def test_a_small_max_size_is_a_limit_not_the_default() -> None:
    status, _, err = reader("classify", SEED, "--max-size", "10")
    assert status == EXIT_BAD_INPUT and "over the 10 bytes limit" in err


def test_four_crashes_in_one_second_keep_four_logs(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_: object) -> int:
        raise RuntimeError("injected")

    monkeypatch.setattr(cli, "_classify", broken)
    statuses = []
    for _ in range(4):
        with pytest.raises(SystemExit) as exit_info:
            cli.main(["classify", SEED])
        statuses.append(exit_info.value.code)
    assert statuses == [EXIT_CRASH] * 4
    logs = list((Path(os.environ["XDG_STATE_HOME"]) / "reader" / "crashes").glob("*.log"))
    assert len(logs) == 4
