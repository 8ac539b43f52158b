"""MLQE-PE's Moses-tokenized MT as plain English: each line detokenized, with where each of its
tokens lies and its word tag (word tag i is tag 2i+1 of the line: gap tags are interleaved)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora" / "mlqe-pe-ru-en"
_NO_SPACE_BEFORE = frozenset(",.!?:;)]}%…/") | {"...", "n't"}
_NO_SPACE_AFTER = frozenset("([{$/")


@dataclass(frozen=True)
class Line:
    text: str
    spans: tuple[tuple[int, int], ...]  # each Moses token's offsets in `text`
    bad: tuple[bool, ...]  # each Moses token's word tag


def detokenize(tokens: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """Moses-tokenized English as written (`hadn 't` → `hadn't`, `( ok )` → `(ok)`), with each
    token's offsets."""
    text, spans = "", []
    quote_open = False
    glue_next = False
    for token in tokens:
        glue = glue_next or not text
        glue_next = False
        if token in _NO_SPACE_BEFORE or (token[0] == "'" and token[1:].isalpha()):
            glue = True
        elif token in ('"', "'"):
            glue = glue or quote_open
            glue_next = not quote_open
            quote_open = not quote_open
        if token in _NO_SPACE_AFTER:
            glue_next = True
        if not glue:
            text += " "
        spans.append((len(text), len(text) + len(token)))
        text += token
    return text, spans


def read(split: str, corpus: Path = CORPUS) -> list[Line]:
    """The lines of `train` or `dev`."""
    folder = corpus / split
    mt = (folder / f"{split}.mt").read_text(encoding="utf-8").split("\n")
    tags = (folder / f"{split}.tags").read_text(encoding="utf-8").split("\n")
    lines = []
    for sentence, tagline in zip(mt, tags):
        tokens = sentence.split()
        if not tokens:
            continue
        word_tags = tagline.split()[1::2]
        if len(word_tags) != len(tokens):
            raise ValueError(f"{split}: {len(tokens)} tokens but {len(word_tags)} word tags: {sentence!r}")
        text, spans = detokenize(tokens)
        lines.append(Line(text, tuple(spans), tuple(t == "BAD" for t in word_tags)))
    return lines


def overlaps(spans: tuple[tuple[int, int], ...], flagged: list[tuple[int, int]]) -> list[bool]:
    """For each token span, whether it overlaps a flagged span."""
    return [any(s < fe and fs < e for fs, fe in flagged) for s, e in spans]


def word_scores(lines: list[Line], predicted: list[list[bool]]) -> dict[str, float]:
    """Word-level MCC, F1 of BAD, precision and recall of BAD, over every token."""
    tp = fp = fn = tn = 0
    for line, guess in zip(lines, predicted):
        for gold, flag in zip(line.bad, guess):
            tp += gold and flag
            fp += flag and not gold
            fn += gold and not flag
            tn += not gold and not flag
    denominator = ((tp + fp) * (tp + fn) * (tn + fp) * (tn + fn)) ** 0.5
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return {
        "mcc": (tp * tn - fp * fn) / denominator if denominator else 0.0,
        "f1_bad": 2 * precision * recall / (precision + recall) if precision + recall else 0.0,
        "precision": precision,
        "recall": recall,
        "flagged": tp + fp,
    }
