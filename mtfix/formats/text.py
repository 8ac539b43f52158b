"""Plain text: the whole file is one segment, with no source. Its units name where an issue
is: one per line (a line-aligned corpus, the default) or one per paragraph (prose; lines
between blank lines), as `Reading.text_units` says; a unit is named by its first line."""

from __future__ import annotations

import re

from mtfix.document import Document
from mtfix.model import Span
from mtfix.units import Unit

_LINE = re.compile(r"[^\r\n]*\S[^\r\n]*")
_PARAGRAPH = re.compile(r"\S(?:.*?\S)??(?=[ \t]*(?:\r?\n|\r)[ \t]*(?:\r?\n|\r)|\s*\Z)", re.S)


def read(plain: Document) -> Document:
    text = plain.text
    pattern = _PARAGRAPH if plain.reading.text_units == "paragraph" else _LINE
    units = []
    line, counted = 1, 0
    for m in pattern.finditer(text):
        line += text.count("\n", counted, m.start())
        counted = m.start()
        units.append(Unit(source="", target=(Span(m.start(), m.end()),), id=str(line)))
    plain.units = units
    return plain
