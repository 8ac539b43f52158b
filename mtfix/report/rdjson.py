"""reviewdog's Diagnostic Format (rdjson): `mtfix check --format rdjson | reviewdog -f=rdjson`
comments on a pull or merge request, with each fix as one suggestion over the text it changes.

Columns are 1-based UTF-8 byte counts and ranges end exclusive, as the format defines them.
"""

from __future__ import annotations

import json
from typing import Any

from mtfix.document import Document
from mtfix.engine import FileResult
from mtfix.model import Edit, splice
from mtfix.report import file_edits, where
from mtfix.report.ruledocs import help_uri, information_uri

SEVERITY = {"error": "ERROR", "warning": "WARNING", "info": "INFO"}


def _position(document: Document, offset: int) -> dict[str, int]:
    line, column = document.file_position(offset)
    start = offset - (column - 1)
    return {"line": line, "column": len(document.raw[start:offset].encode("utf-8", "surrogatepass")) + 1}


def _range(document: Document, start: int, end: int) -> dict[str, Any]:
    return {"start": _position(document, start), "end": _position(document, end)}


def report(results: list[FileResult]) -> dict[str, Any]:
    diagnostics = []
    for result in results:
        if result.error:
            diagnostics.append(
                {"message": result.error, "location": {"path": result.path}, "severity": "ERROR"}
            )
        document = result.fixed or result.document
        if document is None:
            continue
        for issue in result.issues:
            at = where(document, issue)
            message = issue.message
            if issue.suggestions:
                message += " Suggestion: " + " / ".join(f"`{s}`" for s in issue.suggestions)
            diagnostic: dict[str, Any] = {
                "message": message,
                "location": {"path": result.path, "range": _range(document, at.start, at.end)},
                "severity": SEVERITY[issue.severity.value],
                "code": {"value": issue.code, "url": help_uri(issue.code)},
            }
            edits = file_edits(document, issue)
            if edits:
                start, end = edits[0].span.start, max(e.span.end for e in edits)
                shifted = [Edit.replace(e.span.start - start, e.span.end - start, e.replacement) for e in edits]
                text = splice(document.raw[start:end], shifted)
                diagnostic["suggestions"] = [{"range": _range(document, start, end), "text": text}]
            diagnostics.append(diagnostic)
    return {"source": {"name": "mtfix", "url": information_uri()}, "diagnostics": diagnostics}


def render(results: list[FileResult]) -> str:
    return json.dumps(report(results), ensure_ascii=False, indent=2) + "\n"
