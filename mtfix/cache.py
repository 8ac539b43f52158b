"""The cache folder: where compiled glossaries, their indexes and the lexicon tables are
kept between runs, and the switch that keeps everything in memory instead."""

from __future__ import annotations

import gc
import os
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


def write_atomic(path: Path, data: bytes) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        temporary.write_bytes(data)
        os.replace(temporary, path)
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
