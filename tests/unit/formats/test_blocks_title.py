"""The title a block document shows when its format gave none: a numbered section heading is a part of the
document, never its name."""

from __future__ import annotations

from reader.formats.blocks import Block, first_heading


def test_a_numbered_section_heading_is_not_the_title() -> None:
    blocks = [
        Block("heading", "一、基本情况", 1),
        Block("paragraph", "全市共有养老机构一百二十家。"),
        Block("heading", "（一）主要做法", 2),
    ]
    assert first_heading(blocks) is None


def test_an_unnumbered_heading_is_the_title_even_below_numbered_ones() -> None:
    blocks = [
        Block("heading", "1. 概述", 1),
        Block("heading", "城乡社区养老服务设施建设情况报告", 1),
        Block("heading", "第一章 总则", 1),
    ]
    assert first_heading(blocks) == "城乡社区养老服务设施建设情况报告"


def test_a_title_block_wins_whatever_it_starts_with() -> None:
    blocks = [Block("heading", "第一部分 背景", 1), Block("title", "2025年工作要点")]
    assert first_heading(blocks) == "2025年工作要点"


def test_a_title_that_opens_with_a_decimal_number_is_a_title() -> None:
    for title in ("2.0时代的数字治理", "5.12汶川地震十五周年纪念活动", "1.5亿人口的城市化进程"):
        assert first_heading([Block("heading", title, 1), Block("heading", "一、背景", 2)]) == title
