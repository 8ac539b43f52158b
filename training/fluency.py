#!/usr/bin/env python3
"""Train the fluency model of the FL rules and write `mtfix/data/fluency-crf.json`.

usage: training/fluency.py [--compare] [--out PATH]

Recipe: MLQE-PE ru-en train (`../shared/corpora/mlqe-pe-ru-en/train`), each MT line
detokenized (`training/mlqe.py`) and split into sentences and tokens exactly as `mtfix check`
splits text (`mtfix.fluency.tokens`); a token is BAD when it overlaps a Moses token tagged BAD.
A linear-chain CRF (python-crfsuite, L-BFGS, elastic net) learns from the features of
`mtfix.fluency.features`; its weights are written as plain JSON, rounded, in sorted order, so
retraining gives the same file. Thresholds are chosen on MLQE-PE dev: info near the best
word-level MCC, warning where dev warnings are at least TARGET_PRECISION precise and the human
references get at most MAX_REFERENCE_RATE per 1,000 words (see `choose_thresholds`).

`--compare` also trains the other designs, gradient-boosted trees over the same information as
numbers (scikit-learn), a one-feature baseline, and the CRF trained on MLQE-PE with news
beside it (two of every three lines of WMT14 ru-en AFRL's MT and its post-edit,
`training/postedit.py`; the third lines are the news dev set), and prints their dev figures
(`training/fluency_compare.py`).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mtfix.fluency import features as feat  # noqa: E402
from mtfix.fluency.model import FILE, Model, flags  # noqa: E402
from mtfix.fluency.tokens import sentences  # noqa: E402
from training import mlqe, postedit  # noqa: E402

OUT = ROOT / "mtfix" / "data" / FILE
CRF = {"c1": 2.0, "c2": 0.01, "max_iterations": 200}
TARGET_PRECISION = 0.65
MAX_REFERENCE_RATE = 0.25
MIN_WARNED = 20
INFO_SHARE = 0.9
REFERENCES = ("wmt14-ru-en/ref.en", "wmt22-ru-en/ref.A.en")
THRESHOLDS = [round(0.05 + 0.01 * i, 2) for i in range(91)]
_WORD = re.compile(r"\w+")


def sequences(lines: list[mlqe.Line]):
    """(words, labels) of every sentence of the lines."""
    for line in lines:
        for sentence in sentences(line.text):
            bad = mlqe.overlaps(tuple((t.start, t.end) for t in sentence), _bad_spans(line))
            yield [t.text for t in sentence], ["BAD" if b else "OK" for b in bad]


def _bad_spans(line: mlqe.Line) -> list[tuple[int, int]]:
    return [span for span, bad in zip(line.spans, line.bad) if bad]


def train_crf(lines: list[mlqe.Line], params: dict) -> dict:
    """The CRF's weights as the JSON document the package reads (thresholds still to set)."""
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    for words, labels in sequences(lines):
        trainer.append(feat.features(words), labels)
    trainer.set_params({**params, "feature.possible_transitions": True})
    with tempfile.TemporaryDirectory() as folder:
        path = str(Path(folder) / "model.crfsuite")
        trainer.train(path)
        tagger = pycrfsuite.Tagger()
        tagger.open(path)
        info = tagger.info()
        tagger.close()
    difference: dict[str, float] = {}
    for (name, label), weight in info.state_features.items():
        difference[name] = difference.get(name, 0.0) + (weight if label == "BAD" else -weight)
    weights = {k: round(v, 4) for k, v in sorted(difference.items()) if round(v, 4)}
    t = info.transitions
    transitions = [[round(t.get((a, b), 0.0), 4) for b in ("OK", "BAD")] for a in ("OK", "BAD")]
    return {
        "model": "linear-chain CRF over OK/BAD tokens; weights are BAD less OK",
        "training": {"data": "MLQE-PE ru-en train", "crfsuite": params},
        "transitions": transitions,
        "weights": weights,
        "thresholds": {"info": 0.5, "warning": 0.5},
    }


def line_probabilities(model: Model, text: str):
    """(token spans, BAD probabilities, words) of each sentence of a line."""
    for sentence in sentences(text):
        words = [t.text for t in sentence]
        yield [(t.start, t.end) for t in sentence], model.bad_probabilities(words), words


def flagged(scored, info: float, warning: float | None = None) -> list[tuple[int, int]]:
    """The character spans of the issues at these thresholds; with `warning`, the warnings."""
    out = []
    for spans, probabilities, words in scored:
        for lo, hi, warned in flags(probabilities, words, info, 2.0 if warning is None else warning):
            if warning is None or warned:
                out.append((spans[lo][0], spans[hi - 1][1]))
    return out


def sweep(model: Model, lines: list[mlqe.Line]):
    """For each threshold, the dev scores of every run flagged at it."""
    return sweep_scored(lines, [list(line_probabilities(model, line.text)) for line in lines])


def sweep_scored(lines: list[mlqe.Line], scored: list):
    """`sweep` over probabilities already worked out, line by line."""
    for t in THRESHOLDS:
        predicted = [mlqe.overlaps(line.spans, flagged(s, t)) for line, s in zip(lines, scored)]
        yield t, mlqe.word_scores(lines, predicted), scored


def reference_rates(model: Model, info: float):
    """For each warning threshold, the most warnings per 1,000 words on any human reference."""
    worst = dict.fromkeys(THRESHOLDS, 0.0)
    for name in REFERENCES:
        text = (mlqe.CORPUS.parent / name).read_text(encoding="utf-8")
        scored = [list(line_probabilities(model, line)) for line in text.splitlines()]
        words = len(_WORD.findall(text))
        for warning in THRESHOLDS:
            count = sum(len(flagged(s, info, warning)) for s in scored)
            worst[warning] = max(worst[warning], 1000 * count / words)
    return worst


def choose_thresholds(model: Model, dev: list[mlqe.Line]) -> dict:
    """Info at the highest threshold whose dev MCC is at least INFO_SHARE of the best (fewer
    flags for little loss); warning at the lowest threshold whose dev warnings are
    TARGET_PRECISION precise (over at least MIN_WARNED tokens) within the reference rate, else
    the most precise such threshold."""
    results = list(sweep(model, dev))
    top = max(r[1]["mcc"] for r in results)
    info, best, scored = max((r for r in results if r[1]["mcc"] >= INFO_SHARE * top), key=lambda r: r[0])
    rates = reference_rates(model, info)
    candidates = []
    for warning in (t for t in THRESHOLDS if t >= info and rates[t] <= MAX_REFERENCE_RATE):
        predicted = [mlqe.overlaps(line.spans, flagged(s, info, warning)) for line, s in zip(dev, scored)]
        scores = mlqe.word_scores(dev, predicted)
        if scores["flagged"] >= MIN_WARNED:
            candidates.append((warning, scores["precision"]))
    if not candidates:
        sys.exit("no warning threshold keeps the reference rate with enough dev warnings")
    meeting = [c for c in candidates if c[1] >= TARGET_PRECISION]
    warning, precision = meeting[0] if meeting else max(candidates, key=lambda c: (c[1], -c[0]))
    return {"info": info, "warning": warning, "mcc": best["mcc"], "precision": precision, "rate": rates[warning]}


def compare(train: list[mlqe.Line], dev: list[mlqe.Line]) -> None:
    """Print the dev figures of each design at its best threshold."""
    from training import fluency_compare

    def best(results) -> str:
        t, scores, _ = max(results, key=lambda r: r[1]["mcc"])
        return f"MCC {scores['mcc']:.3f}, F1-BAD {scores['f1_bad']:.3f} at {t}"

    baseline = fluency_compare.bigram_baseline(dev)
    print(f"unusual web bigrams alone: MCC {baseline['mcc']:.3f}, F1-BAD {baseline['f1_bad']:.3f}")
    print(f"gradient-boosted trees: {best(fluency_compare.boosted_trees(train, dev, sequences, sweep_scored))}")
    for c1 in (0.3, 2.0, 5.0):
        params = {**CRF, "c1": c1}
        print(f"CRF {params}: {best(sweep(Model.from_json(train_crf(train, params)), dev))}")
    news_train, news_dev = postedit.read("train"), postedit.read("dev")
    for label, lines in (("MLQE-PE train (shipped)", train), ("MLQE-PE train and WMT14 news post-edits", train + news_train)):
        model = Model.from_json(train_crf(lines, CRF))
        chosen = choose_thresholds(model, dev)
        news = {t: scores for t, scores, _ in sweep(model, news_dev)}[chosen["info"]]
        warned = [mlqe.overlaps(line.spans, flagged(list(line_probabilities(model, line.text)), chosen["info"], chosen["warning"]))
                  for line in news_dev]
        print(f"CRF c1 = 2 on {label}: MLQE-PE dev MCC {chosen['mcc']:.3f}, news dev MCC {news['mcc']:.3f}"
              f" at info {chosen['info']}; warning at {chosen['warning']}: MLQE-PE dev precision"
              f" {chosen['precision']:.3f}, news dev precision {mlqe.word_scores(news_dev, warned)['precision']:.3f}"
              f" ({sum(map(sum, warned))} tokens), {chosen['rate']:.3f} per 1,000 reference words")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--compare", action="store_true")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    train, dev = mlqe.read("train"), mlqe.read("dev")
    if args.compare:
        compare(train, dev)
    data = train_crf(train, CRF)
    chosen = choose_thresholds(Model.from_json(data), dev)
    data["thresholds"] = {"info": chosen["info"], "warning": chosen["warning"]}
    print(
        f"CRF: dev MCC {chosen['mcc']:.3f} at info {chosen['info']}; warning at {chosen['warning']}:"
        f" dev precision {chosen['precision']:.3f}, {chosen['rate']:.3f} per 1,000 reference words"
    )
    args.out.write_text(json.dumps(data, indent=0, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{len(data['weights'])} weights written to {args.out}")


if __name__ == "__main__":
    main()
