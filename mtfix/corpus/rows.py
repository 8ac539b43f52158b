"""Checking rows with the library API (`mtfix.api.check_units`, `fix_units`).

Each row is a document of its own; rows that share a `--doc-col` document and follow one
another are one document, so the rules that compare units (CN001, TM002, BL008, BL009) see
the document's rows and no others. Offsets are code points into the row's target as read.
A document on which mtfix itself fails is checked again row by row, and a row that still
fails gets one `internal-error` issue; the other rows go on.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from itertools import groupby

from mtfix import api
from mtfix.context import Context
from mtfix.corpus.readers.base import Row
from mtfix.engine import eligible
from mtfix.formats.base import SEPARATOR
from mtfix.model import Severity
from mtfix.units import PLACEHOLDER

INTERNAL_ERROR = "internal-error"


@dataclass
class Checked:
    """A row with its issues (dicts in the shape of the Parquet parts) and, for `fix`, its
    fixed target."""

    row: Row
    issues: list[dict] = field(default_factory=list)
    fixed: str | None = None


def check(rows: Iterable[Row], context: Context, fix: bool = False, unsafe: bool = False) -> Iterator[Checked]:
    """Each row checked (and fixed when asked), in order."""
    for document in documents(rows):
        try:
            yield from _document(document, context, fix, unsafe)
        except Exception as err:  # a failure of mtfix itself: on that row alone
            if len(document) == 1:
                yield _failed(document[0], err, fix)
            else:
                yield from check(_alone(document), context, fix, unsafe)


def documents(rows: Iterable[Row]) -> Iterator[list[Row]]:
    """Runs of rows that are one document: those of one `doc` that follow one another; a
    row without a document is one alone."""
    for doc, run in groupby(rows, key=lambda row: row.doc):
        if doc is None:
            yield from ([row] for row in run)
        else:
            yield list(run)


def _alone(document: list[Row]) -> Iterator[Row]:
    """The rows of a document that failed, each a document of its own."""
    return (replace(row, doc=None) for row in document)


def _document(rows: list[Row], context: Context, fix: bool, unsafe: bool) -> list[Checked]:
    checked = [Checked(row, fixed=row.target if fix else None) for row in rows]
    shown = [c for c in checked if _shown(c.row.target)]
    if not shown:
        return checked
    pairs = [(c.row.source, c.row.target) for c in shown]
    starts, position = [], 0
    for c in shown:
        starts.append(position)
        position += len(c.row.target.strip()) + len(SEPARATOR)
    fixable = False
    for finding in api.check_units(pairs, context):
        index = int(finding.unit) - 1
        target = shown[index].row.target
        shift = len(target) - len(target.lstrip()) - starts[index]
        shown[index].issues.append(_issue(finding, shift, target))
        fixable = fixable or eligible(finding.issue, unsafe)
    if fix and fixable:
        for c, fixed in zip(shown, api.fix_units(pairs, context, unsafe=unsafe)):
            c.fixed = fixed
    return checked


def _shown(target: str) -> bool:
    """Whether the target is a unit the engine checks: more than white space and codes."""
    return bool(target.strip().strip(PLACEHOLDER + " \t\r\n"))


def _issue(finding: api.Finding, shift: int, target: str) -> dict:
    issue = finding.issue
    start, end = issue.span.start + shift, issue.span.end + shift
    if target[start:end] != finding.text:
        raise RuntimeError(f"{issue.code} at {start}..{end} does not lie on its text {finding.text!r}")
    fix = None
    if issue.fix is not None:
        edits = [
            {"start": e.span.start + shift, "end": e.span.end + shift, "replacement": e.replacement} for e in issue.fix.edits
        ]
        fix = {"applicability": issue.fix.applicability.value, "edits": edits}
    return {
        "code": issue.code,
        "severity": issue.severity.value,
        "start": start,
        "end": end,
        "message": issue.message,
        "text": finding.text,
        "fix": fix,
    }


def _failed(row: Row, err: Exception, fix: bool) -> Checked:
    reason = " ".join(str(err).split())
    issue = {
        "code": INTERNAL_ERROR,
        "severity": Severity.ERROR.value,
        "start": 0,
        "end": len(row.target),
        "message": f"mtfix failed on this row ({type(err).__name__}: {reason})",
        "text": "",
        "fix": None,
    }
    return Checked(row, [issue], row.target if fix else None)
