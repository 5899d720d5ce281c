"""A page's own title that comes back in a list of notices after the article, over its date, is still the
title: a line inside a run of line/date pairs is a headline of the list, not the office signing the foot."""

from __future__ import annotations

from reader.core.cleaning import clean_html, clean_text

PAGE = """首页 > 政务公开 > 工作动态
2025年秋季校园食品安全检查安排
发布时间：2025年9月1日 来源：区市场监管局
各街道市场监管所、各中小学校：
为保障秋季开学后师生饮食安全，现将校园食品安全检查有关安排通知如下，请认真落实。
一、9月上旬完成全部学校食堂的首轮检查。
二、检查结果在区政府网站公示，接受社会监督。
区市场监管局
2025年9月1日
最新动态
关于开展2025年国庆节前市场检查的通知
2025年8月30日
2025年秋季校园食品安全检查安排
2025年9月1日
关于发布第二季度食品抽检结果的公告
2025年8月28日
"""


def test_the_title_coming_back_in_a_list_of_notices_is_still_the_title() -> None:
    cleaned = clean_text(PAGE)
    assert cleaned.metadata.title == "2025年秋季校园食品安全检查安排"
    assert cleaned.text.splitlines()[-2:] == ["区市场监管局", "2025年9月1日"]


def test_the_same_page_as_html() -> None:
    body = "".join(f"<p>{line}</p>" for line in PAGE.splitlines())
    cleaned = clean_html(f"<html><head><title>工作动态</title></head><body>{body}</body></html>")
    assert cleaned.metadata.title == "2025年秋季校园食品安全检查安排"
