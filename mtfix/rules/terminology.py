"""Glossary terms: forbidden variants replaced by the approved English term."""

from __future__ import annotations

import re

from mtfix.glossary import match_case
from mtfix.model import Edit, Fix, Severity
from mtfix.registry import Rule, register

#: After `the Ukraine`, a lower-case word that is not a verb or function word is the head of
#: the noun phrase (`the Ukraine crisis`), so `the` is right.
_NEXT_WORD = re.compile(r"[ \t]+([a-z]+)")
_NOT_HEAD = frozenset(
    "is was has had have will would can could may might must should and or but to in on of "
    "for with at by from as that which who since after before into itself is are were".split()
)


def _attributive(text: str, end: int) -> bool:
    m = _NEXT_WORD.match(text, end)
    return bool(m) and m[1] not in _NOT_HEAD and not m[1].endswith("ed")


@register
class GlossaryVariant(Rule):
    """A variant the glossary forbids (a transliteration, an MT rendering, a dated name)
    stands where the approved term belongs. The fix keeps the case pattern of the text.
    A variant starting with `the` is skipped before a lower-case word (`the Ukraine crisis`).

    Bad: A source: RIA News
    Good: A source: RIA Novosti
    """

    code = "TM001"
    name = "glossary-variant"
    summary = "a variant the glossary forbids instead of the approved term"
    category = "terminology/glossary"
    severity = Severity.ERROR
    fixable = True

    def check(self, document):
        glossary = self.settings.glossary
        text = document.text
        for segment in document.segments:
            for match in glossary.variants_in(text, segment.start, segment.end):
                if match.variant.lower().startswith("the ") and _attributive(text, match.end):
                    continue
                term = match.entry.term
                if not match.entry.case_sensitive:
                    term = match_case(match.variant, term)
                yield self.issue(
                    match.start,
                    match.end,
                    f"`{match.variant}` is not the approved term; use `{term}`",
                    suggestions=[term],
                    fix=Fix.safe(Edit.replace(match.start, match.end, term)),
                )
