"""The search language: what users type, what it means, and the messages when it is wrong."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.core.query import (
    MAX_QUERY_LENGTH,
    Clause,
    DateRange,
    QueryError,
    date_key,
    fold,
    parse,
)


def clauses(text: str) -> list[tuple[str | None, str, bool]]:
    return [(c.field, c.value, c.negated) for c in parse(text).clauses]


def test_terms_are_anded_and_folded_to_simplified() -> None:
    assert clauses("醫院  發展") == [(None, "医院", False), (None, "发展", False)]
    assert parse("醫院 發展").terms == ("医院", "发展")


def test_full_width_and_case_are_folded() -> None:
    assert clauses("ＡＢＣ Hospital") == [(None, "abc", False), (None, "hospital", False)]


def test_ideographic_space_separates_terms() -> None:
    assert parse("医院\u3000改革").terms == ("医院", "改革")


def test_one_character_is_a_term() -> None:
    assert parse("院").terms == ("院",)


def test_quoted_phrase_keeps_its_spaces() -> None:
    assert clauses('"县级 医院" 改革') == [(None, "县级 医院", False), (None, "改革", False)]


def test_chinese_curly_quotes_make_a_phrase() -> None:
    assert parse("“千县 计划”").terms == ("千县 计划",)


def test_quote_inside_a_word_starts_a_phrase() -> None:
    assert parse('ab"c d"').terms == ("ab", "c d")


def test_minus_excludes_terms_phrases_and_filters() -> None:
    assert clauses('医院 -广告 -"免费 领取" -source:百度') == [
        (None, "医院", False),
        (None, "广告", True),
        (None, "免费 领取", True),
        ("source", "百度", True),
    ]
    assert parse("医院 -广告").terms == ("医院",)


def test_lone_minus_is_a_literal() -> None:
    assert parse("2023 - 2024").terms == ("2023", "-", "2024")


def test_filters_and_their_chinese_names() -> None:
    assert clauses("title:医院 source:新華網 author:張 tag:衛生 entity:张宗久") == [
        ("title", "医院", False),
        ("source", "新华网", False),
        ("author", "张", False),
        ("tag", "卫生", False),
        ("entity", "张宗久", False),
    ]
    assert clauses("标题:医院 標題：医院 ＴＩＴＬＥ：医院 來源:x") == [
        ("title", "医院", False),
        ("title", "医院", False),
        ("title", "医院", False),
        ("source", "x", False),
    ]


def test_filter_value_may_be_quoted() -> None:
    assert clauses('title:"县级 医院"') == [("title", "县级 医院", False)]


def test_unknown_prefix_is_plain_text() -> None:
    assert parse("http://example.com").terms == ("http://example.com",)


def test_filters_are_not_highlight_terms() -> None:
    assert parse("title:医院 date:2023").terms == ()


def test_empty_query() -> None:
    assert parse("").is_empty
    assert parse("  \u3000 ").is_empty


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("2023", "2023-00-00", "2023-99-99"),
        ("2023..2024", "2023-00-00", "2024-99-99"),
        ("2023-05..", "2023-05-00", ""),
        ("..2024-06-30", "", "2024-06-30"),
        ("2023-5-1..2023-05-31", "2023-05-01", "2023-05-31"),
        ("２０２３", "2023-00-00", "2023-99-99"),
        ("2023/05", "2023-05-00", "2023-05-99"),
    ],
)
def test_date_ranges(text: str, low: str, high: str) -> None:
    (clause,) = parse(f"date:{text}").clauses
    assert clause == Clause("date", text.replace("２０２３", "2023"), False, DateRange(low, high))


def test_date_range_contains_keys() -> None:
    (clause,) = parse("date:2023").clauses
    assert clause.dates is not None
    assert clause.dates.contains("2023-00-00")
    assert clause.dates.contains("2023-12-31")
    assert not clause.dates.contains("2024-01-01")
    assert not clause.dates.contains(None)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('"医院', 'unbalanced quotes: add the closing "'),
        ('医院 "县级 医院', 'unbalanced quotes: add the closing "'),
        ("“医院", "unbalanced quotes: add the closing ”"),
        ("医院”", "unbalanced quotes: ” without an opening “"),
        ('""', "empty quotes: put the phrase between them"),
        ("title:", "title: needs a value, e.g. title:医院"),
        ("source: 新华网", "source: needs a value, e.g. source:新华网"),
        ("标签:", "标签: needs a value, e.g. 标签:卫生"),
        ('tag:" "', "tag: needs a value, e.g. tag:卫生"),
        ("date:", "date: needs a value, e.g. date:2023..2024"),
        ("date:2024..2023", "date:2024..2023 ends before it starts"),
        ("date:..", "date:.. needs at least one end, e.g. date:2023.."),
        ("date:last-year", "date:last-year is not a date; try date:2023, date:2023-05 or date:2023..2024"),
        ("date:23", "date:23 is not a date; try date:2023, date:2023-05 or date:2023..2024"),
        ("date:2023-13", "date:2023-13 has no month 13"),
        ("date:2023-02-30", "date:2023-02-30 is not a day of the calendar"),
        ("医" * (MAX_QUERY_LENGTH + 1), f"the query is longer than {MAX_QUERY_LENGTH} characters"),
        ("a " * 40, "too many terms: at most 32"),
    ],
)
def test_errors_have_short_messages(text: str, message: str) -> None:
    with pytest.raises(QueryError) as info:
        parse(text)
    assert str(info.value) == message


def test_non_text_is_a_query_error() -> None:
    with pytest.raises(QueryError):
        parse(None)  # type: ignore[arg-type]


@given(st.text(max_size=200))
def test_parse_raises_nothing_but_query_error(text: str) -> None:
    try:
        query = parse(text)
    except QueryError as error:
        assert str(error) and "\n" not in str(error)
    else:
        assert all(c.value for c in query.clauses)


@given(st.lists(st.text(alphabet="醫医院發发展后後乾隆abcABC123", min_size=1), max_size=8))
def test_plain_words_are_the_folded_words(words: list[str]) -> None:
    text = " ".join(words)
    assert parse(text).terms == tuple(fold(text).split())


@pytest.mark.parametrize(
    ("date", "key"),
    [
        ("2023-05-14", "2023-05-14"),
        ("2025-6-16 19:16", "2025-06-16"),
        ("2023年5月14日", "2023-05-14"),
        ("2023/05", "2023-05-00"),
        ("2023", "2023-00-00"),
        ("2023-13-01", "2023-00-00"),
        ("", None),
        ("unknown", None),
    ],
)
def test_date_key(date: str, key: str | None) -> None:
    assert date_key(date) == key


def test_fold_keeps_length_and_replaces_what_cannot_be_stored() -> None:
    text = "醫院\ud800x\U0010ff2d𠀀"
    folded = fold(text)
    assert len(folded) == len(text)
    assert folded == "医院\ufffdx\ufffd𠀀"
