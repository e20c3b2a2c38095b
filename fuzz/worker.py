"""Runs cases one after another in one process and checks each (`python -m fuzz.worker`).

Reads one JSON case a line on stdin, writes one JSON verdict a line on stdout. The parent
(`fuzz.battery`) gives each case its time limit and replaces this process when one hangs, so
nothing here needs a timeout of its own.

What a case must show:
- no traceback: nothing escapes `reader.cli.run` (which is what exits 70 for a user);
- no raw control byte: every line of stdout and stderr passes `safe_text.is_safe`, and the
  text is valid UTF-8 (no lone surrogate from a file name);
- one clear line per problem: stderr lines start with "reader: " and stay under
  `LONGEST_LINE` characters; a non-zero exit says why on stderr;
- nothing lost: the good article next to a hostile one is still in the output; each article
  named is either in the output or reported; a state save survives a hostile state file,
  whose bytes are kept aside, not deleted.
"""

from __future__ import annotations

import asyncio
import io
import json
import os
import sys
import time
import traceback
from pathlib import Path
from typing import Any

LONGEST_LINE = 2_000


def _lines_ok(text: str, what: str, problems: list[str]) -> None:
    from reader.safe_text import is_safe

    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        problems.append(f"{what} is not valid UTF-8 (a lone surrogate)")
    for line in text.split("\n"):
        if not is_safe(line):
            problems.append(f"raw control character on {what}: {line[:120]!r}")
            return


def _run_cli(case: dict[str, Any], problems: list[str]) -> int:
    from reader.cli import run

    folder = case["dir"]
    argv = [arg.replace("{dir}", folder) for arg in case["argv"]]
    out, err = io.StringIO(), io.StringIO()
    try:
        status = run(argv, out, err)
    except BaseException as error:  # the point: nothing may escape
        problems.append("traceback: " + "".join(traceback.format_exception(error))[-1500:])
        return -1
    stdout, stderr = out.getvalue(), err.getvalue()
    _lines_ok(stdout, "stdout", problems)
    _lines_ok(stderr, "stderr", problems)
    said = [line for line in stderr.split("\n") if line]
    for line in said:
        if not line.startswith("reader: ") or len(line) > LONGEST_LINE:
            problems.append(f"not one clear line on stderr: {line[:200]!r}")
            break
    if status != 0 and not said and argv[0] != "rules":
        problems.append(f"exit {status} with nothing said on stderr")
    for text in case["keep"]:
        if text not in stdout:
            problems.append(f"lost: {text!r} is not in the output (exit {status})")
    if case["articles"] and "--format" in argv and argv[argv.index("--format") + 1] == "json":
        shown = _json_articles(stdout, problems)
        if shown + len(said) < case["articles"]:
            problems.append(f"{case['articles']} articles named, {shown} shown, {len(said)} said")
    return status


def _json_articles(stdout: str, problems: list[str]) -> int:
    if not stdout.strip():
        return 0
    try:
        data = json.loads(stdout)
    except ValueError as error:
        problems.append(f"stdout is not valid JSON: {error}")
        return 0
    return len(data) if isinstance(data, list) else 1


def _run_themes(case: dict[str, Any], problems: list[str]) -> int:
    from reader.safe_text import is_safe
    from reader.ui.theme_files import load_themes

    try:
        themes, found = load_themes(Path(case["dir"]) / "themes")
    except BaseException as error:
        problems.append("traceback: " + "".join(traceback.format_exception(error))[-1500:])
        return -1
    for line in found:
        if "\n" in line or len(line) > LONGEST_LINE:
            problems.append(f"not one clear line: {line[:200]!r}")
    for theme in themes:
        if not is_safe(theme.name) or "[" in theme.name:
            problems.append(f"theme name with markup or controls registered: {theme.name!r}")
    return 0 if themes else 1


def _run_state(case: dict[str, Any], problems: list[str]) -> int:
    from reader.viewmodel.state import FILENAME, Position, StateStore

    directory = Path(case["dir"]) / "state" / "reader"
    path = directory / FILENAME
    before = path.read_bytes() if path.is_file() else None
    try:
        store = StateStore(directory)
        store.load("path:/a.txt")
        store.save("path:/b.txt", Position(2, "nato", {"m": 1}))
        again = StateStore(directory).load("path:/b.txt")
    except BaseException as error:
        problems.append("traceback: " + "".join(traceback.format_exception(error))[-1500:])
        return -1
    if again != Position(2, "nato", {"m": 1}):
        problems.append(f"lost: the position saved over a hostile state file came back {again}")
    for warning in store.warnings:
        if "\n" in warning or len(warning) > LONGEST_LINE:
            problems.append(f"not one clear warning: {warning[:200]!r}")
    if before:
        _kept(before, directory, FILENAME, problems)
    return 0


def _kept(before: bytes, directory: Path, filename: str, problems: list[str]) -> None:
    """The old state survives: its positions merged into the new file, or, when it was not a
    state file, its bytes moved aside."""
    aside = any(
        other.is_file() and other.read_bytes() == before
        for other in directory.iterdir()
        if other.name.startswith(filename + ".corrupt")
    )
    if aside:
        return
    try:
        old = json.loads(before)["articles"]
        new = json.loads((directory / filename).read_bytes())["articles"]
    except (ValueError, KeyError, TypeError, RecursionError):
        problems.append("lost: the old state file is neither merged nor kept aside")
        return
    if not set(old) <= set(new):
        problems.append("lost: positions of the old state file are missing from the new one")


def _run_ui(case: dict[str, Any], problems: list[str]) -> int:
    """Open the reader headless on the case's article, with its user config, themes and
    state, press the case's keys, and look at every character on screen."""
    try:
        return asyncio.run(_ui(case, problems))
    except BaseException as error:
        problems.append("traceback: " + "".join(traceback.format_exception(error))[-1500:])
        return -1


async def _ui(case: dict[str, Any], problems: list[str]) -> int:
    from reader.config import load_config
    from reader.errors import ReaderError
    from reader.load import load
    from reader.parse import parse
    from reader.safe_text import is_safe
    from reader.ui.app import ReaderApp

    try:
        config = load_config(None)
        report = load([case["dir"] + "/" + case["argv"][0]])
        articles = [parse(document) for document in report.documents]
    except ReaderError:
        return 2  # said in one line by the CLI, which the cli family checks
    if not articles:
        return 2
    app = ReaderApp(articles, config)
    async with app.run_test(size=(100, 30)) as pilot:
        await app.workers.wait_for_complete()
        for key in case["argv"][1:]:
            await pilot.press(key)
        await app.workers.wait_for_complete()
        await pilot.pause()
        for strip in app.screen._compositor.render_strips():
            if not is_safe(strip.text):
                problems.append(f"raw control character on screen: {strip.text[:120]!r}")
                break
    if app.crash is not None:
        problems.append(f"the app crashed: {type(app.crash).__name__}: {app.crash}")
    return app.return_code or 0


RUNNERS = {"cli": _run_cli, "themes": _run_themes, "state": _run_state, "ui": _run_ui}


def main() -> None:
    for line in sys.stdin:
        case = json.loads(line)
        os.environ["XDG_STATE_HOME"] = str(Path(case["dir"]) / "state")
        os.environ["XDG_CONFIG_HOME"] = str(Path(case["dir"]) / "config")
        problems: list[str] = []
        start = time.perf_counter()
        status = RUNNERS[case["action"]](case, problems)
        seconds = time.perf_counter() - start
        verdict = {"status": status, "problems": problems, "seconds": seconds}
        sys.stdout.write(json.dumps(verdict) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
