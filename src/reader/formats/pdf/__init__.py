"""Text PDFs: characters and their boxes from PDFium, page furniture removed with reasons, lines reflowed
into paragraphs in reading order, and the offset at which each page begins.

`read_pdf(data)` is the whole pipeline; `analyse(layout_from_json(raw), overrides)` re-derives from the
stored layout alone; `IMPORTER` puts both behind the formats interface. Scanned pages (no usable text
layer, an image over the page) are read by OCR (`ocr.py`) into fragments like a text layer's, so the
same furniture removal, reflow and page map apply; the stored layout keeps them, so OCR is done once.
"""

from __future__ import annotations

from collections.abc import Mapping

from reader.formats.pdf.extract import MAX_BYTES, MAX_PAGES, extract, sniff
from reader.formats.pdf.importer import IMPORTER, PdfImporter
from reader.formats.pdf.model import (
    FURNITURE,
    Layout,
    PdfDamaged,
    PdfEncrypted,
    PdfError,
    PdfText,
    PdfTooLarge,
    layout_from_json,
    layout_to_json,
)
from reader.formats.pdf.reflow import analyse

__all__ = [
    "FURNITURE",
    "IMPORTER",
    "MAX_BYTES",
    "MAX_PAGES",
    "Layout",
    "PdfDamaged",
    "PdfEncrypted",
    "PdfError",
    "PdfImporter",
    "PdfText",
    "PdfTooLarge",
    "analyse",
    "extract",
    "layout_from_json",
    "layout_to_json",
    "read_pdf",
    "sniff",
]


def read_pdf(data: bytes, overrides: Mapping[int, bool] | None = None) -> PdfText:
    """A text PDF read and reflowed; PdfEncrypted, PdfDamaged or PdfTooLarge with a one-line reason."""
    return analyse(extract(data), overrides)
