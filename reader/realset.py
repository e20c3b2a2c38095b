"""The real-article set: score the rules on published text that is not ours to commit.

The articles of tests/data/real, real2, ..., real69 are public pages (wire copy, state media,
official documents). Their text stays in a git-ignored cache; the repository keeps only
`manifest.yaml` (where each article comes from, and a fingerprint per paragraph) and
`labels.yaml` (the gold, by paragraph index). So the cache can be rebuilt by anyone who can
read the pages again, and the fingerprints prove that a rebuilt cache holds the very paragraphs
the labels were written for: a paragraph cut differently, or an edited page, would silently
score the wrong text.

A cached article is a `.txt` file: the headline, then each paragraph, separated by blank lines
(blank lines keep one block per paragraph whatever the plain-text splitter decides about short
lines). Block `p` of the labels is paragraph `p` of the manifest; the headline is 0.

`python -m reader.realset [FOLDER...]` (`make eval-real`: the FOLDERS below, real to real69)
checks each set's cache and scores each split that has articles
(`dev`, `blind`) separately. With no cache it says how to rebuild it and exits 0, so a fresh
clone and CI pass without the articles. `--names-out` (`make eval-real-names-out`) scores them
with no person's name in the speakers lists (reader.namesout): what the grammar finds alone.

Fingerprints ignore punctuation, so that a page re-read with other quotes or dashes still proves
the same paragraphs; the classifier does not (a curly quote opens a quote, a dash attributes a
headline). An entry's optional `exact` is a fingerprint of the cached text as it was scored, to
the byte: a rebuilt article with other punctuation is named, not failed, so a score that moved
after a rebuild is put down to the cache and not to the rules. `--record-exact` writes them.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
import tempfile
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO, cast
from urllib.parse import urlsplit

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from reader import safe_yaml
from reader.errors import ConfigError, ReaderError
from reader.rules import schema
from reader.safe_text import SafeWriter, visible

FINGERPRINT_CHARS = 12
SPLITS = ("dev", "blind")
KINDS = ("wire", "state-media", "ukrainian", "official", "paper")
# The sets `make eval-real` scores, in the order they were built. Each README says when its
# blind figures were read; all are dev since but real18, a check set whose blind half is only
# ever scored in total.
FOLDERS = (
    Path("tests/data/real"),
    Path("tests/data/real2"),
    Path("tests/data/real3"),
    Path("tests/data/real4"),
    Path("tests/data/real5"),
    Path("tests/data/real6"),
    Path("tests/data/real7"),
    Path("tests/data/real8"),
    Path("tests/data/real9"),
    Path("tests/data/real10"),
    Path("tests/data/real11"),
    Path("tests/data/real12"),
    Path("tests/data/real13"),
    Path("tests/data/real14"),
    Path("tests/data/real15"),
    Path("tests/data/real16"),
    Path("tests/data/real17"),
    Path("tests/data/real18"),
    Path("tests/data/real19"),
    Path("tests/data/real20"),
    Path("tests/data/real21"),
    Path("tests/data/real22"),
    Path("tests/data/real23"),
    Path("tests/data/real24"),
    Path("tests/data/real25"),
    Path("tests/data/real26"),
    Path("tests/data/real27"),
    Path("tests/data/real28"),
    Path("tests/data/real29"),
    Path("tests/data/real30"),
    Path("tests/data/real31"),
    Path("tests/data/real32"),
    Path("tests/data/real33"),
    Path("tests/data/real34"),
    Path("tests/data/real35"),
    Path("tests/data/real36"),
    Path("tests/data/real37"),
    Path("tests/data/real38"),
    Path("tests/data/real39"),
    Path("tests/data/real40"),
    Path("tests/data/real41"),
    Path("tests/data/real42"),
    Path("tests/data/real43"),
    Path("tests/data/real44"),
    Path("tests/data/real45"),
    Path("tests/data/real46"),
    Path("tests/data/real47"),
    Path("tests/data/real48"),
    Path("tests/data/real49"),
    Path("tests/data/real50"),
    Path("tests/data/real51"),
    Path("tests/data/real52"),
    Path("tests/data/real53"),
    Path("tests/data/real54"),
    Path("tests/data/real55"),
    Path("tests/data/real56"),
    Path("tests/data/real57"),
    Path("tests/data/real58"),
    Path("tests/data/real59"),
    Path("tests/data/real60"),
    Path("tests/data/real61"),
    Path("tests/data/real62"),
    Path("tests/data/real63"),
    Path("tests/data/real64"),
    Path("tests/data/real65"),
    Path("tests/data/real66"),
    Path("tests/data/real67"),
    Path("tests/data/real68"),
    Path("tests/data/real69"),
)

# Punctuation is what re-extraction changes most (curly or straight quotes, dashes, a headline
# rebuilt from a URL slug): a fingerprint is taken of the words alone.
_PUNCTUATION = re.compile(r"[^\w\s]")
_SPACE = re.compile(r"\s+")

REBUILD_HINT = """\
The real-article cache is not here ({cache}).
Its articles are public pages whose text is not committed. To rebuild it, follow
{readme}: for each entry of manifest.yaml, look the `query` up in the
search tool's "pages" corpus, take the excerpt of the entry's `url`, and write
cache/<id>.txt (headline, then one paragraph per line, blank lines between them).
Then run `make eval-real` again: it checks every paragraph against the manifest's
fingerprints before scoring.
"""


def normalise(text: str) -> str:
    """The form a fingerprint is taken of: NFKC, case folded, punctuation dropped, runs of
    whitespace made one space."""
    words = _PUNCTUATION.sub("", unicodedata.normalize("NFKC", text).casefold())
    return _SPACE.sub(" ", words).strip()


def fingerprint(text: str) -> str:
    """The first characters of the SHA-256 of the normalised paragraph."""
    return _digest(normalise(text))


def exact_fingerprint(paragraphs: Sequence[str]) -> str:
    """The first characters of the SHA-256 of a cached article's paragraphs as they are, one
    per line: what the classifier reads, punctuation and case included."""
    return _digest("\n".join(paragraphs))


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:FINGERPRINT_CHARS]


@dataclass(frozen=True)
class RealArticle:
    """One manifest entry: where the article comes from and what its paragraphs must be."""

    id: str
    url: str
    outlet: str
    kind: str
    split: str
    query: str
    fingerprints: tuple[str, ...]
    exact: str | None = None


@dataclass(frozen=True)
class CacheProblem:
    """A cached article that is not the one the labels were written for."""

    article: str
    message: str


@dataclass(frozen=True)
class CacheCheck:
    """What the cache holds, measured against the manifest."""

    missing: tuple[str, ...]
    problems: tuple[CacheProblem, ...]
    other_punctuation: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.missing and not self.problems


def load_manifest(path: Path) -> list[RealArticle]:
    """The manifest's articles; a ConfigError at its file:line:column when one is malformed."""
    checked = schema.load_checked(path, _MANIFEST, "manifest")
    return [
        RealArticle(
            id=entry["id"],
            url=entry["url"],
            outlet=entry["outlet"],
            kind=entry["kind"],
            split=entry["split"],
            query=entry["query"],
            fingerprints=tuple(entry["paragraphs"]),
            exact=entry.get("exact"),
        )
        for entry in checked.data["articles"]
    ]


def _fingerprints(node: Node, ctx: schema.Context) -> None:
    schema.STRINGS(node, ctx)
    if isinstance(node, SequenceNode) and not node.value:
        ctx.error(node, "expected one fingerprint per paragraph, got none")


def _distinct_ids(node: MappingNode, ctx: schema.Context) -> None:
    """Each article once: its id names its cached file."""
    seen: set[str] = set()
    entries = schema.child(node, "articles")
    for entry in entries.value if isinstance(entries, SequenceNode) else ():
        id_node = schema.child(entry, "id")
        if isinstance(id_node, ScalarNode) and id_node.value in seen:
            ctx.error(id_node, f"expected each article id once, got {id_node.value!r} again")
        if isinstance(id_node, ScalarNode):
            seen.add(id_node.value)


_ENTRY_KEYS = ("id", "url", "outlet", "kind", "split", "query", "paragraphs")
_MANIFEST = schema.mapping(
    {
        "articles": schema.list_of(
            schema.mapping(
                {
                    "id": schema.string,
                    "url": schema.string,
                    "outlet": schema.string,
                    "kind": schema.one_of(KINDS, "a kind of source"),
                    "split": schema.one_of(SPLITS, "a split"),
                    "query": schema.string,
                    "cut": schema.string,
                    "paragraphs": _fingerprints,
                    "exact": schema.string,
                },
                required=_ENTRY_KEYS,
            )
        )
    },
    required=("articles",),
    extra=_distinct_ids,
)


def cached_paragraphs(path: Path) -> list[str]:
    """The paragraphs of a cached article, headline first: its non-blank lines."""
    text = path.read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip()]


def check_cache(articles: Sequence[RealArticle], cache: Path) -> CacheCheck:
    """Compare every cached article with its manifest fingerprints, paragraph by paragraph."""
    missing: list[str] = []
    problems: list[CacheProblem] = []
    other: list[str] = []
    for article in articles:
        path = cache / f"{article.id}.txt"
        if not path.is_file():
            missing.append(article.id)
            continue
        try:
            paragraphs = cached_paragraphs(path)
        except (OSError, UnicodeDecodeError) as error:
            problems.append(CacheProblem(article.id, f"cannot read: {error}"))
            continue
        problem = _compare(article, paragraphs)
        if problem:
            problems.append(CacheProblem(article.id, problem))
        elif article.exact and exact_fingerprint(paragraphs) != article.exact:
            other.append(article.id)
    return CacheCheck(tuple(missing), tuple(problems), tuple(other))


def _compare(article: RealArticle, paragraphs: Sequence[str]) -> str | None:
    expected, got = len(article.fingerprints), len(paragraphs)
    for index, (want, text) in enumerate(zip(article.fingerprints, paragraphs, strict=False)):
        if fingerprint(text) != want:
            return f"paragraph {index} differs from the manifest (starts {text[:40]!r})"
    if expected != got:
        return f"{got} paragraphs, the manifest has {expected}"
    return None


def write_article(path: Path, paragraphs: Sequence[str]) -> None:
    """Write a cached article in the form `cached_paragraphs` reads and `reader` parses."""
    path.write_text("\n\n".join(p.strip() for p in paragraphs) + "\n", encoding="utf-8")


def assemble(
    articles: Sequence[RealArticle],
    labels: Path,
    cache: Path,
    split: str,
    into: Path,
    actors: Sequence[str] | None = None,
) -> int:
    """Copy one split's cached articles and their gold into `into`, a dataset `reader eval`
    reads. Returns how many articles it holds."""
    chosen = {a.id for a in articles if a.split == split}
    entries = check_labels(labels, articles, actors)
    kept = [e for e in entries if _stem(e) in chosen]
    unlabelled = chosen - {_stem(e) for e in kept}
    if unlabelled:
        raise ReaderError(f"article {sorted(unlabelled)[0]!r} has no labels", str(labels))
    for article in articles:
        if article.id in chosen:
            text = (cache / f"{article.id}.txt").read_text(encoding="utf-8")
            (into / f"{article.id}.txt").write_text(page_front_matter(article) + text, "utf-8")
    text = yaml.safe_dump({"articles": kept}, sort_keys=False, allow_unicode=True)
    (into / "labels.yaml").write_text(text, encoding="utf-8")
    return len(kept)


def check_labels(
    labels: Path, articles: Sequence[RealArticle], actors: Sequence[str] | None = None
) -> list[Mapping[str, Any]]:
    """The entries of the set's labels file, checked where they were written (the copy
    `assemble` makes is a temporary file nobody can edit): the shape of `reader eval`'s labels,
    and each `p` within its article's paragraphs in the manifest."""
    from reader.evaluate import labels_schema

    checked = schema.load_checked(labels, labels_schema(actors), "labels file")
    entries = schema.child(checked.root, "articles")
    if not isinstance(entries, SequenceNode):
        raise ConfigError("expected 'articles:' with a list of entries", str(labels))
    sizes = {a.id: len(a.fingerprints) for a in articles}
    for entry in entries.value:
        article = schema.child(entry, "article")
        name = Path(str(article.value)).stem if isinstance(article, ScalarNode) else ""
        blocks = schema.child(entry, "blocks")
        size = sizes.get(name, 0)
        for block in blocks.value if isinstance(blocks, SequenceNode) and size else ():
            p = schema.child(block, "p")
            if isinstance(p, ScalarNode) and int(p.value) >= size:
                raise ConfigError(
                    f"expected a block index below {size} ({name} has {size} paragraphs in "
                    f"the manifest), got {p.value}",
                    safe_yaml.where(labels, p),
                )
    return list(checked.data["articles"])


def page_front_matter(article: RealArticle) -> str:
    """The page's metadata as front matter: what the reader knows of the article when it opens
    the URL itself (`Article.meta`: its address, the site's host, the outlet), so the rules
    that read the source (config.yaml `sources:`) see what they see in real use. The front
    matter is read by the reader's own parser (reader.parse.front_matter), as for any saved
    article that names its source, and it leaves the blocks as they were."""
    meta = {"url": article.url, "site": urlsplit(article.url).hostname, "outlet": article.outlet}
    return "---\n" + yaml.safe_dump(meta, sort_keys=False, allow_unicode=True) + "---\n"


def _stem(entry: Mapping[str, Any]) -> str:
    return Path(str(entry.get("article", ""))).stem


def _split_differently(articles: Sequence[RealArticle], cache: Path) -> list[str]:
    """The articles the reader's own parser does not cut into the manifest's blocks (headline
    as block 0, then one block per paragraph), read as they are scored (with their page's
    front matter): the labels would land on the wrong text."""
    from reader.evaluate import read_article

    wrong = []
    with tempfile.TemporaryDirectory(prefix="reader-real-check-") as tmp:
        for article in articles:
            path = Path(tmp) / f"{article.id}.txt"
            text = (cache / f"{article.id}.txt").read_text(encoding="utf-8")
            path.write_text(page_front_matter(article) + text, encoding="utf-8")
            wrong.extend(_cut_wrongly(article, read_article(path).blocks))
    return wrong


def _cut_wrongly(article: RealArticle, blocks: Sequence[Any]) -> list[str]:
    if len(blocks) != len(article.fingerprints) or blocks[0].kind != "title":
        return [f"{article.id}.txt: the reader makes {len(blocks)} blocks"]
    return []


def run(
    folder: Path,
    out: TextIO,
    config: Path | None = None,
    verbose: bool = False,
    show_blind: bool = False,
    splits: Sequence[str] = SPLITS,
    names_out: bool = False,
) -> int:
    """Check the cache of `folder` and score each split of `splits` that has articles (a set
    may be all blind, as tests/data/real4 is); the exit status. The blind part gets its
    figures only, not its articles or wrong blocks, unless `show_blind` (for the end);
    `splits=("dev",)` leaves its figures unread while rules are tuned. `names_out` scores the
    rules without the people's names of the speakers lists (reader.namesout)."""
    from reader.config import load_config
    from reader.evaluate import evaluate, format_report

    articles = load_manifest(folder / "manifest.yaml")
    parts = [s for s in SPLITS if s in splits and any(a.split == s for a in articles)]
    if not parts:
        out.write(f"{folder}: no article in the {' or '.join(splits)} part, nothing to score\n")
        return 0
    cache = folder / "cache"
    check = check_cache(articles, cache)
    if len(check.missing) == len(articles):
        out.write(REBUILD_HINT.format(cache=cache, readme=folder / "README.md"))
        return 0
    if not check.ok:
        for name in check.missing:
            out.write(f"{cache / name}.txt: missing\n")
        for problem in check.problems:
            out.write(f"{cache / problem.article}.txt: {problem.message}\n")
        out.write("The cache does not match the manifest: rebuild those articles (README.md).\n")
        return 1
    unparsed = _split_differently(articles, cache)
    if unparsed:
        out.write("".join(f"{cache / line}\n" for line in unparsed))
        out.write("The reader no longer cuts these articles into the manifest's blocks.\n")
        return 1
    for name in check.other_punctuation:
        out.write(
            f"{cache / name}.txt: the manifest's words, other punctuation or case than when its"
            " scores were recorded (its `exact` differs): the score may move a little\n"
        )
    rules = load_config(config)
    if names_out:
        from reader.namesout import without_names

        rules, names = without_names(rules)
        out.write(names.summary())
    actors = [actor.id for actor in rules.actors]
    for split in parts:
        with tempfile.TemporaryDirectory(prefix=f"reader-real-{split}-") as tmp:
            count = assemble(articles, folder / "labels.yaml", cache, split, Path(tmp), actors)
            out.write(f"== real articles, {split} part ({count} articles)\n")
            report = evaluate([Path(tmp)], rules)
            shown = split != "blind" or show_blind
            out.write(format_report(report, verbose=verbose and shown, details=shown))
            out.write("\n")
    return 0


_ENTRY_LINE = re.compile(r"^(\s*)- id:\s*[\"']?([^\"'\s]+)")
_KEY_LINE = re.compile(r"^\s*(\w+):")


def record_exact(folder: Path, out: TextIO) -> int:
    """Write each article's `exact` into the manifest from a cache the fingerprints accept
    (line by line, so the manifest's comments and layout stay); the exit status."""
    manifest = folder / "manifest.yaml"
    articles = load_manifest(manifest)
    cache = folder / "cache"
    check = check_cache(articles, cache)
    if not check.ok:
        out.write(f"{cache}: not every article is cached as the manifest says; nothing written\n")
        return 1
    exact = {a.id: exact_fingerprint(cached_paragraphs(cache / f"{a.id}.txt")) for a in articles}
    lines: list[str] = []
    entry, indent = "", ""
    for line in manifest.read_text(encoding="utf-8").splitlines(keepends=True):
        start = _ENTRY_LINE.match(line)
        if start:
            entry, indent = start.group(2), start.group(1) + "  "
        key = _KEY_LINE.match(line)
        if entry and key and key.group(1) == "exact":
            continue
        if entry and key and key.group(1) == "paragraphs":
            lines.append(f'{indent}exact: "{exact[entry]}"\n')
        lines.append(line)
    manifest.write_text("".join(lines), encoding="utf-8")
    out.write(f"{manifest}: the exact text of {len(articles)} articles recorded\n")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m reader.realset",
        description="Check the real-article cache against its manifest and score it.",
    )
    parser.add_argument(
        "folders",
        nargs="*",
        type=Path,
        default=list(FOLDERS),
        metavar="FOLDER",
        help="real-article sets to score (default: %(default)s)",
    )
    parser.add_argument("--config", type=Path, metavar="FILE", help="rule file to score")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every wrong block")
    parser.add_argument(
        "--show-blind",
        action="store_true",
        help="also list the blind part's articles and wrong blocks (only at the very end)",
    )
    parser.add_argument(
        "--split", choices=SPLITS, help="score only this part (dev while tuning rules)"
    )
    parser.add_argument(
        "--names-out",
        action="store_true",
        help="score without the people's names of the actors' speakers lists, offices kept:"
        " what the grammar finds alone, as on articles whose officials the lists lack",
    )
    parser.add_argument(
        "--record-exact",
        action="store_true",
        help="write each cached article's exact-text fingerprint into its manifest, no scoring",
    )
    args = parser.parse_args(argv)
    out = cast(TextIO, SafeWriter(sys.stdout))  # article names and text are shown safely
    splits = (args.split,) if args.split else SPLITS
    status = 0
    for folder in args.folders:
        if len(args.folders) > 1:
            out.write(f"### {folder}\n")
        try:
            if args.record_exact:
                done = record_exact(folder, out)
            else:
                done = run(
                    folder,
                    out,
                    args.config,
                    args.verbose,
                    args.show_blind,
                    splits,
                    names_out=args.names_out,
                )
            status = max(status, done)
        except ReaderError as error:
            out.flush()
            print(f"reader: {visible(str(error))}", file=sys.stderr)
            status = 2
    return status


if __name__ == "__main__":
    sys.exit(main())
