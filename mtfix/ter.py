"""Translation edit rate exactly as sacreBLEU counts it, about ten times faster on news text.

sacreBLEU's TER (`sacrebleu/metrics/lib_ter.py`, a port of Tercom) shifts phrases of the
hypothesis while a shift lowers the edit distance, trying candidates in a fixed order and
scoring each with a banded Levenshtein distance in pure Python. Here the same candidates are
tried in the same order with the same limits; only the distance is computed differently:
bit-parallel over the reference words (Hyyrö's form of Myers' algorithm), which gives the
unbanded distance. Whenever that distance is below the cost of any path that leaves
sacreBLEU's band, every optimal path lies inside the band, so the banded distance and its
trace (ties broken alike: substitution, then deletion, then insertion) are the same; otherwise
the banded distance is computed as sacreBLEU computes it.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections.abc import Sequence
from functools import lru_cache

MAX_SHIFT_SIZE = 10
MAX_SHIFT_DIST = 50
BEAM_WIDTH = 25
MAX_SHIFT_CANDIDATES = 1000
_INF = 1 << 60


def edits(hypothesis: Sequence[str], reference: Sequence[str]) -> int:
    """Shifts plus edit distance: the number of edits sacreBLEU's `translation_edit_rate`
    finds between two token lists."""
    if not reference:
        return len(hypothesis)
    ids: dict[str, int] = {}
    ref = [ids.setdefault(w, len(ids)) for w in reference]
    hyp = [ids.setdefault(w, len(ids)) for w in hypothesis]
    distance = _Distance(ref, len(hyp), len(ids))
    shifts = checked = 0
    while True:
        delta, shifted, checked = _shift(hyp, ref, distance, checked)
        if checked >= MAX_SHIFT_CANDIDATES or delta <= 0:
            break
        shifts += 1
        hyp = shifted
    return shifts + distance.value(hyp, len(hyp))


def _shift(hyp: list[int], ref: list[int], distance: _Distance, checked: int) -> tuple[int, list[int], int]:
    """The best shift of one phrase of `hyp` and how much it lowers the distance, as
    sacreBLEU's `_shift` chooses it; `checked` counts the candidates scored so far."""
    score, trace = distance.trace(hyp)
    align, ref_errors, hyp_errors = _alignment(trace)
    best: tuple[int, int, int, int] | None = None
    best_words = hyp
    scored: dict[tuple[int, int, int], int] = {}
    for start_h, start_r, length in _shifted_pairs(hyp, ref):
        if hyp_errors[start_h + length] == hyp_errors[start_h]:
            continue
        if ref_errors[start_r + length] == ref_errors[start_r]:
            continue
        if start_h <= align[start_r] < start_h + length:
            continue
        previous = -1
        for offset in range(-1, length):
            if start_r + offset == -1:
                target = 0
            elif start_r + offset in align:
                target = align[start_r + offset] + 1
            else:
                break
            if target == previous:
                continue
            previous = target
            key = (start_h, length, target)
            words = _perform_shift(hyp, start_h, length, target)
            if key not in scored:
                scored[key] = distance.value(words, min(start_h, target))
            candidate = (score - scored[key], length, -start_h, -target)
            checked += 1
            if best is None or candidate > best:
                best, best_words = candidate, words
        if checked >= MAX_SHIFT_CANDIDATES:
            break
    if best is None:
        return 0, hyp, checked
    return best[0], best_words, checked


def _shifted_pairs(hyp: list[int], ref: list[int]):
    """(hyp start, ref start, length) of every run of equal words up to the size limit, in
    sacreBLEU's order."""
    n, m = len(hyp), len(ref)
    where: dict[int, list[int]] = {}
    for j, word in enumerate(ref):
        where.setdefault(word, []).append(j)
    for start_h in range(n):
        for start_r in where.get(hyp[start_h], ()):
            if abs(start_r - start_h) > MAX_SHIFT_DIST:
                continue
            length = 0
            while hyp[start_h + length] == ref[start_r + length] and length < MAX_SHIFT_SIZE:
                length += 1
                yield start_h, start_r, length
                if n == start_h + length or m == start_r + length:
                    break


def _perform_shift(words: list[int], start: int, length: int, target: int) -> list[int]:
    if target < start:
        return words[:target] + words[start : start + length] + words[target:start] + words[start + length :]
    if target > start + length:
        return words[:start] + words[start + length : target] + words[start : start + length] + words[target:]
    return words[:start] + words[start + length : length + target] + words[start : start + length] + words[length + target :]


def _alignment(trace: str) -> tuple[dict[int, int], list[int], list[int]]:
    """sacreBLEU's `trace_to_alignment` of the flipped trace, with the error flags as running
    sums (so a span's error count is one subtraction)."""
    hyp_at = ref_at = -1
    align: dict[int, int] = {}
    hyp_errors, ref_errors = [0], [0]
    for op in trace:  # the distance's trace: 'd' consumes a hypothesis word, 'i' a reference word
        if op == " " or op == "s":
            hyp_at += 1
            ref_at += 1
            align[ref_at] = hyp_at
            error = op == "s"
            hyp_errors.append(hyp_errors[-1] + error)
            ref_errors.append(ref_errors[-1] + error)
        elif op == "d":
            hyp_at += 1
            hyp_errors.append(hyp_errors[-1] + 1)
        else:
            ref_at += 1
            align[ref_at] = hyp_at
            ref_errors.append(ref_errors[-1] + 1)
    return align, ref_errors, hyp_errors


class _Distance:
    """sacreBLEU's banded edit distance from hypotheses of one length to one reference."""

    def __init__(self, ref: list[int], n: int, words: int) -> None:
        self.ref, self.n, self.m = ref, n, len(ref)
        self.mask = (1 << self.m) - 1
        self.equal = [0] * words  # by word id: the reference positions holding that word
        for j, word in enumerate(ref):
            self.equal[word] |= 1 << j
        self.bands, self.bound = _band(n, self.m)
        self.traced = [(self.mask, 0)]  # the columns of the hypothesis last traced

    def value(self, hyp: list[int], same: int) -> int:
        """The banded distance of `hyp`, whose first `same` words are those of the hypothesis
        last traced (so its first columns are known)."""
        distance = self._vectors(hyp, self.equal, same, self.traced[same])
        if distance < self.bound:
            return distance
        columns = self.traced[: same + 1]
        self._vectors(hyp, self.equal, same, self.traced[same], columns)
        return distance if self._inside(hyp, columns, distance) else _banded(hyp, self.ref, self.bands)[0]

    def trace(self, hyp: list[int]) -> tuple[int, str]:
        """The banded distance of `hyp` and the edit operations sacreBLEU's trace has."""
        columns = self.traced = [(self.mask, 0)]
        distance = self._vectors(hyp, self.equal, 0, columns[0], columns)
        if distance < self.bound or self._inside(hyp, columns, distance):
            return distance, self._backtrace(hyp, columns)
        return _banded(hyp, self.ref, self.bands)

    def _inside(self, hyp: list[int], columns: list[tuple[int, int]], distance: int) -> bool:
        """Whether every path as short as `distance` stays inside the band. A path that leaves
        it enters at one of the band's entries, and costs at least the distance to the entry
        plus the fewest edits from there (exactly: plus the distance from there, worked out
        on the reversed texts)."""
        n, m = self.n, self.m
        entries, costs = _entries(n, m)
        near = [
            (i, j) for i, j in entries[: bisect_right(costs, distance)]
            if _cell(columns, i, j) + abs((n - i) - (m - j)) <= distance
        ]
        if not near:
            return True
        reversed_equal = [int(f"{bits:0{m}b}"[::-1], 2) if bits else 0 for bits in self.equal]
        backward = [(self.mask, 0)]
        self._vectors(hyp[::-1], reversed_equal, 0, backward[0], backward)
        return all(_cell(columns, i, j) + _cell(backward, n - i, m - j) > distance for i, j in near)

    def _vectors(
        self, hyp: list[int], equal: list[int], start: int, column: tuple[int, int],
        columns: list[tuple[int, int]] | None = None,
    ) -> int:
        """The unbanded distance, bit-parallel over the reference words, from row `start`
        whose horizontal differences (+1 and -1 bits by reference position) are `column`; with
        `columns`, those of each later row are added to it. The distance is read off the last
        row's differences, as `_cell` reads any cell."""
        mask = self.mask
        plus, minus = column
        append = columns.append if columns is not None else None
        for eq in map(equal.__getitem__, hyp[start:]):
            xv = eq | minus
            xh = (((eq & plus) + plus) ^ plus) | eq
            ph = (minus | ~(xh | plus)) << 1 | 1
            plus = ((plus & xh) << 1 | ~(xv | ph)) & mask
            minus = ph & xv
            if append:
                append((plus, minus))
        return len(hyp) + plus.bit_count() - minus.bit_count()

    def _backtrace(self, hyp: list[int], columns: list[tuple[int, int]]) -> str:
        ref = self.ref
        ops = []
        i, j = self.n, self.m
        here = _cell(columns, i, j)
        while i > 0 or j > 0:
            if i == 0:
                ops.append("i")
                j -= 1
                here -= 1
                continue
            if j == 0:
                ops.append("d")
                i -= 1
                here -= 1
                continue
            same = hyp[i - 1] == ref[j - 1]
            diagonal = _cell(columns, i - 1, j - 1)
            if diagonal + (not same) == here:
                ops.append(" " if same else "s")
                i, j, here = i - 1, j - 1, diagonal
            elif _cell(columns, i - 1, j) + 1 == here:
                ops.append("d")
                i, here = i - 1, here - 1
            else:
                ops.append("i")
                j, here = j - 1, here - 1
        ops.reverse()
        return "".join(ops)


def _cell(columns: list[tuple[int, int]], i: int, j: int) -> int:
    """The distance between the first `i` hypothesis words and the first `j` reference words."""
    plus, minus = columns[i]
    below = (1 << j) - 1
    return i + (plus & below).bit_count() - (minus & below).bit_count()


@lru_cache(maxsize=4096)
def _band(n: int, m: int) -> tuple[list[tuple[int, int]], int]:
    """For each row of the distance matrix, the columns sacreBLEU computes, [low, high); and
    a lower bound on the edits of any path through a cell outside them."""
    ratio = m / n if n else 1
    width = math.ceil(ratio / 2 + BEAM_WIDTH) if BEAM_WIDTH < ratio / 2 else BEAM_WIDTH
    bands = [(0, m + 1)]
    for i in range(1, n + 1):
        diagonal = math.floor(i * ratio)
        low, high = max(0, diagonal - width), min(m + 1, diagonal + width)
        bands.append((low, m + 1 if i == n else high))
    bound = _INF
    for i in range(1, n + 1):
        low, high = bands[i]
        for first, last in ((0, low - 1), (high, m)):
            # the fewest edits through (i, j) are convex in j: least at an end or a corner
            for j in {first, last, i, i + m - n}:
                if first <= j <= last:
                    bound = min(bound, _detour(n, m, i, j))
    return bands, bound


@lru_cache(maxsize=4096)
def _entries(n: int, m: int) -> tuple[list[tuple[int, int]], list[int]]:
    """The cells outside the band a path can step to from inside it (below or beside a band
    cell of the row above, or just right of its own row's band), cheapest detour first, and
    those detours."""
    bands, _ = _band(n, m)
    cells = set()
    for i in range(1, n + 1):
        low, high = bands[i]
        above_low, above_high = (0, m + 1) if i == 1 else bands[i - 1]
        cells.update((i, j) for j in range(above_low, min(low, above_high + 1)))
        cells.update((i, j) for j in range(max(high, above_low), min(m, above_high) + 1))
        if high <= m:
            cells.add((i, high))
    ordered = sorted(cells, key=lambda cell: _detour(n, m, *cell))
    return ordered, [_detour(n, m, i, j) for i, j in ordered]


def _detour(n: int, m: int, i: int, j: int) -> int:
    """The fewest edits of a path through cell (i, j)."""
    return abs(i - j) + abs((n - i) - (m - j))


def _banded(hyp: list[int], ref: list[int], bands: list[tuple[int, int]]) -> tuple[int, str]:
    """sacreBLEU's `BeamEditDistance` itself: the banded distance and its trace."""
    n, m = len(hyp), len(ref)
    cost = [list(range(m + 1))]
    op = [["i"] * (m + 1)]
    for i in range(1, n + 1):
        above, row, ops = cost[i - 1], [_INF] * (m + 1), ["x"] * (m + 1)
        word = hyp[i - 1]
        low, high = bands[i]
        for j in range(low, high):
            if j == 0:
                row[0], ops[0] = above[0] + 1, "d"
                continue
            same = word == ref[j - 1]
            best, name = above[j - 1] + (not same), " " if same else "s"
            if above[j] + 1 < best:
                best, name = above[j] + 1, "d"
            if row[j - 1] + 1 < best:
                best, name = row[j - 1] + 1, "i"
            row[j], ops[j] = best, name
        cost.append(row)
        op.append(ops)
    trace = []
    i, j = n, m
    while i > 0 or j > 0:
        name = op[i][j]
        trace.append(name)
        if name in " s":
            i, j = i - 1, j - 1
        elif name == "i":
            j -= 1
        else:
            i -= 1
    trace.reverse()
    return cost[n][m], "".join(trace)
