"""`reader delete`: documents out of the library, with everything that hangs on them.

The one write is `operations.delete_documents` at the end of `cmd_delete`, reached only after every id was found and
the deletion was confirmed.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import Any

from reader.cli.common import UserError, open_library, print_json, say


def cmd_delete(args: argparse.Namespace) -> int:
    """Delete documents with their annotations, removed lines, overrides, entities and index rows.

    Nothing is deleted unless every id names a document, so a typo cannot delete half a list. Without a
    terminal to ask on, `--yes` must say the deletion is meant.
    """
    from reader.app import operations as ops

    with open_library(args, must_exist=True) as library:
        ids = list(dict.fromkeys(args.ids))
        known = library.summaries(ids)
        missing = [i for i in ids if i not in known]
        if missing:
            raise UserError(f"no document with id {missing[0]}")
        if not args.yes:
            if not sys.stdin.isatty():
                raise UserError("deleting needs --yes when standard input is not a terminal")
            counts = library.annotation_counts(ids)
            notes = sum(counts.values())
            for doc_id in ids:
                say(f"{doc_id:>5}  {known[doc_id].title or known[doc_id].filename}", file=sys.stderr)
            noun = "document" if len(ids) == 1 else "documents"
            sys.stderr.write(f"delete {len(ids)} {noun} and {notes} annotation(s)? [y/N] ")
            sys.stderr.flush()
            if sys.stdin.readline().strip().lower() not in ("y", "yes"):
                say("reader: nothing deleted", file=sys.stderr)
                return 1
        deleted = ops.delete_documents(library, ids).value
    if args.json:
        print_json([d.as_json() for d in deleted])
        return 0
    for d in deleted:
        say(f"deleted {d.id}  {d.title}  ({d.annotations} annotation{'' if d.annotations == 1 else 's'})")
    return 0


def register(sub: Any, parents: Sequence[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "delete",
        parents=parents,
        help="delete documents with their annotations, for good (the window's Delete can be undone until it closes)",
    )
    p.add_argument("ids", type=int, nargs="+", metavar="ID")
    p.add_argument("--yes", "-y", action="store_true", help="do not ask (required when not on a terminal)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_delete)
