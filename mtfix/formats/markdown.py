"""Markdown: the prose of paragraphs, headings, list items, quotes and table cells.

markdown-it-py finds the blocks; inside each, code spans, autolinks, bare URLs, link
destinations, reference labels and inline HTML (comments included) are not prose. Code
blocks, HTML blocks and YAML front matter are skipped whole. `<!-- mtfix: ... -->`
directives still work: suppression reads them from the whole text.
"""

from __future__ import annotations

import re
from functools import cache

from mtfix.document import Document
from mtfix.formats.base import numbered_lines, tidy, trimmed
from mtfix.model import Span
from mtfix.units import Unit

_PROTECTED = re.compile(
    r"(?<!`)(?P<tick>`+)(?!`).+?(?<!`)(?P=tick)(?!`)"  # code span
    r"|<!--.*?-->"  # HTML comment
    r"|<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*>"  # autolink
    r"|<[^\s<>@]+@[^\s<>]+>"  # e-mail autolink
    r"|</?[A-Za-z][\w-]*(?:\s[^<>]*)?/?>"  # inline HTML tag
    r"|(?<=\])\((?:<[^<>\n]*>|[^()\s]*(?:\([^()\s]*\)[^()\s]*)*)(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^()]*\)))?\s*\)"  # link destination
    r"|(?<=\])\[[^\[\]]*\]"  # reference label
    r"|\b(?:https?|ftp)://[^\s<>()\[\]]*[^\s<>()\[\].,;:!?'\"]"  # bare URL
    r"|\bwww\.[^\s<>()\[\]]*[^\s<>()\[\].,;:!?'\"]",
    re.S,
)
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n.*?^(?:---|\.\.\.)[ \t]*$", re.S | re.M)


@cache
def _parser():
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable("table")


def read(plain: Document) -> Document:
    """The prose spans as segments; each block (paragraph, heading, item, cell) a unit named
    by its first line."""
    text = plain.text
    front = _FRONT_MATTER.match(text)
    skip = front.end() if front else 0
    skip_lines = text.count("\n", 0, skip)
    numbered = list(numbered_lines(text[skip:]))  # the lines markdown-it counts
    lines = [line for _, _, line in numbered]
    starts = [skip + start for _, start, _ in numbered]
    cursors: dict[int, int] = {}
    segments: list[Span] = []
    units: list[Unit] = []
    for token in _parser().parse(text[skip:]):
        if token.type != "inline" or token.map is None:
            continue
        first = token.map[0]
        located: list[tuple[int, int]] = []  # (content index, document offset) per line
        index = 0
        for k, piece in enumerate(token.content.split("\n")):
            number = first + k
            if number >= len(lines):
                break
            line = lines[number].rstrip("\r\n")
            at = line.find(piece, cursors.get(number, 0)) if piece else -1
            if piece and at >= 0:
                located.append((index, starts[number] + at, len(piece)))
                cursors[number] = at + len(piece)
            index += len(piece) + 1
        prose = _prose(text, token.content, located)
        if prose:
            segments.extend(prose)
            units.append(Unit(source="", target=tuple(prose), id=str(skip_lines + first + 1)))
    plain.segments = tidy(segments)
    plain.units = units
    return plain


def _prose(text: str, content: str, located) -> list[Span]:
    """Document spans of the prose in one inline block's `content`."""
    protected = [m.span() for m in _PROTECTED.finditer(content)]
    spans = []
    for index, offset, length in located:
        cuts = [(max(s, index), min(e, index + length)) for s, e in protected if s < index + length and e > index]
        position = index
        for s, e in cuts + [(index + length, index + length)]:
            if s > position and (span := trimmed(text, offset + position - index, offset + s - index)):
                spans.append(span)
            position = max(position, e)
    return spans


_SPECIAL = re.compile(r"[\\`*_\[\]<]")


def escape(text: str) -> str:
    """A replacement as Markdown text: characters that would start markup are escaped."""
    return _SPECIAL.sub(lambda m: "\\" + m.group(), text)


ESCAPES = {"": escape}
