"""The OCR engine as `ocr.default_engine` runs it: lines recognised on several threads come back in the
page's order with their own text, a traditional page is read again by the accurate recogniser (and the page
after it by that one at once), the model
files ship with the package, and the recogniser's regular misreadings (simplified forms on a traditional
page, the zero of a Chinese numeral) are put right."""

from __future__ import annotations

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


def _page(lines: tuple[str, ...], size: tuple[int, int] = (1240, 1755)) -> Any:
    """A white 150-dpi page (BGR, A4 unless `size` is given) with `lines` in 12-pt print, one under another."""
    numpy = pytest.importorskip("numpy")
    from PIL import Image, ImageDraw, ImageFont

    assert FONT is not None
    image = Image.new("RGB", size, "white")
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
    assert all(0.5 < score <= 1.0 for _, _, score in found)
    # as the importer takes them (the zero of 二〇二四 is often read as a letter O, and put right there)
    assert [fragment.text for fragment in ocr.to_fragments(found, ocr.DPI / 72)] == list(LINES)


TRADITIONAL_LINES = (
    "本會認為這項計畫應持之以恆，並稱讚各縣市的努力。",
    "調查組在春季走訪了四十二個行政村，與管理員和讀者分別進行了訪談。",
    "報告建議縣級圖書館建立流動配送制度，每季度輪換一批圖書。",
)
"""Traditional lines with characters the fast recogniser's list lacks (認 稱 恆)."""


@pytest.mark.slow
@pytest.mark.skipif(FONT is None, reason="no CJK font installed to draw a page with")
def test_a_traditional_page_is_read_by_the_accurate_recogniser() -> None:
    pytest.importorskip("rapidocr_onnxruntime")
    engine = ocr.default_engine()
    assert not isinstance(engine, str), engine
    found = engine(_page(TRADITIONAL_LINES))
    assert [fragment.text for fragment in ocr.to_fragments(found, ocr.DPI / 72)] == list(TRADITIONAL_LINES)


@pytest.mark.slow
@pytest.mark.skipif(FONT is None, reason="no CJK font installed to draw a page with")
def test_an_image_smaller_than_the_detectors_side_is_read_too() -> None:
    """A small image (a photographed paragraph) takes the engine's own detection, then the same recognisers."""
    pytest.importorskip("rapidocr_onnxruntime")
    engine = ocr.default_engine()
    assert not isinstance(engine, str), engine
    found = engine(_page(LINES[2:4], (900, 400)))
    assert [fragment.text for fragment in ocr.to_fragments(found, ocr.DPI / 72)] == list(LINES[2:4])


def test_the_recognisers_ship_with_the_package_with_their_licence() -> None:
    for name in (ocr.FAST.model, ocr.FAST.keys, ocr.ACCURATE.model, ocr.ACCURATE.keys, "LICENSE", "NOTICE"):
        assert (ocr.MODELS / name).is_file(), name
    notice = (ocr.MODELS / "NOTICE").read_text(encoding="utf-8")
    assert all(name in notice for name in (ocr.FAST.model, ocr.FAST.keys, ocr.ACCURATE.model, ocr.ACCURATE.keys))
    assert "Apache License" in (ocr.MODELS / "LICENSE").read_text(encoding="utf-8")
    assert ocr.FAST.name in ocr.engine_version() and ocr.ACCURATE.name in ocr.engine_version()


def test_a_missing_model_file_is_a_one_line_reason(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    pytest.importorskip("rapidocr_onnxruntime")
    monkeypatch.setattr(ocr, "MODELS", tmp_path)
    reason = ocr.default_engine.__wrapped__()
    assert isinstance(reason, str)
    assert reason.startswith("scanned page not read: rapidocr-onnxruntime models cannot be loaded (")
    assert "\n" not in reason


class StandIn:
    """A recogniser that reads each line (here, the line's own text) as given, and counts what it read."""

    def __init__(self, readings: dict[str, str]) -> None:
        self.readings = readings
        self.read: list[str] = []

    def __call__(self, line: str) -> tuple[str, float]:
        self.read.append(line)
        return self.readings[line], 0.9


def _in_order(reader: ocr.LineReader, lines: Any) -> list[tuple[str, float]]:
    return [reader(line) for line in lines]


def test_a_traditional_page_is_read_again_by_the_accurate_recogniser() -> None:
    # the fast recogniser reads a traditional page with simplified forms where its list lacks a character
    fast = StandIn({line: line.replace("認", "认").replace("稱", "称") for line in TRADITIONAL_LINES})
    accurate = StandIn({line: line for line in TRADITIONAL_LINES})
    read = ocr.recognise_lines(list(TRADITIONAL_LINES), fast, accurate, _in_order)
    assert fast.read == accurate.read == list(TRADITIONAL_LINES)
    assert [text for text, _ in read] == list(TRADITIONAL_LINES)


def test_a_traditional_page_the_fast_recogniser_reads_half_simplified_is_read_again() -> None:
    """The fast recogniser's list lacks many traditional forms: a page it reads with a third of its
    traditional characters in simplified form is still plainly traditional, though not by the 3 to 1 that
    `traditional_forms` asks of a finished reading."""
    from reader.core.script.opencc import convert

    lines = list(TRADITIONAL_LINES)
    fast = StandIn({lines[0]: convert(lines[0], "t2s"), lines[1]: lines[1], lines[2]: lines[2]})
    reading = "".join(fast.readings.values())
    assert ocr.traditional(reading, ocr.REREAD_MAJORITY) and not ocr.traditional(reading)
    accurate = StandIn({line: line for line in lines})
    assert [text for text, _ in ocr.recognise_lines(lines, fast, accurate, _in_order)] == lines
    assert accurate.read == lines


def test_a_simplified_page_is_read_once_by_the_fast_recogniser() -> None:
    fast = StandIn({line: line for line in LINES})
    accurate = StandIn({})
    read = ocr.recognise_lines(list(LINES), fast, accurate, _in_order)
    assert [text for text, _ in read] == list(LINES)
    assert fast.read == list(LINES) and accurate.read == []
    # one traditional line on a simplified page decides nothing either
    mixed = [*LINES, TRADITIONAL_LINES[1]]
    fast = StandIn({line: line for line in mixed})
    assert [text for text, _ in ocr.recognise_lines(mixed, fast, accurate, _in_order)] == mixed
    assert accurate.read == []


def test_the_script_is_judged_on_the_first_lines_and_every_line_is_read_once_per_recogniser() -> None:
    long_simplified = [f"{line}{i}" for i in range(3) for line in LINES]  # 15 lines, more than the sample
    fast = StandIn({line: line for line in long_simplified})
    accurate = StandIn({})
    read = ocr.recognise_lines(long_simplified, fast, accurate, _in_order)
    assert [text for text, _ in read] == long_simplified
    assert fast.read == long_simplified and accurate.read == []
    long_traditional = [f"{line}{i}" for i in range(4) for line in TRADITIONAL_LINES]  # 12 lines
    fast = StandIn({line: line for line in long_traditional})
    accurate = StandIn({line: line.replace("。", "．") for line in long_traditional})
    read = ocr.recognise_lines(long_traditional, fast, accurate, _in_order)
    assert [text for text, _ in read] == [line.replace("。", "．") for line in long_traditional]
    assert fast.read == long_traditional[: ocr.SAMPLE_LINES] and accurate.read == long_traditional


def test_the_page_after_a_traditional_page_skips_the_fast_sample() -> None:
    lines = [f"{line}{i}" for i in range(4) for line in TRADITIONAL_LINES]
    prior = ocr.ScriptPrior()
    fast = StandIn({line: line for line in lines})
    accurate = StandIn({line: line for line in lines})
    assert [text for text, _ in ocr.recognise_lines(lines, fast, accurate, _in_order, prior)] == lines
    assert prior.traditional and fast.read == lines[: ocr.SAMPLE_LINES]
    fast.read, accurate.read = [], []
    assert [text for text, _ in ocr.recognise_lines(lines, fast, accurate, _in_order, prior)] == lines
    assert fast.read == [] and accurate.read == lines
    assert prior.traditional


def test_a_simplified_page_in_a_traditional_document_is_read_right_and_ends_the_carried_script() -> None:
    """The accurate recogniser reads simplified text too, so the page guessed wrong is read right; its
    reading says the script changed, and the page after it is judged on a fast sample again."""
    prior = ocr.ScriptPrior(traditional=True)
    fast = StandIn({line: line for line in LINES})
    accurate = StandIn({line: line for line in LINES})
    assert [text for text, _ in ocr.recognise_lines(list(LINES), fast, accurate, _in_order, prior)] == list(LINES)
    assert fast.read == [] and accurate.read == list(LINES)
    assert not prior.traditional
    accurate.read = []
    assert [text for text, _ in ocr.recognise_lines(list(LINES), fast, accurate, _in_order, prior)] == list(LINES)
    assert fast.read == list(LINES) and accurate.read == []


def test_a_page_too_short_to_show_its_script_keeps_the_carried_one() -> None:
    title = ["二〇二四年度報告", "第三章"]  # 2 script-specific characters: not enough to tell
    prior = ocr.ScriptPrior(traditional=True)
    reader = StandIn({line: line for line in title})
    ocr.recognise_lines(title, StandIn({}), reader, _in_order, prior)
    assert prior.traditional
    prior = ocr.ScriptPrior()
    ocr.recognise_lines(title, reader, StandIn({}), _in_order, prior)
    assert not prior.traditional


@pytest.mark.slow
def test_a_blank_page_has_no_lines() -> None:
    numpy = pytest.importorskip("numpy")
    pytest.importorskip("rapidocr_onnxruntime")
    engine = ocr.default_engine()
    assert not isinstance(engine, str), engine
    assert list(engine(numpy.full((1755, 1240, 3), 255, dtype=numpy.uint8))) == []


BOX = [[0.0, 0.0], [100.0, 0.0], [100.0, 20.0], [0.0, 20.0]]

TRADITIONAL_PAGE = (
    "這項計畫由地方政府與大學合作推動，預計在兩年內完成第一階段的評估。",
    "研究人員將定期公布進度，並邀請居民參加說明會，提出具體的改进建議。",
    "東部縣市的參与情況較好，但是交通不便的鄉鎮仍然需要更多協助。",
)
"""A traditional page as the recogniser reads it: 进, 东 (in 東's place), 与 come out in simplified form."""


def test_simplified_characters_on_a_traditional_page_are_turned_back() -> None:
    misread = [(BOX, line.replace("東", "东"), 0.9) for line in TRADITIONAL_PAGE]
    fixed = [text for _, text, _ in ocr.traditional_forms(misread)]
    assert fixed[1].endswith("提出具體的改進建議。")
    assert fixed[2].startswith("東部縣市的參與情況")
    # characters read right are left exactly as they were, and every line keeps its length
    assert fixed[0] == TRADITIONAL_PAGE[0]
    assert [len(t) for t in fixed] == [len(t) for t in TRADITIONAL_PAGE]


def test_a_simplified_page_or_a_mixed_one_is_left_alone() -> None:
    simplified = [(BOX, "这份调查报告整理了三个县的乡村图书室使用情况，重点关注借阅人数和开放时间。", 0.9)] * 3
    assert ocr.traditional_forms(simplified) == simplified
    # one traditional quotation on a simplified page decides nothing
    mixed = [*simplified, (BOX, TRADITIONAL_PAGE[0], 0.9)]
    assert ocr.traditional_forms(mixed) == mixed


def test_the_zero_of_a_chinese_numeral_read_as_a_letter_is_a_zero() -> None:
    found = [(BOX, "二O二四年三月", 0.9), (BOX, "二〇一O年", 0.9), (BOX, "完成O点五", 0.9), (BOX, "型号O二", 0.9)]
    assert [f.text for f in ocr.to_fragments(found, 1.0)] == ["二〇二四年三月", "二〇一〇年", "完成O点五", "型号O二"]
