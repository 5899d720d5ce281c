"""Measure what an annotation change costs the search index: whole document vs annotations only.

Indexes one long document (real paragraphs of seeds/*.txt and, when present,
../shared/eval/web_zh/cleaned/*, recombined to --chars characters) in a library of --library other
documents, then times, each in its own committed transaction on a WAL database as the app writes:

* `index_document`: what `Library.reindex` costs today for every highlight or note edit;
* `index_annotations` with changed notes and tags (a note added, then taken away again);
* `index_annotations` with the notes and tags the index already holds (a highlight without a note).

Prints median and p95 in ms; asserts nothing about time.

    .venv/bin/python benchmarks/bench_reindex.py [--chars 200000] [--library 200] [--runs 15]
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from reader.store import search  # noqa: E402


def paragraphs() -> list[str]:
    files = sorted((ROOT / "seeds").glob("*.txt"))
    files += sorted((ROOT.parent / "shared" / "eval" / "web_zh" / "cleaned").glob("*"))
    return [line.strip() for p in files for line in p.read_text(encoding="utf-8").splitlines() if line.strip()]


def text_of(paras: list[str], size: int, rng: random.Random) -> str:
    out: list[str] = []
    total = 0
    while total < size:
        out.append(rng.choice(paras))
        total += len(out[-1]) + 1
    return "\n".join(out)[:size]


def timed(conn: sqlite3.Connection, fn: Callable[[], object], runs: int) -> tuple[list[float], list[float]]:
    """Milliseconds per run: the call alone, and the call with its commit."""
    calls: list[float] = []
    totals: list[float] = []
    for _ in range(runs):
        t0 = time.perf_counter()
        conn.execute("BEGIN")
        fn()
        t1 = time.perf_counter()
        conn.execute("COMMIT")
        t2 = time.perf_counter()
        calls.append((t1 - t0) * 1000)
        totals.append((t2 - t0) * 1000)
    return calls, totals


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, round(q * (len(values) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--chars", type=int, default=200_000, help="length of the annotated document")
    parser.add_argument("--library", type=int, default=200, help="other documents in the library")
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    rng = random.Random(13)
    paras = paragraphs()
    with tempfile.TemporaryDirectory() as tmp:
        # Autocommit mode: every transaction is an explicit BEGIN ... COMMIT, as the store's writer does.
        conn = sqlite3.connect(Path(tmp) / "bench.db", isolation_level=None)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute("BEGIN")
        search.ensure_schema(conn)
        for doc_id in range(2, args.library + 2):
            search.index_document(conn, doc_id, title=rng.choice(paras)[:20], text=text_of(paras, 2_500, rng))
        conn.execute("COMMIT")
        run(conn, paras, rng, args)
        conn.close()


def run(conn: sqlite3.Connection, paras: list[str], rng: random.Random, args: argparse.Namespace) -> None:
    text = text_of(paras, args.chars, rng)
    notes = [rng.choice(paras)[:40] for _ in range(20)]  # twenty annotations with a short note each
    tags = ["要点", "卫生", "待核实"]
    search.index_document(conn, 1, title="长篇报告", text=text, notes="\n".join(notes), tags=tags)
    variants = ["\n".join(notes), "\n".join([*notes, "新加的一条笔记"])]
    turn = iter(range(10**9))

    def full() -> None:
        search.index_document(conn, 1, title="长篇报告", text=text, notes=variants[next(turn) % 2], tags=tags)

    def changed() -> None:
        i = next(turn) % 2
        search.index_annotations(conn, 1, variants[i], tags[: 2 + i])

    def unchanged() -> None:
        search.index_annotations(conn, 1, variants[0], tags)

    print(f"document: {len(text):,} characters; notes {len(variants[0]):,} characters in 20 notes;")
    print(f"library: {args.library} other documents of 2,500 characters; {args.runs} runs each")
    print(f"{'operation':<40} {'call p50':>8} {'p95':>7}   {'+commit p50':>11} {'p95':>7}   (ms)")
    for name, fn in [
        ("index_document (whole document)", full),
        ("index_annotations (notes, tags changed)", changed),
        ("index_annotations (nothing changed)", unchanged),
    ]:
        calls, totals = timed(conn, fn, args.runs)
        call = f"{pct(calls, 0.5):8.2f} {pct(calls, 0.95):7.2f}"
        print(f"{name:<40} {call}   {pct(totals, 0.5):11.2f} {pct(totals, 0.95):7.2f}")
    search.index_annotations(conn, 1, variants[1], tags)
    added = search.matching_ids(conn, "新加的一条笔记")
    search.index_annotations(conn, 1, variants[0], tags)
    removed = search.matching_ids(conn, "新加的一条笔记")
    print(f"check: added note found {added == [1]}, removed note gone {removed == []}")


if __name__ == "__main__":
    main()
