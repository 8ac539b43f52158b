"""Judged precision of mtfix's flags on WMT ru-en machine translation, and the quality of its fixes.

    .venv/bin/python benchmarks/precision.py sample   # add unjudged rows for flags not judged yet
    .venv/bin/python benchmarks/precision.py report   # precision, counts and fix quality per corpus

`sample` checks every system of `wmt22-ru-en` (as PO catalogs: msgctxt the line number, msgid
the Russian source, msgstr the MT, so the bilingual rules run too) and of `wmt14-ru-en` (plain
text; that corpus has no aligned source) with every rule (FL001 too, which runs only when
selected), and keeps for every rule code up to 30 flags per corpus: those whose key hashes
lowest with a fixed seed, so a sample changes only where the flags do. A flag's key is (corpus, system, line, code, flagged text, message hash); a flag whose
key is new, or whose message changed, gets an unjudged row in `precision/judged.tsv`. A judged
row no longer sampled stays in the file, out of the figures, until its flag returns. A row
whose fix changed loses its fix judgement. `precision/counts.tsv` holds every rule's flag count
per corpus, which weights the per-severity estimate.

A row is judged in `flag` (TRUE: a post-editor reading the source and the reference would act
on it as the message says; PARTLY: something is wrong there but not what the message says, or
the remedy is not the one offered; FALSE: nothing to change) and, where the flag carries a fix,
in `fix_judgement` (the fixed line is better / same / worse than the MT line). `report`
scores TRUE 1, PARTLY 0.5, FALSE 0.
"""

from __future__ import annotations

import argparse
import bisect
import difflib
import hashlib
import json
import re
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, fields
from pathlib import Path

from snapshot import catalog

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT.parent / "shared" / "corpora"
DATA = Path(__file__).resolve().parent / "precision"
JUDGED = DATA / "judged.tsv"
COUNTS = DATA / "counts.tsv"
MTFIX = str(Path(sys.executable).parent / "mtfix")
SEED = "mtfix-precision-1"
PER_RULE = 30
CONTEXT = 40
FLAG_SCORE = {"TRUE": 1.0, "PARTLY": 0.5, "FALSE": 0.0}
FIX_VALUES = ("better", "same", "worse")


@dataclass(frozen=True)
class Corpus:
    name: str
    reference: str
    source: str | None  # the aligned source; its systems are checked as PO catalogs

    @property
    def folder(self) -> Path:
        return CORPORA / self.name

    def systems(self) -> list[Path]:
        return sorted(p for p in self.folder.glob("*.en") if p.name != self.reference)


CORPUS_LIST = (Corpus("wmt22-ru-en", "ref.A.en", "source.ru"), Corpus("wmt14-ru-en", "ref.en", None))


@dataclass
class Row:
    corpus: str
    system: str
    line: str
    code: str
    text: str
    msg: str
    severity: str = ""
    message: str = ""
    span: str = ""
    fix_kind: str = ""
    fix: str = ""
    source: str = ""
    mt: str = ""
    reference: str = ""
    flag: str = ""
    fix_judgement: str = ""
    note: str = ""
    sampled: str = "yes"

    @property
    def key(self) -> tuple[str, ...]:
        return self.corpus, self.system, self.line, self.code, self.text, self.msg

    @property
    def rank(self) -> str:
        return hashlib.sha1("\x1f".join((SEED, *self.key)).encode()).hexdigest()


COLUMNS = [f.name for f in fields(Row)]


def escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def unescape(value: str) -> str:
    return re.sub(r"\\(.)", lambda m: {"t": "\t", "n": "\n", "r": "\r"}.get(m[1], m[1]), value)


def read_rows(path: Path = JUDGED) -> list[Row]:
    if not path.exists():
        return []
    lines = path.read_text(encoding="utf-8").splitlines()
    header = lines[0].split("\t")
    return [Row(**dict(zip(header, map(unescape, line.split("\t"))))) for line in lines[1:] if line]


def write_rows(rows: list[Row], path: Path = JUDGED) -> None:
    rows = sorted(rows, key=lambda r: (r.corpus, r.code, r.system, int(r.line), r.text, r.msg))
    body = ["\t".join(COLUMNS)] + ["\t".join(escape(getattr(r, c)) for c in COLUMNS) for r in rows]
    path.write_text("\n".join(body) + "\n", encoding="utf-8")


def po_unescape(value: str) -> str:
    return re.sub(r'\\(.)', lambda m: {"t": "\t", "n": "\n"}.get(m[1], m[1]), value)


def po_field(block: str, keyword: str) -> tuple[str, int]:
    """The unescaped value of a PO keyword in one entry, and the offset of its first string."""
    found = re.search(rf'^{keyword} ((?:"(?:[^"\\]|\\.)*"\n?)+)', block, re.MULTILINE)
    if not found:
        return "", -1
    return "".join(po_unescape(s) for s in re.findall(r'"((?:[^"\\]|\\.)*)"', found[1])), found.start(1) + 1


def changes(before: str, after: str) -> str:
    """The word-level edits from one line to another, with a word of context: `old` → `new`."""
    a, b = before.split(" "), after.split(" ")
    parts = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if tag != "equal":
            lo, hi = max(i1 - 1, 0), min(i2 + 1, len(a))
            left, right = a[lo:i1], a[i2:hi]
            parts.append(f"`{' '.join(left + a[i1:i2] + right)}` → `{' '.join(left + b[j1:j2] + right)}`")
    return "; ".join(parts)


def marked(line: str, start: int, end: int) -> str:
    """The flagged span in its line, bracketed, with some context."""
    left = line[max(start - CONTEXT, 0) : start]
    right = line[end : end + CONTEXT]
    return (
        ("…" if start > CONTEXT else "") + left + "⟦" + line[start:end] + "⟧" + right
        + ("…" if end + CONTEXT < len(line) else "")
    )


@dataclass
class Checked:
    """One system written as mtfix reads it: the file, where each corpus line's unit starts, the lines."""

    corpus: Corpus
    system: str
    path: Path
    starts: list[int]
    mts: list[str]
    sources: list[str]
    references: list[str]

    def block(self, text: str, n: int) -> tuple[int, int]:
        return self.starts[n], self.starts[n + 1] if n + 1 < len(self.starts) else len(text)

    def rows(self, issues: list[dict]) -> list[Row]:
        text = self.path.read_text(encoding="utf-8")
        out = []
        for issue in issues:
            n = bisect.bisect_right(self.starts, issue["start"]) - 1
            if n < 0:
                continue
            b0, b1 = self.block(text, n)
            block = text[b0:b1]
            start, end = issue["start"] - b0, issue["end"] - b0
            span = self.span(block, start, end, issue["text"])
            kind, fix = "", ""
            if issue.get("fix"):
                kind = issue["fix"]["applicability"]
                fixed = block
                for edit in sorted(issue["fix"]["edits"], key=lambda e: -e["start"]):
                    if b0 <= edit["start"] and edit["end"] <= b1:
                        fixed = fixed[: edit["start"] - b0] + edit["replacement"] + fixed[edit["end"] - b0 :]
                fix = self.fix(block, fixed)
            out.append(Row(
                self.corpus.name, self.system, str(n + 1), issue["code"], issue["text"],
                hashlib.sha1(issue["message"].encode()).hexdigest()[:8], issue["severity"], issue["message"],
                span, kind, fix, self.sources[n] if self.sources else "", self.mts[n], self.references[n],
            ))
        return out

    def span(self, block: str, start: int, end: int, text: str) -> str:
        if not self.corpus.source:
            line = block.rstrip("\n")
            return marked(line, start, min(end, len(line)))
        for keyword, label in (("msgstr", ""), ("msgid", "source: ")):
            value, offset = po_field(block, keyword)
            escaped_end = block.find("\n", offset)
            if offset <= start <= escaped_end:
                s = len(po_unescape(block[offset:start]))
                e = s + len(text) if end > escaped_end else len(po_unescape(block[offset:end]))
                return label + marked(value, s, e)
        return "(whole entry) " + text

    def fix(self, block: str, fixed: str) -> str:
        if self.corpus.source:
            before, after = po_field(block, "msgstr")[0], po_field(fixed, "msgstr")[0]
        else:
            before, after = block.rstrip("\n"), fixed
            if block.endswith("\n") and not fixed.endswith("\n"):
                return (changes(before, after) + "; " if before != after else "") + "line joined with the next"
            after = after.rstrip("\n")
        return changes(before, after) or "(no change)"


def prepare(corpus: Corpus, folder: Path) -> list[Checked]:
    """Each system of a corpus written to `folder` as mtfix will read it."""
    references = (corpus.folder / corpus.reference).read_text(encoding="utf-8").splitlines()
    sources = (corpus.folder / corpus.source).read_text(encoding="utf-8").splitlines() if corpus.source else []
    checked = []
    for path in corpus.systems():
        mts = path.read_text(encoding="utf-8").splitlines()
        if corpus.source:
            copy = folder / f"{corpus.name}.{path.stem}.po"
            text = catalog(sources, mts)
            starts = [m.start() for m in re.finditer(r'^msgctxt "line \d+"$', text, re.MULTILINE)]
        else:
            copy = folder / f"{corpus.name}.{path.stem}.txt"
            text = path.read_text(encoding="utf-8")
            starts = [0] + [m.end() for m in re.finditer("\n", text)][: len(mts) - 1]
        copy.write_text(text, encoding="utf-8")
        checked.append(Checked(corpus, path.stem, copy, starts, mts, sources, references))
    return checked


def check(files: list[Checked]) -> list[Row]:
    done = subprocess.run(
        [MTFIX, "check", "--format", "json", "--exit-zero", "--select", "ALL,FL", *(str(f.path) for f in files)],
        check=False, capture_output=True, text=True,
    )
    if done.returncode != 0:
        raise SystemExit(f"mtfix check failed: {done.stderr.strip()}")
    report = {Path(f["path"]).name: f for f in json.loads(done.stdout)["files"]}
    rows = []
    for f in files:
        entry = report[f.path.name]
        if entry.get("error"):
            raise SystemExit(entry["error"])
        rows += f.rows(entry["issues"])
    return rows


def flags() -> list[Row]:
    """Every flag mtfix raises on every system of both corpora (one distinct key each)."""
    with tempfile.TemporaryDirectory() as tmp:
        batches = [prepare(c, Path(tmp)) for c in CORPUS_LIST]
        with ThreadPoolExecutor() as pool:
            found = [row for rows in pool.map(check, batches) for row in rows]
    return list({row.key: row for row in found}.values())


def sample() -> None:
    found = flags()
    by_rule: dict[tuple[str, str], list[Row]] = defaultdict(list)
    for row in found:
        by_rule[row.corpus, row.code].append(row)
    chosen = {row.key: row for rows in by_rule.values() for row in sorted(rows, key=lambda r: r.rank)[:PER_RULE]}
    old = {row.key: row for row in read_rows()}
    rows, added, fix_cleared = [], 0, 0
    for key, row in chosen.items():
        before = old.pop(key, None)
        if before is None:
            added += 1
        else:
            row.flag, row.note = before.flag, before.note
            if before.fix == row.fix and before.fix_kind == row.fix_kind:
                row.fix_judgement = before.fix_judgement
            elif before.fix_judgement:
                fix_cleared += 1
        rows.append(row)
    dropped = 0
    for row in old.values():
        if row.flag:
            row.sampled = "no"
            rows.append(row)
        else:
            dropped += 1
    DATA.mkdir(exist_ok=True)
    write_rows(rows)
    counts = Counter((r.corpus, r.code, r.severity) for r in found)
    systems = defaultdict(set)
    for r in found:
        systems[r.corpus, r.code].add(r.system)
    COUNTS.write_text(
        "corpus\tcode\tseverity\tflags\tsystems (any severity)\n"
        + "".join("\t".join((*k, str(n), str(len(systems[k[:2]])))) + "\n" for k, n in sorted(counts.items())),
        encoding="utf-8",
    )
    sampled = [r for r in rows if r.sampled == "yes"]
    unjudged = sum(not r.flag for r in sampled) + sum(bool(r.fix_kind and not r.fix_judgement) for r in sampled if r.flag)
    print(f"{len(found)} flags; {len(sampled)} sampled rows, {added} new, {unjudged} needing a judgement "
          f"({fix_cleared} fix judgements cleared by a changed fix); "
          f"{sum(r.sampled == 'no' for r in rows)} judged rows out of the sample; {dropped} unjudged rows dropped")


def precision(rows: list[Row]) -> float | None:
    judged = [FLAG_SCORE[r.flag] for r in rows if r.flag]
    return sum(judged) / len(judged) if judged else None


def fmt(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}"


def fix_summary(rows: list[Row], kind: str) -> tuple[str, int, int]:
    tally = Counter(r.fix_judgement for r in rows if r.fix_kind == kind and r.fix_judgement)
    good, total = tally["better"] + tally["same"], sum(tally.values())
    return ("/".join(str(tally[v]) for v in FIX_VALUES) if total else ""), good, total


def report() -> None:
    rows = [r for r in read_rows() if r.sampled == "yes"]
    for r in rows:
        if r.flag not in ("", *FLAG_SCORE) or r.fix_judgement not in ("", *FIX_VALUES):
            raise SystemExit(f"bad judgement in row {r.key}: {r.flag!r} / {r.fix_judgement!r}")
    counts = [line.split("\t") for line in COUNTS.read_text(encoding="utf-8").splitlines()[1:]]
    for corpus in CORPUS_LIST:
        mine = [r for r in rows if r.corpus == corpus.name]
        population = {(code, sev): int(n) for c, code, sev, n, _ in counts if c == corpus.name}
        systems = {code: n for c, code, _, _, n in counts if c == corpus.name}
        strata = defaultdict(list)
        for r in mine:
            strata[r.code, r.severity].append(r)
        print(f"## {corpus.name}: {len(corpus.systems())} systems, judged against "
              f"{'the source and ' if corpus.source else ''}{corpus.reference}")
        print()
        print("| rule | severity (flags) | flags | systems | sampled | unjudged | TRUE | PARTLY | FALSE | precision "
              "| safe fixes better/same/worse | unsafe fixes better/same/worse |")
        print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---|")
        for code in sorted({c for c, _ in population} | {r.code for r in mine}):
            group = [r for r in mine if r.code == code]
            levels = sorted(((s, n) for (c, s), n in population.items() if c == code), key=lambda sn: -sn[1])
            severity = levels[0][0] if len(levels) == 1 else " / ".join(f"{s} {n}" for s, n in levels)
            verdicts = Counter(r.flag for r in group)
            print(f"| {code} | {severity} | {sum(n for _, n in levels)} | {systems[code]} | {len(group)} "
                  f"| {verdicts['']} | {verdicts['TRUE']} | {verdicts['PARTLY']} | {verdicts['FALSE']} "
                  f"| {fmt(precision(group))} | {fix_summary(group, 'safe')[0]} | {fix_summary(group, 'unsafe')[0]} |")
        print()
        print("| severity | flags | judged | unjudged | precision of the judged sample "
              "| precision weighted by each rule's flags |")
        print("|---|---:|---:|---:|---:|---:|")
        for label, levels in (("error", {"error"}), ("warning", {"warning"}), ("info", {"info"}),
                              ("error+warning", {"error", "warning"})):
            group = [r for r in mine if r.severity in levels]
            judged = [(population.get(k, 0), precision(v)) for k, v in strata.items() if k[1] in levels]
            judged = [(n, p) for n, p in judged if p is not None]
            weight = sum(n for n, _ in judged)
            estimate = sum(n * p for n, p in judged) / weight if weight else None
            done = sum(bool(r.flag) for r in group)
            print(f"| {label} | {sum(n for (_, s), n in population.items() if s in levels)} | {done} "
                  f"| {len(group) - done} | {fmt(precision(group))} | {fmt(estimate)} |")
        print()
        per_system = Counter(r.system for r in mine if r.flag and r.severity in ("error", "warning"))
        print("judged error+warning flags by system: "
              + ", ".join(f"{s} {n}" for s, n in sorted(per_system.items(), key=lambda kv: (-kv[1], kv[0]))))
        for kind in ("safe", "unsafe"):
            tally, good, total = fix_summary(mine, kind)
            share = f"{good / total:.2f}" if total else "–"
            print(f"{kind} fixes judged: {total} (better/same/worse {tally or '0/0/0'}); better or same: {share}")
        print(f"fixes not judged yet: {sum(bool(r.fix_kind and not r.fix_judgement) for r in mine)}")
        print()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=("sample", "report"))
    args = parser.parse_args()
    sample() if args.command == "sample" else report()
    return 0


if __name__ == "__main__":
    sys.exit(main())
