"""Stored entities: they round-trip exactly, go stale the moment their input changes, and add up
across the library into a who's who."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.app.deriving import set_line_override
from reader.app.entities import ensure_entities, update, update_pending
from reader.app.importing import import_paths
from reader.core.entities import Mention, aggregate, extract
from reader.store import entities as entity_store
from reader.store.entities import EXTRACTOR_VERSION, EntityStore
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
    assert update(lib, a) is True
    assert update(lib, a) is False  # current: nothing to do
    assert store.pending() == [b]
    assert not store.is_pending(a) and store.is_pending(b)

    # The user removes the first line: the cleaned text changes, so the stored spans are stale.
    set_line_override(lib, a, 1, False)
    assert "张宗久出席" not in _text(lib, a)
    assert store.pending() == [a, b]
    assert store.unextracted_count() == 1  # the cheap count does not see changed texts
    update(lib, a)
    assert all(_text(lib, a)[m.start : m.end] == m.text for m in store.mentions(a))


def test_stale_when_the_extractor_changes_or_the_date_moves(
    library: tuple[Library, int, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    lib, a, b = library
    store = EntityStore(lib.conn)
    update_pending(lib)
    assert store.pending() == []
    lib.set_metadata(a, {"date": "2023-10-20"})  # now 10月13日 has a year
    assert store.pending() == [a]
    update(lib, a)
    dates = [e for e in store.entities(a) if e.type == "date"]
    assert dates and dates[0].value == "2023-10-13"
    monkeypatch.setattr(entity_store, "EXTRACTOR_VERSION", EXTRACTOR_VERSION + 1)
    assert store.pending() == [a, b]


def test_deleting_a_document_deletes_its_entities(library: tuple[Library, int, int]) -> None:
    lib, a, _ = library
    store = EntityStore(lib.conn)
    update_pending(lib)
    lib.delete([a])
    assert store.mentions(a) == []
    assert lib.conn.execute("SELECT count(*) FROM entity_state WHERE doc_id = ?", (a,)).fetchone()[0] == 0
    assert store.pending() == []


def test_library_index_gathers_posts_across_documents(library: tuple[Library, int, int]) -> None:
    lib, _, _ = library
    store = EntityStore(lib.conn)
    assert update_pending(lib) == 2
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
    update_pending(lib)
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
    update_pending(lib)
    assert "张宗久" in store.names(a) and "千县工程" in store.names(a)
    assert not any(n[:1].isdigit() for n in store.names(a))  # no dates or figures
    assert sorted(search.matching_ids(lib.conn, "entity:張宗久")) == [a, b]


# -- tiers, merged names and parts of bodies (issue 18) ----------------------------------------------
def test_tier_and_parent_round_trip(library: tuple[Library, int, int]) -> None:
    lib, a, _ = library
    store = EntityStore(lib.conn)
    text = "长沙市卫健委党组召开会议。惠利来了。"
    mentions = [
        Mention("org", "长沙市卫健委党组", "长沙市卫健委党组", 0, 8, parent="长沙市卫健委"),
        Mention("person", "惠利", "惠利", 13, 15, tier="low"),
    ]
    store.save(a, mentions, text)
    assert store.mentions(a) == mentions
    (body, person) = sorted(store.entities(a), key=lambda e: e.type)
    assert body.parent == "长沙市卫健委" and body.tier == "main"
    assert person.tier == "low" and person.parent is None


def test_extracted_tiers_and_merges_are_stored(library: tuple[Library, int, int]) -> None:
    """What the extractor decides (tier, the full name of a broken or abbreviated one, the body a part
    belongs to) survives the store, so the panel shows what `extract` meant."""
    lib, a, _ = library
    store = EntityStore(lib.conn)
    text = "中美两国在北京会晤。长沙市卫健委党组召开会议，长沙市卫健委主任出席。记者王书\n平报道。王书平说。"
    mentions = extract(text)
    assert {m.tier for m in mentions} <= {"main", "low"}
    assert any(m.parent for m in mentions) and any(m.normalized != "".join(m.text.split()) for m in mentions)
    store.save(a, mentions, text)
    assert store.mentions(a) == mentions
    assert store.entities(a) == aggregate(mentions)


def test_a_library_from_before_tiers_upgrades_and_is_extracted_again(tmp_path: Path) -> None:
    from reader.store import schema
    from reader.store.db import open_library

    path = tmp_path / "old.sqlite"
    conn = open_library(path, migrations=schema.MIGRATIONS[:5])
    conn.execute(
        "INSERT INTO documents (id, content_hash, encoding, raw, text, imported_at, updated_at)"
        " VALUES (1, 'h', 'utf-8', ?, ?, 'now', 'now')",
        (DOC_B, DOC_B),
    )
    conn.execute(
        "INSERT INTO entities (doc_id, type, text, normalized, start, end)"
        " VALUES (1, 'person', '张宗久', '张宗久', 16, 19)"
    )
    conn.execute("INSERT INTO entity_state VALUES (1, 1, ?)", (entity_store.input_hash(DOC_B, None),))
    conn.close()
    with Library(path) as lib:
        store = EntityStore(lib.conn)
        (old,) = store.mentions(1)
        assert old.tier == "main" and old.parent is None  # rows from before read as shown
        assert store.pending() == [1]  # and the new extractor runs again over them
        update(lib, 1)
        assert store.pending() == []


def _import(tmp_path: Path, texts: dict[str, str]) -> tuple[Library, list[int]]:
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    lib = Library(tmp_path / "lib.sqlite")
    report = import_paths(lib, [tmp_path / name for name in texts], workers=1)
    return lib, sorted(report.imported)


def test_library_index_tiers_variants_and_parents(tmp_path: Path) -> None:
    lib, (a, b) = _import(
        tmp_path,
        {
            "a.txt": "中美两国领导人举行会谈。长沙市卫健委党组召开会议。\n",
            "b.txt": "中国和法国签署协议。长沙市卫健委发布通知，长沙市卫健委主任出席。\n",
        },
    )
    with lib:
        store = EntityStore(lib.conn)
        store.save(a, [*extract(_text(lib, a)), Mention("person", "惠利", "惠利", 0, 2, tier="low")], _text(lib, a))
        update(lib, b)
        places = {e.normalized: e for e in store.library_index("place")}
        china = places["中国"]
        # The 中 of 中美 joins 中国 written in full in the other document, shown under the full name.
        assert (china.documents, china.mentions, china.text, china.variants) == (2, 2, "中国", ("中",))
        assert places["美国"].text == "美国"  # only ever written as 美: the full name, never a bare character
        assert all(len(e.text) > 1 for e in store.library_index() if e.type in ("place", "org"))
        orgs = {e.normalized: e for e in store.library_index("org")}
        assert orgs["长沙市卫健委党组"].parent == "长沙市卫健委"
        assert orgs["长沙市卫健委"].parent is None
        everyone = store.library_index("person")
        assert [(e.normalized, e.tier) for e in everyone if e.normalized == "惠利"] == [("惠利", "low")]
        shown = store.library_index("person", tiers=("main",))
        assert "惠利" not in {e.normalized for e in shown}
        assert china.as_json()["variants"] == ["中"] and china.as_json()["tier"] == "main"


def test_a_name_is_main_in_the_library_when_any_document_is_sure_of_it(tmp_path: Path) -> None:
    lib, (a, b) = _import(tmp_path, {"a.txt": "甲乙丙\n", "b.txt": "甲乙丙丁\n"})
    with lib:
        store = EntityStore(lib.conn)
        store.save(a, [Mention("org", "乙丙", "乙丙", 1, 3, tier="low")], _text(lib, a))
        store.save(b, [Mention("org", "乙丙", "乙丙", 1, 3, tier="main")], _text(lib, b))
        (row,) = store.library_index("org")
        assert (row.tier, row.documents) == ("main", 2)
        store.save(b, [], _text(lib, b))
        (row,) = store.library_index("org")
        assert row.tier == "low"
        assert store.library_index("org", tiers=("main",)) == []


def test_the_shown_index_counts_a_name_only_where_it_is_shown(tmp_path: Path) -> None:
    """A word tagged as a name is main in one document and low in others: the index of shown names counts
    the one document, not every document where the word stayed low."""
    lib, (a, b, c) = _import(tmp_path, {"a.txt": "甲乙丙\n", "b.txt": "甲乙丙丁\n", "c.txt": "乙丙戊\n"})
    with lib:
        store = EntityStore(lib.conn)
        store.save(a, [Mention("person", "乙丙", "乙丙", 1, 3, tier="main", posts=("局长",))], _text(lib, a))
        low = [Mention("person", "乙丙", "乙丙", 1, 3, tier="low", posts=("主任",))]
        store.save(b, low, _text(lib, b))
        store.save(c, [Mention("person", "乙丙", "乙丙", 0, 2, tier="low")], _text(lib, c))
        (shown,) = store.library_index("person", tiers=("main",))
        assert (shown.documents, shown.mentions, shown.posts) == (1, 1, ("局长",))
        (every,) = store.library_index("person")
        assert (every.documents, every.mentions, every.tier) == (3, 3, "main")
        assert set(every.posts) == {"局长", "主任"}


def test_a_date_wrapped_over_two_lines_is_listed_on_one(tmp_path: Path) -> None:
    """Two documents that wrap the same year at the line's end list one date, shown as the text reads it
    with the line joined, not with the line break inside it."""
    lib, (a, b) = _import(tmp_path, {"a.txt": "甲\n", "b.txt": "乙\n"})
    with lib:
        store = EntityStore(lib.conn)
        store.save(a, [Mention("date", "2019\n年", "2019", 0, 6, value="2019")], _text(lib, a))
        store.save(b, [Mention("date", "2019\n年", "2019", 0, 6, value="2019")], _text(lib, b))
        (row,) = store.library_index("date")
        assert (row.text, row.normalized, row.documents) == ("2019年", "2019", 2)


def test_a_post_written_in_both_scripts_is_one_post_of_the_library(tmp_path: Path) -> None:
    lib, (a, b) = _import(tmp_path, {"a.txt": "甲\n", "b.txt": "乙\n"})
    with lib:
        store = EntityStore(lib.conn)
        store.save(a, [Mention("person", "盧秀燕", "卢秀燕", 0, 1, posts=("市長",))], _text(lib, a))
        store.save(b, [Mention("person", "卢秀燕", "卢秀燕", 0, 1, posts=("市长", "主席"))], _text(lib, b))
        (row,) = store.library_index("person")
        assert row.posts == ("市長", "主席")
