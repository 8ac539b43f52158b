"""XLIFF 1.2 (`trans-unit` with `source` and `target`) and 2.x (`unit`/`segment`).

Each target is checked; inline codes (`x`, `ph`, `bpt`, `sc`, ...) and the content of code
elements are not text. Alternatives (`alt-trans`) and notes are never read.
"""

from __future__ import annotations

from dataclasses import dataclass

from mtfix.formats import xml
from mtfix.model import Span

#: Elements whose content is native code, not translatable text (XLIFF 1.2 and 2.x).
CODES = frozenset({"x", "bx", "ex", "ph", "bpt", "ept", "it", "ut", "sc", "ec", "cp", "sm", "em"})
#: Elements that hold one source/target pair: XLIFF 1.2 `trans-unit`, XLIFF 2 `segment`.
PAIRS = frozenset({"trans-unit", "segment"})
#: Elements never looked into.
SKIPPED = frozenset({"alt-trans", "note", "notes", "ignorable", "originalData", "header"})


@dataclass
class XliffDocument(xml.XmlDocument):
    format = "xliff"

    @classmethod
    def scan(cls, text, path):
        segments: list[Span] = []
        units = []
        tags = xml.events(text, path)
        stack: list[xml.Tag] = []
        source = None
        for tag in tags:
            if tag.kind == "start":
                if tag.local in SKIPPED:
                    xml.skip(tags)
                    continue
                parent = stack[-1].local if stack else ""
                if parent in PAIRS and tag.local == "source":
                    source = xml.content(text, tags, tag, CODES)
                    continue
                if parent in PAIRS and tag.local == "target":
                    target = xml.content(text, tags, tag, CODES)
                    segments.extend(target.runs)
                    ident = _ident(stack)
                    if (found := xml.unit(source, target, ident)) is not None:
                        units.append(found)
                    continue
                stack.append(tag)
                if tag.local in PAIRS:
                    source = None
            elif tag.kind == "end" and stack:
                stack.pop()
        return segments, units


def _ident(stack: list[xml.Tag]) -> str:
    parts = [t.attr("id") for t in stack if t.local in ("trans-unit", "unit", "segment")]
    return "/".join(p for p in parts if p)
