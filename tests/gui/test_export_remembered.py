"""The export dialog's choices and folder are remembered across restarts, not only within a session."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reader.settings import load, settings_path
from reader.ui import file_dialogs
from reader.ui.export_dialog import ExportDialog
from reader.ui.main_window import MainWindow


def _in_dialog(window: MainWindow, act: Callable[[ExportDialog], None]) -> None:
    def run() -> None:
        dialog = QApplication.activeModalWidget()
        try:
            if isinstance(dialog, ExportDialog):
                act(dialog)
        finally:  # a failure leaves no modal dialog waiting
            if dialog is not None and dialog.isVisible():
                dialog.close()

    QTimer.singleShot(0, run)
    window.exports.export_dialog()


def test_export_choices_and_folder_survive_a_restart(
    window: MainWindow, qtbot: QtBot, seeded_library: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "导出" / "mine.csv"
    target.parent.mkdir()
    asked: list[str] = []

    def save_file_name(parent: object, caption: str, directory: str, name_filter: str = "", **_: object) -> str:
        asked.append(directory)
        return str(target)

    monkeypatch.setattr(file_dialogs, "save_file_name", save_file_name)

    def choose_and_save(dialog: ExportDialog) -> None:
        dialog.format_box.setCurrentIndex(dialog.format_box.findData("csv"))
        dialog.scope_box.setCurrentIndex(dialog.scope_box.findData("annotated"))
        dialog.script_box.setCurrentIndex(dialog.script_box.findData("hant"))
        dialog.convert_notes.setChecked(True)
        dialog.save()

    _in_dialog(window, choose_and_save)
    assert target.is_file()
    window.close()
    stored = load(settings_path(tmp_path / "config"))
    assert stored.export_choices["format"] == "csv" and stored.export_choices["convert_notes"] == "true"
    assert stored.last_export_dir == str(target.parent)

    from reader.ui.app import create_window

    again = create_window(seeded_library, config_dir=tmp_path / "config")
    qtbot.addWidget(again)
    again.show()
    seen: list[dict[str, object]] = []

    def look_and_save(dialog: ExportDialog) -> None:
        seen.append(dialog.choices())
        dialog.save()

    try:
        _in_dialog(again, look_and_save)
    finally:
        again.close()
        again.library.close()
    assert seen[0]["format"] == "csv" and seen[0]["scope"] == "annotated" and seen[0]["script"] == "hant"
    assert seen[0]["convert_notes"] is True and seen[0]["notes_folder"] is False
    assert asked[1] == str(target.parent / "notes.csv")  # the folder of the export before the restart
