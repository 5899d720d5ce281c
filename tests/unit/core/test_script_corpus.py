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
from reader.core.script.corpus import _trie_pattern, aligned, corpus_edits, corpus_forms

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
    assert forms["都市计划"] == "都市計畫"
    assert make_view("推动都市计划。", Script.TW).text == "推動都市計畫。"
    assert make_view("推动都市计划。", Script.HANT).text == "推動都市計劃。"
    # Without the table the Taiwan view keeps OpenCC's form.
    assert make_view("推动计划。", Script.TW).text == "推動計劃。"


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


def test_trie_pattern_prefers_the_longest_word() -> None:
    pattern = re.compile(_trie_pattern(["计划", "计划书", "都市计划", "计"]))
    assert [m.group() for m in pattern.finditer("都市计划书与计划书和计划及计")] == ["都市计划", "计划书", "计划", "计"]
