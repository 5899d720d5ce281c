"""The cleaner against the public web_zh gold (skipped when the evaluation data is absent)."""

from __future__ import annotations

import pytest

from evaldata import eval_path
from reader.core.cleaning import clean_html
from reader.core.cleaning.scoring import Score, score


@pytest.mark.needs_eval
@pytest.mark.slow
def test_web_zh_beats_keep_all_baseline() -> None:
    root = eval_path("web_zh")
    total, keep_all = Score(0, 0, 0), Score(0, 0, 0)
    for page in sorted((root / "original").glob("*.html"))[:20]:
        html = page.read_bytes().decode("utf-8", "replace") if page.read_bytes()[:3] == b"\xef\xbb\xbf" else None
        if html is None:
            try:
                html = page.read_bytes().decode("utf-8")
            except UnicodeDecodeError:
                html = page.read_bytes().decode("gb18030", "replace")
        gold = (root / "cleaned" / f"{page.stem}.txt").read_text(encoding="utf-8", errors="replace")
        total += score(clean_html(html).text, gold)
        keep_all += score(html, gold)
    assert total.f1 > keep_all.f1 + 0.05
    assert total.recall > 0.85
