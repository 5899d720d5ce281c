"""The collection and tag operations write through the library and say exactly what they changed."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.app import operations as ops
from reader.app.changes import Changes
from reader.app.importing import import_paths
from reader.store.collections import CollectionStore
from reader.store.library import Library

SEEDS = Path(__file__).resolve().parents[3] / "seeds"


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    lib = Library(tmp_path / "lib.sqlite")
    import_paths(lib, [SEEDS], workers=1)
    yield lib
    lib.close()


def test_collection_operations_report_their_changes(library: Library) -> None:
    ids = sorted(library.ids())
    made = ops.create_collection(library, "政策")
    assert made.value.name == "政策" and made.changes == Changes.of(collections=True)
    assert made.changes.searchable and not made.changes.listing
    added = ops.add_to_collection(library, made.value.id, ids[:2])
    assert added.value == ids[:2] and added.changes == Changes.of(organised=ids[:2])
    assert added.changes.listing and added.changes.touches(ids[0]) and not added.changes.touches(ids[3])
    again = ops.add_to_collection(library, made.value.id, ids[:2])
    assert again.value == [] and not again.changes
    renamed = ops.rename_collection(library, made.value.id, "政策文件")
    assert renamed.value.name == "政策文件" and renamed.changes == Changes.of(organised=ids[:2], collections=True)
    removed = ops.remove_from_collection(library, made.value.id, [ids[1]])
    assert removed.value == [ids[1]] and removed.changes == Changes.of(organised=[ids[1]])
    gone = ops.delete_collection(library, made.value.id)
    assert gone.value.name == "政策文件" and gone.changes == Changes.of(organised=[ids[0]], collections=True)
    assert CollectionStore(library.conn).all() == []


def test_tag_operation(library: Library) -> None:
    doc = library.ids()[0]
    first = ops.set_document_tags(library, doc, ["卫生", "政策"])
    assert first.value is True and first.changes == Changes.of(organised=[doc])
    same = ops.set_document_tags(library, doc, ["政策", "卫生"])
    assert same.value is False and not same.changes
    with pytest.raises(KeyError):
        ops.set_document_tags(library, 999_999, ["x"])


def test_changes_merge_the_collections_flag() -> None:
    merged = Changes.of(organised=[1]) | Changes.of(collections=True)
    assert merged == Changes.of(organised=[1], collections=True)
    assert bool(Changes.of(collections=True)) and not Changes()
    assert not Changes.of(collections=True).touches(1)
