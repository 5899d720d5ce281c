"""OCR of scanned PDFs: pages per second and character error rate, the reader's pipeline against the engine's
defaults, on scans generated from public text.

    PYTHONPATH=src .venv/bin/python benchmarks/bench_ocr.py [--pages N] [--seed S] [--skew DEG] [--stages]
        [--squeeze F] [--strip-squeeze F] [--no-prior] [--no-spans] [--doubtful F] [--span-lines F ...]
        [--det-threads N] [--dump PREFIX] [--turn K]
        [--timeline]

Pages are made by tests/unit/formats/pdf/pdf_scans.py: real Chinese paragraphs (simplified from
../shared/eval/web_zh/cleaned, traditional from ../shared/eval/zh_tw/drcd_dev.jsonl; the generator's own
sentences when that data is absent) set in Noto CJK at 12 pt, 150 dpi, turned by up to `--skew` degrees,
with noise and JPEG artefacts, one image per page and no text layer; with `--turn K` every page is scanned
turned K quarter turns anticlockwise (fed in sideways or upside down), which the reader turns back.

For each configuration it prints
- pages/s: wall-clock pages per second over the whole PDF (render + OCR + layout), this process alone, after
  a warm-up page (its cost, paid once per process, is printed first);
- cpu s/page: processor time per page (all threads), which shared machines distort less than wall time;
- CER: character edit distance over the expected characters, whitespace ignored, per script;
- paras: paragraphs found / paragraphs printed (reflow of OCR lines into paragraphs).
"reader" is `read_pdf` (its engine settings, deskew, furniture removal, reflow); "engine defaults" is
RapidOCR as installed, its lines joined in its order, with no page furniture removed. "tesseract" is the
alternative measured, when its command is installed (Debian: tesseract-ocr-chi-sim, -chi-tra); its cpu
column counts only this process, so for it read pages/s.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "unit" / "formats" / "pdf"))
EVAL = ROOT.parent / "shared" / "eval"

from pdf_scans import SENTENCES, Scan, make_scan  # noqa: E402

from reader.formats.pdf import ocr, ocr_spans, read_pdf  # noqa: E402

CHARS_PER_PAGE = 650
"""About two-thirds of a full page of 12-pt print: room for indents and paragraph ends."""


def cer(expected: str, got: str) -> float:
    """Character error rate, whitespace removed from both sides."""
    want = re.sub(r"\s+", "", expected)
    have = re.sub(r"\s+", "", got)
    prev = list(range(len(have) + 1))
    for i, a in enumerate(want, start=1):
        cur = [i]
        for j, b in enumerate(have, start=1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a != b)))
        prev = cur
    return prev[-1] / max(1, len(want))


def simplified_paragraphs() -> list[str]:
    folder = EVAL / "web_zh" / "cleaned"
    out: list[str] = []
    for path in sorted(folder.glob("*.txt")) if folder.exists() else []:
        text = path.read_text(encoding="utf-8", errors="replace")
        for block in re.split(r"\n\s*\n", text):
            paragraph = re.sub(r"\s+", "", block)
            cjk = sum(1 for ch in paragraph if "\u4e00" <= ch <= "\u9fff")
            if 60 <= len(paragraph) <= 260 and cjk >= 0.8 * len(paragraph):
                out.append(paragraph)
    return out or [s for s in SENTENCES if "這" not in s]


def traditional_paragraphs() -> list[str]:
    path = EVAL / "zh_tw" / "drcd_dev.jsonl"
    if not path.exists():
        return [s for s in SENTENCES if "這" in s or "研究人員" in s]
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        text = str(json.loads(line)["text"])
        for run in re.findall(r"[^。]+。", re.sub(r"\s+", "", text)):
            if 40 <= len(run) <= 200:
                out.append(run)
    return out


def pages_of(pool: list[str], count: int, rng: random.Random) -> list[list[str]]:
    pages = []
    for _ in range(count):
        page: list[str] = []
        while sum(len(p) for p in page) < CHARS_PER_PAGE:
            page.append(rng.choice(pool))
        pages.append(page)
    return pages


def engine_defaults(data: bytes) -> str:
    """RapidOCR as installed, on each page rendered at the reader's resolution: its lines in its order."""
    import pypdfium2 as pdfium
    from rapidocr_onnxruntime import RapidOCR  # type: ignore[import-untyped]

    engine = RapidOCR()
    doc = pdfium.PdfDocument(data)
    lines: list[str] = []
    try:
        for page in doc:
            image = page.render(scale=ocr.DPI / 72).to_numpy()
            result, _ = engine(image[:, :, :3])
            lines.extend(str(text) for _, text, _ in result or [])
            page.close()
    finally:
        doc.close()
    return "\n".join(lines)


def tesseract(language: str) -> Callable[[bytes], str]:
    """The tesseract command (Debian's package, LSTM models `chi_sim` / `chi_tra`) on the same renders."""

    def run(data: bytes) -> str:
        import pypdfium2 as pdfium

        doc = pdfium.PdfDocument(data)
        texts: list[str] = []
        try:
            with tempfile.TemporaryDirectory() as folder:
                for index, page in enumerate(doc):
                    path = Path(folder) / f"{index}.png"
                    page.render(scale=ocr.DPI / 72).to_pil().save(path)
                    page.close()
                    done = subprocess.run(
                        ["tesseract", str(path), "-", "-l", language], capture_output=True, text=True, check=True
                    )
                    texts.append(done.stdout)
        finally:
            doc.close()
        return "\n".join(line for text in texts for line in text.splitlines() if line.strip())

    return run


def reader(data: bytes) -> str:
    return read_pdf(data).text


def measure(name: str, run: Callable[[bytes], str], scans: dict[str, Scan], only: str = "", dump: str = "") -> None:
    """One row per script; with `dump`, each script's text is also written to DUMP-SCRIPT.txt, so two builds'
    texts can be compared character for character (a change meant to be faster only must read the same)."""
    for script, scan in scans.items():
        if only and script != only:
            continue
        wall, cpu = time.perf_counter(), time.process_time()
        text = run(scan.data)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        if dump:
            Path(f"{dump}-{script}.txt").write_text(text, encoding="utf-8")
        pages = len(scan.pages)
        found = len([p for p in text.split("\n") if p.strip()])
        printed = sum(len(page) for page in scan.pages)
        print(
            f"| {name} | {script} | {pages} | {pages / wall:.2f} | {cpu / pages:.1f} | {cer(scan.text, text):.4f} "
            f"| {found}/{printed} |"
        )


def stages(scan: Scan) -> None:
    """Where one page's time goes, each stage run as `ocr.py` runs it and as the alternatives it was chosen
    over: detection on the page scaled to `ocr.DET_SIDE` (one onnxruntime thread) against the full render;
    recognition of the page's lines (at `ocr.REC_HEIGHT`) by the fast recogniser one line per run on one
    onnxruntime thread, on two onnxruntime threads, in batches of 6, and on the reader's threads, and by the
    accurate one (traditional pages) on one thread and on the reader's threads; the angle classifier
    `ocr.py` leaves off. Wall seconds / CPU seconds (all threads of this process)."""
    import math
    from concurrent.futures import ThreadPoolExecutor

    import cv2
    import onnxruntime
    import pypdfium2 as pdfium
    from rapidocr_onnxruntime import RapidOCR

    doc = pdfium.PdfDocument(scan.data)
    try:
        image = doc[0].render(scale=ocr.DPI / 72).to_numpy()[:, :, :3]
    finally:
        doc.close()
    engine = ocr.default_engine()
    if isinstance(engine, str):
        raise SystemExit(engine)
    rapid = RapidOCR(
        use_cls=True,
        det_limit_type="max",
        print_verbose=False,
        rec_model_path=str(ocr.MODELS / ocr.FAST.model),
        rec_keys_path=str(ocr.MODELS / ocr.FAST.keys),
    )

    def session(path: str, threads: int) -> Any:
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = threads
        options.enable_cpu_mem_arena = False
        options.log_severity_level = 4
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        return onnxruntime.InferenceSession(path, sess_options=options, providers=["CPUExecutionProvider"])

    rapid.text_det.infer.session = session(rapid.text_det.infer.session._model_path, 1)
    one, two = session(str(ocr.MODELS / ocr.FAST.model), 1), session(str(ocr.MODELS / ocr.FAST.model), 2)
    accurate = session(str(ocr.MODELS / ocr.ACCURATE.model), 1)
    height, width = image.shape[:2]
    factor = min(1.0, ocr.DET_SIDE / max(height, width))
    small = cv2.resize(image, (round(width * factor), round(height * factor)), interpolation=cv2.INTER_AREA)

    def timed(label: str, run: Callable[[], Any]) -> Any:
        if label.startswith("recognition"):
            run()  # warm: onnxruntime plans each new input shape once, whichever way it is run
        wall, cpu = time.perf_counter(), time.process_time()
        out = run()
        print(f"| {label} | {time.perf_counter() - wall:.2f} | {time.process_time() - cpu:.2f} |")
        return out

    def recognise(lines: list[Any], rec: Any, high: int, threads: int = 1, squeeze: float = 1.0) -> list[Any]:
        def read(line: Any) -> Any:
            wide = max(1, math.ceil(squeeze * high * line.shape[1] / line.shape[0]))
            batch = (cv2.resize(line, (wide, high)).astype(numpy.float32) * (2 / 255) - 1).transpose(2, 0, 1)
            return rec.run(None, {rec.get_inputs()[0].name: batch[numpy.newaxis]})[0]

        if threads == 1:
            return [read(line) for line in lines]
        with ThreadPoolExecutor(threads) as pool:
            return list(pool.map(read, lines))

    print(f"one page, {width}x{height} px")
    print("| stage | wall s | cpu s |")
    print("|---|---|---|")
    timed("whole page, reader's engine (cold)", lambda: engine(image))
    timed("whole page, reader's engine", lambda: engine(image))
    boxes, _ = timed(f"detection at {ocr.DET_SIDE} px (reader)", lambda: rapid.auto_text_det(small))
    timed(f"detection at {max(height, width)} px (full render)", lambda: rapid.auto_text_det(image))
    full = [numpy.asarray(box, dtype=numpy.float32) / factor for box in boxes]
    crops = rapid.get_crop_img_list(image, full)
    n = len(crops)
    high = ocr.REC_HEIGHT
    timed(f"recognition, {n} lines at {high} px, fast, 1 ort thread", lambda: recognise(crops, one, high))
    timed(f"recognition, {n} lines at {high} px, fast, 2 ort threads", lambda: recognise(crops, two, high))
    timed(
        f"recognition, {n} lines at {high} px, fast, 2 threads x 1 ort thread (reader)",
        lambda: recognise(crops, one, high, 2),
    )
    timed(f"recognition, {n} lines at {high} px, accurate, 1 ort thread", lambda: recognise(crops, accurate, high))
    timed(
        f"recognition, {n} lines at {high} px, accurate, 2 threads x 1 ort thread (reader, traditional pages)",
        lambda: recognise(crops, accurate, high, 2),
    )
    squeeze = ocr.ACCURATE.squeeze
    timed(
        f"recognition, {n} lines at {high} px, accurate at {squeeze:g} width, 2 threads x 1 ort thread (reader)",
        lambda: recognise(crops, accurate, high, 2, squeeze),
    )
    rapid.text_rec.session.session, rapid.text_rec.rec_batch_num = one, 6
    timed(f"recognition, {n} lines at {high} px in batches of 6, fast (engine default)", lambda: rapid.text_rec(crops))
    timed("angle classifier (off in reader)", lambda: rapid.text_cls(crops))


def span_lines(scan: Scan, thresholds: list[float]) -> None:
    """The span re-reading (`ocr_spans.reread`) on one traditional scan's lines, as the engine cuts them, for
    each `DOUBTFUL` threshold: lines with nothing doubtful / re-read by spans / read whole, lines whose
    spans failed their check, the accurate recogniser's width as a share of reading every line, and its
    CPU-s a page on one onnxruntime thread, against reading every line."""
    import math

    import cv2
    import onnxruntime
    import pypdfium2 as pdfium
    from rapidocr_onnxruntime import RapidOCR
    from rapidocr_onnxruntime.ch_ppocr_rec.utils import CTCLabelDecode

    engine = ocr.default_engine()
    if not isinstance(engine, ocr.StagedEngine):
        raise SystemExit(f"not the staged engine: {engine}")
    rapid = RapidOCR(use_cls=False, print_verbose=False)
    lines: list[Any] = []
    doc = pdfium.PdfDocument(scan.data)
    try:
        for page in doc:
            image = page.render(scale=ocr.DPI / 72).to_numpy()[:, :, :3].copy()
            lines += rapid.get_crop_img_list(image, list(engine.detect(image)))
    finally:
        doc.close()

    def reader(recogniser: ocr.Recogniser, pad: bool, widths: list[int]) -> Callable[[Any], ocr_spans.Reading]:
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = options.inter_op_num_threads = 1
        options.log_severity_level = 4
        session = onnxruntime.InferenceSession(str(ocr.MODELS / recogniser.model), sess_options=options)
        keys = CTCLabelDecode(character_path=str(ocr.MODELS / recogniser.keys)).character
        name = session.get_inputs()[0].name

        def read(line: Any) -> ocr_spans.Reading:
            wide = max(1, math.ceil(recogniser.squeeze * ocr.REC_HEIGHT * line.shape[1] / line.shape[0]))
            scaled = cv2.resize(line, (wide, ocr.REC_HEIGHT)).astype(numpy.float32) * (2 / 255) - 1
            full = math.ceil(ocr.MIN_REC_RATIO * ocr.REC_HEIGHT)
            if pad and wide < full:
                scaled = cv2.copyMakeBorder(scaled, 0, 0, 0, full - wide, cv2.BORDER_CONSTANT)
            widths.append(scaled.shape[1])
            probs = session.run(None, {name: scaled.transpose(2, 0, 1)[numpy.newaxis]})[0][0]
            return ocr_spans.decode(probs, keys, scaled.shape[1] * line.shape[1] / wide)

        return read

    def each(read: Callable[[Any], ocr_spans.Reading], images: Any) -> list[ocr_spans.Reading]:
        return [read(image) for image in images]

    fast = each(reader(ocr.FAST, True, []), lines)
    strip_model = dataclasses.replace(ocr.ACCURATE, squeeze=ocr.STRIP_SQUEEZE)
    every: list[int] = []
    whole = reader(ocr.ACCURATE, True, every)
    cpu = time.process_time()
    each(whole, lines)
    every_cpu = time.process_time() - cpu
    pages = len(scan.pages)
    print(f"{len(lines)} lines on {pages} traditional pages")
    print("| doubtful | nothing / spans / whole | failed check | accurate width | accurate CPU-s/page (every line) |")
    print("|---|---|---|---|---|")
    for threshold in thresholds:
        ocr_spans.DOUBTFUL = threshold
        plans = [
            ocr_spans.plan(line, reading, ocr_spans.ambiguous_simplified())
            for line, reading in zip(lines, fast, strict=True)
        ]
        read_whole = sum(1 for p, r in zip(plans, fast, strict=True) if p and p.runs == ((0, len(r.glyphs)),))
        spans = sum(1 for p in plans if p) - read_whole
        again: list[int] = []
        strips: list[int] = []
        cpu = time.process_time()
        ocr_spans.reread(lines, fast, reader(ocr.ACCURATE, True, again), reader(strip_model, False, strips), each)
        cpu = time.process_time() - cpu
        print(
            f"| {threshold:g} | {len(lines) - spans - read_whole} / {spans} / {read_whole} | {len(again)} "
            f"| {(sum(again) + sum(strips)) / sum(every):.2f} | {cpu / pages:.2f} ({every_cpu / pages:.2f}) |"
        )


def timeline(scans: dict[str, Scan]) -> None:
    """Where a scan's wall time goes, after the same warm-up as the table: every stage of `extract` (page
    drawn, lines found, lines recognised, each pass over the engine's threads inside it) with its start and
    end in seconds, its thread, and the CPU that thread spent (a pass's CPU is on the engine's threads and
    shows in the totals); then the onnxruntime CPU of each model. A pass that waits on one thread for its
    slowest line, or a detection with nothing beside it, shows as a gap in the other stages."""
    import collections
    import importlib
    import threading

    import onnxruntime

    extract_module = importlib.import_module("reader.formats.pdf.extract")
    from reader.formats.pdf import analyse

    events: list[tuple[str, str, float, float, float]] = []
    origin = [0.0]
    model_cpu: collections.Counter[str] = collections.Counter()
    run = onnxruntime.InferenceSession.run

    def counted(self: Any, *args: Any, **kwargs: Any) -> Any:
        cpu = time.thread_time()
        try:
            return run(self, *args, **kwargs)
        finally:
            model_cpu[Path(str(getattr(self, "_model_path", "?"))).name] += time.thread_time() - cpu

    def timed(name: str, step: Callable[..., Any]) -> Callable[..., Any]:
        def wrapped(*args: Any, **kwargs: Any) -> Any:
            wall, cpu = time.perf_counter(), time.thread_time()
            try:
                return step(*args, **kwargs)
            finally:
                end = time.perf_counter()
                thread = threading.current_thread().name
                events.append((thread, name, wall - origin[0], end - origin[0], time.thread_time() - cpu))

        return wrapped

    onnxruntime.InferenceSession.run = counted  # type: ignore[method-assign]
    engine = ocr.default_engine()
    if not isinstance(engine, ocr.StagedEngine):
        raise SystemExit(f"not the staged engine: {engine}")
    by_spans = ocr.recognise_spans

    def spans(lines: Any, fast: Any, accurate: Any, strips: Any, each: Any, prior: Any = None) -> Any:
        def each_timed(read: Any, items: Any) -> Any:
            kind = "fast" if read is fast else "spans" if items and hasattr(items[0], "index") else "other"
            return timed(f"  pass: {kind}, {len(items)} items", each)(read, items)

        return by_spans(lines, fast, accurate, strips, each_timed, prior)

    ocr.recognise_spans = spans
    staged = ocr.StagedEngine(timed("detect", engine.detect), timed("recognise", engine.recognise))
    ocr.default_engine = lambda: staged  # type: ignore[assignment]
    ocr.render_page = timed("draw", ocr.render_page)
    for script in ("simplified", "traditional"):  # as the table runs them: the traditional scan after the other
        events.clear()
        model_cpu.clear()
        origin[0], cpu = time.perf_counter(), time.process_time()
        text = analyse(timed("extract", extract_module.extract)(scans[script].data)).text
        wall, cpu = time.perf_counter() - origin[0], time.process_time() - cpu
        pages = len(scans[script].pages)
        print(
            f"{script}: {pages} pages, {wall:.2f} s, {cpu:.2f} CPU-s ({pages / wall:.2f} pages/s, "
            f"{cpu / pages:.2f} CPU-s/page), CER {cer(scans[script].text, text):.4f}"
        )
        print("| thread | stage | start s | end s | wall s | thread CPU-s |")
        print("|---|---|---|---|---|---|")
        for thread, name, start, end, used in sorted(events, key=lambda event: event[2]):
            print(f"| {thread} | {name} | {start:.2f} | {end:.2f} | {end - start:.2f} | {used:.2f} |")
        print("onnxruntime CPU-s by model: " + ", ".join(f"{name} {used:.2f}" for name, used in model_cpu.items()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=3, help="pages per script")
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--skew", type=float, default=1.0)
    parser.add_argument("--no-defaults", action="store_true", help="skip the engine-defaults baseline")
    parser.add_argument("--no-tesseract", action="store_true", help="skip tesseract even when installed")
    parser.add_argument("--stages", action="store_true", help="time the engine's stages on one page, then stop")
    parser.add_argument(
        "--squeeze", type=float, help=f"width scale of the accurate recogniser's lines (built: {ocr.ACCURATE.squeeze})"
    )
    parser.add_argument(
        "--strip-squeeze",
        type=float,
        help=f"width scale of the strips of doubtful spans (built: {ocr.STRIP_SQUEEZE})",
    )
    parser.add_argument(
        "--no-prior", action="store_true", help="judge every page on a fast sample (no carrying of the script)"
    )
    parser.add_argument(
        "--no-spans", action="store_true", help="traditional pages read whole by the accurate recogniser (before spans)"
    )
    parser.add_argument("--doubtful", type=float, help=f"span re-reading threshold (built: {ocr_spans.DOUBTFUL})")
    parser.add_argument(
        "--span-lines",
        type=float,
        nargs="+",
        help="span re-reading of the traditional scan's lines at these thresholds",
    )
    parser.add_argument("--det-threads", type=int, help=f"detector's onnxruntime threads (built: {ocr.DET_THREADS})")
    parser.add_argument(
        "--timeline", action="store_true", help="after the warm-up, each stage's start, end and CPU for both scans"
    )
    parser.add_argument(
        "--turn", type=int, default=0, help="every page scanned turned this many quarter turns anticlockwise"
    )
    parser.add_argument("--dump", default="", help="write the reader's text of each script to DUMP-SCRIPT.txt")
    args = parser.parse_args()
    if args.no_spans:
        ocr.REREAD_SPANS = False
    if args.doubtful is not None:
        ocr_spans.DOUBTFUL = args.doubtful
    if args.det_threads is not None:
        ocr.DET_THREADS = args.det_threads
    if args.squeeze is not None:
        ocr.ACCURATE = dataclasses.replace(ocr.ACCURATE, squeeze=args.squeeze)
    if args.strip_squeeze is not None:
        ocr.STRIP_SQUEEZE = args.strip_squeeze
    if args.no_prior:
        each_page, by_spans = ocr.recognise_lines, ocr.recognise_spans
        ocr.recognise_lines = lambda lines, fast, accurate, each, prior=None: each_page(lines, fast, accurate, each)
        ocr.recognise_spans = lambda lines, fast, accurate, strips, each, prior=None: by_spans(
            lines, fast, accurate, strips, each
        )
    rng = random.Random(args.seed)
    turns = (args.turn,) * args.pages
    scans = {
        "simplified": make_scan(
            pages_of(simplified_paragraphs(), args.pages, rng), seed=args.seed, skew=args.skew, turns=turns
        ),
        "traditional": make_scan(
            pages_of(traditional_paragraphs(), args.pages, rng), seed=args.seed + 1, skew=args.skew, turns=turns
        ),
    }
    if args.stages:
        stages(scans["simplified"])
        return
    if args.span_lines:
        span_lines(scans["traditional"], args.span_lines)
        return
    engine = ocr.default_engine()
    if isinstance(engine, str):
        raise SystemExit(engine)
    # onnxruntime's first runs of a session cost ~1.5 CPU-s more (once per process, on the first scanned page
    # of a session); timed apart, so the table shows what each further page costs. Two warm-up pages: a
    # traditional one (the accurate recogniser's session too) and a simplified one, last, so each script's
    # scan starts as a document does after a simplified one (`ocr.ScriptPrior`).
    import pypdfium2 as pdfium

    for label, text in (("traditional", "預熱。"), ("simplified", "预热。")):
        doc = pdfium.PdfDocument(make_scan([[text * 60]], seed=args.seed).data)
        try:
            warm_page = doc[0].render(scale=ocr.DPI / 72).to_numpy()[:, :, :3].copy()
        finally:
            doc.close()
        wall, cpu = time.perf_counter(), time.process_time()
        engine(warm_page)
        print(
            f"first {label} page of a session (warm-up): {time.perf_counter() - wall:.1f} s, "
            f"{time.process_time() - cpu:.1f} CPU-s"
        )
    if args.timeline:
        timeline(scans)
        return
    carried = "each page judged on a sample" if args.no_prior else "script carried from page to page"
    carried += ", traditional pages whole" if not ocr.REREAD_SPANS else ", traditional pages by doubtful spans"
    turned = f", pages turned {90 * args.turn}°" if args.turn else ""
    print(f"{ocr.engine_version()}, {ocr.DPI} dpi, skew up to {args.skew}°, seed {args.seed}, {carried}{turned}")
    print("| pipeline | script | pages | pages/s | cpu s/page | CER | paras |")
    print("|---|---|---|---|---|---|---|")
    measure("reader", reader, scans, dump=args.dump)
    if not args.no_defaults:
        measure("engine defaults", engine_defaults, scans)
    if shutil.which("tesseract") and not args.no_tesseract:
        measure("tesseract chi_sim", tesseract("chi_sim"), scans, "simplified")
        measure("tesseract chi_tra", tesseract("chi_tra"), scans, "traditional")


if __name__ == "__main__":
    main()
