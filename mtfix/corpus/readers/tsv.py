"""TSV, plain, gzip or zstd, as mtfix reads it: a header row naming the columns (`source`,
`src`, `ru`, …; `target`, `mt`, `en`, …), else column 1 is the source and column 2 the
target (a single column is targets only). The column options take a header name or a
1-based number. A blank line is no row."""

from __future__ import annotations

from collections.abc import Iterator

from mtfix.corpus import CorpusError
from mtfix.corpus.readers.base import (
    Columns,
    Cut,
    Row,
    column_error,
    compressed,
    count_lines,
    cuts,
    grouped,
    lines,
    text,
)
from mtfix.formats.tabular import SOURCE_NAMES, TARGET_NAMES

_OPTIONS = {"source": "--source-col", "target": "--target-col", "id": "--id-col", "doc": "--doc-col"}


def layout(input, columns: Columns, language: str) -> dict:
    (path,) = input.paths
    first = next((text(line, path, 0) for _, line in lines(path, Cut(0, 1))), "")
    cells = first.split("\t")
    names = [c.strip().lower() for c in cells]
    given = {"source": columns.source, "target": columns.target, "id": columns.id, "doc": columns.doc}
    header = any(v is not None and not v.isdigit() for v in given.values()) or any(n in TARGET_NAMES for n in names)
    found = {"header": header}
    for key, value in given.items():
        if value is not None and value.isdigit():
            if int(value) < 1:
                raise CorpusError(f"{_OPTIONS[key]} {value}: TSV columns are numbered from 1")
            found[key] = int(value) - 1
        elif value is not None:
            if value.lower() not in names:
                raise column_error(path, f"`{value}`", _OPTIONS[key], cells)
            found[key] = names.index(value.lower())
        elif key == "source":
            found[key] = _first(names, SOURCE_NAMES) if header else (0 if len(cells) > 1 else None)
        elif key == "target":
            found[key] = _first(names, TARGET_NAMES) if header else (1 if len(cells) > 1 else 0)
        else:
            found[key] = None
    return found


def plan(input, layout: dict, every: int) -> tuple[int, list[Cut]]:
    (path,) = input.paths
    if layout["doc"] is None:
        total, offsets = count_lines(path, every)
        return total, cuts(total, every, None if compressed(path) else [offsets])
    marks, offset, total = [], 0, 0
    for position, line in lines(path, Cut(0, 1 << 62)):
        cells = _cells(line, path, position, layout)
        if cells is not None:
            marks.append((position, _cell(cells, layout["doc"]), () if compressed(path) else (offset,)))
        offset += len(line)
        total = position + 1
    return total, grouped(marks, total, every)


def rows(input, layout: dict, cut: Cut) -> Iterator[Row]:
    (path,) = input.paths
    for position, line in lines(path, cut):
        cells = _cells(line, path, position, layout)
        if cells is None:
            continue
        ident = _cell(cells, layout["id"])
        doc = _cell(cells, layout["doc"]) if layout["doc"] is not None else None
        yield Row(position, ident or str(position + 1), _cell(cells, layout["source"]), _cell(cells, layout["target"]), doc)


def _cells(line: bytes, path: str, position: int, layout: dict) -> list[str] | None:
    if position == 0 and layout["header"]:
        return None
    line_text = text(line, path, position)
    return line_text.split("\t") if line_text.strip() else None


def _cell(cells: list[str], index: int | None) -> str:
    return cells[index] if index is not None and index < len(cells) else ""


def _first(names: list[str], wanted: tuple[str, ...]) -> int | None:
    return next((names.index(n) for n in wanted if n in names), None)
