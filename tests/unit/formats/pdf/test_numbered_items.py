"""Numbered items of a list, set flush left without indent: an item that fills its line ends a sentence, and
the next item's number starts a new line of the text, however full the line above it is. And a contents page,
its entries ending in leader dots and a page number, is left out with its own reason."""

from __future__ import annotations

import pytest

from reader.formats.pdf import analyse
from reader.formats.pdf.model import Fragment, Layout, PageBox

SIZE = 12.0
LEFT, RIGHT = 72.0, 72.0 + 30 * SIZE  # thirty characters to a line


def _frag(text: str, top: float) -> Fragment:
    return Fragment(text, LEFT, LEFT + SIZE * len(text), top, top + SIZE * 1.2, SIZE)


def _set(items: list[str]) -> Layout:
    """Each item set in thirty-character lines from the left edge, with no indent and no extra gap."""
    fragments = []
    top = 100.0
    lead = "加快推进农村信息基础设施建设，补齐短板，重点做好以下工作："  # 30 characters, the column's width
    for text in [lead, *items]:
        while text:
            fragments.append(_frag(text[:30], top))
            text = text[30:]
            top += SIZE * 1.6
    return Layout((PageBox(0, 595, 842, tuple(fragments)),))


@pytest.mark.parametrize(
    "marks",
    [("1.", "2.", "3."), ("（1）", "（2）", "（3）"), ("①", "②", "③"), ("一、", "二、", "三、")],
)
def test_each_numbered_item_after_a_full_line_is_its_own_line(marks: tuple[str, ...]) -> None:
    bodies = [
        "实施光网乡村工程，年底前完成行政村光纤提速改造工作。",
        "推进智慧广电入村入户，实现应急广播行政村全覆盖的目标。",
        "建设州级农业农村大数据平台，汇聚耕地、气象、市场等基础数据。",
    ]
    items = [mark + body for mark, body in zip(marks, bodies, strict=True)]
    text = analyse(_set(items)).text
    lines = text.split("\n")
    for item in items:
        assert item in lines


def test_a_figure_that_wraps_to_the_next_line_is_not_an_item() -> None:
    """`2.5` at a line's start continues the sentence, as does a number after a line that ends mid-clause."""
    first = "全州农村居民人均可支配收入比上年增长了百分之七，城乡收入比缩小到"  # 30 characters
    item = "1.推进智慧广电入村入户，实现应急广播行政村全覆盖的目标。"
    text = analyse(_set([item, first + "2.5倍左右，差距继续缩小。"])).text
    assert text.split("\n")[-1] == item + first + "2.5倍左右，差距继续缩小。"


def test_a_numbered_line_that_follows_no_item_of_its_style_goes_on_the_paragraph() -> None:
    """Running text whose sentence ends at a line's end and whose next line happens to open with `２、`:
    no item 1 of that style came before, so the line wraps, it is no list item."""
    first = "全州农村居民人均可支配收入比上年增长了百分之七，差距缩小。"  # 30 characters
    rest = "２、石家庄铁路客运段的双层列车被评为优秀示范车厢。"
    text = analyse(_set([first + rest])).text
    assert text.split("\n")[-1].endswith(first + rest)


def _page(index: int, texts: list[str]) -> PageBox:
    return PageBox(index, 595, 842, tuple(_frag(text, 100.0 + 24 * k) for k, text in enumerate(texts)))


def test_a_contents_page_with_leader_dots_is_left_out_with_its_reason_and_can_be_restored() -> None:
    entries = ["一、总体要求……………………1", "二、重点任务…………………2", "（一）夯实基础设施……………3", "三、保障措施…………………5"]
    body = ["一、总体要求", "到二〇二七年，全州行政村光纤网络通达率达到百分之百……其余指标见附表。"]
    result = analyse(Layout((_page(0, ["目 录", *entries]), _page(1, body))))
    assert result.text.split("\n") == body
    assert [(r.text, r.reason) for r in result.removed] == [(t, "contents") for t in ["目 录", *entries]]
    restored = analyse(Layout((_page(0, ["目 录", *entries]), _page(1, body))), {2: True})
    assert entries[0] in restored.text.split("\n")


def test_two_dotted_lines_of_a_form_are_no_contents() -> None:
    lines = ["申请单位……………………1", "联系电话……………………2", "请于三月底前报送。"]
    assert analyse(Layout((_page(0, lines),))).removed == ()
