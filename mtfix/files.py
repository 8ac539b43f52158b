"""Reading the files mtfix is given without surprises: regular files only, within a size
limit, each read remembered as a Snapshot so that a later write can tell whether the file
changed in the meantime."""

from __future__ import annotations

import hashlib
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

#: The size limit per file unless `max-file-size` says otherwise: 64 MB.
DEFAULT_LIMIT = 64 * 1024 * 1024
_CHUNK = 1024 * 1024
_UNITS = {"": 1, "k": 1024, "m": 1024**2, "g": 1024**3}
_SIZE = re.compile(r"\s*(\d+)\s*([kmg]?)(?:i?b)?\s*", re.I)
_KINDS = (
    (stat.S_ISFIFO, "a FIFO"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


class FileRefused(Exception):
    """A file mtfix will not or cannot read; the message is one line naming it."""


@dataclass(frozen=True)
class Snapshot:
    """A regular file as it was read: where it really is (symbolic links resolved), its
    identity, size, modification time and a digest of its bytes."""

    path: Path
    device: int
    inode: int
    size: int
    mtime_ns: int
    digest: bytes

    def matches(self, status: os.stat_result) -> bool:
        """Whether `status` is of the same file, unchanged in size and modification time."""
        return (status.st_dev, status.st_ino, status.st_size, status.st_mtime_ns) == (
            self.device, self.inode, self.size, self.mtime_ns
        )


def digest(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=32).digest()


_SHOWN: dict[str, str] = {}


def display(path: Path | str) -> str:
    """A path as mtfix prints it: bytes that are not UTF-8 as `\\xNN`, so every report can
    be written; `-` for a file named `-` reads `./-`, never standard input."""
    name = str(path)
    if name == "-" and isinstance(path, Path):
        name = "./-"
    shown = name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    if shown != name:
        _SHOWN[shown] = name
    return shown


def real_name(shown: str) -> str:
    """The name that `display` showed as `shown`, its bytes intact (`os.fsencode` gives them
    back), for a report that can hold any bytes, such as SARIF's percent-encoded URIs;
    `shown` itself when display changed nothing."""
    return _SHOWN.get(shown, shown)


def parse_size(value: int | str) -> int:
    """A size in bytes: a whole number, or one with `k`, `M` or `G` (`64MB`, `512k`; units of
    1024); ValueError when it is not a positive size."""
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise ValueError(f"expected a size such as 64MB, not {value!r}")
    if isinstance(value, int):
        size = value
    elif m := _SIZE.fullmatch(value):
        size = int(m[1]) * _UNITS[m[2].lower()]
    else:
        raise ValueError(f"expected a size such as 64MB, 512kB or 1000000, not {value!r}")
    if size <= 0:
        raise ValueError(f"a size must be positive, not {value!r}")
    return size


def describe_size(size: int) -> str:
    """`64 MB`, `512 kB`, `1000 bytes`: the largest unit that divides `size` exactly."""
    for unit, name in ((1024**3, "GB"), (1024**2, "MB"), (1024, "kB")):
        if size % unit == 0:
            return f"{size // unit} {name}"
    return f"{size} bytes"


def check(path: Path, limit: int = DEFAULT_LIMIT) -> os.stat_result:
    """The status of `path` when it is a regular file within `limit` bytes (symbolic links
    followed); FileRefused naming it otherwise."""
    name = display(path)
    try:
        status = os.stat(path)
    except FileNotFoundError:
        reason = "broken symbolic link" if os.path.islink(path) else "no such file"
        raise FileRefused(f"{name}: {reason}") from None
    except OSError as err:
        raise FileRefused(f"{name}: cannot read ({err.strerror})") from None
    _require_regular(status, name, limit)
    return status


def read(path: Path, limit: int = DEFAULT_LIMIT) -> tuple[bytes, Snapshot]:
    """The bytes of the regular file `path` and a Snapshot of it; FileRefused for a missing,
    unreadable or non-regular file (a FIFO or a device is never opened for a blocking read)
    or one larger than `limit`."""
    name = display(path)
    check(path, limit)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        handle = os.open(path, flags)
    except OSError as err:
        raise FileRefused(f"{name}: cannot read ({err.strerror})") from None
    with os.fdopen(handle, "rb") as stream:
        _require_regular(os.fstat(handle), name, limit)  # the file opened, not the one checked
        data = _bounded(stream, name, limit, os.fstat(handle).st_size)
        status = os.fstat(handle)
    snapshot = Snapshot(
        Path(os.path.realpath(path)), status.st_dev, status.st_ino, status.st_size, status.st_mtime_ns, digest(data)
    )
    return data, snapshot


def read_stream(stream: BinaryIO, name: str, limit: int = DEFAULT_LIMIT) -> bytes:
    """All of `stream` (standard input), or FileRefused once it passes `limit` bytes."""
    return _bounded(stream, name, limit)


def _bounded(stream: BinaryIO, name: str, limit: int, expected: int = _CHUNK) -> bytes:
    """Up to `limit` bytes of `stream`, read in pieces (the first of the `expected` size and
    one more byte), so that a small file never costs a buffer of the limit's size."""
    chunks, total, wanted = [], 0, expected + 1
    try:
        while chunk := stream.read(min(wanted, limit + 1 - total)):
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:
                raise FileRefused(f"{name}: larger than the {describe_size(limit)} limit (max-file-size); not read")
            wanted = _CHUNK
    except OSError as err:
        raise FileRefused(f"{name}: cannot read ({err.strerror})") from None
    return b"".join(chunks)


def _require_regular(status: os.stat_result, name: str, limit: int) -> None:
    mode = status.st_mode
    if stat.S_ISDIR(mode):
        raise FileRefused(f"{name}: is a directory")
    if not stat.S_ISREG(mode):
        kind = next((label for test, label in _KINDS if test(mode)), "not a file")
        raise FileRefused(f"{name}: not a regular file ({kind}); not read")
    if status.st_size > limit:
        raise FileRefused(
            f"{name}: {describe_size(status.st_size)} is larger than the {describe_size(limit)} limit "
            "(max-file-size); not read"
        )
