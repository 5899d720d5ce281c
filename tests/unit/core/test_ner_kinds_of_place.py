"""A kind of place is no place: 大城市 "big cities", 同县 "the same county" name nothing a reader can look up.

Why: the tagger takes a modifier and a common noun of place for a place name; the reader's list then shows
"大城市" beside 北京. A named place keeps its name (龙岗区, 新市镇, 老河口市). Sentences written for the tests.
"""

from __future__ import annotations

import pytest

from reader.core.entities.validity import valid_org, valid_place


@pytest.mark.parametrize(
    "name", ["大城市", "中小城市", "小城镇", "老城区", "中心市区", "远郊县", "百强县", "同县", "邻省", "本市"]
)
def test_a_kind_of_place_is_no_place(name: str) -> None:
    assert not valid_place(name)


@pytest.mark.parametrize("name", ["龙岗区", "新市镇", "老河口市", "中山市", "小店区", "同江市"])
def test_a_named_place_stays_a_place(name: str) -> None:
    assert valid_place(name)


def test_the_government_of_a_kind_of_place_is_no_body() -> None:
    assert not valid_org("小城镇政府")
    assert valid_org("中山市政府")
