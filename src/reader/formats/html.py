"""HTML pages: the markup is stored as decoded, rendered to blocks, and cleaned with the markup as evidence.

The Original view shows the block rendering (one line per visible block), whose line numbers the cleaner's
removed lines and the user's overrides refer to; the stored raw text keeps the markup, so a better
renderer can re-derive every page.
"""

from __future__ import annotations

import codecs
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from reader.core.cleaning import SourceHints, clean_html, html_to_blocks
from reader.core.derive import Derived, from_cleaned
from reader.core.text.decoding import decode_bytes
from reader.formats.base import ImportedText

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE, whose BOM it starts with
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_OPENINGS = ("<!doctype html", "<html")


def head_text(head: bytes) -> str:
    """The first bytes as text, good enough to look for ASCII markup: a BOM or the zero bytes of UTF-16
    say how; every other encoding the app reads (GBK, Big5, UTF-8) keeps ASCII as it is."""
    for bom, codec in _BOMS:
        if head.startswith(bom):
            return head[len(bom) :].decode(codec, "ignore")
    if len(head) >= 2 and head[0] != 0 and head[1] == 0:
        return head.decode("utf-16-le", "ignore")
    if len(head) >= 2 and head[0] == 0 and head[1] != 0:
        return head.decode("utf-16-be", "ignore")
    return head.decode("latin-1")


@dataclass(frozen=True)
class HtmlImporter:
    name: str = "html"
    label: str = "Web pages"
    suffixes: frozenset[str] = frozenset({".html", ".htm"})

    def sniff(self, head: bytes) -> bool:
        """A page saved under another name (".txt") still starts with its doctype or <html>."""
        return head_text(head).lstrip().lower().startswith(_OPENINGS)

    def read(
        self,
        data: bytes,
        filename: str,
        *,
        cancelled: Callable[[], bool] | None = None,
        progress: Callable[[int, int], None] | None = None,
    ) -> ImportedText:
        decoded = decode_bytes(data, filename)
        imported = self.from_raw(decoded.text)
        evidence = {"encoding": decoded.encoding, "replaced": str(decoded.replaced), "markup": "html"}
        return ImportedText(raw=imported.raw, original=imported.original, evidence=evidence)

    def from_raw(self, raw: str) -> ImportedText:
        return ImportedText(raw=raw, original=html_to_blocks(raw), evidence=self.evidence(raw))

    def evidence(self, raw: str) -> dict[str, str]:
        return {"markup": "html"}

    def derive(
        self, imported: ImportedText, overrides: Mapping[int, bool] | None = None, *, hints: SourceHints | None = None
    ) -> Derived:
        return from_cleaned(imported.original, clean_html(imported.raw, overrides, hints))


IMPORTER = HtmlImporter()
