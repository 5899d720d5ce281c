"""PDF export renders the HTML export offscreen into a real PDF with its fonts embedded and a text layer
that extracts as the text printed."""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtGui import QFontDatabase, QTextDocument
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reader.app.exporting import export_documents, write_export
from reader.core.annotations.model import Annotation
from reader.core.export import ExportDocument, to_html
from reader.core.script import Script
from reader.store.library import Library
from reader.ui.export_dialog import ExportDialog
from reader.ui.main_window import MainWindow
from reader.ui.pdf_export import _repair_text_layer, cjk_font_family, write_pdf

TEXT = "𠗣国务院今天发布了关于县级医院能力提升的通知。\n第二段:数据显示增长3.5%。\n" * 40
QUOTE_START = TEXT.index("县级医院")


def document() -> ExportDocument:
    annotation = Annotation(
        uuid="6f1c2b9e-0000-4000-8000-000000000001",
        doc_id=1,
        start=QUOTE_START,
        end=QUOTE_START + 6,
        quote=TEXT[QUOTE_START : QUOTE_START + 6],
        prefix=TEXT[:QUOTE_START],
        suffix=TEXT[QUOTE_START + 6 : QUOTE_START + 38],
        note="需要核实\n第二行",
        tags=("医疗",),
    )
    return ExportDocument(
        id=1,
        title="县级医院通知",
        date="2026-11-23",
        author="",
        source="",
        path="",
        text=TEXT,
        annotations=[annotation],
    )


@pytest.fixture
def pdf(qapp: QApplication, tmp_path: Path) -> Path:
    path = tmp_path / "notes.pdf"
    write_pdf(to_html([document()]), path)
    return path


def test_write_pdf_makes_a_pdf_with_pages(pdf: Path) -> None:
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF-")
    assert b"%%EOF" in data[-64:]
    pages = re.findall(rb"/Type\s*/Page(?![a-zA-Z])", data)
    assert len(pages) >= 2  # 80 paragraphs plus notes do not fit on one A4 page


def test_write_pdf_reports_an_unwritable_path(qapp: QApplication, tmp_path: Path) -> None:
    with pytest.raises(OSError):
        write_pdf("<p>x</p>", tmp_path / "missing" / "notes.pdf")


def test_pdf_embeds_the_cjk_font(pdf: Path) -> None:
    if shutil.which("pdffonts") is None:
        pytest.skip("pdffonts (poppler-utils) is not installed, so font embedding cannot be checked")
    out = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True, timeout=60).stdout
    rows = [line.split() for line in out.splitlines()[2:] if line.strip()]
    # Columns: name, type (one or two words), encoding, emb, sub, uni, object number, generation.
    embedded = [row[0] for row in rows if row[-5] == "yes"]
    assert embedded, out
    family = cjk_font_family()
    if family is None:
        pytest.skip("no CJK font installed here (e.g. apt-get install fonts-noto-cjk)")
    wanted = family.replace(" ", "").lower()
    assert any(name.split("+")[-1].lower().startswith(wanted) for name in embedded), out


def test_pdf_text_is_extractable_chinese(pdf: Path) -> None:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    if cjk_font_family() is None:
        pytest.skip("no CJK font installed here (e.g. apt-get install fonts-noto-cjk)")
    out = subprocess.run(
        ["pdftotext", "-f", "1", "-l", "1", str(pdf), "-"], capture_output=True, text=True, check=True, timeout=60
    ).stdout
    assert "县级医院通知" in out


# --- the text layer of a real export ------------------------------------------------------------

SEED_QUOTES = ("卫生发展研究中心", "县级医院", "一个", "千县工程")


def _seed_export(library_path: Path, script: str) -> list[ExportDocument]:
    """The seed report 001 with a few annotations, exported in `script` for a Chinese interface."""
    with Library(library_path) as library:
        doc_id = next(s.id for s in library.all_summaries() if s.filename.startswith("001"))
        text = library.get(doc_id).text  # type: ignore[union-attr]
        for k, quote in enumerate(SEED_QUOTES):
            start = text.index(quote)
            library.annotations.create(
                doc_id, start, start + len(quote), color=("yellow", "blue", "green", "red")[k], note="核实一下"
            )
        docs = export_documents(library, [doc_id], script=script)
    return [replace(d, script=script, language="zh_CN") for d in docs]


def _printed_text(html: str) -> str:
    """What Qt lays out for `html`: the text the PDF must give back."""
    document = QTextDocument()
    document.setHtml(html)
    return document.toPlainText()


def _extracted_text(pdf: Path) -> str:
    """`pdftotext` of `pdf` without the page numbers `print_` adds at the foot of each page."""
    out = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True, timeout=60).stdout
    pages = out.split("\f")
    kept = []
    for number, page in enumerate(pages, start=1):
        lines = [line for line in page.splitlines() if line.strip()]
        if lines and lines[-1].strip() == str(number):
            lines.pop()
        kept.extend(lines)
    return "\n".join(kept)


def _squeeze(text: str) -> str:
    """Only whitespace and line breaks may differ between the laid-out text and the extracted one."""
    return "".join(text.split())


def test_a_traditional_pdf_of_the_seed_annotations_extracts_as_its_text(
    qapp: QApplication, seeded_library: Path, tmp_path: Path
) -> None:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed, so the text layer cannot be read")
    if cjk_font_family() is None:
        pytest.skip("no CJK font installed here (e.g. apt-get install fonts-noto-cjk)")
    docs = _seed_export(seeded_library, "tw")
    html = to_html(docs)
    path = tmp_path / "notes.pdf"
    write_export(docs, "pdf", path, print_pdf=write_pdf)
    extracted = _squeeze(_extracted_text(path))
    expected = _squeeze(_printed_text(html))
    assert "衛生發展研究中心" in expected and "髮" not in expected
    radicals = sorted({c for c in extracted if 0x2E80 <= ord(c) <= 0x2FDF})
    assert not radicals, f"radicals in the text layer: {''.join(radicals)}"
    assert extracted == expected  # character for character
    assert "一個" in extracted and "衛生發展" in extracted  # searchable


def test_a_traditional_pdf_is_set_in_a_taiwan_face(qapp: QApplication, seeded_library: Path, tmp_path: Path) -> None:
    if shutil.which("pdffonts") is None:
        pytest.skip("pdffonts (poppler-utils) is not installed")
    if "Noto Serif CJK TC" not in QFontDatabase.families():
        pytest.skip("Noto Serif CJK TC is not installed here")
    path = tmp_path / "notes.pdf"
    write_export(_seed_export(seeded_library, "tw"), "pdf", path, print_pdf=write_pdf)
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True, timeout=60).stdout
    assert "NotoSerifCJKtc" in out and "CJKsc" not in out and "CJKjp" not in out, out


def test_the_text_layer_repair_keeps_offsets_and_only_changes_unprinted_characters(qapp: QApplication) -> None:
    family = cjk_font_family()
    if family is None or "Noto" not in family:
        pytest.skip("the aliasing this repairs is Noto CJK's, which is not installed here")
    cmap = (
        b"begincmap\n3 beginbfrange\n<0001> <0003> [<2F00> <2F8F> <5B57>]\n<0004> <0004> <2F2F>\n"
        b"<0005> <0006> <2F00>\nendbfrange\n1 beginbfchar\n<0007> <2F3C>\nendbfchar\nendcmap"
    )
    pdf = (
        b"%PDF-1.4\n9 0 obj\n<< /Type /Font /ToUnicode 10 0 R >>\nendobj\n"
        b"10 0 obj\n<< /Length " + str(len(cmap)).encode() + b" >>\nstream\n" + cmap + b"\nendstream\nendobj\n"
    )
    repaired = _repair_text_layer(pdf, "一行字工心", family)
    assert len(repaired) == len(pdf)
    assert b"[<4E00> <884C> <5B57>]" in repaired  # ⼀ → 一, ⾏ → 行, 字 unchanged
    assert b"<0004> <0004> <5DE5>" in repaired  # ⼯ → 工 in a one-code range
    assert b"<0005> <0006> <2F00>" in repaired  # a counting range is left alone
    assert b"<0007> <5FC3>" in repaired  # ⼼ → 心 in bfchar


def test_the_export_dialog_previews_a_pdf_as_pages(window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    if cjk_font_family() is None:
        pytest.skip("no CJK font installed here (e.g. apt-get install fonts-noto-cjk)")
    current = window.current.id if window.current else None
    dialog = ExportDialog(window.library, current=current, selected=[], script=Script.TW, language="zh_CN")
    qtbot.addWidget(dialog)
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("pdf"))
    assert dialog.preview_stack.currentIndex() == 1
    assert dialog.page_labels, "no page rendered"
    pixmap = dialog.page_labels[0].pixmap()
    assert pixmap.width() > 500 and pixmap.height() > pixmap.width()  # an A4 page, portrait
    image = pixmap.toImage()
    inked = sum(
        1
        for x in range(0, image.width(), 7)
        for y in range(0, image.height(), 7)
        if image.pixelColor(x, y).value() < 128
    )
    assert inked > 50, "the page preview is blank"
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("md"))
    assert dialog.preview_stack.currentIndex() == 0
