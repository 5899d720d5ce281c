"""Parsing dates, titles and bylines as pages print them."""

from __future__ import annotations

import pytest

from reader.core.cleaning import clean_html, clean_text
from reader.core.cleaning.metadata import labelled_fields, parse_date, strip_site_suffix, trailing_byline


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("2023-09-09", "2023-09-09"),
        ("2023年9月30日 23:03", "2023-09-30T23:03"),
        ("2025-6-16 19:16", "2025-06-16T19:16"),
        ("发布时间:2023-05-23 19:26:05 文章来源:某某网", "2023-05-23T19:26:05"),
        ("发布日期：2004/12/27", "2004-12-27"),
        ("2021年3月", "2021-03"),
        ("no date here", None),
        ("2023-13-40", None),
    ],
)
def test_parse_date(text: str, iso: str | None) -> None:
    assert parse_date(text) == iso


@pytest.mark.parametrize(
    ("title", "stripped"),
    [
        ("市图书馆开展读书月活动|某地生活频道", "市图书馆开展读书月活动"),
        ("河道治理工程通过验收_城市晨报", "河道治理工程通过验收"),
        ("山区学校迎来新教师 - 某某日报", "山区学校迎来新教师"),
        ("春季植树活动启动-本地资讯", "春季植树活动启动"),
        # A dash before a subtitle that does not look like a site stays: titles use dashes themselves.
        ("一位乡村医生的四十年——记某某卫生院院长", "一位乡村医生的四十年——记某某卫生院院长"),
        ("关于开展安全检查的通知-补充说明", "关于开展安全检查的通知-补充说明"),
        ("规划(2021-2025年)发布", "规划(2021-2025年)发布"),
        ("海姑娘 | blog.example.com", "海姑娘"),
    ],
)
def test_strip_site_suffix(title: str, stripped: str) -> None:
    assert strip_site_suffix(title) == stripped


def test_site_names_seen_across_a_source_are_stripped() -> None:
    assert strip_site_suffix("山区学校迎来新教师 - 晨光", frozenset({"晨光"})) == "山区学校迎来新教师"
    assert strip_site_suffix("山区学校迎来新教师 - 晨光") == "山区学校迎来新教师 - 晨光"


def test_labelled_fields_on_one_line() -> None:
    assert labelled_fields("发布时间:2023-05-23 文章来源:某某新闻网") == [
        ("date", "2023-05-23"),
        ("source", "某某新闻网"),
    ]


def test_bylines() -> None:
    assert trailing_byline("参观考察。(王小明)") == "王小明"
    assert trailing_byline("这是一句话。") is None


def test_text_metadata_from_label_lines() -> None:
    raw = "某某论坛\n标题:\n医院召开工作会议\n作者:\nlihua\n时间:\n2024-1-5 08:30\n" + (
        "会议指出,要进一步提升基层医疗服务能力,推动优质资源下沉,切实满足群众就医需求。\n"
    )
    meta = clean_text(raw).metadata
    assert (meta.title, meta.author, meta.date) == ("医院召开工作会议", "lihua", "2024-01-05T08:30")


def test_html_metadata_from_head_and_time() -> None:
    html = (
        "<html><head><title>县医院开展义诊活动_某某新闻网</title>"
        '<meta property="og:site_name" content="某某新闻网"></head><body>'
        "<h1>县医院开展义诊活动</h1><time datetime='2022-02-13T07:48'>二月</time>"
        "<p>本报讯 近日,县人民医院组织专家团队深入乡镇开展义诊活动,为群众提供免费健康咨询服务。</p>"
        "</body></html>"
    )
    meta = clean_html(html).metadata
    assert meta.title == "县医院开展义诊活动"
    assert meta.date == "2022-02-13T07:48"
    assert meta.source == "某某新闻网"
