"""Fingerprints that tell results apart and survive edits elsewhere in the file: the rule, the
text of the issue's line (its unit's lines in a bilingual file), the flagged text, and the
occurrence index among the issues that share all three."""

from __future__ import annotations

import hashlib
from collections import Counter

from mtfix.document import Document
from mtfix.model import Issue
from mtfix.report import where


def fingerprints(document: Document, issues: list[Issue], salt: str = "") -> list[str]:
    """One fingerprint per issue, in order; `salt` (a path) makes them unique across files."""
    raw = document.raw
    seen: Counter = Counter()
    out = []
    for issue in issues:
        at = where(document, issue)
        first = raw.rfind("\n", 0, at.start) + 1
        last = raw.find("\n", at.end)
        context = raw[first : len(raw) if last < 0 else last].strip()
        key = hashlib.sha256(f"{salt}\0{issue.code}\0{context}\0{at.text}".encode("utf-8", "surrogatepass")).hexdigest()[:24]
        out.append(f"{key}:{seen[key]}")
        seen[key] += 1
    return out
