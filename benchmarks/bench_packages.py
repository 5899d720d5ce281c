"""Word and EPUB import speed on generated documents, and python-docx beside it when installed.

    PYTHONPATH=src:tests .venv/bin/python benchmarks/bench_packages.py [--rounds N]

The DOCX is a 3,000-paragraph report with a heading every 50 paragraphs and a 10-row table every 100; the
EPUB a book of 200 chapters of 40 paragraphs. Both are built part by part by `tests/packagegen.py`. Prints
the best of N rounds, one process. python-docx (not a dependency) is measured on paragraphs and tables only,
the most it gives.
"""

from __future__ import annotations

import argparse
import io
import time
from collections.abc import Callable

import packagegen as gen
from reader.formats import docx, epub

SENTENCE = "全年图书馆接待读者一千二百万人次，比上年增长百分之八，新建社区阅览室四十二个。"


def big_docx() -> bytes:
    parts = []
    for i in range(3000):
        parts.append(gen.paragraph(f"第{i}段：" + SENTENCE * 2, "1" if i % 50 == 0 else None))
        if i % 100 == 0:
            rows = "".join(f"<w:tr>{gen.cell('图书馆')}{gen.cell(str(r))}{gen.cell('5%')}</w:tr>" for r in range(10))
            parts.append(f"<w:tbl>{rows}</w:tbl>")
    document = gen.w_part("w:document", "<w:body>" + "".join(parts) + "</w:body>")
    return gen.make_docx(**{"word/document.xml": document})


def big_epub() -> bytes:
    parts = gen.epub_parts()
    opf = str(parts["OEBPS/content.opf"])
    items = "".join(f'<item id="x{i}" href="text/x{i}.xhtml" media-type="application/xhtml+xml"/>' for i in range(200))
    refs = "".join(f'<itemref idref="x{i}"/>' for i in range(200))
    parts["OEBPS/content.opf"] = opf.replace("</manifest>", items + "</manifest>").replace(
        "</spine>", refs + "</spine>"
    )
    for i in range(200):
        parts[f"OEBPS/text/x{i}.xhtml"] = gen.chapter(f"第{i}章", [SENTENCE * 3] * 40)
    return gen.zip_bytes(parts, stored_first="mimetype")


def best(rounds: int, work: Callable[[], int]) -> tuple[float, int]:
    times, size = [], 0
    for _ in range(rounds):
        start = time.perf_counter()
        size = work()
        times.append(time.perf_counter() - start)
    return min(times), size


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    rounds = parser.parse_args().rounds
    word, book = big_docx(), big_epub()

    def reader_docx() -> int:
        return len(docx.IMPORTER.derive(docx.IMPORTER.read(word, "big.docx")).text)

    def reader_epub() -> int:
        return len(epub.IMPORTER.derive(epub.IMPORTER.read(book, "big.epub")).text)

    rows = [("reader docx read+derive", reader_docx), ("reader epub read+derive", reader_epub)]
    try:
        import docx as python_docx  # type: ignore[import-not-found]

        def other_docx() -> int:
            document = python_docx.Document(io.BytesIO(word))
            lines = [p.text for p in document.paragraphs]
            for table in document.tables:
                lines.extend("\t".join(c.text for c in row.cells) for row in table.rows)
            return sum(len(line) for line in lines)

        rows.append(("python-docx paragraphs+tables", other_docx))
    except ImportError:
        print("python-docx not installed: not measured")
    print(f"docx {len(word):,} bytes, epub {len(book):,} bytes, best of {rounds}")
    for name, work in rows:
        seconds, chars = best(rounds, work)
        print(f"{name:32} {seconds * 1000:7.0f} ms  {chars:9,} chars")


if __name__ == "__main__":
    main()
