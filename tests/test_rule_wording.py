"""Rule tests are written in our own sentences, never a real article's: a test that quotes the
article it was tuned on certifies that article, not the grammar (review 4, finding 7). So no
line of tests/rules/ or config.yaml may share a run of WORDS words with a dev article.

The articles' text is not committed (each set's cache/ is git-ignored, and absent in CI), so
the check runs against tests/data/real-shingles.txt: a short hash of every WORDS-word run of
every dev article, which gives no text back. When a set turns dev, rebuild that file from
the local caches: `.venv/bin/python tests/test_rule_wording.py`. Blind articles are never
read.
"""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Iterator
from pathlib import Path

from reader.realset import RealArticle, cached_paragraphs, check_cache, load_manifest, normalise

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
SHINGLES = DATA / "real-shingles.txt"
WORDS = 7
HASH_CHARS = 10  # 40 bits: a chance match anywhere in the check is about 1 in 2,000


def shingles(text: str) -> set[str]:
    """The hashes of every run of WORDS words in `text` (case and punctuation ignored)."""
    words = normalise(text).split()
    runs = (" ".join(words[i : i + WORDS]) for i in range(len(words) - WORDS + 1))
    return {hashlib.sha256(run.encode("utf-8")).hexdigest()[:HASH_CHARS] for run in runs}


def dev_sets() -> Iterator[tuple[Path, list[RealArticle]]]:
    """Each real set's folder with its dev articles (a blind article is never listed)."""
    for manifest in sorted(DATA.glob("real*/manifest.yaml")):
        dev = [article for article in load_manifest(manifest) if article.split == "dev"]
        if dev:
            yield manifest.parent, dev


def recorded() -> tuple[set[str], set[str]]:
    """The articles tests/data/real-shingles.txt was made from, and its hashes."""
    articles: set[str] = set()
    hashes: set[str] = set()
    for line in SHINGLES.read_text(encoding="utf-8").splitlines():
        if line.startswith("article "):
            articles.add(line.removeprefix("article "))
        elif line and not line.startswith("#"):
            hashes.add(line)
    return articles, hashes


def checked_lines() -> Iterator[tuple[str, str]]:
    """Every line of the rule tests (cases and the pages they read) and of config.yaml."""
    files = sorted(p for p in (ROOT / "tests" / "rules").rglob("*") if p.is_file())
    for path in [*files, ROOT / "config.yaml"]:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            yield f"{path.relative_to(ROOT)}:{number}", line


def test_no_rule_test_or_example_repeats_a_dev_article() -> None:
    _, known = recorded()
    copied = [
        f"{where}: {line.strip()}" for where, line in checked_lines() if shingles(line) & known
    ]
    assert not copied, (
        f"these lines share {WORDS} words in a row with a real dev article; write the test in "
        "new words (other names, places, numbers, verbs of the same class):\n" + "\n".join(copied)
    )


def test_the_fingerprints_cover_every_dev_article() -> None:
    articles, _ = recorded()
    dev = {f"{folder.name}/{article.id}" for folder, articles in dev_sets() for article in articles}
    missing = sorted(dev - articles)
    assert not missing, (
        f"{SHINGLES.name} predates these dev articles; with their caches in place, run "
        f"`.venv/bin/python tests/test_rule_wording.py`: {', '.join(missing)}"
    )


def test_a_copied_sentence_is_found_whatever_its_case_and_punctuation() -> None:
    article = shingles("The minister said: the corridor must stay open, whatever Moscow does.")
    assert shingles('"THE CORRIDOR must stay open - whatever Moscow does," he said') & article
    assert not shingles("The corridor must remain open, whatever Moscow does.") & article


def rebuild() -> int:
    """Write tests/data/real-shingles.txt from the local caches of the dev articles."""
    lines = ["# Hashes of every 7-word run of the real dev articles (tests/test_rule_wording.py)."]
    hashes: set[str] = set()
    for folder, articles in dev_sets():
        check = check_cache(articles, folder / "cache")
        if not check.ok:
            print(f"{folder}/cache: missing or changed articles; see its README", file=sys.stderr)
            return 1
        for article in articles:
            lines.append(f"article {folder.name}/{article.id}")
            for paragraph in cached_paragraphs(folder / "cache" / f"{article.id}.txt"):
                hashes |= shingles(paragraph)
    SHINGLES.write_text("\n".join([*lines, *sorted(hashes)]) + "\n", encoding="utf-8")
    print(f"{SHINGLES.relative_to(ROOT)}: {len(lines) - 1} articles, {len(hashes)} runs")
    return 0


if __name__ == "__main__":
    sys.exit(rebuild())
