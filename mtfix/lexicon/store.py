"""Lexicon tables kept on disk in a compact form, built once from their source library.

A table maps string keys, kept in a chosen order, to small integers. Deriving one from its
source (parsing gender-guesser's name file, walking wordfreq's lists) takes a large part of
a second, so the first process that needs a table builds it and writes it to the cache folder
(`lexicon/<name>-<digest of its key>.bin` under `mtfix.cache.cache_dir()`); every later process reads the file
into memory and decodes nothing until it looks a word up. With $MTFIX_NO_CACHE set
(`--no-cache`) each process builds its tables in memory and writes nothing.

The file holds the keys as UTF-8 joined by newlines, the offset of each key, one integer
value per key, an open-addressing hash index (CRC-32 of the key's bytes, linear probing, at
most half full), so a lookup reads a few slots and compares one key, and the source's extra
data as bytes or as `mtfix.plaindata`. Nothing in it can run code. The header names the
source library's version, its data file's size and the file format (not its time: two
installs of the same version share the file); a file whose
header or checksum does not match, that cannot be read or that `mtfix.cache.read` refuses
is rebuilt, never trusted. Writing goes through `mtfix.cache.write_atomic`; builds of a table
unused for `mtfix.cache.MAX_AGE` are then deleted.
"""

from __future__ import annotations

import re
import struct
import sys
import zlib
from array import array
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from mtfix import cache as disk
from mtfix import plaindata

#: Bump when the layout below changes; every cached table is then rebuilt.
FORMAT = 2
MAGIC = b"MTFXLEX" + bytes([FORMAT])
#: magic, CRC-32 of everything after this header, length of the whole file.
_HEAD = struct.Struct("<8sIQ")
#: lengths of the source key and the extra data, number of keys, hash slots, value type
#: code, how the extra data is kept (raw bytes or plain data).
_SIZES = struct.Struct("<IIII1s1s2x")
_RAW, _PLAIN = b"b", b"p"
_ALIGN = 8


@dataclass(frozen=True)
class Source:
    """How to build one table and what it is derived from.

    `build` returns the keys in their order, one integer per key (an `array`) and an
    extra object: bytes, or plain data (`mtfix.plaindata`). `data` is the source's data file, relative to
    its distribution's import package; its size joins the version in the cache key.
    Bump `revision` when `build` changes what it derives. `sound`, when given, tests the
    extra data of a table read from the cache folder; a table whose extra fails it is rebuilt
    (a checksum says nothing about a file crafted with a right one).
    """

    name: str
    distribution: str
    package: str
    data: str
    build: Callable[[], tuple[Sequence[str], array, object]]
    revision: int = 1
    sound: Callable[[object], bool] | None = None

    def key(self) -> str:
        """What the cached table must have been built from to be used."""
        from importlib import metadata
        from importlib.util import find_spec

        version = metadata.version(self.distribution)
        spec = find_spec(self.package)
        try:
            folder = Path(next(iter(spec.submodule_search_locations)))
            stamp = str((folder / self.data).stat().st_size)
        except (AttributeError, TypeError, StopIteration, OSError):
            stamp = "?"
        return (
            f"{self.name} r{self.revision} format {FORMAT} {sys.byteorder}; "
            f"{self.distribution}=={version} {self.data} {stamp}"
        )


class Table:
    """One table opened from its file's bytes. Raises ValueError when the bytes are not a
    sound table built from `key`."""

    def __init__(self, data, key: str) -> None:
        view = memoryview(data)
        if len(view) < _HEAD.size + _SIZES.size:
            raise ValueError("short lexicon table")
        magic, crc, length = _HEAD.unpack_from(view, 0)
        if magic != MAGIC or length != len(view):
            raise ValueError("not a lexicon table of this format")
        if zlib.crc32(view[_HEAD.size :]) != crc:
            raise ValueError("lexicon table checksum mismatch")
        key_length, extra_length, count, slots, typecode, kept = _SIZES.unpack_from(view, _HEAD.size)
        position = _HEAD.size + _SIZES.size
        if bytes(view[position : position + key_length]) != key.encode():
            raise ValueError("lexicon table built from another source")
        position += key_length
        extra = view[position : position + extra_length]
        if kept not in (_RAW, _PLAIN) or len(extra) != extra_length:
            raise ValueError("unknown extra data in lexicon table")
        self.extra = bytes(extra) if kept == _RAW else plaindata.loads(extra)
        position += extra_length

        def section(code: str, n: int) -> memoryview:
            nonlocal position
            position += -position % _ALIGN
            size = array(code).itemsize * n
            if position + size > len(view):
                raise ValueError("truncated lexicon table")
            part = view[position : position + size].cast(code)
            position += size
            return part

        self.values = section(typecode.decode(), count)
        self._offsets = section("I", count + 1)
        self._slots = section("I", slots)
        if slots & (slots - 1) or slots < 2 * count or self._offsets[count] != len(view) - position:
            raise ValueError("inconsistent lexicon table")
        self._blob, self._base, self._mask = data, position, slots - 1

    def __len__(self) -> int:
        return len(self.values)

    def index(self, key: str) -> int:
        """The position of `key` in the table's order, or -1."""
        b = key.encode("utf-8", "surrogatepass")
        slots, offsets, blob, base, mask = self._slots, self._offsets, self._blob, self._base, self._mask
        n = len(b)
        i = zlib.crc32(b) & mask
        while entry := slots[i]:
            entry -= 1
            start = base + offsets[entry]
            if base + offsets[entry + 1] - start - 1 == n and blob[start : start + n] == b:
                return entry
            i = (i + 1) & mask
        return -1

    def get(self, key: str, default: int | None = None) -> int | None:
        i = self.index(key)
        return self.values[i] if i >= 0 else default

    def __contains__(self, key: str) -> bool:
        return self.index(key) >= 0

    def keys(self, count: int | None = None) -> list[str]:
        """Every key in the table's order, or the first `count`."""
        count = len(self) if count is None else max(0, min(count, len(self)))
        if not count:
            return []
        return self._blob[self._base : self._base + self._offsets[count] - 1].decode().split("\n")


def pack(keys: Sequence[str], values: array, extra: object, key: str) -> bytes:
    """The file form of a table (see the module docstring). A repeated key keeps its first
    position for lookups."""
    if len(keys) != len(values):
        raise ValueError("one value per key")
    encoded = [k.encode("utf-8", "surrogatepass") for k in keys]
    if any(b"\n" in b for b in encoded):
        raise ValueError("a lexicon key cannot hold a line break")
    offsets = array("I", [0])
    for b in encoded:
        offsets.append(offsets[-1] + len(b) + 1)
    slots_count = 2
    while slots_count < 2 * len(keys):
        slots_count *= 2
    mask = slots_count - 1
    slots = array("I", bytes(4 * slots_count))
    seen: set[bytes] = set()
    for entry, b in enumerate(encoded):
        if b in seen:
            continue
        seen.add(b)
        i = zlib.crc32(b) & mask
        while slots[i]:
            i = (i + 1) & mask
        slots[i] = entry + 1
    blob = b"\n".join(encoded) + b"\n" if encoded else b""
    kept = _RAW if isinstance(extra, bytes) else _PLAIN
    key_bytes, extra_bytes = key.encode(), extra if kept == _RAW else plaindata.dumps(extra)
    body = bytearray(
        _SIZES.pack(len(key_bytes), len(extra_bytes), len(keys), slots_count, values.typecode.encode(), kept)
    )
    body += key_bytes + extra_bytes
    for part in (values, offsets, slots):
        body += bytes(-(_HEAD.size + len(body)) % _ALIGN)
        body += part.tobytes()
    body += blob
    return _HEAD.pack(MAGIC, zlib.crc32(body), _HEAD.size + len(body)) + bytes(body)


_FOLDER = "lexicon"


def path_for(source: Source, key: str) -> Path:
    """`NAME-DIGEST.bin`: each build of a table has a file of its own, so installs of
    different versions that share the cache folder do not overwrite each other's."""
    return disk.cache_dir() / _FOLDER / f"{source.name}-{zlib.crc32(key.encode()):08x}.bin"


def _read(path: Path, key: str, sound: Callable[[object], bool] | None = None) -> Table | None:
    data = disk.read(path)
    if data is None:
        return None
    try:
        table = Table(data, key)
    except (ValueError, TypeError, struct.error):
        return None
    return table if sound is None or sound(table.extra) else None


def open_table(source: Source) -> Table:
    """The table for `source`: from the cache folder when a sound copy built from the same
    source is there, else built now and written there for the next process. With the cache
    switched off or refused (`mtfix.cache.folder`), built in memory and neither read nor
    written."""
    key = source.key()
    path = path_for(source, key) if disk.folder(_FOLDER) else None
    if path is not None:
        table = _read(path, key, source.sound)
        if table is not None:
            return table
    keys, values, extra = source.build()
    data = pack(keys, values, extra, key)
    if path is not None:
        disk.write_atomic(path, data)
        disk.prune(path.parent, re.compile(re.escape(source.name) + r"(-[0-9a-f]{8})?\.bin"), keep=path)
    return Table(data, key)


@cache
def table(source: Source) -> Table:
    """`open_table`, once per process."""
    return open_table(source)
