"""JSON Lines: one issue per line (and one line per unreadable file), for streaming and grep."""

from __future__ import annotations

import json
from collections.abc import Iterator

from mtfix.engine import FileResult
from mtfix.report.json import issue_dict


def render(results: list[FileResult]) -> str:
    return "".join(line for result in results for line in file_part(result))


def file_part(result: FileResult) -> Iterator[str]:
    """One file's lines, one at a time."""
    if result.error:
        yield json.dumps({"path": result.path, "error": result.error}, ensure_ascii=False) + "\n"
    document = result.fixed or result.document
    for issue in result.issues:
        yield json.dumps({"path": result.path, **issue_dict(issue, document)}, ensure_ascii=False) + "\n"
