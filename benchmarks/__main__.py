"""Run every benchmark and print its figures.

python -m benchmarks [core|ui|terminal|rules|startup|keys|extract|compare]
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from benchmarks import compare, core, keys, rules, startup, terminal, ui
from benchmarks.extract import score as extract

SUITES: dict[str, Callable[[Path], object]] = {
    "core": core.run,
    "rules": rules.run,
    "ui": ui.run,
    "terminal": terminal.run,
    "startup": startup.run,
    "keys": keys.run,
    "extract": extract.run,
    "compare": compare.run,
}


def main(argv: list[str]) -> int:
    """Run the named suites (all by default)."""
    names = argv or list(SUITES)
    unknown = [name for name in names if name not in SUITES]
    if unknown:
        print(f"unknown benchmark {unknown[0]!r}; choose from {', '.join(SUITES)}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="reader-bench-") as tmp:
        for name in names:
            SUITES[name](Path(tmp))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
