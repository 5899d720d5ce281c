"""Chinese numerals as dates and figures write them: digit by digit (years) or with units (counts)."""

from __future__ import annotations

import pytest

from reader.core.text.numerals import chinese_number


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("二〇二五", 2025),
        ("二○二五", 2025),
        ("二Ｏ二五", 2025),
        ("一一四", 114),
        ("九", 9),
        ("十", 10),
        ("十二", 12),
        ("二十一", 21),
        ("一百零五", 105),
        ("两千", 2000),
        ("四万二千", 42000),
        ("三亿五千万", 350_000_000),
        ("一万亿", 1_000_000_000_000),
        ("114", 114),
    ],
)
def test_a_numeral_reads_as_its_value(written: str, value: int) -> None:
    assert chinese_number(written) == value


@pytest.mark.parametrize("written", ["", "三千余", "十二月", "x"])
def test_anything_but_numerals_reads_as_none(written: str) -> None:
    assert chinese_number(written) is None
