"""Characters with their boxes from a PDF's text layer (PDFium), grouped into fragments.

A fragment is a run of characters on one baseline with no wide gap inside: a line of a single column, one
column's part of a row, or one table cell. Everything after this module works on fragments in page
coordinates with y growing downwards, so it never needs the engine again (and can be rebuilt from the
stored JSON of the fragments, see `model.layout_to_json`).
"""

from __future__ import annotations

import contextlib
import ctypes
import hashlib
import math
import re
import threading
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, replace
from typing import Any, NamedTuple

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from reader.formats.base import PageCache, PageKey
from reader.formats.pdf import ocr, page_results
from reader.formats.pdf.model import Fragment, Layout, PageBox, PdfDamaged, PdfEncrypted, PdfTooLarge
from reader.formats.pdf.radicals import fold_radicals

ENGINE_LOCK = threading.RLock()
"""Held around every use of PDFium in this process: reading a file here, drawing a page (`render`)."""

MAX_BYTES = 200 * 1024 * 1024
"""Larger files are refused rather than read: a report is a few megabytes; this bounds memory."""
MAX_PAGES = 2000
"""More pages than any report has; bounds the time a damaged or hostile page tree can take."""
MAX_CHARS_PER_PAGE = 60_000
"""A page with more characters is a data dump or a damaged content stream; its extra characters are skipped."""

WIDE_GAP_EM = 1.2
"""A horizontal gap wider than this many ems between two characters ends a fragment (column gutter, cell)."""


def sniff(head: bytes) -> bool:
    """A PDF starts with `%PDF-` (some producers put a few bytes of junk first; readers allow 1 KB)."""
    return b"%PDF-" in head[:1024]


def _open(data: bytes) -> pdfium.PdfDocument:
    if len(data) > MAX_BYTES:
        raise PdfTooLarge(f"PDF is larger than {MAX_BYTES // (1024 * 1024)} MB")
    if not sniff(data):
        raise PdfDamaged("not a PDF file (no %PDF- header)")
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if pdfium_c.FPDF_GetLastError() == pdfium_c.FPDF_ERR_PASSWORD or "password" in str(exc).lower():
            raise PdfEncrypted("PDF is encrypted with a password") from None
        raise PdfDamaged(f"PDF is damaged or incomplete ({_engine_reason(exc)})") from None


def _engine_reason(exc: Exception) -> str:
    """PDFium's own words for a failure ("data format error"), without the wrapper's "Failed to load
    document (PDFium: …)", so the user's one line says what is wrong and not how it was found out."""
    message = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    found = re.search(r"PDFium:\s*([^)]+)", message)
    reason = (found.group(1) if found else message).strip().rstrip(".")
    return reason[:1].lower() + reason[1:]


def extract(
    data: bytes,
    engine: ocr.Engine | str | None = None,
    cancelled: ocr.Cancelled | None = None,
    progress: ocr.Progress | None = None,
    cache: PageCache | None = None,
) -> Layout:
    """Fragments of every page; PdfEncrypted, PdfDamaged or PdfTooLarge with a one-line reason.

    A page without a usable text layer but with an image over much of it (a scan) is read by OCR with
    `engine` (RapidOCR, loaded on the first such page, when None; a string is the reason OCR cannot be
    done, and such pages get it as their note). `cancelled` is asked before each scanned page, so a long
    scan stops within one page (OcrCancelled); `progress` hears (scanned pages done, scanned pages).
    `cache` keeps each page's OCR result as soon as it is read and gives back the pages an earlier,
    interrupted import of the same bytes read with the same engine: those are not read again.
    """
    # PDFium is not thread-safe (the window's page view draws on a worker thread): every call into it is
    # made under ENGINE_LOCK, but the seconds OCR spends on a drawn page are not, so the page view can
    # draw while a scan is read, and the next page is drawn while this one is read.
    with ENGINE_LOCK:
        doc = _open(data)
    try:
        with ENGINE_LOCK:
            pages, scanned = _text_layer(doc)
        if scanned:
            store = _Store(cache, hashlib.sha256(data).hexdigest(), ocr.engine_version()) if cache else None
            _read_scans(doc, pages, scanned, engine, cancelled, progress, store)
        return Layout(tuple(_match_sizes(pages)))
    finally:
        with ENGINE_LOCK:
            doc.close()


def _text_layer(doc: pdfium.PdfDocument) -> tuple[list[PageBox], list[int]]:
    """Every page's text layer, and the pages to read from their image: scans (no usable text, an image
    over them) and pages whose text layer is glyph codes (`ocr.garbled`)."""
    count = len(doc)
    if count == 0:
        raise PdfDamaged("PDF has no pages")
    if count > MAX_PAGES:
        raise PdfTooLarge(f"PDF has {count} pages, more than {MAX_PAGES}")
    pages: list[PageBox] = []
    scanned: list[int] = []
    for index in range(count):
        with _page(doc, index) as page:
            box = _text_page(page, index)
            if (not ocr.usable(box.fragments) and ocr.has_image(page)) or ocr.garbled(box.fragments):
                scanned.append(index)
            pages.append(box)
    return pages, scanned


@dataclass(frozen=True)
class _Store:
    """The page cache of one file: its bytes' hash and the engine's version make the key."""

    cache: PageCache
    content: str
    engine: str

    def get(self, index: int) -> ocr.PageOcr | None:
        stored = self.cache.get(PageKey(self.content, self.engine, index))
        return None if stored is None else page_results.load(stored)

    def put(self, index: int, result: ocr.PageOcr) -> None:
        self.cache.put(PageKey(self.content, self.engine, index), page_results.dump(result))


_LOAD_LOCK = threading.Lock()
"""Held while the OCR engine is first loaded, so that two imports starting together load it once."""


def _engine() -> ocr.Engine | str:
    """`ocr.default_engine()`, loaded by one thread at a time (its cache does not stop two loads at once)."""
    with _LOAD_LOCK:
        return ocr.default_engine()


_LOADS: set[threading.Thread] = set()
"""The engine loads started and not yet finished (`engine_loads_done`)."""


def _loading_engine() -> Future[ocr.Engine | str]:
    """The engine being loaded on a thread of its own, while the caller draws the first scanned page.

    The first load takes about 0.8 CPU-s; PDFium draws outside the interpreter lock, so the two overlap.
    A thread of its own rather than one of the import's pools: a cancel during the load does not wait for
    it (`_loaded`), and the load finishes on its own and serves the next import.

    A daemon thread, so that nothing at exit waits for it without a limit: the first load took 4.1 s of
    wall time on a loaded machine, and a load reading from a stalled disk may never end. The program's
    exit waits for it a few seconds (`engine_loads_done`, called by `reader.app.exiting`) and, if it is
    still loading then, ends the process without the interpreter's finalisation: a load cut short by that
    finalisation, half-way through OpenCV's and ONNX Runtime's set-up, aborted the process ("terminate
    called without an active exception") when the reader closed the window just after cancelling a first
    scanned import."""
    loaded: Future[ocr.Engine | str] = Future()

    def load() -> None:
        try:
            loaded.set_result(_engine())
        except BaseException as exc:  # default_engine returns its failures as reasons; anything else is a bug
            loaded.set_exception(exc)
        finally:
            _LOADS.discard(threading.current_thread())

    thread = threading.Thread(target=load, name="ocr-load", daemon=True)
    _LOADS.add(thread)
    thread.start()
    return loaded


def engine_loads_done(timeout: float) -> bool:
    """Whether no engine load is under way, once those under way were given `timeout` seconds to end."""
    deadline = time.monotonic() + timeout
    for thread in list(_LOADS):
        thread.join(max(0.0, deadline - time.monotonic()))
    return not any(thread.is_alive() for thread in list(_LOADS))


LOAD_POLL_S = 0.05
"""How often a cancel is looked for while the first scanned page waits for the engine's load."""


def _loaded(loading: Future[ocr.Engine | str], cancelled: ocr.Cancelled | None, index: int) -> ocr.Engine | str:
    """The engine once `loading` has it; a cancel meanwhile is seen within `LOAD_POLL_S` and raises
    `ocr.OcrCancelled` at once, leaving the load to finish on its thread (a cancel pressed during a first
    load used to wait for the whole load and the first page). A cancel is looked for once more after the
    load, so that one pressed in its last moment does not start the first page."""
    while True:
        if cancelled is not None and cancelled():
            raise ocr.OcrCancelled(f"cancelled while reading scanned page {index + 1}")
        try:
            engine = loading.result(timeout=LOAD_POLL_S if cancelled is not None else None)
        except TimeoutError:
            continue
        if cancelled is not None and cancelled():
            raise ocr.OcrCancelled(f"cancelled while reading scanned page {index + 1}")
        return engine


def _read_scans(
    doc: pdfium.PdfDocument,
    pages: list[PageBox],
    scanned: list[int],
    engine: ocr.Engine | str | None,
    cancelled: ocr.Cancelled | None,
    progress: ocr.Progress | None,
    store: _Store | None = None,
) -> None:
    """The scanned pages read by OCR in place of their text layer, as a pipeline one page deep: while page
    n's lines are recognised (on the engine's threads, from one reading thread), page n+1 is drawn (under
    PDFium's lock) and, when the engine comes in stages (`ocr.StagedEngine`), its lines are found (on one
    detecting thread), so detection no longer leaves a core idle between pages. Pages are recognised, put
    in `store` and counted in `progress` in their order, so the script carried from page to page is decided
    in page order. A cancel is seen before each page; it leaves at most the next page's detection running,
    which is waited for before this returns.

    Pages `store` holds are taken from it (they count in `progress` at once); each page read is put in it
    when the engine really read it. A page the engine failed on, or that could not be drawn, or that has
    no engine to read it, is not kept: that is a condition of this run, not what the page holds."""

    def draw(index: int) -> ocr.PageImage | ocr.PageOcr:
        with ENGINE_LOCK, _page(doc, index) as page:
            return ocr.render_page(page, index + 1)

    def find(drawn: ocr.PageImage | ocr.PageOcr, reader: ocr.Engine | str) -> Future[Sequence[Any]] | None:
        """The page's lines being found on the detecting thread, when the engine has a detection stage."""
        if isinstance(drawn, ocr.PageImage) and isinstance(reader, ocr.StagedEngine):
            return detecting.submit(reader.detect, drawn.pixels)
        return None

    def read(
        index: int,
        drawn: ocr.PageImage | ocr.PageOcr,
        reader: ocr.Engine | str,
        found: Future[Sequence[Any]] | None,
    ) -> tuple[ocr.PageOcr, bool]:
        """The page's result, and whether it is what the engine read (worth keeping)."""
        if isinstance(drawn, ocr.PageOcr):
            return drawn, False
        if isinstance(reader, str):
            return ocr.PageOcr((), reader), False
        failed: list[BaseException] = []

        def watched(image: Any) -> Sequence[tuple[ocr.Quad, str, float]]:
            try:
                if found is not None and isinstance(reader, ocr.StagedEngine):
                    return reader.recognise(image, found.result())  # a failed detection raises here
                return reader(image)
            except Exception as exc:  # read_image turns it into the page's note; noted so it is not kept
                failed.append(exc)
                raise

        return ocr.read_image(drawn, index + 1, watched), not failed

    known: dict[int, ocr.PageOcr] = {}
    if store is not None:
        for index in scanned:
            found = store.get(index)
            if found is not None:
                known[index] = found
    todo = [index for index in scanned if index not in known]
    with (
        ThreadPoolExecutor(max_workers=1, thread_name_prefix="ocr-detect") as detecting,
        ThreadPoolExecutor(max_workers=1, thread_name_prefix="ocr-page") as reading,
    ):
        loading = _loading_engine() if engine is None and todo else None
        drawn = draw(todo[0]) if todo else None
        lines: Future[Sequence[Any]] | None = None  # the next page's detection, once the engine is loaded
        position = 0  # in `todo`
        for done, index in enumerate(scanned):
            if index in known:
                result = known[index]
            else:
                if cancelled is not None and cancelled():
                    raise ocr.OcrCancelled(f"cancelled while reading scanned page {index + 1}")
                if engine is None:
                    engine = _engine() if loading is None else _loaded(loading, cancelled, index)
                assert drawn is not None  # drawn for every page in `todo`, this one included
                if lines is None:  # the first page, or one whose lines were not found ahead
                    lines = find(drawn, engine)
                future = reading.submit(read, index, drawn, engine, lines)
                position += 1
                drawn, lines = None, None
                if position < len(todo):
                    drawn = draw(todo[position])  # while this page is read
                    lines = find(drawn, engine)  # while this page's lines are recognised
                result, keep = future.result()
                if keep and store is not None:
                    store.put(index, result)
            old = pages[index]
            fragments = result.fragments or old.fragments  # a failed OCR keeps what text layer there was
            # A page scanned on its side was read turned a quarter: its fragments stand in the upright frame.
            turned = bool(result.fragments) and result.turns % 2 == 1
            width, height = (old.height, old.width) if turned else (old.width, old.height)
            pages[index] = PageBox(index, width, height, fragments, ocr=bool(result.fragments), note=result.note)
            if progress is not None:
                progress(done + 1, len(scanned))


def _match_sizes(pages: list[PageBox]) -> list[PageBox]:
    """OCR'd pages among pages with a text layer, their sizes scaled so that their typical print is the
    text layer's body size. OCR sizes are estimates from box heights; left as they are, a scan's body could
    be a point larger than the text pages' and every one of its lines would read as a heading."""
    text_sizes: Counter[float] = Counter()
    for page in pages:
        if not page.ocr:
            for fragment in page.fragments:
                text_sizes[round(fragment.size, 1)] += len(fragment.text)
    if not text_sizes or not any(page.ocr for page in pages):
        return pages
    body = text_sizes.most_common(1)[0][0]
    out = []
    for page in pages:
        if page.ocr and page.fragments:
            counts = Counter({f.size: 0 for f in page.fragments})
            for fragment in page.fragments:
                counts[fragment.size] += len(fragment.text)
            ratio = body / counts.most_common(1)[0][0]
            fragments = tuple(replace(f, size=round(f.size * ratio, 2)) for f in page.fragments)
            page = replace(page, fragments=fragments)
        out.append(page)
    return out


@contextlib.contextmanager
def _page(doc: pdfium.PdfDocument, index: int) -> Iterator[pdfium.PdfPage]:
    try:
        page = doc[index]
    except pdfium.PdfiumError as exc:
        raise PdfDamaged(f"page {index + 1} cannot be read ({exc})") from None
    try:
        yield page
    finally:
        page.close()


def _text_page(page: pdfium.PdfPage, index: int) -> PageBox:
    bbox = Box(*page.get_bbox())
    width, height = page.get_size()
    textpage = page.get_textpage()
    try:
        raw = textpage.raw
        turn = _text_turn(raw)
        if turn or page.get_rotation():
            # A turned page: the size PDFium gives is the displayed one, but the character boxes are in the
            # page's own space. The text is read in the frame where its glyphs stand upright, so a page the
            # producer turned with /Rotate over upright text keeps the frame (and furniture heights) of the
            # other pages, and text drawn turned on a page shown upright is read as it is shown.
            chars = _turned(_chars(raw, bbox), turn, bbox)
            width, height = (bbox.right - bbox.left, bbox.top - bbox.bottom)
            if turn in (90, 270):
                width, height = height, width
            return PageBox(index, width, height, tuple(_runs(chars, raw)))
        return PageBox(index, width, height, tuple(_fragments(raw, height, bbox)))
    finally:
        textpage.close()


def _text_turn(raw: Any) -> int:
    """The angle (0, 90, 180 or 270 degrees, counter-clockwise) most of the page's characters are drawn
    at in the page's own space: 0 for ordinary text, 90 for a landscape table drawn turned."""
    votes: Counter[int] = Counter()
    n = min(pdfium_c.FPDFText_CountChars(raw), MAX_CHARS_PER_PAGE)
    for i in range(0, n, max(1, n // TURN_SAMPLE)):  # a sample is enough to know the page's direction
        angle = pdfium_c.FPDFText_GetCharAngle(raw, i)
        if angle >= 0:
            votes[-round(math.degrees(angle) / 90) % 4 * 90] += 1  # PDFium measures clockwise
    return votes.most_common(1)[0][0] if votes else 0


TURN_SAMPLE = 32
"""Characters of a page asked for their angle: text of one page runs one way."""

_Char = tuple[str, float, float, float, float, float, int]
"""A character and its box: text, x0, x1, then two heights, size, and its index in PDFium's text page (its
weight is asked for only where a fragment begins). The heights are bottom and top in the page's own space
from `_chars`, top and bottom downwards from the turned page's top edge after `_turned`."""


def _chars(raw: Any, page: Box) -> list[_Char]:
    """A turned page's characters in PDFium's order with their loose boxes in the page's own space (y
    upwards), spaces with their own boxes (the page is reordered by position, the spaces with it)."""
    n = min(pdfium_c.FPDFText_CountChars(raw), MAX_CHARS_PER_PAGE)
    rect = pdfium_c.FS_RECTF()
    out: list[_Char] = []
    for i in range(n):
        code = pdfium_c.FPDFText_GetUnicode(raw, i)
        if code in (0, 0xFFFE, 0xFFFF, 0x0D, 0x0A):
            continue
        ch = "-" if code == 0x02 else chr(code)  # PDFium reports a line-end hyphen as U+0002
        # The loose box spans the font's ascent and descent: a flat glyph (一) has the same box as 田.
        if not pdfium_c.FPDFText_GetLooseCharBox(raw, i, ctypes.byref(rect)):
            continue
        if ch.isspace():
            out.append((" ", rect.left, rect.right, rect.bottom, rect.top, 0.0, i))
            continue
        char_size = pdfium_c.FPDFText_GetFontSize(raw, i) or (rect.top - rect.bottom)
        if _off_page(rect, page):
            continue
        out.append((ch, rect.left, rect.right, rect.bottom, rect.top, char_size, i))
    return out


def _turned(chars: list[_Char], turn: int, page: Box) -> list[_Char]:
    """Characters in the frame where text drawn at `turn` degrees stands upright (y downwards from that
    frame's top), each line's characters in reading order.

    PDFium gives the characters of a turned page in the order they are seen on the displayed page, so on a
    page shown upside down each line comes backwards: lines are kept in PDFium's order and each line's
    characters are sorted along it; spaces are put back where the gaps are."""

    def point(x: float, y: float) -> tuple[float, float]:
        # (along the text, down the text) for a point of the page's space
        if turn == 90:
            return y, x
        if turn == 180:
            return -x, y
        if turn == 270:
            return -y, -x
        return x, -y

    corners = [point(x, y) for x in (page.left, page.right) for y in (page.bottom, page.top)]
    left, top = min(c[0] for c in corners), min(c[1] for c in corners)
    placed: list[_Char] = []
    for ch, x0, x1, y0, y1, size, position in chars:
        a, b = point(x0, y0), point(x1, y1)
        along, down = sorted((a[0] - left, b[0] - left)), sorted((a[1] - top, b[1] - top))
        placed.append((ch, along[0], along[1], down[0], down[1], size, position))
    lines: list[list[_Char]] = []
    rows: list[tuple[float, float]] = []  # each line's extent down the text
    for char in placed:
        if char[0] == " ":
            continue
        middle = (char[3] + char[4]) / 2
        if rows and rows[-1][0] <= middle <= rows[-1][1]:
            lines[-1].append(char)
            continue
        lines.append([char])
        rows.append((char[3], char[4]))
    out: list[_Char] = []
    for line in lines:
        line.sort(key=lambda c: c[1])
        for i, char in enumerate(line):
            # PDFium places the spaces of a turned page beside the wrong characters: a space is where the
            # gap between two neighbours is wide enough for one
            if i and char[1] - line[i - 1][2] > SPACE_GAP_EM * max(char[5], 1.0):
                out.append((" ", *line[i - 1][1:]))
            out.append(char)
    return out


SPACE_GAP_EM = 0.2
"""A gap between two characters of a line wider than this many ems holds a space (a space is 0.25-0.33 em)."""


class Box(NamedTuple):
    """A page's visible area (media box within crop box) in its own coordinates, where the text's
    character boxes are given: unrotated, and with whatever origin the file chose."""

    left: float
    bottom: float
    right: float
    top: float


def _off_page(rect: pdfium_c.FS_RECTF, page: Box) -> bool:
    """A character box that lies outside the page, or is larger than it: invisible when printed, and in a
    damaged file its coordinates can run to millions of points, which no layout measure should scan."""
    left, right, bottom, top = float(rect.left), float(rect.right), float(rect.bottom), float(rect.top)
    width, height = page.right - page.left, page.top - page.bottom
    margin = 0.1 * max(width, height, 1.0)
    if right - left > width + margin or top - bottom > height + margin:
        return True
    outside_x = right < page.left - margin or left > page.right + margin
    return outside_x or top < page.bottom - margin or bottom > page.top + margin


def _runs(chars: Sequence[_Char], raw: Any) -> list[Fragment]:
    """Fragments from a turned page's characters in reading order (x0, x1, top, bottom with y downwards)
    of text page `raw`, which gives each fragment's weight from its first character; the same runs as
    `_fragments` makes of an upright page."""
    out: list[Fragment] = []
    text: list[str] = []
    box: list[float] = []  # x0, x1, top, bottom of the fragment being built
    size = 0.0
    weight = 0
    for ch, x0, x1, y0, y1, char_size, char_index in chars:
        if ch == " ":
            if text:
                text.append(" ")
            continue
        if text:
            em = max(size, char_size, 1.0)
            same_line = abs(y1 - box[3]) < 0.5 * em or (y0 < box[3] and y1 > box[2] and abs(char_size - size) > 1)
            gap = x0 - box[1]
            # Ligature parts share one box, so only a step back past the fragment's start is a new run.
            if not same_line or gap > WIDE_GAP_EM * em or (gap < -em and x0 <= box[0]):
                out.append(_fragment(text, box, size, weight))
                text = []
        if not text:
            box = [x0, x1, y0, y1]
            size, weight = char_size, pdfium_c.FPDFText_GetFontWeight(raw, char_index)
        else:
            box = [min(box[0], x0), max(box[1], x1), min(box[2], y0), max(box[3], y1)]
            size = max(size, char_size)
        text.append(ch)
    if text:
        out.append(_fragment(text, box, size, weight))
    return [fragment for fragment in out if fragment.text]


def _fragments(raw: Any, height: float, page: Box) -> list[Fragment]:
    """Fragments of an upright page in one pass over PDFium's characters, which come in reading order
    there (the common case, kept to one loop: it is most of a text PDF's reading time)."""
    n = min(pdfium_c.FPDFText_CountChars(raw), MAX_CHARS_PER_PAGE)
    rect = pdfium_c.FS_RECTF()
    out: list[Fragment] = []
    chars: list[str] = []
    box: list[float] = []  # x0, x1, top, bottom of the fragment being built
    size = 0.0
    weight = 0
    for i in range(n):
        code = pdfium_c.FPDFText_GetUnicode(raw, i)
        if code in (0, 0xFFFE, 0xFFFF, 0x0D, 0x0A):
            continue
        ch = "-" if code == 0x02 else chr(code)  # PDFium reports a line-end hyphen as U+0002
        if ch.isspace():
            if chars:
                chars.append(" ")
            continue
        # The loose box spans the font's ascent and descent: a flat glyph (一) has the same box as 田.
        if not pdfium_c.FPDFText_GetLooseCharBox(raw, i, ctypes.byref(rect)):
            continue
        char_size = pdfium_c.FPDFText_GetFontSize(raw, i) or (rect.top - rect.bottom)
        if _off_page(rect, page):
            continue
        x0, x1, y0, y1 = rect.left, rect.right, height - rect.top, height - rect.bottom
        if chars:
            em = max(size, char_size, 1.0)
            same_line = abs(y1 - box[3]) < 0.5 * em or (y0 < box[3] and y1 > box[2] and abs(char_size - size) > 1)
            gap = x0 - box[1]
            # Ligature parts share one box, so only a step back past the fragment's start is a new run.
            if not same_line or gap > WIDE_GAP_EM * em or (gap < -em and x0 <= box[0]):
                out.append(_fragment(chars, box, size, weight))
                chars = []
        if not chars:
            box = [x0, x1, y0, y1]
            size, weight = char_size, pdfium_c.FPDFText_GetFontWeight(raw, i)
        else:
            box = [min(box[0], x0), max(box[1], x1), min(box[2], y0), max(box[3], y1)]
            size = max(size, char_size)
        chars.append(ch)
    if chars:
        out.append(_fragment(chars, box, size, weight))
    return [fragment for fragment in out if fragment.text]


def _fragment(chars: list[str], box: list[float], size: float, weight: int) -> Fragment:
    text = fold_radicals("".join(chars).strip())
    return Fragment(text=text, x0=box[0], x1=box[1], top=box[2], bottom=box[3], size=round(size, 2), bold=weight >= 600)
