"""Cleaning quality and speed, next to the keep-all-text baseline measured in the same run.

Run: .venv/bin/python benchmarks/bench_cleaning.py [--detail]

Figures printed:
  seeds      clean_text on seeds/*.txt against tests/data/seeds_gold (target F1 >= 0.98, titles and
             dates exact);
  web_zh     decode bytes -> clean_html on ../shared/eval/web_zh (target F1 >= 0.95);
  web_zh txt decode bytes -> html_to_blocks -> clean_text, i.e. the pages as plain text dumps like the
             seeds (target F1 >= 0.93);
  halves     the web_zh figures for the pages at even and odd positions in sorted filename order (A and B),
             to tell a general rule (both halves move together) from one fitted to a few pages;
  speed      clean_text characters per second on one core (target >= 1,000,000).
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from reader.core.cleaning import clean_html, clean_text, html_to_blocks  # noqa: E402
from reader.core.scoring import Score, score  # noqa: E402

EVAL = ROOT.parent / "shared" / "eval"
WEB_ZH = EVAL / "web_zh"
GOLD = ROOT / "tests" / "data" / "seeds_gold"


def decode(data: bytes, name: str) -> str:
    """The project's own decoding; a lenient stand-in for files it refuses (counted in DECODE_FALLBACKS)."""
    try:
        from reader.core.decoding import decode_bytes

        return decode_bytes(data, name).text
    except Exception:  # ImportError before decoding.py exists, DecodingError on damaged pages
        DECODE_FALLBACKS.append(name)
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", "replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("gb18030", "replace")


DECODE_FALLBACKS: list[str] = []


def _line(label: str, got: Score, base: Score, target: float | None = None) -> str:
    mark = "" if target is None else ("  ok" if got.f1 >= target else f"  BELOW target {target:.2f}")
    return (
        f"{label:<28} F1 {got.f1:.4f} (P {got.precision:.4f} R {got.recall:.4f})   "
        f"keep-all F1 {base.f1:.4f} (P {base.precision:.4f}){mark}"
    )


def bench_seeds() -> None:
    total, base = Score(0, 0, 0), Score(0, 0, 0)
    exact = 0
    files = sorted(GOLD.glob("*.json"))
    for path in files:
        gold = json.loads(path.read_text(encoding="utf-8"))
        raw = (ROOT / "seeds" / gold["seed"]).read_text(encoding="utf-8")
        cleaned = clean_text(raw)
        total += score(cleaned.text, gold["text"])
        base += score(raw, gold["text"])
        ok = cleaned.metadata.title == gold["title"] and cleaned.metadata.date == gold["date"]
        exact += ok
        if not ok:
            print(f"  {gold['seed']}: title {cleaned.metadata.title!r} date {cleaned.metadata.date!r}")
    print(_line("seeds (clean_text)", total, base, 0.98))
    print(f"{'seeds title+date exact':<28} {exact}/{len(files)}")


def bench_web_zh(detail: bool) -> None:
    if not WEB_ZH.exists():
        print(f"web_zh: skipped, evaluation data not found at {WEB_ZH}")
        return
    html_total, text_total, base = Score(0, 0, 0), Score(0, 0, 0), Score(0, 0, 0)
    html_time = 0.0
    halves = {mode: [Score(0, 0, 0), Score(0, 0, 0)] for mode in ("html", "text")}
    pages = sorted((WEB_ZH / "original").glob("*.html"))
    for index, page in enumerate(pages):
        gold = (WEB_ZH / "cleaned" / f"{page.stem}.txt").read_bytes().decode("utf-8", "replace")
        html = decode(page.read_bytes(), page.name)
        start = time.perf_counter()
        cleaned = clean_html(html)
        html_time += time.perf_counter() - start
        blocks = html_to_blocks(html)
        as_text = clean_text(blocks)
        one = score(cleaned.text, gold)
        one_text = score(as_text.text, gold)
        html_total += one
        text_total += one_text
        halves["html"][index % 2] += one
        halves["text"][index % 2] += one_text
        base += score(blocks, gold)
        if detail:
            print(f"  {page.stem[:8]} P {one.precision:.2f} R {one.recall:.2f} gold {one.gold:6d}")
    size = sum(p.stat().st_size for p in pages)
    print(_line(f"web_zh html ({len(pages)} pages)", html_total, base, 0.95))
    print(_line("web_zh plain text", text_total, base, 0.93))
    for mode, (even, odd) in halves.items():
        print(f"{'  halves ' + mode:<28} A (even) F1 {even.f1:.4f}   B (odd) F1 {odd.f1:.4f}")
    print(f"{'web_zh clean_html speed':<28} {size / html_time / 1e6:.2f} MB of HTML/s")
    if DECODE_FALLBACKS:
        print(f"  decode_bytes refused {sorted(set(DECODE_FALLBACKS))}: decoded leniently here instead")


def bench_speed() -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    if WEB_ZH.exists():
        for page in sorted((WEB_ZH / "original").glob("*.html")):
            texts.append(html_to_blocks(decode(page.read_bytes(), page.name)))
    chars = sum(len(t) for t in texts)
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        for text in texts:
            clean_text(text)
        best = min(best, time.perf_counter() - start)
    rate = chars / best
    mark = "  ok" if rate >= 1_000_000 else "  BELOW target 1,000,000"
    print(f"{'clean_text speed':<28} {rate:,.0f} chars/s over {chars:,} chars (best of 3){mark}")


def main() -> None:
    detail = "--detail" in sys.argv
    bench_seeds()
    bench_web_zh(detail)
    bench_speed()


if __name__ == "__main__":
    main()
