"""The HTML report: one self-contained page a reviewer opens in a browser or prints.

Per file, the original text and the fixed text side by side with word-level change
highlights (for a bilingual file, a table of its units instead: id, source, target and
fixed text); every issue marked in place with its code, category, severity, message and
suggestion; filters by category, severity and rule; a summary with the MQM-style penalty
that links to each issue; j/k to move between issues. No network access: styles and script
are inline, fonts are the reader's own. Every piece of document text goes through Jinja's
autoescaping, never into the script.
"""

from __future__ import annotations

import difflib
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from mtfix.align import word_diff
from mtfix.document import Document
from mtfix.engine import FileResult, eligible
from mtfix.metrics import mqm
from mtfix.model import Issue
from mtfix.units import PLACEHOLDER, Kind, State, Unit
from mtfix.version import __version__

TEMPLATES = Path(__file__).parent / "templates"
_RANK = {"error": 2, "warning": 1, "info": 0}


@cache
def environment():
    """The Jinja environment, autoescaping everything, built on first use."""
    import jinja2

    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )


@dataclass
class IssueView:
    id: str
    issue: Issue
    path: str
    line: int
    column: int
    text: str
    fix: str | None

    @property
    def severity(self) -> str:
        return self.issue.severity.value


@dataclass
class Row:
    left_line: int | None
    right_line: int | None
    left: list[dict[str, Any]] = field(default_factory=list)
    right: list[dict[str, Any]] = field(default_factory=list)
    changed: bool = False
    blank: bool = False


def _line_spans(document: Document) -> list[tuple[int, int]]:
    return [(s.start, s.end) for s in (document.line_span(n) for n in range(1, len(document.line_starts) + 1))]


_MODULUS, _BASE = (1 << 61) - 1, 1_000_003


class _LineMatcher(difflib.SequenceMatcher):
    """difflib's SequenceMatcher (no junk), with a faster `find_longest_match` that gives the
    same answer. difflib pairs every line with every equal line, which is slow when lines
    repeat (the blank line after each PO entry). Here a run as long as one already seen
    (on the diagonals through the corners) is the bar: a longest run starts with a window of
    that length, so only windows of `b` with the same hash as a window of `a` are extended."""

    def __init__(self, a: list[str], b: list[str]) -> None:
        super().__init__(None, a, b, autojunk=False)
        ids: dict[str, int] = {}
        self._a = [ids.setdefault(x, len(ids)) for x in a]
        self._b = [ids.setdefault(x, len(ids)) for x in b]
        self._ha, self._hb = self._prefix(self._a), self._prefix(self._b)
        self._power = [1]
        for _ in range(max(len(a), len(b))):
            self._power.append(self._power[-1] * _BASE % _MODULUS)

    @staticmethod
    def _prefix(ids: list[int]) -> list[int]:
        hashes = [0]
        for x in ids:
            hashes.append((hashes[-1] * _BASE + x + 1) % _MODULUS)
        return hashes

    def _windows(self, hashes: list[int], lo: int, hi: int, width: int) -> list[int]:
        power = self._power[width]
        return [(hashes[i + width] - hashes[i] * power) % _MODULUS for i in range(lo, hi - width + 1)]

    def find_longest_match(self, alo=0, ahi=None, blo=0, bhi=None):
        a, b = self._a, self._b
        ahi = len(a) if ahi is None else ahi
        bhi = len(b) if bhi is None else bhi
        bar = max(_diagonal_run(a, b, alo, ahi, blo, bhi, 1), _diagonal_run(a, b, ahi - 1, alo - 1, bhi - 1, blo - 1, -1))
        width = max(bar, 1)
        if ahi - alo < width or bhi - blo < width:
            return difflib.Match(alo, blo, 0)
        starts: dict[int, list[int]] = {}
        for offset, key in enumerate(self._windows(self._hb, blo, bhi, width)):
            starts.setdefault(key, []).append(blo + offset)
        size, best_i, best_j = 0, alo, blo
        extended: dict[int, int] = {}  # diagonal -> end in `a` of the run extended on it
        for offset, key in enumerate(self._windows(self._ha, alo, ahi, width)):
            for j in starts.get(key, ()):
                i = alo + offset
                if extended.get(j - i, -1) > i:
                    continue
                first_i, first_j = i, j
                while first_i > alo and first_j > blo and a[first_i - 1] == b[first_j - 1]:
                    first_i, first_j = first_i - 1, first_j - 1
                end_i, end_j = i, j
                while end_i < ahi and end_j < bhi and a[end_i] == b[end_j]:
                    end_i, end_j = end_i + 1, end_j + 1
                extended[j - i] = max(end_i, i + 1)
                length = end_i - first_i
                if length > size or (length == size and length and (first_i, first_j) < (best_i, best_j)):
                    size, best_i, best_j = length, first_i, first_j
        return difflib.Match(best_i, best_j, size) if size else difflib.Match(alo, blo, 0)


def _diagonal_run(a: list[int], b: list[int], i: int, i_stop: int, j: int, j_stop: int, step: int) -> int:
    """The longest run of equal lines on one diagonal, walking from (i, j) by `step`."""
    longest = run = 0
    while i != i_stop and j != j_stop:
        run = run + 1 if a[i] == b[j] else 0
        longest = max(longest, run)
        i, j = i + step, j + step
    return longest


def _rows(before: Document, after: Document) -> list[tuple[int | None, int | None]]:
    """Pairs of 1-based line numbers (None where a side has no line), aligned with difflib."""
    a = [before.text[s:e] for s, e in _line_spans(before)]
    b = [after.text[s:e] for s, e in _line_spans(after)]
    rows: list[tuple[int | None, int | None]] = []
    for op, i1, i2, j1, j2 in _LineMatcher(a, b).get_opcodes():
        if op == "equal" or op == "replace":
            for k in range(max(i2 - i1, j2 - j1)):
                left = i1 + k + 1 if i1 + k < i2 else None
                right = j1 + k + 1 if j1 + k < j2 else None
                rows.append((left, right))
        elif op == "delete":
            rows.extend((i + 1, None) for i in range(i1, i2))
        else:
            rows.extend((None, j + 1) for j in range(j1, j2))
    return rows


def _changed_ranges(pieces, start: int) -> list[tuple[int, int]]:
    ranges, position = [], start
    for piece in pieces:
        if piece.changed:
            ranges.append((position, position + len(piece.text)))
        position += len(piece.text)
    return ranges


def _cell(
    text: str,
    start: int,
    end: int,
    changed: list[tuple[int, int]],
    issues: list[IssueView],
    noted: set[str],
) -> list[dict[str, Any]]:
    """The pieces of text[start:end]: runs with their change flag and covering issues, issue
    points (empty spans) and the in-place notes after each issue's last piece on this line."""
    inside = [v for v in issues if v.issue.span.start < end and v.issue.span.end > start
              or start <= v.issue.span.start == v.issue.span.end <= end]
    points = {start, end}
    for a, b in changed:
        points.update((a, b))
    for view in inside:
        points.update((max(start, view.issue.span.start), min(end, view.issue.span.end)))
    cuts = sorted(p for p in points if start <= p <= end)
    items: list[dict[str, Any]] = []

    def notes_ending_at(position: int) -> None:
        for view in inside:
            span = view.issue.span
            if span.start == span.end or view.id in noted:
                continue
            if min(span.end, end) == position and span.start >= start:
                noted.add(view.id)
                items.append({"kind": "note", "view": view})

    for k, a in enumerate(cuts):
        for view in inside:
            if view.issue.span.start == view.issue.span.end == a and view.id not in noted:
                noted.add(view.id)
                items.append({"kind": "point", "view": view})
                items.append({"kind": "note", "view": view})
        if k + 1 < len(cuts):
            b = cuts[k + 1]
            covering = [v for v in inside if v.issue.span.start < b and v.issue.span.end > a]
            severity = max((v.severity for v in covering), key=_RANK.__getitem__, default="")
            items.append(
                {
                    "kind": "text",
                    "text": text[a:b],
                    "changed": any(x <= a and b <= y for x, y in changed),
                    "ids": " ".join(v.id for v in covering),
                    "severity": severity,
                }
            )
        notes_ending_at(cuts[k + 1] if k + 1 < len(cuts) else a)
    return items


class _Near:
    """Issues near a span of text, found by bisection rather than by a pass over all of them."""

    def __init__(self, issues: list[IssueView]) -> None:
        self.issues = issues
        self.order = sorted(range(len(issues)), key=lambda n: issues[n].issue.span.start)
        self.starts = [issues[n].issue.span.start for n in self.order]
        self.longest = max((v.issue.span.end - v.issue.span.start for v in issues), default=0)

    def around(self, start: int, end: int) -> list[IssueView]:
        """In their original order, every issue that could touch text[start:end] (a superset
        of those `_cell` keeps)."""
        low = bisect_left(self.starts, start - self.longest)
        high = bisect_right(self.starts, end)
        return [self.issues[n] for n in sorted(self.order[low:high])]


def _attach_stray_notes(rows: list[Row], issues: list[IssueView], noted: set[str], side: str) -> None:
    """Notes for issues that lie between lines (on line breaks): at the end of their start line."""
    for view in issues:
        if view.id in noted:
            continue
        for row in rows:
            if (row.left_line if side == "left" else row.right_line) == view.line:
                cell = row.left if side == "left" else row.right
                cell.append({"kind": "note", "view": view})
                noted.add(view.id)
                break


@dataclass
class Segment:
    """One unit of a bilingual file as a row: its id (a PO context apart), source, the target
    as read and as fixed, each cell as `_cell` pieces, and the notes of the unit's issues."""

    index: int
    id: str
    context: str
    state: str
    source: str
    target: list[dict[str, Any]]
    fixed: list[dict[str, Any]]
    notes: list[IssueView] = field(default_factory=list)
    changed: bool = False
    missing: bool = False


def _pair_units(before: Document, after: Document) -> list[int | None]:
    """For each unit of `before`, the index of the same unit in `after`: the one at the same
    index when the ids agree, else the one with that id (when only one has it), else the one
    at the same index; None when there is none."""
    by_id: dict[str, int | None] = {}
    for n, unit in enumerate(after.units):
        by_id[unit.id] = None if unit.id in by_id else n  # an id held twice matches nothing
    pairs: list[int | None] = []
    for n, unit in enumerate(before.units):
        if n < len(after.units) and after.units[n].id == unit.id:
            pairs.append(n)
        elif unit.id and by_id.get(unit.id) is not None:
            pairs.append(by_id[unit.id])
        else:
            pairs.append(n if n < len(after.units) else None)
    return pairs


def _codes(document: Document, unit: Unit, items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The pieces with each inline-code placeholder apart, titled with the code as the file
    has it; the placeholder character stays the piece's text."""
    raw = document.file_text or ""
    codes = [raw[p.raw.start : p.raw.end] for p in unit.pieces if p.kind is Kind.CODE]
    out: list[dict[str, Any]] = []
    seen = 0
    for item in items:
        if item["kind"] != "text" or PLACEHOLDER not in item["text"]:
            out.append(item)
            continue
        for k, part in enumerate(item["text"].split(PLACEHOLDER)):
            if k:
                title = codes[seen] if seen < len(codes) else "inline code"
                seen += 1
                out.append({**item, "kind": "code", "text": PLACEHOLDER, "title": title})
            if part:
                out.append({**item, "text": part})
    return out


def _segments(left: Document, right: Document, side: str, issues: list[IssueView]) -> list[Segment]:
    """The rows of a bilingual file: one per unit of `left`, the fixed unit beside it."""
    pairs = _pair_units(left, right)
    annotated = left if side == "left" else right
    near = _Near(issues)
    noted: set[str] = set()  # marks only: the notes are listed under the text
    rows: list[Segment] = []
    row_of: dict[int, int] = {}  # index of a unit of the annotated document -> its row
    for n, (unit, match) in enumerate(zip(left.units, pairs)):
        other = right.units[match] if match is not None else None
        ls = (unit.span.start, unit.span.end)
        rs = (other.span.start, other.span.end) if other is not None else None
        left_text = left.text[ls[0] : ls[1]]
        right_text = right.text[rs[0] : rs[1]] if rs else ""
        changed = rs is not None and left_text != right_text
        pieces_left, pieces_right = word_diff(left_text, right_text) if changed else ([], [])
        target = _cell(left.text, *ls, _changed_ranges(pieces_left, ls[0]),
                       near.around(*ls) if side == "left" else [], noted)
        fixed = []
        if rs:
            fixed = _cell(right.text, *rs, _changed_ranges(pieces_right, rs[0]),
                          near.around(*rs) if side == "right" else [], noted)
        context, _, name = unit.id.rpartition("\x04")
        rows.append(Segment(
            n, name, context, "" if unit.state is State.TRANSLATED else unit.state.value, unit.source,
            _codes(left, unit, [i for i in target if i["kind"] != "note"]),
            _codes(right, other, [i for i in fixed if i["kind"] != "note"]) if other is not None else [],
            changed=changed, missing=rs is None,
        ))
        if side == "left" or match is not None:
            row_of[n if side == "left" else match] = n
    for view in issues:
        index = annotated.unit_index(view.issue.span.start)
        row = row_of.get(index if index is not None else 0)
        rows[row if row is not None else 0].notes.append(view)
    return rows


def _fixed_view(result: FileResult, unsafe: bool) -> tuple[Document, Document, str]:
    """(left, right, which side the issues sit on)."""
    if result.fixed is not None:
        return result.document, result.fixed, "right"
    from mtfix import engine

    outcome = engine.fix(result.document, result.context, unsafe=unsafe)
    return result.document, outcome.document, "left"


def _file_view(number: int, result: FileResult, unsafe: bool) -> dict[str, Any]:
    view: dict[str, Any] = {
        "id": f"f{number}", "path": result.path, "error": result.error, "rows": [], "segments": [], "issues": [],
    }
    if result.document is None:
        return view
    left, right, side = _fixed_view(result, unsafe)
    annotated = left if side == "left" else right
    bilingual = result.document.file_text is not None and bool(result.document.units)
    issues = []
    for n, issue in enumerate(result.issues):
        # a bilingual file's issues are listed at their lines in the file, as `mtfix check` has them
        line, column = (annotated.location if bilingual else annotated.position)(issue.span.start)
        fix = None
        if issue.fix:
            fix = " · ".join(e.replacement or "(delete)" for e in issue.fix.edits)
        issues.append(
            IssueView(f"f{number}-i{n}", issue, result.path, line, column,
                      annotated.text[issue.span.start : issue.span.end], fix)
        )
    view.update(
        issues=issues,
        side=side,
        words=result.document.word_count,
        applied=result.applied if result.fixed is not None else sum(
            1 for i in result.issues if eligible(i, unsafe)),
    )
    if bilingual:
        view["segments"] = _segments(left, right, side, issues)
        return view
    left_lines, right_lines = _line_spans(left), _line_spans(right)
    near = _Near(issues)
    rows: list[Row] = []
    noted: set[str] = set()
    for a, b in _rows(left, right):
        row = Row(a, b)
        ls = left_lines[a - 1] if a else None
        rs = right_lines[b - 1] if b else None
        left_text = left.text[ls[0] : ls[1]] if ls else ""
        right_text = right.text[rs[0] : rs[1]] if rs else ""
        row.changed = left_text != right_text
        row.blank = not left_text.strip() and not right_text.strip() and not row.changed
        pieces_left, pieces_right = word_diff(left_text, right_text) if row.changed else ([], [])
        if ls:
            changed = _changed_ranges(pieces_left, ls[0]) if a and b else [ls]
            row.left = _cell(left.text, ls[0], ls[1], changed, near.around(*ls) if side == "left" else [], noted)
        if rs:
            changed = _changed_ranges(pieces_right, rs[0]) if a and b else [rs]
            row.right = _cell(right.text, rs[0], rs[1], changed, near.around(*rs) if side == "right" else [], noted)
        rows.append(row)
    _attach_stray_notes(rows, issues, noted, side)
    view["rows"] = rows
    return view


def render(
    results: list[FileResult],
    unsafe: bool = False,
    weights: dict[str, float] | None = None,
    title: str = "mtfix report",
) -> str:
    """The whole report as one HTML string."""
    files = [_file_view(n, r, unsafe) for n, r in enumerate(results)]
    issues = [v for f in files for v in f["issues"]]
    words = sum(f.get("words", 0) for f in files)
    score = mqm((v.issue for v in issues), words, weights)
    categories = Counter(v.issue.category for v in issues)
    severities = Counter(v.severity for v in issues)
    rules = Counter((v.issue.code, v.issue.name) for v in issues)
    by_category = [
        {
            "category": name,
            "count": count,
            "penalty": score.by_category.get(name, 0.0),
            "first": next(v.id for v in issues if v.issue.category == name),
        }
        for name, count in sorted(categories.items(), key=lambda kv: (-kv[1], kv[0]))
    ]
    return environment().get_template("report.html.j2").render(
        title=title,
        version=__version__,
        files=files,
        issues=issues,
        words=words,
        score=score,
        by_category=by_category,
        severities=[(s, severities[s]) for s in ("error", "warning", "info") if severities[s]],
        rules=sorted(rules.items()),
        categories=sorted(categories),
    )
