"""The line cleaner on generic synthetic pages, the seed gold, and its invariants."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.cleaning import (
    Cleaned,
    Removed,
    SourceHints,
    clean_html,
    clean_text,
    html_to_blocks,
    reason_label,
)
from reader.core.cleaning.scoring import score

ROOT = Path(__file__).resolve().parents[3]
GOLD = sorted((ROOT / "tests" / "data" / "seeds_gold").glob("*.json"))

PARA1 = "近日,市人民医院召开年度工作会议,总结过去一年的工作成绩,部署下一阶段的重点任务。"
PARA2 = "会议强调,要坚持以人民健康为中心,持续提升医疗服务质量,让群众看病更加方便。"
PARA3 = "与会人员围绕学科建设、人才培养等议题进行了深入交流,并提出了具体的改进建议。"


def reasons(cleaned: Cleaned) -> dict[str, str]:
    return {r.text.strip(): r.reason for r in cleaned.removed}


def test_article_survives_and_chrome_goes() -> None:
    raw = "\n".join(
        [
            "网站首页 新闻中心 通知公告 联系我们",
            "当前位置:首页 > 新闻中心 > 医院动态",
            "市人民医院召开年度工作会议",
            "发布时间:2024-03-02 10:00 来源:市卫健委",
            PARA1,
            PARA2,
            PARA3,
            "[打印本页] [关闭窗口]",
            "版权所有 © 2024 某某医院 备案号:京ICP备12345678号",
        ]
    )
    cleaned = clean_text(raw)
    assert cleaned.text == "\n".join([PARA1, PARA2, PARA3])
    why = reasons(cleaned)
    assert why["网站首页 新闻中心 通知公告 联系我们"] == "navigation"
    assert why["当前位置:首页 > 新闻中心 > 医院动态"] == "navigation"
    assert why["市人民医院召开年度工作会议"] == "metadata"
    assert why["版权所有 © 2024 某某医院 备案号:京ICP备12345678号"] == "boilerplate"
    assert cleaned.metadata.title == "市人民医院召开年度工作会议"
    assert cleaned.metadata.date == "2024-03-02T10:00"
    assert cleaned.metadata.source == "市卫健委"


def test_injected_word_between_sentence_halves_is_spam_and_sentence_rejoins() -> None:
    raw = f"{PARA1}\n他提到,今年的门诊量\n真人视讯开户\n,比去年增长了百分之二十,住院人数也明显增加。\n{PARA2}"
    cleaned = clean_text(raw)
    assert "他提到,今年的门诊量,比去年增长了百分之二十,住院人数也明显增加。" in cleaned.text.split("\n")
    assert reasons(cleaned)["真人视讯开户"] == "spam"


def test_unknown_injected_word_is_caught_by_position_alone() -> None:
    raw = f"{PARA1}\n专家指出,这项工作\n红花油\n,需要长期坚持下去,才能见到实效。\n{PARA2}"
    cleaned = clean_text(raw)
    assert "红花油" not in cleaned.text
    assert reasons(cleaned)["红花油"] == "spam"


def test_related_headlines_after_article_are_removed() -> None:
    headlines = [f"某地举行第{i}届文化旅游节活动_今日热点" for i in range(1, 8)]
    raw = "\n".join([PARA1, PARA2, PARA3, *headlines])
    cleaned = clean_text(raw)
    assert cleaned.text == "\n".join([PARA1, PARA2, PARA3])
    assert {r.reason for r in cleaned.removed} == {"related-links"}


def test_script_spam_and_images() -> None:
    raw = "\n".join(
        [
            "xyz体育 百家乐 首存送彩金",
            "photo_2023.jpg",
            "(资料图)",
            PARA1,
            PARA2,
            'var _x = _x || []; (function() { var s = document.createElement("script"); s.src = "a.js"; })();',
        ]
    )
    why = reasons(clean_text(raw))
    assert why["xyz体育 百家乐 首存送彩金"] == "spam"
    assert why["photo_2023.jpg"] == why["(资料图)"] == "image"
    assert why[raw.split("\n")[-1]] == "script"


def test_a_spam_word_never_removes_prose_or_a_heading() -> None:
    prose = "记者了解到,警方近日捣毁一个网络赌场,查获百家乐等赌博工具,涉案金额达数百万元。"
    heading = "二、严厉打击博彩犯罪"
    raw = "\n".join([PARA1, heading, prose, PARA2])
    cleaned = clean_text(raw)
    assert cleaned.removed == []
    assert prose in cleaned.text and heading in cleaned.text


def test_ordinary_words_and_single_characters_are_not_menus() -> None:
    lines = ["大会 主席团 第三次会议 举行", "金沙江流域 生态保护 成效明显"]
    raw = "\n".join([PARA1, *lines, PARA2, PARA3])
    assert clean_text(raw).removed == []


def test_lone_ad_label_goes() -> None:
    raw = "\n".join([PARA1, "广告", PARA2, "【推广】", PARA3])
    why = reasons(clean_text(raw))
    assert why == {"广告": "spam", "【推广】": "spam"}


def test_menu_path_ending_in_the_title_is_navigation() -> None:
    raw = "\n".join(["站点 栏目一 河道治理工程通过验收", "河道治理工程通过验收", "2024-05-06", PARA1, PARA2])
    cleaned = clean_text(raw)
    assert cleaned.metadata.title == "河道治理工程通过验收"
    assert reasons(cleaned)["站点 栏目一 河道治理工程通过验收"] == "navigation"


def test_markdown_title_loses_its_marker() -> None:
    raw = "\n".join(["# 河道治理工程通过验收", "", PARA1, "", "## 一、基本情况", "", PARA2, "", "- 第一项", "- 第二项"])
    cleaned = clean_text(raw)
    assert cleaned.metadata.title == "河道治理工程通过验收"
    assert [r.reason for r in cleaned.removed] == ["metadata"]


def test_report_structure_is_kept_on_a_page_with_chrome() -> None:
    """Numbered headings, a table, contact lines, the office and the closing date survive even when
    the page around them has a menu and a footer, which make position count as evidence."""
    body = [
        "各有关单位：",
        PARA1,
        "一、总体要求",
        PARA2,
        "（一）工作目标",
        PARA3,
        "序号 单位 人数",
        "1 第一小组 12",
        "2 第二小组 9",
        "附件：1. 报名表",
        "联系人：王明，联系电话：010-12345678",
        "某某市卫生健康委员会",
        "2024年3月2日",
    ]
    raw = "\n".join(["网站首页 新闻中心 通知公告 联系我们", *body, "版权所有 © 2024 某某网站"])
    cleaned = clean_text(raw)
    assert [r.line for r in cleaned.removed] == [1, len(body) + 2]
    for line in body:
        assert line in cleaned.text


def test_seo_keyword_line() -> None:
    raw = f"{PARA1}\n清迈泰国_清迈府_清迈\n{PARA2}"
    assert reasons(clean_text(raw))["清迈泰国_清迈府_清迈"] == "spam"


def test_name_broken_out_of_sentence_is_rejoined_but_heading_stays() -> None:
    raw = "\n".join(
        [
            PARA1,
            "提升服务能力的新路径",
            "市卫生健康委副主任张伟",
            "在讲话中指出,各级医院要把群众满意作为工作的出发点和落脚点,不断改进服务流程。",
            PARA2,
        ]
    )
    lines = clean_text(raw).text.split("\n")
    assert "提升服务能力的新路径" in lines
    assert "市卫生健康委副主任张伟在讲话中指出,各级医院要把群众满意作为工作的出发点和落脚点,不断改进服务流程。" in lines


def test_trailing_comma_joins_next_line() -> None:
    raw = f"{PARA1}\n会上,\n院长李明\n介绍了医院的发展历程和当前面临的主要困难与挑战。\n{PARA2}"
    assert "会上,院长李明介绍了医院的发展历程和当前面临的主要困难与挑战。" in clean_text(raw).text


def test_whitespace_is_normalised_without_changing_characters() -> None:
    raw = f"\u3000\u3000{PARA1}\n\n\u00a0\n  {PARA2}\t"
    cleaned = clean_text(raw)
    assert cleaned.text == f"{PARA1}\n{PARA2}"
    assert cleaned.removed == []  # blank lines are not "removed", they were never text


def test_removed_lines_carry_their_input_numbers_and_text() -> None:
    raw = f"首页\n{PARA1}\n{PARA2}"
    assert clean_text(raw).removed == [Removed(1, "首页", "navigation")]


def test_reason_labels_are_human() -> None:
    assert reason_label("spam") != "spam"
    assert reason_label("some-new-code") == "some-new-code"


def test_overrides_win() -> None:
    raw = f"首页\n{PARA1}\n{PARA2}"
    kept = clean_text(raw, overrides={1: True})
    assert kept.text.startswith("首页")
    assert all(r.line != 1 for r in kept.removed)
    dropped = clean_text(raw, overrides={2: False})
    assert PARA1 not in dropped.text
    assert Removed(2, PARA1, "user") in dropped.removed


def test_html_link_lists_and_chrome_are_removed() -> None:
    links = "".join(f'<li><a href="/n{i}">本地新闻标题第{i}条</a></li>' for i in range(10))
    html = (
        "<html><head><title>医院召开工作会议</title></head><body>"
        f'<div class="nav"><a href="/">首页</a> <a href="/news">新闻</a></div>'
        f'<div class="content"><h1>医院召开工作会议</h1><p>{PARA1}</p><p>{PARA2}</p><p>{PARA3}</p></div>'
        f'<ul class="related">{links}</ul><div class="footer">版权所有 某某医院</div></body></html>'
    )
    blocks = html_to_blocks(html).split("\n")
    cleaned = clean_html(html)
    assert cleaned.text == "\n".join([PARA1, PARA2, PARA3])
    assert cleaned.metadata.title == "医院召开工作会议"
    # Line numbers refer to the block rendering the app shows as the original.
    for r in cleaned.removed:
        assert blocks[r.line - 1] == r.text


def test_html_skips_script_and_style() -> None:
    html = f"<html><body><script>var a=1;</script><style>p{{color:red}}</style><p>{PARA1}</p></body></html>"
    assert html_to_blocks(html) == PARA1


def test_unparsable_html_degrades_to_text() -> None:
    assert clean_html("").text == ""
    assert clean_html(PARA1).text == PARA1


@pytest.mark.parametrize("gold_path", GOLD, ids=[p.stem for p in GOLD])
def test_seed_gold(gold_path: Path) -> None:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    cleaned = clean_text((ROOT / "seeds" / gold["seed"]).read_text(encoding="utf-8"))
    assert score(cleaned.text, gold["text"]).f1 >= 0.98
    assert cleaned.metadata.title == gold["title"]
    assert cleaned.metadata.date == gold["date"]
    assert cleaned.metadata.author == gold["author"]


# -- properties ---------------------------------------------------------------------------------

_pieces = st.sampled_from(
    [
        PARA1,
        PARA2,
        "首页",
        "会上,",
        "张三",
        ",继续说明情况。",
        "a|b|c|d",
        "2023-01-02",
        "作者:",
        "",
        "  ",
        "\u3000",
        "var x = function() { return 1; };",
        "xyz体育 百家乐",
        "一、总体要求",
        "2024年3月2日",
        "标题:",
        "image.png",
        "(资料图)",
        "> > >",
    ]
)
_lines = st.lists(st.one_of(_pieces, st.text(max_size=40)), max_size=25)


def _no_invented_chars(raw: str, cleaned: Cleaned) -> None:
    have = Counter(ch for ch in raw if not ch.isspace())
    used = Counter(ch for ch in cleaned.text if not ch.isspace())
    assert not (used - have)


@settings(max_examples=150, deadline=None)
@given(_lines)
def test_clean_text_never_raises_never_invents_and_is_deterministic(lines: list[str]) -> None:
    raw = "\n".join(lines)
    first = clean_text(raw)
    _no_invented_chars(raw, first)
    assert clean_text(raw) == first
    non_blank = {
        i + 1 for i, line in enumerate(raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")) if line.strip()
    }
    assert {r.line for r in first.removed} <= non_blank


@settings(max_examples=100, deadline=None)
@given(_lines, st.data())
def test_overrides_always_win(lines: list[str], data: st.DataObject) -> None:
    raw = "\n".join(lines)
    # Line numbers count every line break the reader sees: \r\n, \n and a lone \r (old Mac files).
    raw_lines = raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    n = len(raw_lines)
    overrides = data.draw(st.dictionaries(st.integers(1, max(n, 1)), st.booleans(), max_size=6))
    cleaned = clean_text(raw, overrides)
    removed = {r.line for r in cleaned.removed}
    for line, keep in overrides.items():
        if keep:
            assert line not in removed
        elif line <= n and raw_lines[line - 1].strip():
            assert line in removed


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=300))
def test_clean_html_never_raises_never_invents(html: str) -> None:
    # Entities are decoded, so the reference is the block rendering the app shows as the original.
    _no_invented_chars(html_to_blocks(html), clean_html(html))


# -- rules added for issue "cleaning that never eats real text" --------------------------------


def test_wiki_maintenance_banner_at_the_top_goes_but_the_same_words_in_the_text_stay() -> None:
    banner = "此条目需要补充更多来源。请协助补充可靠来源,无法查证的内容可能会因为异议提出而被移除。"
    quoted = "编辑们说,此条目需要补充更多来源,这是社区的共同意见,讨论持续了一周。"
    cleaned = clean_text("\n".join([banner, PARA1, PARA2, quoted, PARA3]))
    assert reasons(cleaned) == {banner: "boilerplate"}


def test_date_near_the_title_beats_a_date_in_an_archive_link() -> None:
    raw = "\n".join(["归档 2019年5月3日", "首页 博客 相册", "春天的一次远足", "2021年4月18日", PARA1, PARA2, PARA3])
    assert clean_text(raw).metadata.date == "2021-04-18"


def test_source_hints_remove_lines_repeated_across_the_source_and_strip_its_name() -> None:
    slogan = "读好书 交好友 共成长"
    raw = "\n".join(["春天的一次远足 - 晨光", slogan, PARA1, PARA2, PARA3])
    plain = clean_text(raw)
    assert slogan in plain.text
    hinted = clean_text(raw, hints=SourceHints(repeated_lines=frozenset({slogan}), site_names=frozenset({"晨光"})))
    assert reasons(hinted)[slogan] == "boilerplate"
    assert hinted.metadata.title == "春天的一次远足"


def test_a_repeated_line_of_prose_is_never_removed_by_hints() -> None:
    hinted = clean_text(f"{PARA1}\n{PARA2}", hints=SourceHints(repeated_lines=frozenset({PARA1})))
    assert hinted.removed == []


def test_closing_formula_office_and_date_stay_after_a_page_article() -> None:
    raw = "\n".join(["网站首页 新闻中心 联系我们", PARA1, PARA2, "特此通知。", "某某县人民政府", "2022年1月27日"])
    cleaned = clean_text(raw)
    assert cleaned.text.endswith("特此通知。\n某某县人民政府\n2022年1月27日")
    assert cleaned.metadata.date == "2022-01-27"


def test_caption_under_an_image_stays_its_own_paragraph() -> None:
    caption = "图为市卫生健康委副主任张伟"
    raw = "\n".join(
        [PARA1, "photo_01.jpg", caption, "在讲话中指出,各级医院要把群众满意作为工作的出发点和落脚点,不断改进服务流程。"]
    )
    assert caption in clean_text(raw).text.split("\n")


def test_caption_before_a_dated_paragraph_is_not_joined() -> None:
    caption = "市卫生健康委副主任张伟"
    nxt = "3月2日,全市卫生健康工作会议召开,会议总结了过去一年的工作并部署了今年的重点任务。"
    assert caption in clean_text("\n".join([PARA1, caption, nxt, PARA2])).text.split("\n")
