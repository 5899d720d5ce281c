"""The terminal takes the colour names the user gave in Preferences, as the window shows them."""

from __future__ import annotations

import json

import pytest

from reader import paths
from reader.cli.annotate import color_key
from reader.cli.common import UserError
from reader.settings import settings_path


def _name_colors(names: dict[str, str]) -> None:
    path = settings_path(paths.config_dir())
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"schema_version": 1, "color_names": names}, ensure_ascii=False), encoding="utf-8")


def test_a_colour_is_found_by_the_name_the_user_gave_it() -> None:
    _name_colors({"blue": "数据", "green": "图表"})
    assert color_key("数据") == "blue"
    assert color_key("圖表") == "green"  # the user's name, typed in the other script
    assert color_key("green") == "green"


def test_an_unknown_colour_lists_the_users_names() -> None:
    _name_colors({"green": "图表"})
    with pytest.raises(UserError, match=r"green \(图表\)"):
        color_key("紫色")
