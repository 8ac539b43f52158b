"""What the readers share: rows, column choices, compressed files, lines and shard cuts."""

from __future__ import annotations

import gzip
import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from typing import BinaryIO

from mtfix.corpus import CorpusError

COMPRESSED = (".gz", ".zst", ".zstd")
_CHUNK = 1 << 16


@dataclass(frozen=True)
class Row:
    """One segment pair. `position` is where it is in its input, from 0: the line of a text
    file, the row of a Parquet file, the `tu` of a TMX file; `id` names it for a person."""

    position: int
    id: str
    source: str
    target: str
    doc: str | None = None


@dataclass(frozen=True)
class Columns:
    """The columns (keys, header names, or 1-based numbers in a TSV) asked for; None: the
    usual names (`source`/`src`/`ru`, `target`/`mt`/`en`/…), no id, no document."""

    source: str | None = None
    target: str | None = None
    id: str | None = None
    doc: str | None = None


@dataclass(frozen=True)
class Cut:
    """Positions `start`..`stop` of one input; `offsets`: where `start` begins in each of its
    files, for files that can be read from there (none for a compressed file)."""

    start: int
    stop: int
    offsets: tuple[int, ...] = ()


def compressed(path: str) -> bool:
    return path.endswith(COMPRESSED)


def open_binary(path: str) -> BinaryIO:
    """The file's bytes, decompressed for `.gz` and `.zst`."""
    if path.endswith(".gz"):
        return gzip.open(path, "rb")
    if path.endswith((".zst", ".zstd")):
        import zstandard

        return io.BufferedReader(zstandard.ZstdDecompressor().stream_reader(open(path, "rb"), closefd=True))
    return open(path, "rb")


def text(line: bytes, path: str, position: int) -> str:
    """A line of the file as text, without its line break; CorpusError for invalid UTF-8."""
    if line.endswith(b"\n"):
        line = line[:-2] if line.endswith(b"\r\n") else line[:-1]
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError as err:
        raise CorpusError(f"{path}:{position + 1}: invalid UTF-8 at byte {err.start + 1} of the line") from None


def lines(path: str, cut: Cut, file: int = 0) -> Iterator[tuple[int, bytes]]:
    """(position, line) for the lines `cut.start`..`cut.stop` of a file: read from the cut's
    offset where it has one, else after skipping the lines before it."""
    with open_binary(path) as stream:
        if cut.offsets:
            stream.seek(cut.offsets[file])
        else:
            for _ in islice(stream, cut.start):
                pass
        yield from zip(range(cut.start, cut.stop), stream)


def count_lines(path: str, every: int) -> tuple[int, list[int]]:
    """How many lines the file has, and the byte offset of every `every`-th line (line
    `every`, `2 * every`, …) that exists; no offsets for a compressed file."""
    offsets: list[int] = []
    count = base = 0
    want = every if every and not compressed(path) else 0
    last = b"\n"
    with open_binary(path) as stream:
        while chunk := stream.read(_CHUNK):
            found = chunk.count(b"\n")
            at = 0
            while want and count + found >= want:
                for _ in range(want - count):
                    at = chunk.index(b"\n", at) + 1
                found -= want - count
                count = want
                offsets.append(base + at)
                want += every
            count += found
            base += len(chunk)
            last = chunk[-1:]
    if last != b"\n":
        count += 1
    return count, [o for o in offsets if o < base]


def cuts(total: int, every: int, offsets: list[list[int]] | None = None) -> list[Cut]:
    """Cuts of `every` positions over `total`; `offsets[f]`: the byte offsets of lines
    `every`, `2 * every`, … in file `f` (None: the files are read by skipping)."""
    starts = None if offsets is None else [[0, *found] for found in offsets]
    return [
        Cut(start, min(start + every, total), () if starts is None else tuple(s[i] for s in starts))
        for i, start in enumerate(range(0, total, every))
    ]


def grouped(marks: Iterable[tuple[int, str | None, tuple[int, ...]]], total: int, every: int) -> list[Cut]:
    """Cuts of at least `every` positions that fall only where the document changes (a row
    without a document is one of its own): `marks` are (position, document, offsets) of each
    row, in order."""
    found: list[Cut] = []
    start, at, previous = 0, None, None
    for position, doc, offsets in marks:
        if at is None:
            at = tuple(0 for _ in offsets)
        elif position - start >= every and (doc is None or doc != previous):
            found.append(Cut(start, position, at))
            start, at = position, offsets
        previous = doc
    if total > start:
        found.append(Cut(start, total, at or ()))
    return found


def column_error(path: str, what: str, option: str, names: Iterable[str]) -> CorpusError:
    listed = ", ".join(names) or "none"
    return CorpusError(f"{path}: no {what} column (columns: {listed}); name it with {option}")
