#!/usr/bin/env python3
"""Print `mtfix corpus check` throughput in one process, in the default local mode (a worker
process per core) and on a two-worker Dask LocalCluster, on MLQE-PE ru-en train (7,000 pairs)
and on a set of at least a million pairs made by repeating it; and, as the machine's own
ceiling for two processes, two one-process runs side by side, each on half the pairs.

usage: benchmarks/corpus.py [--corpus DIR] [--repeat N] [--sets train,large] [--modes one,local,dask,apart]
                            [--work DIR] [--shard-size N] [--stop-after SECONDS]

First the modes check train and the benchmark stops unless their parts hold identical issues
(the two halves of `apart` read as one); then each mode is timed on each set. Every run is the
real command in a subprocess: wall time; rows per second; CPU seconds of the whole process tree
(driver, pool or Dask workers, start-up included) and of the shards alone (the workers' own
count in the markers); rows per CPU-second of each; the speed-up over one process (`× one`) and
the share of the two-process ceiling (`÷ apart`); peak memory (resident, sampled every 0.2 s)
of the whole process tree and of its largest process, a worker when there are workers; and the
machine's load average before and after. The large set is written under --work (default: the
system's temporary folder), never in the repository. On a busy machine --stop-after interrupts
each large run and reports the shards it finished.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil
import pyarrow.parquet as pq

ROOT = Path(__file__).resolve().parent.parent
MTFIX = shutil.which("mtfix", path=str(Path(sys.executable).parent)) or "mtfix"
MODES = {"one": ["--jobs", "1"], "local": [], "dask": ["--cluster", "local:2"]}
MODES["apart"] = MODES["one"]  # run as two commands at once, each on half the pairs
SHARD_SIZE = {"train": 700, "large": 100_000}


def build_large(train: tuple[Path, Path], work: Path, repeat: int) -> tuple[Path, Path]:
    """train's source and target files repeated `repeat` times."""
    made = []
    for path, suffix in zip(train, ("src", "mt")):
        target = work / f"large.{suffix}"
        data = path.read_bytes()
        if not target.exists() or target.stat().st_size != len(data) * repeat:
            with target.open("wb") as stream:
                for _ in range(repeat):
                    stream.write(data)
        made.append(target)
    return made[0], made[1]


def halves(inputs: tuple[Path, Path], work: Path) -> list[tuple[Path, Path]]:
    """The first and the second half of the pairs of line-aligned files, written under `work`."""
    made = [tuple(work / f"{path.stem}.half{half}{path.suffix}" for path in inputs) for half in (1, 2)]
    count = None
    for path, first, second in zip(inputs, *made):
        if second.exists() and second.stat().st_mtime >= path.stat().st_mtime:
            continue
        if count is None:
            with inputs[0].open("rb") as lines:
                count = sum(1 for _ in lines) // 2
        with path.open("rb") as lines, first.open("wb") as head, second.open("wb") as tail:
            for n, line in enumerate(lines):
                (head if n < count else tail).write(line)
    return made


def measure(inputs: tuple[Path, Path], out: Path, mode: str, shard_size: int, stop_after: float | None = None) -> dict:
    """Run one mode into a fresh folder and measure it; interrupt it (Ctrl-C) after
    `stop_after` seconds, and count the shards it finished. `apart` runs one command per
    half at once, into `out/1` and `out/2`."""
    shutil.rmtree(out, ignore_errors=True)
    if mode == "apart":
        runs = [(pair, out / str(n)) for n, pair in enumerate(halves(inputs, out.parent), 1)]
    else:
        runs = [(inputs, out)]
    commands = [
        [MTFIX, "corpus", "check", *map(str, pair), "-o", str(folder), "--shard-size", str(shard_size), *MODES[mode]]
        for pair, folder in runs
    ]
    load_before = os.getloadavg()[0]
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    processes = [  # Ctrl-C reaches them even when this script runs in the background
        subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                         preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
        for command in commands
    ]
    peak = _Peak([process.pid for process in processes])
    peak.start()
    stopped = False
    deadline = None if stop_after is None else start + stop_after
    errors = []
    for process in processes:
        try:
            _, stderr = process.communicate(timeout=None if deadline is None else max(0.0, deadline - time.perf_counter()))
        except subprocess.TimeoutExpired:
            for running in processes:
                if running.poll() is None:
                    running.send_signal(signal.SIGINT)
            _, stderr = process.communicate()
            stopped = True
        errors.append(stderr)
    wall = time.perf_counter() - start
    peak.stop()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    for command, process, stderr in zip(commands, processes, errors):
        if process.returncode != 0 and not stopped:
            sys.exit(f"{' '.join(command)} failed ({process.returncode}): {stderr.decode().strip()}")
    markers = [json.loads(p.read_text()) for _, folder in runs for p in folder.glob("part-*.done")]
    rows = sum(m["rows"] for m in markers)
    cpu = (after.ru_utime - used.ru_utime) + (after.ru_stime - used.ru_stime)
    shard_cpu = sum(m["cpu_seconds"] for m in markers)
    return {
        "mode": mode, "rows": rows, "shards": len(markers), "wall": wall, "rows_per_second": rows / wall,
        "cpu": cpu, "rows_per_cpu_second": rows / cpu if cpu else 0.0, "shard_cpu": shard_cpu,
        "rows_per_shard_cpu_second": rows / shard_cpu if shard_cpu else 0.0,
        "peak_mb": peak.peak / 2**20, "largest_mb": peak.largest / 2**20, "load": (load_before, os.getloadavg()[0]), "stopped": stopped,
    }


class _Peak(threading.Thread):
    """The largest resident memory of processes and all their descendants together, and of any
    one of them, sampled."""

    def __init__(self, pids: list[int]) -> None:
        super().__init__(daemon=True)
        self.roots = [psutil.Process(pid) for pid in pids]
        self.peak = self.largest = 0
        self._done = threading.Event()

    def run(self) -> None:
        while not self._done.wait(0.2):
            tree = []
            for root in self.roots:
                try:
                    tree += [root, *root.children(recursive=True)]
                except psutil.NoSuchProcess:
                    pass
            if not tree:
                return
            total = 0
            for process in tree:
                try:
                    resident = process.memory_info().rss
                except psutil.NoSuchProcess:
                    continue
                total += resident
                self.largest = max(self.largest, resident)
            self.peak = max(self.peak, total)

    def stop(self) -> None:
        self._done.set()
        self.join()


def issues(out: Path) -> list:
    """Every row's issues, in input order; a halved run's second half follows its first."""
    if (out / "1").is_dir():
        first = issues(out / "1")
        return first + [(len(first) + row, found) for row, found in issues(out / "2")]
    rows = [r for p in sorted(out.glob("part-*.parquet")) for r in pq.read_table(p, columns=["row", "issues"]).to_pylist()]
    return sorted((r["row"], r["issues"]) for r in rows)


def report(name: str, runs: list[dict]) -> None:
    one = next((r for r in runs if r["mode"] == "one"), None)
    apart = next((r for r in runs if r["mode"] == "apart"), None)
    print(f"\n{name}: {runs[0]['rows']:,} pairs")
    print(f"{'mode':<7}{'shards':>7}{'wall s':>9}{'rows/s':>9}{'× one':>7}{'÷ apart':>8}{'CPU s':>9}{'rows/CPU-s':>11}"
          f"{'shard CPU s':>12}{'rows/shard-CPU-s':>17}{'peak MB':>9}{'largest MB':>11}{'load':>13}")
    for r in runs:
        if r["stopped"]:
            print(f"{r['mode']}: stopped after {r['wall']:.0f} s with {r['shards']} shards done; its rows/s counts those alone")
        speedup = f"{r['rows_per_second'] / one['rows_per_second']:.2f}" if one else "-"
        ceiling = f"{r['rows_per_second'] / apart['rows_per_second']:.2f}" if apart else "-"
        print(f"{r['mode']:<7}{r['shards']:>7}{r['wall']:>9.1f}{r['rows_per_second']:>9.0f}{speedup:>7}{ceiling:>8}{r['cpu']:>9.1f}"
              f"{r['rows_per_cpu_second']:>11.0f}{r['shard_cpu']:>12.1f}{r['rows_per_shard_cpu_second']:>17.0f}"
              f"{r['peak_mb']:>9.0f}{r['largest_mb']:>11.0f}{r['load'][0]:>6.1f}→{r['load'][1]:<6.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpora" / "mlqe-pe-ru-en" / "train")
    parser.add_argument("--repeat", type=int, default=143, help="copies of train in the large set (143: 1,001,000 pairs)")
    parser.add_argument("--sets", default="train,large")
    parser.add_argument("--modes", default="one,local,dask,apart")
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "mtfix-corpus-benchmark")
    parser.add_argument("--shard-size", type=int, default=SHARD_SIZE["large"], help="rows per shard of the large set")
    parser.add_argument("--stop-after", type=float, help="interrupt each run on the large set after this many seconds")
    args = parser.parse_args()
    modes = args.modes.split(",")
    args.work.mkdir(parents=True, exist_ok=True)
    train = (args.corpus / "train.src", args.corpus / "train.mt")
    print(f"{os.cpu_count()} cores; load average {os.getloadavg()[0]:.1f} at the start; mtfix at {MTFIX}")

    checked = {mode: measure(train, args.work / f"train-{mode}", mode, SHARD_SIZE["train"]) for mode in modes}
    first, *others = modes
    reference = issues(args.work / f"train-{first}")
    for mode in others:
        if issues(args.work / f"train-{mode}") != reference:
            sys.exit(f"train: the {mode} mode's issues differ from the {first} mode's")
    print(f"train: identical issues in every mode ({', '.join(modes)}): {sum(len(i) for _, i in reference):,} issues")

    sets = args.sets.split(",")
    if "train" in sets:
        report("train", [checked[m] for m in modes])
    if "large" in sets:
        large = build_large(train, args.work, args.repeat)
        runs = [measure(large, args.work / f"large-{mode}", mode, args.shard_size, args.stop_after) for mode in modes]
        complete = not any(r["stopped"] for r in runs)
        reference = issues(args.work / f"large-{first}") if complete else None
        same = complete and all(issues(args.work / f"large-{m}") == reference for m in others)
        verdict = "identical issues in every mode" if same else "not compared (a run was stopped)" if not complete else "ISSUES DIFFER"
        report(f"large ({args.repeat} × train; {verdict})", runs)


if __name__ == "__main__":
    main()
