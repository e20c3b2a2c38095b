"""The headless core stays headless and cheap to start: `reader classify` in a pipe must not pay
for Textual, and nothing below reader/ui may depend on it (harlequin guards its cold start the
same way)."""

from __future__ import annotations

import subprocess
import sys

CORE = (
    "reader.cli",
    "reader.load",
    "reader.parse",
    "reader.config",
    "reader.classify",
    "reader.evaluate",
    "reader.output",
    "reader.viewmodel.layout",
    "reader.viewmodel.search",
    "reader.viewmodel.state",
    "reader.viewmodel.tracks",
    "reader.viewmodel.positions",
    "reader.viewmodel.counts",
    "reader.rules.testing",
    "reader.airtime",
    "reader.outlet",
    "reader.stats",
    "reader.dask_bag",
    "reader.compare",
    "reader.export",
    "reader.export.html",
    "reader.export.markdown",
)


def test_the_core_imports_no_textual() -> None:
    code = (
        "import sys\n"
        + "".join(f"import {module}\n" for module in CORE)
        + "print(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout.strip() == "[]"
