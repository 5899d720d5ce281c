"""The formats' `PageCache` over the library: pages read where the import runs, written by the writer.

The import loop asks for a page on its own reading connection and hands each page it read to `write`
(in the window, one writer operation; in the CLI, the operation on its one connection). Keeping a page is
an economy, never a condition of the import: a page that cannot be kept (the library is locked, the disk
is full, the window is closing) is left unkept and the import goes on; a failure that matters stops it
at the next document it writes, with that document's one-line reason.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from reader.app.writer import WriterClosed
from reader.formats.base import PageKey
from reader.store.db import LibraryError
from reader.store.library import Library
from reader.store.ocr_pages import OcrPageStore

Write = Callable[[PageKey, str], None]


class StoredPages:
    """Pages kept in the library (`store.ocr_pages`); a `reader.formats.base.PageCache`."""

    def __init__(self, library: Library, write: Write) -> None:
        self._pages = OcrPageStore(library.conn)
        self._write = write
        self.kept = 0  # pages written by this import, for its report and tests

    def get(self, key: PageKey) -> str | None:
        try:
            return self._pages.get(key.content, key.engine, key.page)
        except sqlite3.Error:
            return None  # read again: slower, not wrong

    def put(self, key: PageKey, result: str) -> None:
        try:
            self._write(key, result)
        except (sqlite3.Error, LibraryError, WriterClosed):
            return
        self.kept += 1
