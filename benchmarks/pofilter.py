"""mtfix against translate-toolkit's `pofilter` on the same PO file.

    .venv/bin/pip install -e '.[bench]'      # translate-toolkit, for pofilter
    .venv/bin/python benchmarks/pofilter.py [--split dev] [--corpus ../shared/corpora/mlqe-pe-ru-en]
    .venv/bin/python benchmarks/pofilter.py --speed [--runs 5] [--mt Online-B.en] [--wmt14]

Accuracy (the default): the MLQE-PE ru-en pairs, detokenized, become a PO catalog (msgid: Russian source, msgstr: MT, msgctxt: the
line number); a second catalog has the human post-edits as msgstr. Both tools check both
catalogs from the command line, start-up included. A unit flagged on the MT is confirmed
when MLQE-PE tags one of its MT words BAD; flags on the post-edits are mostly false alarms.

Speed (`--speed`): the processor time of `mtfix check` as a share of pofilter's on the same PO
catalog, start-up included. By default the catalog is the WMT22 ru-en test set
(`../shared/corpora/wmt22-ru-en`, 2,016 lines): msgid is the line of `source.ru` (the real
Russian source), msgstr the same line of one system's output (`--mt`, default `Online-B.en`),
msgctxt "line N". `--wmt14` times the older WMT14 ru-en variant instead (default
`rbmt1.0.en`): WMT14 has no aligned source, so there the msgid is the human reference line
(`ref.en`). The commands timed, in the same run on the same files, are
`pofilter --language=en --progress=none -i X.po -o Y.po`, `mtfix check --exit-zero --quiet X.po`,
and, for comparison, `mtfix check --exit-zero --quiet` on the plain MT file. Each runs once to
warm caches, then `--runs` times (default 5), the three alternating; the medians of the wall
time and of the CPU time (user + system of the child process, from getrusage(RUSAGE_CHILDREN))
are printed with each command's ratio to pofilter. The figure that matters is the CPU ratio of
`mtfix check` on the PO file to pofilter, which must be at most TARGET (0.75); the last line
says whether it is met. CPU time is the measure because the machine may be busy with other
work, which moves wall time more. Both tools run with Python's byte-code cache on (in a
temporary folder, filled by the warm-up round), as an installed package has it, even where
PYTHONDONTWRITEBYTECODE is set.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "corpora" / "mlqe-pe-ru-en"
# --speed corpora: (folder, file of msgids, default MT output)
WMT22 = (ROOT.parent / "shared" / "corpora" / "wmt22-ru-en", "source.ru", "Online-B.en")
WMT14 = (ROOT.parent / "shared" / "corpora" / "wmt14-ru-en", "ref.en", "rbmt1.0.en")
TARGET = 0.75  # bound on mtfix's CPU time on the PO file as a share of pofilter's
TIMEOUT = 600  # seconds for one command
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


def timed(command: list[str], env: dict[str, str] | None = None) -> tuple[subprocess.CompletedProcess, float]:
    started = time.perf_counter()
    try:
        result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        raise SystemExit(f"{' '.join(command)}: no answer in {TIMEOUT} s") from None
    return result, time.perf_counter() - started


def cpu_timed(command: list[str], env: dict[str, str] | None = None) -> tuple[subprocess.CompletedProcess, float, float]:
    """`timed`, plus the CPU time (user + system) the command and its children used."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    result, seconds = timed(command, env)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return result, seconds, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime


def pofilter_command(path: Path, out: Path) -> list[str]:
    return [str(BIN / "pofilter"), "--language=en", "--progress=none", "-i", str(path), "-o", str(out)]


def run_pofilter(path: Path, out: Path) -> tuple[dict[int, set[str]], float]:
    result, seconds = timed(pofilter_command(path, out))
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


def speed(folder: Path, source_name: str, mt_name: str, runs: int) -> None:
    """Median wall and CPU times of pofilter and `mtfix check` on one MT output as PO, and their ratios."""
    for name in (source_name, mt_name):
        if not (folder / name).is_file():
            raise SystemExit(f"{folder / name}: no such file")
    mts = (folder / mt_name).read_text(encoding="utf-8").splitlines()
    sources = (folder / source_name).read_text(encoding="utf-8").splitlines()
    if len(mts) != len(sources):
        raise SystemExit(f"{mt_name} has {len(mts)} lines, {source_name} {len(sources)}: not aligned")
    words = sum(len(line.split()) for line in mts)
    with tempfile.TemporaryDirectory() as temp:
        temp = Path(temp)
        po, out, plain = temp / "mt.po", temp / "pofilter-out.po", temp / "mt.en"
        po.write_text(catalog(sources, mts), encoding="utf-8")
        shutil.copyfile(folder / mt_name, plain)
        commands = {
            "pofilter, PO": pofilter_command(po, out),
            "mtfix check, PO": [str(BIN / "mtfix"), "check", "--exit-zero", "--quiet", str(po)],
            "mtfix check, plain text": [str(BIN / "mtfix"), "check", "--exit-zero", "--quiet", str(plain)],
        }
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPYCACHEPREFIX"] = str(temp / "pycache")
        walls: dict[str, list[float]] = {label: [] for label in commands}
        cpus: dict[str, list[float]] = {label: [] for label in commands}
        for run in range(runs + 1):
            for label, command in commands.items():
                result, seconds, cpu = cpu_timed(command, env)
                if result.returncode not in (0, 1) or (label.startswith("mtfix") and result.returncode):
                    raise SystemExit(f"{' '.join(command)} failed: {result.stderr.strip()}")
                if run:  # the first round only warms caches
                    walls[label].append(seconds)
                    cpus[label].append(cpu)
        flagged = out.read_text(encoding="utf-8").count("# (pofilter) ")
    wall = {label: statistics.median(values) for label, values in walls.items()}
    cpu = {label: statistics.median(values) for label, values in cpus.items()}
    base, ours = "pofilter, PO", "mtfix check, PO"
    print(f"{folder.name}/{mt_name}: {len(mts)} lines, {words} words (msgid: the {source_name} line, "
          f"msgstr: the MT line); median of {runs} runs after one warm-up, start-up included; "
          f"pofilter wrote {flagged} findings")
    print()
    print("| command | wall time | ratio to pofilter | CPU time | ratio to pofilter | CPU times of the runs |")
    print("|---|---:|---:|---:|---:|---|")
    for label in commands:
        spread = ", ".join(f"{v:.2f}" for v in cpus[label])
        print(f"| {label} | {wall[label]:.2f} s | {wall[label] / wall[base]:.2f} | {cpu[label]:.2f} s "
              f"| {cpu[label] / cpu[base]:.2f} | {spread} |")
    print()
    ratio = cpu[ours] / cpu[base]
    print(f"mtfix/pofilter on the PO file: CPU {ratio:.2f}, wall {wall[ours] / wall[base]:.2f}")
    verdict = "met" if ratio <= TARGET else "not met"
    print(f"CPU-time ratio target (at most {TARGET}): {verdict}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="dev")
    parser.add_argument("--corpus", type=Path, default=DEFAULT)
    parser.add_argument("--speed", action="store_true", help="time both tools on a WMT22 MT output instead")
    parser.add_argument("--wmt14", action="store_true",
                        help="with --speed: WMT14 instead of WMT22 (msgid: the human reference, no source)")
    parser.add_argument("--mt", help="with --speed: the MT output to time "
                        "(default Online-B.en; rbmt1.0.en with --wmt14)")
    parser.add_argument("--runs", type=int, default=5, help="timed runs of each command (for --speed)")
    args = parser.parse_args()
    if not shutil.which("pofilter", path=str(BIN)):
        raise SystemExit("pofilter is missing: .venv/bin/pip install -e '.[bench]'")
    if args.speed:
        folder, source_name, default_mt = WMT14 if args.wmt14 else WMT22
        speed(folder, source_name, args.mt or default_mt, max(1, args.runs))
        return
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
