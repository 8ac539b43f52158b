"""White space that machine translation breaks: in times, before punctuation, inside brackets."""

from __future__ import annotations

import re

from mtfix.model import Edit, Fix, Severity
from mtfix.registry import Rule, register
from mtfix.tokenization import tokenized

#: What stands before a clock time: a date, a dash, or a word such as "at" or "until".
TIME_CONTEXT = re.compile(
    r"(?:^|\b(?:at|from|until|till|to|by|since|before|after|around|about|until)|[-–—,(]|\d)[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
TIME = re.compile(r"(?<![\d:.,])(?:[01]\d|2[0-3]):(?P<gap>[ \t]+)[0-5]\d(?![\d:]|[.,]\d)")
BEFORE_PUNCTUATION = re.compile(
    r"(?<=[\w\"”’)\]])(?P<gap>[ \t]+)"
    r"(?:(?P<mark>[,!?])|\.(?![.\w])|:(?![ \t]*\d|[()])|;(?![()]))(?=\s|$|[\"”’)\]])"  # not an emoticon :)
)
DOUBLE_SPACE = re.compile(r"(?<=[^\s.!?:])(?P<gap> {2,})(?=\S)")
PADDED_PARENTHESES = re.compile(r"\((?P<lead>[ \t]*)(?P<body>[^()\n]*?\S)(?P<trail>[ \t]*)\)")


class _SpacingRule(Rule):
    category = "punctuation/spacing"
    severity = Severity.WARNING
    fixable = True

    def _replace(self, start, end, message, keep="", suggestions=()):
        """An issue whose safe fix replaces the white space at start..end with `keep`."""
        fix = Fix.safe(Edit.replace(start, end, keep))
        return self.issue(start, end, message, suggestions=suggestions, fix=fix)


@register
class TimeSpacing(_SpacingRule):
    """A space after the colon in a clock time, as Russian MT leaves in `07: 10`. Only a
    time after a date, a dash or a word such as `at` counts, so `Chapter 12: 30 Days` passes.

    Bad: The meeting began at 07: 10.
    Good: The meeting began at 07:10.
    """

    code = "WS001"
    name = "time-spacing"
    summary = "space inside a clock time"

    def check(self, document):
        for m in document.finditer(TIME):
            line_start = document.line_span(document.position(m.start())[0]).start
            if not TIME_CONTEXT.search(document.text, line_start, m.start()):
                continue
            time = m.group().replace(m["gap"], "")
            yield self._replace(
                m.start("gap"), m.end("gap"), f"space inside the time {m.group()!r}", suggestions=[time]
            )


@register
class SpaceBeforePunctuation(_SpacingRule):
    """English puts no space before a comma, full stop, colon, semicolon, `!` or `?`. Text
    tokenized as MT pipelines write it (`hadn 't`, `the knife .` on most lines) has those
    spaces by design and is left alone (`tokenized` in the settings).

    Bad: He agreed , but with reservations .
    Good: He agreed, but with reservations.
    """

    code = "WS002"
    name = "space-before-punctuation"
    summary = "space before , . : ; ! or ?"

    def check(self, document):
        if tokenized(document, self.settings.tokenized):
            return
        for m in document.finditer(BEFORE_PUNCTUATION):
            mark = document.text[m.end("gap")]
            yield self._replace(
                m.start("gap"), m.end("gap"), f"space before `{mark}`; remove it"
            )


@register
class DoubleSpace(_SpacingRule):
    """Two or more spaces between words inside a sentence (after a full stop they are a
    typing convention and left alone).

    In a bilingual unit whose source has more spaced dashes than the target, the spaces mark
    where the MT dropped a dash (`Moscow  the capital`): collapsing them would hide the loss,
    so the fix (unsafe) puts the dash back instead.

    Bad: the  results of the talks
    Good: the results of the talks
    """

    code = "WS003"
    name = "double-space"
    summary = "several spaces between words"

    def check(self, document):
        for m in document.finditer(DOUBLE_SPACE):
            if _dash_lost(document, m.start()):
                yield self.issue(
                    m.start(),
                    m.end(),
                    "several spaces where the source has a dash; the dash was probably lost",
                    suggestions=[" — ", " "],
                    fix=Fix.unsafe(Edit.replace(m.start(), m.end(), " — ")),
                )
                continue
            yield self._replace(m.start(), m.end(), "several spaces between words", keep=" ")


SPACED_DASH = re.compile(r"\s[-–—]\s")


def _dash_lost(document, offset: int) -> bool:
    """Whether the unit at `offset` has a source with more spaced dashes than its target."""
    unit = document.unit_at(offset) if document.units else None
    if unit is None or not unit.source:
        return False
    target = document.text[unit.span.start : unit.span.end]
    return len(SPACED_DASH.findall(unit.source)) > len(SPACED_DASH.findall(target))


@register
class PaddedParentheses(_SpacingRule):
    """Spaces just inside parentheses (left alone in tokenized text, as WS002 is).

    Bad: the Russian Aerospace Forces ( VKS )
    Good: the Russian Aerospace Forces (VKS)
    """

    code = "WS004"
    name = "padded-parentheses"
    summary = "space just inside ( )"

    def check(self, document):
        if tokenized(document, self.settings.tokenized):
            return
        for m in document.finditer(PADDED_PARENTHESES):
            if not m["lead"] and not m["trail"]:
                continue
            edits = [
                Edit.replace(m.start(g), m.end(g), "") for g in ("lead", "trail") if m[g]
            ]
            yield self.issue(
                m.start(),
                m.end(),
                "space just inside the parentheses",
                suggestions=[f"({m['body']})"],
                fix=Fix.safe(*edits),
            )
