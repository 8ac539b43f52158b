"""Running a plan: the shards not yet done, here, in local processes or on Dask, with
progress, and what came of it."""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field

from mtfix.corpus import parts
from mtfix.corpus.plan import Plan
from mtfix.corpus.progress import Progress


@dataclass
class Outcome:
    """Shards planned, done before this run, done by it (their markers) and failed (why)."""

    planned: int
    already: int
    done: list[dict] = field(default_factory=list)
    failed: dict[int, str] = field(default_factory=dict)
    seconds: float = 0.0

    @property
    def complete(self) -> bool:
        return self.already + len(self.done) == self.planned


def cores() -> int:
    """The cores this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def pending(plan: Plan) -> list:
    """The plan's shards without a marker of its configuration."""
    return [s for s in plan.shards if parts.read_marker(plan.job.out, s.index, plan.job.digest) is None]


def execute(plan: Plan, jobs: int = 1, client=None, context=None, retries: int = 2, show: bool | None = None, on_done=None) -> Outcome:
    """Run the plan's pending shards: on `client`'s Dask cluster when given, else in
    `jobs` local processes (in this process, with `context` when given, for one). `on_done`
    hears of each shard done, after the progress bar."""
    todo = pending(plan)
    outcome = Outcome(len(plan.shards), len(plan.shards) - len(todo))
    size = {s.index: s.cut.stop - s.cut.start for s in plan.shards}
    left = sum(size[s.index] for s in todo)
    started = time.perf_counter()
    with Progress(sum(size.values()), len(plan.shards), sum(size.values()) - left, outcome.already, show) as progress:

        def done(marker: dict) -> None:
            outcome.done.append(marker)
            progress.advance(size[marker["index"]])
            if on_done is not None:
                on_done(marker)

        def failed(index: int, reason: str) -> None:
            outcome.failed[index] = reason
            progress.say(f"mtfix: error: shard {index} failed: {reason}")

        try:
            if client is not None and todo:
                from mtfix.corpus import cluster

                cluster.execute(client, plan.job, todo, retries, done, failed)
            elif todo and (jobs <= 1 or len(todo) == 1):
                from mtfix.corpus import local
                from mtfix.corpus.shard import worker_context

                local.serial(plan.job, todo, context or worker_context(plan.job), retries, done, failed)
            elif todo:
                from mtfix.corpus import local

                local.pool(plan.job, todo, min(jobs, len(todo)), retries, done, failed)
        finally:
            outcome.seconds = time.perf_counter() - started
    return outcome
