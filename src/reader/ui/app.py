"""Starting the window: the application object, the library, the first-run sample library."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox

from reader import __version__, paths
from reader.settings import load, settings_path
from reader.store.db import LibraryError
from reader.store.library import Library
from reader.ui.main_window import MainWindow


def create_window(library_path: Path, *, config_dir: Path | None = None, seed: bool = True) -> MainWindow:
    """Open the library and build the window; raises LibraryError when the library cannot be used."""
    config = config_dir if config_dir is not None else paths.config_dir()
    library = Library(library_path)
    window = MainWindow(library, load(settings_path(config)), config_dir=config)
    seeds = paths.seeds_dir()
    if seed and seeds is not None and library.count() == 0 and not library.meta("seeded"):
        window.start_import([seeds], seeds=True)
    return window


def run(library_path: Path, *, explicit: bool = False) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("reader")
    app.setApplicationDisplayName("reader")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("reader")
    try:
        window = create_window(library_path)
    except LibraryError as exc:
        QMessageBox.critical(None, "reader", str(exc))
        print(f"reader: error: {exc}", file=sys.stderr)
        return 1
    window.show()
    code = app.exec()
    window.library.close()
    return int(code)
