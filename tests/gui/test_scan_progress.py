"""A scan imported in the window says which page OCR is reading: the progress dialog's label names the
page and the bar moves within the file, page by page."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pytest
from pytestqt.qtbot import QtBot

from reader.app.reports import ImportReport
from reader.formats.pdf import ocr
from reader.ui.main_window import MainWindow
from reader.ui.workers import ImportJob

SCAN = Path(__file__).resolve().parents[1] / "data" / "pdf" / "scan-1page.pdf"


class OneLine:
    """Reads every page as one line of print (the real engine is tested on its own, slowly)."""

    def __call__(self, image: Any) -> list[tuple[list[list[float]], str, float]]:
        return [([[60.0, 80.0], [560.0, 80.0], [560.0, 110.0], [60.0, 110.0]], "扫描页面上的一行文字。", 0.99)]


def _three_pages(tmp_path: Path) -> Path:
    source = pdfium.PdfDocument(SCAN.read_bytes())
    pdf = pdfium.PdfDocument.new()
    pdf.import_pages(source, [0, 0, 0])
    out = io.BytesIO()
    pdf.save(out)
    path = tmp_path / "scan-3pages.pdf"
    path.write_bytes(out.getvalue())
    return path


def test_the_import_dialog_follows_a_scan_page_by_page(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ocr, "default_engine", lambda: OneLine())
    path = _three_pages(tmp_path)
    seen: list[tuple[int, int, str, int, int]] = []
    jobs: list[ImportJob] = []
    start = ImportJob.start

    def start_recording(job: ImportJob) -> None:  # what the worker reports, heard before it can say anything
        job.worker.steps.connect(lambda *args: seen.append(args))
        jobs.append(job)
        start(job)

    monkeypatch.setattr(ImportJob, "start", start_recording)
    with qtbot.waitSignal(window.importFinished, timeout=60000) as finished:
        window.start_import([path])
    report = finished.args[0]
    assert isinstance(report, ImportReport) and len(report.imported) == 1
    assert seen == [(0, 1, str(path), k, 3) for k in range(1, 4)]
    dialog = jobs[0].dialog
    assert dialog.labelText() == f"Importing 1 of 1: {path.name}"  # the file done, after its pages

    # The bar moves within the file, page by page (each step as the dialog shows it).
    job = jobs[0]
    job._on_progress(0, 2, "")
    values = []
    for step in range(1, 4):
        job._on_steps(0, 2, str(path), step, 3)
        values.append(job.dialog.value())
    assert values == [333, 666, 1000] and job.dialog.maximum() == 2000
    assert job.dialog.labelText() == f"Importing 1 of 2: {path.name}, 3 of 3 pages read"


def test_a_recleaning_says_what_it_is_rather_than_importing(window: MainWindow, qtbot: QtBot) -> None:
    job = ImportJob(window, window.writer, [], reclean=True)
    assert job.dialog.labelText() == "Cleaning documents again with the improved cleaner…"
    with qtbot.waitSignal(job.done, timeout=60000) as done:
        job.start()
    assert isinstance(done.args[0], ImportReport) and not done.args[0].imported
    assert ImportJob(window, window.writer, [Path("x.txt")]).dialog.labelText() == "Importing…"


def test_text_files_finishing_during_a_scan_leave_the_label_on_the_scan(window: MainWindow) -> None:
    """In a batch the workers finish text files while the scan is read page by page: the label keeps the
    scan and its pages (with the file count moving), and names files again once the scan is done."""
    job = ImportJob(window, window.writer, [Path("x.txt")])
    job._on_progress(0, 10, "")
    job._on_steps(0, 10, "/in/scan.pdf", 1, 4)
    assert job.dialog.labelText() == "Importing 1 of 10: scan.pdf, 1 of 4 pages read"
    job._on_progress(3, 10, "/in/note-3.txt")
    assert job.dialog.labelText() == "Importing 4 of 10: scan.pdf, 1 of 4 pages read"
    assert job.dialog.value() == 3 * 1000 + 250
    job._on_steps(3, 10, "/in/scan.pdf", 4, 4)
    job._on_progress(5, 10, "/in/note-5.txt")
    assert job.dialog.labelText() == "Importing 5 of 10: note-5.txt"
