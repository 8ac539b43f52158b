"""Documents: the text rules read, where each of its offsets lies in the file, and its units.

A plain-text, Markdown or HTML document is its file's text exactly as read, with the spans of
prose as `segments`. A bilingual file (PO, XLIFF, TMX, TSV, JSON Lines) is read into units
and the rules read a view of it: each unit's target as a translator sees it (strings joined,
escapes and entities decoded, inline codes as one placeholder each), units a blank line
apart. `file_offset` and `location` take any offset of that view back to the file.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from mtfix.model import Span
from mtfix.units import Kind, Unit

_BREAKS = re.compile(r"\r\n|\r|\n")


class InputError(Exception):
    """An input that cannot be checked; the message is one line naming the file."""

    def __init__(self, message: str, path: str | None = None) -> None:
        super().__init__(message)
        self.path = path


@dataclass(frozen=True)
class Reading:
    """How a file is read into units: fuzzy entries too or not; plain text by line or by
    paragraph."""

    include_fuzzy: bool = False
    text_units: str = "line"


@dataclass
class Document:
    """What rules read, plus where each line starts.

    `segments` are the spans that hold translated text; rules look only there. For plain
    text that is the whole document. `file_text` is the file as read when `text` is a view of
    it (a bilingual file), else None: then offsets into `text` are offsets into the file.
    """

    text: str
    path: str = "-"
    encoding: str = "utf-8"
    bom: bytes = b""
    segments: list[Span] = field(default_factory=list)
    units: list[Unit] = field(default_factory=list)
    format: str = "text"
    file_text: str | None = None
    reading: Reading = field(default_factory=Reading)
    #: "\r" for a plain-text file whose lines end in CR alone: `text` has LF in their place
    #: (at the same offsets, so rules see lines as lines) and `raw` puts the CRs back.
    newline: str = "\n"
    line_starts: list[int] = field(init=False, repr=False)
    #: Analyses that several rules share, worked out once per document (by key).
    memo: dict[str, Any] = field(default_factory=dict, init=False, repr=False, compare=False)
    _scan: Any = field(default=None, init=False, repr=False, compare=False)
    _file_lines: list[int] | None = field(default=None, init=False, repr=False, compare=False)
    _unit_starts: list[int] | None = field(default=None, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.line_starts = [0] + [m.end() for m in _BREAKS.finditer(self.text)]
        if not self.segments and self.file_text is None:
            self.segments = [Span(0, len(self.text))]

    @property
    def raw(self) -> str:
        """The file's text as read."""
        if self.file_text is not None:
            return self.file_text
        return self.text if self.newline == "\n" else self.text.replace("\n", self.newline)

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a code-point offset of `text`."""
        line = bisect.bisect_right(self.line_starts, offset) - 1
        return line + 1, offset - self.line_starts[line] + 1

    def location(self, offset: int, end: bool = False) -> tuple[int, int]:
        """1-based (line, column) in the file of an offset of `text`; `end` for the end of a
        span (it then stays before markup that follows)."""
        if self.file_text is None:
            return self.position(offset)
        return self.file_position(self.file_offset(offset, end))

    def file_position(self, at: int) -> tuple[int, int]:
        """1-based (line, column) of an offset into the file's text."""
        if self.file_text is None:
            return self.position(at)
        if self._file_lines is None:
            self._file_lines = [0] + [m.end() for m in _BREAKS.finditer(self.file_text)]
        line = bisect.bisect_right(self._file_lines, at) - 1
        return line + 1, at - self._file_lines[line] + 1

    def file_offset(self, offset: int, end: bool = False) -> int:
        """The file offset of an offset of `text`: exact in text runs, at the edge of an
        escape, code or entity otherwise; an offset between units maps to the end of the one
        before."""
        if self.file_text is None:
            return offset
        index = self.unit_index(offset)
        if index is None:  # no unit to check in the file
            return 0
        unit = self.units[index]
        if offset > unit.span.end:
            return unit.pieces[-1].raw.end if unit.pieces else 0
        return _raw_offset(unit, offset, end)

    def unit_index(self, offset: int) -> int | None:
        """Index of the unit at or before an offset of `text` (None before the first)."""
        if not self.units:
            return None
        if self._unit_starts is None:
            self._unit_starts = [u.span.start for u in self.units]
        index = bisect.bisect_right(self._unit_starts, offset) - 1
        return index if index >= 0 else None

    def unit_at(self, offset: int) -> Unit | None:
        """The unit whose target holds an offset of `text`."""
        index = self.unit_index(offset)
        if index is None:
            return None
        unit = self.units[index]
        return unit if offset <= unit.span.end else None

    def line_span(self, line: int) -> Span:
        """The span of 1-based `line`, without its line break."""
        start = self.line_starts[line - 1]
        end = self.line_starts[line] if line < len(self.line_starts) else len(self.text)
        while end > start and self.text[end - 1] in "\r\n":
            end -= 1
        return Span(start, end)

    def finditer(self, pattern: re.Pattern[str]) -> Iterator[re.Match[str]]:
        """Matches of `pattern` inside each segment, with offsets into the whole text.

        The same matches as `pattern.finditer` over each segment, found faster when every
        match holds some literal text (see `mtfix.scan`)."""
        from mtfix import scan

        source = self.scan_text
        for segment in self.segments_for(pattern):
            yield from scan.finditer(pattern, source, segment.start, segment.end)

    def segments_for(self, pattern: re.Pattern[str]) -> list[Span]:
        """The segments in which a match of `pattern` may lie: with many segments (an HTML
        or Markdown file), those holding the literal text every match holds (see `mtfix.scan`)."""
        if len(self.segments) < 2:
            return self.segments
        from mtfix import scan

        return scan.holding(pattern, self.scan_text, self.segments)

    @property
    def scan_text(self) -> Any:
        """The text as `mtfix.scan` reads it (lower case, runs of blanks), worked out once."""
        if self._scan is None or self._scan.text is not self.text:
            from mtfix import scan

            self._scan = scan.Text(self.text)
        return self._scan

    def target_text(self, unit: Unit) -> str:
        """A unit's target as rules read it."""
        return " ".join(self.text[s.start : s.end] for s in unit.target)

    def encode(self, text: str) -> bytes:
        """`text` in this document's encoding, with its byte-order mark if it had one."""
        return self.bom + text.encode(self.encoding)

    @property
    def word_count(self) -> int:
        return sum(len(_WORD.findall(self.text, s.start, s.end)) for s in self.segments)


_WORD = re.compile(r"\w+")


def _raw_offset(unit: Unit, offset: int, end: bool) -> int:
    """The file offset of `offset` (inside `unit`'s target): see `Document.file_offset`."""
    position = unit.span.start
    last = None
    for piece in unit.pieces:
        length = len(piece.text)
        if not length:
            continue
        if end and position < offset <= position + length or not end and position <= offset < position + length:
            if piece.kind is Kind.TEXT:
                return piece.raw.start + offset - position
            return piece.raw.start if offset == position else piece.raw.end
        position += length
        last = piece
    if last is not None and offset >= position:
        return last.raw.end
    return unit.pieces[0].raw.start if unit.pieces else 0
