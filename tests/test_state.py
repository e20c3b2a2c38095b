"""Nothing lost: reading positions survive restarts, corruption, crashes and a second reader."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import reader
from reader.viewmodel.state import FILENAME, Position, StateStore

# The writer processes import this checkout's reader, installed or not.
SOURCE_ROOT = Path(reader.__file__).resolve().parent.parent


def test_a_saved_position_is_restored_by_a_new_session(tmp_path: Path) -> None:
    StateStore(tmp_path).save("path:/a.md", Position(7, "russia", {"a": 2, "b": 5}))

    restored = StateStore(tmp_path).load("path:/a.md")

    assert restored == Position(7, "russia", {"a": 2, "b": 5})
    assert StateStore(tmp_path).load("path:/other.md") is None


def test_nothing_saved_yet_means_no_position_and_no_warning(tmp_path: Path) -> None:
    store = StateStore(tmp_path / "not-yet-created")

    assert store.load("path:/a.md") is None
    assert store.warnings == []


def test_the_default_directory_is_the_xdg_state_home(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path))

    StateStore().save("k", Position(1))

    assert (tmp_path / "reader" / FILENAME).is_file()


def test_a_file_is_keyed_by_its_path_so_an_edited_file_still_restores(tmp_path: Path) -> None:
    article = tmp_path / "article.md"
    article.write_text("one\n\ntwo\n", encoding="utf-8")
    store = StateStore(tmp_path / "state")
    before = store.key_for(str(article), "one\n\ntwo\n")

    article.write_text("one\n\ntwo, edited\n", encoding="utf-8")
    after = store.key_for(str(tmp_path / "." / "article.md"), "one\n\ntwo, edited\n")

    assert before == after


def test_stdin_is_keyed_by_its_content(tmp_path: Path) -> None:
    store = StateStore(tmp_path)

    assert store.key_for("-", "same text") == store.key_for("<stdin>", "same text")
    assert store.key_for("-", "same text") != store.key_for("-", "other text")


def test_a_position_past_the_end_of_a_shortened_article_is_clamped() -> None:
    position = Position(40, "nato", {"a": 3, "z": 39})

    assert position.clamped(10) == Position(9, "nato", {"a": 3})
    assert position.clamped(0) == Position(0, "nato", {})


CORRUPT_FILES = {
    "bad json": b'{"version": 1, "articles": {',
    "truncated": b'{"version":1,"articles":{"k":{"block":3,"actor":null,"marks":{},"ti',
    "nul filled": b"\0" * 4096,
    "empty": b"",
    "not utf-8": b'{"version": 1, "articles": {"\xff": 1}}',
    "a list": b"[1, 2, 3]",
    "wrong entry": b'{"version": 1, "articles": {"k": {"block": "three"}}}',
    "negative block": b'{"version": 1, "articles": {"k": {"block": -1}}}',
    "bad marks": b'{"version": 1, "articles": {"k": {"block": 1, "marks": [1]}}}',
}


@pytest.mark.parametrize("content", CORRUPT_FILES.values(), ids=CORRUPT_FILES.keys())
def test_a_corrupt_state_file_is_moved_aside_with_one_warning(
    tmp_path: Path, content: bytes
) -> None:
    (tmp_path / FILENAME).write_bytes(content)
    store = StateStore(tmp_path)

    assert store.load("k") is None
    assert store.load("k") is None

    assert len(store.warnings) == 1
    assert "corrupt" in store.warnings[0]
    aside = list(tmp_path.glob(f"{FILENAME}.corrupt-*"))
    assert len(aside) == 1
    assert aside[0].name in store.warnings[0]
    assert aside[0].read_bytes() == content
    # The reader carries on: the next save starts a fresh file.
    store.save("k", Position(4))
    assert StateStore(tmp_path).load("k") == Position(4)


def test_saving_over_a_corrupt_file_moves_it_aside_too(tmp_path: Path) -> None:
    (tmp_path / FILENAME).write_bytes(b"\0\0\0")
    store = StateStore(tmp_path)

    store.save("k", Position(2))

    assert len(store.warnings) == 1
    assert len(list(tmp_path.glob(f"{FILENAME}.corrupt-*"))) == 1
    assert StateStore(tmp_path).load("k") == Position(2)


def test_an_unwritable_state_directory_warns_once_and_the_session_keeps_its_position(
    tmp_path: Path,
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory", encoding="utf-8")
    store = StateStore(blocker / "state")

    store.save("k", Position(3, "ukraine"))
    store.save("k", Position(5, "ukraine"))

    assert len(store.warnings) == 1
    assert "cannot save the reading position" in store.warnings[0]
    assert store.load("k") == Position(5, "ukraine")


def test_a_failed_write_leaves_the_old_file_whole_and_no_temporary_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = StateStore(tmp_path)
    store.save("k", Position(1))

    def disk_full(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", disk_full)
    store.save("k", Position(2))
    monkeypatch.undo()

    assert StateStore(tmp_path).load("k") == Position(1)
    assert store.warnings == [
        f"cannot save the reading position in {tmp_path}: No space left on device"
    ]
    assert sorted(p.name for p in tmp_path.iterdir()) == [FILENAME, FILENAME + ".lock"]
    # The position that did not reach the disk goes with the next save that works.
    store.save("other", Position(9))
    assert StateStore(tmp_path).load("k") == Position(2)


def test_two_readers_open_at_once_lose_nothing_the_other_wrote(tmp_path: Path) -> None:
    first, second = StateStore(tmp_path), StateStore(tmp_path)

    first.save("a", Position(1))
    second.save("b", Position(2))
    first.save("a", Position(3, marks={"x": 1}))
    second.save("c", Position(4))

    third = StateStore(tmp_path)
    assert third.load("a") == Position(3, marks={"x": 1})
    assert third.load("b") == Position(2)
    assert third.load("c") == Position(4)


WRITER = textwrap.dedent(
    """
    import sys
    import time
    from pathlib import Path
    from reader.viewmodel.state import Position, StateStore

    directory, name, count = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    store = StateStore(directory)
    for i in range(count):
        store.save(f"{name}-{i}", Position(i, name, {"a": i}))
        store.save("shared", Position(i, name))
        # A reader saves on a key press, not in a loop that retakes the lock the moment it is
        # free: without a pause the other writer's polls can miss every free moment on a
        # loaded machine (a starved lock, not a lost write).
        time.sleep(0.002)
    if store.warnings:
        sys.exit("\\n".join(store.warnings))
    """
)


def test_two_processes_saving_at_once_lose_nothing(tmp_path: Path) -> None:
    count = 150
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(tmp_path), name, str(count)],
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "PYTHONPATH": str(SOURCE_ROOT)},
        )
        for name in ("left", "right")
    ]
    for writer in writers:
        _, stderr = writer.communicate(timeout=60)
        assert writer.returncode == 0, stderr

    store = StateStore(tmp_path)
    for name in ("left", "right"):
        for i in range(count):
            assert store.load(f"{name}-{i}") == Position(i, name, {"a": i})
    assert store.load("shared") in (Position(count - 1, "left"), Position(count - 1, "right"))
    assert store.warnings == []
    assert not list(tmp_path.glob("*.tmp"))


def test_the_file_keeps_only_the_most_recently_used_articles(tmp_path: Path) -> None:
    now = [1000.0]

    def clock() -> float:
        now[0] += 1
        return now[0]

    store = StateStore(tmp_path, limit=3, clock=clock)
    for key in ("a", "b", "c"):
        store.save(key, Position(1))
    store.save("a", Position(2))  # a is used again: b is now the oldest
    store.save("d", Position(1))

    fresh = StateStore(tmp_path)
    assert fresh.load("b") is None
    assert [fresh.load(key) for key in ("a", "c", "d")] == [Position(2), Position(1), Position(1)]
    document = json.loads((tmp_path / FILENAME).read_text(encoding="utf-8"))
    assert len(document["articles"]) == 3


def test_the_default_limit_bounds_the_file_at_a_thousand_articles(tmp_path: Path) -> None:
    articles: dict[str, object] = {
        f"path:/{i}.md": {"block": i, "actor": None, "marks": {}, "time": float(i)}
        for i in range(1000)
    }
    (tmp_path / FILENAME).write_text(
        json.dumps({"version": 1, "articles": articles}), encoding="utf-8"
    )

    StateStore(tmp_path).save("path:/new.md", Position(1))

    fresh = StateStore(tmp_path)
    assert fresh.load("path:/new.md") == Position(1)
    assert fresh.load("path:/0.md") is None  # the oldest went
    assert fresh.load("path:/999.md") == Position(999)
    document = json.loads((tmp_path / FILENAME).read_text(encoding="utf-8"))
    assert len(document["articles"]) == 1000


def test_the_state_file_is_private_to_the_user(tmp_path: Path) -> None:
    StateStore(tmp_path / "state").save("k", Position(1))

    assert (tmp_path / "state" / FILENAME).stat().st_mode & 0o077 == 0
    assert (tmp_path / "state").stat().st_mode & 0o077 == 0
