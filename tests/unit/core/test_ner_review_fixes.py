"""Rules of the last round that went too far on ordinary sentences: each test is a sentence of the
shape a rule was not meant for, run through the tagger."""

from __future__ import annotations

from reader.core.entities import extract


def _named(text: str) -> list[tuple[str, str]]:
    return [(m.type, m.normalized) for m in extract(text) if m.type in ("person", "place", "org")]


def test_two_bracketed_company_names_in_one_sentence() -> None:
    found = _named("东方集团（北京、天津）有限公司与远航（厦门）有限公司合作。")
    assert ("org", "东方集团(北京、天津)有限公司") in found
    assert ("org", "远航(厦门)有限公司") in found


def test_a_word_starting_with_the_sector_character_leaves_the_body() -> None:
    assert ("org", "世界卫生组织") in _named("世界卫生组织界定了新的诊断标准。")


def test_a_chinese_name_keeps_its_length_before_a_function_word() -> None:
    assert ("person", "林海") in _named("林海曾任县委书记。")
    people = [n for t, n in _named("林丹谢杏芳夫妇出席了活动。") if t == "person"]
    assert people == ["林丹", "谢杏芳"]


def test_a_post_after_once_held_is_the_persons() -> None:
    (person,) = [m for m in extract("林海曾任县委书记。") if m.type == "person"]
    assert person.posts == ("县委书记",)


def test_a_person_after_a_kind_of_place_is_a_person() -> None:
    assert ("person", "张经理") in _named("港口张经理介绍了今年的吞吐量。")
    assert ("place", "阿布贾") in _named("代表团抵达首都阿布贾。")


def test_words_before_a_forecast_city_are_not_part_of_it() -> None:
    places = [n for t, n in _named("今天最高气温28℃，明天北京晴，气温回升。") if t == "place"]
    assert places == ["北京"]


def test_a_rare_dictionary_phrase_does_not_hide_a_country() -> None:
    assert ("place", "美国") in _named("代表团下月赴美国考察新能源产业。")


def test_a_kind_of_government_after_a_place_is_not_part_of_it() -> None:
    assert _named("阿富汗临时政府总理表示。") == [("place", "阿富汗")]
    assert _named("经省人民政府同意，方案实施。") == []


def test_a_doubled_village_character_starts_the_next_word() -> None:
    assert ("place", "红星村") in _named("红星村村干部带领村民修路。")
    assert ("place", "桃源镇") in _named("桃源镇镇政府召开会议。")


def _posts(text: str) -> dict[str, tuple[str, ...]]:
    return {m.normalized: tuple(m.posts) for m in extract(text) if m.type == "person"}


def test_an_agent_mark_inside_a_word_does_not_cut_the_post() -> None:
    """邀请 of 邀请赛 (an invitational) is no agent mark: the post is the committee's whole title."""
    assert _posts("全省乒乓球邀请赛组委会主任陈明致辞。").get("陈明") == ("全省乒乓球邀请赛组委会主任",)


def test_a_post_once_held_is_read_past_its_aspect_particle() -> None:
    assert _posts("赵平曾担任过副县长。").get("赵平") == ("副县长",)


def test_a_price_from_is_no_count() -> None:
    figures = [m.text for m in extract("新款车型售价12.8万起，月底交付。") if m.type == "figure"]
    assert all("起" not in f for f in figures)


def test_a_known_company_heading_a_quoted_product_name_stays() -> None:
    """微软 of “微软翻译” is the company the product is named for, a word of its own at the name's head."""
    assert ("org", "微软") in _named("“微软翻译”新增了三种语言。")
