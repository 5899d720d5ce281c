"""An import that can be resumed, on a library this process writes to (the CLI's one connection).

It is noted as under way once its files are found, marks each file done as it is stored, and keeps each
scanned page as OCR reads it; its end removes the note (and, with the last note, the kept pages).
Ctrl-C (`ImportInterrupted`) or a crash leaves the note: `reader import --resume`, or the window's next
start, takes it up again with the files not done, and the pages read before take no time. The window
does the same through its writer thread (`ui/workers.py`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from reader.app import operations as ops
from reader.app.importing import Progress, import_paths
from reader.app.page_cache import StoredPages
from reader.app.reports import ImportReport
from reader.formats.base import PageKey
from reader.store.library import Library
from reader.store.pending_imports import PendingImport, PendingImports


def unfinished(library: Library) -> list[PendingImport]:
    """The imports the library notes as under way that no process is finishing (oldest first)."""
    return PendingImports(library.conn).waiting()


def finishing_elsewhere(library: Library) -> int:
    """How many unfinished imports another window or command is finishing right now."""
    return len(PendingImports(library.conn).busy())


def import_resumably(
    library: Library,
    paths: Iterable[Path],
    *,
    resumes: Sequence[int] = (),
    progress: Progress | None = None,
    workers: int | None = None,
) -> ImportReport:
    """`import_paths` on `library`, noted while under way and keeping its scanned pages; `resumes` are
    the notes of the unfinished imports it takes up again (they go when it is noted, or when it ends).
    A cancelled or finished import is no longer noted; ImportInterrupted leaves it noted."""
    noted = list(resumes)

    def started(files: list[Path]) -> None:
        noted[:] = [ops.begin_import(library, [str(f) for f in files], resumes).value]

    def keep(key: PageKey, result: str) -> None:
        ops.put_ocr_page(library, key.content, key.engine, key.page, result)

    def file_done(path: Path) -> None:
        if noted:
            ops.import_file_done(library, noted[0], str(path))

    try:
        report = import_paths(
            library,
            paths,
            progress=progress,
            workers=workers,
            pages=StoredPages(library, keep),
            started=started,
            file_done=file_done,
        )
    except BaseException:  # Ctrl-C or a crash: the note stays, to be resumed, and is no longer ours
        if noted:
            ops.leave_imports(library, noted)
        raise
    if noted:
        ops.finish_imports(library, noted)
    return report
