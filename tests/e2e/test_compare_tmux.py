"""Comparing outlets in a real terminal (tmux): open three articles, `c` for the compare
screen, sort by Russia's airtime, Enter to read the top article on Russia's panel, `v` for the
actor lens, Escape back to the reader, q to quit with status 0."""

from __future__ import annotations

import re
from pathlib import Path

from .conftest import REPO, TerminalFactory
from .reader_screen import FIRST_PAINT, STEP, quit_reader, status_line

FILES = [REPO / "tests" / "data" / "dev" / f"dev-0{n}.txt" for n in (1, 2, 3)]
FIRST = "NATO drills near Russian border"
# Russia's share of each: dev-01 53%, dev-02 75%, dev-03 71%: sorted, dev-02 comes first.
TOP = "Lavrov rules out NATO troops in Ukraine"


def test_compare_sort_read_lens_and_back(
    terminal: TerminalFactory, reader: Path, reader_env: dict[str, str]
) -> None:
    term = terminal([str(reader), *map(str, FILES)], width=160, height=48, env=reader_env)
    term.wait_for(FIRST, timeout=FIRST_PAINT)

    term.send_keys("c")
    # The other two articles are classified first ("classifying…"), then the table shows.
    screen = term.wait_for(re.compile(r"dev-03 .*R █+\S*\s+71% 9b"), timeout=STEP)
    assert "Compare 3 articles" in screen
    assert re.search(r"dev-01 .*R █+\S*\s+53% 6b", screen)

    term.send_keys("Right", "Right", "s")
    screen = term.wait_for("Russia ▼", timeout=STEP)
    rows = [
        line.split()[0]
        for line in screen.splitlines()
        if line.split()[:1] and line.split()[0].startswith("dev-")
    ]
    assert rows == ["dev-02", "dev-03", "dev-01"]

    # The cursor stays on the article it stood on (dev-01, now last); g takes it to the top.
    term.send_keys("g", "Enter")
    screen = term.wait_for(lambda now: TOP in now and "Russia" in status_line(now), timeout=STEP)
    assert "article 2 of 3" in screen

    term.send_keys("v")
    screen = term.wait_for("Russia in 3 articles", timeout=STEP)
    assert all(name in screen for name in ("dev-01 (6)", "dev-02 (6)", "dev-03 (9)"))

    term.send_keys("Escape")
    term.wait_for(lambda now: "Russia in 3 articles" not in now and TOP in now, timeout=STEP)

    assert quit_reader(term) == 0
