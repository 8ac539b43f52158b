"""mtfix against translate-toolkit's `pofilter` on the same PO file.

    .venv/bin/pip install -e '.[bench]'      # translate-toolkit, for pofilter
    .venv/bin/python benchmarks/pofilter.py [--split dev] [--corpus ../shared/corpora/mlqe-pe-ru-en]

The MLQE-PE ru-en pairs, detokenized, become a PO catalog (msgid: Russian source, msgstr: MT, msgctxt: the
line number); a second catalog has the human post-edits as msgstr. Both tools check both
catalogs from the command line, start-up included. A unit flagged on the MT is confirmed
when MLQE-PE tags one of its MT words BAD; flags on the post-edits are mostly false alarms.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "corpora" / "mlqe-pe-ru-en"
BIN = Path(sys.executable).parent


def detokenize(text: str) -> str:
    """Undo the Moses tokenization of MLQE-PE (` .` `( x )` `don 't`), as a file would hold it."""
    text = re.sub(r" ([.,:;!?%)\]}»”])", r"\1", text)
    text = re.sub(r"([(\[{«“]) ", r"\1", text)
    text = re.sub(r"(\w) (n?'\w+)\b", r"\1\2", text)
    text = re.sub(r'" ([^"]*?) "', r'"\1"', text)
    return text.strip()


def po_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t")


def catalog(sources: list[str], targets: list[str]) -> str:
    entries = [
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: en\\n"\n'
    ]
    for n, (source, target) in enumerate(zip(sources, targets), 1):
        entries.append(f'msgctxt "line {n}"\nmsgid "{po_escape(source)}"\nmsgstr "{po_escape(target)}"\n')
    return "\n".join(entries)


def timed(command: list[str]) -> tuple[subprocess.CompletedProcess, float]:
    started = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True)
    return result, time.perf_counter() - started


def run_pofilter(path: Path, out: Path) -> tuple[dict[int, set[str]], float]:
    result, seconds = timed([str(BIN / "pofilter"), "--language=en", "--progress=none", "-i", str(path), "-o", str(out)])
    if result.returncode not in (0, 1):
        raise SystemExit(result.stderr)
    flagged: dict[int, set[str]] = {}
    for block in out.read_text(encoding="utf-8").split("\n\n"):
        m = re.search(r'msgctxt "line (\d+)"', block)
        if m:
            flagged[int(m[1])] = set(re.findall(r"^# \(pofilter\) (\w+):", block, re.M))
    return flagged, seconds


def run_mtfix(path: Path, select: str, text: str) -> tuple[dict[int, set[str]], float, int]:
    result, seconds = timed(
        [str(BIN / "mtfix"), "check", "--format", "json", "--exit-zero", "--select", select, str(path)]
    )
    if result.returncode != 0:
        raise SystemExit(result.stderr)
    data = json.loads(result.stdout)
    files = data["files"] if isinstance(data, dict) else data
    issues = [i for f in files for i in f.get("issues", [])]
    context_lines = [m.start() for m in re.finditer(r'^msgctxt "line \d+"', text, re.M)]
    line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
    flagged: dict[int, set[str]] = {}
    for issue in issues:
        offset = line_starts[issue["line"] - 1]
        unit = sum(1 for start in context_lines if start <= offset)
        flagged.setdefault(unit, set()).add(issue["code"])
    return flagged, seconds, len(issues)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="dev")
    parser.add_argument("--corpus", type=Path, default=DEFAULT)
    args = parser.parse_args()
    if not shutil.which("pofilter", path=str(BIN)):
        raise SystemExit("pofilter is missing: .venv/bin/pip install -e '.[bench]'")
    base = args.corpus / args.split / args.split
    read = lambda ext: base.with_suffix(f".{ext}").read_text(encoding="utf-8").splitlines()  # noqa: E731
    sources, mts, pes, tags = read("src"), read("mt"), read("pe"), read("tags")
    sources, mts, pes = ([detokenize(t) for t in texts] for texts in (sources, mts, pes))
    bad = {n for n, row in enumerate(tags, 1) if "BAD" in row.split()[1::2]}
    pe_words = sum(len(p.split()) for p in pes)

    from mtfix.registry import all_rules

    rules = all_rules()
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        mt_po, pe_po = folder / "mt.po", folder / "pe.po"
        mt_text, pe_text = catalog(sources, mts), catalog(sources, pes)
        mt_po.write_text(mt_text, encoding="utf-8")
        pe_po.write_text(pe_text, encoding="utf-8")

        on_mt, seconds = run_pofilter(mt_po, folder / "mt-out.po")
        on_pe, _ = run_pofilter(pe_po, folder / "pe-out.po")
        listed = subprocess.run([str(BIN / "pofilter"), "--listfilters"], capture_output=True, text=True).stdout
        checks = len([line for line in listed.splitlines() if "\t" in line])
        rows.append(("pofilter (translate-toolkit, all checks)", checks, on_mt, on_pe, seconds, None))

        for label, select in (("mtfix, bilingual checks (BL)", "BL"), ("mtfix, all rules", "ALL")):
            count = sum(1 for code in rules if select == "ALL" or code.startswith(select))
            mt_flags, seconds, issues = run_mtfix(mt_po, select, mt_text)
            pe_flags, _, _ = run_mtfix(pe_po, select, pe_text)
            rows.append((label, count, mt_flags, pe_flags, seconds, issues))

    print(f"MLQE-PE ru-en {args.split} as PO: {len(sources)} units, {len(bad)} ({len(bad) / len(sources):.0%}) "
          f"with a BAD-tagged MT word; {pe_words} post-edit words")
    print()
    print("| tool | checks | issues on MT | units flagged | confirmed by BAD tags | units flagged on post-edits "
          "(per 1000 words) | time, 1000 units |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for label, checks, mt, pe, seconds, issues in rows:
        total = issues if issues is not None else sum(len(v) for v in mt.values())
        hits = sum(1 for n in mt if n in bad)
        precision = f"{hits} ({hits / len(mt):.0%})" if mt else "0"
        print(f"| {label} | {checks} | {total} | {len(mt)} | {precision} | {len(pe)} ({1000 * len(pe) / pe_words:.1f}) "
              f"| {seconds:.1f} s |")
    print()
    for label, _, mt, pe, _, _ in rows:
        fired = Counter(code for codes in mt.values() for code in codes)
        hits = Counter(code for n, codes in mt.items() if n in bad for code in codes)
        fired_pe = Counter(code for codes in pe.values() for code in codes)
        print(f"{label}: " + ", ".join(
            f"{code} {fired[code]}/{hits[code]}/{fired_pe[code]}" for code in sorted(fired | fired_pe)
        ) + "  (units flagged on MT / of them confirmed / flagged on post-edits)")


if __name__ == "__main__":
    main()
