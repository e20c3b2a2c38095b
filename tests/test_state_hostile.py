"""The state file meets what a hostile or unlucky disk holds: a FIFO in its place (issue
13.11) and the temporary files of saves killed with -9 (issue 13.15)."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

from reader.viewmodel.state import FILENAME, STALE_TEMP_SECONDS, Position, StateStore


def test_a_fifo_at_the_state_file_neither_blocks_nor_loses_the_next_save(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / FILENAME)
    store = StateStore(tmp_path)
    found: list[Position | None] = []
    reading = threading.Thread(target=lambda: found.append(store.load("path:/a.txt")), daemon=True)
    reading.start()
    reading.join(timeout=10)
    assert not reading.is_alive(), "load() blocked on the FIFO"
    assert found == [None]
    assert any("moved aside" in warning for warning in store.warnings)
    store.save("path:/a.txt", Position(3))
    assert StateStore(tmp_path).load("path:/a.txt") == Position(3)
    # Nothing lost: the FIFO is kept beside it, not deleted.
    assert [p.name for p in tmp_path.glob(f"{FILENAME}.corrupt-*")]


def test_a_save_removes_the_temporary_files_of_killed_saves(tmp_path: Path) -> None:
    old = tmp_path / f".{FILENAME}.k1ll3d.tmp"
    old.write_text('{"version": 1, "art', "utf-8")
    stamp = time.time() - STALE_TEMP_SECONDS - 10
    os.utime(old, (stamp, stamp))
    recent = tmp_path / f".{FILENAME}.wr1t1ng.tmp"
    recent.write_text("{", "utf-8")
    unrelated = tmp_path / "notes.tmp"
    unrelated.write_text("mine", "utf-8")
    StateStore(tmp_path).save("path:/a.txt", Position(1))
    assert not old.exists()
    assert recent.exists() and unrelated.exists()
