"""File offsets (code points) as LSP positions: a line and a character in the encoding the
client and server agreed on (UTF-16 unless the client offers UTF-32 or UTF-8)."""

from __future__ import annotations

import bisect
import re

from lsprotocol import types

_BREAKS = re.compile(r"\r\n|\r|\n")  # the line breaks LSP counts


class Lines:
    """Where each line of `text` starts, to place offsets as positions."""

    def __init__(self, text: str, encoding: str = types.PositionEncodingKind.Utf16) -> None:
        self.text = text
        self.encoding = str(encoding)
        self.starts = [0] + [m.end() for m in _BREAKS.finditer(text)]

    def position(self, offset: int) -> types.Position:
        line = bisect.bisect_right(self.starts, offset) - 1
        return types.Position(line=line, character=self._units(self.text[self.starts[line] : offset]))

    def range(self, start: int, end: int) -> types.Range:
        return types.Range(start=self.position(start), end=self.position(end))

    def _units(self, chars: str) -> int:
        if self.encoding == types.PositionEncodingKind.Utf32:
            return len(chars)
        if self.encoding == types.PositionEncodingKind.Utf8:
            return len(chars.encode("utf-8", "surrogatepass"))
        return len(chars) + sum(1 for ch in chars if ord(ch) > 0xFFFF)
