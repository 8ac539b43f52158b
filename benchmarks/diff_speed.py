#!/usr/bin/env python3
"""How long `mtfix diff` takes on a long text, against a plain sacreBLEU loop timed in the same
run (so the ratio holds on a loaded machine), and whether its figures are sacreBLEU's.

usage: benchmarks/diff_speed.py [MT REFERENCE] [--runs N]
       (default: WMT14 onlineA.0.en against ref.en, 3,003 lines; 3 runs)

Each run times, one after the other: the real command `mtfix diff MT REFERENCE -o page.html`
(a subprocess, its text on a pipe), and sacreBLEU's public API the plain way: for every
segment `sentence_score` of BLEU (effective order), chrF and TER, then `corpus_score` of each.
Medians are printed, with the ratio of the two. Then every sentence figure of the JSON output
and the corpus figures are checked against the loop's (equal to two decimals as printed, and
the unrounded figures of `mtfix.metrics.score_pairs` exactly).
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpora" / "wmt14-ru-en"
MTFIX = shutil.which("mtfix", path=str(Path(sys.executable).parent)) or "mtfix"


def sacrebleu_loop(hyps: list[str], refs: list[str]) -> tuple[list[tuple[float, float, float]], tuple[float, float, float]]:
    from sacrebleu.metrics import BLEU, CHRF, TER

    bleu, chrf, ter = BLEU(effective_order=True), CHRF(), TER()
    segments = [
        (bleu.sentence_score(h, [r]).score, chrf.sentence_score(h, [r]).score, ter.sentence_score(h, [r]).score)
        for h, r in zip(hyps, refs)
    ]
    corpus = (BLEU().corpus_score(hyps, [refs]).score, CHRF().corpus_score(hyps, [refs]).score,
              TER().corpus_score(hyps, [refs]).score)
    return segments, corpus


def mtfix_diff(mt: Path, ref: Path, page: Path, *extra: str) -> tuple[float, str]:
    start = time.perf_counter()
    done = subprocess.run([MTFIX, "diff", str(mt), str(ref), "-o", str(page), *extra],
                          capture_output=True, text=True, check=False)
    took = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"mtfix diff failed: {done.stderr.strip()}")
    return took, done.stdout


def main() -> None:
    args = sys.argv[1:]
    runs = 3
    if "--runs" in args:
        at = args.index("--runs")
        runs = int(args[at + 1])
        del args[at : at + 2]
    mt, ref = (Path(args[0]), Path(args[1])) if len(args) == 2 else (CORPUS / "onlineA.0.en", CORPUS / "ref.en")
    hyps = mt.read_text(encoding="utf-8").splitlines()
    refs = ref.read_text(encoding="utf-8").splitlines()
    if len(hyps) != len(refs):
        sys.exit("the benchmark wants two texts with a line for each line")
    ours, theirs = [], []
    with tempfile.TemporaryDirectory(prefix="mtfix-diff-") as scratch:
        page = Path(scratch) / "diff.html"
        for _ in range(runs):
            ours.append(mtfix_diff(mt, ref, page)[0])
            start = time.perf_counter()
            expected, expected_corpus = sacrebleu_loop(hyps, refs)
            theirs.append(time.perf_counter() - start)
        _, printed = mtfix_diff(mt, ref, page, "--format", "json")
    mine, them = statistics.median(ours), statistics.median(theirs)
    print(f"{mt.name} against {ref.name}: {len(hyps):,} lines, {os.cpu_count()} processors, "
          f"load average {os.getloadavg()[0]:.1f}")
    print(f"  mtfix diff -o page.html   {mine:6.2f} s   (runs: {', '.join(f'{t:.2f}' for t in ours)})")
    print(f"  sacreBLEU loop            {them:6.2f} s   (runs: {', '.join(f'{t:.2f}' for t in theirs)})")
    print(f"  ratio                     {mine / them:6.3f}   ({them / mine:.1f} times faster)")

    from mtfix.metrics import score_pairs

    segments, corpus = score_pairs(hyps, refs)
    scored = [n for n, (h, r) in enumerate(zip(hyps, refs)) if h.strip() or r.strip()]  # both blank: 100/100/0
    exact = all((segments[n].bleu, segments[n].chrf, segments[n].ter) == expected[n] for n in scored)
    exact = exact and (corpus.bleu, corpus.chrf, corpus.ter) == expected_corpus
    report = json.loads(printed)
    rounded = all(
        (got["bleu"], got["chrf"], got["ter"]) == tuple(round(x, 2) for x in e)
        for got, e in ((report["segments"][n], expected[n]) for n in scored)
    ) and (report["corpus"]["bleu"], report["corpus"]["chrf"], report["corpus"]["ter"]) == tuple(
        round(x, 2) for x in expected_corpus)
    print(f"  figures: score_pairs {'equal to' if exact else 'DIFFERENT FROM'} sacreBLEU's, "
          f"mtfix diff --format json {'equal to' if rounded else 'DIFFERENT FROM'} them as rounded")
    if not (exact and rounded):
        sys.exit(1)


if __name__ == "__main__":
    main()
