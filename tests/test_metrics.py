"""MQM-style scoring from issues, weight parsing, and the sacreBLEU metrics with signatures."""

from __future__ import annotations

import pytest

from mtfix.metrics import (
    DEFAULT_WEIGHTS,
    SegmentScorer,
    corpus_scores,
    mqm,
    parse_weights,
    score_pairs,
)
from mtfix.model import Issue, Severity, Span


def _issue(severity: Severity, category: str = "style/calque") -> Issue:
    return Issue("CQ001", "calque", category, severity, "m", Span(0, 1))


def test_mqm_weights_severities_per_1000_words():
    issues = [_issue(Severity.INFO), _issue(Severity.WARNING), _issue(Severity.ERROR, "terminology/glossary")]
    score = mqm(issues, 500)
    assert score.counts == {"minor": 1, "major": 1, "critical": 1}
    assert score.penalty == 31
    assert score.per_1000 == pytest.approx(62.0)
    assert score.quality == pytest.approx(100 * (1 - 31 / 500))
    assert score.by_category == {"style/calque": 6, "terminology/glossary": 25}


def test_mqm_clean_and_empty_text():
    assert mqm([], 1000).quality == 100
    assert mqm([], 0).per_1000 == 0
    assert mqm([_issue(Severity.ERROR)], 0).quality == 100


def test_custom_weights():
    weights = parse_weights("critical=10, minor=0")
    assert weights == {"minor": 0, "major": 5, "critical": 10}
    assert mqm([_issue(Severity.ERROR), _issue(Severity.INFO)], 1000, weights).penalty == 10
    assert parse_weights(None) == DEFAULT_WEIGHTS


@pytest.mark.parametrize("bad", ["huge=3", "minor", "major=x", "minor=-1"])
def test_bad_weights_are_rejected(bad):
    with pytest.raises(ValueError):
        parse_weights(bad)


def test_corpus_scores_identity_and_signatures():
    text = ["The cat sat on the mat.", "It was a sunny day."]
    scores = corpus_scores(text, text)
    assert scores.bleu == pytest.approx(100)
    assert scores.chrf == pytest.approx(100)
    assert scores.ter == pytest.approx(0)
    lines = scores.lines()
    assert lines[0].startswith("BLEU|nrefs:1|") and lines[0].endswith(" = 100.00")
    assert lines[1].startswith("chrF2|nrefs:1|")
    assert lines[2].startswith("TER|nrefs:1|") and lines[2].endswith(" = 0.00")
    assert "version:" in lines[0]


def test_ter_counts_edits_over_reference_length():
    scores = corpus_scores(["the cat sat on a mat"], ["the cat sat on the mat"])
    assert scores.ter == pytest.approx(100 / 6)


def test_corpus_scores_need_parallel_lists():
    with pytest.raises(ValueError):
        corpus_scores(["a"], ["a", "b"])


def test_segment_scores():
    scorer = SegmentScorer()
    same = scorer("We agree.", "We agree.")
    assert (same.ter, same.chrf) == (0, pytest.approx(100))
    assert scorer("", "").ter == 0
    worse = scorer("We not agree.", "We agree.")
    assert worse.ter > 0 and worse.chrf < 100


def test_score_pairs_agrees_with_the_public_api():
    hyps = ["The talks was frank .", "He said it .", "", "Completely different words here"]
    refs = ["The talks were frank .", "He said it .", "", "Nothing alike"]
    segments, corpus = score_pairs(hyps, refs)
    scorer = SegmentScorer()
    for hyp, ref, got in zip(hyps, refs, segments):
        assert got == scorer(hyp, ref)
    expected = corpus_scores(hyps, refs)
    assert (corpus.bleu, corpus.chrf, corpus.ter) == pytest.approx((expected.bleu, expected.chrf, expected.ter))
    assert corpus.signatures == expected.signatures
