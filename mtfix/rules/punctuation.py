"""Punctuation carried over from Russian: dash attributions and guillemets."""

from __future__ import annotations

import re

from mtfix.model import Edit, Fix, Severity
from mtfix.registry import Rule, register
from mtfix.rules import speech
from mtfix.rules.grammar import alternation

#: Words that start a new clause rather than name a speaker: `"…" - and then said nothing`.
NOT_SUBJECT = "(?:and|but|or|then|which|that|who|so|because|while|when|if|as|not|nor)"

DASH_ATTRIBUTION = re.compile(
    r"(?<=\S)(?P<inner>[.,]?)(?P<quote>[\"”»’'])(?P<outer>,?)(?P<gap>[ \t]*[-–—][ \t]+)"
    rf"(?=(?:(?!{NOT_SUBJECT}\b)[\w.'’-]+[ \t]+){{0,6}}?(?:{alternation(speech.verbs())})\b)"
)


@register
class DashAttribution(Rule):
    """Russian marks the speaker after a quotation with a dash: `"…", - he said`. English
    puts a comma inside the closing quote and no dash; a full stop there becomes a comma,
    and `?` or `!` stays.

    Bad: "We agree", - he said.
    Good: "We agree," he said.
    """

    code = "PU001"
    name = "dash-attribution"
    summary = "Russian-style dash between a quotation and its speaker"
    category = "punctuation/dash-attribution"
    severity = Severity.WARNING
    fixable = True

    def check(self, document):
        text = document.text
        for m in document.finditer(DASH_ATTRIBUTION):
            before = text[: m.start("inner")]
            if m["quote"] == '"' and not m["inner"] and before[-1:] in ' "(':
                continue
            ends_sentence = before.endswith(("?", "!", "…", "..")) or (
                m["inner"] == "." and before.endswith(".")
            )
            inner = m["inner"] if ends_sentence else ","
            replacement = f"{inner}{m['quote']} "
            yield self.issue(
                m.start(),
                m.end("gap"),
                "dash after a quotation; English attributes speech with a comma inside the quotes",
                suggestions=[replacement.rstrip()],
                fix=Fix.safe(Edit.replace(m.start(), m.end("gap"), replacement)),
            )


GUILLEMETS = re.compile(r"«(?P<a>[^«»\n]*)»|„(?P<b>[^„“”\n]*)[“”]|(?P<lone>[«»„])")
_QUOTES = {"US": ("“", "”"), "UK": ("‘", "’")}


def _in_prose(document, mark: str) -> int:
    """How often `mark` stands in the prose: an HTML attribute's quotes do not count."""
    return sum(document.text.count(mark, s.start, s.end) for s in document.segments)


@register
class ForeignQuotes(Rule):
    """Guillemets «…» and low-high quotes „…“ are Russian typography. English uses “…”
    (US) or ‘…’ (UK); in a text written with straight quotes, "…".

    Bad: He called it «a provocation».
    Good: He called it "a provocation".
    """

    code = "PU002"
    name = "foreign-quotes"
    summary = "Russian quotation marks « » or „ “ in English text"
    category = "punctuation/quotes"
    severity = Severity.WARNING
    fixable = True

    def check(self, document):
        straight = _in_prose(document, '"') > _in_prose(document, "“") + _in_prose(document, "”")
        opening, closing = ('"', '"') if straight else _QUOTES[self.settings.english_variant]
        for m in document.finditer(GUILLEMETS):
            if m["lone"]:
                yield self.issue(
                    m.start(), m.end(), f"unpaired Russian quotation mark `{m['lone']}`"
                )
                continue
            quoted = m["a"] if m["a"] is not None else m["b"]
            fixed = f"{opening}{quoted}{closing}"
            yield self.issue(
                m.start(),
                m.end(),
                "Russian quotation marks; use English ones",
                suggestions=[fixed],
                fix=Fix.safe(
                    Edit.replace(m.start(), m.start() + 1, opening),
                    Edit.replace(m.end() - 1, m.end(), closing),
                ),
            )
