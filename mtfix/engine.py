"""check -> suppress -> fix to a fixed point. Rules find; only this module changes text."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache

from mtfix.config import Settings
from mtfix.document import Document
from mtfix.model import Applicability, Edit, Fix, Issue
from mtfix.registry import Rule, selected
from mtfix.suppress import suppress

MAX_PASSES = 10
UNUSED_SUPPRESSION = "MT001"


@lru_cache(maxsize=8)
def rules_for(settings: Settings) -> tuple[Rule, ...]:
    """The selected rules, instantiated once per distinct settings."""
    return tuple(rule(settings) for rule in selected(settings.select, settings.ignore))


Extra = Callable[[Document, Settings, list[Issue]], Iterable[Issue]]
"""A second opinion (LanguageTool): more issues for a document, given those the rules found."""


def check(document: Document, settings: Settings, extra: Extra | None = None) -> list[Issue]:
    """Every issue the selected rules (and `extra`) find, with configured severities, minus
    suppressed ones."""
    issues: set[Issue] = set()
    unused = None
    for rule in rules_for(settings):
        if rule.code == UNUSED_SUPPRESSION:
            unused = rule
        for issue in rule.check(document):
            issues.add(issue)
    if extra is not None:
        issues.update(extra(document, settings, sorted(issues, key=Issue.sort_key)))
    found = suppress(sorted(issues, key=Issue.sort_key), document, unused)
    return [_with_severity(i, settings) for i in found]


def _with_severity(issue: Issue, settings: Settings) -> Issue:
    level = settings.severity_of(issue.code, issue.severity)
    return issue if level is issue.severity else replace(issue, severity=level)


def eligible(issue: Issue, unsafe: bool) -> bool:
    """Whether `fix` may apply this issue's fix."""
    return issue.fix is not None and (unsafe or issue.fix.applicability is Applicability.SAFE)


def apply_fixes(text: str, fixes: Iterable[Fix]) -> tuple[str, int]:
    """Apply fixes left to right, skipping any that overlaps one already taken.

    Returns the new text and how many fixes were applied.
    """
    taken: list[Edit] = []
    count = 0
    for fix in sorted(fixes, key=lambda f: (f.span.start, f.span.end)):
        if any(edit.span.overlaps(other.span) for edit in fix.edits for other in taken):
            continue
        taken.extend(fix.edits)
        count += 1
    parts, position = [], 0
    for edit in sorted(taken):
        parts.append(text[position : edit.span.start])
        parts.append(edit.replacement)
        position = edit.span.end
    parts.append(text[position:])
    return "".join(parts), count


@dataclass
class FileResult:
    """What checking (and maybe fixing) one input produced; `document` is the text as read."""

    path: str
    document: Document | None = None
    issues: list[Issue] = field(default_factory=list)
    fixed: Document | None = None
    applied: int = 0
    error: str | None = None
    settings: Settings | None = None


@dataclass
class FixOutcome:
    """The fixed document, how many fixes went in, and the issues that remain."""

    document: Document
    applied: int
    remaining: list[Issue]


def fix(
    document: Document, settings: Settings, unsafe: bool = False, extra: Extra | None = None
) -> FixOutcome:
    """Check and apply fixes repeatedly until nothing changes, a text repeats, or the pass cap."""
    seen = {document.text}
    applied = 0
    issues = check(document, settings, extra)
    for _ in range(MAX_PASSES):
        fixes = [i.fix for i in issues if eligible(i, unsafe)]
        if not fixes:
            break
        text, count = apply_fixes(document.text, fixes)
        if text in seen:
            break
        seen.add(text)
        applied += count
        document = document.with_text(text)
        issues = check(document, settings, extra)
    return FixOutcome(document, applied, issues)
