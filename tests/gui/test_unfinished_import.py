"""An import the window's closing (or a crash) interrupted is offered at the next start: a bar says how
many files it had, Resume (Enter, Alt+R) imports them with the scanned pages already read taking no OCR,
Discard forgets it. Closing the window mid-scan keeps it noted; the reader's Cancel does not."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from reader.app.resuming import unfinished
from reader.formats.pdf import ocr
from reader.store.library import Library
from reader.store.ocr_pages import OcrPageStore
from reader.ui.main_window import MainWindow
from reader.ui.workers import ImportJob

pytest.importorskip("PIL", reason="scans are generated with Pillow (installed with the OCR engine)")
from import_holder import holding_import
from shaded_scans import ByShade, killed_import, shaded_scan


@pytest.fixture
def scan(tmp_path: Path) -> Path:
    path = tmp_path / "report.pdf"
    path.write_bytes(shaded_scan(4))
    return path


@pytest.fixture
def interrupted(seeded_library: Path, scan: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The sample library with an import of `scan` that died on its third page (two pages kept)."""
    killed_import(seeded_library, [scan], monkeypatch, die_on=2)
    return seeded_library


def _open(qtbot: QtBot, path: Path, tmp_path: Path) -> MainWindow:
    from reader.ui.app import create_window

    win = create_window(path, config_dir=tmp_path / "config")
    qtbot.addWidget(win)
    win.show()
    return win


@pytest.fixture
def reopened(qtbot: QtBot, interrupted: Path, tmp_path: Path) -> Iterator[MainWindow]:
    win = _open(qtbot, interrupted, tmp_path)
    yield win
    win.close()
    win.library.close()


def test_an_unfinished_import_is_offered_at_start(reopened: MainWindow) -> None:
    bar = reopened.imports.unfinished_bar
    assert bar.isVisible()
    assert bar.label.text() == "An import did not finish: 1 file still to import."
    assert bar.resume_button.text() == "&Resume" and bar.discard_button.text() == "D&iscard"


def test_resume_with_the_keyboard_reads_only_the_pages_left(
    reopened: MainWindow, qtbot: QtBot, scan: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine = ByShade()
    monkeypatch.setattr(ocr, "default_engine", lambda: engine)
    before = reopened.library.count()
    bar = reopened.imports.unfinished_bar
    with qtbot.waitSignal(reopened.importFinished, timeout=60000) as finished:
        qtbot.keyClick(bar, Qt.Key.Key_Return)
    assert not bar.isVisible()
    assert len(finished.args[0].imported) == 1 and reopened.library.count() == before + 1
    assert engine.read == [2, 3]
    assert unfinished(reopened.library) == [] and OcrPageStore(reopened.library.conn).count() == 0


def test_discard_forgets_the_import_and_its_pages(reopened: MainWindow, qtbot: QtBot) -> None:
    bar = reopened.imports.unfinished_bar
    before = reopened.library.count()
    qtbot.mouseClick(bar.discard_button, Qt.MouseButton.LeftButton)
    reopened.writer.flush()
    assert not bar.isVisible()
    assert unfinished(reopened.library) == [] and OcrPageStore(reopened.library.conn).count() == 0
    assert reopened.library.count() == before


def test_a_window_without_unfinished_imports_shows_no_bar(window: MainWindow) -> None:
    assert not window.imports.unfinished_bar.isVisible()


class StopsOn(ByShade):
    """Reads pages; on page `page` it stops the import as the window would (closing it, or Cancel)."""

    def __init__(self, page: int, jobs: list[ImportJob], closing: bool) -> None:
        super().__init__()
        self.page, self.jobs, self.closing = page, jobs, closing

    def __call__(self, image: Any) -> list[tuple[list[list[float]], str, float]]:
        found = super().__call__(image)
        if self.read[-1] == self.page:
            job = self.jobs[0]
            if self.closing:
                job.interrupted.set()  # what `interrupt` sets, without the dialog it updates on the GUI thread
            job.cancel_requested.set()
        return found


def _recording_jobs(monkeypatch: pytest.MonkeyPatch) -> list[ImportJob]:
    jobs: list[ImportJob] = []
    start = ImportJob.start

    def start_recording(job: ImportJob) -> None:
        jobs.append(job)
        start(job)

    monkeypatch.setattr(ImportJob, "start", start_recording)
    return jobs


@pytest.mark.parametrize("closing", [True, False], ids=["window closed", "cancelled"])
def test_closing_the_window_mid_scan_keeps_the_import_noted_and_cancel_does_not(
    window: MainWindow, qtbot: QtBot, scan: Path, monkeypatch: pytest.MonkeyPatch, closing: bool
) -> None:
    jobs = _recording_jobs(monkeypatch)
    engine = StopsOn(1, jobs, closing)
    monkeypatch.setattr(ocr, "default_engine", lambda: engine)
    with qtbot.waitSignal(window.importFinished, timeout=60000) as finished:
        window.start_import([scan])
    assert finished.args[0].cancelled and engine.read == [0, 1]
    window.writer.flush()
    noted = unfinished(window.library)
    if closing:
        assert [n.paths for n in noted] == [(str(scan),)]
        assert OcrPageStore(window.library.conn).count() == 2  # both pages read are kept
    else:
        assert noted == [] and OcrPageStore(window.library.conn).count() == 0


def test_the_window_closing_during_an_import_interrupts_it(
    window: MainWindow, qtbot: QtBot, scan: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    jobs = _recording_jobs(monkeypatch)
    monkeypatch.setattr(ocr, "default_engine", lambda: ByShade())
    job = window.start_import([scan])
    announced: list[object] = []
    window.imports.importFinished.connect(announced.append)
    window.imports.cancel_all()
    assert job.interrupted.is_set() and job.cancel_requested.is_set() and jobs == [job]
    # Its end is not announced: a listener would start work (entities) after the window stopped its workers.
    qtbot.waitUntil(lambda: job not in window.imports._jobs, timeout=60000)
    assert announced == []


def test_a_note_whose_files_were_all_done_is_cleared_without_asking(
    qtbot: QtBot, seeded_library: Path, tmp_path: Path
) -> None:
    from reader.store.pending_imports import PendingImports

    with Library(seeded_library) as library:
        notes = PendingImports(library.conn)
        noted = notes.begin(["/scans/a.pdf"])
        notes.file_done(noted, "/scans/a.pdf")  # stored; only the import's end went unrecorded
        notes.leave([noted])  # as when its process died
    win = _open(qtbot, seeded_library, tmp_path)
    try:
        assert not win.imports.unfinished_bar.isVisible()
        win.writer.flush()
        assert unfinished(win.library) == []
    finally:
        win.close()
        win.library.close()


def test_an_import_another_window_is_running_is_not_offered(qtbot: QtBot, seeded_library: Path, tmp_path: Path) -> None:
    with holding_import(seeded_library):
        win = _open(qtbot, seeded_library, tmp_path)
        try:
            assert not win.imports.unfinished_bar.isVisible()  # it is another window's, still being read
            assert len(unfinished(win.library)) == 0
        finally:
            win.close()
            win.library.close()
    win = _open(qtbot, seeded_library, tmp_path)  # that window is gone: its import is offered
    try:
        assert win.imports.unfinished_bar.isVisible()
    finally:
        win.close()
        win.library.close()
