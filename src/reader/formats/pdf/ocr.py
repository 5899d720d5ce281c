"""Scanned pages: a page with no usable text layer is rendered and read by an offline OCR engine.

The engine is RapidOCR (`rapidocr-onnxruntime`, run by onnxruntime) with the PP-OCRv4 detector inside its
wheel and the PP-OCRv6 recognisers shipped in `reader/data/ocr` (chosen by measurement in
docs/decisions/pdf.md and docs/decisions/ocr-models.md): a page is read by the fast one, and when it
reads as traditional script its doubtful spans are read again by the accurate one (`REREAD_SPANS`,
`ocr_recognise`, `ocr_spans`). Its lines come back as
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
import threading
import unicodedata
import weakref
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from importlib import resources
from typing import Any, Protocol, TypeVar

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from reader.core import heap
from reader.formats.pdf import ocr_orient, ocr_sessions, ocr_spans
from reader.formats.pdf.model import Fragment, PdfError
from reader.formats.pdf.ocr_fragments import MIN_SCORE, Quad, _units, to_fragments
from reader.formats.pdf.ocr_recognise import (
    MIN_TRADITIONAL,
    REREAD_MAJORITY,
    SAMPLE_LINES,
    TRADITIONAL_MAJORITY,
    LineReader,
    ScriptPrior,
    recognise_lines,
    recognise_spans,
    traditional,
    traditional_forms,
)
from reader.formats.pdf.ocr_spans import GlyphReader, Reading
from reader.formats.pdf.ocr_spans import decode as decode_ctc

_Read = TypeVar("_Read")

__all__ = [
    "MIN_SCORE",
    "MIN_TRADITIONAL",
    "REREAD_MAJORITY",
    "SAMPLE_LINES",
    "TRADITIONAL_MAJORITY",
    "LineReader",
    "Quad",
    "ScriptPrior",
    "_units",
    "recognise_lines",
    "recognise_spans",
    "to_fragments",
    "traditional",
    "traditional_forms",
]

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
PACKAGE = "rapidocr-onnxruntime"
INSTALL_HINT = f"scanned page not read: install {PACKAGE} to read scanned PDFs"


class OcrCancelled(PdfError):
    """The import was cancelled between two scanned pages; nothing of the document is kept. A format error,
    so a caller that does not know it still skips the file with a one-line reason instead of failing."""


class Engine(Protocol):
    """Reads an image (height × width × 3, BGR, uint8) into lines: corners, text, confidence in 0..1."""

    def __call__(self, image: Any) -> Sequence[tuple[Quad, str, float]]: ...


@dataclass(frozen=True)
class PageOcr:
    """What OCR made of one page: its fragments, or a one-line note saying why it has none."""

    fragments: tuple[Fragment, ...]
    note: str = ""
    turns: int = 0
    """Quarter turns (anticlockwise) the page's image was given to read it upright (`ocr_orient`): the
    fragments are in the upright page's frame, so a page turned an odd number of times has its width and
    height swapped."""


def usable(fragments: Sequence[Fragment]) -> bool:
    """Whether a page's text layer is real text: enough letters and digits, and mostly letters and digits."""
    chars = [ch for fragment in fragments for ch in fragment.text if not ch.isspace()]
    good = sum(1 for ch in chars if unicodedata.category(ch)[0] in "LN")
    return good >= MIN_USABLE_CHARS and good >= MIN_USABLE_SHARE * len(chars)


GARBLED_MIN_CHARS = 40
"""Characters a text layer needs before its mix of characters is judged (a page number alone is not)."""
GARBLED_LATIN1 = 0.12
GARBLED_SIGNS = 0.05
"""Glyph codes read as Latin-1 (a font whose map to Unicode a rewriting tool dropped) give a layer with
almost no Chinese that mixes accented Latin-1 letters and signs (at least these shares of it) with ASCII
signs that prose does not use (`{ } ~ ^ | _`). Text has one or the other, not both: pinyin, French or
measurements (±, °, µ) have the first, tables drawn with pipes, code and formulae the second."""
_RARE_SIGNS = frozenset("{}~^|_`<>=*#@$&\\[]")


def garbled(fragments: Sequence[Fragment]) -> bool:
    """Whether a text layer reads as glyph codes rather than text (`ÿOî{oóÓ]|~ç^` for a Chinese heading):
    the page is then read from its image, as a scan is, since the text it shows is not the text it holds."""
    chars = [ch for fragment in fragments for ch in fragment.text if not ch.isspace()]
    if len(chars) < GARBLED_MIN_CHARS:
        return False
    chinese = sum(1 for ch in chars if "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff")
    latin1 = sum(1 for ch in chars if "\u00a0" <= ch <= "\u00ff")
    signs = sum(1 for ch in chars if ch in _RARE_SIGNS)
    n = len(chars)
    return chinese < 0.1 * n and latin1 >= GARBLED_LATIN1 * n and signs >= GARBLED_SIGNS * n


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

REREAD_SPANS = True
"""A traditional page is read by the fast recogniser and only its doubtful spans again by the accurate one
(`ocr_recognise.recognise_spans`, `ocr_spans`), instead of every line by the accurate one (`recognise_lines`): some 40 %
less processor time a traditional page (docs/decisions/ocr-models.md, fourth round)."""

STRIP_SQUEEZE = ACCURATE.squeeze
"""Horizontal scale of the strips of a traditional page's doubtful spans (`ocr_spans`) as the accurate
recogniser reads them; the same as its whole lines. Narrower strips cost less (its time goes with width:
0.7 is 6-7 % less, 0.6 some 20 %) but each width from 0.6 to 0.7 lost a character or two on one dev scan
or another, so none is taken (docs/decisions/ocr-models.md, seventh round)."""

MIN_REC_RATIO = 320 / 48
"""A line narrower than this many times its height is padded to it, as the engine pads it (its training
shape, 48 × 320)."""

DET_THREADS = 1
"""onnxruntime threads of the text detector (one page at a time; the previous page's lines are recognised
on the other threads meanwhile, see `StagedEngine`)."""

IDLE_DET_THREADS = 2
"""onnxruntime threads of the text detector when no page detected before is waiting for, or in, recognition
(a document's first page, before any of its lines can be read): the other core would otherwise wait. The
boxes are the same with one thread or two (checked on the dev scans' 12 pages), so the reading is too
(docs/decisions/ocr-models.md, fifth round)."""

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
    try:
        with _qt_paths_kept():
            import cv2
            import numpy
            import onnxruntime
            from rapidocr_onnxruntime import RapidOCR  # type: ignore[import-untyped]
            from rapidocr_onnxruntime.ch_ppocr_rec.utils import CTCLabelDecode  # type: ignore[import-untyped]
    except ImportError:
        return INSTALL_HINT
    except Exception as exc:  # a broken install (missing shared library) must not stop an import
        return f"scanned page not read: {PACKAGE} cannot be loaded ({type(exc).__name__})"
    threads = max(1, min(os.cpu_count() or 1, MAX_THREADS))
    try:
        with contextlib.ExitStack() as files:
            fast_model, fast_keys, accurate_model, accurate_keys = (
                files.enter_context(resources.as_file(MODELS / name))
                for name in (FAST.model, FAST.keys, ACCURATE.model, ACCURATE.keys)
            )
            # No angle classifier: it would cost a pass per line. A page's skew is turned out from the line
            # boxes (`to_fragments`), and a page on its side or upside down is found once for the page
            # (`ocr_orient`).
            settings = {
                "use_cls": False,
                "rec_batch_num": 1,
                "det_limit_type": "max",
                "print_verbose": False,
                "rec_model_path": str(fast_model),
                "rec_keys_path": str(fast_keys),
            }
            try:
                with ocr_sessions.deferred():
                    rapid = RapidOCR(**settings)
            except Exception:  # a release that uses its sessions while it is constructed: made as it wants
                rapid = RapidOCR(**settings)
            # One onnxruntime thread per run; the parallelism is ours (lines on `threads` threads), see MAX_THREADS.
            options = ocr_sessions.options(1)
            providers = ["CPUExecutionProvider"]

            def detector(count: int) -> Any:
                det_options = ocr_sessions.options(min(threads, count))
                path = rapid.text_det.infer.session._model_path
                return onnxruntime.InferenceSession(path, sess_options=det_options, providers=providers)

            beside = detector(DET_THREADS)
            alone = detector(IDLE_DET_THREADS) if min(threads, IDLE_DET_THREADS) > min(threads, DET_THREADS) else beside
            rapid.text_det.infer.session = beside
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
    # What the engine loaded stays for the process's life: kept out of the collector's full passes, each of
    # which holds the GIL for as long as it visits them.
    heap.settle("ocr")

    read_fast = line_reader(fast, fast_decode.character, FAST.squeeze)
    read_accurate = line_reader(accurate, accurate_decode.character, ACCURATE.squeeze)
    read_strip = line_reader(accurate, accurate_decode.character, STRIP_SQUEEZE, pad=False)
    prior = ScriptPrior()

    def on_threads(recognise: Callable[[Any], _Read], lines: Sequence[Any]) -> list[_Read]:
        """The lines read on the pool's threads, longest first so the threads finish together; in their order."""
        order = sorted(range(len(lines)), key=lambda i: -lines[i].shape[1] / max(lines[i].shape[0], 1))
        read = dict(zip(order, pool.map(recognise, [lines[i] for i in order]), strict=True))
        return [read[i] for i in range(len(lines))]

    def as_pairs(recognise: GlyphReader) -> LineReader:
        def text_and_score(line: Any) -> tuple[str, float]:
            reading = recognise(line)
            return reading.text, reading.score

        return text_and_score

    detecting = threading.Lock()  # the detector's pre- and post-processing keep state: one page at a time
    # Pages detected and not yet recognised (or being recognised): while there is one, the recogniser has or
    # is about to have the cores, and the detector takes one. Held weakly, so a page whose reading was given
    # up (a cancel) stops counting when its image goes.
    waiting: weakref.WeakValueDictionary[int, Any] = weakref.WeakValueDictionary()  # id → image

    def find(image: Any) -> list[Any]:
        """The line boxes of `image`, in its pixels (the caller holds `detecting`)."""
        height, width = image.shape[:2]
        factor = DET_SIDE / max(height, width)
        if factor >= 1.0 or max(height, width) > 8 * min(height, width):
            # small or extreme images: the engine's own detection (it pads them), boxes in the image's pixels
            found, _ = rapid(image, use_rec=False)
            return [numpy.asarray(box, dtype=numpy.float32) for box in ([] if found is None else found)]
        size = (round(width * factor), round(height * factor))
        found, _ = rapid.auto_text_det(cv2.resize(image, size, interpolation=cv2.INTER_AREA))
        return [numpy.asarray(box, dtype=numpy.float32) / factor for box in ([] if found is None else found)]

    def detect(image: Any) -> list[Any]:
        with detecting:
            rapid.text_det.infer.session = beside if len(waiting) else alone
            boxes = find(image)
            if ocr_orient.quarter_turned(boxes):  # lines standing upright: the page lies on its side
                turned = numpy.ascontiguousarray(numpy.rot90(image, 1))
                boxes = TurnedLines(find(turned), 1, turned)
            waiting[id(image)] = image  # before the lock is let go: the next page's detection must see this one
            return boxes

    def turn_half(image: Any, turns: int) -> tuple[Any, list[Any], int]:
        """The image turned a further half turn, its lines found again (in reading order), the turns so far."""
        turned = numpy.ascontiguousarray(numpy.rot90(image, 2))
        with detecting:
            return turned, find(turned), (turns + 2) % 4

    def upside_down(lines: Sequence[Any], as_is: Sequence[float] | None = None) -> bool:
        """Whether a few of the longest lines read clearly surer turned a half than as they stand (their
        confidences as they stand given in `as_is`, by line, when they were read already)."""
        chosen = ocr_orient.sample(lines)
        turned = [numpy.ascontiguousarray(numpy.rot90(lines[i], 2)) for i in chosen]
        if as_is is None:
            both = on_threads(read_fast, [lines[i] for i in chosen] + turned)
            return ocr_orient.flipped([r.score for r in both[: len(chosen)]], [r.score for r in both[len(chosen) :]])
        return ocr_orient.flipped([as_is[i] for i in chosen], [r.score for r in on_threads(read_fast, turned)])

    def read_lines(lines: Sequence[Any]) -> list[tuple[str, float]]:
        if REREAD_SPANS:
            return recognise_spans(lines, read_fast, read_accurate, read_strip, on_threads, prior)
        return recognise_lines(lines, as_pairs(read_fast), as_pairs(read_accurate), on_threads, prior)

    def recognise(image: Any, boxes: Sequence[Any]) -> list[tuple[Quad, str, float]]:
        if not boxes:
            waiting.pop(id(image), None)
            return []
        try:
            turns = boxes.turns if isinstance(boxes, TurnedLines) else 0
            work = boxes.image if isinstance(boxes, TurnedLines) else image
            lines = rapid.get_crop_img_list(work, list(boxes))
            if turns and upside_down(lines):  # on its side: which side is told by the lines read both ways
                work, boxes, turns = turn_half(work, turns)
                lines = rapid.get_crop_img_list(work, list(boxes)) if boxes else []
            script = prior.traditional
            texts = read_lines(lines) if lines else []
            if not turns and ocr_orient.doubtful(texts) and upside_down(lines, [score for _, score in texts]):
                prior.traditional = script  # the garbage read upside down decides nothing
                work, boxes, turns = turn_half(work, turns)
                lines = rapid.get_crop_img_list(work, list(boxes)) if boxes else []
                texts = read_lines(lines) if lines else []
        finally:
            waiting.pop(id(image), None)
        found = [(box.tolist(), text, score) for box, (text, score) in zip(boxes, texts, strict=True)]
        return TurnedReading(found, turns) if turns else found

    warm_script_tables()
    return StagedEngine(detect, recognise)


def line_reader(session: Any, keys: Sequence[str], squeeze: float, pad: bool = True) -> GlyphReader:
    """A recogniser's onnxruntime `session` as a `GlyphReader`, its CTC classes named by `keys`: one line
    image (BGR) scaled to `REC_HEIGHT` (and its width by `squeeze`), to -1..1, channels first, short lines
    padded to `MIN_REC_RATIO` as the engine pads them unless `pad` is off (the strips of `ocr_spans`, whose
    cost goes with their width); the characters' places given in the line's own pixels."""
    import numpy

    cv2 = _opencv()

    rec_input = session.get_inputs()[0].name

    def recognise(line: Any) -> Reading:
        height, width = line.shape[:2]
        wide = max(1, math.ceil(squeeze * REC_HEIGHT * width / max(height, 1)))
        scaled = cv2.resize(line, (wide, REC_HEIGHT)).astype(numpy.float32)
        scaled *= 2.0 / 255.0  # in place: the same values as `x * (2 / 255) - 1`, without two more copies
        scaled -= 1.0
        if pad and wide < MIN_REC_RATIO * REC_HEIGHT:  # a short line is padded as the engine pads it
            scaled = cv2.copyMakeBorder(
                scaled, 0, 0, 0, math.ceil(MIN_REC_RATIO * REC_HEIGHT) - wide, cv2.BORDER_CONSTANT
            )
        batch = scaled.transpose(2, 0, 1)[numpy.newaxis]
        return decode_ctc(session.run(None, {rec_input: batch})[0][0], keys, scaled.shape[1] * width / wide)

    return recognise


@contextlib.contextmanager
def _qt_paths_kept() -> Iterator[None]:
    """The window's Qt plugin and font paths as they were after the block: importing OpenCV (which RapidOCR
    uses) points them into OpenCV's own copy of Qt."""
    saved = {key: os.environ.get(key) for key in ("QT_QPA_PLATFORM_PLUGIN_PATH", "QT_QPA_FONTDIR")}
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def _opencv() -> Any:
    """OpenCV, imported with the window's Qt paths kept (`_qt_paths_kept`)."""
    with _qt_paths_kept():
        import cv2

    return cv2


def warm_script_tables() -> None:
    """Build, while the engine loads, the script tables and OpenCC converters that reading a traditional
    page uses. OpenCC builds a converter, and turns the whole ideograph range for the script tables, in
    single calls that keep the GIL for 0.1-0.4 s: done at the first traditional page, that froze the window
    for as long in the middle of an import (measured: a 211 ms stall at the end of page 1)."""
    from reader.core.script.opencc import convert
    from reader.formats.pdf.ocr_spans import ambiguous_simplified

    ambiguous_simplified()  # the script tables and the t2s converter
    convert("国", "s2tw")  # the converter of the traditional-forms repair


class TurnedLines(list[Any]):
    """Line boxes found on a page after it was turned `turns` quarter turns anticlockwise (`ocr_orient`),
    in the pixels of the turned `image`, which is what is read."""

    def __init__(self, boxes: Sequence[Any], turns: int, image: Any) -> None:
        super().__init__(boxes)
        self.turns = turns
        self.image = image


class TurnedReading(list[tuple[Quad, str, float]]):
    """An engine's reading of a page it turned `turns` quarter turns anticlockwise to read it upright: the
    corners are in the turned image's pixels."""

    def __init__(self, found: Sequence[tuple[Quad, str, float]], turns: int) -> None:
        super().__init__(found)
        self.turns = turns


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


def engine_version() -> str:
    """The OCR package, its version and the recognisers, for the evidence stored with an OCR'd document (so
    a document read by an earlier model can be told apart; nothing compares it). With `REREAD_SPANS` it
    names the spans re-read and their threshold, since those decide which characters each model read, and
    that pages are turned upright (`ocr_orient`), so a turned page read as garbage before is read again."""
    where = f"doubtful spans (< {ocr_spans.DOUBTFUL:g}) of traditional pages" if REREAD_SPANS else "traditional pages"
    # "pages turned upright": a turned page stored before this was read as garbage
    models = f"pages turned upright, {FAST.name}, {ACCURATE.name} at {ACCURATE.squeeze:g} width on {where}"
    if REREAD_SPANS and ACCURATE.squeeze != STRIP_SQUEEZE:  # the string of the pages read before, otherwise
        models += f", spans at {STRIP_SQUEEZE:g} width"
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
    turns = found.turns % 4 if isinstance(found, TurnedReading) else 0
    height, width = image.shape[:2]
    if turns % 2:
        height, width = width, height  # the upright page's frame
    fragments = to_fragments(traditional_forms(found), drawn.scale, (width / 2, height / 2))
    if not fragments:
        return PageOcr((), f"page {number}: no text found by OCR", turns)
    return PageOcr(tuple(fragments), turns=turns)


Cancelled = Callable[[], bool]
Progress = Callable[[int, int], None]
"""Called with (pages OCR'd so far, pages that need OCR) after each scanned page."""
