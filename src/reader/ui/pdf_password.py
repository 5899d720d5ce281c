"""The password of a protected PDF, asked for after an import skipped it, and the PDF imported unlocked.

An import never stops to ask: a batch of a hundred files with one protected PDF runs to its end, and
then the window asks for each protected file in turn. A wrong password asks again, saying so; Cancel
leaves the file out, as the import report already said. Unlocking and preparing run off the GUI thread
(a large PDF, or a scanned one read by OCR, takes a while), and the one writer stores the result.
"""

from __future__ import annotations

import threading
from functools import partial
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMainWindow, QMessageBox

from reader.app import operations as ops
from reader.app.reports import ImportReport
from reader.app.writer import Writer
from reader.core.importing import Prepared, Skipped, Unreadable, read_limited
from reader.core.text import decoding


class PasswordImport(QObject):
    """Asks for passwords one file at a time; `finished` carries the report of each file imported."""

    finished = Signal(object)  # ImportReport of one file
    _result = Signal(object, object)  # (path, ImportReport | str): a report, or a wrong-password message

    def __init__(self, writer: Writer, window: QMainWindow) -> None:
        super().__init__(window)
        self.writer = writer
        self.window = window
        self._queue: list[Path] = []
        self._busy = False
        self.dialog: QInputDialog | None = None
        self._result.connect(self._on_result)

    def ask(self, paths: list[Path]) -> None:
        """Ask for each of these files' passwords, after any still being asked for."""
        self._queue.extend(p for p in paths if p not in self._queue)
        if not self._busy:
            self._next()

    def _next(self, retry: Path | None = None, message: str = "") -> None:
        if retry is None:
            if not self._queue:
                self._busy = False
                return
            retry = self._queue.pop(0)
        self._busy = True
        path = retry
        dialog = QInputDialog(self.window)
        dialog.setObjectName("pdfPassword")
        dialog.setWindowTitle(self.tr("Password Required"))
        text = self.tr("“{0}” is protected by a password. Enter it to import the document:").format(path.name)
        if message:
            text = message + "\n\n" + text
        dialog.setLabelText(text)
        dialog.setTextEchoMode(QLineEdit.EchoMode.Password)
        dialog.textValueSelected.connect(partial(self._start, path))
        dialog.rejected.connect(self._next)
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()

    def _start(self, path: Path, password: str) -> None:
        self.window.statusBar().showMessage(self.tr("Opening {0}…").format(path.name))
        threading.Thread(target=self._work, args=(path, password), name="pdf-unlock", daemon=True).start()

    def _work(self, path: Path, password: str) -> None:
        """Off the GUI thread: unlock, prepare, and hand the document to the writer."""
        from reader.formats.base import FormatError
        from reader.formats.pdf.unlock import WrongPassword, unlock
        from reader.formats.prepare import prepare_data

        report = ImportReport()
        try:
            data = read_limited(path, decoding.MAX_BYTES)
            prepared: Prepared | Skipped = prepare_data(path, unlock(data, password))
        except WrongPassword:
            self._result.emit(path, self.tr("The password was not right."))
            return
        except (Unreadable, FormatError) as exc:
            prepared = Skipped(str(path), str(exc))
        except Exception as exc:  # one line for the user, never a lost thread
            prepared = Skipped(str(path), f"could not be opened ({type(exc).__name__})")
        if isinstance(prepared, Skipped):
            report.skipped.append(prepared)
        else:
            try:
                outcome, doc_id = self.writer.run(lambda library: ops.add_document(library, prepared))
            except Exception as exc:  # the failure becomes the report line
                report.skipped.append(Skipped(str(path), f"could not be stored ({exc})"))
            else:
                if outcome == "imported":
                    report.imported.append(doc_id)
                elif outcome == "updated":
                    report.updated.append(doc_id)
                else:
                    report.duplicates.append((str(path), doc_id))
        self._result.emit(path, report)

    def _on_result(self, path: Path, result: object) -> None:
        self.window.statusBar().clearMessage()
        if isinstance(result, str):
            self._next(path, result)
            return
        assert isinstance(result, ImportReport)
        if result.skipped:
            box = QMessageBox(
                QMessageBox.Icon.Warning,
                self.tr("Import"),
                f"{path.name}: {result.skipped[0].reason}",
                parent=self.window,
            )
            box.setObjectName("pdfPasswordFailed")
            box.finished.connect(box.deleteLater)
            box.open()
        self.finished.emit(result)
        self._next()
