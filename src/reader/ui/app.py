"""Starting the window: the application object, the library, the first-run sample library."""

from __future__ import annotations

import sys
import threading
from collections.abc import Sequence
from pathlib import Path

import PySide6
from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from reader import __version__, paths
from reader.app.writer import Writer
from reader.core import heap
from reader.core.text.display import prewarm
from reader.settings import load, settings_path
from reader.store.db import LibraryError
from reader.store.library import Library
from reader.ui.error_hook import make_hook
from reader.ui.fonts import prewarm_font_lists
from reader.ui.handoff import FileHandoff, hand_over
from reader.ui.i18n import install_translator
from reader.ui.main_window import MainWindow
from reader.ui.themes import apply_theme

APP_ID = "io.github.reader.Reader"
PREWARM_AFTER_MS = 1500  # the converters are warmed this long after the window is built


def create_window(library_path: Path, *, config_dir: Path | None = None, seed: bool = True) -> MainWindow:
    """Open the library and build the window; raises LibraryError when the library cannot be used."""
    config = config_dir if config_dir is not None else paths.config_dir()
    writer = Writer(library_path)  # first: it creates and upgrades the file
    try:
        library = Library(library_path, readonly=True)
    except LibraryError:
        writer.close()
        raise
    window = MainWindow(library, load(settings_path(config)), config_dir=config, writer=writer)
    # Warm the converters once the window is up, so the first script switch is as fast as the rest. The
    # timer goes with the window, and a window closed by then warms nothing: the warm-up pauses the
    # collector for the whole process (`_prewarm`), which is no longer the window's to pause. A switch
    # made while it runs waits for it (`ScriptWarmup.wait`) instead of loading the same tables beside it.
    warmup = ScriptWarmup()
    window.view.before_convert = warmup.wait
    QTimer.singleShot(PREWARM_AFTER_MS, window, lambda: None if window.documents.closed else warmup.start())
    seeds = paths.seeds_dir()
    if seed and seeds is not None and library.count() == 0 and not library.meta("seeded"):
        window.start_import([seeds], seeds=True)
    elif library.has_stale() or library.unchecked_files(1):
        # The cleaner improved since these were imported, or their files are to be kept.
        window.start_import([], reclean=True)
    return window


class ScriptWarmup:
    """The script converters' tables (the segmenter's dictionary above all: seconds of CPU) loaded on a
    thread of their own after start-up, and a way for the GUI thread to wait for them.

    A script switch made while the warm-up runs would otherwise load the same tables a second time on
    the GUI thread, the two threads taking turns at the interpreter lock, so the first switch into 繁
    took both loads' time. Waiting costs the switch only what is left of the one load. Before the warm-up
    starts, or after it is done, `wait` returns at once."""

    def __init__(self) -> None:
        self._thread: threading.Thread | None = None
        self._converters = threading.Event()

    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="prewarm-scripts", daemon=True)
            self._thread.start()

    def wait(self) -> None:
        if self._thread is not None:
            self._converters.wait()

    @property
    def ready(self) -> bool:
        """The converters are loaded."""
        return self._converters.is_set()

    def _run(self) -> None:
        """The script converters loaded with the collector paused, then their tables kept out of its full
        passes (`reader.core.heap`): each pass would otherwise stop the window for about 100 ms.
        Fontconfig's lists of Chinese faces are asked for next, to keep them off the GUI thread; after the
        converters, so a slow fontconfig never delays the first script switch."""
        try:
            with heap.paused():
                prewarm()
                heap.settle("scripts", young=False)
        finally:
            self._converters.set()  # a failed warm-up leaves the loading to the switch, never a hang
        prewarm_font_lists()


def receive_files(window: MainWindow, files: list[Path]) -> None:
    """Files a later start on this library handed over: imported and shown here, the window brought to
    the front (un-minimised) so the reader sees where they went."""
    if window.documents.closed:
        return
    if window.isMinimized():
        window.showNormal()
    window.raise_()
    window.activateWindow()
    if files:
        window.start_import(files)


def app_icon() -> QIcon:
    icon = QIcon.fromTheme(APP_ID)
    folder = paths.icons_dir()
    if icon.isNull() and folder is not None:
        icon = QIcon()
        for png in sorted(folder.glob(f"hicolor/*/apps/{APP_ID}.png")):
            icon.addFile(str(png))
    return icon


# Releases that lose references to None where None is mortal (Python < 3.12); measured with
# tests/gui/test_pyside_none_leak.py, see docs/decisions/pyside6.md.
LEAKING_BINDINGS = frozenset({"6.12.0"})


def binding_problem(binding: str, python: tuple[int, int]) -> str | None:
    """Why the window must not start on this Qt binding, or None.

    A distribution or a hand-made environment can bring in a release that pyproject.toml excludes; the
    window would then abort after some minutes of reading, so refuse at once and say how to fix it.
    """
    if binding in LEAKING_BINDINGS and python < (3, 12):
        return (
            f"PySide6 {binding} makes the window abort on Python {python[0]}.{python[1]}; "
            f'run: pip install "PySide6-Essentials>=6.6,!={binding}"'
        )
    return None


def run(library_path: Path, *, explicit: bool = False, files: Sequence[Path] = ()) -> int:
    problem = binding_problem(PySide6.__version__, sys.version_info[:2])
    if problem is not None:
        print(f"reader: error: {problem}", file=sys.stderr)
        return 1
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("reader")
    app.setApplicationDisplayName("reader")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("reader")
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(app_icon())
    if hand_over(library_path, files):
        # One window per library (`reader.ui.handoff`): the open one imports the files and comes forward.
        where = f"the window already open on {library_path}"
        print(f"reader: {len(files)} file(s) handed to {where}" if files else f"reader: {where} was brought forward")
        return 0
    settings = load(settings_path(paths.config_dir()))
    install_translator(app, settings.language)  # before any widget exists
    apply_theme(app, settings.theme)
    try:
        window = create_window(library_path)
    except LibraryError as exc:
        QMessageBox.critical(None, "reader", str(exc))
        print(f"reader: error: {exc}", file=sys.stderr)
        return 1
    app.styleHints().colorSchemeChanged.connect(
        lambda _scheme: window.apply_preferences() if window.settings.theme == "system" else None
    )
    sys.excepthook = make_hook(lambda: window, library_path)
    window.show()
    handoff = FileHandoff(library_path, lambda handed: receive_files(window, handed), window)
    if files:
        window.start_import(list(files))
    code = app.exec()
    handoff.close()
    window.library.close()
    return int(code)
