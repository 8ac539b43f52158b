"""`mtfix score`: an MQM-style quality score from the issues and, with a reference, BLEU, chrF and TER."""

from __future__ import annotations

import sys
from enum import Enum
from typing import Annotated, Optional

import typer

from mtfix.cli.options import (
    EXIT_CLEAN,
    EXIT_ISSUES,
    ConfigPath,
    Glossaries,
    Ignore,
    MaxFileSize,
    NoCache,
    Select,
    Weights,
    _cache,
    _fail,
    _finite,
    _limit,
    _resolver,
    _stdin_once,
    _weights,
)
from mtfix.cli.run import _checker, _exit_code, _read_text, _run


class ScoreFormat(str, Enum):
    text = "text"
    json = "json"


def score(
    paths: Annotated[list[str], typer.Argument(help="The translation(s) to score; - reads stdin.")],
    ref: Annotated[
        Optional[str], typer.Option("--ref", help="A reference (post-edit) for BLEU, chrF and TER; - reads stdin.")
    ] = None,
    weights: Weights = None,
    fail_under: Annotated[
        Optional[float], typer.Option("--fail-under", help="Exit 1 when the MQM quality score is below this.")
    ] = None,
    max_penalty: Annotated[
        Optional[float], typer.Option("--max-penalty", help="Exit 1 when the penalty per 1,000 words is above this.")
    ] = None,
    output: Annotated[ScoreFormat, typer.Option("--format", help="Output format.")] = ScoreFormat.text,
    select: Select = None,
    ignore: Ignore = None,
    glossary: Glossaries = None,
    config: ConfigPath = None,
    no_cache: NoCache = False,
    max_file_size: MaxFileSize = None,
) -> None:
    """Score a translation: an MQM-style penalty from mtfix's issues and, with --ref, BLEU/chrF/TER."""
    from mtfix.report import score as score_report
    from mtfix.report.tally import Tally

    chosen = _weights(weights)
    fail_under, max_penalty = _finite(fail_under, "--fail-under"), _finite(max_penalty, "--max-penalty")
    if ref is not None and len(paths) != 1:
        raise _fail("--ref needs exactly one translation to compare with")
    if ref is not None:
        _stdin_once([*paths, ref])
    _cache(no_cache)
    resolver = _resolver(select, ignore, glossary, config, max_file_size=max_file_size)
    results = _run(paths, resolver, _checker())
    if any(r.error for r in results):
        raise typer.Exit(_exit_code(Tally.of(results), exit_zero=True))
    reference = _read_text(ref, _limit(max_file_size)).text if ref is not None else None
    card = score_report.scorecard(results, chosen, reference, fail_under, max_penalty)
    _print(card, output)
    raise typer.Exit(EXIT_ISSUES if card.failed else EXIT_CLEAN)


def _print(card, output: ScoreFormat) -> None:
    from mtfix.report import score as score_report

    if output is ScoreFormat.json:
        sys.stdout.write(score_report.render_json(card))
    else:
        sys.stdout.write(score_report.render_text(card))
