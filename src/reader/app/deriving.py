"""From a file to a stored document, and again whenever its cleaning changes.

The store keeps rows; deciding what a document's text is (its format's importer, the user's line
decisions) and where its annotations land in a new text happens here, so the store never cleans and
never anchors. Each function writes in one transaction of the library it is given (the writer's).
"""

from __future__ import annotations

from collections.abc import Callable

from reader.core.annotations.anchoring import Selector, anchor_many
from reader.core.derive import Derived
from reader.core.importing import Prepared
from reader.formats.registry import derive_raw
from reader.store.library import Library

Progress = Callable[[int, int, str], None]


def add_prepared(library: Library, prepared: Prepared) -> tuple[str, int]:
    """Store a prepared file: ("imported", id), ("duplicate", id) or ("updated", id).

    The same content is never stored twice; a file already imported from the same path whose content
    changed updates that document, so what the user attached to it stays attached.
    """
    with library.transaction():
        existing = library.find_by_hash(prepared.content_hash)
        if existing is not None:
            return "duplicate", existing
        same_path = library.find_by_path(prepared.path)
        if same_path is not None:
            derived = derive_raw(prepared.raw, prepared.kind, library.overrides(same_path))
            library.replace_file(same_path, prepared, derived)
            write_derived(library, same_path, derived, prepared.filename)
            return "updated", same_path
        doc_id = library.insert_file(prepared)
        write_derived(library, doc_id, prepared.derived, prepared.filename)
        return "imported", doc_id


def write_derived(library: Library, doc_id: int, derived: Derived, filename: str) -> None:
    """Store a derivation and carry the document's annotations onto its new text (caller's transaction)."""

    def carry(_doc_id: int, text: str, old_text: str | None) -> None:
        reanchor(library, doc_id, text, old_text)

    library.write_derived(doc_id, derived, filename, carry)


def reanchor(library: Library, doc_id: int, text: str, old_text: str | None) -> tuple[int, int]:
    """Place every annotation of a document in its new text; (placed, orphaned).

    The text the positions were stored against, when there is one, lets a diff carry them over exactly,
    so look-alike copies elsewhere in the document cannot mislead; the rest are found by quote and
    context, and one that cannot be found is kept as an orphan, never deleted.
    """
    annotations = library.annotations.for_document(doc_id)
    selectors = [Selector(a.start, a.end, a.quote, a.prefix, a.suffix) for a in annotations]
    return library.annotations.place(annotations, anchor_many(text, selectors, old_text=old_text))


def rederive(library: Library, doc_id: int) -> bool:
    """Clean a document again from its stored raw text, honouring the user's line decisions; False if
    the document does not exist."""
    with library.transaction():
        return _derive_again(library, doc_id)


def set_line_override(library: Library, doc_id: int, line: int, keep: bool | None) -> None:
    """Keep or remove one raw line whatever the cleaner thinks; None forgets the user's decision."""
    with library.transaction():
        library.set_override(doc_id, line, keep)
        _derive_again(library, doc_id)


def _derive_again(library: Library, doc_id: int) -> bool:
    source = library.source_of(doc_id)
    if source is None:
        return False
    raw, kind, filename = source
    write_derived(library, doc_id, derive_raw(raw, kind, library.overrides(doc_id)), filename)
    return True


def rederive_stale(
    library: Library, progress: Progress | None = None, cancelled: Callable[[], bool] | None = None
) -> list[int]:
    """Re-clean every document an older cleaner produced (line decisions and annotations carried over)."""
    ids = library.stale()
    done: list[int] = []
    for number, doc_id in enumerate(ids, start=1):
        if cancelled is not None and cancelled():
            break
        rederive(library, doc_id)
        done.append(doc_id)
        if progress is not None:
            progress(number, len(ids), "")
    return done
