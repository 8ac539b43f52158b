"""`mtfix score`: an MQM-style quality score from mtfix's issues, optional reference metrics,
and the CI gates `--fail-under` (quality) and `--max-penalty` (penalty per 1,000 words)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from mtfix.engine import FileResult
from mtfix.metrics import CorpusScores, MQMScore, corpus_scores, mqm
from mtfix.version import __version__


@dataclass
class Scorecard:
    paths: list[str]
    mqm: MQMScore
    corpus: CorpusScores | None = None
    alignment: str | None = None
    failures: list[str] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        return bool(self.failures)


def scorecard(
    results: list[FileResult],
    weights: dict[str, float],
    reference: str | None = None,
    fail_under: float | None = None,
    max_penalty: float | None = None,
) -> Scorecard:
    """Score checked files; with a reference text, also corpus BLEU, chrF and TER."""
    issues = [i for r in results for i in r.issues]
    words = sum(r.document.word_count for r in results if r.document)
    card = Scorecard([r.path for r in results], mqm(issues, words, weights))
    if reference is not None and results and results[0].document:
        from mtfix.align import align

        pairs, card.alignment = align(results[0].document.text, reference)
        card.corpus = corpus_scores([p.mt_text for p in pairs], [p.pe_text for p in pairs])
    if fail_under is not None and card.mqm.quality < fail_under:
        card.failures.append(f"quality {card.mqm.quality:.2f} is below --fail-under {fail_under:g}")
    if max_penalty is not None and card.mqm.per_1000 > max_penalty:
        card.failures.append(
            f"penalty {card.mqm.per_1000:.2f} per 1,000 words is above --max-penalty {max_penalty:g}"
        )
    return card


def render_text(card: Scorecard) -> str:
    score = card.mqm
    weights = score.weights
    counts = ", ".join(
        f"{name} {score.counts.get(name, 0)}×{weights[name]:g}" for name in ("minor", "major", "critical")
    )
    lines = [
        f"MQM quality {score.quality:.2f}  penalty {score.penalty:g} ({counts}) in {score.words} words"
        f" = {score.per_1000:.2f} per 1,000 words",
    ]
    if card.corpus:
        lines.extend(card.corpus.lines())
    lines.extend(f"FAIL: {failure}" for failure in card.failures)
    return "\n".join(lines) + "\n"


def as_dict(card: Scorecard) -> dict[str, Any]:
    data: dict[str, Any] = {"version": __version__, "files": card.paths, "mqm": card.mqm.as_dict()}
    if card.corpus:
        data["reference"] = {**card.corpus.as_dict(), "alignment": card.alignment}
    data["passed"] = not card.failed
    data["failures"] = card.failures
    return data


def render_json(card: Scorecard) -> str:
    return json.dumps(as_dict(card), ensure_ascii=False, indent=2) + "\n"
