"""A search regex that backtracks without end is stopped, not left to freeze the reader
(issue 13.3)."""

from __future__ import annotations

import pytest

from reader.viewmodel.search import SearchIndex, SearchTimeoutError, parse_query

ACTORS = {"nato": "NATO"}


@pytest.mark.parametrize("pattern", ["re:(a|aa)+$", "re:(a+)+$", "re:(x+x+)+y"])
def test_a_catastrophic_regex_is_stopped_with_one_line(pattern: str) -> None:
    index = SearchIndex(["a" * 40 + "!", "x" * 40, "fine"], [(), (), ()])
    query = parse_query(pattern, ACTORS)
    try:
        results = index.search(query, seconds=0.2)
    except SearchTimeoutError as error:
        assert "regex too slow" in str(error)
    else:  # the engine saw through this one
        assert results.matches == ()


def test_a_sane_regex_still_finds_everything() -> None:
    index = SearchIndex(["Ceasefire talks", "cease-fire", "cease fire now"], [(), (), ()])
    results = index.search(parse_query("re:cease(-| )?fire", ACTORS))
    assert [(m.block, m.start, m.end) for m in results.matches] == [
        (0, 0, 9),
        (1, 0, 10),
        (2, 0, 10),
    ]
