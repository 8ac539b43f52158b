"""BL003: a target that is its source, or still in the source's script."""

from __future__ import annotations

from mtfix.model import Severity
from mtfix.registry import Rule, register
from mtfix.rules.bilingual.common import CYRILLIC, LETTER, fold, units


@register
class Untranslated(Rule):
    """The target is a copy of the source, or still mostly Cyrillic: the unit was never
    translated. (Single Cyrillic words in English are CY001's.)

    Bad: Министр прибыл в Москву. → Министр прибыл в Москву.
    Good: Министр прибыл в Москву. → The minister arrived in Moscow.
    """

    code = "BL003"
    name = "untranslated-segment"
    summary = "the target is the source, untranslated"
    category = "accuracy/untranslated"
    severity = Severity.ERROR

    def check(self, document):
        for unit, target in units(document):
            if not CYRILLIC.search(target) or not CYRILLIC.search(unit.source):
                continue  # neither a copy of a Russian source nor still in Russian
            letters = LETTER.findall(target)
            cyrillic = sum(1 for c in letters if CYRILLIC.match(c))
            span = unit.span
            if fold(target) == fold(unit.source):
                yield self.issue(span.start, span.end, "the target is a copy of the source")
            elif len(letters) >= 4 and cyrillic / len(letters) > 0.5:
                yield self.issue(span.start, span.end, "the target is still in Russian")
