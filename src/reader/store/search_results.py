"""What a result shows: the hit's title, a snippet of its text with the hits marked, and hit spans.

Spans are found in the folded copy of the body (`search_packed`), so no text is folded at query time;
snippets are cut from `documents.text` (the original script) when it still has the folded copy's
length, else from the folded copy.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass

from reader.core.query import Query, fold, parse
from reader.store.search_index import unpack

__all__ = ["SNIPPET_LENGTH", "Hit", "Snippet", "hit_spans", "hits"]

SNIPPET_LENGTH = 60


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


def hits(conn: sqlite3.Connection, parsed: Query, ranked: list[tuple[int, float]]) -> list[Hit]:
    """The ranked (doc_id, score) pairs as hits, in the same order."""
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
    found: list[Hit] = []
    for doc_id, score in ranked:
        title, packed = meta[doc_id]
        body = unpack(packed)[1]
        spans = _spans(body, parsed.terms)
        original = originals.get(doc_id)
        shown = original if original is not None and len(original) == len(body) else body
        first = spans[0][0] if spans else -1
        found.append(Hit(doc_id, title, _snippet(shown, spans), len(spans), score, first))
    return found


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
