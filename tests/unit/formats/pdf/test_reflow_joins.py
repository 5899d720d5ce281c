"""Line joins in reflowed PDF text: where a line break stands for a space and where it does not."""

from __future__ import annotations

import pytest

from reader.formats.pdf.reflow import join


@pytest.mark.parametrize(
    ("before", "after", "joined"),
    [
        ("联系人：王建国，联系电话：0512-687", "61234。", "联系人：王建国，联系电话：0512-68761234。"),
        ("全市城市街道综合养老服务中心覆盖率达到100", "%，农村", "全市城市街道综合养老服务中心覆盖率达到100%，农村"),
        ("每千名老年人拥有床位数不少于3", "5张", "每千名老年人拥有床位数不少于35张"),
        ("本报告参考了 World Health", "Organization 的统计", "本报告参考了 World Health Organization 的统计"),
    ],
)
def test_a_break_inside_chinese_text_adds_a_space_only_between_two_latin_words(
    before: str, after: str, joined: str
) -> None:
    assert join(before, after) == joined


@pytest.mark.parametrize(
    ("before", "after", "joined"),
    [
        ("the survey covered 1200", "households in 2025", "the survey covered 1200 households in 2025"),
        ("a total of 100", "200 respondents", "a total of 100 200 respondents"),
        ("as shown in table", "3, the share rose", "as shown in table 3, the share rose"),
    ],
)
def test_a_break_in_latin_text_stands_for_a_space(before: str, after: str, joined: str) -> None:
    assert join(before, after) == joined
