"""Scans whose pages a stand-in OCR engine tells apart: page k is a flat grey of its own shade.

A stand-in that reads a page by how many pages it read before gives other text when a read starts at page
3; this one reads each page by its shade, so a read resumed halfway must give exactly what one read in one
go gives. The PDF is made like the other scan fixtures (`pdf_scans.images_to_pdf`: a JPEG over each page,
no text layer).
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from unit.formats.pdf.pdf_scans import PAGE_W, images_to_pdf

SHADE_TOP, SHADE_STEP = 235, 20
MAX_PAGES = 10
"""Shades stay apart (and above black) for this many pages."""

HEAD = "乡村公共文化服务调查报告"
BODIES = (
    (("这份调查报告整理了三个县的乡村图书室使用情况，", "重点关注借阅人数和开放时间。"),),
    (("儿童读物的借阅量最高，其次是农业技术和医疗", "保健类图书，新书补充不够及时。"),),
    (("有些村把图书室和老年活动中心放在一起，来访", "人数明显增加，管理员也更加积极。"),),
)
"""What page k prints (`BODIES[k % 3]`), paragraph by paragraph and line by line."""


def shaded_scan(pages: int) -> bytes:
    """A PDF of `pages` image-only pages, page k a flat grey of its own shade."""
    from PIL import Image

    assert pages <= MAX_PAGES
    images = []
    for k in range(pages):
        out = io.BytesIO()
        Image.new("L", (620, 877), SHADE_TOP - SHADE_STEP * k).save(out, format="JPEG")
        images.append(out.getvalue())
    return images_to_pdf(images)


class ByShade:
    """An OCR engine that reads page k (told by its shade) as a running head, `BODIES[k % 3]` and a
    `— k+1 —` page number; it records which pages it read, and fails on page `fail_on`."""

    def __init__(self, fail_on: int | None = None) -> None:
        self.read: list[int] = []
        self.fail_on = fail_on

    def __call__(self, image: Any) -> list[tuple[list[list[float]], str, float]]:
        page = round((SHADE_TOP - float(image.mean())) / SHADE_STEP)
        self.read.append(page)
        if page == self.fail_on:
            raise ValueError("unreadable")
        px = image.shape[1] / PAGE_W
        out: list[tuple[list[list[float]], str, float]] = []

        def line(text: str, x0: float, top: float, size: float = 12.0, x1: float | None = None) -> None:
            right = x0 + size * len(text) if x1 is None else x1
            bottom = top + 1.1 * size
            quad = [[x0 * px, top * px], [right * px, top * px], [right * px, bottom * px], [x0 * px, bottom * px]]
            out.append((quad, text, 0.97))

        line(HEAD, 240, 50, 10)
        top = 90.0
        for paragraph in BODIES[page % len(BODIES)]:
            for i, text in enumerate(paragraph):
                line(text, 96 if i == 0 else 72, top, x1=None if i == len(paragraph) - 1 else PAGE_W - 72)
                top += 18
        line(f"— {page + 1} —", 280, 790, 10)
        return out

    def text_of(self, page: int) -> list[str]:
        """The paragraphs page `page` prints."""
        return ["".join(paragraph) for paragraph in BODIES[page % len(BODIES)]]


class Killed(BaseException):
    """The process going down in the middle of a page: nothing catches it, as nothing survives a kill."""


class DiesOn(ByShade):
    """Reads pages until it comes to page `die_on`, then the process "dies"."""

    def __init__(self, die_on: int) -> None:
        super().__init__()
        self.die_on = die_on

    def __call__(self, image: Any) -> list[tuple[list[list[float]], str, float]]:
        found = super().__call__(image)
        if self.read[-1] == self.die_on:
            raise Killed
        return found


def killed_import(
    library: Path, paths: list[Path], monkeypatch: Any, die_on: int, workers: int | None = None
) -> DiesOn:
    """An import of `paths` into the library file at `library` (noted and resumable, as the window and
    `reader import` run it) that "dies" when OCR comes to page `die_on`; the engine, for what it read."""
    from reader.app.resuming import import_resumably
    from reader.formats.pdf import ocr
    from reader.store.library import Library

    dying = DiesOn(die_on)
    monkeypatch.setattr(ocr, "default_engine", lambda: dying)
    opened = Library(library)
    try:
        import_resumably(opened, paths, workers=workers)
    except Killed:
        return dying
    finally:
        opened.close()
    raise AssertionError(f"the import did not come to page {die_on}")
