"""Score the classifier against hand-labelled articles: the product's accuracy, as users see it.

A dataset is a folder holding `labels.yaml` and the article files it names (or a labels file
itself). Two label formats are accepted:
- a set: `articles: [{article: FILE, blocks: [{p: 0, labels: [..], primary_any: [..]}, ..]}]`
  (tests/data/dev/labels.yaml);
- one article: top-level `article: FILE` and `blocks: [...]` (tests/data/gold/*.labels.yaml).
  A folder without `labels.yaml` is searched for `*.labels.yaml` files.
An article file is looked for beside its labels file, then among the bundled seeds.

Block `p` is the index of the block as `reader.parse` splits the article (the title is 0).
Metrics count (block, actor) pairs: micro precision/recall/F1 over all pairs, macro = the mean
of the per-actor figures, primary accuracy = blocks whose first label is right (any of
`primary_any` counts; an empty gold needs no label), exact = blocks whose label set is right.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from reader import safe_yaml
from reader.classify import classify
from reader.config import Config
from reader.errors import ConfigError, ReaderError
from reader.load import load
from reader.model import Article, Verdict
from reader.parse import parse
from reader.resources import bundled
from reader.rules import schema


@dataclass(frozen=True)
class ActorScore:
    """Precision, recall and F1 of one actor's labels."""

    actor: str
    tp: int
    fp: int
    fn: int
    precision: float
    recall: float
    f1: float


@dataclass(frozen=True)
class ArticleScore:
    """How one article fared."""

    dataset: str
    article: str
    blocks: int
    exact: int
    primary_right: int
    tp: int
    fp: int
    fn: int
    f1: float


@dataclass(frozen=True)
class WrongBlock:
    """A block whose label set or primary differs from the gold."""

    article: str
    index: int
    text: str
    expected: tuple[str, ...]
    got: tuple[str, ...]
    primary_right: bool
    why: str


@dataclass(frozen=True)
class EvalReport:
    """Every figure `reader eval` prints."""

    blocks: int
    micro_precision: float
    micro_recall: float
    micro_f1: float
    macro_precision: float
    macro_recall: float
    macro_f1: float
    primary_accuracy: float
    exact_accuracy: float
    actors: tuple[ActorScore, ...]
    articles: tuple[ArticleScore, ...]
    wrong: tuple[WrongBlock, ...]


@dataclass(frozen=True)
class _Gold:
    index: int
    labels: tuple[str, ...]
    primary_any: tuple[str, ...]
    why: str
    where: str  # file:line:column of its `p:`


def _ratio(a: int, b: int) -> float:
    return a / b if b else 1.0


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def labelled_articles(
    dataset: Path, actors: Sequence[str] | None = None
) -> list[tuple[Path, list[_Gold]]]:
    """The (article path, gold blocks) pairs of one dataset folder or labels file. A labels
    file of the wrong shape raises a ConfigError at its file:line:column; with `actors`, so
    does a label that names no actor among them."""
    if dataset.is_dir():
        files = [dataset / "labels.yaml"] if (dataset / "labels.yaml").is_file() else []
        files = files or sorted(dataset.glob("*labels.yaml"))
        if not files:
            raise ReaderError("no labels.yaml here", str(dataset))
    elif dataset.is_file():
        files = [dataset]
    else:
        raise ReaderError("no such dataset folder", str(dataset))
    out: list[tuple[Path, list[_Gold]]] = []
    for file in files:
        checked = schema.load_checked(file, labels_schema(actors), "labels file")
        for entry in _entry_nodes(checked.root):
            out.append((_article_path(file, entry), _gold_blocks(file, entry)))
    return out


def labels_schema(actors: Sequence[str] | None = None) -> schema.Check:
    """The shape of a labels file (a set of articles or one article), in the terms of
    `reader.rules.schema`; each label one of `actors` when they are given."""
    actor = schema.one_of(actors, "an actor id") if actors is not None else schema.string
    block = schema.mapping(
        {
            "p": schema.count,
            "labels": schema.list_of(actor),
            "primary_any": schema.list_of(actor),
            "why": schema.string,
        },
        required=("p", "labels"),
    )
    entry = schema.mapping(
        {"article": schema.string, "blocks": schema.list_of(block)},
        required=("article", "blocks"),
        extra=_distinct_blocks,
    )
    articles = schema.mapping({"articles": schema.list_of(entry)}, required=("articles",))

    def check(node: Node, ctx: schema.Context) -> None:
        if isinstance(node, MappingNode) and schema.child(node, "articles") is None:
            entry(node, ctx)  # one article: `article:` and `blocks:` at the top
        else:
            articles(node, ctx)

    return check


def _distinct_blocks(node: MappingNode, ctx: schema.Context) -> None:
    """Each block of an article labelled once: a second `p: 3` would count block 3 twice."""
    seen: dict[str, int] = {}
    blocks = schema.child(node, "blocks")
    for block in blocks.value if isinstance(blocks, SequenceNode) else ():
        p = schema.child(block, "p")
        if not isinstance(p, ScalarNode):
            continue
        if p.value in seen:
            ctx.error(
                p,
                f"expected each block once, got p: {p.value} again (first on line {seen[p.value]})",
            )
        else:
            seen[p.value] = p.start_mark.line + 1


def _entry_nodes(root: Node) -> list[MappingNode]:
    articles = schema.child(root, "articles")
    if isinstance(articles, SequenceNode):
        return list(articles.value)
    return [root] if isinstance(root, MappingNode) else []


def _article_path(file: Path, entry: MappingNode) -> Path:
    node = schema.child(entry, "article")
    assert isinstance(node, ScalarNode)  # the schema requires a string
    name = str(node.value)
    for folder in (file.parent, bundled("seeds")):
        if (folder / name).is_file():
            return folder / name
    raise ConfigError(
        f"expected an article file beside the labels, no file {name!r} there",
        safe_yaml.where(file, node),
    )


def _gold_blocks(file: Path, entry: MappingNode) -> list[_Gold]:
    blocks = schema.child(entry, "blocks")
    gold: list[_Gold] = []
    for block in blocks.value if isinstance(blocks, SequenceNode) else ():
        values = {key.value: value for key, value in block.value}
        p = int(safe_yaml.number(values["p"]) or 0)
        labels = tuple(item.value for item in values["labels"].value)
        primary = values.get("primary_any")
        primary_any = tuple(item.value for item in primary.value) if primary else ()
        why = values["why"].value if "why" in values else ""
        gold.append(_Gold(p, labels, primary_any, why, safe_yaml.where(file, values["p"])))
    return gold


def read_article(path: Path) -> Article:
    """The article at `path`, parsed as the reader parses it (the first load problem raised)."""
    report = load([str(path)])
    if report.problems:
        raise report.problems[0]
    return parse(report.documents[0])


def evaluate(datasets: Sequence[Path], config: Config) -> EvalReport:
    """Classify every labelled article in `datasets` and compare with the gold labels."""
    counts: dict[str, list[int]] = {actor.id: [0, 0, 0] for actor in config.actors}
    articles: list[ArticleScore] = []
    wrong: list[WrongBlock] = []
    for dataset in datasets:
        for path, gold in labelled_articles(dataset, [actor.id for actor in config.actors]):
            article = read_article(path)
            verdicts = classify(article, config).verdicts
            score, misses = _score_article(dataset, path, gold, article, verdicts, counts)
            articles.append(score)
            wrong.extend(misses)
    return _report(counts, articles, wrong)


def _score_article(
    dataset: Path,
    path: Path,
    gold: Sequence[_Gold],
    article: Article,
    verdicts: Sequence[Verdict],
    counts: dict[str, list[int]],
) -> tuple[ArticleScore, list[WrongBlock]]:
    """One article's score against its gold blocks, adding to the per-actor `counts`
    (true positives, false positives, false negatives), and its wrong blocks."""
    tp = fp = fn = exact = primary = 0
    wrong: list[WrongBlock] = []
    for g in gold:
        if not 0 <= g.index < len(verdicts):
            raise ConfigError(
                f"expected a block index below {len(verdicts)} ({path.name} has "
                f"{len(verdicts)} blocks), got {g.index}",
                g.where,
            )
        got = verdicts[g.index].labels
        for actor in {*got, *g.labels}:
            row = counts.setdefault(actor, [0, 0, 0])
            # 0: true positive, 1: false positive, 2: false negative
            which = 0 if actor in got and actor in g.labels else 1 if actor in got else 2
            row[which] += 1
            tp, fp, fn = tp + (which == 0), fp + (which == 1), fn + (which == 2)
        allowed = g.primary_any or g.labels[:1]
        right = (got[0] in allowed) if got else not allowed
        same = set(got) == set(g.labels)
        exact += same
        primary += right
        if not (same and right):
            text = article.blocks[g.index].text
            wrong.append(WrongBlock(path.name, g.index, text, g.labels, got, right, g.why))
    p, r = _ratio(tp, tp + fp), _ratio(tp, tp + fn)
    score = ArticleScore(dataset.name, path.name, len(gold), exact, primary, tp, fp, fn, _f1(p, r))
    return score, wrong


def _report(
    counts: dict[str, list[int]], articles: list[ArticleScore], wrong: list[WrongBlock]
) -> EvalReport:
    """The figures over every article: per actor, micro and macro averages, accuracies."""
    actor_scores = []
    for actor, (tp, fp, fn) in counts.items():
        p, r = _ratio(tp, tp + fp), _ratio(tp, tp + fn)
        actor_scores.append(ActorScore(actor, tp, fp, fn, p, r, _f1(p, r)))
    tp = sum(c[0] for c in counts.values())
    fp = sum(c[1] for c in counts.values())
    fn = sum(c[2] for c in counts.values())
    micro_p, micro_r = _ratio(tp, tp + fp), _ratio(tp, tp + fn)
    n = len(actor_scores) or 1
    total = sum(a.blocks for a in articles)
    return EvalReport(
        blocks=total,
        micro_precision=micro_p,
        micro_recall=micro_r,
        micro_f1=_f1(micro_p, micro_r),
        macro_precision=sum(a.precision for a in actor_scores) / n,
        macro_recall=sum(a.recall for a in actor_scores) / n,
        macro_f1=sum(a.f1 for a in actor_scores) / n,
        primary_accuracy=_ratio(sum(a.primary_right for a in articles), total),
        exact_accuracy=_ratio(sum(a.exact for a in articles), total),
        actors=tuple(actor_scores),
        articles=tuple(articles),
        wrong=tuple(wrong),
    )


def _labels(labels: Sequence[str]) -> str:
    return "[" + ", ".join(labels) + "]"


def format_report(report: EvalReport, verbose: bool = False, details: bool = True) -> str:
    """The report as plain text; `verbose` lists every wrong block with its text. Without
    `details` only the overall and per-actor figures: a held-out part is scored without
    showing which blocks it misses."""
    from reader.safe_text import visible

    lines = [
        f"blocks: {report.blocks}",
        f"micro  P {report.micro_precision:.3f}  R {report.micro_recall:.3f}  "
        f"F1 {report.micro_f1:.3f}",
        f"macro  P {report.macro_precision:.3f}  R {report.macro_recall:.3f}  "
        f"F1 {report.macro_f1:.3f}",
        f"primary accuracy {report.primary_accuracy:.3f}   "
        f"exact label sets {report.exact_accuracy:.3f}",
        "",
        "actor      tp   fp   fn   P      R      F1",
    ]
    for a in report.actors:
        lines.append(
            f"{a.actor:<9} {a.tp:>3}  {a.fp:>3}  {a.fn:>3}   "
            f"{a.precision:.3f}  {a.recall:.3f}  {a.f1:.3f}"
        )
    if not details:
        return "\n".join(lines) + "\n"
    lines += ["", "article                 blocks exact primary  F1"]
    for s in report.articles:
        lines.append(f"{s.article:<23} {s.blocks:>6} {s.exact:>5} {s.primary_right:>7}  {s.f1:.3f}")
    lines += ["", f"wrong blocks: {len(report.wrong)}"]
    for w in report.wrong:
        mark = "" if w.primary_right else "  (primary wrong)"
        lines.append(
            f"  {w.article} #{w.index}: expected {_labels(w.expected)}, got {_labels(w.got)}{mark}"
        )
        if verbose:
            text = visible(w.text)
            lines.append(f"      {text[:160]}{'…' if len(text) > 160 else ''}")
            if w.why:
                lines.append(f"      gold: {visible(w.why)}")
    return "\n".join(lines) + "\n"
