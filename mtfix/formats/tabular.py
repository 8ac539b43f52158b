"""Tables of segments: TSV and JSON Lines with a source and a target column.

TSV: a header row naming the columns (`source`/`src`/`ru` and `target`/`mt`/`tgt`/`en`/
`translation`), else column 1 is the source and column 2 the target (a single column is a
target without source). JSONL: one object per line with such keys; only string values count.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from mtfix.document import InputError
from mtfix.formats.base import FormatDocument, Unit, numbered_lines, split_at_line_escapes, trimmed
from mtfix.model import Span

SOURCE_NAMES = ("source", "src", "ru", "original")
TARGET_NAMES = ("target", "mt", "tgt", "en", "translation")


def _column(names: list[str], wanted: tuple[str, ...]) -> int | None:
    for name in wanted:
        if name in names:
            return names.index(name)
    return None


@dataclass
class TsvDocument(FormatDocument):
    format = "tsv"

    @classmethod
    def scan(cls, text, path):
        units: list[Unit] = []
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
            units.append(Unit(source=source.strip(), target=(span,), id=str(number)))
        return [u.target[0] for u in units], units

    @classmethod
    def escape(cls, target: str) -> str:
        return re.sub(r"[\t\r\n]+", " ", target)


_STRING = re.compile(r'"(?:[^"\\\n]|\\.)*"')
_JSON_ESCAPE = re.compile(r'\\(?:u[0-9A-Fa-f]{4}|["\\/bfnrt])')
_JSON_ILLEGAL = re.compile(r'(?<!\\)((?:\\\\)*)"|\\(?!u[0-9A-Fa-f]{4}|["\\/bfnrt])|[\x00-\x1f]')


@dataclass
class JsonlDocument(FormatDocument):
    format = "jsonl"

    @classmethod
    def scan(cls, text, path):
        units: list[Unit] = []
        for number, start, line in numbered_lines(text):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except ValueError as err:
                raise InputError(f"{path}:{number}: invalid JSON ({err.msg})", path) from None
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
            pieces = _pieces(text, Span(start + raw.start, start + raw.end))
            if pieces:
                source = record[source_key] if source_key else ""
                units.append(Unit(source=source, target=tuple(pieces), id=str(number)))
        return [p for u in units for p in u.target], units

    @classmethod
    def escape(cls, target: str) -> str:
        def fix(m: re.Match[str]) -> str:
            whole = m.group()
            if whole.endswith('"'):
                return m.group(1) + '\\"'
            if whole == "\\":
                return ""
            return json.dumps(whole)[1:-1]

        return _JSON_ILLEGAL.sub(fix, target)

    @classmethod
    def unescape(cls, raw: str) -> str:
        try:
            return json.loads(f'"{raw}"')
        except ValueError:
            return raw


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


def _pieces(text: str, span: Span) -> list[Span]:
    pieces = split_at_line_escapes(text, span, _JSON_ESCAPE)
    return [s for p in pieces if (s := trimmed(text, p.start, p.end))]
