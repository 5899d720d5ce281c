"""Text-PDF engines on the CJK fixtures: correct characters, reading order and speed, from one run.

    .venv/bin/python benchmarks/bench_pdf.py [--rounds N]

For each engine's plain text (and for the reader's own pipeline, which uses PDFium) it prints
- chars: share of the expected characters (as a multiset) the text contains, radicals not folded;
- order: char-4-gram F1 against the expected paragraphs, whitespace and page furniture removed, so text
  read in the wrong order (columns interleaved) or with wrong characters scores lower;
- order*: the same after radicals are folded to ideographs (reading order alone);
- pages/s and chars/s over all fixtures, on one core.
pdfminer.six and pypdf are measured only when installed (they are not dependencies).
"""

from __future__ import annotations

import argparse
import io
import json
import re
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pypdfium2 as pdfium

from reader.formats.pdf import read_pdf
from reader.formats.pdf.radicals import fold_radicals

DATA = Path(__file__).resolve().parents[1] / "tests" / "data" / "pdf"
NAMES = ["report_sc", "report_tc", "two_column", "dash_numbers", "bare_numbers"]


def pdfium_text(data: bytes) -> tuple[str, int]:
    doc = pdfium.PdfDocument(data)
    try:
        texts = []
        for page in doc:
            textpage = page.get_textpage()
            texts.append(textpage.get_text_range())
            textpage.close()
            page.close()
        return "\n".join(texts), len(texts)
    finally:
        doc.close()


def pdfminer_text(data: bytes) -> tuple[str, int]:
    from pdfminer.high_level import extract_text

    text = extract_text(io.BytesIO(data))
    return text, text.count("\f") or 1


def pypdf_text(data: bytes) -> tuple[str, int]:
    import pypdf

    reader = pypdf.PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() for page in reader.pages), len(reader.pages)


def reader_text(data: bytes) -> tuple[str, int]:
    result = read_pdf(data)
    return result.text, len(result.pages)


def _grams(text: str) -> Counter[str]:
    return Counter(text[i : i + 4] for i in range(len(text) - 3))


def _f1(got: str, want: str) -> float:
    a, b = _grams(got), _grams(want)
    common = sum((a & b).values())
    if not common:
        return 0.0
    precision, recall = common / sum(a.values()), common / sum(b.values())
    return 2 * precision * recall / (precision + recall)


def _squash(text: str, furniture: list[str]) -> str:
    for item in sorted(furniture, key=len, reverse=True):
        text = text.replace(item, "")
    return re.sub(r"\s+", "", text)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    engines: list[tuple[str, Callable[[bytes], tuple[str, int]]]] = [
        ("reader (pypdfium2 + layout)", reader_text),
        ("pypdfium2 plain", pdfium_text),
    ]
    for name, module, fn in (("pdfminer.six", "pdfminer", pdfminer_text), ("pypdf", "pypdf", pypdf_text)):
        try:
            __import__(module)
        except ImportError:
            print(f"{name}: not installed, skipped")
            continue
        engines.append((name, fn))
    files = [((DATA / f"{n}.pdf").read_bytes(), json.loads((DATA / f"{n}.expected.json").read_text())) for n in NAMES]
    print(f"{len(files)} fixtures, {sum(e['page_count'] for _, e in files)} pages, {args.rounds} rounds")
    print(f"{'engine':30} {'chars':>7} {'order':>7} {'order*':>7} {'pages/s':>9} {'chars/s':>10}")
    for name, fn in engines:
        pages = chars = 0
        recall: list[float] = []
        order: list[float] = []
        folded: list[float] = []
        start = time.perf_counter()
        for _ in range(args.rounds):
            for data, _expected in files:
                text, count = fn(data)
                pages += count
                chars += len(text)
        elapsed = time.perf_counter() - start
        for data, expected in files:
            text, _ = fn(data)
            furniture = [t for page in expected["furniture"] for t, _ in page]
            want = "".join(expected["paragraphs"]).replace("\t", "")
            got = _squash(text, furniture)
            need = Counter(re.sub(r"\s+", "", want))
            recall.append(sum((Counter(got) & need).values()) / sum(need.values()))
            order.append(_f1(got, re.sub(r"\s+", "", want)))
            folded.append(_f1(fold_radicals(got), re.sub(r"\s+", "", want)))
        print(
            f"{name:30} {sum(recall) / len(recall):7.3f} {sum(order) / len(order):7.3f}"
            f" {sum(folded) / len(folded):7.3f}"
            f" {pages / elapsed:9.1f} {chars / elapsed:10.0f}"
        )
        print("  order* per fixture: " + " ".join(f"{n}={s:.3f}" for n, s in zip(NAMES, folded, strict=True)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
