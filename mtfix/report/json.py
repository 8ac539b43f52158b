"""The JSON report: the stable, documented format CI and other tools parse (docs/json-format.md)."""

from __future__ import annotations

import json
from typing import Any

from mtfix import __version__
from mtfix.document import Document
from mtfix.engine import FileResult
from mtfix.model import Issue
from mtfix.report import summary


def issue_dict(issue: Issue, document: Document) -> dict[str, Any]:
    """One issue as a JSON object, with offsets and 1-based line/column."""
    line, column = document.position(issue.span.start)
    end_line, end_column = document.position(issue.span.end)
    fix = None
    if issue.fix:
        fix = {
            "applicability": issue.fix.applicability.value,
            "edits": [
                {"start": e.span.start, "end": e.span.end, "replacement": e.replacement}
                for e in issue.fix.edits
            ],
        }
    return {
        "code": issue.code,
        "name": issue.name,
        "category": issue.category,
        "severity": issue.severity.value,
        "message": issue.message,
        "start": issue.span.start,
        "end": issue.span.end,
        "line": line,
        "column": column,
        "end_line": end_line,
        "end_column": end_column,
        "text": document.text[issue.span.start : issue.span.end],
        "suggestions": list(issue.suggestions),
        "fix": fix,
    }


def file_dict(result: FileResult) -> dict[str, Any]:
    entry: dict[str, Any] = {"path": result.path}
    if result.error:
        entry["error"] = result.error
    document = result.fixed or result.document
    entry["issues"] = [issue_dict(i, document) for i in result.issues] if document else []
    return entry


def render(results: list[FileResult]) -> str:
    report = {
        "version": __version__,
        "files": [file_dict(r) for r in results],
        "summary": summary(results),
    }
    return json.dumps(report, ensure_ascii=False, indent=2) + "\n"
