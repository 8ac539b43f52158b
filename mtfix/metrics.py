"""Quality figures: sacreBLEU's BLEU, chrF and TER against a reference, and an MQM-style
penalty computed from mtfix's own issues.

The MQM scoring model (Lommel et al., MQM 2.0) sums a penalty per error by severity
(minor 1, major 5, critical 25), divides by the evaluation word count and reports
`quality = 100 * (1 - penalty / words)`. mtfix maps its severities info/warning/error to
minor/major/critical. sacrebleu is imported only when a metric is asked for, so
`mtfix --version` stays fast.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from mtfix.model import Issue, Severity

DEFAULT_WEIGHTS: dict[str, float] = {"minor": 1.0, "major": 5.0, "critical": 25.0}
MQM_SEVERITY = {Severity.INFO: "minor", Severity.WARNING: "major", Severity.ERROR: "critical"}


def parse_weights(text: str | None) -> dict[str, float]:
    """`minor=1,major=5,critical=25` (any subset) over the defaults; ValueError when malformed."""
    weights = dict(DEFAULT_WEIGHTS)
    for item in (text or "").split(","):
        if not item.strip():
            continue
        name, sep, value = item.partition("=")
        name = name.strip().lower()
        if not sep or name not in weights:
            raise ValueError(f"weights: expected minor=N,major=N,critical=N, not {item.strip()!r}")
        try:
            number = float(value)
        except ValueError:
            raise ValueError(f"weights: {name} must be a number, not {value.strip()!r}") from None
        if number < 0:
            raise ValueError(f"weights: {name} must not be negative")
        weights[name] = number
    return weights


@dataclass(frozen=True)
class MQMScore:
    """An MQM-style score: absolute penalty, penalty per 1,000 words and the quality score."""

    words: int
    counts: dict[str, int]
    weights: dict[str, float]
    by_category: dict[str, float] = field(default_factory=dict)

    @property
    def penalty(self) -> float:
        """Absolute penalty total: the severity-weighted count of issues."""
        return sum(self.weights[level] * n for level, n in self.counts.items())

    @property
    def per_1000(self) -> float:
        """Penalty normalised per 1,000 words (0 for an empty text)."""
        return 1000 * self.penalty / self.words if self.words else 0.0

    @property
    def quality(self) -> float:
        """MQM raw quality score, 100 for no issues; it goes below 0 for very bad text."""
        return 100 * (1 - self.penalty / self.words) if self.words else 100.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "words": self.words,
            "issues": dict(self.counts),
            "weights": dict(self.weights),
            "penalty": round(self.penalty, 4),
            "penalty_per_1000_words": round(self.per_1000, 4),
            "quality": round(self.quality, 4),
            "penalty_by_category": {k: round(v, 4) for k, v in sorted(self.by_category.items())},
        }


def mqm(issues: Iterable[Issue], words: int, weights: dict[str, float] | None = None) -> MQMScore:
    """Score `issues` found in a text of `words` words."""
    weights = dict(weights or DEFAULT_WEIGHTS)
    counts: Counter[str] = Counter({level: 0 for level in weights})
    by_category: Counter[str] = Counter()
    for issue in issues:
        level = MQM_SEVERITY[issue.severity]
        counts[level] += 1
        by_category[issue.category] += weights[level]
    return MQMScore(words, dict(counts), weights, dict(by_category))


@dataclass(frozen=True)
class CorpusScores:
    """Corpus BLEU, chrF and TER with the signatures that make them reproducible."""

    bleu: float
    chrf: float
    ter: float
    signatures: dict[str, str]
    segments: int

    def lines(self) -> list[str]:
        """One line per metric, sacreBLEU style: `BLEU|nrefs:1|...|version:2.6.0 = 30.12`."""
        return [
            f"{self.signatures[name]} = {value:.2f}"
            for name, value in (("BLEU", self.bleu), ("chrF2", self.chrf), ("TER", self.ter))
        ]

    def as_dict(self) -> dict[str, Any]:
        return {
            "segments": self.segments,
            "bleu": round(self.bleu, 2),
            "chrf": round(self.chrf, 2),
            "ter": round(self.ter, 2),
            "signatures": dict(self.signatures),
        }


def corpus_scores(hypotheses: Sequence[str], references: Sequence[str]) -> CorpusScores:
    """BLEU, chrF and TER of `hypotheses` against one reference each (same length)."""
    return _Statistics(hypotheses, references).corpus()


@dataclass(frozen=True)
class SegmentScores:
    bleu: float
    chrf: float
    ter: float

    def as_dict(self) -> dict[str, float]:
        return {"bleu": round(self.bleu, 2), "chrf": round(self.chrf, 2), "ter": round(self.ter, 2)}


class SegmentScorer:
    """Sentence-level BLEU (with effective order), chrF and TER, metric objects built once."""

    def __init__(self) -> None:
        from sacrebleu.metrics import BLEU, CHRF, TER

        self._bleu, self._chrf, self._ter = BLEU(effective_order=True), CHRF(), TER()

    def __call__(self, hypothesis: str, reference: str) -> SegmentScores:
        if not hypothesis.strip() and not reference.strip():
            return SegmentScores(100.0, 100.0, 0.0)
        refs = [reference]
        return SegmentScores(
            self._bleu.sentence_score(hypothesis, refs).score,
            self._chrf.sentence_score(hypothesis, refs).score,
            self._ter.sentence_score(hypothesis, refs).score,
        )


def score_pairs(
    hypotheses: Sequence[str], references: Sequence[str]
) -> tuple[list[SegmentScores], CorpusScores]:
    """Sentence-level and corpus scores together, from one pass of statistics per metric."""
    statistics = _Statistics(hypotheses, references)
    return statistics.segments(), statistics.corpus()


class _Statistics:
    """sacreBLEU's per-segment statistics for BLEU, chrF and TER, gathered once: a sentence
    score is computed from its segment's, a corpus score from their sum, as sacreBLEU's own
    `sentence_score` and `corpus_score` do. BLEU's and chrF's n-grams are counted by
    `mtfix.ngrams` and TER's edits by `mtfix.ter`, which give sacreBLEU's numbers faster; a
    long text's TER is shared out among the processors."""

    def __init__(self, hypotheses: Sequence[str], references: Sequence[str]) -> None:
        if len(hypotheses) != len(references):
            raise ValueError(f"{len(hypotheses)} hypotheses but {len(references)} references")
        from sacrebleu.metrics import BLEU, CHRF, TER

        from mtfix import ngrams

        self.hypotheses, self.references = list(hypotheses), list(references)
        self.sentence_bleu = BLEU(effective_order=True)
        self.bleu, self.chrf, self.ter = BLEU(), CHRF(), TER()
        for metric in (self.bleu, self.chrf, self.ter):
            metric.num_refs = 1  # as `_cache_references` records one reference a segment
        first, *others = _parts(len(self.hypotheses))
        with _other_processes(self.hypotheses, self.references, others) as pending:
            words = ngrams.bleu_tokens
            self.bleu_stats = ngrams.bleu_statistics(
                [words(h) for h in self.hypotheses], [words(r) for r in self.references]
            )
            self.chrf_stats = ngrams.chrf_statistics(self.hypotheses, self.references)
            self.ter_stats = _ter_statistics(self.ter, self.hypotheses[first], [self.references[first]])
            for part in pending():
                self.ter_stats.extend(part)

    def segments(self) -> list[SegmentScores]:
        scores = []
        for n, (hyp, ref) in enumerate(zip(self.hypotheses, self.references)):
            if not hyp.strip() and not ref.strip():
                scores.append(SegmentScores(100.0, 100.0, 0.0))
                continue
            scores.append(SegmentScores(
                self.sentence_bleu._aggregate_and_compute([self.bleu_stats[n]]).score,
                self.chrf._aggregate_and_compute([self.chrf_stats[n]]).score,
                self.ter._aggregate_and_compute([self.ter_stats[n]]).score,
            ))
        return scores

    def corpus(self) -> CorpusScores:
        bleu, chrf, ter = self.bleu, self.chrf, self.ter
        return CorpusScores(
            bleu._aggregate_and_compute(self.bleu_stats).score,
            chrf._aggregate_and_compute(self.chrf_stats).score,
            ter._aggregate_and_compute(self.ter_stats).score,
            {
                "BLEU": f"BLEU|{bleu.get_signature().format(short=False)}",
                "chrF2": f"chrF2|{chrf.get_signature().format(short=False)}",
                "TER": f"TER|{ter.get_signature().format(short=False)}",
            },
            len(self.hypotheses),
        )


def edit_rates(hypotheses: Sequence[str], references: Sequence[str]) -> list[float]:
    """Sentence TER of each hypothesis against its reference, as sacreBLEU's `sentence_score`
    gives it."""
    if not hypotheses:
        return []
    from sacrebleu.metrics import TER

    ter = TER()
    stats = _ter_statistics(ter, list(hypotheses), [list(references)])
    return [ter._aggregate_and_compute([s]).score for s in stats]


#: Below this many segments one process scores them all: starting others costs more.
PARALLEL_FROM = 1000


def _parts(count: int) -> list[slice]:
    """A text of `count` segments cut into one part per processor (one part when short)."""
    import os

    try:
        processors = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        processors = os.cpu_count() or 1
    share = min(processors, 8) if count >= PARALLEL_FROM else 1
    return [slice(count * k // share, count * (k + 1) // share) for k in range(share)]


@contextmanager
def _other_processes(hypotheses: list[str], references: list[str], parts: list[slice]):
    """TER's statistics of each of `parts`, each counted in a process of its own while this
    one goes on: yields the function that waits for them (which counts them in this process,
    one after another, where processes cannot be started)."""
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    chunks = [(hypotheses[part], [references[part]]) for part in parts]
    pool = futures = None
    if chunks:
        try:
            pool = ProcessPoolExecutor(len(chunks))
            futures = [pool.submit(_ter_part, *chunk) for chunk in chunks]
        except (OSError, NotImplementedError):
            pool = futures = None

    def results() -> list[list[list[float]]]:
        if futures is not None:
            try:
                return [future.result() for future in futures]
            except (OSError, BrokenProcessPool):
                pass
        return [_ter_part(*chunk) for chunk in chunks]

    try:
        yield results
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)


def _ter_part(hypotheses: list[str], references: list[list[str]]) -> list[list[float]]:
    from sacrebleu.metrics import TER

    return _ter_statistics(TER(), hypotheses, references)


def _ter_statistics(metric, hypotheses: list[str], references: list[list[str]]) -> list[list[float]]:
    """TER's segment statistics as sacreBLEU makes them: its tokenization, the fewest edits
    over the references, the mean reference length."""
    from mtfix.ter import edits

    stats = []
    for hypothesis, info in zip(hypotheses, metric._cache_references(references)):
        words = metric._preprocess_segment(hypothesis).split()
        refs = info["ref_words"]
        stats.append([min(edits(words, ref) for ref in refs), sum(len(ref) for ref in refs) / len(refs)])
    return stats
