"""Russian number and date conventions left in English: 13.04.2017, 10 000, mln. The decimal
comma (1,5 million, LC002) is the pack `mtfix/rules/packs/en/decimal-comma.yml`."""

from __future__ import annotations

import calendar
import re

from mtfix.model import Edit, Fix, Severity
from mtfix.registry import Rule, register

DATE = re.compile(
    r"(?<![\w.,/:-])(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>\d{4})(?!\w|[.,/:-]\d)"
)


def english_date(day: int, month: int, year: int, style: str) -> str:
    """A date written the English way for the configured style (us, uk or iso)."""
    if style == "iso":
        return f"{year:04d}-{month:02d}-{day:02d}"
    name = calendar.month_name[month]
    return f"{day} {name} {year}" if style == "uk" else f"{name} {day}, {year}"


@register
class NumericDate(Rule):
    """A date written day.month.year, the Russian way. English readers take `02.03.2017` for
    February 3 in the US; the fix writes the month as a word in the configured date style
    (`date-style`: us, uk or iso; by default that of `english-variant`). Only valid dates
    with a four-digit year are touched; `02.14.2018` (month first) is left alone.

    Bad: 13.04.2017 - 07:10
    Good: April 13, 2017 - 07:10
    """

    code = "LC001"
    name = "numeric-date"
    summary = "a day.month.year date instead of the English date format"
    category = "locale/date-format"
    severity = Severity.WARNING
    fixable = True

    def check(self, document):
        style = self.settings.dates
        for m in document.finditer(DATE):
            day, month, year = int(m["day"]), int(m["month"]), int(m["year"])
            if not (1 <= month <= 12 and 1800 <= year <= 2100):
                continue
            if not 1 <= day <= calendar.monthrange(year, month)[1]:
                continue
            fixed = english_date(day, month, year, style)
            yield self.issue(
                m.start(),
                m.end(),
                f"`{m[0]}` is a {self.context.pair.source.name} day.month.year date; write `{fixed}`",
                suggestions=[fixed],
                fix=Fix.safe(Edit.replace(m.start(), m.end(), fixed)),
            )


#: Digits grouped by spaces, not glued to a letter on either side: `R20 108V` and
#: `B13 180x220` are a model code and a size, not an amount.
SPACED_THOUSANDS = re.compile(
    r"(?<![\d.,])(?<!\d[ \u00a0\u2009\u202f])(?<![^\W\d_])"
    r"(?P<number>[1-9]\d{0,2}(?:[ \u00a0\u2009\u202f]\d{3})+)"
    r"(?!\d|[ \u00a0\u2009\u202f]\d|[.,]\d{3}|[-–]\d+-|[^\W\d_])"
)


#: An amount of something (`10 000 people`) or of money (`$10 000`): the spaces group thousands.
#: Elsewhere (`widths: 10 100`) the digits may be two numbers, so the finding is only info.
_COUNTED = re.compile(r"(?:[-–][\d \u00a0\u2009\u202f]+)?[ \t\u00a0]*(?:[^\W\d_]|[$€£₽%])")
_MONEY = frozenset("$€£₽")


@register
class SpacedThousands(Rule):
    """Thousands grouped with spaces, as Russian does (`10 000`). English news groups them with
    commas. Runs of digits that could be separate numbers (`in 2013 187 villages`) or a phone
    number (`7 926 531-85-28`) are left alone; ranges (`5 000-6 000`) are not. The fix is
    safe when a word or currency shows that one amount is meant (`10 000 people`, `$2 800`);
    a bare `150 300` may be two numbers and is reported as info with an unsafe fix.

    Bad: More than 10 000 people took part.
    Good: More than 10,000 people took part.
    """

    code = "LC003"
    name = "spaced-thousands"
    summary = "thousands separated by spaces (10 000) instead of commas"
    category = "locale/number-format"
    severity = Severity.WARNING
    fixable = True

    def check(self, document):
        text = document.text
        for m in document.finditer(SPACED_THOUSANDS):
            fixed = re.sub(r"[ \u00a0\u2009\u202f]", ",", m["number"])
            edit = Edit.replace(m.start(), m.end(), fixed)
            counted = _COUNTED.match(text, m.end()) or text[m.start() - 1 : m.start()] in _MONEY
            yield self.issue(
                m.start(),
                m.end(),
                f"`{m[0]}` groups thousands with spaces; English writes `{fixed}`",
                suggestions=[fixed],
                fix=Fix.safe(edit) if counted else Fix.unsafe(edit),
                severity=None if counted else Severity.INFO,
            )


#: The abbreviation, then an optional full stop; `rub.` and `tys.` only after an amount.
ABBREVIATION = re.compile(
    r"(?:\b(?P<word>mln|bln|mlrd|trln)\b|\b(?P<thous>thous)(?=\.)"
    r"|(?:(?<=\d)(?P<gap>[ \u00a0]?)|(?<=\bmln )|(?<=\bbln )|(?<=illion )|(?<=thousand ))"
    r"(?P<money>rub|rbl)\b|(?<=\d[ \u00a0])(?P<tys>tys)(?=\.))"
    r"(?P<dot>\.?)"
)
EXPANSIONS = {"mln": "million", "bln": "billion", "mlrd": "billion", "trln": "trillion"}
_SENTENCE_END = re.compile(r"[ \t]*(?:$|[\r\n]|[ \t]+[A-Z\"“«(])")


@register
class RussianAbbreviation(Rule):
    """Russian abbreviations of magnitudes and currency carried into English: `mln` (млн),
    `bln` and `mlrd` (млрд), `thous.` (тыс.), `rub.` (руб.). The fix spells the word out;
    a full stop that also ends the sentence is kept.

    Bad: The deal is worth 5 mln rub.
    Good: The deal is worth 5 million rubles.
    """

    code = "LC004"
    name = "russian-abbreviation"
    summary = "a Russian abbreviation such as mln, bln, thous. or rub."
    category = "locale/number-format"
    severity = Severity.WARNING
    fixable = True

    def check(self, document):
        text = document.text
        rubles = "roubles" if self.settings.english_variant == "UK" else "rubles"
        for m in document.finditer(ABBREVIATION):
            if m["word"]:
                word = EXPANSIONS[m["word"]]
            elif m["money"]:
                word = rubles if m["gap"] != "" else " " + rubles
            else:
                word = "thousand"
            keep = m["dot"] and _SENTENCE_END.match(text, m.end())
            fixed = word + ("." if keep else "")
            start = m.start("money") if m["money"] and m["gap"] else m.start()
            shown = text[start : m.end()].strip()
            yield self.issue(
                start,
                m.end(),
                f"`{shown}` is a Russian abbreviation; write `{word.strip()}`",
                suggestions=[fixed.strip()],
                fix=Fix.safe(Edit.replace(start, m.end(), fixed)),
            )
