"""Pages that defeat a default lxml parse (too deep, huge text nodes) still render their text."""

from __future__ import annotations

import lxml.etree
import pytest

from reader.core.cleaning import clean_html
from reader.core.cleaning.html_extract import blocks_of, flat_blocks, html_to_blocks, parse, render_blocks

TEXT = "县域医院综合能力提升项目医学专科交流会顺利召开。"


def _nested(depth: int, inner: str = f"<p>{TEXT}</p>") -> str:
    return f"<html><head><title>标题</title></head><body>{'<div>' * depth}{inner}{'</div>' * depth}</body></html>"


@pytest.mark.parametrize("depth", [255, 300, 2000])
def test_nesting_within_lxmls_huge_limit_parses_whole(depth: int) -> None:
    root = parse(_nested(depth))
    assert root is not None
    assert [b.text for b in render_blocks(root)] == [TEXT]


@pytest.mark.parametrize("depth", [3000, 5000, 10_000])
def test_nesting_past_any_parser_limit_renders_from_the_token_stream(depth: int) -> None:
    page = _nested(depth, f"<p>{TEXT}</p><script>var hidden = 1;</script><p>第二段</p>")
    assert parse(page) is None  # lxml gives only part of the tree: not trusted
    assert [b.text for b in blocks_of(page)] == [TEXT, "第二段"]
    assert TEXT in clean_html(page).text


def test_the_renderer_walks_5000_levels_without_recursion() -> None:
    # Built directly: the parser itself stops at 2048 levels.
    root = lxml.etree.Element("body")
    node = root
    for _ in range(5000):
        node = lxml.etree.SubElement(node, "div")
    node.text = TEXT
    assert [b.text for b in render_blocks(root)] == [TEXT]


def test_a_script_over_10_mb_does_not_hide_the_text_after_it() -> None:
    script = "var data = '" + "x" * (11 * 1024 * 1024) + "';"
    page = f"<html><body><script>{script}</script><p>{TEXT}</p></body></html>"
    assert html_to_blocks(page) == TEXT


def test_a_text_node_over_10_mb_is_kept_whole() -> None:
    body = "字" * (11 * 1024 * 1024)
    assert html_to_blocks(f"<html><body><p>{body}</p><p>{TEXT}</p></body></html>") == f"{body}\n{TEXT}"


def test_the_flat_renderer_hides_invisible_elements_and_splits_blocks() -> None:
    page = (
        "<html><head><title>标题</title><style>p {color: red}</style>"  # head never closed
        "<body><p>第一段<b>加粗</b>继续</p><script>if (a < b) {}</script>"
        "<ul><li>甲<li>乙</ul><br>末行 &amp; 实体"
    )
    assert [b.text for b in flat_blocks(page)] == ["第一段加粗继续", "甲", "乙", "末行 & 实体"]
