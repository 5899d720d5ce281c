"""Extracting a document's entities and storing them: the extractor runs here, the store keeps rows.

Extraction only reads, so the window runs it on a reading connection in a background thread and hands
the result to the writer (`pending_mentions`, then `operations.save_entities`); the CLI does both in one
step (`update`).
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress

from reader.core.entities import Entity, Mention, extract
from reader.store.entities import EntityStore, store_for
from reader.store.library import Library

Progress = Callable[[int, int], None]


def pending_mentions(store: EntityStore, doc_id: int, *, force: bool = False) -> tuple[list[Mention], str] | None:
    """The mentions of a document whose stored ones are missing or stale (or `force`), and the text they
    come from; None when they are current. Reads only. KeyError when the document does not exist."""
    text, date = store.source(doc_id)
    if not force and not store.is_pending(doc_id):
        return None
    return extract(text, doc_date=date), text


def update(library: Library, doc_id: int, *, force: bool = False) -> bool:
    """Extract and store one document's mentions if they are pending (or `force`); True if it ran."""
    store = store_for(library)
    found = pending_mentions(store, doc_id, force=force)
    if found is None:
        return False
    store.save(doc_id, *found)
    return True


def update_pending(
    library: Library, *, progress: Progress | None = None, cancelled: Callable[[], bool] | None = None
) -> int:
    """Bring every pending document up to date, in id order; returns how many were extracted.

    Each document is tried once per call, so a document that keeps failing cannot loop forever.
    """
    todo = store_for(library).pending()
    done = 0
    for number, doc_id in enumerate(todo, start=1):
        if cancelled is not None and cancelled():
            break
        with suppress(KeyError):  # deleted meanwhile
            done += update(library, doc_id)
        if progress is not None:
            progress(number, len(todo))
    return done


def ensure_entities(library: Library, doc_id: int) -> list[Entity]:
    """A document's entities, extracting them first if they are missing or stale (the CLI's way: it is
    its own single writer)."""
    update(library, doc_id)
    return store_for(library).entities(doc_id)


def asks_for_entities(query: str) -> bool:
    """Whether a search query filters by entity (`entity:NAME`, `实体:NAME`): it can only be answered
    once every document's entities are known. A query that does not parse asks for nothing."""
    from reader.core.query import QueryError, parse

    try:
        return any(clause.field == "entity" for clause in parse(query).clauses)
    except QueryError:
        return False
