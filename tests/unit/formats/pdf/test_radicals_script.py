"""Radicals in a text layer read in the script of the document they are in."""

from __future__ import annotations

import pytest

from reader.formats.pdf import analyse
from reader.formats.pdf.model import Fragment, Layout, PageBox
from reader.formats.pdf.radicals import BY_SCRIPT, fold_for_script, fold_radicals, is_traditional

SIMPLIFIED = (
    "新建住宅小区按每百\u2f3e不低于30平方米的标准配建社区养老服务用房。",
    "市财政按每\u2f3e给予补助，这里的门诊对外开放。",
)
TRADITIONAL = (
    "新建住宅社區按每百\u2f3e不低於30平方公尺的標準配建社區養老服務用房。",
    "市財政按每\u2f3e給予補助，這裡的門診對外開放。",
)


def _layout(lines: tuple[str, ...]) -> Layout:
    fragments = tuple(
        Fragment(text, 72.0, 72.0 + 11.0 * len(text), 100.0 + 30.0 * i, 113.0 + 30.0 * i, 11.0)
        for i, text in enumerate(lines)
    )
    return Layout((PageBox(0, 595.0, 842.0, fragments),))


def test_the_door_radical_is_hu_in_a_simplified_document() -> None:
    text = analyse(_layout(SIMPLIFIED)).text
    assert "每百户不低于" in text and "每户给予" in text
    assert "戶" not in text and "\u2f3e" not in text


def test_the_door_radical_is_the_traditional_form_in_a_traditional_document() -> None:
    text = analyse(_layout(TRADITIONAL)).text
    assert "每百戶不低於" in text and "每戶給予" in text
    assert "户" not in text and "\u2f3e" not in text


def test_a_fragment_keeps_its_script_dependent_radicals_until_the_script_is_known() -> None:
    assert fold_radicals("每百\u2f3e\u2fa8前\u2e94") == "每百\u2f3e\u2fa8前彑"
    assert fold_for_script("每百\u2f3e\u2fa8前", traditional=False) == "每百户门前"
    assert fold_for_script("每百\u2f3e\u2fa8前", traditional=True) == "每百戶門前"


@pytest.mark.parametrize("radical", sorted(BY_SCRIPT))
def test_every_script_dependent_radical_becomes_an_ideograph_in_both_scripts(radical: str) -> None:
    for traditional in (False, True):
        folded = fold_for_script(radical, traditional)
        assert len(folded) == 1 and "\u4e00" <= folded <= "\u9fff"


def test_the_script_is_told_by_the_common_characters_that_differ() -> None:
    assert is_traditional("這裡的門診對外開放，市財政給予補助。")
    assert not is_traditional("这里的门诊对外开放，市财政给予补助。")
    assert not is_traditional("每百户不低于30平方米")  # no telling character: read as simplified
