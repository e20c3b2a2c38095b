"""The data every stage passes on: frozen, so no stage can change what an earlier one computed.

Data flows one way: sources -> parse -> classify -> layout -> ui. These types are the contract
between those stages and the shape that `reader classify --format json` serialises.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

BlockKind = Literal["title", "heading", "paragraph", "quote", "item", "table"]
RuleKind = Literal["attribution", "carry", "framing", "mention"]


@dataclass(frozen=True, slots=True)
class Link:
    """A link inside a block: `text[start:end]` of the block is the link text, `url` its target
    (absolute when the page's address was known, else as written)."""

    text: str
    url: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Meta:
    """Whose article this is, as the page (or a text file's front matter) says: a reader
    comparing coverage needs the outlet and the date beside the text. Any field may be None."""

    url: str | None = None
    site: str | None = None
    outlet: str | None = None
    author: str | None = None
    date: str | None = None
    lang: str | None = None


@dataclass(frozen=True, slots=True)
class Block:
    """One unit of reading: the title, a heading, a paragraph, a block quote or a list item.

    `text` is the article's text as written (untrusted: render it only through
    `reader.safe_text`). `line` is the 1-based line in the source file where the block starts
    (for a page extracted by trafilatura, the line where its text was found). `links` are the
    links inside `text`, in order. `marker` is a list item's number as written ("3.") or its
    bullet ("•"), indented by its nesting; "" for other blocks. A table's text keeps its rows
    on lines of their own.
    """

    index: int
    kind: BlockKind
    text: str
    line: int
    links: tuple[Link, ...] = ()
    marker: str = ""


@dataclass(frozen=True, slots=True)
class Article:
    """A parsed article. When it has a title, the title is block 0. `meta` says where it came
    from (all None for a plain file without front matter)."""

    source: str
    title: str | None
    blocks: tuple[Block, ...]
    meta: Meta = field(default_factory=Meta)


@dataclass(frozen=True, slots=True)
class Actor:
    """A side whose viewpoint the reader separates. `tag` marks it wherever colour would."""

    id: str
    label: str
    colour: str
    tag: str


@dataclass(frozen=True, slots=True)
class Evidence:
    """Why a rule fired: the span of block text it matched and the weight it added."""

    rule: str
    actor: str
    kind: RuleKind
    start: int
    end: int
    text: str
    weight: float


@dataclass(frozen=True, slots=True)
class Verdict:
    """Whose viewpoint one block carries.

    `labels` are actor ids, dominant first; `primary` is `labels[0]` or None. `carried_from`
    is the index of the block whose named speaker this block inherited, if any: usually an
    earlier one ("he said"), a later one when a quote runs on until its speaker is named.
    `speaker_span` is the (start, end) of the block text naming who speaks for `primary`: the
    subject of its speech verb (a name, an office, or a pronoun whose name `carried_from`
    holds), when the rules found one; reader.airtime turns it into a speaker's name.
    `rules` are the ids of the config's rules that acted on the block without giving it
    evidence, each once: an `exclusions:` or `actions:` rule whose match took its
    span from the other rules, a `steps:` rule whose verb phrase a subject's attribution read
    (credited, reported or told as context), and the `sources:` rule whose title, opening or
    page matched there or whose document's voice the block carries (`carry.document`). With
    the ids in `evidence` they are every rule that shaped the verdict: a block with no labels
    and an action here was vetoed by it.
    """

    labels: tuple[str, ...] = ()
    primary: str | None = None
    scores: Mapping[str, float] = field(default_factory=dict)
    evidence: tuple[Evidence, ...] = ()
    carried_from: int | None = None
    speaker_span: tuple[int, int] | None = None
    rules: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ClassifiedArticle:
    """An article with one verdict per block (`verdicts[i]` belongs to `article.blocks[i]`)."""

    article: Article
    actors: tuple[Actor, ...]
    verdicts: tuple[Verdict, ...]
