"""Does `mtfix fix` ever make machine translation worse against the human reference?

    .venv/bin/python benchmarks/fix_ter.py [SYSTEM.en ...] [--worst 5]

For every system of `wmt22-ru-en` (scored against `ref.A.en`) and of `wmt14-ru-en` (against
`ref.en`), or only the systems named, a copy of the MT is fixed as plain text by `mtfix fix`
and, separately, by `mtfix fix --unsafe-fixes`, and sacreBLEU's corpus TER (default settings,
signature printed) is taken of the MT as is and after each. Only the lines a fix changed are
rescored: corpus TER is all edits over all reference words, so the other lines keep their
edits; the scores of the MT as is are kept in `$XDG_CACHE_HOME/mtfix-benchmarks` (default
`~/.cache`), keyed by the texts and sacreBLEU's version, so a rerun scores only what the fixes
changed. For each corpus and mode, the lines whose TER rose the most are shown with the fixes
`mtfix check` offers on them, and a per-rule tally says whose fixes made lines better or worse.

Exit status 1 when plain `mtfix fix` raised any corpus TER or changed a file's number of lines.
"""

from __future__ import annotations

import argparse
import difflib
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT.parent / "shared" / "corpora"
MTFIX = str(Path(sys.executable).parent / "mtfix")
CORPUS_LIST = (("wmt22-ru-en", "ref.A.en"), ("wmt14-ru-en", "ref.en"))
MODES = {"fix": [], "fix --unsafe-fixes": ["--unsafe-fixes"]}
CACHE = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "mtfix-benchmarks"


def edits(pairs: list[tuple[str, str]]) -> list[tuple[float, float]]:
    """sacreBLEU's TER statistics of each (hypothesis, reference): edits and reference words."""
    from sacrebleu.metrics import TER

    ter = TER()
    return [(s.num_edits, s.ref_length) for s in (ter.sentence_score(h, [r]) for h, r in pairs)]


def parallel_edits(pool: ProcessPoolExecutor, pairs: list[tuple[str, str]]) -> list[tuple[float, float]]:
    chunk = max(len(pairs) // 16, 1)
    parts = [pairs[i : i + chunk] for i in range(0, len(pairs), chunk)]
    return [stat for part in pool.map(edits, parts) for stat in part]


def edits_as_is(pool: ProcessPoolExecutor, mt: list[str], refs: list[str]) -> list[tuple[float, float]]:
    """The TER statistics of each MT line as is, from the cache folder when they are there."""
    import sacrebleu

    key = hashlib.sha1("\n".join([sacrebleu.__version__, *mt, "\0", *refs]).encode()).hexdigest()
    path = CACHE / f"ter-{key}.json"
    if path.exists():
        return [tuple(stat) for stat in json.loads(path.read_text(encoding="utf-8"))]
    stats = parallel_edits(pool, list(zip(mt, refs)))
    CACHE.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(stats), encoding="utf-8")
    return stats


@dataclass
class System:
    corpus: str
    name: str
    mt: list[str]
    refs: list[str]
    fixed: dict[str, list[str]]
    stats: list[tuple[float, float]] | None = None

    def changed(self, mode: str) -> list[int]:
        return [n for n, (a, b) in enumerate(zip(self.mt, self.fixed[mode])) if a != b]

    def aligned(self, mode: str) -> bool:
        return len(self.fixed[mode]) == len(self.mt)


def fix_all(paths: list[Path], mode: str) -> list[list[str]]:
    """Each file's lines after `mtfix fix` (with the mode's options) on a copy."""
    with tempfile.TemporaryDirectory() as tmp:
        copies = []
        for path in paths:
            copies.append(Path(tmp) / path.name)
            shutil.copyfile(path, copies[-1])
        done = subprocess.run([MTFIX, "fix", "--exit-zero", "-q", *MODES[mode], *map(str, copies)],
                              check=False, capture_output=True, text=True)
        if done.returncode != 0:
            raise SystemExit(f"mtfix {mode} failed: {done.stderr.strip()}")
        return [copy.read_text(encoding="utf-8").splitlines() for copy in copies]


def offered_fixes(paths: list[Path]) -> dict[tuple[str, int], list[tuple[str, str, str, str]]]:
    """Per (file name, 0-based line): (code, applicability, text, replacement) of each fix `check` offers."""
    done = subprocess.run([MTFIX, "check", "--exit-zero", "--format", "json", *map(str, paths)],
                          check=False, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"mtfix check failed: {done.stderr.strip()}")
    found = defaultdict(list)
    for entry in json.loads(done.stdout)["files"]:
        text = Path(entry["path"]).read_text(encoding="utf-8")
        for issue in entry["issues"]:
            for edit in (issue.get("fix") or {}).get("edits", []):
                found[Path(entry["path"]).name, issue["line"] - 1].append(
                    (issue["code"], issue["fix"]["applicability"], text[edit["start"] : edit["end"]],
                     edit["replacement"]))
    return found


def changes(before: str, after: str) -> str:
    """The word-level edits between two versions of a line: `old` → `new`."""
    a, b = before.split(" "), after.split(" ")
    return "; ".join(
        f"`{' '.join(a[i1:i2])}` → `{' '.join(b[j1:j2])}`"
        for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes()
        if tag != "equal"
    )


def corpus_ter(stats: list[tuple[float, float]]) -> float:
    total, words = sum(e for e, _ in stats), sum(w for _, w in stats)
    return 100 * total / words if words else 0.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("systems", nargs="*", help="system files to score (names as in the corpus folders)")
    parser.add_argument("--worst", type=int, default=5, help="lines made worse shown per corpus and mode")
    args = parser.parse_args()
    from sacrebleu.metrics import TER

    corpora = {}
    with ThreadPoolExecutor() as threads:
        jobs = {}
        for corpus, reference in CORPUS_LIST:
            folder = CORPORA / corpus
            paths = sorted(p for p in folder.glob("*.en")
                           if p.name != reference and (not args.systems or p.name in args.systems))
            if not paths:
                continue
            jobs[corpus] = (paths, reference, {m: threads.submit(fix_all, paths, m) for m in MODES},
                            threads.submit(offered_fixes, paths))
        for corpus, (paths, reference, fixing, offered) in jobs.items():
            refs = (CORPORA / corpus / reference).read_text(encoding="utf-8").splitlines()
            systems = []
            for i, path in enumerate(paths):
                mt = path.read_text(encoding="utf-8").splitlines()
                if len(mt) != len(refs):
                    raise SystemExit(f"{path}: {len(mt)} lines, {reference} has {len(refs)}")
                systems.append(System(corpus, path.stem, mt, refs, {m: fixing[m].result()[i] for m in MODES}))
            corpora[corpus] = (reference, systems, offered.result())

    raised: dict[str, list[str]] = {m: [] for m in MODES}
    with ProcessPoolExecutor() as pool:
        for corpus, (reference, systems, offered) in corpora.items():
            print(f"## {corpus}: corpus TER against {reference} ({len(systems[0].refs)} lines)")
            print()
            print("| system | TER as is | lines fixed | TER after `fix` | change | lines fixed (unsafe too) "
                  "| TER after `fix --unsafe-fixes` | change |")
            print("|---|---:|---:|---:|---:|---:|---:|---:|")
            worse: dict[str, list[tuple[float, System, int]]] = defaultdict(list)
            tally: dict[str, dict[str, list[int]]] = {m: defaultdict(lambda: [0, 0, 0]) for m in MODES}
            for system in systems:
                system.stats = edits_as_is(pool, system.mt, system.refs)
                before = corpus_ter(system.stats)
                cells = [system.name, f"{before:.2f}"]
                for mode in MODES:
                    if not system.aligned(mode):
                        cells += [f"{len(system.mt)} → {len(system.fixed[mode])} lines", "–", "–"]
                        raised[mode].append(f"{corpus}/{system.name} (line count)")
                        continue
                    changed = system.changed(mode)
                    after_stats = list(system.stats)
                    for n, stat in zip(changed, parallel_edits(pool, [(system.fixed[mode][n], system.refs[n])
                                                                      for n in changed])):
                        after_stats[n] = stat
                        delta = stat[0] - system.stats[n][0]
                        if delta > 0:
                            worse[mode].append((delta, system, n))
                        codes = {c for c, kind, _, _ in offered.get((f"{system.name}.en", n), [])
                                 if mode != "fix" or kind == "safe"} or {"(later pass)"}
                        for code in codes:
                            tally[mode][code][0 if delta < 0 else 2 if delta > 0 else 1] += 1
                    after = corpus_ter(after_stats)
                    if after > before:
                        raised[mode].append(f"{corpus}/{system.name}")
                    cells += [str(len(changed)), f"{after:.2f}", f"{after - before:+.3f}"]
                print("| " + " | ".join(cells) + " |", flush=True)
            for mode in MODES:
                print()
                print(f"`{mode}` on {corpus}: lines changed per rule (a line counts for each rule that fixed it)")
                print()
                print("| rule | better | same | worse |")
                print("|---|---:|---:|---:|")
                for code, (b, s, w) in sorted(tally[mode].items(), key=lambda kv: (-kv[1][2], kv[0])):
                    print(f"| {code} | {b} | {s} | {w} |")
                for delta, system, n in sorted(worse[mode], key=lambda x: -x[0])[: args.worst]:
                    fixes = "; ".join(f"{code} `{old}` → `{new}`" for code, kind, old, new
                                      in offered.get((f"{system.name}.en", n), []) if mode != "fix" or kind == "safe")
                    print(f"\n  {system.name} line {n + 1}: +{delta:g} edits; {changes(system.mt[n], system.fixed[mode][n])}")
                    print(f"    fixes: {fixes or 'none on the original line'}")
                    print(f"    MT:    {system.mt[n]}")
                    print(f"    ref:   {system.refs[n]}")
            print()
    metric = TER()
    metric.corpus_score(["signature"], [["signature"]])
    print(f"TER|{metric.get_signature().format(short=False)}")
    for mode in MODES:
        where = ", ".join(raised[mode])
        print(f"`mtfix {mode}` raises corpus TER: " + (f"yes, on {where}" if where else "never"))
    return 1 if raised["fix"] else 0


if __name__ == "__main__":
    sys.exit(main())
