"""Line-aligned text: a source file and a target file with a segment per line, as OPUS and
WMT ship them, or a target file alone. Every line is a row, a blank one too."""

from __future__ import annotations

from collections.abc import Iterator

from mtfix.corpus import CorpusError
from mtfix.corpus.readers.base import (
    Columns,
    Cut,
    Row,
    compressed,
    count_lines,
    cuts,
    lines,
    text,
)


def layout(input, columns: Columns, language: str) -> dict:
    if any(vars(columns).values()):
        raise CorpusError(f"{input.name}: line-aligned text has no columns; the column options need Parquet, JSON Lines or TSV")
    return {}


def plan(input, layout: dict, every: int) -> tuple[int, list[Cut]]:
    counted = [count_lines(path, every) for path in input.paths]
    if len({total for total, _ in counted}) > 1:
        (source, a), (target, b) = zip(input.paths, (total for total, _ in counted))
        raise CorpusError(f"{source} has {a} lines and {target} {b}: they are not line-aligned")
    total = counted[0][0]
    seekable = not any(map(compressed, input.paths))
    return total, cuts(total, every, [offsets for _, offsets in counted] if seekable else None)


def rows(input, layout: dict, cut: Cut) -> Iterator[Row]:
    if len(input.paths) == 1:
        (path,) = input.paths
        for position, line in lines(path, cut):
            yield Row(position, str(position + 1), "", text(line, path, position))
        return
    source, target = input.paths
    for (position, a), (_, b) in zip(lines(source, cut, 0), lines(target, cut, 1)):
        yield Row(position, str(position + 1), text(a, source, position), text(b, target, position))
