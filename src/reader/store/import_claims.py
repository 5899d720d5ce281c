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
import os
import sys
import threading
from pathlib import Path
from typing import BinaryIO

_held: dict[Path, BinaryIO] = {}
_guard = threading.Lock()


def claim_path(library: Path, import_id: int) -> Path:
    return library.with_name(f"{library.name}.import-{import_id}.lock")


def _try_lock(handle: BinaryIO) -> bool:
    if sys.platform == "win32":
        import msvcrt

        handle.seek(0)  # msvcrt locks bytes from the file position; "a+b" opens at the end
        try:
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _unlock(handle: BinaryIO) -> None:
    if sys.platform == "win32":
        import msvcrt

        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
    else:
        import fcntl

        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def _open(path: Path) -> BinaryIO | None:
    try:
        return open(path, "a+b")
    except OSError:
        return None


def claim(path: Path) -> bool:
    """Hold the claim at `path` for this process; False when another holder (a process, or another claim
    in this one) has it. A file that cannot be made (a read-only folder) counts as free and unclaimed:
    the import then runs unclaimed, as before claims existed, rather than not at all."""
    with _guard:
        if path in _held:
            return True
        handle = _open(path)
        if handle is None:
            return True
        if not _try_lock(handle):
            handle.close()
            return False
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
    """Whether some holder, in this process or another, is finishing the import of this claim."""
    with _guard:
        if path in _held:
            return True
    if not path.exists():
        return False
    handle = _open(path)
    if handle is None:
        return False
    try:
        if not _try_lock(handle):
            return True
        _unlock(handle)
        return False
    finally:
        handle.close()
