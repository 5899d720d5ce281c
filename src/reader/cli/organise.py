"""`reader collection …` and `reader tag …`: organising documents from the command line.

A collection is named as the user calls it (folded like a search, so 醫療 names 医疗); the writes are
the same operations the window submits, so a collection made here is the one the sidebar shows.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import Any

from reader.cli.common import UserError, open_library, print_json, say
from reader.store.collections import Collection, CollectionStore
from reader.store.library import Library


def _message(exc: Exception) -> str:
    """A store error as one line (a KeyError's text comes quoted)."""
    return str(exc).strip("'\"")


def _named(library: Library, name: str) -> Collection:
    found = CollectionStore(library.conn).find(name)
    if found is None:
        raise UserError(f"no collection called {name} (`reader collection list` shows them)")
    return found


def _documents(library: Library, ids: Sequence[int]) -> list[int]:
    """The ids, each once, if every one names a document: a typo must not half-apply a list."""
    wanted = list(dict.fromkeys(ids))
    known = library.summaries(wanted)
    missing = [i for i in wanted if i not in known]
    if missing:
        raise UserError(f"no document with id {missing[0]}")
    return wanted


def cmd_collection(args: argparse.Namespace) -> int:
    from reader.app import operations as ops

    with open_library(args, must_exist=args.action != "create") as library:
        try:
            if args.action == "list":
                found = CollectionStore(library.conn).all()
                if args.json:
                    print_json([c.as_json() for c in found])
                else:
                    for c in found:
                        say(f"{c.id:>5}  {c.name}  ({c.count} document{'' if c.count == 1 else 's'})")
                return 0
            if args.action == "create":
                made = ops.create_collection(library, args.name).value
                _report(args, made, f"created collection {made.name}")
                return 0
            target = _named(library, args.name)
            if args.action == "rename":
                renamed = ops.rename_collection(library, target.id, args.new_name).value
                _report(args, renamed, f"renamed collection {target.name} to {renamed.name}")
            elif args.action == "delete":
                gone = ops.delete_collection(library, target.id).value
                _report(args, gone, f"deleted collection {gone.name} (its documents stay in the library)")
            elif args.action == "add":
                added = ops.add_to_collection(library, target.id, _documents(library, args.ids)).value
                _report_members(args, library, target, added, "added", "to")
            else:
                removed = ops.remove_from_collection(library, target.id, _documents(library, args.ids)).value
                _report_members(args, library, target, removed, "removed", "from")
        except (ValueError, KeyError) as exc:
            raise UserError(_message(exc)) from None
    return 0


def _report(args: argparse.Namespace, collection: Collection, line: str) -> None:
    if args.json:
        print_json(collection.as_json())
    else:
        say(line)


def _report_members(
    args: argparse.Namespace, library: Library, target: Collection, ids: list[int], verb: str, preposition: str
) -> None:
    now = CollectionStore(library.conn).get(target.id) or target
    if args.json:
        print_json({**now.as_json(), verb: ids})
        return
    noun = "document" if len(ids) == 1 else "documents"
    say(f"{verb} {len(ids)} {noun} {preposition} {now.name} (it holds {now.count})")


def cmd_tag(args: argparse.Namespace) -> int:
    """Show a document's tags; add the ones given and take away those after --remove."""
    from reader.app import operations as ops
    from reader.store.collections import norm

    with open_library(args, must_exist=True) as library:
        if library.get(args.id) is None:
            raise UserError(f"no document with id {args.id}")
        store = CollectionStore(library.conn)
        current = store.tags(args.id)
        if args.tags or args.remove:
            gone = {norm(t) for t in args.remove}
            wanted = [t for t in [*current, *args.tags] if norm(t) not in gone]
            try:
                ops.set_document_tags(library, args.id, wanted)
            except (ValueError, KeyError) as exc:
                raise UserError(_message(exc)) from None
            current = store.tags(args.id)
    if args.json:
        print_json({"id": args.id, "tags": current})
    elif current:
        for tag in current:  # one a line (`say` keeps a line to one line)
            say(tag)
    else:
        say(f"document {args.id} has no tags")
    return 0


def register(sub: Any, parents: Sequence[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("collection", parents=parents, help="list, create and fill collections of documents")
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    listing = actions.add_parser("list", parents=parents, help="every collection with its size")
    listing.add_argument("--json", action="store_true")
    create = actions.add_parser("create", parents=parents, help="a new, empty collection")
    create.add_argument("name", metavar="NAME")
    create.add_argument("--json", action="store_true")
    rename = actions.add_parser("rename", parents=parents, help="give a collection another name")
    rename.add_argument("name", metavar="NAME")
    rename.add_argument("new_name", metavar="NEW_NAME")
    rename.add_argument("--json", action="store_true")
    delete = actions.add_parser("delete", parents=parents, help="remove a collection (never its documents)")
    delete.add_argument("name", metavar="NAME")
    delete.add_argument("--json", action="store_true")
    for action, text in (("add", "put documents in a collection"), ("remove", "take documents out of a collection")):
        q = actions.add_parser(action, parents=parents, help=text)
        q.add_argument("name", metavar="NAME")
        q.add_argument("ids", type=int, nargs="+", metavar="ID")
        q.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_collection)

    t = sub.add_parser("tag", parents=parents, help="show, add or remove a document's own tags")
    t.add_argument("id", type=int, metavar="ID")
    t.add_argument("tags", nargs="*", metavar="TAG", help="tags to add")
    t.add_argument("--remove", action="append", default=[], metavar="TAG", help="a tag to take away (repeatable)")
    t.add_argument("--json", action="store_true")
    t.set_defaults(func=cmd_tag)
