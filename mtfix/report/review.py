"""What a review of a run holds: its files; one row per segment (a unit of a bilingual file, a
line of any other) with its source, target and fixed text; and its issues, each on its row.

The HTML review page, the CSV and the XLSX exports are all drawn from this one model, so they
agree on every row, id and text.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from mtfix.document import Document
from mtfix.engine import FileResult, eligible
from mtfix.metrics import MQMScore, edit_rates, mqm
from mtfix.model import Issue
from mtfix.report.lines import line_spans, pair_lines
from mtfix.suppress import fingerprint
from mtfix.units import Kind, State


@dataclass
class Row:
    """One segment: its target as read and as fixed (None where the fixed text has no such
    unit), the inline codes its placeholders stand for, and the indexes of its issues."""

    file: int
    id: str
    target: str
    fixed: str | None
    source: str | None = None
    context: str = ""
    state: str = ""
    codes: list[str] = field(default_factory=list)
    issues: list[int] = field(default_factory=list)
    ter: float | None = None

    @property
    def changed(self) -> bool:
        return self.fixed is not None and self.fixed != self.target


@dataclass
class Flag:
    """An issue as the review shows it: on which row, where in the file, and where in the
    row's target (`on` "target") or fixed text (`on` "fixed"), offsets into that text."""

    issue: Issue
    file: int
    row: int | None
    line: int
    column: int
    on: str
    start: int
    end: int
    text: str
    suggestion: str
    fingerprint: str


@dataclass
class FileView:
    path: str
    error: str | None = None
    words: int = 0
    bilingual: bool = False
    side: str = "left"  # where the issues are: on the text as read, or on the fixed text
    applied: int = 0
    score: MQMScore | None = None
    issues: int = 0


@dataclass
class Review:
    files: list[FileView]
    rows: list[Row]
    flags: list[Flag]
    score: MQMScore

    @property
    def words(self) -> int:
        return sum(f.words for f in self.files)


def build(results: list[FileResult], unsafe: bool = False, weights: dict[str, float] | None = None) -> Review:
    """The review of a run: for `check` and `report` the fixed text applies the safe fixes
    (the unsafe ones too with `unsafe`); for `fix` it is what `fix` wrote."""
    files: list[FileView] = []
    rows: list[Row] = []
    flags: list[Flag] = []
    for number, result in enumerate(results):
        view = FileView(result.path, result.error)
        files.append(view)
        if result.document is None:
            continue
        left, right, side = fixed_view(result, unsafe)
        annotated = left if side == "left" else right
        bilingual = result.document.file_text is not None and bool(result.document.units)
        view.words, view.bilingual, view.side, view.issues = result.document.word_count, bilingual, side, len(result.issues)
        view.applied = result.applied if result.fixed is not None else sum(1 for i in result.issues if eligible(i, unsafe))
        view.score = mqm(result.issues, view.words, weights)
        first = len(rows)
        placed = (_units if bilingual else _lines)(number, left, right, side, rows)
        for issue in result.issues:
            row, on_start, on_end = placed(issue)
            line, column = (annotated.location if bilingual else annotated.position)(issue.span.start)
            flag = Flag(
                issue, number, row, line, column, "target" if side == "left" else "fixed", on_start, on_end,
                annotated.text[issue.span.start : issue.span.end], suggestion(issue), fingerprint(issue, annotated),
            )
            if row is not None:
                rows[row].issues.append(len(flags))
            flags.append(flag)
        rows[first:] = [r for r in rows[first:] if r.target.strip() or (r.fixed or "").strip() or r.issues]
        _renumber(rows, flags, first)
    changed = [r for r in rows if r.changed]
    for row, rate in zip(changed, edit_rates([r.target for r in changed], [r.fixed for r in changed])):
        row.ter = rate
    return Review(files, rows, flags, mqm((f.issue for f in flags), sum(f.words for f in files), weights))


def fixed_view(result: FileResult, unsafe: bool) -> tuple[Document, Document, str]:
    """(the text as read, the fixed text, which of the two the issues are on)."""
    if result.fixed is not None:
        return result.document, result.fixed, "right"
    from mtfix import engine

    outcome = engine.fix(result.document, result.context, unsafe=unsafe)
    return result.document, outcome.document, "left"


def suggestion(issue: Issue) -> str:
    """The issue's suggestions, else what its fix writes."""
    if issue.suggestions:
        return " / ".join(issue.suggestions)
    if issue.fix is not None:
        return " · ".join(e.replacement or "(delete)" for e in issue.fix.edits)
    return ""


def _lines(number: int, left: Document, right: Document, side: str, rows: list[Row]):
    """Rows for a plain-text, Markdown or HTML file: its lines beside the fixed text's; and a
    function placing an issue on its row."""
    left_spans, right_spans = line_spans(left), line_spans(right)
    annotated, spans = (left, left_spans) if side == "left" else (right, right_spans)
    row_of: dict[int, int] = {}
    for a, b in pair_lines(left, right):
        target = left.text[slice(*left_spans[a - 1])] if a else ""
        fixed = right.text[slice(*right_spans[b - 1])] if b else ""
        line = a if side == "left" else b
        if line:
            row_of[line] = len(rows)
        rows.append(Row(number, str(a or b), target, fixed))

    def place(issue: Issue) -> tuple[int | None, int, int]:
        line, _ = annotated.position(issue.span.start)
        start, end = spans[line - 1]
        return row_of.get(line), _clip(issue.span.start, start, end), _clip(issue.span.end, start, end)

    return place


def _units(number: int, left: Document, right: Document, side: str, rows: list[Row]):
    """Rows for a bilingual file: one per unit, the fixed unit beside it; and a function
    placing an issue on its unit's row."""
    pairs = _pair_units(left, right)
    annotated = left if side == "left" else right
    row_of: dict[int, int] = {}
    raw = left.file_text or ""
    for n, (unit, match) in enumerate(zip(left.units, pairs)):
        other = right.units[match] if match is not None else None
        context, _, name = unit.id.rpartition("\x04")
        row_of[n if side == "left" else match] = len(rows)
        rows.append(Row(
            number, name, left.text[unit.span.start : unit.span.end],
            right.text[other.span.start : other.span.end] if other is not None else None,
            source=unit.source, context=context,
            state="" if unit.state is State.TRANSLATED else unit.state.value,
            codes=[raw[p.raw.start : p.raw.end] for p in unit.pieces if p.kind is Kind.CODE],
        ))

    def place(issue: Issue) -> tuple[int | None, int, int]:
        index = annotated.unit_index(issue.span.start)
        row = row_of.get(index if index is not None else -1)
        if index is None or row is None:
            return None, 0, 0
        span = annotated.units[index].span
        return row, _clip(issue.span.start, span.start, span.end), _clip(issue.span.end, span.start, span.end)

    return place


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


def _clip(offset: int, start: int, end: int) -> int:
    return min(max(offset, start), end) - start


def _renumber(rows: list[Row], flags: list[Flag], first: int) -> None:
    """After rows from `first` on were dropped or kept, point their issues at their new index."""
    for index in range(first, len(rows)):
        for flag in rows[index].issues:
            flags[flag].row = index
