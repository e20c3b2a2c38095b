"""Verdicts: a block's evidence -> scores per actor, labels and where it was carried from."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from operator import attrgetter
from types import MappingProxyType

from reader.classify.evidence import voiced
from reader.classify.types import BlockWork
from reader.model import Evidence, Verdict
from reader.rules.compile import CompiledRules
from reader.rules.grammar import REPORTED_RULES


class Verdicts:
    """Turns a block's evidence into its verdict: scores per actor, labels, the carried-from.

    An actor's score is the sum of its evidence weights; labels go to the actors with
    attribution or carry evidence whose labelling weight reaches `min_score` and whose score
    reaches `threshold` times the best one (a side whose position the block reports needs only
    `min_score`: a speaker who repeats his verbs does not drown the view he restates), dominant
    first: a side with a voice of its own before a side only reported (the speaker first,
    GUIDE.md: two reports of the other side, "the Pentagon said ... Polish officials say ...,"
    he said, must not outrank the carried "he"), then the most attributed, then the
    narrator's framing, then the first attributed, then the first named ("Moscow and Kyiv
    trade blame"). How often a side is mentioned does not rank it: a speaker's claim names
    the side it is about more often than the speaker ("the General Staff said five Russian
    jets were downed after Russian forces attacked; the Russian ministry denied it").

    Evidence and the speaker's span point at the article's own text: where the rules read a
    "--" as a dash, shorter, they move back through `BlockWork.origin` (the evidence texts are
    the article's already, `add_evidence`).

    The config rules that acted on the block without evidence (`BlockWork.rules`: exclusions,
    actions, steps, sources) go into the verdict's `rules`.

    Verdicts outlive the classification (a reader holds every one), so equal parts are shared:
    one verdict for every block with no evidence and no such rule, one scores mapping and one
    labels tuple for each distinct value (a handful over a whole article)."""

    __slots__ = ("labels", "min_score", "order", "scores", "threshold")

    def __init__(self, rules: CompiledRules) -> None:
        self.order = {actor.id: i for i, actor in enumerate(rules.actors)}
        self.min_score = rules.min_score
        self.threshold = rules.threshold
        self.scores: dict[tuple[tuple[str, float], ...], Mapping[str, float]] = {}
        self.labels: dict[tuple[str, ...], tuple[str, ...]] = {}

    def __call__(self, work: BlockWork) -> Verdict:
        evidence = work.evidence
        if not evidence:
            return Verdict(scores=_NO_SCORES, rules=work.rules) if work.rules else _NO_VERDICT
        scores: dict[str, float] = {}
        labelling: dict[str, float] = {}
        framing: dict[str, float] = {}
        named_at: dict[str, int] = {}  # where each actor is first named, mentions included
        first_seen: dict[str, int] = {}
        reported: set[str] = set()
        carried = False
        score_of = scores.get  # bound once: the loop runs per evidence
        for ev in evidence:
            actor = ev.actor
            weight = ev.weight
            scores[actor] = score_of(actor, 0.0) + weight
            if ev.start < named_at.get(actor, ev.start + 1):
                named_at[actor] = ev.start
            kind = ev.kind
            if kind == "framing":
                framing[actor] = framing.get(actor, 0.0) + weight
            elif kind == "attribution" or kind == "carry":
                labelling[actor] = labelling.get(actor, 0.0) + weight
                if actor not in first_seen:
                    first_seen[actor] = ev.start if kind == "attribution" else -1
                if kind == "carry":
                    carried = True
                elif ev.rule in REPORTED_RULES:
                    reported.add(actor)
        labels: tuple[str, ...] = ()
        if labelling:
            floor = self.threshold * max(scores[a] for a in labelling)
            chosen = [
                actor
                for actor, weight in labelling.items()
                if weight >= self.min_score and (scores[actor] >= floor or actor in reported)
            ]
            if len(chosen) > 1:
                ranks = (labelling, framing, first_seen, named_at)
                chosen = _ranked(chosen, evidence, *ranks)
            labels = self._labels(tuple(chosen))
        carried_from = work.carried_from if carried else None
        span = next(
            ((w.start, w.end) for _, w in work.main if labels and labels[0] in w.actors), None
        )
        ordered = sorted(evidence, key=_EVIDENCE_ORDER) if len(evidence) > 1 else evidence
        origin = work.origin
        if origin is not None:  # read with "--" as a dash: spans onto the article's text
            ordered = [replace(ev, start=origin[ev.start], end=origin[ev.end]) for ev in ordered]
            span = (origin[span[0]], origin[span[1]]) if span is not None else None
        return Verdict(
            labels=labels,
            primary=labels[0] if labels else None,
            scores=self._scores(scores),
            evidence=tuple(ordered),
            carried_from=carried_from,
            speaker_span=span,
            rules=work.rules,
        )

    def _scores(self, scores: dict[str, float]) -> Mapping[str, float]:
        """The scores rounded to 3 places, in the config's actor order (shared when equal)."""
        if len(scores) == 1:
            key = tuple((a, round(s, 3)) for a, s in scores.items())
        else:
            order = self.order
            key = tuple(
                (a, round(s, 3))
                for a, s in sorted(scores.items(), key=lambda kv: order.get(kv[0], 99))
            )
        shared = self.scores.get(key)
        if shared is None:
            shared = dict(key)
            if len(self.scores) < _SHARED_KEPT:
                self.scores[key] = shared
        return shared

    def _labels(self, labels: tuple[str, ...]) -> tuple[str, ...]:
        return self.labels.setdefault(labels, labels)


def _ranked(
    chosen: list[str],
    evidence: Sequence[Evidence],
    labelling: dict[str, float],
    framing: dict[str, float],
    first_seen: dict[str, int],
    named_at: dict[str, int],
) -> list[str]:
    """The chosen actors, dominant first: one with a voice of its own in the block (an
    attribution or a carried voice that is no report of another's words) before one only
    reported, then by labelling weight, the narrator's framing, the first attributed, the
    first named."""
    voices = {ev.actor for ev in evidence if voiced(ev)}
    return sorted(
        chosen,
        key=lambda a: (
            a not in voices,
            -labelling[a],
            -framing.get(a, 0.0),
            first_seen[a],
            named_at[a],
        ),
    )


_NO_SCORES: Mapping[str, float] = MappingProxyType({})
_NO_VERDICT = Verdict(scores=_NO_SCORES)
_EVIDENCE_ORDER = attrgetter("start", "rule")
_SHARED_KEPT = 4096
