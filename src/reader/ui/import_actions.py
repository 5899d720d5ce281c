"""Bringing files in from the window: dialogs, drag and drop, background jobs and their reports.

A layer of the main window, kept apart so that the window module stays about layout and wiring.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QFileDialog, QMessageBox

from reader.store.importer import ImportReport
from reader.ui.document_actions import DocumentActions
from reader.ui.workers import ImportJob

if TYPE_CHECKING:
    from reader.ui.entity_worker import EntityScheduler


class ImportActions(DocumentActions):
    importFinished = Signal(object)
    _jobs: list[ImportJob]
    entity_scheduler: EntityScheduler

    # -- importing ---------------------------------------------------------------------------------
    def import_files_dialog(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Import Files"),
            self.settings.last_import_dir,
            self.tr("Documents (*.txt *.text *.md *.html *.htm);;All files (*)"),
        )
        if files:
            self.settings.last_import_dir = str(Path(files[0]).parent)
            self.start_import([Path(f) for f in files])

    def import_folder_dialog(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Import Folder"), self.settings.last_import_dir)
        if folder:
            self.settings.last_import_dir = folder
            self.start_import([Path(folder)])

    def start_import(self, paths_: list[Path], *, seeds: bool = False, reclean: bool = False) -> ImportJob:
        """Import in the background (or, with reclean, re-derive documents an older cleaner produced)."""
        job = ImportJob(self, self.library.path, paths_, seeds=seeds, reclean=reclean)
        job.done.connect(lambda report, job=job: self._on_import_done(job, report, seeds or reclean))
        job.failed.connect(lambda message, job=job: self._on_import_failed(job, message))
        self._jobs.append(job)
        self.statusBar().showMessage(self.tr("Importing…"))
        job.start()
        return job

    def _on_import_done(self, job: ImportJob, report: ImportReport, seeds: bool) -> None:
        self._jobs.remove(job)
        job.deleteLater()
        self.model.reload()
        self.update_status()
        self.refresh_facets(self.search_box.text())
        touched = report.imported or report.updated or [d for _, d in report.duplicates]
        if touched:
            self.select_document(touched[0])
        if seeds:
            self.statusBar().clearMessage()  # the sample library or a re-clean: nothing to report
        else:
            self.statusBar().showMessage(self.import_summary(report), 10000)
            if report.skipped:
                lines = "\n".join(f"{Path(s.path).name}: {s.reason}" for s in report.skipped[:20])
                more = len(report.skipped) - 20
                if more > 0:
                    lines += "\n" + self.tr("… and {0} more").format(more)
                box = QMessageBox(
                    QMessageBox.Icon.Information, self.tr("Import"), self.import_summary(report), parent=self
                )
                box.setDetailedText(lines)
                box.setObjectName("importReport")
                box.open()
        self.importFinished.emit(report)

    def import_summary(self, report: ImportReport) -> str:
        parts = [self.tr("{0} imported").format(len(report.imported))]
        if report.updated:
            parts.append(self.tr("{0} updated").format(len(report.updated)))
        parts.append(self.tr("{0} already in the library").format(len(report.duplicates)))
        parts.append(self.tr("{0} skipped").format(len(report.skipped)))
        text = self.tr(", ").join(parts)
        return text + (self.tr(" (cancelled)") if report.cancelled else "")

    def reload_from_file(self) -> None:
        """Re-import the open document's file: a newer version updates it and keeps its annotations."""
        if self.current is None:
            return
        path = Path(self.current.summary.path)
        if not path.is_file():
            QMessageBox.information(self, self.tr("Reload from File"), self.tr("{0} is no longer there.").format(path))
            return
        self.start_import([path])

    def _on_import_failed(self, job: ImportJob, message: str) -> None:
        self._jobs.remove(job)
        job.deleteLater()
        QMessageBox.warning(self, self.tr("Import failed"), message)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        local = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if local:
            event.acceptProposedAction()
            self.start_import(local)
