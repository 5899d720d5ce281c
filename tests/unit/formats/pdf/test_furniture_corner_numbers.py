"""A scan whose page number stands in the head's outer corner, above an even page's running head, and was
read on one page only (OCR loses a small digit in a corner on most pages): the number and the head beneath
it are furniture, and the page begins at its first line of text."""

from __future__ import annotations

from reader.formats.pdf import analyse
from reader.formats.pdf.model import Fragment, Layout, PageBox

LEFT, RIGHT = 72.0, 410.0
PROSE = "城乡之间公共服务的差距仍然明显各地推进均等化的做法各有不同本报告据此整理而成以供参考共计若干"


def _frag(text: str, top: float, size: float, x0: float, x1: float) -> Fragment:
    return Fragment(text, x0, x1, top, top + size * 1.1, size, conf=0.99)


def _page(index: int, head: str, number: str | None, first: str) -> PageBox:
    """A scanned page: an optional corner number at the top right, a centred running head, the first line
    (given), full lines of prose different on every page, and a footer line."""
    fragments = [_frag(head, 36.5, 12.0, 236.0, 236.0 + 10.5 * len(head))]
    if number is not None:
        fragments.append(_frag(number, 24.5, 8.0, 516.0, 523.0))
    fragments.append(_frag(first, 90.0, 15.0, LEFT, RIGHT))
    for i in range(1, 14):
        text = f"{PROSE[(index * 5 + i) % 17 :]}{PROSE}"[:23]
        fragments.append(_frag(text, 90.0 + i * 21.0, 15.0, LEFT, RIGHT))
    fragments.append(_frag("供内部参阅", 798.0, 12.0, LEFT, 127.0))
    return PageBox(index, 595.0, 842.0, tuple(fragments), ocr=True)


def _layout(number_on_middle: str | None = "2") -> Layout:
    odd, even = "某某情况汇编（第3期）", "调研资料 · 内部刊物"
    firsts = (
        "各地的做法各有不同城乡之间差距明显本报告据此整理而成以供参",
        "阅读的人请勿外传本期所收各篇均经整理城乡公共服务差距仍然",
        "明显各地推进均等化的做法各有不同本报告据此整理而成共计若干",
    )
    return Layout(
        (
            _page(0, odd, None, firsts[0]),
            _page(1, even, number_on_middle, firsts[1]),
            _page(2, odd, None, firsts[2]),
        )
    )


def test_a_corner_number_read_on_one_page_and_the_head_below_it_are_both_removed() -> None:
    layout = _layout()
    result = analyse(layout)
    reasons = {(r.text, r.reason) for r in result.removed}
    assert ("2", "page-number") in reasons
    assert ("调研资料 · 内部刊物", "page-header") in reasons
    assert "调研资料" not in result.text and "某某情况" not in result.text
    middle_first = layout.pages[1].fragments[2].text
    assert result.text[result.pages[1] :].startswith(middle_first[:10])


def test_a_number_above_a_head_that_is_not_the_pages_place_stays() -> None:
    result = analyse(_layout("7"))
    assert "7" not in {r.text for r in result.removed}


def test_a_number_opening_a_page_without_a_running_head_above_it_stays() -> None:
    """A section's bare number at the top of a page is text: only a running head beneath marks a corner
    number as furniture."""
    pages = [
        PageBox(
            i,
            595.0,
            842.0,
            tuple(
                [
                    *([_frag("2", 40.0, 15.0, LEFT, 80.0)] if i == 1 else []),
                    *(
                        _frag(f"{PROSE[(i * 5 + k) % 17 :]}{PROSE}"[:23], 70.0 + k * 21.0, 15.0, LEFT, RIGHT)
                        for k in range(14)
                    ),
                ]
            ),
            ocr=True,
        )
        for i in range(3)
    ]
    result = analyse(Layout(tuple(pages)))
    assert "2" not in {r.text for r in result.removed}
