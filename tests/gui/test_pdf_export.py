"""PDF export renders the HTML export offscreen into a real PDF with its fonts embedded."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from reader.core.annotation_model import Annotation
from reader.core.export import ExportDocument, to_html
from reader.pdf_export import cjk_font_family, write_pdf

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
