#!/usr/bin/env python3
"""Print the latency of `mtfix server`: from a change to the seed article sent by an editor to
the diagnostics published for it, once warm.

usage: benchmarks/lsp_latency.py [FILE] [--changes N]   (default: the shared seed, 30 changes)

The client (pygls's, over the server's stdio, as in tests/test_server.py) opens the file,
waits for its diagnostics, makes 5 warm-up changes, then N timed ones: each types or removes
a word in a different paragraph and waits for the diagnostics of that version. Printed: the
median and the 90th percentile in milliseconds, and the server's processor time per change.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from lsp_session import session

SEED = ROOT.parent / "shared" / "seed" / "000_922ec77216dacd05.txt"


def variants(text: str, count: int) -> list[str]:
    """`count` edits of `text`: a word typed at the end of one paragraph after another, every
    other edit taking it out again."""
    ends = [n for n, ch in enumerate(text) if ch == "\n" and n and text[n - 1] != "\n"] or [len(text)]
    out = []
    for n in range(count):
        at = ends[(n // 2) % len(ends)]
        out.append(text[:at] + " again" + text[at:] if n % 2 == 0 else text)
    return out


async def measure(path: Path, changes: int) -> tuple[list[float], float]:
    text = path.read_text(encoding="utf-8")
    uri = path.resolve().as_uri()
    async with session() as state:
        state.open(uri, text)
        await state.diagnostics(uri, 1)
        pid = state.client._server.pid
        latencies = []
        version = 1
        cpu_before = 0.0
        for n, new in enumerate(variants(text, changes + 5)):
            if n == 5:
                cpu_before = _cpu(pid)
            version += 1
            sent = time.perf_counter()
            state.change(uri, version, new)
            await state.diagnostics(uri, version)
            if n >= 5:
                latencies.append((state.published[uri][-1][0] - sent) * 1000)
        cpu = (_cpu(pid) - cpu_before) * 1000 / changes
    return latencies, cpu


def _cpu(pid: int) -> float:
    """The processor time (user + system, seconds) process `pid` has used."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", type=Path, default=SEED)
    parser.add_argument("--changes", type=int, default=30)
    args = parser.parse_args()
    latencies, cpu = asyncio.run(measure(args.file, args.changes))
    latencies.sort()
    p90 = latencies[int(0.9 * (len(latencies) - 1))]
    print(f"{args.file.name}: {len(args.file.read_text(encoding='utf-8').split())} words, {args.changes} changes")
    print(f"change -> diagnostics: median {statistics.median(latencies):.0f} ms, 90th percentile {p90:.0f} ms")
    print(f"server processor time per change: {cpu:.0f} ms (load average {os.getloadavg()[0]:.1f})")


if __name__ == "__main__":
    main()
