"""Parquet: a row per segment pair. The column options name its columns; by default the
source and target are the first of mtfix's usual names (`source`, `src`, `ru`, …; `target`,
`mt`, `en`, …) among them, in any case. Rows are read by row group, a batch at a time."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import accumulate

from mtfix.corpus import CorpusError
from mtfix.corpus.readers.base import Columns, Cut, Row, column_error, cuts, grouped
from mtfix.formats.tabular import SOURCE_NAMES, TARGET_NAMES

BATCH = 4096
_OPTIONS = {"source": "--source-col", "target": "--target-col", "id": "--id-col", "doc": "--doc-col"}


def layout(input, columns: Columns, language: str) -> dict:
    (path,) = input.paths
    names = _file(path).schema_arrow.names
    lowered = {n.lower(): n for n in reversed(names)}
    given = {"source": columns.source, "target": columns.target, "id": columns.id, "doc": columns.doc}
    found = {}
    for key, value in given.items():
        if value is not None and value not in names:
            raise column_error(input.name, f"`{value}`", _OPTIONS[key], names)
        found[key] = value
    if found["target"] is None:
        found["target"] = next((lowered[n] for n in TARGET_NAMES if n in lowered), None)
        if found["target"] is None:
            raise column_error(input.name, "target", "--target-col", names)
    if found["source"] is None:
        found["source"] = next((lowered[n] for n in SOURCE_NAMES if n in lowered), None)
    return found


def plan(input, layout: dict, every: int) -> tuple[int, list[Cut]]:
    (path,) = input.paths
    parquet = _file(path)
    total = parquet.metadata.num_rows
    if layout["doc"] is None:
        return total, cuts(total, every)
    marks = (
        (position, None if doc is None else str(doc), ())
        for position, doc in enumerate(
            value for batch in parquet.iter_batches(BATCH, columns=[layout["doc"]]) for value in batch.column(0).to_pylist()
        )
    )
    return total, grouped(marks, total, every)


def rows(input, layout: dict, cut: Cut) -> Iterator[Row]:
    (path,) = input.paths
    parquet = _file(path)
    sizes = [parquet.metadata.row_group(g).num_rows for g in range(parquet.metadata.num_row_groups)]
    starts = [0, *accumulate(sizes)]
    groups = [g for g in range(len(sizes)) if starts[g] < cut.stop and starts[g + 1] > cut.start]
    if not groups:
        return
    keys = [k for k in ("source", "target", "id", "doc") if layout[k] is not None]
    wanted = list(dict.fromkeys(layout[k] for k in keys))
    position = starts[groups[0]]
    for batch in parquet.iter_batches(BATCH, row_groups=groups, columns=wanted):
        values = {name: batch.column(i).to_pylist() for i, name in enumerate(wanted)}
        for i in range(batch.num_rows):
            if cut.start <= position < cut.stop:
                got = {k: values[layout[k]][i] for k in keys}
                ident = got.get("id")
                doc = got.get("doc")
                yield Row(
                    position,
                    str(position + 1) if ident is None else str(ident),
                    _text(got.get("source")),
                    _text(got.get("target")),
                    None if doc is None or layout["doc"] is None else str(doc),
                )
            position += 1
        if position >= cut.stop:
            return


def _text(value) -> str:
    return "" if value is None else value if isinstance(value, str) else str(value)


def _file(path: str):
    import pyarrow.parquet as pq

    try:
        return pq.ParquetFile(path)
    except Exception as err:  # pyarrow's ArrowInvalid and OSError alike
        raise CorpusError(f"{path}: not a Parquet file ({' '.join(str(err).split())})") from None
