"""The phrase guard over OpenCC and the Taiwan everyday forms: fixes, length, OpenCC's own cases."""

from __future__ import annotations

import pytest
from test_script import _load_cases

from reader.core.script import Script, convert, make_view, tw_everyday_forms


@pytest.mark.parametrize(
    ("simplified", "script", "want"),
    [
        # The reader's report: OpenCC matches 生发 (生髮) across 卫生|发展.
        ("国家卫生健康委卫生发展研究中心", Script.HANT, "國家衛生健康委衛生發展研究中心"),
        ("国家卫生健康委卫生发展研究中心", Script.TW, "國家衛生健康委衛生發展研究中心"),
        # Cases reported to OpenCC: github.com/BYVoid/OpenCC/issues/1497 (被发明) and /224 (心理发展).
        ("被发明", Script.TW, "被發明"),
        ("心理发展", Script.TW, "心理發展"),
        ("中国历史", Script.TW, "中國歷史"),
    ],
)
def test_guard_fixes_phrases_across_words(simplified: str, script: Script, want: str) -> None:
    assert make_view(simplified, script, guard=True).text == want


def test_guard_keeps_phrases_inside_words() -> None:
    for text in ("干净的头发", "理发店", "一个中国", "头发很长"):
        view = make_view(text, Script.TW, guard=True).text
        assert len(view) == len(text)
        assert view == convert(text, "s2tw") or text == "一个中国"
    assert make_view("头发很长", Script.TW, guard=True).text == "頭髮很長"


def test_guard_off_is_plain_opencc() -> None:
    text = "国家卫生健康委卫生发展研究中心"
    assert make_view(text, Script.TW).text == convert(text, "s2tw")


def test_opencc_cases_pass_through_guarded_views() -> None:
    views = {"s2t": Script.HANT, "s2tw": Script.TW, "s2hk": Script.HK}
    checks = [(c["input"], cfg, want) for c in _load_cases() for cfg, want in c["expected"].items() if cfg in views]
    assert len(checks) > 100
    failures = [
        (t, cfg, got, want) for t, cfg, want in checks if (got := make_view(t, views[cfg], guard=True).text) != want
    ]
    assert failures == []


def test_tw_everyday_forms_keep_length_and_are_off_by_default() -> None:
    text = "台湾的计划"
    assert make_view(text, Script.TW).text == "臺灣的計劃"
    assert make_view(text, Script.TW, tw_everyday=True).text == "台灣的計畫"
    assert make_view(text, Script.HANT, tw_everyday=True).text == make_view(text, Script.HANT).text
    assert tw_everyday_forms("佔領臺北") == "占領台北"
    phrase_view = make_view("台湾的软件计划", Script.TW, phrases=True, tw_everyday=True)
    assert phrase_view.text == "台灣的軟體計畫"
