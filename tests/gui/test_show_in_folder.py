"""Show in Folder says why in the status bar when no program can show folders, instead of doing nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

from reader.ui.main_window import MainWindow


def test_show_in_folder_explains_when_nothing_can_open_folders(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc = window.current
    assert doc is not None and doc.summary.path
    folder = Path(doc.summary.path).parent
    assert folder.is_dir()
    asked: list[str] = []

    def refuse(url: QUrl) -> bool:
        asked.append(url.toLocalFile())
        return False

    monkeypatch.setattr(QDesktopServices, "openUrl", refuse)
    window.documents.act_show_folder.trigger()
    assert asked == [str(folder)]
    message = window.statusBar().currentMessage()
    assert "Cannot show the folder" in message and str(folder) in message


def test_show_in_folder_opens_the_folder_quietly_when_it_can(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: True)
    window.statusBar().clearMessage()
    window.documents.act_show_folder.trigger()
    assert window.statusBar().currentMessage() == ""
