"""Phrase, locale, consistency and casing rules on real text: false alarms and hits.

    .venv/bin/python benchmarks/phrases.py [CORPORA_DIR] [--codes CQ,BP,LC,CN,CA]

Prints flags per 1,000 words for each rule on human English (the WMT14 reference and the
MLQE-PE post-edits), split into error+warning and info, then the number of hits per rule on
each machine-translation output. On human English every error or warning is a false alarm
unless a reviewer would really change the text; the hits on MT show what the rules catch.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

from mtfix import engine
from mtfix.config import Settings
from mtfix.document import Document
from mtfix.model import Severity

DEFAULT = Path("/work/shared/corpora")
WORDS = re.compile(r"\w+")


def count(text: str, settings: Settings) -> tuple[Counter, Counter]:
    """Issues per code, all and error+warning only, for `text` checked as one document."""
    every, serious = Counter(), Counter()
    for issue in engine.check(Document(text), settings):
        every[issue.code] += 1
        if issue.severity is not Severity.INFO:
            serious[issue.code] += 1
    return every, serious


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpora", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--codes", default="CQ,BP,LC,CN,CA")
    args = parser.parse_args()
    codes = tuple(c.strip() for c in args.codes.split(",") if c.strip())
    settings = Settings(select=codes)
    wmt, mlqe = args.corpora / "wmt14-ru-en", args.corpora / "mlqe-pe-ru-en"
    if not wmt.is_dir():
        sys.exit(f"{wmt}: no such folder; pass the corpora folder as the first argument")

    human = [("wmt14 ref.en", wmt / "ref.en")]
    human += [(f"mlqe-pe {p.name}", p) for p in sorted(mlqe.glob("*/*.pe"))]
    print("Human English (false alarms), flags per 1,000 words: all / error+warning")
    for label, path in human:
        text = path.read_text(encoding="utf-8")
        words = len(WORDS.findall(text))
        every, serious = count(text, settings)
        cells = "  ".join(
            f"{code} {1000 * every[code] / words:.3f}/{1000 * serious[code] / words:.3f}"
            for code in sorted(every)
        ) or "silent"
        print(f"  {label:<22} {words:>7} words  {cells}")

    machine = [(p.name, p) for p in sorted(wmt.glob("*.en")) if p.name != "ref.en"]
    machine += [(f"mlqe-pe {p.name}", p) for p in sorted(mlqe.glob("*/*.mt"))]
    print("\nMachine translation (hits per rule; the same lines as the human files above)")
    totals: Counter = Counter()
    for label, path in machine:
        every, _ = count(path.read_text(encoding="utf-8"), settings)
        totals.update(every)
        cells = "  ".join(f"{code} {n}" for code, n in sorted(every.items())) or "none"
        print(f"  {label:<28} {cells}")
    print("  " + "total".ljust(28) + " " + "  ".join(f"{c} {n}" for c, n in sorted(totals.items())))


if __name__ == "__main__":
    main()
