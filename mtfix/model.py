"""The values every part of mtfix exchanges: spans, edits, fixes and issues."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass


class Severity(str, enum.Enum):
    """How much an issue matters; MQM's critical/major/minor map to error/warning/info."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 2, "warning": 1, "info": 0}[self.value]


class Applicability(str, enum.Enum):
    """Whether `mtfix fix` may apply a fix on its own (safe) or only when asked (unsafe)."""

    SAFE = "safe"
    UNSAFE = "unsafe"


@dataclass(frozen=True, order=True, slots=True)
class Span:
    """Half-open range of code-point offsets into a document's text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"invalid span {self.start}..{self.end}")

    def overlaps(self, other: Span) -> bool:
        """True when applying edits at both spans would conflict."""
        if self.start == self.end and other.start == other.end:
            return self.start == other.start
        if self.start == self.end:
            return other.start < self.start < other.end
        if other.start == other.end:
            return self.start < other.start < self.end
        return self.start < other.end and other.start < self.end


@dataclass(frozen=True, order=True, slots=True)
class Edit:
    """Replace the text of `span` with `replacement`: "" deletes, an empty span inserts."""

    span: Span
    replacement: str

    @classmethod
    def replace(cls, start: int, end: int, replacement: str) -> Edit:
        return cls(Span(start, end), replacement)


@dataclass(frozen=True, slots=True)
class Fix:
    """A set of non-overlapping edits that together correct one issue."""

    edits: tuple[Edit, ...]
    applicability: Applicability = Applicability.SAFE

    def __post_init__(self) -> None:
        edits = tuple(sorted(self.edits))
        for before, after in zip(edits, edits[1:]):
            if before.span.overlaps(after.span):
                raise ValueError("a fix's edits must not overlap")
        object.__setattr__(self, "edits", edits)

    @classmethod
    def safe(cls, *edits: Edit) -> Fix:
        return cls(edits, Applicability.SAFE)

    @classmethod
    def unsafe(cls, *edits: Edit) -> Fix:
        return cls(edits, Applicability.UNSAFE)

    @property
    def span(self) -> Span:
        return Span(self.edits[0].span.start, max(e.span.end for e in self.edits))


@dataclass(frozen=True, slots=True)
class Issue:
    """One finding of one rule at one place in a document."""

    code: str
    name: str
    category: str
    severity: Severity
    message: str
    span: Span
    suggestions: tuple[str, ...] = ()
    fix: Fix | None = None
    #: The id of the pack entry that found the issue (`still-in-year` of CQ001); "" for a
    #: rule without entries.
    entry: str = ""

    @property
    def rule_id(self) -> str:
        """What selectors, severities and suppressions name: `CODE:entry-id` for an issue
        of a pack entry, the code alone otherwise."""
        return f"{self.code}:{self.entry}" if self.entry else self.code

    @property
    def fixable(self) -> bool:
        return self.fix is not None

    @property
    def safe_fix(self) -> bool:
        """True when plain `mtfix fix` applies this issue's fix."""
        return self.fix is not None and self.fix.applicability is Applicability.SAFE

    def sort_key(self) -> tuple[int, int, str, str]:
        """Order of report: by place, then code, then message, so that issues of one rule at
        one place always come out in the same order."""
        return (self.span.start, self.span.end, self.code, self.message)


def splice(text: str, edits: Iterable[Edit]) -> str:
    """`text` with non-overlapping `edits` made."""
    parts, position = [], 0
    for edit in sorted(edits):
        parts.append(text[position : edit.span.start])
        parts.append(edit.replacement)
        position = edit.span.end
    parts.append(text[position:])
    return "".join(parts)
