"""A kind of place is no place: 大城市 "big cities", 同县 "the same county" name nothing a reader can look up.

Why: the tagger takes a modifier and a common noun of place for a place name; the reader's list then shows
"大城市" beside 北京. A named place keeps its name (龙岗区, 新市镇, 老河口市). Likewise bodies referred to
(有关部门 "the departments concerned") and 组织 "organise" after a county are no named body. Names written
for the tests.
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


@pytest.mark.parametrize("name", ["有关部门", "两国相关企业", "中日两国有关公司", "各国议会"])
def test_bodies_referred_to_are_no_named_body(name: str) -> None:
    assert not valid_org(name)


def test_organise_after_a_county_is_the_verb() -> None:
    assert not valid_org("青河县组织")
    assert valid_org("美洲国家组织")
    assert valid_org("世界卫生组织")
