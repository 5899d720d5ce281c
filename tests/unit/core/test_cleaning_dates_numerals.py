"""Dates as official documents and Taiwanese notices sign them (Chinese numerals, the ROC calendar), and
a byline whose date stands before its labelled fields. Every document here is written for the test."""

from __future__ import annotations

import pytest

from reader.core.cleaning import clean_html, clean_text
from reader.core.cleaning.metadata import date_span, parse_date

BODY = [
    "为做好今冬明春道路除雪工作，确保群众出行安全，现将有关事项通知如下：",
    "一、各街道要在十二月十日前备齐融雪剂和除雪工具，落实值守人员。",
    "二、降雪期间主干道要随下随清，学校和医院周边道路优先保障。",
]


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("二〇二六年一月五日", "2026-01-05"),
        ("二○二五年十二月三十一日", "2025-12-31"),
        ("中華民國一一五年三月二日", "2026-03-02"),
        ("民國115年10月21日", "2026-10-21"),
        ("民国一百一十五年二月", "2026-02"),
        ("2026年1月5日", "2026-01-05"),
    ],
)
def test_dates_in_numerals_and_on_the_roc_calendar_are_read(text: str, iso: str) -> None:
    assert parse_date(text) == iso


def test_a_two_digit_year_in_numerals_is_no_date() -> None:
    """`十五年三月` names a span of years, not a calendar date."""
    assert parse_date("已经过去了十五年三月有余") is None


def test_a_notice_signed_in_numerals_gets_its_date_and_keeps_the_line() -> None:
    """The signing date in numerals, between the office and the copy list, is the notice's date and
    stays in its text."""
    doc = ["关于做好道路除雪工作的通知", *BODY, "城关区市政管理处", "二〇二五年十二月一日", "抄送：区应急管理局。"]
    cleaned = clean_text("\n".join(doc))
    assert cleaned.metadata.date == "2025-12-01"
    assert "二〇二五年十二月一日" in cleaned.text.split("\n")


def test_a_notice_signed_on_the_roc_calendar_gets_its_date() -> None:
    doc = [
        "關於辦理道路除雪工作之公告",
        "一、本公告自即日起生效，請各區公所依照辦理。",
        "城關區公所",
        "中華民國一一四年十二月一日",
    ]
    cleaned = clean_text("\n".join(doc))
    assert cleaned.metadata.date == "2025-12-01"
    assert "中華民國一一四年十二月一日" in cleaned.text


def test_a_bylines_bare_date_before_its_labels_is_the_date() -> None:
    """`2025年12月2日 09:10 来源：… 作者：…`: the date stands unlabelled before the labelled fields."""
    page = (
        "<html><head><title>城关区备战今冬降雪</title></head><body>"
        "<div class='nav'><a href='/'>首页</a> <a href='/a'>本地</a> <a href='/b'>民生</a></div>"
        "<h1>城关区备战今冬降雪</h1><p class='meta'>2025年12月2日 09:10 来源：城关融媒 作者：记者 张明</p>"
        + "".join(f"<p>{line}</p>" for line in BODY)
        + "</body></html>"
    )
    meta = clean_html(page).metadata
    assert meta.date == "2025-12-02T09:10"
    assert meta.source == "城关融媒"


def test_the_first_date_in_a_line_is_its_date_and_its_span() -> None:
    """A line dated in Arabic numerals that cites a rule dated in Chinese numerals is dated by its own date,
    and the span given for the date is that date's: the reading and the span were of two dates."""
    line = "2025年3月2日 依据二〇一九年十月一日施行的条例"
    assert parse_date(line) == "2025-03-02"
    assert date_span(line) == (0, 9)
    cited_first = "依据二〇一九年十月一日施行的条例 2025年3月2日"
    assert parse_date(cited_first) == "2019-10-01"
    assert date_span(cited_first) == (2, 11)
