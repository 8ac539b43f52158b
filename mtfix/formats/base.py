"""What every file format shares: the view of a file's units that rules read, and the
write-back of edits to that view into the file's own syntax.

A bilingual reader lists its units as Drafts; `view` lays their targets out one after the
other, a blank line apart, as the Document rules read. `file_edits` turns edits of that text
into edits of the file: text runs take the edit's replacement escaped for where it lands
(`&amp;` in XML, `\\"` in a PO string), escapes are replaced whole, and an edit that would
reach outside its unit, into an inline code, or across markup (a CDATA boundary), or join
the text around it into a run the format forbids (`]]>` in XML), is refused.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from mtfix.document import Document
from mtfix.model import Edit, Span
from mtfix.units import PLACEHOLDER, Draft, Kind, Piece, State, Unit

#: What separates two units in the view: a paragraph break, which no rule reads across.
SEPARATOR = "\n\n"


def view(plain: Document, drafts: list[Draft]) -> Document:
    """The Document rules read for a bilingual file: the checked units' targets in file order."""
    parts: list[str] = []
    units: list[Unit] = []
    position = 0
    include_fuzzy = plain.reading.include_fuzzy
    for draft in drafts:
        if not draft.pieces or draft.state is State.FUZZY and not include_fuzzy:
            continue
        text = draft.text
        if not text.strip(PLACEHOLDER + " \t\r\n"):
            continue
        if parts:
            parts.append(SEPARATOR)
            position += len(SEPARATOR)
        parts.append(text)
        units.append(draft.unit(Span(position, position + len(text))))
        position += len(text)
    text = "".join(parts)
    return Document(
        text=text,
        path=plain.path,
        encoding=plain.encoding,
        bom=plain.bom,
        segments=[Span(0, len(text))] if text else [],
        units=units,
        format=plain.format,
        file_text=plain.text,
        reading=plain.reading,
    )


Escape = Callable[[str], str]


@dataclass(frozen=True)
class Escaping:
    """An Escape that also names a run of characters (`seam`) that an edit must not form
    with the file's text around it: in XML `]]>`, which `a]] >` becomes when the space is
    deleted. Inside a replacement the escape takes care of it."""

    write: Escape
    seam: str

    def __call__(self, text: str) -> str:
        return self.write(text)


def file_edits(unit: Unit, edits: list[Edit], escapes: dict[str, Escape]) -> list[Edit] | None:
    """Edits of the file that make the view's `edits` (all inside `unit`), or None when one
    of them may not be written: it leaves the unit, touches an inline code, crosses markup,
    puts a placeholder into the text or makes a run the format forbids."""
    out = []
    for edit in edits:
        found = _file_edit(unit, edit, escapes)
        if found is None:
            return None
        out.append(found)
    return out


def _file_edit(unit: Unit, edit: Edit, escapes: dict[str, Escape]) -> Edit | None:
    span = unit.span
    if edit.span.start < span.start or edit.span.end > span.end or PLACEHOLDER in edit.replacement:
        return None
    start, end = edit.span.start - span.start, edit.span.end - span.start
    located = list(_located(unit.pieces))
    for s, piece in located:
        reached = s < end and s + len(piece.text) > start if piece.text else start < s < end
        if reached and piece.kind in (Kind.CODE, Kind.MARKUP):
            return None
    shown = [(s, p) for s, p in located if p.text]
    if not shown:
        return None
    head = next(((s, p) for s, p in shown if s <= start < s + len(p.text)), None)
    tail = next(((s, p) for s, p in shown if s < end <= s + len(p.text)), None) if end > start else head
    if head is None:  # an insertion at the very end
        s, p = shown[-1]
        raw_start = p.raw.end
        head = (s, p)
    else:
        raw_start = _at(head, start)
    raw_end = raw_start if end == start else _at(tail, end) if tail is not None else shown[-1][1].raw.end
    prefix = suffix = ""
    (s, piece), (t, last) = head, tail or head
    if piece.kind is Kind.ESCAPE and s < start < s + len(piece.text):  # inside an escape: it is replaced whole
        prefix, raw_start = piece.text[: start - s], piece.raw.start
    if last.kind is Kind.ESCAPE and end < t + len(last.text) and end > start:
        suffix, raw_end = last.text[end - t :], last.raw.end
    escape = escapes.get(piece.context, _same)
    written = escape(prefix + edit.replacement + suffix)
    if isinstance(escape, Escaping) and _joins(escape.seam, shown, raw_start, written, raw_end):
        return None
    return Edit.replace(raw_start, raw_end, written)


def _joins(seam: str, shown: list[tuple[int, Piece]], start: int, written: str, end: int) -> bool:
    """Whether `written` in place of the file's `start`..`end` makes `seam` with the text
    around it."""
    before, after = _literal(shown, start, 1 - len(seam)), _literal(shown, end, len(seam) - 1)
    joined = before + written + after
    at = joined.find(seam)
    while at >= 0:
        if at < len(before) or at + len(seam) > len(before) + len(written):
            return True
        at = joined.find(seam, at + 1)
    return False


def _literal(shown: list[tuple[int, Piece]], at: int, count: int) -> str:
    """Up to `count` characters of the file before (`count` < 0) or after file offset `at`
    that a text run holds as they are."""
    for _, piece in shown:
        if piece.kind is Kind.TEXT and piece.raw.start <= at <= piece.raw.end:
            cut = at - piece.raw.start
            if count < 0 and cut > 0:
                return piece.text[max(cut + count, 0) : cut]
            if count > 0 and cut < len(piece.text):
                return piece.text[cut : cut + count]
    return ""


def _located(pieces: tuple[Piece, ...]) -> Iterator[tuple[int, Piece]]:
    """Each piece with its start in the unit's text."""
    position = 0
    for piece in pieces:
        yield position, piece
        position += len(piece.text)


def _at(located: tuple[int, Piece], offset: int) -> int:
    """The file offset of the unit's `offset`, which lies in (or at the end of) the piece."""
    start, piece = located
    if piece.kind is Kind.TEXT:
        return piece.raw.start + offset - start
    return piece.raw.start if offset <= start else piece.raw.end


def _same(text: str) -> str:
    return text


_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+")


def numbered_lines(text: str) -> Iterator[tuple[int, int, str]]:
    """(1-based number, offset, line with its break) of each line of `text`. Only LF, CRLF and
    CR end a line: a form feed, U+0085 or U+2028 is a character of the line (a TSV cell, a PO
    or JSON string may hold one)."""
    for number, m in enumerate(_LINE.finditer(text), 1):
        yield number, m.start(), m.group()


def trimmed(text: str, start: int, end: int) -> Span | None:
    """The span without surrounding white space, or None when nothing is left."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end) if end > start else None


def escaped_pieces(raw: str, start: int, end: int, escapes: re.Pattern[str], decode: Callable[[str], str], context: str) -> list[Piece]:
    """Pieces of the string body `start`..`end`: text runs, and each escape (a match of
    `escapes`) as one piece showing what it stands for."""
    pieces: list[Piece] = []
    position = start
    for m in escapes.finditer(raw, start, end):
        if m.start() > position:
            pieces.append(Piece(Kind.TEXT, raw[position : m.start()], Span(position, m.start()), context))
        pieces.append(Piece(Kind.ESCAPE, decode(m.group()), Span(m.start(), m.end()), context))
        position = m.end()
    if end > position:
        pieces.append(Piece(Kind.TEXT, raw[position:end], Span(position, end), context))
    return pieces


def tidy(segments: list[Span]) -> list[Span]:
    """Segments sorted, empty ones dropped, touching ones merged."""
    merged: list[Span] = []
    for span in sorted(s for s in segments if s.end > s.start):
        if merged and span.start <= merged[-1].end:
            merged[-1] = Span(merged[-1].start, max(span.end, merged[-1].end))
        else:
            merged.append(span)
    return merged
