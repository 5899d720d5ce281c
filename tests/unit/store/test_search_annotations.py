"""Notes and tags in the search index: the annotation-only update, its exactness, and format 1 → 2.

Notes live in their own FTS5 table since format 2, so a plain term may be found in the title or body
of a document or in its notes, term by term. These tests hold the split index to the same answer as a
brute-force scan of the folded title, body and notes, and check that `index_annotations` writes only
notes and tags.
"""

from __future__ import annotations

import re
import sqlite3

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.query import fold, parse
from reader.store import search, search_plan, search_query
from reader.store.search_index import pack
from reader.store.search_tokens import bigrams


def open_library() -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE documents (id INTEGER PRIMARY KEY, title TEXT, text TEXT)")
    search.ensure_schema(conn)
    return conn


def add(conn: sqlite3.Connection, doc_id: int, text: str, title: str = "", notes: str = "", **meta: object) -> None:
    conn.execute("INSERT OR REPLACE INTO documents (id, title, text) VALUES (?, ?, ?)", (doc_id, title, text))
    search.index_document(conn, doc_id, title=title, text=text, notes=notes, **meta)  # type: ignore[arg-type]


def ids(conn: sqlite3.Connection, query: str) -> list[int]:
    return sorted(h.id for h in search.search(conn, query))


def snapshot(conn: sqlite3.Connection, *tables: str) -> dict[str, list[tuple[object, ...]]]:
    return {t: conn.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall() for t in tables}


BODY_TABLES = ("search_fts_data", "search_fts_idx", "search_fts_docsize", "search_docs", "search_packed")


@pytest.fixture
def conn() -> sqlite3.Connection:
    c = open_library()
    add(c, 1, "县级医院的改革" * 20, "医改报告", tags=["卫生"])
    add(c, 2, "经济发展的报告", "经济")
    add(c, 3, "无关的内容", "其他")
    return c


def test_a_new_note_is_found_and_a_removed_note_is_not(conn: sqlite3.Connection) -> None:
    assert ids(conn, "备忘") == []
    assert search.index_annotations(conn, 3, "重要的备忘", ["待办"]) is True
    assert ids(conn, "备忘") == [3]
    assert ids(conn, "備忘 内容") == [3]  # one term from the notes, one from the body, either script
    assert ids(conn, "tag:待办") == [3]
    assert search.count(conn, "备忘") == 1 and search.matching_ids(conn, "备忘") == [3]
    assert search.facets(conn, "备忘")["tags"] == [("待办", 1)]
    (hit,) = search.search(conn, "备忘")
    assert (hit.id, hit.first, hit.hits) == (3, -1, 0)  # the notes give no offset into the text

    assert search.index_annotations(conn, 3, "", []) is True
    assert ids(conn, "备忘") == [] and ids(conn, "tag:待办") == []
    assert search.count(conn, "备忘") == 0
    assert search.facets(conn, None)["tags"] == [("卫生", 1)]


def test_an_edited_note_replaces_the_old_one(conn: sqlite3.Connection) -> None:
    search.index_annotations(conn, 2, "第一稿", [])
    search.index_annotations(conn, 2, "第二稿", [])
    assert ids(conn, "第一稿") == [] and ids(conn, "第二稿") == [2]
    conn.execute("INSERT INTO search_notes_fts (search_notes_fts, rank) VALUES ('integrity-check', 0)")


def test_index_annotations_leaves_the_body_rows_untouched(conn: sqlite3.Connection) -> None:
    before = snapshot(conn, *BODY_TABLES, "search_entities")
    statements: list[str] = []
    conn.set_trace_callback(statements.append)
    search.index_annotations(conn, 1, "笔记", ["卫生", "新标签"])
    conn.set_trace_callback(None)
    assert snapshot(conn, *BODY_TABLES, "search_entities") == before
    writes = [s for s in statements if not s.lstrip().upper().startswith("SELECT")]
    assert writes and not [s for s in writes if re.search(r"\bsearch_(fts|packed|docs|entities)\b", s)]
    assert ids(conn, "笔记") == [1] and ids(conn, "tag:新标签") == [1] and ids(conn, "改革") == [1]


def test_unchanged_notes_and_tags_write_nothing(conn: sqlite3.Connection) -> None:
    search.index_annotations(conn, 1, "笔记", ["卫生", "經濟"])
    changes = conn.total_changes
    statements: list[str] = []
    conn.set_trace_callback(statements.append)
    # Same notes, same tags in another order, a blank one: nothing to do.
    assert search.index_annotations(conn, 1, "笔记", ["經濟", "卫生", " ", "卫生"]) is False
    conn.set_trace_callback(None)
    assert conn.total_changes == changes
    assert all(s.lstrip().upper().startswith("SELECT") for s in statements)
    assert len(statements) <= 3


def test_a_tag_spelling_change_is_written(conn: sqlite3.Connection) -> None:
    assert search.index_annotations(conn, 1, "", ["衛生"]) is True  # same folded tag, new spelling shown
    assert search.facets(conn, None)["tags"] == [("衛生", 1)]


def test_a_document_that_is_not_indexed_is_left_alone(conn: sqlite3.Connection) -> None:
    assert search.index_annotations(conn, 99, "笔记", ["t"]) is False
    assert ids(conn, "笔记") == [] and snapshot(conn, "search_notes", "search_tags")["search_notes"] == []


def test_index_document_and_index_annotations_agree(conn: sqlite3.Connection) -> None:
    other = open_library()
    add(other, 1, "县级医院的改革" * 20, "医改报告", notes="一条笔记\n另一条", tags=["卫生", "要点"])
    search.index_annotations(conn, 1, "一条笔记\n另一条", ["卫生", "要点"])
    tables = ("search_notes", "search_tags", "search_notes_fts_data", "search_notes_fts_docsize")
    assert snapshot(conn, *tables) == snapshot(other, *tables)


def test_removing_a_document_removes_its_notes(conn: sqlite3.Connection) -> None:
    search.index_annotations(conn, 2, "笔记", ["t"])
    search.remove_document(conn, 2)
    assert ids(conn, "笔记") == [] and snapshot(conn, "search_notes")["search_notes"] == []
    conn.execute("INSERT INTO search_notes_fts (search_notes_fts, rank) VALUES ('integrity-check', 0)")


def test_notes_exclude_and_combine_with_filters(conn: sqlite3.Connection) -> None:
    search.index_annotations(conn, 2, "医院的笔记", [])
    assert ids(conn, "医院") == [1, 2]
    assert ids(conn, "-医院") == [3]  # a term in the notes excludes the document
    assert ids(conn, "报告 -笔记") == [1]
    assert ids(conn, "医院 title:经济") == [2]
    assert ids(conn, "医院 title:其他") == []
    assert ids(conn, "医院 tag:卫生") == [1]
    assert ids(conn, "笔记 -title:经济") == []
    assert ids(conn, "医院 发展") == [2]  # 医院 in the notes, 发展 in the body
    assert ids(conn, "医院 发展 -的笔") == []


def test_a_notes_hit_adds_to_the_rank() -> None:
    conn = open_library()
    for doc_id in range(10, 30):  # bm25 gives a term in most rows of a table no weight: make it rare
        add(conn, doc_id, "毫不相关", "别的", notes="别的笔记")
    for doc_id in range(1, 4):
        add(conn, doc_id, "医院" + "内容" * 30, "报告")
    search.index_annotations(conn, 2, "医院", [])
    add(conn, 4, "内容" * 30, "报告", notes="医院")  # in the notes only
    add(conn, 5, "内容" * 30, "县级医院")  # in the title
    hits = search.search(conn, "医院")
    score = {h.id: h.score for h in hits}
    assert [h.score for h in hits] == sorted(score.values(), reverse=True) and len(hits) == 5
    assert score[2] > score[4] > score[3] == score[1]  # body and notes > notes (weight 4) > body
    assert score[5] > score[3]  # title (weight 20) > body


def test_broad_queries_count_and_rank_documents_found_by_their_notes(monkeypatch: pytest.MonkeyPatch) -> None:
    conn = open_library()
    for doc_id in range(1, 12):
        add(conn, doc_id, "一家医院", "报告")
    add(conn, 12, "别的内容", "报告", notes="医院")  # newest: found by its notes only
    search.index_annotations(conn, 11, "不要的", [])
    monkeypatch.setattr(search_query, "RANK_WINDOW", 3)
    monkeypatch.setattr(search_query, "TITLE_WINDOW", 1)
    assert search.count(conn, "医院") == 12
    assert {h.id for h in search.search(conn, "医院")} == {10, 11, 12}  # the window: the 3 newest matches
    assert search.count(conn, "医院 -不要") == 11
    assert {h.id for h in search.search(conn, "医院 -不要", limit=20)} == {12, 10, 9}  # 11 excluded by its note
    assert 11 not in search.matching_ids(conn, "医院 -不要")


def test_seeking_and_scanning_give_the_same_matches(monkeypatch: pytest.MonkeyPatch) -> None:
    """Few ids are checked with a seek each, many against one read of the matches: same answer."""
    docs = [(f"标题{i}", "医院发展" * (i % 3) + "其他", "医院笔记" if i % 2 else "发展") for i in range(1, 40)]
    conn = open_library()
    for doc_id, (title, text, notes) in enumerate(docs, 1):
        add(conn, doc_id, text, title, notes=notes)
    queries = ["医院", "医院 发展", "笔记 -发展", "医院 title:1", "发展 -笔记", "院 展 -标题3"]
    seeking = {q: (search.matching_ids(conn, q), search.count(conn, q)) for q in queries}
    monkeypatch.setattr(search_plan, "_SEEK_MOST", 0)
    scanning = {q: (search.matching_ids(conn, q), search.count(conn, q)) for q in queries}
    assert seeking == scanning
    assert all(ids == sorted(brute_force(docs, q)) and n == len(ids) for q, (ids, n) in seeking.items())


# --- properties ----------------------------------------------------------------------------------

ALPHABET = "医醫院发發展ab A-，\n"
texts = st.text(alphabet=ALPHABET, max_size=24)


def brute_force(docs: list[tuple[str, str, str]], query: str) -> set[int]:
    """Plain terms in the folded title, body or notes; `title:` in the title alone; `-` negates."""
    out = set()
    for i, (title, text, notes) in enumerate(docs):
        t, b, n = fold(title), fold(text), fold(notes)
        ok = all(
            ((c.value in t) if c.field == "title" else (c.value in t or c.value in b or c.value in n)) != c.negated
            for c in parse(query).clauses
        )
        if ok:
            out.add(i + 1)
    return out


@st.composite
def library_and_query(draw: st.DrawFn) -> tuple[list[tuple[str, str, str]], list[str], str]:
    docs = draw(st.lists(st.tuples(st.text(ALPHABET, max_size=5), texts, texts), min_size=1, max_size=6))
    new_notes = [draw(texts) for _ in docs]
    pieces: list[str] = []
    for _ in range(draw(st.integers(1, 3))):
        source = draw(st.sampled_from([f for d in docs for f in d] + new_notes)) or "医"
        start = draw(st.integers(0, max(0, len(source) - 1)))
        piece = source[start : start + draw(st.integers(1, 4))]
        prefix = draw(st.sampled_from(["", "", "-", "title:"])) if pieces else ""
        pieces.append(f'{prefix}"{piece}"')
    return docs, new_notes, " ".join(pieces)


def check(conn: sqlite3.Connection, docs: list[tuple[str, str, str]], query: str) -> None:
    expected = brute_force(docs, query)
    assert set(search.matching_ids(conn, query)) == expected
    assert search.count(conn, query) == len(expected)
    assert {h.id for h in search.search(conn, query, limit=100)} == expected


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(library_and_query())
def test_results_with_notes_equal_a_brute_force_scan(case: tuple[list[tuple[str, str, str]], list[str], str]) -> None:
    docs, new_notes, query = case
    conn = open_library()
    for i, (title, text, notes) in enumerate(docs):
        add(conn, i + 1, text, title, notes=notes)
    check(conn, docs, query)
    for i, notes in enumerate(new_notes):
        search.index_annotations(conn, i + 1, notes, [])
    check(conn, [(title, text, notes) for (title, text, _), notes in zip(docs, new_notes, strict=True)], query)


# --- format 1 → 2 --------------------------------------------------------------------------------


def format_1_library(docs: list[tuple[str, str, str]]) -> sqlite3.Connection:
    """An index as format 1 wrote it: notes in search_fts's notes column and in the folded copy."""
    conn = open_library()
    conn.executescript("DROP TABLE search_notes; DROP TABLE search_notes_fts")
    conn.execute("UPDATE search_meta SET value = '1' WHERE key = 'format'")
    for doc_id, (title, text, notes) in enumerate(docs, 1):
        fields = [fold(title), fold(text), fold(notes), "", ""]
        conn.execute(
            "INSERT INTO search_fts (rowid, title, body, notes, author, source) VALUES (?, ?, ?, ?, ?, ?)",
            (doc_id, *map(bigrams, fields)),
        )
        conn.execute(
            "INSERT INTO search_docs (doc_id, title, source, source_key, date_key, length)"
            " VALUES (?, ?, '', '', NULL, ?)",
            (doc_id, title, len(text)),
        )
        conn.execute("INSERT INTO search_packed (doc_id, packed) VALUES (?, ?)", (doc_id, pack(fields)))
    return conn


MIGRATED = [("医院", "县级医院的改革", "要点笔记"), ("经济", "发展 a-b", ""), ("其他", "无关", "醫院，笔记")]


def test_format_1_is_refused_until_migrated() -> None:
    conn = format_1_library(MIGRATED)
    with pytest.raises(RuntimeError, match="format 1 is not 2"):
        search.ensure_schema(conn)
    assert search.notes_to_own_table(conn) == 2  # only the documents with notes are rewritten
    search.ensure_schema(conn)
    assert search.notes_to_own_table(conn) == 0  # already format 2: nothing to do


def test_migration_gives_the_index_a_fresh_library_has() -> None:
    conn = format_1_library(MIGRATED)
    search.notes_to_own_table(conn)
    fresh = open_library()
    for doc_id, (title, text, notes) in enumerate(MIGRATED, 1):
        add(fresh, doc_id, text, title, notes=notes)
    for query in ["医院", "笔记", "-笔记", "医院 -要点", "title:医院 改革", "a-b", "院", "医院 无关"]:
        assert (
            search.matching_ids(conn, query)
            == search.matching_ids(fresh, query)
            == sorted(brute_force(MIGRATED, query))
        )
    tables = ("search_packed", "search_notes", "search_fts_docsize", "search_notes_fts_docsize")
    assert snapshot(conn, *tables) == snapshot(fresh, *tables)
    for table in ("search_fts", "search_notes_fts"):
        conn.execute(f"INSERT INTO {table} ({table}, rank) VALUES ('integrity-check', 0)")
    search.index_annotations(conn, 1, "", [])  # the migrated rows can be replaced like any other
    assert search.matching_ids(conn, "要点") == []


def test_migration_without_a_search_index_does_nothing() -> None:
    assert search.notes_to_own_table(sqlite3.connect(":memory:")) == 0


def test_tags_already_indexed_compare_on_a_library_connection(conn: sqlite3.Connection) -> None:
    """The library reads rows as sqlite3.Row, which cannot be sorted: comparing held tags must still work."""
    conn.row_factory = sqlite3.Row
    assert search.index_annotations(conn, 1, "", ["卫生", "人物"]) is True
    assert search.index_annotations(conn, 1, "", ["人物", "卫生"]) is False
