"""The library-wide annotations list, the export dialog and metadata editing, as a reader uses them."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from reader.app.deriving import rederive
from reader.ui import file_dialogs
from reader.ui.export_dialog import ExportDialog
from reader.ui.main_window import MainWindow
from reader.ui.metadata_dialog import MetadataDialog
from writing import write


def _annotate(window: MainWindow, filename: str, quote: str, **fields: object) -> str:
    doc_id = next(s.id for s in window.library.all_summaries() if s.filename.startswith(filename))
    text = window.library.get(doc_id).text  # type: ignore[union-attr]
    start = text.index(quote)
    made = write(window, lambda lib: lib.annotations.create(doc_id, start, start + len(quote), **fields))  # type: ignore[arg-type]
    return made.uuid


def test_all_annotations_search_filter_and_open(window: MainWindow, qtbot: QtBot) -> None:
    first = _annotate(window, "004", "罗勇", color="blue", note="院长", tags=["人物"])
    _annotate(window, "002", "寿阳县", color="green", note="地名", tags=["地点"])
    browser = window.annotations.open_browser()
    qtbot.addWidget(browser)
    assert browser.model.rowCount() == 2
    browser.search.setText("羅勇")  # traditional query finds the simplified quote
    browser.reload()
    assert browser.model.rowCount() == 1
    browser.search.clear()
    browser.color_box.setCurrentIndex(browser.color_box.findData("green"))
    assert browser.model.rowCount() == 1
    browser.color_box.setCurrentIndex(0)
    browser.tag_box.setCurrentIndex(browser.tag_box.findData("人物"))
    assert browser.model.rowCount() == 1
    browser.tree.setFocus()
    browser.tree.setCurrentIndex(browser.model.index(0, 0))
    qtbot.keyClick(browser.tree, Qt.Key.Key_Return)  # Return opens the passage, as a double-click does
    assert window.current is not None and window.current.summary.filename.startswith("004")
    assert window.annotations.panel.current_uuid() == first
    assert window.reading.selected_span() is not None
    assert window.current.text[slice(*window.reading.selected_span())] == "罗勇"  # type: ignore[misc]


def test_export_dialog_previews_and_saves(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _annotate(window, "004", "罗勇", note="院长")
    current = window.current.id if window.current else None
    dialog = ExportDialog(window.library, current=current, selected=[], script=window.reading.script, parent=window)
    qtbot.addWidget(dialog)
    dialog.scope_box.setCurrentIndex(dialog.scope_box.findData("annotated"))
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("md"))
    assert "罗勇" in dialog.preview.toPlainText()
    dialog.script_box.setCurrentIndex(dialog.script_box.findData("hant"))
    assert "羅勇" in dialog.preview.toPlainText()
    target = tmp_path / "notes.md"
    monkeypatch.setattr(file_dialogs, "save_file_name", lambda *a, **k: str(target))
    dialog.save()
    assert dialog.saved_to == target and "羅勇" in target.read_text(encoding="utf-8")


def test_metadata_edit_is_kept(window: MainWindow, qtbot: QtBot) -> None:
    doc = window.current
    assert doc is not None
    dialog = MetadataDialog(doc.summary, doc.detected, window)
    qtbot.addWidget(dialog)
    dialog.edits["author"].setText("新作者")
    dialog.edits["date"].setText("2023年9月27日")
    changes = dialog.changes()
    assert changes["author"] == "新作者" and changes["date"] == "2023-09-27"
    write(window, lambda lib: lib.set_metadata(doc.id, changes))
    write(window, lambda lib: rederive(lib, doc.id))
    again = window.library.get(doc.id)
    assert again is not None and again.summary.author == "新作者" and again.summary.date == "2023-09-27"
    dialog.edits["date"].setText("not a date")
    dialog._accept()
    assert dialog.result() == 0 and "not a date" in dialog.hint.text()


def _export_to_folder(window: MainWindow, qtbot: QtBot, folder: Path, monkeypatch: pytest.MonkeyPatch) -> ExportDialog:
    current = window.current.id if window.current else None
    dialog = ExportDialog(window.library, current=current, selected=[], script=window.reading.script, parent=window)
    qtbot.addWidget(dialog)
    dialog.scope_box.setCurrentIndex(dialog.scope_box.findData("annotated"))
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("md"))
    dialog.notes_folder.setChecked(True)
    monkeypatch.setattr(file_dialogs, "existing_directory", lambda *a, **k: str(folder))
    return dialog


@pytest.mark.parametrize("choice", ["Overwrite", "Keep My Changes"])
def test_a_notes_folder_export_asks_before_writing_over_an_edited_note(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, choice: str
) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    _annotate(window, "004", "罗勇", note="院长")
    folder = tmp_path / "vault"
    folder.mkdir()
    _export_to_folder(window, qtbot, folder, monkeypatch).save()
    (note,) = folder.glob("*.md")
    note.write_text(note.read_text(encoding="utf-8") + "\n我自己的补充\n", encoding="utf-8")
    _annotate(window, "004", "罗勇", note="新的注释")
    asked: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            return
        asked.append(box.text())
        button = next(b for b in box.buttons() if b.text() == choice)
        button.click()

    QTimer.singleShot(0, answer)
    dialog = _export_to_folder(window, qtbot, folder, monkeypatch)
    dialog.save()
    assert len(asked) == 1 and note.name in asked[0] and "1 note changed since the last export" in asked[0]
    written = note.read_text(encoding="utf-8")
    if choice == "Overwrite":
        assert "新的注释" in written and "我自己的补充" not in written
    else:
        assert "我自己的补充" in written and "新的注释" not in written
    assert dialog.saved_to == folder
