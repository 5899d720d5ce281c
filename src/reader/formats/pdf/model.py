"""What the PDF reader works on and gives back, and the one-line errors it raises.

The layout (fragments with boxes, per page) is all the later steps need, and it round-trips through JSON,
so the library can store it as the document's raw text and re-derive (after a better cleaner, or with the
user's line overrides) without the PDF engine or the original bytes.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reader.core.cleaning import Removed
from reader.formats.base import FormatError


class PdfError(FormatError):
    """A PDF that cannot be read; the message is the one-line reason shown to the user (a `FormatError`, so
    an import skips the file with that reason like any other format's)."""


class PdfEncrypted(PdfError):
    """The PDF needs a password to open."""


class PdfDamaged(PdfError):
    """The PDF is not a PDF, or its structure is broken beyond what the engine repairs."""


class PdfTooLarge(PdfError):
    """More bytes or pages than a report has; refused so reading stays bounded in time and memory."""


@dataclass(frozen=True)
class Fragment:
    """Characters on one baseline without a wide gap; y grows downwards from the page's top edge."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool = False
    conf: float = 1.0  # the OCR engine's confidence in the line; 1.0 for a text layer


@dataclass(frozen=True)
class PageBox:
    """One page's fragments. `ocr` says they were read from the page's image (it had no usable text layer);
    `note` is the one-line reason a page that needed reading gave no text (engine missing, bad image)."""

    index: int
    width: float
    height: float
    fragments: tuple[Fragment, ...]
    ocr: bool = False
    note: str = ""


@dataclass(frozen=True)
class Layout:
    pages: tuple[PageBox, ...]


@dataclass(frozen=True)
class Line:
    """One line in reading order: the fragments of one baseline in one column (several when it is a table
    row). `kind` is "body", "heading", "table", "footnote", or the furniture reason it is removed for."""

    page: int
    fragments: tuple[Fragment, ...]
    kind: str = "body"
    column: int = 0  # -1 for a line across the columns of a two-column page

    @property
    def text(self) -> str:
        return "\t".join(fragment.text for fragment in self.fragments)

    @property
    def x0(self) -> float:
        return self.fragments[0].x0

    @property
    def x1(self) -> float:
        return self.fragments[-1].x1

    @property
    def top(self) -> float:
        return min(fragment.top for fragment in self.fragments)

    @property
    def bottom(self) -> float:
        return max(fragment.bottom for fragment in self.fragments)

    @property
    def size(self) -> float:
        return max(fragment.size for fragment in self.fragments)


PITCH_MIN_UNITS = 4
"""A line narrower than this many ems says too little about its print to measure its pitch."""


def em_units(text: str) -> float:
    """A line's width in ems as set: a wide character (ideograph, full-width form) is one, any other half."""
    return sum(1.0 if unicodedata.east_asian_width(ch) in "WF" else 0.5 for ch in text)


def pitch(fragment: Fragment) -> float:
    """Width per character, 0 for a fragment too short to tell. Chinese is set on a square em, so this is
    the print size, however tall a scanner's line boxes come out."""
    units = em_units(fragment.text)
    return (fragment.x1 - fragment.x0) / units if units >= PITCH_MIN_UNITS else 0.0


FURNITURE = ("page-header", "page-footer", "page-number", "contents")
"""Reason codes of removed page furniture, in the same shape as the cleaner's reasons."""


@dataclass(frozen=True)
class PdfText:
    """A text PDF as read: the reflowed text and everything needed to show and undo how it was made.

    `original` has one line per extracted line in reading order (furniture included), the text whose
    1-based line numbers `removed` refers to; `text` is the reflowed paragraphs joined by "\\n".
    `original_pages` and `pages` are the code-point offsets at which each page begins in either text.
    """

    text: str
    paragraphs: tuple[str, ...]
    headings: tuple[int, ...]  # indices in `paragraphs` that are headings
    original: str
    removed: tuple[Removed, ...]
    pages: tuple[int, ...]
    original_pages: tuple[int, ...]
    layout: Layout
    sizes: tuple[float, ...] = ()  # largest font size in each paragraph, to tell a title by its print
    starts_on: tuple[int, ...] = ()  # page index on which each paragraph begins
    body_size: float = 0.0  # the size most characters are set in
    lines_of: tuple[tuple[int, ...], ...] = ()  # 1-based lines of `original` each paragraph was made from
    pitches: tuple[float, ...] = ()  # median width per character of each paragraph's lines (0: too short)


def layout_to_json(layout: Layout) -> str:
    """The layout as compact JSON: what the library stores as a PDF's raw text. An OCR'd page says so
    (`"ocr":1`) and each of its fragments carries the engine's confidence as an eighth field; a page that
    gave no text carries its note. So OCR is done once: re-deriving never needs the engine again."""
    pages = []
    for page in layout.pages:
        entry: dict[str, object] = {
            "w": round(page.width, 2),
            "h": round(page.height, 2),
            "f": [_fragment_row(f, page.ocr) for f in page.fragments],
        }
        if page.ocr:
            entry["ocr"] = 1
        if page.note:
            entry["note"] = page.note
        pages.append(entry)
    return json.dumps({"pdf-layout": 1, "pages": pages}, ensure_ascii=False, separators=(",", ":"))


def _fragment_row(f: Fragment, ocr: bool) -> list[object]:
    row: list[object] = [f.text, round(f.x0, 2), round(f.x1, 2), round(f.top, 2), round(f.bottom, 2), f.size]
    row.append(int(f.bold))
    if ocr:
        row.append(f.conf)
    return row


def _fragment(row: Sequence[Any]) -> Fragment:
    """One stored fragment: seven fields, an eighth (confidence) on OCR'd pages."""
    t, a, b, c, d, s, w, *rest = row
    conf = float(rest[0]) if rest else 1.0
    return Fragment(str(t), float(a), float(b), float(c), float(d), float(s), bool(w), conf)


def layout_from_json(raw: str) -> Layout:
    """The layout `layout_to_json` stored; PdfDamaged when the text is not one."""
    try:
        data = json.loads(raw)
        pages = tuple(
            PageBox(
                i,
                float(page["w"]),
                float(page["h"]),
                tuple(_fragment(row) for row in page["f"]),
                bool(page.get("ocr", 0)),
                str(page.get("note", "")),
            )
            for i, page in enumerate(data["pages"])
        )
    except (ValueError, KeyError, TypeError) as exc:
        raise PdfDamaged(f"stored PDF layout cannot be read ({exc})") from None
    return Layout(pages)
