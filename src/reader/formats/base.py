"""What every importer gives and what it promises: one interface, so a new format is one new module.

An importer turns a file's bytes into an `ImportedText` (the decoded text that is stored, what the Original
view shows, the evidence it read, where each page begins) and an `ImportedText` into a `Derived` (the
cleaned text, removed lines with reasons, metadata, script). The two steps are apart because the library
re-derives whenever the cleaner improves or the user overrides a line, and until the original bytes are
stored it does so from the stored raw text alone: `from_raw(raw)` must give back what `read` gave.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

from reader.core.cleaning import SourceHints
from reader.core.derive import Derived

SNIFF_BYTES = 4096
"""How much of a file `sniff` is shown: enough for a BOM, a doctype or a ZIP's first entry name."""


@dataclass(frozen=True)
class PageKey:
    """Which page reading a cached result is: the file's bytes (SHA-256, hex), the engine that read it (its
    version, so a better model reads the page again) and the page's 0-based index in the file."""

    content: str
    engine: str
    page: int


@runtime_checkable
class PageCache(Protocol):
    """Results of the slow reading of single pages (a scanned page read by OCR), kept outside the importer.

    An importer that reads a file page by page stores each page's result as soon as it has it (`put`) and
    asks for it before reading the page (`get`), so an import interrupted after page k (a cancel, a quit,
    a crash) reads only the pages after k when it is started again. The result is the importer's own
    serialisation of one page; the cache keeps it as an opaque string. `get` gives None for a page it does
    not hold; a cache that cannot store may drop what it is given (the import is only slower).
    """

    def get(self, key: PageKey) -> str | None: ...

    def put(self, key: PageKey, result: str) -> None: ...


class FormatError(Exception):
    """A file this format cannot read (damaged, encrypted, empty); the message is the one-line reason."""


@dataclass(frozen=True)
class ImportedText:
    """A file as read, before cleaning.

    `raw` is what the library stores and re-derives from; `original` is what the Original view shows, one
    line per block, and the text whose 1-based line numbers `Removed.line` and line overrides refer to
    (for plain text the two are the same string). `pages` holds the code-point offsets in `original` at
    which each page begins (empty for formats without pages).
    """

    raw: str
    original: str
    evidence: Mapping[str, str] = field(default_factory=dict)
    pages: tuple[int, ...] = ()


@runtime_checkable
class Importer(Protocol):
    """One file format. `name` is stored with each document (the `kind` column) and must never change."""

    @property
    def name(self) -> str: ...

    @property
    def label(self) -> str:
        """Untranslated name for file dialogs ("HTML pages"); the UI translates it by `name`."""
        ...

    @property
    def suffixes(self) -> frozenset[str]:
        """Lower-case file suffixes with the dot (".htm"); a folder import takes files with these."""
        ...

    def sniff(self, head: bytes) -> bool:
        """Whether the first `SNIFF_BYTES` of a file show it is of this format, whatever its name says."""
        ...

    def read(
        self,
        data: bytes,
        filename: str,
        *,
        cancelled: Callable[[], bool] | None = None,
        progress: Callable[[int, int], None] | None = None,
    ) -> ImportedText:
        """Decode a whole file; FormatError (or decoding.DecodingError) with a one-line reason.

        `cancelled` is asked between the long steps of a slow read (a scanned PDF's pages, each read by
        OCR) so that an import can stop within one step; `progress` hears (steps done, steps) of such a
        read, so the window can say which page it is at. A fast reader may ignore both.

        An importer that reads page by page (a PDF's scans) also takes `pages`, a `PageCache`; callers pass
        it through `registry.read_file`, which gives it only to the importers that take it."""
        ...

    def from_raw(self, raw: str) -> ImportedText:
        """Rebuild what `read` gave from the stored `raw` alone (the library re-derives from it)."""
        ...

    def evidence(self, raw: str) -> dict[str, str]:
        """`from_raw(raw).evidence`: what the Info tab says about the source (OCR pages, repairs).

        Asked on every document the window shows, on its thread; so a format answers from what it stored
        without rebuilding the text where it can (a PDF's layout analysis, an HTML page's parse)."""
        ...

    def derive(
        self, imported: ImportedText, overrides: Mapping[int, bool] | None = None, *, hints: SourceHints | None = None
    ) -> Derived:
        """Clean the text, honouring the user's line overrides (keyed by line of `original`).

        `hints` is what the other documents of the same source say about this one's furniture (lines
        they all repeat, the site name after their titles); the library computes them. A format whose
        cleaning has no use for them (a PDF's furniture is its running heads) ignores them."""
        ...
