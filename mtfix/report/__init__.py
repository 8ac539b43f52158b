"""Reporters: each renders a list of FileResult as a string and decides nothing else."""

from __future__ import annotations

import hashlib
from collections import Counter
from typing import Any, NamedTuple

from mtfix import writeback
from mtfix.document import Document
from mtfix.engine import FileResult
from mtfix.model import Edit, Issue
from mtfix.version import __version__

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
    issues = [i for r in results for i in r.issues]
    by_severity = Counter(i.severity.value for i in issues)
    return {
        "files": len(results),
        "files_with_errors": sum(1 for r in results if r.error),
        "issues": len(issues),
        "errors": by_severity["error"],
        "warnings": by_severity["warning"],
        "info": by_severity["info"],
        "fixable": sum(1 for i in issues if i.fixable),
        "fixed": sum(r.applied for r in results),
        "words": sum(r.document.word_count for r in results if r.document),
        "by_code": dict(sorted(Counter(i.code for i in issues).items())),
        "signature": signature(results),
    }


def signature(results: list[FileResult]) -> str:
    """What reproduces a run, in the spirit of sacreBLEU's signatures: version, language pair,
    English variant, the selected rules and the glossary content, as short digests."""
    parts = [f"mtfix:{__version__}"]
    contexts = {id(r.context): r.context for r in results if r.context is not None}
    for context in sorted(contexts.values(), key=lambda c: repr(c.settings)):
        settings = context.settings
        codes = ",".join(rule.code for rule in context.rules)
        rules = hashlib.sha256(codes.encode()).hexdigest()[:8]
        parts.append(
            f"pair:{settings.language_pair}|en:{settings.english_variant}"
            f"|rules:{len(context.rules)}-{rules}|glossary:{context.glossary.digest}"
        )
    return "|".join(parts)
