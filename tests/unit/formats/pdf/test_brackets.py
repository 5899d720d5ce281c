"""Brackets read by OCR set in the full-width form the page prints beside Chinese text."""

from __future__ import annotations

import pytest

from reader.formats.pdf import analyse
from reader.formats.pdf.brackets import full_width
from reader.formats.pdf.model import Fragment, Layout, PageBox

LINES = ("(一)指导思想。坚持以人民为中心。", "(二）主要目标。到2027年底覆盖率达到100%。", "（三)完善设施布局。")


def _layout(ocr: bool) -> Layout:
    fragments = tuple(
        Fragment(text, 72.0, 72.0 + 11.0 * len(text), 100.0 + 30.0 * i, 113.0 + 30.0 * i, 11.0)
        for i, text in enumerate(LINES)
    )
    return Layout((PageBox(0, 595.0, 842.0, fragments, ocr=ocr),))


def test_a_scans_numbered_markers_come_out_in_one_bracket_form() -> None:
    text = analyse(_layout(ocr=True)).text
    assert "(" not in text and ")" not in text
    assert all(marker in text for marker in ("（一）指导", "（二）主要", "（三）完善"))


def test_a_text_layers_brackets_are_the_ones_the_author_typed() -> None:
    assert analyse(_layout(ocr=False)).text.replace("\n", "") == "".join(LINES)


@pytest.mark.parametrize(
    ("read", "printed"),
    [
        ("国内生产总值(GDP)增长", "国内生产总值（GDP）增长"),
        ("见附表(2)", "见附表（2）"),
        ("the rate (GDP 2.1) rose", "the rate (GDP 2.1) rose"),
        ("f(x) = 2x", "f(x) = 2x"),
    ],
)
def test_a_pair_is_full_width_beside_cjk_only(read: str, printed: str) -> None:
    assert full_width(read) == printed


def test_setting_brackets_does_not_change_which_running_heads_are_found() -> None:
    """An alternating running head is found by print size against the other pages' head, measured as OCR
    read it (`新闻资料选编（第5辑)`, the closing bracket read narrow): it stays found."""
    odd, even = "新闻资料选编（第5辑)", "资料汇编·内部参考"
    body = "".join(chr(0x4E00 + 37 * k) for k in range(900))  # a different line everywhere

    def page(index: int) -> PageBox:
        head = (
            Fragment(odd, 238.0, 330.0, 36.0, 48.0, 11.5)
            if index != 1
            else Fragment(even, 244.0, 332.0, 36.0, 51.0, 15.0)
        )
        lines = tuple(
            Fragment(body[(index * 10 + n) * 30 :][:30], 72.0, 522.0, 90.0 + 24.0 * n, 105.0 + 24.0 * n, 15.0)
            for n in range(10)
        )
        return PageBox(index, 595.0, 842.0, (head, *lines), ocr=True)

    result = analyse(Layout(tuple(page(i) for i in range(3))))
    assert {(r.text, r.reason) for r in result.removed} == {
        ("新闻资料选编（第5辑）", "page-header"),
        (even, "page-header"),
    }
    assert "资料汇编" not in result.text and "新闻资料选编" not in result.text
