"""What start-up builds from YAML files, cached on disk by the content of those files: the
compiled configuration (`reader.config.load_config`) and the themes (`reader.ui.themes`).

Why: at start-up, building the rules (reading and validating YAML, running the rules' examples,
factoring hundreds of terms into a few patterns and compiling those) took longer than Textual
took to show its first screen, and even the four theme files cost YAML's and the validator's
imports. Compiling the big term patterns is most of the rules' cost, and a pickled `re.Pattern`
compiles itself again when it is loaded (~40 ms, a fifth of Textual's own start), so the cache
keeps each pattern as the `re` module's own compiled form (its code list, what
`re._compiler.compile` hands to `_sre.compile`), which loads in microseconds. Caching only the
validated data would leave that compilation, and the tries' factoring, at every start.

The same compiled form keeps the start-up's other regexes: the patterns that the reader's
modules, Textual (its CSS tokenizer) and the standard library compile while the first screen
is built, about 140, each compiled by `re` at every start (a tenth of the reader's own
start-up). `StartupPatterns` puts the ones the last start used into `re`'s own cache before
they are asked for, so `re.compile` finds them there; once the first screen is up it takes
note of what `re` holds, and the CLI keeps that when it was not all in the cache already.
The note is taken then, not at exit, so nothing a user typed (a search) is ever written.
`StartupCode` does the same for the methods `dataclasses` writes as source text and compiles
for each class (`__init__`, `__repr__`, `__eq__`...): ~75 classes, the reader's and Textual's,
as much again as those regexes. Their code is kept marshalled, keyed by that text.

The key covers everything the result depends on: the files' paths and bytes, the Python build
and `_sre.MAGIC` (the compiled form's format; `_sre.compile` also checks the code it is given),
and the source of the modules that build the result or define what is pickled, the `regex` and
`yaml` packages' included (a changed rule compiler never meets an old cache). Only regular files
are read for the key: a pipe (`--config <(...)`) must be read once, by the loader, and a device
never ends, so either makes the result uncached. Anything unexpected (a missing or corrupt file,
a Python without these internals) is a cache miss, never an error: the caller builds the result
as before. The cache lives in `$XDG_CACHE_HOME/reader` (default ~/.cache), the user's own, like
the rest of their files (a pickle is code); only the newest `KEEP` entries of each kind are kept.
"""

from __future__ import annotations

import contextlib
import dataclasses
import io
import marshal
import os
import pickle
import re
import stat
import sys
import tempfile
from collections.abc import Sequence
from importlib import import_module
from importlib.util import MAGIC_NUMBER, find_spec
from pathlib import Path
from types import CodeType
from typing import Any

from reader.xdg import cache_home

try:  # built into CPython: `hashlib` would load OpenSSL first (~2 ms of every start)
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - a Python built without it
    from hashlib import blake2b

KEEP = 4
"""Cache files kept of each kind (one per distinct set of files: bundled, with a --config...)."""

MAX_FILE = 4 * 1024 * 1024
"""Files larger than this are not read for a key (the YAML loader refuses them anyway)."""

_FORMAT = 2

# The `re` module's parser, code generator and engine (no stubs: internal, hence the key).
_parser: Any = import_module("re._parser")
_compiler: Any = import_module("re._compiler")
_sre: Any = import_module("_sre")

RULES_MODULES = (
    "reader.rules",
    "reader.rules.cache",
    "reader.model",
    "reader.config",
    "reader.safe_yaml",
    "reader.rules.schema",
    "reader.rules.merge",
    "reader.rules.grammar",
    "reader.rules.compile",
    "reader.rules.prefilter",
    "regex._main",  # its version, and with it the compiled form of its patterns
    "yaml",
)
"""The modules that build a `Config` from its files or define what its pickle holds: a change
to any of them changes the key."""


def _rebuild_pattern(
    pattern: str, flags: int, code: list[int], groups: int, groupindex: Any, indexgroup: Any
) -> re.Pattern[str]:
    """A compiled `re` pattern from its compiled form (see `_compiled_form`)."""
    compiled: re.Pattern[str] = _sre.compile(pattern, flags, code, groups, groupindex, indexgroup)
    return compiled


def _compiled_form(compiled: re.Pattern[str]) -> tuple[Any, ...]:
    """What `re._compiler.compile` passes to `_sre.compile` for `compiled`'s pattern."""
    parsed = _parser.parse(compiled.pattern, compiled.flags)
    # Opcodes are int subclasses that refuse to pickle: keep their values.
    code = [int(op) for op in _compiler._code(parsed, compiled.flags)]
    groupindex = parsed.state.groupdict
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    flags = compiled.flags | parsed.state.flags
    return (compiled.pattern, flags, code, parsed.state.groups - 1, groupindex, tuple(indexgroup))


class _Pickler(pickle.Pickler):
    def reducer_override(self, obj: Any) -> Any:
        if isinstance(obj, re.Pattern) and isinstance(obj.pattern, str):
            return _rebuild_pattern, _compiled_form(obj)
        return NotImplemented


def cache_key(
    paths: Sequence[Path], modules: Sequence[str] = RULES_MODULES, extra: str = ""
) -> str | None:
    """The key for what is built from `paths` by `modules` (and whatever else `extra` says);
    None when a file cannot be read or is not a regular file of at most `MAX_FILE` bytes
    (then nothing is cached)."""
    digest = blake2b(f"{_FORMAT}\0{sys.version}\0{_sre.MAGIC}\0{extra}".encode(), digest_size=16)
    try:
        for name in modules:
            spec = find_spec(name)  # finds the source without running it
            if spec is None or spec.origin is None:
                return None
            digest.update(Path(spec.origin).read_bytes())
        for path in paths:
            data = _regular_file(path)
            if data is None:
                return None
            digest.update(f"\0{path}\0".encode())
            digest.update(data)
    except (OSError, ImportError, ValueError):
        return None
    return digest.hexdigest()


def _regular_file(path: Path) -> bytes | None:
    """The bytes of `path` if it is a regular file of at most `MAX_FILE` bytes: a pipe read
    here would be empty for the loader, and a FIFO or a device would never end."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_FILE:
            return None
        with os.fdopen(fd, "rb", closefd=False) as handle:
            return handle.read(MAX_FILE + 1)
    finally:
        os.close(fd)


MAX_STARTUP_PATTERN = 4096
"""Longer patterns (a config's tries, built from the rules) are not kept with the start-up's."""


class StartupPatterns:
    """The regexes compiled while the reader starts, from the cache (see the module docstring).

    Made before the modules that compile them are imported; `snapshot()` once the first screen
    is up; `save()` when the reader is done. Python builds whose `re` keeps no plain dict
    cache get nothing, and lose nothing."""

    def __init__(self) -> None:
        self._key = cache_key((), modules=(), extra="startup-patterns")
        self._cache: Any = getattr(re, "_cache", None)
        self.loaded: frozenset[tuple[str, int]] = frozenset()
        self._seen: list[tuple[str, int, re.Pattern[str]]] | None = None
        if self._key is None or not isinstance(self._cache, dict):
            return
        entries = load(self._key, "patterns")
        if isinstance(entries, list):
            self.loaded = frozenset(self._preload(entries))

    def _preload(self, entries: list[Any]) -> list[tuple[str, int]]:
        """Put `entries` into `re`'s cache, as many as its size limit leaves room for; the
        keys of the entries (all of them: what the file holds)."""
        room = getattr(re, "_MAXCACHE", 0) - len(self._cache)
        keys: list[tuple[str, int]] = []
        for entry in entries:
            if not (isinstance(entry, tuple) and len(entry) == 2):
                continue
            flags, compiled = entry
            if isinstance(flags, int) and isinstance(compiled, re.Pattern):
                source = compiled.pattern
                if isinstance(source, str):
                    keys.append((source, flags))
                    if len(keys) <= room:
                        self._cache.setdefault((str, source, flags), compiled)
        return keys

    def snapshot(self) -> None:
        """Take note of the patterns `re` holds now (the first screen is up); once."""
        if self._seen is not None or not isinstance(self._cache, dict):
            return
        self._seen = [
            (source, flags, compiled)
            for (kind, source, flags), compiled in list(self._cache.items())
            if kind is str and len(source) <= MAX_STARTUP_PATTERN
        ]

    def save(self) -> None:
        """Keep the noted patterns, if some of them did not come from the cache."""
        if self._key is None or not self._seen:
            return
        if {(source, flags) for source, flags, _ in self._seen} <= self.loaded:
            return
        store(self._key, [(flags, compiled) for _, flags, compiled in self._seen], "patterns")


class StartupCode:
    """The code of the methods that `dataclasses` writes while the reader starts, from the
    cache (see the module docstring).

    A dataclass's `__init__`, `__repr__`, `__eq__`, `__hash__` (and a frozen one's
    `__setattr__` and `__delattr__`) are written as source text and compiled at every start:
    about 0.4 ms a class, and the first screen defines ~75 (the reader's and Textual's).
    Made before the modules that define them are imported, this object is `dataclasses`'
    `exec` until `snapshot()` (the first screen is up): it runs the code compiled from the
    same text at an earlier start (the text is the key, so no class ever gets another's
    code) and compiles new text as `exec` would. `save()` keeps what this start ran when
    some of it was new. Where `dataclasses` calls no `exec` by that name, nothing changes."""

    def __init__(self) -> None:
        # The bytecode's format is the interpreter's (sys.version, in every key) and its magic.
        self._key = cache_key((), modules=(), extra=f"startup-code {MAGIC_NUMBER.hex()}")
        self._stored: dict[str, bytes] = {}
        self._code: dict[str, CodeType] = {}
        self._new = False
        self._active = False
        if self._key is None or "exec" in vars(dataclasses):  # another start is running
            return
        entries = load(self._key, "code")
        if isinstance(entries, dict):
            self._stored = {
                text: code
                for text, code in entries.items()
                if isinstance(text, str) and isinstance(code, bytes)
            }
        vars(dataclasses)["exec"] = self._exec  # found before the builtin, by name
        self._active = True

    @property
    def loaded(self) -> frozenset[str]:
        """The source texts whose code came from the cache file."""
        return frozenset(self._stored)

    def _exec(self, source: Any, globals: Any = None, locals: Any = None, /) -> None:
        if isinstance(source, str):
            source = self._compiled(source)
        if globals is None:  # `exec` would run in its caller's module
            globals = vars(dataclasses)
        exec(source, globals, locals)

    def _compiled(self, text: str) -> CodeType:
        code = self._code.get(text)
        if code is None:
            code = _unmarshal(self._stored.get(text))
            if code is None:
                # As `exec` compiles text: no `from __future__` flags (dataclasses has none).
                code = compile(text, "<string>", "exec", dont_inherit=True)
                self._new = True
            self._code[text] = code
        return code

    def snapshot(self) -> None:
        """The first screen is up: `dataclasses` has the builtin `exec` again; once."""
        if self._active and vars(dataclasses).get("exec") == self._exec:
            del vars(dataclasses)["exec"]
        self._active = False

    def save(self) -> None:
        """Keep the code this start ran, if some of it was compiled anew."""
        self.snapshot()
        if self._key is None or not self._new:
            return
        store(self._key, {text: marshal.dumps(code) for text, code in self._code.items()}, "code")


def _unmarshal(data: bytes | None) -> CodeType | None:
    """The code object marshalled in `data`; None for none or anything else."""
    if data is None:
        return None
    try:
        code = marshal.loads(data)
    except (EOFError, ValueError, TypeError):
        return None
    return code if isinstance(code, CodeType) else None


def _file(key: str, kind: str) -> Path:
    return cache_home() / f"{kind}-{key}.pickle"


def load(key: str, kind: str = "rules") -> Any | None:
    """The object stored under `key`, or None (no entry, or one that cannot be read)."""
    try:
        data = _file(key, kind).read_bytes()
        return pickle.loads(data)
    except Exception:  # a cache never fails the caller: any problem is a miss
        return None


def store(key: str, value: Any, kind: str = "rules") -> None:
    """Store `value` under `key` (atomically), keeping the newest `KEEP` entries of its kind;
    best effort."""
    with contextlib.suppress(Exception):
        buffer = io.BytesIO()
        _Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL).dump(value)
        directory = cache_home()
        directory.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=directory, prefix=f".{kind}-", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(buffer.getvalue())
            Path(temporary).replace(_file(key, kind))
        finally:
            Path(temporary).unlink(missing_ok=True)
        entries = sorted(
            directory.glob(f"{kind}-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True
        )
        for old in entries[KEEP:]:
            old.unlink(missing_ok=True)
