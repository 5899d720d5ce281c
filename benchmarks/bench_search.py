"""Measure library-wide search at scale: indexing speed, latency, recall and index size.

Builds a library of N documents by recombining real paragraphs (seeds/*.txt and, when present,
../shared/eval/web_zh/cleaned/*), indexes it with reader.store.search exactly as the store will, then
times queries drawn from the documents themselves and checks every result set against a brute-force
substring scan of the folded texts. Prints figures; asserts nothing about time.

    .venv/bin/python benchmarks/bench_search.py --docs 10000
    .venv/bin/python benchmarks/bench_search.py --docs 100000 --db /tmp/bench.db
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from reader.core.query import fold, parse  # noqa: E402
from reader.store import search  # noqa: E402

SOURCES = ["新华网", "人民网", "健康報", "醫藥衛生報", "央视新闻", "澎湃新闻", "聯合報", "中國評論"]
SOURCES += ["国家卫健委", "地方政府网", "健康界", "丁香园"]
TAGS = ["卫生", "醫改", "县域", "政策", "人事", "会议", "經濟", "教育"]
AUTHORS = ["张伟", "王芳", "李娜", "劉洋", "陈静", "杨帆", "趙敏", "黄磊", "admin", "编辑部"]


def paragraphs() -> list[str]:
    """Non-empty lines of every sample text, in file order (consecutive lines belong together)."""
    files = sorted((ROOT / "seeds").glob("*.txt"))
    files += sorted((ROOT.parent / "shared" / "eval" / "web_zh" / "cleaned").glob("*"))
    out: list[str] = []
    for path in files:
        out += [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return out


def make_library(n: int, seed: int, noted: float = 0.0) -> list[dict[str, object]]:
    """N documents of 300-4,000 characters: runs of consecutive paragraphs with random jumps.

    A `noted` share of them carry notes: one to five short pieces of paragraphs, as highlights with
    a note would give.
    """
    rng = random.Random(seed)
    noting = random.Random(seed + 1)  # its own stream: the documents are the same whatever `noted` is
    paras = paragraphs()
    short = [p for p in paras if 6 <= len(p) <= 30] or paras
    docs: list[dict[str, object]] = []
    for doc_id in range(1, n + 1):
        target = rng.randint(300, 4000)
        pos = rng.randrange(len(paras))
        body: list[str] = []
        size = 0
        while size < target:
            if rng.random() < 0.3:
                pos = rng.randrange(len(paras))
            body.append(paras[pos])
            size += len(paras[pos]) + 1
            pos = (pos + 1) % len(paras)
        year = rng.randint(2015, 2025)
        docs.append(
            {
                "id": doc_id,
                "title": rng.choice(short),
                "text": "\n".join(body),
                "author": rng.choice(AUTHORS),
                "source": rng.choice(SOURCES),
                "date": f"{year}-{rng.randint(1, 12)}-{rng.randint(1, 28)}",
                "tags": rng.sample(TAGS, rng.randint(0, 3)),
                "notes": "\n".join(noting.sample(short, noting.randint(1, 5))) if noting.random() < noted else "",
            }
        )
    return docs


def build(conn: sqlite3.Connection, docs: list[dict[str, object]], optimise: bool) -> dict[str, float]:
    conn.execute(
        "CREATE TABLE documents (id INTEGER PRIMARY KEY, title TEXT, date TEXT, author TEXT, source TEXT, text TEXT)"
    )
    search.ensure_schema(conn)
    conn.commit()
    spent = 0.0
    chars = 0
    for start in range(0, len(docs), 1000):
        batch = docs[start : start + 1000]
        with conn:
            conn.executemany(
                "INSERT INTO documents (id, title, date, author, source, text)"
                " VALUES (:id, :title, :date, :author, :source, :text)",
                batch,
            )
            t0 = time.perf_counter()
            for d in batch:
                search.index_document(
                    conn,
                    int(str(d["id"])),
                    title=str(d["title"]),
                    text=str(d["text"]),
                    author=str(d["author"]),
                    source=str(d["source"]),
                    date=str(d["date"]),
                    tags=list(d["tags"]),  # type: ignore[call-overload]
                    notes=str(d["notes"]),
                )
                chars += len(str(d["text"]))
            spent += time.perf_counter() - t0
    t0 = time.perf_counter()
    if optimise:
        with conn:
            search.optimise(conn)
    merged = time.perf_counter() - t0
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return {"seconds": spent, "docs_s": len(docs) / spent, "chars_s": chars / spent, "optimise_s": merged}


def sizes(conn: sqlite3.Connection, docs: list[dict[str, object]]) -> dict[str, float]:
    rows = conn.execute("SELECT name, sum(pgsize) FROM dbstat GROUP BY name").fetchall()
    by_name = {str(name): int(size) for name, size in rows}
    fts = sum(v for k, v in by_name.items() if k.startswith("search_fts"))
    ours = sum(v for k, v in by_name.items() if k.startswith("search_"))
    text_bytes = sum(len(str(d["text"]).encode("utf-8")) for d in docs)
    return {
        "text_mb": text_bytes / 1e6,
        "documents_mb": by_name.get("documents", 0) / 1e6,
        "fts_mb": fts / 1e6,
        "packed_mb": by_name.get("search_packed", 0) / 1e6,
        "search_total_mb": ours / 1e6,
    }


def draw_queries(docs: list[dict[str, object]], n: int, seed: int) -> dict[str, list[str]]:
    """Substrings of random documents at random positions: frequent characters come up often."""
    rng = random.Random(seed)

    def piece(size: int) -> str:
        while True:
            text = str(rng.choice(docs)["text"])
            at = rng.randrange(max(1, len(text) - size))
            s = text[at : at + size]
            if len(s) == size and all(ch.isalnum() for ch in s):
                return s

    return {
        "1 char": [piece(1) for _ in range(n)],
        "2 chars": [piece(2) for _ in range(n)],
        "4 chars": [piece(4) for _ in range(n)],
        "2 terms": [f"{piece(2)} {piece(2)}" for _ in range(n)],
    }


def brute_force(folded: Sequence[tuple[str, str, str]], query: str) -> set[int]:
    terms = parse(query).terms
    return {i + 1 for i, texts in enumerate(folded) if all(any(t in x for x in texts) for t in terms)}


def timed(fn: Callable[[], object]) -> float:
    t0 = time.perf_counter()
    fn()
    return (time.perf_counter() - t0) * 1000


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, round(q * (len(values) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--docs", type=int, action="append", help="library size (repeatable)")
    parser.add_argument("--queries", type=int, default=50, help="queries per kind")
    parser.add_argument("--seed", type=int, default=20240501)
    parser.add_argument("--notes", type=float, default=0.0, help="share of documents with notes (0-1)")
    parser.add_argument("--no-optimise", action="store_true", help="skip the FTS5 merge after import")
    parser.add_argument("--no-recall", action="store_true", help="skip the brute-force comparison")
    parser.add_argument("--db", help="database file (default: a temporary file, deleted afterwards)")
    args = parser.parse_args()
    for n in args.docs or [10_000]:
        with tempfile.TemporaryDirectory() as tmp:
            run(n, args, Path(args.db) if args.db else Path(tmp) / "bench.db")


def run(n: int, args: argparse.Namespace, path: Path) -> None:
    print(f"\n=== {n:,} documents ===", flush=True)
    t0 = time.perf_counter()
    docs = make_library(n, args.seed, args.notes)
    chars = sum(len(str(d["text"])) for d in docs)
    noted = sum(1 for d in docs if d["notes"])
    print(
        f"library: {chars:,} characters, mean {chars / n:,.0f} per document, {noted:,} with notes"
        f" ({time.perf_counter() - t0:.1f}s)"
    )
    if path.exists():
        path.unlink()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    built = build(conn, docs, optimise=not args.no_optimise)
    print(
        f"indexing: {built['seconds']:.1f}s, {built['docs_s']:,.0f} docs/s, {built['chars_s']:,.0f} chars/s;"
        f" optimise {built['optimise_s']:.1f}s"
    )
    size = sizes(conn, docs)
    print(
        f"size: text {size['text_mb']:.1f} MB (documents table {size['documents_mb']:.1f} MB);"
        f" FTS index {size['fts_mb']:.1f} MB ({size['fts_mb'] / size['text_mb']:.2f}x text);"
        f" folded copy (search_packed) {size['packed_mb']:.1f} MB; all search_* {size['search_total_mb']:.1f} MB"
        f" ({size['search_total_mb'] / size['text_mb']:.2f}x text)"
    )
    conn.close()

    # A fresh connection, as the window would open: nothing warm but the OS page cache.
    conn = sqlite3.connect(path)
    queries = draw_queries(docs, args.queries, args.seed + 1)
    for q in (q for qs in queries.values() for q in qs[:3]):  # warm the page cache a little
        search.search(conn, q)
    folded = (
        [] if args.no_recall else [(fold(str(d["title"])), fold(str(d["text"])), fold(str(d["notes"]))) for d in docs]
    )
    found_all = expected_all = wrong = 0
    print(f"{'query':<8} {'p50 ms':>7} {'p95 ms':>7} {'max ms':>7}   {'count p95':>9}  mean matches")
    for kind, qs in queries.items():
        latency = [timed(partial(search.search, conn, q, limit=50)) for q in qs]
        counting = [timed(partial(search.count, conn, q)) for q in qs]
        matches: list[int] = []
        for q in qs:
            got = set(search.matching_ids(conn, q))
            matches.append(len(got))
            if folded:
                want = brute_force(folded, q)
                expected_all += len(want)
                found_all += len(got & want)
                wrong += len(got - want)
        print(
            f"{kind:<8} {pct(latency, 0.5):7.1f} {pct(latency, 0.95):7.1f} {max(latency):7.1f}"
            f"   {pct(counting, 0.95):9.1f}  {statistics.mean(matches):,.0f}"
            f" ({statistics.mean(matches) / n:.0%})"
        )
    facet_ms = [timed(partial(search.facets, conn, q)) for q in queries["2 chars"][:10]]
    print(f"facets (2-char queries): p50 {pct(facet_ms, 0.5):.1f} ms, max {max(facet_ms):.1f} ms")
    print(f"facets (whole library): {timed(lambda: search.facets(conn, None)):.1f} ms")
    if folded:
        recall = found_all / expected_all if expected_all else 1.0
        print(f"recall vs brute force: {recall:.4%} ({found_all:,}/{expected_all:,}); false matches: {wrong}")
    conn.close()


if __name__ == "__main__":
    main()
