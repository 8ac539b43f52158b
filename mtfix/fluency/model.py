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
#: How many words' and pairs' summed weights a model keeps at most.
CACHED = 1 << 18
_NO_PAIR = (0.0,) * len(feat.PAIRS)


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
    _sentences: dict = field(default_factory=dict, repr=False)
    _pair_features: dict = field(default_factory=dict, repr=False)

    @classmethod
    def from_json(cls, data: dict) -> Model:
        (oo, ob), (bo, bb) = data["transitions"]
        return cls(
            weights={str(k): float(v) for k, v in data["weights"].items()},
            transitions=((float(oo), float(ob)), (float(bo), float(bb))),
            info=float(data["thresholds"]["info"]),
            warning=float(data["thresholds"]["warning"]),
        )

    def _word(self, word: str | None) -> tuple[tuple[float, ...], bool]:
        """The weights of a word's features at each of OFFSETS, summed, and whether it is one
        of its sentence's foreign words (`features.sentence_type`)."""
        value = self._words.get(word)
        if value is None:
            if len(self._words) > CACHED:
                self._words.clear()
            names = feat.PAD if word is None else feat.word_type(word)
            w = self.weights
            sums = tuple(sum(w.get(f"{k}{f}", 0.0) for f in names) for k in feat.OFFSETS)
            value = self._words[word] = sums, word is not None and word[0].isalpha() and "foreign" in names
        return value

    def _pair(self, first: str, second: str) -> tuple[tuple[float, ...], bool]:
        """The weights of a pair's features under each name of PAIRS, summed, and whether the
        pair is unusual."""
        key = (first, second)
        value = self._pairs.get(key)
        if value is None:
            if len(self._pairs) > CACHED:
                self._pairs.clear()
            names, unusual = feat.pair_facts(first, second)
            sums = self._under_pair_names(names[0]) if names else _NO_PAIR
            if len(names) > 1:
                sums = tuple(map(float.__add__, sums, self._under_pair_names(names[1])))
            value = self._pairs[key] = sums, unusual
        return value

    def _under_pair_names(self, feature: str) -> tuple[float, ...]:
        """The weights of one pair feature under each name of PAIRS."""
        value = self._pair_features.get(feature)
        if value is None:
            w = self.weights
            value = self._pair_features[feature] = tuple(w.get(name + feature, 0.0) for name, _ in feat.PAIRS)
        return value

    def _sentence(self, words: int, odd: int, foreign: int) -> float:
        """The bias and the weights of the features of a sentence of `words` tokens, `odd`
        unusual pairs and `foreign` foreign words (`features.sentence_type`)."""
        key = (words, odd, foreign)
        value = self._sentences.get(key)
        if value is None:
            w = self.weights
            names = feat.sentence_names(words, odd, foreign)
            value = self._sentences[key] = w.get("bias", 0.0) + sum(w.get(f"S{f}", 0.0) for f in names)
        return value

    def scores(self, words: list[str]) -> list[float]:
        """Each token's state score of BAD less OK: the sum of its features' weights."""
        n = len(words)
        lower = [x.lower() for x in words]
        pad = self._word(None)[0]
        word_values = [self._word(x) for x in words]
        pair_values = [self._pair(a, b) for a, b in zip(lower, lower[1:])]
        base = self._sentence(n, sum(v[1] for v in pair_values), sum(v[1] for v in word_values))
        # word sums at offsets -2..2 and pair sums as L2, L, R, R2, padded two either side
        sums = [pad, pad, *(v[0] for v in word_values), pad, pad]
        pairs = [_NO_PAIR, _NO_PAIR, *(v[0] for v in pair_values), _NO_PAIR, _NO_PAIR]
        capital = self.weights.get("capital", 0.0)
        out = []
        for i in range(n):
            total = base + sums[i][0] + sums[i + 1][1] + sums[i + 2][2] + sums[i + 3][3] + sums[i + 4][4]
            total += pairs[i][0] + pairs[i + 1][1] + pairs[i + 2][2] + pairs[i + 3][3]
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
        out += _trimmed(words, i, j)
        i = j
    return out


def flags(probabilities: list[float], words: list[str], info: float, warning: float):
    """The flagged runs `(first, last, warned)`: each run at `info`, or, when it has tokens at
    `warning`, a warning from its first to its last such token and infos for what is left of
    the run either side."""
    out = []
    for lo, hi in runs(probabilities, words, info):
        sure = [i for i in range(lo, hi) if probabilities[i] >= warning and words[i][0].isalnum()]
        if not sure:
            out.append((lo, hi, False))
            continue
        out += [(a, b, False) for a, b in _trimmed(words, lo, sure[0])]
        out.append((sure[0], sure[-1] + 1, True))
        out += [(a, b, False) for a, b in _trimmed(words, sure[-1] + 1, hi)]
    return out


def _trimmed(words: list[str], lo: int, hi: int) -> list[tuple[int, int]]:
    """`[lo, hi)` without punctuation at either end, if a word is left."""
    while lo < hi and not words[lo][0].isalnum():
        lo += 1
    while hi > lo and not words[hi - 1][0].isalnum():
        hi -= 1
    return [(lo, hi)] if lo < hi else []
