"""Gettext PO and POT catalogs: each `msgstr` is a target, its `msgid` (or `msgid_plural`)
the source. The header entry and obsolete (`#~`) entries are not checked.

A string's segments are the contents of its quoted lines, split at `\\n` escapes so that
rules see lines, not escape sequences.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from mtfix.document import InputError
from mtfix.formats.base import FormatDocument, Unit, numbered_lines, split_at_line_escapes
from mtfix.model import Span

_KEYWORD = re.compile(r"^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)[ \t]*(?=\")")
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\", "a": "\a", "b": "\b", "f": "\f", "v": "\v"}
_ESCAPE = re.compile(r"\\(.)", re.S)
_NEWLINE_ESCAPE = re.compile(r"\\[\\\"a-z]")
#: A quote that no backslash escapes, a backslash that escapes nothing, a raw line break or tab.
_ILLEGAL = re.compile(r'(?<!\\)((?:\\\\)*)"|\\(?=[^\\"abfnrtv0-7x?\'])|\n|\t|\r')


@dataclass
class PoDocument(FormatDocument):
    format = "po"

    @classmethod
    def scan(cls, text, path):
        segments: list[Span] = []
        units: list[Unit] = []
        entry: dict[str, list[Span]] = {}
        translated = False  # the entry has a msgstr: a msgctxt or msgid starts the next one
        current = None
        keyword = _KEYWORD.match

        for number, start, line in numbered_lines(text):
            stripped = line.strip()  # line breaks are white space: the same as stripping the body
            if not stripped:
                if entry:
                    units.extend(_units(text, entry))
                    entry = {}
                    translated = False
                current = None
                continue
            first = stripped[0]
            if first == "#":
                continue
            offset = start + len(line) - len(line.lstrip())
            if first == '"' and current:
                rest = stripped
            else:
                m = keyword(stripped)
                if not m:
                    raise InputError(f"{path}:{number}: not a PO line: {stripped[:40]!r}", path)
                key = m[1]
                if translated and key in ("msgctxt", "msgid"):
                    units.extend(_units(text, entry))
                    entry = {}
                    translated = False
                if key[3] == "s":  # msgstr, msgstr[n]
                    translated = True
                current = key
                entry[key] = []
                offset += m.end()
                rest = stripped[m.end() :]
            close = rest.rfind('"')
            if close < 1:
                raise InputError(f"{path}:{number}: unterminated string", path)
            entry[current].append(Span(offset + 1, offset + close))
        if entry:
            units.extend(_units(text, entry))
        for found in units:
            segments.extend(found.target)
        return segments, units

    @classmethod
    def escape(cls, target: str) -> str:
        def fix(m: re.Match[str]) -> str:
            whole = m.group()
            if whole.endswith('"'):
                return m.group(1) + '\\"'
            return {"\n": "\\n", "\t": "\\t", "\r": "\\r", "\\": ""}[whole]

        return _ILLEGAL.sub(fix, target)

    @classmethod
    def unescape(cls, raw: str) -> str:
        if "\\" not in raw:
            return raw
        return _ESCAPE.sub(lambda m: _ESCAPES.get(m[1], m[1]), raw)

    def target_text(self, unit: Unit) -> str:
        """The msgstr as text: pieces joined by the escapes between them (a `\\n`), and by
        nothing across the quotes that continue a string on the next line."""
        parts = []
        for i, span in enumerate(unit.target):
            if i:
                between = self.text[unit.target[i - 1].end : span.start]
                parts.append(self.unescape(between.split('"')[0]))
            parts.append(self.unescape(self.text[span.start : span.end]))
        return "".join(parts)


def _units(text: str, entry: dict[str, list[Span]]) -> list[Unit]:
    if "msgid" not in entry:
        return []
    msgid = "".join(PoDocument.unescape(text[s.start : s.end]) for s in entry["msgid"])
    if not msgid and "msgctxt" not in entry:
        return []  # the header entry
    plural = "".join(PoDocument.unescape(text[s.start : s.end]) for s in entry.get("msgid_plural", []))
    found = []
    for key, spans in entry.items():
        if not key.startswith("msgstr"):
            continue
        pieces = [p for s in spans for p in _pieces(text, s)]
        if not pieces:
            continue
        source = plural if key not in ("msgstr", "msgstr[0]") and plural else msgid
        found.append(Unit(source=source, target=tuple(pieces), id=msgid[:40]))
    return found


def _pieces(text: str, span: Span) -> list[Span]:
    return split_at_line_escapes(text, span, _NEWLINE_ESCAPE)
