"""Parts of a book that are no running text: a contents page printed in the book (not the navigation
document), left out with its own reason; and the links that lead from a note back to its reference."""

from __future__ import annotations

import packagegen as gen
from reader.formats import epub


def _page(body: str) -> str:
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>\n'
        '<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="zh-CN">'
        f"<head><title>t</title></head><body>{body}</body></html>"
    )


def _derive(first: str, second: str) -> tuple[list[str], list[tuple[str, str]]]:
    data = gen.make_epub(**{"OEBPS/text/ch1.xhtml": _page(first), "OEBPS/text/ch 2.xhtml": _page(second)})
    derived = epub.IMPORTER.derive(epub.IMPORTER.read(data, "book.epub"))
    return derived.text.split("\n"), [(r.text, r.reason) for r in derived.removed]


CHAPTER = "<h1>第二章 码头</h1><p>码头上挤满了运粮的船。</p>"


def test_a_contents_page_in_the_book_is_left_out_with_its_reason() -> None:
    contents = (
        '<section epub:type="frontmatter toc"><h1>目 录</h1><p><a href="ch%202.xhtml">第二章 码头</a></p></section>'
    )
    lines, removed = _derive(contents, CHAPTER)
    assert lines == ["第二章 码头", "码头上挤满了运粮的船。"]
    assert removed == [("目 录", "contents"), ("第二章 码头", "contents")]


def test_a_notes_backlink_is_left_out_and_a_link_in_the_text_kept() -> None:
    text = (
        '<h1>第一章 源头</h1><p>运河的源头在城北的山里<a href="ch%202.xhtml#n1" id="r1"><sup>[1]</sup></a>，'
        '水经<a href="ch%202.xhtml#map">码头</a>南下。</p>'
    )
    notes = (
        '<h2 id="map">注释</h2><p id="n1">[1] 见县志卷三。 <a href="ch1.xhtml#r1">返回</a></p>'
        '<p>另见 <a href="ch1.xhtml#r9">↩</a></p>'
    )
    lines, _ = _derive(text, notes)
    assert "运河的源头在城北的山里[1]，水经码头南下。" in lines
    assert "[1] 见县志卷三。" in lines
    assert "另见 ↩" in lines  # a link back to no reference is the text's own
