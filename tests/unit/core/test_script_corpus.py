"""The corpus-attested Taiwan word forms: the data file, its derivation, and the layer that applies it."""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterator
from importlib.resources import files
from pathlib import Path
from types import ModuleType

import pytest

from reader.core.script import Script, convert, make_view
from reader.core.script.corpus import _trie_pattern, aligned, corpus_edits, corpus_forms, uncut
from reader.core.script.traditional import traditional_view

BENCHMARKS = Path(__file__).resolve().parents[3] / "benchmarks"


@pytest.fixture(scope="module")
def script_corpus() -> Iterator[ModuleType]:
    """The generator (benchmarks/script_corpus.py), imported as the benchmarks run it."""
    sys.path.insert(0, str(BENCHMARKS))
    try:
        import script_corpus

        yield script_corpus
    finally:
        sys.path.remove(str(BENCHMARKS))


def _raw() -> str:
    return files("reader").joinpath("data/script_tw_corpus.tsv").read_text(encoding="utf-8")


def test_header_names_every_source_with_its_licence() -> None:
    header = "\n".join(line for line in _raw().splitlines() if line.startswith("#"))
    assert "UD_Chinese-GSD" in header and "CC BY-SA 4.0" in header
    assert "moztw/cc0-sentences" in header and "CC0" in header
    assert "mojLawSplitJSON" in header and "Copyright Act" in header
    assert "benchmarks/script_corpus.py" in header


def test_rows_are_round_trips_of_their_forms_and_pass_the_thresholds(script_corpus: ModuleType) -> None:
    rows = [line.split("\t") for line in _raw().splitlines() if line and not line.startswith("#")]
    assert len(rows) >= 10
    for simplified, form, count, total, gain, source in rows:
        assert len(simplified) == len(form) >= 2
        assert convert(form, "tw2s") == simplified, (simplified, form)
        row = script_corpus.Row(simplified, form, int(count), int(total), int(gain), source)
        assert script_corpus.selected(row), row
        assert set(source.split("+")) & set(script_corpus.GENERAL), row


def test_file_is_in_the_format_the_generator_writes(script_corpus: ModuleType) -> None:
    raw = _raw()
    rows = []
    for line in raw.splitlines():
        if line and not line.startswith("#"):
            s, f, c, t, g, src = line.split("\t")
            rows.append(script_corpus.Row(s, f, int(c), int(t), int(g), src))
    notes = [script_corpus.GSD_NOTE, script_corpus.CC0_NOTE, script_corpus.LAWS_NOTE]
    assert script_corpus.render(rows, notes) == raw


@pytest.mark.skipif(not os.environ.get("READER_SCRIPT_CORPORA"), reason="corpus clones not given")
def test_file_is_what_the_corpora_give(script_corpus: ModuleType) -> None:
    """Set READER_SCRIPT_CORPORA=GSD_GIT_DIR:CC0_GIT_DIR:LAWS_GIT_DIR to run (about two minutes)."""
    gsd, cc0, laws = (Path(p) for p in os.environ["READER_SCRIPT_CORPORA"].split(":"))
    assert script_corpus.build(gsd, cc0, laws) == _raw()


def test_rows_apply_in_the_taiwan_view_only() -> None:
    forms = corpus_forms()
    assert forms["合作伙伴"] == "合作夥伴"
    assert make_view("寻找合作伙伴。", Script.TW).text == "尋找合作夥伴。"
    assert make_view("寻找合作伙伴。", Script.HANT).text == "尋找合作伙伴。"
    assert make_view("寻找合作伙伴。", Script.HK).text == "尋找合作伙伴。"
    # Without the table the Taiwan view keeps OpenCC's form.
    assert make_view("推动自制。", Script.TW).text == "推動自製。"
    assert traditional_view("推动自制。", "s2tw", guard=True, tw_corpus=False) == "推動自制。"


def test_wikipedia_text_does_not_veto_what_taiwans_own_text_agrees_on(script_corpus: ModuleType) -> None:
    """GSD (Wikipedia) writing 計劃 in most of its own occurrences does not keep out the 計畫 that cc0 and
    the laws agree on, as long as general text as a whole writes 計畫 in a clear majority; a Taiwanese
    corpus that disagrees still vetoes. With the real counts (GSD 計劃 36 / 計畫 4, cc0 計畫 38 / 計劃 3)
    general text is split, 52 % to 48 %, so the table alone would leave 计划 as OpenCC has it: the 臺灣
    view's 計畫 comes from Taiwan's standard word forms (the MOE dictionary), not from this table."""
    stats = script_corpus.Stats
    gsd = stats(10, 10, (("計劃", 6, 0), ("計畫", 4, 4)))
    cc0 = stats(41, 41, (("計畫", 38, 38), ("計劃", 3, 0)))
    laws = stats(18370, 18370, (("計畫", 18139, 18139), ("計劃", 231, 0)))
    row = script_corpus.choose("计划", {"gsd": gsd, "cc0": cc0, "laws": laws})
    assert row is not None and row.form == "計畫" and row.count == 4 + 38 + 18139
    cc0_other_way = stats(41, 41, (("計劃", 38, 0), ("計畫", 3, 3)))
    assert script_corpus.choose("计划", {"gsd": gsd, "cc0": cc0_other_way, "laws": laws}) is None
    assert "gsd" not in script_corpus.VETO
    gsd_real = stats(40, 40, (("計劃", 36, 0), ("計畫", 4, 4)))
    assert script_corpus.choose("计划", {"gsd": gsd_real, "cc0": cc0, "laws": laws}) is None


def test_taiwan_writes_jihua_with_hua_picture_in_every_word() -> None:
    """计划 is 計畫 in the 臺灣 view, alone and inside words (Ministry of Education dictionary; Taiwanese
    corpora 93-99 %), but not where the segmenter reads two words (设计|划分); 繁體 and 香港 keep 計劃."""
    for text, want in (
        ("他计划明天去。", "他計畫明天去。"),
        ("第一个五年计划", "第一個五年計畫"),
        ("推行计划经济", "推行計畫經濟"),
        ("按计划书执行", "按計畫書執行"),
        ("重新设计划分方式", "重新設計劃分方式"),
        ("会计划分科目", "會計劃分科目"),
    ):
        assert make_view(text, Script.TW).text == want, text
        assert "計畫" not in make_view(text, Script.HANT).text
        assert "計畫" not in make_view(text, Script.HK).text


def test_everyday_words_are_not_taken_for_place_names() -> None:
    """Lists of place names attest names (山里 village), not words: "in the mountains" stays 山裡."""
    assert make_view("我们在山里走了很久。", Script.TW).text == "我們在山裡走了很久。"
    assert make_view("森林里有鹿。", Script.TW).text == "森林裡有鹿。"


def test_a_match_that_cuts_a_word_is_skipped() -> None:
    assert aligned("都市计划", 0, 4)
    assert aligned("推动都市计划的", 2, 6)
    assert not aligned("不太合理", 1, 3)
    assert not aligned("设计划分", 1, 3)
    text = "改善不太合理之处"
    assert all(not (1 <= i < 5) or text[i] != "太" for i in corpus_edits(text))


def test_uncut_accepts_a_word_or_the_inside_of_one() -> None:
    assert uncut("推动计划的", 2, 4)
    assert uncut("第一个五年计划", 5, 7)
    assert uncut("线性回归分析", 0, 4)
    assert not uncut("重新设计划分方式", 3, 5)


def test_trie_pattern_prefers_the_longest_word() -> None:
    pattern = re.compile(_trie_pattern(["计划", "计划书", "都市计划", "计"]))
    assert [m.group() for m in pattern.finditer("都市计划书与计划书和计划及计")] == ["都市计划", "计划书", "计划", "计"]


def test_taiwan_forms_reach_the_phrase_view_without_touching_its_vocabulary() -> None:
    """With regional vocabulary on, the 臺灣 view still writes Taiwan's word forms (計畫, 家具) where
    its phrase config left the plain conversion, after a length-changing phrase too (U盘 → 隨身碟), and
    never inside a word the vocabulary replaced or across two words (设计|划分)."""
    assert make_view("台湾的软件计划", Script.TW, phrases=True).text == "臺灣的軟體計畫"
    view = make_view("U盘计划书和家具", Script.TW, phrases=True)
    assert view.text == "隨身碟計畫書和家具"
    assert view.offsets.to_view(2) == 3 and view.text[view.offsets.to_view(2)] == "計"
    assert make_view("重新设计划分方式", Script.TW, phrases=True).text == "重新設計劃分方式"
    assert make_view("U盘计划书", Script.HK, phrases=True).text.endswith("計劃書")
    assert make_view("台湾的软件计划", Script.TW, phrases=True, tw_everyday=True).text == "台灣的軟體計畫"


def test_a_word_general_text_writes_both_ways_is_a_sense_not_a_form(script_corpus: ModuleType) -> None:
    """不准 is 不准 "not allowed" and 不準 "inaccurate": general text writes both, so however one-sided the
    laws are (they mostly forbid), the word is not a row. A spelling general text never writes does not
    hold a row back, and a clear majority of general text still lets one through."""
    stats = script_corpus.Stats
    laws = stats(90, 90, (("不准", 88, 88), ("不準", 2, 0)))
    both = stats(20, 20, (("不准", 12, 11), ("不準", 8, 0)))
    assert script_corpus.choose("不准", {"gsd": both, "laws": laws}) is None
    assert not script_corpus.general_text_agrees("不准", {"gsd": both, "laws": laws})
    only_one = stats(12, 12, (("不准", 12, 11),))
    row = script_corpus.choose("不准", {"gsd": only_one, "laws": laws})
    assert row is not None and row.form == "不准"
    mostly = stats(20, 20, (("不准", 18, 17), ("不準", 2, 0)))
    assert script_corpus.general_text_agrees("不准", {"gsd": mostly, "laws": laws})
    # The laws alone attest nothing, whatever their majority.
    assert not script_corpus.general_text_agrees("不准", {"laws": laws})


def test_buzhun_in_the_taiwan_view_is_left_to_the_plain_conversion() -> None:
    """Sentences of both senses: the table does not decide 不准/不準 (it cannot see the sense), so the
    臺灣 view writes what the 繁體 view writes, and "inaccurate" is never turned into "not allowed"."""
    assert "不准" not in corpus_forms()
    inaccurate = ("他看不准方向。", "测不准原理", "天气预报不准。", "时间不准，要校正。")
    forbidden = ("这里不准入内。", "车厢内不准吸烟。", "上课不准迟到。")
    for text in inaccurate:
        assert "不準" in make_view(text, Script.TW).text, text
    for text in inaccurate + forbidden:
        tw, hant = make_view(text, Script.TW).text, make_view(text, Script.HANT).text
        assert tw[tw.index("不") : tw.index("不") + 2] == hant[hant.index("不") : hant.index("不") + 2], text
