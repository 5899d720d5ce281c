"""Text PDFs behind the importer interface: the layout is what is stored, the reflowed text what is read.

`read` runs PDFium once and stores the page layout as JSON (`layout_to_json`), so re-deriving after a
better cleaner or a user's line override needs neither the engine nor the original bytes. The Original
view shows one line per extracted line in reading order, page furniture included: the lines whose numbers
the removed running heads, footers and page numbers (and the user's overrides) refer to.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Mapping
from dataclasses import dataclass

from reader.core.cleaning import Cleaned, Removed, SourceHints
from reader.core.cleaning import metadata as md
from reader.core.cleaning.structure import is_structure
from reader.core.derive import Derived, from_cleaned
from reader.formats import blocks, dates
from reader.formats.base import ImportedText, PageCache
from reader.formats.pdf import ocr
from reader.formats.pdf.extract import extract, sniff
from reader.formats.pdf.model import Layout, PdfError, PdfText, layout_from_json, layout_to_json
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
    """A PDF, its scanned pages read by OCR. Chosen by content (`%PDF-`), so a PDF saved under any name is
    read as one."""

    name: str = "pdf"
    label: str = "PDF documents"
    suffixes: frozenset[str] = frozenset({".pdf"})

    def sniff(self, head: bytes) -> bool:
        return sniff(head)

    def read(
        self,
        data: bytes,
        filename: str,
        *,
        cancelled: ocr.Cancelled | None = None,
        progress: ocr.Progress | None = None,
        pages: PageCache | None = None,
    ) -> ImportedText:
        """The PDF read, scanned pages by OCR. `cancelled` is asked between scanned pages (OcrCancelled,
        a PdfError, when it turns true) and `progress` hears (scanned pages done, scanned pages): one
        scanned page takes about a second, so an import loop that passes them stays responsive. `pages`
        keeps each scanned page's reading as it is made, so an import interrupted after page k and started
        again reads only the pages after k."""
        layout = extract(data, cancelled=cancelled, progress=progress, cache=pages)
        if not any(page.fragments for page in layout.pages):
            notes = [page.note for page in layout.pages if page.note]
            if notes:  # a scan that could not be read: say why, not "contains no text"
                raise PdfError(notes[0] if len(set(notes)) == 1 else f"{notes[0]} (and {len(notes) - 1} more pages)")
        imported = self._imported(layout_to_json(layout), analyse(layout))
        evidence = {"engine": "pdfium", "pages": str(len(layout.pages)), **ocr_evidence(layout)}
        return ImportedText(raw=imported.raw, original=imported.original, evidence=evidence, pages=imported.pages)

    def from_raw(self, raw: str) -> ImportedText:
        layout = layout_from_json(raw)
        imported = self._imported(raw, analyse(layout))
        evidence = {"pages": str(len(layout.pages)), **ocr_evidence(layout, with_engine=False)}
        return ImportedText(raw=raw, original=imported.original, evidence=evidence, pages=imported.pages)

    def evidence(self, raw: str) -> dict[str, str]:
        """`from_raw(raw).evidence` without the layout analysis, which the evidence does not need."""
        layout = layout_from_json(raw)
        return {"pages": str(len(layout.pages)), **ocr_evidence(layout, with_engine=False)}

    def derive(
        self, imported: ImportedText, overrides: Mapping[int, bool] | None = None, *, hints: SourceHints | None = None
    ) -> Derived:
        result = analyse(layout_from_json(imported.raw), overrides)
        text, removed, pages = without_title(result, overrides or {})
        cleaned = Cleaned(text=text, removed=removed, metadata=metadata(result))
        shift = 0 if text == result.text else 1  # the title's line left the text
        marks = [(line - shift, level) for line, level in heading_levels(result) if line >= shift]
        return blocks.with_headings(from_cleaned(result.original, cleaned, pages), marks)

    @staticmethod
    def _imported(raw: str, result: PdfText) -> ImportedText:
        return ImportedText(raw=raw, original=result.original, pages=result.original_pages)


def ocr_evidence(layout: Layout, with_engine: bool = True) -> dict[str, str]:
    """What the user is told about scanned pages: which pages were read by OCR (1-based, "2-5,7"), with
    which engine, and why any page that needed reading gave no text. Empty for a PDF with a text layer."""
    out: dict[str, str] = {}
    read = [page.index + 1 for page in layout.pages if page.ocr]
    if read:
        out["ocr_pages"] = page_ranges(read)
        if with_engine:
            out["ocr_engine"] = ocr.engine_version()
    notes = [page.note for page in layout.pages if page.note]
    if notes:
        out["ocr_notes"] = "; ".join(dict.fromkeys(notes))
    return out


def page_ranges(numbers: list[int]) -> str:
    """Sorted page numbers as ranges: [1, 2, 3, 5] → "1-3,5"."""
    parts: list[str] = []
    start = prev = numbers[0]
    for n in [*numbers[1:], None]:
        if n is not None and n == prev + 1:
            prev = n
            continue
        parts.append(str(start) if start == prev else f"{start}-{prev}")
        if n is not None:
            start = prev = n
    return ",".join(parts)


def metadata(result: PdfText) -> md.Metadata:
    """Title and date as the PDF prints them (its document-information fields are too often a producer's
    placeholder to be trusted: "Microsoft Word - 文档1")."""
    return md.Metadata(title=title(result), date=date(result))


def printed_title(result: PdfText) -> int | None:
    """The paragraph that is the title as printed: on the first page, set clearly larger than the body and
    short enough to be a title (the largest such line; on a scan, the first such line by its pitch). A
    page of front matter before the title page (a preface, 前言, under a heading) does not give the title:
    a line on one of the next pages set larger than anything on the first is the title. A numbered section
    heading (一、总体要求, opening a scan of inner pages) is a part of the text, never its title."""
    starts = list(dict.fromkeys(result.starts_on))[:TITLE_PAGES]
    candidates = [
        i
        for i, page in enumerate(result.starts_on)
        if page in starts and _title_length(result, i) and not is_structure(result.paragraphs[i].strip())
    ]
    first_page = [i for i in candidates if result.starts_on[i] == starts[0]] if starts else []
    if not first_page:
        return None
    pages = result.layout.pages
    if result.starts_on[0] < len(pages) and pages[result.starts_on[0]].ocr and result.pitches:
        # A scan's sizes are guessed from line-box heights, which squeeze a title towards the body (and
        # stretch a line with brackets); the width per character tells the print size as it is.
        body = [result.pitches[i] for i in range(len(result.paragraphs)) if i not in result.headings]
        measured = [p for p in body if p > 0]
        if measured:
            # The first line printed large enough: pitches of one size scatter by a few per cent, so the
            # widest could be any of the headings set in the title's type.
            need = TITLE_SIZE * statistics.median(measured)
            found = next((i for i in first_page if result.pitches[i] >= need), None)
            if found is not None:
                return found
    largest = max(first_page, key=lambda i: result.sizes[i])
    later = [i for i in candidates if result.starts_on[i] != starts[0]]
    larger = max(later, key=lambda i: result.sizes[i], default=None)
    if larger is not None and result.sizes[larger] >= FRONT_MATTER_SIZE * result.sizes[largest]:
        return _past_masthead(result, larger, _on_page(result, result.starts_on[larger]))
    if result.sizes[largest] >= TITLE_SIZE * result.body_size:
        return _past_masthead(result, largest, _on_page(result, starts[0]))
    return None


def _on_page(result: PdfText, page: int) -> list[int]:
    return [i for i, start in enumerate(result.starts_on) if start == page]


TITLE_PAGES = 3
"""Pages looked at for the title: the first, and the title page after a page or two of front matter."""
FRONT_MATTER_SIZE = 1.15
"""A line on a later page set this much larger than the first page's largest is the title (the first page
was front matter under a heading in smaller print)."""


_DOCUMENT_NUMBER = re.compile(
    r"^\S{0,12}\s*[〔\[［（(]\s*\d{4}\s*[〕\]］）)]\s*第?\s*\d{1,4}\s*号(?:\s+签发人\s*[:：]\s*\S{1,12})?$"
)
"""An official document's number under its masthead (杭政办函〔2026〕7号), spaced or not, with the signing
officer after it where the document names one (签发人：…)."""


def _past_masthead(result: PdfText, largest: int, first_page: list[int]) -> int:
    """An official document's title, not its masthead: the issuing office's name printed largest at the
    top (`…办公厅文件`, in red) is followed by the document's number, and the title comes after that,
    printed large too (the layout of Chinese official documents). Any other largest line is the title."""
    after = [i for i in first_page if i > largest]
    numbered = next((i for i in after[:2] if _DOCUMENT_NUMBER.match(result.paragraphs[i].strip())), None)
    if numbered is None:
        return largest
    titles = [i for i in after if i > numbered and result.sizes[i] >= TITLE_SIZE * result.body_size]
    return next((i for i in titles[:2] if _title_length(result, i)), largest)


def _title_length(result: PdfText, index: int) -> bool:
    return 0 < len(result.paragraphs[index].strip()) <= TITLE_MAX_CHARS


def without_title(result: PdfText, overrides: Mapping[int, bool]) -> tuple[str, list[Removed], tuple[int, ...]]:
    """The text, removed lines and page starts with the printed title taken out of the text when it opens
    it: the title is shown as the document's title, and kept in the text too it would be read twice (the
    text cleaner does the same with a page's title line). Its lines go to Removed as "metadata", so the
    user can put them back; a title printed below other text (after a notice's heading lines) stays."""
    removed = list(result.removed)
    index = title_paragraph(result)
    if index == 0 and printed_title(result) is None and is_structure(result.paragraphs[0].strip()):
        index = None  # a numbered section heading standing in for a title is the report's structure
    if index != 0 or not result.lines_of or any(overrides.get(n) for n in result.lines_of[0]):
        return result.text, removed, result.pages
    cut = len(result.paragraphs[0]) + 1
    text = result.text[cut:] if len(result.paragraphs) > 1 else ""
    pages = tuple(max(0, start - cut) for start in result.pages)
    lines = result.original.split("\n")
    removed.extend(Removed(n, lines[n - 1], "metadata") for n in result.lines_of[0])
    removed.sort(key=lambda r: r.line)
    return text, removed, pages


HEADING_LEVELS = 6
"""Outline depth given to a PDF's headings; smaller print than the sixth size is still level six."""


def heading_levels(result: PdfText) -> list[tuple[int, int]]:
    """Each heading paragraph (its line in `result.text`) with its outline level: print sizes ranked from
    the largest (level 1), as a reader tells a chapter from a section; a heading set in the body's size
    (bold or numbered) comes below every larger one."""
    sizes = sorted({round(result.sizes[i], 1) for i in result.headings}, reverse=True)
    rank = {size: min(n + 1, HEADING_LEVELS) for n, size in enumerate(sizes)}
    return [(i, rank[round(result.sizes[i], 1)]) for i in result.headings]


def title_paragraph(result: PdfText) -> int | None:
    """The paragraph shown as the title: the first page's largest line when it is set clearly larger than
    the body, else the first heading short enough to be a title. Whichever it is, when it opens the text it
    leaves the text (`without_title`), or the reader sees it twice, as title and as first line."""
    index = printed_title(result)
    if index is not None:
        return index
    return next((i for i in result.headings if _title_length(result, i)), None)


def title(result: PdfText) -> str | None:
    index = title_paragraph(result)
    return None if index is None else result.paragraphs[index].strip()


def date(result: PdfText) -> str | None:
    """A short line holding a date on the first page, else near the end (where a notice is dated)."""
    count = len(result.paragraphs)
    first_page = [i for i in range(count) if result.starts_on[i] == result.starts_on[0]]
    tail = list(range(max(0, count - DATE_TAIL), count))
    for i in [*first_page, *reversed(tail)]:
        text = result.paragraphs[i].strip()
        month = dates.month_date(text)
        if month:
            return month  # dated by month alone under the signature, as a DOCX of the same text is
        span = md.date_span(text)
        if span is None or len(text) - (span[1] - span[0]) > DATE_MAX_EXTRA or text.endswith("。"):
            continue
        found = md.parse_date(text)
        if found:
            return found
    return None


IMPORTER = PdfImporter()
