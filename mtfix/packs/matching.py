"""What a pack entry finds in a document: one Hit per place, with its message, suggestions
and the edit that would fix it. Each kind is a small function; offsets are into
`document.text`, and only the segments (the targets, in a bilingual file) are searched."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass

from mtfix.model import Edit, Fix
from mtfix.packs.schema import Entry, Pack
from mtfix.scan import first_chars, literal_positions

#: How far before a match an exception may begin (within the match's line).
LOOKBACK = 200


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    message: str
    suggestions: tuple[str, ...] = ()
    fix: Fix | None = None


def find(pack: Pack, entry: Entry, document) -> Iterator[Hit]:
    """Every place `entry` of `pack` flags in `document`."""
    yield from _KINDS[entry.kind](pack, entry, document)


def match_case(matched: str, replacement: str) -> str:
    """`replacement` capitalised like the start of `matched`."""
    if matched[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement


def cancelled(exceptions, text: str, start: int, end: int, low: int, high: int) -> bool:
    """Whether an exception matches text covering `start`..`end`: a match of it that begins
    at or before `start` (not before `low`, nor more than LOOKBACK back) and ends at or after
    `end` (not beyond `high`)."""
    for exception in exceptions:
        for position in range(max(low, start - LOOKBACK), start + 1):
            found = exception.match(text, position, high)
            if found is not None and found.end() >= end:
                return True
    return False


def _line_bounds(document, start: int, end: int) -> tuple[int, int]:
    starts = document.line_starts
    first = bisect.bisect_right(starts, start) - 1
    last = bisect.bisect_right(starts, max(start, end - 1))
    return starts[first], starts[last] if last < len(starts) else len(document.text)


def _kept(entry: Entry, document, matches) -> Iterator[re.Match[str]]:
    for m in matches:
        if entry.exceptions:
            low, high = _line_bounds(document, m.start(), m.end())
            if cancelled(entry.exceptions, document.text, m.start(), m.end(), low, high):
                continue
        yield m


def _expand(m: re.Match[str], template: str) -> str:
    return m.expand(template) if "\\" in template else template


def _searched(pack: Pack, entry: Entry, document) -> Iterator[tuple[re.Match[str], int, int]]:
    """Matches of the entry's pattern with the span to report (a line without its blanks)."""
    if pack.scope == "line":
        for m in _kept(entry, document, _lines(document, entry.pattern)):
            yield (m, *_strip(document.text, m.start(), m.end()))
    else:
        for m in _kept(entry, document, document.finditer(entry.pattern)):
            yield m, m.start(), m.end()


def _substitution(pack: Pack, entry: Entry, document) -> Iterator[Hit]:
    text = document.text
    for m, start, end in _searched(pack, entry, document):
        matched = text[start:end]
        suggestions = tuple(match_case(matched, _expand(m, s)) for s in entry.suggestions)
        fix = None
        if entry.fix != "none":
            fix = _make(entry)(Edit.replace(m.start(), m.end(), suggestions[0]))
        yield Hit(start, end, _message(m, entry), suggestions, fix)


def _existence(pack: Pack, entry: Entry, document) -> Iterator[Hit]:
    text = document.text
    for m, start, end in _searched(pack, entry, document):
        fix = None
        if entry.remove:
            edits = [Edit.replace(m.start(g), m.end(g), "") for g in entry.remove if m[g]]
            if not edits:
                continue  # nothing the entry finds wrong: every group it would delete is empty
            fix = None if entry.fix == "none" else _make(entry)(*edits)
        elif entry.fix != "none":
            # The text goes and a line break stays: a line-aligned file (a test set, one
            # segment a line) keeps its line count.
            fix = _make(entry)(Edit.replace(m.start(), m.end(), ""))
        suggestions = tuple(match_case(text[start:end], _expand(m, s)) for s in entry.suggestions)
        yield Hit(start, end, _message(m, entry), suggestions, fix)


def _repetition(pack: Pack, entry: Entry, document) -> Iterator[Hit]:
    for m, start, end in _searched(pack, entry, document):
        fix = None if entry.fix == "none" else _make(entry)(Edit.replace(m.end("first"), m.end(), ""))
        yield Hit(start, end, _message(m, entry), (m["first"],), fix)


def _consistency(pack: Pack, entry: Entry, document) -> Iterator[Hit]:
    """Every spelling but the one the document uses first."""
    first = None
    for m in _kept(entry, document, document.finditer(entry.pattern)):
        variant = int(m.lastgroup[1:])
        if first is None:
            first = variant
        elif variant != first:
            suggestion = match_case(m.group(), entry.suggestions[first])
            fix = None if entry.fix == "none" else _make(entry)(Edit.replace(m.start(), m.end(), suggestion))
            yield Hit(m.start(), m.end(), _message(m, entry), (suggestion,), fix)


def _pair(pack: Pack, entry: Entry, document) -> Iterator[Hit]:
    """Units whose source matches `source` and whose target lacks (or has) `target`, with
    `\\g<name>` in the target pattern standing for that source group's text."""
    compiled: dict[str, re.Pattern[str]] = {}
    text = document.text
    for unit in document.units:
        if not unit.target or not unit.source.strip():
            continue
        source = unit.source
        for m in entry.source.finditer(source):
            if entry.exceptions and cancelled(entry.exceptions, source, m.start(), m.end(), 0, len(source)):
                continue
            body = re.sub(r"\\g<(\w+)>", lambda g: re.escape(m.group(g[1]) or ""), entry.target)
            wanted = compiled.get(body)
            if wanted is None:
                wanted = compiled[body] = re.compile(body, entry.flags)
            found = [t for span in unit.target for t in wanted.finditer(text, span.start, span.end)]
            message = _message(m, entry)
            if entry.expect == "present" and not found:
                yield Hit(unit.span.start, unit.span.end, message)
                break
            if entry.expect == "absent":
                for t in found:
                    yield Hit(t.start(), t.end(), message)


def _message(m: re.Match[str], entry: Entry) -> str:
    return m.expand(entry.message) if "\\g<" in entry.message else entry.message


def _make(entry: Entry):
    return Fix.safe if entry.fix == "safe" else Fix.unsafe


def _lines(document, pattern):
    """Matches of `pattern` that cover a whole line of a segment, never crossing a line break.

    Only lines holding the literal text that every match of `pattern` holds are tried, or
    failing such a literal, lines that begin with a character a match can begin with."""
    text, starts = document.text, document.line_starts
    first = first_chars(pattern) if document.scan_text.long else None
    for segment in document.segments_for(pattern):
        number = document.position(segment.start)[0]
        found = literal_positions(pattern, document.scan_text, segment.start, segment.end)
        if found is None:
            numbers = range(number, bisect.bisect_left(starts, segment.end) + 1)
        else:
            numbers = sorted({bisect.bisect_right(starts, at) for at in found})
        last = len(starts)
        for number in numbers:
            start = max(starts[number - 1], segment.start)
            if start >= segment.end or (first is not None and text[start] not in first):
                continue
            end = min(starts[number] if number < last else len(text), segment.end)
            while end > start and text[end - 1] in "\r\n":
                end -= 1
            if start < end and (m := pattern.fullmatch(text, start, end)):
                yield m


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " \t":
        start += 1
    while end > start and text[end - 1] in " \t":
        end -= 1
    return start, end


_KINDS = {
    "existence": _existence,
    "substitution": _substitution,
    "consistency": _consistency,
    "repetition": _repetition,
    "pair": _pair,
}
