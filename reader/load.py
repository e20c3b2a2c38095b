"""Turn the paths a user names into decoded documents, and every file that fails into one line.

This is the only stage that touches the file system. It never raises for bad input: each path
that cannot be used becomes one `ReaderError` in `LoadReport.problems`, and the other paths
still load, so one broken file in a folder does not cost the user the rest.

What a path may be:
- a file: read whatever its extension; `.md`/`.markdown` are Markdown, `.html`/`.htm` are HTML,
  a file with no extension is sniffed like stdin, and any other extension is plain text;
- a directory: every supported file directly inside it (`.txt`, `.text`, `.md`, `.markdown`,
  `.html`, `.htm`, any case), sorted by name; not recursive. Files with no or another extension
  and hidden files are skipped there, because folders of articles also hold READMEs, licences
  and `.DS_Store`; name such a file explicitly to read it;
- `-`: standard input, its format sniffed from the text.

Decoding: UTF-8 with or without a BOM (UTF-16 with a BOM too). UTF-8 with a few bad sequences
(a truncated download, a stray byte) stays UTF-8, each bad sequence shown as U+FFFD, with one
warning. Anything else falls back to cp1251 when the bytes look Cyrillic, else latin-1 (which
decodes every byte), with one warning.
"""

from __future__ import annotations

import os
import re
import stat
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Literal

from reader.errors import ReaderError

Format = Literal["text", "markdown", "html"]

DEFAULT_MAX_BYTES = 32 * 1024 * 1024
STDIN_NAME = "<stdin>"

EXTENSIONS: dict[str, Format] = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
}

# A NUL in the first 8 KB marks a binary file, as git and grep decide it.
_BINARY_PROBE = 8 * 1024
# The encoding guess looks at a sample: enough text to judge, cheap on a 20 MB file.
_SNIFF_BYTES = 64 * 1024

_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://")
_NON_SPACE = re.compile(r"\S")
_HTML_START = re.compile(r"\s*<(?:!doctype|html)[\s>]", re.IGNORECASE)
_HTML_TAG = re.compile(r"<(?:p|article)[\s>]", re.IGNORECASE)
_MD_HEADING = re.compile(r"^ {0,3}#{1,6}[ \t]+\S", re.MULTILINE)
_MD_LIST_ITEM = re.compile(r"^ {0,3}(?:[-*+]|\d{1,9}[.)])[ \t]+\S", re.MULTILINE)

# Bytes that cp1251 maps to Cyrillic letters: А-я at 0xC0-0xFF, Ё 0xA8, ё 0xB8.
_CP1251_LETTERS = bytes([*range(0xC0, 0x100), 0xA8, 0xB8])
_ASCII = bytes(range(0x80))
_HIGH_RUN = re.compile(rb"[\x80-\xff]{3,}")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
REPLACEMENT = "\ufffd"
_UTF8_REPLACEMENT = REPLACEMENT.encode("utf-8")
_VALID_PER_BAD = 3


@dataclass(frozen=True, slots=True)
class Document:
    """One decoded input: `source` is the path as given (or "<stdin>" or the URL), `text` its
    text; `url` the address it was fetched from (the final one, after redirects), if any."""

    source: str
    text: str
    format: Format
    url: str | None = None


@dataclass(frozen=True, slots=True)
class LoadReport:
    """What `load` could read, what it could not (one error per path) and what it guessed."""

    documents: tuple[Document, ...]
    problems: tuple[ReaderError, ...]
    warnings: tuple[str, ...]


def is_url(text: str) -> bool:
    """Whether a command-line argument is an address (`scheme://…`) rather than a path; only
    http and https ones are then fetched (`reader.fetch.check_url` refuses the others in one
    line). Here, not in `reader.fetch`: opening files needs no web module."""
    return _SCHEME.match(text) is not None


def load(
    paths: Sequence[str],
    *,
    stdin: BinaryIO | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> LoadReport:
    """Read every path in order; collect the documents, one error per unusable input, and the
    encoding warnings. `stdin` is read for "-" (defaults to `sys.stdin.buffer`)."""
    documents: list[Document] = []
    problems: list[ReaderError] = []
    warnings: list[str] = []

    def take(source: str, data: bytes, fmt: Format | None) -> None:
        try:
            documents.append(_document(source, data, fmt, warnings))
        except ReaderError as error:
            problems.append(error)

    for given in paths:
        if given == "-":
            stream = stdin if stdin is not None else getattr(sys.stdin, "buffer", None)
            if stream is None:
                problems.append(ReaderError("no standard input to read", where=STDIN_NAME))
                continue
            try:
                data = _read_stream(stream, STDIN_NAME, max_bytes)
            except ReaderError as error:
                problems.append(error)
                continue
            take(STDIN_NAME, data, None)
            continue
        if not given:
            problems.append(ReaderError("empty path: name a file, a directory or -", where='""'))
            continue
        path = Path(given)
        try:
            members = _directory_members(path, given) if _is_dir(path) else [(given, path)]
        except ReaderError as error:
            problems.append(error)
            continue
        for source, member in members:
            try:
                data = _read_file(member, source, max_bytes)
            except ReaderError as error:
                problems.append(error)
                continue
            take(source, data, format_for_path(source))
    return LoadReport(tuple(documents), tuple(problems), tuple(warnings))


def expand(paths: Sequence[str]) -> tuple[list[str], list[ReaderError]]:
    """The files `load` would read for `paths` (a directory replaced by its articles, "-"
    kept), and one error per directory that could not be listed: for callers that read the
    files elsewhere, such as the worker processes of `reader stats`."""
    files: list[str] = []
    problems: list[ReaderError] = []
    for given in paths:
        if given and given != "-" and _is_dir(Path(given)):
            try:
                files.extend(source for source, _ in _directory_members(Path(given), given))
            except ReaderError as error:
                problems.append(error)
            continue
        files.append(given)
    return files, problems


def format_for_path(path: str) -> Format | None:
    """The format a file's extension names; None (sniff the text) when it has no extension."""
    suffix = Path(path).suffix.lower()
    if not suffix:
        return None
    return EXTENSIONS.get(suffix, "text")


def sniff_format(text: str) -> Format:
    """Guess the format of text with no file name (stdin, a file with no extension).

    HTML when it starts with `<!doctype` or `<html`, or holds a `<p>` or `<article>` tag;
    Markdown when it has an ATX heading (`# `) or at least two list items; else plain text.
    """
    head = text[:_SNIFF_BYTES]
    if _HTML_START.match(head) or _HTML_TAG.search(head):
        return "html"
    if _MD_HEADING.search(head):
        return "markdown"
    items = _MD_LIST_ITEM.finditer(head)
    if next(items, None) is not None and next(items, None) is not None:
        return "markdown"
    return "text"


def decode(data: bytes, source: str) -> tuple[str, str | None]:
    """`data` as text, and a one-line warning when it was not UTF-8 and had to be guessed.

    Never raises: latin-1 decodes every byte, so the last fallback always succeeds.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace"), None
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError:
        pass
    mostly = _mostly_utf8(data)
    if mostly is not None:
        text, bad = mostly
        sequences = "sequence" if bad == 1 else "sequences"
        return text, f"{source}: not valid UTF-8 in {bad:,} {sequences}, replaced by U+FFFD"
    if _looks_cp1251(data):
        return data.decode("cp1251", errors="replace"), f"{source}: not UTF-8; read as cp1251"
    return data.decode("latin-1"), f"{source}: not UTF-8; read as latin-1"


def format_size(size: int) -> str:
    """A byte count as people read it: "812 bytes", "40.0 KB", "33.5 MB" (1 KB = 1024 bytes)."""
    if size < 1024:
        return f"{size} bytes"
    value = float(size)
    for unit in ("KB", "MB", "GB"):
        value /= 1024
        if value < 1024 or unit == "GB":
            return f"{value:.1f} {unit}".replace(".0 ", " ")
    raise AssertionError("unreachable")  # pragma: no cover


def _mostly_utf8(data: bytes) -> tuple[str, int] | None:
    """UTF-8 with a few bad sequences (a truncated copy, one stray byte): the text with each
    bad sequence replaced, and how many there were; None when the bytes are not UTF-8 at all.

    Mostly valid means at least `_VALID_PER_BAD` well-formed non-ASCII characters for each bad
    sequence: latin-1 and cp1251 text almost never forms even one, so decoding such a file
    as latin-1 would garble every accented or Cyrillic letter to save one.
    """
    text = data.decode("utf-8", errors="replace")
    bad = text.count(REPLACEMENT) - data.count(_UTF8_REPLACEMENT)
    non_ascii = len(text) - len(text.encode("ascii", errors="ignore"))
    valid = non_ascii - text.count(REPLACEMENT) + data.count(_UTF8_REPLACEMENT)
    if bad <= 0 or valid < _VALID_PER_BAD * bad:
        return None
    return text, bad


def _looks_cp1251(data: bytes) -> bool:
    """True when the non-ASCII bytes read as Russian/Ukrainian text in cp1251.

    Western latin-1 text also puts its accented letters in 0xC0-0xFF, so the range alone does
    not decide: Cyrillic words are runs of high bytes, while accents sit alone inside ASCII
    words. Most high bytes must be cp1251 letters, most must sit in runs of three or more, and
    the decoded sample must be mostly Cyrillic.
    """
    sample = data[:_SNIFF_BYTES]
    high = sample.translate(None, _ASCII)
    if not high:
        return False
    letters = len(high) - len(high.translate(None, _CP1251_LETTERS))
    if letters < 0.7 * len(high):
        return False
    in_runs = sum(len(run) for run in _HIGH_RUN.findall(sample))
    if in_runs < 0.5 * len(high):
        return False
    decoded = high.decode("cp1251", errors="replace")
    return len(_CYRILLIC.findall(decoded)) >= 0.7 * len(decoded)


def _document(source: str, data: bytes, fmt: Format | None, warnings: list[str]) -> Document:
    """Check and decode one input's bytes; ReaderError when they hold no usable text."""
    if b"\x00" in data[:_BINARY_PROBE] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ReaderError("binary file (NUL bytes), not an article", where=source)
    text, warning = decode(data, source)
    if _NON_SPACE.search(text) is None:
        raise ReaderError("empty file: no text to read", where=source)
    if warning is not None:
        warnings.append(warning)
    return Document(source=source, text=text, format=fmt or sniff_format(text))


def _is_dir(path: Path) -> bool:
    """Whether `path` is a directory; False when it cannot even be looked at (the read that
    follows then reports why)."""
    try:
        return path.is_dir()
    except OSError:
        return False


def _directory_members(path: Path, given: str) -> list[tuple[str, Path]]:
    """The supported files directly inside a directory, sorted by name, with display names."""
    try:
        entries = sorted(path.iterdir(), key=lambda entry: entry.name)
    except OSError as error:
        raise ReaderError(f"cannot list directory: {_reason(error)}", where=given) from None
    members: list[tuple[str, Path]] = []
    for entry in entries:
        if entry.name.startswith(".") or entry.suffix.lower() not in EXTENSIONS:
            continue
        try:
            if not entry.is_file():
                continue
        except OSError:
            continue
        members.append((str(Path(given) / entry.name), entry))
    if not members:
        kinds = ", ".join(EXTENSIONS)
        raise ReaderError(f"directory holds no articles (looked for {kinds})", where=given)
    return members


def _read_file(path: Path, source: str, max_bytes: int) -> bytes:
    """The file's bytes, refusing before reading when it is larger than `max_bytes`."""
    try:
        with path.open("rb") as handle:
            size = _size(handle)
            if size is not None and size > max_bytes:
                raise _too_large(source, size, max_bytes)
            return _read_stream(handle, source, max_bytes)
    except FileNotFoundError:
        raise ReaderError("no such file", where=source) from None
    except IsADirectoryError:
        raise ReaderError("is a directory", where=source) from None
    except PermissionError:
        raise ReaderError("permission denied: cannot read this file", where=source) from None
    except OSError as error:
        raise ReaderError(f"cannot read: {_reason(error)}", where=source) from None
    except ValueError:  # a NUL character in the path
        raise ReaderError("not a usable file name", where=source) from None


def _read_stream(stream: BinaryIO, source: str, max_bytes: int) -> bytes:
    """Read at most one byte past the limit, so a stream cannot make us hold more than that."""
    try:
        data = stream.read(max_bytes + 1)
    except OSError as error:
        raise ReaderError(f"cannot read: {_reason(error)}", where=source) from None
    except ValueError:  # a closed stream
        raise ReaderError("cannot read: the stream is closed", where=source) from None
    if len(data) > max_bytes:
        raise _too_large(source, None, max_bytes)
    return data


def _size(handle: BinaryIO) -> int | None:
    """The size of a regular file, or None for pipes and devices whose size says nothing."""
    try:
        status = os.fstat(handle.fileno())
    except (OSError, ValueError):
        return None
    return status.st_size if stat.S_ISREG(status.st_mode) else None


def _too_large(source: str, size: int | None, max_bytes: int) -> ReaderError:
    limit = format_size(max_bytes)
    if size is None:
        what = "input is over"
    elif format_size(size) == limit:
        what = f"file is {size:,} bytes, over"
    else:
        what = f"file is {format_size(size)}, over"
    mib = 1024 * 1024
    needed = -(-size // mib) if size is not None else 2 * -(-max_bytes // mib)
    return ReaderError(
        f"{what} the {limit} limit; raise it with --max-size {needed}M", where=source
    )


def _reason(error: OSError) -> str:
    return (error.strerror or type(error).__name__).lower()
