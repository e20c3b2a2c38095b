"""The compiled rules come from a cache keyed by the config files' content (start-up speed): a
cached config labels exactly as a freshly built one, a changed file is never served stale, and
a broken cache is only a miss."""

from __future__ import annotations

import dataclasses
import os
import re
import subprocess
import sys
import types
from pathlib import Path

import pytest

from reader.classify import classify
from reader.config import Config, config_from_files, config_paths, load_config
from reader.load import load
from reader.parse import parse
from reader.rules import cache

DATA = Path(__file__).parent / "data"


def _cache_files() -> list[Path]:
    return sorted((Path(os.environ["XDG_CACHE_HOME"]) / "reader").glob("rules-*.pickle"))


def _labels(config: Config) -> list[tuple[str, ...]]:
    documents = load([str(DATA / "dev"), str(DATA / "devset")]).documents
    return [v.labels for d in documents for v in classify(parse(d), config).verdicts]


def test_the_second_load_comes_from_the_cache_and_labels_the_same() -> None:
    assert _cache_files() == []
    fresh = load_config()
    assert len(_cache_files()) == 1

    cached = load_config()

    assert cached is not fresh
    key = cache.cache_key(config_paths(None))
    assert key is not None and isinstance(cache.load(key), Config)
    assert cached.actors == fresh.actors
    assert _labels(cached) == _labels(config_from_files(config_paths(None)))
    assert cached.rules.terms.pattern.pattern == fresh.rules.terms.pattern.pattern


def test_a_changed_config_file_is_never_served_from_the_cache(tmp_path: Path) -> None:
    mine = tmp_path / "mine.yaml"
    mine.write_text("settings:\n  carry_distance: 1\n", encoding="utf-8")
    assert load_config(mine).carry_distance == 1

    mine.write_text("settings:\n  carry_distance: 2\n", encoding="utf-8")

    assert load_config(mine).carry_distance == 2
    assert len(_cache_files()) == 2


def test_a_corrupt_cache_file_is_a_miss() -> None:
    load_config()
    (entry,) = _cache_files()
    entry.write_bytes(b"not a pickle")

    config = load_config()

    assert [actor.id for actor in config.actors] == ["nato", "russia", "ukraine"]
    assert entry.read_bytes() != b"not a pickle"  # rebuilt and stored again


def test_only_the_newest_entries_are_kept(tmp_path: Path) -> None:
    for distance in range(1, cache.KEEP + 3):
        mine = tmp_path / f"mine-{distance}.yaml"
        mine.write_text(f"settings:\n  carry_distance: {distance}\n", encoding="utf-8")
        load_config(mine)
    assert len(_cache_files()) == cache.KEEP


@pytest.mark.slow
def test_a_warm_start_reads_no_yaml_and_runs_no_schema() -> None:
    """What start-up skips with the cache, seen from a fresh interpreter as `reader` starts."""
    probe = (
        "import sys; from reader.config import load_config; load_config(); "
        "print(sorted(m for m in ('yaml', 'reader.rules.schema') if m in sys.modules))"
    )

    def loaded() -> str:
        done = subprocess.run(
            [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60
        )
        return done.stdout.strip()

    assert loaded() == "['reader.rules.schema', 'yaml']"  # cold: built and stored
    assert loaded() == "[]"  # warm: from the cache


EU = (
    "extra_actors:\n"
    "  - id: eu\n"
    "    label: EU\n"
    '    colour: "#0000ff"\n'
    "    tag: E\n"
    "    aliases: [eu]\n"
)


def test_a_piped_config_is_read_by_the_loader_not_swallowed_by_the_cache() -> None:
    """`--config <(...)`: a pipe can be read once; hashing it for the key left the loader an
    empty file, and the user's actors silently missing."""
    read_end, write_end = os.pipe()
    os.write(write_end, EU.encode())
    os.close(write_end)
    try:
        config = load_config(Path(f"/dev/fd/{read_end}"))
    finally:
        os.close(read_end)

    assert [actor.id for actor in config.actors] == ["nato", "russia", "ukraine", "eu"]
    assert _cache_files() == []  # what a pipe gave is not cached


def test_a_device_as_config_is_refused_at_the_size_limit_not_read_forever() -> None:
    probe = (
        "import resource, sys\n"
        "resource.setrlimit(resource.RLIMIT_AS, (2 * 1024**3, 2 * 1024**3))\n"
        "from pathlib import Path\n"
        "from reader.config import load_config\n"
        "from reader.errors import ConfigError\n"
        "try:\n"
        "    load_config(Path('/dev/zero'))\n"
        "except ConfigError as error:\n"
        "    print(error)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.stdout.strip() == "/dev/zero: file is over the 4 MB limit for YAML files"


def test_the_key_covers_every_module_that_builds_the_config() -> None:
    """A changed validator, merge or grammar module must never meet a config it did not build
    (modules that only find files or word errors aside)."""
    probe = (
        "import sys\n"
        "from reader.config import config_from_files, config_paths\n"
        "config_from_files(config_paths(None))\n"
        "print(' '.join(sorted(m for m in sys.modules if m.startswith('reader'))))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=True
    )
    building = set(done.stdout.split()) - {
        "reader",
        "reader.errors",
        "reader.resources",
        "reader.xdg",
    }
    assert building <= set(cache.RULES_MODULES)


def _pattern_files() -> list[Path]:
    return sorted((Path(os.environ["XDG_CACHE_HOME"]) / "reader").glob("patterns-*.pickle"))


def test_the_regexes_start_up_compiled_come_from_the_cache_at_the_next_start() -> None:
    """What `re` compiled before the first screen was up is in `re`'s own cache before it is
    asked for the next time, and matches as `re` compiles it; what was compiled after (a
    search the user typed) is never written."""
    source, flags = r"(?P<w>z[qx]+)\b(?:\s+(?P=w))?", re.IGNORECASE | re.MULTILINE
    typed = r"typed after the first screen \d+"
    first = cache.StartupPatterns()
    re.compile(source, flags)
    first.snapshot()
    re.compile(typed)
    first.save()
    assert len(_pattern_files()) == 1
    re.purge()  # as in a new process

    second = cache.StartupPatterns()

    assert (source, flags.value) in second.loaded and (typed, 0) not in second.loaded
    cached = re.compile(source, flags)
    assert cached is second._cache[(str, source, flags.value)]  # not compiled again
    text = "ZQQ zqq and zx\nZx zx zqxq"
    built = cache._compiler.compile(source, flags)  # re's own compiler, past its cache
    assert cached.flags == built.flags and cached.groupindex == built.groupindex
    assert [m.span() for m in cached.finditer(text)] == [m.span() for m in built.finditer(text)]


def test_a_start_that_found_every_regex_in_the_cache_writes_nothing() -> None:
    first = cache.StartupPatterns()
    first.snapshot()
    first.save()
    (entry,) = _pattern_files()
    before = entry.stat().st_mtime_ns
    re.purge()  # as in a new process

    again = cache.StartupPatterns()
    again.snapshot()
    again.save()

    assert again.loaded and entry.stat().st_mtime_ns == before


def test_a_corrupt_pattern_cache_is_a_miss() -> None:
    first = cache.StartupPatterns()
    first.snapshot()
    first.save()
    (entry,) = _pattern_files()
    entry.write_bytes(b"\x80\x04not a pickle")

    assert cache.StartupPatterns().loaded == frozenset()


def _code_files() -> list[Path]:
    return sorted((Path(os.environ["XDG_CACHE_HOME"]) / "reader").glob("code-*.pickle"))


def _point() -> type:
    """A dataclass like the reader's, defined afresh (a new class each call)."""

    @dataclasses.dataclass(frozen=True)
    class Point:
        x: int
        y: int = 0
        tags: tuple[str, ...] = dataclasses.field(default_factory=tuple)

    return Point


def _same_code(a: types.CodeType, b: types.CodeType) -> bool:
    fields = ("co_code", "co_consts", "co_names", "co_varnames", "co_flags", "co_filename")
    same = all(getattr(a, field) == getattr(b, field) for field in fields)
    return same and list(a.co_lines()) == list(b.co_lines())


def test_the_dataclass_methods_start_up_compiled_come_from_the_cache_at_the_next_start() -> None:
    """The methods `dataclasses` writes while the reader starts are compiled once; at the next
    start the same text runs the cached code, which is the code `exec` compiles."""
    plain = _point()  # dataclasses' own exec
    first = cache.StartupCode()
    _point()
    first.snapshot()
    first.save()
    assert len(_code_files()) == 1

    second = cache.StartupCode()
    cached = _point()
    second.snapshot()

    assert second.loaded and not second._new  # nothing was compiled again
    for name in ("__init__", "__repr__", "__eq__", "__setattr__", "__delattr__"):
        assert _same_code(getattr(cached, name).__code__, getattr(plain, name).__code__), name
    point = cached(1, tags=("a",))
    assert repr(point) == repr(plain(1, tags=("a",)))
    assert point == cached(1, 0, ("a",)) and hash(point) == hash((1, 0, ("a",)))
    with pytest.raises(dataclasses.FrozenInstanceError):
        point.x = 2


def test_dataclasses_get_the_builtin_exec_back_once_the_first_screen_is_up() -> None:
    code = cache.StartupCode()
    assert "exec" in vars(dataclasses)
    nested = cache.StartupCode()  # a second start in the same process leaves it alone
    nested.save()
    assert "exec" in vars(dataclasses)

    code.snapshot()

    assert "exec" not in vars(dataclasses)
    _point()
    code.save()
    assert "exec" not in vars(dataclasses)


def test_a_start_that_found_every_method_in_the_cache_writes_nothing() -> None:
    first = cache.StartupCode()
    _point()
    first.save()
    (entry,) = _code_files()
    before = entry.stat().st_mtime_ns

    again = cache.StartupCode()
    _point()
    again.save()

    assert again.loaded and entry.stat().st_mtime_ns == before


def test_a_corrupt_code_cache_is_a_miss() -> None:
    first = cache.StartupCode()
    _point()
    first.save()
    (entry,) = _code_files()
    entry.write_bytes(b"\x80\x04not a pickle")

    again = cache.StartupCode()
    point = _point()(3)
    again.save()

    assert again.loaded == frozenset() and point.y == 0
