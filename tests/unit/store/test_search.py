"""Library-wide search: exact substring matching in either script, ranking, snippets and facets."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.query import QueryError, fold, parse
from reader.store import search, search_query
from reader.store.search import Hit


def open_library() -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE documents (id INTEGER PRIMARY KEY, title TEXT, date TEXT, source TEXT, text TEXT)")
    search.ensure_schema(conn)
    search.ensure_schema(conn)  # idempotent: the lead's migration may run it again
    return conn


def add(conn: sqlite3.Connection, doc_id: int, text: str, title: str = "", **meta: object) -> None:
    conn.execute("INSERT OR REPLACE INTO documents (id, title, text) VALUES (?, ?, ?)", (doc_id, title, text))
    search.index_document(conn, doc_id, title=title, text=text, **meta)  # type: ignore[arg-type]


@pytest.fixture
def conn() -> Iterator[sqlite3.Connection]:
    c = open_library()
    add(c, 1, "我們的醫院在發展。醫院很好。", "縣級醫院改革", source="新華網", date="2023-05-14", tags=["衛生"])
    add(c, 2, "发展是硬道理，县级医院的发展", "经济观察", source="人民网", date="2022年3月", tags=["经济"])
    add(c, 3, "无关的内容 hospital-2023 ABC", "其他", author="張偉", entities=["张宗久"], notes="医院笔记")
    add(c, 4, "广告：免费领取医疗保险", "广告", source="百度", date="")
    yield c
    c.close()


def ids(conn: sqlite3.Connection, query: str) -> list[int]:
    return sorted(h.id for h in search.search(conn, query))


def test_simplified_query_finds_traditional_text_and_back(conn: sqlite3.Connection) -> None:
    assert ids(conn, "医院") == [1, 2, 3]
    assert ids(conn, "醫院") == [1, 2, 3]
    assert ids(conn, "發展") == [1, 2]
    assert ids(conn, "发展") == [1, 2]


def test_one_character_finds_every_document_containing_it(conn: sqlite3.Connection) -> None:
    assert ids(conn, "院") == [1, 2, 3]
    assert ids(conn, "告") == [4]
    assert ids(conn, "。") == [1]
    assert ids(conn, "h") == [3]


def test_substrings_inside_latin_words_and_punctuation(conn: sqlite3.Connection) -> None:
    assert ids(conn, "spital-20") == [3]
    assert ids(conn, "HOSPITAL") == [3]
    assert ids(conn, "ａｂｃ") == [3]
    assert ids(conn, "l-2023 a") == [3]  # two terms
    assert ids(conn, '"l-2023 a"') == [3]  # a phrase across the space
    assert ids(conn, '"hospital 2023"') == []


def test_terms_are_anded(conn: sqlite3.Connection) -> None:
    assert ids(conn, "医院 发展") == [1, 2]
    assert ids(conn, "医院 硬道理") == [2]
    assert ids(conn, "医院 不存在") == []


def test_phrase_is_an_exact_substring(conn: sqlite3.Connection) -> None:
    assert ids(conn, '"县级医院"') == [1, 2]  # 1 by its title 縣級醫院改革
    assert ids(conn, '"县级医院的"') == [2]
    assert ids(conn, '"医院 发展"') == []


def test_exclusion(conn: sqlite3.Connection) -> None:
    assert ids(conn, "医院 -硬道理") == [1, 3]
    assert ids(conn, "-医院") == [4]
    assert ids(conn, '-"免费领取" -hospital') == [1, 2]


def test_filters(conn: sqlite3.Connection) -> None:
    assert ids(conn, "title:医院") == [1]
    assert ids(conn, "source:新华网") == [1]
    assert ids(conn, "source:网") == [1, 2]
    assert ids(conn, "author:张") == [3]
    assert ids(conn, "tag:卫生") == [1]
    assert ids(conn, "tag:衛") == []  # tags match whole
    assert ids(conn, "entity:張宗久") == [3]
    assert ids(conn, "date:2023") == [1]
    assert ids(conn, "date:2022..2023") == [1, 2]
    assert ids(conn, "date:2022-03") == [2]
    assert ids(conn, "date:2023-06..") == []
    assert ids(conn, "-date:2023") == [2, 3, 4]
    assert ids(conn, "发展 date:..2022") == [2]
    assert ids(conn, "医院 -tag:卫生 -title:其他") == [2]
    assert ids(conn, "-source:网") == [3, 4]


def test_notes_are_searched_but_give_no_offset(conn: sqlite3.Connection) -> None:
    (hit,) = search.search(conn, "笔记")
    assert (hit.id, hit.first, hit.hits) == (3, -1, 0)
    assert hit.snippet.text == "无关的内容 hospital-2023 ABC" and hit.snippet.spans == ()


def test_hit_fields_point_into_the_original_text(conn: sqlite3.Connection) -> None:
    (hit,) = [h for h in search.search(conn, "医院") if h.id == 1]
    assert hit.title == "縣級醫院改革"
    assert hit.hits == 2
    assert hit.first == 3
    snippet = hit.snippet
    assert [snippet.text[s:e] for s, e in snippet.spans] == ["醫院", "醫院"]
    assert snippet.start == 0 and not snippet.more_before and not snippet.more_after
    assert snippet.marked() == "我們的[醫院]在發展。[醫院]很好。"


def test_snippet_is_a_window_around_the_first_hit() -> None:
    conn = open_library()
    text = "甲" * 100 + "\n醫院" + "乙" * 100
    add(conn, 1, text)
    (hit,) = search.search(conn, "医院")
    snippet = hit.snippet
    assert hit.first == 101
    assert len(snippet.text) == search.SNIPPET_LENGTH
    assert snippet.more_before and snippet.more_after
    assert snippet.start <= hit.first < snippet.start + len(snippet.text)
    (span,) = snippet.spans
    assert snippet.text[span[0] : span[1]] == "醫院"
    assert "\n" not in snippet.text
    assert snippet.marked("<", ">").startswith("…") and "<醫院>" in snippet.marked("<", ">")


def test_snippet_falls_back_to_folded_text_without_a_documents_row() -> None:
    conn = open_library()
    search.index_document(conn, 7, title="t", text="醫院")
    (hit,) = search.search(conn, "医院")
    assert hit.snippet.text == "医院"


def test_title_hits_rank_first_then_more_hits() -> None:
    conn = open_library()
    add(conn, 1, "医院" + "内容" * 50, "报告")
    add(conn, 2, "医院，医院，医院。" + "内容" * 50, "报告")
    add(conn, 3, "内容" * 50 + "医院", "县级医院调查")
    add(conn, 4, "毫不相关" * 10, "报告")
    add(conn, 5, "毫不相关" * 10, "报告")
    hits = search.search(conn, "医院")
    assert [h.id for h in hits] == [3, 2, 1]
    assert [h.hits for h in hits] == [1, 3, 1]
    assert hits[0].score > hits[1].score > hits[2].score


def test_paging(conn: sqlite3.Connection) -> None:
    everything = [h.id for h in search.search(conn, "院")]
    assert [h.id for h in search.search(conn, "院", limit=2)] == everything[:2]
    assert [h.id for h in search.search(conn, "院", limit=2, offset=2)] == everything[2:]
    assert search.search(conn, "院", limit=0) == []


def test_count_and_matching_ids(conn: sqlite3.Connection) -> None:
    assert search.count(conn, "医院") == 3
    assert search.matching_ids(conn, "医院 -硬道理") == [1, 3]
    assert search.count(conn, "") == 0 and search.matching_ids(conn, " ") == []


def test_empty_query_finds_nothing(conn: sqlite3.Connection) -> None:
    assert search.search(conn, "") == []
    assert search.search(conn, " \u3000") == []


def test_bad_query_raises_query_error(conn: sqlite3.Connection) -> None:
    for call in (search.search, search.count, search.matching_ids, search.facets):
        with pytest.raises(QueryError, match="unbalanced quotes"):
            call(conn, '"医院')
    with pytest.raises(QueryError, match="ends before it starts"):
        search.hit_spans("医院", "date:2024..2023")


def test_reindex_replaces_and_remove_forgets(conn: sqlite3.Connection) -> None:
    add(conn, 1, "全新的文字", "新标题", tags=["新"])
    assert ids(conn, "医院") == [2, 3]
    assert ids(conn, "全新") == [1]
    assert ids(conn, "tag:卫生") == [] and ids(conn, "tag:新") == [1]
    search.remove_document(conn, 2)
    search.remove_document(conn, 2)  # already gone: a no-op
    search.remove_document(conn, 99)
    assert ids(conn, "医院") == [3]
    assert ids(conn, "硬道理") == []
    conn.execute("INSERT INTO search_fts (search_fts, rank) VALUES ('integrity-check', 0)")


def test_remove_needs_no_document_text(conn: sqlite3.Connection) -> None:
    """The caller may change or delete the document row before asking for the index to follow."""
    conn.execute("UPDATE documents SET text = 'changed' WHERE id = 1")
    conn.execute("DELETE FROM documents WHERE id = 2")
    search.remove_document(conn, 1)
    search.remove_document(conn, 2)
    assert ids(conn, "医院") == [3]
    conn.execute("INSERT INTO search_fts (search_fts, rank) VALUES ('integrity-check', 0)")


def test_facets(conn: sqlite3.Connection) -> None:
    everything = search.facets(conn, None)
    assert sorted(everything["sources"]) == [("人民网", 1), ("新華網", 1), ("百度", 1)]
    assert everything["years"] == [("2023", 1), ("2022", 1)]
    assert sorted(everything["tags"]) == sorted([("衛生", 1), ("经济", 1)])
    assert search.facets(conn, "") == everything
    found = search.facets(conn, "发展")
    assert sorted(found["sources"]) == [("人民网", 1), ("新華網", 1)]
    assert search.facets(conn, "硬道理") == {"sources": [("人民网", 1)], "years": [("2022", 1)], "tags": [("经济", 1)]}


def test_facets_group_sources_across_scripts() -> None:
    conn = open_library()
    add(conn, 1, "a", source="新華網")
    add(conn, 2, "a", source="新华网")
    add(conn, 3, "a", source="人民网")
    (top, other) = search.facets(conn, "a")["sources"]
    assert top[1] == 2 and top[0] in {"新華網", "新华网"} and other == ("人民网", 1)


def test_hit_spans_are_offsets_into_the_original() -> None:
    text = "𠀀醫院與医院，ＡＢＣ abc"
    spans = search.hit_spans(text, "医院 abc")
    assert spans == [(1, 3), (4, 6), (7, 10), (11, 14)]
    assert [text[s:e] for s, e in spans] == ["醫院", "医院", "ＡＢＣ", "abc"]


def test_hit_spans_merge_overlaps_and_ignore_filters_and_exclusions() -> None:
    assert search.hit_spans("哈哈哈哈", "哈哈") == [(0, 2), (2, 4)]
    assert search.hit_spans("abcd", "abc bcd") == [(0, 4)]
    assert search.hit_spans("医院广告", "title:医院 -广告") == []
    assert search.hit_spans("", "医院") == []


def test_broad_queries_rank_a_window_but_keep_title_matches(monkeypatch: pytest.MonkeyPatch) -> None:
    conn = open_library()
    add(conn, 1, "医院医院医院", "医院")  # oldest, best match
    for doc_id in range(2, 12):
        add(conn, doc_id, "一家医院", "报告")
    monkeypatch.setattr(search_query, "RANK_WINDOW", 3)
    monkeypatch.setattr(search_query, "TITLE_WINDOW", 1)
    hits = search.search(conn, "医院")
    assert hits[0].id == 1
    assert {h.id for h in hits[1:]} == {9, 10, 11}
    assert search.count(conn, "医院") == 11  # counting is never windowed
    assert [h.id for h in search.search(conn, "一家")] == [11, 10, 9]
    assert [h.id for h in search.search(conn, "医院 家")] == [11, 10, 9]  # two terms: no title has both
    assert [h.id for h in search.search(conn, "医院 -家")] == [1]
    assert [h.id for h in search.search(conn, "医院 title:医院")] == [1]


# --- properties ----------------------------------------------------------------------------------

ALPHABET = "医醫院发發展后後ab AB-，。\n𠀀"
texts = st.text(alphabet=ALPHABET, max_size=40)


def brute_force(docs: list[tuple[str, str]], query: str) -> set[int]:
    """The reference: substrings of the folded title or text, with exclusions."""
    wanted = [(c.value, c.negated) for c in parse(query).clauses]
    folded = [(fold(title), fold(text)) for title, text in docs]
    return {
        i + 1
        for i, (title, text) in enumerate(folded)
        if all((v in title or v in text) != negated for v, negated in wanted)
    }


@st.composite
def library_and_query(draw: st.DrawFn) -> tuple[list[tuple[str, str]], str]:
    docs = draw(st.lists(st.tuples(st.text(alphabet=ALPHABET, max_size=6), texts), min_size=1, max_size=8))
    pieces: list[str] = []
    for _ in range(draw(st.integers(1, 3))):
        title, text = draw(st.sampled_from(docs))
        source = title + text
        start = draw(st.integers(0, max(0, len(source) - 1)))
        piece = source[start : start + draw(st.integers(1, 5))] or draw(st.sampled_from("医院ab"))
        minus = "-" if bool(pieces) and draw(st.booleans()) else ""
        pieces.append(f'{minus}"{piece}"')
    return docs, " ".join(pieces)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(library_and_query())
def test_results_equal_a_brute_force_scan(case: tuple[list[tuple[str, str]], str]) -> None:
    docs, query = case
    conn = open_library()
    for i, (title, text) in enumerate(docs):
        add(conn, i + 1, text, title)
    expected = brute_force(docs, query)
    assert set(search.matching_ids(conn, query)) == expected
    hits: list[Hit] = search.search(conn, query, limit=100)
    assert {h.id for h in hits} == expected
    for hit in hits:
        text = docs[hit.id - 1][1]
        assert hit.hits == len(search.hit_spans(text, query))
        assert hit.first == (search.hit_spans(text, query) or [(-1, 0)])[0][0]


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80) | st.text(alphabet='"“”-: 医院title:date:.2023tag', max_size=30))
def test_arbitrary_input_raises_nothing_but_query_error(query: str) -> None:
    conn = _shared_library()
    for call in (search.search, search.count, search.facets, search.matching_ids):
        with contextlib.suppress(QueryError):
            call(conn, query)
    with contextlib.suppress(QueryError):
        search.hit_spans("医院 title: 2023", query)


_LIBRARY: list[sqlite3.Connection] = []


def _shared_library() -> sqlite3.Connection:
    if not _LIBRARY:
        conn = open_library()
        add(conn, 1, '我們的醫院在發展 "quoted" title:x', "醫院", source="s", date="2023", tags=["t"])
        _LIBRARY.append(conn)
    return _LIBRARY[0]


def test_surrogates_and_escape_characters_are_stored_safely() -> None:
    conn = open_library()
    search.index_document(conn, 1, title="\ud800", text="a\U0010ff2db\ud800c")
    assert search.matching_ids(conn, "a-b") == []  # the escape code point is not '-'
    assert search.matching_ids(conn, "b") == [1]
    search.remove_document(conn, 1)
    conn.execute("INSERT INTO search_fts (search_fts, rank) VALUES ('integrity-check', 0)")
