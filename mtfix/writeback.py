"""Fixes written into a file: edits of the text rules read become edits of the file.

For plain text they are the same. For Markdown and HTML an edit must stay in prose (white
space aside) and its replacement is escaped for the format. For a bilingual file each edit
must stay inside one unit, and the format writes it back in its own syntax (see
`mtfix.formats.base.file_edits`); a fix that cannot be written so is not applied at all.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Iterable

from mtfix import formats
from mtfix.document import Document
from mtfix.formats import base
from mtfix.model import Edit, Fix, Span, splice


def file_edits(document: Document, fix: Fix) -> list[Edit] | None:
    """The edits of the file that make `fix`, or None when it cannot be written."""
    if document.file_text is None:
        return _in_place(document, list(fix.edits))
    grouped = _by_unit(document, fix.edits)
    if grouped is None:
        return None
    found: list[Edit] = []
    for index, edits in grouped.items():
        written = _unit_edits(document, index, edits)
        if written is None:
            return None
        found.extend(written)
    return sorted(found)


def apply(document: Document, fixes: Iterable[Fix]) -> tuple[str, int]:
    """The file's text with `fixes` applied left to right, skipping any that overlaps one
    already taken or cannot be written; and how many were applied."""
    taken: list[Edit] = []  # in order of place
    count = 0
    for fix in sorted(fixes, key=lambda f: (f.span.start, f.span.end)):
        if any(_clashes(edit, taken) for edit in fix.edits):
            continue
        if file_edits(document, fix) is None:
            continue
        for edit in fix.edits:
            bisect.insort(taken, edit)
        count += 1
    if not count:
        return document.raw, 0
    if document.file_text is None:
        edits = _in_place(document, taken) or []
    else:
        edits = []
        for index, unit_edits in (_by_unit(document, taken) or {}).items():
            edits.extend(_unit_edits(document, index, unit_edits) or [])
    return splice(document.raw, edits), count


def _clashes(edit: Edit, taken: list[Edit]) -> bool:
    """Whether `edit` overlaps an edit of `taken` (sorted, none overlapping another): only
    its neighbours in that order can."""
    at = bisect.bisect_left(taken, edit)
    return any(other.span.overlaps(edit.span) for other in taken[max(at - 1, 0) : at + 1])


def _by_unit(document: Document, edits: Iterable[Edit]) -> dict[int, list[Edit]] | None:
    grouped: dict[int, list[Edit]] = defaultdict(list)
    for edit in edits:
        index = document.unit_index(edit.span.start)
        if index is None or edit.span.end > document.units[index].span.end:
            return None
        grouped[index].append(edit)
    return grouped


def _unit_edits(document: Document, index: int, edits: list[Edit]) -> list[Edit] | None:
    module = formats.module(document.format)
    unit = document.units[index]
    writer = getattr(module, "unit_edits", None)
    if writer is not None:
        return writer(document, unit, edits)
    return base.file_edits(unit, edits, getattr(module, "ESCAPES", {}))


def _in_place(document: Document, edits: list[Edit]) -> list[Edit] | None:
    """Edits of a file that rules read as it is: prose-only formats keep edits in prose."""
    if document.format == "text":
        return edits
    escape = getattr(formats.module(document.format), "ESCAPES", {}).get("")
    starts = [s.start for s in document.segments]
    out = []
    for edit in edits:
        if not _in_prose(document, edit.span, starts):
            return None
        out.append(Edit(edit.span, escape(edit.replacement)) if escape else edit)
    return out


def _in_prose(document: Document, span: Span, starts: list[int]) -> bool:
    """Whether `span` touches prose and everything it covers outside prose is white space."""
    segments = document.segments
    index = max(bisect.bisect_right(starts, span.start) - 1, 0)
    if span.start == span.end:
        return any(s.start <= span.start <= s.end for s in segments[index : index + 2])
    position, touched = span.start, False
    for segment in segments[index:]:
        if segment.start >= span.end:
            break
        if segment.end <= position:
            continue
        if document.text[position : segment.start].strip():
            return False
        position, touched = max(position, segment.end), True
    return touched and not document.text[position : span.end].strip()
