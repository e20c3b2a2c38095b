"""Search queries: smart case, regex, @actor, and matches in article order."""

from __future__ import annotations

import pytest

from reader.viewmodel.search import Match, SearchError, SearchIndex, parse_query

ACTORS = {"nato": "NATO", "russia": "Russia", "ukraine": "Ukraine"}

TEXTS = [
    "Truce talks stall",
    "NATO rejected a truce, the alliance said.",
    "Moscow said the truce was a trick; no truce without guarantees.",
    "Kyiv wants a TRUCE and air defence.",
    "A ceasefire, not a cease-fire, was discussed.",
]
LABELS = [(), ("nato",), ("russia",), ("ukraine", "nato"), ()]


def search(raw: str, limit: int = 100) -> list[tuple[int, str]]:
    index = SearchIndex(TEXTS, LABELS)
    results = index.search(parse_query(raw, ACTORS), limit)
    return [(m.block, TEXTS[m.block][m.start : m.end]) for m in results.matches]


def test_lower_case_query_ignores_case_and_lists_matches_in_article_order() -> None:
    assert search("truce") == [
        (0, "Truce"),
        (1, "truce"),
        (2, "truce"),
        (2, "truce"),
        (3, "TRUCE"),
    ]


def test_a_capital_makes_the_query_case_sensitive() -> None:
    assert search("TRUCE") == [(3, "TRUCE")]
    assert search("Truce") == [(0, "Truce")]


def test_regex_prefix_with_smart_case() -> None:
    assert search("re:cease-?fire") == [(4, "ceasefire"), (4, "cease-fire")]
    assert search(r"re:\btr\w+") == [
        (0, "Truce"),
        (1, "truce"),
        (2, "truce"),
        (2, "trick"),
        (2, "truce"),
        (3, "TRUCE"),
    ]
    assert search("re:TR[A-Z]+") == [(3, "TRUCE")]


def test_an_escape_like_backslash_s_does_not_make_a_regex_case_sensitive() -> None:
    assert search(r"re:truce\S") == [(1, "truce,")]


def test_a_bad_regex_raises_one_line_naming_the_problem() -> None:
    with pytest.raises(SearchError) as caught:
        parse_query("re:(truce", ACTORS)
    message = str(caught.value)
    assert message.startswith("bad regex: missing ), unterminated subpattern")
    assert "\n" not in message


def test_actor_filter_limits_matches_to_that_actors_blocks() -> None:
    assert search("@russia truce") == [(2, "truce"), (2, "truce")]
    assert search("@nato truce") == [(1, "truce"), (3, "TRUCE")]
    assert search("@NATO truce") == [(1, "truce"), (3, "TRUCE")]  # the label, any case
    assert search("@ukr re:air|truce") == [(3, "TRUCE"), (3, "air")]


def test_actor_alone_walks_that_actors_blocks() -> None:
    assert [block for block, _ in search("@nato")] == [1, 3]


def test_unknown_or_ambiguous_actor_is_an_error() -> None:
    with pytest.raises(SearchError, match="no actor '@china'"):
        parse_query("@china truce", ACTORS)
    with pytest.raises(SearchError, match="could be"):
        parse_query("@x truce", {"xa": "XA", "xb": "XB"})


def test_blank_query_finds_nothing() -> None:
    assert parse_query("   ", ACTORS).empty
    assert search("  ") == []


def test_a_match_never_spans_two_blocks() -> None:
    texts = ["ends with tru", "ce starts here"]
    index = SearchIndex(texts, [(), ()])
    assert index.search(parse_query("truce", ACTORS)).matches == ()
    assert index.search(parse_query("re:tru\\s*ce", ACTORS)).matches == ()


def test_empty_regex_matches_are_skipped() -> None:
    assert search("re:x*") == []


def test_letters_that_grow_when_lower_cased_keep_spans_right() -> None:
    texts = ["İstanbul said truce", "then truce"]
    index = SearchIndex(texts, [(), ()])
    found = index.search(parse_query("truce", ACTORS)).matches
    assert [texts[m.block][m.start : m.end] for m in found] == ["truce", "truce"]


def test_too_many_matches_are_cut_and_say_so() -> None:
    index = SearchIndex(["a" * 50], [()])
    results = index.search(parse_query("a", ACTORS), limit=10)
    assert len(results.matches) == 10 and results.truncated


def test_after_and_before_wrap_around() -> None:
    index = SearchIndex(TEXTS, LABELS)
    results = index.search(parse_query("truce", ACTORS))
    assert results.after(2, -1) == 2  # first match in block 2
    first_in_2 = results.matches[2]
    assert results.after(2, first_in_2.start) == 3
    assert results.after(3, 100) == 0  # past the last: wrap to the first
    assert results.before(0, 0) == len(results.matches) - 1
    assert results.before(2, first_in_2.start) == 1
    assert results.spans()[2] == [(m.start, m.end) for m in results.matches[2:4]]
    assert results.matches[0] == Match(0, 0, 5)


def test_an_actor_label_of_several_words_is_found_whole_or_by_prefix() -> None:
    actors = {**ACTORS, "eu": "European Union"}
    whole = parse_query("@European Union truce", actors)
    assert (whole.actor, whole.needle) == ("eu", "truce")
    assert parse_query("@european union", actors).actor == "eu"
    assert parse_query("@euro truce", actors).needle == "truce"
    # A label's first word alone is still a prefix, followed by the query.
    assert parse_query("@European truce", actors).needle == "truce"
