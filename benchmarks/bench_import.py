"""Measure importing: throughput per stage, a whole batch through the importer, and one 50 MB file.

Stages are timed separately on the same recombined real documents (seeds and, when present,
../shared/eval/web_zh/cleaned): decoding, cleaning, script conversion, entities and indexing; then
the whole importer (worker processes, one writer) on the same files; how long a cancelled import takes
to stop, with the workers busy on large files. Prints figures; asserts nothing.

    .venv/bin/python benchmarks/bench_import.py [--docs 500] [--big-mb 50]
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from reader.app.importing import import_paths  # noqa: E402
from reader.app.reports import ImportReport  # noqa: E402
from reader.core.cleaning import clean_text  # noqa: E402
from reader.core.entities import extract  # noqa: E402
from reader.core.script import Script, make_view  # noqa: E402
from reader.core.text.decoding import decode_bytes  # noqa: E402
from reader.store import search  # noqa: E402
from reader.store.library import Library  # noqa: E402


def corpus(count: int) -> list[str]:
    files = sorted((ROOT / "seeds").glob("*.txt"))
    files += sorted((ROOT.parent / "shared" / "eval" / "web_zh" / "cleaned").glob("*"))
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in files]
    lines = [line for t in texts for line in t.splitlines()]
    rng = random.Random(11)
    docs = list(texts)
    while len(docs) < count:
        start = rng.randrange(len(lines))
        docs.append("\n".join(lines[start : start + rng.randint(10, 60)]) + f"\n{len(docs)}")
    return docs[:count]


def rate(chars: int, seconds: float) -> str:
    return f"{chars / seconds / 1000:8.0f} k chars/s"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=500)
    parser.add_argument("--big-mb", type=int, default=50)
    args = parser.parse_args()
    docs = corpus(args.docs)
    chars = sum(len(d) for d in docs)
    print(f"{len(docs)} documents, {chars:,} characters\n")

    encoded = [d.encode("gb18030") for d in docs]
    t = time.perf_counter()
    for data in encoded:
        decode_bytes(data, "x.txt")
    print(f"decoding (GB18030)   {rate(chars, time.perf_counter() - t)}")

    t = time.perf_counter()
    cleaned = [clean_text(d).text for d in docs]
    print(f"cleaning             {rate(chars, time.perf_counter() - t)}")

    t = time.perf_counter()
    for text in cleaned:
        make_view(text, Script.HANT)
    print(f"conversion (s2t)     {rate(sum(map(len, cleaned)), time.perf_counter() - t)}")

    sample = cleaned[: max(1, len(cleaned) // 5)]
    t = time.perf_counter()
    for text in sample:
        extract(text)
    print(f"entities (1/5 docs)  {rate(sum(map(len, sample)), time.perf_counter() - t)}")

    conn = sqlite3.connect(":memory:", isolation_level=None)
    conn.execute("CREATE TABLE documents (id INTEGER PRIMARY KEY, title TEXT, text TEXT)")
    search.ensure_schema(conn)
    t = time.perf_counter()
    conn.execute("BEGIN")
    for i, text in enumerate(cleaned):
        conn.execute("INSERT INTO documents VALUES (?, ?, ?)", (i + 1, text[:20], text))
        search.index_document(conn, i + 1, title=text[:20], text=text)
    conn.execute("COMMIT")
    print(f"indexing             {rate(sum(map(len, cleaned)), time.perf_counter() - t)}")

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "docs"
        folder.mkdir()
        for i, data in enumerate(encoded):
            (folder / f"{i:05}.txt").write_bytes(data)
        for workers in (1, 2):
            with Library(Path(tmp) / f"lib{workers}.sqlite") as lib:
                t = time.perf_counter()
                report = import_paths(lib, [folder], workers=workers)
                spent = time.perf_counter() - t
            print(
                f"importer, {workers} worker{'s' if workers > 1 else ' '} {rate(chars, spent)}"
                f"  ({len(report.imported) / spent:.0f} docs/s; decode+clean+detect+store+index)"
            )

        big = Path(tmp) / "big.txt"
        block = "\n".join(docs[:50])
        with big.open("w", encoding="utf-8") as fh:
            written = 0
            while written < args.big_mb * 1024 * 1024:
                fh.write(block)
                written += len(block.encode())
        with Library(Path(tmp) / "big.sqlite") as lib:
            t = time.perf_counter()
            report = import_paths(lib, [big], workers=1)
            spent = time.perf_counter() - t
        print(f"\none {written / 1024 / 1024:.0f} MB file: imported in {spent:.1f} s ({report.summary()})")

        print()
        for count, mb in ((400, 0.06), (8, 4.0)):
            files = Path(tmp) / f"cancel-{count}"
            files.mkdir()
            text = "\n".join(docs)
            size = int(mb * 1024 * 1024 / 3)
            for i in range(count):
                start = (i * 997) % max(1, len(text) - size)
                body = (text * (1 + size // max(1, len(text))))[start : start + size]
                (files / f"{i:03}.txt").write_text(f"{i}\n{body}", encoding="utf-8")
            stop, report = cancel_latency(Path(tmp) / f"cancel-{count}.sqlite", files, after=3.0)
            if stop is None:
                print(f"{count} files of {mb:g} MB: finished before the cancel ({report.summary()})")
            else:
                print(f"cancel during {count} files of {mb:g} MB: stopped {stop:.2f} s after it ({report.summary()})")


def cancel_latency(library: Path, folder: Path, *, after: float) -> tuple[float | None, ImportReport]:
    """Seconds from the cancel request (made `after` seconds into the import) to `import_paths` returning."""
    cancel = threading.Event()
    requested: list[float] = []

    def request() -> None:
        requested.append(time.perf_counter())
        cancel.set()

    timer = threading.Timer(after, request)
    with Library(library) as lib:
        timer.start()
        report = import_paths(lib, [folder], cancelled=cancel.is_set)
        returned = time.perf_counter()
    timer.cancel()
    return (returned - requested[0] if requested else None), report


if __name__ == "__main__":
    main()
