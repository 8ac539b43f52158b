"""mtfix's TER counts the edits sacreBLEU counts, and `mtfix diff` reports sacreBLEU's figures."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from sacrebleu.metrics import BLEU, CHRF, TER
from sacrebleu.metrics.lib_ter import translation_edit_rate

from mtfix import ter
from mtfix.metrics import score_pairs

DATA = Path(__file__).parent / "data"


def _edited(rnd: random.Random, words: list[str], vocabulary: list[str], edits: int) -> list[str]:
    """`words` with some words deleted, inserted and phrases moved: what shifts are for."""
    out = list(words)
    for _ in range(edits):
        roll = rnd.random()
        if roll < 0.3 and out:
            del out[rnd.randrange(len(out))]
        elif roll < 0.6:
            out.insert(rnd.randint(0, len(out)), rnd.choice(vocabulary))
        elif out:
            at, size = rnd.randrange(len(out)), rnd.randint(1, 5)
            phrase = out[at : at + size]
            del out[at : at + size]
            where = rnd.randint(0, len(out))
            out[where:where] = phrase
    return out


def test_edits_are_sacrebleus_on_short_segments():
    rnd = random.Random(19)
    for _ in range(150):
        vocabulary = list("abcdefghij"[: rnd.randint(1, 10)])  # few words: many ties and repeats
        hyp = [rnd.choice(vocabulary) for _ in range(rnd.randint(0, 30))]
        if rnd.random() < 0.7:
            ref = _edited(rnd, hyp, vocabulary + ["x", "y"], rnd.randint(0, 8))
        else:
            ref = [rnd.choice(vocabulary) for _ in range(rnd.randint(0, 30))]
        assert ter.edits(hyp, ref) == translation_edit_rate(hyp, ref)[0], (hyp, ref)


def test_edits_are_sacrebleus_where_the_band_matters():
    """Long segments of unequal length, where a shortest path may leave sacreBLEU's band:
    the band's own distance is computed then."""
    rnd = random.Random(7)
    for _ in range(6):
        vocabulary = [str(n) for n in range(rnd.choice([3, 8, 30]))]
        hyp = [rnd.choice(vocabulary) for _ in range(rnd.randint(40, 60))]
        size = max(1, int(len(hyp) * rnd.choice([0.4, 0.7, 1.3, 2])))
        ref = (hyp + [rnd.choice(vocabulary) for _ in range(size)])[:size]
        if rnd.random() < 0.5:
            rnd.shuffle(ref)
        assert ter.edits(hyp, ref) == translation_edit_rate(hyp, ref)[0]


def test_diff_figures_are_sacrebleus():
    """Every sentence and corpus figure `mtfix diff` prints, on real MT and post-edits, is the
    number sacreBLEU's public API gives (equal, not close)."""
    mt = (DATA / "mlqe-pe-dev-100.mt").read_text(encoding="utf-8").splitlines()
    pe = (DATA / "mlqe-pe-dev-100.pe").read_text(encoding="utf-8").splitlines()
    reference = (DATA / "wmt14-ref-slice.en").read_text(encoding="utf-8").splitlines()[:15]
    shuffled = [" ".join(random.Random(n).sample(line.split(), len(line.split()))) for n, line in enumerate(reference)]
    hyps, refs = mt + shuffled + ["", "Words", ""], pe + reference + ["", "", "Words"]
    segments, corpus = score_pairs(hyps, refs)
    sentence_bleu, chrf, ter_metric = BLEU(effective_order=True), CHRF(), TER()
    for hyp, ref, got in zip(hyps, refs, segments):
        if not hyp.strip() and not ref.strip():
            continue
        assert got.ter == ter_metric.sentence_score(hyp, [ref]).score
        assert got.chrf == chrf.sentence_score(hyp, [ref]).score
        assert got.bleu == sentence_bleu.sentence_score(hyp, [ref]).score
    assert corpus.ter == TER().corpus_score(hyps, [refs]).score
    assert corpus.chrf == CHRF().corpus_score(hyps, [refs]).score
    assert corpus.bleu == BLEU().corpus_score(hyps, [refs]).score


@pytest.mark.parametrize("hyp, ref, expected", [([], [], 0), (["a", "b"], [], 2), ([], ["a", "b"], 2)])
def test_empty_sides(hyp, ref, expected):
    assert ter.edits(hyp, ref) == translation_edit_rate(hyp, ref)[0] == expected


def test_a_long_text_scored_in_several_processes_scores_the_same(monkeypatch):
    from mtfix import metrics

    mt = (DATA / "mlqe-pe-dev-100.mt").read_text(encoding="utf-8").splitlines()
    pe = (DATA / "mlqe-pe-dev-100.pe").read_text(encoding="utf-8").splitlines()
    alone = score_pairs(mt, pe)
    monkeypatch.setattr(metrics, "_parts", lambda count: [slice(0, 30), slice(30, 70), slice(70, count)])
    assert score_pairs(mt, pe) == alone
