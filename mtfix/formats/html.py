"""HTML: the text nodes, without script, style, code and preformatted blocks.

Entity references stay in the text as written; an edit's replacement has its bare `&` and
`<` escaped on write-back. Each text node is a unit, named by its line.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from mtfix.document import Document
from mtfix.formats.base import tidy, trimmed
from mtfix.model import Span
from mtfix.units import Unit

#: Elements whose content is not prose.
SKIPPED = frozenset({"script", "style", "code", "pre", "kbd", "samp", "var", "template", "textarea", "svg", "math"})
_REFERENCE = re.compile(r"&#?[\w]+;?")
_BARE = re.compile(r"&(?!#[0-9]+;|#x[0-9A-Fa-f]+;|[A-Za-z_][\w.-]*;)|<")


def escape(text: str) -> str:
    """Escape `&` that starts no reference, and `<`."""
    return _BARE.sub(lambda m: {"&": "&amp;", "<": "&lt;"}[m.group()], text)


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


def read(plain: Document) -> Document:
    text = plain.text
    scanner = _Scanner(text)
    scanner.feed(text)
    scanner.close()
    segments = [s for r in scanner.runs if (s := trimmed(text, r.start, r.end))]
    plain.segments = tidy(segments)
    plain.units = [Unit(source="", target=(s,), id=str(text.count("\n", 0, s.start) + 1)) for s in segments]
    return plain


ESCAPES = {"": escape}
