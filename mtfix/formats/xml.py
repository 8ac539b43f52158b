"""A small XML scanner that keeps exact offsets, shared by the XLIFF and TMX readers.

It never expands entities and never rewrites anything: it only says where tags and text
are. Escaping for edited targets lives here too.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass

from mtfix.document import InputError
from mtfix.formats.base import FormatDocument, Unit, trimmed
from mtfix.model import Span

_MARKUP = re.compile(
    r"<!--.*?-->|<!\[CDATA\[.*?\]\]>|<\?.*?\?>|<!DOCTYPE(?:[^\[>]|\[.*?\])*>"
    r"|<(?P<close>/?)(?P<name>[A-Za-z_][\w.:-]*)(?P<attrs>(?:\s+[^\s=/>]+\s*=\s*(?:\"[^\"]*\"|'[^']*'))*)"
    r"\s*(?P<empty>/?)>",
    re.S,
)
_ATTR = re.compile(r"([^\s=/>]+)\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
_REFERENCE = re.compile(r"&(?:#[0-9]+|#x[0-9A-Fa-f]+|[A-Za-z_][\w.-]*);")
_BARE = re.compile(r"&(?!#[0-9]+;|#x[0-9A-Fa-f]+;|[A-Za-z_][\w.-]*;)|<|(?<=\]\])>")


@dataclass(frozen=True)
class Tag:
    """A start, end or empty tag (kind "start", "end", "empty") or a text run ("text")."""

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
                return html.unescape(m[2] if m[2] is not None else m[3])
        return None


def events(text: str, path: str) -> Iterator[Tag]:
    """Tags and text runs in document order; InputError when tags do not nest."""
    position = 0
    stack: list[Tag] = []
    for m in _MARKUP.finditer(text):
        if m.start() > position:
            yield Tag("text", "", position, m.start())
        position = m.end()
        if not m["name"]:
            continue
        if m["close"]:
            if not stack or stack[-1].name != m["name"]:
                raise InputError(f"{path}:{_line(text, m.start())}: unexpected </{m['name']}>", path)
            stack.pop()
            yield Tag("end", m["name"], m.start(), m.end())
        elif m["empty"]:
            yield Tag("empty", m["name"], m.start(), m.end(), m["attrs"])
        else:
            tag = Tag("start", m["name"], m.start(), m.end(), m["attrs"])
            stack.append(tag)
            yield tag
    if position < len(text):
        yield Tag("text", "", position, len(text))
    if stack:
        raise InputError(f"{path}:{_line(text, stack[-1].start)}: <{stack[-1].name}> is never closed", path)


def _line(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def escape(target: str) -> str:
    """Escape `&` that starts no reference, `<`, and `>` after `]]`."""
    return _BARE.sub(lambda m: {"&": "&amp;", "<": "&lt;", ">": "&gt;"}[m.group()], target)


def unescape(raw: str) -> str:
    return html.unescape(raw)


@dataclass
class Content:
    """The text runs and inline codes found inside one element (source, target, seg)."""

    runs: list[Span]
    codes: list[str]
    text: str


def content(text: str, tags: Iterator[Tag], element: Tag, code_elements: frozenset[str]) -> Content:
    """Read up to the end tag of `element`: text runs outside code elements, and the codes."""
    runs: list[Span] = []
    codes: list[str] = []
    pieces: list[str] = []
    depth, skipping = 1, 0
    for tag in tags:
        if tag.kind == "text":
            if not skipping:
                runs.append(Span(tag.start, tag.end))
                pieces.append(unescape(text[tag.start : tag.end]))
        elif tag.kind == "empty":
            if tag.local in code_elements:
                codes.append(_signature(tag))
                pieces.append(" ")
        elif tag.kind == "start":
            depth += 1
            if tag.local in code_elements:
                if not skipping:
                    codes.append(_signature(tag))
                    pieces.append(" ")
                skipping += 1
            elif not skipping:
                codes.append(_signature(tag))
        else:
            depth -= 1
            if depth == 0:
                break
            if tag.local in code_elements:
                skipping -= 1
    segments = [s for r in runs if (s := trimmed(text, r.start, r.end))]
    return Content(segments, sorted(codes), " ".join("".join(pieces).split()))


def _signature(tag: Tag) -> str:
    ident = tag.attr("id") or tag.attr("rid") or tag.attr("i") or tag.attr("x") or ""
    return f"{tag.local} {ident}".strip()


def skip(tags: Iterator[Tag]) -> None:
    """Consume events up to the end of the element just started."""
    depth = 1
    for tag in tags:
        if tag.kind == "start":
            depth += 1
        elif tag.kind == "end":
            depth -= 1
            if depth == 0:
                return


class XmlDocument(FormatDocument):
    """Base for XML formats: entity escaping for edited targets."""

    @classmethod
    def escape(cls, target: str) -> str:
        return escape(target)

    @classmethod
    def unescape(cls, raw: str) -> str:
        return unescape(raw)


def unit(source: Content | None, target: Content, ident: str) -> Unit | None:
    if not target.runs:
        return None
    return Unit(
        source=source.text if source else "",
        target=tuple(target.runs),
        id=ident,
        source_codes=tuple(source.codes) if source else (),
        target_codes=tuple(target.codes),
    )
