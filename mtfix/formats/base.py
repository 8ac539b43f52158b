"""What every file format shares: translation units, and re-reading a file after a fix.

A format Document keeps `text` exactly as read and lists as `segments` only the spans of
translated (target) text. Bilingual formats also list `units`: each unit's source text and
the spans of its target, which the bilingual rules compare.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import ClassVar

from mtfix.document import Document
from mtfix.model import Span


@dataclass(frozen=True)
class Unit:
    """One translation unit: its source text (decoded) and its target's spans in the file.

    `source_codes` and `target_codes` are the inline codes (XLIFF/TMX tags such as `x id=1`)
    of each side, for formats that mark them up; they must agree.
    """

    source: str
    target: tuple[Span, ...]
    id: str = ""
    source_codes: tuple[str, ...] = ()
    target_codes: tuple[str, ...] = ()

    @property
    def span(self) -> Span:
        """From the start of the first target span to the end of the last."""
        return Span(self.target[0].start, self.target[-1].end)


@dataclass
class FormatDocument(Document):
    """A Document read by a format reader. An empty `segments` list means nothing to check."""

    units: list[Unit] = field(default_factory=list)
    format: ClassVar[str] = "text"

    def __post_init__(self) -> None:
        segments = self.segments
        super().__post_init__()
        self.segments = segments

    @classmethod
    def parse(cls, text: str, path: str = "-", encoding: str = "utf-8", bom: bytes = b""):
        """Read `text` into a document of this format; InputError when it is malformed."""
        segments, units = cls.scan(text, path)
        return cls(
            text=text, path=path, encoding=encoding, bom=bom, segments=_tidy(segments), units=units
        )

    @classmethod
    def scan(cls, text: str, path: str) -> tuple[list[Span], list[Unit]]:
        raise NotImplementedError

    @classmethod
    def escape(cls, target: str) -> str:
        """Make an edited target legal in the format (entities, string escapes)."""
        return target

    @classmethod
    def unescape(cls, raw: str) -> str:
        """The text a raw target span stands for."""
        return raw

    def target_text(self, unit: Unit) -> str:
        """A unit's target as text, its pieces joined by a space."""
        return " ".join(self.unescape(self.text[s.start : s.end]) for s in unit.target)

    def with_text(self, text: str) -> FormatDocument:
        """The document after a fix: edited targets escaped for the format, then read anew."""
        return self.parse(self._escaped(text), self.path, self.encoding, self.bom)

    def _escaped(self, new: str) -> str:
        """`new` with each edited segment escaped; the text between segments is unchanged by
        fixes, so it locates each segment in `new`."""
        old, segments = self.text, self.segments
        if not segments or new == old:
            return new
        head, tail = old[: segments[0].start], old[segments[-1].end :]
        if not (new.startswith(head) and new.endswith(tail)):
            return new
        out, position, shift = [head], len(head), 0
        for i, segment in enumerate(segments):
            last = i + 1 == len(segments)
            gap = tail if last else old[segment.end : segments[i + 1].start]
            if last:
                end = len(new) - len(tail)
            elif new.startswith(gap, segment.end + shift):
                end = segment.end + shift
            else:
                end = new.find(gap, position)
                if end < 0:
                    return new
            before, after = old[segment.start : segment.end], new[position:end]
            out.append(after if after == before else self.escape(after))
            out.append(gap)
            position = end + len(gap)
            shift = position - (segment.end + len(gap)) if not last else shift
        return "".join(out)


def _tidy(segments: list[Span]) -> list[Span]:
    """Segments sorted, empty ones dropped, touching ones merged."""
    merged: list[Span] = []
    for span in sorted(s for s in segments if s.end > s.start):
        if merged and span.start <= merged[-1].end:
            merged[-1] = Span(merged[-1].start, max(span.end, merged[-1].end))
        else:
            merged.append(span)
    return merged


def numbered_lines(text: str) -> Iterator[tuple[int, int, str]]:
    """(1-based number, offset, line with its break) of each line of `text`."""
    position = 0
    for number, line in enumerate(text.splitlines(keepends=True), 1):
        yield number, position, line
        position += len(line)


def trimmed(text: str, start: int, end: int) -> Span | None:
    """The span without surrounding white space, or None when nothing is left."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end) if end > start else None


def split_at_line_escapes(text: str, span: Span, escapes: re.Pattern[str]) -> list[Span]:
    """The pieces of a quoted string between its `\\n`, `\\t` and `\\r` escapes, so no rule
    reads an escape as text; `escapes` finds every escape of the format, so `\\\\n` is not
    taken for one."""
    if text.find("\\", span.start, span.end) < 0:  # no escape at all: the usual case
        return [span] if span.end > span.start else []
    pieces, start = [], span.start
    for m in escapes.finditer(text, span.start, span.end):
        if m.group() in ("\\n", "\\t", "\\r"):
            pieces.append(Span(start, m.start()))
            start = m.end()
    pieces.append(Span(start, span.end))
    return [p for p in pieces if p.end > p.start]
