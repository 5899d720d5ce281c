"""Cancel in the import progress dialog stops a large import of the real window promptly.

The files are large enough (about 60 KB of Chinese text each) that 400 of them take far longer to prepare
than the time it takes the dialog to show and be cancelled, so a cancel that is not honoured shows up as
a finished import or as a wait that runs into the timeout.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from reader.app.reports import ImportReport
from reader.ui.main_window import MainWindow
from reportgen import write_reports

FILES = 400


def document_count(library: Path) -> int:
    with closing(sqlite3.connect(library)) as conn:
        return int(conn.execute("SELECT count(*) FROM documents").fetchone()[0])


@pytest.mark.slow
def test_cancel_stops_a_large_import(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    write_reports(tmp_path / "reports", FILES, 60_000)
    before = document_count(window.library.path)

    job = window.start_import([tmp_path / "reports"])
    qtbot.waitUntil(job.dialog.isVisible, timeout=10_000)  # the dialog appears after about half a second
    cancel_button = job.dialog.findChild(QPushButton)
    assert cancel_button is not None
    with qtbot.waitSignal(window.importFinished, timeout=5_000) as finished:
        qtbot.mouseClick(cancel_button, Qt.MouseButton.LeftButton)

    report = finished.args[0]
    assert isinstance(report, ImportReport)
    assert report.cancelled
    added = document_count(window.library.path) - before
    assert added == len(report.imported)
    assert added < FILES // 2
    assert not job.dialog.isVisible()
