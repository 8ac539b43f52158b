"""Recall of PU001 (Russian quote-dash attributions) on every WMT14 ru-en system, and its flags
on human English.

    .venv/bin/python benchmarks/quote_dash.py [--misses N]

A quote-dash attribution is found by a broad pattern that knows no verb: a closing quotation
mark (a comma or full stop before or after it), a dash, and any word (`", - he said`,
`," - said the head of …`, `"- adds`), or a line of direct speech opened by a dialogue dash
and closed by a dash before its speaker (`- We will see, - he said.`). A closing mark is one
with a letter, digit or `.,!?…` right before it. The pattern also finds titles and names in
quotes followed by an apposition (`"Words with Friends" — the game …`); those read and judged
not to be attributions are listed in `quote_dash/not-attributions.tsv` (system, line, first
word after the dash) and left out when PU001 does not flag them. Recall is the share of the
rest that a PU001 flag overlaps; the misses are listed so that each can be read. The human references (`wmt14
ref.en`, `wmt22-ru-en ref.A.en`, `wmt22-uk-en ref.A.en`) are checked too, with their PU001
flags per 1,000 words.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT.parent / "shared" / "corpora"
MTFIX = str(Path(sys.executable).parent / "mtfix")

QUOTE_DASH = re.compile(r"(?<=[\w.,!?…])[.,]?[\"”»][.,]?[ \t]*[-–—][ \t]*(?P<after>[^\W\d_]+)")
JUDGED = Path(__file__).resolve().parent / "quote_dash" / "not-attributions.tsv"
DIALOGUE = re.compile(r"^[ \t]*[-–—][ \t]*\w[^\n]*?[\w.,!?…][ \t]*,?[ \t]+[-–—][ \t]+[^\W\d_]", re.MULTILINE)
HUMAN = (("wmt14-ru-en", "ref.en"), ("wmt22-ru-en", "ref.A.en"), ("wmt22-uk-en", "ref.A.en"))


def expected(text: str) -> list[tuple[int, int, str]]:
    """Spans of the broad pattern's matches, each with the first word after its dash."""
    spans = [(m.start(), m.end(), m["after"]) for m in QUOTE_DASH.finditer(text)]
    for m in DIALOGUE.finditer(text):
        if not QUOTE_DASH.search(m.group()):
            dash = re.search(r"[-–—][ \t]+(\w+)$", m.group())
            spans.append((m.start() + dash.start(), m.end(), dash[1]))
    return sorted(spans)


def not_attributions() -> set[tuple[str, str, str]]:
    """(system, line, word after the dash) of the matches judged not to be attributions."""
    rows = [line.split("\t") for line in JUDGED.read_text(encoding="utf-8").splitlines()]
    return {tuple(row[:3]) for row in rows[1:] if row and not row[0].startswith("#") and row[0] != "system"}


def flags(paths: list[Path]) -> dict[str, list[dict]]:
    done = subprocess.run(
        [MTFIX, "check", "--format", "json", "--exit-zero", "--select", "PU001", *map(str, paths)],
        check=False, capture_output=True, text=True,
    )
    if done.returncode != 0:
        raise SystemExit(f"mtfix check failed: {done.stderr.strip()}")
    return {f["path"]: f["issues"] for f in json.loads(done.stdout)["files"]}


def line_of(text: str, at: int) -> tuple[int, str]:
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    return text.count("\n", 0, at) + 1, text[start : end if end >= 0 else len(text)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", type=int, default=10, help="misses listed per system")
    args = parser.parse_args()
    systems = sorted(p for p in (CORPORA / "wmt14-ru-en").glob("*.en") if p.name != "ref.en")
    with tempfile.TemporaryDirectory() as tmp:
        human, texts = [], {}
        for corpus, name in HUMAN:
            folder = Path(tmp) / corpus
            folder.mkdir()
            copy = folder / f"{name}.txt"
            texts[copy] = (CORPORA / corpus / name).read_text(encoding="utf-8")
            copy.write_text(texts[copy], encoding="utf-8")
            human.append(copy)
            if corpus == "wmt22-uk-en":
                (folder / "mtfix.toml").write_text('language-pair = "uk-en"\n', encoding="utf-8")
        found = flags([*systems, *human])
    print("| system | attributions | flagged | recall |")
    print("|---|---:|---:|---:|")
    worst, listing, judged = 1.0, [], not_attributions()
    for path in systems:
        text = path.read_text(encoding="utf-8")
        spans = [(i["start"], i["end"]) for i in found[str(path)]]
        wanted = []
        for s, e, after in expected(text):
            flagged = any(s < e2 and s2 < e for s2, e2 in spans)
            if flagged or (path.stem, str(text.count("\n", 0, s) + 1), after) not in judged:
                wanted.append((s, e, flagged))
        hit = [flagged for _, _, flagged in wanted]
        recall = sum(hit) / len(wanted) if wanted else 1.0
        worst = min(worst, recall)
        print(f"| {path.stem} | {len(wanted)} | {sum(hit)} | {recall:.3f} |")
        misses = [s for s, _, ok in wanted if not ok]
        for s in misses[: args.misses]:
            n, line = line_of(text, s)
            column = s - (text.rfind("\n", 0, s) + 1)
            listing.append(f"{path.stem}:{n}: …{line[max(column - 60, 0) : column + 60]}…")
    print(f"\nlowest recall: {worst:.3f} ({len(judged)} matches judged not to be attributions left out)\n")
    print("\n".join(listing) or "no misses")
    print("\nPU001 on human English:")
    for copy in human:
        issues = found[str(copy)]
        text = texts[copy]
        words = len(re.findall(r"\w+", text))
        print(f"{copy.parent.name} {copy.stem}: {len(issues)} flags, {1000 * len(issues) / words:.3f} per 1,000 words")
        for i in issues:
            n, line = line_of(text, i["start"])
            column = i["start"] - (text.rfind("\n", 0, i["start"]) + 1)
            print(f"  {n}: …{line[max(column - 60, 0) : column + 50]}…")
    return 0


if __name__ == "__main__":
    sys.exit(main())
