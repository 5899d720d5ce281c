"""`reader search`: the library's full-text search for scripts and the terminal."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from typing import Any

from reader.cli.common import SCRIPTS, UserError, open_library, print_json, say

MAX_LIMIT = 2**31 - 1


def _names_progress() -> Callable[[int, int], None] | None:
    """On a terminal, a line on stderr that follows the first `entity:` search after an import (names are
    found in every new document first: seconds per hundred); nothing when piped, so scripts read clean output."""
    if not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> None:
        end = "\n" if done == total else ""
        sys.stderr.write(f"\rfinding names in new documents: {done}/{total} (Ctrl+C stops; found names are kept){end}")
        sys.stderr.flush()

    return show


def cmd_search(args: argparse.Namespace) -> int:
    from reader.core.query import QueryError
    from reader.core.script import Script, make_view
    from reader.store import search

    if args.limit < 1:
        raise UserError("--limit must be at least 1")
    limit = min(args.limit, MAX_LIMIT)  # "all of them": no library holds more documents than this
    with open_library(args, must_exist=True) as library:
        # `entity:` sees every document: names not yet found (after an import) are found first.
        from reader.app import operations as ops

        ready = ops.entities_for_query(library, args.query, _names_progress()).value
        if ready.left:
            count = f"{ready.left} document{'' if ready.left == 1 else 's'}"
            say(
                f"note: names not yet found in {count}: the library is locked by another program; "
                "these results cover the others (search again when it is free)",
                file=sys.stderr,
            )
        try:
            hits = search.search(library.conn, args.query, limit=limit)
            total = search.count(library.conn, args.query)
        except QueryError as exc:
            raise UserError(f"bad query: {exc}") from exc
    script = Script(args.script)

    def conv(text: str) -> str:
        # Character-level views keep lengths, so the snippet's marks stay on the hit.
        return make_view(text, script).text if script != Script.ORIG else text

    results = []
    for hit in hits:
        snippet = hit.snippet
        converted = type(snippet)(
            conv(snippet.text), snippet.spans, snippet.start, snippet.more_before, snippet.more_after
        )
        results.append(
            {
                "id": hit.id,
                "title": conv(hit.title),
                "snippet": converted.marked(),
                "snippet_text": converted.text,
                "snippet_spans": [list(s) for s in snippet.spans],
                "hits": hit.hits,
                "first": hit.first,
                "score": round(hit.score, 4),
            }
        )
    if args.json:
        print_json(results)
        return 0
    for r in results:
        say(f"{r['id']:>5}  {r['hits']:>3} hits  {r['title']}")
        say(f"       {r['snippet']}")
    if total > len(results):
        say(f"({total} documents match; showing {len(results)})")
    elif not results:
        say("no matches")
    return 0


def register(sub: Any, parents: Sequence[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("search", parents=parents, help="search the library (either script, any length)")
    p.add_argument("query", help='terms (AND), "phrase", -exclude, title: source: tag: entity: date:2023..2024')
    p.add_argument("--limit", type=int, default=20)
    p.add_argument("--script", choices=SCRIPTS, default="orig", help="script of titles and snippets")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_search)
