"""The distributed path: a Dask bag of records mapped over a local cluster gives the rows
`reader stats` gives for the same texts."""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Iterator

import pytest

from reader.cli import run
from reader.config import load_config
from reader.dask_bag import stats_rows

dask_bag = pytest.importorskip("dask.bag", reason="the dev extra installs dask[distributed]")
distributed = pytest.importorskip("dask.distributed")

TEXTS = [
    {"text": "Putin said NATO was a threat to Russia.", "url": "https://tass.com/1"},
    {"text": "Rutte said allies would defend every inch.", "url": "https://reuters.com/2"},
    {"text": "Zelensky said Ukraine needed air defence.", "url": "https://kyivindependent.com/3"},
    {"text": "", "url": "https://empty.example/4"},
]


@pytest.fixture(scope="module")
def client() -> Iterator[object]:
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address="127.0.0.1:0"
        ) as cluster,
        distributed.Client(cluster) as connected,
    ):
        yield connected


def test_a_bag_on_a_local_cluster_gives_the_rows_of_reader_stats(client: object) -> None:
    bag = dask_bag.from_sequence(TEXTS, npartitions=2)
    rows = stats_rows(bag, load_config()).compute()  # type: ignore[no-untyped-call]
    out, err = io.StringIO(), io.StringIO()
    saved = sys.stdin
    sys.stdin = io.StringIO("".join(json.dumps(t) + "\n" for t in TEXTS[:3]))
    try:
        run(["stats", "--format", "jsonl", "--jobs", "1"], out, err)
    finally:
        sys.stdin = saved
    expected = [json.loads(line) for line in out.getvalue().splitlines()]
    assert rows == expected  # the empty text gives no rows, as it gives none to reader stats
    russia = next(r for r in rows if r["outlet"] == "tass.com" and r["actor"] == "russia")
    assert russia["share"] == 1.0 and russia["speakers"] == ["Putin"]
