"""Writes other processes make to the open library (the command line, a second window), brought into the
window: documents imported, deleted or re-cleaned, annotations, collections and tags.

The window hears of its own writes from its writer; of these it would hear nothing, and its list, counts
and facets would stay as they were until a restart. Every few seconds it asks SQLite whether anyone else
committed (`data_version`, one cheap query) and only then compares the library's marks with the last
ones, announcing the difference as the writer announces its own changes, so every part of the window
follows the same way.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from pathlib import Path

from PySide6.QtCore import QObject, QTimer

from reader.app.changes import Changes
from reader.store.change_marks import Marks, data_version, read_marks
from reader.store.library import Library
from reader.ui.writes import Writes

CHECK_MS = 2000
"""How often the window asks whether another process wrote to the library."""


class OutsideChanges(QObject):
    def __init__(self, library: Library, writes: Writes, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.writes = writes
        self._version = data_version(library.conn)
        # The first marks are read on a thread of their own, on a connection of its own: reading them reads
        # every document's row (half a second in a library of 100,000), which the window's start must not
        # wait for. Until they are there, nothing is compared.
        self._marks: Marks | None = None
        threading.Thread(target=self._first_marks, args=(library.path,), name="outside-marks", daemon=True).start()
        self._announcing = False
        # The window's own writes are known from its writer: only the version to compare with moves on.
        writes.changed.connect(self._own_write)
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_MS)
        self._timer.timeout.connect(self.check)
        self._timer.start()

    @property
    def ready(self) -> bool:
        """Whether the first marks are read, so that changes can be told."""
        return self._marks is not None

    def stop(self) -> None:
        self._timer.stop()

    def _first_marks(self, path: Path) -> None:
        with contextlib.suppress(sqlite3.Error), contextlib.closing(sqlite3.connect(path)) as conn:
            self._marks = read_marks(conn)

    def _own_write(self, _changes: Changes) -> None:
        """The window's own write is known: only the version moves on (reading the marks reads every
        document's row, half a second in a library of 100,000, too much after every write). Marks taken
        before it then differ by it too, so a later outside change also re-announces this write's
        documents: a second refresh of them, nothing lost."""
        if not self._announcing:
            self._version = data_version(self.library.conn)

    def check(self) -> Changes | None:
        """Announce what others changed since the last look; None when nobody wrote."""
        if self._marks is None:
            return None  # the first marks are still being read
        try:
            version = data_version(self.library.conn)
            if version == self._version:
                return None
            self._version = version
            marks = read_marks(self.library.conn)
        except sqlite3.Error:
            return None  # the library is being closed or replaced: the next look, if any, tells

        changes = _difference(self._marks, marks)
        self._marks = marks
        if changes is None:
            return None
        self._announcing = True
        try:
            self.writes.changed.emit(changes)
        finally:
            self._announcing = False
        return changes


def _difference(before: Marks, after: Marks) -> Changes | None:
    old, new = before.documents, after.documents
    added = new.keys() - old.keys()
    deleted = old.keys() - new.keys()
    updated = {i for i in new.keys() & old.keys() if new[i] != old[i]}
    updated |= {
        i
        for i in (before.overrides.keys() | after.overrides.keys()) & new.keys()
        if before.overrides.get(i) != after.overrides.get(i)
    }
    annotated = {
        i
        for i in (before.annotations.keys() | after.annotations.keys()) - deleted
        if before.annotations.get(i) != after.annotations.get(i)
    }
    organised = before.organised != after.organised
    if not (added or deleted or updated or annotated or organised):
        return None
    return Changes.of(
        added=added,
        deleted=deleted,
        text=updated,
        metadata=updated,
        annotations=annotated,
        entities=added | updated,
        organised=added if organised else (),
        collections=organised,
    )
