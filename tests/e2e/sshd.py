"""A throwaway sshd on 127.0.0.1 for end-to-end tests, so the reader can be driven over SSH.

Everything lives in one directory the test owns: the config, a host key and a user key made
with ssh-keygen, authorized_keys, the pid file and the log. The daemon listens on 127.0.0.1
only, on a port the kernel picked, and runs in the foreground (`-D -e`) as our child, so it is
stopped by its pid on every exit path: `stop()`, the context manager, the fixture finalizer and,
as a last resort, interpreter exit.
"""

from __future__ import annotations

import atexit
import contextlib
import getpass
import os
import shlex
import shutil
import signal
import socket
import subprocess
import time
from pathlib import Path

HOST = "127.0.0.1"
# OpenSSH run as root insists on its privilege separation directory; containers lack it.
PRIVSEP_DIR = Path("/run/sshd")


class SshdError(RuntimeError):
    """The test sshd could not be started (message holds its log)."""


def find_sshd() -> str | None:
    """sshd is usually in /usr/sbin, which a non-root PATH leaves out."""
    found = shutil.which("sshd")
    if found:
        return found
    for candidate in ("/usr/sbin/sshd", "/usr/local/sbin/sshd"):
        if os.access(candidate, os.X_OK):
            return candidate
    return None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((HOST, 0))
        return int(probe.getsockname()[1])


def _keygen(path: Path) -> None:
    subprocess.run(
        ["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "reader-e2e", "-f", str(path)],
        check=True,
        capture_output=True,
        timeout=30,
    )


def _children(pid: int) -> list[int]:
    """Processes whose parent is `pid` (sshd's per-connection processes), read from /proc."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        # The command name sits in parentheses and may hold spaces: split after the last ")".
        fields = stat[stat.rfind(")") + 2 :].split()
        if len(fields) > 1 and int(fields[1]) == pid:
            found.append(int(entry.name))
    return found


class Sshd:
    """A test-only sshd. Use as a context manager, or call start() and stop()."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.user = getpass.getuser()
        self.host_key = directory / "host_ed25519"
        self.user_key = directory / "id_ed25519"
        self.known_hosts = directory / "known_hosts"
        self.config = directory / "sshd_config"
        self.pid_file = directory / "sshd.pid"
        self.log = directory / "sshd.log"
        self.port = 0
        self._process: subprocess.Popen[bytes] | None = None

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process else None

    def start(self, attempts: int = 3) -> None:
        """Generate keys, write the config, start sshd and wait until it answers."""
        binary = find_sshd()
        if binary is None:
            raise SshdError("sshd not found: apt-get install openssh-server")
        self.directory.mkdir(parents=True, exist_ok=True)
        if not self.host_key.exists():
            _keygen(self.host_key)
            _keygen(self.user_key)
            (self.directory / "authorized_keys").write_bytes(
                self.user_key.with_suffix(".pub").read_bytes()
            )
        if os.geteuid() == 0:
            PRIVSEP_DIR.mkdir(mode=0o755, exist_ok=True)
        for _ in range(attempts):  # another test may take the free port before sshd binds it
            self.port = _free_port()
            self._write_config()
            with self.log.open("wb") as log:
                self._process = subprocess.Popen(
                    [binary, "-D", "-e", "-f", str(self.config)],
                    stdin=subprocess.DEVNULL,
                    stdout=log,
                    stderr=log,
                    start_new_session=True,
                )
            atexit.register(self.stop)
            if self._wait_ready(timeout=10.0):
                return
            self.stop()
        raise SshdError(f"sshd did not start; its log:\n{self._log_text()}")

    def stop(self) -> None:
        """Stop sshd and its connection processes by pid. Safe to call more than once."""
        process, self._process = self._process, None
        if process is None:
            return
        atexit.unregister(self.stop)
        if process.poll() is None:
            for child in _children(process.pid):
                with contextlib.suppress(ProcessLookupError):
                    os.kill(child, signal.SIGTERM)
            process.terminate()
            try:
                process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=5)

    def __enter__(self) -> Sshd:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def ssh_command(self, remote: str) -> list[str]:
        """The ssh client argv that runs `remote` (a shell command line) with a terminal.

        The client reads no user config and no agent, trusts only our throwaway key and records
        the host key in our own known_hosts: it never touches ~/.ssh.
        """
        return [
            "ssh",
            "-tt",
            "-F",
            "/dev/null",
            "-i",
            str(self.user_key),
            "-o",
            "IdentitiesOnly=yes",
            "-o",
            "IdentityAgent=none",
            "-o",
            "StrictHostKeyChecking=no",
            "-o",
            f"UserKnownHostsFile={self.known_hosts}",
            "-o",
            "BatchMode=yes",
            "-o",
            "ConnectTimeout=5",
            "-o",
            "LogLevel=ERROR",
            "-p",
            str(self.port),
            "-l",
            self.user,
            HOST,
            remote,
        ]

    def ssh_shell_command(self, remote: str) -> str:
        """`ssh_command` as one shell command line (for a tmux pane)."""
        return shlex.join(self.ssh_command(remote))

    # -- internals ----------------------------------------------------------------------------

    def _write_config(self) -> None:
        d = self.directory
        self.config.write_text(
            "\n".join(
                [
                    f"ListenAddress {HOST}:{self.port}",
                    f"HostKey {self.host_key}",
                    f"PidFile {self.pid_file}",
                    f"AuthorizedKeysFile {d / 'authorized_keys'}",
                    f"AllowUsers {self.user}",
                    "PermitRootLogin prohibit-password",
                    "PubkeyAuthentication yes",
                    "PasswordAuthentication no",
                    "KbdInteractiveAuthentication no",
                    "StrictModes no",
                    "UsePAM no",
                    "UseDNS no",
                    "PermitTTY yes",
                    "X11Forwarding no",
                    "AllowTcpForwarding no",
                    "AllowAgentForwarding no",
                    "PermitUserEnvironment no",
                    "PrintMotd no",
                    "PrintLastLog no",
                    "LogLevel INFO",
                    "",
                ]
            ),
            encoding="utf-8",
        )

    def _wait_ready(self, timeout: float) -> bool:
        """True once sshd sends its banner; False if it exited or never answered."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self._process is None or self._process.poll() is not None:
                return False
            with (
                contextlib.suppress(OSError),
                socket.create_connection((HOST, self.port), timeout=1.0) as conn,
            ):
                if conn.recv(8).startswith(b"SSH-"):
                    return True
            time.sleep(0.05)
        return False

    def _log_text(self) -> str:
        try:
            return self.log.read_text(errors="replace")
        except OSError:
            return "(no log)"
