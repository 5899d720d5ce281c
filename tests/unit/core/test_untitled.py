"""Titles for documents that print none: short first lines stay, paragraphs are not cut mid-clause."""

from __future__ import annotations

from reader.core.text.untitled import TITLE_MAX, fallback_title

PARAGRAPH = (
    "报告建议县级图书馆建立流动配送制度，每季度轮换一批图书，这份调查报告整理了三个县的乡村图书室使用情况，"
    "重点关注借阅人数和开放时间。"
)


def test_a_short_first_line_is_the_title() -> None:
    assert fallback_title("a.txt", "\n  乡村图书室调查  \n正文第一段。") == "乡村图书室调查"


def test_a_short_first_sentence_of_a_long_paragraph_is_the_title() -> None:
    text = "管理员反映新书补充不够及时。部分书架上的图书已经多年没有更新，儿童读物的借阅量最高，其次是农业技术类图书。"
    assert fallback_title("scan0012.pdf", text) == "管理员反映新书补充不够及时。"


def test_a_paragraph_gives_way_to_a_chinese_file_name() -> None:
    assert fallback_title("/reports/乡村图书室调查报告.pdf", PARAGRAPH) == "乡村图书室调查报告"
    assert fallback_title("/reports/乡村图书室调查报告.pdf", "很短的一句。" + PARAGRAPH) == "乡村图书室调查报告"


def test_else_the_paragraph_opens_the_title_cut_at_a_clause_mark_and_marked_as_cut() -> None:
    title = fallback_title("scan0012.pdf", PARAGRAPH)
    assert title == "报告建议县级图书馆建立流动配送制度，每季度轮换一批图书…"
    assert len(title) <= TITLE_MAX + 1 and PARAGRAPH.startswith(title[:-1])


def test_an_empty_text_takes_the_file_name() -> None:
    assert fallback_title("/x/空白.txt", " \n\n") == "空白"
