"""Scanned pages: a page with no usable text layer is rendered and read by an offline OCR engine.

The engine is RapidOCR (`rapidocr-onnxruntime`, run by onnxruntime) with the PP-OCRv4 detector inside its
wheel and the PP-OCRv6 recognisers shipped in `reader/data/ocr` (chosen by measurement in
docs/decisions/pdf.md and docs/decisions/ocr-models.md): a page is read by the fast one, or, when its
first lines read as traditional script, by the accurate one (`recognise_lines`). Its lines come back as
`Fragment`s in page coordinates, so running heads, page numbers, columns and reflow are found by the same
code as for a text layer, and the page map stays right. Each OCR'd fragment keeps the engine's confidence.

Nothing here is fatal to a document: a page that cannot be rendered, an engine that fails on an image, or
an engine that is not installed each give the page a one-line note and the rest of the PDF is read.
The engine is loaded once per process, on the first page that needs it, never at import.
"""

from __future__ import annotations

import contextlib
import functools
import math
import os
import re
import statistics
import threading
import unicodedata
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from importlib import resources
from typing import Any, Protocol

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from reader.formats.pdf.model import Fragment, PdfError

DPI = 150
"""Resolution pages are rendered at for OCR: what office scanners produce, and enough for 9-pt print
(a 9-pt character is 19 px high, the recogniser reads lines scaled to 48 px)."""
MAX_PIXELS = 16_000_000
"""A page larger than this at `DPI` (a poster, a drawing) is rendered smaller, so memory stays bounded."""
MIN_USABLE_CHARS = 20
"""A page whose text layer has fewer letters and digits than this is treated as having none: a scan with a
stamped page number or a producer's watermark still needs OCR."""
MIN_USABLE_SHARE = 0.5
"""A text layer in which fewer than this share of the characters are letters or digits is garbage (a font
without a Unicode map gives private-use or control characters), and the page is read by OCR instead."""
MIN_IMAGE_SHARE = 0.2
"""A page is only worth OCR when images cover this share of it; an empty page or a page of rules is not."""
MIN_SCORE = 0.5
"""Lines the recogniser is less sure of than this are dropped as noise (specks, stamps, bleed-through)."""
LINE_EM = 1.1
"""Height of a detected line box in ems of its print: used to give OCR'd text a font size, so indentation
and gaps are measured in ems as for a text layer."""
SIZE_STEP = 0.5
"""OCR'd sizes are rounded to this many points, so the lines of one body size count as one size."""

SAME_PRINT = 0.2
"""Line boxes within this share of the page's typical height are taken to be the same print size."""

SAME_PITCH = 0.12
"""Lines whose width per character is within this share of the page's typical one are the same print."""

PITCH_SIZE_UNITS = 6
"""A line this many ems long or more is long enough for its width per character to tell its print size (a
box's padding is then a small share of its width)."""

TRADITIONAL_MAJORITY = 3
"""A page is taken to be printed in traditional script when its traditional-only characters outnumber its
simplified-only ones this many times (see `traditional_forms`)."""
MIN_TRADITIONAL = 10
"""…and there are at least this many of them: a line or two of traditional script decides nothing."""
REREAD_MAJORITY = 1
"""A page is read again by the accurate recogniser when, as the fast one read it, its traditional-only
characters are at least this many times its simplified-only ones (and `MIN_TRADITIONAL`): the fast one's
list lacks many traditional forms, so it reads a traditional page with a fifth to a quarter of its
script-specific characters simplified (134 to 46 on one page, short of `TRADITIONAL_MAJORITY`), while a
simplified page reads with none traditional (0 to 195-238 on the benchmark's pages)."""
SAMPLE_LINES = 8
"""Lines of a page the script is judged on (about 250 characters on a dense page, some 40-60 of them
script-specific): enough to tell the scripts apart, a third of a page's fast reading saved on a traditional
page."""

PACKAGE = "rapidocr-onnxruntime"
INSTALL_HINT = f"scanned page not read: install {PACKAGE} to read scanned PDFs"


class OcrCancelled(PdfError):
    """The import was cancelled between two scanned pages; nothing of the document is kept. A format error,
    so a caller that does not know it still skips the file with a one-line reason instead of failing."""


Quad = Sequence[Sequence[float]]
"""Four corner points (x, y) in image pixels, clockwise from the top left, as the detector gives them."""


class Engine(Protocol):
    """Reads an image (height × width × 3, BGR, uint8) into lines: corners, text, confidence in 0..1."""

    def __call__(self, image: Any) -> Sequence[tuple[Quad, str, float]]: ...


@dataclass(frozen=True)
class PageOcr:
    """What OCR made of one page: its fragments, or a one-line note saying why it has none."""

    fragments: tuple[Fragment, ...]
    note: str = ""


def usable(fragments: Sequence[Fragment]) -> bool:
    """Whether a page's text layer is real text: enough letters and digits, and mostly letters and digits."""
    chars = [ch for fragment in fragments for ch in fragment.text if not ch.isspace()]
    good = sum(1 for ch in chars if unicodedata.category(ch)[0] in "LN")
    return good >= MIN_USABLE_CHARS and good >= MIN_USABLE_SHARE * len(chars)


def has_image(page: pdfium.PdfPage) -> bool:
    """Whether images cover enough of the page for it to be a scan (or a photographed page)."""
    width, height = page.get_size()
    area = max(width * height, 1.0)
    covered = 0.0
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=3):
        left, bottom, right, top = obj.get_bounds()
        covered += max(0.0, min(right, width) - max(left, 0.0)) * max(0.0, min(top, height) - max(bottom, 0.0))
        if covered >= MIN_IMAGE_SHARE * area:
            return True
    return False


DET_SIDE = 960
"""Longest side, in pixels, of the image the text detector sees (a 150-dpi A4 page is 1755 px: detection
runs at about 82 dpi, where 12-pt print is 14 px high). Lines are still cut from the full render for the
recogniser, so this costs detection time, not accuracy: measured in docs/decisions/pdf.md."""

REC_HEIGHT = 48
"""Height, in pixels, each line is scaled to for the recogniser (its width follows the line's shape): the
PP-OCRv6 graphs take 48-px lines only (docs/decisions/ocr-models.md)."""

MODELS = resources.files("reader") / "data" / "ocr"
"""Where the recognisers ship (with their licence and a notice of their origin); nothing is downloaded."""


@dataclass(frozen=True)
class Recogniser:
    """A PP-OCRv6 recogniser: its ONNX file, its character list (the graph keeps none inside), and the
    horizontal scale `squeeze` its lines are given on top of the scaling to `REC_HEIGHT` (the recogniser's
    time goes with a line's width)."""

    name: str
    model: str
    keys: str
    squeeze: float = 1.0


FAST = Recogniser("PP-OCRv6 tiny rec", "ppocrv6_tiny_rec.onnx", "ppocrv6_tiny_dict.txt")
"""Reads simplified pages, and the first lines of every page: 2.4 times cheaper than the PP-OCRv4
recogniser it replaced and better on simplified text, but its 6,904 characters lack many traditional forms
(恆 認 稱), so it cannot carry traditional pages."""
ACCURATE = Recogniser("PP-OCRv6 small rec", "ppocrv6_small_rec.onnx", "ppocrv6_small_dict.txt", squeeze=0.75)
"""Reads a page whose first lines `FAST` read as traditional script (18,708 characters, simplified and
traditional): 0.2-0.4 % character errors on traditional scans against 3-5 % for `FAST`, at 3.5 times its
processor time at full width, so it is spent on those pages only. Its lines are squeezed to three quarters
of their width: a square ideograph at 48 px is some 6 of the graph's time steps wide, more than CTC needs,
and the squeezed line costs a quarter less with no measured loss (docs/decisions/ocr-models.md)."""

MIN_REC_RATIO = 320 / 48
"""A line narrower than this many times its height is padded to it, as the engine pads it (its training
shape, 48 × 320)."""

DET_THREADS = 1
"""onnxruntime threads of the text detector (one page at a time; the previous page's lines are recognised
on the other threads meanwhile, see `StagedEngine`)."""

MAX_THREADS = 4
"""Lines are recognised on this many threads at most (one per core): each runs the recogniser on one line
with one onnxruntime thread, which measured cheaper than one line at a time on several onnxruntime threads
(the per-operator hand-offs between threads cost more than they gain on inputs this small)."""


@functools.cache
def default_engine() -> Engine | str:
    """RapidOCR, loaded once per process; or the one-line reason it cannot be used (not installed, broken).

    OpenCV (which RapidOCR uses) sets Qt's plugin and font paths in the environment when it is imported;
    they point into OpenCV's own copy of Qt, so they are put back as they were for the window's Qt.
    """
    saved = {key: os.environ.get(key) for key in ("QT_QPA_PLATFORM_PLUGIN_PATH", "QT_QPA_FONTDIR")}
    try:
        import cv2
        import numpy
        import onnxruntime
        from rapidocr_onnxruntime import RapidOCR  # type: ignore[import-untyped]
        from rapidocr_onnxruntime.ch_ppocr_rec.utils import CTCLabelDecode  # type: ignore[import-untyped]
    except ImportError:
        return INSTALL_HINT
    except Exception as exc:  # a broken install (missing shared library) must not stop an import
        return f"scanned page not read: {PACKAGE} cannot be loaded ({type(exc).__name__})"
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    threads = max(1, min(os.cpu_count() or 1, MAX_THREADS))
    try:
        with contextlib.ExitStack() as files:
            fast_model, fast_keys, accurate_model, accurate_keys = (
                files.enter_context(resources.as_file(MODELS / name))
                for name in (FAST.model, FAST.keys, ACCURATE.model, ACCURATE.keys)
            )
            # No angle classifier: the pages are upright and their skew is turned out from the line boxes
            # (`to_fragments`); it would cost a pass per line.
            rapid = RapidOCR(
                use_cls=False,
                rec_batch_num=1,
                det_limit_type="max",
                print_verbose=False,
                rec_model_path=str(fast_model),
                rec_keys_path=str(fast_keys),
            )
            options = onnxruntime.SessionOptions()
            # One onnxruntime thread per run; the parallelism is ours (lines on `threads` threads), see MAX_THREADS.
            options.intra_op_num_threads = 1
            options.inter_op_num_threads = 1
            options.enable_cpu_mem_arena = False  # as the engine sets it: memory goes back after each page
            options.log_severity_level = 4
            options.add_session_config_entry("session.intra_op.allow_spinning", "0")
            providers = ["CPUExecutionProvider"]
            det_options = onnxruntime.SessionOptions()
            det_options.intra_op_num_threads = max(1, min(threads, DET_THREADS))
            det_options.inter_op_num_threads = 1
            det_options.enable_cpu_mem_arena = False
            det_options.log_severity_level = 4
            det_options.add_session_config_entry("session.intra_op.allow_spinning", "0")
            rapid.text_det.infer.session = onnxruntime.InferenceSession(
                rapid.text_det.infer.session._model_path, sess_options=det_options, providers=providers
            )
            fast = onnxruntime.InferenceSession(
                rapid.text_rec.session.session._model_path, sess_options=options, providers=providers
            )
            rapid.text_rec.session.session = fast  # the engine's own path (small images) shares it
            accurate = onnxruntime.InferenceSession(str(accurate_model), sess_options=options, providers=providers)
            fast_decode = rapid.text_rec.postprocess_op
            accurate_decode = CTCLabelDecode(character_path=str(accurate_keys))
    except Exception as exc:  # models missing or unreadable
        return f"scanned page not read: {PACKAGE} models cannot be loaded ({type(exc).__name__})"
    # The OCR threads keep the window's priority: run lower, a thread holding the GIL was put off the core by
    # other programs while the window waited for the GIL (measured: longer stalls and slower OCR).
    pool = ThreadPoolExecutor(max_workers=threads, thread_name_prefix="ocr")

    def reader(session: Any, decode: Any, squeeze: float) -> LineReader:
        rec_input = session.get_inputs()[0].name

        def recognise(line: Any) -> tuple[str, float]:
            """One line image (BGR) read by the recogniser: scaled to REC_HEIGHT (and its width by `squeeze`),
            to -1..1, channels first."""
            height, width = line.shape[:2]
            wide = max(1, math.ceil(squeeze * REC_HEIGHT * width / max(height, 1)))
            scaled = cv2.resize(line, (wide, REC_HEIGHT)).astype(numpy.float32) * (2.0 / 255.0) - 1.0
            if wide < MIN_REC_RATIO * REC_HEIGHT:  # a short line is padded as the engine pads it (mid grey)
                scaled = cv2.copyMakeBorder(
                    scaled, 0, 0, 0, math.ceil(MIN_REC_RATIO * REC_HEIGHT) - wide, cv2.BORDER_CONSTANT
                )
            batch = scaled.transpose(2, 0, 1)[numpy.newaxis]
            (text, score), *_ = decode(session.run(None, {rec_input: batch})[0])
            return str(text), float(score)

        return recognise

    read_fast = reader(fast, fast_decode, FAST.squeeze)
    read_accurate = reader(accurate, accurate_decode, ACCURATE.squeeze)
    prior = ScriptPrior()

    def on_threads(recognise: LineReader, lines: Sequence[Any]) -> list[tuple[str, float]]:
        """The lines read on the pool's threads, longest first so the threads finish together; in their order."""
        order = sorted(range(len(lines)), key=lambda i: -lines[i].shape[1] / max(lines[i].shape[0], 1))
        read = dict(zip(order, pool.map(recognise, [lines[i] for i in order]), strict=True))
        return [read[i] for i in range(len(lines))]

    detecting = threading.Lock()  # the detector's pre- and post-processing keep state: one page at a time

    def detect(image: Any) -> list[Any]:
        height, width = image.shape[:2]
        factor = DET_SIDE / max(height, width)
        with detecting:
            if factor >= 1.0 or max(height, width) > 8 * min(height, width):
                # small or extreme images: the engine's own detection (it pads them), boxes in the image's pixels
                found, _ = rapid(image, use_rec=False)
                return [numpy.asarray(box, dtype=numpy.float32) for box in ([] if found is None else found)]
            small = cv2.resize(image, (round(width * factor), round(height * factor)), interpolation=cv2.INTER_AREA)
            found, _ = rapid.auto_text_det(small)
            return [numpy.asarray(box, dtype=numpy.float32) / factor for box in ([] if found is None else found)]

    def recognise(image: Any, boxes: Sequence[Any]) -> list[tuple[Quad, str, float]]:
        if not boxes:
            return []
        lines = rapid.get_crop_img_list(image, list(boxes))
        texts = recognise_lines(lines, read_fast, read_accurate, on_threads, prior)
        return [(box.tolist(), text, score) for box, (text, score) in zip(boxes, texts, strict=True)]

    return StagedEngine(detect, recognise)


LineReader = Callable[[Any], tuple[str, float]]
"""A recogniser: one line image to its text and confidence."""


@dataclass(frozen=True)
class StagedEngine:
    """An engine in its two stages, so that a caller reading several pages can find the lines of the next
    page while this page's lines are recognised (`extract._read_scans`): detection runs on one core only,
    and recognition of a page cannot start before its lines are found.

    `detect(image)` gives the line boxes (the detector takes one page at a time, whichever thread asks);
    `recognise(image, boxes)` reads them on the engine's threads. Pages must be recognised one after
    another in their order, since the script carried from page to page (`ScriptPrior`) is decided there;
    detection may run ahead by a page. Called as a whole it is an `Engine`, with the same result."""

    detect: Callable[[Any], Sequence[Any]]
    recognise: Callable[[Any, Sequence[Any]], Sequence[tuple[Quad, str, float]]]

    def __call__(self, image: Any) -> Sequence[tuple[Quad, str, float]]:
        return self.recognise(image, self.detect(image))


@dataclass
class ScriptPrior:
    """The script of the last page that showed one: a page after a traditional page is read by the accurate
    recogniser straight away, without the fast reading of its first lines (`recognise_lines`).

    The engine keeps one for all the pages it reads (in practice a document's pages, one after another).
    A wrong guess never costs accuracy: the accurate recogniser reads simplified text as well as the fast
    one (better), and its reading of the page decides the next page, so a simplified page in a traditional
    document, or the first page of a simplified document after a traditional one, costs one page's speed."""

    traditional: bool = False


def recognise_lines(
    lines: Sequence[Any],
    fast: LineReader,
    accurate: LineReader,
    each: Callable[[LineReader, Sequence[Any]], list[tuple[str, float]]],
    prior: ScriptPrior | None = None,
) -> list[tuple[str, float]]:
    """A page's lines read by the `fast` recogniser, or, when the page reads as traditional script, by the
    `accurate` one: the fast one lacks many traditional forms, and a page is printed in one script, so the
    accurate one's reading of every line is the one wanted. The script is judged (`traditional` at
    `REREAD_MAJORITY`) on the fast reading of the first `SAMPLE_LINES` lines, so a traditional page does not
    pay the fast reading of all its lines; when `prior` says the last page was traditional, the accurate one
    reads every line at once and its reading is judged instead, for the next page. A page with too few
    script-specific characters to judge (a title, a table of figures) leaves `prior` as it was.
    `each(reader, lines)` reads lines (on the engine's threads), in their order."""
    if prior is not None and prior.traditional:
        read = each(accurate, lines)
        prior.traditional = _judged("".join(text for text, _ in read), prior.traditional)
        return read
    sample = each(fast, lines[:SAMPLE_LINES])
    sample_text = "".join(text for text, _ in sample)
    if sample and traditional(sample_text, REREAD_MAJORITY):
        if prior is not None:
            prior.traditional = True
        return each(accurate, lines)
    return sample + each(fast, lines[SAMPLE_LINES:]) if len(lines) > SAMPLE_LINES else sample


def _judged(text: str, before: bool) -> bool:
    """Whether a page's reading is traditional (at `REREAD_MAJORITY`), or `before` when it has fewer than
    `MIN_TRADITIONAL` script-specific characters to tell."""
    from reader.core.script.detect import detect_script

    info = detect_script(text)
    if info.traditional + info.simplified < MIN_TRADITIONAL:
        return before
    return traditional(text, REREAD_MAJORITY)


def engine_version() -> str:
    """The OCR package, its version and the recognisers, for the evidence stored with an OCR'd document (so
    a document read by an earlier model can be told apart)."""
    models = f"{FAST.name}, {ACCURATE.name} at {ACCURATE.squeeze:g} width on traditional pages"
    try:
        from importlib.metadata import version

        return f"{PACKAGE} {version(PACKAGE)}, {models}"
    except Exception:
        return f"{PACKAGE}, {models}"


def read_page(page: pdfium.PdfPage, number: int, engine: Engine | str) -> PageOcr:
    """OCR of one page (1-based `number`, for the notes); never raises for a bad page or image."""
    if isinstance(engine, str):
        return PageOcr((), engine)
    drawn = render_page(page, number)
    return drawn if isinstance(drawn, PageOcr) else read_image(drawn, number, engine)


@dataclass(frozen=True)
class PageImage:
    """A page drawn for OCR: its pixels (height × width × 3, BGR, its own copy) and pixels per point."""

    pixels: Any
    scale: float


def render_page(page: pdfium.PdfPage, number: int) -> PageImage | PageOcr:
    """The page drawn for OCR, or the note saying why it cannot be. The only part of OCR that calls PDFium:
    a caller holding PDFium's lock needs it for this only, not for `read_image`, which takes seconds."""
    width, height = page.get_size()
    scale = min(DPI / 72.0, math.sqrt(MAX_PIXELS / max(width * height, 1.0)))
    try:
        bitmap = page.render(scale=scale)
        image = bitmap.to_numpy()
    except (pdfium.PdfiumError, ValueError, MemoryError) as exc:
        return PageOcr((), f"page {number} cannot be rendered ({type(exc).__name__})")
    if image.ndim != 3 or image.shape[2] < 3 or min(image.shape[:2]) < 8:
        return PageOcr((), f"page {number} is too small to read")
    return PageImage(image[:, :, :3].copy(), scale)  # a copy: the bitmap's buffer goes with the bitmap


def read_image(drawn: PageImage, number: int, engine: Engine) -> PageOcr:
    """OCR of a drawn page; no PDFium call, so it may run without PDFium's lock. Never raises."""
    image = drawn.pixels
    try:
        found = engine(image)
    except Exception as exc:  # the engine's own failures (an image it cannot handle) skip the page only
        return PageOcr((), f"page {number}: OCR failed ({type(exc).__name__})")
    fragments = to_fragments(traditional_forms(found), drawn.scale, (image.shape[1] / 2, image.shape[0] / 2))
    if not fragments:
        return PageOcr((), f"page {number}: no text found by OCR")
    return PageOcr(tuple(fragments))


def traditional_forms(found: Sequence[tuple[Quad, str, float]]) -> list[tuple[Quad, str, float]]:
    """A page printed in traditional script with the simplified characters the recogniser put in it turned
    back into traditional ones (its dictionary lacks many traditional forms and reads 東 as 东, 參 as 参).

    Only a page that is plainly traditional is touched (traditional-only characters outnumber
    simplified-only ones `TRADITIONAL_MAJORITY` to one), and only its simplified-only characters change, each
    to its Taiwan standard form, so a simplified page, or a traditional character read right, is never
    altered; every line keeps its length, so boxes and offsets hold."""
    from reader.core.script.detect import detect_script, script_specific_chars
    from reader.core.script.opencc import convert

    text = "".join(text for _, text, _ in found)
    if not detect_script(text).simplified or not traditional(text):
        return list(found)
    simplified = script_specific_chars()[0]
    out = []
    for box, text, score in found:
        if any(ch in simplified for ch in text):
            turned = convert(text, "s2tw")
            if len(turned) == len(text):
                text = "".join(t if ch in simplified else ch for ch, t in zip(text, turned, strict=True))
        out.append((box, text, score))
    return out


def traditional(text: str, majority: float = TRADITIONAL_MAJORITY) -> bool:
    """Whether a page's text is plainly printed in traditional script: its traditional-only characters
    outnumber its simplified-only ones `majority` to one, and there are `MIN_TRADITIONAL` of them."""
    from reader.core.script.detect import detect_script

    info = detect_script(text)
    return info.traditional >= max(MIN_TRADITIONAL, majority * info.simplified)


def to_fragments(
    found: Sequence[tuple[Quad, str, float]], scale: float, center: tuple[float, float] = (0.0, 0.0)
) -> list[Fragment]:
    """Detected lines as fragments in points, straightened: the page's skew (the median slope of the long
        lines) is rotated out, so a line's box is as high as its print and lines of one column share a left
        edge; sizes are rounded so one body size counts as one. `scale` is pixels per point; the page is turned
    about `center` (pixels), its middle, so lines near the edges stay near them."""
    lines = [(box, _clean(text), score) for box, text, score in found if text.strip() and score >= MIN_SCORE]
    if not lines:
        return []
    angle = _skew([box for box, _, _ in lines])
    cos, sin = math.cos(-angle), math.sin(-angle)
    cx, cy = center
    boxes: list[tuple[float, float, float, float]] = []
    for box, _, _ in lines:
        points = [
            (cx + (x - cx) * cos - (y - cy) * sin, cy + (x - cx) * sin + (y - cy) * cos)
            for x, y in ((float(p[0]), float(p[1])) for p in box)
        ]
        xs = [x for x, _ in points]
        ys = [y for _, y in points]
        boxes.append((min(xs) / scale, max(xs) / scale, min(ys) / scale, max(ys) / scale))
    # Detected boxes of one print vary (descenders; 「」 and ； reach higher and lower than ideographs), and a
    # size change ends a paragraph: a line is the page's typical print when its character pitch is near the
    # typical one, or its height is and its pitch does not show it clearly smaller.
    typical = statistics.median(bottom - top for _, _, top, bottom in boxes)
    pitches = {i: (x1 - x0) / units for i, (x0, x1, _, _) in enumerate(boxes) if (units := _units(lines[i][1])) >= 4}
    pitch = statistics.median(pitches.values()) if pitches else 0.0
    # Justified lines are spaced out to the measure, never squeezed, so the body's natural pitch is nearer
    # the narrow end of the page's pitches: a line is in smaller print only when it is clearly narrower
    # than most lines (the lower quartile), not merely narrower than a spaced-out line.
    narrow = statistics.quantiles(pitches.values(), n=4)[0] if len(pitches) >= 2 else pitch
    out: list[Fragment] = []
    for i, ((x0, x1, top, bottom), (_, text, score)) in enumerate(zip(boxes, lines, strict=True)):
        high = bottom - top
        same_pitch = i in pitches and abs(pitches[i] - pitch) <= SAME_PITCH * pitch
        if same_pitch:
            high = typical
        elif abs(high - typical) <= SAME_PRINT * typical:
            # A box's height follows the characters' ascenders and punctuation, so a footnote in smaller
            # print can have the body's height; a long line's width per character (Chinese is set on a
            # square em) tells the smaller print apart where the height cannot.
            high = typical * _smaller_print(text, x1 - x0, narrow)
        size = max(SIZE_STEP, round(high / LINE_EM / SIZE_STEP) * SIZE_STEP)
        out.append(Fragment(text, x0, x1, top, bottom, size, conf=round(score, 3)))
    return out


def _smaller_print(text: str, width: float, pitch: float) -> float:
    """A line's print size against the body's when its width per character shows it clearly smaller (a
    footnote, a source line), else 1. The recogniser reads full-width digits and punctuation as half-width
    ones and Latin letters are proportional, so a line's ems are known only to be at most its count with
    narrow characters as half an em: its print is smaller only when even the pitch from that count is
    clearly smaller than `pitch`. Larger print is left to the box height: a line spaced out to the measure
    has a wide pitch in the body's print."""
    units = _units(text)
    if pitch <= 0 or units < PITCH_SIZE_UNITS:
        return 1.0
    most = width / units / pitch
    return most if most < 1 - SAME_PITCH else 1.0


def _units(text: str) -> float:
    """A line's width in ems as set: a wide (CJK, full-width) character is one, any other half."""
    return sum(1.0 if unicodedata.east_asian_width(ch) in "WF" else 0.5 for ch in text)


_DASHED_NUMBER = re.compile(r"^[一—–\-－]{1,3}\s*(\d{1,4})\s*[一—–\-－]{1,3}$")
_DIGIT_GAP = re.compile(r"(?<=\d) (?=\d)")
_NUMERAL_ZERO = re.compile(r"(?<=[一二三四五六七八九十〇])[OoΟ○０0](?=[一二三四五六七八九十〇年])")


def _clean(text: str) -> str:
    """What the recogniser gets wrong in a regular way: the dashes around a page number read as 一 (the
    same stroke), a space put between the digits of one number (2 008, 1 7日), and the zero of a number
    in Chinese numerals read as a letter O or a circle (二O二四年)."""
    text = _NUMERAL_ZERO.sub("〇", _DIGIT_GAP.sub("", text.strip()))
    dashed = _DASHED_NUMBER.match(text)
    return f"— {dashed.group(1)} —" if dashed else text


def _skew(boxes: Sequence[Quad]) -> float:
    """The page's rotation in radians, from the top edges of lines much wider than high (0 when none are)."""
    slopes = []
    for box in boxes:
        (x0, y0), (x1, y1) = (float(box[0][0]), float(box[0][1])), (float(box[1][0]), float(box[1][1]))
        high = math.dist(box[0], box[3])
        if x1 - x0 > 3 * max(high, 1.0):
            slopes.append(math.atan2(y1 - y0, x1 - x0))
    return statistics.median(slopes) if slopes else 0.0


Cancelled = Callable[[], bool]
Progress = Callable[[int, int], None]
"""Called with (pages OCR'd so far, pages that need OCR) after each scanned page."""
