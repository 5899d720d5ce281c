"""Exports written by the CLI use the interface language the window would use, without starting Qt."""

from __future__ import annotations

import pytest

from reader.cli.export import export_language


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"LANG": "zh_CN.UTF-8"}, "zh_CN"),
        ({"LANG": "zh_TW.UTF-8"}, "zh_TW"),
        ({"LANG": "en_US.UTF-8", "LC_ALL": "zh_HK.UTF-8"}, "zh_TW"),
        ({"LANG": "de_DE.UTF-8"}, "en"),
        ({}, "en"),
    ],
)
def test_system_language_follows_the_locale(environ: dict[str, str], expected: str) -> None:
    assert export_language(environ) == expected
