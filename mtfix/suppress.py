"""Suppression: comment directives in the text and baseline files of known issues."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from mtfix.document import Document, InputError
from mtfix.model import Issue, Span
from mtfix.registry import Rule, redirected, selects, upper_code

DIRECTIVE = re.compile(
    r"<!--\s*mtfix:\s*(?P<verb>ignore|off|on)\b(?P<codes>[\sA-Z0-9_:,-]*?)\s*-->", re.IGNORECASE
)


@dataclass
class _Ignore:
    span: Span
    target_line: int
    codes: tuple[str, ...]
    used: bool = False


@dataclass
class Directives:
    """`<!-- mtfix: ignore CODE... -->` hides the next line's issues (all, without codes);
    `<!-- mtfix: off -->` ... `<!-- mtfix: on -->` hides everything between them."""

    ignores: list[_Ignore] = field(default_factory=list)
    quiet: list[Span] = field(default_factory=list)

    @classmethod
    def parse(cls, document: Document) -> Directives:
        """The directives in the file's text (outside the units, in a file read as units);
        spans and lines are the file's."""
        found = cls()
        off_from: int | None = None
        text = document.raw
        for match in DIRECTIVE.finditer(text):
            verb = match["verb"].lower()
            if verb == "ignore":
                codes = tuple(redirected(upper_code(c)) for c in re.split(r"[\s,]+", match["codes"]) if c)
                target = _next_text_line(text, match.end(), document.file_position(match.end())[0])
                found.ignores.append(_Ignore(Span(*match.span()), target, codes))
            elif verb == "off" and off_from is None:
                off_from = match.start()
            elif verb == "on" and off_from is not None:
                found.quiet.append(Span(off_from, match.end()))
                off_from = None
        if off_from is not None:
            found.quiet.append(Span(off_from, len(text)))
        return found

    def hides(self, issue: Issue, document: Document) -> bool:
        at = document.file_offset(issue.span.start)
        if any(q.start <= at < q.end for q in self.quiet):
            return True
        line, _ = document.file_position(at)
        hidden = False
        for ignore in self.ignores:
            if ignore.target_line == line and (
                not ignore.codes or any(selects(c, issue.rule_id) for c in ignore.codes)
            ):
                ignore.used = hidden = True
        return hidden

    def unused(self) -> Iterable[_Ignore]:
        return (ignore for ignore in self.ignores if not ignore.used)


def _next_text_line(text: str, after: int, line: int) -> int:
    """The first line with text after the directive that ends at `after`, on `line`: a
    directive applies across blank lines."""
    position = text.find("\n", after)
    candidate = line
    while position >= 0:
        candidate += 1
        following = text.find("\n", position + 1)
        if text[position + 1 : following if following >= 0 else len(text)].strip():
            return candidate
        position = following
    return line + 1


def suppress(issues: list[Issue], document: Document, unused: Rule | None = None) -> list[Issue]:
    """Drop issues hidden by directives; with the MT001 rule, report directives that hid nothing."""
    directives = Directives.parse(document)
    if not directives.ignores and not directives.quiet:
        return issues
    kept = [i for i in issues if not directives.hides(i, document)]
    if unused is not None and document.file_text is None:  # a directive outside the units has no place to report
        kept.extend(
            unused.issue(d.span.start, d.span.end, "suppression directive hides nothing on the next line")
            for d in directives.unused()
        )
    return sorted(kept, key=Issue.sort_key)


def fingerprint(issue: Issue, document: Document) -> str:
    """What identifies an issue across edits elsewhere: code, flagged text and its line's text."""
    line, _ = document.position(issue.span.start)
    span = document.line_span(line)
    context = " ".join(document.text[span.start : span.end].split())
    flagged = document.text[issue.span.start : issue.span.end]
    import hashlib  # baselines only: not loaded on a plain run

    return hashlib.sha256(f"{issue.code}\0{flagged}\0{context}".encode()).hexdigest()[:20]


class Baseline:
    """Known issues by content, so a file can be edited without the baseline going stale."""

    VERSION = 1

    def __init__(self, entries: dict[str, Counter[str]] | None = None) -> None:
        self.entries = entries or {}

    @classmethod
    def load(cls, path: Path) -> Baseline:
        import json

        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            entries = {
                name: Counter(dict(prints)) for name, prints in data["files"].items()
            }
        except OSError as err:
            raise InputError(f"{path}: cannot read baseline ({err.strerror})") from None
        except (ValueError, KeyError, TypeError, AttributeError):
            raise InputError(f"{path}: not an mtfix baseline file") from None
        return cls(entries)

    def add(self, path: str, issues: Iterable[Issue], document: Document) -> None:
        counts = self.entries.setdefault(path, Counter())
        counts.update(fingerprint(i, document) for i in issues)

    def filter(self, path: str, issues: list[Issue], document: Document) -> list[Issue]:
        """Issues not in the baseline; each baseline entry hides as many issues as it counts."""
        budget = Counter(self.entries.get(path, {}))
        kept = []
        for issue in issues:
            key = fingerprint(issue, document)
            if budget[key] > 0:
                budget[key] -= 1
            else:
                kept.append(issue)
        return kept

    def dump(self, path: Path) -> None:
        import json

        data = {
            "version": self.VERSION,
            "files": {k: dict(sorted(v.items())) for k, v in sorted(self.entries.items())},
        }
        path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
