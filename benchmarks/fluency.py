#!/usr/bin/env python3
"""Measure the fluency rules (FL) against post-editors' word tags and on human English.

usage: benchmarks/fluency.py [--warning P] [CORPORA_DIR]            (default: ../shared/corpora)
       benchmarks/fluency.py [--warning P] --sample [CORPORA_DIR]   print the judged sample's warnings

`--warning P` measures the model with its warning threshold at P instead of the shipped one.

Prints
- MLQE-PE ru-en dev, MT detokenized (`training/mlqe.py`), each issue's span mapped back to the
  Moses tokens it overlaps: word-level MCC and F1 of BAD, for FL alone and for all rules;
- the precision of FL warnings against the BAD tags: of their tokens, and of the warnings
  themselves (a warning is right when a token it covers is BAD);
- FL warnings (and infos) per 1,000 words on the human references of WMT14 and WMT22 ru-en;
- how many of the seed article's five `fluency/garbled` gold spans FL finds, and its warnings
  that overlap no gold span;
- FL warnings per 1,000 words on the WMT22 ru-en systems beside those on their reference: a
  model that tells garbled MT from English flags the systems more often than the reference;
- the judged precision of FL warnings and infos on the WMT22 ru-en systems (a seeded sample of
  each), read against the source and the reference (`benchmarks/precision/fluency-judged.tsv`,
  which must judge every issue that `--sample` prints).
"""

from __future__ import annotations

import csv
import hashlib
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mtfix import engine  # noqa: E402
from mtfix.config import Settings  # noqa: E402
from mtfix.document import Document  # noqa: E402
from mtfix.model import Severity  # noqa: E402
from training import mlqe  # noqa: E402

FL = Settings(select=("FL",))
ALL = Settings(select=("ALL", "FL"))
REFERENCES = ("wmt14-ru-en/ref.en", "wmt22-ru-en/ref.A.en")
SEED = ROOT.parent / "shared" / "seed" / "000_922ec77216dacd05.txt"
GOLD = ROOT.parent / "shared" / "gold" / "000_922ec77216dacd05.artifacts.tsv"
JUDGED = ROOT / "benchmarks" / "precision" / "fluency-judged.tsv"
SAMPLE, SAMPLE_SEED = 50, 15
_WORD = re.compile(r"\w+")


def issues_by_line(lines: list[str], settings: Settings, code: str | None = None):
    """Each line's issues as (start, end, severity) relative to the line; `code` keeps one
    family."""
    text = "\n".join(lines)
    starts, offset = [], 0
    for line in lines:
        starts.append(offset)
        offset += len(line) + 1
    out: list[list[tuple[int, int, Severity]]] = [[] for _ in lines]
    import bisect

    for issue in engine.check(Document(text), settings):
        if code and not issue.code.startswith(code):
            continue
        i = bisect.bisect_right(starts, issue.span.start) - 1
        out[i].append((issue.span.start - starts[i], issue.span.end - starts[i], issue.severity))
    return out


def dev_figures(corpora: Path) -> None:
    dev = mlqe.read("dev", corpora / "mlqe-pe-ru-en")
    texts = [line.text for line in dev]
    print(f"MLQE-PE ru-en dev: {len(dev)} lines, {sum(len(d.bad) for d in dev)} words, word tags")
    fl = issues_by_line(texts, FL, "FL")
    for name, found in (("FL alone", fl), ("all rules", issues_by_line(texts, ALL))):
        predicted = [mlqe.overlaps(d.spans, [(s, e) for s, e, _ in f]) for d, f in zip(dev, found)]
        scores = mlqe.word_scores(dev, predicted)
        print(f"  {name:10} MCC {scores['mcc']:.3f}  F1-BAD {scores['f1_bad']:.3f}"
              f"  (precision {scores['precision']:.3f}, recall {scores['recall']:.3f})")
    warnings = [[(s, e) for s, e, sev in f if sev is Severity.WARNING] for f in fl]
    predicted = [mlqe.overlaps(d.spans, w) for d, w in zip(dev, warnings)]
    tokens = mlqe.word_scores(dev, predicted)
    right = sum(any(mlqe.overlaps(tuple(s for s, b in zip(d.spans, d.bad) if b), [span])) for d, w in zip(dev, warnings) for span in w)
    count = sum(map(len, warnings))
    print(f"  FL warnings: {count}; precision of their tokens {tokens['precision']:.3f}"
          f" ({tokens['flagged']} tokens), of the warnings {right / max(count, 1):.3f}")


def reference_rates(corpora: Path) -> None:
    print("FL on human references (per 1,000 words)")
    for name in REFERENCES:
        lines = (corpora / name).read_text(encoding="utf-8").split("\n")
        words = sum(len(_WORD.findall(line)) for line in lines)
        found = [sev for f in issues_by_line(lines, FL, "FL") for *_, sev in f]
        warnings = sum(sev is Severity.WARNING for sev in found)
        print(f"  {name:22} {words:6d} words  warnings {1000 * warnings / words:.3f}"
              f"  infos {1000 * (len(found) - warnings) / words:.2f}")


def seed_figures() -> None:
    lines = SEED.read_text(encoding="utf-8").split("\n")
    found = issues_by_line(lines, FL, "FL")
    with GOLD.open(encoding="utf-8") as f:
        gold = list(csv.DictReader(f, delimiter="\t"))
    spans: dict[int, list[tuple[int, int, str]]] = {}
    for row in gold:
        number = int(row["line"])
        start = lines[number - 1].find(row["span"])
        spans.setdefault(number, []).append((start, start + len(row["span"]), row["category"]))
    garbled = [(n, s, e) for n, rows in spans.items() for s, e, c in rows if c == "fluency/garbled"]

    def hit(n, s, e, level=None):
        return any(fs < e and s < fe and (level is None or sev is level) for fs, fe, sev in found[n - 1])

    anywhere = sum(hit(n, s, e) for n, s, e in garbled)
    warned = sum(hit(n, s, e, Severity.WARNING) for n, s, e in garbled)
    stray = [
        lines[i][fs:fe]
        for i, line_found in enumerate(found)
        for fs, fe, sev in line_found
        if sev is Severity.WARNING and not any(s < fe and fs < e for s, e, _ in spans.get(i + 1, []))
    ]
    print(f"Seed: {anywhere} of {len(garbled)} fluency/garbled gold spans found ({warned} at warning);"
          f" FL warnings on no gold span: {len(stray)} {stray}")


def sample(corpora: Path) -> list[dict[str, str]]:
    """A seeded sample of SAMPLE FL warnings on the WMT22 ru-en systems (all, when there are
    fewer), then one of SAMPLE infos; with source and reference."""
    folder = corpora / "wmt22-ru-en"
    source = (folder / "source.ru").read_text(encoding="utf-8").split("\n")
    reference = (folder / "ref.A.en").read_text(encoding="utf-8").split("\n")
    pools: dict[Severity, list[dict[str, str]]] = {Severity.WARNING: [], Severity.INFO: []}
    for system in sorted(p for p in folder.glob("*.en") if p.name != "ref.A.en"):
        lines = system.read_text(encoding="utf-8").split("\n")
        for i, found in enumerate(issues_by_line(lines, FL, "FL")):
            for s, e, sev in found:
                pools[sev].append({"severity": sev.value, "system": system.stem, "line": str(i + 1),
                                   "span": lines[i][s:e], "mt": lines[i], "source": source[i],
                                   "reference": reference[i]})
    words = sum(len(_WORD.findall(line)) for system in folder.glob("*.en") if system.name != "ref.A.en"
                for line in system.read_text(encoding="utf-8").split("\n"))
    print(f"FL on the WMT22 ru-en systems ({words} words): {len(pools[Severity.WARNING])} warnings"
          f" ({1000 * len(pools[Severity.WARNING]) / words:.3f} per 1,000 words), {len(pools[Severity.INFO])} infos"
          f" ({1000 * len(pools[Severity.INFO]) / words:.2f} per 1,000 words)")
    drawn = []
    for pool in pools.values():
        drawn += sorted(pool, key=_draw)[:SAMPLE]
    return drawn


def _draw(item: dict[str, str]) -> str:
    """A seeded order of issues that a change elsewhere in the pool leaves as it is."""
    key = f"{SAMPLE_SEED}\t{item['severity']}\t{item['system']}\t{item['line']}\t{item['span']}"
    return hashlib.sha256(key.encode()).hexdigest()


def judged(corpora: Path) -> None:
    drawn = sample(corpora)
    with JUDGED.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    fields = ("severity", "system", "line", "span")
    judgements = {tuple(r[k] for k in fields): r["judgement"] for r in rows}
    missing = [d for d in drawn if tuple(d[k] for k in fields) not in judgements]
    if missing:
        sys.exit(f"{len(missing)} sampled issues are not judged in {JUDGED.name}: judge `--sample`")
    for level in (Severity.WARNING, Severity.INFO):
        marks = [judgements[tuple(d[k] for k in fields)] == "TRUE" for d in drawn if d["severity"] == level.value]
        print(f"Judged precision of {len(marks)} sampled FL {level.value}s (read against source and reference):"
              f" {sum(marks)}/{len(marks)} = {sum(marks) / max(len(marks), 1):.2f}")


def main() -> None:
    argv = sys.argv[1:]
    if "--warning" in argv:
        at = argv.index("--warning")
        from mtfix.fluency.model import shipped

        shipped().warning = float(argv[at + 1])
        del argv[at : at + 2]
    args = [a for a in argv if not a.startswith("--")]
    corpora = Path(args[0]) if args else ROOT.parent / "shared" / "corpora"
    if "--sample" in sys.argv:
        for d in sample(corpora):
            print(f"\n{d['severity']} {d['system']}:{d['line']}  [{d['span']}]\n  MT  {d['mt']}\n"
                  f"  SRC {d['source']}\n  REF {d['reference']}")
        return
    dev_figures(corpora)
    reference_rates(corpora)
    seed_figures()
    judged(corpora)


if __name__ == "__main__":
    main()
