"""One file from its path to a `Prepared` document: read it, choose its importer, read and derive it.

Pure and picklable so that it runs in worker processes; only the store writes. Any failure becomes a
`Skipped` with a one-line reason, never an exception that stops the batch.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from reader.core.importing import (
    Prepared,
    Skipped,
    Unreadable,
    content_hash,
    printable_path,
    read_limited,
    stored_path,
)
from reader.core.text import decoding
from reader.core.text.decoding import DecodingError
from reader.formats.base import SNIFF_BYTES, FormatError, PageCache
from reader.formats.pdf.model import PdfEncrypted
from reader.formats.registry import importer_for, importer_named, read_file


def prepare(
    path: Path,
    max_bytes: int | None = None,
    *,
    cancelled: Callable[[], bool] | None = None,
    progress: Callable[[int, int], None] | None = None,
    pages: PageCache | None = None,
) -> Prepared | Skipped:
    """Read, decode and derive one file; any failure becomes a Skipped with its reason.

    `max_bytes` defaults to `decoding.MAX_BYTES`, read when called so that one setting rules both.
    `cancelled` reaches the importer (a scanned PDF stops within a page); the caller, which knows it
    cancelled, does not store what comes back then. `pages` keeps the pages of a file read page by page
    (a scan's OCR), so an interrupted import started again does not read them twice.
    """
    limit = decoding.MAX_BYTES if max_bytes is None else max_bytes
    try:
        data = read_limited(path, limit)
    except Unreadable as exc:
        return Skipped(printable_path(path), str(exc))
    return prepare_data(path, data, cancelled=cancelled, progress=progress, pages=pages)


def prepare_data(
    path: Path,
    data: bytes,
    *,
    cancelled: Callable[[], bool] | None = None,
    progress: Callable[[int, int], None] | None = None,
    pages: PageCache | None = None,
) -> Prepared | Skipped:
    """`prepare` of bytes already read from `path` (a protected PDF unlocked with its password)."""
    shown = printable_path(path)
    name = printable_path(path.name)
    # `discover` lets through only files a format claims; a file named directly is read as text, as a
    # user who names it expects (the decoder says so in one line if it is not text).
    importer = importer_for(name, data[:SNIFF_BYTES]) or importer_named("text")
    try:
        imported = read_file(importer, data, name, cancelled=cancelled, progress=progress, pages=pages)
        if not imported.raw.strip():
            return Skipped(shown, "contains no text")
        derived = importer.derive(imported)
    except (DecodingError, FormatError) as exc:
        return Skipped(shown, str(exc), needs_password=isinstance(exc, PdfEncrypted))
    except RecursionError:
        return Skipped(shown, "too deeply nested to read")
    except MemoryError:
        return Skipped(shown, "too large to read in the memory available")
    if not derived.original.strip():
        # A page of scripts and markup only: storing it would give a document with nothing to read.
        return Skipped(shown, "no readable text found")
    return Prepared(
        path=stored_path(os.path.realpath(path)),
        filename=name,
        kind=importer.name,
        encoding=imported.evidence.get("encoding", ""),
        size=len(data),
        raw=imported.raw,
        content_hash=content_hash(imported.raw),
        derived=derived,
        data=bytes(data),
    )


def identify(path: Path, max_bytes: int | None = None) -> tuple[bytes, str] | None:
    """The file's bytes and the content hash its document would have, without cleaning it (cheap
    enough to check, for a whole library, which stored documents their files still match); None when
    the file cannot be read as a document any more."""
    limit = decoding.MAX_BYTES if max_bytes is None else max_bytes
    try:
        data = read_limited(path, limit)
        name = printable_path(path.name)
        importer = importer_for(name, data[:SNIFF_BYTES]) or importer_named("text")
        imported = importer.read(data, name)
    except (Unreadable, DecodingError, FormatError, RecursionError, MemoryError):
        return None
    return bytes(data), content_hash(imported.raw)
