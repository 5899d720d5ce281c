"""Stored entities: they round-trip exactly, go stale the moment their input changes, and add up
across the library into a who's who."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.core.entities import Mention, aggregate, extract
from reader.store import entities as entity_store
from reader.store.entities import EXTRACTOR_VERSION, EntityStore, ensure_entities
from reader.store.importer import import_paths
from reader.store.library import Library

DOC_A = (
    "国家卫生健康委医政医管局原局长张宗久出席会议并讲话。\n"
    "张宗久指出，“千县工程”要落地落实。会议于10月13日在北京举行，150余人参加。\n"
)
DOC_B = "清华大学医院管理研究院常务副院长张宗久在《县域医院发展报告》发布会上致辞。\n"


@pytest.fixture
def library(tmp_path: Path) -> Iterator[tuple[Library, int, int]]:
    (tmp_path / "a.txt").write_text(DOC_A, encoding="utf-8")
    (tmp_path / "b.txt").write_text(DOC_B, encoding="utf-8")
    lib = Library(tmp_path / "lib.sqlite")
    report = import_paths(lib, [tmp_path / "a.txt", tmp_path / "b.txt"], workers=1)
    a, b = sorted(report.imported)
    yield lib, a, b
    lib.close()


def _text(lib: Library, doc_id: int) -> str:
    doc = lib.get(doc_id)
    assert doc is not None
    return doc.text


def test_save_and_load_round_trip(library: tuple[Library, int, int]) -> None:
    lib, a, _ = library
    store = EntityStore(lib.conn)
    text = _text(lib, a)
    mentions = extract(text, doc_date="2023-10-20")
    assert any(m.type == "person" and m.posts for m in mentions)  # posts and post spans are exercised
    store.save(a, mentions, text)
    assert store.mentions(a) == mentions
    assert store.entities(a) == aggregate(mentions)
    for m in store.mentions(a):
        assert text[m.start : m.end] == m.text


def test_save_replaces_and_rejects_unknown_documents(library: tuple[Library, int, int]) -> None:
    lib, a, _ = library
    store = EntityStore(lib.conn)
    text = _text(lib, a)
    store.save(a, extract(text), text)
    only = [Mention("person", "张宗久", "张宗久", 0, 3)]
    store.save(a, only, text)
    assert store.mentions(a) == only
    with pytest.raises(KeyError):
        store.save(9999, only, text)


def test_pending_until_saved_then_stale_after_text_change(library: tuple[Library, int, int]) -> None:
    lib, a, b = library
    store = EntityStore(lib.conn)
    assert store.pending() == [a, b]
    assert store.unextracted_count() == 2
    assert store.pending(limit=1) == [a]
    assert store.update(a) is True
    assert store.update(a) is False  # current: nothing to do
    assert store.pending() == [b]
    assert not store.is_pending(a) and store.is_pending(b)

    # The user removes the first line: the cleaned text changes, so the stored spans are stale.
    lib.set_line_override(a, 1, False)
    assert "张宗久出席" not in _text(lib, a)
    assert store.pending() == [a, b]
    assert store.unextracted_count() == 1  # the cheap count does not see changed texts
    store.update(a)
    assert all(_text(lib, a)[m.start : m.end] == m.text for m in store.mentions(a))


def test_stale_when_the_extractor_changes_or_the_date_moves(
    library: tuple[Library, int, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    lib, a, b = library
    store = EntityStore(lib.conn)
    store.update_pending()
    assert store.pending() == []
    lib.set_metadata(a, {"date": "2023-10-20"})  # now 10月13日 has a year
    assert store.pending() == [a]
    store.update(a)
    dates = [e for e in store.entities(a) if e.type == "date"]
    assert dates and dates[0].value == "2023-10-13"
    monkeypatch.setattr(entity_store, "EXTRACTOR_VERSION", EXTRACTOR_VERSION + 1)
    assert store.pending() == [a, b]


def test_deleting_a_document_deletes_its_entities(library: tuple[Library, int, int]) -> None:
    lib, a, _ = library
    store = EntityStore(lib.conn)
    store.update_pending()
    lib.delete([a])
    assert store.mentions(a) == []
    assert lib.conn.execute("SELECT count(*) FROM entity_state WHERE doc_id = ?", (a,)).fetchone()[0] == 0
    assert store.pending() == []


def test_library_index_gathers_posts_across_documents(library: tuple[Library, int, int]) -> None:
    lib, _, _ = library
    store = EntityStore(lib.conn)
    assert store.update_pending() == 2
    people = store.library_index("person")
    assert all(e.type == "person" for e in people)
    zhang = next(e for e in people if e.normalized == "张宗久")
    assert zhang.documents == 2
    assert zhang.mentions == 3
    assert any("医政医管局" in p for p in zhang.posts)
    assert any("清华大学" in p for p in zhang.posts)
    assert people[0] == zhang  # in the most documents
    everything = store.library_index()
    assert {e.type for e in everything} >= {"person", "date", "term", "title"}
    assert zhang in everything


def test_documents_mentioning(library: tuple[Library, int, int]) -> None:
    lib, a, b = library
    store = EntityStore(lib.conn)
    store.update_pending()
    assert store.documents_mentioning("person", "张宗久") == [a, b]
    assert store.documents_mentioning("term", "千县工程") == [a]
    assert store.documents_mentioning("place", "张宗久") == []


def test_ensure_entities_extracts_on_demand(library: tuple[Library, int, int]) -> None:
    lib, a, _ = library
    entities = ensure_entities(lib, a)
    assert any(e.type == "person" and e.normalized == "张宗久" and e.count == 2 for e in entities)
    assert not EntityStore(lib.conn).is_pending(a)
    with pytest.raises(KeyError):
        ensure_entities(lib, 9999)


def test_traditional_text_gives_simplified_entities_with_own_spans(tmp_path: Path) -> None:
    (tmp_path / "t.txt").write_text("國家衛生健康委員會在北京召開會議，張宗久出席。\n", encoding="utf-8")
    with Library(tmp_path / "lib.sqlite") as lib:
        (doc,) = import_paths(lib, [tmp_path / "t.txt"], workers=1).imported
        entities = ensure_entities(lib, doc)
        text = _text(lib, doc)
        for e in entities:
            for start, end in e.spans:
                assert text[start:end] == e.text
        assert EntityStore(lib.conn).documents_mentioning("person", "张宗久") == [doc]


def test_saving_reindexes_for_the_entity_search_filter(
    library: tuple[Library, int, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`store_for` passes the library's re-indexing to `save`; with `Library.entity_names` reading the
    stored names, `entity:` finds both documents the person appears in (in either script)."""
    from reader.store import search

    lib, a, b = library
    monkeypatch.setattr(Library, "entity_names", lambda self, doc_id: EntityStore(self.conn).names(doc_id))
    store = entity_store.store_for(lib)
    assert search.matching_ids(lib.conn, "entity:张宗久") == []
    store.update_pending()
    assert "张宗久" in store.names(a) and "千县工程" in store.names(a)
    assert not any(n[:1].isdigit() for n in store.names(a))  # no dates or figures
    assert sorted(search.matching_ids(lib.conn, "entity:張宗久")) == [a, b]
