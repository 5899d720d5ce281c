"""Junk a reader saw on report text the public sets never show: departments cut at their second field,
an institute cut at its province, a preposition or a verb taken into a place, a run of provinces' short
names taken for a person, a description taken for a body, and posts the text gives but the panel missed.

Why: each is a class of text (how Chinese names of departments and institutes are formed, how the short
names of provinces are written together), so each test uses sentences written for it, not copied from
any evaluation or review file. Tokens are given by hand where the rule reads the tagger's words, so the
tests do not depend on the model's choices; each fails without its rule.
"""

from __future__ import annotations

from reader.core.entities.model import Token
from reader.core.entities.patterns import find_all
from reader.core.entities.posts import posts_of
from reader.core.entities.rules import spans_from_tokens


def _named(chunk: str, tokens: list[Token], kind: str) -> list[str]:
    return [chunk[s.start : s.end] for s in spans_from_tokens(chunk, tokens) if s.type == kind]


# Departments named for two fields (劳工及福利局, 文化和旅游部, 卫生福利部): the tagger or the field rule
# sees only the second field and its kind of body.


def test_two_fields_joined_by_and_name_one_department() -> None:
    chunk = "文化及体育局发布年度报告"
    tokens = [Token(0, 2, "n"), Token(2, 3, "c"), Token(3, 6, "ORG", 0.7), Token(6, 8, "v")]
    tokens += [Token(8, 10, "n"), Token(10, 12, "n")]
    assert _named(chunk, tokens, "org") == ["文化及体育局"]


def test_a_field_before_the_head_of_a_department_names_it_too() -> None:
    # 交通 | 运输 | 部长: the minister of 交通运输部, not of a 运输部.
    chunk = "据交通运输部长介绍"
    tokens = [Token(0, 1, "p"), Token(1, 3, "n"), Token(3, 5, "vn"), Token(5, 7, "n"), Token(7, 9, "v")]
    assert _named(chunk, tokens, "org") == ["交通运输部"]


def test_a_field_before_a_three_character_department_names_it_too() -> None:
    chunk = "医务卫生局发布通知"
    tokens = [Token(0, 2, "n"), Token(2, 5, "n"), Token(5, 7, "v"), Token(7, 9, "n")]
    assert _named(chunk, tokens, "org") == ["医务卫生局"]


def test_a_word_that_names_no_field_is_left_outside() -> None:
    # 全国 "nationwide" is no department's field (no 全国局, 全国部): the meeting is of bureau heads.
    chunk = "全国卫生局长会议召开"
    tokens = [Token(0, 2, "n"), Token(2, 4, "an"), Token(4, 6, "n"), Token(6, 8, "n"), Token(8, 10, "v")]
    assert not any(name.startswith("全国") for name in _named(chunk, tokens, "org"))


def test_an_acting_minister_s_office_is_the_ministry() -> None:
    # 代理 "acting" qualifies the post; it names no field of the ministry.
    chunk = "据代理外交部长表示"
    tokens = [Token(0, 1, "p"), Token(1, 3, "vn"), Token(3, 5, "n"), Token(5, 7, "n"), Token(7, 9, "v")]
    assert _named(chunk, tokens, "org") == ["外交部"]


def test_all_and_a_country_s_short_name_start_the_body_s_name() -> None:
    # 全俄 "All-Russia": the tagger leaves 全 and 俄 as words of their own.
    chunk = "全俄农业工人联合会发表声明"
    tokens = [Token(0, 1, "a"), Token(1, 2, "v"), Token(2, 9, "ORG", 0.5), Token(9, 11, "v"), Token(11, 13, "n")]
    assert _named(chunk, tokens, "org") == ["全俄农业工人联合会"]


# An institute named with its province: the province is part of the name, not the body's seat.


def test_an_institute_is_not_cut_at_its_province() -> None:
    chunk = "报告由湖南省社会科学院区域研究中心完成"
    tokens = [Token(0, 2, "n"), Token(2, 3, "p"), Token(3, 17, "ORG", 0.7), Token(17, 19, "v")]
    assert _named(chunk, tokens, "org") == ["湖南省社会科学院区域研究中心"]
    assert _named(chunk, tokens, "place") == []


def test_a_body_after_its_county_still_has_its_seat_apart() -> None:
    chunk = "湖北省宜都市第二中学通知"
    tokens = [Token(0, 10, "ORG", 0.9), Token(10, 12, "n")]
    assert _named(chunk, tokens, "place") == ["湖北省"]
    assert _named(chunk, tokens, "org") == ["宜都市第二中学"]


# A place the tagger ran into the word before or after it.


def test_a_country_abbreviation_run_into_the_verb_after_it_is_no_place() -> None:
    chunk = "该国决定对华加收关税"
    tokens = [Token(0, 2, "r"), Token(2, 4, "v"), Token(4, 5, "p"), Token(5, 7, "LOC", 0.8), Token(7, 8, "v")]
    tokens.append(Token(8, 10, "n"))
    assert _named(chunk, tokens, "place") == []


def test_a_preposition_taken_into_a_place_is_left_out() -> None:
    chunk = "代表团自台湾返回"
    tokens = [Token(0, 3, "n"), Token(3, 6, "LOC", 0.8), Token(6, 8, "v")]
    assert _named(chunk, tokens, "place") == ["台湾"]


def test_a_place_that_starts_with_a_preposition_character_keeps_it() -> None:
    chunk = "游客在自贡市观看灯会"
    tokens = [Token(0, 2, "n"), Token(2, 3, "p"), Token(3, 6, "LOC", 0.9), Token(6, 8, "v"), Token(8, 10, "n")]
    assert _named(chunk, tokens, "place") == ["自贡市"]


# Short names of provinces written together are a region, never a person.


def test_three_short_names_of_provinces_are_no_person() -> None:
    chunk = "京津冀三地共同发布规划"
    tokens = [Token(0, 3, "PER", 0.4), Token(3, 4, "m"), Token(4, 5, "n"), Token(5, 7, "d"), Token(7, 9, "v")]
    assert _named(chunk, tokens, "person") == []


def test_two_short_names_before_a_region_word_are_no_person() -> None:
    chunk = "渝黔一带普降大雨"
    tokens = [Token(0, 2, "PER", 0.4), Token(2, 4, "n"), Token(4, 6, "v"), Token(6, 8, "n")]
    assert _named(chunk, tokens, "person") == []


def test_a_given_name_made_of_two_short_names_stays_a_person() -> None:
    chunk = "主持人鲁豫说开始了"
    tokens = [Token(0, 3, "n"), Token(3, 5, "PER", 0.9), Token(5, 6, "v"), Token(6, 8, "v"), Token(8, 9, "u")]
    assert _named(chunk, tokens, "person") == ["鲁豫"]


# A place, an adjective and a kind of body describe the place's bodies; they name none.


def test_an_adjective_and_a_kind_of_body_after_a_place_name_no_body() -> None:
    chunk = "鼓励上海优质医院到外地办医"
    tokens = [Token(0, 2, "v"), Token(2, 4, "ORG", 0.8), Token(4, 8, "a"), Token(8, 9, "p"), Token(9, 11, "n")]
    tokens.append(Token(11, 13, "v"))
    assert _named(chunk, tokens, "org") == []
    assert _named(chunk, tokens, "place") == ["上海"]


# A period that names a programme is part of the programme's name, not a figure.


def _figures(text: str) -> list[str]:
    return [text[f.start : f.end] for f in find_all(text, None) if f.type == "figure"]


def test_a_programme_named_for_its_years_has_no_figure() -> None:
    assert _figures("全市推出养老服务十年计划，已建成站点一百二十个") == ["一百二十个"]


def test_a_period_before_the_verb_plan_is_still_a_figure() -> None:
    # 未来十年计划投资: "plans to invest over the next ten years": the ten years are measured.
    assert "十年" in _figures("该省未来十年计划投资一千亿元")


# Posts written after the name, and a long body before a post.


def test_general_secretary_written_after_the_name_is_the_post() -> None:
    text = "吴建国总书记在会上讲话"
    assert [text[a:b] for a, b in posts_of(text, 0, 3)] == ["总书记"]


def test_a_chief_executive_after_the_region_is_the_post() -> None:
    text = "澳门特别行政区行政长官陈志明出席典礼"
    assert [text[a:b] for a, b in posts_of(text, 11, 14)] == ["澳门特别行政区行政长官"]


# A place's party committee and its government written together.


def test_a_committee_and_government_written_together_give_the_committee() -> None:
    chunk = "苏州市委市政府召开大会"
    tokens = [Token(0, 7, "ORG", 0.8), Token(7, 9, "v"), Token(9, 11, "n")]
    assert [(s.type, chunk[s.start : s.end]) for s in spans_from_tokens(chunk, tokens)] == [("org", "苏州市委")]


def test_a_committee_and_government_of_no_named_place_give_nothing() -> None:
    chunk = "县委县政府召开大会"
    tokens = [Token(0, 5, "ORG", 0.8), Token(5, 7, "v"), Token(7, 9, "n")]
    assert spans_from_tokens(chunk, tokens) == []
