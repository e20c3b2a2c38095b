"""The `reader` console script in a real terminal (tmux), as a user would run it.

It opens the seed article, shows the title and one panel per actor (side by side down to 72
columns, the usual SSH size), moves with j, searches with /, opens and closes help, and quits
with q and exit status 0, leaving the terminal as it was.
"""

from __future__ import annotations

import shlex
from pathlib import Path

import pytest

from .conftest import TerminalFactory
from .reader_screen import (
    current_block,
    move_down_twice,
    open_and_close_help,
    quit_reader,
    search,
    wait_for_all_headers,
    wait_for_reader,
)

ENTER_ALTERNATE_SCREEN = b"\x1b[?1049h"
LEAVE_ALTERNATE_SCREEN = b"\x1b[?1049l"


@pytest.mark.parametrize(
    ("width", "height"), [(80, 24), (72, 24), (160, 48)], ids=["80x24", "72x24", "160x48"]
)
def test_read_search_help_and_quit_in_a_real_terminal(
    terminal: TerminalFactory,
    reader: Path,
    seeds: Path,
    reader_env: dict[str, str],
    width: int,
    height: int,
) -> None:
    term = terminal([str(reader), str(seeds)], width=width, height=height, env=reader_env)

    wait_for_reader(term)
    wait_for_all_headers(term)  # side by side from 72 columns (below, tests/ui/test_app.py)

    move_down_twice(term)

    matches, total = search(term, "truce")
    assert 1 <= matches <= total

    open_and_close_help(term)

    assert quit_reader(term) == 0
    raw = term.raw_output()
    # The reader drew in the alternate screen and gave the user's screen back on quitting.
    assert ENTER_ALTERNATE_SCREEN in raw
    assert raw.rindex(LEAVE_ALTERNATE_SCREEN) > raw.rindex(ENTER_ALTERNATE_SCREEN)


def test_reopening_an_article_restores_the_reading_position(
    terminal: TerminalFactory, reader: Path, seeds: Path, reader_env: dict[str, str]
) -> None:
    first = terminal([str(reader), str(seeds)], width=160, height=48, env=reader_env)
    wait_for_reader(first)
    start = current_block(first)
    first.send_keys("j", "j", "j")
    first.wait_for(lambda screen: f"block {start + 3}/" in screen)
    assert quit_reader(first) == 0

    second = terminal([str(reader), str(seeds)], width=160, height=48, env=reader_env)
    wait_for_reader(second)

    assert current_block(second) == start + 3
    assert quit_reader(second) == 0
    assert (Path(reader_env["XDG_STATE_HOME"]) / "reader" / "positions.json").is_file()


def test_an_article_piped_in_is_read_and_keys_still_come_from_the_terminal(
    terminal: TerminalFactory, reader: Path, seeds: Path, reader_env: dict[str, str]
) -> None:
    article = next(seeds.glob("*.txt"))
    assignments = " ".join(shlex.quote(f"{key}={value}") for key, value in reader_env.items())
    command = f"cat {shlex.quote(str(article))} | env {assignments} {shlex.quote(str(reader))} -"
    term = terminal(command, width=160, height=48)

    wait_for_reader(term)
    assert "<stdin>" in term.screen()
    move_down_twice(term)
    assert quit_reader(term) == 0


def test_a_mark_and_a_jump_typed_in_one_burst_keep_their_letters(
    terminal: TerminalFactory, reader: Path, seeds: Path, reader_env: dict[str, str]
) -> None:
    """tmux sends "jjma" and "G'a" as one write each, as a fast typist's terminal does."""
    term = terminal([str(reader), str(seeds)], width=160, height=48, env=reader_env)
    wait_for_reader(term)
    start = current_block(term)
    term.send_keys("jjma")
    term.wait_for(lambda screen: "mark 'a' set" in screen)
    term.send_keys("G'a")
    term.wait_for(lambda screen: f"block {start + 2}/" in screen)
    assert "aligned" in term.screen()  # the mark's letter never reached the mode key
    assert quit_reader(term) == 0
