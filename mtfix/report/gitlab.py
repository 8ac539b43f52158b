"""GitLab Code Quality: the JSON array a merge request's Code Quality widget reads
(`artifacts: reports: codequality:`), one violation per issue."""

from __future__ import annotations

import json

from mtfix.engine import FileResult
from mtfix.report import where
from mtfix.report.fingerprints import fingerprints

SEVERITY = {"error": "critical", "warning": "major", "info": "info"}


def _path(path: str) -> str:
    """A path as GitLab wants it: relative to the repository, without a leading `./`."""
    return path.removeprefix("./")


def violations(results: list[FileResult]) -> list[dict]:
    out = []
    for result in results:
        if result.error:
            out.append(
                {
                    "type": "issue",
                    "description": result.error,
                    "check_name": "mtfix",
                    "fingerprint": _error_fingerprint(result.path),
                    "severity": "blocker",
                    "categories": ["Bug Risk"],
                    "location": {"path": _path(result.path), "lines": {"begin": 1}},
                }
            )
        document = result.fixed or result.document
        if document is None:
            continue
        for issue, fingerprint in zip(result.issues, fingerprints(document, result.issues, salt=result.path)):
            at = where(document, issue)
            message = issue.message
            if issue.suggestions:
                message += " Suggestion: " + " / ".join(f"`{s}`" for s in issue.suggestions)
            out.append(
                {
                    "type": "issue",
                    "description": f"{issue.code} {message}",
                    "check_name": issue.code,
                    "fingerprint": fingerprint,
                    "severity": SEVERITY[issue.severity.value],
                    "categories": ["Style"],
                    "location": {
                        "path": _path(result.path),
                        "positions": {
                            "begin": {"line": at.line, "column": at.column},
                            "end": {"line": at.end_line, "column": at.end_column},
                        },
                    },
                }
            )
    return out


def _error_fingerprint(path: str) -> str:
    import hashlib

    return hashlib.sha256(f"error\0{path}".encode("utf-8", "surrogatepass")).hexdigest()[:24]


def render(results: list[FileResult]) -> str:
    return json.dumps(violations(results), ensure_ascii=False, indent=2) + "\n"
