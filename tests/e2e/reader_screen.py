"""What a user looks for on the reader's screen, shared by the tmux and the SSH tests.

Each check reads the screen as text (capture-pane), the way a user or a screen reader sees it,
so the tests hold whatever the widgets are called. The patterns follow what the reader shows:
the panel header "N NATO (12)" (tag, label, block count), the status line "block 3/40 · ... ·
search 1/1 'truce' · ...", the explain pane's "Block 3 of 40 · paragraph · line 5", the help
screen's "Binding id" column.

Every check polls (`wait_for`) rather than reading one capture: a capture can land in the middle
of a frame the reader is still writing, so a single look may see half a header.
"""

from __future__ import annotations

import re

from .terminal import Terminal

TITLE = "NATO won’t risk war"  # the headline's start: narrow terminals shorten the rest
ACTORS = ("NATO", "Russia", "Ukraine")
# Deadlines, not speeds: a wait ends as soon as the screen shows what it waits for, so they
# only need to be long enough never to fail a working reader. Two CPU burners on the two
# cores give a process 7% of one: a step taking 0.3 s of CPU then takes 4 s.
FIRST_PAINT = 60.0  # a cold start under a parallel test run
STEP = 30.0

_BLOCK = re.compile(r"block (\d+)\s*/\s*(\d+)", re.IGNORECASE)
_EXPLAIN = re.compile(r"Block (\d+) of \d+ · \w+ · line \d+")
HELP = "Binding id"


def header(label: str) -> re.Pattern[str]:
    """A panel header: the actor's label followed by its block count."""
    return re.compile(rf"{re.escape(label)} \(\d+\)")


def status_line(screen: str) -> str:
    """The status line of a screen: the last row that names the current block."""
    for line in reversed(screen.split("\n")):
        if _BLOCK.search(line):
            return line
    return ""


def _block_in(screen: str) -> int | None:
    found = _BLOCK.search(status_line(screen))
    return int(found.group(1)) if found else None


def current_block(term: Terminal) -> int:
    """The block number the status line shows (1-based)."""
    block = _block_in(term.wait_for(lambda screen: _block_in(screen) is not None, timeout=STEP))
    assert block is not None
    return block


def wait_for_reader(term: Terminal) -> str:
    """Wait for the first paint: the title, the first panel's header and the status line."""
    return term.wait_for(
        lambda screen: (
            TITLE in screen
            and header(ACTORS[0]).search(screen) is not None
            and _block_in(screen) is not None
        ),
        timeout=FIRST_PAINT,
    )


def wait_for_all_headers(term: Terminal) -> None:
    """Wide terminals: every actor's panel header stands on screen at once."""
    term.wait_for(
        lambda screen: all(header(label).search(screen) for label in ACTORS), timeout=STEP
    )


def move_down_twice(term: Terminal) -> None:
    start = current_block(term)
    term.send_keys("j", "j")
    term.wait_for(lambda screen: _block_in(screen) == start + 2, timeout=STEP)


def search(term: Terminal, query: str) -> tuple[int, int]:
    """Search with / and Enter; return the (k, N) the status line shows for it."""
    term.send_keys("/")
    term.type(query)
    term.send_keys("Enter")
    pattern = re.compile(rf"(\d+)\s*/\s*(\d+) '{re.escape(query)}'")
    screen = term.wait_for(lambda now: pattern.search(status_line(now)) is not None, timeout=STEP)
    found = pattern.search(status_line(screen))
    assert found is not None
    return int(found.group(1)), int(found.group(2))


def open_and_close_help(term: Terminal) -> None:
    term.send_keys("?")
    term.wait_for(HELP, timeout=STEP)
    term.send_keys("Escape")
    term.wait_for(lambda screen: HELP not in screen and TITLE in screen, timeout=STEP)


def open_and_close_explain(term: Terminal) -> int:
    """Press e, wait for the explain pane, close it with Escape; return the block it explained."""
    term.send_keys("e")
    screen = term.wait_for(lambda now: _EXPLAIN.search(now) is not None, timeout=STEP)
    found = _EXPLAIN.search(screen)
    assert found is not None
    term.send_keys("Escape")
    term.wait_for(lambda now: _EXPLAIN.search(now) is None, timeout=STEP)
    return int(found.group(1))


def quit_reader(term: Terminal) -> int:
    """Press q and return the exit status."""
    term.send_keys("q")
    return term.wait_exit(timeout=STEP)
