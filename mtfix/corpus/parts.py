"""A shard's output: Parquet parts written to temporary files and renamed, then a marker.

`OUT/part-NNNNN.parquet` has a row per input row: where it is (`input`, `row`, `id`, `doc`),
its issue count, its codes (each once, sorted) and its issues as structs, plus the fixed
target for `fix`. `filter` also writes `OUT/kept/part-NNNNN.parquet` and
`OUT/dropped/part-NNNNN.parquet`: the pairs themselves, the dropped ones with the codes that
dropped them. `OUT/part-NNNNN.done` is the marker: written last, it says the shard is done
and what it held.
"""

from __future__ import annotations

import glob
import json
import os
import socket
from pathlib import Path

ROW_GROUP = 10_000
KEPT, DROPPED = "kept", "dropped"


def schemas():
    """The Parquet schemas: annotations, annotations of `fix` (with `fixed`), pairs and
    dropped pairs."""
    import pyarrow as pa

    edit = pa.struct([("start", pa.int32()), ("end", pa.int32()), ("replacement", pa.string())])
    fix = pa.struct([("applicability", pa.string()), ("edits", pa.list_(edit))])
    issue = pa.struct(
        [
            ("code", pa.string()), ("severity", pa.string()), ("start", pa.int32()), ("end", pa.int32()),
            ("message", pa.string()), ("text", pa.string()), ("fix", fix),
        ]
    )
    where = [("input", pa.string()), ("row", pa.int64()), ("id", pa.string()), ("doc", pa.string())]
    annotations = pa.schema([*where, ("issue_count", pa.int32()), ("codes", pa.list_(pa.string())), ("issues", pa.list_(issue))])
    pairs = pa.schema([*where, ("source", pa.string()), ("target", pa.string())])
    return {
        "check": annotations,
        "fix": annotations.append(pa.field("fixed", pa.string())),
        KEPT: pairs,
        DROPPED: pairs.append(pa.field("reasons", pa.list_(pa.string()))),
    }


def part_path(out: str, index: int, kind: str = "") -> Path:
    return Path(out, kind, f"part-{index:05d}.parquet") if kind else Path(out, f"part-{index:05d}.parquet")


def marker_path(out: str, index: int) -> Path:
    return Path(out, f"part-{index:05d}.done")


class PartWriter:
    """One Parquet part, written a row group at a time to a temporary file beside it."""

    def __init__(self, path: Path, schema) -> None:
        import pyarrow.parquet as pq

        self.path = path
        self.schema = schema
        path.parent.mkdir(parents=True, exist_ok=True)
        for stale in glob.glob(glob.escape(str(path)) + ".tmp-*"):  # left by an attempt that died
            _remove(stale)
        self.draft = path.with_name(f"{path.name}.tmp-{socket.gethostname()}-{os.getpid()}")
        self._writer = pq.ParquetWriter(self.draft, schema, compression="zstd")
        self._rows: list[dict] = []

    def add(self, row: dict) -> None:
        self._rows.append(row)
        if len(self._rows) >= ROW_GROUP:
            self._flush()

    def _flush(self) -> None:
        import pyarrow as pa

        if self._rows:
            try:
                table = pa.Table.from_pylist(self._rows, self.schema)
            except (pa.ArrowInvalid, UnicodeEncodeError):  # text that is not valid Unicode (a lone surrogate)
                table = pa.Table.from_pylist([_valid(row) for row in self._rows], self.schema)
            self._writer.write_table(table)
            self._rows = []

    def close(self) -> None:
        self._flush()
        self._writer.close()

    def commit(self) -> None:
        os.replace(self.draft, self.path)

    def abandon(self) -> None:
        try:
            self._writer.close()
        finally:
            _remove(self.draft)


def write_marker(out: str, index: int, marker: dict) -> None:
    path = marker_path(out, index)
    draft = path.with_name(f"{path.name}.tmp-{socket.gethostname()}-{os.getpid()}")
    draft.write_text(json.dumps(marker, sort_keys=True) + "\n", encoding="utf-8")
    os.replace(draft, path)


def read_marker(out: str, index: int, digest: str) -> dict | None:
    """The shard's marker when the shard is done under the configuration `digest`."""
    try:
        marker = json.loads(marker_path(out, index).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return marker if isinstance(marker, dict) and marker.get("digest") == digest else None


def _valid(value):
    """`value` with every string made encodable (a lone surrogate written as `\\ud800`)."""
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return value.encode("utf-8", "backslashreplace").decode("utf-8")
        return value
    if isinstance(value, dict):
        return {k: _valid(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_valid(v) for v in value]
    return value


def _remove(path) -> None:
    try:
        os.remove(path)
    except FileNotFoundError:
        pass
