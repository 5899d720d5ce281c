"""Imports under way, so that one interrupted by a quit or a crash can be finished later (schema 14).

An import notes its files when it starts, marks each file once it is stored (or skipped for good), and
removes the note when it ends or the user cancels it; quitting the window in the middle, or the process
dying, leaves the note, and the next start finds it with the files still to do. Taking it up again
reads only those: a batch of scans stopped at its twentieth file does not read the first nineteen again.
With the last note gone the OCR'd pages kept for unfinished imports go too (see `ocr_pages`).
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from reader.store import import_claims
from reader.store.db import LibraryError, transaction
from reader.store.ocr_pages import OcrPageStore

_LAST_ID = "last_pending_import_id"


def _claim_soon(path: Path, tries: int = 5, pause: float = 0.05) -> bool:
    """`claim`, tried a few times: another window asking whether the import is claimed holds the lock for
    an instant, which must not make a real Resume fail."""
    for attempt in range(tries):
        if import_claims.claim(path):
            return True
        if attempt + 1 < tries:
            time.sleep(pause)
    return False


class ImportTaken(LibraryError):
    """The unfinished import was taken up by another window or command meanwhile."""


@dataclass(frozen=True)
class PendingImport:
    """An import that has not ended: its note's id, the files it had still to do (in the order it was
    given them), how many it had done, and when it started (UTC, ISO 8601)."""

    id: int
    paths: tuple[str, ...]
    done: int
    started_at: str


def _path_value(path: str) -> bytes:
    """A path as the file system's bytes: a file name that is not UTF-8 arrives with lone surrogates
    (surrogateescape), which SQLite text cannot hold, and resuming must open exactly that file."""
    return os.fsencode(path)


def _path_of(value: object) -> str:
    return os.fsdecode(value) if isinstance(value, bytes) else str(value)


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class PendingImports:
    """The notes of unfinished imports over one connection."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        row = conn.execute("SELECT file FROM pragma_database_list WHERE name = 'main'").fetchone()
        # An in-memory library has no file, and no other process can see its notes: nothing to claim.
        self._library = Path(row[0]) if row is not None and row[0] else None

    def _claim(self, import_id: int) -> Path | None:
        return None if self._library is None else import_claims.claim_path(self._library, import_id)

    def waiting(self) -> list[PendingImport]:
        """The unfinished imports no live process is finishing (oldest first): those a window or
        `import --resume` may offer to take up. One that another window is still reading is not among them."""
        return [noted for noted in self.all() if not self._claimed(noted.id)]

    def busy(self) -> list[PendingImport]:
        """The unfinished imports a live process (another window or command, or this one) is finishing."""
        return [noted for noted in self.all() if self._claimed(noted.id)]

    def _claimed(self, import_id: int) -> bool:
        path = self._claim(import_id)
        return path is not None and import_claims.is_claimed(path)

    def all(self) -> list[PendingImport]:
        """Every unfinished import, oldest first, whether or not a process is finishing it."""
        out = []
        for row in self.conn.execute("SELECT id, started_at FROM pending_imports ORDER BY id").fetchall():
            files = self._files(int(row[0]))
            left = tuple(path for path, done in files if not done)
            out.append(PendingImport(int(row[0]), left, len(files) - len(left), str(row[1])))
        return out

    def _files(self, import_id: int) -> list[tuple[str, bool]]:
        rows = self.conn.execute(
            "SELECT path, done, seq FROM pending_import_files WHERE import_id = ? ORDER BY seq", (import_id,)
        )
        return [(_path_of(r[0]), bool(r[1])) for r in rows]

    def begin(self, paths: Sequence[str], replaces: Iterable[int] = ()) -> int:
        """Note an import of `paths`; the notes in `replaces` (the unfinished imports it takes up again)
        go in the same transaction, so a resumed import is noted exactly once whenever it is stopped.
        This process holds the new note's claim until `finish` or `leave`. ImportTaken when a note in
        `replaces` is gone or claimed: another window or command took it up first, and reading its files
        here too would read them twice."""
        replaced = list(dict.fromkeys(replaces))
        taken: list[Path] = []
        mine: Path | None = None
        try:
            with transaction(self.conn):
                for old in replaced:
                    path = self._claim(old)
                    if path is not None and not _claim_soon(path):
                        raise ImportTaken("that unfinished import is being finished by another window")
                    if path is not None:
                        taken.append(path)
                    if self.conn.execute("SELECT 1 FROM pending_imports WHERE id = ?", (old,)).fetchone() is None:
                        if path is not None:
                            import_claims.release(path, remove=True)  # its note is gone for good
                            taken.remove(path)
                        raise ImportTaken("that unfinished import was already taken up by another window")
                self._remove(replaced)
                import_id = self._next_id()
                self.conn.execute("INSERT INTO pending_imports (id, started_at) VALUES (?, ?)", (import_id, _now()))
                self.conn.executemany(
                    "INSERT OR IGNORE INTO pending_import_files (import_id, path, seq) VALUES (?, ?, ?)",
                    [(import_id, _path_value(path), seq) for seq, path in enumerate(paths)],
                )
                mine = self._claim(import_id)
                if mine is not None:
                    import_claims.claim(mine)
        except BaseException:
            for path in taken:
                import_claims.release(path)
            if mine is not None and mine not in taken:
                import_claims.release(mine, remove=True)  # the new note was rolled back
            raise
        for path in taken:  # their notes are gone with the transaction (SQLite may give the new note an old id)
            if path != mine:
                import_claims.release(path, remove=True)
        return import_id

    def _next_id(self) -> int:
        """An id no note ever had in this library: a window still holding an old note's id (offered, not
        yet resumed) must never reach a newer import through it, nor its claim."""
        row = self.conn.execute("SELECT value FROM library_meta WHERE key = ?", (_LAST_ID,)).fetchone()
        last = int(row[0]) if row is not None and str(row[0]).isdigit() else 0
        top = self.conn.execute("SELECT coalesce(max(id), 0) FROM pending_imports").fetchone()[0]
        next_id = max(last, int(top)) + 1
        self.conn.execute("INSERT OR REPLACE INTO library_meta (key, value) VALUES (?, ?)", (_LAST_ID, str(next_id)))
        return next_id

    def leave(self, ids: Iterable[int]) -> None:
        """The imports stopped without ending (the window closed halfway): their notes stay, and their
        claims go, so the next window or `import --resume` may take them up."""
        for import_id in ids:
            path = self._claim(import_id)
            if path is not None:
                import_claims.release(path)

    def file_done(self, import_id: int, path: str) -> None:
        """One file of the import is stored (or skipped for good): taking the import up again skips it."""
        with transaction(self.conn):
            self.conn.execute(
                "UPDATE pending_import_files SET done = 1 WHERE import_id = ? AND path = ?",
                (import_id, _path_value(path)),
            )

    def finish(self, ids: Iterable[int]) -> None:
        """The imports ended, were cancelled or discarded: their notes go, and with the last note the kept
        OCR'd pages, in one transaction. A note another process is finishing is left to it."""
        ours = [i for i in dict.fromkeys(ids) if not self._claimed_elsewhere(i)]
        with transaction(self.conn):
            self._remove(ours)
            if self.conn.execute("SELECT 1 FROM pending_imports LIMIT 1").fetchone() is None:
                OcrPageStore(self.conn).clear()
        for import_id in ours:
            path = self._claim(import_id)
            if path is not None:
                import_claims.release(path, remove=True)

    def _claimed_elsewhere(self, import_id: int) -> bool:
        """Claimed by a holder that is not this process's own claim on the note."""
        path = self._claim(import_id)
        if path is None or import_claims.holds(path):
            return False
        return import_claims.is_claimed(path)

    def _remove(self, ids: Iterable[int]) -> None:
        rows = [(i,) for i in ids]
        self.conn.executemany("DELETE FROM pending_import_files WHERE import_id = ?", rows)
        self.conn.executemany("DELETE FROM pending_imports WHERE id = ?", rows)
