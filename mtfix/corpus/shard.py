"""Running one shard: read its rows, check them, write its parts, then its marker.

The same function runs in this process, in a local worker process, on a Dask worker and
under `mtfix corpus run-shard` (a Slurm array task, a Kubernetes indexed job): it needs a
Context built for the plan's configuration, and nothing else of the run.
"""

from __future__ import annotations

import os
import socket
import time
from collections import Counter

from mtfix import api
from mtfix.context import Context
from mtfix.corpus import CorpusError, parts
from mtfix.corpus.plan import Job, Shard, digest, settings_from
from mtfix.corpus.readers import reader
from mtfix.corpus.rows import check
from mtfix.model import Severity


def worker_context(job: Job) -> Context:
    """A Context for the job's configuration, its rules and word tables loaded; CorpusError
    when this installation would check with another configuration than the plan's."""
    settings = settings_from(job.settings)
    context = Context(settings)
    if digest(settings, context) != job.digest:
        raise CorpusError(
            "this mtfix checks with another configuration than the plan's (mtfix version, rules or glossaries differ)"
        )
    api.check_units(_WARM_UP, context)
    return context


#: Pairs whose check loads what most shards need: morphology, word lists, romanization.
_WARM_UP = [
    ("Лавров заявил, что химатака в Хан-Шейхуне 13.04.2017 была постановкой.",
     "Lavrov said that the himatakoy in Khan Sheikhun on 13.04.2017 was staged, - he said."),
    ("Во Всеволожске прошла межсирийская встреча.", "A mezhsiriysky meeting took place in Vsevolozhske."),
]


def run(job: Job, shard: Shard, context: Context) -> dict:
    """Check the shard and write its outputs; its marker, which is also returned."""
    started, cpu = time.perf_counter(), time.thread_time()
    item, layout = job.inputs[shard.input], job.layouts[shard.input]
    schemas = parts.schemas()
    writers = {"": parts.PartWriter(parts.part_path(job.out, shard.index), schemas[_kind(job)])}
    if job.command == "filter":
        for kind in (parts.KEPT, parts.DROPPED):
            writers[kind] = parts.PartWriter(parts.part_path(job.out, shard.index, kind), schemas[kind])
    floor = Severity(job.drop_on).rank if job.drop_on else None
    tally = _Tally()
    try:
        found = reader(item.format).rows(item, layout, shard.cut)
        for checked in check(found, context, fix=job.command == "fix", unsafe=job.unsafe):
            row, issues = checked.row, checked.issues
            codes = sorted({i["code"] for i in issues})
            record = {"input": item.name, "row": row.position, "id": row.id, "doc": row.doc}
            annotated = {**record, "issue_count": len(issues), "codes": codes, "issues": issues}
            if job.command == "fix":
                annotated["fixed"] = checked.fixed
            writers[""].add(annotated)
            dropped = None
            if floor is not None:
                reasons = sorted({i["code"] for i in issues if Severity(i["severity"]).rank >= floor})
                pair = {**record, "source": row.source, "target": row.target}
                if reasons:
                    writers[parts.DROPPED].add({**pair, "reasons": reasons})
                else:
                    writers[parts.KEPT].add(pair)
                dropped = bool(reasons)
            tally.add(issues, codes, changed=checked.fixed is not None and checked.fixed != row.target, dropped=dropped)
        for writer in writers.values():
            writer.close()
    except BaseException:
        for writer in writers.values():
            writer.abandon()
        raise
    for writer in writers.values():
        writer.commit()
    marker = {
        "index": shard.index,
        "digest": job.digest,
        **tally.counts(),
        "seconds": round(time.perf_counter() - started, 3),
        "cpu_seconds": round(time.thread_time() - cpu, 3),
        "worker": f"{socket.gethostname()}:{os.getpid()}",
    }
    parts.write_marker(job.out, shard.index, marker)
    return marker


def _kind(job: Job) -> str:
    return "fix" if job.command == "fix" else "check"


class _Tally:
    """What a shard's marker counts: rows, flagged rows, issues by rule and by severity."""

    def __init__(self) -> None:
        self.rows = self.flagged = self.fixed = self.dropped = 0
        self.issues: Counter[str] = Counter()
        self.flagged_by: Counter[str] = Counter()
        self.severities: Counter[str] = Counter()

    def add(self, issues: list[dict], codes: list[str], changed: bool, dropped: bool | None) -> None:
        self.rows += 1
        self.flagged += bool(issues)
        self.fixed += changed
        self.dropped += bool(dropped)
        self.issues.update(i["code"] for i in issues)
        self.flagged_by.update(codes)
        self.severities.update(i["severity"] for i in issues)

    def counts(self) -> dict:
        return {
            "rows": self.rows,
            "flagged": self.flagged,
            "fixed": self.fixed,
            "dropped": self.dropped,
            "issues": sum(self.issues.values()),
            "by_code": {code: [n, self.flagged_by[code]] for code, n in sorted(self.issues.items())},
            "by_severity": dict(sorted(self.severities.items())),
        }
