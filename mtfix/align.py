"""Segment alignment and token edits between a machine translation and its post-edit.

Two texts with the same number of lines are aligned line by line (the usual layout of MT
and post-edit files). Otherwise both are split into sentences inside their paragraphs and
aligned monotonically by dynamic programming over 1-1, 1-0, 0-1, 2-1 and 1-2 links, with a
cost from word overlap (Dice over word sets), so a deleted or added sentence (dropped boilerplate, say) does not
shift every later pair.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from cydifflib import SequenceMatcher

_TOKEN = re.compile(r"\w+(?:['’]\w+)*|[^\w\s]")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_PIECE = re.compile(r"\w+|[^\w\s]|\s+")
_SENTENCE_END = re.compile(r"""[.!?…]+["'»”’)\]]*\s+(?=["'«“‘(\[]?[A-Z0-9А-ЯЁ])""")


@dataclass(frozen=True)
class Segment:
    """A piece of one text: its text and the 1-based line it starts on."""

    text: str
    line: int


@dataclass(frozen=True)
class Pair:
    """An aligned pair; either side may be None for an unmatched segment."""

    mt: Segment | None
    pe: Segment | None

    @property
    def mt_text(self) -> str:
        return self.mt.text if self.mt else ""

    @property
    def pe_text(self) -> str:
        return self.pe.text if self.pe else ""


Mode = Literal["line", "sentence"]


def tokens(text: str) -> list[str]:
    """Words and punctuation marks, the units of the per-segment edits."""
    return _TOKEN.findall(text)


def lines(text: str) -> list[Segment]:
    """Every line of `text` (line breaks dropped); a final line break adds no empty line."""
    parts = _LINE_BREAK.split(text)
    if parts and parts[-1] == "":
        parts.pop()
    return [Segment(part, n) for n, part in enumerate(parts, 1)]


def sentences(text: str) -> list[Segment]:
    """Sentences inside each non-blank line; a line break always ends a sentence."""
    found = []
    for segment in lines(text):
        body = segment.text.strip()
        if not body:
            continue
        start = 0
        for match in _SENTENCE_END.finditer(body):
            found.append(Segment(body[start : match.end()].strip(), segment.line))
            start = match.end()
        if body[start:].strip():
            found.append(Segment(body[start:].strip(), segment.line))
    return found


def _similarity(a: frozenset[str], b: frozenset[str]) -> float:
    """Dice coefficient over lower-cased token sets."""
    total = len(a) + len(b)
    return 2 * len(a & b) / total if total else 1.0


_SKIP = 0.55  # cost of leaving a segment of 8 or more tokens unmatched; shorter ones cost less,
# so a dropped navigation line is skipped rather than glued to its neighbour
_SKIP_TOKENS = 8
_MERGE = 0.3  # extra cost of a 2-1 or 1-2 link: merge only when one side really split a sentence


def align_sentences(mt: list[Segment], pe: list[Segment]) -> list[Pair]:
    """Monotone alignment minimising the summed link costs (banded for long texts)."""
    bags_mt = [frozenset(t.lower() for t in tokens(s.text)) for s in mt]
    bags_pe = [frozenset(t.lower() for t in tokens(s.text)) for s in pe]
    n, m = len(mt), len(pe)
    band = max(25, abs(n - m) + 25)
    inf = float("inf")
    cost = [[inf] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int] | None]] = [[None] * (m + 1) for _ in range(n + 1)]
    cost[0][0] = 0.0

    def link(i0: int, i1: int, j0: int, j1: int) -> float:
        a = bags_mt[i0] if i1 - i0 == 1 else bags_mt[i0] | bags_mt[i0 + 1]
        b = bags_pe[j0] if j1 - j0 == 1 else bags_pe[j0] | bags_pe[j0 + 1]
        extra = _MERGE if (i1 - i0) + (j1 - j0) > 2 else 0.0
        return 1 - _similarity(a, b) + extra

    for i in range(n + 1):
        centre = i * m / n if n else 0
        for j in range(max(0, int(centre) - band), min(m, int(centre) + band) + 1):
            here = cost[i][j]
            if here == inf:
                continue
            steps = ((1, 0), (0, 1), (1, 1), (2, 1), (1, 2))
            for di, dj in steps:
                i2, j2 = i + di, j + dj
                if i2 > n or j2 > m:
                    continue
                if di and dj:
                    step = link(i, i2, j, j2)
                else:
                    size = len(bags_mt[i] if di else bags_pe[j])
                    step = _SKIP * min(1.0, size / _SKIP_TOKENS)
                if here + step < cost[i2][j2]:
                    cost[i2][j2] = here + step
                    back[i2][j2] = (di, dj)
    if cost[n][m] == inf:  # the band was too narrow: fall back to plain order
        return [Pair(a, b) for a, b in _zip_longest(mt, pe)]
    pairs: list[Pair] = []
    i, j = n, m
    while i or j:
        di, dj = back[i][j]  # type: ignore[misc]
        i, j = i - di, j - dj
        if di and dj:
            mt_part, pe_part = mt[i : i + di], pe[j : j + dj]
            pairs.append(Pair(_join(mt_part), _join(pe_part)))
        else:
            pairs.append(Pair(mt[i] if di else None, pe[j] if dj else None))
    pairs.reverse()
    return pairs


def _join(parts: list[Segment]) -> Segment:
    return Segment(" ".join(p.text for p in parts), parts[0].line)


def _zip_longest(a: list[Segment], b: list[Segment]):
    for k in range(max(len(a), len(b))):
        yield (a[k] if k < len(a) else None, b[k] if k < len(b) else None)


def align(mt_text: str, pe_text: str, mode: Mode | None = None) -> tuple[list[Pair], Mode]:
    """Pairs of segments and the mode used: by line when the line counts agree, else by sentence."""
    mt_lines, pe_lines = lines(mt_text), lines(pe_text)
    if mode == "line" or (mode is None and len(mt_lines) == len(pe_lines)):
        return [Pair(a, b) for a, b in _zip_longest(mt_lines, pe_lines)], "line"
    pairs = align_sentences(sentences(mt_text), sentences(pe_text))
    return pairs, "sentence"


@dataclass(frozen=True)
class Change:
    """One run of a token diff: `equal`, `replace`, `delete` (MT only) or `insert` (post-edit only)."""

    op: str
    mt: str
    pe: str


def token_edits(mt: str, pe: str) -> list[Change]:
    """difflib's matching (by cydifflib, its port to C) over words and punctuation; each run
    keeps its side's original spacing, so joining the `mt` (or `pe`) texts of all runs gives
    that side back."""
    a, b = _pieces(mt), _pieces(pe)
    matcher = SequenceMatcher(None, [t for t, _ in a], [t for t, _ in b], autojunk=False)
    return [
        Change(op, "".join(f for _, f in a[i1:i2]), "".join(f for _, f in b[j1:j2]))
        for op, i1, i2, j1, j2 in matcher.get_opcodes()
    ]


def edit_count(changes: list[Change]) -> int:
    """Token edits: substituted, deleted and inserted tokens (the larger side of a replace)."""
    total = 0
    for change in changes:
        if change.op != "equal":
            total += max(len(tokens(change.mt)), len(tokens(change.pe)))
    return total


@dataclass(frozen=True)
class Piece:
    """A run of text in a side-by-side view and whether it differs from the other side."""

    text: str
    changed: bool


def word_diff(left: str, right: str) -> tuple[list[Piece], list[Piece]]:
    """Both texts cut into pieces at word boundaries, changed runs flagged, spacing kept.

    Joining the pieces of each side gives back that side's text exactly.
    """
    a = _pieces(left)
    b = _pieces(right)
    matcher = SequenceMatcher(None, [t for t, _ in a], [t for t, _ in b], autojunk=False)
    out_a: list[Piece] = []
    out_b: list[Piece] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        changed = op != "equal"
        _extend(out_a, a[i1:i2], changed)
        _extend(out_b, b[j1:j2], changed)
    return out_a, out_b


def _pieces(text: str) -> list[tuple[str, str]]:
    """(token, token plus its trailing whitespace) with the leading whitespace on the first."""
    result: list[tuple[str, str]] = []
    lead = ""
    for chunk in _PIECE.findall(text):
        if chunk.isspace():
            if result:
                token, full = result[-1]
                result[-1] = (token, full + chunk)
            else:
                lead += chunk
            continue
        result.append((chunk, lead + chunk))
        lead = ""
    if lead:
        result.append(("", lead))
    return result


def _extend(out: list[Piece], items: list[tuple[str, str]], changed: bool) -> None:
    full = "".join(f for _, f in items)
    body = full.rstrip() if changed else full
    for text, flag in ((body, changed), (full[len(body) :], False)):
        if not text:
            continue
        if out and out[-1].changed == flag:
            out[-1] = Piece(out[-1].text + text, flag)
        else:
            out.append(Piece(text, flag))
