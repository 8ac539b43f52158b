"""BL008, BL009: one source translated two ways, or two sources translated one way."""

from __future__ import annotations

import re

from mtfix.model import Severity
from mtfix.registry import Rule, register
from mtfix.rules.bilingual.common import LETTER, fold, units

#: Sources longer than this many words are sentences, whose two renderings are info.
SENTENCE_WORDS = 8


@register
class InconsistentTranslation(Rule):
    """The same source is translated differently in two units of one file (Xbench's
    "same source, different target").

    A short source (a term, a label, a menu item) translated two ways is a warning; a
    sentence of more than `SENTENCE_WORDS` words is info: read on WMT22 product pages, the two
    renderings of a repeated sentence were both right, only worded differently.

    Bad: Сохранить → Save (unit 1); Сохранить → Keep (unit 7)
    Good: Сохранить → Save (unit 1); Сохранить → Save (unit 7)
    """

    code = "BL008"
    name = "inconsistent-translation"
    summary = "one source translated in different ways"
    category = "consistency/segment"
    severity = Severity.WARNING

    def check(self, document):
        first: dict[str, tuple[object, str]] = {}
        for unit, target in units(document):
            key = fold(unit.source)
            if not key:
                continue
            if key not in first:
                first[key] = (unit, target)
                continue
            earlier, earlier_target = first[key]
            if fold(target) != fold(earlier_target):
                line, _ = document.location(earlier.span.start)
                span = unit.span
                long = len(key.split()) > SENTENCE_WORDS
                yield self.issue(
                    span.start,
                    span.end,
                    f"the same source is translated `{_short(earlier_target)}` on line {line}",
                    suggestions=[earlier_target],
                    severity=Severity.INFO if long else None,
                )


@register
class InconsistentSource(Rule):
    """Two different sources in one file have the same translation (Xbench's "same target,
    different source"): one of them is probably wrong. Sources that differ only by a form,
    a particle or a typo are the same source.

    Bad: Открыть → Open (unit 1); Закрыть → Open (unit 2)
    Good: Открыть → Open (unit 1); Закрыть → Close (unit 2)
    """

    code = "BL009"
    name = "inconsistent-source"
    summary = "different sources with the same translation"
    category = "consistency/segment"
    severity = Severity.INFO

    def check(self, document):
        first: dict[str, tuple[object, str]] = {}
        for unit, target in units(document):
            key = fold(target)
            if not key or not LETTER.search(key):
                continue
            if key not in first:
                first[key] = (unit, unit.source)
                continue
            earlier, source = first[key]
            if not _near(fold(_no_digits(source)), fold(_no_digits(unit.source))):
                line, _ = document.location(earlier.span.start)
                span = unit.span
                yield self.issue(
                    span.start, span.end, f"the same target translates `{_short(source)}` on line {line}"
                )


def _near(a: str, b: str) -> bool:
    """Sources that differ only by a form, a particle or a typo (задавай/задавайте вопросы)."""
    from difflib import SequenceMatcher

    return a == b or SequenceMatcher(None, a, b).ratio() >= 0.75


def _no_digits(text: str) -> str:
    return re.sub(r"\d", "", text)


def _short(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
