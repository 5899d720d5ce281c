"""Books and Word files converted from print keep the printed page numbers as paragraphs: they are page
furniture, listed in Removed as page numbers, as a PDF's are; a bare figure alone is kept (a list's or a
table's figure)."""

from __future__ import annotations

import packagegen as gen
from reader.formats import epub
from reader.formats.page_numbers import is_page_number


def test_a_printed_page_number_in_an_e_book_is_removed_as_a_page_number() -> None:
    text = ["臺南是臺灣最古老的城市，府城的街巷保存著三百多年的歷史。", "— 12 —", "赤崁樓建於1653年。"]
    text += ["2024", "2026/3"]
    data = gen.make_epub(**{"OEBPS/text/ch1.xhtml": gen.chapter("第一章 城市的記憶", text)})
    derived = epub.IMPORTER.derive(epub.IMPORTER.read(data, "book.epub"))
    assert [(r.text, r.reason) for r in derived.removed if r.reason == "page-number"] == [("— 12 —", "page-number")]
    lines = derived.text.split("\n")
    assert "赤崁樓建於1653年。" in lines and "2024" in lines and "2026/3" in lines  # a date under a signature


def test_page_number_forms() -> None:
    forms = ("— 3 —", "- 3 -", "第 3 页 共 10 页", "第三頁", "3/10", "Page 3", "－１２－")
    assert all(is_page_number(t) for t in forms)
    assert not any(is_page_number(t) for t in ("3", "2024", "第三章", "3-5岁", "共10人"))


def test_a_page_number_with_one_stray_mark_read_by_ocr_is_still_one() -> None:
    """OCR reads a speck beside a figure as a mark (`第2.页共6页`): the words 第, 页 and 共 keep the form
    unmistakable, so one stray mark is allowed; two, or words after it, are text."""
    assert all(is_page_number(t) for t in ("第2.页共6页", "第 2 页，共 6 页", "第2页共6。页", "第·3页"))
    assert not any(is_page_number(t) for t in ("第2..页", "第2页的内容", "第2.5页", "第2页共6页。此外"))
