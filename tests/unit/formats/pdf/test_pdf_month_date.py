"""A report dated by month alone under its signature (`2026年1月`) is dated so as a PDF, as the same text
is as a DOCX; a month inside a sentence is what the text talks about."""

from __future__ import annotations

import pytest

from reader.formats.pdf import analyse, importer
from reader.formats.pdf.model import Fragment, Layout, PageBox

SIZE = 12.0


def _frag(text: str, x0: float, top: float, size: float = SIZE) -> Fragment:
    return Fragment(text, x0, x0 + size * len(text), top, top + size * 1.2, size)


def _report(last: list[str]) -> Layout:
    fragments = [_frag("区域养老服务发展报告", 180.0, 90.0, 20.0)]
    top = 150.0
    for text in ("近年来区域养老服务体系建设稳步推进，床位总量持续增加，", "护理型床位占比逐年提高。"):
        fragments.append(_frag(text, 96.0 if text.startswith("近") else 72.0, top))
        top += 20.0
    for text in last:
        fragments.append(_frag(text, 523.0 - SIZE * len(text), top + 20))
        top += 20.0
    return Layout((PageBox(0, 595.0, 842.0, tuple(fragments)),))


@pytest.mark.parametrize("month", ["2026年1月", "2025年12月", "2026 年 2 月"])
def test_a_month_alone_under_the_signature_dates_the_report(month: str) -> None:
    result = analyse(_report(["区域经济研究所课题组", month]))
    expected = "-".join(f"{int(n):02d}" if len(n) < 4 else n for n in month.replace(" ", "")[:-1].split("年"))
    assert importer.metadata(result).date == expected


def test_a_month_inside_a_sentence_does_not_date_the_report() -> None:
    result = analyse(_report(["本报告数据截至2025年12月底。"]))
    assert importer.metadata(result).date is None
