"""The `reader` over SSH: ssh -tt to a throwaway sshd on 127.0.0.1, inside tmux at 80x24.

This is how people read on a remote machine: no COLORTERM (SSH does not forward it), a TERM
the client sends, and every byte through the SSH channel. The reader must open, navigate,
search, explain and quit cleanly there too.
"""

from __future__ import annotations

import shlex
from pathlib import Path

from .conftest import TerminalFactory
from .reader_screen import (
    current_block,
    move_down_twice,
    open_and_close_explain,
    quit_reader,
    search,
    wait_for_reader,
)
from .sshd import Sshd


def test_read_over_ssh_at_80x24(
    terminal: TerminalFactory,
    sshd: Sshd,
    reader: Path,
    seeds: Path,
    reader_env: dict[str, str],
) -> None:
    # sshd gives the remote command a bare environment: set what the reader needs on its
    # command line, as a user's shell profile would.
    env = {**reader_env, "PATH": f"{reader.parent}:/usr/local/bin:/usr/bin:/bin"}
    assignments = " ".join(shlex.quote(f"{key}={value}") for key, value in env.items())
    workdir = shlex.quote(str(seeds.parent))
    remote = f"cd {workdir} && {assignments} {shlex.quote(str(reader))} seeds/"
    term = terminal(sshd.ssh_shell_command(remote), width=80, height=24)

    wait_for_reader(term)
    move_down_twice(term)
    matches, total = search(term, "truce")
    assert 1 <= matches <= total
    # Explain speaks of the block the search brought into view, and Escape closes it.
    assert open_and_close_explain(term) == current_block(term)

    assert quit_reader(term) == 0  # ssh hands back the reader's own exit status
