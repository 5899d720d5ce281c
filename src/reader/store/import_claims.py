"""Which unfinished imports a live process is finishing: an exclusive lock on a file beside the library.

A note of an import under way (`pending_imports`) looks the same whether its process died or is still
reading scans in another window. Offering to resume it in the second case would read the same files
twice at once. The process that notes or resumes an import therefore holds an operating-system lock on a
small file named after the note (`library.sqlite.import-7.lock`); the system drops the lock when that
process ends, however it ends, so a lock that can be taken means nobody is finishing the import. A pid
written in the library could not say this: it outlives its process and is reused by others.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sys
import threading
from pathlib import Path
from typing import BinaryIO, cast

_held: dict[Path, BinaryIO] = {}
_guard = threading.Lock()


def claim_path(library: Path, import_id: int) -> Path:
    return library.with_name(f"{library.name}.import-{import_id}.lock")


_TAKEN, _BUSY, _UNSUPPORTED = "taken", "busy", "unsupported"


def _try_lock(handle: BinaryIO) -> str:
    """Take the lock without waiting: `_TAKEN`, `_BUSY` (another holder has it), or `_UNSUPPORTED` (the file
    system cannot lock, as some network and shared-folder mounts cannot; then nobody can hold it)."""
    if sys.platform == "win32":
        import msvcrt

        handle.seek(0)  # msvcrt locks bytes from the file position; "a+b" opens at the end
        try:
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError as exc:
            return _BUSY if exc.errno in (errno.EACCES, errno.EDEADLK) else _UNSUPPORTED
        return _TAKEN
    import fcntl

    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return _BUSY
    except OSError:
        return _UNSUPPORTED
    return _TAKEN


def _unlock(handle: BinaryIO) -> None:
    if sys.platform == "win32":
        import msvcrt

        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
    else:
        import fcntl

        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def _open(path: Path, *, create: bool) -> BinaryIO | None:
    """The lock file opened for locking (read-only when another user's file cannot be written: a lock does
    not need writing); None when it cannot be opened, or does not exist and `create` is off."""
    flags = os.O_RDWR | (os.O_CREAT if create else 0)
    for mode, opening in (("r+b", flags), ("rb", os.O_RDONLY)):
        try:
            return cast(BinaryIO, os.fdopen(os.open(path, opening, 0o644), mode))
        except OSError:
            continue
    return None


def claim(path: Path) -> bool:
    """Hold the claim at `path` for this process (at once True when this process holds it already); False
    when another process has it. A file that cannot be made (a read-only folder) or locked (a file system
    without locks) counts as free: the import then runs unclaimed, as before claims existed, rather than
    not at all."""
    with _guard:
        if path in _held:
            return True
        handle = _open(path, create=True)
        if handle is None:
            return True
        state = _try_lock(handle)
        if state != _TAKEN:
            handle.close()
            return state == _UNSUPPORTED
        _held[path] = handle
        return True


def release(path: Path, *, remove: bool = False) -> None:
    """Let the claim go (the import ended, or stopped and waits to be resumed); `remove` deletes the file,
    once the note itself is gone."""
    with _guard:
        handle = _held.pop(path, None)
        if handle is not None:
            try:
                _unlock(handle)
            finally:
                handle.close()
        if remove:
            with contextlib.suppress(OSError):
                os.remove(path)


def holds(path: Path) -> bool:
    """Whether this process holds the claim at `path`."""
    with _guard:
        return path in _held


def is_claimed(path: Path) -> bool:
    """Whether some holder, in this process or another, is finishing the import of this claim. Asking takes
    the lock for an instant, so a `claim` made at that instant may fail once: `claim` callers retry."""
    with _guard:
        if path in _held:
            return True
    handle = _open(path, create=False)  # never made again here: its holder may have just removed it
    if handle is None:
        return False
    try:
        state = _try_lock(handle)
        if state == _TAKEN:
            _unlock(handle)
        return state == _BUSY
    finally:
        handle.close()
