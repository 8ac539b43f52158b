"""Does `mtfix fix` ever make machine translation worse against the human reference?

    .venv/bin/python benchmarks/fix_ter.py [MT.en ...] [--corpus ../shared/corpora/wmt14-ru-en] [--worst 5]

For each WMT14 MT output (default: every `*.en` in the corpus folder but `ref.en`; names are
looked up there, paths taken as they are), `mtfix fix --exit-zero -q` fixes a copy in a temporary
folder, and sacreBLEU scores the MT before and after against the line-aligned `ref.en`: corpus
TER, BLEU and chrF2 with sacreBLEU's default settings (signatures printed). A line's TER is
worse when the fixed line needs more edits to become the reference line. For every output
with such lines, the worst few are shown with the safe fixes `mtfix check --format json`
finds on the original line (the first pass of `fix`), and a per-rule tally says which rules'
fixes made lines better or worse.

Exit status 1 when any corpus TER got worse, or a fix changed the number of lines; the issue
asks that `fix` on MT output never make its TER against the reference worse.
"""

from __future__ import annotations

import argparse
import difflib
import json
import shutil
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpora" / "wmt14-ru-en"
MTFIX = shutil.which("mtfix", path=str(Path(sys.executable).parent)) or "mtfix"


@dataclass
class Outcome:
    """One MT output's scores before and after `mtfix fix`, and its lines that changed."""

    name: str
    before: list[str]
    after: list[str]
    edits_before: list[float]
    edits_after: list[float]
    ref_lengths: list[float]
    bleu: tuple[float, float]
    chrf: tuple[float, float]
    seconds: float
    changed: list[int] = field(default_factory=list)  # 0-based line numbers

    @property
    def ter(self) -> tuple[float, float]:
        return _corpus_ter(self.edits_before, self.ref_lengths), _corpus_ter(self.edits_after, self.ref_lengths)

    @property
    def worse(self) -> list[int]:
        return [n for n in self.changed if self.edits_after[n] > self.edits_before[n]]

    @property
    def better(self) -> list[int]:
        return [n for n in self.changed if self.edits_after[n] < self.edits_before[n]]


def _corpus_ter(edits: list[float], lengths: list[float]) -> float:
    """sacreBLEU's corpus TER: all edits over all reference words."""
    total, words = sum(edits), sum(lengths)
    return 100 * total / words if words else (100.0 if total else 0.0)


def _sentence_ter(ter, hypotheses: list[str], references: list[str]) -> tuple[list[float], list[float]]:
    """Edits and reference length of each line (sacreBLEU's TER statistics)."""
    edits, lengths = [], []
    for hypothesis, reference in zip(hypotheses, references):
        score = ter.sentence_score(hypothesis, [reference])
        edits.append(score.num_edits)
        lengths.append(score.ref_length)
    return edits, lengths


def evaluate(path: Path, refs: list[str], metrics) -> Outcome:
    bleu, chrf, ter = metrics
    before = path.read_text(encoding="utf-8").splitlines()
    if len(before) != len(refs):
        raise SystemExit(f"{path}: {len(before)} lines, ref.en has {len(refs)}: not aligned")
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / path.name
        shutil.copyfile(path, copy)
        started = time.perf_counter()
        done = subprocess.run([MTFIX, "fix", "--exit-zero", "-q", str(copy)], capture_output=True, text=True)
        seconds = time.perf_counter() - started
        if done.returncode != 0:
            raise SystemExit(f"mtfix fix {path.name} failed: {done.stderr.strip()}")
        after = copy.read_text(encoding="utf-8").splitlines()
    edits_before, lengths = _sentence_ter(ter, before, refs)
    outcome = Outcome(
        path.name, before, after, edits_before, list(edits_before), lengths,
        (bleu.corpus_score(before, [refs]).score, bleu.corpus_score(after, [refs]).score if len(after) == len(refs) else 0.0),
        (chrf.corpus_score(before, [refs]).score, chrf.corpus_score(after, [refs]).score if len(after) == len(refs) else 0.0),
        seconds,
    )
    if len(after) != len(refs):
        return outcome
    outcome.changed = [n for n, (a, b) in enumerate(zip(before, after)) if a != b]
    edits, _ = _sentence_ter(ter, [after[n] for n in outcome.changed], [refs[n] for n in outcome.changed])
    for n, count in zip(outcome.changed, edits):
        outcome.edits_after[n] = count
    return outcome


def safe_fixes(path: Path) -> dict[int, list[tuple[str, str, str]]]:
    """Per 0-based line: (code, text, replacement) of each safe fix `mtfix check` reports."""
    done = subprocess.run([MTFIX, "check", "--exit-zero", "--format", "json", str(path)], capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"mtfix check {path.name} failed: {done.stderr.strip()}")
    text = path.read_text(encoding="utf-8")
    data = json.loads(done.stdout)
    found: dict[int, list[tuple[str, str, str]]] = defaultdict(list)
    for issue in data["files"][0]["issues"]:
        fix = issue.get("fix")
        if not fix or fix["applicability"] != "safe":
            continue
        for edit in fix["edits"]:
            found[issue["line"] - 1].append((issue["code"], text[edit["start"] : edit["end"]], edit["replacement"]))
    return found


def changes(before: str, after: str) -> str:
    """The word-level edits between two versions of a line: `old` → `new`."""
    a, b = before.split(" "), after.split(" ")
    parts = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if tag != "equal":
            parts.append(f"`{' '.join(a[i1:i2])}` → `{' '.join(b[j1:j2])}`")
    return "; ".join(parts)


def explain(outcome: Outcome, path: Path, refs: list[str], worst: int) -> None:
    """The worst lines, with the fixes that changed them, and a per-rule tally of changed lines."""
    fixes = safe_fixes(path)
    print()
    print(f"{outcome.name}: {len(outcome.worse)} lines worse, {len(outcome.better)} better, "
          f"{len(outcome.changed)} changed")
    ranked = sorted(outcome.worse, key=lambda n: outcome.edits_before[n] - outcome.edits_after[n])
    for n in ranked[:worst]:
        length = outcome.ref_lengths[n] or 1
        print(f"  line {n + 1}: TER {100 * outcome.edits_before[n] / length:.1f} → "
              f"{100 * outcome.edits_after[n] / length:.1f} "
              f"(+{outcome.edits_after[n] - outcome.edits_before[n]:g} edits)")
        print(f"    change: {changes(outcome.before[n], outcome.after[n])}")
        rules = "; ".join(f"{code} `{old}` → `{new}`" for code, old, new in fixes.get(n, [])) or "none found"
        print(f"    fixes:  {rules}")
        print(f"    MT:     {outcome.before[n]}")
        print(f"    ref:    {refs[n]}")
    tally: dict[str, list[float]] = defaultdict(lambda: [0, 0, 0, 0.0])
    for n in outcome.changed:
        delta = outcome.edits_after[n] - outcome.edits_before[n]
        for code in sorted({code for code, _, _ in fixes.get(n, [])}) or ["(later pass)"]:
            row = tally[code]
            row[0] += 1
            row[1] += delta < 0
            row[2] += delta > 0
            row[3] += delta
    print()
    print("  | rule | lines changed | better | worse | edits added |")
    print("  |---|---:|---:|---:|---:|")
    for code, (lines, better, worse, delta) in sorted(tally.items(), key=lambda kv: -kv[1][3]):
        print(f"  | {code} | {lines} | {better} | {worse} | {delta:+g} |")
    print("  (a line changed by several rules counts for each; `(later pass)`: no safe fix on the original line)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("outputs", nargs="*", help="MT outputs (names in the corpus folder, or paths)")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--worst", type=int, default=5, help="worst lines shown per output")
    args = parser.parse_args()
    refs = (args.corpus / "ref.en").read_text(encoding="utf-8").splitlines()
    if args.outputs:
        paths = [Path(p) if Path(p).exists() else args.corpus / p for p in args.outputs]
    else:
        paths = sorted(p for p in args.corpus.glob("*.en") if p.name != "ref.en")
    from sacrebleu.metrics import BLEU, CHRF, TER

    metrics = BLEU(), CHRF(), TER()
    print(f"`mtfix fix` on WMT14 ru-en MT outputs, scored against ref.en ({len(refs)} lines) by sacreBLEU")
    print()
    print("| MT output | lines changed | TER before | TER after | TER edits | BLEU before | BLEU after "
          "| chrF2 before | chrF2 after | lines worse | lines better | fix time |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    outcomes, failed = [], []
    for path in paths:
        outcome = evaluate(path, refs, metrics)
        outcomes.append((outcome, path))
        if len(outcome.after) != len(refs):
            print(f"| {outcome.name} | line count changed: {len(outcome.before)} → {len(outcome.after)} "
                  f"| | | | | | | | | | {outcome.seconds:.1f} s |", flush=True)
            failed.append(outcome.name)
            continue
        (ter_a, ter_b), (bleu_a, bleu_b), (chrf_a, chrf_b) = outcome.ter, outcome.bleu, outcome.chrf
        edits = f"{sum(outcome.edits_before):,.0f} → {sum(outcome.edits_after):,.0f}"
        print(f"| {outcome.name} | {len(outcome.changed)} | {ter_a:.2f} | {ter_b:.2f} | {edits} | {bleu_a:.2f} | {bleu_b:.2f} "
              f"| {chrf_a:.2f} | {chrf_b:.2f} | {len(outcome.worse)} | {len(outcome.better)} "
              f"| {outcome.seconds:.1f} s |", flush=True)
        if ter_b > ter_a:
            failed.append(outcome.name)
    print()
    for metric in metrics:
        print(f"{type(metric).__name__}|{metric.get_signature().format(short=False)}")
    for outcome, path in outcomes:
        if outcome.worse:
            explain(outcome, path, refs, args.worst)
    print()
    if failed:
        print(f"TER got worse (or lines were lost) on: {', '.join(failed)}")
        return 1
    print("No corpus TER got worse.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
