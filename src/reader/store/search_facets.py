"""Facets: how many of a query's matches come from each source, year and tag.

Counted over the query's complete match set (the ranking window does not apply), with the same SQL
that `matching_ids` runs as a subquery; over the whole library, plain GROUP BYs on covering indexes.
"""

from __future__ import annotations

import sqlite3

from reader.store.search_plan import ids_sql, prepare, run

__all__ = ["facets"]


def facets(conn: sqlite3.Connection, query: str | None) -> dict[str, list[tuple[str, int]]]:
    """Counts by source, year and tag over the query's matches (or the whole library for None/empty).

    Sources and tags come most frequent first; years newest first. Raises QueryError for a bad query.
    """
    prepared = prepare(conn, query) if query is not None else None
    params: list[object] = []
    if prepared is None:
        # The whole library: plain GROUP BYs that the covering indexes answer without a join.
        docs, tags_from = "search_docs d", "search_tags t"
    else:
        scope, params = ids_sql(prepared[1])
        docs = f"({scope}) m JOIN search_docs d ON d.doc_id = m.id"
        tags_from = f"({scope}) m JOIN search_tags t ON t.doc_id = m.id"
    sources = run(
        conn,
        f"SELECT min(d.source), count(*) AS n FROM {docs} WHERE d.source_key != ''"
        " GROUP BY d.source_key ORDER BY n DESC, 1",
        params,
    )
    years = run(
        conn,
        f"SELECT substr(d.date_key, 1, 4) AS y, count(*) FROM {docs} WHERE d.date_key IS NOT NULL"
        " GROUP BY y ORDER BY y DESC",
        params,
    )
    tags = run(conn, f"SELECT min(t.tag), count(*) AS n FROM {tags_from} GROUP BY t.norm ORDER BY n DESC, 1", params)
    return {
        "sources": [(str(a), int(b)) for a, b in sources],
        "years": [(str(a), int(b)) for a, b in years],
        "tags": [(str(a), int(b)) for a, b in tags],
    }
