"""JSON Lines: one issue per line (and one line per unreadable file), for streaming and grep."""

from __future__ import annotations

import json

from mtfix.engine import FileResult
from mtfix.report.json import issue_dict


def render(results: list[FileResult]) -> str:
    return "".join(file_part(result) for result in results)


def file_part(result: FileResult) -> str:
    """One file's lines."""
    lines = []
    if result.error:
        lines.append({"path": result.path, "error": result.error})
    document = result.fixed or result.document
    for issue in result.issues:
        lines.append({"path": result.path, **issue_dict(issue, document)})
    return "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines)
