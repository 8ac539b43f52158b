"""A run summed up: totals per rule and severity and the flagged-row rate (from the shards'
markers), per-shard throughput, and examples per rule read from up to `SAMPLED` parts spread
over the run."""

from __future__ import annotations

import hashlib
from collections import Counter

from mtfix.corpus import parts
from mtfix.corpus.plan import load
from mtfix.version import __version__

EXAMPLES = 5
SAMPLED = 64


def summarize(out: str) -> dict:
    """The statistics of the run in folder `out`."""
    plan = load(out)
    digest = plan.job.digest
    markers = {s.index: parts.read_marker(out, s.index, digest) for s in plan.shards}
    done = [m for m in markers.values() if m is not None]
    issues: Counter[str] = Counter()
    flagged_by: Counter[str] = Counter()
    severities: Counter[str] = Counter()
    for marker in done:
        for code, (count, rows) in marker["by_code"].items():
            issues[code] += count
            flagged_by[code] += rows
        severities.update(marker["by_severity"])
    rows = sum(m["rows"] for m in done)
    flagged = sum(m["flagged"] for m in done)
    seconds = sum(m["seconds"] for m in done)
    cpu = sum(m["cpu_seconds"] for m in done)
    examples = _examples(out, plan, [i for i, m in markers.items() if m is not None], set(issues))
    return {
        "mtfix": __version__,
        "command": plan.job.command,
        "digest": digest,
        "inputs": [i.name for i in plan.job.inputs],
        "rows": rows,
        "flagged": flagged,
        "flagged_rate": flagged / rows if rows else 0.0,
        "issues": sum(issues.values()),
        "by_severity": {level: severities.get(level, 0) for level in ("error", "warning", "info")},
        **({"fixed": sum(m["fixed"] for m in done)} if plan.job.command == "fix" else {}),
        **({"dropped": sum(m["dropped"] for m in done)} if plan.job.command == "filter" else {}),
        "rules": [
            {
                "code": code,
                "issues": count,
                "rows": flagged_by[code],
                "severity": examples[code][0]["severity"] if examples.get(code) else None,
                "examples": examples.get(code, []),
            }
            for code, count in sorted(issues.items(), key=lambda item: (-item[1], item[0]))
        ],
        "shards": {"planned": len(plan.shards), "done": len(done), "missing": [i for i, m in markers.items() if m is None]},
        "rows_per_second": rows / seconds if seconds else None,
        "rows_per_cpu_second": rows / cpu if cpu else None,
        "throughput": [
            {
                "index": m["index"],
                "rows": m["rows"],
                "seconds": m["seconds"],
                "cpu_seconds": m["cpu_seconds"],
                "rows_per_second": m["rows"] / m["seconds"] if m["seconds"] else None,
            }
            for m in sorted(done, key=lambda m: m["index"])
        ],
    }


def _examples(out: str, plan, done: list[int], codes: set[str]) -> dict[str, list[dict]]:
    """Up to EXAMPLES issues per rule, at most one per part from each of up to SAMPLED parts
    taken in an order fixed by the run's digest, so a rule's examples come from over the run."""
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    order = sorted(done, key=lambda i: hashlib.sha256(f"{plan.job.digest}:{i}".encode()).digest())[:SAMPLED]
    found: dict[str, list[dict]] = {code: [] for code in codes}
    for index in order:
        wanted = {c for c, got in found.items() if len(got) < EXAMPLES}
        if not wanted:
            break
        table = pq.read_table(parts.part_path(out, index), columns=["input", "row", "id", "issue_count", "issues"])
        table = table.filter(pc.greater(table["issue_count"], 0))
        for record in table.to_pylist():
            for issue in record["issues"]:
                if issue["code"] in wanted:
                    wanted.discard(issue["code"])
                    found[issue["code"]].append(
                        {
                            "input": record["input"],
                            "row": record["row"],
                            "id": record["id"],
                            "text": issue["text"],
                            "message": issue["message"],
                            "severity": issue["severity"],
                        }
                    )
            if not wanted:
                break
    return found
