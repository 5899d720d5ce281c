"""Answering queries: every matching id, how many, and the best page of hits.

Ranking is bm25 over title and body (title weighted far above body) plus, for a document whose notes
hold a term, bm25 over its notes weighted `NOTES_WEIGHT`. Ranking reads the position list of every
match it scores (~1-2 µs a document for a common character), so a query matching more than
`RANK_WINDOW` documents ranks the newest `TITLE_WINDOW` documents whose title matches first, then the
`RANK_WINDOW` newest matches; `count` and `matching_ids` are always complete.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from reader.store.search_plan import Scope, ids_in, ids_sql, join, prepare, run
from reader.store.search_results import Hit, hits
from reader.store.search_schema import NOTES_WEIGHT, TEXT_COLUMNS, WEIGHTS
from reader.store.search_tokens import phrase

__all__ = ["RANK_WINDOW", "TITLE_WINDOW", "count", "matching_ids", "search"]

RANK_WINDOW = 5_000
"""Most documents bm25 is computed for in one query: bounds the cost of ranking a broad query."""

TITLE_WINDOW = 1_000
"""How many of the newest title matches a broad query ranks ahead of its window."""

_BM25 = f"bm25(search_fts, {', '.join(str(w) for w in WEIGHTS)})"


def matching_ids(conn: sqlite3.Connection, query: str) -> list[int]:
    """Every matching document id, ascending: for filtering the document list to the results."""
    prepared = prepare(conn, query)
    if prepared is None:
        return []
    sql, params = ids_sql(prepared[1])
    return sorted(int(r[0]) for r in run(conn, sql, params))


def count(conn: sqlite3.Connection, query: str) -> int:
    """How many documents match, exactly (the window only bounds ranking)."""
    prepared = prepare(conn, query)
    if prepared is None:
        return 0
    sql, params = ids_sql(prepared[1])
    (n,) = run(conn, f"SELECT count(*) FROM ({sql})", params)[0]
    return int(n)


def search(conn: sqlite3.Connection, query: str, *, limit: int = 50, offset: int = 0) -> list[Hit]:
    """The best `limit` matches after `offset`, best first. Raises QueryError for a bad query."""
    prepared = prepare(conn, query)
    if prepared is None or limit <= 0:
        return []
    parsed, scope = prepared
    offset = max(0, offset)
    if scope.plan.match is None:
        # Filters and exclusions only: nothing to rank on, so newest first.
        sql, params = ids_sql(scope)
        rows = run(conn, f"{sql} ORDER BY id DESC LIMIT ? OFFSET ?", [*params, limit, offset])
        ranked = [(int(r[0]), 0.0) for r in rows]
    else:
        ranked = _ranked(conn, scope, limit, offset)
    return hits(conn, parsed, ranked)


def _ranked(conn: sqlite3.Connection, scope: Scope, limit: int, offset: int) -> list[tuple[int, float]]:
    """Best-first (doc_id, score) pairs.

    Up to RANK_WINDOW matches, every match is ranked. Beyond, ranking every match would read every
    position list (~60 ms for a common character at 100,000 documents), so the newest TITLE_WINDOW
    documents whose title matches come first, then the RANK_WINDOW newest matches.
    """
    p = scope.plan
    assert p.match is not None
    want = offset + limit
    ids, ids_params = ids_sql(scope)
    cut_rows = run(conn, f"{ids} ORDER BY id DESC LIMIT 1 OFFSET ?", [*ids_params, RANK_WINDOW - 1])
    if not cut_rows:
        return _scored(conn, scope, _Tier(p.match, extra=True), want)[offset:]
    titled: list[tuple[int, float]] = []
    if p.title_match is not None:
        # Documents matched through their notes are never title matches (their title and body lack a term).
        titled = _scored(conn, scope, _Tier(p.title_match, newest=TITLE_WINDOW), want)
    seen = {doc_id for doc_id, _ in titled}
    # A rowid range is a constraint FTS5 seeks to, so only the window's position lists are read.
    window = _scored(conn, scope, _Tier(p.match, low=int(cut_rows[0][0]), extra=True), want + len(titled))
    return (titled + [hit for hit in window if hit[0] not in seen])[offset:want]


@dataclass(frozen=True)
class _Tier:
    """Which matches one ranking pass scores: `match` among rowids >= low, or the `newest` of them."""

    match: str
    low: int | None = None
    newest: int | None = None
    extra: bool = False  # whether the documents matched through their notes belong to this tier


def _scored(conn: sqlite3.Connection, scope: Scope, tier: _Tier, n: int) -> list[tuple[int, float]]:
    """The n best (doc_id, score) of the tier: bm25 of title and body plus bm25 of notes.

    Only the few `noted` documents can gain from their notes, so the n best by title and body alone
    plus the noted ones hold the n best overall.
    """
    inner, params = _main_scores(scope, tier)
    if not scope.noted:
        rows = run(conn, f"SELECT id, r FROM ({inner}) ORDER BY r, id DESC LIMIT ?", [*params, n])
        return [(int(i), -float(r)) for i, r in rows]
    # The n best and the noted ones from one pass over the tier: asking FTS5 again for the noted ones
    # would re-run the expression once per id.
    sql = (
        f"WITH m AS MATERIALIZED ({inner}) SELECT * FROM (SELECT id, r FROM m ORDER BY r, id DESC LIMIT ?)"
        " UNION ALL SELECT id, r FROM m WHERE id IN (SELECT value FROM json_each(?))"
    )
    scores = {int(i): float(r) for i, r in run(conn, sql, [*params, n, ids_in(scope.noted)])}
    if tier.extra:
        extra = [i for i in scope.extra if tier.low is None or i >= tier.low]
        scores.update(dict.fromkeys(extra, 0.0) | _partial_scores(conn, scope, extra))
    for doc_id, r in _notes_scores(conn, scope, [i for i in scope.noted if i in scores]).items():
        scores[doc_id] += r
    best = sorted(scores.items(), key=lambda s: (s[1], -s[0]))[:n]
    return [(doc_id, -r) for doc_id, r in best]


def _main_scores(scope: Scope, tier: _Tier) -> tuple[str, list[object]]:
    """SELECT (id, r) of the tier's matches on title and body; r = bm25, lower is better."""
    p = scope.plan
    where = ["search_fts MATCH ?", *(["f.rowid >= ?"] if tier.low is not None else []), *p.where]
    params: list[object] = [tier.match, *([tier.low] if tier.low is not None else []), *p.params]
    if scope.excluded:
        where.append("f.rowid NOT IN (SELECT value FROM json_each(?))")
        params.append(ids_in(scope.excluded))
    inner = f"SELECT f.rowid AS id, {_BM25} AS r FROM search_fts f{join(p)} WHERE {' AND '.join(where)}"
    if tier.newest is not None:
        inner += " ORDER BY f.rowid DESC LIMIT ?"
        params.append(tier.newest)
    return inner, params


def _partial_scores(conn: sqlite3.Connection, scope: Scope, ids: list[int]) -> dict[int, float]:
    """bm25 of title and body for documents that hold only some terms there (the rest in notes)."""
    if not ids:
        return {}
    terms = " OR ".join(phrase(t) for t in scope.plan.terms)
    sql = (
        f"SELECT rowid, {_BM25} FROM search_fts WHERE search_fts MATCH ? AND rowid IN (SELECT value FROM json_each(?))"
    )
    return {int(i): float(r) for i, r in run(conn, sql, [f"{TEXT_COLUMNS} : ({terms})", ids_in(ids)])}


def _notes_scores(conn: sqlite3.Connection, scope: Scope, ids: list[int]) -> dict[int, float]:
    if not ids:
        return {}
    terms = " OR ".join(phrase(t) for t in scope.plan.terms)
    # The notes table holds only annotated documents: scoring all its matches beats a seek per id.
    sql = f"SELECT rowid, bm25(search_notes_fts, {NOTES_WEIGHT}) FROM search_notes_fts WHERE search_notes_fts MATCH ?"
    wanted = set(ids)
    return {int(i): float(r) for i, r in run(conn, sql, [terms]) if int(i) in wanted}
