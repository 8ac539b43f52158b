"""Translation units: what a translator sees of each segment, and where it sits in its file.

A reader turns a file into units. Each unit's target is laid out as pieces: runs of text
that stand for themselves in the file, escapes and entities that stand for one character,
inline codes that rules see as one placeholder character, and markup that shows as nothing.
The pieces map every offset of the unit's text back to the file, so issues keep exact file
lines and columns and fixes can be written back in the file's own syntax.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field, fields

from mtfix.model import Span

#: What rules see for an inline code (an XLIFF `<x/>`, `<g>`, `<ph>…</ph>`; a TMX `<bpt>`).
PLACEHOLDER = "\ufffc"


class State(str, enum.Enum):
    """Where a unit stands in translation; fuzzy units are checked only when asked."""

    TRANSLATED = "translated"
    FUZZY = "fuzzy"
    UNTRANSLATED = "untranslated"
    APPROVED = "approved"


class Kind(enum.Enum):
    """How a piece of a unit's text stands in the file."""

    TEXT = "text"  # the same characters in the file
    ESCAPE = "escape"  # one character written as an escape or entity (`&amp;`, `\\n`)
    CODE = "code"  # an inline code, shown as PLACEHOLDER; no edit may touch it
    MARKUP = "markup"  # file syntax that shows as nothing (`<![CDATA[`, a PO line wrap)


@dataclass(frozen=True, slots=True)
class Piece:
    """`text` is what the unit shows for the file's `raw` span; `context` names the escaping
    that edits written into the piece need (`xml`, `cdata`, `po`, `json`, `tsv`)."""

    kind: Kind
    text: str
    raw: Span
    context: str = ""


@dataclass(frozen=True, slots=True)
class Unit:
    """One translation unit as rules see it.

    `target` holds the spans of the target in the document's text (one span for units read
    from bilingual files); `pieces` lay that text out in the file, from the target's start.
    """

    source: str
    target: tuple[Span, ...]
    id: str = ""
    state: State = State.TRANSLATED
    context: str = ""
    notes: tuple[str, ...] = ()
    group: str = ""
    source_codes: tuple[str, ...] = ()
    target_codes: tuple[str, ...] = ()
    pieces: tuple[Piece, ...] = field(default=(), repr=False, compare=False)

    @property
    def span(self) -> Span:
        """From the start of the first target span to the end of the last."""
        return Span(self.target[0].start, self.target[-1].end)


@dataclass
class Draft:
    """A unit as a reader finds it: its target still as pieces of the file."""

    id: str
    source: str
    pieces: list[Piece]
    state: State = State.TRANSLATED
    context: str = ""
    notes: tuple[str, ...] = ()
    group: str = ""
    source_codes: tuple[str, ...] = ()
    target_codes: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        return "".join(p.text for p in self.pieces)

    def unit(self, target: Span) -> Unit:
        """The unit this draft becomes, its text at `target` in the document's text."""
        shared = {f.name: getattr(self, f.name) for f in fields(self) if f.name != "pieces"}
        return Unit(target=(target,), pieces=tuple(self.pieces), **shared)


def trim(pieces: list[Piece]) -> list[Piece]:
    """Pieces without the white space that opens and closes the text: it stays in the file,
    outside the unit."""
    pieces = list(pieces)
    for index in (0, -1):
        while pieces:
            piece = pieces[index]
            if piece.kind is Kind.MARKUP or piece.kind is not Kind.CODE and not piece.text:
                pieces.pop(index)  # markup (and empty text, as of `<![CDATA[]]>`) at the edges belongs to the element
                continue
            if piece.kind is Kind.CODE or not piece.text[index].isspace():
                break
            if piece.kind is Kind.ESCAPE or not piece.text.strip():
                pieces.pop(index)
                continue
            kept = piece.text.lstrip() if index == 0 else piece.text.rstrip()
            cut = len(piece.text) - len(kept)
            raw = Span(piece.raw.start + cut, piece.raw.end) if index == 0 else Span(piece.raw.start, piece.raw.end - cut)
            pieces[index] = Piece(Kind.TEXT, kept, raw, piece.context)
            break
    return pieces
