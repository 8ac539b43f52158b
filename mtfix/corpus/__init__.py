"""Corpus mode: check, fix and filter millions of segment pairs in shards, here or on Dask.

A run names its inputs (`inputs`), whose rows the readers stream (`readers`); the plan cuts
them into shards and records what the run was made from (`plan`). Each shard's rows are
checked with the library API (`rows`) and written as Parquet parts with a marker last
(`parts`, `shard`), in this process or a pool of local processes (`local`) or on a Dask
cluster (`cluster`), as `run` chooses, with a progress bar (`progress`). `stats` and `page`
sum the markers and parts up as JSON and an HTML page.

A row is checked as a document of its own, or with the other rows of its `--doc-col`
document, which a shard never splits: what a row gets never depends on shards or workers.
"""

from __future__ import annotations


class CorpusError(Exception):
    """A corpus run that cannot go on; the message is one line naming the file or option."""
