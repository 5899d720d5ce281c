"""Encyclopedia articles saved as text: every sentence carries reference marks after its full stop
(`。[4]`, `。 [2] [5]`, `。[3-4]`), and each section title is followed by its page's edit buttons. The
marks hid the sentence's end, so a section of one paragraph did not read as finished prose and went
with the buttons around it. Every page here is built from text written for the test."""

from __future__ import annotations

import pytest

from reader.core.cleaning import clean_html, clean_text
from reader.core.cleaning.features import ends_sentence


@pytest.mark.parametrize(
    "line",
    ["面积约九百公顷。 [4]", "管委会运行。[3-4]", "批复设立。 [2] [5]", "见下表。[注 1]", "他说：“好。”[a]"],
)
def test_reference_marks_after_a_full_stop_still_end_the_sentence(line: str) -> None:
    assert ends_sentence(line)


@pytest.mark.parametrize("line", ["参见[1]", "更多内容[更多]", "第一章 总则 [1]", "参考资料 [12]"])
def test_a_bracket_after_words_is_no_sentence_end(line: str) -> None:
    assert not ends_sentence(line)


SECTIONS = {
    "历史沿革": "二〇二三年年底，省政府批复设立这个省级开发区，次年春天管委会挂牌并开始办公。 [2] [5]",
    "区域规划": "开发区以核心区为中心，南北两翼分设五个产业园区，分别发展信息、材料和生命科学等产业。 [4]",
    "体系格局": "开发区将构建“一核两翼三支撑”的空间格局，以交通枢纽为依托，率先建设核心区。 [4]",
    "地理环境": "开发区总面积约九百五十公顷，东至规划道路，南至规划道路，西至规划道路，北至规划道路。 [2]",
}


def test_one_paragraph_sections_between_edit_buttons_are_kept() -> None:
    lead = "开发区，位于新区东部，是省级高新技术产业开发区。 [1]"
    lines = ["首页", "秒懂百科", "特色百科", "知识专题", "开发区", lead]
    for title, text in SECTIONS.items():
        lines += [title, "播报", "编辑", text]
    lines += ["词条图册", "参考资料", "新手上路", "成长任务", "编辑入门", "编辑规则"]
    text = clean_text("\n".join(lines)).text
    assert all(paragraph in text for paragraph in SECTIONS.values())
    assert "新手上路" not in text and "秒懂百科" not in text


SECTION_TEXT = [
    "两河流域最早的居民建立了城邦，他们修筑水渠、发明文字，又把法律刻在石碑上。此后几个民族先后在这里建国。",
    "尼罗河每年泛滥，带来肥沃的淤泥，沿岸的农业因此发达。王朝更替数十次，留下了大量的神庙和陵墓。",
    "印度河流域的城市布局整齐，街道笔直，排水系统完善。这个文明后来衰落的原因至今仍有争论。",
    "黄河流域的先民种植粟和黍，饲养家畜，制作彩陶。后来这里出现了青铜器和最早的文字记录。",
]


def test_an_encyclopedias_sections_are_no_feed_of_teasers() -> None:
    """Each section is a heading with its edit link over one paragraph: the shape of headline and
    summary. A one-paragraph lead above them must not take the article's place as if the sections were a
    list of other articles; only a feed's teasers (a kicker over a linked headline) let it."""
    lead = "古代文明是指人类历史上最早出现的几个文明。它们多数发源于大河流域，时间在公元前四千年以后。"
    sections = "".join(
        f'<h2>第{i}节<span class="mw-editsection">[<a href="/e{i}">编辑</a>]</span></h2><p>{text}</p>'
        for i, text in enumerate(SECTION_TEXT, 1)
    )
    html = (
        "<html><head><title>古代文明</title></head><body><h1>古代文明</h1>"
        f'<div class="mw-parser-output"><p>{lead}</p>{sections}</div>'
        '<div class="navbox"><ul><li><a href="/a">首页</a></li><li><a href="/b">分类</a></li></ul></div>'
        "</body></html>"
    )
    text = clean_html(html).text
    assert all(paragraph in text for paragraph in SECTION_TEXT)
