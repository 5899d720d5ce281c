"""Tables and reference lists in a page dumped one block a line: their cells are short unpunctuated lines
that look like furniture, so they are told by their shape (a column of numbers every k lines, labels
alternating with values, citation marks), and lists of furniture with other shapes still go."""

from __future__ import annotations

from reader.core.cleaning import clean_text

MENU = ["首页", "新闻", "体育", "财经", "科技", "娱乐", "房产"]
FOOTER = ["关于我们 | 联系我们 | 网站地图 | 广告服务", "版权所有 © 2003-2024 城南新闻网 All Rights Reserved"]
PARA1 = "城南图书馆今年共举办各类读书活动一百二十余场，吸引读者超过三万人次，活动数量和参与人数均创历年新高。"
PARA2 = "馆方介绍，明年将继续扩大少儿阅读区，增设视障读者服务点，并与周边学校合作开展经典诵读活动。"
PARA3 = "读者普遍认为，图书馆的服务越来越贴心，借阅手续也越来越方便，希望今后能延长周末的开放时间。"
TABLE = ["年份", "活动", "人次", "2021", "经典诵读", "八千", "2022", "少儿绘本", "九千", "2023", "名家讲座", "一万"]
FIELDS = ["名称", "城南区公共图书馆", "类型", "公共图书馆", "开放", "1986年", "藏书", "120万册", "馆长", "李明"]
REFERENCES = [
    "参考文献",
    "^ 城南图书馆年度报告. 城南文化. 2023-01-10 [2024-01-01].",
    "[2] 王芳. 公共图书馆阅读推广研究[J]. 图书馆论坛, 2021(3): 12-18.",
]


def _page(*middle: list[str], after: list[str] | None = None) -> str:
    lines = [*MENU, "城南图书馆举办读书活动一百二十余场"]
    for part in middle:
        lines += part
    return "\n".join([*lines, *(after or []), *MENU[:4], *FOOTER])


def _kept(raw: str) -> str:
    return clean_text(raw).text


def test_a_table_one_cell_a_line_between_paragraphs_stays() -> None:
    text = _kept(_page([PARA1], TABLE, [PARA2, PARA3]))
    assert all(cell in text for cell in TABLE)
    assert PARA2 in text and "版权所有" not in text


def test_a_table_one_cell_a_line_after_the_last_paragraph_stays() -> None:
    text = _kept(_page([PARA1, PARA2], TABLE))
    assert all(cell in text for cell in TABLE)


def test_a_table_of_fields_before_the_text_stays_and_a_menu_does_not() -> None:
    text = _kept(_page(FIELDS, [PARA1, PARA2]))
    assert all(cell in text for cell in FIELDS)
    assert not any(item in text.split("\n") for item in MENU)


def test_menus_and_ranked_lists_one_item_a_line_are_not_tables() -> None:
    ranked = [x for k in range(1, 6) for x in (str(k), f"第{k}条热门新闻标题")]
    text = _kept(_page([PARA1, PARA2, PARA3], after=[*ranked, "体育", "财经", "科技", "娱乐"]))
    assert "第3条热门新闻标题" not in text


def test_a_list_of_references_under_its_heading_stays() -> None:
    text = _kept(_page([PARA1, PARA2, PARA3], REFERENCES))
    assert all(line in text for line in REFERENCES)


def test_one_sentence_far_below_the_text_is_not_a_further_body() -> None:
    """A site's licence or notice under its menus is one sentence out of the article's reach."""
    notice = "本站的全部文字在知识共享署名相同方式共享协议之条款下提供，附加条款亦可能应用。"
    menus = [f"栏目{k}" for k in range(30)]
    text = _kept(_page([PARA1, PARA2, PARA3], after=[*menus, notice]))
    assert notice not in text and PARA3 in text
