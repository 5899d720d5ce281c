"""The Info tab: what the library knows about the open document and the file it came from."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QPushButton, QWidget

from reader.store.library import Document
from reader.ui.i18n import QT_TRANSLATE_NOOP

_SCRIPT_NAMES = {
    "simplified": QT_TRANSLATE_NOOP("InfoPanel", "Simplified"),
    "traditional": QT_TRANSLATE_NOOP("InfoPanel", "Traditional"),
    "mixed": QT_TRANSLATE_NOOP("InfoPanel", "Mixed"),
    "none": QT_TRANSLATE_NOOP("InfoPanel", "No Chinese"),
}


def counted(translated: str, n: int) -> str:
    """A `tr("%n thing(s)", "", n)` result made right in English when no catalogue gave the plural forms
    (Qt then only substitutes %n): "1 thing", "2 things". A translated text has no "(s)" and is kept;
    digits are grouped ("12,345") either way."""
    if "(s)" in translated:
        translated = translated.replace("(s)", "" if n == 1 else "s")
    return translated.replace(str(n), f"{n:,}", 1) if abs(n) >= 1000 else translated


def human_size(size: int) -> str:
    value = float(size)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{size} B"


class InfoPanel(QWidget):
    editRequested = Signal()

    FIELDS = (
        QT_TRANSLATE_NOOP("InfoPanel", "Title"),
        QT_TRANSLATE_NOOP("InfoPanel", "Date"),
        QT_TRANSLATE_NOOP("InfoPanel", "Author"),
        QT_TRANSLATE_NOOP("InfoPanel", "Source"),
        QT_TRANSLATE_NOOP("InfoPanel", "Script"),
        QT_TRANSLATE_NOOP("InfoPanel", "File"),
        QT_TRANSLATE_NOOP("InfoPanel", "Folder"),
        QT_TRANSLATE_NOOP("InfoPanel", "Encoding"),
        QT_TRANSLATE_NOOP("InfoPanel", "Size"),
        QT_TRANSLATE_NOOP("InfoPanel", "Characters"),
        QT_TRANSLATE_NOOP("InfoPanel", "Removed lines"),
        QT_TRANSLATE_NOOP("InfoPanel", "Imported"),
        QT_TRANSLATE_NOOP("InfoPanel", "Read by OCR"),
        QT_TRANSLATE_NOOP("InfoPanel", "Repairs"),
        QT_TRANSLATE_NOOP("InfoPanel", "Font"),
    )
    # Formats whose stored form says how the text was read (a PDF: the pages read by OCR).
    _TOLD_FORMATS = frozenset({"pdf"})
    # Formats read with repair when a part is damaged (a DOCX or EPUB package): which parts, and how.
    _REPAIRED_FORMATS = frozenset({"docx", "epub"})

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        layout = QFormLayout(self)
        layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self._values: dict[str, QLabel] = {}
        for name in self.FIELDS:
            value = QLabel("—")
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setObjectName(f"info_{name.lower().replace(' ', '_')}")
            layout.addRow(self.tr(name), value)
            self._values[name] = value
        self.edit_button = QPushButton(self.tr("Edit Metadata…"))
        self.edit_button.setObjectName("editMetadata")
        self.edit_button.clicked.connect(self.editRequested)
        layout.addRow("", self.edit_button)

    def _ocr(self, doc: Document) -> str:
        """Which pages of a scanned PDF were read by OCR (so the reader knows to check their text), and
        why a page that needed reading gave nothing."""
        if doc.summary.kind not in self._TOLD_FORMATS:
            return ""
        from reader.formats.registry import evidence_of  # formats load when a PDF is shown

        evidence = evidence_of(doc.raw, doc.summary.kind)
        parts = []
        if evidence.get("ocr_pages"):
            parts.append(self.tr("pages {0}").format(evidence["ocr_pages"]))
        if evidence.get("ocr_notes"):
            parts.append(evidence["ocr_notes"])
        return "; ".join(parts)

    def _repairs(self, doc: Document) -> str:
        """Which damaged parts of the file were repaired or left out, so the reader knows the text may lack
        something (a chapter, the headings' styles) that the file was meant to hold."""
        if doc.summary.kind not in self._REPAIRED_FORMATS:
            return ""
        from reader.formats.registry import evidence_of

        return evidence_of(doc.raw, doc.summary.kind).get("repairs", "")

    def value(self, name: str) -> str:
        return self._values[name].text()

    def show_font(self, family: str) -> None:
        """The family the reading pane draws with: where the view's regional font is missing, the reader
        sees which one stood in for it."""
        self._values["Font"].setText(family or "—")

    def show_document(self, doc: Document | None) -> None:
        if doc is None:
            for label in self._values.values():
                label.setText("—")
            return
        s = doc.summary
        path = s.path or ""
        folder, _, _ = path.rpartition("/")
        script = self.tr(_SCRIPT_NAMES[s.script]) if s.script in _SCRIPT_NAMES else (s.script or "—")
        if s.script in ("simplified", "traditional", "mixed"):
            script += self.tr(" ({0:.0%} script-specific)").format(s.script_share)
        values = {
            "Title": s.title,
            "Date": s.date,
            "Author": s.author,
            "Source": s.source,
            "Script": script,
            "File": s.filename,
            "Folder": folder,
            "Encoding": s.encoding,
            "Size": human_size(s.size),
            "Characters": f"{s.chars:,}",
            "Removed lines": str(len(doc.removed)),
            "Imported": s.imported_at.replace("T", " ").rstrip("Z"),
            "Read by OCR": self._ocr(doc),
            "Repairs": self._repairs(doc),
        }
        for name, text in values.items():
            self._values[name].setText(text or "—")
