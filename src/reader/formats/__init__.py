"""File formats the reader imports: one importer per format behind one interface (`base.Importer`),
listed once in `registry.IMPORTERS`. Formats sit above the core (they use its decoding and cleaning)
and below the store and the UI, which they never import."""

from reader.formats.base import SNIFF_BYTES, FormatError, ImportedText, Importer
from reader.formats.registry import (
    IMPORTERS,
    SUPPORTED_SUFFIXES,
    derive_raw,
    dialog_patterns,
    importer_for,
    importer_named,
)

__all__ = [
    "IMPORTERS",
    "SNIFF_BYTES",
    "SUPPORTED_SUFFIXES",
    "FormatError",
    "ImportedText",
    "Importer",
    "derive_raw",
    "dialog_patterns",
    "importer_for",
    "importer_named",
]
