"""mtfix's BLEU and chrF statistics are sacreBLEU's, integer for integer, on real lines."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from sacrebleu.metrics import BLEU, CHRF, TER

from mtfix import ngrams
from mtfix.metrics import corpus_scores

DATA = Path(__file__).parent / "data"

#: Shapes the real lines lack: empty and one-sided segments, segments shorter than an n-gram
#: order, entities, tabs and other white space, marks of every class the tokenizer knows,
#: characters outside the basic plane.
ODD = [
    ("", ""), ("a", ""), ("", "b"), ("ab  c", "abc"), ("x" * 9, "x" * 5), ("Ёлки, \tпалки!", "Ёлки-палки"),
    ("\U0001f600\U0001f600 ok", "\U0001f600 ok\u00a0ok"), ("&quot;A&amp;B&lt;C&gt; &amp;quot;", '"A&B<C>'),
    ("1-2 a-b 3.4,5 x.y, . a..b", "1 - 2 a-b 3.4, 5"), ("{|}~[\\]^_`!\"#$%&()*+:;<=>?@/ 'x' -", "( x ) ."),
    ("a-\nb <skipped> c\nd", "ab c d"), ("end.  ", "end ."), ("\u2028line\u2029", "line"),
]


def _lines() -> tuple[list[str], list[str]]:
    mt = (DATA / "mlqe-pe-dev-100.mt").read_text(encoding="utf-8").splitlines()
    pe = (DATA / "mlqe-pe-dev-100.pe").read_text(encoding="utf-8").splitlines()
    src = (DATA / "mlqe-pe-dev-100.src").read_text(encoding="utf-8").splitlines()
    reference = (DATA / "wmt14-ref-slice.en").read_text(encoding="utf-8").splitlines()
    shuffled = [" ".join(random.Random(n).sample(line.split(), len(line.split()))) for n, line in enumerate(reference)]
    hyps = mt + shuffled + src[:50] + [h for h, _ in ODD]
    refs = pe + reference + src[50:] + [r for _, r in ODD]
    return hyps, refs


def test_bleu_tokens_are_sacrebleus():
    hyps, refs = _lines()
    tokenize = BLEU()._preprocess_segment
    for line in hyps + refs:
        assert ngrams.bleu_tokens(line) == tokenize(line).split(), line


def test_statistics_are_sacrebleus():
    hyps, refs = _lines()
    assert ngrams.chrf_statistics(hyps, refs) == CHRF()._extract_corpus_statistics(hyps, [refs])
    words = [ngrams.bleu_tokens(h) for h in hyps], [ngrams.bleu_tokens(r) for r in refs]
    assert ngrams.bleu_statistics(*words) == BLEU()._extract_corpus_statistics(hyps, [refs])


def test_statistics_with_ngram_names_ranked_are_the_same(monkeypatch):
    """Where an n-gram's number would grow too large it is replaced by its rank: the counts
    do not change."""
    hyps, refs = _lines()
    chrf, words = ngrams.chrf_statistics(hyps, refs), ([ngrams.bleu_tokens(h) for h in hyps], [ngrams.bleu_tokens(r) for r in refs])
    bleu = ngrams.bleu_statistics(*words)
    monkeypatch.setattr(ngrams, "_LIMIT", 1000)
    assert ngrams.chrf_statistics(hyps, refs) == chrf
    assert ngrams.bleu_statistics(*words) == bleu


@pytest.mark.parametrize("count", [0, 1])
def test_no_segments_and_one(count):
    assert ngrams.chrf_statistics([""] * count, [""] * count) == [[0] * 18] * count
    assert ngrams.bleu_statistics([[]] * count, [[]] * count) == [[0] * 10] * count


def test_corpus_signatures_are_sacrebleus():
    """A signature names the metric's settings, not the lines: a few lines show it (sacreBLEU's
    TER over the shuffled ones takes minutes)."""
    hyps, refs = _lines()
    hyps, refs = hyps[:20] + hyps[-len(ODD):], refs[:20] + refs[-len(ODD):]
    got = corpus_scores(hyps, refs).signatures
    for name, metric in (("BLEU", BLEU()), ("chrF2", CHRF()), ("TER", TER())):
        metric.corpus_score(hyps, [refs])
        assert got[name] == f"{name}|{metric.get_signature().format(short=False)}"
