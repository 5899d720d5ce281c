"""Text PDFs behind the importer interface: the layout is what is stored, the reflowed text what is read.

`read` runs PDFium once and stores the page layout as JSON (`layout_to_json`), so re-deriving after a
better cleaner or a user's line override needs neither the engine nor the original bytes. The Original
view shows one line per extracted line in reading order, page furniture included: the lines whose numbers
the removed running heads, footers and page numbers (and the user's overrides) refer to.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from reader.core import metadata as md
from reader.core.cleaning import Cleaned
from reader.core.derive import Derived, from_cleaned
from reader.formats.base import ImportedText
from reader.formats.pdf.extract import extract, sniff
from reader.formats.pdf.model import PdfText, layout_from_json, layout_to_json
from reader.formats.pdf.reflow import analyse

TITLE_SIZE = 1.15
"""A line set this much larger than the body on the first page is the title, whatever its position."""
TITLE_MAX_CHARS = 120
"""Longer than this is prose printed large (an abstract, a banner), not a title."""
DATE_MAX_EXTRA = 16
"""A date line may carry this many characters besides the date (an issuing body, 印发 …); more is prose."""
DATE_TAIL = 5
"""Paragraphs at the end searched for a date: Chinese notices and reports are signed and dated there."""


@dataclass(frozen=True)
class PdfImporter:
    """A PDF with a text layer. Chosen by content (`%PDF-`), so a PDF saved under any name is read as one."""

    name: str = "pdf"
    label: str = "PDF documents"
    suffixes: frozenset[str] = frozenset({".pdf"})

    def sniff(self, head: bytes) -> bool:
        return sniff(head)

    def read(self, data: bytes, filename: str) -> ImportedText:
        layout = extract(data)
        imported = self._imported(layout_to_json(layout), analyse(layout))
        evidence = {"engine": "pdfium", "pages": str(len(layout.pages))}
        return ImportedText(raw=imported.raw, original=imported.original, evidence=evidence, pages=imported.pages)

    def from_raw(self, raw: str) -> ImportedText:
        layout = layout_from_json(raw)
        imported = self._imported(raw, analyse(layout))
        return ImportedText(
            raw=raw, original=imported.original, evidence={"pages": str(len(layout.pages))}, pages=imported.pages
        )

    def derive(self, imported: ImportedText, overrides: Mapping[int, bool] | None = None) -> Derived:
        result = analyse(layout_from_json(imported.raw), overrides)
        cleaned = Cleaned(text=result.text, removed=list(result.removed), metadata=metadata(result))
        return from_cleaned(result.original, cleaned, result.pages)

    @staticmethod
    def _imported(raw: str, result: PdfText) -> ImportedText:
        return ImportedText(raw=raw, original=result.original, pages=result.original_pages)


def metadata(result: PdfText) -> md.Metadata:
    """Title and date as the PDF prints them (its document-information fields are too often a producer's
    placeholder to be trusted: "Microsoft Word - 文档1")."""
    return md.Metadata(title=title(result), date=date(result))


def title(result: PdfText) -> str | None:
    """The first page's largest line when it is set clearly larger than the body, else the first heading."""
    first_page = [i for i, page in enumerate(result.starts_on) if page == result.starts_on[0]]
    if first_page:
        largest = max(first_page, key=lambda i: result.sizes[i])
        if result.sizes[largest] >= TITLE_SIZE * result.body_size:
            candidate = result.paragraphs[largest].strip()
            if 0 < len(candidate) <= TITLE_MAX_CHARS:
                return candidate
    for i in result.headings:
        candidate = result.paragraphs[i].strip()
        if 0 < len(candidate) <= TITLE_MAX_CHARS:
            return candidate
    return None


def date(result: PdfText) -> str | None:
    """A short line holding a date on the first page, else near the end (where a notice is dated)."""
    count = len(result.paragraphs)
    first_page = [i for i in range(count) if result.starts_on[i] == result.starts_on[0]]
    tail = list(range(max(0, count - DATE_TAIL), count))
    for i in [*first_page, *reversed(tail)]:
        text = result.paragraphs[i].strip()
        span = md.date_span(text)
        if span is None or len(text) - (span[1] - span[0]) > DATE_MAX_EXTRA or text.endswith("。"):
            continue
        found = md.parse_date(text)
        if found:
            return found
    return None


IMPORTER = PdfImporter()
