"""Capitals in the wrong place: a sentence start left mid-sentence after a lost full stop."""

from __future__ import annotations

import re

from mtfix import datafiles
from mtfix.model import Edit, Fix, Severity
from mtfix.registry import Rule, register

#: Words capitalised only at a sentence start. Left out: A and I (`vitamin A`), and His and You,
#: which some writers capitalise in reverence or emphasis (`with His help`).
CLAUSE_WORDS = "|".join(datafiles.lines("english-clause-words.txt"))
#: Words that also begin names and titles (`in The Hague`), flagged only before a lower-case word.
NAME_WORDS = "|".join(datafiles.lines("english-name-words.txt"))
#: Lower-case words after which a capital starts a title or a name: `the film It`, `vitamin B`.
TITLE_CUES = datafiles.words("english-title-cues.txt")
#: Prepositions, which seldom end a sentence: a sentence word right after one (`which in There
#: is`) is word salad more often than a lost full stop.
PREPOSITIONS = datafiles.words("english-prepositions.txt")
MID_CAPITAL = re.compile(
    r"(?<![\w'’.-])(?P<before>[a-z][a-z'’]*)(?P<paren>[ \t]+\((?P<inside>[^()\r\n]{1,60})\))?"
    rf"(?P<gap>[ \t]+)(?P<word>(?P<clause>{CLAUSE_WORDS})|(?P<name>{NAME_WORDS}))\b"
    r"(?P<after>[ \t]+[\w'’-]+|[^\w]|$)"
)
_EDITORIAL = re.compile(r"(?:\bEd|\bed|\bEditor|\beditor|\bauth)\.$")
#: Where the capitalised word of a MID_CAPITAL match can stand: after a blank.
_WORD_AFTER_BLANK = re.compile(rf"[ \t](?:{CLAUSE_WORDS}|{NAME_WORDS})\b")
_LOWER = frozenset("abcdefghijklmnopqrstuvwxyz'’")
#: A sentence break: a full stop, question or exclamation mark, a closing quote or bracket
#: perhaps, a blank, and a capital.
_BREAK = re.compile(r"[.!?…][\"'»”’)]*\s+[\"'«“(]*[A-ZА-ЯЁЄІЇҐ]")
#: Below this Zipf frequency the word after a capital is no English word: `It sanshayn-Kost`
#: is a name the MT split (Sunshine Coast), not a sentence start.
_RARE = 2.5


def _mid_capitals(text: str, start: int, end: int):
    """`MID_CAPITAL.finditer(text, start, end)`, trying the pattern only where a match can
    start: at the lower-case word before a capitalised sentence word (or before the
    bracketed insertion that precedes it)."""
    starts = set()
    for m in _WORD_AFTER_BLANK.finditer(text, start, end):
        before = m.start()
        while before > start and text[before - 1] in " \t":
            before -= 1
        starts.add(_word_start(text, before, start))
        if before > start and text[before - 1] == ")":
            opening = text.rfind("(", max(start, before - 62), before - 1)
            if opening > start:
                while opening > start and text[opening - 1] in " \t":
                    opening -= 1
                starts.add(_word_start(text, opening, start))
    position = start
    for candidate in sorted(starts):
        if candidate >= position:
            m = MID_CAPITAL.match(text, candidate, end)
            if m is not None:
                yield m
                position = m.end()


def _word_start(text: str, end: int, start: int) -> int:
    """Where the run of lower-case letters and apostrophes ending at `end` begins."""
    while end > start and text[end - 1] in _LOWER:
        end -= 1
    return end


@register
class MidSentenceCapital(Rule):
    """A word capitalised as if it began a sentence, right after a lower-case word with no
    punctuation between: the full stop (or comma) of the source was lost in translation,
    often around an editorial insertion such as `(US - Ed.)`. Names and titles are left
    alone: `The` and prepositions count only before a lower-case word (`in The Hague` is
    fine), and nothing after cue words such as `called`, `film` or `vitamin` is flagged, nor
    a capital before a word English does not know (`It sanshayn-Kost`, a name the MT split).
    The fix lowers the capital; in a bilingual file whose source has more sentences than the
    target it puts the lost full stop back instead.

    `The` and a preposition (`destruction By the independence`) are reported at info unless
    the source shows the lost sentence break: judged on WMT14 and WMT22 MT they were mostly
    word salad or a title's capital, which lowering does not repair; a pronoun or
    conjunction (`that He left`, `the truth And we`) stays a warning, except right after a
    preposition (`which in There is no`), where a sentence seldom ends: judged on WMT22 MT
    that was word salad too.

    Bad: they do not want to establish the truth And we will insist on it.
    Good: they do not want to establish the truth, and we will insist on it.
    """

    code = "CA001"
    name = "mid-sentence-capital"
    summary = "a capitalised sentence word in mid-sentence after a lost full stop"
    category = "casing/mid-sentence-capital"
    severity = Severity.WARNING
    fixable = True

    def check(self, document):
        text = document.text
        for m in (
            m
            for segment in document.segments
            for m in _mid_capitals(text, segment.start, segment.end)
        ):
            if m["before"] in TITLE_CUES:
                continue
            after = m["after"].strip()
            if m["name"] and not after[:1].islower():
                continue
            if m["clause"] and after[:1].isupper():
                continue
            if m["paren"] and re.search(r"[.!?]$", m["inside"]) and not _EDITORIAL.search(
                m["inside"]
            ):
                continue
            if after[:1].islower() and _rare(after):
                continue
            if m["before"][-1] in "'’" or m["clause"] and after[:1] in "?!":
                continue  # `about' The past circle'`, `is that you What?!`: a quotation
            word = m["word"]
            lower = word.lower()
            lost = _lost_break(document, m.start("word"))
            if lost:
                stop = m.start("gap")
                fix = Fix.unsafe(Edit.replace(stop, stop, "."))
            else:
                fix = Fix.unsafe(Edit.replace(m.start("word"), m.end("word"), lower))
            yield self.issue(
                m.start("word"),
                m.end("word"),
                f"`{word}` is capitalised in mid-sentence; a full stop or comma before it may"
                " have been lost",
                suggestions=[lower, f". {word}"],
                fix=fix,
                severity=None if lost or (m["clause"] and m["before"] not in PREPOSITIONS) else Severity.INFO,
            )


def _rare(word: str) -> bool:
    from mtfix.lexicon.english import zipf

    word = re.match(r"[\w'’]*", word)[0]
    return zipf(word.split("'")[0]) < _RARE


def _lost_break(document, offset: int) -> bool:
    """Whether the unit at `offset` has fewer sentence breaks than its source: then the full
    stop was lost and is put back, rather than the capital lowered."""
    unit = document.unit_at(offset) if document.units else None
    if unit is None or not unit.source:
        return False
    target = document.text[unit.span.start : unit.span.end]
    return len(_BREAK.findall(unit.source)) > len(_BREAK.findall(target))
