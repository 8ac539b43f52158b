"""BL001: numbers that differ between source and target (digits, grouped thousands, decimal
commas, magnitude words, Roman numerals, numeric dates)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache

from mtfix.model import Severity
from mtfix.registry import Rule, register
from mtfix.rules.bilingual.common import ENGLISH, data, units

#: A number as Russian or English writes it: groups of three separated by a space or comma,
#: and a decimal point or comma. A group never starts a size (`16 100x185` is 16 and 100x185).
_NUMBER = (
    r"(?<![\w.,])(?P<int>\d{1,3}(?:(?P<sep>[ \u00a0\u202f\u2009%s])\d{3}(?!\d|[xх×]\d))(?:(?P=sep)\d{3}(?!\d|[xх×]\d))*|\d+)"
    r"(?:(?P<frac>[.,])(?P<dec>\d+))?(?P<suffix>[^\W\d_]*)"
)
#: Russian groups digits with spaces only (a comma is the decimal sign); English with commas.
_NUMBER_RU = re.compile(_NUMBER % "")
_NUMBER_EN = re.compile(_NUMBER % ",")
DATE = re.compile(r"(?<![\w.])(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4}|\d{2})(?![\w])")
_PM = re.compile(r"(?::[0-5]\d)?\s?[pP]\.?[mM]\b")  # 2 p.m., 4:20 pm
#: A numeric date in an English target, day or month first.
_DATE_EN = re.compile(r"(?<![\w.])(?P<d>\d{1,2})[./](?P<m>\d{1,2})[./](?P<y>\d{4}|\d{2})(?![\w])")
_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class Number:
    value: Decimal
    start: int
    end: int
    text: str
    #: The month of a numeric date, which a target may write as a name (BL002's business).
    month: bool = False


def _value(m: re.Match[str], english: bool) -> Decimal | None:
    """The number a match stands for: English groups thousands with commas, a Slavic source
    with spaces and writes a decimal comma."""
    whole, sep, frac, dec = m["int"], m["sep"], m["frac"], m["dec"]
    digits = whole.replace(sep, "") if sep else whole
    if frac and dec and len(dec) == 3 and not sep and (english and frac == "," or not english and frac == "."):
        digits, frac, dec = digits + dec, None, None  # 10,000 in English, 17.000 in Russian
    try:
        return Decimal(f"{digits}.{dec}" if frac and dec else digits)
    except InvalidOperation:
        return None


#: What every number `numbers` finds holds: a digit, or a Roman numeral's letter.
_MAY_HOLD_NUMBER = re.compile(r"[\dIVX]")


def numbers(text: str, language: str) -> list[Number]:
    """Numbers in `text`, written in `language`, each multiplied by a magnitude word that
    follows it (млн, million)."""
    found = []
    english = language == ENGLISH
    magnitudes = data(language)["magnitudes"]
    dates = _DATE_EN if english else DATE
    for m in (_NUMBER_EN if english else _NUMBER_RU).finditer(text):
        if dates.match(text, m.start()):
            continue
        value = _value(m, english)
        if value is None:
            continue
        end = m.end()
        after = _WORD.match(text, end + 1) if text[end : end + 1] in (" ", "\u00a0") else None
        word = (m["suffix"] or (after.group() if after else "")).lower()
        if english and m["suffix"] == "m" and re.search(r"[$€£]\s?$", text[: m.start()]):
            word = "million"  # $5m, € 1m
        factor = magnitudes.get(word) or next(
            (f for stem, f in magnitudes.items() if not english and len(stem) > 3 and word.startswith(stem)), None
        )
        if factor:
            value *= factor
            end = end if m["suffix"] else after.end()
        elif english and value < 12 and _PM.match(text, end):
            value += 12  # 2 p.m. is 14:00
        found.append(Number(value, m.start(), end, text[m.start() : end]))
    for m in dates.finditer(text):
        for part in ("d", "m", "y"):
            found.append(Number(Decimal(int(m[part])), m.start(part), m.end(part), m[part], part == "m"))
    if not english:
        for m in _ROMAN.finditer(text):
            if m.group(1) and (value := _roman(m.group(1))):
                found.append(Number(Decimal(value), m.start(1), m.end(1), m.group(1)))
    return found


#: A Roman numeral as Russian writes centuries, congresses and monarchs (XX век, II-го).
_ROMAN = re.compile(r"(?<![\w-])(?=[IVX])(X{0,3}(?:IX|IV|V?I{0,3}))(?:-\w+)?(?![\w])")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10}


def _roman(numeral: str) -> int:
    if numeral == "I":
        return 0  # more often a letter or an initial than the number one
    total = 0
    for i, c in enumerate(numeral):
        v = _ROMAN_VALUES[c]
        total += -v if i + 1 < len(numeral) and _ROMAN_VALUES[numeral[i + 1]] > v else v
    return total


@cache
def _number_words(language: str) -> list[tuple[re.Pattern[str], Decimal]]:
    return [(re.compile(rf"(?<!\w){stem}", re.IGNORECASE), Decimal(str(v))) for stem, v in data(language)["numbers"].items()]


def _word_values(text: str, language: str) -> set[Decimal]:
    """The numbers `text` writes in words."""
    if language == ENGLISH:
        table = data(ENGLISH)["numbers"]
        words = _WORD.findall(text.lower())
        found = {Decimal(str(table[w])) for w in words if w in table}
        magnitudes = data(ENGLISH)["magnitudes"]
        for number, magnitude in zip(words, words[1:]):
            if number in table and magnitude in magnitudes:
                found.add(Decimal(str(table[number])) * magnitudes[magnitude])
        for tens, units in re.findall(r"\b([a-z]+ty)-([a-z]+)\b", text.lower()):
            if tens in table and units in table and table[units] < 10:
                found.add(Decimal(table[tens] + table[units]))
        return found
    return {v for pattern, v in _number_words(language) if pattern.search(text)}


def _matches(value: Decimal, others: set[Decimal]) -> bool:
    if value in others:
        return True
    # 90-е годы: the 1990s; 1,5 млн: 1.5 million written as 1,500,000 is caught above.
    if value != value.to_integral():
        return False
    if value < 100:
        return any(o >= 1000 and o % 100 == value for o in others)
    return 1000 <= value < 2100 and any(o < 100 and value % 100 == o for o in others)


@register
class NumberMismatch(Rule):
    """A number in the source is missing from the target, or the target has one the source
    does not. `1,5` and `1.5`, `10 000` and `10,000`, `2 млн` and `2 million` (or `2,000,000`)
    are the same number; a number written as a word (`two`, `twice`, `пять`) counts too.

    Bad: 25 000 человек вышли на улицы. → 2,500 people took to the streets.
    Good: 25 000 человек вышли на улицы. → 25,000 people took to the streets.
    """

    code = "BL001"
    name = "number-mismatch"
    summary = "a number differs between source and target"
    category = "accuracy/number-mismatch"
    severity = Severity.WARNING

    def check(self, document):
        text = document.text
        source_language = self.context.pair.source.code
        for unit, target in units(document):
            source_numbers = numbers(unit.source, source_language) if _MAY_HOLD_NUMBER.search(unit.source) else []
            if not source_numbers and not any(map(str.isdigit, target)):
                continue
            source_values = {n.value for n in source_numbers}
            target_numbers = []
            for span in unit.target:
                target_numbers += [
                    Number(n.value, n.start + span.start, n.end + span.start, n.text)
                    for n in numbers(text[span.start : span.end], ENGLISH)
                ]
            target_values = {n.value for n in target_numbers}
            missing = [
                n
                for n in source_numbers
                if not n.month
                and n.value != 0
                and not _matches(n.value, target_values)
                and not re.search(rf"(?<!\d){re.escape(n.text)}(?!\d)", target)
            ]
            extra = [n for n in target_numbers if not _matches(n.value, source_values)]
            if missing:
                words = _word_values(target, ENGLISH)
                missing = [n for n in missing if n.value not in words]
            if extra:
                words = _word_values(unit.source, source_language)
                extra = [n for n in extra if n.value not in words and not _in_source(n.text, unit.source)]
            for n in extra:
                yield self.issue(n.start, n.end, f"`{n.text}` is not in the source")
            for n in _distinct(missing):
                span = unit.span
                yield self.issue(span.start, span.end, f"the source's `{n.text}` is missing from the target")


def _in_source(text: str, source: str) -> bool:
    return re.search(rf"(?<!\d){re.escape(text)}(?!\d)", source) is not None


def _distinct(found: list[Number]) -> list[Number]:
    seen, out = set(), []
    for n in found:
        if n.value not in seen:
            seen.add(n.value)
            out.append(n)
    return out
