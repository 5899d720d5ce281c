"""A clean report keeps its lines as written: the rejoining of broken lines never glues an addressee, a
line ending in a colon or a repeated note to a numbered heading or item, whatever the length of the
file. Every document here is written for the test."""

from __future__ import annotations

import pytest

from reader.core.cleaning import clean_html, clean_text

ADDRESSEE = "各镇人民政府、街道办事处，区各有关部门："
NOTICE = [
    "关于做好冬季供暖保障工作的通知",
    ADDRESSEE,
    "入冬以来气温持续走低，为保障群众温暖过冬，现将有关事项通知如下：",
    "一、压实工作责任",
    "各单位要明确分管负责同志，建立供暖问题台账，做到问题当天受理、三天内答复。",
    "二、加强设施巡查",
    "（一）供热管网",
    "（二）换热站点",
    "1．每周巡查不少于两次",
    "2．发现漏点立即抢修",
    "联系电话：0512-66001234",
]


def test_lines_ending_in_a_colon_are_not_glued_to_a_numbered_heading() -> None:
    """`…通知如下：` was joined to `一、压实工作责任`, and the addressee to the sentence under it."""
    lines = clean_text("\n".join(NOTICE)).text.split("\n")
    assert lines == NOTICE[1:]


def test_a_long_report_repeating_a_note_keeps_its_lines() -> None:
    """A file of hundreds of numbered lines repeating one unfinished note (附件：…) made that note's length
    a wrap column, and every copy of the note was joined to the numbered line under it."""
    body = [
        "附件：冬季供暖设施巡查登记表",
        "（一）供热企业要在每天早上八点前报告前一天的运行情况，遇到极端天气要加密报告的频次。",
        "二、强化应急处置",
        "（二）各镇街要组织力量对独居老人家中的取暖情况逐户走访，发现问题及时协调解决。",
    ]
    doc = [f"{n}．{body[n % len(body)]}" for n in range(240)]
    lines = clean_text("\n".join([NOTICE[0], *doc])).text.split("\n")
    assert lines == doc


def test_a_hard_wrapped_text_is_still_rejoined() -> None:
    """Lines cut at one column, none running past it, are pieces of paragraphs."""
    text = (
        "入冬以来全市气温持续走低，供热企业按照统一部署提前启动了试供暖，各小区的室温普遍达到了标准。"
        "市供热办表示，今年新改造的老旧管网超过四十公里，管网漏损率明显下降，群众的投诉也比去年少了很多。"
        "下一步还将继续推进智慧供热平台建设，实现换热站的远程监控和自动调节，让居民住得更加温暖舒适。"
    )
    wrapped = [text[i : i + 24] for i in range(0, len(text), 24)]
    assert clean_text("\n".join(["供暖季开局平稳", *wrapped])).text == text


def test_an_addressee_with_a_comma_in_a_page_is_kept() -> None:
    """An addressee naming several offices, `各镇人民政府、街道办事处，区各有关部门：`, was read as a menu
    entry above the article of a government page."""
    nav = "".join(f"<li><a href='/{i}'>{item}</a></li>" for i, item in enumerate(["首页", "政务公开", "办事服务"]))
    body = "".join(f"<p>{line}</p>" for line in NOTICE[1:])
    page = (
        f"<html><head><title>{NOTICE[0]}</title></head><body><ul class='nav'>{nav}</ul>"
        f"<div class='article'><h1>{NOTICE[0]}</h1>{body}</div></body></html>"
    )
    cleaned = clean_html(page)
    assert ADDRESSEE in cleaned.text.split("\n")


_PROSE = (
    "入冬以来全市气温持续走低供热企业按照统一部署提前启动了试供暖各小区的室温普遍达到了标准市供热办表示今年新改造"
    "的老旧管网超过四十公里管网漏损率明显下降群众的投诉也比去年少了很多下一步还将继续推进智慧供热平台建设实现换热站"
    "的远程监控和自动调节让居民住得更加温暖舒适统计部门会同有关单位对报送数据开展了全面核查并督促整改落实到位各项工"
    "作稳步推进取得阶段成效全年经济运行总体平稳质量效益持续提升"
) * 2
# Wrapped lines that open like a heading or an item, or end like an addressee, inside a sentence.
_WRAPPED_STARTS = ["第十二条的规定", "一、二季度", "（一）项所列", "1.请各单位", "第三章的要求", "二、三产业", "①号楼"]
_WRAPPED_ENDS = ["，市长在会上强调：", "，各部门要高度重视："]


@pytest.mark.parametrize("width", [30, 34, 38, 40])
def test_a_wrapped_line_goes_on_whatever_the_next_line_opens_with(width: int) -> None:
    """A line reaching the wrap column without ending its sentence goes on in the next line, even when that
    line opens like a numbered heading (`第十二条的规定…`, `一、二季度…`) or the line ends in a colon."""
    paras = []
    for i, start in enumerate(_WRAPPED_STARTS):
        at = i * 23
        end = _WRAPPED_ENDS[i % 2]
        paras.append(
            [
                _PROSE[at : at + width - 2] + "依照",
                (start + _PROSE[at + 40 :])[:width],
                _PROSE[at + 70 : at + 70 + width - len(end)] + end,
                f"要把第{i + 1}项工作摆在重要位置，切实抓紧抓好。",
            ]
        )
    text = "\n".join(["统计工作会议召开", *(line for para in paras for line in para)])
    assert clean_text(text).text.split("\n") == ["".join(para) for para in paras]


def test_a_numeral_range_is_not_a_numbered_heading() -> None:
    """`一、二季度` and `二、三产业` count two numbers in a sentence; `一、总体要求` and a heading opening with
    a year in numerals are headings."""
    from reader.core.cleaning.structure import is_structure

    assert not is_structure("一、二季度全市经济运行平稳")
    assert not is_structure("二、三产业占比继续提高")
    assert is_structure("一、总体要求")
    assert is_structure("一、二〇二四年工作回顾")
