"""Airtime: how much of an article each actor gets to speak, and through whom.

An outlet lets a side speak by giving its voice paragraphs, quotes and named speakers. Per
article this counts, for every actor and for "none" (blocks with no actor's position):

- `words`: the words of the blocks carrying the actor's viewpoint. A block with two labels
  is split between them in proportion to their scores (a block that is 2/3 Russia's and 1/3
  NATO's gives Russia two thirds of its words), so the shares of an article add up to 1.
- `share`: `words` over the article's words (0 for an empty article).
- `blocks`: the blocks that carry the actor (a two-label block counts for both).
- `quotes`: direct quotes (quoted spans) in the blocks whose dominant actor it is; a block
  quote with no marks of its own counts as one.
- `speakers`: the people and offices the rules found speaking for it, in article order.

Pure: no Textual, no I/O. The UI, the JSON, `reader stats` and the export all read this.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from reader.classify.scan import reading
from reader.classify.units import quoted_spans
from reader.model import Block, ClassifiedArticle, Verdict

NONE = "none"
"""The column of blocks that carry no actor's position."""

_WORD = re.compile(r"\w+(?:[-'’]\w+)*")
_CARRY_DEPTH = 20  # a chain of "he said" blocks is never longer in a real article
_LEADING = re.compile(r"^(?:according to|in the words of)\s+", re.IGNORECASE)
_TRAILING = re.compile(r"[\s,.;:!?\"“”«»()]+$")


@dataclass(frozen=True, slots=True)
class BlockSpeaker:
    """Who speaks in one block: `name` as the article gives it (resolved through "he said" to
    the block that named him), the actor he speaks for, and the span of this block's text that
    names or points to him (None when the block only carries him over, with no word for him)."""

    name: str
    actor: str
    start: int | None
    end: int | None


@dataclass(frozen=True, slots=True)
class ActorAirtime:
    """One actor's (or "none"'s) airtime in one article."""

    actor: str
    share: float
    words: float
    blocks: int
    quotes: int
    speakers: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Airtime:
    """An article's airtime: one entry per actor in config order, then "none"."""

    words: int
    actors: Mapping[str, ActorAirtime]
    speakers: tuple[BlockSpeaker | None, ...]  # one per block


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


def quote_count(block: Block) -> int:
    """Direct quotes in a block: its quoted spans (in guillemets, low-high or single marks too,
    as the classifier reads them), or 1 for a block quote without marks."""
    spans = len(quoted_spans(reading(block.text).text))
    return spans or (1 if block.kind == "quote" and block.text.strip() else 0)


def split(verdict: Verdict) -> dict[str, float]:
    """Each label's part of its block, by score; one label takes all of it."""
    labels = verdict.labels
    if len(labels) == 1:
        return {labels[0]: 1.0}
    scores = [max(verdict.scores.get(actor, 0.0), 0.0) for actor in labels]
    total = sum(scores)
    if total <= 0:
        return {actor: 1.0 / len(labels) for actor in labels}
    return {actor: score / total for actor, score in zip(labels, scores, strict=True)}


def _clean(name: str) -> str:
    return " ".join(_TRAILING.sub("", _LEADING.sub("", name.strip())).split())


def block_speakers(classified: ClassifiedArticle) -> tuple[BlockSpeaker | None, ...]:
    """The speaker of every block's dominant label, where the rules found one."""
    blocks = classified.article.blocks
    verdicts = classified.verdicts
    own: list[str | None] = []
    for block, verdict in zip(blocks, verdicts, strict=True):
        span = verdict.speaker_span
        own.append(_clean(block.text[span[0] : span[1]]) if span else None)
    out: list[BlockSpeaker | None] = []
    for i, verdict in enumerate(verdicts):
        actor = verdict.primary
        if actor is None:
            out.append(None)
            continue
        name = _named_through(i, own, verdicts)
        if not name:
            out.append(None)
            continue
        span = verdict.speaker_span
        start, end = span if span else (None, None)
        out.append(BlockSpeaker(name, actor, start, end))
    return tuple(out)


def _named_through(index: int, own: Sequence[str | None], verdicts: Sequence[Verdict]) -> str:
    """The name for block `index`'s speaker: its own words, unless it carries a speaker over
    ("he said", "the ministry added"), whose name is where the carry chain starts."""
    name = own[index] or ""
    actor = verdicts[index].primary
    seen = index
    for _ in range(_CARRY_DEPTH):
        source = verdicts[seen].carried_from
        if source is None or not 0 <= source < len(verdicts) or source == seen:
            break
        if verdicts[source].primary != actor:
            break
        seen = source
        if verdicts[seen].carried_from is None and own[seen]:
            return own[seen] or name
    return name


def _distinct(names: Sequence[str]) -> tuple[str, ...]:
    """Names in order of first appearance, a shorter form folded into a longer one that ends
    with it ("Stoltenberg" into "Jens Stoltenberg")."""
    kept: list[str] = []
    for name in names:
        words = name.casefold().split()
        merged = False
        for k, other in enumerate(kept):
            theirs = other.casefold().split()
            if theirs[-len(words) :] == words:
                merged = True
                break
            if words[-len(theirs) :] == theirs:
                kept[k] = name
                merged = True
                break
        if not merged:
            kept.append(name)
    return tuple(dict.fromkeys(kept))


def airtime(classified: ClassifiedArticle) -> Airtime:
    """Every actor's airtime in `classified` (see the module docstring)."""
    ids = [actor.id for actor in classified.actors]
    words = dict.fromkeys([*ids, NONE], 0.0)
    blocks = dict.fromkeys([*ids, NONE], 0)
    quotes = dict.fromkeys([*ids, NONE], 0)
    names: dict[str, list[str]] = {key: [] for key in [*ids, NONE]}
    speakers = block_speakers(classified)
    total = 0
    for block, verdict, speaker in zip(
        classified.article.blocks, classified.verdicts, speakers, strict=True
    ):
        count = word_count(block.text)
        total += count
        parts = split(verdict) if verdict.labels else {NONE: 1.0}
        for actor, part in parts.items():
            words[actor] = words.get(actor, 0.0) + count * part
            blocks[actor] = blocks.get(actor, 0) + 1
        main = verdict.primary or NONE
        quotes[main] = quotes.get(main, 0) + quote_count(block)
        if speaker is not None:
            names.setdefault(speaker.actor, []).append(speaker.name)
    actors = {
        key: ActorAirtime(
            actor=key,
            share=words[key] / total if total else 0.0,
            words=words[key],
            blocks=blocks[key],
            quotes=quotes[key],
            speakers=_distinct(names.get(key, [])),
        )
        for key in words
    }
    return Airtime(total, actors, speakers)


def to_json(result: Airtime) -> dict[str, dict[str, object]]:
    """The `"airtime"` object of the JSON output: {actor: {share, words, blocks, quotes,
    speakers}}, shares and words rounded for reading."""
    return {
        key: {
            "share": round(entry.share, 4),
            "words": round(entry.words, 1),
            "blocks": entry.blocks,
            "quotes": entry.quotes,
            "speakers": list(entry.speakers),
        }
        for key, entry in result.actors.items()
    }


def speaker_json(speaker: BlockSpeaker | None) -> dict[str, object] | None:
    """A block's `"speaker"` in the JSON output, or None."""
    if speaker is None:
        return None
    return {
        "name": speaker.name,
        "actor": speaker.actor,
        "start": speaker.start,
        "end": speaker.end,
    }
