"""PDFium's lock is held for PDFium's calls only: while a scanned page is read by OCR (seconds a page),
another thread (the window's page view) can take the lock and draw."""

from __future__ import annotations

import io
import threading
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pytest

from reader.formats.pdf import ocr
from reader.formats.pdf.extract import ENGINE_LOCK, extract

SCAN = Path(__file__).resolve().parents[3] / "data" / "pdf" / "scan-1page.pdf"


def _scan(pages: int) -> bytes:
    source = pdfium.PdfDocument(SCAN.read_bytes())
    pdf = pdfium.PdfDocument.new()
    pdf.import_pages(source, [0] * pages)
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


class LockProbe:
    """An engine that, while "reading" a page, asks for PDFium's lock as the page view would."""

    def __init__(self) -> None:
        self.free: list[bool] = []

    def __call__(self, image: Any) -> list[tuple[list[list[float]], str, float]]:
        got: list[bool] = []

        def page_view() -> None:  # another thread: the lock is reentrant, so asking here would prove nothing
            taken = ENGINE_LOCK.acquire(timeout=5)
            if taken:
                ENGINE_LOCK.release()
            got.append(taken)

        thread = threading.Thread(target=page_view)
        thread.start()
        thread.join()
        self.free.extend(got)
        return [([[60.0, 80.0], [560.0, 80.0], [560.0, 110.0], [60.0, 110.0]], "扫描页面上的一行文字。", 0.99)]


def test_the_lock_is_free_while_a_scanned_page_is_read() -> None:
    probe = LockProbe()
    layout = extract(_scan(3), engine=probe)
    assert probe.free == [True, True, True]
    assert all(page.ocr for page in layout.pages)


def test_pages_are_read_in_order_and_reported_one_by_one() -> None:
    seen: list[tuple[int, int]] = []
    layout = extract(_scan(3), engine=lambda image: LockProbe()(image), progress=lambda d, n: seen.append((d, n)))
    assert seen == [(1, 3), (2, 3), (3, 3)]
    assert [page.index for page in layout.pages] == [0, 1, 2]


def test_a_cancel_stops_before_the_next_page() -> None:
    reads: list[int] = []

    def engine(image: Any) -> list[tuple[list[list[float]], str, float]]:
        reads.append(1)
        return LockProbe()(image)

    with pytest.raises(ocr.OcrCancelled):
        extract(_scan(3), engine=engine, cancelled=lambda: len(reads) >= 1)
    assert len(reads) == 1
