"""Cancel in the import progress dialog stops a large import of the real window promptly.

The files are large enough (about 60 KB of Chinese text each) that 400 of them take far longer to prepare
than the time it takes the dialog to show and be cancelled, so a cancel that is not honoured shows up as
a finished import or as a wait that runs into the timeout.
"""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from reader.store.importer import ImportReport
from reader.ui.main_window import MainWindow

FILES = 400
# Common characters, so that the cleaner and entity finder do the work they do on real prose.
HANZI = (
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后"
    "多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还"
    "因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结"
)


def write_reports(folder: Path, count: int, size: int) -> list[Path]:
    """`count` distinct reports of about `size` bytes: one shared body, each cut at a different place."""
    rng = random.Random(7)
    lines = ["".join(rng.choices(HANZI, k=rng.randint(20, 90))) + "。" for _ in range(3000)]
    body = "\n".join(lines)
    per_file = size // 3  # three UTF-8 bytes a character
    folder.mkdir()
    files = []
    for i in range(count):
        start = (i * 997) % (len(body) - per_file)
        path = folder / f"report-{i:03d}.txt"
        path.write_text(f"第{i}号报告\n{body[start : start + per_file]}\n", encoding="utf-8")
        files.append(path)
    return files


def document_count(library: Path) -> int:
    with sqlite3.connect(library) as conn:
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
