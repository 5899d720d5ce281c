"""Print the HTML export to a PDF file with Qt, offscreen, with the CJK font embedded.

PDF is the HTML export (`reader.core.export.html`) laid out by QTextDocument and painted by QPdfWriter:
one rendering path to maintain, no browser engine to ship, and it works from the CLI with no window.
QPdfWriter embeds (subsets of) the fonts it paints with, so the file reads the same on a machine
without Chinese fonts, provided a CJK font is what Qt actually uses: the CSS font stack names families
that may not exist here, so the document's default font is set to the first installed CJK family too,
in the region the export's script calls for (`<html lang>`: TC faces for zh-Hant and zh-Hant-TW, HK for
zh-Hant-HK, SC otherwise; see `reader.ui.fonts`).

The text layer is repaired after writing. Qt gives each embedded font a ToUnicode map built backwards
from the font's cmap, taking for each glyph the lowest code point that maps to it; Noto CJK (Serif and
Sans, every region) draws Kangxi radicals and CJK radicals with the glyph of the ideograph they look
like, so 一 行 工 长 心 came out as ⼀ ⾏ ⼯ ⻓ ⼼ (272 times in 6,000 characters of a seed report) and a
search for 一行 found nothing. `_repair_text_layer` rewrites those entries with the character that was
actually printed and shares the glyph. Entries are four hex digits either way, so the edit keeps every
byte offset and the cross-reference table stays valid (docs/decisions/export.md).

This module needs QtGui and therefore lives outside the Qt-free core.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF
from PySide6.QtGui import (
    QFont,
    QFontDatabase,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPdfWriter,
    QRawFont,
    QTextDocument,
)

from reader.ui.fonts import REGION_FAMILIES, cjk_families

__all__ = ["PREFERRED_CJK_FAMILIES", "cjk_font_family", "pdf_font_family", "write_pdf"]

PREFERRED_CJK_FAMILIES = REGION_FAMILIES["sc"]
"""The same order as the HTML font stack, plus common Linux fallbacks."""

_NO_MARGINS = QMarginsF(0, 0, 0, 0)
"""The writer's own margins; QTextDocument.print_() adds 2 cm on every side and puts the page number in
the bottom one, so margins set here as well would add up to almost 4 cm."""

_app: QGuiApplication | None = None
"""Keeps a QGuiApplication we had to create alive for the rest of the process (fonts need one)."""


def _ensure_gui_application() -> None:
    """Fonts and painting need a QGuiApplication; the CLI has none, and may run with no display.

    With no X11 or Wayland display the "offscreen" platform is chosen instead of letting Qt abort.
    An existing QCoreApplication (not a GUI one) cannot be upgraded, so that is reported as an error.
    """
    global _app
    existing = QCoreApplication.instance()
    if isinstance(existing, QGuiApplication):
        return
    if existing is not None:
        raise RuntimeError("PDF export needs a QGuiApplication, but a non-GUI QCoreApplication is running")
    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _app = QGuiApplication([sys.argv[0] if sys.argv else "reader"])


def cjk_font_family() -> str | None:
    """The first preferred CJK family installed, else any family that can write Simplified Chinese."""
    families = QFontDatabase.families()
    available = set(families)
    for family in PREFERRED_CJK_FAMILIES:
        if family in available:
            return family
    chinese = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    return chinese[0] if chinese else None


_LANG = re.compile(r"<html[^>]*\blang=[\"']([A-Za-z-]+)[\"']", re.IGNORECASE)


def _region_of_lang(tag: str) -> str:
    """The glyph region for a BCP 47 tag: zh-Hant-HK → hk, zh-Hant / zh-TW → tc, anything else → sc."""
    parts = [p.lower() for p in tag.split("-")]
    if "hk" in parts or "mo" in parts:
        return "hk"
    if "hant" in parts or "tw" in parts:
        return "tc"
    return "sc"


def pdf_font_family(html: str) -> str | None:
    """The family a PDF of `html` is set in: the first installed face of the region its `lang` names."""
    _ensure_gui_application()
    match = _LANG.search(html)
    families = cjk_families(_region_of_lang(match.group(1) if match else "zh-Hans"))
    return families[0] if families else cjk_font_family()


def write_pdf(html: str, path: Path) -> None:
    """Render `html` (normally `to_html(...)`) as an A4 PDF at `path`, with page numbers and a text
    layer that extracts as the text printed.

    Raises OSError if the file cannot be written: the file is opened first, because QPdfWriter only
    logs a warning and paints nothing when it cannot open it.
    """
    path = Path(path)
    path.open("wb").close()
    _ensure_gui_application()
    document = QTextDocument()
    family = pdf_font_family(html)
    if family is not None:
        font = QFont(family)
        font.setPointSizeF(11)
        # Noto CJK's `locl` swaps digits in Latin runs ("2023-09-30T23:03") for glyphs no code point
        # maps to, which Qt then writes without text: they vanished from the text layer. The regional
        # family already draws its region's forms without it.
        font.setFeature(QFont.Tag("locl"), 0)
        document.setDefaultFont(font)
    document.setHtml(html)

    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(_NO_MARGINS, QPageLayout.Unit.Millimeter)
    writer.setResolution(300)
    writer.setCreator("reader")
    writer.setTitle(document.metaInformation(QTextDocument.MetaInformation.DocumentTitle))
    # print_() lays a copy of the document out on the A4 page with 2 cm margins, paginates it, numbers
    # the pages, and finishes the file when its painter ends.
    document.print_(writer)
    del writer  # the file is complete only once QPdfWriter is gone
    if not path.exists() or path.stat().st_size == 0:
        raise OSError(f"could not write PDF to {path}")
    if family is not None:
        printed = document.toPlainText() + "0123456789"  # print_() adds the page numbers
        data = path.read_bytes()
        repaired = _repair_text_layer(data, printed, family)
        if repaired != data:
            path.write_bytes(repaired)


_TO_UNICODE_REF = re.compile(rb"/ToUnicode\s+(\d+)\s+0\s+R")
_HEX4 = re.compile(rb"<([0-9A-Fa-f]{4})>")
_RANGE = re.compile(rb"^(<[0-9A-Fa-f]{4}>\s+<[0-9A-Fa-f]{4}>\s+)(.*)$")


def _glyph_lookup(family: str, printed: str) -> Callable[[str], str | None]:
    """For a character, the printed character `family` draws with the same glyph (None if there is none).

    Only BMP characters take part: ToUnicode entries we rewrite are four hex digits.
    """
    raw = QRawFont.fromFont(QFont(family))
    chars = sorted({c for c in printed if ord(c) <= 0xFFFF and not 0xD800 <= ord(c) <= 0xDFFF})
    glyphs = raw.glyphIndexesForString("".join(chars)) if raw.isValid() else []
    by_glyph: dict[int, str] = {}
    if len(glyphs) == len(chars):
        for char, glyph in zip(chars, glyphs, strict=True):
            if glyph:
                by_glyph.setdefault(glyph, char)

    def lookup(char: str) -> str | None:
        if not raw.isValid():
            return None
        found = raw.glyphIndexesForString(char)
        return by_glyph.get(found[0]) if len(found) == 1 and found[0] else None

    return lookup


def _repair_text_layer(data: bytes, printed: str, family: str) -> bytes:
    """`data` with every ToUnicode entry that names a character not printed replaced by the printed
    character drawn with the same glyph in `family` (⼀ U+2F00 → 一 U+4E00).

    Each rewrite swaps four hex digits for four, inside uncompressed CMap streams as Qt writes them, so
    the file keeps its length and offsets. A stream that is compressed or shaped otherwise is left alone.
    """
    present = set(printed)
    lookup = _glyph_lookup(family, printed)
    cache: dict[bytes, bytes] = {}

    def fix_token(match: re.Match[bytes]) -> bytes:
        token = match.group(1)
        if token not in cache:
            char = chr(int(token, 16))
            replacement = None if char in present else lookup(char)
            cache[token] = f"{ord(replacement):04X}".encode() if replacement is not None else token
        return b"<" + cache[token] + b">"

    out = bytearray(data)
    for number in {m.group(1) for m in _TO_UNICODE_REF.finditer(data)}:
        start = data.find(b"\n" + number + b" 0 obj")
        begin = data.find(b"stream\n", start)
        end = data.find(b"endstream", begin)
        if start < 0 or begin < 0 or end < 0 or b"/Filter" in data[start:begin]:
            continue
        body = data[begin + len(b"stream\n") : end]
        if b"begincmap" not in body:
            continue
        lines = []
        for line in body.split(b"\n"):
            ranged = _RANGE.match(line)
            if ranged is not None:
                # An array gives one character per code; a single <u> is safe only for a one-code range
                # (<a> <a> <u>), as a longer range counts up from it.
                if ranged.group(2).startswith(b"[") or line[1:5] == line[8:12]:
                    line = ranged.group(1) + _HEX4.sub(fix_token, ranged.group(2))
            elif re.fullmatch(rb"<[0-9A-Fa-f]{4}>\s+<[0-9A-Fa-f]{4}>", line.strip()):
                head, _, tail = line.rpartition(b" ")  # bfchar: <code> <unicode>
                line = head + b" " + _HEX4.sub(fix_token, tail)
            lines.append(line)
        fixed = b"\n".join(lines)
        if len(fixed) == len(body):
            out[begin + len(b"stream\n") : end] = fixed
    return bytes(out)
