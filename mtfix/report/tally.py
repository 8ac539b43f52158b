"""What a run's summary, closing line and exit code need of its files, counted one file at a
time, so that a report can be written as the files are checked and each file's text, units
and issues let go of once it is."""

from __future__ import annotations

import hashlib
from collections import Counter
from typing import Any

from mtfix.version import __version__


class Tally:
    """Counts over the files of a run, added one FileResult at a time; their words only with
    `count_words` (the JSON summary's `words`: a pass over each text the others do without)."""

    def __init__(self, count_words: bool = False) -> None:
        self.count_words = count_words
        self.files = 0
        self.errors: list[str] = []
        self.issues = 0
        self.severities: Counter[str] = Counter()
        self.codes: Counter[str] = Counter()
        #: (code, name, safe fix) -> issues, for `--statistics`
        self.rules: Counter[tuple[str, str, bool]] = Counter()
        #: category -> severity (and "fixable") -> issues, for the terminal's summary table
        self.categories: dict[str, Counter[str]] = {}
        self.fixable = 0
        self.safe = 0
        self.unsafe = 0
        self.fixed = 0
        self.words = 0
        self.tokenized: list[str] = []
        self._contexts: dict[int, Any] = {}

    @classmethod
    def of(cls, results, count_words: bool = False) -> Tally:
        tally = cls(count_words)
        for result in results:
            tally.add(result)
        return tally

    def add(self, result) -> None:
        self.files += 1
        if result.error:
            self.errors.append(result.error)
        for issue in result.issues:
            self.severities[issue.severity.value] += 1
            self.codes[issue.code] += 1
            self.rules[(issue.code, issue.name, issue.safe_fix)] += 1
            counts = self.categories.setdefault(issue.category, Counter())
            counts[issue.severity.value] += 1
            counts["fixable"] += issue.safe_fix
            self.fixable += issue.fixable
            self.safe += issue.safe_fix
            self.unsafe += issue.fixable and not issue.safe_fix
        self.issues += len(result.issues)
        self.fixed += result.applied
        if result.document is not None:
            if self.count_words:
                self.words += result.document.word_count
            if result.document.memo.get("tokenized"):
                self.tokenized.append(result.path)
        if result.context is not None:
            self._contexts[id(result.context)] = result.context

    def failing(self, floor: int) -> bool:
        """Whether an issue of severity rank `floor` or above was found."""
        from mtfix.model import Severity

        return any(Severity(level).rank >= floor for level, n in self.severities.items() if n)

    def summary(self) -> dict[str, Any]:
        """Counts over a run: files, issues by severity and by code, fixes, words."""
        return {
            "files": self.files,
            "files_with_errors": len(self.errors),
            "issues": self.issues,
            "errors": self.severities["error"],
            "warnings": self.severities["warning"],
            "info": self.severities["info"],
            "fixable": self.fixable,
            "fixed": self.fixed,
            "words": self.words,
            "by_code": dict(sorted(self.codes.items())),
            "signature": self.signature(),
        }

    def signature(self) -> str:
        """What reproduces a run, in the spirit of sacreBLEU's signatures: version, language
        pair, English variant, the selected rules and the glossary content, as short digests."""
        parts = [f"mtfix:{__version__}"]
        for context in sorted(self._contexts.values(), key=lambda c: repr(c.settings)):
            settings = context.settings
            codes = ",".join(rule.code for rule in context.rules)
            rules = hashlib.sha256(codes.encode()).hexdigest()[:8]
            parts.append(
                f"pair:{settings.language_pair}|en:{settings.english_variant}"
                f"|rules:{len(context.rules)}-{rules}|glossary:{context.glossary.digest}"
            )
        return "|".join(parts)
