"""SARIF 2.1.0 for code-scanning dashboards: rule metadata, code-point regions, fixes as replacements.

GitHub code scanning, VS Code's SARIF viewer and other tools read this format. Columns are
counted in Unicode code points (`columnKind: unicodeCodePoints`), as mtfix counts them.
"""

from __future__ import annotations

import inspect
import json
import os
from pathlib import Path
from typing import Any
from urllib.parse import quote

from mtfix.document import Document
from mtfix.files import real_name
from mtfix.engine import FileResult
from mtfix.model import Issue
from mtfix.registry import all_rules
from mtfix.report import file_edits, where
from mtfix.report.fingerprints import fingerprints
from mtfix.report.ruledocs import help_uri, information_uri, page
from mtfix.version import __version__

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def uri(path: str) -> str:
    """A relative URI reference for a path (forward slashes, percent-encoded), `stdin` for -.
    The file name's own bytes are encoded (RFC 3986), also where mtfix prints them as `\\xNN`."""
    if path == "-":
        return "stdin"
    candidate = Path(real_name(path))
    if candidate.is_absolute():
        return candidate.as_uri()
    return quote(os.fsencode(candidate.as_posix()))


def _mime_type(path: str) -> str:
    import mimetypes

    if path.endswith(".md"):
        return "text/markdown"
    return mimetypes.guess_type(path, strict=False)[0] or "text/plain"


def _rule(rule, shipped: bool = True) -> dict[str, Any]:
    """A rule's descriptor; a house pack's rule has no page to point to."""
    doc = inspect.cleandoc(rule.__doc__ or "") or rule.summary
    descriptor = {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": doc},
        "help": {"text": doc, "markdown": page(rule)},
        "helpUri": help_uri(rule.code),
        "defaultConfiguration": {"level": LEVEL[rule.severity.value]},
        "properties": {"category": rule.category, "fixable": rule.fixable, "tags": [rule.category]},
    }
    if not shipped:
        del descriptor["helpUri"]
    return descriptor


def _house_rules(results: list[FileResult], shipped) -> list:
    """The rules of house packs that ran for some file, in code order."""
    found = {}
    for result in results:
        for rule in result.context.rules if result.context is not None else ():
            if rule.code not in shipped:
                found[rule.code] = type(rule)
    return [found[code] for code in sorted(found)]


def _region(document: Document, start: int, end: int, snippet: str | None = None) -> dict[str, Any]:
    """The region of file offsets `start`..`end`."""
    line, column = document.file_position(start)
    end_line, end_column = document.file_position(end)
    region: dict[str, Any] = {
        "startLine": line,
        "startColumn": column,
        "endLine": end_line,
        "endColumn": end_column,
        "charOffset": start,
        "charLength": end - start,
    }
    if snippet is not None:
        region["snippet"] = {"text": snippet}
    return region


def _result(issue: Issue, document: Document, location: dict[str, Any], index: int, rule_index: int, fingerprint: str):
    message = issue.message
    if issue.suggestions:
        message += " Suggestion: " + " / ".join(f"`{s}`" for s in issue.suggestions)
    at = where(document, issue)
    result: dict[str, Any] = {
        "ruleId": issue.code,
        "ruleIndex": rule_index,
        "level": LEVEL[issue.severity.value],
        "message": {"text": message},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {**location, "index": index},
                    "region": _region(document, at.start, at.end, at.text),
                },
                **({"logicalLocations": [{"name": at.unit, "kind": "element"}]} if at.unit is not None else {}),
            }
        ],
        "partialFingerprints": {"mtfix/v2": fingerprint},
        "properties": {"category": issue.category, "name": issue.name, **({"entry": issue.entry} if issue.entry else {})},
    }
    if issue.fix:
        result["fixes"] = [
            {
                "description": {"text": f"{issue.fix.applicability.value} fix for {issue.code}"},
                "artifactChanges": [
                    {
                        "artifactLocation": dict(location),
                        "replacements": [
                            {
                                "deletedRegion": _region(document, e.span.start, e.span.end),
                                "insertedContent": {"text": e.replacement},
                            }
                            for e in file_edits(document, issue)
                        ],
                    }
                ],
                "properties": {"applicability": issue.fix.applicability.value},
            }
        ]
    return result


def report(results: list[FileResult]) -> dict[str, Any]:
    """The SARIF log as a dict: one run, every rule's metadata, one result per issue."""
    shipped = all_rules()
    house = _house_rules(results, shipped)
    rules = [*shipped.values(), *house]
    rule_index = {rule.code: n for n, rule in enumerate(rules)}
    artifacts, sarif_results, notifications = [], [], []
    for result in results:
        location = {"uri": uri(result.path)}
        if result.error:
            notifications.append(
                {
                    "level": "error",
                    "message": {"text": result.error},
                    "locations": [{"physicalLocation": {"artifactLocation": location}}],
                }
            )
        document = result.fixed or result.document
        if document is None:
            continue
        index = len(artifacts)
        artifacts.append(
            {
                "location": location,
                "length": len(document.raw),
                "encoding": document.encoding,
                "mimeType": _mime_type(result.path),
            }
        )
        for issue, fingerprint in zip(result.issues, fingerprints(document, result.issues)):
            sarif_results.append(
                _result(issue, document, location, index, rule_index.get(issue.code, -1), fingerprint)
            )
    run = {
        "tool": {
            "driver": {
                "name": "mtfix",
                "version": __version__,
                "semanticVersion": __version__,
                "informationUri": information_uri(),
                "rules": [_rule(rule, rule.code in shipped) for rule in rules],
            }
        },
        "columnKind": "unicodeCodePoints",
        "artifacts": artifacts,
        "results": sarif_results,
        "invocations": [
            {
                "executionSuccessful": not notifications,
                "toolExecutionNotifications": notifications,
            }
        ],
    }
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def render(results: list[FileResult]) -> str:
    return json.dumps(report(results), ensure_ascii=False, indent=2) + "\n"
