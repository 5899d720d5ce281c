"""A file dialog showing the library's folder must leave the library's locks alone.

Qt's dialog read each listed file to tell its type; closing those descriptors dropped the window's SQLite
locks, and the next other connection to close deleted the write-ahead log under the window: its later
writes were lost."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QFileInfo, Qt
from PySide6.QtWidgets import QFileDialog, QFileSystemModel
from pytestqt.qtbot import QtBot

from reader.store.library import Library
from reader.ui import file_dialogs


def _other_process_opens_and_closes(path: Path) -> int:
    """What another process (the command line) sees: it opens the library, reads, and closes."""
    code = (
        "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]);"
        " print(c.execute('select count(*) from library_meta').fetchone()[0]); c.close()"
    )
    out = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, check=True)
    return int(out.stdout)


def _shown(qtbot: QtBot, dialog: QFileDialog, folder: Path) -> None:
    """Show `dialog` until its model lists `folder`'s files, and ask it each one's icon and type, as its view
    does when it draws them."""
    qtbot.addWidget(dialog)
    dialog.selectNameFilter("All files (*)")  # the library's files listed, as in the Preferences dialog
    dialog.show()
    qtbot.waitExposed(dialog)
    model = dialog.findChild(QFileSystemModel)
    assert model is not None
    root = model.index(str(folder))
    qtbot.waitUntil(lambda: model.rowCount(root) >= 3, timeout=5000)
    for row in range(model.rowCount(root)):
        model.data(model.index(row, 0, root), Qt.ItemDataRole.DecorationRole)
        model.data(model.index(row, 2, root), Qt.ItemDataRole.DisplayRole)  # the Type column
    dialog.close()


@pytest.mark.parametrize("start", ["folder", "library file"])
def test_showing_the_library_folder_keeps_the_windows_writes(qtbot: QtBot, tmp_path: Path, start: str) -> None:
    """Shown on the library's folder (Import Files) or with the library file chosen (Preferences' Browse)."""
    path = tmp_path / "lib.sqlite"
    (tmp_path / "note.txt").write_text("通知", encoding="utf-8")
    with Library(path) as library:
        library.set_meta("before", "1")
        assert (tmp_path / "lib.sqlite-wal").exists()
        place = str(tmp_path) if start == "folder" else str(path)
        _shown(qtbot, file_dialogs.make_dialog(None, "Files", place, "Documents (*.txt);;All files (*)"), tmp_path)
        seen = _other_process_opens_and_closes(path)
        assert (tmp_path / "lib.sqlite-wal").exists(), "the write-ahead log was deleted under an open library"
        library.set_meta("after", "1")
        assert _other_process_opens_and_closes(path) == seen + 1


def test_files_are_told_by_name() -> None:
    icons = file_dialogs.NamesOnlyIcons()
    assert icons.type(QFileInfo("/tmp/x/report.PDF")) == "PDF file"
    assert icons.type(QFileInfo("/tmp/x/lib.sqlite-wal")) == "SQLITE-WAL file"
