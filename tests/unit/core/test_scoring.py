"""The shingle scorer: whitespace and punctuation never matter, repeated text does."""

from __future__ import annotations

import pytest

from reader.core.cleaning.scoring import Score, score, score_many, shingles, word_chars


def test_word_chars_drop_punctuation_and_space() -> None:
    assert word_chars("医院，高质量 发展!\n2023") == "医院高质量发展2023"


def test_identical_texts_score_one_whatever_the_layout() -> None:
    s = score("县医院综合能力提升。\n会议召开", "县医院 综合能力提升，会议召开！")
    assert (s.precision, s.recall, s.f1) == (1.0, 1.0, 1.0)


def test_extra_noise_lowers_precision_only() -> None:
    s = score("县医院综合能力提升首页新闻", "县医院综合能力提升")
    assert s.recall == 1.0
    assert 0.0 < s.precision < 1.0


def test_shingles_are_a_multiset() -> None:
    assert shingles("abcdeabcde")["abcd"] == 2
    s = score("甲乙丙丁甲乙丙丁", "甲乙丙丁")
    assert s.precision < 1.0


def test_short_text_counts_as_one_shingle() -> None:
    assert shingles("医院") == {"医院": 1}
    assert score("医院", "医院").f1 == 1.0


def test_micro_average_sums_counts() -> None:
    total = score_many([("甲乙丙丁戊", "甲乙丙丁戊"), ("子丑寅卯", "辰巳午未")])
    assert total == Score(overlap=2, predicted=3, gold=3)
    assert total.f1 == pytest.approx(2 / 3)


def test_empty_cases() -> None:
    assert score("", "").f1 == 1.0
    assert score("医院很好", "").precision == 0.0
    assert score("", "医院很好").recall == 0.0
