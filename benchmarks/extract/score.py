"""Extraction quality: does the reader show the article and not the page?

    make extract-bench        (also part of `make bench`)

For every page in benchmarks/extract/pages/ (see make_pages.py) the text each extractor keeps
is compared with the page's expected body by word 4-gram shingles: precision is the share of
the kept shingles that belong to the body (furniture lowers it), recall the share of the
body's shingles that were kept (lost paragraphs lower it), F1 their harmonic mean. Reported
per page template and overall (the mean over pages), for:
- reader: `reader.parse` on the page, as `reader page.html` and `reader URL` read it;
- markup only: `reader.parse.html_plain`, the stdlib parser that takes pages trafilatura keeps
  nothing of (it keeps every paragraph, list item and heading outside nav/aside/footer);
- trafilatura text: the library's own plain text with its title, for comparison;
- all visible text: every text node outside script, style, head and the like (the baseline).
Times are the median milliseconds per page (the machines are shared and noisy).
"""

from __future__ import annotations

import re
import statistics
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

from reader.load import Document
from reader.parse import parse
from reader.parse.html_plain import parse_html_plain

PAGES = Path(__file__).parent / "pages"
_WORD = re.compile(r"\w+")
_INVISIBLE = ("script", "style", "noscript", "template", "head", "title")


def shingles(text: str, size: int = 4) -> set[tuple[str, ...]]:
    words = _WORD.findall(text.lower())
    return {tuple(words[i : i + size]) for i in range(max(0, len(words) - size + 1))}


def prf(found: str, expected: str) -> tuple[float, float, float]:
    got, want = shingles(found), shingles(expected)
    common = len(got & want)
    precision = common / len(got) if got else 0.0
    recall = common / len(want) if want else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def reader_text(page: str) -> str:
    article = parse(Document("page.html", page, "html"))
    return "\n".join(block.text for block in article.blocks)


def markup_text(page: str) -> str:
    return "\n".join(block.text for block in parse_html_plain(page).blocks)


def visible_text(page: str) -> str:
    import lxml.html

    root = lxml.html.document_fromstring(page)
    for element in list(root.iter(*_INVISIBLE)):
        if element.getparent() is not None:
            element.drop_tree()
    return " ".join(root.text_content().split())


def trafilatura_text(page: str) -> str:
    """trafilatura's own plain-text output (and title), the library without the reader's
    structure and link-density handling: what the reader adds to it shows against this."""
    import trafilatura

    document = trafilatura.bare_extraction(page, with_metadata=True, favor_precision=True)
    if document is None or isinstance(document, dict):
        return ""
    return f"{document.title or ''}\n{document.text or ''}"


EXTRACTORS: dict[str, Callable[[str], str]] = {
    "reader": reader_text,
    "trafilatura text": trafilatura_text,
    "markup only": markup_text,
    "all visible text": visible_text,
}


def run(_tmp: Path | None = None) -> dict[str, tuple[float, float, float]]:
    pages = sorted(PAGES.glob("*.html"))
    print(f"== extraction: {len(pages)} pages, word 4-gram shingles against the expected body")
    scores: dict[str, list[tuple[float, float, float]]] = defaultdict(list)
    by_template: dict[tuple[str, str], list[float]] = defaultdict(list)
    seconds: dict[str, list[float]] = defaultdict(list)
    for path in pages:
        page = path.read_text(encoding="utf-8")
        expected = path.with_name(path.stem + ".expected.txt").read_text(encoding="utf-8")
        template = path.stem.split("-", 1)[1]
        for name, extract in EXTRACTORS.items():
            start = time.perf_counter()
            text = extract(page)
            seconds[name].append(time.perf_counter() - start)
            result = prf(text, expected)
            scores[name].append(result)
            by_template[(name, template)].append(result[2])
    print(
        f"{'extractor':<18} {'precision':>9} {'recall':>7} {'F1':>6} {'worst F1':>9} {'ms/page':>8}"
    )
    means: dict[str, tuple[float, float, float]] = {}
    for name, results in scores.items():
        p, r, f = (statistics.mean(column) for column in zip(*results, strict=True))
        worst = min(result[2] for result in results)
        means[name] = (p, r, f)
        per_page = 1000 * statistics.median(seconds[name])
        print(f"{name:<18} {p:>9.3f} {r:>7.3f} {f:>6.3f} {worst:>9.3f} {per_page:>8.1f}")
    templates = sorted({template for _name, template in by_template})
    print("F1 by template:   " + " ".join(f"{name:>16}" for name in EXTRACTORS))
    for template in templates:
        row = " ".join(
            f"{statistics.mean(by_template[(name, template)]):>16.3f}" for name in EXTRACTORS
        )
        print(f"  {template:<16}{row}")
    return means


if __name__ == "__main__":
    run()
