"""Where PDF writing used to live; it is Qt code and now sits in `reader.ui.pdf_export`.

Kept so that modules importing the old path keep working until they import the new one.
"""

from __future__ import annotations

from reader.ui.pdf_export import PREFERRED_CJK_FAMILIES, cjk_font_family, write_pdf

__all__ = ["PREFERRED_CJK_FAMILIES", "cjk_font_family", "write_pdf"]
