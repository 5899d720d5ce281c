"""Re-anchoring throughput on a 200,000-character text, and the randomized evaluation's counts.

Why: re-anchoring runs over every annotation of a document whenever its text changes (a line
restored, the cleaner improved, a re-import), so it must stay well under the half second after which
the UI shows progress, even for long reports with many annotations.

The text is the seed documents repeated until 200,000 characters, each copy with 5% of its characters
replaced, so that near-duplicates abound: a harder case than a real report for the approximate
search. Run:  .venv/bin/python benchmarks/bench_anchoring.py [--quick]
"""

from __future__ import annotations

import argparse
import importlib.util
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

from reader.core.annotations.anchoring import Anchor, Selector, anchor, anchor_many, describe

ROOT = Path(__file__).resolve().parents[1]
SIZE = 200_000


def _build_text(rng: random.Random) -> str:
    docs = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    base = "\n".join(docs)
    pool = sorted({ch for ch in base if not ch.isspace()})
    parts: list[str] = []
    total = 0
    copy = 0
    while total < SIZE:
        chars = list(base)
        for i in rng.sample(range(len(chars)), len(chars) // 20):
            if not chars[i].isspace():
                chars[i] = rng.choice(pool)
        part = f"第{copy}部分\n" + "".join(chars) + "\n"
        parts.append(part)
        total += len(part)
        copy += 1
    return "".join(parts)[:SIZE]


def _selectors(rng: random.Random, text: str, count: int) -> list[Selector]:
    out: list[Selector] = []
    while len(out) < count:
        size = rng.randint(5, 80)
        start = rng.randrange(0, len(text) - size)
        if text[start : start + size].strip():
            out.append(describe(text, start, start + size))
    return out


def _timed(label: str, count: int, run: Callable[[], list[Anchor | None]]) -> list[Anchor | None]:
    began = time.perf_counter()
    results = run()
    spent = time.perf_counter() - began
    placed = sum(r is not None for r in results)
    print(f"{label:<58} {count:>6} annotations {spent:8.3f} s {count / spent:10.0f} /s  placed {placed}")
    return results


def _load_evaluation() -> object:
    path = ROOT / "tests" / "unit" / "core" / "test_anchoring_eval.py"
    spec = importlib.util.spec_from_file_location("anchoring_eval", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["anchoring_eval"] = module
    spec.loader.exec_module(module)
    return module


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer annotations and trials")
    args = parser.parse_args()
    rng = random.Random(7)
    text = _build_text(rng)
    n_exact = 500 if args.quick else 2000
    n_fuzzy = 100 if args.quick else 300
    sels = _selectors(rng, text, n_exact)
    print(f"text: {len(text)} characters; Python {sys.version.split()[0]}")

    unchanged = _timed("unchanged text, anchor_many", n_exact, lambda: anchor_many(text, sels))
    assert all(a is not None and a.exact for a in unchanged)

    shifted = "新增的一行说明文字。\n" * 3 + text
    _timed("3 lines inserted at top, anchor_many (shift followed)", n_exact, lambda: anchor_many(shifted, sels))
    _timed(
        "3 lines inserted at top, anchor() one by one (exact search)",
        n_exact,
        lambda: [anchor(shifted, s) for s in sels],
    )

    # Fuzzy: change one character in every 10 of each quote (at least one), in place.
    fuzzy_sels = sels[:n_fuzzy]
    chars = list(shifted)
    offset = len(shifted) - len(text)
    pool = sorted({ch for ch in text if not ch.isspace()})
    for sel in fuzzy_sels:
        size = sel.end - sel.start
        for i in rng.sample(range(size), max(1, size // 10)):
            chars[offset + sel.start + i] = rng.choice(pool)
    edited = "".join(chars)
    results = _timed(
        "quotes edited (10%) + lines inserted, anchor() (fuzzy)",
        n_fuzzy,
        lambda: [anchor(edited, s) for s in fuzzy_sels],
    )
    right = sum(r is not None and r.start == s.start + offset for r, s in zip(results, fuzzy_sels, strict=True))
    print(f"  placed at the edited original: {right}/{n_fuzzy}")
    _timed("same, anchor_many", n_fuzzy, lambda: anchor_many(edited, fuzzy_sels))

    evaluation = _load_evaluation()
    trials = 500 if args.quick else 2000
    for with_old_text in (False, True):
        label = "as the library re-anchors (old text known)" if with_old_text else "selector only"
        for seed in evaluation.EVAL_SEEDS:  # type: ignore[attr-defined]
            began = time.perf_counter()
            counts = evaluation.run_evaluation(  # type: ignore[attr-defined]
                seed=seed, trials=trials, with_old_text=with_old_text
            )
            print(f"evaluation, {label}, seed={seed} ({time.perf_counter() - began:.1f} s): {counts.summary()}")


if __name__ == "__main__":
    main()
