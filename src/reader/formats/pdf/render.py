"""Drawing a kept PDF's pages as printed: one page at a time, at the scale asked, as plain pixels.

PDFium is not thread-safe: two calls into it at once, even on different documents, may corrupt its state.
Every call made here holds `ENGINE_LOCK`, so whoever draws pages on a worker thread is serialised with
anyone else who takes the lock (reading a PDF on an import thread should take it too). The pixels come back
as bytes in a layout Qt reads directly (32-bit, B G R x), but this module knows nothing of Qt.
"""

from __future__ import annotations

from dataclasses import dataclass

import pypdfium2 as pdfium

from reader.formats.pdf.extract import ENGINE_LOCK, MAX_PAGES, _open
from reader.formats.pdf.model import PdfDamaged, PdfTooLarge

"""Held around every call into PDFium made by this module."""

POINTS_PER_INCH = 72.0

MAX_PIXELS = 60_000_000
"""A page drawn larger than this (about 240 MB of pixels) is refused: a huge poster page at a high zoom
would otherwise take the memory of the whole machine."""


@dataclass(frozen=True)
class Bitmap:
    """A drawn page: `height` rows of `stride` bytes, each pixel four bytes B, G, R and an unused one."""

    width: int
    height: int
    stride: int
    data: bytes


class PrintedPages:
    """A PDF opened for drawing. Opening raises the importer's one-line errors (`PdfEncrypted`,
    `PdfDamaged`, `PdfTooLarge`), so a kept file that cannot be opened is explained the same way an
    import of it would have been."""

    def __init__(self, data: bytes) -> None:
        with ENGINE_LOCK:
            self._doc: pdfium.PdfDocument | None = _open(data)
            self.count = len(self._doc)
        if self.count > MAX_PAGES:
            self.close()
            raise PdfTooLarge(f"PDF has more than {MAX_PAGES} pages")

    def size(self, index: int) -> tuple[float, float]:
        """Width and height of page `index` (0-based) in points, as it is displayed (rotation applied)."""
        with ENGINE_LOCK:
            page = self._page(index)
            try:
                width, height = page.get_size()
                return float(width), float(height)
            finally:
                page.close()

    def render(self, index: int, dpi: float) -> Bitmap:
        """Page `index` (0-based) at `dpi` dots per inch on white, forms and annotations drawn."""
        with ENGINE_LOCK:
            page = self._page(index)
            try:
                width, height = page.get_size()
                scale = dpi / POINTS_PER_INCH
                if width * scale * height * scale > MAX_PIXELS:
                    raise PdfTooLarge(f"page {index + 1} is too large to draw at this zoom")
                try:
                    bitmap = page.render(scale=scale, fill_color=(255, 255, 255, 255), prefer_bgrx=True)
                except pdfium.PdfiumError as exc:
                    raise PdfDamaged(f"page {index + 1} cannot be drawn ({exc})") from None
                try:
                    if bitmap.n_channels != 4:  # PDFium chose another layout; ask for the one Qt reads
                        raise PdfDamaged(f"page {index + 1} was drawn in an unexpected pixel format")
                    return Bitmap(bitmap.width, bitmap.height, bitmap.stride, bytes(bitmap.buffer))
                finally:
                    bitmap.close()
            finally:
                page.close()

    def close(self) -> None:
        """Free the engine's copy of the document; safe to call twice."""
        with ENGINE_LOCK:
            if self._doc is not None:
                self._doc.close()
                self._doc = None

    def _page(self, index: int) -> pdfium.PdfPage:
        if self._doc is None:
            raise PdfDamaged("PDF is closed")
        if not 0 <= index < self.count:
            raise PdfDamaged(f"page {index + 1} is not in this PDF of {self.count} pages")
        try:
            return self._doc[index]
        except pdfium.PdfiumError as exc:
            raise PdfDamaged(f"page {index + 1} cannot be read ({exc})") from None
