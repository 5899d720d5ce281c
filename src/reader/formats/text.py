"""Plain text in any encoding: the file's lines are the blocks the cleaner judges.

A text dump of a page keeps one line per block, so the cleaner needs nothing more than the lines; the
decoded text is both what is stored and what the Original view shows.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from reader.core.cleaning import SourceHints, clean_text
from reader.core.derive import Derived, from_cleaned
from reader.core.text.decoding import decode_bytes
from reader.formats.base import ImportedText


@dataclass(frozen=True)
class TextImporter:
    """Lines of decoded text. Has no signature of its own, so it is chosen by suffix only."""

    name: str
    label: str
    suffixes: frozenset[str]

    def sniff(self, head: bytes) -> bool:
        return False

    def read(
        self,
        data: bytes,
        filename: str,
        *,
        cancelled: Callable[[], bool] | None = None,
        progress: Callable[[int, int], None] | None = None,
    ) -> ImportedText:
        decoded = decode_bytes(data, filename)
        evidence = {"encoding": decoded.encoding, "replaced": str(decoded.replaced)}
        return ImportedText(raw=decoded.text, original=decoded.text, evidence=evidence)

    def from_raw(self, raw: str) -> ImportedText:
        return ImportedText(raw=raw, original=raw)

    def evidence(self, raw: str) -> dict[str, str]:
        return {}

    def derive(
        self, imported: ImportedText, overrides: Mapping[int, bool] | None = None, *, hints: SourceHints | None = None
    ) -> Derived:
        return from_cleaned(imported.original, clean_text(imported.original, overrides, hints))


IMPORTER = TextImporter(name="text", label="Text files", suffixes=frozenset({".txt", ".text"}))
