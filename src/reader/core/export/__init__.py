"""Export annotated notes (Markdown, HTML, W3C JSON, CSV; PDF via `reader.ui.pdf_export`) and import them back.

This is the one module the CLI and the window import: its registry (`EXPORT_FORMATS`) names the formats
and the exporter for each, which live in their own modules (`export_markdown`, `export_html`,
`export_csv`, `w3c`) to keep each one small. Everything is pure and Qt-free; PDF is the HTML export
rendered by Qt (`needs_qt`), so `export_text` refuses it and the caller uses
`reader.ui.pdf_export.write_pdf(to_html(...), path)`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reader.core.annotations.model import DEFAULT_COLORS, HighlightColor
from reader.core.export.csv import CSV_COLUMNS, to_csv
from reader.core.export.html import to_html
from reader.core.export.markdown import markdown_filename, to_markdown, to_markdown_notes
from reader.core.export.model import ExportDocument, ExportFormatError
from reader.core.export.w3c import ImportedAnnotation, parse_w3c_json, to_w3c_json

__all__ = [
    "CSV_COLUMNS",
    "EXPORT_FORMATS",
    "EXTENSIONS",
    "FORMATS",
    "ExportDocument",
    "ExportFormat",
    "ExportFormatError",
    "ImportedAnnotation",
    "export_format",
    "export_text",
    "markdown_filename",
    "parse_w3c_json",
    "to_csv",
    "to_html",
    "to_markdown",
    "to_markdown_notes",
    "to_w3c_json",
]

Render = Callable[[Sequence[ExportDocument], Sequence[HighlightColor]], str]
RenderNotes = Callable[[Sequence[ExportDocument], Sequence[HighlightColor]], dict[str, str]]


@dataclass(frozen=True)
class ExportFormat:
    """One way out of the library. The CLI's `--format` choices, the export dialog's list and the tests
    all read `EXPORT_FORMATS`, so a new format is one module and one entry there."""

    key: str  # what `--format` takes; stable, written in scripts
    label: str  # untranslated; the dialog shows its own translation, looked up by `key`
    extension: str  # suggested file extension, with the dot
    render: Render  # the text written, or for `needs_qt` the HTML that Qt prints
    needs_qt: bool = False  # True: `render` gives HTML that `reader.ui.pdf_export.write_pdf` prints
    # Given, the format can also write one file per document into a folder: file name -> content.
    render_notes: RenderNotes | None = None


EXPORT_FORMATS: tuple[ExportFormat, ...] = (
    ExportFormat("md", "Markdown (Obsidian, Logseq)", ".md", to_markdown, render_notes=to_markdown_notes),
    ExportFormat("html", "HTML page (self-contained)", ".html", to_html),
    ExportFormat("pdf", "PDF", ".pdf", to_html, needs_qt=True),
    # `.jsonld` tells tools the JSON is JSON-LD (plain `.json` reads too).
    ExportFormat("json", "W3C Web Annotation JSON-LD", ".jsonld", to_w3c_json),
    ExportFormat("csv", "CSV spreadsheet (UTF-8 with BOM)", ".csv", to_csv),
)

FORMATS: tuple[str, ...] = tuple(f.key for f in EXPORT_FORMATS)
"""Format keys in the order the CLI and the export dialog offer them."""

EXTENSIONS: dict[str, str] = {f.key: f.extension for f in EXPORT_FORMATS}

_BY_KEY = {f.key: f for f in EXPORT_FORMATS}


def export_format(key: str) -> ExportFormat:
    """The format named `key`; ValueError, listing the choices, for a key no format has."""
    try:
        return _BY_KEY[key]
    except KeyError:
        raise ValueError(f"unknown export format {key!r}; choose one of {', '.join(FORMATS)}") from None


def export_text(docs: Sequence[ExportDocument], fmt: str, colors: Sequence[HighlightColor] = DEFAULT_COLORS) -> str:
    """The export of `docs` in a text format; ValueError for an unknown format or for one that Qt prints."""
    chosen = export_format(fmt)
    if chosen.needs_qt:
        raise ValueError(f"{chosen.label} is rendered by reader.ui.pdf_export.write_pdf(to_html(docs, colors), path)")
    return chosen.render(docs, colors)
