"""Keeping the files of documents imported before the library kept files.

A library upgraded to keep each document's file byte for byte has older documents whose files were
never stored. Their files are looked at once, after the upgrade: a file still there and still holding
what was imported (same content hash) is kept; any other is marked missing, so the question is never
asked again and nobody is told a file is kept when it is not.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from reader.app.changes import Outcome
from reader.formats.prepare import identify
from reader.store.library import Library

Keep = Callable[[int, bytes | None], None]


def keep_original_file(library: Library, doc_id: int, data: bytes | None) -> Outcome[None]:
    """The writer's part: record the file (or that it is missing). Nothing any panel shows changes."""
    library.keep_file(doc_id, data)
    return Outcome(None)


def check_original_files(library: Library, keep: Keep, cancelled: Callable[[], bool] | None = None) -> int:
    """Look at every unchecked document's file; `keep(doc_id, bytes or None)` records each. Returns how
    many were looked at. `library` is only read here, so the window can pass its writer's `keep`."""
    done = 0
    while batch := library.unchecked_files(200):
        for item in batch:
            if cancelled is not None and cancelled():
                return done
            found = identify(Path(item.path)) if item.path else None
            keep(item.doc_id, found[0] if found is not None and found[1] == item.content_hash else None)
            done += 1
    return done
