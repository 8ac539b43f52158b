"""Documents: text exactly as read, with line starts and the segments that hold translation."""

from __future__ import annotations

import bisect
import codecs
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from mtfix.model import Span

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


class InputError(Exception):
    """An input that cannot be checked; the message is one line naming the file."""

    def __init__(self, message: str, path: str | None = None) -> None:
        super().__init__(message)
        self.path = path


@dataclass
class Document:
    """Text exactly as read (CRLF stays two characters), plus where each line starts.

    `segments` are the spans that hold translated text; rules look only there. For plain
    text that is the whole document.
    """

    text: str
    path: str = "-"
    encoding: str = "utf-8"
    bom: bytes = b""
    segments: list[Span] = field(default_factory=list)
    line_starts: list[int] = field(init=False, repr=False)
    _scan: Any = field(default=None, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.line_starts = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", self.text)]
        if not self.segments:
            self.segments = [Span(0, len(self.text))]

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a code-point offset."""
        line = bisect.bisect_right(self.line_starts, offset) - 1
        return line + 1, offset - self.line_starts[line] + 1

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
        """The segments in which a match of `pattern` may lie: with many segments (a PO or
        XLIFF file), those holding the literal text every match holds (see `mtfix.scan`)."""
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

    def with_text(self, text: str) -> Document:
        """The same document after a fix: same path and encoding, segments derived anew."""
        return replace(self, text=text, segments=[])

    def encode(self, text: str) -> bytes:
        """`text` in this document's encoding, with its byte-order mark if it had one."""
        return self.bom + text.encode(self.encoding)

    @property
    def word_count(self) -> int:
        return sum(len(_WORD.findall(self.text, s.start, s.end)) for s in self.segments)


_WORD = re.compile(r"\w+")


def decode(data: bytes, path: str, input_format: str | None = None) -> Document:
    """Build a Document from raw bytes, honouring a byte-order mark, read as `input_format`
    (a name from `mtfix.formats.NAMES`), else as the format the file's extension names."""
    bom, encoding = b"", "utf-8"
    for mark, name in _BOMS:
        if data.startswith(mark):
            bom, encoding = mark, name
            break
    body = data[len(bom) :]
    if encoding == "utf-8" and b"\x00" in body[:8192]:
        raise InputError(f"{path}: binary file (contains NUL bytes), not checked")
    try:
        text = body.decode(encoding)
    except UnicodeDecodeError as err:
        raise InputError(
            f"{path}: invalid {encoding.upper()} at byte offset {err.start + len(bom)}"
        ) from None
    from mtfix import formats

    return formats.load(Document(text=text, path=path, encoding=encoding, bom=bom), input_format)


def read(path: Path, input_format: str | None = None) -> Document:
    """Read a file as a Document; a one-line InputError when that is impossible."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory") from None
    except OSError as err:
        raise InputError(f"{path}: cannot read ({err.strerror})") from None
    return decode(data, str(path), input_format)
