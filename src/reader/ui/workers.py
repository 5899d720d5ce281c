"""Long work off the GUI thread: imports run in a QThread, and hand each document to the one writer.

The import thread reads files (preparing them in worker processes) and gives every prepared document to
the writer thread, one operation each, so a highlight made meanwhile is written between two documents
instead of waiting for the whole import. What the import changed is announced once, at its end. Progress
is reported through signals, and a progress dialog appears only if the work lasts longer than half a
second.

Cancelling sets a threading.Event from the GUI thread that the import loop reads between documents. It
cannot be a slot of the worker: the worker lives on the import thread, which is busy in `run`, so a queued
call would be delivered only once the import had ended.

An import the reader asked for is noted as under way once its files are found, each file is marked done
as it is stored, and each scanned page it reads by OCR is kept as it is read (all through the writer).
Its end, or the reader's Cancel, removes the note; closing the window in the middle
(`ImportJob.interrupt`) stops it the same way but keeps the note and the pages, so the next start offers
to resume it with the files not done, and the pages already read take no time.
"""

from __future__ import annotations

import contextlib
import threading
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from reader.app import operations as ops
from reader.app.changes import Changes
from reader.app.reports import ImportReport
from reader.app.writer import Writer
from reader.core.importing import Prepared
from reader.formats.base import PageKey
from reader.store.db import LibraryError
from reader.store.library import Library


class ImportWorker(QObject):
    progress = Signal(int, int, str)
    # (files done, files, file, pages read, pages) of a scan read by OCR: the file counts travel with the
    # pages, so the dialog never pairs a page with a file count from another moment.
    steps = Signal(int, int, str, int, int)
    finished = Signal(object)  # ImportReport
    failed = Signal(str)

    def __init__(
        self,
        writer: Writer,
        paths: list[Path],
        *,
        seeds: bool = False,
        reclean: bool = False,
        cancel: threading.Event | None = None,
        interrupted: threading.Event | None = None,
        resumes: tuple[int, ...] = (),
    ) -> None:
        """`interrupted` is set with `cancel` when the window closes (the import stays noted); `resumes`
        are the notes of the unfinished imports this one takes up again."""
        super().__init__()
        self._writer = writer
        self._paths = paths
        self._seeds = seeds
        self._reclean = reclean
        self._cancel = cancel if cancel is not None else threading.Event()
        self._interrupted = interrupted if interrupted is not None else threading.Event()
        self._files = (0, 0)  # (files done, files) as last reported, for the steps within a file
        self._resumes = resumes
        self._noted: tuple[int, ...] = resumes  # the notes to remove when this import ends or is cancelled

    def cancel(self) -> None:
        """Safe from any thread: only sets the flag that the running import reads."""
        self._cancel.set()

    def _add(self, prepared: Prepared) -> tuple[str, int]:
        return self._writer.run(lambda library: ops.add_document(library, prepared), notify=False)

    def _mark_seeded(self) -> None:
        self._writer.run(ops.mark_seeded, notify=False)

    def _reclean_stale(self, library: Library) -> ImportReport:
        """Re-derive every document an older cleaner produced, one writer operation each; then keep
        the files of documents imported before the library kept files."""
        ids = library.stale()
        report = ImportReport()
        for number, doc_id in enumerate(ids, start=1):
            if self._cancel.is_set():
                report.cancelled = True
                break
            self._writer.run(partial(ops.rederive, doc_id=doc_id), notify=False)
            report.updated.append(doc_id)
            self.progress.emit(number, len(ids), "")
        if not report.cancelled:
            from reader.app.original_files import check_original_files

            check_original_files(library, self._keep_file, self._cancel.is_set)
        return report

    def _keep_file(self, doc_id: int, data: bytes | None) -> None:
        from reader.app.original_files import keep_original_file

        self._writer.run(partial(keep_original_file, doc_id=doc_id, data=data), notify=False)

    def _work(self, library: Library) -> ImportReport:
        # Every format and the cleaner come with the import loop: loaded on this thread, when the first
        # import starts, not before the window's first paint.
        from reader.app.importing import import_paths, import_seeds_if_empty

        if self._reclean:
            return self._reclean_stale(library)
        if self._seeds:
            seeds = self._paths[0] if self._paths else None
            found = import_seeds_if_empty(library, seeds, add=self._add, mark_seeded=self._mark_seeded)
            return found or ImportReport()
        from reader.app.page_cache import StoredPages

        return import_paths(
            library,
            self._paths,
            add=self._add,
            progress=self._progress,
            cancelled=self._cancel.is_set,
            rederive=self._rederive,
            steps=self._steps,
            pages=StoredPages(library, self._keep_page),
            started=self._started,
            file_done=self._file_done,
        )

    def _started(self, files: list[Path]) -> None:
        """The files are found: the import is noted as under way (replacing the notes it resumes)."""
        begin = partial(ops.begin_import, paths=[str(f) for f in files], replaces=self._resumes)
        self._noted = (self._writer.run(begin, notify=False),)

    def _file_done(self, path: Path) -> None:
        """A file is stored or skipped: marked in the note, so a resumed import skips it. Not waited for:
        the mark follows the file's document in the writer's queue, and losing it costs a duplicate check."""
        if self._noted:
            done = partial(ops.import_file_done, import_id=self._noted[0], path=str(path))
            self._writer.submit(done, notify=False)

    def _keep_page(self, key: PageKey, result: str) -> None:
        page = partial(ops.put_ocr_page, content=key.content, engine=key.engine, page=key.page, result=result)
        self._writer.run(page, notify=False)

    def _settle(self, report: ImportReport) -> None:
        """An import that ended, or that the reader cancelled, is no longer noted; one the window's closing
        interrupted stays noted, to be offered at the next start."""
        if self._seeds or self._reclean or not self._noted:
            return
        if report.cancelled and self._interrupted.is_set():
            self._leave()
            return
        self._writer.run(partial(ops.finish_imports, ids=self._noted), notify=False)

    def _progress(self, done: int, total: int, current: str) -> None:
        self._files = (done, total)
        self.progress.emit(done, total, current)

    def _steps(self, current: str, step: int, steps: int) -> None:
        done, total = self._files
        self.steps.emit(done, total, current, step, steps)

    def _rederive(self, doc_id: int, _hints: object) -> None:
        """An earlier document of a folder whose shared lines the import changed, cleaned again by the
        writer (which works its hints out again from the library, as every re-cleaning does)."""
        self._writer.run(partial(ops.rederive, doc_id=doc_id), notify=False)

    @Slot()
    def run(self) -> None:
        try:
            with Library(self._writer.path, readonly=True) as library:
                report = self._work(library)
                report.background = self._seeds or self._reclean
            self._settle(report)
            # Announced through the writer, so the list has refreshed before `finished` arrives.
            changes = changes_of(report)
            self._writer.notify(changes).result()
        except LibraryError as exc:
            self._leave()
            self.failed.emit(str(exc))
            return
        except Exception as exc:  # never let a worker die silently
            self._leave()
            self.failed.emit(f"{type(exc).__name__}: {exc}")
            return
        self.finished.emit(report)

    def _leave(self) -> None:
        """A failed or interrupted import's note stays, unclaimed, so Resume can be offered for it by the
        next window (or the next start)."""
        if self._noted:  # no write: the claim is a lock file, so not queued behind a writer that may be closing
            with contextlib.suppress(Exception), Library(self._writer.path, readonly=True) as library:
                ops.leave_imports(library, self._noted)


def changes_of(report: ImportReport) -> Changes:
    return Changes.of(added=report.imported, text=report.updated, metadata=report.updated, annotations=report.updated)


class ImportJob(QObject):
    """One import: its thread, its worker and its (delayed) progress dialog."""

    done = Signal(object)
    failed = Signal(str)

    def __init__(
        self,
        parent: QWidget,
        writer: Writer,
        paths: list[Path],
        *,
        seeds: bool = False,
        reclean: bool = False,
        resumes: tuple[int, ...] = (),
    ) -> None:
        super().__init__(parent)
        self.worker_thread = QThread(self)
        self.cancel_requested = threading.Event()
        self.interrupted = threading.Event()
        self._scan: tuple[str, int, int] | None = None  # (file name, pages read, pages) of the scan in hand
        self.worker = ImportWorker(
            writer,
            paths,
            seeds=seeds,
            reclean=reclean,
            cancel=self.cancel_requested,
            interrupted=self.interrupted,
            resumes=resumes,
        )
        self.worker.moveToThread(self.worker_thread)
        # A re-cleaning after the cleaner improved is not an import the reader asked for: it says what it is.
        label = self.tr("Cleaning documents again with the improved cleaner…") if reclean else self.tr("Importing…")
        self.dialog = QProgressDialog(label, self.tr("Cancel"), 0, 0, parent)
        self.dialog.setWindowTitle(self.tr("Import"))
        self.dialog.setMinimumDuration(500)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        # A slot of this object, which lives on the GUI thread: called at once, not queued behind the import.
        self.dialog.canceled.connect(self.cancel)
        self.worker_thread.started.connect(self.worker.run)
        self.worker.progress.connect(self._on_progress)
        self.worker.steps.connect(self._on_steps)
        self.worker.finished.connect(self._on_finished)
        self.worker.failed.connect(self._on_failed)

    def start(self) -> None:
        self.worker_thread.start()

    @Slot()
    def cancel(self) -> None:
        """Ask the import to stop; it ends within a fraction of a second and reports `cancelled=True`."""
        self.cancel_requested.set()
        self.dialog.setLabelText(self.tr("Cancelling…"))

    def interrupt(self) -> None:
        """Stop the import because the window is closing: as a cancel, but it stays noted as unfinished
        (with the pages it read), so the next start offers to resume it."""
        self.interrupted.set()
        self.cancel()

    # The bar counts thousandths of a file, so a long scan moves it page by page.
    _STEPS = 1000

    def _on_progress(self, done: int, total: int, current: str) -> None:
        """A file done. In a batch, text files finish while a scan is read page by page in between: the
        label keeps naming the scan and its pages, so it does not flip from one to the other."""
        self.dialog.setMaximum(max(total, 1) * self._STEPS)
        if self._scan is not None and Path(current).name != self._scan[0]:
            self._show_scan(done, total)
            return
        self._scan = None
        self.dialog.setValue(done * self._STEPS)
        if current:
            self.dialog.setLabelText(self.tr("Importing {0} of {1}: {2}").format(done, total, Path(current).name))

    def _on_steps(self, done: int, total: int, current: str, step: int, steps: int) -> None:
        """A page of a scan read: the bar moves within the file and the label says which page."""
        if steps <= 0 or self.cancel_requested.is_set():
            return
        self._scan = (Path(current).name, min(step, steps), steps)
        self._show_scan(done, total)
        if step >= steps:
            self._scan = None

    def _show_scan(self, done: int, total: int) -> None:
        assert self._scan is not None
        name, step, steps = self._scan
        self.dialog.setValue(done * self._STEPS + step * self._STEPS // steps)
        self.dialog.setLabelText(
            self.tr("Importing {0} of {1}: {2}, {3} of {4} pages read").format(
                min(done + 1, total), total, name, step, steps
            )
        )

    def _finish(self) -> None:
        self.dialog.reset()
        self.dialog.hide()
        self.worker_thread.quit()
        self.worker_thread.wait()

    def _on_finished(self, report: Any) -> None:
        self._finish()
        self.done.emit(report)

    def _on_failed(self, message: str) -> None:
        self._finish()
        self.failed.emit(message)
