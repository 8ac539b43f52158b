"""Word-level agreement of mtfix's flags with the BAD tags of MLQE-PE ru-en: MCC and F1-BAD.

    .venv/bin/python benchmarks/mlqe_mcc.py [--split dev] [--select ALL,FL]

The MT (`.mt`, Moses-tokenized) is detokenized line by line, keeping where each token lands,
and checked with its detokenized source (`.src`) as one TSV document, so the bilingual rules run
too; by default every rule runs, FL001 among them (it runs only when selected). A token is
flagged when an issue's span overlaps it; word i's gold tag is tag 2i+1 of `.tags` (gap tags
interleave: 2n+1 tags for n words). For the tokens flagged by all issues, by error and warning
issues, and by each rule family's issues, it prints precision and recall of BAD, F1-BAD and the
Matthews correlation coefficient (MCC) over every MT word; flagging every word gives the scale
of F1-BAD (its MCC is 0).
"""

from __future__ import annotations

import argparse
import bisect
import json
import math
import re
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpora" / "mlqe-pe-ru-en"
MTFIX = str(Path(sys.executable).parent / "mtfix")
ATTACH_LEFT = {",", ".", "!", "?", ":", ";", "%", ")", "]", "}", "...", "/", "n't", "»", "”"}
ATTACH_RIGHT = {"(", "[", "{", "$", "/", "«", "„", "“", "‘"}
TOGGLES = {'"', "'", "’"}
CONTRACTION = re.compile(r"^['’](s|t|m|d|ll|re|ve)$", re.IGNORECASE)


def detokenize(line: str) -> tuple[str, list[tuple[int, int]]]:
    """Moses-tokenized English (or Russian) back to running text, and each token's span in it."""
    text, spans, opened, glue = "", [], set(), False
    tokens = line.split()
    for n, token in enumerate(tokens):
        if token == ":" and 0 < n < len(tokens) - 1 and tokens[n - 1].isdigit() and tokens[n + 1].isdigit():
            left = right = True  # a time, 11 : 07
        elif token in TOGGLES and not CONTRACTION.match(token):
            left = token in opened
            right = not left
            opened ^= {token}
        else:
            left = token in ATTACH_LEFT or bool(CONTRACTION.match(token))
            right = token in ATTACH_RIGHT
        if text and not left and not glue:
            text += " "
        spans.append((len(text), len(text) + len(token)))
        text += token
        glue = right
    return text, spans


def read(split: str, ext: str) -> list[str]:
    return (CORPUS / split / f"{split}.{ext}").read_text(encoding="utf-8").splitlines()


def check_rows(sources: list[str], targets: list[str], select: str) -> list[list[dict]]:
    """mtfix's issues on each target, checked as (source, target) TSV rows; offsets into the target."""
    header = "source\ttarget\n"
    starts, position = [], len(header)
    for source, target in zip(sources, targets):
        starts.append(position + len(source) + 1)
        position += len(source) + len(target) + 2
    text = header + "".join(f"{s}\t{t}\n" for s, t in zip(sources, targets))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "mlqe.tsv"
        path.write_text(text, encoding="utf-8")
        done = subprocess.run([MTFIX, "check", "--format", "json", "--exit-zero", "--select", select, str(path)],
                              check=False, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"mtfix check failed: {done.stderr.strip()}")
    report = json.loads(done.stdout)
    per_row: list[list[dict]] = [[] for _ in targets]
    for issue in report["files"][0]["issues"]:
        row = max(bisect.bisect_right(starts, issue["start"]) - 1, 0)
        per_row[row].append(dict(issue, start=issue["start"] - starts[row], end=issue["end"] - starts[row]))
    return per_row


def scores(predicted: list[bool], gold: list[bool]) -> dict[str, float]:
    tp = sum(p and g for p, g in zip(predicted, gold))
    fp = sum(p and not g for p, g in zip(predicted, gold))
    fn = sum(g and not p for p, g in zip(predicted, gold))
    tn = len(gold) - tp - fp - fn
    denominator = math.sqrt((tp + fp) * (tp + fn) * (tn + fp) * (tn + fn))
    return {
        "flagged": tp + fp,
        "precision": tp / (tp + fp) if tp + fp else 0.0,
        "recall": tp / (tp + fn) if tp + fn else 0.0,
        "f1": 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 0.0,
        "mcc": (tp * tn - fp * fn) / denominator if denominator else 0.0,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="dev")
    parser.add_argument("--select", default="ALL,FL", help="rules, as `mtfix check --select` takes them")
    args = parser.parse_args()
    mt, src, tags = read(args.split, "mt"), read(args.split, "src"), read(args.split, "tags")
    lines = [detokenize(line) for line in mt]
    gold: list[bool] = []
    for (text, spans), line_tags in zip(lines, tags):
        word_tags = line_tags.split()[1::2]
        if len(word_tags) != len(spans):
            raise SystemExit(f"{len(spans)} tokens but {len(word_tags)} word tags: {text}")
        gold += [t == "BAD" for t in word_tags]
    issues = check_rows([detokenize(s)[0] for s in src], [text for text, _ in lines], args.select)

    groups: dict[str, list[tuple[int, dict]]] = defaultdict(list)
    for n, row in enumerate(issues):
        for issue in row:
            groups["all issues"].append((n, issue))
            if issue["severity"] in ("error", "warning"):
                groups["error+warning"].append((n, issue))
            groups[f"{issue['code'][:2]} family"].append((n, issue))
    offsets = [0]
    for _, spans in lines:
        offsets.append(offsets[-1] + len(spans))

    def flagged(selected: list[tuple[int, dict]]) -> list[bool]:
        marks = [False] * len(gold)
        for n, issue in selected:
            for i, (start, end) in enumerate(lines[n][1]):
                if start < max(issue["end"], issue["start"] + 1) and issue["start"] < end:
                    marks[offsets[n] + i] = True
        return marks

    bad = sum(gold)
    print(f"MLQE-PE ru-en {args.split}: {len(mt)} segments, {len(gold)} MT words, {bad} BAD "
          f"({bad / len(gold):.1%}); mtfix issues: {len(groups['all issues'])}")
    print()
    print("| flags from | issues | words flagged | BAD precision | BAD recall | F1-BAD | MCC |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    order = ["all issues", "error+warning"] + sorted(k for k in groups if k.endswith("family"))
    for name in order:
        s = scores(flagged(groups[name]), gold)
        print(f"| {name} | {len(groups[name])} | {s['flagged']} | {s['precision']:.3f} | {s['recall']:.3f} "
              f"| {s['f1']:.3f} | {s['mcc']:.3f} |")
    s = scores([True] * len(gold), gold)
    print(f"| every word | – | {s['flagged']} | {s['precision']:.3f} | {s['recall']:.3f} | {s['f1']:.3f} "
          f"| {s['mcc']:.3f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
