"""White space that machine translation breaks: in clock times and between words. Spaces before
punctuation (WS002) and inside brackets (WS004) are packs, `mtfix/rules/packs/en/`."""

from __future__ import annotations

import re

from mtfix.model import Edit, Fix, Severity
from mtfix.registry import Rule, register

#: Words after which `07: 10` is a clock time.
TIME_WORDS = ("at", "from", "until", "till", "to", "by", "since", "before", "after", "around", "about")
#: What stands before a clock time: a date, a dash, or one of TIME_WORDS.
TIME_CONTEXT = re.compile(
    rf"(?:^|\b(?:{'|'.join(TIME_WORDS)})|[-–—,(]|\d)[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
#: How far before the blanks ahead of a time its context can start.
CONTEXT_REACH = max(map(len, TIME_WORDS))
TIME = re.compile(r"(?<![\d:.,])(?:[01]\d|2[0-3]):(?P<gap>[ \t]+)[0-5]\d(?![\d:]|[.,]\d)")
DOUBLE_SPACE = re.compile(r"(?<=[^\s.!?:])(?P<gap> {2,})(?=\S)")


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
        text = document.text
        for m in document.finditer(TIME):
            line_start = document.line_span(document.position(m.start())[0]).start
            # The context ends right before the time, past its blanks: the regex reads the
            # letter before a word itself, so the search never starts a line's length back.
            blanks = m.start()
            while blanks > line_start and text[blanks - 1] in " \t":
                blanks -= 1
            if not TIME_CONTEXT.search(text, max(line_start, blanks - CONTEXT_REACH), m.start()):
                continue
            time = m.group().replace(m["gap"], "")
            yield self._replace(
                m.start("gap"), m.end("gap"), f"space inside the time {m.group()!r}", suggestions=[time]
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
