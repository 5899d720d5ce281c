"""Collections and document tags: the rows, what `collection:` and `tag:` find, the facets, deletion, upgrade."""

from __future__ import annotations

import itertools
import random
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.app.importing import import_paths
from reader.core.query import QueryError
from reader.store import schema, search
from reader.store.collections import CollectionStore
from reader.store.db import open_library
from reader.store.deleting import tables_with_doc_id
from reader.store.library import Library

SEEDS = Path(__file__).resolve().parents[3] / "seeds"


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("organise") / "seeded.sqlite"
    with Library(path) as lib:
        import_paths(lib, [SEEDS], workers=1)
    return path


@pytest.fixture
def library(seeded: Path, tmp_path: Path) -> Iterator[Library]:
    copy = tmp_path / "lib.sqlite"
    copy.write_bytes(seeded.read_bytes())
    lib = Library(copy)
    yield lib
    lib.close()


def test_collections_hold_documents_and_count_them(library: Library) -> None:
    store = CollectionStore(library.conn)
    ids = library.ids()
    health = store.create("  Health  ")
    policy = store.create("政策")
    assert health.name == "Health" and health.count == 0
    assert store.add(health.id, [ids[0], ids[1], ids[0], 999_999]) == [ids[0], ids[1]]
    assert store.add(health.id, [ids[0]]) == []  # already a member
    assert store.add(policy.id, [ids[0]]) == [ids[0]]  # a document in many collections
    assert [(c.name, c.count) for c in store.all()] == [("Health", 2), ("政策", 1)]
    assert [c.name for c in store.of_document(ids[0])] == ["Health", "政策"]
    assert store.remove(health.id, [ids[1], ids[2]]) == [ids[1]]
    assert store.members(health.id) == [ids[0]]
    assert store.find("HEALTH") == store.get(health.id)


def test_names_are_checked_in_one_line(library: Library) -> None:
    store = CollectionStore(library.conn)
    made = store.create("醫療")
    with pytest.raises(ValueError, match="already exists"):
        store.create("医疗")  # the same name in the other script
    with pytest.raises(ValueError, match="a collection name cannot be empty"):
        store.create("   ")
    with pytest.raises(ValueError, match="one line"):
        store.create("a\nb")
    with pytest.raises(KeyError):
        store.rename(made.id + 1, "x")
    assert store.rename(made.id, "医疗改革").name == "医疗改革"
    assert store.rename(made.id, "醫療改革").name == "醫療改革"  # its own name in another spelling is fine
    with pytest.raises(KeyError):
        store.add(made.id + 1, library.ids())
    assert [c.name for c in store.all()] == ["醫療改革"]


def test_deleting_a_collection_keeps_its_documents(library: Library) -> None:
    store = CollectionStore(library.conn)
    before = library.count()
    made = store.create("x")
    store.add(made.id, library.ids())
    gone, members = store.delete(made.id)
    assert gone.name == "x" and members == sorted(library.ids())
    assert store.all() == [] and library.count() == before
    assert library.conn.execute("SELECT count(*) FROM collection_documents").fetchone()[0] == 0


def test_document_tags_replace_and_fold(library: Library) -> None:
    store = CollectionStore(library.conn)
    doc = library.ids()[0]
    assert store.set_tags(doc, ["衛生", " 卫生 ", "", "Policy"]) is True
    assert store.tags(doc) == ["Policy", "衛生"]  # one per folded form, the first spelling kept
    assert store.set_tags(doc, ["衛生", "Policy"]) is False  # nothing changed
    assert store.set_tags(doc, []) is True and store.tags(doc) == []
    with pytest.raises(KeyError):
        store.set_tags(999_999, ["x"])
    with pytest.raises(ValueError, match="a tag has at most 200 characters"):
        store.set_tags(doc, ["长" * 201])


def test_collection_filter_and_document_tags_in_search(library: Library) -> None:
    store = CollectionStore(library.conn)
    ids = sorted(library.ids())
    made = store.create("县级 医院")
    store.add(made.id, ids[:2])
    store.set_tags(ids[2], ["衛生"])
    conn = library.conn
    assert search.matching_ids(conn, 'collection:"县级 医院"') == ids[:2]
    assert search.matching_ids(conn, '收藏夹:"縣級 醫院"') == ids[:2]  # alias, other script
    assert search.matching_ids(conn, 'collection:"县级 医院" -collection:"县级 医院"') == []
    assert search.matching_ids(conn, "collection:无此") == []
    assert search.count(conn, '-collection:"县级 医院"') == len(ids) - 2
    assert search.matching_ids(conn, "tag:卫生") == [ids[2]]
    # an annotation tag and a document tag: each document counted once
    library.annotations.create(ids[2], 0, 2, tags=["卫生"])
    library.annotations.create(ids[3], 0, 2, tags=["卫生"])
    assert search.matching_ids(conn, "tag:卫生") == [ids[2], ids[3]]
    facets = search.facets(conn, None)
    assert ("卫生", 2) in facets["tags"]  # min() of the spellings: 卫 sorts before 衛
    assert facets["collections"] == [("县级 医院", 2)]
    assert search.facets(conn, "tag:卫生")["collections"] == []
    store.add(made.id, [ids[3]])
    narrowed = search.facets(conn, "tag:卫生")
    assert narrowed["collections"] == [("县级 医院", 1)] and len(narrowed["tags"]) == 1
    with pytest.raises(QueryError, match="collection: needs a value"):
        search.matching_ids(conn, "collection:")


def test_filters_equal_a_scan_over_random_organisation(library: Library) -> None:
    """Every combination of collection and tag clauses, positive and negated, against sets in Python."""
    rng = random.Random(17)
    store = CollectionStore(library.conn)
    ids = sorted(library.ids())
    names = ["甲", "乙", "丙"]
    members: dict[str, set[int]] = {}
    for name in names:
        made = store.create(name)
        members[name] = set(rng.sample(ids, rng.randint(0, len(ids))))
        store.add(made.id, members[name])
    tagged: dict[str, set[int]] = {"红": set(), "蓝": set()}
    for doc in ids:
        chosen = [t for t in tagged if rng.random() < 0.5]
        store.set_tags(doc, chosen)
        for t in chosen:
            tagged[t].add(doc)
    clauses = [(f"collection:{n}", members[n]) for n in names] + [(f"tag:{t}", tagged[t]) for t in tagged]
    everything = set(ids)
    for (a, sa), (b, sb) in itertools.combinations(clauses, 2):
        for neg_a, neg_b in itertools.product((False, True), repeat=2):
            query = f"{'-' * neg_a}{a} {'-' * neg_b}{b}"
            expected = (everything - sa if neg_a else sa) & (everything - sb if neg_b else sb)
            assert search.matching_ids(library.conn, query) == sorted(expected), query
            assert search.count(library.conn, query) == len(expected), query
    facets = search.facets(library.conn, None)
    assert sorted(facets["collections"]) == sorted((n, len(m)) for n, m in members.items() if m)
    # Annotation tags on some documents too: a tag counts each document once, however it carries it.
    for doc in rng.sample(ids, 3):
        library.annotations.create(doc, 0, 2, tags=["红"])
        tagged["红"].add(doc)
    for query, scope in (("", everything), (f"collection:{names[0]}", members[names[0]])):
        counted = search.facets(library.conn, query or None)["tags"]
        assert counted == sorted(
            ((t, len(d & scope)) for t, d in tagged.items() if d & scope), key=lambda c: (-c[1], c[0])
        ), query


def test_deleting_a_document_clears_its_organisation(library: Library) -> None:
    store = CollectionStore(library.conn)
    doc = library.ids()[0]
    made = store.create("x")
    store.add(made.id, [doc])
    store.set_tags(doc, ["t"])
    assert {"collection_documents", "document_tags"} <= set(tables_with_doc_id(library.conn))
    library.delete([doc])
    assert store.members(made.id) == [] and store.tags(doc) == []
    assert store.get(made.id) is not None  # the collection stays


def test_upgrade_from_schema_9_adds_the_tables(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    conn = open_library(path, migrations=schema.MIGRATIONS[:9])
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 9
    conn.close()
    with Library(path) as lib:
        assert lib.conn.execute("PRAGMA user_version").fetchone()[0] == len(schema.MIGRATIONS) >= 10
        made = CollectionStore(lib.conn).create("new")
        assert CollectionStore(lib.conn).all()[0].id == made.id


def test_a_bare_search_index_has_no_collections() -> None:
    conn = sqlite3.connect(":memory:")
    search.ensure_schema(conn)
    assert search.matching_ids(conn, "collection:x") == []
    assert "collections" not in search.facets(conn, None)
