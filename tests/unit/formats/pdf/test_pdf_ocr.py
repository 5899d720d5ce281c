"""Scanned pages: found, read by OCR into the same layout as a text layer, and never a traceback.

Most tests give the importer a stand-in engine that "reads" lines placed where a page of print would have
them (turned by a scanner's skew), so what the pipeline does with OCR output is tested quickly and exactly;
the tests marked slow run the real engine on generated scans and judge its characters.
"""

from __future__ import annotations

import importlib
import io
import math
import os
import sys
import threading
from collections.abc import Callable
from concurrent.futures import Future
from pathlib import Path
from typing import Any

import numpy
import pypdfium2 as pdfium
import pytest

from reader.core.importing import Prepared, Skipped
from reader.formats import FormatError
from reader.formats.pdf import IMPORTER, PdfError, analyse, layout_from_json, ocr, read_pdf
from reader.formats.pdf.extract import extract
from reader.formats.pdf.importer import page_ranges
from reader.formats.pdf.model import Fragment
from reader.formats.prepare import prepare

pytest.importorskip("PIL", reason="scans are generated with Pillow (installed with the OCR engine)")
from pdf_scans import PAGE_W, SENTENCES, font_path, images_to_pdf, make_scan, paragraphs

DATA = Path(__file__).resolve().parents[3] / "data" / "pdf"
needs_font = pytest.mark.skipif(font_path() is None, reason="no CJK font installed to draw scans with")

HEAD = "乡村公共文化服务调查报告"
BODIES = [
    [
        ["这份调查报告整理了三个县的乡村图书室使用情况，", "重点关注借阅人数和开放时间。"],
        ["调查组在春季走访了四十二个行政村，与管理员", "和读者分别进行了访谈，多数图书室每周开放", "不少于五天。"],
    ],
    [
        ["儿童读物的借阅量最高，其次是农业技术和医疗", "保健类图书。管理员反映，新书补充不够及时，"],
        ["部分书架上的图书已经多年没有更新。"],
    ],
    [
        ["有些村把图书室和老年活动中心放在一起，来访", "人数明显增加。"],
        ["报告建议县级图书馆建立流动配送制度，每季度", "轮换一批图书，并为管理员提供培训。"],
    ],
]
"""What each page prints, paragraph by paragraph and line by line (pages differ, as real pages do)."""


def _blank_scan(pages: int) -> bytes:
    """A PDF of `pages` scanned-looking pages (a grey JPEG each) without a text layer; the stand-in engine
    decides what is printed on them."""
    from PIL import Image

    out = io.BytesIO()
    Image.new("L", (620, 877), 235).save(out, format="JPEG")
    return images_to_pdf([out.getvalue()] * pages)


def _quad(x0: float, top: float, x1: float, bottom: float, angle: float, cx: float, cy: float) -> list[list[float]]:
    cos, sin = math.cos(angle), math.sin(angle)
    corners = [(x0, top), (x1, top), (x1, bottom), (x0, bottom)]
    return [[cx + (x - cx) * cos - (y - cy) * sin, cy + (x - cx) * sin + (y - cy) * cos] for x, y in corners]


COLUMN_RIGHT = PAGE_W - 72  # the measure of an A4 page with one-inch margins


class StandIn:
    """Reads page n as a head, `BODIES[n % 3]` (first lines indented two characters, 12-pt print on an 18-pt
    pitch) and a `— n —` page number, as corner points in the image's pixels turned by `skew` degrees."""

    def __init__(self, skew: float = 1.2) -> None:
        self.calls = 0
        self.skew = math.radians(skew)

    def __call__(self, image: Any) -> list[tuple[list[list[float]], str, float]]:
        self.calls += 1
        height, width = image.shape[:2]
        px = width / PAGE_W
        out: list[tuple[list[list[float]], str, float]] = []

        def line(text: str, x0: float, top: float, size: float = 12.0, x1: float | None = None) -> None:
            right = x0 + size * len(text) if x1 is None else x1
            quad = _quad(x0 * px, top * px, right * px, (top + 1.1 * size) * px, self.skew, width / 2, height / 2)
            out.append((quad, text, 0.97))

        line(HEAD, 240, 50, 10)
        top = 90.0
        for paragraph in BODIES[(self.calls - 1) % len(BODIES)]:
            for i, text in enumerate(paragraph):
                # Lines of a paragraph are set to the full measure, except its last.
                line(text, 96 if i == 0 else 72, top, x1=None if i == len(paragraph) - 1 else COLUMN_RIGHT)
                top += 18
        line(f"— {self.calls} —", 280, 790, 10)
        return out


def _paragraphs(pages: int = 1) -> list[str]:
    return ["".join(p) for n in range(pages) for p in BODIES[n % len(BODIES)]]


def test_a_scanned_page_is_read_into_paragraphs_with_furniture_removed_and_pages_kept() -> None:
    engine = StandIn()
    layout = extract(_blank_scan(3), engine=engine)
    assert engine.calls == 3 and all(page.ocr for page in layout.pages)
    result = analyse(layout)
    assert list(result.paragraphs) == _paragraphs(3)
    assert sorted(r.reason for r in result.removed) == ["page-header"] * 3 + ["page-number"] * 3
    first, second = ("\n".join("".join(p) for p in BODIES[n]) for n in (0, 1))
    assert result.pages == (0, len(first) + 1, len(first) + len(second) + 2)


def test_skew_is_turned_out_so_a_column_keeps_one_left_edge() -> None:
    engine = StandIn(skew=2.0)
    fragments = extract(_blank_scan(1), engine=engine).pages[0].fragments
    body = [line for paragraph in BODIES[0] for line in paragraph]
    continued = [f for f in fragments if f.text in body and f.text not in (BODIES[0][0][0], BODIES[0][1][0])]
    assert len(continued) == 3
    assert max(f.x0 for f in continued) - min(f.x0 for f in continued) < 1.0
    assert {f.size for f in fragments if f.text in body} == {12.0}


def test_ocr_text_is_stored_so_rederiving_needs_no_engine(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr, "default_engine", lambda: StandIn())
    imported = IMPORTER.read(_blank_scan(2), "scan.pdf")
    assert imported.evidence["ocr_pages"] == "1-2"
    assert imported.evidence["ocr_engine"].startswith("rapidocr-onnxruntime")

    def no_engine() -> ocr.Engine | str:
        raise AssertionError("the stored layout must be enough")

    monkeypatch.setattr(ocr, "default_engine", no_engine)
    rebuilt = IMPORTER.from_raw(imported.raw)
    assert rebuilt.original == imported.original and rebuilt.pages == imported.pages
    assert rebuilt.evidence["ocr_pages"] == "1-2"
    layout = layout_from_json(imported.raw)
    assert all(page.ocr for page in layout.pages)
    assert {f.conf for page in layout.pages for f in page.fragments} == {0.97}
    assert IMPORTER.derive(rebuilt).text == IMPORTER.derive(imported).text


def test_a_text_pdf_never_starts_the_engine(monkeypatch: pytest.MonkeyPatch) -> None:
    """Neither loaded here nor started on its own thread: an error raised on that thread would only be
    kept in its future, so the starts themselves are counted."""
    started: list[str] = []

    def no_engine() -> ocr.Engine | str:
        started.append(threading.current_thread().name)
        return ocr.INSTALL_HINT

    def no_loading() -> Future[ocr.Engine | str]:
        started.append("ocr-load")
        loaded: Future[ocr.Engine | str] = Future()
        loaded.set_result(ocr.INSTALL_HINT)
        return loaded

    monkeypatch.setattr(ocr, "default_engine", no_engine)
    # the module, not the package's `extract` function of the same name
    monkeypatch.setattr(importlib.import_module("reader.formats.pdf.extract"), "_loading_engine", no_loading)
    imported = IMPORTER.read((DATA / "report_sc.pdf").read_bytes(), "report.pdf")
    assert "ocr_pages" not in imported.evidence and "ocr_notes" not in imported.evidence
    assert started == []


def test_loading_the_engine_leaves_the_windows_qt_paths_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("rapidocr_onnxruntime")
    monkeypatch.delenv("QT_QPA_FONTDIR", raising=False)
    monkeypatch.setenv("QT_QPA_PLATFORM_PLUGIN_PATH", "/the/window/plugins")
    for name in [m for m in sys.modules if m == "cv2" or m.startswith(("cv2.", "rapidocr_onnxruntime"))]:
        monkeypatch.delitem(sys.modules, name)  # imported afresh, as in a new process
    engine = ocr.default_engine.__wrapped__()
    assert not isinstance(engine, str)
    assert os.environ["QT_QPA_PLATFORM_PLUGIN_PATH"] == "/the/window/plugins"
    assert "QT_QPA_FONTDIR" not in os.environ


def test_without_the_engine_a_scan_is_skipped_with_the_package_to_install(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setitem(sys.modules, "rapidocr_onnxruntime", None)  # import fails as if not installed
    reason = ocr.default_engine.__wrapped__()
    assert reason == ocr.INSTALL_HINT and "install rapidocr-onnxruntime" in reason
    monkeypatch.setattr(ocr, "default_engine", lambda: reason)
    path = tmp_path / "scan.pdf"
    path.write_bytes(_blank_scan(2))
    result = prepare(path)
    assert isinstance(result, Skipped)
    assert result.reason == ocr.INSTALL_HINT and "\n" not in result.reason


def _mixed(scanned_pages: int) -> bytes:
    """The first page of a text fixture followed by scanned pages."""
    pdf = pdfium.PdfDocument((DATA / "report_sc.pdf").read_bytes())
    scan = pdfium.PdfDocument(_blank_scan(scanned_pages))
    try:
        for index in range(len(pdf) - 1, 0, -1):
            pdf.del_page(index)
        pdf.import_pages(scan)
        out = io.BytesIO()
        pdf.save(out)
        return out.getvalue()
    finally:
        scan.close()
        pdf.close()


def test_a_mixed_pdf_keeps_its_text_pages_and_says_why_the_scans_are_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr, "default_engine", lambda: ocr.INSTALL_HINT)
    imported = IMPORTER.read(_mixed(2), "mixed.pdf")
    assert imported.evidence["ocr_notes"] == ocr.INSTALL_HINT
    assert "ocr_pages" not in imported.evidence
    derived = IMPORTER.derive(imported)
    assert derived.text and derived.pages[1] == derived.pages[2] == len(derived.text)


def test_the_pages_of_a_mixed_pdf_begin_where_each_page_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr, "default_engine", lambda: StandIn())
    imported = IMPORTER.read(_mixed(1), "mixed.pdf")
    assert imported.evidence["ocr_pages"] == "2"
    result = analyse(layout_from_json(imported.raw))
    assert _paragraphs()[0] in result.text[result.pages[1] :]
    assert _paragraphs()[0] not in result.text[: result.pages[1]]


def _failing(exc: Exception) -> Callable[[Any], list[tuple[Any, str, float]]]:
    def engine(image: Any) -> list[tuple[Any, str, float]]:
        raise exc

    return engine


@pytest.mark.parametrize(
    ("engine", "reason"),
    [
        (_failing(RuntimeError("bad image\nwith detail")), "page 1: OCR failed (RuntimeError)"),
        (lambda image: [], "page 1: no text found by OCR"),
        (lambda image: [([[0, 0], [9, 0], [9, 9], [0, 9]], "噪", 0.1)], "page 1: no text found by OCR"),
    ],
)
def test_a_page_ocr_cannot_read_gives_a_one_line_reason(
    engine: ocr.Engine, reason: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    layout = extract(_blank_scan(1), engine=engine)
    assert layout.pages[0].note == reason and not layout.pages[0].ocr
    monkeypatch.setattr(ocr, "default_engine", lambda: engine)
    with pytest.raises(PdfError) as caught:
        IMPORTER.read(_blank_scan(1), "scan.pdf")
    assert str(caught.value) == reason


def test_an_unreadable_scan_is_skipped_with_the_reason_of_its_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr, "default_engine", lambda: _failing(ValueError("x")))
    with pytest.raises(FormatError) as caught:
        IMPORTER.read(_blank_scan(3), "scan.pdf")
    assert str(caught.value) == "page 1: OCR failed (ValueError) (and 2 more pages)"


def test_cancelling_stops_within_one_scanned_page(monkeypatch: pytest.MonkeyPatch) -> None:
    engine = StandIn()
    monkeypatch.setattr(ocr, "default_engine", lambda: engine)
    seen: list[tuple[int, int]] = []
    with pytest.raises(ocr.OcrCancelled) as caught:
        IMPORTER.read(
            _blank_scan(5), "scan.pdf", cancelled=lambda: bool(seen), progress=lambda d, t: seen.append((d, t))
        )
    assert engine.calls == 1 and seen == [(1, 5)]
    assert isinstance(caught.value, FormatError) and str(caught.value) == "cancelled while reading scanned page 2"


def test_progress_counts_the_scanned_pages_only(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr, "default_engine", lambda: StandIn())
    seen: list[tuple[int, int]] = []
    IMPORTER.read(_mixed(2), "mixed.pdf", progress=lambda d, t: seen.append((d, t)))
    assert seen == [(1, 2), (2, 2)]


def test_prepare_imports_a_scan_as_a_pdf_document(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(ocr, "default_engine", lambda: StandIn())
    path = tmp_path / "scan.pdf"
    path.write_bytes(_blank_scan(2))
    result = prepare(path)
    assert isinstance(result, Prepared)
    assert result.kind == "pdf" and result.derived.text.split("\n") == _paragraphs(2)


def test_a_text_layer_of_garbage_or_a_stamp_is_not_usable_but_prose_is() -> None:
    def page(text: str) -> list[Fragment]:
        return [Fragment(text, 0, 100, 0, 10, 10)]

    assert not ocr.usable([])
    assert not ocr.usable(page("第 3 页"))  # a stamped page number on a scan
    assert not ocr.usable(page("\ue000\ue001\ue002" * 20))  # private-use codes from a font without a map
    assert ocr.usable(page("这份调查报告整理了三个县的乡村图书室使用情况，重点关注借阅人数。"))


def test_page_ranges_are_compact() -> None:
    assert page_ranges([1, 2, 3, 5, 7, 8]) == "1-3,5,7-8"
    assert page_ranges([4]) == "4"


def _cer(expected: str, got: str) -> float:
    """Character error rate: edit distance over the expected length."""
    prev = list(range(len(got) + 1))
    for i, a in enumerate(expected, start=1):
        cur = [i]
        for j, b in enumerate(got, start=1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a != b)))
        prev = cur
    return prev[-1] / max(1, len(expected))


SIMPLIFIED = tuple(s for s in SENTENCES if "這" not in s and "研究人員" not in s)
"""The generator's sentences in simplified script (the engine's dictionary lacks some traditional forms)."""


@pytest.mark.slow
@needs_font
def test_the_real_engine_reads_a_skewed_noisy_scan() -> None:
    pytest.importorskip("rapidocr_onnxruntime")
    scan = make_scan([paragraphs(7, 3, SIMPLIFIED), paragraphs(8, 2, SIMPLIFIED)], seed=7, skew=1.0)
    result = read_pdf(scan.data)
    assert all(page.ocr for page in result.layout.pages)
    assert len(result.paragraphs) == len(scan.pages[0]) + len(scan.pages[1])
    assert _cer(scan.text, result.text) < 0.03
    assert HEAD not in result.text
    assert abs(result.pages[1] - len("\n".join(scan.pages[0])) - 1) <= 3


@pytest.mark.slow
def test_the_committed_scan_reads_back_its_printed_paragraphs() -> None:
    """tests/data/pdf/scan-1page.pdf is what the packaged app's smoke test imports: it has to stay a scan the
    engine reads, with the text its generator printed."""
    pytest.importorskip("rapidocr_onnxruntime")
    data = (DATA / "scan-1page.pdf").read_bytes()
    want = (DATA / "scan-1page.expected.txt").read_text(encoding="utf-8").strip()
    assert len(data) < 100_000
    result = read_pdf(data)
    assert [page.ocr for page in result.layout.pages] == [True]
    # one page cannot show that its running head repeats, so the head stays as a first line
    body = [paragraph for paragraph in result.paragraphs if paragraph != HEAD]
    assert len(body) == len(want.splitlines())
    # the fixture mixes in one traditional sentence, which the recogniser reads less well
    assert _cer(want.replace("\n", ""), "".join(body)) < 0.05


@pytest.mark.slow
def test_the_engine_detects_on_a_smaller_image_but_gives_boxes_in_the_page_image() -> None:
    """Detection runs on the page scaled to DET_SIDE; the lines are cut from, and located in, the full
    render: the centred running head is found about the middle of the 1240-px-wide image (not of the
    smaller one), and the full body lines reach the right margin, 72 pt from the edge."""
    pytest.importorskip("rapidocr_onnxruntime")
    engine = ocr.default_engine()
    assert not isinstance(engine, str)
    pdf = pdfium.PdfDocument((DATA / "scan-1page.pdf").read_bytes())
    try:
        image = pdf[0].render(scale=ocr.DPI / 72).to_numpy()[:, :, :3]
    finally:
        pdf.close()
    height, width = image.shape[:2]
    assert max(height, width) > ocr.DET_SIDE
    found = engine(image)
    head = [box for box, text, _ in found if text == HEAD]
    assert len(head) == 1
    middle = sum(float(x) for x, _ in head[0]) / 4
    assert abs(middle - width / 2) < 0.03 * width
    right_margin = width * (1 - 72 / PAGE_W)
    rights = [max(float(x) for x, _ in box) for box, _, _ in found]
    assert abs(max(rights) - right_margin) < 0.03 * width


def test_an_import_cancelled_during_a_long_scan_stops_within_a_page(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from reader.app.importing import import_paths
    from reader.store.library import Library

    engine = StandIn()
    monkeypatch.setattr(ocr, "default_engine", lambda: engine)
    path = tmp_path / "scan.pdf"
    path.write_bytes(_blank_scan(8))
    with Library(tmp_path / "lib.sqlite") as library:
        report = import_paths(library, [path], workers=1, cancelled=lambda: engine.calls >= 2)
        assert report.cancelled and report.imported == [] and report.skipped == []
        assert engine.calls <= 3 and library.count() == 0


def test_the_info_tab_says_which_pages_were_read_by_ocr(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, qtbot: Any
) -> None:
    from reader.app.importing import import_paths
    from reader.formats.registry import evidence_of
    from reader.store.library import Library
    from reader.ui.info_panel import InfoPanel

    monkeypatch.setattr(ocr, "default_engine", lambda: StandIn())
    path = tmp_path / "scan.pdf"
    path.write_bytes(_blank_scan(2))
    with Library(tmp_path / "lib.sqlite") as library:
        (doc_id,) = import_paths(library, [path], workers=1).imported
        doc = library.get(doc_id)
    assert doc is not None and evidence_of(doc.raw, "pdf")["ocr_pages"] == "1-2"
    panel = InfoPanel()
    qtbot.addWidget(panel)
    panel.show_document(doc)
    assert panel.value("Read by OCR") == "pages 1-2"
    assert evidence_of("not a layout", "pdf") == {} and evidence_of("x", "no-such-format") == {}


def test_the_first_page_is_detected_on_every_core_and_finds_the_same_lines(monkeypatch: pytest.MonkeyPatch) -> None:
    """While no page detected before waits for its recognition (a document's first page), the detector runs on
    two onnxruntime threads; the next page's detection, which starts while the first is recognised, on one.
    The boxes are the same either way, so the reading is. A page given up (a cancel) stops counting."""
    pytest.importorskip("rapidocr_onnxruntime")
    import gc

    import onnxruntime

    if (os.cpu_count() or 1) < 2:
        pytest.skip("one core: the detector has one thread whatever runs beside it")
    engine = ocr.default_engine.__wrapped__()
    assert isinstance(engine, ocr.StagedEngine)
    threads: list[int] = []
    run = onnxruntime.InferenceSession.run

    def counted(self: Any, *args: Any, **kwargs: Any) -> Any:
        if "det" in str(getattr(self, "_model_path", "")):
            threads.append(self.get_session_options().intra_op_num_threads)
        return run(self, *args, **kwargs)

    monkeypatch.setattr(onnxruntime.InferenceSession, "run", counted)
    monkeypatch.setattr(ocr, "REREAD_SPANS", True)
    monkeypatch.setattr(ocr, "recognise_spans", lambda lines, *_args: [("", 0.0)] * len(lines))
    pdf = pdfium.PdfDocument((DATA / "scan-1page.pdf").read_bytes())
    try:
        first = pdf[0].render(scale=ocr.DPI / 72).to_numpy()[:, :, :3].copy()
    finally:
        pdf.close()
    second = first.copy()
    alone = engine.detect(first)
    beside = engine.detect(second)  # the first page is not recognised yet
    engine.recognise(first, alone)
    engine.recognise(second, beside)
    after = engine.detect(first)
    engine.recognise(first, after)
    given_up = first.copy()
    engine.detect(given_up)
    engine.detect(second)  # the page given up waits, as far as the engine knows
    engine.recognise(second, beside)
    del given_up
    gc.collect()
    engine.detect(first)  # it no longer counts once its image is gone
    assert threads == [2, 1, 2, 2, 1, 2]
    assert len(alone) > 5
    for one, two, three in zip(alone, beside, after, strict=True):
        assert numpy.array_equal(one, two) and numpy.array_equal(one, three)


def _layer(text: str) -> list[Fragment]:
    return [Fragment(text[i : i + 30], 72.0, 400.0, 100.0 + i, 112.0 + i, 11.0) for i in range(0, len(text), 30)]


def test_a_text_layer_of_glyph_codes_is_read_from_the_image() -> None:
    """A Chinese report rewritten by a tool that dropped its fonts' Unicode maps: PDFium hands back glyph
    codes as Latin-1 letters and signs; the page must be read from what it shows."""
    codes = "-1-ÿOî{oóÓ]|~ç^N_ùöß^N/?Ó]|~b/1|~Ìoj¯2024~ßÿÿOîw{60ÝÛïN/?¿r5120O/ÿW÷~22.8%ÿOî{oóÓ]|~ç^N_ùöß^N"
    assert ocr.garbled(_layer(codes))


@pytest.mark.parametrize(
    "text",
    [
        "截至2024年底，长三角地区60岁及以上人口达到5120万人，老龄化率为22.8%，高于全国平均水平1.7个百分点。",
        "The committee's report, published in March, sets out the régime for cross-border data transfers.",
        "地区 2023 2024 增长 上海 568 17.2 65.1% 江苏 1980 74.5 59.0% 浙江 1350 52.1 57.2% 安徽 1222 41.0 53.8%",
        "Les élèves étudièrent à l'école préférée près de la forêt, où déjà l'été arrivait très tôt cette année.",
        "Lǐ Míng. Zhōngguó jīngjì fāzhǎn yánjiū. Běijīng: Rénmín chūbǎnshè, 2019. Wáng Fāng. Yǎnglǎo fúwù.",
        "| Year | Rev | Cost |\n| 2021 | 12 | 7 |\n| 2022 | 14 | 8 |\n| 2023 | 15 | 9 |\n| 2024 | 17 | 10 |",
        r"\begin{align} \frac{a}{b} = \sum_{i=1}^{n} x_i^{2} \\ \int_0^1 f(x)\,dx = [F]_0^1 \end{align}",
        "12.3±0.4 °C 15.2±0.5 °C 18.1±0.3 °C 20.0±0.2 °C ×10³ µm² 3.1±0.2 µm 4.5±0.1 µm 2.2±0.3 µm",
    ],
)
def test_text_of_any_kind_is_not_taken_for_glyph_codes(text: str) -> None:
    assert not ocr.garbled(_layer(text))
