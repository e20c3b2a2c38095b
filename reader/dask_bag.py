"""Airtime over a corpus too large for one machine: a Dask bag (the `reader[dask]` extra).

`reader stats` uses every core of one machine. Beyond that, an existing distributed engine
does the scheduling, retries and data movement; this module only says what to map. A bag
of records `{"text": ..., "url": ...}` (from `dask.bag.read_text(...).map(json.loads)`, a
database, anything) becomes a bag of `reader stats` rows, one per article and actor:

    import dask.bag as db
    from dask.distributed import Client
    from reader.config import load_config
    from reader.dask_bag import stats_rows

    client = Client("scheduler:8786")        # or LocalCluster() on one machine
    records = db.read_text("corpus-*.jsonl").map(json.loads)
    stats_rows(records, load_config()).map(json.dumps).to_textfiles("airtime-*.jsonl")

Each task calls `reader.stats.classify_text`, the same function `reader stats` runs, so the
rows are the same wherever they are computed. Dask is imported only by the caller's bag:
nothing here imports it, so the core never needs it installed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from reader.config import Config
from reader.errors import ReaderError
from reader.stats import classify_text, rows

if TYPE_CHECKING:
    from dask.bag import Bag


def record_rows(record: dict[str, Any], config: Config) -> list[dict[str, Any]]:
    """The stats rows of one `{"text", "url"}` record; an unreadable text gives none."""
    url = record.get("url") or ""
    try:
        return rows(classify_text(record["text"], config, source=url or "<text>", url=url))
    except ReaderError:
        return []


def stats_rows(records: Bag, config: Config) -> Bag:
    """A bag of stats rows (dicts with `reader.stats.FIELDS`) from a bag of records."""
    # Dask's Bag methods carry no annotations: mypy --strict needs to be told.
    mapped: Bag = records.map(record_rows, config=config)  # type: ignore[no-untyped-call]
    flat: Bag = mapped.flatten()  # type: ignore[no-untyped-call]
    return flat
