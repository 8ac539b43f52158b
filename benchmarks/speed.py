#!/usr/bin/env python3
"""Print mtfix's speed: words/second of `mtfix check` over the WMT14 MT outputs, and the wall
time of `mtfix --version`, of checking an empty file (the fixed cost of a run: start-up, rules
and the data they load) and of checking one page.

usage: benchmarks/speed.py [CORPUS_DIR]   (default: ../shared/corpora/wmt14-ru-en)

Each figure is the median of several runs of the real command in a subprocess, start-up included.
"""

from __future__ import annotations

import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MTFIX = shutil.which("mtfix", path=str(Path(sys.executable).parent)) or "mtfix"


def wall(args: list[str], runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        done = subprocess.run([MTFIX, *args], capture_output=True, check=False)
        times.append(time.perf_counter() - start)
        if done.returncode not in (0, 1):
            sys.exit(f"mtfix {' '.join(args[:2])} … failed: {done.stderr.decode().strip()}")
    return statistics.median(times)


def main() -> None:
    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "corpora" / "wmt14-ru-en"
    outputs = sorted(p for p in corpus.glob("*.en") if p.name != "ref.en")
    if not outputs:
        sys.exit(f"no MT outputs (*.en) in {corpus}")
    words = sum(len(re.findall(r"\w+", p.read_text(encoding="utf-8"))) for p in outputs)
    wall(["check", "--exit-zero", "--quiet", str(outputs[0])], runs=1)  # warm caches
    seconds = wall(["check", "--exit-zero", "--quiet", *map(str, outputs)], runs=3)
    page = ROOT / "samples" / "lavrov-tillerson" / "mt.txt"
    print(f"check: {len(outputs)} WMT14 MT outputs, {words} words in {seconds:.2f} s: {words / seconds:,.0f} words/s")
    with tempfile.TemporaryDirectory() as folder:
        empty = Path(folder) / "empty.txt"
        empty.write_text("", encoding="utf-8")
        print(f"check an empty file: {wall(['check', '--exit-zero', '--quiet', str(empty)]):.3f} s wall")
    print(f"check one page ({page.relative_to(ROOT)}): {wall(['check', '--exit-zero', '--quiet', str(page)]):.3f} s wall")
    print(f"mtfix --version: {wall(['--version'], runs=9):.3f} s wall")


if __name__ == "__main__":
    main()
