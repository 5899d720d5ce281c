"""The page as printed: one page of a document's kept PDF, drawn by the PDF engine, zoomable and scrollable.

Only the page shown is drawn, when it is shown, and the last few drawn pages are kept per zoom, so turning
back and forth costs nothing. Drawing happens on a worker thread: a text page at twice the screen's size
takes 20–40 ms, a scanned or poster-sized page or a high zoom well over 100 ms, and the window must not
stop for that. The worker only makes a `QImage` (safe off the GUI thread); the picture reaches the widget
through a queued signal, and a result nobody waits for any more (another page, zoom or document was asked
for meanwhile) is dropped. PDFium is driven by one worker thread at a time and under
`reader.formats.pdf.render.ENGINE_LOCK`.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtGui import QImage, QKeyEvent, QPixmap, QWheelEvent
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

SCREEN_DPI = 96.0
"""Zoom 1 draws a page at its printed size on a common screen (96 pixels per inch)."""

ZOOMS = (0.5, 0.67, 0.8, 1.0, 1.25, 1.5, 2.0, 2.5, 3.0, 4.0)
"""The zoom steps Zoom In and Zoom Out move between, 1 being the printed size."""

CACHE_PAGES = 8
"""Drawn pages kept (over all zooms): a page at 2× on a high-density screen is about 14 MB."""


@dataclass(frozen=True)
class Drawn:
    """What the worker sends back: the picture, or why there is none."""

    generation: int
    page: int  # 1-based
    dpi: float
    image: QImage | None
    count: int  # pages in the file, 0 when it could not be opened
    error: str = ""  # the engine's one-line reason
    encrypted: bool = False


class _Delivery(QObject):
    """Carries drawn pages from the worker to the GUI thread (queued). It has no Qt parent: the view and
    every running job hold it, so a job finishing as the window closes never emits from a deleted object."""

    drawn = Signal(object)  # Drawn


class _Engine:
    """The kept file and, once a job has opened it, the engine's document; used by the pool's thread only.

    `wanted` is the (generation, page, dpi) the view waits for; the GUI thread replaces it (one reference
    assignment) and a queued job that is no longer wanted returns without drawing.
    """

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.pages: PrintedPages | None = None
        self.failure: PdfError | None = None
        self.wanted: tuple[int, int, float] | None = None
        self.lock = threading.Lock()

    def open(self) -> PrintedPages:
        # Formats load with the first page drawn, not before the window's first paint.
        from reader.formats.pdf.model import PdfError
        from reader.formats.pdf.render import PrintedPages

        with self.lock:
            if self.failure is not None:
                raise self.failure
            if self.pages is None:
                try:
                    self.pages = PrintedPages(self.data)
                except PdfError as exc:
                    self.failure = exc
                    raise
            return self.pages

    def close(self) -> None:
        with self.lock:
            if self.pages is not None:
                self.pages.close()
                self.pages = None


if TYPE_CHECKING:
    from reader.formats.pdf.model import PdfError
    from reader.formats.pdf.render import PrintedPages


class _DrawJob(QRunnable):
    def __init__(self, engine: _Engine, delivery: _Delivery, key: tuple[int, int, float]) -> None:
        super().__init__()
        self.engine = engine
        self.delivery = delivery
        self.key = key

    def run(self) -> None:
        from reader.formats.pdf.model import PdfEncrypted, PdfError

        generation, page, dpi = self.key
        if self.engine.wanted != self.key:
            return
        try:
            pages = self.engine.open()
            if not 1 <= page <= pages.count:
                raise PdfError(f"page {page} is not in this PDF of {pages.count} pages")
            bitmap = pages.render(page - 1, dpi)
            image = QImage(bitmap.data, bitmap.width, bitmap.height, bitmap.stride, QImage.Format.Format_RGB32)
            drawn = Drawn(generation, page, dpi, image.copy(), pages.count)  # copy: owns its pixels
        except PdfError as exc:
            count = self.engine.pages.count if self.engine.pages is not None else 0
            drawn = Drawn(generation, page, dpi, None, count, str(exc), isinstance(exc, PdfEncrypted))
        except Exception as exc:
            drawn = Drawn(generation, page, dpi, None, 0, f"{type(exc).__name__}: {exc}".splitlines()[0])
        self.delivery.drawn.emit(drawn)


class _CloseJob(QRunnable):
    """Frees a document the view no longer shows, on the thread that draws, after any job still queued."""

    def __init__(self, engine: _Engine) -> None:
        super().__init__()
        self.engine = engine

    def run(self) -> None:
        self.engine.close()


class _PageArea(QScrollArea):
    """The scrolling area: Ctrl+wheel zooms, Page Up and Page Down turn pages."""

    zoomRequested = Signal(int)  # +1 in, -1 out
    turnRequested = Signal(int)  # +1 next page, -1 previous

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            delta = event.angleDelta().y()
            if delta:
                self.zoomRequested.emit(1 if delta > 0 else -1)
            event.accept()
            return
        super().wheelEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_PageDown and not event.modifiers():
            self.turnRequested.emit(1)
        elif key == Qt.Key.Key_PageUp and not event.modifiers():
            self.turnRequested.emit(-1)
        else:
            super().keyPressEvent(event)


class PageView(QWidget):
    """One page of a PDF as printed, with a one-line message in place of the page when it cannot be drawn."""

    pageChanged = Signal(int)  # the 1-based page now shown
    zoomChanged = Signal(float)
    pageDrawn = Signal(int)  # a page's picture is on screen (tests and the benchmark wait for it)
    failed = Signal(str)  # the one-line message now shown instead of the page

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pageView")
        self.page = 1
        self.count = 0
        self.zoom = 1.0
        self.message = QLabel()
        self.message.setObjectName("pageViewMessage")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setStyleSheet("color: palette(placeholder-text); padding: 24px;")
        self.message.hide()
        self.image = QLabel()
        self.image.setObjectName("pageImage")
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.area = _PageArea()
        self.area.setObjectName("pageArea")
        self.area.setWidget(self.image)
        self.area.setWidgetResizable(True)
        self.area.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.area.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.area.zoomRequested.connect(self.zoom_by)
        self.area.turnRequested.connect(lambda step: self.show_page(self.page + step))
        self.setFocusProxy(self.area)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.message)
        layout.addWidget(self.area, 1)
        self._generation = 0
        self._engine: _Engine | None = None
        self._cache: OrderedDict[tuple[int, float], QImage] = OrderedDict()  # GUI thread only
        self._shown: tuple[int, float] | None = None
        self._delivery = _Delivery()
        self._delivery.drawn.connect(self._on_drawn, Qt.ConnectionType.QueuedConnection)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)  # one thread drives PDFium at a time

    # -- what is shown -----------------------------------------------------------------------------
    def set_file(self, data: bytes, count: int) -> None:
        """Show pages of the PDF in `data`, which has `count` pages as far as its text knows (the file's
        own count replaces it once opened). The same bytes again keep the pages already drawn."""
        if self._engine is not None and self._engine.data == data:
            self.message.hide()
            self.area.show()
            return
        self._drop_file()
        self._engine = _Engine(data)
        self.count = max(count, 1)
        self.page = 1
        self.message.hide()
        self.area.show()

    def show_message(self, text: str) -> None:
        """Show one line instead of a page (the file is not kept, or cannot be drawn)."""
        self._drop_file()
        self._fail(text)

    def clear(self) -> None:
        """Show nothing and let the file go."""
        self._drop_file()
        self.message.hide()
        self.image.clear()

    def _drop_file(self) -> None:
        self._generation += 1
        self._cache.clear()
        self._shown = None
        self.image.clear()
        if self._engine is not None:
            self._engine.wanted = None
            self._pool.start(_CloseJob(self._engine))
            self._engine = None

    def _fail(self, text: str) -> None:
        self.area.hide()
        self.message.setText(text)
        self.message.show()
        self.failed.emit(text)

    @property
    def dpi(self) -> float:
        """Dots per inch the page is drawn at: the zoom, on this screen's pixel density."""
        return round(SCREEN_DPI * self.zoom * self.devicePixelRatioF(), 2)

    def show_page(self, page: int) -> None:
        """Show `page` (1-based, kept within the document), from the cache or drawn on the worker."""
        page = min(max(page, 1), max(self.count, 1))
        changed = page != self.page
        self.page = page
        if changed:
            self.pageChanged.emit(page)
        self._request()
        if changed:
            self.area.verticalScrollBar().setValue(0)

    def zoom_by(self, steps: int) -> None:
        """Move `steps` zoom steps in (positive) or out, keeping the middle of the page where it was."""
        nearest = min(range(len(ZOOMS)), key=lambda i: abs(ZOOMS[i] - self.zoom))
        self.set_zoom(ZOOMS[min(max(nearest + steps, 0), len(ZOOMS) - 1)])

    def set_zoom(self, zoom: float) -> None:
        if zoom == self.zoom:
            return
        bars = self.area.horizontalScrollBar(), self.area.verticalScrollBar()
        middle = [(bar.value() + bar.pageStep() / 2) / max(1, bar.maximum() + bar.pageStep()) for bar in bars]
        self.zoom = zoom
        self.zoomChanged.emit(zoom)
        self._request()
        for bar, share in zip(bars, middle, strict=True):
            bar.setValue(round(share * (bar.maximum() + bar.pageStep()) - bar.pageStep() / 2))

    def _request(self) -> None:
        if self._engine is None:
            return
        key = (self.page, self.dpi)
        cached = self._cache.get(key)
        if cached is not None:
            self._cache.move_to_end(key)
            self._put(key, cached)
            return
        wanted = (self._generation, *key)
        if self._engine.wanted == wanted:
            return  # already on its way
        self._engine.wanted = wanted
        if self._shown is None:
            self.image.setText(self.tr("Drawing page {0}…").format(self.page))
        self._pool.start(_DrawJob(self._engine, self._delivery, wanted))

    def _on_drawn(self, drawn: Drawn) -> None:
        if drawn.generation != self._generation or self._engine is None:
            return  # drawn for a document no longer shown
        if drawn.count:
            self.count = drawn.count
        if drawn.image is None:
            if drawn.encrypted:
                self._fail(self.tr("This PDF needs a password, so its pages cannot be shown as printed."))
            else:
                self._fail(self.tr("This page cannot be shown as printed: {0}.").format(drawn.error))
            return
        key = (drawn.page, drawn.dpi)
        self._cache[key] = drawn.image
        while len(self._cache) > CACHE_PAGES:
            self._cache.popitem(last=False)
        if key == (self.page, self.dpi):
            self._engine.wanted = None
            self._put(key, drawn.image)

    def _put(self, key: tuple[int, float], image: QImage) -> None:
        pixmap = QPixmap.fromImage(image)
        pixmap.setDevicePixelRatio(self.devicePixelRatioF())
        self.image.setPixmap(pixmap)
        self._shown = key
        self.message.hide()
        self.area.show()
        self.pageDrawn.emit(key[0])

    def cached(self, page: int) -> bool:
        """Whether `page` is drawn at the current zoom and waiting in the cache."""
        return (page, self.dpi) in self._cache

    def shutdown(self) -> None:
        """Wait for the drawing thread and free the document (the window is closing)."""
        engine = self._engine
        self._drop_file()
        self._pool.waitForDone()
        if engine is not None:
            engine.close()
