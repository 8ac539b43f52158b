"""Requests to LanguageTool: a document's segments packed into texts under the server's size
limit, split at paragraphs, lines, sentences or words, with offsets mapped back."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from mtfix.model import Span

if TYPE_CHECKING:

    from mtfix.document import Document


MAX_UNITS = 10_000
"""Text per request, in UTF-16 code units: half the public API's limit; a server that says
its own limit is lower (HTTP 413) gets smaller requests."""


MIN_UNITS = 200


_SPLITS = (
    re.compile(r"(?:\r\n|\r|\n)[ \t]*(?:\r\n|\r|\n)\s*"),  # paragraphs
    re.compile(r"\r\n|\r|\n"),  # lines
    re.compile(r"(?<=[.!?…])\s+"),  # sentences
    re.compile(r"\s+"),  # words
)


def _pieces(text: str, start: int, end: int, limit: int, level: int = 0) -> Iterator[Span]:
    """Contiguous spans tiling text[start:end], each at most `limit` UTF-16 units: whole
    paragraphs where they fit, else lines, sentences, words, and as a last resort a cut."""
    if utf16_length(text[start:end]) <= limit:
        yield Span(start, end)
        return
    if level == len(_SPLITS):
        step = max(1, limit // 2)
        for cut in range(start, end, step):
            yield Span(cut, min(cut + step, end))
        return
    position = start
    for match in _SPLITS[level].finditer(text, start, end):
        if match.end() < end:
            yield from _pieces(text, position, match.end(), limit, level + 1)
            position = match.end()
    yield from _pieces(text, position, end, limit, level + 1)


SEPARATOR = "\n\n"
"""Between segments joined into one request: a paragraph break, so no rule reads across."""


@dataclass(frozen=True)
class Batch:
    """One request: spans of the document, sent joined by SEPARATOR."""

    spans: tuple[Span, ...]

    def text(self, document_text: str) -> str:
        return SEPARATOR.join(document_text[s.start : s.end] for s in self.spans)

    def to_document(self, start: int, end: int) -> tuple[int, int] | None:
        """Document offsets of a span of the request text; None if it crosses a separator."""
        position = 0
        for span in self.spans:
            size = span.end - span.start
            if position <= start and end <= position + size:
                return span.start + start - position, span.start + end - position
            position += size + len(SEPARATOR)
        return None


def pack(text: str, spans: Iterable[Span], limit: int = MAX_UNITS) -> list[Batch]:
    """Requests for `spans` of `text` (the segments mtfix checks): whole paragraphs, as many
    as fit under `limit` UTF-16 units with their separators; blank spans are left out."""
    found: list[Batch] = []
    current: list[Span] = []
    size = 0
    for segment in spans:
        for piece in _pieces(text, segment.start, segment.end, limit):
            if not text[piece.start : piece.end].strip():
                continue
            units = utf16_length(text[piece.start : piece.end])
            if current and current[-1].end == piece.start:
                if size + units > limit:
                    found.append(Batch(tuple(current)))
                    current, size = [piece], units
                else:
                    current[-1], size = Span(current[-1].start, piece.end), size + units
                continue
            if current and size + len(SEPARATOR) + units > limit:
                found.append(Batch(tuple(current)))
                current, size = [], 0
            size += units + (len(SEPARATOR) if current else 0)
            current.append(piece)
    if current:
        found.append(Batch(tuple(current)))
    return found


def batches(document: Document, limit: int = MAX_UNITS) -> list[Batch]:
    """The requests that check a document's segments."""
    return pack(document.text, document.segments, limit)

def utf16_length(text: str) -> int:
    """Length in UTF-16 code units, as LanguageTool (Java) counts."""
    return len(text) + sum(1 for c in text if ord(c) > 0xFFFF)
