"""`mtfix diff`: a machine translation against its post-edit, segment by segment.

Per segment: the token edits (difflib) and sentence-level TER (HTER), chrF and BLEU; for the
whole text: corpus scores from sacreBLEU with its signatures. Rendered for the terminal, as a
unified diff, as JSON and as an HTML page: MT and post-edit side by side (with the source, when
given) as a word diff, sortable by TER, with the TER histogram and TER against segment length.
"""

from __future__ import annotations

import difflib
import json
from dataclasses import dataclass
from typing import Any

from rich.markup import escape

from mtfix.align import (
    Change,
    Mode,
    Pair,
    align,
    edit_count,
    lines,
    token_edits,
    tokens,
)
from mtfix.metrics import CorpusScores, SegmentScores, score_pairs
from mtfix.version import __version__


@dataclass
class SegmentDiff:
    number: int
    pair: Pair
    changes: list[Change]
    scores: SegmentScores
    source: str | None = None

    @property
    def changed(self) -> bool:
        return self.pair.mt_text != self.pair.pe_text

    @property
    def edits(self) -> int:
        return edit_count(self.changes)


@dataclass
class Comparison:
    mt_path: str
    pe_path: str
    mode: Mode
    segments: list[SegmentDiff]
    corpus: CorpusScores
    has_source: bool = False

    @property
    def changed(self) -> int:
        return sum(1 for s in self.segments if s.changed)


def compare(mt_text: str, pe_text: str, mt_path: str = "MT", pe_path: str = "PE",
            mode: Mode | None = None, source_text: str | None = None) -> Comparison:
    """Align the two texts and score every segment and the whole; with `source_text`, each
    segment carries the source line of its MT line."""
    pairs, used = align(mt_text, pe_text, mode)
    scores, corpus = score_pairs([p.mt_text for p in pairs], [p.pe_text for p in pairs])
    sources = [s.text for s in lines(source_text)] if source_text is not None else []
    segments = [
        SegmentDiff(n, pair, token_edits(pair.mt_text, pair.pe_text), score,
                    sources[pair.mt.line - 1] if pair.mt and pair.mt.line <= len(sources) else None)
        for n, (pair, score) in enumerate(zip(pairs, scores), 1)
    ]
    return Comparison(mt_path, pe_path, used, segments, corpus, source_text is not None)


def _where(segment: SegmentDiff) -> str:
    a = segment.pair.mt.line if segment.pair.mt else "-"
    b = segment.pair.pe.line if segment.pair.pe else "-"
    return f"{a}→{b}"


def render_text(comparison: Comparison, show_all: bool = False, quiet: bool = False, markup: bool = True) -> str:
    """Rich markup: each changed segment with its edits inline, then the corpus scores; with
    `markup` off, the same text unstyled (what a console without colour prints of it), which
    a console prints much faster with its markup off."""
    mark = escape if markup else str
    out = []
    for segment in comparison.segments:
        if not segment.changed and not show_all:
            continue
        s = segment.scores
        heading, where = f"segment {segment.number}", f"(line {_where(segment)})"
        if markup:
            heading, where = f"[bold]{heading}[/]", f"[dim]{where}[/]"
        out.append(f"{heading} {where}  TER {s.ter:.2f}  chrF {s.chrf:.2f}  BLEU {s.bleu:.2f}  edits {segment.edits}")
        out.append("  " + inline(segment.changes, markup))
    if not quiet:
        if out:
            out.append("")
        total = len(comparison.segments)
        out.append(
            f"{comparison.changed} of {total} segment{'s' * (total != 1)} edited "
            f"(aligned by {comparison.mode}): {mark(comparison.mt_path)} → {mark(comparison.pe_path)}"
        )
        out.extend(mark(line) for line in comparison.corpus.lines())
    return "\n".join(out)


def inline(changes: list[Change], markup: bool = True) -> str:
    """One line of rich markup: deletions as [-old-], insertions as {+new+} (wdiff style);
    with `markup` off, the same unstyled."""
    mark = escape if markup else str
    deleted, inserted = ("[red strike]\\[-{}-][/]", "[green]{{+{}+}}[/]") if markup else ("[-{}-]", "{{+{}+}}")
    parts = []
    for n, change in enumerate(changes):
        if change.op == "equal":
            # Same words on both sides; the space before the next change is that of the side
            # the change comes from (an inserted comma follows the post-edit's spacing).
            mt_space = change.mt[len(change.mt.rstrip()) :]
            pe_space = change.pe[len(change.pe.rstrip()) :]
            following = changes[n + 1].op if n + 1 < len(changes) else "delete"
            space = pe_space if following == "insert" else mt_space or pe_space
            parts.append(mark(change.mt.rstrip()) + space)
            continue
        old, new = change.mt.rstrip(), change.pe.rstrip()
        if old:
            parts.append(deleted.format(mark(old)))
        if new:
            parts.append(inserted.format(mark(new)))
        parts.append(change.pe[len(new):] or change.mt[len(old):])
    return "".join(parts).strip()


def render_unified(comparison: Comparison) -> str:
    """A unified diff of the aligned segments, one segment per line."""
    a = [s.pair.mt_text + "\n" for s in comparison.segments if s.pair.mt]
    b = [s.pair.pe_text + "\n" for s in comparison.segments if s.pair.pe]
    return "".join(difflib.unified_diff(a, b, fromfile=comparison.mt_path, tofile=comparison.pe_path))


def as_dict(comparison: Comparison) -> dict[str, Any]:
    return {
        "version": __version__,
        "mt": comparison.mt_path,
        "postedit": comparison.pe_path,
        "alignment": comparison.mode,
        "segments": [
            {
                "segment": s.number,
                "mt_line": s.pair.mt.line if s.pair.mt else None,
                "pe_line": s.pair.pe.line if s.pair.pe else None,
                "mt": s.pair.mt_text,
                "pe": s.pair.pe_text,
                "edits": s.edits,
                "changes": [
                    {"op": c.op, "mt": c.mt.strip(), "pe": c.pe.strip()} for c in s.changes if c.op != "equal"
                ],
                **s.scores.as_dict(),
            }
            for s in comparison.segments
        ],
        "corpus": comparison.corpus.as_dict(),
        "edited_segments": comparison.changed,
    }


def render_json(comparison: Comparison) -> str:
    return json.dumps(as_dict(comparison), ensure_ascii=False, indent=2) + "\n"


def render_html(comparison: Comparison) -> str:
    """The page: MT and post-edit side by side as a word diff, scores per segment, charts."""
    from mtfix.report import charts
    from mtfix.report.html import environment, script_data
    from mtfix.report.redline import ops

    segments = []
    for s in comparison.segments:
        item: dict[str, Any] = {
            "n": s.number, "mt": s.pair.mt.line if s.pair.mt else None, "pe": s.pair.pe.line if s.pair.pe else None,
            "ops": ops(s.pair.mt_text, s.pair.pe_text), "edited": s.changed, "edits": s.edits,
            **s.scores.as_dict(),
        }
        if comparison.has_source:
            item["source"] = s.source
        segments.append(item)
    ter = [s.scores.ter for s in comparison.segments]
    figures = {
        "histogram": charts.histogram(ter, "Segments by TER", axis="TER (a segment above 100 counts at 100)"),
        "scatter": charts.scatter(
            [(len(tokens(s.pair.pe_text)), s.scores.ter) for s in comparison.segments], "TER by segment length",
            x_axis="post-edit words", y_axis="TER", y_high=100,
        ),
    }
    return environment().get_template("diff.html.j2").render(
        comparison=comparison, charts=figures, has_source=comparison.has_source, version=__version__,
        data=script_data({"segments": segments, "hasSource": comparison.has_source}),
    )
