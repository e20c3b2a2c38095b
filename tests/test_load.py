"""Loading: what a user gets from the paths they name, and one clear line for each bad one."""

from __future__ import annotations

import io
from pathlib import Path
from typing import IO, Any, BinaryIO

import pytest

from reader.errors import ReaderError
from reader.load import DEFAULT_MAX_BYTES, Document, Format, load, sniff_format

DEV = Path(__file__).parent / "data" / "dev"
SEED = Path(__file__).parents[1] / "seeds" / "000_411166840a9e04ac.txt"

RUSSIAN = "Министр иностранных дел России заявил, что переговоры продолжатся в среду.\n"


def only_problem(
    paths: list[str], stdin: BinaryIO | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> ReaderError:
    report = load(paths, stdin=stdin, max_bytes=max_bytes)
    assert report.documents == ()
    assert len(report.problems) == 1
    problem = report.problems[0]
    assert "\n" not in str(problem)
    return problem


def test_reads_a_file_with_its_format_from_the_extension(tmp_path: Path) -> None:
    cases: list[tuple[str, Format]] = [
        ("a.txt", "text"),
        ("b.TEXT", "text"),
        ("c.md", "markdown"),
        ("d.markdown", "markdown"),
        ("e.html", "html"),
        ("f.HTM", "html"),
        ("g.csv", "text"),
    ]
    for name, fmt in cases:
        (tmp_path / name).write_text("# Heading\n\n<p>body</p>\n", encoding="utf-8")
        report = load([str(tmp_path / name)])
        assert report.documents == (
            Document(str(tmp_path / name), "# Heading\n\n<p>body</p>\n", fmt),
        )
        assert report.problems == () and report.warnings == ()


def test_a_file_without_extension_is_sniffed(tmp_path: Path) -> None:
    (tmp_path / "article").write_text("<!DOCTYPE html><p>Hi</p>", encoding="utf-8")
    assert load([str(tmp_path / "article")]).documents[0].format == "html"


def test_a_directory_gives_its_supported_files_sorted_by_name(tmp_path: Path) -> None:
    for name in ["b.md", "a.txt", "C.html", "notes.csv", "README", ".hidden.txt", "c.htm"]:
        (tmp_path / name).write_text("Some text.\n", encoding="utf-8")
    (tmp_path / "sub.txt").mkdir()
    report = load([str(tmp_path)])
    assert [Path(d.source).name for d in report.documents] == ["C.html", "a.txt", "b.md", "c.htm"]
    assert report.documents[0].source == str(tmp_path / "C.html")
    assert report.problems == ()


def test_the_dev_set_and_seed_load_as_utf8_without_warnings() -> None:
    report = load([str(DEV), str(SEED)])
    assert len(report.documents) == 16
    assert report.problems == () and report.warnings == ()
    assert [d.format for d in report.documents].count("markdown") == 2


def test_stdin_is_read_for_a_dash_and_its_format_sniffed() -> None:
    cases: list[tuple[str, Format]] = [
        ("<!doctype html><title>x</title>", "html"),
        ("  <HTML><body>x</body></HTML>", "html"),
        ("Intro\n<article><p>Body</p></article>", "html"),
        ("# Title\n\nBody\n", "markdown"),
        ("Intro\n\n- one\n- two\n", "markdown"),
        ("Title\n\nJust a paragraph - with a dash.\n", "text"),
    ]
    for text, fmt in cases:
        report = load(["-"], stdin=io.BytesIO(text.encode()))
        assert report.documents == (Document("<stdin>", text, fmt),)
    assert sniff_format("- one dash line only\n") == "text"


def test_utf8_bom_is_dropped_without_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbfTitle\n\nBody.\n")
    report = load([str(path)])
    assert report.documents[0].text == "Title\n\nBody.\n"
    assert report.warnings == ()


def test_utf16_with_bom_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "notepad.txt"
    path.write_bytes("Заголовок\n\nТекст.\n".encode("utf-16"))
    report = load([str(path)])
    assert report.documents[0].text == "Заголовок\n\nТекст.\n"
    assert report.problems == () and report.warnings == ()


def test_cyrillic_cp1251_is_recognised_with_one_warning(tmp_path: Path) -> None:
    path = tmp_path / "dev.txt"
    path.write_bytes(("Заголовок\n\n" + RUSSIAN * 3).encode("cp1251"))
    report = load([str(path)])
    assert report.documents[0].text == "Заголовок\n\n" + RUSSIAN * 3
    assert report.warnings == (f"{path}: not UTF-8; read as cp1251",)


def test_cyrillic_words_in_english_text_still_read_as_cp1251(tmp_path: Path) -> None:
    path = tmp_path / "mixed.txt"
    text = "The Kremlin spokesman, in Russian: Песков сказал, that talks would continue.\n"
    path.write_bytes(text.encode("cp1251"))
    report = load([str(path)])
    assert report.documents[0].text == text
    assert report.warnings == (f"{path}: not UTF-8; read as cp1251",)


def test_western_latin1_text_falls_back_to_latin1_with_one_warning(tmp_path: Path) -> None:
    path = tmp_path / "fr.txt"
    text = "Élysée: le président a réaffirmé son soutien à l'Ukraine, a déclaré Größe.\n" * 5
    path.write_bytes(text.encode("latin-1"))
    report = load([str(path)])
    assert report.documents[0].text == text
    assert report.warnings == (f"{path}: not UTF-8; read as latin-1",)


def test_any_bytes_load_without_raising(tmp_path: Path) -> None:
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes(range(1, 256)) * 4 + b"\x98\x98\x98 text")
    report = load([str(path)])
    assert len(report.documents) == 1
    assert len(report.warnings) == 1


def test_a_missing_file_is_one_problem_and_the_others_still_load(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Fine.\n", encoding="utf-8")
    missing = str(tmp_path / "missing.txt")
    report = load([missing, str(good)])
    assert [d.source for d in report.documents] == [str(good)]
    assert [str(p) for p in report.problems] == [f"{missing}: no such file"]
    assert report.problems[0].where == missing


def test_an_unreadable_file_is_one_problem(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Tests may run as root, which chmod cannot stop; so the file system refuses instead.
    locked = tmp_path / "locked.txt"
    locked.write_text("Secret.\n", encoding="utf-8")
    real_open = Path.open

    def refusing_open(self: Path, mode: str = "r", buffering: int = -1) -> IO[Any]:
        if self == locked:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, mode, buffering)

    monkeypatch.setattr(Path, "open", refusing_open)
    problem = only_problem([str(locked)])
    assert str(problem) == f"{locked}: permission denied: cannot read this file"


def test_a_directory_with_no_articles_is_one_problem(tmp_path: Path) -> None:
    (tmp_path / "notes.csv").write_text("a,b\n", encoding="utf-8")
    problem = only_problem([str(tmp_path)])
    assert problem.where == str(tmp_path)
    assert "no articles" in str(problem) and ".md" in str(problem)


@pytest.mark.parametrize("content", [b"", b"   \n\t\r\n  \n"])
def test_an_empty_or_blank_file_is_one_problem(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    assert str(only_problem([str(path)])) == f"{path}: empty file: no text to read"


def test_an_empty_stdin_is_one_problem() -> None:
    problem = only_problem(["-"], stdin=io.BytesIO(b"\n"))
    assert str(problem) == "<stdin>: empty file: no text to read"


def test_a_binary_file_is_one_problem(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(100))
    assert "binary file" in str(only_problem([str(path)]))


def test_a_file_over_the_size_limit_names_the_sizes_and_the_option(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_bytes(b"word " * 1024 * 1024)  # 5 MB
    message = str(only_problem([str(path)], max_bytes=2 * 1024 * 1024))
    assert message == f"{path}: file is 5 MB, over the 2 MB limit; raise it with --max-size 5M"


def test_stdin_over_the_size_limit_is_one_problem() -> None:
    message = str(only_problem(["-"], stdin=io.BytesIO(b"x" * 2048), max_bytes=1024))
    assert message == "<stdin>: input is over the 1 KB limit; raise it with --max-size 2M"


def test_default_limit_is_32_mb() -> None:
    assert DEFAULT_MAX_BYTES == 32 * 1024 * 1024


def test_every_bad_input_at_once_leaves_the_good_ones(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01")
    (tmp_path / "good.md").write_text("# Title\n", encoding="utf-8")
    empty_dir = tmp_path / "nothing"
    empty_dir.mkdir()
    paths = [str(tmp_path), str(empty_dir), str(tmp_path / "gone.html"), "", "-"]
    report = load(paths, stdin=io.BytesIO(b"\x00binary"))
    assert [Path(d.source).name for d in report.documents] == ["good.md"]
    wheres = [p.where for p in report.problems]
    assert wheres[:5] == [
        str(tmp_path / "bin.txt"),
        str(tmp_path / "empty.txt"),
        str(empty_dir),
        str(tmp_path / "gone.html"),
        '""',
    ]
    assert len(report.problems) == 6 and wheres[5] == "<stdin>"


def test_a_missing_stdin_is_one_problem(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", None)
    assert str(only_problem(["-"])) == "<stdin>: no standard input to read"
