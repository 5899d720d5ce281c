"""Posts that start where the office does, names cut by the tagger read whole, and bodies not broken in
two at a 与 inside their own name."""

from __future__ import annotations

from reader.core.entities import Mention, _no_fragments_of_terms, extract
from reader.core.entities.bodies import split_joined
from reader.core.entities.model import Token


def _posts(text: str, name: str) -> tuple[str, ...]:
    (person,) = [m for m in extract(text) if m.type == "person" and m.normalized == name]
    return person.posts


def test_a_post_after_the_subject_and_by_starts_at_the_office() -> None:
    assert _posts("座谈会由县政府副县长王建国主持。", "王建国") == ("县政府副县长",)
    assert _posts("年会特别邀请市文旅局局长周立新致辞。", "周立新") == ("市文旅局局长",)


def test_a_word_with_by_inside_it_stays_in_the_post() -> None:
    assert _posts("自由贸易区管委会主任周立新到会。", "周立新") == ("自由贸易区管委会主任",)


def test_a_department_named_for_two_fields_is_one_body() -> None:
    """The tagger took the whole name as one body: 城市 ends like a place, but a body comes before it."""
    name = "北京社会科学院城市与区域发展研究所"
    whole = Token(0, len(name), "ORG", 0.5)
    assert split_joined(name, whole) == [whole]
    two = "上海市与北京市民政局"  # a place and a body joined by 与 are still two
    assert [t.tag for t in split_joined(two, Token(0, len(two), "ORG", 0.5))] == ["LOC", "c", "ORG"]


def test_a_peoples_government_is_named_by_its_place() -> None:
    places = [m.normalized for m in extract("上海市与江苏省人民政府签约。") if m.type == "place"]
    assert places == ["上海市", "江苏省"]


def test_names_credited_by_a_role_are_people_even_when_they_are_words() -> None:
    people = {m.normalized: m.tier for m in extract("执笔：李娜、陈思远") if m.type == "person"}
    assert people == {"李娜": "main", "陈思远": "main"}


def test_a_body_cut_out_of_a_quoted_name_is_no_body() -> None:
    """The tagger may take the first characters of a quoted app or programme name for a body; the
    quotation is the name, given whole as a term."""
    norm = "依托“甬里安居”平台，“甬城大学城”项目，另有“甬里安居”小程序。"
    terms = [(3, 7), (12, 17), (23, 27)]
    fragment = Mention("org", "甬里安", "甬里安", 3, 6)
    with_ending = Mention("org", "甬城大学", "甬城大学", 12, 16)
    place = Mention("place", "甬城", "甬城", 12, 14)
    kept = _no_fragments_of_terms(norm, [fragment, with_ending, place], terms)
    assert kept == [with_ending, place]
    written_outside = norm + "甬里安公司成立。"
    assert _no_fragments_of_terms(written_outside, [fragment], terms) == [fragment]


def test_three_parties_of_a_relation_are_three_countries_by_their_full_names() -> None:
    places = [(m.text, m.normalized, m.tier) for m in extract("两国外长讨论了中英日三边合作。") if m.type == "place"]
    assert places == [("中", "中国", "main"), ("英", "英国", "main"), ("日", "日本", "main")]
    pair = [m.normalized for m in extract("会议回顾了中美双边经贸往来。") if m.type == "place"]
    assert pair == ["中国", "美国"]


def test_each_role_of_a_credit_line_credits_its_own_names() -> None:
    people = {m.normalized: m.tier for m in extract("项目负责人：王建国 执笔：李娜、陈思远") if m.type == "person"}
    assert people == {"王建国": "main", "李娜": "main", "陈思远": "main"}
