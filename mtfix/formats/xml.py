"""What the XLIFF and TMX readers share: a real parser's verdict, and a scanner that keeps
exact offsets.

expat (through defusedxml, which refuses entity tricks) decides whether a file is
well-formed; a file it rejects is one error naming the line and column. The scanner then
says where tags, text, entities and CDATA sections are, without rewriting anything, and
`content` lays an element's text out as pieces: text, entities (one character each), CDATA
text, and inline codes as one placeholder each.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from mtfix.document import Document, InputError
from mtfix.formats.base import Escaping, escaped_pieces
from mtfix.model import Span
from mtfix.units import PLACEHOLDER, Kind, Piece, trim

_MARKUP = re.compile(
    r"<!--.*?-->|<!\[CDATA\[(?P<cdata>.*?)\]\]>|<\?.*?\?>|<!DOCTYPE(?:[^\[>]|\[.*?\])*>"
    r"|<(?P<close>/?)(?P<name>[A-Za-z_][\w.:-]*)(?P<attrs>(?:\s+[^\s=/>]+\s*=\s*(?:\"[^\"]*\"|'[^']*'))*)"
    r"\s*(?P<empty>/?)>",
    re.S,
)
_ATTR = re.compile(r"([^\s=/>]+)\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
_REFERENCE = re.compile(r"&(?:#[0-9]+|#x[0-9A-Fa-f]+|[A-Za-z_][\w.-]*);")
_SPECIAL = re.compile(r"[&<>]")
_DECLARED_ENCODING = re.compile(r"""\A(<\?xml[^>]*?encoding\s*=\s*)(["'])[^"']*\2""")


@dataclass(frozen=True)
class Tag:
    """A start, end or empty tag (kind "start", "end", "empty"), a text run ("text"), a
    CDATA section ("cdata") or a comment or processing instruction ("other")."""

    kind: str
    name: str
    start: int
    end: int
    attrs: str = ""

    @property
    def local(self) -> str:
        return self.name.rpartition(":")[2]

    def attr(self, key: str) -> str | None:
        for m in _ATTR.finditer(self.attrs):
            if m[1] == key or m[1].rpartition(":")[2] == key:
                return unescape(m[2] if m[2] is not None else m[3])
        return None


def validate(document: Document) -> None:
    """InputError naming line and column unless expat finds the file well-formed."""
    import xml.parsers.expat

    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import XMLParser

    text = _DECLARED_ENCODING.sub(r"\1\2UTF-8\2", document.text, count=1)  # decoded already
    parser = XMLParser()
    try:
        parser.feed(text)
        parser.close()
    except DefusedXmlException as err:
        raise InputError(f"{document.path}: refused XML ({err})", document.path) from None
    except (SyntaxError, xml.parsers.expat.ExpatError) as err:
        line, column = getattr(err, "position", (0, 0))
        reason = str(err).split(":")[0]
        raise InputError(f"{document.path}:{line}:{column + 1}: not well-formed XML ({reason})", document.path) from None


def events(text: str) -> Iterator[Tag]:
    """Tags, text runs and CDATA sections in document order."""
    position = 0
    for m in _MARKUP.finditer(text):
        if m.start() > position:
            yield Tag("text", "", position, m.start())
        position = m.end()
        if m["cdata"] is not None:
            yield Tag("cdata", "", m.start(), m.end())
        elif not m["name"]:
            yield Tag("other", "", m.start(), m.end())
        elif m["close"]:
            yield Tag("end", m["name"], m.start(), m.end())
        elif m["empty"]:
            yield Tag("empty", m["name"], m.start(), m.end(), m["attrs"])
        else:
            yield Tag("start", m["name"], m.start(), m.end(), m["attrs"])
    if position < len(text):
        yield Tag("text", "", position, len(text))


def escape(target: str) -> str:
    """Escape `&`, `<` and `>` for XML character data."""
    return _SPECIAL.sub(lambda m: {"&": "&amp;", "<": "&lt;", ">": "&gt;"}[m.group()], target)


def escape_cdata(target: str) -> str:
    """Text for inside a CDATA section: `]]>` is split over two sections."""
    return target.replace("]]>", "]]]]><![CDATA[>")


def unescape(raw: str) -> str:
    """Text with its references decoded as XML reads them: `&#133;` is U+0085, where HTML
    would read `…`; a named entity other than XML's five as HTML names it."""
    return _REFERENCE.sub(_character, raw) if "&" in raw else raw


_PREDEFINED = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}


def _character(m: re.Match[str]) -> str:
    name = m.group()[1:-1]
    if name[0] == "#":
        return chr(int(name[2:], 16) if name[1] == "x" else int(name[1:]))
    return _PREDEFINED.get(name) or html.unescape(m.group())


#: `]]>` may stand in neither character data nor a CDATA section.
ESCAPES = {"xml": Escaping(escape, "]]>"), "cdata": Escaping(escape_cdata, "]]>")}


@dataclass
class Content:
    """An element's text as pieces (one list per `mrk mtype="seg"` segment where it has
    them, keyed by `mid`), its inline codes, and its plain text."""

    pieces: list[Piece]
    codes: list[str]
    text: str
    segments: dict[str, Content] = field(default_factory=dict)


def content(text: str, tags: Iterator[Tag], code_elements: frozenset[str]) -> Content:
    """Read up to the end tag of the element just started: its text as pieces, its codes, and the
    segments marked in it."""
    pieces: list[Piece] = []
    codes: list[str] = []
    segments: dict[str, Content] = {}
    depth = 1
    for tag in tags:
        if tag.kind == "text":
            pieces.extend(escaped_pieces(text, tag.start, tag.end, _REFERENCE, unescape, "xml"))
        elif tag.kind == "cdata":
            pieces.append(Piece(Kind.MARKUP, "", Span(tag.start, tag.start + 9), "xml"))
            pieces.append(Piece(Kind.TEXT, text[tag.start + 9 : tag.end - 3], Span(tag.start + 9, tag.end - 3), "cdata"))
            pieces.append(Piece(Kind.MARKUP, "", Span(tag.end - 3, tag.end), "xml"))
        elif tag.kind == "other":
            pieces.append(Piece(Kind.MARKUP, "", Span(tag.start, tag.end), "xml"))
        elif tag.kind == "empty":
            codes.append(_signature(tag))
            pieces.append(Piece(Kind.CODE, PLACEHOLDER, Span(tag.start, tag.end), "xml"))
        elif tag.kind == "start":
            if tag.local == "mrk" and tag.attr("mtype") == "seg":
                segments[tag.attr("mid") or str(len(segments) + 1)] = content(text, tags, code_elements)
                pieces.append(Piece(Kind.CODE, PLACEHOLDER, Span(tag.start, tag.end), "xml"))
                continue
            codes.append(_signature(tag))
            if tag.local in code_elements:
                end = _skip(tags)
                pieces.append(Piece(Kind.CODE, PLACEHOLDER, Span(tag.start, end), "xml"))
            else:
                depth += 1
                pieces.append(Piece(Kind.CODE, PLACEHOLDER, Span(tag.start, tag.end), "xml"))
        else:
            depth -= 1
            if depth == 0:
                break
            pieces.append(Piece(Kind.CODE, PLACEHOLDER, Span(tag.start, tag.end), "xml"))
    plain = "".join(p.text for p in pieces).replace(PLACEHOLDER, " ")
    return Content(trim(pieces), sorted(codes), " ".join(plain.split()), segments)


def _signature(tag: Tag) -> str:
    ident = tag.attr("id") or tag.attr("rid") or tag.attr("i") or tag.attr("x") or ""
    return f"{tag.local} {ident}".strip()


def _skip(tags: Iterator[Tag]) -> int:
    """Consume events up to the end of the element just started; the offset after it."""
    depth = 1
    for tag in tags:
        if tag.kind == "start":
            depth += 1
        elif tag.kind == "end":
            depth -= 1
            if depth == 0:
                return tag.end
    return 0


def skip(tags: Iterator[Tag]) -> None:
    """Consume events up to the end of the element just started."""
    _skip(tags)
