"""Marks in a chapter that are not its running text: a note reference printed as a bare figure, a print page
number kept as a paragraph or a page-break mark, and a line break inside a sentence."""

from __future__ import annotations

import pytest

import packagegen as gen
from reader.formats import epub


def _page(body: str) -> str:
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>\n'
        '<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="zh-TW">'
        f"<head><title>t</title></head><body>{body}</body></html>"
    )


def _derive(
    first: str, second: str = "<h1>第二章</h1><p>長照服務持續擴大。</p>"
) -> tuple[list[str], list[tuple[str, str]]]:
    data = gen.make_epub(**{"OEBPS/text/ch1.xhtml": _page(first), "OEBPS/text/ch 2.xhtml": _page(second)})
    derived = epub.IMPORTER.derive(epub.IMPORTER.read(data, "book.epub"))
    return derived.text.split("\n"), [(r.text, r.reason) for r in derived.removed]


@pytest.mark.parametrize(
    "reference",
    [
        '<a epub:type="noteref" href="#fn1">1</a>',
        '<a role="doc-noteref" href="#fn1"><sup>1</sup></a>',
        '<sup><a href="#fn1">1</a></sup>',
        '<sup><a href="ch%202.xhtml#fn1">1</a></sup>',
    ],
)
def test_a_note_reference_printed_as_a_figure_is_no_digit_of_the_number_before_it(reference: str) -> None:
    lines, _ = _derive(
        f"<h1>第一章</h1><p>全國已布建據點逾一萬處{reference}。</p>"
        '<aside epub:type="footnote" id="fn1"><p>資料來源：衛生福利部。</p></aside>'
    )
    assert "全國已布建據點逾一萬處[1]。" in lines


def test_a_link_in_superscript_that_is_no_note_and_a_bracketed_mark_are_left_as_they_are() -> None:
    lines, _ = _derive(
        '<h1>第一章</h1><p>面積為100 km<sup>2</sup>，見<a href="#t">表2</a>。</p>'
        '<p>人口增加<a epub:type="noteref" href="#n"><sup>[2]</sup></a>。</p>'
    )
    assert "面積為100 km2，見表2。" in lines
    assert "人口增加[2]。" in lines


@pytest.mark.parametrize("mark", ['<p class="pn">3</p>', '<div epub:type="pagebreak" title="3">3</div>', "<p>xii</p>"])
def test_a_print_page_number_is_left_out_as_a_page_number(mark: str) -> None:
    lines, removed = _derive(f"<h1>第一章</h1><p>臺灣已進入高齡社會。</p>{mark}<p>國發會推估將邁入超高齡社會。</p>")
    assert lines[:3] == ["第一章", "臺灣已進入高齡社會。", "國發會推估將邁入超高齡社會。"]
    if "pagebreak" not in mark:
        assert [reason for _, reason in removed] == ["page-number"]


def test_a_page_break_mark_inside_a_sentence_leaves_no_figure_in_it() -> None:
    lines, _ = _derive(
        '<h1>第一章</h1><p>臺灣已進入<span epub:type="pagebreak" id="p4" title="4">4</span>高齡社會。</p>'
    )
    assert "臺灣已進入高齡社會。" in lines


def test_a_line_break_inside_a_sentence_does_not_split_the_paragraph() -> None:
    lines, _ = _derive(
        "<h1>第一章</h1><p>历史街区采用微更新方式，保留原有街巷肌理<br/>和传统建筑风貌。</p>"
        "<p>The district keeps its old<br />street plan.</p>"
    )
    assert "历史街区采用微更新方式，保留原有街巷肌理和传统建筑风貌。" in lines
    assert "The district keeps its old street plan." in lines


def test_a_line_break_after_a_sentence_or_before_a_label_stays() -> None:
    lines, _ = _derive(
        "<h1>第一章</h1><p>床前明月光，疑是地上霜。<br/>举头望明月，低头思故乡。</p>"
        "<p>地址：杭州市环城北路1号<br/>电话：0571-1234567</p>"
    )
    assert "床前明月光，疑是地上霜。" in lines and "举头望明月，低头思故乡。" in lines
    assert "地址：杭州市环城北路1号" in lines and "电话：0571-1234567" in lines
