"""The OCR engine as `ocr.default_engine` runs it: lines recognised on several threads come back in the
page's order with their own text, and the OCR threads give way to the window's thread."""

from __future__ import annotations

import os
import sys
import threading
from pathlib import Path
from typing import Any

import pytest

from reader.formats.pdf import ocr

FONTS = (
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
)
FONT = next((Path(p) for p in FONTS if Path(p).exists()), None)

LINES = (
    "乡村图书室调查",
    "调查组在春季走访了四十二个行政村，与管理员和读者分别进行了访谈。",
    "儿童读物借阅量最高。",
    "报告建议县级图书馆建立流动配送制度，每季度轮换一批图书。",
    "二〇二四年三月",
)
"""Lines of very different lengths: the engine reads the longest first, so they are read out of order."""


def _page(lines: tuple[str, ...]) -> Any:
    """A white 150-dpi A4 page (BGR) with `lines` in 12-pt print, one under another."""
    numpy = pytest.importorskip("numpy")
    from PIL import Image, ImageDraw, ImageFont

    assert FONT is not None
    image = Image.new("RGB", (1240, 1755), "white")
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(str(FONT), 25)
    for i, text in enumerate(lines):
        draw.text((150, 200 + 60 * i), text, font=font, fill="black")
    return numpy.asarray(image)[:, :, ::-1].copy()


@pytest.mark.slow
@pytest.mark.skipif(FONT is None, reason="no CJK font installed to draw a page with")
def test_lines_read_on_several_threads_come_back_in_the_pages_order() -> None:
    pytest.importorskip("rapidocr_onnxruntime")
    engine = ocr.default_engine()
    assert not isinstance(engine, str), engine
    found = engine(_page(LINES))
    tops = [min(float(y) for _, y in box) for box, _, _ in found]
    assert tops == sorted(tops)
    assert [text for _, text, _ in found] == list(LINES)
    assert all(0.5 < score <= 1.0 for _, _, score in found)


@pytest.mark.slow
def test_a_blank_page_has_no_lines() -> None:
    numpy = pytest.importorskip("numpy")
    pytest.importorskip("rapidocr_onnxruntime")
    engine = ocr.default_engine()
    assert not isinstance(engine, str), engine
    assert list(engine(numpy.full((1755, 1240, 3), 255, dtype=numpy.uint8))) == []


@pytest.mark.skipif(sys.platform != "linux", reason="threads have their own priority on Linux only")
def test_ocr_threads_run_below_the_priority_of_the_thread_that_started_them() -> None:
    own = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
    seen: list[int] = []

    def probe() -> None:
        ocr._yield_to_window()
        seen.append(os.getpriority(os.PRIO_PROCESS, threading.get_native_id()))

    worker = threading.Thread(target=probe)
    worker.start()
    worker.join()
    assert seen == [min(19, own + ocr.NICE)]
    # the caller's own priority is untouched: only the OCR thread gives way
    assert os.getpriority(os.PRIO_PROCESS, threading.get_native_id()) == own
