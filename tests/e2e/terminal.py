"""Drive a real terminal: a program runs in a detached tmux session, the test types and reads.

Each Terminal has its own tmux server (its own socket), so tests never see each other's
sessions and can run in parallel under pytest-xdist. The server is started with a private
config: no status line (the pane is exactly the size asked for), panes stay after their program
exits (so the last screen can still be read), and a known TERM.

The program does not start until the pane's output is being recorded (pipe-pane), so the raw
bytes file holds everything it ever wrote to the terminal, first paint included.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import time
import uuid
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

SESSION = "e2e"
# A Unix socket path longer than ~104 bytes cannot be bound; fall back to a named socket.
_MAX_SOCKET_PATH = 100

_CONFIG = """\
set -g status off
set -g remain-on-exit on
set -g remain-on-exit-format ""
set -g default-terminal "{term}"
set -g history-limit 5000
set -g escape-time 0
"""


class TerminalError(AssertionError):
    """The program under test did not show what the test waited for (message holds the screen)."""


class Terminal:
    """One program in one tmux pane of a fixed size."""

    def __init__(
        self,
        workdir: Path,
        *,
        width: int = 80,
        height: int = 24,
        term: str = "xterm-256color",
    ) -> None:
        self.workdir = workdir
        self.width = width
        self.height = height
        self.term = term
        workdir.mkdir(parents=True, exist_ok=True)
        self.raw_path = workdir / "raw-output.bin"
        self._status_path = workdir / "exit-status"
        self._config = workdir / "tmux.conf"
        self._config.write_text(_CONFIG.format(term=term), encoding="utf-8")
        socket = workdir / "tmux.sock"
        if len(str(socket)) <= _MAX_SOCKET_PATH:
            self._socket_args = ["-S", str(socket)]
        else:
            self._socket_args = ["-L", f"reader-e2e-{uuid.uuid4().hex[:12]}"]
        self._started = False
        self._tmux = shutil.which("tmux") or "tmux"

    # -- lifecycle ----------------------------------------------------------------------------

    def start(
        self,
        command: Sequence[str] | str,
        *,
        env: Mapping[str, str] | None = None,
        cwd: Path | None = None,
    ) -> None:
        """Run `command` (an argv list, or a shell command line) in a new pane.

        `env` is added to the program's environment explicitly on its command line: the tmux
        server's own environment is whatever the first client had, which tests must not rely on.
        """
        program = command if isinstance(command, str) else shlex.join(command)
        if env:
            assignments = " ".join(shlex.quote(f"{k}={v}") for k, v in env.items())
            program = f"env {assignments} {program}"
        gate = shlex.join([self._tmux, *self._socket_args, "wait-for", "start"])
        status = shlex.quote(str(self._status_path))
        # The pane waits for the go signal, so the recording below misses no byte. The shell
        # stays to write the exit status (128 + N for signal N) to a file, in one rename:
        # tmux's own #{pane_dead_status} is sometimes still empty long after the exit.
        shell = f"{gate}; {program}; echo $? > {status}.tmp && mv {status}.tmp {status}"
        self._tmux_run(
            "-f",
            str(self._config),
            "new-session",
            "-d",
            "-s",
            SESSION,
            "-x",
            str(self.width),
            "-y",
            str(self.height),
            "-c",
            str(cwd or self.workdir),
            "sh",
            "-c",
            shell,
        )
        self._started = True
        self._settle_size()
        self._tmux_run("pipe-pane", "-t", SESSION, f"cat > {shlex.quote(str(self.raw_path))}")
        self._tmux_run("wait-for", "-S", "start")

    def _settle_size(self) -> None:
        """Release the program only once the pane has the size asked for.

        A program reads its size once as it starts; a resize that lands before it handles
        SIGWINCH is lost, and it then draws for tmux's default 80x24 in a bigger pane (seen
        once under load, where a long path in a notice then wrapped out of the test's sight).
        (`window-size manual` in the config would pin it, but tmux 3.3a's server dies at once
        with it.)
        """
        wanted = f"{self.width}x{self.height}"
        for _ in range(50):
            if self._display("#{window_width}x#{window_height}") == wanted:
                return
            self._tmux_run(
                "resize-window", "-t", SESSION, "-x", str(self.width), "-y", str(self.height)
            )
            time.sleep(0.02)
        raise TerminalError(f"the pane never took the size {wanted}")

    def kill(self) -> None:
        """Stop the tmux server and with it the program. Safe to call more than once."""
        if not self._started:
            return
        self._started = False
        subprocess.run(
            [self._tmux, *self._socket_args, "kill-server"],
            capture_output=True,
            timeout=10,
            check=False,
        )

    def __enter__(self) -> Terminal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.kill()

    # -- talking to the program ---------------------------------------------------------------

    def send_keys(self, *keys: str) -> None:
        """Press keys by tmux name: "j", "Enter", "Escape", "Tab", "C-n", "PageDown", "/"..."""
        self._tmux_run("send-keys", "-t", SESSION, *keys)

    def type(self, text: str) -> None:
        """Type `text` literally, character by character (no key-name lookup)."""
        self._tmux_run("send-keys", "-t", SESSION, "-l", text)

    def resize(self, width: int, height: int) -> None:
        """Change the terminal's size, as a user dragging the window would (SIGWINCH)."""
        self.width, self.height = width, height
        self._tmux_run("resize-window", "-t", SESSION, "-x", str(width), "-y", str(height))

    def screen(self) -> str:
        """The visible screen as text, one line per row (trailing blanks trimmed)."""
        return self._tmux_run("capture-pane", "-p", "-t", SESSION)

    def lines(self) -> list[str]:
        """The visible rows, always `height` of them."""
        rows = self.screen().split("\n")[: self.height]
        return rows + [""] * (self.height - len(rows))

    def cursor(self) -> tuple[int, int]:
        """The terminal cursor as (column, row), zero-based."""
        x, y = self._display("#{cursor_x} #{cursor_y}").split()
        return int(x), int(y)

    def wait_for(
        self,
        expected: str | re.Pattern[str] | Callable[[str], bool],
        timeout: float = 5.0,
        interval: float = 0.05,
    ) -> str:
        """Poll the screen until it contains `expected` (a text, a regex found in it, or a
        predicate that holds); return that screen.

        Raises TerminalError with the last screen on timeout, so a failure shows what the user
        would have seen.
        """
        check: Callable[[str], bool]
        if isinstance(expected, str):
            check = _contains(expected)
        elif isinstance(expected, re.Pattern):
            check = _finder(expected)
        else:
            check = expected
        deadline = time.monotonic() + timeout
        while True:
            screen = self.screen()
            if check(screen):
                return screen
            if time.monotonic() > deadline:
                what = "the condition" if callable(expected) else repr(expected)
                raise TerminalError(
                    f"waited {timeout:.1f}s for {what}; the screen was:\n{_framed(screen)}"
                )
            time.sleep(interval)

    def wait_until_gone(self, text: str, timeout: float = 5.0) -> str:
        """Poll until `text` is no longer on the screen; return the screen."""
        return self.wait_for(lambda screen: text not in screen, timeout)

    def exit_status(self) -> int | None:
        """The program's exit status (128 + N if signal N killed it), or None while it runs."""
        try:
            return int(self._status_path.read_text(encoding="ascii"))
        except (FileNotFoundError, ValueError):
            return None

    def wait_exit(self, timeout: float = 5.0) -> int:
        """Wait for the program to end and return its exit status."""
        deadline = time.monotonic() + timeout
        while (status := self.exit_status()) is None:
            if time.monotonic() > deadline:
                raise TerminalError(
                    f"the program still ran after {timeout:.1f}s; the screen was:\n"
                    f"{_framed(self.screen())}"
                )
            time.sleep(0.05)
        return status

    def raw_output(self) -> bytes:
        """Every byte the program has written to the terminal so far."""
        try:
            return self.raw_path.read_bytes()
        except FileNotFoundError:
            return b""

    def wait_for_output(self, expected: bytes, timeout: float = 5.0) -> bytes:
        """Poll the recording until it contains `expected` (pipe-pane writes asynchronously)."""
        deadline = time.monotonic() + timeout
        while expected not in (data := self.raw_output()):
            if time.monotonic() > deadline:
                raise TerminalError(f"{expected!r} never reached the terminal ({len(data)} bytes)")
            time.sleep(0.05)
        return data

    # -- internals ----------------------------------------------------------------------------

    def _display(self, fmt: str) -> str:
        return self._tmux_run("display-message", "-p", "-t", SESSION, fmt).strip()

    def _tmux_run(self, *args: str) -> str:
        result = subprocess.run(
            [self._tmux, *self._socket_args, *args],
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
            env={**os.environ, "TMUX": ""},
        )
        if result.returncode != 0:
            raise TerminalError(f"tmux {' '.join(args[:2])} failed: {result.stderr.strip()}")
        return result.stdout


def _contains(text: str) -> Callable[[str], bool]:
    return lambda screen: text in screen


def _finder(pattern: re.Pattern[str]) -> Callable[[str], bool]:
    return lambda screen: pattern.search(screen) is not None


def _framed(screen: str) -> str:
    return "\n".join(f"| {line}" for line in screen.split("\n"))
