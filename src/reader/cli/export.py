"""`reader export` and `reader import-annotations`: notes out of the library and back in."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from reader.cli.common import SCRIPTS, UserError, open_library, print_json, read_regular_file, say

ANNOTATIONS_LIMIT = 256 * 1024 * 1024
"""A W3C file larger than this is not an annotation export (a million annotations fit in far less)."""


def cmd_export(args: argparse.Namespace) -> int:
    """Write the export. `--all` means every document with notes, as the window's "Annotated documents
    only": the command exports notes, and a document without any would add an empty heading to a
    Markdown file and its whole text to an HTML or PDF one; `--include-unannotated` adds them. Documents
    named by id are exported as asked."""
    from reader.app.exporting import export_documents, write_export, write_notes
    from reader.cli.annotate import color_key, user_colors
    from reader.core.export import EXPORT_FORMATS, FORMATS, export_format

    if args.format not in FORMATS:
        raise UserError(f"unknown format {args.format!r}")
    if not args.ids and not args.all:
        raise UserError("name documents by id, or pass --all")
    color = color_key(args.color) if args.color else None
    out = Path(args.output)
    notes_format = export_format(args.format).render_notes is not None
    # `-o notes/` names a folder, there or not: a file called `notes` is never what was meant.
    wants_folder = args.output.endswith(("/", os.sep)) or out.is_dir()
    if wants_folder and not notes_format:
        notes = " or ".join(f"--format {f.key}" for f in EXPORT_FORMATS if f.render_notes is not None)
        raise UserError(f"{out} is a folder; give a file name (only {notes} writes one note per document)")
    with open_library(args, must_exist=True) as library:
        ids = library.ids() if args.all else args.ids
        missing = [i for i in ids if library.get(i) is None]
        if missing:
            raise UserError(f"no document with id {missing[0]}")
        if args.all and not args.include_unannotated:
            counts = library.annotations.count_by_document()
            ids = [i for i in ids if counts.get(i)]
        docs = export_documents(
            library,
            ids,
            script=args.script,
            phrases=args.phrases,
            convert_notes=args.convert_notes,
            query=args.search or "",
            color=color,
            tag=args.tag,
            language=export_language(),
        )
    warning = ""
    try:
        if wants_folder:
            out.mkdir(parents=True, exist_ok=True)
            done = write_notes(docs, args.format, out, user_colors(), overwrite=args.overwrite)
            written, warning = done.written, done.warning()
        else:
            written = write_export(docs, args.format, out, user_colors(), print_pdf=_printer(args.format)).written
    except OSError as exc:
        raise UserError(f"cannot write {out}: {exc.strerror or exc}") from exc
    count = sum(len(d.annotations) for d in docs)
    where = f"{len(written)} note{'' if len(written) == 1 else 's'} in {out}" if wants_folder else out
    documents = f"{len(docs)} document{'' if len(docs) == 1 else 's'}"
    annotations = f"{count} annotation{'' if count == 1 else 's'}"
    say(f"exported {documents}, {annotations} to {where}", file=sys.stderr)
    if warning:
        say(warning, file=sys.stderr)
    return 0


def _printer(fmt: str) -> Callable[[str, Path], None] | None:
    """Qt's PDF printer for a format that needs it; Qt is loaded only then."""
    from reader.core.export import export_format

    if not export_format(fmt).needs_qt:
        return None
    from reader.ui.pdf_export import write_pdf

    return write_pdf


def cmd_import_annotations(args: argparse.Namespace) -> int:
    from reader.app import operations as ops
    from reader.core.export import ExportFormatError

    path = Path(args.file)
    data = read_regular_file(path, ANNOTATIONS_LIMIT)
    with open_library(args, must_exist=True) as library:
        try:
            report = ops.import_annotation_file(library, data).value
        except ExportFormatError as exc:
            raise UserError(f"{path}: {exc}") from exc
    if args.json:
        print_json(
            {
                "added": report.added,
                "updated": report.updated,
                "orphaned": report.orphaned,
                "duplicates": report.duplicates,
                "skipped": [{"id": i, "reason": r} for i, r in report.skipped],
            }
        )
    else:
        for uuid, reason in report.skipped:
            say(f"skipped {uuid}: {reason}", file=sys.stderr)
        say(report.summary())
    if report.skipped and not report.added and not report.updated and not report.duplicates:
        return 1
    return 0


def register(sub: Any, parents: Sequence[argparse.ArgumentParser]) -> None:
    from reader.core.export import FORMATS

    p = sub.add_parser("export", parents=parents, help=f"export annotated notes ({', '.join(FORMATS)})")
    p.add_argument("ids", type=int, nargs="*", metavar="ID")
    p.add_argument("--all", action="store_true", help="every document with annotations")
    p.add_argument(
        "--include-unannotated", action="store_true", help="with --all, also the documents without annotations"
    )
    p.add_argument("--format", required=True, choices=FORMATS)
    p.add_argument("--script", choices=SCRIPTS, default="orig", help="script of quotes and text")
    p.add_argument("--phrases", action="store_true", help="regional vocabulary in the chosen script")
    p.add_argument("--convert-notes", action="store_true", help="convert notes to the script too")
    p.add_argument("--search", help="only annotations whose quote, note or tags contain this")
    p.add_argument("--color", help="only annotations of this colour (key or name: yellow, 重点)")
    p.add_argument("--tag", help="only annotations with this tag (either script)")
    p.add_argument(
        "-o", "--output", required=True, metavar="PATH", help="a file; for md also a folder (one note each; PATH/)"
    )
    p.add_argument(
        "--overwrite", action="store_true", help="md folder: also replace notes changed since the last export"
    )
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("import-annotations", parents=parents, help="read annotations exported as W3C JSON")
    p.add_argument("file", metavar="FILE.json")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_import_annotations)


def export_language(environ: Mapping[str, str] | None = None) -> str:
    """The interface language for an export's own words, without Qt: the language chosen in Preferences,
    or for "system" the locale of the environment (LC_ALL, LC_MESSAGES, LANG), as the window would."""
    from reader import paths
    from reader.settings import load, settings_path

    chosen = load(settings_path(paths.config_dir())).language
    if chosen in ("en", "zh_CN", "zh_TW"):
        return chosen
    env = os.environ if environ is None else environ
    locale = next((env[k] for k in ("LC_ALL", "LC_MESSAGES", "LANG") if env.get(k)), "")
    if not locale.startswith("zh"):
        return "en"
    return "zh_TW" if locale.startswith(("zh_TW", "zh_HK", "zh_MO")) or "Hant" in locale else "zh_CN"
