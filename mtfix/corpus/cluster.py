"""Running shards on Dask distributed: a LocalCluster of processes with one thread each
(`--cluster local:N`) or a running scheduler (`--scheduler tcp://…`). A worker plugin builds
one Context per worker when it joins, so rules, glossaries and word tables load once per
worker. Dask retries a shard that raises (`retries`) and reschedules the shards of a worker
that dies; every shard writes its outputs under one name, so a shard run twice is still
there once.

A LocalCluster runs without Dask's sampling profiler (there is no dashboard to show its
profiles) and with its event-loop, system and memory monitors at a slower pace: with them at
Dask's defaults, each worker's shards waited for the GIL about a tenth of their time, and the
cluster's own processes took twice the CPU (`benchmarks/corpus.py`). Its scheduler serves no
dashboard, and its health and metrics pages on a free port, so that two runs on one machine do
not compete for Dask's 8787. A cluster reached with `--scheduler` runs with its own
configuration."""

from __future__ import annotations

import logging
import uuid

import dask
from distributed import Client, LocalCluster, WorkerPlugin, as_completed, get_worker

from mtfix.corpus import CorpusError
from mtfix.corpus import shard as shards
from mtfix.corpus.local import Done, Failed, describe
from mtfix.corpus.plan import Job, Shard

PLUGIN = "mtfix-corpus"

#: The Dask configuration a LocalCluster starts with.
QUIET = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "5s",
    "distributed.worker.memory.monitor-interval": "1s",
}


class ContextPlugin(WorkerPlugin):
    """Builds the job's Context on each worker, once, when the worker starts or joins."""

    name = PLUGIN

    def __init__(self, job: Job) -> None:
        self.job = job
        self.context = None
        self.error: str | None = None

    def setup(self, worker) -> None:
        try:
            self.context = shards.worker_context(self.job)
        except Exception as err:  # reported by each shard the worker is given
            self.error = describe(err)


def connect(cluster: str | None, scheduler: str | None) -> tuple[Client, LocalCluster | None]:
    """A client of the scheduler at `scheduler`, or of a new LocalCluster for `local:N`."""
    if scheduler:
        try:
            return Client(scheduler, timeout="30s"), None
        except OSError as err:
            raise CorpusError(f"--scheduler {scheduler}: cannot reach the Dask scheduler ({err})") from None
    workers = _workers(cluster or "local")
    with dask.config.set(QUIET):
        local = LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
            scheduler_kwargs={"dashboard_address": ":0"}, silence_logs=logging.ERROR,
        )
    return Client(local), local


def _workers(spec: str) -> int:
    import os

    name, _, count = spec.partition(":")
    if name != "local" or count and not count.isdigit() or count == "0":
        raise CorpusError(f"--cluster {spec}: write local or local:N (N worker processes)")
    return int(count) if count else len(os.sched_getaffinity(0))


def execute(client: Client, job: Job, pending: list[Shard], retries: int, done: Done, failed: Failed) -> None:
    """Run the shards on the client's cluster, each result reported as it comes."""
    client.register_plugin(ContextPlugin(job))
    token = uuid.uuid4().hex[:8]
    futures = {
        client.submit(_task, job, shard, key=f"mtfix-shard-{shard.index}-{token}", retries=retries, pure=False): shard
        for shard in pending
    }
    try:
        for future in as_completed(futures):
            shard = futures[future]
            try:
                marker = future.result()
            except Exception as err:
                failed(shard.index, _reason(err))
            else:
                done(marker)
    except BaseException:
        client.cancel(list(futures))
        raise


def _reason(err: BaseException) -> str:
    if type(err).__name__ == "KilledWorker":
        return "its workers died while running it, as many times as Dask allows"
    return describe(err)


def _task(job: Job, shard: Shard) -> dict:
    plugin = get_worker().plugins.get(PLUGIN)
    if plugin is None or plugin.job.digest != job.digest:
        context = shards.worker_context(job)
    elif plugin.error:
        raise CorpusError(plugin.error)
    else:
        context = plugin.context
    return shards.run(job, shard, context)
