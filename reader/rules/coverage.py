"""Which rules fire on a corpus of articles, and which never do (`reader rules coverage`).

Why: a rule written while reading a few articles may be a class (it fires on many articles:
"X said", "special military operation") or a phrase (it fires on the one article it was
written for). Nothing in a single verdict tells the two apart; counts over a corpus do. The
counts come from what the classifier already records: each verdict's evidence names the rule
that gave it, so no rule is run twice and the figures are exactly what `explain` would show.

Every rule section is counted. A verdict's evidence names the grammar's rules
(reader.rules.grammar) and the `framing:` rules; its `rules` (model.Verdict) name the config
rules that acted without evidence of their own: an `exclusions:` or `actions:` rule whose
match took its span away, a `steps:` rule whose verb a subject's attribution read (its
evidence is `attribution.*`), and the `sources:` rule whose title, opening or page matched, or
whose document's voice a block carries (`carry.document`).

Headless: no Textual; the CLI formats the result.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reader.rules.grammar import GRAMMAR_RULES

if TYPE_CHECKING:
    from reader.config import Config
    from reader.model import ClassifiedArticle

GRAMMAR = "grammar"
"""The section of the classifier's own rules (reader.rules.grammar), listed first."""

OTHER = "other"
"""The section of an id the evidence carries that no rule in force declares (none should)."""


@dataclass(frozen=True, slots=True)
class RuleCount:
    """How often one rule fired: in how many blocks, and in how many articles of them.
    `articles` is what tells a class (many) from a phrase (one)."""

    rule: str
    section: str
    blocks: int
    articles: int


@dataclass(frozen=True, slots=True)
class Coverage:
    """The rules' firing over one corpus. `counts` holds every rule in force, fired or not,
    grouped by section (grammar first, then the config's order) and busiest first within a
    section."""

    articles: int
    blocks: int
    counts: tuple[RuleCount, ...]

    @property
    def fired(self) -> tuple[RuleCount, ...]:
        return tuple(count for count in self.counts if count.blocks)

    @property
    def never_fired(self) -> tuple[RuleCount, ...]:
        """The rules that fired in no block: candidates to generalise or remove."""
        return tuple(count for count in self.counts if not count.blocks)

    @property
    def single_article(self) -> tuple[RuleCount, ...]:
        """The rules that fired in one article only: phrases rather than classes, so far."""
        return tuple(count for count in self.counts if count.articles == 1)

    def fired_ids(self) -> frozenset[str]:
        return frozenset(count.rule for count in self.fired)


@dataclass(frozen=True, slots=True)
class CoverageDiff:
    """The rules that fire on one corpus and not the other (ids, in the first's table order)."""

    only_first: tuple[str, ...]
    only_second: tuple[str, ...]


def rules_in_force(config: Config) -> dict[str, str]:
    """Every rule in force, id -> section, in table order.

    The same enumeration as `reader rules check` and tests/test_rule_ids.py: the grammar's
    declarations and the config's merged rule ids (`Config.rule_ids`), section by section."""
    sections = dict.fromkeys(GRAMMAR_RULES, GRAMMAR)
    for section, ids in config.rule_ids.items():
        sections.update(dict.fromkeys(ids, section))
    return sections


def coverage(classified: Iterable[ClassifiedArticle], config: Config) -> Coverage:
    """Count, for each rule, the blocks whose verdict names it (in its evidence or its
    `rules`) and the articles holding such a block. `classified` is consumed once, an article
    at a time, so a generator keeps a large corpus out of memory."""
    blocks: Counter[str] = Counter()
    articles: Counter[str] = Counter()
    article_count = block_count = 0
    for result in classified:
        article_count += 1
        block_count += len(result.verdicts)
        here: set[str] = set()
        for verdict in result.verdicts:
            rules = {evidence.rule for evidence in verdict.evidence}
            rules.update(verdict.rules)
            blocks.update(rules)
            here |= rules
        articles.update(here)
    sections = rules_in_force(config)
    sections.update((rule, OTHER) for rule in blocks if rule not in sections)
    order = {section: i for i, section in enumerate(dict.fromkeys(sections.values()))}
    counts = sorted(
        (
            RuleCount(rule, section, blocks[rule], articles[rule])
            for rule, section in sections.items()
        ),
        key=lambda count: (order[count.section], -count.blocks, -count.articles, count.rule),
    )
    return Coverage(article_count, block_count, tuple(counts))


def compare(first: Coverage, second: Coverage) -> CoverageDiff:
    """The rules that fired on `first` but nowhere in `second`, and the other way round:
    a rule that fires on the dev articles only was written for them."""
    ours, theirs = first.fired_ids(), second.fired_ids()
    return CoverageDiff(
        only_first=tuple(count.rule for count in first.fired if count.rule not in theirs),
        only_second=tuple(count.rule for count in second.fired if count.rule not in ours),
    )
