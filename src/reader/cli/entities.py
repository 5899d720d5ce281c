"""`reader entities`: one document's entities, the library's who's who, or a filter over lines of text.

`--stdin --jsonl` reads no library at all, so scripts can use the extractor on any text; offsets there are
code points into each line, like every stored offset. Each line goes through the whole pass the window
uses (tagger, rules, tiers, merged names), so what a script measures is what a reader is shown.

Names found on weak evidence (the "low" tier) are left out unless `--all-tiers` asks for them: the
listing is meant to be trusted as it stands, as the side panel's first screen is.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from reader.cli.common import UserError, open_library, print_json, say

if TYPE_CHECKING:
    from reader.core.entities import Mention

# One line of `--stdin` is one document's worth of text at most; `< /dev/zero` must not fill the memory.
LINE_LIMIT = 16 * 1024 * 1024

MAIN, LOW = "main", "low"
# Kinds whose names can be written in part, merged or be a part of a body.
_NAMED = frozenset({"person", "place", "org"})

# Plural headings for the plain-text listing, in the order the side panel shows them.
_HEADINGS = {
    "person": "people",
    "org": "organisations",
    "place": "places",
    "date": "dates",
    "figure": "figures",
    "term": "terms",
    "title": "titles",
}


def register(subparsers: Any, parents: Sequence[argparse.ArgumentParser]) -> None:
    from reader.core.entities import TYPES

    p = subparsers.add_parser(
        "entities",
        parents=parents,
        help="people, organisations, places, dates, figures, terms and titles",
        description="List the entities of one document (ID), of the whole library (--all), "
        "or of each line read from standard input (--stdin --jsonl).",
    )
    p.add_argument("id", type=int, nargs="?", help="document id")
    p.add_argument("--all", action="store_true", help="library-wide index: in how many documents, and posts")
    p.add_argument("--type", choices=TYPES, help="only this type")
    p.add_argument("--stdin", action="store_true", help="read text lines from standard input (no library)")
    p.add_argument("--jsonl", action="store_true", help="with --stdin: one JSON array per input line")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.add_argument(
        "--all-tiers",
        action="store_true",
        help='also list names found on weak evidence (tier "low"), which are left out by default',
    )
    p.set_defaults(func=cmd_entities)


def cmd_entities(args: argparse.Namespace) -> int:
    modes = sum([args.id is not None, bool(args.all), bool(args.stdin)])
    if modes != 1:
        raise UserError("give a document ID, --all or --stdin (exactly one)")
    if args.jsonl and not args.stdin:
        raise UserError("--jsonl goes with --stdin")
    if args.stdin:
        return _stdin(args)
    if args.all:
        return _library(args)
    return _document(args)


def _document(args: argparse.Namespace) -> int:
    from reader.app.entities import ensure_entities

    with open_library(args, must_exist=True) as library:
        if library.get(args.id) is None:
            raise UserError(f"no document with id {args.id}")
        try:
            entities = ensure_entities(library, args.id)
        except KeyError:
            raise UserError(f"no document with id {args.id}") from None
    entities = [e for e in entities if (not args.type or e.type == args.type) and _wanted(args, e.tier)]
    if args.json:
        items: list[dict[str, object]] = []
        for e in entities:
            item: dict[str, object] = {
                "type": e.type,
                "text": e.text,
                "normalized": e.normalized,
                "tier": e.tier,
                "count": e.count,
                "spans": [list(s) for s in e.spans],
            }
            if e.type in _NAMED:
                item["variants"] = list(e.variants)
                item["parent"] = e.parent
            if e.type == "person":
                item["posts"] = list(e.posts)
            if e.value is not None:
                item["value"] = e.value
            items.append(item)
        print_json(items)
        return 0
    for tier, suffix in ((MAIN, ""), (LOW, ", less certain")):
        for kind, heading in _HEADINGS.items():
            group = [e for e in entities if e.type == kind and e.tier == tier]
            if not group:
                continue
            say(f"{heading}{suffix} ({len(group)})")
            for e in group:
                details = list(e.posts) if e.posts else [e.value] if e.value else []
                if e.variants:
                    details.append("also " + "、".join(e.variants))
                if e.parent:
                    details.append(f"part of {e.parent}")
                say(f"  {e.count:>4}  {e.text}" + (f"  {'；'.join(details)}" if details else ""))
    return 0


def _wanted(args: argparse.Namespace, tier: str) -> bool:
    return bool(args.all_tiers) or tier == MAIN


def _library(args: argparse.Namespace) -> int:
    from reader.app.entities import update_pending
    from reader.store.entities import store_for

    show = sys.stderr.isatty()

    def progress(done: int, total: int) -> None:
        if show:
            sys.stderr.write(f"\rextracting entities {done}/{total}")
            sys.stderr.flush()

    with open_library(args, must_exist=True) as library:
        update_pending(library, progress=progress)
        store = store_for(library)
        if show:
            sys.stderr.write("\r" + " " * 40 + "\r")
        index = store.library_index(args.type, tiers=(MAIN, LOW) if args.all_tiers else (MAIN,))
    if args.json:
        print_json([e.as_json() for e in index])
        return 0
    for e in index:
        details = [*e.posts, *(["less certain"] if e.tier == LOW else [])]
        tail = f"  {'；'.join(details)}" if details else ""
        say(f"{e.type:<7} {e.documents:>4} docs {e.mentions:>5}×  {e.text}{tail}")
    return 0


def _stdin(args: argparse.Namespace) -> int:
    from reader.core.entities import extract

    if not args.jsonl:
        raise UserError("--stdin needs --jsonl (one JSON array per input line)")
    # Pipelines speak UTF-8 whatever the locale; undecodable bytes become U+FFFD rather than stopping
    # the whole stream, and offsets count code points of the decoded line.
    for stream, errors in ((sys.stdin, "replace"), (sys.stdout, "strict")):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(encoding="utf-8", errors=errors)
    out = sys.stdout
    number = 0
    while raw := sys.stdin.readline(LINE_LIMIT + 1):
        number += 1
        if len(raw) > LINE_LIMIT and not raw.endswith("\n"):
            raise UserError(f"line {number} of standard input is too long (more than {LINE_LIMIT:,} characters)")
        line = raw[:-1] if raw.endswith("\n") else raw
        if line.endswith("\r"):
            line = line[:-1]
        found = [
            _mention_json(m) for m in extract(line) if (not args.type or m.type == args.type) and _wanted(args, m.tier)
        ]
        out.write(json.dumps(found, ensure_ascii=False) + "\n")
        out.flush()
    return 0


def _mention_json(m: Mention) -> dict[str, object]:
    """One mention as `--jsonl` prints it: a date's ISO value and a figure's amount, and a person's posts,
    are what a script needs most and could not work out again from the text."""
    item: dict[str, object] = {
        "type": m.type,
        "text": m.text,
        "normalized": m.normalized,
        "start": m.start,
        "end": m.end,
        "tier": m.tier,
        "parent": m.parent,
    }
    if m.value is not None:
        item["value"] = m.value
    if m.type == "person":
        item["posts"] = list(m.posts)
    return item
