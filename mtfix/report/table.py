"""One row per issue, as Xbench and Verifika reviewers exchange them in a spreadsheet: where
it is, the segment's source, target and fixed text, and what the rule says."""

from __future__ import annotations

from collections.abc import Iterator

from mtfix.report.review import Review

COLUMNS = (
    "file", "unit", "line", "column", "source", "target", "flagged", "code", "rule", "category", "severity",
    "message", "suggestion", "fixed",
)


def rows(review: Review) -> Iterator[dict[str, object]]:
    """Each issue of the review as a row of COLUMNS; the unit of a plain-text file is its line."""
    for flag in review.flags:
        row = review.rows[flag.row] if flag.row is not None else None
        unit = ""
        if row is not None:
            unit = f"{row.context} | {row.id}" if row.context else row.id
        yield {
            "file": review.files[flag.file].path,
            "unit": unit,
            "line": flag.line,
            "column": flag.column,
            "source": (row.source or "") if row is not None else "",
            "target": row.target if row is not None else "",
            "flagged": flag.text,
            "code": flag.issue.code,
            "rule": flag.issue.name,
            "category": flag.issue.category,
            "severity": flag.issue.severity.value,
            "message": flag.issue.message,
            "suggestion": flag.suggestion,
            "fixed": (row.fixed or "") if row is not None else "",
        }


def spreadsheet_safe(value: object) -> object:
    """Text a spreadsheet would run as a formula (it starts with =, +, -, @, a tab or a carriage
    return) with an apostrophe before it, as spreadsheets themselves mark literal text."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value
