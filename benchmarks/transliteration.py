#!/usr/bin/env python3
"""Measure the untranslated-word rules (TR001-TR003) on real machine translation.

usage: benchmarks/transliteration.py [--pair ru-en|uk-en] [CORPORA_DIR]   (default: ../shared/corpora)

Prints, for ru-en (the default)
- recall on the WMT14 rule-based outputs (rbmt1, rbmt4, PROMT rule-based). The tokens to find
  are those that are not English (mtfix's English lexicon) and do not appear in the aligned
  line of the human reference `ref.en`; lower-case words and capitalized names are counted
  apart, at warning level, by the romanization rules TR001-TR003 at any level, and with
  TR004 (any non-English lower-case word, info) too;
- precision against MLQE-PE dev word tags: the share of flagged tokens tagged BAD (word tag i
  is tag 2i+1 of the line, gaps are interleaved);
- the words per second of the TR and CY rules on rbmt1.0.en in process, first with the
  lexicons still to load, then with them loaded (the romanization cache cleared each time),
  and of all of mtfix.

For uk-en (`--pair uk-en`), the same recall on the ten WMT22 Ukrainian→English systems
(`wmt22-uk-en/*.en`, PROMT among them) against the aligned line of `ref.A.en`, with
`language-pair = "uk-en"`.
"""

from __future__ import annotations

import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mtfix import engine  # noqa: E402
from mtfix.config import Settings  # noqa: E402
from mtfix.document import Document  # noqa: E402
from mtfix.lexicon.english import is_english  # noqa: E402
from mtfix.model import Severity  # noqa: E402

SYSTEMS = ("rbmt1.0.en", "rbmt4.0.en", "PROMT-Rule-based.3085.en")
TOKEN = re.compile(r"(?<![\w@/.])[A-Za-z]+(?:['’][A-Za-z]+)*(?![\w@/]|\.[A-Za-z])")
RULES = Settings(select=("TR",))


def _kind(word: str) -> str | None:
    if len(word) < 3 or "'" in word or "’" in word:
        return None
    if word.islower():
        return "lower"
    if word[0].isupper() and word[1:].islower():
        return "name"
    return None


def _flags(text: str, settings: Settings = RULES, skip: tuple[str, ...] = ()) -> dict[tuple[int, int], Severity]:
    """Flagged spans by (start, end), with the highest severity; rules in `skip` left out."""
    found: dict[tuple[int, int], Severity] = {}
    for issue in engine.check(Document(text), settings):
        if issue.code in skip:
            continue
        key = (issue.span.start, issue.span.end)
        if key not in found or issue.severity.rank > found[key].rank:
            found[key] = issue.severity
    return found


def recall(wmt: Path, systems: tuple[str, ...], reference_name: str, settings: Settings = RULES) -> None:
    reference = (wmt / reference_name).read_text(encoding="utf-8").splitlines()
    print(f"Recall on {wmt.name}: non-English tokens absent from the aligned {reference_name} line")
    print("  warning: TR001/TR002 at warning; TR001-3: at any severity; any: TR004's info too")
    print(f"  {'system':28} {'kind':6} {'gold':>5} {'warning':>8} {'TR001-3':>8} {'any':>6}")
    totals: Counter = Counter()
    for system in systems:
        text = (wmt / system).read_text(encoding="utf-8")
        flags = _flags(text, settings)
        romanized = _flags(text, settings, skip=("TR004",))
        counts: Counter = Counter()
        offset = 0
        for number, line in enumerate(text.split("\n")):
            ref_words = set(TOKEN.findall(reference[number].lower())) if number < len(reference) else set()
            for m in TOKEN.finditer(line):
                word, kind = m.group(), _kind(m.group())
                if kind is None or is_english(word) or word.lower() in ref_words:
                    continue
                severity = flags.get((offset + m.start(), offset + m.end()))
                counts[kind, "gold"] += 1
                counts[kind, "any"] += severity is not None
                counts[kind, "warning"] += severity is not None and severity.rank >= 1
                counts[kind, "romanized"] += (offset + m.start(), offset + m.end()) in romanized
            offset += len(line) + 1
        for kind in ("lower", "name"):
            gold = counts[kind, "gold"] or float("nan")
            print(
                f"  {system:28} {kind:6} {gold:5d} {counts[kind, 'warning'] / gold:8.3f}"
                f" {counts[kind, 'romanized'] / gold:8.3f} {counts[kind, 'any'] / gold:6.3f}"
            )
        totals.update(counts)
    for kind in ("lower", "name"):
        gold = totals[kind, "gold"]
        print(
            f"  {'all':28} {kind:6} {gold:5d} {totals[kind, 'warning'] / gold:8.3f}"
            f" {totals[kind, 'romanized'] / gold:8.3f} {totals[kind, 'any'] / gold:6.3f}"
        )


def precision(corpora: Path) -> None:
    dev = corpora / "mlqe-pe-ru-en" / "dev"
    lines = (dev / "dev.mt").read_text(encoding="utf-8").split("\n")
    tags = (dev / "dev.tags").read_text(encoding="utf-8").split("\n")
    text = "\n".join(lines)
    flags = _flags(text)
    by_level: Counter = Counter()
    offset = 0
    for line, tag_line in zip(lines, tags):
        word_tags = tag_line.split()
        for i, m in enumerate(re.finditer(r"\S+", line)):
            severity = flags.get((offset + m.start(), offset + m.end()))
            if severity is None:
                continue
            bad = 2 * i + 1 < len(word_tags) and word_tags[2 * i + 1] == "BAD"
            for level in ("any", "warning") if severity.rank >= 1 else ("any",):
                by_level[level, "flagged"] += 1
                by_level[level, "bad"] += bad
        offset += len(line) + 1
    print("Precision on MLQE-PE dev (flagged tokens tagged BAD)")
    for level in ("warning", "any"):
        flagged = by_level[level, "flagged"]
        share = by_level[level, "bad"] / flagged if flagged else float("nan")
        print(f"  {level:8} {by_level[level, 'bad']:4d}/{flagged:<4d} = {share:.3f}")


def speed(corpora: Path) -> None:
    from mtfix.languages import language
    from mtfix.rules import untranslated

    readings = language("ru").romanizer().readings

    text = (corpora / "wmt14-ru-en" / "rbmt1.0.en").read_text(encoding="utf-8")
    words = len(re.findall(r"\w+", text))
    print(f"Speed on rbmt1.0.en ({words} words)")
    runs = (
        ("TR+CY, cold (lexicons load)", Settings(select=("TR", "CY"))),
        ("TR+CY, warm lexicons", Settings(select=("TR", "CY"))),
        ("all of mtfix", Settings()),
    )
    for label, settings in runs:
        readings.cache_clear()
        untranslated._reading.cache_clear()
        start = time.perf_counter()
        try:
            engine.check(Document(text + " " * len(label)), settings)
        except Exception as err:  # another family's rule may be broken mid-development
            print(f"  {label:28} failed: {type(err).__name__}: {err}")
            continue
        elapsed = time.perf_counter() - start
        print(f"  {label:28} {elapsed:6.2f} s  {words / elapsed:9.0f} words/s")


def main() -> None:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    parser.add_argument("--pair", choices=("ru-en", "uk-en"), default="ru-en")
    parser.add_argument("corpora", nargs="?", type=Path, default=ROOT.parent / "shared" / "corpora")
    args = parser.parse_args()
    if args.pair == "uk-en":
        wmt = args.corpora / "wmt22-uk-en"
        systems = tuple(sorted(p.name for p in wmt.glob("*.en") if p.name != "ref.A.en"))
        recall(wmt, systems, "ref.A.en", Settings(select=("TR",), language_pair="uk-en"))
        return
    speed(args.corpora)
    recall(args.corpora / "wmt14-ru-en", SYSTEMS, "ref.en")
    precision(args.corpora)


if __name__ == "__main__":
    main()
