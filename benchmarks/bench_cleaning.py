"""Cleaning quality on pages the rules were not tuned on, clean-document loss, and speed, in one run.

Run: .venv/bin/python benchmarks/bench_cleaning.py [--detail] [--dev] [--speed] [--extra DIR] [--src OTHER/src]
    [--only SET,SET...]
(`--dev` runs the development halves only: what rules are tuned on; test halves are read once, at the end.
`--speed` runs the speed line only; pin it to one core with `taskset -c 0`. `--only` runs the named sets
(web_zh generated wiki kinds readability extra real clean markdown seeds speed). `--help` prints this and
runs nothing; an unknown option is refused, so a mistyped flag never runs the test halves.)

Figures printed (each beside the keep-all baseline and, when installed, trafilatura from the same run):
  web_zh dev / test  the 69 pages of ../shared/eval/web_zh split by a fixed rule (test when the last byte of
                     sha1("web_zh/<file stem>") is odd; rules are tuned on dev only), scored as character 4-gram
                     F1 against the gold main text, two ways:
                       plain  the page's text content as a plain text file (one line per block, as
                              html_to_blocks renders it) through clean_text;
                       html   the raw page through the HTML importer, reader.formats.derive_raw(raw, "html");
  generated pages    tests/data/web_pages: public text (DRCD, MSRA, CLUENER) inside seeded page furniture of 40
                     fake sites, split by site (test when the last byte of sha1("gen/<site>") is odd), scored the
                     same two ways, each also with the SourceHints computed from the site's pages (+hints);
  wiki pages         tests/data/web_pages/make_wiki_pages.py: encyclopedia pages around DRCD article text (infobox,
                     sections, a table one cell a line, references; a wiki's furniture around), split by
                     article (test when the last byte of sha1("wiki/<id>") is odd), scored the two ways;
                     wiki fresh dev: 120 more such pages from the DRCD articles the halves do not use
                     (another seed), development only: where a change that moves the wiki test half is
                     looked for;
  page kinds         tests/data/web_pages/make_kind_pages.py: government notices, forum threads, question pages,
                     paginated articles, articles under long comment sections, short articles in heavy
                     furniture, blog front pages, portals, diaries written a clause a line, around public
                     text; split by page (sha1("kind/<kind>/<n>")), scored the two ways;
  readability zh     ../shared/eval/readability_zh: four real Chinese pages with the reviewed body text of
                     mozilla/readability's test suite (Apache-2.0); development only, moved from test after
                     its first run (it was split by page, sha1("readability/<name>"), 1 dev / 3 test), since
                     the development sets held no real page the cleaner failed on; `--detail` prints each page;
  further real pages `--extra DIR` (default ../shared/eval/extra_zh; its README names each page's source):
                     WebMainBench's Chinese pages (a novel's index, a tutorial; hand-annotated) and
                     newspaper's Chinese test page, development only (read page by page); 74 NetEase news
                     pages with cx-extractor's output as reference (agreement, not accuracy), split by page
                     (sha1("cx/<n>")); magic-html's benchmark pages in Chinese (53 articles: news,
                     portals, an encyclopedia, notes, a novel's chapter; 22 forum and Q&A pages; content
                     annotated by hand), split by page (sha1("magic/<name>"): 41 dev, 34 test; `--detail`
                     prints each dev page); readability zh is read from there too when
                     ../shared/eval/readability_zh is absent;
  real content dev   the web_zh dev-half gold texts (whole content areas of real pages) as the articles of
                     generated pages, five a site, with the site's hints: a second development set from
                     data outside the test half (there is no test counterpart: the test gold stays unread);
  clean docs         report-shaped documents with nothing to remove (tests/data/clean_reports): lines removed /
                     lines, dev and test, text and Markdown. The title line moving into the title field is not
                     a loss; any other removed line is;
  markdown notes     tests/data/markdown_notes: authored Markdown notes (front matter, headings, quotes, lists of
                     links, a table, a code block, an image), lines lost through the Markdown importer as it
                     is (lines of text) and through clean_markdown (markdown-it-py); the report-shaped
                     Markdown documents of clean docs through clean_markdown too;
  seeds              clean_text on seeds/*.txt against tests/data/seeds_gold (target >= 0.98);
  speed              clean_text characters per CPU second on one core (target >= 1,000,000), best pass and
                     each text's best, with wall time and the load average beside.

`--src` imports `reader` from another checkout (e.g. a `git worktree` of an older commit) to print its
figures with the same scorer and the same data.
"""

from __future__ import annotations

import importlib.util
import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if "--src" in sys.argv:
    sys.path.insert(0, sys.argv[sys.argv.index("--src") + 1])
else:
    sys.path.insert(0, str(ROOT / "src"))

from reader.core.cleaning import clean_html, clean_text, html_to_blocks  # noqa: E402
from reader.core.cleaning.scoring import Score, score  # noqa: E402
from reader.formats import SNIFF_BYTES, derive_raw, importer_for  # noqa: E402

EVAL = ROOT.parent / "shared" / "eval"
WEB_ZH = EVAL / "web_zh"
GOLD = ROOT / "tests" / "data" / "seeds_gold"
HALVES = ("dev", "test")
DEV_ONLY = "--dev" in sys.argv
EXTRA = Path(sys.argv[sys.argv.index("--extra") + 1]) if "--extra" in sys.argv else EVAL / "extra_zh"
READABILITY = EVAL / "readability_zh" if (EVAL / "readability_zh").exists() else EXTRA / "readability_zh"
# Sets of further real pages (`--extra`): which were read page by page while rules were built (development
# only), and which are split by page into halves like web_zh (sha1("<prefix>/<name>"), test when odd).
EXTRA_DEV_ONLY = ("webmainbench", "newspaper")
EXTRA_SPLIT = {"cx_extractor": "cx", "magic_html": "magic"}


def _load(name: str, folder: str) -> ModuleType:
    path = ROOT / "tests" / "data" / folder / f"{name}.py"
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def _source_hints() -> Any:
    """`source_hints`, or None in a checkout (`--src`) from before it existed."""
    try:
        from reader.core.cleaning import source_hints
    except ImportError:
        return None
    return source_hints


REPORTS = _load("make_clean_reports", "clean_reports")
PAGES = _load("make_pages", "web_pages")
WIKI = _load("make_wiki_pages", "web_pages")
NOTES = _load("make_notes", "markdown_notes")
KINDS = _load("make_kind_pages", "web_pages")


def _halves() -> tuple[str, ...]:
    return ("dev",) if DEV_ONLY else HALVES


def decode(data: bytes, name: str) -> str:
    """The project's own decoding; a lenient stand-in for files it refuses (counted in DECODE_FALLBACKS)."""
    try:
        from reader.core.text.decoding import decode_bytes

        return decode_bytes(data, name).text
    except Exception:  # DecodingError on damaged pages
        DECODE_FALLBACKS.append(name)
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", "replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("gb18030", "replace")


DECODE_FALLBACKS: list[str] = []


def _trafilatura() -> Any:
    try:
        import trafilatura
    except ImportError:
        return None
    return trafilatura


def _fmt(s: Score) -> str:
    return f"{s.f1:.4f} (P {s.precision:.3f} R {s.recall:.3f})"


def bench_web_zh(detail: bool) -> None:
    if not WEB_ZH.exists():
        print(f"web_zh: skipped, evaluation data not found at {WEB_ZH}")
        return
    traf = _trafilatura()
    zero = Score(0, 0, 0)
    sums: dict[tuple[str, str], Score] = {}
    counts = {h: 0 for h in HALVES}
    for page in sorted((WEB_ZH / "original").glob("*.html")):
        half = REPORTS.half_of(f"web_zh/{page.stem}")
        if half not in _halves():
            continue
        counts[half] += 1
        gold = (WEB_ZH / "cleaned" / f"{page.stem}.txt").read_bytes().decode("utf-8", "replace")
        got = _real_page(decode(page.read_bytes(), page.name), gold, traf)
        for mode, one in got.items():
            sums[(half, mode)] = sums.get((half, mode), zero) + one
        if detail:
            print(
                f"  {half:<4} {page.stem[:8]} plain {got['plain'].f1:.3f} html {got['html'].f1:.3f} "
                f"(P {got['html'].precision:.2f} R {got['html'].recall:.2f}) gold {got['html'].gold}"
            )
    for half in _halves():
        print(f"web_zh {half} ({counts[half]} pages)")
        for mode in ("plain", "html", "keep-all", "trafilatura"):
            if (half, mode) in sums:
                target = "  (target >= 0.94)" if mode in ("plain", "html") else ""
                print(f"  {mode:<12} F1 {_fmt(sums[(half, mode)])}{target}")
            else:
                print(f"  {mode:<12} not installed")
    if DECODE_FALLBACKS:
        print(f"  decode_bytes refused {sorted(set(DECODE_FALLBACKS))}: decoded leniently here instead")


def _real_page(html: str, gold: str, traf: Any) -> dict[str, Score]:
    """One saved page's scores: its blocks cleaned as plain text, the page through the HTML importer, every
    block kept, and trafilatura when installed."""
    blocks = html_to_blocks(html)
    got = {
        "plain": score(clean_text(blocks).text, gold),
        "html": score(derive_raw(html, "html").text, gold),
        "keep-all": score(blocks, gold),
    }
    if traf is not None:
        got["trafilatura"] = score(traf.extract(html) or "", gold)
    return got


def _tally(page: Any, got: dict[str, Score], traf: Any, sums: dict[tuple[str, str], Score], detail: bool) -> None:
    """Add one generated page's scores (and trafilatura's, when installed) to its half's sums."""
    if traf is not None:
        got["trafilatura"] = score(traf.extract(page.html) or "", page.gold)
    for mode, one in got.items():
        sums[(page.half, mode)] = sums.get((page.half, mode), Score(0, 0, 0)) + one
    if detail and page.half == "dev" and min(got["plain"].f1, got["html"].f1) < 0.95:
        print(f"  {page.page_id} plain {got['plain'].f1:.3f} html {got['html'].f1:.3f}")


def bench_generated(detail: bool) -> None:
    pages = PAGES.build(EVAL)
    if not pages:
        print("generated pages: skipped, evaluation data not found")
        return
    traf, hinter = _trafilatura(), _source_hints()
    sums: dict[tuple[str, str], Score] = {}
    counts = {h: 0 for h in HALVES}
    sites: dict[str, list[Any]] = {}
    for page in pages:
        sites.setdefault(page.site, []).append(page)
    for members in sites.values():
        blocks = [html_to_blocks(page.html) for page in members]
        hints = hinter(blocks) if hinter else None
        for page, text in zip(members, blocks, strict=True):
            counts[page.half] += 1
            got = {
                "plain": score(clean_text(text).text, page.gold),
                "html": score(clean_html(page.html).text, page.gold),
                "keep-all": score(text, page.gold),
            }
            if hints is not None:
                got["plain+hints"] = score(clean_text(text, hints=hints).text, page.gold)
                got["html+hints"] = score(clean_html(page.html, hints=hints).text, page.gold)
            _tally(page, got, traf, sums, detail)
    for half in _halves():
        print(f"generated pages {half} ({counts[half]} pages, {len({p.site for p in pages if p.half == half})} sites)")
        for mode in ("plain", "plain+hints", "html", "html+hints", "keep-all", "trafilatura"):
            if (half, mode) in sums:
                print(f"  {mode:<12} F1 {_fmt(sums[(half, mode)])}")


def bench_wiki(detail: bool) -> None:
    pages = WIKI.build(EVAL)
    if not pages:
        print("wiki pages: skipped, evaluation data not found")
        return
    traf = _trafilatura()
    sums: dict[tuple[str, str], Score] = {}
    for page in pages:
        blocks = html_to_blocks(page.html)
        got = {
            "plain": score(clean_text(blocks).text, page.gold),
            "html": score(clean_html(page.html).text, page.gold),
            "keep-all": score(blocks, page.gold),
        }
        _tally(page, got, traf, sums, detail)
    for half in _halves():
        print(f"wiki pages {half} ({sum(p.half == half for p in pages)} pages)")
        for mode in ("plain", "html", "keep-all", "trafilatura"):
            if (half, mode) in sums:
                print(f"  {mode:<12} F1 {_fmt(sums[(half, mode)])}")
    fresh = WIKI.build_fresh(EVAL) if hasattr(WIKI, "build_fresh") else []
    totals: dict[str, Score] = {}
    for page in fresh:
        blocks = html_to_blocks(page.html)
        for mode, text in (("plain", clean_text(blocks).text), ("html", clean_html(page.html).text)):
            totals[mode] = totals.get(mode, Score(0, 0, 0)) + score(text, page.gold)
    if fresh:
        print(f"wiki fresh dev ({len(fresh)} pages; DRCD articles the halves do not use, development only)")
        for mode, total in totals.items():
            print(f"  {mode:<12} F1 {_fmt(total)}")


def bench_kinds(detail: bool) -> None:
    pages = [p for p in KINDS.build(EVAL) if p.half in _halves()]
    if not pages:
        print("page kinds: skipped, evaluation data not found")
        return
    traf = _trafilatura()
    sums: dict[tuple[str, str], Score] = {}
    by_kind: dict[tuple[str, str, str], Score] = {}
    for page in pages:
        blocks = html_to_blocks(page.html)
        got = {
            "plain": score(clean_text(blocks).text, page.gold),
            "html": score(clean_html(page.html).text, page.gold),
            "keep-all": score(blocks, page.gold),
        }
        for mode in ("plain", "html"):
            key = (page.half, page.site, mode)
            by_kind[key] = by_kind.get(key, Score(0, 0, 0)) + got[mode]
        _tally(page, got, traf, sums, detail)
    for half in _halves():
        print(f"page kinds {half} ({sum(p.half == half for p in pages)} pages)")
        for mode in ("plain", "html", "keep-all", "trafilatura"):
            if (half, mode) in sums:
                print(f"  {mode:<12} F1 {_fmt(sums[(half, mode)])}")
        kinds = sorted({p.site for p in pages})
        print(
            "  by kind      "
            + "  ".join(f"{k} {by_kind[(half, k, 'plain')].f1:.3f}/{by_kind[(half, k, 'html')].f1:.3f}" for k in kinds)
            + "  (plain/html)"
        )


def bench_readability(detail: bool) -> None:
    """All four pages are development data: they were split 1 dev / 3 test for their first run, and
    moved to development after it, because no development set held a real page the cleaner failed on.
    Their figures are printed per page (P / R): they are what rules are tuned on now."""
    if not READABILITY.exists():
        print(f"readability zh: skipped, evaluation data not found at {READABILITY}")
        return
    traf = _trafilatura()
    sums: dict[str, Score] = {}
    count = 0
    for folder in sorted(p for p in READABILITY.iterdir() if (p / "source.html").exists()):
        count += 1
        html = decode((folder / "source.html").read_bytes(), f"{folder.name}.html")
        gold = html_to_blocks((folder / "expected.html").read_text(encoding="utf-8"))
        got = _real_page(html, gold, traf)
        for mode, one in got.items():
            sums[mode] = sums.get(mode, Score(0, 0, 0)) + one
        if detail:
            print(f"  {folder.name:<8} " + "  ".join(f"{mode} {_fmt(one)}" for mode, one in got.items()))
    print(f"readability zh ({count} pages; development only, moved from test after its first run)")
    for mode in ("plain", "html", "keep-all", "trafilatura"):
        if mode in sums:
            print(f"  {mode:<12} F1 {_fmt(sums[mode])}")


def bench_extra(detail: bool) -> None:
    """Further real Chinese pages with reference text, from other public extraction test sets (see the
    README of the `--extra` folder). The cx_extractor references are an extractor's output (they keep
    related-news lists): agreement, not accuracy."""
    if not EXTRA.exists():
        print(f"further real pages: skipped, not found at {EXTRA}")
        return
    traf = _trafilatura()
    for name in (*EXTRA_DEV_ONLY, *EXTRA_SPLIT):
        folder = EXTRA / name
        if not folder.exists():
            continue
        sums: dict[tuple[str, str], Score] = {}
        counts = {h: 0 for h in HALVES}
        for page in sorted(folder.glob("*.html"), key=lambda f: (len(f.stem), f.stem)):
            half = REPORTS.half_of(f"{EXTRA_SPLIT[name]}/{page.stem}") if name in EXTRA_SPLIT else "dev"
            if half not in _halves():
                continue
            counts[half] += 1
            gold = page.with_suffix(".txt").read_text(encoding="utf-8")
            got = _real_page(decode(page.read_bytes(), page.name), gold, traf)
            for mode, one in got.items():
                sums[(half, mode)] = sums.get((half, mode), Score(0, 0, 0)) + one
            if detail and half == "dev":
                print(f"  {name}/{page.stem:<20} " + "  ".join(f"{m} {_fmt(o)}" for m, o in got.items()))
        for half in _halves():
            if counts[half]:
                print(f"{name} {half} ({counts[half]} pages)")
                for mode in ("plain", "html", "keep-all", "trafilatura"):
                    if (half, mode) in sums:
                        print(f"  {mode:<12} F1 {_fmt(sums[(half, mode)])}")


def bench_real_dev() -> None:
    pages = PAGES.build_real(EVAL, "dev") if hasattr(PAGES, "build_real") else []
    if not pages:
        print("real content dev: skipped, evaluation data not found")
        return
    hinter = _source_hints()
    zero = Score(0, 0, 0)
    sums: dict[str, Score] = {}
    sites: dict[str, list[Any]] = {}
    for page in pages:
        sites.setdefault(page.site, []).append(page)
    for members in sites.values():
        blocks = [html_to_blocks(page.html) for page in members]
        hints = hinter(blocks) if hinter else None
        for page, text in zip(members, blocks, strict=True):
            got = {
                "plain+hints": score(clean_text(text, hints=hints).text, page.gold),
                "html+hints": score(clean_html(page.html, hints=hints).text, page.gold),
                "keep-all": score(text, page.gold),
            }
            for mode, one in got.items():
                sums[mode] = sums.get(mode, zero) + one
    print(f"real content dev ({len(pages)} pages, {len(sites)} sites)")
    for mode, total in sums.items():
        print(f"  {mode:<12} F1 {_fmt(total)}")


def lost_lines(name: str, text: str) -> tuple[int, int, list[str]]:
    """(lines removed, non-blank lines, removed texts) when a clean document goes through the importer."""
    importer = importer_for(name, text.encode("utf-8")[:SNIFF_BYTES])
    assert importer is not None, name
    derived = derive_raw(text, importer.name)
    title = derived.metadata.title
    lost = [
        f"{r.reason}: {r.text.strip()}"
        for r in derived.removed
        if r.reason != "markup"  # syntax only (a table's rule row): no words of the document
        and not (r.reason == "metadata" and title and r.text.strip().lstrip("# ").strip() == title)
    ]
    return len(lost), sum(1 for line in text.splitlines() if line.strip()), lost


def bench_clean_docs(detail: bool) -> None:
    docs = REPORTS.build(EVAL)
    if not docs:
        print("clean docs: skipped, evaluation data not found")
        return
    families = (
        ("reports", "text", lambda d: not d.doc_id.startswith("web_zh/") and not d.name.endswith(".md")),
        ("reports", "markdown", lambda d: d.name.endswith(".md")),
        ("web_zh gold", "text", lambda d: d.doc_id.startswith("web_zh/")),
    )
    for half in _halves():
        for family, kind, member in families:
            lost = lines = damaged = n = 0
            for doc in docs:
                if doc.half != half or not member(doc):
                    continue
                k, total, texts = lost_lines(doc.name, doc.text)
                n += 1
                lost += k
                lines += total
                damaged += k > 0
                if detail and half == "dev" and texts:
                    print(f"  {doc.doc_id}: " + " | ".join(texts[:4]))
            share = lost / lines if lines else 0.0
            print(
                f"clean docs {half:<4} {family:<11} {kind:<8} {n:3d} docs  lines removed {lost}/{lines} = {share:.4f}"
                f"  damaged docs {damaged}  (target 0)"
            )


def _markdown_cleaner() -> Any:
    """`clean_markdown`, or None in a checkout (`--src`) from before it existed."""
    try:
        from reader.core.cleaning import clean_markdown
    except ImportError:
        return None
    return clean_markdown


def _lost_in(cleaned: Any, front_matter: int) -> list[str]:
    """Removed lines other than the title heading and the front matter's first `front_matter` lines."""
    title = cleaned.metadata.title
    return [
        r.text
        for r in cleaned.removed
        if r.line > front_matter
        and r.reason != "markup"  # a table's rule row or a heading's underline: syntax, no words
        and not (title and r.text.strip().lstrip("# ").strip() == title)
    ]


def _front_matter_lines(text: str) -> int:
    lines = text.split("\n")
    return lines.index("---", 1) + 1 if lines[0] == "---" and "---" in lines[1:] else 0


def _through_importer(text: str) -> Any:
    return derive_raw(text, "markdown")


def bench_markdown(detail: bool) -> None:
    notes, cleaner = NOTES.build(EVAL), _markdown_cleaner()
    if not notes:
        print("markdown notes: skipped, evaluation data not found")
        return
    reports = [d for d in REPORTS.build(EVAL) if d.name.endswith(".md")]
    ways: dict[str, Callable[[str], Any]] = {"importer": _through_importer}
    if cleaner is not None:
        ways["markdown-it"] = cleaner
    for half in _halves():
        for way, clean in ways.items():
            lost = lines = damaged = 0
            for note in (n for n in notes if n.half == half):
                texts = _lost_in(clean(note.text), _front_matter_lines(note.text))
                lost, damaged = lost + len(texts), damaged + bool(texts)
                lines += sum(1 for line in note.text.splitlines() if line.strip())
                if detail and half == "dev" and texts:
                    print(f"  {way} {note.note_id}: " + " | ".join(texts[:4]))
            print(
                f"markdown notes {half:<4} {way:<11} lines removed {lost}/{lines}  damaged notes {damaged}  (target 0)"
            )
        if cleaner is not None:
            members = [d for d in reports if d.half == half]
            lost = sum(len(_lost_in(cleaner(d.text), 0)) for d in members)
            print(f"markdown reports {half:<4} markdown-it lines removed {lost} in {len(members)} docs  (target 0)")


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
    print(f"seeds (clean_text)  F1 {_fmt(total)}  keep-all F1 {base.f1:.4f}  (target >= 0.98)")
    print(f"seeds title+date exact {exact}/{len(files)}")


SPEED_REPEATS = 7


def bench_speed() -> None:
    """Characters cleaned per CPU second on one core, two ways: the best of SPEED_REPEATS whole passes,
    and the sum over texts of each text's best time (a neighbour's burst then costs one text one repeat,
    not a whole pass). CPU time of this process: on a shared machine wall time measures the neighbours;
    on a virtual machine even CPU time grows when the host is busy, so the load average is printed beside.
    Pin it to one core to measure one core: `taskset -c 0 .venv/bin/python benchmarks/bench_cleaning.py
    --speed`."""
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    if WEB_ZH.exists():
        for page in sorted((WEB_ZH / "original").glob("*.html")):
            texts.append(html_to_blocks(decode(page.read_bytes(), page.name)))
    chars = sum(len(t) for t in texts)
    per_text = [float("inf")] * len(texts)
    best_pass = best_wall = float("inf")
    for _ in range(SPEED_REPEATS):
        wall, start = time.perf_counter(), time.process_time()
        for i, text in enumerate(texts):
            one = time.process_time()
            clean_text(text)
            per_text[i] = min(per_text[i], time.process_time() - one)
        best_pass = min(best_pass, time.process_time() - start)
        best_wall = min(best_wall, time.perf_counter() - wall)
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "n/a"
    print(
        f"clean_text speed    {chars / best_pass / 1e6:.2f} M chars/s CPU (best pass of {SPEED_REPEATS}), "
        f"{chars / sum(per_text) / 1e6:.2f} M chars/s CPU (each text's best), "
        f"{chars / best_wall / 1e6:.2f} M chars/s wall; {chars:,} chars, {best_pass:.3f} s CPU a pass; "
        f"load average {load} (target >= 1)"
    )


FLAGS = ("--detail", "--dev", "--speed")
VALUED = ("--extra", "--src", "--only")


def _options_ok(argv: list[str]) -> bool:
    """True when every argument is a known flag or the value of a known option: a typo (or `--help`) must
    not fall through to a full run, which would read the frozen test halves."""
    rest = iter(argv)
    for arg in rest:
        if arg in VALUED:
            if next(rest, None) is None:
                return False
        elif arg not in FLAGS:
            return False
    return True


def main() -> None:
    if not _options_ok(sys.argv[1:]):
        print(__doc__)
        sys.exit(0 if sys.argv[1:] in (["--help"], ["-h"]) else 2)
    detail = "--detail" in sys.argv
    if "--speed" in sys.argv:
        bench_speed()
        return
    sets: dict[str, Callable[[], None]] = {
        "web_zh": lambda: bench_web_zh(detail),
        "generated": lambda: bench_generated(detail),
        "wiki": lambda: bench_wiki(detail),
        "kinds": lambda: bench_kinds(detail),
        "readability": lambda: bench_readability(detail),
        "extra": lambda: bench_extra(detail),
        "real": bench_real_dev,
        "clean": lambda: bench_clean_docs(detail),
        "markdown": lambda: bench_markdown(detail),
        "seeds": bench_seeds,
        "speed": bench_speed,
    }
    only = sys.argv[sys.argv.index("--only") + 1].split(",") if "--only" in sys.argv else list(sets)
    unknown = [name for name in only if name not in sets]
    if unknown:
        print(f"unknown set {', '.join(unknown)}; sets: {' '.join(sets)}")
        sys.exit(2)
    for name in only:
        sets[name]()


if __name__ == "__main__":
    main()
