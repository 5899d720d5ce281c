"""Scanned pages fed in sideways or upside down: turned upright before their lines are read, so they read as
the same page scanned upright; an upright page is never turned.

The rules (`ocr_orient`) are tested on boxes and confidences given here; the tests marked slow run the real
engine on scans drawn here and turned a quarter, a half and three quarters.
"""

from __future__ import annotations

import numpy
import pypdfium2 as pdfium
import pytest

from reader.formats.pdf import ocr, ocr_orient, read_pdf

pytest.importorskip("PIL", reason="scans are generated with Pillow (installed with the OCR engine)")
from pdf_scans import PAGE_H, PAGE_W, SENTENCES, font_path, make_scan, paragraphs

needs_font = pytest.mark.skipif(font_path() is None, reason="no CJK font installed to draw scans with")
SIMPLIFIED = tuple(s for s in SENTENCES if "這" not in s and "研究人員" not in s)


def _box(x0: float, y0: float, x1: float, y1: float) -> list[list[float]]:
    return [[x0, y0], [x1, y0], [x1, y1], [x0, y1]]


def test_lines_standing_upright_show_a_page_on_its_side() -> None:
    rows = [_box(100, 100 + 40 * i, 1100, 130 + 40 * i) for i in range(20)]
    columns = [_box(100 + 40 * i, 100, 130 + 40 * i, 1100) for i in range(20)]
    assert not ocr_orient.quarter_turned(rows)
    assert ocr_orient.quarter_turned(columns)
    # a page number and a few single characters are neither: one tall line among them does not turn a page
    squares = [_box(500, 1500, 530, 1530), _box(600, 1500, 630, 1530)]
    assert not ocr_orient.quarter_turned([*squares, columns[0]])
    # a page of lines with one tall box (a vertical label in a margin) stays as it is
    assert not ocr_orient.quarter_turned([*rows, *columns[:3]])
    assert not ocr_orient.quarter_turned([])


def test_only_a_doubtful_reading_is_checked_upside_down() -> None:
    assert not ocr_orient.doubtful([("调查组在春季走访了四十二个行政村", 0.97), ("— 3 —", 0.6)])
    assert ocr_orient.doubtful([("亡旦丄卜山叫", 0.55), ("丬丨上", 0.62)])
    # weighted by length: a doubtful page number does not make a page of sure lines doubtful
    assert not ocr_orient.doubtful(
        [("调查组在春季走访了四十二个行政村，与管理员和读者分别进行了访谈", 0.95), ("3", 0.1)]
    )
    assert not ocr_orient.doubtful([])


def test_a_page_is_turned_only_when_the_turned_lines_read_clearly_surer() -> None:
    assert ocr_orient.flipped([0.5, 0.6, 0.55], [0.95, 0.97, 0.9])
    assert not ocr_orient.flipped([0.95, 0.97, 0.9], [0.5, 0.6, 0.55])
    assert not ocr_orient.flipped([0.6, 0.62], [0.65, 0.7])  # a poor scan reads poorly both ways
    assert not ocr_orient.flipped([], [])


def test_the_longest_lines_are_the_sample() -> None:
    lines = [numpy.zeros((30, width, 3), dtype=numpy.uint8) for width in (50, 900, 300, 1000, 20, 700, 800)]
    assert sorted(ocr_orient.sample(lines)) == [1, 3, 5, 6]


def test_a_page_read_turned_comes_back_in_the_upright_pages_frame() -> None:
    """An engine that turned a landscape image a quarter gives corners in the turned (portrait) image: the
    fragments are in points of that frame, and the result says how the page was turned."""
    image = numpy.full((600, 900, 3), 255, dtype=numpy.uint8)  # landscape as drawn, portrait upright

    def engine(_image: object) -> ocr.TurnedReading:
        return ocr.TurnedReading([(_box(50, 800, 550, 830), "这份调查报告整理了三个县的情况", 0.95)], 1)

    result = ocr.read_image(ocr.PageImage(image, 2.0), 1, engine)
    assert result.turns == 1
    (fragment,) = result.fragments
    assert (fragment.x0, fragment.x1) == pytest.approx((25, 275), abs=1)
    assert fragment.bottom == pytest.approx(415, abs=1)
    assert fragment.bottom > image.shape[0] / 2.0  # below the drawn image's height: in the upright frame


def _cer(expected: str, got: str) -> float:
    prev = list(range(len(got) + 1))
    for i, a in enumerate(expected, start=1):
        cur = [i]
        for j, b in enumerate(got, start=1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a != b)))
        prev = cur
    return prev[-1] / max(1, len(expected))


@pytest.mark.slow
@needs_font
def test_a_page_turned_any_way_reads_as_the_upright_page() -> None:
    """One page scanned upright, then turned a quarter, a half and three quarters: each turned page is
    turned back (by the turns that undo its own) and reads the same text, in a frame as wide as the upright
    page; the upright page is not turned."""
    pytest.importorskip("rapidocr_onnxruntime")
    engine = ocr.default_engine()
    assert not isinstance(engine, str)
    body = paragraphs(3, 3, SIMPLIFIED)
    scan = make_scan([body] * 4, seed=3, skew=0.8, turns=(0, 1, 2, 3))
    pdf = pdfium.PdfDocument(scan.data)
    try:
        results = [ocr.read_page(pdf[i], i + 1, engine) for i in range(4)]
    finally:
        pdf.close()
    assert [result.turns for result in results] == [0, 3, 2, 1]
    texts = ["".join(f.text for f in result.fragments if f.text != scan.head) for result in results]
    printed = "".join(body)
    assert _cer(printed, texts[0]) < 0.03
    for text in texts[1:]:
        assert _cer(printed, text) < 0.03
    for result in results:
        assert max(f.x1 for f in result.fragments) < PAGE_W
        assert max(f.bottom for f in result.fragments) < PAGE_H


@pytest.mark.slow
@needs_font
def test_a_scan_with_pages_upside_down_and_sideways_reads_as_the_upright_scan() -> None:
    """Through the whole reading (running heads, page numbers, reflow across pages): the same paragraphs,
    the same page starts."""
    pytest.importorskip("rapidocr_onnxruntime")
    pages = [paragraphs(11, 2, SIMPLIFIED), paragraphs(12, 2, SIMPLIFIED), paragraphs(13, 2, SIMPLIFIED)]
    upright = read_pdf(make_scan(pages, seed=5, skew=0.6).data)
    turned = read_pdf(make_scan(pages, seed=5, skew=0.6, turns=(0, 2, 1)).data)
    assert len(turned.paragraphs) == len(upright.paragraphs)
    assert _cer(upright.text, turned.text) < 0.02
    assert turned.pages == pytest.approx(upright.pages, abs=3)
