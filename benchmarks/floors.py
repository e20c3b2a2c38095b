"""The speed floors the core benchmark compares the classifier against (benchmark code only).

`floor_pattern(config)`: one plain (unfactored) alternation of every literal term the
classifier scans for, run with `.finditer()` over the same lower-cased text; `floor_factored`
is the same terms as one trie, the stricter floor.
"""

from __future__ import annotations

import re

from reader.config import Config
from reader.rules.compile import trie_pattern


def all_terms(config: Config) -> tuple[str, ...]:
    """Every literal term the classifier scans for: the keys of its lexicons."""
    rules = config.rules
    lexicons = (
        rules.terms,
        rules.verbs,
        rules.markers,
        rules.framing,
        rules.exclusions,
        rules.topic,
    )
    return tuple(sorted({term for lexicon in lexicons for term in lexicon.table}))


def floor_pattern(config: Config) -> re.Pattern[str]:
    """One plain, unfactored alternation of every literal term the classifier scans for.

    The benchmark's speed floor: `floor_pattern(config).finditer(fold(text))` does the least
    work any term-matching classifier must do. Compare `classify` against it.
    """
    terms = sorted(all_terms(config), key=len, reverse=True)
    return re.compile("|".join(re.escape(term) for term in terms))


def floor_factored(config: Config) -> re.Pattern[str]:
    """The same terms as `floor_pattern`, as one trie-factored alternation: the fast floor.

    `floor_pattern` is what issue 2 literally names (one plain alternation); this is the
    stricter comparison, the fastest single pattern over the same terms.
    """
    return re.compile(r"(?<![\w-])" + trie_pattern(all_terms(config)))
