"""What the recogniser misreads in a regular way in numbers: the 一 of a Republic of China era year written
digit by digit has the stroke of a dash. Only after the era's name is such a dash a misread; elsewhere a
dash between numerals is a range and stays."""

from __future__ import annotations

from reader.formats.pdf import ocr

Quad = list[list[float]]


def _read(text: str) -> str:
    box: Quad = [[72.0, 90.0], [72.0 + 12 * len(text), 90.0], [72.0 + 12 * len(text), 103.0], [72.0, 103.0]]
    (fragment,) = ocr.to_fragments([(box, text, 0.98)], 1.0)
    return fragment.text


def test_the_one_of_an_era_year_read_as_a_dash_is_one_again() -> None:
    assert _read("中華民國一—五年十一月二十日公告") == "中華民國一一五年十一月二十日公告"
    assert _read("民国一－二年") == "民国一一二年"
    assert _read("民國—一五年度施政計畫") == "民國一一五年度施政計畫"


def test_a_range_of_numerals_keeps_its_dash() -> None:
    assert _read("计划用三—五年时间完成改造") == "计划用三—五年时间完成改造"
    assert _read("二〇二〇—二〇二五年规划纲要") == "二〇二〇—二〇二五年规划纲要"
