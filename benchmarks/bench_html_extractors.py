"""reader's clean_html next to other HTML main-text extractors, on the same web_zh pages and scorer.

Run: .venv/bin/python benchmarks/bench_html_extractors.py [--detail]

Every page is decoded once with the project's decode_bytes (bench_cleaning.decode, same lenient fallback for
pages it refuses) and each extractor gets the same decoded str. Scored with reader.core.cleaning.scoring (4-gram shingle
F1 over word characters, micro over documents); time is wall clock of the extractor call alone (including
turning its output into text), one pass, one core.

Extractors (third-party ones only if importable; they are NOT project dependencies, install them into the venv
just to measure: .venv/bin/pip install trafilatura readability-lxml justext):
  reader clean_html         reader.core.cleaning.clean_html(html).text
  keep-all body             lxml.html.document_fromstring(html).body.text_content() (the literal baseline)
  keep-all body -script     the same after dropping <script>/<style> elements (visible text only)
  trafilatura               trafilatura.extract(html) (defaults; note they include comments)
  trafilatura -comments     trafilatura.extract(html, include_comments=False)
  readability-lxml          readability.Document(html).summary(), then lxml text_content
  justext                   justext.justext(html, frozenset(), stopwords_low=0, stopwords_high=0): there is no
                            Chinese stoplist, so the empty stoplist with zero stopword thresholds (justext's
                            language-independent mode: paragraphs are judged on length and link density only)
"""

from __future__ import annotations

import importlib.metadata
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import lxml.html

from bench_cleaning import DECODE_FALLBACKS, WEB_ZH, decode
from reader.core.cleaning import clean_html
from reader.core.cleaning.scoring import Score, score

Extractor = Callable[[str], str]


def reader_clean_html(html: str) -> str:
    return clean_html(html).text


def _body(html: str) -> lxml.html.HtmlElement:
    root = lxml.html.document_fromstring(html)
    bodies = root.xpath("//body")
    return bodies[0] if bodies else root


def keep_all(html: str) -> str:
    return str(_body(html).text_content())


def keep_all_visible(html: str) -> str:
    body = _body(html)
    for element in body.xpath(".//script | .//style"):
        element.drop_tree()
    return str(body.text_content())


def _trafilatura(include_comments: bool) -> Extractor | None:
    try:
        import trafilatura
    except ImportError:
        return None

    def extract(html: str) -> str:
        if include_comments:
            return trafilatura.extract(html) or ""
        return trafilatura.extract(html, include_comments=False) or ""

    return extract


def _readability() -> Extractor | None:
    try:
        from readability import Document
    except ImportError:
        return None

    def extract(html: str) -> str:
        summary = Document(html).summary()
        return str(lxml.html.document_fromstring(summary).text_content()) if summary.strip() else ""

    return extract


def _justext() -> Extractor | None:
    try:
        import justext
    except ImportError:
        return None

    def extract(html: str) -> str:
        paragraphs = justext.justext(html, frozenset(), stopwords_low=0, stopwords_high=0)
        return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)

    return extract


def _version(distribution: str) -> str:
    try:
        return importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:
        return "not installed"


def extractors() -> list[tuple[str, str, Extractor | None]]:
    """(label, distribution whose version is printed, extractor or None when not importable)."""
    return [
        ("reader clean_html", "reader", reader_clean_html),
        ("keep-all body", "lxml", keep_all),
        ("keep-all body -script", "lxml", keep_all_visible),
        ("trafilatura", "trafilatura", _trafilatura(include_comments=True)),
        ("trafilatura -comments", "trafilatura", _trafilatura(include_comments=False)),
        ("readability-lxml", "readability-lxml", _readability()),
        ("justext (empty stoplist)", "jusText", _justext()),
    ]


def main() -> None:
    detail = "--detail" in sys.argv
    if not WEB_ZH.exists():
        print(f"web_zh: skipped, evaluation data not found at {WEB_ZH}")
        return
    pages = []
    for page in sorted((WEB_ZH / "original").glob("*.html")):
        gold = (WEB_ZH / "cleaned" / f"{page.stem}.txt").read_bytes().decode("utf-8", "replace")
        pages.append((page.stem, decode(page.read_bytes(), page.name), gold))
    print(f"web_zh: {len(pages)} pages, {sum(len(h) for _, h, _ in pages):,} decoded chars of HTML")
    print(f"{'extractor':<26} {'version':<10} {'F1':>6} {'P':>6} {'R':>6} {'seconds':>8} {'pages/s':>8}  failures")
    for label, distribution, extract in extractors():
        version = _version(distribution)
        if extract is None:
            print(f"{label:<26} not installed")
            continue
        total, seconds, failures = Score(0, 0, 0), 0.0, []
        for stem, html, gold in pages:
            start = time.perf_counter()
            try:
                text = extract(html)
            except Exception as error:  # a crash scores as an empty extraction
                text = ""
                failures.append(f"{stem[:8]} {type(error).__name__}")
            seconds += time.perf_counter() - start
            one = score(text, gold)
            total += one
            if detail:
                print(f"    {stem[:8]} P {one.precision:.2f} R {one.recall:.2f} gold {one.gold:6d}")
        print(
            f"{label:<26} {version:<10} {total.f1:6.4f} {total.precision:6.4f} {total.recall:6.4f} "
            f"{seconds:8.2f} {len(pages) / seconds:8.1f}  {len(failures)}{': ' if failures else ''}"
            + ", ".join(failures)
        )
    if DECODE_FALLBACKS:
        print(f"decode_bytes refused {sorted(set(DECODE_FALLBACKS))}: decoded leniently instead (as bench_cleaning)")


if __name__ == "__main__":
    main()
