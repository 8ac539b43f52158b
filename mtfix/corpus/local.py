"""Running shards on this machine: in this process, or in a pool of worker processes, each
with one Context built when it starts (the pool's initializer), a shard at a time."""

from __future__ import annotations

import multiprocessing
import signal
from collections import Counter, deque
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool

from mtfix.context import Context
from mtfix.corpus import parts
from mtfix.corpus import shard as shards
from mtfix.corpus.plan import Job, Shard

Done = Callable[[dict], None]
Failed = Callable[[int, str], None]

#: The Context of a pool's worker process, built once by `_start`, or why it could not be.
_context: Context | None = None
_error: Exception | None = None


def serial(job: Job, pending: list[Shard], context: Context, retries: int, done: Done, failed: Failed) -> None:
    """Run the shards one after the other in this process; a shard that fails `retries + 1`
    times is reported to `failed`."""
    for shard in pending:
        for attempt in range(retries + 1):
            try:
                marker = shards.run(job, shard, context)
            except Exception as err:
                if attempt == retries:
                    failed(shard.index, describe(err))
            else:
                done(marker)
                break


def pool(job: Job, pending: list[Shard], jobs: int, retries: int, done: Done, failed: Failed) -> None:
    """Run the shards on `jobs` worker processes, at most one shard each at a time, so that
    when a process dies the shards it may have held are known: they are tried again on a new
    pool, each up to `retries + 1` times in all."""
    attempts: Counter[int] = Counter()
    queue = deque(pending)

    def retry(shard: Shard, reason: str) -> None:
        finished = parts.read_marker(job.out, shard.index, job.digest)  # done just before its process died
        if finished is not None:
            done(finished)
            return
        attempts[shard.index] += 1
        if attempts[shard.index] > retries:
            failed(shard.index, reason)
        else:
            queue.append(shard)

    while queue:
        executor = ProcessPoolExecutor(
            jobs, mp_context=multiprocessing.get_context("spawn"), initializer=_start, initargs=(job,)
        )
        running: dict = {}
        broken = False
        try:
            while (queue or running) and not broken:
                while queue and len(running) < jobs:
                    shard = queue.popleft()
                    running[executor.submit(_task, job, shard)] = shard
                finished, _ = wait(running, return_when=FIRST_COMPLETED)
                for future in finished:
                    shard = running.pop(future)
                    try:
                        marker = future.result()
                    except BrokenProcessPool:
                        broken = True
                        retry(shard, "its worker process died")
                    except Exception as err:
                        retry(shard, describe(err))
                    else:
                        done(marker)
            for shard in running.values():
                retry(shard, "its worker process died")
        except BaseException:
            executor.shutdown(wait=False, cancel_futures=True)
            for process in multiprocessing.active_children():
                process.terminate()
            raise
        executor.shutdown(wait=True)


def describe(err: BaseException) -> str:
    """A failure in one line."""
    reason = " ".join(str(err).split())
    return reason if type(err).__name__ == "CorpusError" else f"{type(err).__name__}: {reason}"


def _start(job: Job) -> None:
    """A pool process's start: Ctrl-C is the parent's to handle; build the Context (a failure
    is each shard's to report)."""
    global _context, _error
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        _context = shards.worker_context(job)
    except Exception as err:
        _error = err


def _task(job: Job, shard: Shard) -> dict:
    if _error is not None:
        raise _error
    return shards.run(job, shard, _context)
