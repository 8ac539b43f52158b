"""The Python API: check and fix text, translation units and files from a program."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from mtfix import engine
from mtfix.config import Settings
from mtfix.context import Context, context_of
from mtfix.document import Document
from mtfix.formats import decode, read
from mtfix.model import Issue, Severity


@dataclass(frozen=True)
class Finding:
    """An issue with where it is: the unit's id (its 1-based index for `check_units`), the
    file's line and column, and the flagged text as the unit shows it."""

    issue: Issue
    unit: str | None
    line: int
    column: int
    text: str

    @property
    def code(self) -> str:
        return self.issue.code

    @property
    def severity(self) -> Severity:
        return self.issue.severity

    @property
    def message(self) -> str:
        return self.issue.message


Run = Settings | Context | None
"""Settings (defaults: every rule, ru-en, US English), or a Context built once from them: a
program that checks many texts passes one Context, so rules and glossaries load once."""


def check_text(text: str, settings: Run = None) -> list[Issue]:
    """Issues in `text`."""
    return engine.check(Document(text), settings)


def fix_text(text: str, settings: Run = None, unsafe: bool = False) -> str:
    """`text` with every safe fix applied (and unsafe ones too when asked)."""
    return engine.fix(Document(text), settings, unsafe=unsafe).document.text


def check_file(path: str | Path, settings: Run = None, input_format: str | None = None) -> list[Finding]:
    """Issues in a file of any format mtfix reads, each with its unit, line and column; an
    InputError for a file larger than the settings' `max_file_size` or not a regular file."""
    context = context_of(settings)
    document = read(Path(path), input_format, context.settings.reading, context.settings.max_file_size)
    return _findings(document, engine.check(document, context))


def check_units(units: Iterable[tuple[str, str]], settings: Run = None) -> list[Finding]:
    """Issues in (source, target) pairs; a finding's `unit` is the pair's 1-based index."""
    context = context_of(settings)
    document = _units_document(units, context.settings)
    return _findings(document, engine.check(document, context))


def fix_units(units: Iterable[tuple[str, str]], settings: Run = None, unsafe: bool = False) -> list[str]:
    """The targets of (source, target) pairs with fixes applied, in order."""
    context = context_of(settings)
    pairs = list(units)
    document = _units_document(pairs, context.settings)
    fixed = engine.fix(document, context, unsafe=unsafe).document.raw
    return [json.loads(line)["target"] for line in fixed.split("\n") if line.strip()] if pairs else []


def _units_document(units: Iterable[tuple[str, str]], settings: Settings) -> Document:
    """The pairs as JSON Lines, one record per pair, read as that format (so fixes are written
    back exactly as for a file)."""
    lines = "".join(
        json.dumps({"source": source, "target": target}, ensure_ascii=False) + "\n" for source, target in units
    )
    return decode(lines.encode("utf-8"), "<units>", "jsonl", settings.reading)


def _findings(document: Document, issues: list[Issue]) -> list[Finding]:
    found = []
    for issue in issues:
        unit = document.unit_at(issue.span.start)
        line, column = document.location(issue.span.start)
        found.append(Finding(issue, unit.id if unit else None, line, column, document.text[issue.span.start : issue.span.end]))
    return found
