"""JSON Lines, plain, gzip or zstd: an object per line. The column options name its keys;
by default the source and target are the first keys with a string value among mtfix's usual
names (`source`, `src`, `ru`, …; `target`, `mt`, `en`, …). A blank line is no row."""

from __future__ import annotations

import json
from collections.abc import Iterator

from mtfix.corpus import CorpusError
from mtfix.corpus.readers.base import (
    Columns,
    Cut,
    Row,
    compressed,
    count_lines,
    cuts,
    grouped,
    lines,
    text,
)
from mtfix.formats.tabular import SOURCE_NAMES, TARGET_NAMES


def layout(input, columns: Columns, language: str) -> dict:
    return {"source": columns.source, "target": columns.target, "id": columns.id, "doc": columns.doc}


def plan(input, layout: dict, every: int) -> tuple[int, list[Cut]]:
    (path,) = input.paths
    if layout["doc"] is None:
        total, offsets = count_lines(path, every)
        return total, cuts(total, every, None if compressed(path) else [offsets])
    total = 0
    marks = []
    for position, offset, record in _records(path):
        marks.append((position, _string(record.get(layout["doc"])), (offset,) if not compressed(path) else ()))
        total = position + 1
    return total, grouped(marks, total, every)


def rows(input, layout: dict, cut: Cut) -> Iterator[Row]:
    (path,) = input.paths
    for position, line in lines(path, cut):
        record = _record(line, path, position)
        if record is None:
            continue
        source = _pick(record, layout["source"], SOURCE_NAMES)
        target = _pick(record, layout["target"], TARGET_NAMES)
        ident = _string(record.get(layout["id"])) if layout["id"] else None
        doc = _string(record.get(layout["doc"])) if layout["doc"] else None
        yield Row(position, ident or str(position + 1), source or "", target or "", doc)


def _records(path: str) -> Iterator[tuple[int, int, dict]]:
    """(position, byte offset, object) of every record of the file."""
    offset = 0
    for position, line in lines(path, Cut(0, 1 << 62)):
        record = _record(line, path, position)
        if record is not None:
            yield position, offset, record
        offset += len(line)


def _record(line: bytes, path: str, position: int) -> dict | None:
    line_text = text(line, path, position)
    if not line_text.strip():
        return None
    try:
        record = json.loads(line_text)
    except ValueError as err:
        raise CorpusError(f"{path}:{position + 1}: invalid JSON ({getattr(err, 'msg', err)})") from None
    return record if isinstance(record, dict) else {}


def _pick(record: dict, key: str | None, names: tuple[str, ...]) -> str | None:
    if key is not None:
        return _string(record.get(key))
    for name in names:
        if isinstance(record.get(name), str):
            return record[name]
    lowered = {k.lower(): k for k, v in record.items() if isinstance(v, str)}
    return next((record[lowered[n]] for n in names if n in lowered), None)


def _string(value) -> str | None:
    return None if value is None else value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
