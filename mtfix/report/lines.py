"""Lines of a text beside the lines of its fixed text: which line of one is which of the other."""

from __future__ import annotations

import difflib

from mtfix.document import Document


def line_spans(document: Document) -> list[tuple[int, int]]:
    """(start, end) of each line, without its line break."""
    return [(s.start, s.end) for s in (document.line_span(n) for n in range(1, len(document.line_starts) + 1))]


_MODULUS, _BASE = (1 << 61) - 1, 1_000_003


class LineMatcher(difflib.SequenceMatcher):
    """difflib's SequenceMatcher (no junk), with a faster `find_longest_match` that gives the
    same answer. difflib pairs every line with every equal line, which is slow when lines
    repeat (the blank line after each PO entry). Here a run as long as one already seen
    (on the diagonals through the corners) is the bar: a longest run starts with a window of
    that length, so only windows of `b` with the same hash as a window of `a` are extended."""

    def __init__(self, a: list[str], b: list[str]) -> None:
        super().__init__(None, a, b, autojunk=False)
        ids: dict[str, int] = {}
        self._a = [ids.setdefault(x, len(ids)) for x in a]
        self._b = [ids.setdefault(x, len(ids)) for x in b]
        self._ha, self._hb = self._prefix(self._a), self._prefix(self._b)
        self._power = [1]
        for _ in range(max(len(a), len(b))):
            self._power.append(self._power[-1] * _BASE % _MODULUS)

    @staticmethod
    def _prefix(ids: list[int]) -> list[int]:
        hashes = [0]
        for x in ids:
            hashes.append((hashes[-1] * _BASE + x + 1) % _MODULUS)
        return hashes

    def _windows(self, hashes: list[int], lo: int, hi: int, width: int) -> list[int]:
        power = self._power[width]
        return [(hashes[i + width] - hashes[i] * power) % _MODULUS for i in range(lo, hi - width + 1)]

    def find_longest_match(self, alo=0, ahi=None, blo=0, bhi=None):
        a, b = self._a, self._b
        ahi = len(a) if ahi is None else ahi
        bhi = len(b) if bhi is None else bhi
        bar = max(_diagonal_run(a, b, alo, ahi, blo, bhi, 1), _diagonal_run(a, b, ahi - 1, alo - 1, bhi - 1, blo - 1, -1))
        width = max(bar, 1)
        if ahi - alo < width or bhi - blo < width:
            return difflib.Match(alo, blo, 0)
        starts: dict[int, list[int]] = {}
        for offset, key in enumerate(self._windows(self._hb, blo, bhi, width)):
            starts.setdefault(key, []).append(blo + offset)
        size, best_i, best_j = 0, alo, blo
        extended: dict[int, int] = {}  # diagonal -> end in `a` of the run extended on it
        for offset, key in enumerate(self._windows(self._ha, alo, ahi, width)):
            for j in starts.get(key, ()):
                i = alo + offset
                if extended.get(j - i, -1) > i:
                    continue
                first_i, first_j = i, j
                while first_i > alo and first_j > blo and a[first_i - 1] == b[first_j - 1]:
                    first_i, first_j = first_i - 1, first_j - 1
                end_i, end_j = i, j
                while end_i < ahi and end_j < bhi and a[end_i] == b[end_j]:
                    end_i, end_j = end_i + 1, end_j + 1
                extended[j - i] = max(end_i, i + 1)
                length = end_i - first_i
                if length > size or (length == size and length and (first_i, first_j) < (best_i, best_j)):
                    size, best_i, best_j = length, first_i, first_j
        return difflib.Match(best_i, best_j, size) if size else difflib.Match(alo, blo, 0)


def _diagonal_run(a: list[int], b: list[int], i: int, i_stop: int, j: int, j_stop: int, step: int) -> int:
    """The longest run of equal lines on one diagonal, walking from (i, j) by `step`."""
    longest = run = 0
    while i != i_stop and j != j_stop:
        run = run + 1 if a[i] == b[j] else 0
        longest = max(longest, run)
        i, j = i + step, j + step
    return longest


def pair_lines(before: Document, after: Document) -> list[tuple[int | None, int | None]]:
    """Pairs of 1-based line numbers (None where a side has no line), aligned with difflib."""
    a = [before.text[s:e] for s, e in line_spans(before)]
    b = [after.text[s:e] for s, e in line_spans(after)]
    rows: list[tuple[int | None, int | None]] = []
    for op, i1, i2, j1, j2 in LineMatcher(a, b).get_opcodes():
        if op == "equal" or op == "replace":
            for k in range(max(i2 - i1, j2 - j1)):
                left = i1 + k + 1 if i1 + k < i2 else None
                right = j1 + k + 1 if j1 + k < j2 else None
                rows.append((left, right))
        elif op == "delete":
            rows.extend((i + 1, None) for i in range(i1, i2))
        else:
            rows.extend((None, j + 1) for j in range(j1, j2))
    return rows
