"""The phrase guard over OpenCC and the Taiwan everyday forms: fixes, length, OpenCC's own cases."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from test_script import _load_cases

from reader.core.script import Script, convert, make_view, tw_everyday_forms
from reader.core.script.fix import diff_sites
from reader.core.script.opencc import char_table, convert_each
from reader.core.script.traditional import _chained_view, _unified_line


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


def test_guard_off_is_plain_opencc_and_on_by_default() -> None:
    text = "国家卫生健康委卫生发展研究中心"
    assert make_view(text, Script.TW, guard=False).text == convert(text, "s2tw")
    assert make_view(text, Script.TW).text == "國家衛生健康委衛生發展研究中心"


@pytest.mark.parametrize(
    ("simplified", "script", "want"),
    [
        # OpenCC's long entries that span whole words stand (their boundaries are word boundaries).
        ("歌手丁当", Script.HANT, "歌手丁噹"),
        ("无线新闻台", Script.HK, "無綫新聞台"),
        # Reported exceptions (data/script_exceptions.tsv), in each region's forms.
        ("展示了如何", Script.TW, "展示了如何"),
        ("参与制造", Script.HK, "參與製造"),
        ("考试制度", Script.HANT, "考試制度"),
        # 里 as the syllable of a transliterated name, and as "inside".
        ("埃里克·兰德", Script.TW, "埃里克·蘭德"),
        ("杰弗里·道森", Script.TW, "傑弗里·道森"),
        ("森林里", Script.TW, "森林裡"),
        ("家里", Script.HANT, "家裏"),
    ],
)
def test_rules_over_opencc(simplified: str, script: Script, want: str) -> None:
    view = make_view(simplified, script).text
    assert view == want
    assert len(view) == len(simplified)


def test_author_written_traditional_is_kept_by_the_rules() -> None:
    # A mixed line: 擡 and 甦 are the author's, the simplified rest still converts.
    assert make_view("擡头看 甦醒的人", Script.HANT).text == "擡頭看 甦醒的人"


def test_opencc_cases_pass_through_guarded_views() -> None:
    # The guard is on by default; it must not lose anything OpenCC's own cases check.
    views = {"s2t": Script.HANT, "s2tw": Script.TW, "s2hk": Script.HK}
    checks = [(c["input"], cfg, want) for c in _load_cases() for cfg, want in c["expected"].items() if cfg in views]
    assert len(checks) > 100
    failures = [
        (t, cfg, got, want) for t, cfg, want in checks if (got := make_view(t, views[cfg], guard=True).text) != want
    ]
    assert failures == []


def test_tw_everyday_forms_keep_length_and_are_off_by_default() -> None:
    text = "台湾占领区的雇员"
    assert make_view(text, Script.TW).text == "臺灣佔領區的僱員"
    assert make_view(text, Script.TW, tw_everyday=True).text == "台灣占領區的雇員"
    assert make_view(text, Script.HANT, tw_everyday=True).text == make_view(text, Script.HANT).text
    assert tw_everyday_forms("佔領臺北") == "占領台北"
    phrase_view = make_view("台湾的软件", Script.TW, phrases=True, tw_everyday=True)
    assert phrase_view.text == "台灣的軟體"


def test_tw_everyday_forms_leave_hua_words_and_the_standard_jihua_alone() -> None:
    # Taiwanese text writes 規劃/策劃/籌劃 with 劃. 計畫 is Taiwan's standard form, written by the 臺灣
    # view itself, not an everyday variant; the option leaves 計劃 (設計|劃分) as the view wrote it.
    assert tw_everyday_forms("規劃和策劃，設計劃分") == "規劃和策劃，設計劃分"
    assert make_view("台湾的计划", Script.TW).text == "臺灣的計畫"
    assert make_view("台湾的计划", Script.TW, tw_everyday=True).text == "台灣的計畫"


def _seed_texts() -> list[str]:
    root = Path(__file__).resolve().parents[3] / "seeds"
    seeds = [p.read_text(encoding="utf-8") for p in sorted(root.glob("*.txt"))]
    rng = random.Random(3)
    # Per-character mixes of each seed with its traditional form exercise the mixed-line path.
    mixed = ["".join(c if rng.random() < 0.5 else t for c, t in zip(s, convert(s, "s2t"), strict=True)) for s in seeds]
    return seeds + mixed


@pytest.mark.parametrize("config", ["s2t", "s2tw", "s2hk"])
def test_chained_conversion_equals_opencc(config: str) -> None:
    # s2tw/s2hk are computed as s2t then the variant stage; the result must be OpenCC's own.
    variant_phrases = "喫茶小舖 味千拉麪 機場快線"  # keys of TWVariantsPhrases / HKVariantsPhrases
    for text in [*_seed_texts(), variant_phrases, "吃茶小铺\n味千拉面"]:
        per_char = convert_each(text, config)
        chained = _chained_view(text, config, per_char)
        assert chained is not None
        view, sites = chained
        assert view == convert(text, config)
        assert sites == [i for i, (a, b) in enumerate(zip(view, per_char, strict=True)) if a != b]


@pytest.mark.parametrize("config", ["s2t", "s2tw", "s2hk"])
def test_mixed_lines_match_the_per_character_rule(config: str) -> None:
    # A mixed line takes the conversion of its simplified copy, except where the author wrote a
    # traditional-only character or a phrase matched the line as written; stated here position by
    # position with OpenCC's own conversions, against the faster construction of `_unified_line`.
    for text in [*_seed_texts()[5:], "剪頭发\n吃茶小舖的头发", "乾淨的头发和干净的頭發"]:
        for line in text.split("\n"):
            simplified = convert(line, "t2s")
            plain, unified = convert(line, config), convert(simplified, config)
            per_char = convert_each(line, config)
            want = "".join(
                p if ch != s or p != d else u
                for ch, s, p, u, d in zip(line, simplified, plain, unified, per_char, strict=True)
            )
            assert _unified_line(line, config, plain, per_char) == want


def test_per_character_table_matches_one_by_one_conversion() -> None:
    text = "干发面后里台𠮶𠗣a\n・．\u3000国"
    assert char_table("s2tw").translate(text) == "".join(convert(ch, "s2tw") for ch in text)
    # Long texts take the array path, short ones str.translate: both must agree with OpenCC.
    long_text = text * 40
    assert char_table("s2tw").translate(long_text) == "".join(convert(ch, "s2tw") for ch in long_text)


@pytest.mark.parametrize(
    ("a", "b"),
    [("", ""), ("abc", "abc"), ("abc", "abd"), ("x" * 1000, "x" * 999 + "y"), ("ab" * 300, "ba" * 300)],
)
def test_diff_sites(a: str, b: str) -> None:
    assert diff_sites(a, b) == [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]


def test_prewarm_loads_the_guard_dictionary() -> None:
    """The window prewarms in the background; the first guarded view must not load jieba itself."""
    from reader.core.script import segment as script_segment
    from reader.core.text.display import prewarm

    script_segment.dictionary.cache_clear()
    prewarm()
    assert script_segment.dictionary.cache_info().currsize == 1
