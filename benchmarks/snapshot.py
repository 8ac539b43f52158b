"""What mtfix reports and fixes on the seed and the corpora, recorded to compare two versions.

    .venv/bin/python benchmarks/snapshot.py record before.json
    ... change mtfix ...
    .venv/bin/python benchmarks/snapshot.py record after.json
    .venv/bin/python benchmarks/snapshot.py compare before.json after.json

`record` checks (`mtfix check --format json`) and fixes (`mtfix fix --unsafe-fixes` on a copy)
the sample article, every WMT14 and WMT22 output and reference as plain text, and three WMT22
ru-en outputs as PO catalogs (msgid the Russian source, msgstr the MT); it stores each issue as
(code, line, column, flagged text, message) and each fixed file's text. `compare` prints every
issue found by one version only and every line the two versions fix differently, and exits 1
when there is any difference.
"""

from __future__ import annotations

import argparse
import difflib
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT.parent / "shared" / "corpora"
MTFIX = str(Path(sys.executable).parent / "mtfix")
PO_SYSTEMS = ("Online-B.en", "JDExploreAcademy.en", "ref.A.en")


def po_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t")


def catalog(sources: list[str], targets: list[str]) -> str:
    """A PO catalog pairing each source line (msgid) with its translation (msgstr)."""
    entries = ['msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: en\\n"\n']
    for n, (source, target) in enumerate(zip(sources, targets), 1):
        entries.append(f'msgctxt "line {n}"\nmsgid "{po_escape(source)}"\nmsgstr "{po_escape(target)}"\n')
    return "\n".join(entries)


def inputs(folder: Path) -> list[Path]:
    """Copies of every file to record, in `folder`."""
    files = [ROOT / "samples" / "lavrov-tillerson" / "mt.txt"]
    for corpus in ("wmt14-ru-en", "wmt22-ru-en", "wmt22-uk-en"):
        files += sorted((CORPORA / corpus).glob("*.en"))
    copies = []
    for path in files:
        copy = folder / f"{path.parent.name}.{path.stem}.txt"
        shutil.copyfile(path, copy)
        copies.append(copy)
    sources = (CORPORA / "wmt22-ru-en" / "source.ru").read_text(encoding="utf-8").splitlines()
    for name in PO_SYSTEMS:
        targets = (CORPORA / "wmt22-ru-en" / name).read_text(encoding="utf-8").splitlines()
        copy = folder / f"wmt22-ru-en.{Path(name).stem}.po"
        copy.write_text(catalog(sources, targets), encoding="utf-8")
        copies.append(copy)
    return copies


def record(out: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        files = inputs(Path(tmp))
        found = subprocess.run(
            [MTFIX, "check", "--format", "json", "--exit-zero", *map(str, files)],
            capture_output=True, text=True, check=True,
        )
        report = json.loads(found.stdout)
        issues = {
            Path(f["path"]).name: sorted(
                [i["code"], i["line"], i["column"], i["text"], i["message"]] for i in f["issues"]
            )
            for f in report["files"]
        }
        subprocess.run(
            [MTFIX, "fix", "--unsafe-fixes", "--exit-zero", "-q", *map(str, files)],
            capture_output=True, text=True, check=False,
        )
        fixed = {path.name: path.read_text(encoding="utf-8") for path in files}
    out.write_text(json.dumps({"issues": issues, "fixed": fixed}, ensure_ascii=False), encoding="utf-8")
    print(f"{out}: {sum(map(len, issues.values()))} issues in {len(issues)} files")


def compare(before_path: Path, after_path: Path) -> int:
    before = json.loads(before_path.read_text(encoding="utf-8"))
    after = json.loads(after_path.read_text(encoding="utf-8"))
    differences = 0
    for name in sorted(set(before["issues"]) | set(after["issues"])):
        old = {tuple(i) for i in before["issues"].get(name, [])}
        new = {tuple(i) for i in after["issues"].get(name, [])}
        for sign, issues in (("-", old - new), ("+", new - old)):
            for code, line, column, text, message in sorted(issues):
                print(f"{sign} {name}:{line}:{column}: {code} {text!r}: {message}")
                differences += 1
        old_text, new_text = before["fixed"].get(name, ""), after["fixed"].get(name, "")
        if old_text != new_text:
            for line in difflib.unified_diff(
                old_text.splitlines(), new_text.splitlines(), f"before/{name}", f"after/{name}", n=0, lineterm=""
            ):
                print(line)
            differences += 1
    print(f"{differences} differences")
    return 1 if differences else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("record").add_argument("out", type=Path)
    both = commands.add_parser("compare")
    both.add_argument("before", type=Path)
    both.add_argument("after", type=Path)
    args = parser.parse_args()
    if args.command == "record":
        record(args.out)
        return 0
    return compare(args.before, args.after)


if __name__ == "__main__":
    sys.exit(main())
