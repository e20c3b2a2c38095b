"""Problems with the files on the command line are shown inside the reader as it opens, not
only on stderr behind the alternate screen; and the exit status says something was not read."""

from __future__ import annotations

from pathlib import Path

from .conftest import TerminalFactory
from .reader_screen import STEP, quit_reader, wait_for_reader


def test_an_unreadable_file_and_a_decoding_guess_are_shown_in_the_reader_and_exit_2(
    terminal: TerminalFactory,
    reader: Path,
    seeds: Path,
    reader_env: dict[str, str],
    tmp_path: Path,
) -> None:
    article = next(seeds.glob("*.txt"))
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Caf\xe9 talks\n\nThe caf\xe9 was shut.\n".encode("latin-1"))
    missing = tmp_path / "missing.txt"
    # Named as typed in the folder they are in: a notice quotes the names as given, and a
    # long temporary path would wrap inside it, out of the test's sight.
    term = terminal(
        [str(reader), str(article), missing.name, latin.name],
        width=160,
        height=48,
        env=reader_env,
        cwd=tmp_path,
    )

    screen = wait_for_reader(term)
    screen = term.wait_for(lambda now: "missing.txt" in now and "latin.txt" in now, timeout=STEP)
    assert "no such file" in screen
    assert "not UTF-8" in screen

    assert quit_reader(term) == 2  # README: 2 when a file could not be read
