"""Scanning ahead: a helper process does the regex work of the next chunks of a long article
while this process analyses the current one.

Why: over a long article about a fifth of classification time is regex work (the lexicon
scans, tokens, quotes and sentences of `reader.scan.scan_chunk`) that depends on no earlier
block, while the grammar after it depends on every earlier block and must run in order, here.
A second process is the only way to give that work a second core: Python's `re` holds the GIL
while it matches, so a thread would only take turns with this one.

The helper is `python -m reader.scan_ahead`, fed chunks on its stdin and answering on its
stdout (pickles between two processes of this package; no article text is ever unpickled from
anywhere else). A plain subprocess rather than `multiprocessing`: it does not re-import the
caller's main module, and its stderr goes nowhere, so nothing it could print reaches the
reader's screen. It starts only for long articles, where its start-up (a fresh interpreter,
~0.2 s on the other core) is repaid, and it can only save time, never change a verdict: a chunk
whose scan the helper has not started when it is needed is scanned here as usual, and a helper
that cannot start, dies, or stalls (`_PATIENCE`) is simply not used. The helper gets chunks
only once it is ready, so the caller never waits behind chunks it has scanned itself.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import IO

from reader.classify.scan import LEXICONS, ChunkScan, scan_chunk
from reader.model import Block
from reader.rules.compile import CompiledRules, Lexicon

# Text (in characters) from which an article is worth a helper process: ~10,000 paragraphs.
SCAN_AHEAD_FROM = 1_000_000

_READY = -1  # the helper's first answer: it has started and read the lexicons
_LEAD = 2  # chunks the helper may be ahead of the caller
_PATIENCE = 5.0  # seconds the caller waits for a chunk the helper has, before scanning it


def _package_path() -> str:
    """PYTHONPATH for the helper: the folder that holds this `reader` package first."""
    here = str(Path(__file__).resolve().parent.parent)
    rest = os.environ.get("PYTHONPATH", "")
    return here + (os.pathsep + rest if rest else "")


class ScanAhead:
    """The scans of an article's chunks, computed in order by a helper process.

    The first `skip` chunks are left to the caller (the helper is still starting). Use it as a
    context manager, or call `close`, so the helper stops when the classification ends or is
    abandoned."""

    def __init__(
        self, chunks: Sequence[Sequence[Block]], rules: CompiledRules, skip: int = 2
    ) -> None:
        self._done: dict[int, ChunkScan] = {}
        self._scanned_here: set[int] = set()
        self._changed = threading.Condition()
        self._ready = False
        self._over = False  # the helper ended, failed or was closed: scan everything here
        self._skip = skip
        self._asked = skip - 1  # the last chunk the caller asked for
        self._process: subprocess.Popen[bytes] | None = None
        self._threads: tuple[threading.Thread, ...] = ()
        if len(chunks) <= skip:
            self._over = True
            return
        lexicons: tuple[Lexicon, ...] = tuple(getattr(rules, name).keys_only() for name in LEXICONS)
        texts = [[block.text for block in chunk] for chunk in chunks]
        self._threads = (
            threading.Thread(target=self._feed, args=(lexicons, texts), daemon=True),
            threading.Thread(target=self._collect, daemon=True),
        )
        try:
            self._process = subprocess.Popen(
                # -P and this package's own folder first: the helper imports this `reader`,
                # never another one in the current directory.
                [sys.executable, "-P", "-m", "reader.classify.scan_ahead"],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                env={**os.environ, "PYTHONPATH": _package_path()},
            )
            for thread in self._threads:
                thread.start()
        except Exception:  # any: no interpreter to start (an embedded Python), no thread
            self.close()

    def take(self, n: int) -> ChunkScan | None:
        """Chunk `n`'s scan, waiting for it if the helper is at it; None when the caller should
        scan the chunk itself (the helper is starting, has failed, or never had it)."""
        with self._changed:
            if n < self._skip:
                return None
            self._asked = max(self._asked, n)
            self._changed.notify_all()  # the feeder may send another chunk
            deadline = time.monotonic() + _PATIENCE
            while not self._over and n not in self._done:
                left = deadline - time.monotonic()
                if not self._ready or left <= 0:
                    self._scanned_here.add(n)  # starting, or stuck: the helper need not do it
                    return None
                self._changed.wait(left)
            return self._done.pop(n, None)

    @property
    def ready(self) -> bool:
        """Whether the helper has started and takes chunks."""
        with self._changed:
            return self._ready and not self._over

    def close(self) -> None:
        """Stop the helper without waiting for it."""
        with self._changed:
            self._over = True
            self._changed.notify_all()
        if self._process is not None:
            self._process.kill()
            self._process.wait()
            if sys.is_finalizing():
                return  # a daemon thread may hold a pipe's lock for good: leave the pipes be
            for thread in self._threads:
                if thread.is_alive() and thread is not threading.current_thread():
                    thread.join(_PATIENCE)  # a killed helper ends both at once (EOF, EPIPE)
            for pipe in (self._process.stdin, self._process.stdout):
                if pipe is not None:
                    # A dead helper's stdin cannot take what is still buffered: the pipe
                    # closes all the same, and the error is no one's business.
                    with contextlib.suppress(OSError, ValueError):
                        pipe.close()

    def __enter__(self) -> ScanAhead:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _feed(self, lexicons: tuple[Lexicon, ...], texts: list[list[str]]) -> None:
        assert self._process is not None and self._process.stdin is not None
        stdin = self._process.stdin
        try:
            pickle.dump(lexicons, stdin, pickle.HIGHEST_PROTOCOL)
            for n in range(self._skip, len(texts)):
                with self._changed:
                    # Nothing before the helper is ready (the caller scans those chunks
                    # itself), and a bounded lead: scans waiting to be taken cost memory.
                    while not self._over and (not self._ready or n - self._asked > _LEAD):
                        self._changed.wait()
                    if self._over:
                        return
                    if n in self._scanned_here:
                        continue
                # One joined string, not the blocks' own: pickling a str caches its UTF-8
                # form in it, which would double the article's text in memory.
                chunk = texts[n]
                lengths = [len(text) for text in chunk]
                pickle.dump((n, "\n".join(chunk), lengths), stdin, pickle.HIGHEST_PROTOCOL)
                stdin.flush()  # the helper starts on it now; the pipe holds about one chunk
            stdin.close()
        except Exception:  # any: a thread's error would print over the reader's screen
            self._end()  # the helper died or was closed: every chunk left is scanned here

    def _collect(self) -> None:
        assert self._process is not None and self._process.stdout is not None
        stdout = self._process.stdout
        try:
            while True:
                n, found = pickle.load(stdout)
                with self._changed:
                    if n == _READY:
                        self._ready = True
                    elif n not in self._scanned_here:
                        self._done[n] = found
                    self._changed.notify_all()
        except Exception:  # EOF, a broken pipe, a pickle cut short by a crash: all the same
            self._end()

    def _end(self) -> None:
        with self._changed:
            self._over = True
            self._changed.notify_all()


def _serve(stdin: IO[bytes], stdout: IO[bytes]) -> None:
    """The helper's loop: the lexicons, then chunks (n, the blocks' texts joined by newlines,
    their lengths), each answered in order."""
    lexicons: tuple[Lexicon, ...] = pickle.load(stdin)
    pickle.dump((_READY, None), stdout, pickle.HIGHEST_PROTOCOL)
    stdout.flush()
    while True:
        try:
            n, joined, lengths = pickle.load(stdin)
        except EOFError:
            return
        texts = []
        start = 0
        for length in lengths:
            texts.append(joined[start : start + length])
            start += length + 1
        pickle.dump((n, scan_chunk(texts, lexicons)), stdout, pickle.HIGHEST_PROTOCOL)
        stdout.flush()


if __name__ == "__main__":
    _serve(sys.stdin.buffer, sys.stdout.buffer)
