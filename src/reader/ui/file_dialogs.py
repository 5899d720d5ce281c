"""File dialogs that never open the files they list.

Qt's own file dialog asks each file's type from its contents (for its icon and its Type column), so
showing the folder that holds the library opens and closes the database, its write-ahead log and its
shared-memory file. Closing any descriptor of a file drops every POSIX lock the process holds on that
file, SQLite's included: the next other connection to close (the command line, a second window) then
takes itself for the last one and deletes the log under the window, whose later writes are lost. The
dialogs here tell files by name only.

Where the platform's own dialog is used (Windows and macOS: no such locks on Windows, and macOS shows its
panel from another process), it is kept; elsewhere Qt's dialog is used with those icons, since an
in-process toolkit dialog would read the files the same way.
"""

from __future__ import annotations

import sys
from typing import Any

from PySide6.QtCore import QCoreApplication, QFileInfo
from PySide6.QtGui import QAbstractFileIconProvider, QIcon
from PySide6.QtWidgets import QFileDialog, QWidget

_NATIVE = sys.platform in ("win32", "darwin")


class NamesOnlyIcons(QAbstractFileIconProvider):
    """Icons and types of files from their names and kinds, never from their contents."""

    def icon(self, what: Any) -> QIcon:
        if isinstance(what, QFileInfo):
            kinds = QAbstractFileIconProvider.IconType
            return super().icon(kinds.Folder if what.isDir() else kinds.File)
        return super().icon(what)

    def type(self, info: QFileInfo) -> str:
        if info.isDir():
            return QCoreApplication.translate("FileDialogs", "Folder")
        suffix = info.suffix()
        if not suffix:
            return QCoreApplication.translate("FileDialogs", "File")
        return QCoreApplication.translate("FileDialogs", "{0} file").format(suffix.upper())


_ICONS = NamesOnlyIcons()  # a dialog does not own its provider: it must outlive every dialog


def make_dialog(
    parent: QWidget | None,
    caption: str,
    directory: str,
    name_filter: str = "",
    mode: QFileDialog.FileMode = QFileDialog.FileMode.ExistingFiles,
) -> QFileDialog:
    """Qt's file dialog showing files by name only (see the module's docstring). The dialog is made with no
    place and given one after its icons: made with a file's path, it would select that file at once and ask
    the default icons for the file's type, which reads it (the library itself, from Preferences)."""
    dialog = QFileDialog(parent, caption, "", name_filter)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setIconProvider(_ICONS)
    dialog.setFileMode(mode)
    if mode == QFileDialog.FileMode.Directory:
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    place = QFileInfo(directory) if directory else None
    if place is not None and place.isDir():
        dialog.setDirectory(place.absoluteFilePath())
    elif place is not None:
        dialog.setDirectory(place.absolutePath())
        dialog.selectFile(place.fileName())
    return dialog


def _run(dialog: QFileDialog) -> list[str]:
    try:
        return dialog.selectedFiles() if dialog.exec() else []
    finally:
        dialog.deleteLater()


def open_file_names(parent: QWidget | None, caption: str, directory: str, name_filter: str) -> list[str]:
    if _NATIVE:
        return QFileDialog.getOpenFileNames(parent, caption, directory, name_filter)[0]
    return _run(make_dialog(parent, caption, directory, name_filter))


def open_file_name(parent: QWidget | None, caption: str, directory: str, name_filter: str) -> str:
    if _NATIVE:
        return QFileDialog.getOpenFileName(parent, caption, directory, name_filter)[0]
    chosen = _run(make_dialog(parent, caption, directory, name_filter, QFileDialog.FileMode.ExistingFile))
    return chosen[0] if chosen else ""


def existing_directory(parent: QWidget | None, caption: str, directory: str) -> str:
    if _NATIVE:
        return QFileDialog.getExistingDirectory(parent, caption, directory)
    chosen = _run(make_dialog(parent, caption, directory, mode=QFileDialog.FileMode.Directory))
    return chosen[0] if chosen else ""


def save_file_name(
    parent: QWidget | None, caption: str, directory: str, name_filter: str = "", *, confirm_overwrite: bool = True
) -> str:
    if _NATIVE:
        options = QFileDialog.Option(0) if confirm_overwrite else QFileDialog.Option.DontConfirmOverwrite
        return QFileDialog.getSaveFileName(parent, caption, directory, name_filter, options=options)[0]
    dialog = make_dialog(parent, caption, directory, name_filter, QFileDialog.FileMode.AnyFile)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setOption(QFileDialog.Option.DontConfirmOverwrite, not confirm_overwrite)
    chosen = _run(dialog)
    return chosen[0] if chosen else ""
