"""The 臺灣 view of this tree against an earlier revision's, in one process: same output, and how fast.

Run: .venv/bin/python benchmarks/script_speed_ab.py [REVISION]   (default: 102862d, the tree before
the seventh round's speed work)
The revision's `src/reader` is exported with `git archive` into a temporary folder and imported as the
package `reader_base` (its imports renamed), so both run side by side on the same machine state.
First it checks that both give byte-equal 繁體/臺灣/香港 views (guard on, guard off, Taiwan everyday
forms) on the development half of the round-trip text, the seeds and mixed-script copies of the
seeds; then it times the guarded 臺灣 view (memos emptied: a first view), the unguarded one and
OpenCC s2tw on 200,000 characters, in turns, best of 15, wall clock and CPU time, with the load
average; and the s2t stage alone: OpenCC over the whole text against `convert_s2t`, which sends
OpenCC only the stretches where a phrase can matter; and the views of the seed documents (CPU time).
"""

from __future__ import annotations

import importlib
import io
import json
import os
import random
import re
import subprocess
import sys
import tarfile
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

from bench_script import DRCD, ROOT, SIZE, _document, _half, best_in_turns
from reader.core.script import Script, convert, make_view
from reader.core.script import blocked as script_blocked
from reader.core.script import segment as script_segment
from reader.core.script.s2t import convert_s2t

DEFAULT_BASE = "102862d"


def _import_base(revision: str, into: Path) -> ModuleType:
    """The revision's reader.core.script, imported as reader_base.core.script."""
    archive = subprocess.run(["git", "archive", revision, "src/reader"], cwd=ROOT, capture_output=True, check=True)
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        tar.extractall(into, filter="data")
    package = into / "src" / "reader"
    for path in package.rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        source = re.sub(r"\breader\.", "reader_base.", source)
        source = source.replace('files("reader")', 'files("reader_base")')
        path.write_text(source, encoding="utf-8")
    package.rename(package.with_name("reader_base"))
    sys.path.insert(0, str(package.parent))
    return importlib.import_module("reader_base.core.script")


def _texts() -> list[str]:
    rows = [json.loads(line) for line in DRCD.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts = [convert(row["text"], "tw2s") for row in rows if _half(row["id"]) == "dev"]
    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    rng = random.Random(0)
    mixed = []
    for seed in seeds:
        traditional = convert(seed, "s2t")
        mixed.append("".join(a if rng.random() < 0.5 else b for a, b in zip(seed, traditional, strict=True)))
    return texts + seeds + mixed


def _views(script_module: ModuleType, text: str) -> list[str]:
    s = script_module.Script
    return [
        script_module.make_view(text, s.HANT).text,
        script_module.make_view(text, s.TW).text,
        script_module.make_view(text, s.HK).text,
        script_module.make_view(text, s.TW, guard=False).text,
        script_module.make_view(text, s.TW, tw_everyday=True).text,
    ]


def _cold(module: ModuleType, segment: ModuleType, blocked: ModuleType, text: str) -> Callable[[], object]:
    def run() -> object:
        segment.clear_memos()
        blocked.clear_memos()
        return module.make_view(text, module.Script.TW)

    return run


def main() -> None:
    revision = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_BASE
    with tempfile.TemporaryDirectory() as tmp:
        base = _import_base(revision, Path(tmp))
        base_segment = importlib.import_module("reader_base.core.script.segment")
        base_blocked = importlib.import_module("reader_base.core.script.blocked")
        current = sys.modules["reader.core.script"]
        texts = _texts()
        differing = sum(_views(base, t) != _views(current, t) for t in texts)
        print(f"outputs: {len(texts)} texts (dev half, seeds, mixed seeds) x 5 views; {differing} texts differ")
        text = "\n".join(texts)[:SIZE]
        runs: dict[str, Callable[[], object]] = {
            f"tw view, guard on ({revision})": _cold(base, base_segment, base_blocked, text),
            "tw view, guard on (this tree)": _cold(current, script_segment, script_blocked, text),
            "tw view, guard off (this tree)": lambda: make_view(text, Script.TW, guard=False),
            "OpenCC s2tw": lambda: convert(text, "s2tw"),
            "OpenCC s2t (stage)": lambda: convert(text, "s2t"),
            "s2t, stretches only": lambda: convert_s2t(text),
        }
        best, cpu = best_in_turns(runs)
        load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
        print(f"speed on {len(text):,} characters, best of 15 in turns (load average {load})")
        for name, t in best.items():
            print(
                f"{name:<34}{len(text) / t / 1e6:6.2f} M chars/s {t * 1000:7.1f} ms   CPU {cpu[name] * 1000:6.1f} ms"
                f"   {t / best['OpenCC s2tw']:.2f}x OpenCC"
            )
        _seed_documents(base, current)


def _seed_documents(base: ModuleType, current: ModuleType) -> None:
    """繁體/臺灣/香港 views of the benchmark's seed documents (mixed script: 446 mixed lines; simplified),
    CPU time, best of 11 in turns: the mixed-line path converts line by line."""
    print("seed documents, CPU ms per view (best of 11 in turns): earlier revision / this tree")
    documents = {"mixed": ["000", "001", "002", "003", "004"], "simplified": ["001", "002", "003", "004"]}
    for name, prefixes in documents.items():
        text = _document(prefixes)
        for script in ("HANT", "TW", "HK"):
            best = {"base": float("inf"), "now": float("inf")}
            for _ in range(11):
                for key, module in (("base", base), ("now", current)):
                    start = time.process_time()
                    module.make_view(text, getattr(module.Script, script))
                    best[key] = min(best[key], time.process_time() - start)
            print(f"  {name:<11}{script:<5}{best['base'] * 1000:7.1f} / {best['now'] * 1000:6.1f}")


if __name__ == "__main__":
    main()
