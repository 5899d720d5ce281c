"""Annotations as a CSV table, one row per annotation, for spreadsheets and data tools.

The text starts with a UTF-8 byte-order mark because Excel otherwise opens UTF-8 CSV as the local
ANSI code page and turns every Chinese character into mojibake; pandas, LibreOffice and Python's
`csv` with `encoding="utf-8-sig"` read it cleanly. Rows end in CRLF as RFC 4180 asks; fields with
commas, quotes or line breaks are quoted, so multi-line notes survive. Write the result with
`newline=""` (e.g. `path.write_text(text, encoding="utf-8", newline="")`) so no platform adds CRs.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from reader.core.annotations.model import DEFAULT_COLORS, HighlightColor
from reader.core.export.model import ExportDocument, Paragraphs, localized_color, reading_order
from reader.core.text.pages import page_of

__all__ = ["CSV_COLUMNS", "to_csv"]

CSV_COLUMNS = (
    "document_id",
    "title",
    "date",
    "quote",
    "note",
    "color",
    "tags",
    "start",
    "end",
    "paragraph",
    "page",
    "color_key",
    "created",
    "modified",
    "orphan",
    "uuid",
)
"""The brief's columns first (what a person reads), then what a script needs to join rows back."""

TAG_SEPARATOR = "; "
"""Tags are joined with a semicolon: commas occur in tags more often than semicolons do."""

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _guard(value: str) -> str:
    """Stop a spreadsheet from running report text as a formula (CSV injection).

    Quotes come from imported reports, which nobody vetted; Excel and LibreOffice evaluate a cell that
    starts with `=`, `+`, `-` or `@` (OWASP's list, with tab and carriage return, which some spreadsheets
    skip before looking), so such cells get a leading apostrophe, which the spreadsheets treat as "this
    is text". Every text column is guarded, not only the ones a person typed: dates, colour names and
    time stamps can come from an imported annotation file as well.
    """
    return "'" + value if value.startswith(_FORMULA_START) else value


def to_csv(
    docs: Sequence[ExportDocument],
    colors: Sequence[HighlightColor] = DEFAULT_COLORS,
    *,
    formula_guard: bool = True,
) -> str:
    """Every annotation of every document as CSV text beginning with a BOM.

    `formula_guard=False` keeps text cells byte-for-byte (for scripts rather than spreadsheets).
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for doc in docs:
        paragraphs = Paragraphs(doc.text)
        for a in reading_order(doc.annotations):
            row: list[object] = [
                doc.id,
                doc.title,
                doc.date,
                a.quote,
                a.note,
                localized_color(a.color, colors, doc).name,
                TAG_SEPARATOR.join(t for t in a.tags if t),
                a.start,
                a.end,
                "" if a.orphan else paragraphs.number(a.start),
                "" if a.orphan else (page_of(a.start, doc.pages) or ""),
                a.color,
                a.created,
                a.modified,
                "yes" if a.orphan else "",
                a.uuid,
            ]
            writer.writerow([_guard(cell) if formula_guard and isinstance(cell, str) else cell for cell in row])
    return "\ufeff" + buffer.getvalue()
