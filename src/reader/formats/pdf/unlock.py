"""A password-protected PDF opened once with its password, and kept as an unlocked copy.

The reader asks for a PDF's password when it is imported, not each time the document is re-cleaned or its
pages are drawn: the library keeps the file without its security handler, so Reload, re-cleaning and the
page view work as for any other PDF. The password itself is never stored.
"""

from __future__ import annotations

import io

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from reader.formats.pdf.extract import ENGINE_LOCK, MAX_BYTES, sniff
from reader.formats.pdf.model import PdfDamaged, PdfEncrypted, PdfTooLarge


class WrongPassword(PdfEncrypted):
    """The password given does not open the PDF."""


def needs_password(data: bytes) -> bool:
    """Whether these bytes are a PDF that opens only with a password."""
    if not sniff(data) or len(data) > MAX_BYTES:
        return False
    with ENGINE_LOCK:
        try:
            pdfium.PdfDocument(data).close()
        except pdfium.PdfiumError:
            return bool(pdfium_c.FPDF_GetLastError() == pdfium_c.FPDF_ERR_PASSWORD)
    return False


def unlock(data: bytes, password: str) -> bytes:
    """The same PDF without its password; WrongPassword, PdfDamaged or PdfTooLarge with a one-line reason."""
    if len(data) > MAX_BYTES:
        raise PdfTooLarge(f"PDF is larger than {MAX_BYTES // (1024 * 1024)} MB")
    if not sniff(data):
        raise PdfDamaged("not a PDF file (no %PDF- header)")
    with ENGINE_LOCK:
        try:
            document = pdfium.PdfDocument(data, password=password)
        except pdfium.PdfiumError:
            if pdfium_c.FPDF_GetLastError() == pdfium_c.FPDF_ERR_PASSWORD:
                raise WrongPassword("the password does not open this PDF") from None
            raise PdfDamaged("PDF is damaged or incomplete") from None
        try:
            out = io.BytesIO()
            document.save(out, flags=pdfium_c.FPDF_REMOVE_SECURITY)
        except pdfium.PdfiumError:
            raise PdfDamaged("PDF could not be saved without its password") from None
        finally:
            document.close()
    return out.getvalue()
