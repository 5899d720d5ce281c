"""Print the HTML export to a PDF file with Qt, offscreen, with the CJK font embedded.

PDF is the HTML export (`reader.core.export_html`) laid out by QTextDocument and painted by QPdfWriter:
one rendering path to maintain, no browser engine to ship, and it works from the CLI with no window.
QPdfWriter embeds (subsets of) the fonts it paints with, so the file reads the same on a machine
without Chinese fonts, provided a CJK font is what Qt actually uses: the CSS font stack names families
that may not exist here, so the document's default font is set to the first installed CJK family too.

This module needs QtGui and therefore lives outside the Qt-free core.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication, QPageLayout, QPageSize, QPdfWriter, QTextDocument

__all__ = ["PREFERRED_CJK_FAMILIES", "cjk_font_family", "write_pdf"]

PREFERRED_CJK_FAMILIES = (
    "Noto Serif CJK SC",
    "Source Han Serif SC",
    "Songti SC",
    "STSong",
    "SimSun",
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "PingFang SC",
    "Microsoft YaHei",
    "WenQuanYi Zen Hei",
    "WenQuanYi Micro Hei",
    "AR PL UMing CN",
)
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


def write_pdf(html: str, path: Path) -> None:
    """Render `html` (normally `to_html(...)`) as an A4 PDF at `path`, with page numbers.

    Raises OSError if the file cannot be written: the file is opened first, because QPdfWriter only
    logs a warning and paints nothing when it cannot open it.
    """
    path = Path(path)
    path.open("wb").close()
    _ensure_gui_application()
    document = QTextDocument()
    family = cjk_font_family()
    if family is not None:
        font = QFont(family)
        font.setPointSizeF(11)
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
