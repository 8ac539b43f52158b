"""One reader per input format. Each has `layout(input, columns, language)` (the columns it
reads, resolved once when the run is planned), `plan(input, layout, every)` (how many
positions the input has and where its shards are cut) and `rows(input, layout, cut)`."""

from __future__ import annotations

import importlib
from types import ModuleType


def reader(fmt: str) -> ModuleType:
    """The reader of format `fmt` (parquet, jsonl, tsv, tmx, lines)."""
    return importlib.import_module(f"mtfix.corpus.readers.{fmt}")
