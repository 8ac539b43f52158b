"""Compiled glossaries and their indexes in the cache folder (`glossaries/` under
`mtfix.cache.cache_dir()`), kept as data that cannot run code when read.

`KEY.bin` is a compiled glossary: the automaton's keys, each key's length and forms, and the
entries, all as `mtfix.plaindata`, the forms and entries packed one by one and decoded on
first use. The automaton is built again from its keys when the file is read: pyahocorasick's
own stored form (pickle, or `save`/`load`) is loaded by C code that takes any node graph it
is given, so it is no format to read from a folder others may have written. `KEY.SLUG.idx`
is one index (`Glossary.index`), plain data too. KEY is a digest of everything the glossary
was built from (`cache_key`). Each file starts with its key and a CRC-32 of the rest; one
that does not match, that cannot be read or that `mtfix.cache.read` refuses is rebuilt.
"""

from __future__ import annotations

import hashlib
import re
import struct
import zlib
from array import array
from collections.abc import Callable, Iterable, Sequence
from itertools import accumulate
from pathlib import Path

from mtfix import cache as disk
from mtfix import files
from mtfix import plaindata
from mtfix.cache import no_gc
from mtfix.termbase.compiled import Compiled, automaton_of
from mtfix.termbase.model import GlossaryError, entry_fields, make_entry

#: Bump when the layout changes; every cached glossary is then rebuilt.
FORMAT = 3
_FOLDER = "glossaries"
_MAGIC = b"MTFXGLS" + bytes([FORMAT])
_HEAD = len(_MAGIC) + 64 + 4
#: lengths of the keys, the packed forms, their offsets, the packed entries, their offsets.
_SECTIONS = struct.Struct("<5Q")
_INDEX_MAGIC = b"MTFXIDX\x02"
#: The files of this folder: compiled glossaries and their indexes.
_FILES = re.compile(r"[0-9a-f]{64}(\.[0-9a-f]{16}\.idx|\.bin)")


def path_for(key: str) -> Path:
    """Where the compiled glossary `key` is kept."""
    return disk.cache_dir() / _FOLDER / f"{key}.bin"


def content_digest(path: Path, data: bytes | None = None, limit: int | None = None) -> str:
    """SHA-256 of a glossary file (read within `limit` bytes, by default the default
    max-file-size). For a large file the digest is remembered in the cache folder with the
    file's size, inode and change time (which every write updates), so an unchanged file is
    not read again."""
    from mtfix.termbase.formats import read_bytes

    if data is not None:
        return hashlib.sha256(data).hexdigest()
    try:
        status = files.check(path, limit or files.DEFAULT_LIMIT)  # a remembered digest, too, only within it
    except files.FileRefused as err:
        raise GlossaryError(str(err)) from None
    folder = disk.folder("digests") if status.st_size >= 1 << 20 else None
    if folder is None:
        return hashlib.sha256(read_bytes(path, limit)).hexdigest()
    signature = f"{status.st_size} {status.st_ino} {status.st_mtime_ns} {status.st_ctime_ns}"
    memo = folder / hashlib.sha1(str(path.resolve()).encode()).hexdigest()
    try:
        remembered, digest = (disk.read(memo) or b"").decode("ascii").rsplit(" ", 1)
        if remembered == signature and len(digest) == 64:
            return digest
    except ValueError:
        pass
    digest = hashlib.sha256(read_bytes(path, limit)).hexdigest()
    disk.write_atomic(memo, f"{signature} {digest}".encode("ascii"))
    return digest


def cache_key(digests: Iterable[tuple[Path, str]], policies: Iterable[str] = ()) -> str:
    """A digest of everything a compiled glossary depends on: the files' content and format,
    the policies, and the matcher's version."""
    from mtfix.version import __version__

    digest = hashlib.sha256(f"{FORMAT}|{__version__}|{','.join(sorted(policies))}".encode())
    for path, content in digests:
        digest.update(f"|{path.suffix.lower()}:{content}".encode())
    return digest.hexdigest()


class Packed(Sequence):
    """Items stored one by one as plain data in a blob from the cache file `where`, decoded
    on first access, so that loading a 100,000-entry glossary from the cache does not build
    100,000 objects it may never use."""

    def __init__(self, blob: bytes, offsets: array, where: Path, make: Callable | None = None) -> None:
        self._blob = memoryview(blob)
        self._offsets = offsets
        self._where = where
        self._make = make
        self._items: dict[int, object] = {}

    @classmethod
    def pack(cls, items: Iterable, fields: Callable | None = None) -> tuple[bytes, array]:
        parts = [plaindata.dumps(item) for item in (items if fields is None else map(fields, items))]
        return b"".join(parts), array("Q", accumulate(map(len, parts), initial=0))

    def __len__(self) -> int:
        return len(self._offsets) - 1

    def __iter__(self):
        return (self[index] for index in range(len(self)))

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        item = self._items.get(index)
        if item is None:
            if index < 0:
                index += len(self)
            if not 0 <= index < len(self):
                raise IndexError(index)
            try:
                item = plaindata.loads(self._blob[self._offsets[index] : self._offsets[index + 1]])
                if self._make is not None:
                    item = self._make(item)
            except (ValueError, TypeError):
                raise GlossaryError(f"{self._where}: damaged cache file; delete it to have it rebuilt") from None
            self._items[index] = item
        return item


def _offsets(data: bytes, size: int) -> array | None:
    """Item offsets into a blob of `size` bytes, or None when they do not fit it."""
    offsets = array("Q")
    offsets.frombytes(data)
    if not offsets or offsets[0] != 0 or offsets[-1] != size or any(map(int.__gt__, offsets, offsets[1:])):
        return None
    return offsets


def _read(path: Path, key: str) -> Compiled | None:
    """The compiled glossary kept at `path`, or None when it is missing, stale, damaged or
    refused."""
    data = disk.read(path)
    if data is None or len(data) < _HEAD + _SECTIONS.size or not data.startswith(_MAGIC + key.encode()):
        return None
    view = memoryview(data)
    if zlib.crc32(view[_HEAD:]).to_bytes(4, "big") != data[_HEAD - 4 : _HEAD]:
        return None
    lengths = _SECTIONS.unpack_from(data, _HEAD)
    if _HEAD + _SECTIONS.size + sum(lengths) != len(data) or lengths[2] % 8 or lengths[4] % 8:
        return None
    parts, position = [], _HEAD + _SECTIONS.size
    for length in lengths:
        parts.append(view[position : position + length])
        position += length
    words, forms, form_offsets, entries, entry_offsets = parts
    form_offsets, entry_offsets = _offsets(form_offsets, len(forms)), _offsets(entry_offsets, len(entries))
    if form_offsets is None or entry_offsets is None:
        return None
    try:
        words = plaindata.loads(words)
        if type(words) is not list or len(words) != len(form_offsets) - 1:
            return None
        automaton = automaton_of(words)
    except (ValueError, TypeError):
        return None
    if len(automaton) != len(words):
        return None
    return Compiled(automaton, Packed(forms, form_offsets, path), Packed(entries, entry_offsets, path, make_entry))


def _pack(key: str, compiled: Compiled) -> bytes:
    words = [word for word, _ in sorted(compiled.automaton.items(), key=lambda item: item[1])]
    forms, form_offsets = Packed.pack(compiled.keys)
    entries, entry_offsets = Packed.pack(compiled.entries, entry_fields)
    parts = [plaindata.dumps(words), forms, form_offsets.tobytes(), entries, entry_offsets.tobytes()]
    body = _SECTIONS.pack(*map(len, parts)) + b"".join(parts)
    return _MAGIC + key.encode() + zlib.crc32(body).to_bytes(4, "big") + body


def compiled(key: str, build: Callable[[], Compiled]) -> Compiled:
    """The compiled glossary `key`: read from the cache folder when it holds a sound copy,
    else `build()`, written there for the next process. Built in memory, and nothing read
    or written, when the cache is off or refused (`mtfix.cache.folder`)."""
    folder = disk.folder(_FOLDER)
    with no_gc():
        if folder is None:
            return build()
        path = folder / f"{key}.bin"
        found = _read(path, key)
        if found is not None:
            return found
        result = build()
        disk.write_atomic(path, _pack(key, result))
        disk.prune(folder, _FILES, keep=path)
    return result


def _index_slug(name: str) -> str:
    return hashlib.sha256(name.encode()).hexdigest()[:16]


def index(cache: Path | None, name: str, build: Callable[[], object]) -> object:
    """The index `name` of the compiled glossary kept at `cache` (`path_for`): read from
    beside it when a sound copy is there, else `build()`, written there. `build()` alone
    when `cache` is None or the cache is off or refused."""
    folder = None if cache is None else disk.folder(_FOLDER)
    with no_gc():
        if folder is None:
            return build()
        path = folder / f"{cache.stem}.{_index_slug(name)}.idx"
        head = _INDEX_MAGIC + cache.stem.encode() + _index_slug(name).encode()
        data = disk.read(path)
        if data is not None and data.startswith(head) and len(data) >= len(head) + 4:
            body = memoryview(data)[len(head) + 4 :]
            if zlib.crc32(body).to_bytes(4, "big") == data[len(head) : len(head) + 4]:
                try:
                    return plaindata.loads(body)
                except (ValueError, TypeError):
                    pass
        found = build()
        body = plaindata.dumps(found)
        disk.write_atomic(path, head + zlib.crc32(body).to_bytes(4, "big") + body)
    return found


