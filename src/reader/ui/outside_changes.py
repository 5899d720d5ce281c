"""Writes other processes make to the open library (the command line, a second window), brought into the
window: documents imported, deleted or re-cleaned, annotations, collections and tags.

The window hears of its own writes from its writer; of these it would hear nothing, and its list, counts
and facets would stay as they were until a restart. Every few seconds it asks SQLite, on the writer's own
connection, whether anyone else committed: `data_version` moves for every connection but the one asking,
and every write of the window goes through the writer, so on that connection it moves for other processes
only (asked on a reading connection it would move for the window's own writes too, and an outside write
landing next to one of them would be taken for it). Only then are the library's marks read and compared
with the last ones, and the difference announced as the writer announces its own changes, so every part
of the window follows the same way.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from pathlib import Path

from PySide6.QtCore import QObject, QTimer

from reader.app.changes import Changes, Outcome
from reader.store.change_marks import Marks, data_version, read_marks
from reader.store.library import Library
from reader.ui.writes import Writes

CHECK_MS = 2000
"""How often the window asks whether another process wrote to the library."""


def _version(library: Library) -> Outcome[int]:
    """The writer connection's `data_version` (an operation: it runs on the writer's thread)."""
    return Outcome(data_version(library.conn))


class OutsideChanges(QObject):
    def __init__(self, library: Library, writes: Writes, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.writes = writes
        self._version: int | None = None
        # The first marks are read on a thread of their own, on a connection of its own: reading them reads
        # every document's row (half a second in a library of 100,000), which the window's start must not
        # wait for. Until they are there, nothing is compared.
        self._marks: Marks | None = None
        threading.Thread(target=self._first_marks, args=(library.path,), name="outside-marks", daemon=True).start()
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_MS)
        self._timer.timeout.connect(self.ask)
        self._timer.start()
        self.ask()

    @property
    def ready(self) -> bool:
        """Whether the first marks and the writer's first version are known, so that changes can be told."""
        return self._marks is not None and self._version is not None

    def stop(self) -> None:
        self._timer.stop()

    def _first_marks(self, path: Path) -> None:
        with contextlib.suppress(sqlite3.Error), contextlib.closing(sqlite3.connect(path)) as conn:
            self._marks = read_marks(conn)

    def ask(self) -> None:
        """Ask the writer's connection for its version; the answer comes back to `answered`."""
        if not self.writes.writer.closed:
            self.writes.submit(_version, self._on_version, notify=False, quiet=True)

    def _on_version(self, version: int) -> None:
        self.answered(version)

    def answered(self, version: int) -> Changes | None:
        """Compare with the last answer: announce what others changed since; None when nobody wrote."""
        if self._version is None or self._marks is None:
            if self._marks is not None:
                self._version = version
            return None
        if version == self._version:
            return None
        self._version = version
        try:
            marks = read_marks(self.library.conn)
        except sqlite3.Error:
            return None  # the library is being closed or replaced: the next look, if any, tells
        # Marks taken before the window's own later writes differ by them too: those documents are
        # announced again, a second refresh of them, nothing lost.
        changes = _difference(self._marks, marks)
        self._marks = marks
        if changes is not None:
            self.writes.changed.emit(changes)
        return changes

    def check(self) -> Changes | None:
        """Ask and wait for the answer (tests; the timer asks without waiting)."""
        result = self.writes.writer.submit(_version, notify=False).result()
        return self.answered(result)


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
