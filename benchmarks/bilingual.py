"""Precision of the bilingual checks (BL rules) on MLQE-PE ru-en against its word-level tags.

    .venv/bin/python benchmarks/bilingual.py [--split dev] [--corpus ../shared/corpora/mlqe-pe-ru-en]

Each source/MT pair becomes one unit of a TSV document, checked with the BL rules only. An
issue is confirmed when the MT words it covers include one tagged BAD (`.tags` interleaves
gap tags: 2n+1 tags for n words, word i at index 2i+1); an issue on the whole target is
confirmed when any word of the target is BAD. The base rate is what a flag at random would
score: the share of BAD words (for word issues) or of targets with a BAD word (for whole
targets). The same sources with the human post-edits as targets give the false alarms.
"""

from __future__ import annotations

import argparse
import time
from collections import Counter, defaultdict
from pathlib import Path

from mtfix import engine, formats
from mtfix.config import Settings

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "corpora" / "mlqe-pe-ru-en"


def document(sources: list[str], targets: list[str]):
    lines = ["source\ttarget"] + [f"{s}\t{t}" for s, t in zip(sources, targets)]
    return formats.parse("\n".join(lines) + "\n", "tsv", "mlqe.tsv")


def word_spans(line: str) -> list[tuple[int, int]]:
    spans, position = [], 0
    for word in line.split(" "):
        spans.append((position, position + len(word)))
        position += len(word) + 1
    return [s for s in spans if s[1] > s[0]]


def run(sources, targets, settings):
    doc = document(sources, targets)
    started = time.perf_counter()
    issues = engine.check(doc, settings)
    return doc, issues, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="dev")
    parser.add_argument("--corpus", type=Path, default=DEFAULT)
    parser.add_argument("--show", metavar="CODE", help="print every issue of this rule on the MT")
    parser.add_argument("--show-pe", metavar="CODE", help="print every issue of this rule on the post-edits")
    args = parser.parse_args()
    base = args.corpus / args.split / args.split
    read = lambda ext: (base.with_suffix(f".{ext}")).read_text(encoding="utf-8").splitlines()  # noqa: E731
    sources, mts, pes, tags = read("src"), read("mt"), read("pe"), read("tags")
    settings = Settings(select=("BL",))

    doc, issues, seconds = run(sources, mts, settings)
    units = doc.units
    line_of = {u.target[0].start: i for i, u in enumerate(units)}
    bad_words = sum(t == "BAD" for row in tags for t in row.split()[1::2])
    all_words = sum(len(row.split()[1::2]) for row in tags)
    bad_targets = sum("BAD" in row.split()[1::2] for row in tags)

    found, confirmed, whole = Counter(), Counter(), defaultdict(bool)
    for issue in issues:
        unit_index = max(i for start, i in line_of.items() if start <= issue.span.start)
        unit = units[unit_index]
        offset = unit.target[0].start
        word_tags = tags[unit_index].split()[1::2]
        covered = [
            word_tags[k]
            for k, (s, e) in enumerate(word_spans(mts[unit_index]))
            if s + offset < issue.span.end and e + offset > issue.span.start and k < len(word_tags)
        ]
        whole[issue.code] |= issue.span == unit.span
        found[issue.code] += 1
        confirmed[issue.code] += "BAD" in covered
        if args.show == issue.code:
            print(f"{unit_index + 1}: {'BAD' if 'BAD' in covered else 'ok '} {issue.message}\n   {sources[unit_index]}\n   {mts[unit_index]}\n   PE: {pes[unit_index]}")

    pe_doc, pe_issues, _ = run(sources, pes, settings)
    pe_line = {u.target[0].start: i for i, u in enumerate(pe_doc.units)}
    for issue in pe_issues:
        if args.show_pe == issue.code:
            k = max(i for start, i in pe_line.items() if start <= issue.span.start)
            print(f"{k + 1}: {issue.message}\n   {sources[k]}\n   PE: {pes[k]}")
    on_pe = Counter(i.code for i in pe_issues)
    pe_words = sum(len(p.split()) for p in pes)

    print(f"MLQE-PE ru-en {args.split}: {len(units)} units, {all_words} MT words "
          f"({bad_words / all_words:.1%} BAD), {bad_targets / len(units):.1%} of targets with a BAD word; "
          f"checked in {seconds:.2f} s")
    print()
    print("| rule | issues on MT | confirmed by BAD tags | precision | base rate | issues on post-edits (per 1000 words) |")
    print("|---|---:|---:|---:|---:|---:|")
    codes = sorted(set(found) | set(on_pe))
    for code in codes:
        rate = bad_targets / len(units) if whole[code] else bad_words / all_words
        precision = f"{confirmed[code] / found[code]:.0%}" if found[code] else "–"
        rate = f"{rate:.0%}" if found[code] else "–"
        print(f"| {code} | {found[code]} | {confirmed[code]} | {precision} | {rate} | "
              f"{on_pe[code]} ({1000 * on_pe[code] / pe_words:.2f}) |")
    total, hits = sum(found.values()), sum(confirmed.values())
    print(f"| all | {total} | {hits} | {hits / total:.0%} | | {sum(on_pe.values())} "
          f"({1000 * sum(on_pe.values()) / pe_words:.2f}) |" if total else "| all | 0 | | | | |")


if __name__ == "__main__":
    main()
