"""Flags per 1,000 target words of the source/target QA checks on WMT22 ru-en: the human
reference (the clean side: every flag there is a false alarm unless the reference really
lost or changed the token) and two systems' outputs.

    .venv/bin/python benchmarks/qa_checks.py [--show CODE] [--targets ref.A.en Online-B.en ...]

Each source line and its translation become one unit of a TSV document, checked with the
QA rules alone: BL006 (URLs and e-mail addresses), BL011 (letter-and-digit codes), BL012
(unpaired brackets and quotes), BL013 (CamelCase and all-capitals words).
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from pathlib import Path

from mtfix import engine, formats
from mtfix.config import Settings

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpora" / "wmt22-ru-en"
CODES = ("BL006", "BL011", "BL012", "BL013")
TARGETS = ("ref.A.en", "Online-B.en", "JDExploreAcademy.en")


def document(sources: list[str], targets: list[str]):
    clean = lambda s: s.replace("\t", " ")  # noqa: E731
    lines = ["source\ttarget"] + [f"{clean(s)}\t{clean(t)}" for s, t in zip(sources, targets)]
    return formats.parse("\n".join(lines) + "\n", "tsv", "wmt22.tsv")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--targets", nargs="+", default=TARGETS)
    parser.add_argument("--show", metavar="CODE", help="print every flag of this rule")
    args = parser.parse_args()
    sources = (args.corpus / "source.ru").read_text(encoding="utf-8").splitlines()
    settings = Settings(select=CODES)
    print(f"{'target':<22} {'words':>7}  " + "  ".join(f"{c:>7}" for c in CODES))
    for name in args.targets:
        targets = (args.corpus / name).read_text(encoding="utf-8").splitlines()
        doc = document(sources, targets)
        words = sum(len(re.findall(r"\w+", t)) for t in targets)
        issues = engine.check(doc, settings)
        counts = Counter(i.code for i in issues)
        print(f"{name:<22} {words:>7}  " + "  ".join(f"{1000 * counts[c] / words:7.3f}" for c in CODES))
        if args.show:
            for issue in issues:
                if issue.code == args.show:
                    unit = doc.unit_at(issue.span.start)
                    flagged = doc.text[issue.span.start : issue.span.end]
                    print(f"  {name} {unit.id}: {issue.message} | {flagged[:80]!r} | src: {unit.source[:150]!r}")
    print("flags per 1,000 target words")


if __name__ == "__main__":
    main()
