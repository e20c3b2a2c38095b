"""The compiled configuration, cached on disk by the content of the files it came from.

Why: at start-up, building the rules (reading and validating YAML, running the rules' examples,
factoring hundreds of terms into a few patterns and compiling those) took longer than Textual
took to show its first screen. Compiling the big term patterns is most of it, and a pickled
`re.Pattern` compiles itself again when it is loaded, so the cache keeps each pattern as the
`re` module's own compiled form (its code list, what `re._compiler.compile` hands to
`_sre.compile`), which loads in microseconds.

The key covers everything the result depends on: the files' paths and bytes, the Python build
and `_sre.MAGIC` (the compiled form's format), and the source of the modules whose objects are
pickled (a changed classifier never meets an old cache). Anything unexpected — a missing or
corrupt file, a Python without these internals — is a cache miss, never an error: the caller
builds the rules as before. The cache lives in `$XDG_CACHE_HOME/reader` (default ~/.cache);
only the newest `KEEP` entries are kept.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import pickle
import re
import sys
import tempfile
from collections.abc import Sequence
from importlib import import_module
from importlib.util import find_spec
from pathlib import Path
from typing import Any

from reader.xdg import cache_home

KEEP = 4
"""Cache files kept (one per distinct set of config files: bundled, with a --config, ...)."""

_FORMAT = 1

# The `re` module's parser, code generator and engine (no stubs: internal, hence the key).
_parser: Any = import_module("re._parser")
_compiler: Any = import_module("re._compiler")
_sre: Any = import_module("_sre")

# The modules whose objects end up in the pickle: a change to any of them changes the key.
_PICKLED_MODULES = ("reader.model", "reader.config", "reader.rules.compile")


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


def cache_key(paths: Sequence[Path]) -> str | None:
    """The key for the config merged from `paths`; None when a file cannot be read."""
    digest = hashlib.sha256(f"{_FORMAT}\0{sys.version}\0{_sre.MAGIC}".encode())
    try:
        for name in _PICKLED_MODULES:
            spec = find_spec(name)  # finds the source without running it
            if spec is None or spec.origin is None:
                return None
            digest.update(Path(spec.origin).read_bytes())
        for path in paths:
            digest.update(f"\0{path}\0".encode())
            digest.update(path.read_bytes())
    except OSError:
        return None
    return digest.hexdigest()[:32]


def _file(key: str) -> Path:
    return cache_home() / f"rules-{key}.pickle"


def load(key: str) -> Any | None:
    """The object stored under `key`, or None (no entry, or one that cannot be read)."""
    try:
        data = _file(key).read_bytes()
        return pickle.loads(data)
    except Exception:  # a cache never fails the caller: any problem is a miss
        return None


def store(key: str, value: Any) -> None:
    """Store `value` under `key` (atomically), keeping the newest `KEEP` entries; best effort."""
    with contextlib.suppress(Exception):
        buffer = io.BytesIO()
        _Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL).dump(value)
        directory = cache_home()
        directory.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=directory, prefix=".rules-", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(buffer.getvalue())
            Path(temporary).replace(_file(key))
        finally:
            Path(temporary).unlink(missing_ok=True)
        entries = sorted(
            directory.glob("rules-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True
        )
        for old in entries[KEEP:]:
            old.unlink(missing_ok=True)
