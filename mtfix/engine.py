"""check -> suppress -> fix to a fixed point. Rules find; only this module changes text."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace

from mtfix import formats, writeback
from mtfix.config import Settings
from mtfix.context import Context, context_of
from mtfix.document import Document, InputError
from mtfix.model import Applicability, Issue
from mtfix.suppress import suppress

MAX_PASSES = 10
UNUSED_SUPPRESSION = "MT001"

Extra = Callable[[Document, Context, list[Issue]], Iterable[Issue]]
"""A second opinion (LanguageTool): more issues for a document, given those the rules found."""


def check(document: Document, context: Context | Settings | None = None, extra: Extra | None = None) -> list[Issue]:
    """Every issue the selected rules (and `extra`) find, with configured severities, minus
    suppressed ones. Pass the run's Context to reuse its rules and glossary; Settings (or
    nothing, for the defaults) make a context for this call alone."""
    context = context_of(context)
    known = document.memo.get("checked")
    if extra is None and known is not None and known[0] is context:
        return list(known[1])
    issues: set[Issue] = set()
    unused = None
    for rule in context.rules:
        if rule.code == UNUSED_SUPPRESSION:
            unused = rule
        for issue in rule.check(document):
            issues.add(issue)
    added = extra(document, context, sorted(issues, key=Issue.sort_key)) if extra is not None else ()
    issues.update(added)
    found = suppress(sorted(_placed(issues, document), key=Issue.sort_key), document, unused)
    checked = [_with_severity(i, context.settings) for i in found]
    if not added:  # what the rules alone find: `fix` (or a report) checking it again reuses it
        document.memo["checked"] = (context, checked)
    return list(checked)


def _placed(issues: Iterable[Issue], document: Document) -> Iterable[Issue]:
    """Issues of a file read as units: none that spans two units, and a fix only where the
    format can write it back."""
    if document.file_text is None and document.format == "text":
        yield from issues
        return
    for issue in issues:
        if document.file_text is not None:
            unit = document.unit_at(issue.span.start)
            if unit is None or issue.span.end > unit.span.end:
                continue
        if issue.fix is not None and writeback.file_edits(document, issue.fix) is None:
            issue = replace(issue, fix=None)
        yield issue


def _with_severity(issue: Issue, settings: Settings) -> Issue:
    level = settings.severity_of(issue.rule_id, issue.severity)
    return issue if level is issue.severity else replace(issue, severity=level)


def eligible(issue: Issue, unsafe: bool) -> bool:
    """Whether `fix` may apply this issue's fix."""
    return issue.fix is not None and (unsafe or issue.fix.applicability is Applicability.SAFE)


@dataclass
class FileResult:
    """What checking (and maybe fixing) one input produced; `document` is the text as read."""

    path: str
    document: Document | None = None
    issues: list[Issue] = field(default_factory=list)
    fixed: Document | None = None
    applied: int = 0
    error: str | None = None
    context: Context | None = None

    @property
    def settings(self) -> Settings | None:
        return self.context.settings if self.context is not None else None


@dataclass
class FixOutcome:
    """The fixed document, how many fixes went in, and the issues that remain."""

    document: Document
    applied: int
    remaining: list[Issue]


def fix(
    document: Document, context: Context | Settings | None = None, unsafe: bool = False, extra: Extra | None = None
) -> FixOutcome:
    """Check and apply fixes repeatedly until nothing changes, a text repeats, or the pass cap.

    Each pass writes the fixes into the file's text and reads it again, so a fix that would
    leave the file malformed stops the run with an InputError and nothing is written."""
    context = context_of(context)
    seen = {document.raw}
    applied = 0
    issues = check(document, context, extra)
    for _ in range(MAX_PASSES):
        fixes = [i.fix for i in issues if eligible(i, unsafe)]
        if not fixes:
            break
        raw, count = writeback.apply(document, fixes)
        if raw in seen:
            break
        seen.add(raw)
        applied += count
        try:
            document = formats.reread(document, raw)
        except InputError as err:
            raise InputError(f"{document.path}: not fixed: the fixes would make the file unreadable ({err})", document.path) from None
        issues = check(document, context, extra)
    return FixOutcome(document, applied, issues)
