"""Finding and reading files for the library, without touching the library or knowing their formats.

Which suffixes are documents is the formats registry's to say (`reader.formats.SUPPORTED_SUFFIXES`,
passed to `discover`), and turning bytes into a document is `reader.formats.prepare`'s; this module
holds what every format shares: walking folders safely, reading a file with a size limit, the names
shown and stored. A file that cannot be read is a `Skipped` with a one-line reason, never an exception
that stops the batch.

Folders hold more than documents: named pipes and device files (reading either can block or never end),
symbolic links that loop or point nowhere, folders that cannot be listed, and names that are not valid
UTF-8 (archives made on Chinese Windows unpack with GBK bytes in their names). Each is looked at with
`stat` before anything is opened, skipped with its reason, and the rest of the batch goes on.
"""

from __future__ import annotations

import errno
import hashlib
import os
import re
import stat
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from pathlib import Path

from reader.core.derive import Derived
from reader.core.text.decoding import too_large_reason

# Reads go in pieces of this size beyond what `stat` announced, so a file that grows while it is read
# costs at most one piece more than the limit.
_CHUNK = 4 * 1024 * 1024

# Non-blocking, so a pipe swapped in after `stat` cannot stall a worker; no controlling terminal from a
# tty; not inherited by children; and binary on Windows, where os.open otherwise translates line ends.
_OPEN_FLAGS = 0
for _flag in ("O_NONBLOCK", "O_NOCTTY", "O_CLOEXEC", "O_BINARY"):
    _OPEN_FLAGS |= getattr(os, _flag, 0)

# Control characters in a name would break the one line a reason takes, or reach a terminal as escapes.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")


@dataclass(frozen=True)
class Skipped:
    path: str
    reason: str
    needs_password: bool = False  # a protected file the window can ask the password of


@dataclass(frozen=True)
class Prepared:
    """A file read and derived, ready for the store; `kind` is the name of the importer that read it."""

    path: str
    filename: str
    kind: str
    encoding: str
    size: int
    raw: str
    content_hash: str
    derived: Derived
    data: bytes = b""  # the file exactly as read, kept so that it can be given back byte for byte


class Unreadable(Exception):
    """A file that will not be read; the message is the one-line reason shown to the user."""


def content_hash(raw: str) -> str:
    """Identity of a document's content: the same text in two encodings is one document."""
    return hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest()


def _name_bytes(path: str | os.PathLike[str]) -> bytes:
    """The bytes the system holds for a path; a str that never came from the system is encoded as UTF-8."""
    text = os.fspath(path)
    try:
        return os.fsencode(text)
    except UnicodeEncodeError:  # a lone surrogate that is not an escaped byte
        return text.encode("utf-8", "surrogatepass")


def printable_path(path: str | os.PathLike[str]) -> str:
    """A path a user can read and any output can carry: bytes that are not UTF-8, and control
    characters, become U+FFFD.

    Python hands such names over as str with surrogate escapes, which cannot be printed, written as
    UTF-8 JSON or stored in SQLite; the real path is kept separately for reading the file.
    """
    return _CONTROL.sub("\ufffd", _name_bytes(path).decode("utf-8", "replace"))


def stored_path(path: str | os.PathLike[str]) -> str:
    """The path recorded with a document: valid UTF-8 and, unlike `printable_path`, distinct for
    distinct names (two GBK names would both print as "��.txt" and be taken for one file)."""
    return _name_bytes(path).decode("utf-8", "backslashreplace")


def _real(path: str | os.PathLike[str]) -> str:
    """Absolute path with links resolved as far as they go; never raises on a loop."""
    return os.path.realpath(path)


def _file_type(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a special file"


def _stat_failure(path: str | os.PathLike[str], exc: OSError) -> str:
    """Why `stat` of a path failed, in the words a user needs."""
    if exc.errno == errno.ELOOP:
        return "symbolic link loop (the link leads back to itself)"
    if exc.errno in (errno.ENOENT, errno.ENOTDIR):
        return "broken link (its target does not exist)" if os.path.islink(path) else "no such file or folder"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    if exc.errno == errno.ENAMETOOLONG:
        return "name too long"
    return f"cannot be read ({exc.strerror or exc})"


def _supported(name: str, suffixes: Collection[str]) -> bool:
    return os.path.splitext(name)[1].lower() in suffixes


# A file's identity, whatever name reaches it: (device, inode), or the resolved path on file systems
# that give no inode numbers (some Windows ones report 0 for every file).
_FileKey = tuple[int, int] | str


def _identity(path: str | os.PathLike[str], st: os.stat_result) -> _FileKey:
    return (st.st_dev, st.st_ino) if st.st_ino else _real(path)


def _walk(
    top: Path, top_stat: os.stat_result, skipped: list[Skipped], suffixes: Collection[str]
) -> list[tuple[Path, _FileKey]]:
    """Supported regular files under `top`, in path order, following links to folders but never round a loop.

    Hidden files and folders are left out, as are files of other types (a folder of saved pages holds
    images and scripts). Named pipes, devices and sockets with a document's suffix, links that loop or
    point nowhere, and folders that cannot be listed are reported, because the user expects them in.
    Only folders, links and files with a document's suffix are looked at with `stat`.
    """
    found: list[tuple[tuple[str, ...], str, _FileKey]] = []
    visited = {_identity(top, top_stat)}
    # Each folder carries its names below `top` (to sort by) and the identities of the folders above it:
    # a link to one of those is a loop.
    stack: list[tuple[str, tuple[str, ...], frozenset[_FileKey]]] = [(os.fspath(top), (), frozenset(visited))]
    while stack:
        folder, parts, above = stack.pop()
        try:
            with os.scandir(folder) as scan:
                entries = sorted(scan, key=lambda e: e.name)
        except OSError as exc:
            skipped.append(Skipped(printable_path(folder), f"folder cannot be read ({exc.strerror or exc})"))
            continue
        for entry in entries:
            name = entry.name
            if name.startswith("."):
                continue
            try:
                is_link = entry.is_symlink()
                is_dir = not is_link and entry.is_dir(follow_symlinks=False)
            except OSError:
                is_link = is_dir = False
            supported = _supported(name, suffixes)
            if not (is_link or is_dir or supported):
                continue
            try:
                st = os.stat(entry.path)  # follows links: what matters is what the name leads to
            except OSError as exc:
                skipped.append(Skipped(printable_path(entry.path), _stat_failure(entry.path, exc)))
                continue
            key = _identity(entry.path, st)
            if stat.S_ISDIR(st.st_mode):
                if key in above:
                    reason = "symbolic link loop (leads back to a folder above it)"
                    skipped.append(Skipped(printable_path(entry.path), reason))
                elif key not in visited:  # a second link to a folder already read adds nothing
                    visited.add(key)
                    stack.append((entry.path, (*parts, name), above | {key}))
            elif not supported:
                continue
            elif stat.S_ISREG(st.st_mode):
                found.append(((*parts, name), entry.path, key))
            else:
                reason = f"not a regular file ({_file_type(st.st_mode)})"
                skipped.append(Skipped(printable_path(entry.path), reason))
    found.sort()
    return [(Path(path), key) for _, path, key in found]


def discover(paths: Iterable[Path], suffixes: Collection[str]) -> tuple[list[Path], list[Skipped]]:
    """Expand folders recursively into files with one of `suffixes` (lower case, with the dot), in a
    stable order.

    Nothing is opened here: every decision is taken on `stat`, so a named pipe or a device cannot block
    or flood the import. The paths returned are the real ones (names that are not UTF-8 included);
    `Skipped.path` is printable.
    """
    files: list[Path] = []
    skipped: list[Skipped] = []
    # A file is known by its device and inode: reached twice (a folder and a file in it, two links),
    # it is imported once; hard links are one file too.
    seen: set[_FileKey] = set()
    for given in paths:
        path = Path(given).expanduser()
        try:
            st = os.stat(path)
        except OSError as exc:
            skipped.append(Skipped(printable_path(path), _stat_failure(path, exc)))
            continue
        except ValueError:  # a NUL in the name
            skipped.append(Skipped(printable_path(path), "not a valid file name"))
            continue
        if stat.S_ISDIR(st.st_mode):
            new = _walk(path, st, skipped, suffixes)
        elif not stat.S_ISREG(st.st_mode):
            skipped.append(Skipped(printable_path(path), f"not a regular file ({_file_type(st.st_mode)})"))
            continue
        elif not _supported(path.name, suffixes):
            skipped.append(Skipped(printable_path(path), f"unsupported file type {path.suffix or '(none)'!r}"))
            continue
        else:
            new = [(path, _identity(path, st))]
        for p, key in new:
            if key not in seen:
                seen.add(key)
                files.append(p)
    return files, skipped


def read_limited(path: Path, limit: int) -> bytes:
    """The bytes of a regular file of at most `limit` bytes; `Unreadable` with the reason otherwise.

    `stat` comes first, so a pipe or a device is never opened (opening some devices has effects of its
    own). The file is then opened non-blocking, in case a pipe was swapped in since, and checked again
    on the open descriptor; at most `limit + 1` bytes are read, so a file that grows while it is read,
    or anything endless, cannot exhaust memory. Links are followed: a linked document is a document.
    """
    try:
        st = os.stat(path)
    except OSError as exc:
        raise Unreadable(_stat_failure(path, exc)) from None
    if stat.S_ISDIR(st.st_mode):
        raise Unreadable("is a folder")
    if not stat.S_ISREG(st.st_mode):
        raise Unreadable(f"not a regular file ({_file_type(st.st_mode)})")
    if st.st_size > limit:
        raise Unreadable(too_large_reason(st.st_size, limit))
    flags = os.O_RDONLY | _OPEN_FLAGS
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise Unreadable(_stat_failure(path, exc)) from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise Unreadable(f"not a regular file ({_file_type(st.st_mode)})")
        parts: list[bytes] = []
        total = 0
        want = min(st.st_size, limit) + 1  # the announced size and one byte to see the end
        while total <= limit:
            chunk = os.read(fd, max(1, min(want - total, limit + 1 - total)))
            if not chunk:
                break
            parts.append(chunk)
            total += len(chunk)
            want = max(want, total + _CHUNK)
    except OSError as exc:
        raise Unreadable(f"cannot be read ({exc.strerror or exc})") from None
    finally:
        os.close(fd)
    if total > limit:
        raise Unreadable(too_large_reason(None, limit))
    return b"".join(parts)
