"""One scanned page's OCR result as text, so a page read once is never read again (`base.PageCache`).

The result is kept exactly: every field of every fragment with its full float value (JSON gives a Python
float back bit for bit), so a document built from cached pages is the same document as one read in one go.
A stored result that cannot be read back (damaged, or written by a later version in another form) reads
as missing, and the page is read by OCR again.
"""

from __future__ import annotations

import json
from typing import Any

from reader.formats.pdf.model import Fragment
from reader.formats.pdf.ocr import PageOcr

FORM = 1
"""The form of the stored text; a result in another form is not used."""


def dump(result: PageOcr) -> str:
    """`result` as compact JSON: its fragments (text, box, size, weight, confidence) and its note."""
    rows = [[f.text, f.x0, f.x1, f.top, f.bottom, f.size, int(f.bold), f.conf] for f in result.fragments]
    data = {"form": FORM, "f": rows, "note": result.note, "t": result.turns}
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def load(text: str) -> PageOcr | None:
    """The result `dump` gave, or None when `text` is not one."""
    try:
        data: Any = json.loads(text)
        if not isinstance(data, dict) or data.get("form") != FORM:
            return None
        fragments = tuple(_fragment(row) for row in data["f"])
        return PageOcr(fragments, str(data.get("note", "")), turns=int(data.get("t", 0)) % 4)
    except (ValueError, KeyError, TypeError):
        return None


def _fragment(row: Any) -> Fragment:
    text, x0, x1, top, bottom, size, bold, conf = row
    return Fragment(str(text), float(x0), float(x1), float(top), float(bottom), float(size), bool(bold), float(conf))
