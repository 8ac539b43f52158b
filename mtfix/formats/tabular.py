"""Tables of segments: TSV and JSON Lines with a source and a target column.

TSV: a header row naming the columns (`source`/`src`/`ru` and `target`/`mt`/`tgt`/`en`/
`translation`), else column 1 is the source and column 2 the target (a single column is a
target without source). JSONL: one object per line with such keys; only string values count,
and the string is read as JSON reads it (escapes decoded). A unit is named by its line number.
"""

from __future__ import annotations

import json
import re

from mtfix.document import Document, InputError
from mtfix.formats.base import escaped_pieces, numbered_lines, trimmed, view
from mtfix.model import Span
from mtfix.units import Draft, Kind, Piece, trim

SOURCE_NAMES = ("source", "src", "ru", "original")
TARGET_NAMES = ("target", "mt", "tgt", "en", "translation")


def _column(names: list[str], wanted: tuple[str, ...]) -> int | None:
    for name in wanted:
        if name in names:
            return names.index(name)
    return None


def _tsv_escape(text: str) -> str:
    return re.sub(r"[\t\r\n]+", " ", text)


def read_tsv(plain: Document) -> Document:
    text = plain.text
    drafts: list[Draft] = []
    source_column, target_column = 0, 1
    for number, start, line in numbered_lines(text):
        cells = line.rstrip("\r\n").split("\t")
        if number == 1:
            names = [c.strip().lower() for c in cells]
            target = _column(names, TARGET_NAMES)
            if target is not None:
                source_column, target_column = _column(names, SOURCE_NAMES), target
                continue
            if len(cells) == 1:
                source_column, target_column = None, 0
        if target_column >= len(cells):
            continue
        offset = start + sum(len(c) + 1 for c in cells[:target_column])
        span = trimmed(text, offset, offset + len(cells[target_column]))
        if span is None:
            continue
        source = cells[source_column] if source_column is not None and source_column < len(cells) else ""
        piece = Piece(Kind.TEXT, text[span.start : span.end], span, "tsv")
        drafts.append(Draft(id=str(number), source=source.strip(), pieces=[piece]))
    return view(plain, drafts)


_STRING = re.compile(r'"(?:[^"\\\n]|\\.)*"')
_JSON_ESCAPE = re.compile(r'\\u[dD][89abAB][0-9A-Fa-f]{2}\\u[dD][c-fC-F][0-9A-Fa-f]{2}|\\u[0-9A-Fa-f]{4}|\\["\\/bfnrt]')


def _json_escape(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)[1:-1]


def _json_unescape(raw: str) -> str:
    return json.loads(f'"{raw}"')


def read_jsonl(plain: Document) -> Document:
    text = plain.text
    drafts: list[Draft] = []
    for number, start, line in numbered_lines(text):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except ValueError as err:
            raise InputError(f"{plain.path}:{number}:{getattr(err, 'colno', 1)}: invalid JSON ({err.msg})", plain.path) from None
        if not isinstance(record, dict):
            continue
        names = {k.lower(): k for k in record if isinstance(record[k], str)}
        target_key = next((names[n] for n in TARGET_NAMES if n in names), None)
        if target_key is None:
            continue
        source_key = next((names[n] for n in SOURCE_NAMES if n in names), None)
        raw = _value_span(line, target_key)
        if raw is None:
            continue
        pieces = escaped_pieces(text, start + raw.start, start + raw.end, _JSON_ESCAPE, _json_unescape, "json")
        source = record[source_key] if source_key else ""
        drafts.append(Draft(id=str(number), source=source, pieces=trim(pieces)))
    return view(plain, drafts)


ESCAPES = {"tsv": _tsv_escape, "json": _json_escape}


def _value_span(line: str, key: str) -> Span | None:
    """The span of the string value of top-level `key` in one JSON line, quotes excluded."""
    depth, position, expect_value = 0, 0, False
    for m in _STRING.finditer(line):
        between = line[position : m.start()]
        depth += between.count("{") + between.count("[") - between.count("}") - between.count("]")
        position = m.end()
        if expect_value:
            if between.strip() == ":" and depth == 1:
                return Span(m.start() + 1, m.end() - 1)
            expect_value = False
        if depth == 1 and between.strip().endswith(("{", ",")) and json.loads(m.group()) == key:
            expect_value = True
    return None
