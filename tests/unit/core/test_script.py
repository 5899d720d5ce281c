"""Script conversion and detection: OpenCC's own test cases, the seeds, mixed-script input."""

from __future__ import annotations

import json
import re
import threading
from pathlib import Path
from typing import Any

import pytest

from reader.core.script import (
    CONFIGS,
    Script,
    config_for,
    convert,
    detect_script,
    make_view,
    script_specific_chars,
)

ROOT = Path(__file__).resolve().parents[3]
SEEDS = ROOT / "seeds"
BUNDLED_CASES = ROOT / "tests" / "data" / "opencc" / "testcases.json"
SHARED_CASES = ROOT.parent / "shared" / "eval" / "opencc" / "testcases.json"


def _seed(prefix: str) -> str:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


def _load_cases() -> list[dict[str, Any]]:
    path = BUNDLED_CASES if BUNDLED_CASES.exists() else SHARED_CASES
    if not path.exists():
        pytest.skip(f"OpenCC test cases not found at {BUNDLED_CASES} or {SHARED_CASES}")
    raw = path.read_text(encoding="utf-8")
    # OpenCC's file has a trailing comma, which its own JSON reader accepts and Python's does not.
    cases: list[dict[str, Any]] = json.loads(re.sub(r",(\s*[}\]])", r"\1", raw))["cases"]
    return cases


def test_all_opencc_test_cases_pass() -> None:
    cases = _load_cases()
    checks = [(c["id"], c["input"], cfg, want) for c in cases for cfg, want in c["expected"].items()]
    assert len(checks) == 543
    assert {cfg for _, _, cfg, _ in checks} <= CONFIGS
    failures = [(case_id, cfg, got, want) for case_id, text, cfg, want in checks if (got := convert(text, cfg)) != want]
    assert failures == []


def test_convert_accepts_json_suffix_and_rejects_unknown() -> None:
    assert convert("发展", "s2t.json") == convert("发展", "s2t") == "發展"
    assert convert("", "t2s") == ""
    with pytest.raises(ValueError, match="unknown OpenCC config"):
        convert("x", "s2x")


def test_convert_passes_lone_surrogates_through() -> None:
    assert convert("发\ud800展", "s2t") == "發\ud800展"


def test_nul_characters_keep_the_rest_of_the_text() -> None:
    # OpenCC's s2tw drops everything after a NUL; the views must keep their length all the same.
    assert convert("头发\x00发展", "s2tw") == "頭髮\x00發展"
    text = "新北市並統稱為新巴士\x00公共设施自行车"  # a mixed line, which takes the unified path
    for script in (Script.HANS, Script.HANT, Script.TW, Script.HK):
        assert len(make_view(text, script).text) == len(text)


def test_convert_from_many_threads_matches_one_thread() -> None:
    text = _seed("001")
    expected = {cfg: convert(text, cfg) for cfg in ("s2t", "s2twp", "t2s")}
    results: list[bool] = []

    def work() -> None:
        for _ in range(5):
            results.extend(convert(text, cfg) == want for cfg, want in expected.items())

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(results) == 60 and all(results)


# --- views -----------------------------------------------------------------------------------------


def test_config_for_each_view() -> None:
    assert config_for(Script.ORIG) is None
    assert [config_for(s) for s in (Script.HANS, Script.HANT, Script.TW, Script.HK)] == [
        "t2s",
        "s2t",
        "s2tw",
        "s2hk",
    ]
    # Regional vocabulary is the conservative mode unless the whole of OpenCC's dictionary is asked for.
    assert config_for(Script.TW, phrases=True) == "s2twp-safe"
    assert config_for(Script.HK, phrases=True) == "s2hkp-safe"
    assert config_for(Script.TW, phrases=True, vocabulary="all") == "s2twp"
    assert config_for(Script.HK, phrases=True, vocabulary="all") == "s2hkp"
    assert config_for(Script.HANS, phrases=True) == "tw2sp-safe"
    assert config_for(Script.HANS, phrases=True, vocabulary="all") == "tw2sp"
    assert config_for(Script.HANT, phrases=True) == "s2t"


def test_original_view_is_the_text() -> None:
    view = make_view("原文𠗣", Script.ORIG)
    assert view.text == "原文𠗣" and view.offsets.is_identity


@pytest.mark.parametrize("script", [Script.HANS, Script.HANT, Script.TW, Script.HK])
@pytest.mark.parametrize("seed", ["000", "001", "002", "003", "004"])
def test_character_views_keep_length_and_offsets(seed: str, script: Script) -> None:
    text = _seed(seed)
    view = make_view(text, script)
    assert len(view.text) == len(text)
    assert view.offsets.is_identity
    assert view.offsets.to_view(100) == 100


def _left_behind(text: str, config: str) -> set[str]:
    """Characters of `text` that `config` would change on their own yet t2s/s2t treat as already done."""
    chars = sorted(set(text) - {"\n"})
    alone = convert("\n".join(chars), config).split("\n")
    back = convert("\n".join(chars), "s2t" if "2s" in config else "t2s").split("\n")
    return {c for c, a, b in zip(chars, alone, back, strict=True) if a != c and b == c}


def test_mixed_seed_converts_fully_to_simplified() -> None:
    text = _seed("000")
    assert detect_script(text).kind == "mixed"
    _, traditional = script_specific_chars()
    for phrases in (False, True):
        out = make_view(text, Script.HANS, phrases).text
        assert not set(out) & traditional
        assert not _left_behind(out, config_for(Script.HANS, phrases) or "")


# 里 stays in traditional text inside phrases (公里, 千里): OpenCC keeps it on purpose.
_KEPT_IN_PHRASES = {"里"}


@pytest.mark.parametrize("script", [Script.HANT, Script.TW, Script.HK])
@pytest.mark.parametrize("phrases", [False, True])
@pytest.mark.parametrize("seed", ["000", "001", "002", "003", "004"])
def test_views_towards_traditional_convert_fully(seed: str, script: Script, phrases: bool) -> None:
    config = config_for(script, phrases)
    assert config is not None
    out = make_view(_seed(seed), script, phrases).text
    assert _left_behind(out, config) <= _KEPT_IN_PHRASES
    simplified, _ = script_specific_chars()
    assert set(out) & simplified <= _KEPT_IN_PHRASES


def test_mixed_input_still_matches_phrases() -> None:
    # Plain s2t sees 发 after a traditional 頭, misses the phrase 头发 and picks 發.
    assert convert("剪頭发", "s2t") == "剪頭發"
    assert make_view("剪頭发", Script.HANT).text == "剪頭髮"
    assert make_view("剪頭发", Script.TW).text == "剪頭髮"
    assert make_view("剪頭发", Script.HK).text == "剪頭髮"
    # Only mixed lines take that path; the others are OpenCC's output as is.
    assert make_view("剪頭发\n干净的头发", Script.HANT).text == "剪頭髮\n乾淨的頭髮"
    phrase_view = make_view("剪頭发，用U盘\n软件", Script.TW, phrases=True)
    assert phrase_view.text == "剪頭髮，用隨身碟\n軟體"
    assert phrase_view.offsets.span_to_view(5, 7) == (5, 8)
    # A traditional-only character the author wrote is kept as written.
    assert make_view("乾了这杯，國家医院", Script.HANT).text == "乾了這杯，國家醫院"
    # Text that is not mixed is exactly OpenCC's output.
    assert make_view("干净的头发", Script.HANT).text == convert("干净的头发", "s2t") == "乾淨的頭髮"


def test_phrase_views_use_regional_vocabulary() -> None:
    view = make_view("软件和U盘", Script.TW, phrases=True)
    assert view.text == "軟體和隨身碟"
    assert view.offsets.span_to_view(3, 5) == (3, 6)
    assert make_view("軟體和隨身碟", Script.HANS, phrases=True).text == "软件和U盘"
    assert make_view("软件", Script.TW).text == "軟件"


def test_astral_characters_keep_code_point_offsets() -> None:
    text = "𠗣老挝𡃁的士"
    # 的士 is left alone by the conservative vocabulary (it matches across words), hence "all".
    view = make_view(text, Script.TW, phrases=True, vocabulary="all")
    assert view.text == "𠗣寮國𡃁計程車"
    assert view.offsets.span_to_view(3, 4) == (3, 4)  # 𡃁
    assert view.offsets.span_to_view(0, 1) == (0, 1)  # 𠗣
    assert view.offsets.span_to_view(1, 3) == (1, 3)  # 老挝 → 寮國
    assert view.offsets.span_to_view(4, 6) == (4, 7)  # 的士 → 計程車
    assert view.offsets.span_to_source(4, 7) == (4, 6)
    safe = make_view("𠗣老挝𡃁U盘", Script.TW, phrases=True)
    assert safe.text == "𠗣寮國𡃁隨身碟"
    assert safe.offsets.span_to_view(4, 6) == (4, 7)
    assert safe.offsets.span_to_source(4, 7) == (4, 6)


# --- detection -------------------------------------------------------------------------------------

_TAIWAN_TEXT = (
    "臺灣的醫療體系近年面臨人力不足的挑戰。衛生福利部表示，偏鄉地區的醫院長期缺乏醫師與護理人員，"
    "民眾就醫往往需要長途跋涉。為了改善這種情況，政府推動遠距醫療計畫，讓大型醫學中心透過視訊協助地方"
    "醫院診斷病患。專家指出，這項政策雖然立意良好，但仍需要充足的經費與完善的網路設備，才能真正發揮"
    "效果。此外，許多基層診所也希望政府能夠放寬相關規定。他說，從台北到花蓮的公里數並不遠，但山裡的"
    "村落交通不便，後續還要避免不當干預。"
)


@pytest.mark.parametrize("seed", ["001", "002", "003", "004"])
def test_seeds_are_simplified(seed: str) -> None:
    info = detect_script(_seed(seed))
    assert info.kind == "simplified"
    assert info.simplified > 100 and info.traditional <= 5


def test_machine_reworded_seed_is_mixed() -> None:
    info = detect_script(_seed("000"))
    assert info.kind == "mixed"
    assert info.simplified > 100 and info.traditional > 100
    assert 0 < info.share < 1


def test_real_traditional_text_is_traditional() -> None:
    info = detect_script(_TAIWAN_TEXT)
    assert info.kind == "traditional"
    assert info.simplified <= 3  # 里 and 干 are written in both scripts


def test_converted_seeds_change_kind() -> None:
    assert detect_script(convert(_seed("001"), "s2tw")).kind == "traditional"
    assert detect_script(convert(_seed("000"), "t2s")).kind == "simplified"


def test_detection_edge_cases() -> None:
    assert detect_script("").kind == "none"
    assert detect_script("report 2025").kind == "none"
    none = detect_script("人口")  # characters shared by both scripts
    assert (none.kind, none.cjk, none.share) == ("none", 2, 0.0)
    mixed = detect_script("國家医院和国家醫院")
    assert (mixed.kind, mixed.simplified, mixed.traditional) == ("mixed", 2, 2)


def test_specific_character_sets() -> None:
    simplified, traditional = script_specific_chars()
    assert {"国", "医", "发", "里"} <= simplified
    assert {"國", "醫", "發", "髮", "裡", "裏"} <= traditional
    assert not simplified & traditional
    # Regional standard forms are not evidence of simplified script.
    assert not {"台", "床", "群", "峰", "秘", "人"} & simplified


def test_simplified_vocabulary_turns_back_only_reviewed_terms() -> None:
    """A mixed document's mainland passage keeps a word both sides write (OpenCC's tw2sp makes 建立
    创建 and 文件 文档), while a Taiwan computing term becomes the mainland one."""
    text = "建立统一的数据目录，各部门报送文件。請安裝軟體，用滑鼠操作。"
    safe = make_view(text, Script.HANS, phrases=True).text
    assert "建立统一" in safe and "报送文件" in safe
    assert "软件" in safe and "鼠标" in safe
    full = make_view(text, Script.HANS, phrases=True, vocabulary="all").text
    assert "创建统一" in full  # what the whole dictionary does, which the default no longer does
