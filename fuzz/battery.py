"""The hostile-input battery: generate cases, run each in a worker with a time limit, count.

Settings (environment variables, so `make fuzz FUZZ_SECONDS=600` works):
- FUZZ_SECONDS: total time for generating and running cases (default 150);
- FUZZ_CASES: stop after this many cases (default 0: only the time decides);
- FUZZ_SEED: the random seed (default: a new one, printed, so a run can be repeated);
- FUZZ_TIMEOUT: seconds one case may take before it counts as a hang (default 5);
- FUZZ_FAMILIES: a comma-separated list to draw from (default: all, see `fuzz.inputs`).

A case that fails is copied with its verdict to a folder under the system's temporary
directory (printed at the end) to be replayed; the battery exits 1 when any case failed.
"""

from __future__ import annotations

import json
import os
import random
import select
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from fuzz.inputs import FAMILIES, FIFO, Case, make_case

ROOT = Path(__file__).resolve().parents[1]


@dataclass
class Tally:
    """What the battery saw, per family."""

    cases: Counter[str] = field(default_factory=Counter)
    failed: Counter[str] = field(default_factory=Counter)
    hangs: Counter[str] = field(default_factory=Counter)
    slowest: dict[str, float] = field(default_factory=dict)
    failures: list[tuple[str, str, Path]] = field(default_factory=list)

    def record(self, family: str, seconds: float, problems: list[str], kept: Path | None) -> None:
        self.cases[family] += 1
        self.slowest[family] = max(self.slowest.get(family, 0.0), seconds)
        if problems:
            self.failed[family] += 1
            if kept is not None:
                self.failures.append((family, problems[0], kept))


class Worker:
    """A `fuzz.worker` process; replaced whenever a case hangs."""

    def __init__(self, log: Path) -> None:
        self.log = log
        self.process = self._start()

    def _start(self) -> subprocess.Popen[bytes]:
        env = {**os.environ, "PYTHONPATH": str(ROOT), "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"}
        with self.log.open("ab") as log:
            return subprocess.Popen(
                [sys.executable, "-m", "fuzz.worker"],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=log,
                cwd=ROOT,
                env=env,
            )

    def run(self, message: dict[str, Any], timeout: float) -> dict[str, Any] | None:
        """The verdict on one case, or None when it took longer than `timeout`."""
        stdin, stdout = self._pipes()
        stdin.write((json.dumps(message) + "\n").encode())
        stdin.flush()
        ready, _, _ = select.select([stdout], [], [], timeout)
        line = stdout.readline() if ready else b""
        if not line:
            self.restart()
            return None
        verdict: dict[str, Any] = json.loads(line)
        return verdict

    def _pipes(self) -> tuple[IO[bytes], IO[bytes]]:
        assert self.process.stdin is not None and self.process.stdout is not None
        return self.process.stdin, self.process.stdout

    def restart(self) -> None:
        self.stop()
        self.process = self._start()

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()
        for pipe in (self.process.stdin, self.process.stdout):
            if pipe is not None:
                pipe.close()


def _write(case: Case, folder: Path) -> None:
    for name, data in case.files:
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if data == FIFO:
            os.mkfifo(path)
        else:
            path.write_bytes(data)


def _keep(folder: Path, kept: Path) -> None:
    """Copy a failing case's regular files (a FIFO is recorded by name only)."""
    for path in folder.rglob("*"):
        target = kept / path.relative_to(folder)
        if path.is_dir():
            target.mkdir(parents=True, exist_ok=True)
        elif path.is_file():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.with_name(target.name + ".fifo").touch()


def _new_stderr(log: Path, seen: int) -> tuple[str, int]:
    size = log.stat().st_size
    if size == seen:
        return "", seen
    with log.open("rb") as handle:
        handle.seek(seen)
        return handle.read().decode("utf-8", "replace"), size


def run(
    seconds: float, cases: int, seed: int, timeout: float, families: list[str] = FAMILIES
) -> Tally:
    """Generate and run cases for `seconds` (or `cases` of them); the tally."""
    rng = random.Random(seed)
    tally = Tally()
    keep = Path(tempfile.mkdtemp(prefix="reader-fuzz-failures-"))
    with tempfile.TemporaryDirectory(prefix="reader-fuzz-") as scratch:
        log = Path(scratch) / "worker-stderr.log"
        log.touch()
        worker = Worker(log)
        seen = 0
        deadline = time.monotonic() + seconds
        number = 0
        try:
            while time.monotonic() < deadline and (cases <= 0 or number < cases):
                number += 1
                case = make_case(rng, families)
                folder = Path(scratch) / f"case-{number}"
                _write(case, folder)
                message = {
                    "dir": str(folder),
                    "action": case.action,
                    "argv": case.argv,
                    "keep": case.keep,
                    "articles": case.articles,
                }
                start = time.monotonic()
                verdict = worker.run(message, timeout)
                elapsed = time.monotonic() - start
                problems: list[str] = []
                if verdict is None:
                    tally.hangs[case.family] += 1
                    problems.append(f"no verdict within {timeout:g} s (a hang)")
                else:
                    problems.extend(verdict["problems"])
                printed, seen = _new_stderr(log, seen)
                if printed.strip():
                    problems.append(f"printed on the worker's stderr: {printed[-300:]!r}")
                kept = None
                if problems:
                    kept = keep / f"case-{number}-{case.family}"
                    _keep(folder, kept)
                    (kept / "verdict.json").write_text(
                        json.dumps({**message, "problems": problems}, indent=2), "utf-8"
                    )
                tally.record(case.family, elapsed, problems, kept)
                shutil.rmtree(folder, ignore_errors=True)
        finally:
            worker.stop()
    if not tally.failures:
        shutil.rmtree(keep, ignore_errors=True)
    return tally


def report(tally: Tally, seed: int, seconds: float) -> str:
    """The counts, one family a line, and the first failures."""
    lines = [
        f"fuzz: seed {seed}, {sum(tally.cases.values())} cases in {seconds:.0f} s",
        f"{'family':<12}{'cases':>7}{'failed':>8}{'hangs':>7}{'slowest':>10}",
    ]
    for family in sorted(tally.cases):
        lines.append(
            f"{family:<12}{tally.cases[family]:>7}{tally.failed[family]:>8}"
            f"{tally.hangs[family]:>7}{tally.slowest[family]:>9.2f}s"
        )
    total_failed = sum(tally.failed.values())
    lines.append(
        f"{'total':<12}{sum(tally.cases.values()):>7}{total_failed:>8}{sum(tally.hangs.values()):>7}"
    )
    for family, problem, kept in tally.failures[:20]:
        lines.append(f"FAIL {family}: {problem[:300]!r}\n     replay: {kept}")
    return "\n".join(lines)


def main() -> int:
    seconds = float(os.environ.get("FUZZ_SECONDS", "150"))
    cases = int(os.environ.get("FUZZ_CASES", "0"))
    seed = int(os.environ.get("FUZZ_SEED") or random.SystemRandom().randrange(1 << 32))
    timeout = float(os.environ.get("FUZZ_TIMEOUT", "5"))
    wanted = [name for name in os.environ.get("FUZZ_FAMILIES", "").split(",") if name]
    unknown = sorted(set(wanted) - set(FAMILIES))
    if unknown:
        print(
            f"fuzz: unknown family {unknown[0]!r}; choose from {', '.join(sorted(set(FAMILIES)))}"
        )
        return 2
    families = [name for name in FAMILIES if name in wanted] if wanted else FAMILIES
    start = time.monotonic()
    tally = run(seconds, cases, seed, timeout, families)
    print(report(tally, seed, time.monotonic() - start))
    return 1 if tally.failures or sum(tally.failed.values()) else 0
