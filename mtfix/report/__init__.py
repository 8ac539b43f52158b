"""Reporters: each renders a list of FileResult as a string and decides nothing else."""

from __future__ import annotations

from typing import Any, NamedTuple

from mtfix import writeback
from mtfix.document import Document
from mtfix.engine import FileResult
from mtfix.model import Edit, Issue
from mtfix.report.tally import Tally

FORMATS = ("text", "json", "jsonl", "sarif", "github", "gitlab", "rdjson", "junit", "html")


class Where(NamedTuple):
    """Where an issue is in its file: offsets, 1-based lines and columns, the unit's id (None
    where the file has no units) and the flagged text as the unit shows it."""

    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int
    unit: str | None
    text: str


def where(document: Document, issue: Issue) -> Where:
    span = issue.span
    unit = document.unit_at(span.start)
    start = document.file_offset(span.start)
    end = document.file_offset(span.end, end=True) if span.end > span.start else start
    return Where(
        start,
        end,
        *document.file_position(start),
        *document.file_position(end),
        unit.id if unit is not None else None,
        document.text[span.start : span.end],
    )


def file_edits(document: Document, issue: Issue) -> list[Edit]:
    """The edits of the file that make the issue's fix."""
    if issue.fix is None:
        return []
    return writeback.file_edits(document, issue.fix) or []


def unit_label(unit: str | None, limit: int = 40) -> str:
    """A unit's id as one short line: a PO context shown before its msgid."""
    if not unit:
        return ""
    label = " ".join(unit.replace("\x04", " | ").split())
    return label if len(label) <= limit else label[: limit - 1] + "…"


def summary(results: list[FileResult]) -> dict[str, Any]:
    """Counts over a run: files, issues by severity and by code, fixes, words."""
    return Tally.of(results, count_words=True).summary()


def signature(results: list[FileResult]) -> str:
    """What reproduces a run: see `Tally.signature`."""
    return Tally.of(results).signature()
