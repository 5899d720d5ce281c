"""`reader annotate` and `reader annotations`: highlight a passage, list what was highlighted.

The one write is `operations.put_annotation` in `cmd_annotate`, after the passage was located.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from reader.cli.common import UserError, open_library, print_json, say

if TYPE_CHECKING:
    from reader.core.annotations.model import Annotation, HighlightColor
    from reader.store.documents_query import Document


def annotation_json(a: Annotation, pages: Sequence[int] = ()) -> dict[str, object]:
    """An annotation for scripts; `page` is the printed page its start lies on (None without pages, or
    for an orphan, whose offsets no longer point into the text)."""
    from reader.core.text.pages import page_of

    return {
        "id": a.uuid,
        "document": a.doc_id,
        "start": a.start,
        "end": a.end,
        "quote": a.quote,
        "prefix": a.prefix,
        "suffix": a.suffix,
        "color": a.color,
        "note": a.note,
        "tags": list(a.tags),
        "created": a.created,
        "modified": a.modified,
        "orphan": a.orphan,
        "page": None if a.orphan else page_of(a.start, pages),
    }


def user_colors() -> tuple[HighlightColor, ...]:
    """The highlight colours with the names and shades the user gave them in Preferences (read only), so
    `--color 数据` means in the terminal what it means in the window."""
    from reader import paths
    from reader.settings import highlight_colors, load, settings_path

    return highlight_colors(load(settings_path(paths.config_dir())))


def color_key(given: str) -> str:
    """The colour key named by `given` (a key or a name, as `annotate`, `annotations` and `export` all
    take them): the user's names first, the default names second; a UserError listing the user's
    choices otherwise."""
    from reader.core.annotations.model import DEFAULT_COLORS, find_color

    colors = user_colors()
    found = find_color(given, colors) or find_color(given, DEFAULT_COLORS)
    if found is None:
        choices = ", ".join(f"{c.key} ({c.name})" for c in colors)
        raise UserError(f"unknown colour {given!r}; choose one of {choices}")
    return found.key


def passage(args: argparse.Namespace, doc: Document) -> tuple[int, int]:
    """The offsets to highlight: the first occurrence of `--quote`, or `--start`/`--end` checked against
    the text, so that nothing outside the document is ever stored."""
    if args.quote is not None:
        start = doc.text.find(args.quote)
        if start < 0 and args.quote:
            # Typed in the other script (城市更新試點 for 城市更新试点), as search finds it: both folded to one
            # form of the same length, so the place found is the place in the text.
            from reader.core.text.normalise import normalise

            start = normalise(doc.text).find(normalise(args.quote))
        if start < 0 or not args.quote:
            raise UserError(f"the quote does not occur in document {args.id}")
        return start, start + len(args.quote)
    start, end = args.start, args.end
    if start is None or end is None:
        raise UserError("give --quote TEXT, or both --start and --end")
    if not 0 <= start < end <= len(doc.text):
        raise UserError(f"--start/--end must satisfy 0 <= start < end <= {len(doc.text)}")
    return start, end


def cmd_annotate(args: argparse.Namespace) -> int:
    from reader.app import operations as ops

    color = color_key(args.color)
    with open_library(args, must_exist=True) as library:
        doc = library.get(args.id)
        if doc is None:
            raise UserError(f"no document with id {args.id}")
        start, end = passage(args, doc)
        annotation = library.annotations.build(args.id, start, end, color=color, note=args.note, tags=args.tag)
        ops.put_annotation(library, annotation)
    if args.json:
        print_json(annotation_json(annotation, doc.pages))
    else:
        say(annotation.uuid)
    return 0


def cmd_annotations(args: argparse.Namespace) -> int:
    color = color_key(args.color) if args.color else None
    with open_library(args, must_exist=True) as library:
        items = library.annotations.all(query=args.search or "", color=color, tag=args.tag)
        if args.id is not None:
            if library.get(args.id) is None:
                raise UserError(f"no document with id {args.id}")
            wanted = {a.uuid for a in items}
            items = [a for a in library.annotations.for_document(args.id) if a.uuid in wanted]
        pages = {doc_id: library.pages(doc_id) for doc_id in {a.doc_id for a in items}} if args.json else {}
    if args.json:
        print_json([annotation_json(a, pages[a.doc_id]) for a in items])
        return 0
    for a in items:
        flag = " (orphan)" if a.orphan else ""
        tags = " ".join(f"#{t}" for t in a.tags)
        say(f"{a.uuid[:8]}  doc {a.doc_id}  {a.start}-{a.end}  [{a.color}]{flag}  {a.quote[:40]}  {a.note[:40]} {tags}")
    return 0


def register(sub: Any, parents: Sequence[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("annotate", parents=parents, help="highlight a passage, with an optional note and tags")
    p.add_argument("id", type=int)
    p.add_argument("--start", type=int)
    p.add_argument("--end", type=int)
    p.add_argument("--quote", help="the passage to highlight (its first occurrence)")
    p.add_argument("--color", default="yellow", help="colour key or name (default yellow)")
    p.add_argument("--note", default="")
    p.add_argument("--tag", action="append", default=[], help="repeat for several tags")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_annotate)

    p = sub.add_parser("annotations", parents=parents, help="list annotations of one document or the library")
    p.add_argument("id", type=int, nargs="?")
    p.add_argument("--search", help="words in the quote, note or tags")
    p.add_argument("--color", help="colour key or name")
    p.add_argument("--tag", help="a tag, in either script")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_annotations)
