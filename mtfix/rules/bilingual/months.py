"""BL002: a month the source names that the target does not, or names differently."""

from __future__ import annotations

import re
from functools import cache

from mtfix.model import Severity
from mtfix.registry import Rule, register
from mtfix.rules.bilingual.common import ENGLISH, data, units
from mtfix.rules.bilingual.numbers import DATE


@cache
def _month_forms(language: str) -> tuple[re.Pattern[str], list[tuple[re.Pattern[str], int]]]:
    """A pattern for any month name of `language`, and one pattern per month."""
    months = data(language)["months"]
    every = re.compile(rf"(?<!\w)(?:{'|'.join(months)})(?!\w)", re.IGNORECASE)
    return every, [(re.compile(rf"(?<!\w)(?:{forms})(?!\w)", re.IGNORECASE), n) for forms, n in months.items()]


@cache
def _months_en() -> re.Pattern[str]:
    names = sorted(data(ENGLISH)["months"], key=len, reverse=True)
    return re.compile(rf"\b(?:{'|'.join(names)})\b\.?", re.IGNORECASE)


def source_months(source: str, language: str) -> set[int]:
    """The months a source in `language` names, in words or in a `13.04.2017` date."""
    found = set()
    every, months = _month_forms(language)
    for pattern, n in months if every.search(source) else ():
        if pattern.search(source):
            found.add(n)
    for m in DATE.finditer(source):
        if 1 <= int(m["m"]) <= 12:
            found.add(int(m["m"]))
    return found


@register
class MonthMismatch(Rule):
    """A month named in the source (any case form, or the month of a `13.04.2017` date) is not
    the month the target names, or the target names a month the source does not.

    Bad: 13 апреля 2017 года → on March 13, 2017
    Good: 13 апреля 2017 года → on April 13, 2017
    """

    code = "BL002"
    name = "month-mismatch"
    summary = "a month differs between source and target"
    category = "accuracy/number-mismatch"
    severity = Severity.WARNING

    def check(self, document):
        pairs = units(document)
        if not pairs:
            return
        source_language = self.context.pair.source.code
        table = data(ENGLISH)["months"]
        named_in: dict[int, list[re.Match[str]]] = {}  # unit index: the month names in its target
        for m in document.finditer(_months_en()):
            if (index := document.unit_index(m.start())) is not None:
                named_in.setdefault(index, []).append(m)
        index_of = {id(unit): i for i, unit in enumerate(document.units)}
        for unit, target in pairs:
            source = source_months(unit.source, source_language)
            found = []
            for m in named_in.get(index_of[id(unit)], ()):
                if unit.span.start <= m.start() and m.end() <= unit.span.end:
                    word = m.group().rstrip(".").lower()
                    if word in ("may", "mar", "jan", "dec", "sep", "oct", "jun", "jul", "aug", "nov", "feb", "apr") and (
                        word == "may" and m.group()[0] == "m" or m.group()[0].islower()
                    ):
                        continue  # the verb `may`, or a lower-case word that is not a month
                    found.append((m, table[word]))
            if not source and not found:
                continue
            named = {n for _, n in found}
            digits = {int(d) for m in _NUMERIC_DATE.finditer(target) for d in m.groups() if len(d) <= 2}
            for m, n in found:
                if n not in source and source:
                    yield self.issue(m.start(), m.end(), f"`{m.group()}` is not the month the source names")
            for n in sorted(source - named):
                if named or n not in digits:
                    span = unit.span
                    english = next(k for k, v in table.items() if v == n and len(k) > 3 or k == "may" and n == 5)
                    yield self.issue(
                        span.start, span.end, f"the source names {english.title()}, the target does not"
                    )


_NUMERIC_DATE = re.compile(r"(?<![\d.])(\d{1,4})[./-](\d{1,2})[./-](\d{1,4})(?![\d])")
