"""The real-article set's cache check and scoring, on a tiny invented manifest in a temp folder.

The articles here are invented for the test; the real ones never enter the repository.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from reader.realset import (
    check_cache,
    fingerprint,
    load_manifest,
    main,
    run,
    write_article,
)

ARTICLE = [
    "Minister says the corridor must stay open",
    "The foreign minister of Ruritania said on Monday the corridor must stay open.",
    "Trucks waited at the crossing for a third day.",
]


def _manifest(folder: Path, paragraphs: list[str], split: str = "dev") -> None:
    prints = ", ".join(f'"{fingerprint(p)}"' for p in paragraphs)
    (folder / "manifest.yaml").write_text(
        "articles:\n"
        "  - id: corridor\n"
        '    url: "https://example.invalid/corridor"\n'
        '    outlet: "Invented Wire"\n'
        "    kind: wire\n"
        f"    split: {split}\n"
        '    query: "corridor must stay open"\n'
        f"    paragraphs: [{prints}]\n",
        encoding="utf-8",
    )
    (folder / "labels.yaml").write_text(
        "articles:\n"
        "  - article: corridor.txt\n"
        "    blocks:\n"
        "      - {p: 0, labels: []}\n"
        "      - {p: 1, labels: []}\n"
        "      - {p: 2, labels: []}\n",
        encoding="utf-8",
    )


def test_a_rebuilt_paragraph_matches_whatever_its_quotes_dashes_and_spacing() -> None:
    original = "The minister said the “corridor” must stay open — for now."
    rebuilt = 'The minister said  the "corridor" must stay open - for now.\n'
    assert fingerprint(original) == fingerprint(rebuilt)
    assert fingerprint(original) != fingerprint("The minister said the corridor must close.")


def test_a_cache_that_holds_the_manifests_paragraphs_passes(tmp_path: Path) -> None:
    _manifest(tmp_path, ARTICLE)
    (tmp_path / "cache").mkdir()
    write_article(tmp_path / "cache" / "corridor.txt", ARTICLE)
    check = check_cache(load_manifest(tmp_path / "manifest.yaml"), tmp_path / "cache")
    assert check.ok


def test_an_edited_paragraph_is_named_with_its_index(tmp_path: Path) -> None:
    _manifest(tmp_path, ARTICLE)
    (tmp_path / "cache").mkdir()
    edited = [*ARTICLE[:2], "Trucks waited at the crossing for a fourth day."]
    write_article(tmp_path / "cache" / "corridor.txt", edited)
    check = check_cache(load_manifest(tmp_path / "manifest.yaml"), tmp_path / "cache")
    assert not check.ok
    assert [p.article for p in check.problems] == ["corridor"]
    assert "paragraph 2 differs" in check.problems[0].message


def test_a_paragraph_cut_in_two_is_caught(tmp_path: Path) -> None:
    _manifest(tmp_path, ARTICLE)
    (tmp_path / "cache").mkdir()
    write_article(tmp_path / "cache" / "corridor.txt", [*ARTICLE, "One more line."])
    check = check_cache(load_manifest(tmp_path / "manifest.yaml"), tmp_path / "cache")
    assert "4 paragraphs, the manifest has 3" in check.problems[0].message


def test_without_a_cache_it_says_how_to_rebuild_and_succeeds(tmp_path: Path) -> None:
    _manifest(tmp_path, ARTICLE)
    out = io.StringIO()
    assert run(tmp_path, out) == 0
    assert "is not here" in out.getvalue() and str(tmp_path / "README.md") in out.getvalue()
    assert "micro" not in out.getvalue()


def test_a_wrong_cache_fails_before_any_score(tmp_path: Path) -> None:
    _manifest(tmp_path, ARTICLE)
    (tmp_path / "cache").mkdir()
    write_article(tmp_path / "cache" / "corridor.txt", [ARTICLE[0], "Something else.", ARTICLE[2]])
    out = io.StringIO()
    assert run(tmp_path, out) == 1
    assert "corridor.txt: paragraph 1 differs" in out.getvalue()
    assert "micro" not in out.getvalue()


def test_an_all_blind_set_shows_its_figures_but_not_its_misses(tmp_path: Path) -> None:
    _manifest(tmp_path, ARTICLE, split="blind")
    (tmp_path / "cache").mkdir()
    write_article(tmp_path / "cache" / "corridor.txt", ARTICLE)
    out = io.StringIO()
    assert run(tmp_path, out) == 0
    text = out.getvalue()
    assert "dev part" not in text  # no empty part is scored
    assert "== real articles, blind part (1 articles)" in text
    assert text.count("micro  P") == 1 and "primary accuracy" in text
    blind = text.split("blind part")[1]
    assert "nato " in blind and "corridor" not in blind and "wrong blocks" not in blind
    shown = io.StringIO()
    assert run(tmp_path, shown, show_blind=True) == 0
    assert "corridor.txt" in shown.getvalue().split("blind part")[1]


def test_a_set_with_both_parts_scores_each_and_hides_the_blind_misses(tmp_path: Path) -> None:
    second = ["Envoy rejects the corridor plan", "The envoy of Borduria rejected the plan."]
    _manifest(tmp_path, ARTICLE, split="dev")
    prints = ", ".join(f'"{fingerprint(p)}"' for p in second)
    with (tmp_path / "manifest.yaml").open("a", encoding="utf-8") as manifest:
        manifest.write(
            "  - id: envoy\n"
            '    url: "https://example.invalid/envoy"\n'
            '    outlet: "Invented Wire"\n'
            "    kind: wire\n"
            "    split: blind\n"
            '    query: "envoy rejects corridor"\n'
            f"    paragraphs: [{prints}]\n"
        )
    with (tmp_path / "labels.yaml").open("a", encoding="utf-8") as labels:
        labels.write(
            "  - article: envoy.txt\n    blocks:\n"
            "      - {p: 0, labels: []}\n      - {p: 1, labels: []}\n"
        )
    (tmp_path / "cache").mkdir()
    write_article(tmp_path / "cache" / "corridor.txt", ARTICLE)
    write_article(tmp_path / "cache" / "envoy.txt", second)
    out = io.StringIO()
    assert run(tmp_path, out) == 0
    dev, blind = out.getvalue().split("== real articles, blind part (1 articles)")
    assert "== real articles, dev part (1 articles)" in dev and "corridor.txt" in dev
    assert "micro  P" in blind and "envoy" not in blind and "wrong blocks" not in blind


def test_asking_for_a_part_the_set_does_not_have_scores_nothing_and_succeeds(
    tmp_path: Path,
) -> None:
    _manifest(tmp_path, ARTICLE, split="blind")  # and no cache either
    out = io.StringIO()
    assert run(tmp_path, out, splits=("dev",)) == 0
    assert out.getvalue() == f"{tmp_path}: no article in the dev part, nothing to score\n"


def test_several_sets_are_checked_one_after_another_each_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first, second = tmp_path / "real", tmp_path / "real2"
    for folder, split in ((first, "dev"), (second, "blind")):
        folder.mkdir()
        _manifest(folder, ARTICLE, split=split)
    (second / "cache").mkdir()
    write_article(second / "cache" / "corridor.txt", ARTICLE)
    assert main([str(first), str(second)]) == 0
    text = capsys.readouterr().out
    without_cache, scored = text.split(f"### {second}\n")
    assert without_cache.startswith(f"### {first}\n")
    assert f"{first / 'README.md'}" in without_cache and "micro" not in without_cache
    assert "blind part (1 articles)" in scored and "corridor" not in scored


def test_by_default_every_committed_real_article_set_is_scored() -> None:
    from reader.realset import FOLDERS

    root = Path(__file__).resolve().parent.parent
    expected = [
        "tests/data/real",
        "tests/data/real2",
        "tests/data/real3",
        "tests/data/real4",
        "tests/data/real5",
        "tests/data/real6",
        "tests/data/real7",
        "tests/data/real8",
        "tests/data/real9",
        "tests/data/real10",
        "tests/data/real11",
        "tests/data/real12",
        "tests/data/real13",
        "tests/data/real14",
        "tests/data/real15",
        "tests/data/real16",
        "tests/data/real17",
        "tests/data/real18",
        "tests/data/real19",
        "tests/data/real20",
        "tests/data/real21",
        "tests/data/real22",
        "tests/data/real23",
        "tests/data/real24",
        "tests/data/real25",
        "tests/data/real26",
        "tests/data/real27",
        "tests/data/real28",
        "tests/data/real29",
        "tests/data/real30",
        "tests/data/real31",
        "tests/data/real32",
        "tests/data/real33",
        "tests/data/real34",
        "tests/data/real35",
        "tests/data/real36",
        "tests/data/real37",
        "tests/data/real38",
        "tests/data/real39",
        "tests/data/real40",
        "tests/data/real41",
        "tests/data/real42",
        "tests/data/real43",
        "tests/data/real44",
        "tests/data/real45",
        "tests/data/real46",
        "tests/data/real47",
        "tests/data/real48",
        "tests/data/real49",
        "tests/data/real50",
        "tests/data/real51",
        "tests/data/real52",
        "tests/data/real53",
        "tests/data/real54",
        "tests/data/real55",
        "tests/data/real56",
        "tests/data/real57",
        "tests/data/real58",
        "tests/data/real59",
        "tests/data/real60",
        "tests/data/real61",
        "tests/data/real62",
        "tests/data/real63",
        "tests/data/real64",
        "tests/data/real65",
        "tests/data/real66",
        "tests/data/real67",
        "tests/data/real68",
        "tests/data/real69",
    ]
    assert [str(folder) for folder in FOLDERS] == expected
    splits = [{a.split for a in load_manifest(root / f / "manifest.yaml")} for f in FOLDERS]
    # the nine earlier sets have been read (real2 at the end of session 3; real4 to real7
    # during session 4; real8 and real9, session 5's, at the start of session 7) and are dev;
    # real10 (built in session 6) was blind until its final read at the end of session 7;
    # real11 (built at session 8's start) was blind until its final read at session 9's start;
    # real12 (built at session 9's start) was blind until its final read at that session's end;
    # real13 (built from session 9's end to session 10's start) was blind until its final read
    # at session 10's end; real14 (built in session 10) was blind until its final read at
    # session 12's start; real15 (built in session 11) was blind until its final read at session
    # 12's end; real16 (built in session 12) was blind from its first read at session 13's start
    # until its final read at that session's end; real17 (built in session 13) was blind from
    # its first read at session 14's start until its final read at that session's end; real18
    # (built in session 14) is a check set: half dev, half blind (the check half, only its
    # totals shown); real19 (built in session 14) was blind from its first read at session 15's
    # start until its final read at that session's end; real20 (built in session 15) and real21
    # (built in session 16, weighted to Ukraine's voice) were blind from their first reads in
    # session 16 until their final reads at its end; real22 (built in session 16) was blind from
    # its first read at session 18's start until its final read at that session's end; real23
    # (built in session 18) was blind from its first read at session 19's start until its
    # final read at that session's end; real24 to real31 (built in session 19) were read blind
    # once (real24 at session 20's start) and are dev since; real32 and real33 (built at
    # session 20's start) were read blind at its end and are dev since; real34 to real36
    # (built in session 21) were read blind at its end and are dev since; real37 and real38
    # (built at session 22's start) were read blind at session 23's end and are dev since;
    # real39 and real40 (built at session 24's start) were read blind before its first rule
    # merge and are dev since; real41 and real42 (built in session 24) were read blind at its
    # end and are dev since; real43 and real44 (built then too) were read blind at session 25's
    # start and are dev since; real45 and real46 (built in session 25) were read blind at its
    # end and are dev since; real47 to real49 (built in session 26) were read blind at its
    # start and are dev since; real50 to real52 (built then too) were read blind at its end and
    # are dev since; real53 to real58 (built in session 27) were read blind when built and at
    # its end and are dev since; real59 to real61 (built at session 27's end) were read blind at
    # its end and session 28's and are dev since; real62 to real64 (built at session 29's start)
    # were read blind at its start and end and are dev since; real65 to real67 (built at its
    # end) were read blind then and at session 30's start and middle and are dev since; real68
    # and real69 (built at session 30's start) are blind, read then
    assert splits == [{"dev"}] * 17 + [{"dev", "blind"}] + [{"dev"}] * 49 + [{"blind"}] * 2


def test_a_real_set_keeps_its_articles_text_only_in_the_ignored_cache() -> None:
    """The articles are not ours to commit: beside the manifest, labels and README a set's folder
    holds only cache/ (git-ignored). An article copied next to the labels would be committed by
    the next `git add -A`, and `reader eval` would read it as a labelled article."""
    from reader.realset import FOLDERS

    root = Path(__file__).resolve().parent.parent
    allowed = {"README.md", "manifest.yaml", "labels.yaml", "cache"}
    stray = {
        str(entry.relative_to(root))
        for folder in FOLDERS
        for entry in (root / folder).iterdir()
        if entry.name not in allowed
    }
    assert stray == set()


def test_a_malformed_manifest_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "manifest.yaml").write_text(
        "articles:\n  - id: x\n    url: u\n    outlet: o\n    kind: blog\n"
        "    split: dev\n    query: q\n    paragraphs: ['abc']\n",
        encoding="utf-8",
    )
    assert main([str(tmp_path)]) == 2
    expected = (
        "5:11: expected a kind of source, one of: wire, state-media, ukrainian, official, "
        "paper; got 'blog'"
    )
    assert capsys.readouterr() == ("", f"reader: {tmp_path / 'manifest.yaml'}:{expected}\n")


def test_reader_eval_without_arguments_leaves_the_real_set_to_make_eval_real() -> None:
    from reader.cli import _default_datasets

    names = {path.name for path in _default_datasets()}
    assert "real" not in names and "holdout10" in names


@pytest.mark.parametrize(
    ("block", "expected"),
    [
        ("{p: 1, labels: [russia], primary_any: true}", "5:47: expected a list, got bool 'true'"),
        (
            "{p: 3, labels: []}",
            "5:13: expected a block index below 3 (corridor has 3 paragraphs in the manifest), "
            "got 3",
        ),
        (
            "{p: 1, labels: [eu]}",
            "5:25: expected an actor id, one of: nato, russia, ukraine; got 'eu'",
        ),
    ],
    ids=["primary_any-a-bool", "p-beyond-the-manifest", "unknown-actor"],
)
def test_a_bad_label_is_named_where_it_was_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], block: str, expected: str
) -> None:
    """Not in the temporary copy `reader eval` scores, which nobody can open and fix."""
    _manifest(tmp_path, ARTICLE)
    labels = tmp_path / "labels.yaml"
    gold = "articles:\n  - article: corridor.txt\n    blocks:\n      - {p: 0, labels: []}\n"
    labels.write_text(gold + f"      - {block}\n", encoding="utf-8")
    (tmp_path / "cache").mkdir()
    write_article(tmp_path / "cache" / "corridor.txt", ARTICLE)
    assert main([str(tmp_path)]) == 2
    assert capsys.readouterr() == ("", f"reader: {labels}:{expected}\n")


MINISTRY_PAGE = [
    "Statement on the grain corridor",
    "The corridor must stay open for every ship that carries food.",
    "Any attack on the ports is an attack on the world's bread basket.",
]


def _ministry_set(folder: Path, url: str) -> Path:
    """An invented ministry page with no speech verb at all, its gold the ministry's side, and
    a rule file whose only source rule is the ministry's site."""
    folder.mkdir(exist_ok=True)
    prints = ", ".join(f'"{fingerprint(p)}"' for p in MINISTRY_PAGE)
    (folder / "manifest.yaml").write_text(
        "articles:\n"
        "  - id: ministry\n"
        f'    url: "{url}"\n'
        '    outlet: "Ruritanian Foreign Ministry"\n'
        "    kind: official\n"
        "    split: dev\n"
        '    query: "grain corridor statement"\n'
        f"    paragraphs: [{prints}]\n",
        encoding="utf-8",
    )
    (folder / "labels.yaml").write_text(
        "articles:\n"
        "  - article: ministry.txt\n"
        "    blocks:\n"
        "      - {p: 0, labels: []}\n"
        "      - {p: 1, labels: [ukraine]}\n"
        "      - {p: 2, labels: [ukraine]}\n",
        encoding="utf-8",
    )
    (folder / "cache").mkdir()
    write_article(folder / "cache" / "ministry.txt", MINISTRY_PAGE)
    rules = folder / "rules.yaml"
    rules.write_text(
        "sources:\n"
        "  - id: source.site.ruritania-test\n"
        "    message: a page of the invented ministry's own site\n"
        "    actor: ukraine\n"
        "    sites: [ministry.example]\n",
        encoding="utf-8",
    )
    return rules


def test_each_article_is_read_with_its_pages_url_site_and_outlet(tmp_path: Path) -> None:
    from reader.evaluate import read_article
    from reader.realset import assemble

    _ministry_set(tmp_path, "https://www.ministry.example/en/statements/corridor")
    into = tmp_path / "scored"
    into.mkdir()
    articles = load_manifest(tmp_path / "manifest.yaml")
    assemble(articles, tmp_path / "labels.yaml", tmp_path / "cache", "dev", into)
    article = read_article(into / "ministry.txt")
    assert article.meta.url == "https://www.ministry.example/en/statements/corridor"
    assert article.meta.site == "www.ministry.example"
    assert article.meta.outlet == "Ruritanian Foreign Ministry"
    assert [block.text for block in article.blocks] == MINISTRY_PAGE  # blocks as before


def test_a_site_rule_labels_the_articles_of_that_site_as_opened_by_url(tmp_path: Path) -> None:
    rules = _ministry_set(tmp_path / "on-site", "https://www.ministry.example/en/corridor")
    out = io.StringIO()
    assert run(tmp_path / "on-site", out, config=rules, splits=("dev",)) == 0
    assert "micro  P 1.000  R 1.000" in out.getvalue()
    assert "blind part" not in out.getvalue()  # only the part asked for is scored
    elsewhere = _ministry_set(tmp_path / "elsewhere", "https://news.example/corridor")
    out = io.StringIO()
    assert run(tmp_path / "elsewhere", out, config=elsewhere, splits=("dev",)) == 0
    assert "R 0.000" in out.getvalue()


def test_a_rebuild_with_other_quotes_is_scored_but_named(tmp_path: Path) -> None:
    """Fingerprints let a rebuild with straight quotes through; the recorded exact text says
    that it is not the text the recorded scores were measured on."""
    quoted = [ARTICLE[0], "The minister said “the corridor must stay open”.", ARTICLE[2]]
    _manifest(tmp_path, quoted)
    (tmp_path / "cache").mkdir()
    write_article(tmp_path / "cache" / "corridor.txt", quoted)
    assert main(["--record-exact", str(tmp_path)]) == 0
    assert load_manifest(tmp_path / "manifest.yaml")[0].exact
    out = io.StringIO()
    assert run(tmp_path, out) == 0
    assert "other punctuation" not in out.getvalue()

    straight = [ARTICLE[0], 'The minister said "the corridor must stay open".', ARTICLE[2]]
    write_article(tmp_path / "cache" / "corridor.txt", straight)
    out = io.StringIO()
    assert run(tmp_path, out) == 0
    assert "corridor.txt: the manifest's words, other punctuation" in out.getvalue()
    assert "micro" in out.getvalue()


def test_recording_the_exact_text_keeps_the_manifest_and_refuses_a_wrong_cache(
    tmp_path: Path,
) -> None:
    _manifest(tmp_path, ARTICLE)
    (tmp_path / "cache").mkdir()
    write_article(tmp_path / "cache" / "corridor.txt", [ARTICLE[0], "Other.", ARTICLE[2]])
    before = (tmp_path / "manifest.yaml").read_text(encoding="utf-8")
    assert main(["--record-exact", str(tmp_path)]) == 1
    assert (tmp_path / "manifest.yaml").read_text(encoding="utf-8") == before

    write_article(tmp_path / "cache" / "corridor.txt", ARTICLE)
    assert main(["--record-exact", str(tmp_path)]) == 0
    assert main(["--record-exact", str(tmp_path)]) == 0  # a second run replaces, never adds
    after = (tmp_path / "manifest.yaml").read_text(encoding="utf-8")
    assert after.count("exact:") == 1
    assert after.replace(after.splitlines()[-2] + "\n", "") == before
