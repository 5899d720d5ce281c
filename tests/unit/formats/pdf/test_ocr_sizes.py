"""OCR'd print sizes: a detected line's box height follows its characters (brackets and punctuation reach
higher and lower than ideographs), so a footnote in smaller print can have the body's box height; its width
per character tells it apart, and then it leaves the paragraph above it."""

from __future__ import annotations

from reader.formats.pdf import analyse, ocr
from reader.formats.pdf.model import Layout, PageBox

Quad = list[list[float]]

BODY = 12.0  # points; the tests draw at one pixel per point
HIGH = 1.1 * BODY  # every line's box is this high, whatever its print
BODY_LINES = [
    "北戴河真是一个观鸟的天堂来自北爱地区的多个政党的候选人参加了竞选",
    "中共黑龙江省纪委日前发出通报宣布经省纪委和省委常委会议审议中央纪委",
    "决定并报中共中央批准给予原市委书记开除党籍处分并移送司法机关依法处",
    "理这是近年来该省查处的级别最高的一起案件引起了社会各界的广泛关注和",
]
NOTE = "①资料来源：新闻报道，经整理后刊发。"


def _box(x0: float, top: float, width: float) -> Quad:
    return [[x0, top], [x0 + width, top], [x0 + width, top + HIGH], [x0, top + HIGH]]


def _page(note_pitch: float) -> list[tuple[Quad, str, float]]:
    """Four full body lines on a 12-pt pitch and, below them, a note whose box is as high as theirs."""
    found = [(_box(72, 90 + 18 * i, BODY * len(text)), text, 0.98) for i, text in enumerate(BODY_LINES)]
    found.append((_box(72, 400, note_pitch * ocr._units(NOTE)), NOTE, 0.98))
    return found


def _sizes(found: list[tuple[Quad, str, float]]) -> dict[str, float]:
    return {fragment.text: fragment.size for fragment in ocr.to_fragments(found, 1.0)}


def test_a_line_in_smaller_print_gets_a_smaller_size_though_its_box_is_as_high() -> None:
    sizes = _sizes(_page(note_pitch=9.0))
    body = sizes[BODY_LINES[1]]
    assert {sizes[text] for text in BODY_LINES[1:]} == {body}
    assert sizes[NOTE] < 0.9 * body


def test_a_line_in_the_body_print_keeps_the_body_size() -> None:
    sizes = _sizes(_page(note_pitch=BODY))
    assert sizes[NOTE] == sizes[BODY_LINES[1]]


def test_full_width_digits_read_as_half_width_do_not_make_a_line_look_larger() -> None:
    """The recogniser gives `３５０` as `350`: the line is as wide as before but counts fewer ems."""
    found = _page(note_pitch=BODY)
    digits = "全村350户村民最多的存款90多万元最少的也有近10万元七十年代末"
    printed_ems = len(digits)  # every character printed full width
    found.append((_box(72, 200, BODY * printed_ems), digits, 0.98))
    sizes = _sizes(found)
    assert sizes[digits] == sizes[BODY_LINES[1]]


def test_a_short_line_is_sized_by_its_box_alone() -> None:
    """Too few characters for the box's padding to be a small share of its width."""
    found = _page(note_pitch=BODY)
    found.append((_box(72, 250, 9.0 * 3), "参考文", 0.98))
    sizes = _sizes(found)
    assert sizes["参考文"] == sizes[BODY_LINES[1]]


def test_a_paragraph_runs_on_past_a_footnote_with_the_body_box_height() -> None:
    """The note printed under a page's last line is taken out of the flow, so the paragraph that runs over
    the page break stays one paragraph instead of continuing the note."""
    first = tuple(ocr.to_fragments(_page(note_pitch=9.0), 1.0))
    following = "有关部门表示将继续加大查处力度。"
    second = tuple(ocr.to_fragments([(_box(72, 90, BODY * len(following)), following, 0.98)], 1.0))
    result = analyse(Layout((PageBox(0, 595.0, 842.0, first, ocr=True), PageBox(1, 595.0, 842.0, second, ocr=True))))
    assert "".join(BODY_LINES) + following in result.paragraphs
    assert NOTE in result.paragraphs
