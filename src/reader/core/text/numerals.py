"""Numbers written in Chinese numerals, as dates and figures in reports write them.

Two forms share the digits: a year is written digit by digit (二〇二五, 一一四 on the Republic of China
calendar), a count with units (十三, 一百零五, 三千, 四万二千, 两千). Scans and typists put a circle or a
letter O for the zero (二○二五, 二Ｏ二五), so those read as zero too.
"""

from __future__ import annotations

DIGITS = {
    "〇": 0,
    "零": 0,
    "○": 0,
    "Ｏ": 0,
    "一": 1,
    "二": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
UNITS = {"十": 10, "百": 100, "千": 1000}
SECTIONS = {"万": 10_000, "亿": 100_000_000}


def chinese_number(text: str) -> int | None:
    """二〇二五 -> 2025, 一一四 -> 114, 十二 -> 12, 一百零五 -> 105, 四万二千 -> 42000, 114 -> 114; None
    when `text` holds anything that is not a numeral."""
    if text.isdecimal():
        return int(text)
    if text and all(ch in DIGITS for ch in text):
        return int("".join(str(DIGITS[ch]) for ch in text))
    total = section = digit = 0
    for ch in text:  # a few characters: a number, not a text
        if ch in DIGITS:
            digit = DIGITS[ch]
        elif ch == "两":
            digit = 2
        elif ch in UNITS:
            section += (digit or 1) * UNITS[ch]
            digit = 0
        elif ch == "万":
            total += (section + digit) * SECTIONS[ch]  # only the count since the last 亿: 三亿五千万
            section = digit = 0
        elif ch == "亿":
            total = (total + section + digit) * SECTIONS[ch]  # all before it: 一万亿
            section = digit = 0
        else:
            return None
    return total + section + digit if text else None


_ROMAN = (
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
)


def roman(n: int) -> str:
    """`n` in upper-case Roman numerals (a list's or a heading's number: IV, XII); empty for n < 1."""
    out = []
    for value, letters in _ROMAN:
        count, n = divmod(n, value)
        out.append(letters * count)
    return "".join(out)
