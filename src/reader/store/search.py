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
* The FTS5 tables are contentless: the documents table already holds the text. FTS5 needs the old
  tokens to delete a row, and the caller may have changed the document before re-indexing it, so the
  folded fields are kept in `search_packed` (JSON, UTF-16, zlib: ~0.64x the text's size);
  they also give hit counts and snippets without re-folding.
* Notes have their own FTS5 table: a contentless row can only be replaced whole, so an annotation
  change (`index_annotations`) rewrites the document's notes row and tags, never its body.
* Ranking is FTS5's bm25 with title hits weighted far above body hits, plus the bm25 of the notes
  (more and denser hits rank higher through bm25's term frequency and length normalisation). A
  query matching more than `RANK_WINDOW` documents ranks the newest `TITLE_WINDOW` documents whose
  title matches first, then the `RANK_WINDOW` newest matches; `count` and `matching_ids` are always
  complete.

The work is split by responsibility: `search_tokens` (token scheme), `search_schema` (tables, format),
`search_index` (writing), `search_plan` (query → SQL), `search_query` (ids, counts, ranking),
`search_results` (hits, snippets, spans), `search_facets`, `search_migrate` (older formats). This
module is the public face: callers use `from reader.store import search` and `search.<name>`.

All functions take a plain `sqlite3.Connection`; writes happen in the caller's transaction.
"""

from __future__ import annotations

from reader.core.query import QueryError
from reader.store.search_facets import facets
from reader.store.search_index import index_annotations, index_document, optimise, remove_document
from reader.store.search_migrate import notes_to_own_table
from reader.store.search_query import RANK_WINDOW, TITLE_WINDOW, count, matching_ids, search
from reader.store.search_results import SNIPPET_LENGTH, Hit, Snippet, hit_spans
from reader.store.search_schema import FORMAT, ensure_schema

__all__ = [
    "FORMAT",
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
    "index_annotations",
    "index_document",
    "matching_ids",
    "notes_to_own_table",
    "optimise",
    "remove_document",
    "search",
]
