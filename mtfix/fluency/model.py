"""The shipped fluency model: a linear-chain CRF over OK/BAD token labels, read from plain JSON
(`mtfix/data/fluency-crf.json`, written by `training/fluency.py`).

With two labels only the difference of a feature's two weights matters to the marginals, so
the file keeps, for each feature name, the weight of BAD less that of OK, and the 2×2
transition weights. `bad_probabilities` adds up each word's, pair's and sentence's weights once
and runs forward-backward, which gives each token's marginal probability of BAD.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from functools import cache

from mtfix import datafiles
from mtfix.fluency import features as feat

FILE = "fluency-crf.json"


@dataclass
class Model:
    weights: dict[str, float]
    #: transitions[a][b]: weight of label b after label a (0 = OK, 1 = BAD).
    transitions: tuple[tuple[float, float], tuple[float, float]]
    #: The least BAD probability of a token flagged at info and of a span reported as a warning.
    info: float
    warning: float
    _words: dict = field(default_factory=dict, repr=False)
    _pairs: dict = field(default_factory=dict, repr=False)

    @classmethod
    def from_json(cls, data: dict) -> Model:
        (oo, ob), (bo, bb) = data["transitions"]
        return cls(
            weights={str(k): float(v) for k, v in data["weights"].items()},
            transitions=((float(oo), float(ob)), (float(bo), float(bb))),
            info=float(data["thresholds"]["info"]),
            warning=float(data["thresholds"]["warning"]),
        )

    def _word(self, offset: int, word: str | None) -> float:
        key = (offset, word)
        value = self._words.get(key)
        if value is None:
            names = feat.PAD if word is None else feat.word_type(word)
            value = self._words[key] = sum(self.weights.get(f"{offset}{f}", 0.0) for f in names)
        return value

    def _pair(self, name: str, first: str, second: str) -> float:
        key = (name, first, second)
        value = self._pairs.get(key)
        if value is None:
            names = feat.pair_type(first, second)
            value = self._pairs[key] = sum(self.weights.get(f"{name}{f}", 0.0) for f in names)
        return value

    def scores(self, words: list[str]) -> list[float]:
        """Each token's state score of BAD less OK: the sum of its features' weights."""
        w = self.weights
        n = len(words)
        lower = [x.lower() for x in words]
        base = w.get("bias", 0.0) + sum(w.get(f"S{f}", 0.0) for f in feat.sentence_type(words))
        capital = w.get("capital", 0.0)
        out = []
        for i in range(n):
            total = base
            for k in feat.OFFSETS:
                j = i + k
                total += self._word(k, words[j] if 0 <= j < n else None)
            for name, k in feat.PAIRS:
                j = i + k
                if 0 <= j and j + 1 < n:
                    total += self._pair(name, lower[j], lower[j + 1])
            if capital and feat.capital_inside(words, i):
                total += capital
            out.append(total)
        return out

    def bad_probabilities(self, words: list[str]) -> list[float]:
        """Each token's marginal probability of BAD (forward-backward, scaled)."""
        if not words:
            return []
        (oo, ob), (bo, bb) = (tuple(math.exp(t) for t in row) for row in self.transitions)
        states = [math.exp(max(-30.0, min(30.0, s))) for s in self.scores(words)]
        forward = []
        ok, bad = 1.0, states[0]
        for i in range(len(words)):
            if i:
                ok, bad = ok * oo + bad * bo, (ok * ob + bad * bb) * states[i]
            norm = ok + bad
            ok, bad = ok / norm, bad / norm
            forward.append((ok, bad))
        out = [0.0] * len(words)
        back_ok = back_bad = 1.0
        for i in range(len(words) - 1, -1, -1):
            f_ok, f_bad = forward[i]
            ok, bad = f_ok * back_ok, f_bad * back_bad
            out[i] = bad / (ok + bad)
            next_ok, next_bad = back_ok, back_bad * states[i]
            back_ok, back_bad = oo * next_ok + ob * next_bad, bo * next_ok + bb * next_bad
            norm = back_ok + back_bad
            back_ok, back_bad = back_ok / norm, back_bad / norm
        return out


@cache
def shipped() -> Model:
    """The model in the package, read once per process."""
    return Model.from_json(json.loads(datafiles.read_bytes(FILE)))


def runs(probabilities: list[float], words: list[str], least: float) -> list[tuple[int, int]]:
    """The maximal runs `[first, last)` of tokens whose probability of BAD is at least `least`,
    without punctuation at either end."""
    out = []
    i, n = 0, len(words)
    while i < n:
        if probabilities[i] < least:
            i += 1
            continue
        j = i
        while j < n and probabilities[j] >= least:
            j += 1
        lo, hi = i, j
        while lo < hi and not words[lo][0].isalnum():
            lo += 1
        while hi > lo and not words[hi - 1][0].isalnum():
            hi -= 1
        if lo < hi:
            out.append((lo, hi))
        i = j
    return out


def flags(probabilities: list[float], words: list[str], info: float, warning: float):
    """The flagged runs `(first, last, warned)`: each run at `info`, narrowed to the tokens from
    its first to its last at `warning` when it has some (then `warned`)."""
    out = []
    for lo, hi in runs(probabilities, words, info):
        sure = [i for i in range(lo, hi) if probabilities[i] >= warning and words[i][0].isalnum()]
        out.append((sure[0], sure[-1] + 1, True) if sure else (lo, hi, False))
    return out
