"""Differential fuzzing of format write-back: a unit's fix in PO, JSON Lines, TSV, XLIFF 1.2
and 2.0, TMX, HTML and Markdown against the same text fixed as plain text (see
tests/differential.py), over a long budget.

    .venv/bin/python benchmarks/fuzz_formats.py [--cases 20000] [--formats po,jsonl,...] [--seed 0]

Prints, per format, the cases run, the failures found and cases per second, then the
shortest failing cases of each format; exits 1 when any case failed.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, seed, settings

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

import differential

from mtfix.context import Context


def run(name: str, cases: int, at: int, context: Context) -> tuple[int, list[tuple[differential.Case, str]]]:
    """How many cases of format `name` ran, and the failing ones."""
    count, failures = 0, []

    @seed(at)
    @settings(max_examples=cases, database=None, deadline=None, phases=[Phase.generate], suppress_health_check=list(HealthCheck))
    @given(differential.cases(name))
    def one(case):
        nonlocal count
        count += 1
        problem = differential.failure(case, context)
        if problem is not None:
            failures.append((case, problem))

    one()
    return count, failures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=20000, help="cases in all, shared among the formats")
    parser.add_argument("--formats", default=",".join(differential.FORMATS))
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--show", type=int, default=3, help="failing cases printed per format")
    args = parser.parse_args()
    names = [n for n in args.formats.split(",") if n]
    unknown = set(names) - set(differential.FORMATS)
    if unknown:
        sys.exit(f"unknown formats: {', '.join(sorted(unknown))} (known: {', '.join(differential.FORMATS)})")
    context = Context()
    found: dict[str, list] = defaultdict(list)
    total = failed = 0
    started = time.perf_counter()
    print(f"{'format':<10}{'cases':>8}{'failures':>10}{'cases/s':>10}")
    for index, name in enumerate(names):
        start = time.perf_counter()
        count, failures = run(name, args.cases // len(names), args.seed + index, context)
        found[name] = failures
        total, failed = total + count, failed + len(failures)
        print(f"{name:<10}{count:>8}{len(failures):>10}{count / (time.perf_counter() - start):>10.1f}", flush=True)
    elapsed = time.perf_counter() - started
    print(f"{'all':<10}{total:>8}{failed:>10}{total / elapsed:>10.1f}   ({elapsed:.0f} s, seed {args.seed})")
    for name, failures in found.items():
        for case, problem in sorted(failures, key=lambda f: len(f[0].text))[: args.show]:
            print(f"\n{name}: {case.text!r} (crlf={case.crlf}, choices={case.choices})\n  {problem}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
