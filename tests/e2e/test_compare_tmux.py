"""Comparing outlets in a real terminal (tmux): open three articles, `c` for the compare
screen, sort by Russia's airtime, Enter to read the top article on Russia's panel, `v` for the
actor lens, Escape back to the reader, q to quit with status 0."""

from __future__ import annotations

import re
from pathlib import Path

from reader.airtime import airtime
from reader.classify import classify
from reader.config import load_config
from reader.load import Document, sniff_format
from reader.parse import parse

from .conftest import REPO, TerminalFactory
from .reader_screen import FIRST_PAINT, STEP, quit_reader, status_line

FILES = [REPO / "tests" / "data" / "dev" / f"dev-0{n}.txt" for n in (1, 2, 3)]
FIRST = "NATO drills near Russian border"
TOP = "Lavrov rules out NATO troops in Ukraine"  # dev-02, Russia's largest share


def _russia(path: Path) -> tuple[float, int]:
    """Russia's share and blocks in `path` as the headless core computes them, so the screen is
    checked against the core and not against the figures of today's rules."""
    text = path.read_text(encoding="utf-8")
    article = parse(Document(str(path), text, sniff_format(text)))
    entry = airtime(classify(article, load_config())).actors["russia"]
    return entry.share, entry.blocks


def test_compare_sort_read_lens_and_back(
    terminal: TerminalFactory, reader: Path, reader_env: dict[str, str]
) -> None:
    term = terminal([str(reader), *map(str, FILES)], width=160, height=48, env=reader_env)
    term.wait_for(FIRST, timeout=FIRST_PAINT)

    shares = {path.stem: _russia(path) for path in FILES}
    by_share = sorted(shares, key=lambda name: shares[name][0], reverse=True)
    assert by_share[0] == "dev-02"
    term.send_keys("c")
    # The other two articles are classified first ("classifying…"), then the table shows.
    share, blocks = shares["dev-03"]
    row = rf"dev-03 .*R █+\S*\s+{share * 100:.0f}% {blocks}b"
    screen = term.wait_for(re.compile(row), timeout=STEP)
    assert "Compare 3 articles" in screen
    share, blocks = shares["dev-01"]
    assert re.search(rf"dev-01 .*R █+\S*\s+{share * 100:.0f}% {blocks}b", screen)

    term.send_keys("Right", "Right", "s")
    screen = term.wait_for("Russia ▼", timeout=STEP)
    rows = [
        line.split()[0]
        for line in screen.splitlines()
        if line.split()[:1] and line.split()[0].startswith("dev-")
    ]
    assert rows == by_share

    # The cursor stays on the article it stood on (dev-01, now last); g takes it to the top.
    term.send_keys("g", "Enter")
    screen = term.wait_for(lambda now: TOP in now and "Russia" in status_line(now), timeout=STEP)
    assert "article 2 of 3" in screen

    term.send_keys("v")
    screen = term.wait_for("Russia in 3 articles", timeout=STEP)
    assert all(f"{name} ({blocks})" in screen for name, (_, blocks) in shares.items())

    term.send_keys("Escape")
    term.wait_for(lambda now: "Russia in 3 articles" not in now and TOP in now, timeout=STEP)

    assert quit_reader(term) == 0
