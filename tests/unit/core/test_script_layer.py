"""The correction layer's word classes: function words, blocked words, names and units, Taiwan's words."""

from __future__ import annotations

from importlib.resources import files

import pytest
from test_script import SEEDS

from reader.core.script import Script, blocked, convert, make_view
from reader.core.script.segment import clear_memos, function_chars, locative_chars, score


@pytest.mark.parametrize(
    ("simplified", "want"),
    [
        # A function word alone that OpenCC joined to the next word (并发, 家俱, 并为).
        ("双方并发生冲突", "雙方並發生衝突"),
        ("十家俱乐部", "十家俱樂部"),
        ("研究所，并为其", "研究所，並為其"),
        # A word whose own phrase a crossing phrase blocked (行复, 合制, 家制 over 复制, 制造).
        ("进行复制", "進行複製"),
        ("联合制造", "聯合製造"),
        ("三家制造商", "三家製造商"),
        # A locative closing the noun phrase before the word (上签, 中签 over 签订, 签发).
        ("在会议上签订协议", "在會議上簽訂協議"),
        ("军户中签发丁男", "軍戶中簽發丁男"),
    ],
)
def test_guard_undoes_phrases_that_cross_into_the_next_word(simplified: str, want: str) -> None:
    assert convert(simplified, "s2tw") != want  # OpenCC itself gets these wrong
    view = make_view(simplified, Script.TW).text
    assert view == want
    assert len(view) == len(simplified)


def test_function_word_after_a_numeral_is_a_measure_word() -> None:
    # 只 ("only", an adverb) after 一 is the classifier 隻, as OpenCC's phrase 一只 has it; a classifier
    # alone after a numeral (十|家|俱乐部) still takes its own reading.
    assert make_view("世界上第一只由体细胞克隆的羊", Script.TW).text == "世界上第一隻由體細胞克隆的羊"
    assert make_view("十家俱乐部", Script.TW).text == "十家俱樂部"
    assert make_view("双方并发生冲突", Script.TW).text == "雙方並發生衝突"


def test_phrases_opencc_lists_whole_stand() -> None:
    # 今周刊 is one of OpenCC's names; 今|周刊 must not turn it into 週刊. 酱面 ends in a content word.
    assert make_view("今周刊", Script.HANT).text == convert("今周刊", "s2t") == "今周刊"
    assert make_view("肉酱面", Script.HANT).text == convert("肉酱面", "s2t")


def test_function_words_come_from_the_segmenters_tags() -> None:
    tags = function_chars()
    assert tags["并"] == "c" and tags["家"] == "q"
    assert "里" not in tags and "后" not in tags  # locatives compound (这里, 皇后) and are left out
    assert {"上", "中", "里", "后"} <= locative_chars()
    assert not set(tags) & locative_chars()


@pytest.mark.parametrize(
    ("simplified", "script", "want"),
    [
        ("忽里台大会", Script.TW, "忽里臺大會"),  # Mongolian transcription
        ("安东尼·范·戴克", Script.TW, "安東尼·范·戴克"),  # van, in a run touching the separator
        ("走了50里路", Script.TW, "走了50里路"),  # the unit after a numeral
        ("范长江", Script.HANT, "范長江"),  # the surname outside the words 範 is bound in
        ("规范的范围", Script.TW, "規範的範圍"),
        ("在家里", Script.TW, "在家裡"),
        ("在家里", Script.HANT, "在家裏"),
    ],
)
def test_names_and_units(simplified: str, script: Script, want: str) -> None:
    assert make_view(simplified, script).text == want


def test_taiwan_word_forms_only_in_the_taiwan_view() -> None:
    assert make_view("北回归线和家具店", Script.TW).text == "北回歸線和家具店"
    assert make_view("北回归线和家具店", Script.HANT).text == convert("北回归线和家具店", "s2t") == "北迴歸線和傢俱店"
    # Statistics keeps 迴歸, the more specific row winning over 回歸.
    assert make_view("线性回归分析", Script.TW).text == "線性迴歸分析"


def test_blocking_pairs_are_opencc_phrase_starts() -> None:
    # Each listed pair must still make OpenCC give its first character another form than its own.
    raw = files("reader").joinpath("data/script_blocking_pairs.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in raw.splitlines() if line and not line.startswith("#")]
    pairs = [first + nxt for first, nexts in rows for nxt in nexts]
    assert len(pairs) > 1000
    outs = convert("\n".join(pairs), "s2t").split("\n")
    alone = convert("\n".join(p[0] for p in pairs), "s2t").split("\n")
    assert [p for p, o, a in zip(pairs, outs, alone, strict=True) if o[0] == a] == []


def test_blocking_pair_scan_finds_every_listed_pair() -> None:
    # The array scan must find exactly the positions a pair of the file starts at.
    raw = files("reader").joinpath("data/script_blocking_pairs.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in raw.splitlines() if line and not line.startswith("#")]
    pairs = {first + nxt for first, nexts in rows for nxt in nexts}
    text = "".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))
    text += "复制造制造复制制𠮶制造" + "".join(sorted(pairs))[:4000]
    found = blocked.pair_positions(text).tolist()
    assert found == [i for i in range(len(text) - 1) if text[i : i + 2] in pairs]
    assert len(found) > 100
    assert blocked.pair_positions("制").tolist() == blocked.pair_positions("").tolist() == []


def test_suffix_scores_come_from_the_whole_route() -> None:
    # score(text, k) reads the route over the whole text; it must equal the suffix scored on its own.
    for text in ("国家卫生健康委卫生发展研究中心", "在会议上签订了成立国际货币基金", "忽里台大会和𠮶字"):
        for k in range(len(text) + 1):
            whole = score(text, k)
            clear_memos()
            assert whole == score(text[k:])
