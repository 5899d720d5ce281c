"""Library-wide full-text search: substring matching in either script, at 100,000 documents.

Why the index looks the way it does (measurements in docs/decisions/search.md):

* Chinese has no spaces, and readers search for one or two characters as often as for longer
  strings, so every term is a substring query. FTS5's trigram tokenizer cannot answer queries
  shorter than three characters, and a one-token-per-character index makes two- and four-character
  queries read the long position lists of common characters. So each text is indexed as overlapping
  character *bigrams* (one token per code point: the character and the next one), with a
  one-character prefix index: a query of n >= 2 characters is the FTS5 phrase of its n - 1 bigrams,
  and a one-character query is the prefix query "c"*, answered from the prefix index. Every code
  point is a token, punctuation and spaces included, so a phrase match is exactly a substring match:
  recall and precision are both 100% against a scan of the folded texts, with no verification pass.
* Texts are folded first (`reader.core.query.fold`: simplified script, NFKC, case-folded, same length),
  so 醫院 and 医院 are the same tokens and offsets found in the folded text are offsets in the original.
* The FTS5 table is contentless: the documents table already holds the text. FTS5 needs the old
  tokens to delete a row, and the caller may have changed the document before re-indexing it, so the
  folded fields are kept in `search_packed` (JSON, UTF-16, zlib: ~0.64x the text's size);
  they also give hit counts and snippets without re-folding.
* Ranking is FTS5's bm25 with title hits weighted far above body hits (more and denser hits rank
  higher through bm25's term frequency and length normalisation). Ranking reads the position list of
  every match it scores, ~1-2 µs a document for a common character, so a query matching more than
  `RANK_WINDOW` documents ranks the newest `TITLE_WINDOW` documents whose title matches first,
  then the `RANK_WINDOW` newest matches; `count` and `matching_ids` are always complete.

All functions take a plain `sqlite3.Connection`; writes happen in the caller's transaction.
"""

from __future__ import annotations

import json
import operator
import re
import sqlite3
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from reader.core.query import Clause, Query, QueryError, clean, date_key, fold, parse

__all__ = [
    "RANK_WINDOW",
    "SNIPPET_LENGTH",
    "TITLE_WINDOW",
    "Hit",
    "QueryError",
    "Snippet",
    "count",
    "ensure_schema",
    "facets",
    "hit_spans",
    "index_document",
    "matching_ids",
    "optimise",
    "remove_document",
    "search",
]

FORMAT = "1"
"""Version of the token format; a change means re-indexing every document."""

RANK_WINDOW = 5_000
"""Most documents bm25 is computed for in one query: bounds the cost of ranking a broad query."""

TITLE_WINDOW = 1_000
"""How many of the newest title matches a broad query ranks ahead of its window."""

SNIPPET_LENGTH = 60

# Column order of search_fts and the bm25 weight of each: plain terms search title, body and notes;
# author and source only serve filters and must not move the ranking.
_COLUMNS = ("title", "body", "notes", "author", "source")
_WEIGHTS = (20.0, 1.0, 4.0, 0.0, 0.0)
_TEXT_COLUMNS = "{title body notes}"
_FILTER_COLUMNS = {"title": "{title}", "source": "{source}", "author": "{author}"}

# ASCII characters that are not letters or digits separate tokens in FTS5's ascii tokenizer, so each is
# mapped to its own code point at the end of plane 16 (which `fold` keeps out of texts). Every other
# code point is already a token character.
_ESCAPE = {c: chr(0x10FF00 + c) for c in range(128) if not chr(c).isalnum()}
_END = "\U0010fffe"  # the bigram after the last character, so that it has a token of its own


def _bigrams(folded: str) -> str:
    """The token stream for a folded text: 'abc' → 'ab bc c⟨end⟩', one token per code point."""
    if not folded:
        return ""
    t = folded.translate(_ESCAPE)
    return " ".join(map(operator.add, t, t[1:] + _END))


def _phrase(term: str) -> str:
    """The FTS5 expression matching `term` (folded) as a substring of a column."""
    t = term.translate(_ESCAPE)
    if len(t) == 1:
        return f'"{t}"*'
    return '"' + " ".join(map(operator.add, t, t[1:])) + '"'


_SCHEMA = f"""
CREATE TABLE IF NOT EXISTS search_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS search_docs (
    doc_id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    source TEXT NOT NULL,
    source_key TEXT NOT NULL,
    date_key TEXT,
    length INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS search_packed (doc_id INTEGER PRIMARY KEY, packed BLOB NOT NULL);
CREATE INDEX IF NOT EXISTS search_docs_date ON search_docs (date_key);
CREATE INDEX IF NOT EXISTS search_docs_source ON search_docs (source_key, source);
CREATE TABLE IF NOT EXISTS search_tags (
    norm TEXT NOT NULL, doc_id INTEGER NOT NULL, tag TEXT NOT NULL, PRIMARY KEY (norm, doc_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS search_tags_doc ON search_tags (doc_id);
CREATE TABLE IF NOT EXISTS search_entities (
    norm TEXT NOT NULL, doc_id INTEGER NOT NULL, PRIMARY KEY (norm, doc_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS search_entities_doc ON search_entities (doc_id);
CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5(
    {", ".join(_COLUMNS)}, content='', tokenize='ascii', prefix='1'
);
INSERT OR IGNORE INTO search_meta (key, value) VALUES ('format', '{FORMAT}');
"""


def ensure_schema(conn: sqlite3.Connection) -> None:
    """Create the search tables if missing. Idempotent; runs inside the caller's migration."""
    for statement in _SCHEMA.split(";\n"):
        if statement.strip():
            conn.execute(statement)
    (fmt,) = conn.execute("SELECT value FROM search_meta WHERE key = 'format'").fetchone()
    if fmt != FORMAT:
        raise RuntimeError(f"search index format {fmt} is not {FORMAT}: the library needs re-indexing")


def index_document(
    conn: sqlite3.Connection,
    doc_id: int,
    *,
    title: str,
    text: str,
    author: str = "",
    source: str = "",
    date: str = "",
    notes: str = "",
    tags: Sequence[str] = (),
    entities: Sequence[str] = (),
) -> None:
    """Index (or re-index) one document, replacing any previous entry for `doc_id`."""
    remove_document(conn, doc_id)
    fields = [fold(title), fold(text), fold(notes), fold(author), fold(source)]
    conn.execute(
        f"INSERT INTO search_fts (rowid, {', '.join(_COLUMNS)}) VALUES (?, ?, ?, ?, ?, ?)",
        (doc_id, *map(_bigrams, fields)),
    )
    packed = zlib.compress(json.dumps(fields, ensure_ascii=False).encode("utf-16-le"), 6)
    conn.execute(
        "INSERT INTO search_docs (doc_id, title, source, source_key, date_key, length) VALUES (?, ?, ?, ?, ?, ?)",
        (doc_id, clean(title), clean(source), fields[4].strip(), date_key(date), len(text)),
    )
    conn.execute("INSERT INTO search_packed (doc_id, packed) VALUES (?, ?)", (doc_id, packed))
    conn.executemany(
        "INSERT OR IGNORE INTO search_tags (norm, doc_id, tag) VALUES (?, ?, ?)",
        [(fold(t).strip(), doc_id, clean(t.strip())) for t in tags if t.strip()],
    )
    conn.executemany(
        "INSERT OR IGNORE INTO search_entities (norm, doc_id) VALUES (?, ?)",
        [(fold(e).strip(), doc_id) for e in entities if e.strip()],
    )


def remove_document(conn: sqlite3.Connection, doc_id: int) -> None:
    """Drop a document from the index; a no-op when it is not indexed."""
    row = conn.execute("SELECT packed FROM search_packed WHERE doc_id = ?", (doc_id,)).fetchone()
    if row is None:
        return
    fields = _unpack(row[0])
    conn.execute(
        f"INSERT INTO search_fts (search_fts, rowid, {', '.join(_COLUMNS)}) VALUES ('delete', ?, ?, ?, ?, ?, ?)",
        (doc_id, *map(_bigrams, fields)),
    )
    for table in ("search_docs", "search_packed", "search_tags", "search_entities"):
        conn.execute(f"DELETE FROM {table} WHERE doc_id = ?", (doc_id,))


def optimise(conn: sqlite3.Connection) -> None:
    """Merge the index into one segment: worth it after a large import, queries read fewer pages."""
    conn.execute("INSERT INTO search_fts (search_fts) VALUES ('optimize')")


def _unpack(packed: bytes) -> list[str]:
    fields: list[str] = json.loads(zlib.decompress(packed).decode("utf-16-le"))
    return fields


# --- queries -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Plan:
    """A parsed query as SQL: an FTS5 expression (if any positive text clause) and row conditions."""

    match: str | None  # positive FTS5 expression, NOT clauses included
    exclude: str | None  # FTS5 expression of excluded clauses, when there is no positive one
    where: tuple[str, ...]  # conditions on search_docs aliased d
    params: tuple[object, ...]
    title_match: str | None  # `match` restricted to documents whose title has a plain term


def _plan(query: Query) -> _Plan:
    positive: list[str] = []
    negative: list[str] = []
    where: list[str] = []
    params: list[object] = []
    for clause in query.clauses:
        fts = _fts_clause(clause)
        if fts is not None:
            (negative if clause.negated else positive).append(fts)
            continue
        sql, args = _sql_clause(clause)
        where.append(f"NOT ({sql})" if clause.negated else sql)
        params.extend(args)
    match = exclude = title_match = None
    if positive:
        match = " AND ".join(positive)
        if negative:
            match = f"({match}) NOT ({' OR '.join(negative)})"
        if len(set(query.terms)) == 1:
            # One plain term: restrict that clause to the title instead of ANDing the same phrase
            # twice, which would read its position lists twice.
            alone = f"{_TEXT_COLUMNS} : {_phrase(query.terms[0])}"
            titled = [f"{{title}} : {_phrase(query.terms[0])}" if p == alone else p for p in positive]
            title_match = " AND ".join(titled)
            if negative:
                title_match = f"({title_match}) NOT ({' OR '.join(negative)})"
        elif query.terms:
            titles = " OR ".join(_phrase(t) for t in query.terms)
            title_match = f"({match}) AND {{title}} : ({titles})"
    elif negative:
        exclude = " OR ".join(negative)
    return _Plan(match, exclude, tuple(where), tuple(params), title_match)


def _fts_clause(clause: Clause) -> str | None:
    if clause.field is None:
        return f"{_TEXT_COLUMNS} : {_phrase(clause.value)}"
    if clause.field in _FILTER_COLUMNS:
        return f"{_FILTER_COLUMNS[clause.field]} : {_phrase(clause.value)}"
    return None


def _sql_clause(clause: Clause) -> tuple[str, list[object]]:
    if clause.field == "tag":
        return "d.doc_id IN (SELECT doc_id FROM search_tags WHERE norm = ?)", [clause.value]
    if clause.field == "entity":
        return "d.doc_id IN (SELECT doc_id FROM search_entities WHERE norm = ?)", [clause.value]
    if clause.field == "date" and clause.dates is not None:
        low, high = clause.dates.low or "0000", clause.dates.high or "9999-99-99"
        return "coalesce(d.date_key, '') BETWEEN ? AND ?", [low, high]
    raise AssertionError(f"unplanned clause {clause!r}")  # pragma: no cover - parse() forbids it


def _ids_sql(plan: _Plan) -> tuple[str, list[object]]:
    """SELECT of every matching doc_id (column `id`), in no particular order."""
    params: list[object] = []
    where = list(plan.where)
    if plan.match is not None:
        sql = "SELECT f.rowid AS id FROM search_fts f" + _join(plan)
        where.insert(0, "search_fts MATCH ?")
        params.append(plan.match)
    else:
        sql = "SELECT d.doc_id AS id FROM search_docs d"
        if plan.exclude is not None:
            where.append("d.doc_id NOT IN (SELECT rowid FROM search_fts WHERE search_fts MATCH ?)")
    params.extend(plan.params)
    if plan.match is None and plan.exclude is not None:
        params.append(plan.exclude)
    if where:
        sql += " WHERE " + " AND ".join(where)
    return sql, params


def _join(plan: _Plan) -> str:
    """search_docs is only read for filters on tags, entities and dates: the join costs ~1 µs a row."""
    return " JOIN search_docs d ON d.doc_id = f.rowid" if plan.where else ""


def _prepare(query: str) -> tuple[Query, _Plan] | None:
    parsed = parse(query)
    if parsed.is_empty:
        return None
    return parsed, _plan(parsed)


def _run(conn: sqlite3.Connection, sql: str, params: Sequence[object]) -> list[Any]:
    """Execute, turning what FTS5 says about an expression we built into a QueryError.

    The parser rules out every malformed expression it knows of; this is the net under it, so the
    search box can never crash the window.
    """
    try:
        return conn.execute(sql, params).fetchall()
    except sqlite3.OperationalError as error:
        if "fts5" in str(error) or "MATCH" in str(error):
            raise QueryError(f"cannot search for that: {error}") from error
        raise


def matching_ids(conn: sqlite3.Connection, query: str) -> list[int]:
    """Every matching document id, ascending: for filtering the document list to the results."""
    prepared = _prepare(query)
    if prepared is None:
        return []
    sql, params = _ids_sql(prepared[1])
    return sorted(int(r[0]) for r in _run(conn, sql, params))


def count(conn: sqlite3.Connection, query: str) -> int:
    """How many documents match, exactly (the window only bounds ranking)."""
    prepared = _prepare(query)
    if prepared is None:
        return 0
    sql, params = _ids_sql(prepared[1])
    (n,) = _run(conn, f"SELECT count(*) FROM ({sql})", params)[0]
    return int(n)


@dataclass(frozen=True)
class Snippet:
    """A stretch of a document's text around its first hit, with the hits inside it.

    `spans` are offsets into `text`; `start` is the offset of `text` in the document. Line breaks are
    shown as spaces (one for one, so spans stay valid). The UI highlights `spans`; the CLI prints
    `marked()`.
    """

    text: str
    spans: tuple[tuple[int, int], ...]
    start: int
    more_before: bool
    more_after: bool

    def marked(self, open_mark: str = "[", close_mark: str = "]", ellipsis: str = "…") -> str:
        """The snippet as one line with every hit wrapped in marks."""
        out: list[str] = [ellipsis] if self.more_before else []
        pos = 0
        for s, e in self.spans:
            out += [self.text[pos:s], open_mark, self.text[s:e], close_mark]
            pos = e
        out.append(self.text[pos:])
        if self.more_after:
            out.append(ellipsis)
        return "".join(out)


@dataclass(frozen=True)
class Hit:
    """One result. `first` is the code-point offset of the first hit in the text (-1: title/notes only)."""

    id: int
    title: str
    snippet: Snippet
    hits: int
    score: float
    first: int


def search(conn: sqlite3.Connection, query: str, *, limit: int = 50, offset: int = 0) -> list[Hit]:
    """The best `limit` matches after `offset`, best first. Raises QueryError for a bad query."""
    prepared = _prepare(query)
    if prepared is None or limit <= 0:
        return []
    parsed, plan = prepared
    offset = max(0, offset)
    if plan.match is None:
        # Filters and exclusions only: nothing to rank on, so newest first.
        sql, params = _ids_sql(plan)
        rows = _run(conn, f"{sql} ORDER BY id DESC LIMIT ? OFFSET ?", [*params, limit, offset])
        ranked = [(int(r[0]), 0.0) for r in rows]
    else:
        ranked = _ranked(conn, plan, limit, offset)
    return _hits(conn, parsed, ranked)


def _ranked(conn: sqlite3.Connection, plan: _Plan, limit: int, offset: int) -> list[tuple[int, float]]:
    """Best-first (doc_id, score) pairs.

    Up to RANK_WINDOW matches, every match is ranked by bm25. Beyond, ranking every match would read
    every position list (~60 ms for a common character at 100,000 documents), so the newest
    TITLE_WINDOW documents whose title matches come first, then the RANK_WINDOW newest matches.
    """
    assert plan.match is not None
    want = offset + limit
    ids_sql, ids_params = _ids_sql(plan)
    cut_rows = _run(conn, f"{ids_sql} ORDER BY id DESC LIMIT 1 OFFSET ?", [*ids_params, RANK_WINDOW - 1])
    if not cut_rows:
        return _scored(conn, plan, plan.match, [], [], want)[offset:]
    titled: list[tuple[int, float]] = []
    if plan.title_match is not None:
        titled = _scored(conn, plan, plan.title_match, [], [], want, newest=TITLE_WINDOW)
    seen = {doc_id for doc_id, _ in titled}
    # A rowid range is a constraint FTS5 seeks to, so only the window's position lists are read.
    window = _scored(conn, plan, plan.match, ["f.rowid >= ?"], [cut_rows[0][0]], want + len(titled))
    return (titled + [hit for hit in window if hit[0] not in seen])[offset:want]


def _scored(
    conn: sqlite3.Connection,
    plan: _Plan,
    match: str,
    extra: list[str],
    extra_params: list[object],
    n: int,
    newest: int | None = None,
) -> list[tuple[int, float]]:
    """The n best (doc_id, -bm25) for `match` and the plan's filters, among the `newest` matches."""
    weights = ", ".join(str(w) for w in _WEIGHTS)
    where = ["search_fts MATCH ?", *extra, *plan.where]
    params: list[object] = [match, *extra_params, *plan.params]
    inner = (
        f"SELECT f.rowid AS id, bm25(search_fts, {weights}) AS r FROM search_fts f{_join(plan)}"
        f" WHERE {' AND '.join(where)}"
    )
    if newest is not None:
        inner += " ORDER BY f.rowid DESC LIMIT ?"
        params.append(newest)
    rows = _run(conn, f"SELECT id, r FROM ({inner}) ORDER BY r, id DESC LIMIT ?", [*params, n])
    return [(int(i), -float(r)) for i, r in rows]


def _hits(conn: sqlite3.Connection, parsed: Query, ranked: list[tuple[int, float]]) -> list[Hit]:
    if not ranked:
        return []
    ids = [i for i, _ in ranked]
    marks = ",".join("?" * len(ids))
    meta = {
        int(r[0]): (str(r[1]), bytes(r[2]))
        for r in conn.execute(
            f"SELECT d.doc_id, d.title, p.packed FROM search_docs d JOIN search_packed p USING (doc_id)"
            f" WHERE d.doc_id IN ({marks})",
            ids,
        )
    }
    originals = _original_texts(conn, ids)
    hits: list[Hit] = []
    for doc_id, score in ranked:
        title, packed = meta[doc_id]
        body = _unpack(packed)[1]
        spans = _spans(body, parsed.terms)
        original = originals.get(doc_id)
        shown = original if original is not None and len(original) == len(body) else body
        first = spans[0][0] if spans else -1
        hits.append(Hit(doc_id, title, _snippet(shown, spans), len(spans), score, first))
    return hits


def _original_texts(conn: sqlite3.Connection, ids: list[int]) -> dict[int, str]:
    """Texts from the documents table, for snippets in the original script; {} if there is none."""
    marks = ",".join("?" * len(ids))
    try:
        rows = conn.execute(f"SELECT id, text FROM documents WHERE id IN ({marks})", ids).fetchall()
    except sqlite3.OperationalError:
        return {}
    return {int(i): t for i, t in rows if isinstance(t, str)}


def _snippet(text: str, spans: list[tuple[int, int]]) -> Snippet:
    first = spans[0][0] if spans else 0
    start = max(0, min(first - SNIPPET_LENGTH // 3, len(text) - SNIPPET_LENGTH))
    end = min(len(text), start + SNIPPET_LENGTH)
    inside = tuple((max(s, start) - start, min(e, end) - start) for s, e in spans if s < end and e > start)
    shown = _LINE_BREAKS.sub(" ", text[start:end])
    return Snippet(shown, inside, start, start > 0, end < len(text))


_LINE_BREAKS = re.compile(r"[\r\n\t\v\f\x1c-\x1e\x85\u2028\u2029]")


def _spans(folded: str, terms: Iterable[str]) -> list[tuple[int, int]]:
    """Non-overlapping occurrences of each term, merged where different terms overlap, in order."""
    found: list[tuple[int, int]] = []
    for term in set(terms):
        size = len(term)
        found.extend((m.start(), m.start() + size) for m in re.finditer(re.escape(term), folded))
    found.sort()
    merged: list[tuple[int, int]] = []
    for s, e in found:
        if merged and s < merged[-1][1]:
            if e > merged[-1][1]:
                merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    return merged


def hit_spans(text: str, query: str) -> list[tuple[int, int]]:
    """Where the query's plain terms occur in `text`, as code-point (start, end) pairs, in order.

    Matching runs on the folded text, so 醫院 in the text is found by 医院 in the query; the offsets
    hold in the original because folding keeps the length. Raises QueryError for a bad query.
    """
    terms = parse(query).terms
    if not terms or not text:
        return []
    return _spans(fold(text), terms)


def facets(conn: sqlite3.Connection, query: str | None) -> dict[str, list[tuple[str, int]]]:
    """Counts by source, year and tag over the query's matches (or the whole library for None/empty).

    Sources and tags come most frequent first; years newest first. Raises QueryError for a bad query.
    """
    prepared = _prepare(query) if query is not None else None
    params: list[object] = []
    if prepared is None:
        # The whole library: plain GROUP BYs that the covering indexes answer without a join.
        docs, tags_from = "search_docs d", "search_tags t"
    else:
        scope, params = _ids_sql(prepared[1])
        docs = f"({scope}) m JOIN search_docs d ON d.doc_id = m.id"
        tags_from = f"({scope}) m JOIN search_tags t ON t.doc_id = m.id"
    sources = _run(
        conn,
        f"SELECT min(d.source), count(*) AS n FROM {docs} WHERE d.source_key != ''"
        " GROUP BY d.source_key ORDER BY n DESC, 1",
        params,
    )
    years = _run(
        conn,
        f"SELECT substr(d.date_key, 1, 4) AS y, count(*) FROM {docs} WHERE d.date_key IS NOT NULL"
        " GROUP BY y ORDER BY y DESC",
        params,
    )
    tags = _run(conn, f"SELECT min(t.tag), count(*) AS n FROM {tags_from} GROUP BY t.norm ORDER BY n DESC, 1", params)
    return {
        "sources": [(str(a), int(b)) for a, b in sources],
        "years": [(str(a), int(b)) for a, b in years],
        "tags": [(str(a), int(b)) for a, b in tags],
    }
