"""Reporters: each renders a list of FileResult as a string and decides nothing else."""

from __future__ import annotations

import hashlib
from collections import Counter
from typing import Any

from mtfix import __version__
from mtfix.engine import FileResult, rules_for

FORMATS = ("text", "json", "jsonl", "sarif", "github", "junit", "html")


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
    for settings in sorted({r.settings for r in results if r.settings}, key=repr):
        codes = ",".join(rule.code for rule in rules_for(settings))
        rules = hashlib.sha256(codes.encode()).hexdigest()[:8]
        parts.append(
            f"pair:{settings.language_pair}|en:{settings.english_variant}"
            f"|rules:{len(rules_for(settings))}-{rules}|glossary:{settings.glossary.digest}"
        )
    return "|".join(parts)
