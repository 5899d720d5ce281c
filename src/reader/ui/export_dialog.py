"""File ▸ Export…: pick what, in which format and script, see the first lines (or pages), then save.

A PDF is previewed as it will print: the export is written to a temporary PDF and its first pages are
rendered with pdfium, so the preview shows the fonts, glyphs and page breaks of the file, not HTML.
"""

from __future__ import annotations

import tempfile
from dataclasses import replace
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtGui import QFont, QImage, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from reader.app.exporting import export_documents, write_export
from reader.app.note_folder import NotesWritten
from reader.core.annotations.model import DEFAULT_COLORS
from reader.core.export import EXPORT_FORMATS, export_format
from reader.core.script import Script
from reader.store.library import Library
from reader.ui import file_dialogs
from reader.ui.info_panel import counted
from reader.ui.pdf_export import write_pdf

PREVIEW_LINES = 40
PREVIEW_PAGES = 2
PREVIEW_SCALE = 1.0
"""Pages rendered at 72 dpi: an A4 page is 595 px wide, readable beside the form without scrolling sideways."""


def render_pdf_pages(path: Path, pages: int = PREVIEW_PAGES, scale: float = PREVIEW_SCALE) -> list[QImage]:
    """The first `pages` pages of the PDF at `path` as images (pdfium renders; Qt only shows them)."""
    images: list[QImage] = []
    pdf = pdfium.PdfDocument(str(path))
    try:
        for index in range(min(pages, len(pdf))):
            bitmap = pdf[index].render(scale=scale, rev_byteorder=True)
            fmt = QImage.Format.Format_RGBA8888 if bitmap.n_channels == 4 else QImage.Format.Format_RGB888
            image = QImage(bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride, fmt)
            images.append(image.copy())  # detach from the bitmap's buffer before pdfium frees it
    finally:
        pdf.close()
    return images


def documents_folder() -> str:
    """Where a first export is saved: the user's documents folder, or home when there is none."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return folder if folder and Path(folder).is_dir() else str(Path.home())


class ExportDialog(QDialog):
    def __init__(
        self,
        library: Library,
        *,
        current: int | None,
        selected: list[int],
        script: Script,
        phrases: bool = False,
        start_dir: str = "",
        language: str = "en",
        choices: dict[str, Any] | None = None,
        parent: Any = None,
    ) -> None:
        """`start_dir` is where the Save dialog opens (the documents folder when empty); `choices` are
        those of the last export (`choices()`), made again where they still apply."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export Notes"))
        self.resize(720, 560)
        self.library = library
        self._current = current
        self._selected = selected
        self._start_dir = start_dir
        self._language = language
        self.saved_to: Path | None = None
        self._build_choices(script, phrases)
        if choices:
            self._restore_choices(choices)
        self._build_preview()
        self._lay_out()
        for box in (self.format_box, self.scope_box, self.script_box):
            box.currentIndexChanged.connect(self.update_preview)
        self.convert_notes.toggled.connect(self.update_preview)
        self.phrases.toggled.connect(self.update_preview)
        self.filter_edit.textChanged.connect(self.update_preview)
        self.update_preview()

    def _build_choices(self, script: Script, phrases: bool) -> None:
        """The controls above the preview: format, documents, script and what to include."""
        self.format_box = QComboBox()
        self.format_box.setObjectName("exportFormat")
        labels = self.format_labels()
        for fmt in EXPORT_FORMATS:
            self.format_box.addItem(labels.get(fmt.key, fmt.label), fmt.key)
        self.scope_box = QComboBox()
        self.scope_box.setObjectName("exportScope")
        if self._current is not None:
            self.scope_box.addItem(self.tr("This document"), "current")
        if len(self._selected) > 1:
            self.scope_box.addItem(self.tr("Selected documents ({0})").format(len(self._selected)), "selected")
        self.scope_box.addItem(self.tr("All documents"), "all")
        self.scope_box.addItem(self.tr("Annotated documents only"), "annotated")
        self.script_box = QComboBox()
        self.script_box.setObjectName("exportScript")
        for s, label in zip(Script, ("原文", "简体", "繁體", "臺灣", "香港"), strict=True):
            self.script_box.addItem(label, s.value)
        self.script_box.setCurrentIndex(list(Script).index(script))
        self.phrases = QCheckBox(self.tr("Regional vocabulary (软件 → 軟體)"))
        self.phrases.setChecked(phrases)
        self.convert_notes = QCheckBox(self.tr("Convert my notes to this script too"))
        self.notes_folder = QCheckBox(self.tr("Markdown: one note per document in a folder (Obsidian, Logseq)"))
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(self.tr("only annotations whose quote, note or tag contains…"))

    def choices(self) -> dict[str, Any]:
        """What the reader chose, for the next export to start from."""
        return {
            "format": self.format_box.currentData(),
            "scope": self.scope_box.currentData(),
            "script": self.script_box.currentData(),
            "phrases": self.phrases.isChecked(),
            "convert_notes": self.convert_notes.isChecked(),
            "notes_folder": self.notes_folder.isChecked(),
        }

    def _restore_choices(self, choices: dict[str, Any]) -> None:
        """Choose again what `choices` holds; a scope that does not apply now (no selection) keeps the
        default."""
        for box, key in ((self.format_box, "format"), (self.scope_box, "scope"), (self.script_box, "script")):
            index = box.findData(choices.get(key))
            if index >= 0:
                box.setCurrentIndex(index)
        for check, key in (
            (self.phrases, "phrases"),
            (self.convert_notes, "convert_notes"),
            (self.notes_folder, "notes_folder"),
        ):
            if isinstance(choices.get(key), bool):
                check.setChecked(choices[key])

    def name_filter(self) -> str:
        """The Save dialog's file types: the chosen format's, then any file."""
        chosen = export_format(str(self.format_box.currentData()))
        label = self.format_labels().get(chosen.key, chosen.label)
        return self.tr("{0} (*{1});;All files (*)").format(label, chosen.extension)

    def _build_preview(self) -> None:
        """Two previews in a stack: text for the text formats, rendered pages for PDF."""
        self.preview = QPlainTextEdit()
        self.preview.setObjectName("exportPreview")
        self.preview.setReadOnly(True)
        self.preview.setFont(QFont("monospace"))
        self.pdf_summary = QLabel()
        self.pdf_pages = QWidget()
        self.pdf_pages.setObjectName("exportPdfPages")
        self._pages_layout = QVBoxLayout(self.pdf_pages)
        self._pages_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.page_labels: list[QLabel] = []
        pdf_scroll = QScrollArea()
        pdf_scroll.setWidgetResizable(True)
        pdf_scroll.setWidget(self.pdf_pages)
        pdf_view = QWidget()
        pdf_layout = QVBoxLayout(pdf_view)
        pdf_layout.setContentsMargins(0, 0, 0, 0)
        pdf_layout.addWidget(self.pdf_summary)
        pdf_layout.addWidget(pdf_scroll, 1)
        self.preview_stack = QStackedWidget()
        self.preview_stack.setObjectName("exportPreviewStack")
        self.preview_stack.addWidget(self.preview)
        self.preview_stack.addWidget(pdf_view)

    def _lay_out(self) -> None:
        """The form on top, the preview filling the rest, Save and Cancel below."""
        form = QFormLayout()
        form.addRow(self.tr("Format"), self.format_box)
        form.addRow(self.tr("Documents"), self.scope_box)
        form.addRow(self.tr("Script"), self.script_box)
        form.addRow("", self.phrases)
        form.addRow("", self.convert_notes)
        form.addRow("", self.notes_folder)
        form.addRow(self.tr("Filter"), self.filter_edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.preview_stack, 1)
        layout.addWidget(buttons)

    def format_labels(self) -> dict[str, str]:
        """The translated name of each export format, by key; a format added to the registry without one
        here shows its registry label until it is translated."""
        return {
            "md": self.tr("Markdown (Obsidian, Logseq)"),
            "html": self.tr("HTML page (self-contained)"),
            "pdf": self.tr("PDF"),
            "json": self.tr("W3C Web Annotation JSON-LD"),
            "csv": self.tr("CSV spreadsheet (UTF-8 with BOM)"),
        }

    def ids(self) -> list[int]:
        scope = self.scope_box.currentData()
        if scope == "current" and self._current is not None:
            return [self._current]
        if scope == "selected":
            return list(self._selected)
        if scope == "annotated":
            counts = self.library.annotations.count_by_document()
            return [i for i in self.library.ids() if counts.get(i)]
        return self.library.ids()

    def documents(self) -> Any:
        """The documents to export, marked with their script (it sets the export's glyphs and the script
        of its labels) and with the interface language (the language of its labels)."""
        script = str(self.script_box.currentData())
        docs = export_documents(
            self.library,
            self.ids(),
            script=script,
            phrases=self.phrases.isChecked(),
            convert_notes=self.convert_notes.isChecked(),
            query=self.filter_edit.text().strip(),
        )
        return [replace(d, script=script, language=self._language) for d in docs]

    def update_preview(self) -> None:
        chosen = export_format(str(self.format_box.currentData()))
        docs = self.documents()
        count = sum(len(d.annotations) for d in docs)
        documents = counted(self.tr("%n document(s)", "", len(docs)), len(docs))
        annotations = counted(self.tr("%n annotation(s)", "", count), count)
        header = f"{documents} · {annotations}"
        if chosen.needs_qt:
            self._preview_pdf(chosen.render(docs[:3], DEFAULT_COLORS), header)
            return
        text = chosen.render(docs[:3], DEFAULT_COLORS)
        lines = text.splitlines()[:PREVIEW_LINES]
        self.preview_stack.setCurrentIndex(0)
        self.preview.setPlainText(f"{header}\n\n" + "\n".join(lines))

    def _preview_pdf(self, html: str, header: str) -> None:
        """Show the first pages of the PDF as it will be written."""
        with tempfile.TemporaryDirectory(prefix="reader-preview-") as folder:
            path = Path(folder) / "preview.pdf"
            try:
                write_pdf(html, path)
                images = render_pdf_pages(path)
            except (OSError, pdfium.PdfiumError) as exc:
                images = []
                header += "\n" + self.tr("The PDF preview could not be made: {0}").format(exc)
        for label in self.page_labels:
            label.deleteLater()
        self.page_labels = []
        for image in images:
            label = QLabel()
            label.setPixmap(QPixmap.fromImage(image))
            label.setStyleSheet("border: 1px solid #999999; background: white;")
            self._pages_layout.addWidget(label)
            self.page_labels.append(label)
        self.pdf_summary.setText(header)
        self.preview_stack.setCurrentIndex(1)

    def save(self) -> None:
        chosen = export_format(str(self.format_box.currentData()))
        start = self._start_dir or documents_folder()
        if chosen.render_notes is not None and self.notes_folder.isChecked():
            path = file_dialogs.existing_directory(self, self.tr("Export Notes to Folder"), start)
        else:
            suggested = str(Path(start) / f"notes{chosen.extension}")
            path = file_dialogs.save_file_name(self, self.tr("Export Notes"), suggested, self.name_filter())
        if not path:
            return
        documents = self.documents()
        try:
            written = write_export(documents, chosen.key, Path(path), print_pdf=write_pdf)
            if written.kept and self._overwrite_kept(written):
                written = write_export(documents, chosen.key, Path(path), print_pdf=write_pdf, overwrite=True)
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Export"), self.tr("Cannot write {0}: {1}").format(path, exc))
            return
        self.saved_to = Path(path)
        self.accept()

    def _overwrite_kept(self, written: NotesWritten) -> bool:
        """A notes folder export keeps the notes the reader edited since the last export (their changes
        would be lost): say which, and let them choose to write over them. True to overwrite."""
        names = ", ".join(p.name for p in written.kept[:3]) + (" …" if len(written.kept) > 3 else "")
        text = counted(
            self.tr("%n note(s) changed since the last export were kept as you edited them:", "", len(written.kept)),
            len(written.kept),
        )
        text += " " + names
        if written.foreign:
            text += "\n" + counted(
                self.tr(
                    "%n file(s) no export wrote were left alone; the notes went beside them.", "", len(written.foreign)
                ),
                len(written.foreign),
            )
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Export Notes to Folder"), text, parent=self)
        box.setObjectName("keptNotes")
        box.setInformativeText(
            self.tr("Overwrite them with the notes from the library? Your changes to them are lost.")
        )
        overwrite = box.addButton(self.tr("Overwrite"), QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(self.tr("Keep My Changes"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.exec()
        return box.clickedButton() is overwrite
