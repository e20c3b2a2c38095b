"""Reading positions and marks, kept per article under the XDG state directory.

Nothing here may stop the reader: a state directory that cannot be written, a corrupt or
truncated file, another reader writing at the same moment all end in at most one warning line
(collected in `StateStore.warnings`) and never in an exception.

The file, `positions.json`:

    {"version": 1,
     "articles": {"path:/home/me/a.md": {"block": 12, "actor": "nato",
                                          "marks": {"a": 3}, "time": 1764130000.0}}}

- Writes are atomic: a temporary file in the same directory, flushed and fsync'd, then
  `os.replace`d over the old one, then the directory fsync'd. A crash mid-write leaves the old
  file whole.
- Two readers open at once lose nothing the other wrote: a save takes an exclusive `flock` on a
  separate lock file (the data file itself is replaced, so locking it would lock a file that is
  about to vanish), re-reads the file under the lock, merges only the keys this reader changed,
  and writes. Readers of the file need no lock, since a replace is atomic.
- The file stays small: at most `limit` articles (1000 by default); the least recently saved
  go first. "Recently used" is the time of the last save, which the reader does on moving.
- Keys: an article read from a file is keyed by its resolved path, so an edited file still
  restores (the UI clamps the block with `Position.clamped`); an article from stdin, which has
  no lasting name, is keyed by a hash of its text.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import json
import os
import stat
import tempfile
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from reader.xdg import state_home

FILENAME = "positions.json"
VERSION = 1
DEFAULT_LIMIT = 1000
# Far above what 1000 articles need (~200 KB): a larger file is not one this module wrote.
MAX_FILE_BYTES = 16 * 1024 * 1024
# How long a save waits for another reader's lock before giving up with a warning. A save
# holds the lock for one small write, so reaching this means something is badly wrong.
LOCK_TIMEOUT = 5.0
# A temporary file older than this is left over from a save that was killed.
STALE_TEMP_SECONDS = 60.0

_Entry = dict[str, Any]


class _CorruptError(Exception):
    """The state file exists but is not one this module could have written."""


@dataclass(frozen=True, slots=True)
class Position:
    """Where the reader was in one article: the current block, the focused actor, the marks."""

    block: int
    actor: str | None = None
    marks: Mapping[str, int] = field(default_factory=dict)

    def clamped(self, blocks: int) -> Position:
        """This position fitted to an article of `blocks` blocks (it may have been edited).

        Marks past the end are dropped rather than moved: a mark that now points elsewhere
        would silently mislead.
        """
        last = max(blocks - 1, 0)
        marks = {letter: index for letter, index in self.marks.items() if index <= last}
        return Position(min(self.block, last), self.actor, marks)


def _is_index(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _valid_entry(entry: object) -> bool:
    if not isinstance(entry, dict):
        return False
    marks = entry.get("marks", {})
    return (
        _is_index(entry.get("block"))
        and (entry.get("actor") is None or isinstance(entry.get("actor"), str))
        and isinstance(marks, dict)
        and all(isinstance(k, str) and _is_index(v) for k, v in marks.items())
        and isinstance(entry.get("time", 0), int | float)
        and not isinstance(entry.get("time", 0), bool)
    )


def _parse(data: bytes) -> dict[str, _Entry]:
    """The articles of a state file's bytes; raises _CorruptError for anything we did not write."""
    try:
        document = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as error:
        raise _CorruptError(str(error)) from None
    if not isinstance(document, dict) or document.get("version") != VERSION:
        raise _CorruptError("not a version 1 state file")
    articles = document.get("articles")
    if not isinstance(articles, dict):
        raise _CorruptError("no articles")
    if not all(isinstance(key, str) and _valid_entry(e) for key, e in articles.items()):
        raise _CorruptError("an article entry has the wrong shape")
    return articles


def _entry(position: Position, now: float) -> _Entry:
    return {
        "block": position.block,
        "actor": position.actor,
        "marks": dict(position.marks),
        "time": now,
    }


def _position(entry: _Entry) -> Position:
    return Position(entry["block"], entry.get("actor"), dict(entry.get("marks", {})))


def _fsync_directory(directory: Path) -> None:
    """Make the rename itself durable; some systems cannot open a directory, which is fine."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


class StateStore:
    """Positions per article in one state directory, shared safely between running readers."""

    def __init__(
        self,
        directory: Path | None = None,
        *,
        limit: int = DEFAULT_LIMIT,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.directory = directory if directory is not None else state_home()
        self.path = self.directory / FILENAME
        self.lock_path = self.directory / (FILENAME + ".lock")
        self.limit = limit
        self.warnings: list[str] = []
        self._clock = clock
        # Saves that have not reached the disk yet (the directory was unwritable, the lock
        # busy): kept so this session still restores them, and retried with the next save.
        self._unsaved: dict[str, _Entry] = {}

    # -- public -------------------------------------------------------------------------------

    def key_for(self, source: str, text: str) -> str:
        """A stable key for an article: its URL, its resolved path, or a hash of its text for
        stdin.

        `source` is `Article.source`; `text` is any stable rendering of the article (e.g. its
        blocks' text joined), used only when the source is not a file ("-", "<stdin>").
        """
        if source.lower().startswith(("http://", "https://")):
            return f"url:{source}"
        if source and source != "-" and not source.startswith("<"):
            with contextlib.suppress(OSError, RuntimeError, ValueError):
                path = Path(source).expanduser().resolve()
                if path.is_file():
                    return f"path:{path}"
        import hashlib  # here: loading OpenSSL costs start-up ~2 ms, and files need no hash

        digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
        return f"sha256:{digest}"

    def load(self, key: str) -> Position | None:
        """The saved position for `key`, or None. Never raises."""
        if key in self._unsaved:
            return _position(self._unsaved[key])
        try:
            articles = self._read()
        except _CorruptError:
            articles = self._recover()
        except OSError as error:
            self._warn(f"cannot read state file {self.path}: {error.strerror or error}")
            return None
        entry = articles.get(key)
        return _position(entry) if entry is not None else None

    def save(self, key: str, position: Position) -> None:
        """Record `position` for `key`, merged with what other readers wrote. Never raises."""
        self._unsaved[key] = _entry(position, self._clock())
        try:
            self.directory.mkdir(parents=True, exist_ok=True, mode=0o700)
            with self._locked():
                try:
                    articles = self._read()
                except _CorruptError:
                    articles = self._move_aside()
                articles.update(self._unsaved)
                self._write(self._trim(articles))
                self._remove_stale_temps()
        except TimeoutError:
            self._warn(f"state file {self.path} is locked by another reader; position not saved")
            return
        except OSError as error:
            self._warn(
                f"cannot save the reading position in {self.directory}: {error.strerror or error}"
            )
            return
        self._unsaved.clear()

    # -- internals ----------------------------------------------------------------------------

    def _warn(self, message: str) -> None:
        """Record a warning once: a reader saving on every move must not repeat itself."""
        if message not in self.warnings:
            self.warnings.append(message)

    def _read(self) -> dict[str, _Entry]:
        """The articles on disk; {} when there is no file yet. Raises _CorruptError or OSError.

        Only a regular file is read: a FIFO put in its place would block `open` and `read`
        forever, so the open does not wait and anything else counts as corrupt (moved aside).
        """
        try:
            fd = os.open(self.path, os.O_RDONLY | os.O_NONBLOCK)
        except FileNotFoundError:
            return {}
        try:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                raise _CorruptError("not a regular file")
            os.set_blocking(fd, True)
            with os.fdopen(fd, "rb", closefd=False) as handle:
                data = handle.read(MAX_FILE_BYTES + 1)
        finally:
            os.close(fd)
        if len(data) > MAX_FILE_BYTES:
            raise _CorruptError("too large")
        return _parse(data)

    def _recover(self) -> dict[str, _Entry]:
        """Load found a corrupt file: move it aside under the lock (another reader may have
        replaced it meanwhile, so look again first)."""
        try:
            with self._locked():
                try:
                    return self._read()
                except _CorruptError:
                    return self._move_aside()
        except (OSError, TimeoutError) as error:
            self._warn(f"state file {self.path} is corrupt and could not be moved aside: {error}")
            return {}

    def _move_aside(self) -> dict[str, _Entry]:
        """Rename the corrupt file out of the way, keeping it for whoever wants to look."""
        stamp = f"{datetime.now():%Y%m%d-%H%M%S}"
        target = self.path.with_name(f"{FILENAME}.corrupt-{stamp}")
        counter = 1
        while target.exists():
            target = self.path.with_name(f"{FILENAME}.corrupt-{stamp}-{counter}")
            counter += 1
        self.path.replace(target)
        _fsync_directory(self.directory)
        self._warn(f"state file {self.path} was corrupt; moved aside to {target.name}")
        return {}

    def _trim(self, articles: dict[str, _Entry]) -> dict[str, _Entry]:
        if len(articles) <= self.limit:
            return articles
        newest = sorted(articles.items(), key=lambda item: item[1].get("time", 0), reverse=True)
        return dict(newest[: self.limit])

    def _write(self, articles: dict[str, _Entry]) -> None:
        """Replace the file atomically: temp file in the same directory, fsync, rename."""
        data = json.dumps({"version": VERSION, "articles": articles}, separators=(",", ":"))
        fd, name = tempfile.mkstemp(dir=self.directory, prefix=f".{FILENAME}.", suffix=".tmp")
        temp = Path(name)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            temp.replace(self.path)
        except BaseException:
            with contextlib.suppress(OSError):
                temp.unlink()
            raise
        _fsync_directory(self.directory)

    def _remove_stale_temps(self) -> None:
        """Delete temporary files a killed save left behind (`kill -9` between `mkstemp` and
        the rename). Called under the lock, when no save of any reader is under way; only
        files older than `STALE_TEMP_SECONDS`, in case a reader of an older version that
        writes without the lock is still at work."""
        now = time.time()
        for temp in self.directory.glob(f".{FILENAME}.*.tmp"):
            with contextlib.suppress(OSError):
                if now - temp.lstat().st_mtime > STALE_TEMP_SECONDS:
                    temp.unlink()

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        """An exclusive flock on the lock file; TimeoutError if it stays busy too long."""
        fd = os.open(self.lock_path, os.O_RDWR | os.O_CREAT | os.O_NONBLOCK, 0o600)
        try:
            deadline = time.monotonic() + LOCK_TIMEOUT
            while True:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except OSError as error:
                    if error.errno not in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK):
                        raise
                    if time.monotonic() > deadline:
                        raise TimeoutError from None
                    time.sleep(0.005)
            yield
        finally:
            os.close(fd)  # closing releases the lock
