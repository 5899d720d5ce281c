"""A parsed query turned into SQL over the index: which documents match, exactly.

A plain term matches a document whose title, body or notes contain it; notes live in their own FTS5
table (see `search_schema`), so "every term is somewhere in the document" cannot be one FTS5
expression any more. The plan keeps the one-expression path for the documents it is exact for, and
settles the rest by id:

* `Plan` (pure): the FTS5 expression over title and body (and the field filters), the SQL filters on
  tags (of annotations and of the document), collections, entities and dates, the plain terms.
* `Scope` (read from the small notes table for each query): the documents whose notes hold an
  excluded term (`excluded`: they never match) and those that match only because their notes supply
  a term the title and body lack (`extra`, checked term by term). Matches = the FTS5 expression's
  matches minus `excluded`, plus `extra`. Without notes touching the query, both are empty and the
  SQL is the plain single-expression query.

Exact by construction: for a document whose notes hold no query term, the notes change nothing, so
the expression over title and body decides; every other document is one of the few whose notes hold
a term, and those are settled one by one.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from reader.core.query import Clause, Query, QueryError, parse
from reader.store.search_schema import FILTER_COLUMNS, TEXT_COLUMNS
from reader.store.search_tokens import phrase

__all__ = ["Plan", "Scope", "ids_in", "ids_sql", "organised", "prepare", "resolve", "run"]


@dataclass(frozen=True)
class Plan:
    """A parsed query as SQL: an FTS5 expression (if any positive text clause) and row conditions."""

    match: str | None  # positive FTS5 expression, NOT clauses included
    exclude: str | None  # FTS5 expression of excluded clauses, when there is no positive one
    where: tuple[str, ...]  # conditions on search_docs aliased d
    params: tuple[object, ...]
    title_match: str | None  # `match` restricted to documents whose title has a plain term
    terms: tuple[str, ...]  # distinct plain terms that must be present (title, body or notes)
    excluded_terms: tuple[str, ...]  # distinct plain terms that must be absent (title, body and notes)
    fields: tuple[str, ...]  # FTS5 expressions of positive field filters (title:, author:, source:)
    negative: tuple[str, ...]  # FTS5 expressions of every excluded clause on search_fts


@dataclass(frozen=True)
class Scope:
    """A plan settled against the notes table (see the module docstring)."""

    plan: Plan
    excluded: tuple[int, ...] = ()
    extra: tuple[int, ...] = ()
    noted: tuple[int, ...] = ()  # documents not excluded whose notes hold a plain term (for ranking)


def plan(query: Query, *, organised: bool = True) -> Plan:
    """`organised`: whether the library's collections and document tags can be read (a bare search
    index, without the library's tables, has neither: `tag:` then means annotation tags only and
    `collection:` matches nothing)."""
    positive: list[str] = []
    negative: list[str] = []
    fields: list[str] = []
    where: list[str] = []
    params: list[object] = []
    for clause in query.clauses:
        fts = _fts_clause(clause)
        if fts is not None:
            (negative if clause.negated else positive).append(fts)
            if clause.field is not None and not clause.negated:
                fields.append(fts)
            continue
        sql, args = _sql_clause(clause, organised)
        where.append(f"NOT ({sql})" if clause.negated else sql)
        params.extend(args)
    match = _and_not(positive, negative)
    terms = tuple(dict.fromkeys(query.terms))
    excluded = tuple(dict.fromkeys(c.value for c in query.clauses if c.field is None and c.negated))
    return Plan(
        match,
        " OR ".join(negative) if negative and not positive else None,
        tuple(where),
        tuple(params),
        _title_match(positive, negative, terms),
        terms,
        excluded,
        tuple(fields),
        tuple(negative),
    )


def _and_not(positive: Sequence[str], negative: Sequence[str]) -> str | None:
    if not positive:
        return None
    match = " AND ".join(positive)
    return f"({match}) NOT ({' OR '.join(negative)})" if negative else match


def _title_match(positive: list[str], negative: list[str], terms: tuple[str, ...]) -> str | None:
    if len(terms) == 1:
        # One plain term: restrict that clause to the title instead of ANDing the same phrase
        # twice, which would read its position lists twice.
        alone = f"{TEXT_COLUMNS} : {phrase(terms[0])}"
        return _and_not([f"{{title}} : {phrase(terms[0])}" if p == alone else p for p in positive], negative)
    if terms:
        titles = " OR ".join(phrase(t) for t in terms)
        return f"({_and_not(positive, negative)}) AND {{title}} : ({titles})"
    return None


def _fts_clause(clause: Clause) -> str | None:
    if clause.field is None:
        return f"{TEXT_COLUMNS} : {phrase(clause.value)}"
    if clause.field in FILTER_COLUMNS:
        return f"{FILTER_COLUMNS[clause.field]} : {phrase(clause.value)}"
    return None


def _sql_clause(clause: Clause, organised: bool) -> tuple[str, list[object]]:
    if clause.field == "tag":
        if not organised:
            return "d.doc_id IN (SELECT doc_id FROM search_tags WHERE norm = ?)", [clause.value]
        # A tag on one of the document's annotations or on the document itself.
        return (
            "d.doc_id IN (SELECT doc_id FROM search_tags WHERE norm = ?"
            " UNION ALL SELECT doc_id FROM document_tags WHERE norm = ?)",
            [clause.value, clause.value],
        )
    if clause.field == "collection":
        if not organised:
            return "0", []
        return (
            "d.doc_id IN (SELECT cd.doc_id FROM collections c"
            " JOIN collection_documents cd ON cd.collection_id = c.id WHERE c.norm = ?)",
            [clause.value],
        )
    if clause.field == "entity":
        return "d.doc_id IN (SELECT doc_id FROM search_entities WHERE norm = ?)", [clause.value]
    if clause.field == "date" and clause.dates is not None:
        low, high = clause.dates.low or "0000", clause.dates.high or "9999-99-99"
        return "coalesce(d.date_key, '') BETWEEN ? AND ?", [low, high]
    raise AssertionError(f"unplanned clause {clause!r}")  # pragma: no cover - parse() forbids it


def prepare(conn: sqlite3.Connection, query: str) -> tuple[Query, Scope] | None:
    """The parsed query and its scope; None for a query with no clauses. Raises QueryError."""
    parsed = parse(query)
    if parsed.is_empty:
        return None
    return parsed, resolve(conn, plan(parsed, organised=organised(conn)))


def organised(conn: sqlite3.Connection) -> bool:
    """Whether the connection has the library's collections and document tags (schema 10 and up)."""
    row = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'document_tags'").fetchone()
    return row is not None


def ids_in(ids: Iterable[int]) -> str:
    """A JSON array for `IN (SELECT value FROM json_each(?))`: any number of ids in one parameter."""
    return json.dumps(sorted(ids))


_IN = "(SELECT value FROM json_each(?))"


def run(conn: sqlite3.Connection, sql: str, params: Sequence[object]) -> list[Any]:
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


def resolve(conn: sqlite3.Connection, p: Plan) -> Scope:
    """Which documents the notes table excludes or adds (module docstring).

    One read of the notes table when no note holds a term (the usual case); otherwise one per term,
    one per group of documents whose notes lack the same terms, and one to drop those the title and
    body match alone.
    """
    words = (*p.terms, *(t for t in p.excluded_terms if t not in p.terms))
    if not words:
        return Scope(p)
    anything = " OR ".join(phrase(w) for w in words)
    if not run(conn, "SELECT rowid FROM search_notes_fts WHERE search_notes_fts MATCH ? LIMIT 1", [anything]):
        return Scope(p)
    holding = {w: _notes_with(conn, w) for w in words}
    excluded = set().union(*(holding[w] for w in p.excluded_terms))
    noted = set().union(*(holding[w] for w in p.terms)) - excluded
    # Group the noted documents by the terms their notes lack: each group is one FTS5 query.
    lacking: dict[tuple[str, ...], list[int]] = {}
    for doc_id in noted:
        lacking.setdefault(tuple(t for t in p.terms if doc_id not in holding[t]), []).append(doc_id)
    passing: set[int] = set()
    for missing, ids in lacking.items():
        passing |= _holding_rest(conn, p, missing, ids)
    if passing and p.match is not None:
        passing -= _matching(conn, p.match, passing)  # already matched by title and body alone
    return Scope(p, tuple(sorted(excluded)), tuple(sorted(passing)), tuple(sorted(noted)))


def _notes_with(conn: sqlite3.Connection, term: str) -> set[int]:
    sql = "SELECT rowid FROM search_notes_fts WHERE search_notes_fts MATCH ?"
    return {int(r[0]) for r in run(conn, sql, [phrase(term)])}


def _matching(conn: sqlite3.Connection, match: str, among: Iterable[int]) -> set[int]:
    among = list(among)
    sql, params = _in_fts("value", match, among)
    return {int(r[0]) for r in run(conn, f"SELECT value FROM json_each(?) WHERE {sql}", [ids_in(among), *params])}


_SEEK_MOST = 64
"""Up to this many ids, FTS5 is asked about each (a seek per id, ~8 µs); beyond, the expression's
matches are read once (~0.3 µs a match, what `count` reads anyway) and the ids looked up in them."""


def _in_fts(column: str, match: str, ids: Sequence[int]) -> tuple[str, list[object]]:
    """SQL testing that `column` is one of `ids` matching `match` in search_fts, the cheaper way."""
    matches = "SELECT rowid FROM search_fts WHERE search_fts MATCH ?"
    if len(ids) <= _SEEK_MOST:
        return f"{column} IN ({matches} AND rowid IN {_IN})", [match, ids_in(ids)]
    return f"{column} IN ({matches})", [match]


def _holding_rest(conn: sqlite3.Connection, p: Plan, missing: tuple[str, ...], ids: list[int]) -> set[int]:
    """Of `ids`, those whose title and body hold the `missing` terms and that pass every other clause."""
    positive = [f"{TEXT_COLUMNS} : {phrase(t)}" for t in missing] + list(p.fields)
    where = ["d.doc_id IN " + _IN, *p.where]
    params: list[object] = [ids_in(ids), *p.params]
    for expression, negated in ((_and_not(positive, []), False), (" OR ".join(p.negative) or None, True)):
        if expression is not None:
            sql, args = _in_fts("d.doc_id", expression, ids)
            where.append(f"NOT {sql}" if negated else sql)
            params += args
    rows = run(conn, f"SELECT d.doc_id FROM search_docs d WHERE {' AND '.join(where)}", params)
    return {int(r[0]) for r in rows}


def ids_sql(scope: Scope) -> tuple[str, list[object]]:
    """SELECT of every matching doc_id (column `id`), in no particular order."""
    p = scope.plan
    params: list[object] = []
    where = list(p.where)
    if p.match is not None:
        sql = "SELECT f.rowid AS id FROM search_fts f" + join(p)
        where.insert(0, "search_fts MATCH ?")
        params.append(p.match)
    else:
        sql = "SELECT d.doc_id AS id FROM search_docs d"
    params.extend(p.params)
    if p.match is None and p.exclude is not None:
        where.append("d.doc_id NOT IN (SELECT rowid FROM search_fts WHERE search_fts MATCH ?)")
        params.append(p.exclude)
    if scope.excluded:
        where.append(("f.rowid" if p.match is not None else "d.doc_id") + " NOT IN " + _IN)
        params.append(ids_in(scope.excluded))
    if where:
        sql += " WHERE " + " AND ".join(where)
    if scope.extra:
        sql += " UNION ALL SELECT value AS id FROM json_each(?)"
        params.append(ids_in(scope.extra))
    return sql, params


def join(p: Plan) -> str:
    """search_docs is only read for filters on tags, entities and dates: the join costs ~1 µs a row."""
    return " JOIN search_docs d ON d.doc_id = f.rowid" if p.where else ""
