"""Notes set in the text's own size (as OCR measures every line by its height) at a page's foot, apart
from the text by a gap and opening with a note's mark, are notes: the paragraph running over the page
stays whole, and a caption set in the middle of a column ends its own paragraph before a heading."""

from __future__ import annotations

from reader.formats.pdf import analyse
from reader.formats.pdf.model import Fragment, Layout, PageBox

SIZE = 14.5
TEXT = "基准回归结果显示进入活动后县域新能源汽车渗透率显著提高社会消费品零售总额增速提高均在百分之一水平上显著事件"
REST = "研究图显示活动开展前各期系数均不显著满足平行趋势假设"


def _frag(text: str, x0: float, top: float) -> Fragment:
    return Fragment(text, x0, x0 + SIZE * len(text), top, top + SIZE * 1.2, SIZE)


def _page(index: int, texts: list[tuple[str, float, float]]) -> PageBox:
    return PageBox(index, 595.0, 842.0, tuple(_frag(text, x0, top) for text, x0, top in texts))


def test_a_note_in_the_texts_size_at_the_foot_is_not_spliced_into_the_paragraph() -> None:
    text = (TEXT * 2)[:88]  # three full lines: 28 after the indent, then 30 and 30
    lines = [("（一）基准回归", 72.0, 70.0), (text[:28], 101.0, 100.0), (text[28:58], 72.0, 126.0)]
    lines.append((text[58:], 72.0, 152.0))
    note = "③异质性稳健估计量参见相关文献的讨论。"
    page_one = _page(0, [*lines, (note, 72.0, 760.0)])
    page_two = _page(1, [(REST + "。", 72.0, 70.0), ("分地区看中部地区县域的带动效应最大。", 101.0, 96.0)])
    result = analyse(Layout((page_one, page_two)))
    assert text + REST + "。" in result.paragraphs
    assert note in result.paragraphs


def test_a_centred_caption_is_not_glued_to_the_heading_below_it() -> None:
    body = [("基准回归结果显示进入活动后县域新能源汽车渗透率显著提高。", 101.0, 100.0 + 26.0 * k) for k in range(4)]
    caption = "图2事件研究估计结果（各期系数及其置信区间估计）"  # set off the left edge
    heading = "（二）异质性分析"
    page = _page(
        0,
        [
            *body,
            (caption, 140.0, 300.0),
            (heading, 72.0, 326.0),
            ("分地区看中部地区县域的带动效应最大，东部地区次之，西部地区不显著。", 101.0, 352.0),
        ],
    )
    result = analyse(Layout((page,)))
    assert caption in result.paragraphs
    assert heading in result.paragraphs
