"""The formats the reader opens, in the order they are asked: adding a format is one module and one line.

Everything that needs to know which formats exist reads this list: which files a folder import takes
(`SUPPORTED_SUFFIXES`), which importer reads a file (`importer_for`: content first, then the name), which
importer re-derives a stored document (`importer_named`, by the name stored with it), and the file dialog's
filter (`dialog_patterns`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from reader.core.cleaning import SourceHints
from reader.core.derive import Derived
from reader.formats import docx, epub, html, markdown, mhtml, pdf, text
from reader.formats.base import FormatError, ImportedText, Importer, PageCache

IMPORTERS: tuple[Importer, ...] = (
    pdf.IMPORTER,
    epub.IMPORTER,
    docx.IMPORTER,
    mhtml.IMPORTER,
    html.IMPORTER,
    markdown.IMPORTER,
    text.IMPORTER,
)
"""Order matters only for `sniff`: the first importer that recognises a file's content reads it."""

SUPPORTED_SUFFIXES: frozenset[str] = frozenset().union(*(i.suffixes for i in IMPORTERS))
_BY_NAME: dict[str, Importer] = {i.name: i for i in IMPORTERS}
_BY_SUFFIX: dict[str, Importer] = {s: i for i in reversed(IMPORTERS) for s in i.suffixes}


def importer_named(name: str) -> Importer:
    """The importer whose `name` a document was stored with; FormatError for a name this version lacks."""
    try:
        return _BY_NAME[name]
    except KeyError:
        raise FormatError(f"documents of type {name!r} cannot be read by this version of reader") from None


def importer_for(filename: str, head: bytes) -> Importer | None:
    """Who reads a file: the first importer that recognises its first bytes, else the one its suffix
    names, else None. Content wins because files travel under wrong names (a page saved as ".txt")."""
    for importer in IMPORTERS:
        if importer.sniff(head):
            return importer
    dot = filename.rfind(".")
    return _BY_SUFFIX.get(filename[dot:].lower()) if dot >= 0 else None


HINTED: frozenset[str] = frozenset(i.name for i in (text.IMPORTER, markdown.IMPORTER, html.IMPORTER, mhtml.IMPORTER))
"""Importers whose cleaning reads `SourceHints`: the library computes hints for their documents only
(a PDF, a DOCX or an EPUB is one document whose furniture is its own running heads)."""


PAGED: frozenset[str] = frozenset({pdf.IMPORTER.name})
"""Importers whose `read` takes a `PageCache` (`pages=`): they read a file page by page, slowly enough (OCR)
that an interrupted import should not read a page twice."""


def read_file(
    importer: Importer,
    data: bytes,
    filename: str,
    *,
    cancelled: Callable[[], bool] | None = None,
    progress: Callable[[int, int], None] | None = None,
    pages: PageCache | None = None,
) -> ImportedText:
    """`importer.read` with the page cache given to the importers that read page by page (`PAGED`), so the
    other importers keep the plain interface."""
    if pages is not None and importer.name in PAGED:
        read: Callable[..., ImportedText] = importer.read
        return read(data, filename, cancelled=cancelled, progress=progress, pages=pages)
    return importer.read(data, filename, cancelled=cancelled, progress=progress)


def derive_raw(
    raw: str, name: str, overrides: Mapping[int, bool] | None = None, hints: SourceHints | None = None
) -> Derived:
    """Re-derive a stored document from its raw text with the importer it was read by, with what the
    other documents of its source say about its furniture (`hints`) when the caller knows it."""
    importer = importer_named(name)
    return importer.derive(importer.from_raw(raw), overrides, hints=hints)


def evidence_of(raw: str, name: str) -> dict[str, str]:
    """What the importer can tell about a stored document's source (for a PDF: which pages were read by
    OCR and why a page gave nothing); empty for a format that records nothing or a name it does not know."""
    try:
        return dict(importer_named(name).evidence(raw))
    except (FormatError, ValueError):
        return {}


def dialog_patterns() -> str:
    """The glob patterns of every supported suffix, for a file dialog's filter ("*.htm *.html …")."""
    return " ".join(f"*{suffix}" for suffix in sorted(SUPPORTED_SUFFIXES))
