"""The evidence benchmark's classes (benchmarks/script_evidence.py) and the words that keep usage tables of
the laws and the Legislative Yuan's records out of the 臺灣 view (docs/decisions/script.md, ninth round)."""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from reader.core.script import Script, make_view

BENCHMARKS = Path(__file__).resolve().parents[3] / "benchmarks"


@pytest.fixture(scope="module")
def evidence() -> Iterator[ModuleType]:
    """benchmarks/script_evidence.py, imported as the benchmarks run it."""
    sys.path.insert(0, str(BENCHMARKS))
    try:
        import script_evidence

        yield script_evidence
    finally:
        sys.path.remove(str(BENCHMARKS))


def test_an_error_is_classed_by_the_corpora_majority(evidence: ModuleType) -> None:
    variants = {("台", "臺"), ("臺", "台")}
    verdict = evidence.verdict
    assert verdict("蒐集", "搜集", Counter({"蒐集": 9, "搜集": 1}), variants) == "corpora write the reference's form"
    assert verdict("搜集", "蒐集", Counter({"蒐集": 9, "搜集": 1}), variants) == "corpora write the view's form"
    assert verdict("巨額", "鉅額", Counter({"鉅額": 6, "巨額": 4}), variants) == "split or too few"
    assert verdict("巨額", "鉅額", Counter({"巨額": 2}), variants) == "split or too few"
    assert verdict("巨變", "鉅變", Counter(), variants) == "no occurrence"
    assert verdict("弦線", "絃線", Counter({"弦线": 5}), variants) == "corpora write a third form"


def test_variants_count_as_the_same_form(evidence: ModuleType) -> None:
    variants = {("台", "臺"), ("臺", "台")}
    assert evidence.verdict("臺後", "檯後", Counter({"台後": 5}), variants) == "corpora write the reference's form"


@pytest.mark.parametrize(
    ("simplified", "expected"),
    [
        # Rows a pooled table over all four corpora (no general-text attestation) would have added: the
        # laws' and the Yuan's registers (所有製 in no general sense, 金發 as company names, 鬆石).
        ("生产资料所有制", "生產資料所有制"),
        ("实行委员会制", "實行委員會制"),
        ("一头金发的女孩", "一頭金髮的女孩"),
        ("绿松石项链", "綠松石項鍊"),
        ("企业转制", "企業轉制"),
        ("按回车键确认", "按回車鍵確認"),
        ("在山里走", "在山裡走"),
    ],
)
def test_register_forms_stay_out_of_the_taiwan_view(simplified: str, expected: str) -> None:
    assert make_view(simplified, Script.TW).text == expected
