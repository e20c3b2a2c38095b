"""Rule-file benchmark (issue 4): a file of 10,000 rules loads and classifies the seed article.

The file holds 3,000 extra speakers spread over the three actors, 4,000 framing rules (terms, and
one in forty with a regex) and 3,000 exclusions. Measured: reading + validating + compiling it
merged over the bundled config (`config_from_files`), then classifying the bundled seed
article with it; each figure is the median of a few runs in this process. Target: load +
classify under 1 s.
"""

from __future__ import annotations

from pathlib import Path

from benchmarks.measure import median_seconds

RULES = 10_000
RUNS = 3


def write_rules(path: Path, rules: int = RULES) -> Path:
    """A valid rule file of `rules` rules: speakers (30%), framing (40%), exclusions (30%)."""
    speakers = rules * 3 // 10
    framing = rules * 4 // 10
    exclusions = rules - speakers - framing
    actors = ("nato", "russia", "ukraine")
    lines = ["extra_actors:"]
    for n, actor in enumerate(actors):
        lines += [
            f"  - id: {actor}-voices",
            f"    label: {actor} voices",
            '    colour: "#888888"',
            f"    tag: V{n}",
            "    speakers:",
        ]
        lines += [f"      - Speaker{actor.title()}{i:05d}" for i in range(speakers // 3)]
    lines.append("framing:")
    for i in range(framing):
        lines += [
            f"  - id: framing.bench-{i:05d}",
            f"    actor: {actors[i % 3]}",
            f"    message: benchmark framing rule {i}",
            f"    terms: [framingterm{i:05d}, framing phrase {i:05d}]",
        ]
        if i % 40 == 0:
            lines.append(f"    regex: ['\\\\bpattern{i:05d}\\\\w*']")
    lines.append("exclusions:")
    for i in range(exclusions):
        lines += [
            f"  - id: exclusion.bench-{i:05d}",
            f"    message: benchmark exclusion {i}",
            f"    terms: [not-term-{i:05d}]",
        ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def run(workdir: Path) -> dict[str, float]:
    """Measure and print the figures; return them for the summary."""
    from reader.classify import classify
    from reader.config import config_from_files
    from reader.load import load
    from reader.parse import parse
    from reader.resources import bundled

    path = write_rules(workdir / "rules-10k.yaml")
    files = [bundled("config.yaml"), path]
    seed = parse(load([str(bundled("seeds"))]).documents[0])
    config = config_from_files(files)
    load_s = median_seconds(lambda: config_from_files(files), RUNS)
    classify_s = median_seconds(lambda: classify(seed, config), RUNS)
    total = median_seconds(lambda: classify(seed, config_from_files(files)), RUNS)
    figures = {
        "rules": float(RULES),
        "rules_load_s": load_s,
        "rules_classify_seed_s": classify_s,
        "rules_load_classify_s": total,
    }
    size = path.stat().st_size / 1e6
    print(f"rules: {RULES:,} rules in one file, {size:.1f} MB (median of {RUNS})")
    print(f"  read + validate + compile  {load_s:8.3f} s")
    print(f"  classify the seed article  {classify_s:8.3f} s")
    print(f"  load + classify            {total:8.3f} s    (target < 1 s)")
    return figures


if __name__ == "__main__":
    import tempfile

    with tempfile.TemporaryDirectory(prefix="reader-bench-") as tmp:
        run(Path(tmp))
