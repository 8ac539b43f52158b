#!/usr/bin/env python3
"""Time and peak memory of `mtfix check` on the inputs that grow work without bound when a
rule or a reader is not linear: one very long line, a big PO catalog, XML with thousands of
unclosed comments, lone-CR line endings, a big folder and one big file.

usage: benchmarks/robustness.py [--only CASE ...] [--scale F] [--keep DIR]

    line    1 MB and 10 MB of MT on one line against the same text with its newlines
            (net seconds per MB; target: within 1.3x), then 50 MB on one line
    po      3,000 and 30,000 PO units (net seconds per 1,000 units; target: within 1.3x)
    xml     XLIFF with 20,000 and 200,000 unclosed `<!--` (a clear error, in linear time)
    cr      the sample article with lone-CR line endings against LF (same issues, time ratio)
    folder  a 200 MB folder of text files (target: peak memory at most 400 MB)
    file    one 64 MB file (target: peak memory at most 1.5 GB)

Each figure is one run of the real command in a subprocess; its peak memory is the resident
set of that process, read from `wait4`. "Net" time subtracts the time of the same command on
the first kilobyte of the same text, which pays the start-up and the data the rules load.
The text is the 2014 MT outputs of `../shared/corpora/wmt14-ru-en` (the bilingual PO units
pair `wmt22-ru-en`'s source with its systems). `--scale 0.1` makes every input ten times
smaller, for a quick look; the targets hold at scale 1.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT.parent / "shared" / "corpora"
MTFIX = shutil.which("mtfix", path=str(Path(sys.executable).parent)) or "mtfix"
MB = 1 << 20
CASES = ("line", "po", "xml", "cr", "folder", "file")


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_mb: float
    code: int
    issues: int | None
    error: str


def run(*args: str | Path) -> Run:
    """One `mtfix check --format json …` in a subprocess, with its wall time and peak memory."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        process = subprocess.Popen([MTFIX, "check", "--format", "json", *map(str, args)], stdout=out, stderr=err)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        try:
            report = json.loads(out.read() or b"null")
            issues = sum(len(f["issues"]) for f in report["files"]) if report else None
        except (ValueError, KeyError, TypeError):
            issues = None
        message = err.read().decode(errors="replace").strip().splitlines()
    return Run(seconds, usage.ru_maxrss / 1024, process.returncode, issues, message[-1] if message else "")


def mt_text(size: int) -> str:
    """`size` characters of 2014 MT, whole lines, repeated as needed."""
    outputs = sorted(p for p in (CORPORA / "wmt14-ru-en").glob("*.en") if p.name != "ref.en")
    text = "".join(p.read_text(encoding="utf-8") for p in outputs)
    text = (text * (size // len(text) + 1))[:size]
    return text[: text.rfind("\n") + 1]


def baseline(path: Path) -> Run:
    """The quickest of three runs on `path`: the fixed cost that "net" figures subtract."""
    return min((run(path) for _ in range(3)), key=lambda done: done.seconds)


def net_per(work: Run, base: Run, amount: float) -> float:
    return max(work.seconds - base.seconds, 0.0) / amount


def show(label: str, done: Run, extra: str = "") -> None:
    issues = "" if done.issues is None else f", {done.issues} issues"
    error = f"  [{done.error}]" if done.code == 2 else ""
    print(f"  {label:<34} {done.seconds:7.1f} s {done.peak_mb:7.0f} MB  exit {done.code}{issues}{extra}{error}", flush=True)


def case_line(folder: Path, scale: float) -> None:
    print("one long line against the same text with newlines (net s/MB)")
    ratios = []
    for megabytes in (1, 10):
        size = int(megabytes * MB * scale)
        text = mt_text(size)
        lines, line = folder / f"lines-{megabytes}.txt", folder / f"line-{megabytes}.txt"
        lines.write_text(text, encoding="utf-8")
        line.write_text(text.replace("\n", " ").rstrip() + "\n", encoding="utf-8")
        small = folder / "first-kb.txt"
        small.write_text(text[: text.find("\n", 1024) + 1], encoding="utf-8")
        base = baseline(small)
        with_newlines, one_line = run(lines), run(line)
        amount = size / MB
        a, b = net_per(with_newlines, base, amount), net_per(one_line, base, amount)
        ratios.append(b / a if a else float("inf"))
        show(f"{amount:g} MB with newlines", with_newlines, f", net {a:.2f} s/MB")
        show(f"{amount:g} MB on one line", one_line, f", net {b:.2f} s/MB, {ratios[-1]:.2f}x")
    print(f"  worst ratio {max(ratios):.2f}x (target: at most 1.30x)")
    size = int(50 * MB * scale)
    huge = folder / "line-50.txt"
    huge.write_text(mt_text(size).replace("\n", " ").rstrip() + "\n", encoding="utf-8")
    show(f"{size / MB:g} MB on one line", run(huge))


def po_catalog(units: int) -> str:
    source = (CORPORA / "wmt22-ru-en" / "source.ru").read_text(encoding="utf-8").splitlines()
    systems = sorted(p for p in (CORPORA / "wmt22-ru-en").glob("*.en") if p.name != "ref.A.en")
    parts = ['msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: en\\n"\n']
    for n in range(units):
        system = systems[n // len(source) % len(systems)].read_text(encoding="utf-8").splitlines()
        i = n % len(source)
        escape = lambda s: s.replace("\\", "\\\\").replace('"', '\\"')  # noqa: E731
        parts.append(f'\nmsgctxt "{n}"\nmsgid "{escape(source[i])}"\nmsgstr "{escape(system[i])}"\n')
    return "".join(parts)


def case_po(folder: Path, scale: float) -> None:
    print("PO catalogs (net s per 1,000 units)")
    small = folder / "units-10.po"
    small.write_text(po_catalog(10), encoding="utf-8")
    base = baseline(small)
    per = []
    for units in (int(3000 * scale), int(30000 * scale)):
        path = folder / f"units-{units}.po"
        path.write_text(po_catalog(units), encoding="utf-8")
        done = run(path)
        per.append(net_per(done, base, units / 1000))
        show(f"{units:,} units", done, f", net {per[-1]:.2f} s per 1,000")
    print(f"  ratio {per[1] / per[0]:.2f}x (target: at most 1.30x)")


def case_xml(folder: Path, scale: float) -> None:
    print("XLIFF with unclosed comments (a clear error expected)")
    for count in (int(20000 * scale), int(200000 * scale)):
        path = folder / f"comments-{count}.xlf"
        path.write_text('<?xml version="1.0"?>\n<xliff version="1.2">' + "<!--" * count + "\n", encoding="utf-8")
        show(f"{count:,} comments ({path.stat().st_size // 1024} KB)", run(path))


def case_cr(folder: Path, scale: float) -> None:
    print("lone-CR line endings against LF (the same issues expected)")
    article = (ROOT / "samples" / "lavrov-tillerson" / "mt.txt").read_text(encoding="utf-8")
    article = article * max(1, int(20 * scale))
    lf, cr = folder / "article-lf.txt", folder / "article-cr.txt"
    lf.write_bytes(article.replace("\r\n", "\n").encode())
    cr.write_bytes(article.replace("\r\n", "\n").replace("\n", "\r").encode())
    a, b = run(lf), run(cr)
    show("LF", a)
    show("CR", b, f", {b.seconds / a.seconds:.2f}x the time")
    print(f"  issues {'the same' if a.issues == b.issues else f'differ: {a.issues} against {b.issues}'}")


def case_folder(folder: Path, scale: float) -> None:
    print("a big folder (target: peak at most 400 MB)")
    size, each = int(200 * MB * scale), 512 * 1024
    text = mt_text(each)
    tree = folder / "tree"
    for n in range(max(1, size // len(text.encode()))):
        (tree / f"{n // 100:02d}").mkdir(parents=True, exist_ok=True)
        (tree / f"{n // 100:02d}" / f"{n:04d}.txt").write_text(text, encoding="utf-8")
    total = sum(p.stat().st_size for p in tree.rglob("*.txt"))
    show(f"{total / MB:.0f} MB in {len(list(tree.rglob('*.txt')))} files", run(tree))


def case_file(folder: Path, scale: float) -> None:
    print("one big file (target: peak at most 1.5 GB)")
    path = folder / "big.txt"
    data = mt_text(int(64 * MB * scale)).encode("utf-8")[: int(64 * MB * scale)]
    path.write_bytes(data[: data.rfind(b"\n") + 1])  # whole lines, within the default max-file-size
    show(f"{path.stat().st_size / MB:.0f} MB", run(path))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", nargs="+", choices=CASES, default=list(CASES))
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--keep", type=Path, help="write the inputs here and keep them")
    options = parser.parse_args()
    folder = options.keep or Path(tempfile.mkdtemp(prefix="mtfix-robustness-"))
    folder.mkdir(parents=True, exist_ok=True)
    try:
        run(ROOT / "samples" / "lavrov-tillerson" / "mt.txt")  # builds what the cache lacks
        for name in options.only:
            globals()[f"case_{name}"](folder, options.scale)
    finally:
        if options.keep is None:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
