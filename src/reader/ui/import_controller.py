"""Bringing files in from the window: dialogs, drag and drop, background jobs and their reports.

Jobs run in their own threads and hand each document to the one writer; when one ends,
`importFinished` carries its report to whoever lists or analyses documents. An import that the window's
closing (or a crash) interrupted is offered again at the next start (`offer_unfinished`): Resume imports
its files again, the scanned pages it had read taking no time; Discard forgets it.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtCore import QMimeData, QObject, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMainWindow, QMessageBox

from reader.app import operations as ops
from reader.app.reports import ImportReport
from reader.app.writer import Writer
from reader.settings import Settings
from reader.store.library import Library
from reader.store.pending_imports import PendingImports
from reader.ui import file_dialogs
from reader.ui.actions import make_action
from reader.ui.pdf_password import PasswordImport
from reader.ui.unfinished_imports import UnfinishedImportsBar
from reader.ui.workers import ImportJob


class ImportController(QObject):
    """Import dialogs and jobs; cancels what still runs when the window closes."""

    importFinished = Signal(object)  # ImportReport

    def __init__(self, writer: Writer, settings: Settings, window: QMainWindow, library: Library | None = None) -> None:
        """`library` is the window's reading connection, where unfinished imports are looked up."""
        super().__init__(window)
        self.writer = writer
        self.settings = settings
        self.window = window
        self.library = library
        self._jobs: list[ImportJob] = []
        self._closing = False  # the window is closing: a job's end is no longer announced
        self._unfinished: tuple[int, ...] = ()  # notes the bar offers
        self._unfinished_paths: list[Path] = []
        self._named: dict[int, list[Path]] = {}  # id of a report → the files its import was given, in order
        self.unfinished_bar = UnfinishedImportsBar()
        self.unfinished_bar.resumeRequested.connect(self.resume_unfinished)
        self.unfinished_bar.discardRequested.connect(self.discard_unfinished)
        self.passwords = PasswordImport(writer, window)
        self.passwords.finished.connect(self._on_unlocked)
        self.act_import_files = make_action(
            window,
            self.tr("&Import Files…"),
            QKeySequence.StandardKey.Open,
            self.import_files_dialog,
            name="importFiles",
        )
        self.act_import_folder = make_action(
            window, self.tr("Import &Folder…"), "Ctrl+Shift+O", self.import_folder_dialog, name="importFolder"
        )

    # -- asking for files --------------------------------------------------------------------------
    def import_files_dialog(self) -> None:
        from reader.formats import dialog_patterns  # every format loads when first needed

        files = file_dialogs.open_file_names(
            self.window,
            self.tr("Import Files"),
            self.settings.last_import_dir,
            self.tr("Documents ({0});;All files (*)").format(dialog_patterns()),
        )
        if files:
            self.settings.last_import_dir = str(Path(files[0]).parent)
            self.start_import([Path(f) for f in files])

    def import_folder_dialog(self) -> None:
        folder = file_dialogs.existing_directory(self.window, self.tr("Import Folder"), self.settings.last_import_dir)
        if folder:
            self.settings.last_import_dir = folder
            self.start_import([Path(folder)])

    @staticmethod
    def accepts(mime: QMimeData) -> bool:
        """Whether a drag carries local files the window could import."""
        return mime.hasUrls() and any(u.isLocalFile() for u in mime.urls())

    def drop(self, mime: QMimeData) -> bool:
        """Import the local files of a drop; False when there were none."""
        local = [Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile()]
        if local:
            self.start_import(local)
        return bool(local)

    # -- unfinished imports ------------------------------------------------------------------------
    def offer_unfinished(self) -> bool:
        """Show the Resume / Discard bar when the library notes imports that did not finish (the window
        was closed or the process died halfway) with files still to import; whether it did."""
        if self.library is None:
            return False
        pending = PendingImports(self.library.conn).waiting()
        paths = list(dict.fromkeys(p for noted in pending for p in noted.paths))
        self._unfinished = tuple(noted.id for noted in pending)
        self._unfinished_paths = [Path(p) for p in paths]
        if not paths:  # nothing noted, or every file was done and only the end went unrecorded
            self.unfinished_bar.hide()
            if pending:
                self.writer.submit(partial(ops.finish_imports, ids=self._unfinished), notify=False)
            self._unfinished = ()
            return False
        self.unfinished_bar.offer(len(paths))
        return True

    def resume_unfinished(self) -> ImportJob | None:
        """Import the files the unfinished imports had still to do, as one import that replaces their notes."""
        ids, paths_ = self._unfinished, self._unfinished_paths
        self._unfinished, self._unfinished_paths = (), []
        self.unfinished_bar.hide()
        return self.start_import(paths_, resumes=ids) if ids else None

    def discard_unfinished(self) -> None:
        """Forget the unfinished imports and the pages they had read (through the writer, not waited for)."""
        ids = self._unfinished
        self._unfinished, self._unfinished_paths = (), []
        self.unfinished_bar.hide()
        if ids:
            self.writer.submit(partial(ops.finish_imports, ids=ids), notify=False)
            self.window.statusBar().showMessage(self.tr("Unfinished import discarded"), 5000)

    # -- jobs --------------------------------------------------------------------------------------
    def start_import(
        self, paths_: list[Path], *, seeds: bool = False, reclean: bool = False, resumes: tuple[int, ...] = ()
    ) -> ImportJob:
        """Import in the background (or, with reclean, re-derive documents an older cleaner produced);
        `resumes` are the notes of the unfinished imports this import takes up again."""
        job = ImportJob(self.window, self.writer, paths_, seeds=seeds, reclean=reclean, resumes=resumes)
        named = list(paths_)
        job.done.connect(lambda report, job=job: self._on_import_done(job, report, seeds or reclean, named))
        job.failed.connect(lambda message, job=job: self._on_import_failed(job, message))
        self._jobs.append(job)
        self.window.statusBar().showMessage(self.tr("Importing…"))
        job.start()
        return job

    def cancel_all(self) -> None:
        """Stop every running job and wait for its thread (the window is closing): each stays noted as
        unfinished, with the pages it read, and is offered again at the next start. Their reports, which
        arrive after the window has stopped its other workers, are not announced: a listener would start
        work (entity extraction of new documents) that nothing would stop before the process ends."""
        self._closing = True
        for job in list(self._jobs):
            job.interrupt()
            job.worker_thread.quit()
            job.worker_thread.wait(5000)

    def named(self, report: ImportReport) -> list[Path]:
        """The files the reader gave the import of `report`, in their order (empty when not known); asked
        once, by whoever opens the import's document."""
        return self._named.pop(id(report), [])

    def _on_import_done(self, job: ImportJob, report: ImportReport, quiet: bool, named: list[Path]) -> None:
        self._jobs.remove(job)
        job.deleteLater()
        if self._closing:
            return
        self._named.clear()  # the previous report's, if no one asked
        self._named[id(report)] = named
        status = self.window.statusBar()
        if quiet:
            status.clearMessage()  # the sample library or a re-clean: nothing to report
        else:
            status.showMessage(self.import_summary(report), 10000)
            protected = [Path(s.path) for s in report.skipped if s.needs_password]
            if len(protected) < len(report.skipped):
                self._show_skipped(report)
            if protected:
                self.passwords.ask(protected)
        self.importFinished.emit(report)

    def _on_unlocked(self, report: ImportReport) -> None:
        """A protected PDF was imported with its password: reported like any import."""
        self.window.statusBar().showMessage(self.import_summary(report), 10000)
        self.importFinished.emit(report)

    def _show_skipped(self, report: ImportReport) -> None:
        lines = "\n".join(f"{Path(s.path).name}: {s.reason}" for s in report.skipped[:20])
        more = len(report.skipped) - 20
        if more > 0:
            lines += "\n" + self.tr("… and {0} more").format(more)
        box = QMessageBox(
            QMessageBox.Icon.Information, self.tr("Import"), self.import_summary(report), parent=self.window
        )
        box.setDetailedText(lines)
        box.setObjectName("importReport")
        box.open()

    def import_summary(self, report: ImportReport) -> str:
        parts = [self.tr("{0} imported").format(len(report.imported))]
        if report.updated:
            parts.append(self.tr("{0} updated").format(len(report.updated)))
        parts.append(self.tr("{0} already in the library").format(len(report.duplicates)))
        parts.append(self.tr("{0} skipped").format(len(report.skipped)))
        text = self.tr(", ").join(parts)
        return text + (self.tr(" (cancelled)") if report.cancelled else "")

    def _on_import_failed(self, job: ImportJob, message: str) -> None:
        self._jobs.remove(job)
        job.deleteLater()
        if self._closing:
            return
        QMessageBox.warning(self.window, self.tr("Import failed"), message)
