"""Gettext PO and POT catalogs: each `msgstr` (each plural form) is a unit, its `msgid` (or
`msgid_plural`) the source. The header entry and obsolete (`#~`) entries are not units;
fuzzy entries are units in state `fuzzy`, checked only with `--include-fuzzy`.

A unit's text is its strings joined and unescaped, as a translator sees it: `"can "` and
`"not"` on two lines read `can not`. polib confirms the catalog's syntax; this module keeps
the exact place of every string so that a fixed entry is written back alone, wrapped as
gettext wraps, and every other byte stays as it was.
"""

from __future__ import annotations

import re

from mtfix.document import Document, InputError
from mtfix.formats.base import escaped_pieces, numbered_lines, view
from mtfix.model import Edit, Span, splice
from mtfix.units import Draft, Kind, Piece, State, Unit

_KEYWORD = re.compile(r"^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)[ \t]*(?=\")")
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\", "a": "\a", "b": "\b", "f": "\f", "v": "\v"}
_ESCAPE = re.compile(r"\\(.)", re.S)
_ANY_ESCAPE = re.compile(r"\\.", re.S)
_SPECIAL = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r", "\a": "\\a", "\b": "\\b", "\f": "\\f", "\v": "\\v"}
_TO_ESCAPE = re.compile(r'[\\"\n\t\r\a\b\f\v]')
#: gettext's default line width for wrapped strings.
WIDTH = 79


def unescape(raw: str) -> str:
    if "\\" not in raw:
        return raw
    return _ESCAPE.sub(lambda m: _ESCAPES.get(m[1], m[1]), raw)


def escape(text: str) -> str:
    return _TO_ESCAPE.sub(lambda m: _SPECIAL[m.group()], text)


def read(plain: Document) -> Document:
    _validate(plain.text, plain.path)
    return view(plain, list(_drafts(plain.text, plain.path)))


#: Characters str.splitlines (and so polib) takes for line ends that gettext reads as
#: characters of a string; polib is shown a space in their place.
_NOT_BREAKS = re.compile("[\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")


def _validate(text: str, path: str) -> None:
    import polib

    try:
        polib.pofile(_NOT_BREAKS.sub(" ", text))
    except (OSError, ValueError) as err:
        reason = str(err)
        m = re.search(r"\(line (\d+)\)(?::\s*(.*))?", reason)
        where = f"{path}:{m[1]}" if m else path
        detail = m[2] if m and m[2] else "syntax error"
        raise InputError(f"{where}: not a valid PO file ({detail})", path) from None


class _Entry:
    __slots__ = ("strings", "flags", "notes", "line")

    def __init__(self, line: int) -> None:
        self.strings: dict[str, list[Span]] = {}
        self.flags: set[str] = set()
        self.notes: list[str] = []
        self.line = line


def _drafts(text: str, path: str):
    entry: _Entry | None = None
    comments = _Entry(0)
    current = None
    keyword = _KEYWORD.match
    for number, start, line in numbered_lines(text):
        stripped = line.strip()
        if not stripped:
            current = None
            continue
        first = stripped[0]
        if first == "#":
            if entry is not None and entry.strings.keys() & _TRANSLATIONS:
                yield from _units(text, entry)
                entry = None
            if stripped.startswith("#,"):
                comments.flags.update(f.strip() for f in stripped[2:].split(","))
            elif stripped.startswith(("#.", "# ")):
                comments.notes.append(stripped[2:].strip())
            current = None
            continue
        offset = start + len(line) - len(line.lstrip())
        if first == '"' and current:
            rest = stripped
        else:
            m = keyword(stripped)
            if not m:
                raise InputError(f"{path}:{number}: not a PO line: {stripped[:40]!r}", path)
            key = m[1]
            if entry is not None and key in ("msgctxt", "msgid") and entry.strings.keys() & _TRANSLATIONS:
                yield from _units(text, entry)
                entry = None
            if entry is None:
                entry, comments = comments, _Entry(0)
                entry.line = number
            current = key
            entry.strings[key] = []
            offset += m.end()
            rest = stripped[m.end() :]
        close = rest.rfind('"')
        if close < 1:
            raise InputError(f"{path}:{number}: unterminated string", path)
        entry.strings[current].append(Span(offset + 1, offset + close))
    if entry is not None:
        yield from _units(text, entry)


_TRANSLATIONS = frozenset({"msgstr", *(f"msgstr[{n}]" for n in range(10))})


def _joined(text: str, spans: list[Span]) -> str:
    return "".join(unescape(text[s.start : s.end]) for s in spans)


def _units(text: str, entry: _Entry):
    strings = entry.strings
    if "msgid" not in strings:
        return
    msgid = _joined(text, strings["msgid"])
    context = _joined(text, strings["msgctxt"]) if "msgctxt" in strings else None
    if not msgid and context is None:
        return  # the header entry
    plural = _joined(text, strings.get("msgid_plural", []))
    ident = msgid if context is None else f"{context}\x04{msgid}"
    state = State.FUZZY if "fuzzy" in entry.flags else State.TRANSLATED
    for key, spans in strings.items():
        if not key.startswith("msgstr"):
            continue
        source = plural if key not in ("msgstr", "msgstr[0]") and plural else msgid
        suffix = key[6:] if "[" in key else ""
        yield Draft(
            id=ident + suffix,
            source=source,
            pieces=_pieces(text, spans),
            state=state,
            context=context or "",
            notes=tuple(entry.notes),
        )


def _pieces(text: str, spans: list[Span]) -> list[Piece]:
    """The strings' bodies, with the quotes and line wraps around and between them as markup
    that shows as nothing; the first and last piece bound the strings in the file."""
    pieces = [Piece(Kind.MARKUP, "", Span(spans[0].start - 1, spans[0].start), "po")]
    for i, span in enumerate(spans):
        if i:
            pieces.append(Piece(Kind.MARKUP, "", Span(spans[i - 1].end, span.start), "po"))
        pieces.extend(escaped_pieces(text, span.start, span.end, _ANY_ESCAPE, unescape, "po"))
    pieces.append(Piece(Kind.MARKUP, "", Span(spans[-1].end, spans[-1].end + 1), "po"))
    return pieces


def unit_edits(document: Document, unit: Unit, edits: list[Edit]) -> list[Edit] | None:
    """One edit that writes the unit's strings anew: on one line if they were, else wrapped
    at gettext's width. Edits may cross the unit's line wraps, never leave it."""
    span = unit.span
    if any(e.span.start < span.start or e.span.end > span.end for e in edits):
        return None
    old = document.text[span.start : span.end]
    new = splice(old, [Edit.replace(e.span.start - span.start, e.span.end - span.start, e.replacement) for e in edits])
    if new == old:
        return []
    start, end = unit.pieces[0].raw.start, unit.pieces[-1].raw.end
    raw = document.raw
    wrapped = any(p.kind is Kind.MARKUP and "\n" in raw[p.raw.start : p.raw.end] for p in unit.pieces)
    newline = "\r\n" if "\r\n" in raw[start:end] or _crlf(document) else "\n"
    line_start = raw.rfind("\n", 0, start) + 1
    indent = raw[line_start:start]
    return [Edit.replace(start, end, strings(new, wrapped, len(indent), newline))]


def _crlf(document: Document) -> bool:
    """Whether most of the file's lines end in CRLF (worked out once per document)."""
    found = document.memo.get("po-crlf")
    if found is None:
        raw = document.raw
        found = document.memo["po-crlf"] = raw.count("\r\n") * 2 > raw.count("\n")
    return found


def strings(text: str, wrapped: bool, indent: int, newline: str = "\n") -> str:
    """`text` as PO strings: one when it fits or when `wrapped` is false, else `""` and then
    lines of at most WIDTH columns, broken after spaces and `\\n`, as msgmerge writes them."""
    body = escape(text)
    single = f'"{body}"'
    if not wrapped or (indent + len(single) <= WIDTH and "\\n" not in body[:-2]):
        return single
    lines = ['""']
    for chunk in re.findall(r".*?\\n|.+$", body):
        lines.extend(f'"{piece}"' for piece in _wrap(chunk, WIDTH - 2))
    return newline.join(lines)


def _wrap(chunk: str, width: int) -> list[str]:
    """`chunk` in pieces of at most `width` characters, each ending after a space where it
    can; no escape is split."""
    pieces = []
    while len(chunk) > width:
        cut = chunk.rfind(" ", 0, width) + 1
        if cut <= 0:
            cut = chunk.find(" ", width) + 1 or len(chunk)
        while cut < len(chunk) and _splits_escape(chunk, cut):
            cut += 1
        pieces.append(chunk[:cut])
        chunk = chunk[cut:]
    if chunk:
        pieces.append(chunk)
    return pieces


def _splits_escape(chunk: str, cut: int) -> bool:
    backslashes = len(chunk[:cut]) - len(chunk[:cut].rstrip("\\"))
    return backslashes % 2 == 1
