"""What an operation changed, so that each panel refreshes only for what concerns it.

Panels do not guess: the document list refreshes when documents come, go or change their title; the
reading pane when the shown document's text changed; the Entities tab when its entities were stored.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from typing import Generic, TypeVar

T = TypeVar("T")


def _ids(values: Iterable[int]) -> frozenset[int]:
    return frozenset(values)


@dataclass(frozen=True)
class Changes:
    """Document ids by what changed about them; empty sets mean nothing of that kind."""

    added: frozenset[int] = field(default_factory=frozenset)
    text: frozenset[int] = field(default_factory=frozenset)  # cleaned text, removed lines, pages
    metadata: frozenset[int] = field(default_factory=frozenset)
    annotations: frozenset[int] = field(default_factory=frozenset)
    entities: frozenset[int] = field(default_factory=frozenset)
    deleted: frozenset[int] = field(default_factory=frozenset)
    organised: frozenset[int] = field(default_factory=frozenset)  # tags or collections of these documents
    collections: bool = False  # a collection was created, renamed or deleted (it may hold no document)

    @classmethod
    def of(
        cls,
        *,
        added: Iterable[int] = (),
        text: Iterable[int] = (),
        metadata: Iterable[int] = (),
        annotations: Iterable[int] = (),
        entities: Iterable[int] = (),
        deleted: Iterable[int] = (),
        organised: Iterable[int] = (),
        collections: bool = False,
    ) -> Changes:
        return cls(
            _ids(added),
            _ids(text),
            _ids(metadata),
            _ids(annotations),
            _ids(entities),
            _ids(deleted),
            _ids(organised),
            collections,
        )

    def __or__(self, other: Changes) -> Changes:
        merged = {f.name: getattr(self, f.name) | getattr(other, f.name) for f in fields(self)}
        return Changes(**merged)

    def __bool__(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self))

    def touches(self, doc_id: int) -> bool:
        """Whether anything about this document changed."""
        return any(doc_id in ids for ids in (getattr(self, f.name) for f in fields(self)) if isinstance(ids, frozenset))

    @property
    def listing(self) -> bool:
        """Whether the document list shows something that changed (rows, titles, counts, sizes)."""
        return bool(self.added or self.deleted or self.metadata or self.text or self.annotations or self.organised)

    @property
    def searchable(self) -> bool:
        """Whether search results or facets may differ now."""
        return bool(self.listing or self.entities or self.collections)


@dataclass(frozen=True)
class Outcome(Generic[T]):
    """An operation's result and what it changed."""

    value: T
    changes: Changes = field(default_factory=Changes)
