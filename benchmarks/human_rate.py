"""Flags per 1,000 words on human English: every error or warning there is a false alarm to explain.

    .venv/bin/python benchmarks/human_rate.py [--show 3] [--select CODES]

Checks the human references `wmt14-ru-en/ref.en` and `wmt22-ru-en/ref.A.en` and the post-edits
of MLQE-PE ru-en dev (`dev.pe`, detokenized) as plain text, and, where the Russian source is at
hand, as bilingual files too (`ref.A.en` as a PO catalog, msgid the source line; `dev.pe` as a
TSV with the detokenized `dev.src`), so that the bilingual rules run. Words are `\\w+` runs of
the English. The rules are mtfix's default selection unless `--select` names others (as
`mtfix check --select` takes them; `ALL,FL` adds FL001, which runs only when selected). Prints
error+warning and all flags per 1,000 words, and the rules behind the error+warning flags with
a few of their flagged texts.
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


def inputs() -> list[tuple[str, str, str, list[str]]]:
    """(label, file name, file text, English lines) of every text to check."""
    wmt14 = lines("wmt14-ru-en", "ref.en")
    wmt22, source22 = lines("wmt22-ru-en", "ref.A.en"), lines("wmt22-ru-en", "source.ru")
    pe = [detokenize(line)[0] for line in lines("mlqe-pe-ru-en", "dev", "dev.pe")]
    src = [detokenize(line)[0] for line in lines("mlqe-pe-ru-en", "dev", "dev.src")]
    return [
        ("wmt14-ru-en ref.en, plain text", "wmt14.ref.txt", "\n".join(wmt14) + "\n", wmt14),
        ("wmt22-ru-en ref.A.en, plain text", "wmt22.ref.txt", "\n".join(wmt22) + "\n", wmt22),
        ("wmt22-ru-en ref.A.en, PO with source", "wmt22.ref.po", catalog(source22, wmt22), wmt22),
        ("MLQE-PE dev.pe, plain text", "mlqe.pe.txt", "\n".join(pe) + "\n", pe),
        ("MLQE-PE dev.pe, TSV with source", "mlqe.pe.tsv",
         "source\ttarget\n" + "".join(f"{s}\t{t}\n" for s, t in zip(src, pe)), pe),
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", type=int, default=3, help="flagged texts shown per rule")
    parser.add_argument("--select", help="rules, as `mtfix check --select` takes them")
    args = parser.parse_args()
    texts = inputs()
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for _, name, text, _ in texts:
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
    for label, name, _, english in texts:
        entry = report[name]
        if entry.get("error"):
            raise SystemExit(entry["error"])
        words = sum(len(re.findall(r"\w+", line)) for line in english)
        serious = [i for i in entry["issues"] if i["severity"] in ("error", "warning")]
        print(f"| {label} | {words:,} | {len(serious)} | {1000 * len(serious) / words:.3f} "
              f"| {len(entry['issues'])} | {1000 * len(entry['issues']) / words:.3f} |")
        details.append((label, serious))
    for label, serious in details:
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
