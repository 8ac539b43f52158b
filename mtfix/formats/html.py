"""HTML: the text nodes, without script, style, code and preformatted blocks.

Entity references stay in the text as written; an edited text node has its bare `&` and `<`
escaped on write-back.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

from mtfix.formats import xml
from mtfix.formats.base import trimmed
from mtfix.model import Span

#: Elements whose content is not prose.
SKIPPED = frozenset({"script", "style", "code", "pre", "kbd", "samp", "var", "template", "textarea", "svg", "math"})
_REFERENCE = re.compile(r"&#?[\w]+;?")
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
)


class _Scanner(HTMLParser):
    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=False)
        self.text = text
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.runs: list[Span] = []
        self.open: list[int] = []
        self.skipping: list[str] = []

    def _at(self) -> int:
        line, column = self.getpos()
        return self.starts[line - 1] + column

    def _piece(self, length: int) -> None:
        if self.skipping:
            return
        start = self._at()
        if self.open and self.open[-1] == start:
            self.open[-1] = start + length
            self.runs[-1] = Span(self.runs[-1].start, start + length)
        else:
            self.runs.append(Span(start, start + length))
            self.open = [start + length]

    def handle_data(self, data: str) -> None:
        self._piece(len(data))

    def _reference(self) -> None:
        m = _REFERENCE.match(self.text, self._at())
        self._piece(len(m.group()) if m else 1)

    def handle_entityref(self, name: str) -> None:
        self._reference()

    def handle_charref(self, name: str) -> None:
        self._reference()

    def handle_starttag(self, tag: str, attrs) -> None:
        self.open = []
        if tag in SKIPPED:
            self.skipping.append(tag)

    def handle_endtag(self, tag: str) -> None:
        self.open = []
        if self.skipping and self.skipping[-1] == tag:
            self.skipping.pop()

    def handle_startendtag(self, tag: str, attrs) -> None:
        self.open = []

    def handle_comment(self, data: str) -> None:
        self.open = []


@dataclass
class HtmlDocument(xml.XmlDocument):
    format = "html"

    @classmethod
    def scan(cls, text, path):
        scanner = _Scanner(text)
        scanner.feed(text)
        scanner.close()
        return [s for r in scanner.runs if (s := trimmed(text, r.start, r.end))], []
