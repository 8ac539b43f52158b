"""The JSON report: the stable, documented format CI and other tools parse (docs/json-format.md)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from mtfix.document import Document
from mtfix.engine import FileResult
from mtfix.model import Issue
from mtfix.report import file_edits, summary, where
from mtfix.report.tally import Tally
from mtfix.version import __version__


def issue_dict(issue: Issue, document: Document) -> dict[str, Any]:
    """One issue as a JSON object, with file offsets, 1-based line/column and its unit."""
    at = where(document, issue)
    fix = None
    if issue.fix:
        fix = {
            "applicability": issue.fix.applicability.value,
            "edits": [
                {"start": e.span.start, "end": e.span.end, "replacement": e.replacement}
                for e in file_edits(document, issue)
            ],
        }
    return {
        "code": issue.code,
        "entry": issue.entry or None,
        "name": issue.name,
        "category": issue.category,
        "severity": issue.severity.value,
        "message": issue.message,
        "start": at.start,
        "end": at.end,
        "line": at.line,
        "column": at.column,
        "end_line": at.end_line,
        "end_column": at.end_column,
        "unit": at.unit,
        "text": at.text,
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


class Stream:
    """`render`'s text in pieces, one per file as it is checked, then the summary: the same
    bytes, without holding every file's issues."""

    def __init__(self) -> None:
        self.first = True

    def begin(self) -> str:
        return '{\n  "version": ' + json.dumps(__version__) + ',\n  "files": ['

    def file(self, result: FileResult) -> Iterator[str]:
        """One file's part of the report, an issue at a time: `file_dict` as `render` lays it
        out, without building every issue's object first."""
        yield ("\n    " if self.first else ",\n    ") + '{\n      "path": ' + json.dumps(result.path, ensure_ascii=False)
        self.first = False
        if result.error:
            yield ',\n      "error": ' + json.dumps(result.error, ensure_ascii=False)
        document = result.fixed or result.document
        issues = result.issues if document else []
        if not issues:
            yield ',\n      "issues": []\n    }'
            return
        yield ',\n      "issues": ['
        for number, issue in enumerate(issues):
            part = json.dumps(issue_dict(issue, document), ensure_ascii=False, indent=2)
            yield ("\n        " if number == 0 else ",\n        ") + part.replace("\n", "\n        ")
        yield "\n      ]\n    }"

    def end(self, tally: Tally) -> str:
        close = "]" if self.first else "\n  ]"
        body = json.dumps(tally.summary(), ensure_ascii=False, indent=2).replace("\n", "\n  ")
        return close + ',\n  "summary": ' + body + "\n}\n"
