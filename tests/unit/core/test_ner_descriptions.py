"""Phrases built on a name that describe rather than name: a body's members, a sector, a level of
government, an ethnic group; and names the tagger cut (a state's formal name, a forecast city).

Why: the tagger runs a named body on into the words after it (欧盟 + 国家, 美国银行 + 界, 中央 + 政府)
and the panel then shows a body no one can look up; or it cuts a place so the reader sees a fragment
(罗晴 for 开罗, 爱沙尼亚 and 共和国 as two places). Each rule follows how such phrases are formed in
Chinese, not a listed string. The sentences are written for these tests; none is copied from an
evaluation set. Tokens are given by hand, so the tests do not depend on the model's choices.
"""

from __future__ import annotations

from reader.core.entities.model import Token
from reader.core.entities.rules import spans_from_tokens


def _named(chunk: str, tokens: list[Token]) -> list[tuple[str, str]]:
    return [(chunk[s.start : s.end], s.type) for s in spans_from_tokens(chunk, tokens)]


# A body's members or agencies: the body alone.


def test_member_states_after_a_body_are_not_part_of_its_name() -> None:
    chunk = "东盟国家工商协会今天开会"
    tokens = [Token(0, 2, "ORG", 0.95), Token(2, 4, "n"), Token(4, 6, "n"), Token(6, 8, "n"), Token(8, 12, "v")]
    assert _named(chunk, tokens) == [("东盟", "org")]


def test_agencies_of_a_body_are_not_a_body() -> None:
    chunk = "北约下属机构发表声明"
    # 下属 as an adjective ("subordinate"), then 机构.
    tokens = [Token(0, 2, "ORG", 0.95), Token(2, 4, "a"), Token(4, 6, "n"), Token(6, 8, "v"), Token(8, 10, "n")]
    assert _named(chunk, tokens) == [("北约", "org")]


def test_a_named_agency_after_a_body_keeps_its_name() -> None:
    # A noun between the body and 机构 names the agency (a supervising body of its own).
    chunk = "北约监督机构发表声明"
    tokens = [Token(0, 2, "ORG", 0.95), Token(2, 4, "vn"), Token(4, 6, "n"), Token(6, 8, "v"), Token(8, 10, "n")]
    assert _named(chunk, tokens) == [("北约监督机构", "org")]


# A sector named by a kind of body.


def test_a_kind_of_body_before_jie_is_a_sector() -> None:
    chunk = "德国保险公司界普遍看好"
    tokens = [Token(0, 6, "ORG", 0.9), Token(6, 7, "n"), Token(7, 9, "d"), Token(9, 11, "v")]
    assert _named(chunk, tokens) == [("德国", "place")]


def test_a_body_not_followed_by_jie_is_kept() -> None:
    chunk = "德国保险公司普遍看好"
    tokens = [Token(0, 6, "ORG", 0.9), Token(6, 8, "d"), Token(8, 10, "v")]
    assert _named(chunk, tokens) == [("德国保险公司", "org")]


# A government named by a level, not a place.


def test_a_government_named_by_its_level_is_no_body() -> None:
    chunk = "联邦政府宣布新的预算"
    tokens = [Token(0, 4, "ORG", 0.95), Token(4, 6, "v"), Token(6, 7, "a"), Token(7, 8, "u"), Token(8, 10, "n")]
    assert _named(chunk, tokens) == []


def test_a_body_run_into_a_field_of_study_keeps_the_body() -> None:
    chunk = "他是牛津大学政府学讲师"
    tokens = [Token(0, 1, "r"), Token(1, 2, "v"), Token(2, 8, "ORG", 0.9), Token(8, 9, "n"), Token(9, 11, "n")]
    assert _named(chunk, tokens) == [("牛津大学", "org")]


def test_a_government_named_by_its_place_is_the_place() -> None:
    chunk = "印度政府表示欢迎"
    tokens = [Token(0, 4, "ORG", 0.9), Token(4, 6, "v"), Token(6, 8, "v")]
    assert _named(chunk, tokens) == [("印度", "place")]


# Places the tagger cut or ran on.


def test_a_forecast_city_started_late_is_read_from_its_first_character() -> None:
    chunk = "12℃/20℃悉尼多云15℃/22℃"
    # The tagger starts at 尼 and runs into the weather: 悉 | 尼多云.
    tokens = [Token(0, 2, "m"), Token(2, 3, "w"), Token(3, 4, "w"), Token(4, 6, "m"), Token(6, 7, "w")]
    tokens += [Token(7, 8, "v"), Token(8, 11, "PER", 0.5), Token(11, 13, "m"), Token(13, 14, "w")]
    assert _named(chunk, tokens) == [("悉尼", "place")]


def test_a_country_and_its_form_of_state_are_one_place() -> None:
    chunk = "他出任驻芬兰共和国大使"
    tokens = [Token(0, 1, "r"), Token(1, 3, "v"), Token(3, 4, "v"), Token(4, 9, "LOC", 0.8), Token(9, 11, "n")]
    assert _named(chunk, tokens) == [("芬兰共和国", "place")]


def test_an_ethnic_group_named_after_its_country_gives_the_country() -> None:
    chunk = "当地的匈牙利族居民"
    tokens = [Token(0, 2, "s"), Token(2, 3, "u"), Token(3, 7, "LOC", 0.6), Token(7, 9, "n")]
    assert _named(chunk, tokens) == [("匈牙利", "place")]


# Foreign names written by sound, cut by the tagger.


def test_two_sounded_people_side_by_side_are_one_name() -> None:
    chunk = "记者见到了卡洛萨德"
    tokens = [Token(0, 2, "n"), Token(2, 4, "v"), Token(4, 5, "u"), Token(5, 7, "PER", 0.7), Token(7, 9, "PER", 0.7)]
    assert _named(chunk, tokens) == [("卡洛萨德", "person")]


def test_two_chinese_people_side_by_side_stay_apart() -> None:
    # Not written by sound: the rule leaves the tagger's two people alone.
    chunk = "王明李强今天到会"
    tokens = [Token(0, 2, "PER", 0.9), Token(2, 4, "PER", 0.9), Token(4, 6, "TIME"), Token(6, 8, "v")]
    assert sorted(_named(chunk, tokens)) == [("李强", "person"), ("王明", "person")]


def test_a_sounded_name_ended_a_character_early_takes_its_last_sound() -> None:
    chunk = "卡鲁索周日抵达"
    tokens = [Token(0, 2, "PER", 0.9), Token(2, 3, "v"), Token(3, 5, "TIME"), Token(5, 7, "v")]
    assert _named(chunk, tokens) == [("卡鲁索", "person")]


def test_a_sounded_name_before_a_word_is_not_lengthened() -> None:
    # 海 starts 海军 with the next character: 巴克 | 海军 is a name and the navy.
    chunk = "巴克海军上将说"
    tokens = [Token(0, 2, "PER", 0.9), Token(2, 4, "n"), Token(4, 6, "n"), Token(6, 7, "v")]
    assert _named(chunk, tokens) == [("巴克", "person")]


def test_a_sounded_name_after_a_kind_of_place_is_the_place() -> None:
    chunk = "前往海滨胜地卡纳塔度假"
    tokens = [Token(0, 2, "v"), Token(2, 4, "n"), Token(4, 6, "n"), Token(6, 9, "PER", 0.8), Token(9, 11, "v")]
    assert [(n, t) for n, t in _named(chunk, tokens) if t != "org"] == [("卡纳塔", "place")]


def test_a_person_after_an_ordinary_noun_stays_a_person() -> None:
    chunk = "球队队长卡纳塔进球"
    tokens = [Token(0, 2, "n"), Token(2, 4, "n"), Token(4, 7, "PER", 0.9), Token(7, 9, "v")]
    assert _named(chunk, tokens) == [("卡纳塔", "person")]


def test_a_company_with_its_group_in_brackets_is_one_name() -> None:
    chunk = "浙江华光电器（集团）有限公司今年扩产"
    tokens = [Token(0, 6, "ORG", 0.9), Token(6, 7, "w"), Token(7, 9, "n"), Token(9, 10, "w"), Token(10, 14, "n")]
    tokens += [Token(14, 16, "TIME"), Token(16, 18, "v")]
    assert _named(chunk, tokens) == [("浙江华光电器（集团）有限公司", "org")]


def test_a_bracket_after_a_body_without_a_kind_of_company_is_left_alone() -> None:
    chunk = "浙江华光电器（集团）今年扩产"
    tokens = [Token(0, 6, "ORG", 0.9), Token(6, 7, "w"), Token(7, 9, "n"), Token(9, 10, "w")]
    tokens += [Token(10, 12, "TIME"), Token(12, 14, "v")]
    assert _named(chunk, tokens) == [("浙江华光电器", "org")]


def test_the_cadres_of_a_village_are_people_and_the_village_a_place() -> None:
    chunk = "柳林村村干部带头捐款"
    tokens = [Token(0, 6, "ORG", 0.9), Token(6, 8, "v"), Token(8, 10, "v")]
    assert _named(chunk, tokens) == [("柳林村", "place")]


def test_a_place_cut_from_the_end_of_a_common_word_is_no_place() -> None:
    # 最惠国 "most favoured nation" is a word of trade law; the tagger took its 惠国 for a place.
    chunk = "双方互给最惠国待遇"
    tokens = [Token(0, 2, "n"), Token(2, 3, "d"), Token(3, 4, "v"), Token(4, 5, "d"), Token(5, 7, "LOC", 0.7)]
    tokens.append(Token(7, 9, "n"))
    assert _named(chunk, tokens) == []


def test_a_place_after_a_character_that_makes_no_word_with_it_is_kept() -> None:
    chunk = "双方在惠州签约"
    tokens = [Token(0, 2, "n"), Token(2, 3, "p"), Token(3, 5, "LOC", 0.9), Token(5, 7, "v")]
    assert _named(chunk, tokens) == [("惠州", "place")]
