"""UTF-16 ↔ code-point offsets, checked against Python's own UTF-16 encoder."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.core.text.textpos import Utf16Index


def _u16_len(text: str) -> int:
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def test_astral_character_takes_two_units() -> None:
    text = "县𠗣医院𡃁"
    idx = Utf16Index(text)
    assert not idx.is_bmp
    assert idx.utf16_length == 7
    assert [idx.to_utf16(i) for i in range(len(text) + 1)] == [0, 1, 3, 4, 5, 7]
    assert [idx.to_cp(u) for u in range(8)] == [0, 1, 1, 2, 3, 4, 4, 5]  # 2 and 6 split a pair
    assert idx.span_to_utf16(1, 2) == (1, 3)
    assert idx.span_to_cp(1, 3) == (1, 2)
    assert idx.span_to_cp(1, 2) == (1, 2)  # an end inside the pair takes the whole character


def test_bmp_text_is_identity() -> None:
    text = "县级医院综合能力提升。" * 10
    idx = Utf16Index(text)
    assert idx.is_bmp
    assert idx.utf16_length == len(text)
    assert all(idx.to_utf16(i) == i == idx.to_cp(i) for i in range(len(text) + 1))


def test_empty_and_out_of_range() -> None:
    idx = Utf16Index("")
    assert idx.to_utf16(0) == 0 == idx.to_cp(0)
    idx = Utf16Index("a𠗣")
    for bad in (-1, 3):
        with pytest.raises(IndexError):
            idx.to_utf16(bad)
    for bad in (-1, 4):
        with pytest.raises(IndexError):
            idx.to_cp(bad)


def test_lone_surrogate_counts_one_unit() -> None:
    idx = Utf16Index("a\ud800b")
    assert idx.is_bmp
    assert idx.to_utf16(3) == 3


def test_long_text_with_sparse_astral_characters() -> None:
    text = ("国家卫生健康委员会。" * 999 + "𠗣") * 20  # 200,000 code points, 20 astral
    idx = Utf16Index(text)
    assert idx.utf16_length == _u16_len(text)
    for cp in (0, 9990, 9991, 100_000, len(text)):
        assert idx.to_utf16(cp) == _u16_len(text[:cp])
        assert idx.to_cp(idx.to_utf16(cp)) == cp


_chars = st.sampled_from([*"a中國医。\n", "𠗣", "𡃁", "😀", "\U00030000"])


@given(st.lists(_chars, max_size=60).map("".join))
def test_matches_utf16_encoding(text: str) -> None:
    idx = Utf16Index(text)
    assert idx.utf16_length == _u16_len(text)
    for cp in range(len(text) + 1):
        u16 = idx.to_utf16(cp)
        assert u16 == _u16_len(text[:cp])
        assert idx.to_cp(u16) == cp
    for u16 in range(idx.utf16_length + 1):
        cp = idx.to_cp(u16)
        # rounds down: the character starting at or covering u16
        assert idx.to_utf16(cp) <= u16 < idx.to_utf16(cp) + 2 or (cp == len(text) and u16 == idx.utf16_length)
        assert idx.to_utf16(cp) == u16 or text[cp] > "\uffff"


@given(st.text(max_size=80))
def test_any_text_round_trips(text: str) -> None:
    idx = Utf16Index(text)
    assert all(idx.to_cp(idx.to_utf16(cp)) == cp for cp in range(len(text) + 1))
