"""The cache folder: where compiled glossaries, their indexes and the lexicon tables are
kept between runs, the switch that keeps everything in memory instead, and the rules that
make a file found there safe to use.

The folder is created private to the user (mode 0700) and its files are written mode 0600.
A folder or file that another user owns, or that group or others may write, is not used:
whatever it held is built in memory, and the first such refusal in a process is warned
about (CacheWarning). Files are read whole into memory, never mapped, so a file
truncated or replaced while a run uses it cannot take the run down.
"""

from __future__ import annotations

import gc
import os
import re
import stat
import time
import warnings
from contextlib import contextmanager
from pathlib import Path


def cache_dir() -> Path:
    """Where compiled glossaries, their indexes and the lexicon tables are kept:
    $MTFIX_CACHE_DIR, else $XDG_CACHE_HOME/mtfix or ~/.cache/mtfix."""
    if os.environ.get("MTFIX_CACHE_DIR"):
        return Path(os.environ["MTFIX_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "mtfix"


#: Set to 1 (or true, yes, on) to read and write nothing in the cache folder: glossaries,
#: their indexes and lexicon tables are then built in memory for each process (`--no-cache`).
NO_CACHE_VARIABLE = "MTFIX_NO_CACHE"


def caching() -> bool:
    """Whether the disk cache is used: not when $MTFIX_NO_CACHE is set to 1, true, yes or on.
    Read at each use, so a host program (or the `--no-cache` option) can switch it off for
    the rest of the process by setting the variable."""
    return os.environ.get(NO_CACHE_VARIABLE, "").strip().lower() not in ("1", "true", "yes", "on")


class CacheWarning(UserWarning):
    """A cache folder or file was not used because it is not private to the user."""


_warned = False


def _refuse(path: Path, what: str, problem: str) -> None:
    global _warned
    if not _warned:
        _warned = True
        warnings.warn(f"cache {what} {path} {problem}; ignored, built in memory instead", CacheWarning, stacklevel=3)


def _unsafe(status: os.stat_result) -> str | None:
    """Why a cache folder or file with this status must not be trusted, or None."""
    if hasattr(os, "geteuid") and status.st_uid != os.geteuid():
        return f"belongs to another user (uid {status.st_uid})"
    if status.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        return f"is writable by {'others' if status.st_mode & stat.S_IWOTH else 'its group'} (mode {stat.S_IMODE(status.st_mode):04o})"
    return None


def folder(name: str) -> Path | None:
    """The subfolder `name` of the cache folder, both created private to the user where
    missing. None when caching is off, when the folder cannot be created, and when it or
    the cache folder is not private to the user (warned about once per process)."""
    if not caching():
        return None
    root = cache_dir()
    path = root / name
    try:
        for place in (root, path):  # makedirs gives its own mode to the last folder only
            os.makedirs(place, mode=0o700, exist_ok=True)
        statuses = ((root, root.stat()), (path, path.stat()))
    except OSError:
        return None
    for place, status in statuses:
        problem = "is not a folder" if not stat.S_ISDIR(status.st_mode) else _unsafe(status)
        if problem:
            _refuse(place, "folder", problem)
            return None
    return path


def read(path: Path) -> bytes | None:
    """The content of the cache file `path`, read into memory. None when it is missing or
    unreadable, and when it is not a regular file that the user owns and alone may write
    (warned about once per process)."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    try:
        descriptor = os.open(path, flags)
    except OSError:
        return None
    with open(descriptor, "rb") as file:
        try:
            status = os.fstat(descriptor)
            problem = "is not a regular file" if not stat.S_ISREG(status.st_mode) else _unsafe(status)
            if problem:
                _refuse(path, "file", problem)
                return None
            return file.read()
        except OSError:
            return None


def write_atomic(path: Path, data: bytes) -> None:
    """`data` as the cache file `path` (mode 0600), written to a temporary file in the same
    folder and renamed into place, so a reader never sees half a file. Nothing is written
    where the folder cannot be."""
    import tempfile

    try:
        descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError:
        return
    try:
        with open(descriptor, "wb") as file:
            file.write(data)
        os.replace(temporary, path)
    except OSError:
        try:
            os.unlink(temporary)
        except OSError:
            pass


#: A cache file neither read nor written for this long is deleted when a sibling is written.
MAX_AGE = 30 * 24 * 3600


def prune(folder: Path, stale: re.Pattern[str], keep: Path | None = None) -> None:
    """Delete the files of `folder` whose names match `stale` (except `keep`) and that were
    neither read nor written for `MAX_AGE`, so builds for other versions, installs and
    glossaries do not pile up."""
    limit = time.time() - MAX_AGE
    try:
        for old in folder.iterdir():
            if old != keep and stale.fullmatch(old.name):
                status = old.stat()
                if max(status.st_atime, status.st_mtime) < limit:
                    old.unlink()
    except OSError:
        pass


@contextmanager
def no_gc():
    """Cyclic garbage collection paused: building a million tree nodes or entries (none of
    them garbage) otherwise sets it off again and again, which costs four times the work.
    Nothing is frozen on the way out (`gc.freeze` would move the host program's objects to
    the permanent generation too, for the life of its process); what a cold build leaves
    is walked by the collector a few times, as any long-lived data is."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
