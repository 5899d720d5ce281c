"""Reload from File when the file was moved: the window offers to locate it, records the new place and
reloads the same document from there; a file that cannot be this document's is one line in the status bar."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from reader.ui import file_dialogs
from reader.ui.main_window import MainWindow
from writing import write

TEXT = "关于做好防汛工作的通知\n\n各有关单位：请认真做好防汛准备工作，确保安全度汛，落实各项责任。\n"


def _answer(choice: str, asked: list[str]) -> None:
    def click() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            asked.append(box.text())
            next(b for b in box.buttons() if b.text() == choice).click()

    QTimer.singleShot(0, click)


def _import(window: MainWindow, qtbot: QtBot, path: Path) -> int:
    with qtbot.waitSignal(window.importFinished, timeout=60_000) as finished:
        window.start_import([path])
    (doc_id,) = finished.args[0].imported
    window.select_document(doc_id)
    return doc_id


def test_a_moved_file_is_located_and_reloaded_into_the_same_document(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "通知.txt"
    path.write_text(TEXT, encoding="utf-8")
    doc_id = _import(window, qtbot, path)
    start = TEXT.index("防汛准备")
    write(window, lambda lib: lib.annotations.create(doc_id, start, start + 4, note="要点"))
    moved = tmp_path / "归档" / "通知（修订）.txt"
    moved.parent.mkdir()
    moved.write_text(TEXT.replace("落实各项责任", "压实各项责任"), encoding="utf-8")
    path.unlink()
    monkeypatch.setattr(file_dialogs, "open_file_name", lambda *a, **k: str(moved))
    asked: list[str] = []
    _answer("Locate…", asked)
    with qtbot.waitSignal(window.importFinished, timeout=60_000) as finished:
        window.documents.act_reload.trigger()
    assert len(asked) == 1 and "is no longer there" in asked[0]
    assert finished.args[0].updated == [doc_id] and finished.args[0].imported == []
    document = window.library.get(doc_id)
    assert document is not None and Path(document.summary.path) == moved and "压实" in document.text
    assert [a.note for a in window.library.annotations.for_document(doc_id)] == ["要点"]


def test_locating_another_documents_file_is_refused_in_one_line(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    other = tmp_path / "另一份.txt"
    other.write_text("关于开展安全生产大检查的通知\n\n各单位要认真组织安全生产检查，及时消除隐患。\n", encoding="utf-8")
    _import(window, qtbot, other)
    path = tmp_path / "通知.txt"
    path.write_text(TEXT, encoding="utf-8")
    doc_id = _import(window, qtbot, path)
    path.unlink()
    monkeypatch.setattr(file_dialogs, "open_file_name", lambda *a, **k: str(other))
    asked: list[str] = []
    _answer("Locate…", asked)
    window.documents.act_reload.trigger()
    qtbot.waitUntil(lambda: "is the file of another document" in window.statusBar().currentMessage())
    assert "\n" not in window.statusBar().currentMessage()
    document = window.library.get(doc_id)
    assert document is not None and Path(document.summary.path) == path
