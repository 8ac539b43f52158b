"""Flags per 1,000 words on human English: every error or warning there is a false alarm to explain.

    .venv/bin/python benchmarks/human_rate.py [--show 3] [--select CODES] [--list]

Checks the human references `wmt14-ru-en/ref.en` and `wmt22-ru-en/ref.A.en` and the post-edits
of MLQE-PE ru-en dev (`dev.pe`, detokenized) as plain text, and, where the Russian source is at
hand, as bilingual files too (`ref.A.en` as a PO catalog, msgid the source line; `dev.pe` as a
TSV with the detokenized `dev.src`), so that the bilingual rules run. Words are `\\w+` runs of
the English. The rules are mtfix's default selection unless `--select` names others (as
`mtfix check --select` takes them; `ALL,FL` adds FL001, which runs only when selected). Prints
error+warning and all flags per 1,000 words, and the rules behind the error+warning flags with
a few of their flagged texts; `--list` prints every error+warning flag instead, each with its
English line and, where there is one, the source line, to be read one by one.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

from mlqe_mcc import detokenize
from snapshot import catalog

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT.parent / "shared" / "corpora"
MTFIX = str(Path(sys.executable).parent / "mtfix")


def lines(*parts: str) -> list[str]:
    return CORPORA.joinpath(*parts).read_text(encoding="utf-8").splitlines()


def inputs() -> list[tuple[str, str, str, list[str], list[str]]]:
    """(label, file name, file text, English lines, source lines) of every text to check."""
    wmt14, source14 = lines("wmt14-ru-en", "ref.en"), []
    wmt22, source22 = lines("wmt22-ru-en", "ref.A.en"), lines("wmt22-ru-en", "source.ru")
    pe = [detokenize(line)[0] for line in lines("mlqe-pe-ru-en", "dev", "dev.pe")]
    src = [detokenize(line)[0] for line in lines("mlqe-pe-ru-en", "dev", "dev.src")]
    return [
        ("wmt14-ru-en ref.en, plain text", "wmt14.ref.txt", "\n".join(wmt14) + "\n", wmt14, source14),
        ("wmt22-ru-en ref.A.en, plain text", "wmt22.ref.txt", "\n".join(wmt22) + "\n", wmt22, source22),
        ("wmt22-ru-en ref.A.en, PO with source", "wmt22.ref.po", catalog(source22, wmt22), wmt22, source22),
        ("MLQE-PE dev.pe, plain text", "mlqe.pe.txt", "\n".join(pe) + "\n", pe, src),
        ("MLQE-PE dev.pe, TSV with source", "mlqe.pe.tsv",
         "source\ttarget\n" + "".join(f"{s}\t{t}\n" for s, t in zip(src, pe)), pe, src),
    ]


def segment(name: str, text: str, line: int) -> int:
    """Index of the English line that file line `line` (1-based) of `text` belongs to."""
    if name.endswith(".tsv"):
        return line - 2
    if name.endswith(".po"):
        before = text.split("\n")[:line]
        context = next(row for row in reversed(before) if row.startswith('msgctxt "line '))
        return int(context[len('msgctxt "line '):-1]) - 1
    return line - 1


def listing(label: str, name: str, text: str, english: list[str], source: list[str],
            serious: list[dict]) -> None:
    """Every error+warning flag of one text, with its English line and the source line."""
    print()
    print(f"{label}: every error+warning flag")
    for issue in sorted(serious, key=lambda i: (i["code"], i["start"])):
        n = segment(name, text, issue["line"])
        print(f"  {issue['code']} {issue['severity']} line {n + 1}: {issue['text']!r} - {issue['message']}")
        print(f"    en: {english[n]}")
        if n < len(source):
            print(f"    src: {source[n]}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", type=int, default=3, help="flagged texts shown per rule")
    parser.add_argument("--select", help="rules, as `mtfix check --select` takes them")
    parser.add_argument("--list", action="store_true", help="print every error+warning flag with its lines")
    args = parser.parse_args()
    texts = inputs()
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for _, name, text, _, _ in texts:
            paths.append(Path(tmp) / name)
            paths[-1].write_text(text, encoding="utf-8")
        select = ["--select", args.select] if args.select else []
        done = subprocess.run([MTFIX, "check", "--format", "json", "--exit-zero", *select, *map(str, paths)],
                              check=False, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"mtfix check failed: {done.stderr.strip()}")
    report = {Path(f["path"]).name: f for f in json.loads(done.stdout)["files"]}
    print("| text | words | error+warning | per 1,000 words | all flags | per 1,000 words |")
    print("|---|---:|---:|---:|---:|---:|")
    details = []
    for label, name, text, english, source in texts:
        entry = report[name]
        if entry.get("error"):
            raise SystemExit(entry["error"])
        words = sum(len(re.findall(r"\w+", line)) for line in english)
        serious = [i for i in entry["issues"] if i["severity"] in ("error", "warning")]
        print(f"| {label} | {words:,} | {len(serious)} | {1000 * len(serious) / words:.3f} "
              f"| {len(entry['issues'])} | {1000 * len(entry['issues']) / words:.3f} |")
        details.append((label, serious))
        if args.list:
            listing(label, name, text, english, source, serious)
    for label, serious in details if not args.list else []:
        by_code = defaultdict(list)
        for issue in serious:
            by_code[issue["code"]].append(issue["text"])
        print()
        print(f"{label}: error+warning by rule")
        for code, found in sorted(by_code.items(), key=lambda kv: -len(kv[1])):
            examples = ", ".join(repr(t[:40]) for t, _ in Counter(found).most_common(args.show))
            print(f"  {code} {len(found)}: {examples}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
