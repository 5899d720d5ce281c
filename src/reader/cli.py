"""The `reader` command: the headless face of the same core the window uses.

Exit codes: 0 ok, 1 a user error (one line on stderr, no traceback), 2 bad usage.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sqlite3
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from reader import __version__
from reader.cli_common import (
    INT64_MAX,
    UserError,
    document_id,
    library_path,
    not_text,
    open_library,
    print_json,
    read_stdin,
    say,
    speaks_utf8,
    terminal_safe,
)

# Subcommand modules, each with `register(subparsers, parents)`; imported lazily by name so that
# `reader --version` stays instant.
EXTENSIONS: tuple[str, ...] = ("reader.cli_export", "reader.cli_search", "reader.cli_entities")
SCRIPTS = ("orig", "hans", "hant", "tw", "hk")
# Arguments that name files: any bytes are fine there (the file system's, not ours). Every other text
# argument is stored or searched, so it must be UTF-8.
PATH_ARGUMENTS = frozenset({"library", "paths", "files", "file", "output"})
CONVERT_LIMIT = 64 * 1024 * 1024

if TYPE_CHECKING:
    from reader.core.annotation_model import Annotation


def cmd_import(args: argparse.Namespace) -> int:
    from reader.store.importer import ImportInterrupted, import_paths

    with open_library(args) as library:
        show = sys.stderr.isatty() and not args.json

        def progress(done: int, total: int, current: str) -> None:
            if show and total:
                sys.stderr.write(f"\r{done}/{total} {Path(current).name[:50]:<50}")
                sys.stderr.flush()

        try:
            report = import_paths(library, [Path(p) for p in args.paths], progress=progress)
        except ImportInterrupted as exc:
            # Ctrl-C: what was written is whole; say how far the batch got, in one line.
            if show:
                sys.stderr.write("\r" + " " * 60 + "\r")
            if args.json:
                print_json(exc.report.as_json())
            say(f"reader: interrupted: {exc.report.summary()}", file=sys.stderr)
            return 130
        if show:
            sys.stderr.write("\r" + " " * 60 + "\r")
    if args.json:
        print_json(report.as_json())
    else:
        for skipped in report.skipped:
            say(f"skipped {skipped.path}: {skipped.reason}", file=sys.stderr)
        say(report.summary())
    if not report.imported and not report.updated and not report.duplicates and report.skipped:
        return 1
    return 0


def cmd_list(args: argparse.Namespace) -> int:
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
    text = doc.raw if args.raw else doc.text
    title = doc.summary.title
    # Page starts are offsets into the cleaned text; the raw text has none of its own.
    pages = [] if args.raw else list(doc.pages)
    if args.script != "orig" or args.phrases:
        from reader.core.script import Script, make_view

        view = make_view(text, Script(args.script), args.phrases)
        text = view.text
        pages = [view.offsets.to_view(p) for p in pages]  # vocabulary views change lengths
        title = make_view(title, Script(args.script), args.phrases).text
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
                "phrases": bool(args.phrases),
                "chars": s.chars,
                "text": text,
                "pages": pages,
                "removed": [{"line": r.line, "text": r.text, "reason": r.reason} for r in doc.removed],
            }
        )
        return 0
    text = terminal_safe(text, lines=True)
    sys.stdout.write(text if text.endswith("\n") else text + "\n")
    return 0


def _annotation_json(a: Annotation, pages: Sequence[int] = ()) -> dict[str, object]:
    """An annotation for scripts; `page` is the printed page its start lies on (None without pages, or
    for an orphan, whose offsets no longer point into the text)."""
    from reader.core.pages import page_of

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


def cmd_annotate(args: argparse.Namespace) -> int:
    from reader.core.annotation_model import DEFAULT_COLORS

    colors = {c.key for c in DEFAULT_COLORS} | {c.name for c in DEFAULT_COLORS}
    if args.color not in colors:
        raise UserError(f"unknown colour {args.color!r}; choose one of {', '.join(c.key for c in DEFAULT_COLORS)}")
    color = next(c.key for c in DEFAULT_COLORS if args.color in (c.key, c.name))
    with open_library(args, must_exist=True) as library:
        doc = library.get(args.id)
        if doc is None:
            raise UserError(f"no document with id {args.id}")
        if args.quote is not None:
            start = doc.text.find(args.quote)
            if start < 0 or not args.quote:
                raise UserError(f"the quote does not occur in document {args.id}")
            end = start + len(args.quote)
        else:
            start, end = args.start, args.end
            if start is None or end is None:
                raise UserError("give --quote TEXT, or both --start and --end")
            if not 0 <= start < end <= len(doc.text):
                raise UserError(f"--start/--end must satisfy 0 <= start < end <= {len(doc.text)}")
        annotation = library.annotations.create(args.id, start, end, color=color, note=args.note, tags=args.tag)
    if args.json:
        print_json(_annotation_json(annotation, doc.pages))
    else:
        say(annotation.uuid)
    return 0


def cmd_annotations(args: argparse.Namespace) -> int:
    with open_library(args, must_exist=True) as library:
        if args.id is not None:
            if library.get(args.id) is None:
                raise UserError(f"no document with id {args.id}")
            items = library.annotations.for_document(args.id)
        else:
            items = library.annotations.all(query=args.search or "", color=args.color, tag=args.tag)
        pages = {doc_id: library.pages(doc_id) for doc_id in {a.doc_id for a in items}} if args.json else {}
    if args.json:
        print_json([_annotation_json(a, pages[a.doc_id]) for a in items])
        return 0
    for a in items:
        flag = " (orphan)" if a.orphan else ""
        tags = " ".join(f"#{t}" for t in a.tags)
        say(f"{a.uuid[:8]}  doc {a.doc_id}  {a.start}-{a.end}  [{a.color}]{flag}  {a.quote[:40]}  {a.note[:40]} {tags}")
    return 0


def cmd_convert(args: argparse.Namespace) -> int:
    from reader.core.script import Script, make_view

    data = read_stdin(CONVERT_LIMIT)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UserError("standard input is not UTF-8 text") from exc
    sys.stdout.write(make_view(text, Script(args.to), args.phrases).text)
    return 0


def cmd_delete(args: argparse.Namespace) -> int:
    """Delete documents with their annotations, removed lines, overrides, entities and index rows.

    Nothing is deleted unless every id names a document, so a typo cannot delete half a list. Without a
    terminal to ask on, `--yes` must say the deletion is meant.
    """
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
        deleted = library.delete(ids)
    if args.json:
        print_json([d.as_json() for d in deleted])
        return 0
    for d in deleted:
        say(f"deleted {d.id}  {d.title}  ({d.annotations} annotation{'' if d.annotations == 1 else 's'})")
    return 0


def cmd_gui(args: argparse.Namespace) -> int:
    try:
        from reader.ui.app import run
    except ImportError as exc:  # pragma: no cover - depends on the installation
        raise UserError(f"the window cannot start: {exc}") from exc
    files = [Path(f).expanduser() for f in getattr(args, "files", [])]
    return run(library_path(args), explicit=bool(getattr(args, "library", None)), files=files)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {message}\n")


def _add_document_commands(sub: argparse._SubParsersAction[_Parser], parents: list[_Parser]) -> None:
    """Commands that read or change the documents themselves: import, list, show, delete."""
    p = sub.add_parser("import", parents=parents, help="import files and folders")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--json", action="store_true", help="machine-readable report")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("list", parents=parents, help="list the documents")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_list)

    p = sub.add_parser("show", parents=parents, help="print a document's text")
    p.add_argument("id", type=int)
    p.add_argument("--raw", action="store_true", help="the text exactly as imported")
    p.add_argument("--script", choices=SCRIPTS, default="orig", help="script view (default: as stored)")
    p.add_argument("--phrases", action="store_true", help="regional vocabulary (软件→軟體); changes lengths")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_show)

    p = sub.add_parser("delete", parents=parents, help="delete documents with their annotations")
    p.add_argument("ids", type=int, nargs="+", metavar="ID")
    p.add_argument("--yes", "-y", action="store_true", help="do not ask (required when not on a terminal)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_delete)


def _add_convert_command(sub: argparse._SubParsersAction[_Parser], parents: list[_Parser]) -> None:
    """The script converter, which works on standard input and needs no library."""
    p = sub.add_parser("convert", parents=parents, help="convert standard input to another script")
    p.add_argument("--to", choices=SCRIPTS[1:], required=True)
    p.add_argument("--phrases", action="store_true", help="regional vocabulary (软件→軟體)")
    p.set_defaults(func=cmd_convert)


def _add_annotation_commands(sub: argparse._SubParsersAction[_Parser], parents: list[_Parser]) -> None:
    """Commands that add and list annotations."""
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
    p.add_argument("--color")
    p.add_argument("--tag")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_annotations)


def build_parser() -> argparse.ArgumentParser:
    common = _Parser(add_help=False)
    common.add_argument(
        "--library",
        metavar="PATH",
        default=argparse.SUPPRESS,
        help="library file (default: $READER_LIBRARY or the user data folder)",
    )
    parents: list[_Parser] = [common]
    parser = _Parser(
        prog="reader",
        description="Read, clean, convert and annotate Chinese-language reports offline.",
        parents=parents,
    )
    parser.add_argument("--version", action="version", version=f"reader {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    _add_document_commands(sub, parents)
    _add_convert_command(sub, parents)
    _add_annotation_commands(sub, parents)

    for module_name in EXTENSIONS:
        module = importlib.import_module(module_name)
        module.register(sub, parents)

    parser.commands = sub.choices  # type: ignore[attr-defined]
    p = sub.add_parser("gui", parents=parents, help="open the window (the default); FILEs are imported and shown")
    p.add_argument("files", nargs="*", metavar="FILE")
    p.set_defaults(func=cmd_gui)
    return parser


def files_mean_gui(argv: list[str], commands: set[str]) -> list[str]:
    """`reader FILE...` (how a desktop launcher opens files) means `reader gui FILE...`."""
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg == "--":
            return [*argv[:i], "gui", *argv[i + 1 :]]
        if arg == "--library":
            i += 2
            continue
        if arg.startswith("-"):
            i += 1
            continue
        if arg in commands or not _looks_like_a_file(arg):
            return argv  # a subcommand, or a typo that argparse should report
        return [*argv[:i], "gui", *argv[i:]]
    return argv


def _looks_like_a_file(arg: str) -> bool:
    from reader.formats.registry import SUPPORTED_SUFFIXES

    path = Path(arg).expanduser()
    return path.exists() or path.suffix.lower() in SUPPORTED_SUFFIXES


def check_text_arguments(args: argparse.Namespace) -> None:
    """Refuse text arguments that are not UTF-8 (a note, a tag, a query) before anything is stored."""
    for name, value in vars(args).items():
        if name in PATH_ARGUMENTS:
            continue
        values = value if isinstance(value, list) else [value]
        if any(isinstance(v, str) and not_text(v) for v in values):
            shown = f"--{name.replace('_', '-')}" if name not in ("query",) else "the query"
            raise UserError(f"{shown} is not valid UTF-8 text")


def check_numbers(args: argparse.Namespace) -> None:
    """Numbers past SQLite's 64-bit integers name nothing; say so rather than overflow deeper down."""
    ident = getattr(args, "id", None)
    if isinstance(ident, int) and document_id(ident) is None:
        raise UserError(f"no document with id {ident}")
    for ident in getattr(args, "ids", None) or []:
        if document_id(ident) is None:
            raise UserError(f"no document with id {ident}")
    for name in ("start", "end"):
        value = getattr(args, name, None)
        if isinstance(value, int) and not -INT64_MAX <= value <= INT64_MAX:
            raise UserError("--start/--end must be offsets into the document's text")


def explain_database_error(args: argparse.Namespace, exc: sqlite3.Error) -> str:
    from reader.store.db import explain

    return explain(library_path(args), exc)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    commands = set(getattr(parser, "commands", ()))
    args = parser.parse_args(files_mean_gui(list(sys.argv[1:] if argv is None else argv), commands))
    func = getattr(args, "func", cmd_gui)
    for stream in (sys.stdout, sys.stderr):
        # A terminal in a legacy encoding cannot show Chinese; a "?" beats a crash halfway through a list.
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None and not speaks_utf8(stream):
            reconfigure(errors="replace")
    try:
        check_text_arguments(args)
        check_numbers(args)
        return int(func(args))
    except UserError as exc:
        say(f"reader: error: {exc}", file=sys.stderr)
        return 1
    except sqlite3.Error as exc:
        # The library failed underneath (locked, full disk, damaged): the open transaction was rolled
        # back, so the message says what happened and what to do, never a traceback.
        say(f"reader: error: {explain_database_error(args, exc)}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        say("reader: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # Whoever read our output went away (`reader list | head`); stop quietly, and keep Python from
        # complaining about the unflushable stdout at exit.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except MemoryError:
        say("reader: error: not enough memory for this input", file=sys.stderr)
        return 1
    except Exception as exc:
        # A bug, not the user's fault; still one line. READER_DEBUG=1 shows the traceback for a report.
        if os.environ.get("READER_DEBUG"):
            raise
        say(
            f"reader: internal error: {type(exc).__name__}: {exc} (please report; READER_DEBUG=1 shows details)",
            file=sys.stderr,
        )
        return 1


if __name__ == "__main__":
    sys.exit(main())
