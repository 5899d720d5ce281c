"""Rejoining lines: a number cut by a hard wrap is one number again; a line ending in a colon stays
apart from a following line that opens with its own number label."""

from __future__ import annotations

from reader.core.cleaning import clean_text


def test_a_number_cut_by_the_wrap_column_is_joined_without_a_space() -> None:
    lead = (
        "各地要统筹安排专项资金，重点支持农村公路提档升级和危桥改造，并加强资金使用的全过程监管，"
        "确保专款专用，地方配套资金占项目总投资的比例原则上不低于"
    )
    tail = (
        "25%；同时要建立健全项目管护机制，落实管护责任和经费，做到有路必养、养必到位，持续提升农村公路的"
        "通行能力和服务水平。省交通运输厅将会同省财政厅对各地资金使用情况开展绩效评价，评价结果与下一年度资金"
        "分配挂钩，对工作成效明显的地区予以倾斜支持。"
    )
    width = 30
    lead = lead[len(lead) + 1 - (len(lead) + 1) // width * width :]  # the wrap falls between 2 and 5
    body = lead + tail
    lines = [body[i : i + width] for i in range(0, len(body), width)]
    assert any(line.endswith("不低于2") for line in lines)
    cleaned = clean_text("\n".join(["关于加强农村公路建设资金管理的通知", *lines]))
    assert "不低于25%" in cleaned.text


def test_latin_words_and_numbers_in_latin_text_keep_their_space() -> None:
    from reader.core.cleaning.features import measure
    from reader.core.cleaning.paragraphs import _glue

    assert _glue([measure(1, "counted in 2024"), measure(2, "2025 was next")]) == "counted in 2024 2025 was next"
    assert _glue([measure(1, "预计为 12"), measure(2, "300 户")]) == "预计为 12300 户"


def test_a_colon_line_stays_apart_from_a_next_line_numbered_with_a_colon() -> None:
    text = "\n".join(
        [
            "0：为做好今年防汛抗旱工作，确保人民群众生命财产安全，经研究，现将有关事项通知如下：",
            "1：一、压实防汛责任",
            "2：各级防汛指挥机构要逐级落实责任人，明确职责分工，确保责任到人、措施到位。",
            "3：二、加强隐患排查",
            "4：各地要对水库、堤防和山洪易发区开展拉网式排查，建立问题清单，限期整改到位。",
        ]
    )
    lines = clean_text(text).text.split("\n")
    assert "1：一、压实防汛责任" in lines
    assert lines[0].endswith("通知如下：")
