"""Two columns found from the page itself: a band of whitespace running down the page between two columns of
prose, whatever the font size and the gutter's width, with lines set over both columns (a title, a byline,
a footnote at the foot wider than its column) and a caption or table inside one column. The columns'
baselines need not line up (a heading in one column shifts the other's lines)."""

from __future__ import annotations

import pytest

from reader.formats.pdf import analyse
from reader.formats.pdf.model import Fragment, Layout, PageBox

LEFT, RIGHT = 72.0, 523.0
TEXT = (
    "近年来区域内数字经济规模持续扩大核心产业增加值稳步增长占地区生产总值的比重逐年提高多个城市在工业互联网"
    "人工智能和集成电路等领域形成了较为完整的产业链条与此同时区域内部发展不平衡问题依然突出部分城市数字基础"
    "设施建设相对滞后企业数字化转型面临资金人才和技术等多重约束调查显示规模以上数字经济企业数量持续增加其中"
    "高新技术企业占比超过六成研发投入强度明显高于全省平均水平从细分领域看电子信息制造业仍是主导产业软件和信"
    "息技术服务业增速最快跨境电商直播电商等新业态发展迅猛带动了大量灵活就业受访企业中多数表示数字化人才招聘"
    "困难其中数据分析算法工程和网络安全岗位缺口最大高校毕业生留本地比例虽有提高但高端人才仍依赖外部引进"
)


def _frag(text: str, x0: float, top: float, size: float) -> Fragment:
    return Fragment(text, x0, x0 + size * len(text), top, top + size * 1.2, size)


def _column(paragraphs: list[str], left: float, right: float, top: float, size: float) -> tuple[list[Fragment], float]:
    """Paragraphs set in a column with a two-em indent, at 1.7 times the font size."""
    per_line = int((right - left) // size)
    out: list[Fragment] = []
    for text in paragraphs:
        rest, first = text, True
        while rest:
            room = per_line - (2 if first else 0)
            piece, rest = rest[:room], rest[room:]
            out.append(_frag(piece, left + (2 * size if first else 0), top, size))
            top += 1.7 * size
            first = False
    return out, top


def _paragraphs(start: int, count: int, length: int) -> list[str]:
    return [TEXT[start + k * length : start + (k + 1) * length - 1] + "。" for k in range(count)]


def _page(index: int, size: float, gutter: float, footnote: str, first: bool) -> tuple[PageBox, list[str], list[str]]:
    width = (RIGHT - LEFT - gutter) / 2
    left_edge, right_start = LEFT + width, LEFT + width + gutter
    fragments: list[Fragment] = []
    top = 90.0
    if first:
        fragments.append(_frag("区域数字经济发展研究报告", 168.0, top, 20.0))
        fragments.append(_frag("区域经济研究所课题组", 242.0, top + 34, 11.0))
        top += 70
    left_text = _paragraphs(index * 7, 2, 60)
    right_text = _paragraphs(index * 7 + 150, 2, 60)
    left, bottom = _column(left_text, LEFT, left_edge, top, size)
    # A table inside the left column under its caption, the caption overhanging the column a little.
    caption = "表1 主要城市数字经济指标"
    fragments.append(_frag(caption, left_edge - 0.4 * gutter - 9.0 * len(caption), bottom + 8, 9.0))
    cell = width / 3
    for r, row in enumerate([["城市", "产值", "企业"], ["甲市", "1025", "782"], ["乙市", "612", "531"]]):
        fragments += [_frag(text, LEFT + c * cell + 4, bottom + 26 + r * 15, 8.0) for c, text in enumerate(row)]
    # The right column opens with a heading, so its lines sit between the left column's baselines.
    heading = "（二）人才供给" if index == 0 else "（四）资金保障"
    right, _ = _column(right_text, right_start, RIGHT, top + 2.2 * size, size)
    fragments += left + right + [_frag(heading, right_start, top, size * 1.2)]
    if footnote == "full":
        note = "数据来源：各市统计局、工业和信息化局发布的数字经济发展报告及相关统计公报，部分数据为初步核算数"
    else:
        note = "数据来源：各市统计局发布的数字经济发展报告"
    note = ("¹ " if index == 0 else "² 另见") + note
    note_end = RIGHT if footnote == "full" else left_edge + 0.7 * gutter
    fragments.append(Fragment(note, LEFT, note_end, 760.0, 769.6, 8.0))
    return PageBox(index, 595.0, 842.0, tuple(fragments)), left_text, [heading, *right_text]


@pytest.mark.parametrize("size", [9.0, 10.5, 12.0])
@pytest.mark.parametrize("gutter", [14.0, 24.0, 40.0])
@pytest.mark.parametrize("footnote", ["full", "into the gutter"])
@pytest.mark.parametrize("pages", [1, 2])
def test_two_columns_are_read_one_after_the_other(size: float, gutter: float, footnote: str, pages: int) -> None:
    boxes, expected = [], []
    for index in range(pages):
        box, left_text, right_text = _page(index, size, gutter, footnote, first=index == 0)
        boxes.append(box)
        expected += [*left_text, *right_text]
    result = analyse(Layout(tuple(boxes)))
    paragraphs = list(result.paragraphs)
    # Every column paragraph comes out whole, left column before right, page by page.
    positions = [paragraphs.index(text) for text in expected]
    assert positions == sorted(positions)
    assert "甲市\t1025\t782" in paragraphs


def test_a_contents_page_whose_leader_dots_start_where_each_entry_ends_is_not_two_columns() -> None:
    # Each entry and its leader dots are two pieces on one baseline; the dots start a little after the
    # entry's end, so the short entries' dots leave a band clear under the long entries' text.
    entries = [
        ("一、总体要求", 72.0, 263.0),
        ("（一）指导思想", 98.0, 297.0),
        ("（二）主要目标", 98.0, 297.0),
        ("二、重点任务", 72.0, 263.0),
        ("（一）夯实乡村信息基础设施", 98.0, 373.0),
        ("（二）发展农村数字经济", 98.0, 347.0),
        ("（三）提升乡村数字治理水平", 98.0, 372.0),
        ("三、保障措施", 72.0, 262.0),
        ("（一）加强组织领导", 98.0, 321.0),
        ("（二）强化资金和人才支撑", 98.0, 359.0),
        ("（三）严格督促考核", 98.0, 321.0),
    ]
    fragments = [_frag("目 录", 278.0, 80.0, 16.0)]
    for k, (entry, left, dots) in enumerate(entries):
        top = 128.0 + 23.0 * k
        fragments.append(_frag(entry, left, top, 13.0))
        fragments.append(Fragment("." * 30 + str(k + 1), dots, 523.0, top + 2, top + 17.6, 13.0))
    result = analyse(Layout((PageBox(0, 595.0, 842.0, tuple(fragments)),)))
    assert not any(entry in result.text for entry, _, _ in entries)
    assert sum(1 for removed in result.removed if removed.reason == "contents") == len(entries) + 1
