"""`reader import`, `list` and `show`: documents into the library and back out as text.

The one write here is `import_paths` in `cmd_import`; listing and showing only read.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from reader.cli.common import SCRIPTS, UserError, library_path, open_library, print_json, say, terminal_safe


def cmd_import(args: argparse.Namespace) -> int:
    from reader.app.importing import ImportInterrupted
    from reader.app.resuming import finishing_elsewhere, import_resumably, unfinished
    from reader.store.pending_imports import ImportTaken

    if not args.paths and not args.resume:
        raise UserError("give the files or folders to import, or --resume to finish an interrupted import")
    with open_library(args) as library:
        show = sys.stderr.isatty() and not args.json
        orphans_before = library.annotations.orphans()
        pending = unfinished(library)
        paths = [Path(p) for p in args.paths]
        resumes: list[int] = []
        if args.resume:
            resumes = [noted.id for noted in pending]
            paths = list(dict.fromkeys([*paths, *(Path(p) for noted in pending for p in noted.paths)]))
            if not paths:
                if finishing_elsewhere(library):
                    say("reader: the unfinished import is being finished by another window or command", file=sys.stderr)
                else:
                    say("reader: no unfinished import to resume", file=sys.stderr)
                return 0
        elif pending:
            files = len({p for noted in pending for p in noted.paths})
            say(
                f"reader: an earlier import did not finish ({files} file(s) still to import); "
                "`reader import --resume` finishes it",
                file=sys.stderr,
            )

        def progress(done: int, total: int, current: str) -> None:
            if show and total:
                sys.stderr.write(f"\r{done}/{total} {Path(current).name[:50]:<50}")
                sys.stderr.flush()

        try:
            report = import_resumably(library, paths, resumes=resumes, progress=progress)
        except ImportInterrupted as exc:
            # Ctrl-C: what was written is whole; say how far the batch got, in one line, and how to go on
            # (the import stays noted, with the scanned pages it read).
            if show:
                sys.stderr.write("\r" + " " * 60 + "\r")
            if args.json:
                print_json(exc.report.as_json())
            say(
                f"reader: interrupted: {exc.report.summary()}; `reader import --resume` finishes it",
                file=sys.stderr,
            )
            return 130
        except ImportTaken:  # another window or command took the import up between our look and our start
            say("reader: the unfinished import is being finished by another window or command", file=sys.stderr)
            return 1
        if show:
            sys.stderr.write("\r" + " " * 60 + "\r")
        # A file changed on disk: highlights whose words were edited are kept as orphans; say so.
        orphaned = sorted(library.annotations.orphans() - orphans_before) if report.updated else []
    if args.json:
        print_json({**report.as_json(), "orphaned_annotations": orphaned})
    else:
        for skipped in report.skipped:
            say(f"skipped {skipped.path}: {skipped.reason}", file=sys.stderr)
        say(report.summary())
        if orphaned:
            one = len(orphaned) == 1
            what = "1 annotation no longer matches" if one else f"{len(orphaned)} annotations no longer match"
            kept = "is kept as an orphan" if one else "are kept as orphans"
            say(f"{what} the changed text and {kept} (`reader annotations ID` lists them)", file=sys.stderr)
    if not report.imported and not report.updated and not report.duplicates and report.skipped:
        return 1
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    path = library_path(args)
    # (A path under a plain file goes on to `open_library`, which says why it cannot be a library.)
    if not path.exists() and not any(parent.exists() and not parent.is_dir() for parent in path.parents):
        # Listing never makes a library: a mistyped --library would otherwise leave an empty one behind.
        say(f"no library at {path} yet", file=sys.stderr)
        if args.json:
            print_json([])
        return 0
    with open_library(args) as library:
        rows = library.all_summaries()
    if args.json:
        print_json([r.as_json() for r in rows])
        return 0
    for r in rows:
        say(f"{r.id:>5}  {r.date[:10]:<10}  {r.chars:>7}  {r.title}")
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    with open_library(args, must_exist=True) as library:
        doc = library.get(args.id)
    if doc is None:
        raise UserError(f"no document with id {args.id}")
    # `--raw` is the text as the importer read it, before cleaning: the lines `removed` counts. For a text
    # file that is the file as decoded; for a PDF, DOCX or EPUB the stored source is the importer's layout
    # record, which is no text a reader can check a removed line against.
    text = doc.original if args.raw else doc.text
    title = doc.summary.title
    # Page starts are offsets into the cleaned text; the raw text has none of its own.
    pages = [] if args.raw else list(doc.pages)
    phrases = False
    if args.script != "orig" or args.phrases:
        from reader.core.script import Script, make_view, vocabulary_applies

        # Vocabulary only where the view crosses from the document's own script (文件 stays in 简).
        phrases = args.phrases and vocabulary_applies(Script(args.script), doc.summary.script)
        view = make_view(text, Script(args.script), phrases)
        text = view.text
        pages = [view.offsets.to_view(p) for p in pages]  # vocabulary views change lengths
        title = make_view(title, Script(args.script), phrases).text
    if args.json:
        s = doc.summary
        print_json(
            {
                "id": s.id,
                "title": title,
                "date": s.date or None,
                "author": s.author or None,
                "source": s.source or None,
                "path": s.path or None,
                "encoding": s.encoding,
                "script": s.script or None,
                "script_share": round(s.script_share, 4),
                "view": args.script,
                "phrases": phrases,
                "chars": len(text) if args.raw else s.chars,
                "text": text,
                "pages": pages,
                "removed": [{"line": r.line, "text": r.text, "reason": r.reason} for r in doc.removed],
            }
        )
        return 0
    text = terminal_safe(text, lines=True)
    sys.stdout.write(text if text.endswith("\n") else text + "\n")
    return 0


def register(sub: Any, parents: Sequence[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("import", parents=parents, help="import files and folders")
    p.add_argument("paths", nargs="*", metavar="PATH")
    p.add_argument("--json", action="store_true", help="machine-readable report")
    p.add_argument(
        "--resume",
        action="store_true",
        help="also finish imports that were interrupted (scanned pages already read are not read again)",
    )
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("list", parents=parents, help="list the documents")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_list)

    p = sub.add_parser("show", parents=parents, help="print a document's text")
    p.add_argument("id", type=int)
    p.add_argument(
        "--raw",
        action="store_true",
        help="the text as read from the file, before cleaning (the lines `removed` counts)",
    )
    p.add_argument("--script", choices=SCRIPTS, default="orig", help="script view (default: as stored)")
    p.add_argument("--phrases", action="store_true", help="regional vocabulary (软件→軟體); changes lengths")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_show)
