"""The articles the reader has open, classified on demand: what the compare screen and the
actor lens read. No Textual: the screens run `classify_missing` in a thread worker."""

from __future__ import annotations

from collections.abc import Callable, MutableMapping, Sequence
from dataclasses import dataclass

from reader.config import Config
from reader.model import Article, ClassifiedArticle
from reader.outlet import provenance

Classify = Callable[[Article, Config], ClassifiedArticle]


@dataclass
class OpenArticles:
    """`known` is the app's cache of classified articles (index -> result): what a screen
    classifies is kept there, so reading an article afterwards does not classify it again."""

    articles: Sequence[Article]
    config: Config
    classify: Classify
    known: MutableMapping[int, ClassifiedArticle]

    def missing(self) -> list[int]:
        return [i for i in range(len(self.articles)) if i not in self.known]

    def classify_missing(self) -> dict[int, ClassifiedArticle]:
        """Classify what is not known yet (slow: call it from a worker thread)."""
        return {i: self.classify(self.articles[i], self.config) for i in self.missing()}

    def keep(self, found: dict[int, ClassifiedArticle]) -> list[ClassifiedArticle] | None:
        """Add `found` to the cache; every article's result in opening order, or None when
        some article is still to be classified (one arrived from the web meanwhile)."""
        self.known.update(found)
        if self.missing():
            return None
        return [self.known[i] for i in range(len(self.articles))]

    def names(self) -> list[str]:
        """Each article's outlet (or file name), numbered where two would read the same."""
        names = [provenance(article).outlet for article in self.articles]
        return [
            f"{name} ({i + 1})" if names.count(name) > 1 else name for i, name in enumerate(names)
        ]
