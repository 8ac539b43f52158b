"""BL012: a bracket or quotation mark left unpaired in the target where the source pairs
its own: the translation dropped or added one half."""

from __future__ import annotations

import re

from mtfix.model import Severity
from mtfix.registry import Rule, register
from mtfix.rules.bilingual.common import units

#: Opening and closing marks by family; a family's marks pair within it.
BRACKETS = {"(": ")", "[": "]", "{": "}"}
#: Curly quotes English uses, and the quotes a Russian or Ukrainian source uses.
TARGET_QUOTES = {"“": "”"}
SOURCE_QUOTES = {"«": "»", "„": "“"}
_MAY_HOLD = re.compile(r"[()\[\]{}“”\"«»„]")


def unpaired(text: str, pairs: dict[str, str]) -> list[int]:
    """Offsets of the marks in `text` that no mark of their pair closes or opens."""
    closing = {close: open_ for open_, close in pairs.items()}
    stack: list[tuple[str, int]] = []
    stray = []
    for at, ch in enumerate(text):
        if ch in pairs and not (ch in closing and stack and stack[-1][0] == closing[ch]):
            stack.append((ch, at))
        elif ch in closing:
            if stack and stack[-1][0] == closing[ch]:
                stack.pop()
            else:
                stray.append(at)
    return sorted(stray + [at for _, at in stack])


def _balanced(text: str, pairs: dict[str, str]) -> bool:
    return not unpaired(text, pairs)


def _straight_ok(text: str) -> bool:
    return text.count('"') % 2 == 0


def _straight_checked(source: str) -> bool:
    """Straight quotes of the target are counted only against a source that uses none: a
    source's own straight quotes may open a quotation inside another, which the target
    writes with single quotes (or the apostrophe-like ’) that cannot be told from apostrophes."""
    return '"' not in source


@register
class UnpairedBracket(Rule):
    """A bracket or quotation mark in the target that nothing pairs, in a unit whose source
    pairs every one of its own: half of a parenthesis or quotation was lost in translation.
    Brackets pair by kind, curly quotes “ ” with each other, straight quotes by count (only
    where the source has none of its own). A source with a mark unpaired itself (a list
    item `1)`, a quotation running on to the next unit) says nothing.

    Bad: Он (министр) уехал. → He (the minister left.
    Good: Он (министр) уехал. → He (the minister) left.
    Bad: Он сказал: «Нет». → He said: “No.
    Good: Он сказал: «Нет». → He said: “No.”
    """

    code = "BL012"
    name = "unpaired-bracket"
    summary = "a bracket or quotation mark in the target is unpaired where the source pairs its own"
    category = "punctuation/quotes"
    severity = Severity.WARNING

    def check(self, document):
        text = document.text
        for unit, target in units(document):
            if not _MAY_HOLD.search(target):
                continue
            source = unit.source
            quotes_ok = _balanced(source, SOURCE_QUOTES) and _straight_ok(source)
            straight = quotes_ok and _straight_checked(source)
            for span in unit.target:
                segment = text[span.start : span.end]
                found = []
                if _balanced(source, BRACKETS):
                    found += unpaired(segment, BRACKETS)
                if quotes_ok:
                    found += unpaired(segment, TARGET_QUOTES)
                    if straight and not _straight_ok(segment):
                        found.append(segment.rindex('"'))
                for at in sorted(set(found)):
                    mark = segment[at]
                    yield self.issue(
                        span.start + at, span.start + at + 1, f"`{mark}` is unpaired here; the source pairs its marks"
                    )
