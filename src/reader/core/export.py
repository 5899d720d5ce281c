"""Export annotated notes (Markdown, HTML, W3C JSON, CSV; PDF via `reader.pdf_export`) and import them back.

This is the one module the CLI and the window import: it names the formats and dispatches to the
exporter for each, which live in their own modules (`export_markdown`, `export_html`, `export_csv`,
`w3c`) to keep each one small. Everything is pure and Qt-free; PDF is the HTML export rendered by Qt,
so `export_text` refuses it and the caller uses `reader.pdf_export.write_pdf(to_html(...), path)`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from reader.core.annotation_model import DEFAULT_COLORS, HighlightColor
from reader.core.export_csv import CSV_COLUMNS, to_csv
from reader.core.export_html import to_html
from reader.core.export_markdown import markdown_filename, to_markdown, to_markdown_notes
from reader.core.export_model import ExportDocument, ExportFormatError
from reader.core.w3c import ImportedAnnotation, parse_w3c_json, to_w3c_json

__all__ = [
    "CSV_COLUMNS",
    "EXTENSIONS",
    "FORMATS",
    "ExportDocument",
    "ExportFormatError",
    "ImportedAnnotation",
    "export_text",
    "markdown_filename",
    "parse_w3c_json",
    "to_csv",
    "to_html",
    "to_markdown",
    "to_markdown_notes",
    "to_w3c_json",
]

FORMATS = ("md", "html", "json", "csv", "pdf")
"""Format names as the CLI's `--format` and the export dialog offer them."""

EXTENSIONS = {"md": ".md", "html": ".html", "json": ".jsonld", "csv": ".csv", "pdf": ".pdf"}
"""Suggested file extensions; `.jsonld` tells tools the JSON is JSON-LD (plain `.json` reads too)."""

_TEXT_EXPORTERS: dict[str, Callable[[Sequence[ExportDocument], Sequence[HighlightColor]], str]] = {
    "md": to_markdown,
    "html": to_html,
    "json": to_w3c_json,
    "csv": to_csv,
}


def export_text(docs: Sequence[ExportDocument], fmt: str, colors: Sequence[HighlightColor] = DEFAULT_COLORS) -> str:
    """The export of `docs` in a text format; ValueError for an unknown format or for "pdf" (needs Qt)."""
    if fmt == "pdf":
        raise ValueError("PDF is rendered by reader.pdf_export.write_pdf(to_html(docs, colors), path)")
    try:
        exporter = _TEXT_EXPORTERS[fmt]
    except KeyError:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}") from None
    return exporter(docs, colors)
