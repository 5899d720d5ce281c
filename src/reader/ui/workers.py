"""Long work off the GUI thread: imports run in a QThread that owns its own library connection.

That thread is the single writer while it runs; the window only reads. Progress is reported through
signals, and a progress dialog appears only if the work lasts longer than half a second.

Cancelling sets a threading.Event from the GUI thread that the import loop reads between documents. It
cannot be a slot of the worker: the worker lives on the import thread, which is busy in `run`, so a queued
call would be delivered only once the import had ended.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from reader.store.db import LibraryError
from reader.store.importer import ImportReport, import_paths, import_seeds_if_empty
from reader.store.library import Library


class ImportWorker(QObject):
    progress = Signal(int, int, str)
    finished = Signal(object)  # ImportReport
    failed = Signal(str)

    def __init__(
        self,
        library_path: Path,
        paths: list[Path],
        *,
        seeds: bool = False,
        reclean: bool = False,
        cancel: threading.Event | None = None,
    ) -> None:
        super().__init__()
        self._library_path = library_path
        self._paths = paths
        self._seeds = seeds
        self._reclean = reclean
        self._cancel = cancel if cancel is not None else threading.Event()

    def cancel(self) -> None:
        """Safe from any thread: only sets the flag that the running import reads."""
        self._cancel.set()

    @Slot()
    def run(self) -> None:
        try:
            with Library(self._library_path) as library:
                if self._reclean:
                    report = ImportReport(
                        updated=library.rederive_stale(progress=self.progress.emit, cancelled=self._cancel.is_set)
                    )
                elif self._seeds:
                    seeds = self._paths[0] if self._paths else None
                    report = import_seeds_if_empty(library, seeds) or ImportReport()
                else:
                    report = import_paths(
                        library, self._paths, progress=self.progress.emit, cancelled=self._cancel.is_set
                    )
        except LibraryError as exc:
            self.failed.emit(str(exc))
            return
        except Exception as exc:  # never let a worker die silently
            self.failed.emit(f"{type(exc).__name__}: {exc}")
            return
        self.finished.emit(report)


class ImportJob(QObject):
    """One import: its thread, its worker and its (delayed) progress dialog."""

    done = Signal(object)
    failed = Signal(str)

    def __init__(
        self, parent: QWidget, library_path: Path, paths: list[Path], *, seeds: bool = False, reclean: bool = False
    ) -> None:
        super().__init__(parent)
        self.worker_thread = QThread(self)
        self.cancel_requested = threading.Event()
        self.worker = ImportWorker(library_path, paths, seeds=seeds, reclean=reclean, cancel=self.cancel_requested)
        self.worker.moveToThread(self.worker_thread)
        self.dialog = QProgressDialog(self.tr("Importing…"), self.tr("Cancel"), 0, 0, parent)
        self.dialog.setWindowTitle(self.tr("Import"))
        self.dialog.setMinimumDuration(500)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        # A slot of this object, which lives on the GUI thread: called at once, not queued behind the import.
        self.dialog.canceled.connect(self.cancel)
        self.worker_thread.started.connect(self.worker.run)
        self.worker.progress.connect(self._on_progress)
        self.worker.finished.connect(self._on_finished)
        self.worker.failed.connect(self._on_failed)

    def start(self) -> None:
        self.worker_thread.start()

    @Slot()
    def cancel(self) -> None:
        """Ask the import to stop; it ends within a fraction of a second and reports `cancelled=True`."""
        self.cancel_requested.set()
        self.dialog.setLabelText(self.tr("Cancelling…"))

    def _on_progress(self, done: int, total: int, current: str) -> None:
        self.dialog.setMaximum(max(total, 1))
        self.dialog.setValue(done)
        if current:
            self.dialog.setLabelText(self.tr("Importing {0} of {1}: {2}").format(done, total, Path(current).name))

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
