"""The conservative regional vocabulary: reviewed terms only, OpenCC's full dictionary on request."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from reader.core.script import Script, convert, make_view
from reader.core.script import vocabulary as script_vocabulary
from reader.core.script.vocabulary import Entry, safe_entries, unsafe_entries

ROOT = Path(__file__).resolve().parents[3]
BUNDLED_CASES = ROOT / "tests" / "data" / "opencc" / "testcases.json"

_FULL = {"tw": "s2twp", "hk": "s2hkp"}


def _simplified(entry: Entry) -> str:
    return convert(entry.key, "t2s")


def test_tables_are_disjoint_and_cover_opencc_phrases_once() -> None:
    safe = {(e.region, e.key) for e in safe_entries()}
    unsafe = {(e.region, e.key) for e in unsafe_entries()}
    assert len(safe) == len(safe_entries()) and len(unsafe) == len(unsafe_entries())
    assert not safe & unsafe
    # Every row is a real OpenCC entry: the full config gives the row's replacement for its key.
    # Keys are OpenCC-standard traditional; OpenCC segments by simplified phrases, so most match only
    # as simplified input, and a few (捲積, whose simplified form comes back as 卷積) only as written.
    for e in (*safe_entries(), *unsafe_entries()):
        assert e.replacement in (convert(e.key, _FULL[e.region]), convert(_simplified(e), _FULL[e.region])), e


def test_safe_terms_are_replaced_as_opencc_does() -> None:
    for e in safe_entries():
        text = _simplified(e)
        assert convert(text, _FULL[e.region] + "-safe") == convert(text, _FULL[e.region]), e


def test_unsafe_terms_are_left_as_written() -> None:
    for e in unsafe_entries():
        text = _simplified(e)
        character_view = convert(text, "s2tw" if e.region == "tw" else "s2hk")
        assert convert(text, _FULL[e.region] + "-safe") == character_view, e


def test_unsafe_examples_go_wrong_in_opencc_and_not_in_the_conservative_mode() -> None:
    examples = [e for e in unsafe_entries() if "→" in e.example]
    assert len(examples) >= 80
    for e in examples:
        source, wrong = (part.strip() for part in e.example.split("→", 1))
        wrong = wrong.split(" (")[0]
        assert convert(source, _FULL[e.region]) == wrong, e
        assert convert(source, _FULL[e.region] + "-safe") != wrong, e


def test_meaning_changes_named_in_the_issue_are_gone_by_default() -> None:
    text = "我们支持这项决议，激活新动能。软件和鼠标"
    assert make_view(text, Script.TW, phrases=True).text == "我們支持這項決議，激活新動能。軟體和滑鼠"
    full = make_view(text, Script.TW, phrases=True, vocabulary="all").text
    assert full == "我們支援這項決議，啟用新動能。軟體和滑鼠"
    assert make_view("用硬盘的支持者", Script.HK, phrases=True).text == "用硬碟的支持者"


def test_conservative_view_maps_offsets_of_length_changing_terms() -> None:
    text = "用打印机和U盘支持老挝人民民主共和国"
    view = make_view(text, Script.TW, phrases=True)
    assert view.text == "用印表機和隨身碟支持寮人民民主共和國"
    start = text.index("U盘")
    assert view.offsets.span_to_view(start, start + 2) == (start, start + 3)
    lao = text.index("老挝")
    assert view.text[slice(*view.offsets.span_to_view(lao + 2, len(text)))] == "人民民主共和國"
    assert view.offsets.span_to_source(*view.offsets.span_to_view(lao, lao + 2)) == (lao, lao + 2)


def _cases() -> list[dict[str, Any]]:
    raw = BUNDLED_CASES.read_text(encoding="utf-8")
    cases: list[dict[str, Any]] = json.loads(re.sub(r",(\s*[}\]])", r"\1", raw))["cases"]
    return cases


# OpenCC's own s2twp/s2hkp cases that the conservative mode answers differently, on purpose. The full
# mode (vocabulary="all") passes all of them: test_script.py::test_all_opencc_test_cases_pass.
_INTENDED_DIFFERENCES = {
    ("BYVoid_OpenCC_PR_1291_s2twp", "s2twp"): "通信 stays: standard in Taiwan too",
    ("dioxin_terms_tw_s2twp", "s2twp"): "持久性 stays: 'durability' in general, 永續性 only in computing",
    ("variants_tw_s2twp", "s2twp"): "社區 stays: a residential community is 社區, 社群 is online",
    ("BYVoid_OpenCC_PR_1036_s2x", "s2twp"): "丁當 stays: also a name (the singer)",
    ("s2twp_gong_yuan_to_xi_yuan", "s2twp"): "公元 stays: used in Taiwan beside 西元",
    ("western_classical_musicians_s2twp", "s2twp"): "surnames alone stay: they name other people too",
    ("BYVoid_OpenCC_Issue_475_mixed_script_input", "s2twp"): "数据庫 (mixed input) segments as 數據|庫 and 數據 stays",
    ("director_surname_nolan_all_modes", "s2hkp"): "諾蘭 stays: a surname alone",
}


def test_opencc_cases_that_differ_in_the_conservative_mode_are_the_intended_ones() -> None:
    if not BUNDLED_CASES.exists():
        pytest.skip(f"OpenCC test cases not found at {BUNDLED_CASES}")
    differ = set()
    checked = 0
    for case in _cases():
        for cfg, want in case["expected"].items():
            if cfg in ("s2twp", "s2hkp"):
                checked += 1
                if convert(case["input"], cfg + "-safe") != want:
                    differ.add((case["id"], cfg))
    assert checked == 92
    assert differ == set(_INTENDED_DIFFERENCES)


def test_missing_phrase_dictionary_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    # A later OpenCC that renamed its dictionary must not silently give the full vocabulary.
    monkeypatch.setitem(script_vocabulary.SAFE_CONFIGS, "s2twp-renamed", ("s2twp", "NoSuchPhrases.ocd2", "tw"))
    with pytest.raises(RuntimeError, match=r"NoSuchPhrases\.ocd2"):
        script_vocabulary.config_path("s2twp-renamed")


def test_vocabulary_applies_only_where_the_view_crosses_from_the_documents_script() -> None:
    """Regional words are put for the other region's: a mainland document in 简 keeps 文件 (an official
    document there, not 文档), a Taiwanese one in 臺灣 keeps its words; crossing over, they change."""
    from reader.core.script import vocabulary_applies

    assert vocabulary_applies(Script.HANS, "traditional") and not vocabulary_applies(Script.HANS, "simplified")
    assert vocabulary_applies(Script.TW, "simplified") and not vocabulary_applies(Script.TW, "traditional")
    assert vocabulary_applies(Script.HK, "simplified") and vocabulary_applies(Script.HK, "mixed")
    assert not vocabulary_applies(Script.HANT, "simplified") and not vocabulary_applies(Script.ORIG, "simplified")
