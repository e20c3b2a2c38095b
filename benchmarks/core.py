"""Core benchmark (issue 2): load + classify a 100,000-paragraph article.

Reports paragraphs per second, load + classify time, peak memory against the file size, and
the ratio of classification time to a floor measured in the same run: one compiled alternation
of every term the rules scan for, run over the same text. Each figure is a median of runs.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from benchmarks.floors import floor_factored, floor_pattern
from benchmarks.generate import write_article
from benchmarks.measure import median_seconds

PARAGRAPHS = 100_000
RUNS = 3


_MEMORY_PROBE = """
import json, sys, tracemalloc
from benchmarks.measure import peak_rss_bytes
from reader.classify import classify
from reader.config import load_config
from reader.load import load
from reader.parse import parse
config = load_config()
tracemalloc.start()
report = load([sys.argv[1]])
result = [classify(parse(doc), config) for doc in report.documents]
current, peak = tracemalloc.get_traced_memory()
print(json.dumps({"traced_peak": peak, "max_rss": peak_rss_bytes()}))
"""


def run(workdir: Path) -> dict[str, float]:
    """Measure and print the core figures; return them for the summary."""
    from reader.classify import classify
    from reader.config import load_config
    from reader.load import load
    from reader.parse import parse
    from reader.rules.compile import fold

    path = write_article(workdir / "core-100k.txt", PARAGRAPHS)
    size = path.stat().st_size
    config = load_config()

    def load_and_classify() -> None:
        for document in load([str(path)]).documents:
            classify(parse(document), config)

    article = parse(load([str(path)]).documents[0])
    texts = [block.text for block in article.blocks]
    whole = "\n".join(texts)

    def scan(pattern: re.Pattern[str]) -> Callable[[], None]:
        def run() -> None:
            for _match in pattern.finditer(fold(whole)):
                pass

        return run

    total = median_seconds(load_and_classify, RUNS)
    classify_only = median_seconds(lambda: classify(article, config), RUNS)
    # The floor: one plain alternation of every term. Python's engine tries each
    # alternative at each position, so the trie-factored alternation the classifier itself
    # uses is far faster: report the ratio to both.
    floor_time = median_seconds(scan(floor_pattern(config)), RUNS)
    factored_time = median_seconds(scan(floor_factored(config)), RUNS)
    probe = subprocess.run(
        [sys.executable, "-c", _MEMORY_PROBE, str(path)],
        capture_output=True,
        text=True,
        check=True,
    )
    memory = json.loads(probe.stdout)
    figures = {
        "file_mb": size / 1e6,
        "load_classify_s": total,
        "classify_s": classify_only,
        "paragraphs_per_s": PARAGRAPHS / classify_only,
        "floor_s": floor_time,
        "ratio_to_floor": classify_only / floor_time,
        "floor_factored_s": factored_time,
        "ratio_to_factored_floor": classify_only / factored_time,
        "traced_peak_x_file": memory["traced_peak"] / size,
        "max_rss_mb": memory["max_rss"] / 1e6,
    }
    print(f"core: {PARAGRAPHS:,} paragraphs, {figures['file_mb']:.1f} MB (median of {RUNS})")
    print(f"  load + parse + classify   {total:8.2f} s    (target <= 5 s)")
    print(
        f"  classify only             {classify_only:8.2f} s    "
        f"{figures['paragraphs_per_s']:,.0f} paragraphs/s"
    )
    print(
        f"  floor (one alternation)   {floor_time:8.3f} s    "
        f"ratio {figures['ratio_to_floor']:.2f} (target <= 3)"
    )
    print(
        f"  floor (factored trie)     {factored_time:8.3f} s    "
        f"ratio {figures['ratio_to_factored_floor']:.1f} (the stricter floor)"
    )
    print(
        f"  peak traced memory        {memory['traced_peak'] / 1e6:8.1f} MB  "
        f"{figures['traced_peak_x_file']:.1f}x the file (target <= 10x); "
        f"process max RSS {figures['max_rss_mb']:.0f} MB"
    )
    return figures
