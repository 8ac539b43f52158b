"""Writing files without losing a byte.

`write_fixed` puts a fixed file in place of the one that was read, and refuses (WriteError,
the file untouched) when that file is read-only, not writable by this user, or changed since
it was read. A file is replaced by a temporary copy beside it, renamed over it with its mode,
owner and group; a file with several hard links, or one whose owner or group this user cannot
give a new file, is written in place instead, after a verified backup copy beside it that is
removed once the new bytes are on disk. Symbolic links are followed: the real file is written
and the link stays. `write_output` writes a report or a baseline the same way, so an old one
stays whole until the new one is complete.

While a temporary file exists, SIGTERM and SIGHUP remove it before the process dies of the
signal; an in-place write holds them (and SIGINT) back until it is done.
"""

from __future__ import annotations

import contextlib
import os
import signal
import stat
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

from mtfix import files
from mtfix.files import Snapshot

#: Signals that would end the process without running its `finally` blocks.
_FATAL = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))
_HELD = (*_FATAL, signal.SIGINT)
#: Temporary files that exist now, removed by the signal handler.
_temporaries: set[str] = set()


class WriteError(Exception):
    """A file mtfix will not or cannot write; the message is one line naming it."""


def write_fixed(snapshot: Snapshot, data: bytes, name: str) -> None:
    """Write `data` over the file `snapshot` was read from (see the module's docstring);
    `name` is the file as the user named it, for the messages."""
    target = snapshot.path
    try:
        status = os.stat(target)
    except FileNotFoundError:
        raise WriteError(f"{name}: removed since mtfix read it; not written") from None
    _require_writable(target, status, name)
    if not snapshot.matches(status):
        raise _changed(name)
    with _handling_signals():
        try:
            replaced = status.st_nlink == 1 and _replace(
                target, data, status, name, verify=lambda: _require_unchanged(snapshot, name), keep_owner=True
            )
            if not replaced:
                _write_in_place(target, data, snapshot, name)
        except OSError as err:
            raise WriteError(f"{name}: cannot write ({err.strerror}); not written") from None


def write_output(path: Path, data: bytes) -> None:
    """Write `data` to the output file `path` (a report, a baseline): a regular file through
    a temporary copy and a rename (keeping an existing file's mode, and its owner and group
    where this user may); a FIFO or a device such as /dev/stdout directly."""
    name = files.display(path)
    try:
        status = os.stat(path)
    except FileNotFoundError:
        status = None
    except OSError as err:
        raise WriteError(f"{name}: cannot write ({err.strerror})") from None
    try:
        if status is not None and stat.S_ISDIR(status.st_mode):
            raise WriteError(f"{name}: is a directory")
        if status is not None and not stat.S_ISREG(status.st_mode):
            with open(path, "wb") as out:
                out.write(data)
            return
        if status is not None:
            _require_writable(path, status, name)
        with _handling_signals():
            _replace(Path(os.path.realpath(path)), data, status, name)
    except OSError as err:
        raise WriteError(f"{name}: cannot write ({err.strerror})") from None


def _require_writable(target: Path, status: os.stat_result, name: str) -> None:
    """WriteError for another user's file with no write permission at all (mode 0444: refused
    even where root could write it), or a file this user may not write. A file of this user's
    own is written whatever its mode, as `sed -i` writes it: the owner may change the mode."""
    if not status.st_mode & 0o222 and status.st_uid != os.geteuid():
        raise WriteError(f"{name}: read-only file (mode {status.st_mode & 0o7777:04o}); not written")
    effective = os.access in os.supports_effective_ids
    if not os.access(target, os.W_OK, effective_ids=effective):
        raise WriteError(f"{name}: no permission to write it; not written")


def _require_unchanged(snapshot: Snapshot, name: str) -> None:
    """WriteError unless the file is still the one read: identity, size, modification time
    and content."""
    try:
        status = os.stat(snapshot.path)
        unchanged = snapshot.matches(status) and files.digest(snapshot.path.read_bytes()) == snapshot.digest
    except FileNotFoundError:
        raise WriteError(f"{name}: removed since mtfix read it; not written") from None
    if not unchanged:
        raise _changed(name)


def _changed(name: str) -> WriteError:
    return WriteError(f"{name}: changed since mtfix read it; not written (run mtfix again)")


def _replace(
    target: Path, data: bytes, status: os.stat_result | None, name: str, verify=None, keep_owner=False
) -> bool:
    """Rename a temporary copy holding `data` over `target`, with the mode, owner and group
    of `status` (for a new file, the mode the umask gives); `verify()` runs just before the
    rename. With `keep_owner`, False and nothing written when this user cannot give the copy
    that owner and group."""
    with _temporary(target, name) as (handle, temporary):
        if status is not None:
            own = os.fstat(handle)
            if (own.st_uid, own.st_gid) != (status.st_uid, status.st_gid):
                try:
                    os.fchown(handle, status.st_uid, status.st_gid)
                except PermissionError:
                    if keep_owner:
                        return False
        os.fchmod(handle, status.st_mode & 0o7777 if status else 0o666 & ~_umask())  # after fchown, which clears set-id bits
        _write_all(handle, data)
        if verify is not None:
            verify()
        os.replace(temporary, target)
    _sync_folder(target.parent)
    return True


def _write_in_place(target: Path, data: bytes, snapshot: Snapshot, name: str) -> None:
    """Overwrite `target` itself (its inode, so hard links, owner and group stay), after a
    backup of the original beside it, read back to be sure; the backup is removed once the
    new bytes are on disk, and kept, named in the error, if the original cannot be put back."""
    original = target.read_bytes()
    if files.digest(original) != snapshot.digest:
        raise _changed(name)
    with _temporary(target, name) as (handle, backup):
        _write_all(handle, original)
        if files.digest(Path(backup).read_bytes()) != snapshot.digest:
            raise WriteError(f"{name}: the backup copy did not read back; not written")
        with _holding_signals():
            if not snapshot.matches(os.stat(target)):
                raise _changed(name)
            try:
                _overwrite(target, data)
            except OSError as err:
                try:
                    _overwrite(target, original)
                except OSError:
                    _temporaries.discard(backup)  # kept: the only whole copy of the original
                    raise WriteError(
                        f"{name}: cannot write ({err.strerror}); the original is kept in {files.display(backup)}"
                    ) from None
                raise


def _overwrite(target: Path, data: bytes) -> None:
    handle = os.open(target, os.O_WRONLY | getattr(os, "O_CLOEXEC", 0))
    try:
        _write_all(handle, data)
        os.ftruncate(handle, len(data))
        os.fsync(handle)
    finally:
        os.close(handle)


def _write_all(handle: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(handle, view) :]
    os.fsync(handle)


@contextlib.contextmanager
def _temporary(target: Path, name: str) -> Iterator[tuple[int, str]]:
    """A new file `.NAME.XXXXXX.mtfix` beside `target` (`name` in messages), open for writing;
    removed on the way out unless renamed (or dropped from `_temporaries` to be kept)."""
    with _holding_signals():
        try:
            handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".mtfix")
        except OSError as err:
            raise WriteError(
                f"{name}: cannot create a file in its folder ({err.strerror}); not written"
            ) from None
        _temporaries.add(temporary)
    try:
        yield handle, temporary
    finally:
        os.close(handle)
        if temporary in _temporaries:
            _temporaries.discard(temporary)
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temporary)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _sync_folder(folder: Path) -> None:
    """Make a rename in `folder` durable, where the system allows it."""
    with contextlib.suppress(OSError):
        handle = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(handle)
        finally:
            os.close(handle)


@contextlib.contextmanager
def _handling_signals() -> Iterator[None]:
    """While in the block, SIGTERM and SIGHUP remove the temporary files, then end the process
    by the same signal (where they would have ended it anyway: a handler the program installed
    stays in charge)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {number: signal.getsignal(number) for number in _FATAL}
    for number, handler in previous.items():
        if handler == signal.SIG_DFL:
            signal.signal(number, _remove_and_die)
    try:
        yield
    finally:
        for number, handler in previous.items():
            if handler == signal.SIG_DFL:
                signal.signal(number, handler)


def _remove_and_die(number: int, frame) -> None:
    for temporary in list(_temporaries):
        with contextlib.suppress(OSError):
            os.unlink(temporary)
    _temporaries.clear()
    signal.signal(number, signal.SIG_DFL)
    os.kill(os.getpid(), number)


@contextlib.contextmanager
def _holding_signals() -> Iterator[None]:
    """SIGTERM, SIGHUP and SIGINT held back while in the block, delivered after it."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, _HELD)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)
