"""The designs the shipped CRF was compared with, scored on MLQE-PE dev the same way:
gradient-boosted trees (scikit-learn) over the CRF's information as numbers, one row per
token, and a one-feature baseline that flags both words of every pair the web bigram counts
call unusual."""

from __future__ import annotations

import math

from mtfix.fluency import features as feat
from mtfix.fluency.tokens import sentences
from mtfix.lexicon import english
from training import mlqe

TOP_WORDS = 250


def _word_code(word: str) -> int:
    """A category per word: the TOP_WORDS most frequent words, four kinds of punctuation, other."""
    if not word[0].isalnum():
        return TOP_WORDS + ord(word[0]) % 4
    rank = english.rank(word)
    return rank if rank is not None and rank < TOP_WORDS else TOP_WORDS + 4


def numeric(words: list[str]) -> list[list[float]]:
    """Each token's row: rank, case, punctuation and foreignness of the words at offsets -2..2,
    the surprise of the four pairs around it, the capital, sentence statistics and position,
    and the categories of the words at -1, 0, 1 (the last three columns)."""
    nan = float("nan")
    lower = [w.lower() for w in words]
    n = len(words)
    shared = feat.sentence_type(words)
    odd, foreign = int(shared[1][1:]), int(shared[2][1:])
    rows = []
    for i in range(n):
        row: list[float] = []
        for k in feat.OFFSETS:
            j = i + k
            if 0 <= j < n:
                w, rank = words[j], english.rank(words[j])
                row += [math.log10(rank + 1) if rank is not None else 7.0, float(w[0].isupper()),
                        float(not w[0].isalnum()), float(w[0].isalpha() and not english.is_english(w))]
            else:
                row += [nan] * 4
        for _, k in feat.PAIRS:
            j = i + k
            value = feat.surprise(lower[j], lower[j + 1]) if 0 <= j and j + 1 < n else None
            row.append(nan if value is None else value)
        row += [float(feat.capital_inside(words, i)), n, odd, foreign, i / n, i, n - 1 - i]
        row += [_word_code(words[j]) if 0 <= j < n else TOP_WORDS + 5 for j in (i - 1, i, i + 1)]
        rows.append(row)
    return rows


def boosted_trees(train: list[mlqe.Line], dev: list[mlqe.Line], sequences, sweep_scored):
    """Dev scores at each threshold of gradient-boosted trees trained on `train`."""
    import numpy as np
    from sklearn.ensemble import HistGradientBoostingClassifier
    from threadpoolctl import threadpool_limits

    x, y = [], []
    for words, labels in sequences(train):
        x += numeric(words)
        y += [label == "BAD" for label in labels]
    columns = len(x[0])
    model = HistGradientBoostingClassifier(
        max_iter=300, learning_rate=0.05, max_leaf_nodes=31, l2_regularization=1.0,
        early_stopping=False, random_state=0,
        categorical_features=[c >= columns - 3 for c in range(columns)],
    )
    split = [[[t.text for t in s] for s in sentences(line.text)] for line in dev]
    rows = [row for line in split for words in line for row in numeric(words)]
    with threadpool_limits(1):  # one thread: the same trees on any machine, and no oversubscription
        model.fit(np.array(x), np.array(y))
        p = iter(float(v) for v in model.predict_proba(np.array(rows))[:, 1])
    scored = [
        [([(t.start, t.end) for t in s], [next(p) for _ in s], words) for s, words in zip(sentences(line.text), line_words)]
        for line, line_words in zip(dev, split)
    ]
    return sweep_scored(dev, scored)


def bigram_baseline(dev: list[mlqe.Line]) -> dict[str, float]:
    """Dev scores of flagging every pair at most `feat.UNUSUAL` (-1: ten times rarer than its
    words predict)."""
    predicted = []
    for line in dev:
        flagged = []
        for sentence in sentences(line.text):
            for a, b in zip(sentence, sentence[1:]):
                if feat.unusual(a.text.lower(), b.text.lower()):
                    flagged.append((a.start, b.end))
        predicted.append(mlqe.overlaps(line.spans, flagged))
    return mlqe.word_scores(dev, predicted)
