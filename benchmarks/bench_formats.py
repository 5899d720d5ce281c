"""Import fidelity on held-out report files of every kind, text-PDF speed against a baseline, OCR speed.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_formats.py [--no-ocr] [--window] [--detail] [--fresh]

The files are made by tests/data/formats/make_formats.py from public text in ../shared/eval (DRCD articles,
MSRA news sentences) into a cache directory (`--cache`, default the system temp dir; remade when the
generator changes or with `--fresh`); it is skipped with its reason when the evaluation data is absent.
Documents are in the dev or the frozen test half by their source text; importers are tuned on dev only.

Per kind (text-pdf, two-column, scan, docx, epub) and half it prints:
  F1       char-4gram F1 of the cleaned text against the gold body (reader.core.cleaning.scoring, as in
           bench_cleaning.py), both in NFKC, micro-averaged over the documents; the title is not part of
           the body (it is the document's title);
  whole    share of gold paragraphs (at least 10 word characters) that come out whole on one line of the
           cleaned text: one line holds 90 % of the paragraph's 4-grams found anywhere in the text (so a
           character misread by OCR counts against F1, not as a split paragraph);
  furn     running heads, footers and page numbers left in the cleaned text (count over all pages);
  title/rep  documents whose metadata title is the gold title / documents whose text repeats the title;
  pages    PDFs whose page map is right: one start per page, each page's text beginning where the gold
           says (its first characters, fuzzily for scans).
Then text-PDF speed in pages per second on one core (this process pinned to one CPU) for the reader's
import (read + derive) and the baselines in the same run: pdftotext (poppler) when installed, and PDFium's
plain text (get_text_range). Scans are read by OCR (wall time, both cores) unless `--no-ocr`; with
`--window`, benchmarks/ocr_window.py (when present) measures the window's event-loop stalls meanwhile.
Timings depend on load: run on a quiet machine to compare figures.
Targets: F1 >= 0.99 text PDF, DOCX, EPUB; >= 0.98 two-column; >= 0.95 scans; whole >= 95 %; furn 0;
pages all right; text PDFs >= 30 pages/s; OCR >= 0.8 pages/s.
"""

from __future__ import annotations

import argparse
import difflib
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from reader.core.cleaning.scoring import Score, score, shingles, word_chars  # noqa: E402
from reader.core.derive import Derived  # noqa: E402
from reader.formats import SNIFF_BYTES, importer_for  # noqa: E402

GENERATOR = ROOT / "tests" / "data" / "formats" / "make_formats.py"
EVAL = ROOT.parent / "shared" / "eval"
KINDS = ("text-pdf", "two-column", "scan", "docx", "epub")
HALVES = ("dev", "test")
TARGET_F1 = {"text-pdf": 0.99, "two-column": 0.98, "scan": 0.95, "docx": 0.99, "epub": 0.99}
WHOLE_MIN_CHARS = 10
WHOLE_SHARE = 0.9


@dataclass
class Tally:
    score: Score = field(default_factory=lambda: Score(0, 0, 0))
    docs: int = 0
    paragraphs: int = 0
    whole: int = 0
    furniture: int = 0
    title_ok: int = 0
    title_repeated: int = 0
    pdfs: int = 0
    pages_ok: int = 0
    pages: int = 0
    seconds: float = 0.0
    notes: list[str] = field(default_factory=list)


def corpus(cache: Path, fresh: bool, extra_dev: int = 0) -> Path | None:
    """The generated corpus, made (in a subprocess: Qt's PDF writer) when missing or out of date.

    `extra_dev` more scans in the dev half only: scan rules need more layouts to be tuned on than the
    default corpus has, and the test half must stay untouched by that tuning.
    """
    digest = hashlib.sha1(GENERATOR.read_bytes()).hexdigest()[:12]
    out = cache / f"reader-formats-{digest}" if not extra_dev else cache / f"reader-formats-{digest}-x{extra_dev}"
    if fresh and out.exists():
        shutil.rmtree(out)
    if (out / "manifest.json").exists():
        return out
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    env["PYTHONPATH"] = str(ROOT / "src")
    argv = [sys.executable, str(GENERATOR), str(out), "--extra-dev-scans", str(extra_dev)]
    done = subprocess.run(argv, env=env, capture_output=True, text=True)
    if done.returncode != 0 or not (out / "manifest.json").exists():
        print(f"corpus not made: {(done.stderr or done.stdout).strip().splitlines()[-1:]}")
        return None
    return out


def read(path: Path) -> tuple[Derived, float]:
    data = path.read_bytes()
    importer = importer_for(path.name, data[:SNIFF_BYTES])
    assert importer is not None, path
    start = time.perf_counter()
    derived = importer.derive(importer.read(data, path.name))
    return derived, time.perf_counter() - start


def gold_body(gold: dict[str, Any]) -> str:
    return "\n".join(text for _, text in gold["blocks"])


def whole(derived: Derived, gold: dict[str, Any]) -> tuple[int, int]:
    """(gold paragraphs long enough to judge, those found whole on one line of the cleaned text)."""
    lines = [shingles(line) for line in derived.text.split("\n") if line.strip()]
    everywhere = shingles(derived.text)
    count = found = 0
    for kind, text in gold["blocks"]:
        if kind != "paragraph" or len(word_chars(text)) < WHOLE_MIN_CHARS:
            continue
        count += 1
        want = shingles(text)
        # Of the paragraph's 4-grams that the text has at all, one line must hold 90 %: a character misread
        # by OCR is a fidelity error (F1 counts it), not a broken paragraph.
        need = WHOLE_SHARE * sum((want & everywhere).values())
        if need and any(sum((want & line).values()) >= need for line in lines):
            found += 1
    return count, found


def furniture_left(derived: Derived, gold: dict[str, Any]) -> tuple[int, list[str]]:
    """Furniture strings still in the cleaned text beyond what the body itself contains: a number only as
    a line of its own (a bare "3" is in any text), anything else anywhere (a head glued to a paragraph)."""
    text = derived.text
    lines = [" ".join(line.split()) for line in text.split("\n")]
    body = gold_body(gold)
    left: list[str] = []
    for page in gold["furniture"]:
        for item in dict.fromkeys(page):
            flat = " ".join(item.split())
            hits = lines.count(flat) if flat.isdigit() else text.count(item) - body.count(item)
            if hits > 0:
                left.append(item)
    # each page's furniture is counted once per page it was printed on; `hits` is for the whole text, so
    # count distinct strings left, not occurrences, to keep pages of repeated heads from multiplying
    return len(dict.fromkeys(left)), list(dict.fromkeys(left))


def pages_right(derived: Derived, gold: dict[str, Any], fuzzy: bool) -> tuple[bool, str]:
    want = gold["page_first"]
    if len(derived.pages) != len(want):
        return False, f"{len(derived.pages)} page starts for {len(want)} pages"
    for number, (start, first) in enumerate(zip(derived.pages, want, strict=True), start=1):
        got = word_chars(derived.text[start : start + 3 * len(first)])[: len(word_chars(first))]
        expected = word_chars(first)
        # OCR drops and misreads characters, so a scan's page start is right when the text there is mostly
        # the gold's; a start on the running head or a paragraph off shares next to nothing with it.
        ok = difflib.SequenceMatcher(None, got, expected).ratio() >= 0.6 if fuzzy else got == expected
        if not ok:
            return False, f"page {number} begins {got!r}, not {expected!r}"
    return True, ""


def measure(
    root: Path, kinds: tuple[str, ...], detail: bool, halves: tuple[str, ...] = ("dev", "test")
) -> dict[tuple[str, str], Tally]:
    tallies: dict[tuple[str, str], Tally] = defaultdict(Tally)
    for entry in json.loads((root / "manifest.json").read_text()):
        kind, half = entry["kind"], entry["half"]
        if kind not in kinds or half not in halves:
            continue
        gold = json.loads(Path(entry["gold"]).read_text())
        derived, seconds = read(Path(entry["file"]))
        t = tallies[(kind, half)]
        t.docs += 1
        t.seconds += seconds
        # Compared in NFKC: a text layer keeps full-width digits, OCR reads them half-width; a reader sees one.
        one = score(unicodedata.normalize("NFKC", derived.text), unicodedata.normalize("NFKC", gold_body(gold)))
        t.score = t.score + one
        count, found = whole(derived, gold)
        t.paragraphs += count
        t.whole += found
        left, items = furniture_left(derived, gold)
        t.furniture += left
        title = gold["title"]
        t.title_ok += derived.metadata.title == title
        first = derived.text.split("\n", 1)[0]
        t.title_repeated += word_chars(first) == word_chars(title)
        if kind in ("text-pdf", "two-column", "scan"):
            t.pdfs += 1
            t.pages += len(gold["page_first"])
            ok, why = pages_right(derived, gold, fuzzy=kind == "scan")
            t.pages_ok += ok
            if not ok:
                t.notes.append(f"{entry['source']}: {why}")
        if items:
            t.notes.append(f"{entry['source']}: furniture left {items[:3]}")
        if detail:
            print(
                f"  {half:4} {kind:10} {entry['source']:24} F1 {one.f1:.4f} (P {one.precision:.3f} "
                f"R {one.recall:.3f}) whole {found}/{count} furn {left} title {derived.metadata.title!r}"
            )
    return tallies


def report(tallies: dict[tuple[str, str], Tally]) -> None:
    print(
        f"{'kind':10} {'half':4} {'docs':>4} {'F1':>7} {'target':>6} {'whole':>7} {'furn':>4} "
        f"{'title/rep':>9} {'pages':>6}"
    )
    for kind in KINDS:
        for half in HALVES:
            t = tallies.get((kind, half))
            if t is None:
                continue
            share = t.whole / t.paragraphs if t.paragraphs else 1.0
            pages = f"{t.pages_ok}/{t.pdfs}" if t.pdfs else "-"
            print(
                f"{kind:10} {half:4} {t.docs:4} {t.score.f1:7.4f} {TARGET_F1[kind]:6.2f} {share:7.1%} "
                f"{t.furniture:4} {f'{t.title_ok}/{t.title_repeated}':>9} {pages:>6}"
            )
            for note in t.notes[:4]:
                print(f"    {note}")


def _pdfium_plain(data: bytes) -> int:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(data)
    try:
        count = 0
        for page in doc:
            textpage = page.get_textpage()
            textpage.get_text_range()
            textpage.close()
            page.close()
            count += 1
        return count
    finally:
        doc.close()


def speed(root: Path, rounds: int) -> None:
    """Text-PDF pages per second on one core: the reader's import and the baselines, same files, same run."""
    files = [
        Path(e["file"])
        for e in json.loads((root / "manifest.json").read_text())
        if e["kind"] in ("text-pdf", "two-column")
    ]
    pages = sum(e["pages"] for e in json.loads((root / "manifest.json").read_text()) if Path(e["file"]) in files)
    saved = os.sched_getaffinity(0) if hasattr(os, "sched_getaffinity") else None
    if saved:
        os.sched_setaffinity(0, {min(saved)})  # children (pdftotext) inherit the one CPU
    try:
        results: list[tuple[str, float]] = []
        start = time.process_time()
        for _ in range(rounds):
            for path in files:
                read(path)
        results.append(("reader import (read + derive)", time.process_time() - start))
        blobs = [p.read_bytes() for p in files]
        start = time.process_time()
        for _ in range(rounds):
            for data in blobs:
                _pdfium_plain(data)
        results.append(("PDFium plain text (get_text_range)", time.process_time() - start))
        tool = shutil.which("pdftotext")
        if tool:
            start = time.perf_counter()
            for _ in range(rounds):
                for path in files:
                    subprocess.run([tool, "-q", str(path), os.devnull], check=False)
            results.append(("pdftotext (poppler, wall time)", time.perf_counter() - start))
        else:
            print("pdftotext: not installed, skipped")
    finally:
        if saved:
            os.sched_setaffinity(0, saved)
    print(f"text-PDF speed, one core: {len(files)} files, {pages} pages x {rounds} rounds (target >= 30 pages/s)")
    for name, seconds in results:
        print(f"  {name:38} {pages * rounds / seconds:8.1f} pages/s")


def ocr_speed(tallies: dict[tuple[str, str], Tally], window_stalls: bool) -> None:
    docs = [t for (kind, _), t in tallies.items() if kind == "scan"]
    pages = sum(t.pages for t in docs)
    seconds = sum(t.seconds for t in docs)
    if pages:
        print(f"OCR: {pages} scanned pages in {seconds:.1f} s wall = {pages / seconds:.2f} pages/s (target >= 0.8)")
    # --- event-loop stall while OCR runs: measured by benchmarks/ocr_window.py when it is present -------------
    window = ROOT / "benchmarks" / "ocr_window.py"
    if not window_stalls:
        print("event-loop stalls during OCR: not measured (--window runs benchmarks/ocr_window.py, ~3 min)")
    elif window.exists():
        print(f"event-loop stalls during OCR: run {window.relative_to(ROOT)} (target < 50 ms)")
        done = subprocess.run([sys.executable, str(window)], capture_output=True, text=True, check=False)
        said = done.stdout.strip() or "\n".join(done.stderr.strip().splitlines()[-1:]) or f"exit {done.returncode}"
        print("\n".join(f"  {line}" for line in said.splitlines()))
    else:
        print("event-loop stalls during OCR: benchmarks/ocr_window.py not present, not measured")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-ocr", action="store_true", help="leave out the scanned PDFs (no OCR)")
    parser.add_argument("--detail", action="store_true", help="one line per document")
    parser.add_argument("--window", action="store_true", help="also measure event-loop stalls while OCR runs")
    parser.add_argument("--fresh", action="store_true", help="remake the corpus")
    parser.add_argument("--rounds", type=int, default=3, help="rounds of the speed measurement")
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()))
    parser.add_argument("--extra-dev", type=int, default=0, help="N more scans in the dev half (tuning only)")
    parser.add_argument("--half", choices=("dev", "test", "both"), default="both", help="halves to score")
    parser.add_argument("--kind", choices=KINDS, action="append", help="only these kinds (repeatable)")
    args = parser.parse_args()
    if not EVAL.exists():
        print(f"skipped: evaluation data not found at {EVAL}")
        return 0
    root = corpus(args.cache, args.fresh, args.extra_dev)
    if root is None:
        return 1
    print(f"corpus: {root}")
    kinds = tuple(k for k in (args.kind or KINDS) if not (args.no_ocr and k == "scan"))
    halves = ("dev", "test") if args.half == "both" else (args.half,)
    if "scan" in kinds:
        # The engine loads once a process (models, script tables): its cost is the first scan's of a session,
        # printed on its own, not spread over the pages read here.
        from reader.formats.pdf import ocr

        start = time.perf_counter()
        ocr.default_engine()
        print(f"OCR engine load (once a process): {time.perf_counter() - start:.1f} s")
    tallies = measure(root, kinds, args.detail, halves)
    report(tallies)
    speed(root, args.rounds)
    if not args.no_ocr:
        ocr_speed(tallies, args.window)
    return 0


if __name__ == "__main__":
    sys.stdout.flush()
    raise SystemExit(main())
