"""Stored entities: each document's mentions, which input they were computed from, and the who's who.

Extraction is slow next to everything else the window does (tens of thousands of characters a second),
so mentions are computed once and stored. `entity_state` records the extractor version and a hash of the
inputs (the cleaned text and the document date, which resolves dates written without a year); a document
whose row is missing or does not match is *pending*. Comparing hashes, instead of asking every writer of
`documents.text` to invalidate entities, means a re-cleaned text, a line restored by the user, an edited
date or a new extractor can never leave stale spans behind: the spans would point at the wrong characters.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reader.core.entities import Entity, Mention, aggregate, one_line
from reader.core.entities.patterns import parse_doc_date
from reader.core.text.normalise import normalise
from reader.store.db import run_script, transaction

if TYPE_CHECKING:
    from reader.store.library import Library

# Bump when `reader.core.entities.extract` gives different mentions for the same input: every document
# becomes pending and is extracted again in the background. 2: tiers, merged names and parents.
EXTRACTOR_VERSION = 15  # 15: names ended a character early, countries shown, round-twelve junk
# 14: dates by ISO value, posts as written, agent marks in words, prices from
# 12: descriptions of bodies, forecast cities, formal country names, bracketed company names
# 10: repeated settings count once, 会同 between bodies, ROC dates, numeral counts
# 9: bodies named by kind, region pairs, foreign names after posts
# 8: a count between a place and a body, no name ending on a numeral, country+city
# 7: places before kinds of body, national and international bodies by structure

_HASH_FUNCTION = "reader_entity_input_hash"
# A document (d) joined to its state (s) is pending when this holds; the one parameter is the version.
_PENDING = f"(s.doc_id IS NULL OR s.version < ? OR s.text_hash != {_HASH_FUNCTION}(d.text, d.date))"

MAIN, LOW = "main", "low"
# People, places and organisations: the names that can be written in part (王书 for 王书平, 中 for 中国).
_NAMED = frozenset({"person", "place", "org"})

# Types the search box's `entity:` filter matches: names, not dates or amounts.
NAMED_TYPES = ("person", "org", "place", "term", "title")

Saved = Callable[[int], None]


def migrate(conn: sqlite3.Connection) -> None:
    run_script(
        conn,
        """
        CREATE TABLE entities (
            doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            type TEXT NOT NULL,
            text TEXT NOT NULL,
            normalized TEXT NOT NULL,
            start INTEGER NOT NULL,
            end INTEGER NOT NULL,
            posts TEXT NOT NULL DEFAULT '[]',
            value TEXT,
            post_spans TEXT NOT NULL DEFAULT '[]'
        );
        CREATE INDEX entities_type_normalized ON entities(type, normalized);
        CREATE INDEX entities_doc ON entities(doc_id, start);
        CREATE TABLE entity_state (
            doc_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
            version INTEGER NOT NULL,
            text_hash TEXT NOT NULL
        );
        """,
    )


def input_hash(text: str, doc_date: str | None) -> str:
    """What the mentions depend on: the text, and the day the document is dated (only the day is used).

    `surrogatepass` because texts decoded with surrogateescape may hold lone surrogates.
    """
    day = parse_doc_date(doc_date)
    data = text.encode("utf-8", "surrogatepass") + b"\x00" + (day.isoformat() if day else "").encode()
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def _sql_hash(text: str | None, doc_date: str | None) -> str:
    return input_hash(text or "", doc_date)


@dataclass(frozen=True)
class LibraryEntity:
    """One entity across the library: the who's who row.

    Rows are keyed by (type, normalized), so the names merged inside each document (王书 → 王书平,
    中 in 中美 → 中国) meet the same name written in full elsewhere. `tier` is "main" when any
    document found the name on good evidence; `variants` are the other forms written for it, most
    frequent first; `parent` the body an organisation is a part of (by its normalised name)."""

    type: str
    text: str
    normalized: str
    documents: int
    mentions: int
    posts: tuple[str, ...]
    tier: str = MAIN
    variants: tuple[str, ...] = ()
    parent: str | None = None

    def as_json(self) -> dict[str, object]:
        data: dict[str, object] = {
            "type": self.type,
            "text": self.text,
            "normalized": self.normalized,
            "tier": self.tier,
            "documents": self.documents,
            "mentions": self.mentions,
        }
        if self.type in _NAMED:
            data["variants"] = list(self.variants)
            data["parent"] = self.parent
        if self.type == "person":
            data["posts"] = list(self.posts)
        return data


def _mention(row: sqlite3.Row) -> Mention:
    return Mention(
        type=row["type"],
        text=row["text"],
        normalized=row["normalized"],
        start=row["start"],
        end=row["end"],
        posts=tuple(json.loads(row["posts"] or "[]")),
        value=row["value"],
        post_spans=tuple((int(s), int(e)) for s, e in json.loads(row["post_spans"] or "[]")),
        tier=row["tier"] or MAIN,
        parent=row["parent"],
    )


class EntityStore:
    """Reads and writes one connection's entity tables; `save` is the only write."""

    def __init__(self, conn: sqlite3.Connection, *, on_saved: Saved | None = None) -> None:
        """`on_saved(doc_id)` runs inside the save transaction: the library passes its search re-indexing
        there, so the `entity:` filter and the stored entities can never disagree."""
        self.conn = conn
        self._on_saved = on_saved
        # Registered per connection so the staleness test runs inside SQLite, without pulling every
        # text into Python to compare. Once only: SQLite refuses to (re)define a function while a
        # transaction has written to a full-text table, and a store is made inside such transactions.
        registered = conn.execute("SELECT 1 FROM pragma_function_list WHERE name = ?", (_HASH_FUNCTION,)).fetchone()
        if registered is None:
            conn.create_function(_HASH_FUNCTION, 2, _sql_hash, deterministic=True)

    # -- writing -----------------------------------------------------------------------------------
    def save(self, doc_id: int, mentions: Sequence[Mention], text: str) -> None:
        """Replace a document's mentions in one transaction, recording that they came from `text`.

        The date is read here, inside the transaction, from the document row; the text is the caller's,
        so if the text changed while it was being extracted the document stays pending.
        """
        with transaction(self.conn):
            row = self.conn.execute("SELECT date FROM documents WHERE id = ?", (doc_id,)).fetchone()
            if row is None:
                raise KeyError(f"no document with id {doc_id}")
            self.conn.execute("DELETE FROM entities WHERE doc_id = ?", (doc_id,))
            self.conn.executemany(
                "INSERT INTO entities"
                " (doc_id, type, text, normalized, start, end, posts, value, post_spans, tier, parent)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        doc_id,
                        m.type,
                        m.text,
                        m.normalized,
                        m.start,
                        m.end,
                        json.dumps(list(m.posts), ensure_ascii=False),
                        m.value,
                        json.dumps([list(s) for s in m.post_spans]),
                        m.tier,
                        m.parent,
                    )
                    for m in mentions
                ],
            )
            self.conn.execute(
                "INSERT OR REPLACE INTO entity_state (doc_id, version, text_hash) VALUES (?, ?, ?)",
                (doc_id, EXTRACTOR_VERSION, input_hash(text, row["date"])),
            )
            if self._on_saved is not None:
                self._on_saved(doc_id)

    # -- reading -----------------------------------------------------------------------------------
    def source(self, doc_id: int) -> tuple[str, str | None]:
        """(text, date) that a document's entities are extracted from; KeyError if it does not exist."""
        row = self.conn.execute("SELECT text, date FROM documents WHERE id = ?", (doc_id,)).fetchone()
        if row is None:
            raise KeyError(f"no document with id {doc_id}")
        return str(row["text"]), row["date"]

    def pending(self, limit: int | None = None) -> list[int]:
        """Documents whose stored entities are missing or stale, oldest first."""
        sql = f"SELECT d.id FROM documents d LEFT JOIN entity_state s ON s.doc_id = d.id WHERE {_PENDING} ORDER BY d.id"
        params: list[object] = [EXTRACTOR_VERSION]
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        return [int(r[0]) for r in self.conn.execute(sql, params)]

    def unextracted_count(self) -> int:
        """Documents never extracted by this extractor version: `pending` without the hash test, so it
        costs no text reads (about 20 µs a document for the full test) and suits the GUI thread."""
        row = self.conn.execute(
            "SELECT count(*) FROM documents d LEFT JOIN entity_state s ON s.doc_id = d.id"
            " WHERE s.doc_id IS NULL OR s.version < ?",
            (EXTRACTOR_VERSION,),
        ).fetchone()
        return int(row[0])

    def is_pending(self, doc_id: int) -> bool:
        """False also for a document that does not exist: there is nothing to extract."""
        row = self.conn.execute(
            f"SELECT d.id FROM documents d LEFT JOIN entity_state s ON s.doc_id = d.id WHERE d.id = ? AND {_PENDING}",
            (doc_id, EXTRACTOR_VERSION),
        ).fetchone()
        return row is not None

    def mentions(self, doc_id: int) -> list[Mention]:
        rows = self.conn.execute(
            "SELECT type, text, normalized, start, end, posts, value, post_spans, tier, parent FROM entities"
            " WHERE doc_id = ? ORDER BY start, rowid",
            (doc_id,),
        )
        return [_mention(r) for r in rows]

    def entities(self, doc_id: int) -> list[Entity]:
        return aggregate(self.mentions(doc_id))

    def names(self, doc_id: int) -> list[str]:
        """The distinct names of a document (people, organisations, places, terms, titles), for search."""
        marks = ",".join("?" * len(NAMED_TYPES))
        rows = self.conn.execute(
            f"SELECT DISTINCT normalized FROM entities WHERE doc_id = ? AND type IN ({marks}) ORDER BY normalized",
            (doc_id, *NAMED_TYPES),
        )
        return [str(r[0]) for r in rows]

    def documents_mentioning(self, type: str, normalized: str) -> list[int]:
        rows = self.conn.execute(
            "SELECT DISTINCT doc_id FROM entities WHERE type = ? AND normalized = ? ORDER BY doc_id",
            (type, normalized),
        )
        return [int(r[0]) for r in rows]

    def library_index(self, type: str | None = None, *, tiers: Sequence[str] = (MAIN, LOW)) -> list[LibraryEntity]:
        """Every entity in the library: in how many documents, how often, and (people) every post given.

        Most widely mentioned first; only the given tiers (an entity is main when any of its mentions is).
        Asked for the main tier alone, the counts, forms and posts come from the documents where it is main.
        The shown text is the form written out in full most often (never a bare 中 for 中国; the
        normalised name when no document writes it out); posts keep the order in which documents (by id)
        and mentions give them.
        """
        conditions, params = (["type = ?"], [type]) if type else ([], [])
        if LOW not in tiers:
            # Only what is shown: a name counts in the documents where it is main, not in those where it
            # stayed low (a common word tagged as a name in one document must not gather the others).
            conditions.append(
                "(type, normalized, doc_id) IN (SELECT type, normalized, doc_id FROM entities WHERE tier = 'main')"
            )
        where = f"WHERE {' AND '.join(conditions)}" if conditions else ""
        counts = {
            (r["type"], r["normalized"]): (int(r["documents"]), int(r["mentions"]), MAIN if r["main"] else LOW)
            for r in self.conn.execute(
                "SELECT type, normalized, count(*) AS documents, sum(n) AS mentions, max(main) AS main FROM"
                " (SELECT type, normalized, count(*) AS n, max(tier = 'main') AS main"
                f" FROM entities {where} GROUP BY type, normalized, doc_id) GROUP BY type, normalized",
                params,
            )
        }
        forms: dict[tuple[str, str], Counter[str]] = {}
        for r in self.conn.execute(
            f"SELECT type, normalized, text, count(*) AS n FROM entities {where} GROUP BY type, normalized, text",
            params,
        ):
            forms.setdefault((r["type"], r["normalized"]), Counter())[r["text"]] = int(r["n"])
        and_where = f"{where} AND" if where else "WHERE"
        # Posts are stored as written; one written in both scripts (市长, 市長) is listed once.
        posts: dict[tuple[str, str], dict[str, str]] = {}
        for r in self.conn.execute(
            f"SELECT type, normalized, posts FROM entities {and_where} posts != '[]' ORDER BY doc_id, start",
            params,
        ):
            bucket = posts.setdefault((r["type"], r["normalized"]), {})
            for post in json.loads(r["posts"]):
                bucket.setdefault(_plain(post), post)
        parents: dict[tuple[str, str], Counter[str]] = {}
        for r in self.conn.execute(
            f"SELECT type, normalized, parent, count(*) AS n FROM entities {and_where} parent IS NOT NULL"
            " GROUP BY type, normalized, parent",
            params,
        ):
            parents.setdefault((r["type"], r["normalized"]), Counter())[r["parent"]] = int(r["n"])
        out: list[LibraryEntity] = []
        for key, (docs, mentions, tier) in counts.items():
            if tier not in tiers:
                continue
            text, variants = _shown_form(key[0], key[1], forms.get(key, Counter()))
            out.append(
                LibraryEntity(
                    type=key[0],
                    text=text,
                    normalized=key[1],
                    documents=docs,
                    mentions=mentions,
                    posts=tuple(posts.get(key, {}).values()),
                    tier=tier,
                    variants=variants,
                    parent=_most_common(parents.get(key), None),
                )
            )
        out.sort(key=lambda e: (-e.documents, -e.mentions, e.type, e.normalized))
        return out


def _plain(written: str) -> str:
    """A written form as it compares with a normalised name: simplified, folded, no line breaks."""
    try:
        return "".join(normalise(written).split())
    except UnicodeError:  # lone surrogates cannot go through OpenCC
        return "".join(written.split())


def _shown_form(kind: str, normalized: str, written: Counter[str]) -> tuple[str, tuple[str, ...]]:
    """The text a who's who row shows, and the other forms written for the name.

    For names, only a form that writes the whole name (in either script) may be shown: a document that
    writes 中美 stores 中 for 中国, and that must not become the row's title. Other kinds show what is
    written most often."""
    if kind not in _NAMED:
        # A date or figure wrapped over two lines (2019, 年) is shown on one.
        lines: Counter[str] = Counter()
        for form, n in written.items():
            lines[one_line(form)] += n
        return _most_common(lines, normalized) or normalized, ()
    full: Counter[str] = Counter()
    others: Counter[str] = Counter()
    for form, n in written.items():
        plain = normalized if form == normalized else _plain(form)
        if plain == normalized:
            full[form] += n
        else:
            others[plain] += n
    shown = _most_common(full, normalized) or normalized
    variants = tuple(v for v, _ in sorted(others.items(), key=lambda kv: (-kv[1], kv[0])))
    return shown, variants


def _most_common(counter: Counter[str] | None, fallback: str | None) -> str | None:
    if not counter:
        return fallback
    # Ties go to the alphabetically first form so the index is the same on every run.
    return min(counter.items(), key=lambda kv: (-kv[1], kv[0]))[0]


def store_for(library: Library) -> EntityStore:
    """The entity store of an open library, re-indexing a document for search whenever its entities
    are saved."""
    return EntityStore(library.conn, on_saved=library.reindex)
