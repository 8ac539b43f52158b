"""Which inputs a corpus run reads: each file's format, and line-aligned files paired up."""

from __future__ import annotations

import os
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from mtfix.corpus import CorpusError
from mtfix.corpus.readers.base import COMPRESSED

FORMATS = ("parquet", "jsonl", "tsv", "tmx", "lines")
_EXTENSIONS = {".parquet": "parquet", ".pq": "parquet", ".jsonl": "jsonl", ".ndjson": "jsonl", ".tsv": "tsv", ".tmx": "tmx"}
#: Suffixes that mark the source file of a line-aligned pair, beside the source language's code.
SOURCE_SUFFIXES = ("src", "source")


@dataclass(frozen=True)
class Input:
    """One input: its format, its files (absolute; a line-aligned pair's source first) and
    the name it goes by (the target file as named)."""

    name: str
    format: str
    paths: tuple[str, ...]


def find(names: list[str], input_format: str | None, source_language: str) -> list[Input]:
    """The inputs named, in order. Text files that are not Parquet, JSON Lines, TSV or TMX
    are line-aligned: two named `PREFIX.X` and `PREFIX.Y`, one of them `.ru` (the pair's
    source language), `.src` or `.source`, are a pair; one alone holds targets only."""
    for name in names:
        if not os.path.isfile(name):
            raise CorpusError(f"{name}: {'not a file' if os.path.exists(name) else 'no such file'}")
    if len(set(map(os.path.realpath, names))) < len(names):
        raise CorpusError("an input is named twice")
    formats = {name: input_format or _format(name) for name in names}
    by_prefix: dict[str, list[str]] = defaultdict(list)
    for name in names:
        if formats[name] == "lines":
            by_prefix[_prefix(name)].append(name)
    found, paired = [], set()
    for name in names:
        if name in paired:
            continue
        if formats[name] != "lines":
            found.append(Input(name, formats[name], (os.path.abspath(name),)))
            continue
        group = by_prefix[_prefix(name)]
        if len(group) == 1:
            found.append(Input(name, "lines", (os.path.abspath(name),)))
            continue
        source, target = _pair(group, source_language)
        paired.update(group)
        found.append(Input(target, "lines", (os.path.abspath(source), os.path.abspath(target))))
    return found


def _format(name: str) -> str:
    stem = _uncompressed(name)
    return _EXTENSIONS.get(Path(stem).suffix.lower(), "lines")


def _uncompressed(name: str) -> str:
    for suffix in COMPRESSED:
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name


def _prefix(name: str) -> str:
    stem = _uncompressed(name)
    return str(Path(stem).with_suffix("")) if Path(stem).suffix else stem


def _pair(group: list[str], source_language: str) -> tuple[str, str]:
    """(source, target) of the files sharing a prefix."""
    listed = ", ".join(group)
    if len(group) > 2:
        raise CorpusError(f"{listed}: line-aligned files pair up two by two; name one source and one target")
    marks = (source_language, *SOURCE_SUFFIXES)
    sources = [n for n in group if Path(_uncompressed(n)).suffix.lower().lstrip(".") in marks]
    if len(sources) != 1:
        raise CorpusError(f"{listed}: cannot tell which is the source; name it PREFIX.{source_language} or PREFIX.src")
    source = sources[0]
    return source, next(n for n in group if n != source)
