"""Facets: how many of a query's matches come from each source, year, tag and collection.

Counted over the query's complete match set (the ranking window does not apply), with the same SQL
that `matching_ids` runs as a subquery; over the whole library, plain GROUP BYs on covering indexes.
A tag counts each document once, whether the tag is on the document, on its annotations or both.
"""

from __future__ import annotations

import sqlite3

from reader.store.search_plan import ids_sql, organised, prepare, run

__all__ = ["facets"]


def facets(conn: sqlite3.Connection, query: str | None) -> dict[str, list[tuple[str, int]]]:
    """Counts by source, year, tag and collection over the query's matches (or the whole library for
    None/empty).

    Sources, tags and collections come most frequent first; years newest first. Raises QueryError for
    a bad query.
    """
    prepared = prepare(conn, query) if query is not None else None
    params: list[object] = []
    with_organised = organised(conn)
    tags_table = (
        "(SELECT norm, doc_id, tag FROM search_tags UNION ALL SELECT norm, doc_id, tag FROM document_tags)"
        if with_organised
        else "search_tags"
    )
    members = "collections c ON c.id = cd.collection_id"
    if prepared is None:
        # The whole library: plain GROUP BYs that the covering indexes answer without a join.
        docs, tags_from = "search_docs d", f"{tags_table} t"
        collections_from = f"collection_documents cd JOIN {members}"
    else:
        scope, params = ids_sql(prepared[1])
        docs = f"({scope}) m JOIN search_docs d ON d.doc_id = m.id"
        tags_from = f"({scope}) m JOIN {tags_table} t ON t.doc_id = m.id"
        collections_from = f"({scope}) m JOIN collection_documents cd ON cd.doc_id = m.id JOIN {members}"
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
    tags = run(
        conn,
        f"SELECT min(t.tag), count(DISTINCT t.doc_id) AS n FROM {tags_from} GROUP BY t.norm ORDER BY n DESC, 1",
        params,
    )
    counts = {
        "sources": [(str(a), int(b)) for a, b in sources],
        "years": [(str(a), int(b)) for a, b in years],
        "tags": [(str(a), int(b)) for a, b in tags],
    }
    if with_organised:  # a bare search index has no collections to count
        sql = f"SELECT min(c.name), count(*) AS n FROM {collections_from} GROUP BY c.id ORDER BY n DESC, 1"
        counts["collections"] = [(str(a), int(b)) for a, b in run(conn, sql, params)]
    return counts
