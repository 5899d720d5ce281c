"""Exporting notes into a folder the user also writes in (an Obsidian vault, a Logseq graph).

Such a folder is the user's: after an export they add their own lines to a note, link it, reword it.
Exporting again must not wipe that out, and a careful vault keeper would not want a second copy of each
note beside the first either (both would show in the vault's search, graph and backlinks, and the user
would have to merge them by hand). So a note is replaced only when it is still exactly what the last
export wrote; one changed since (or one this export never wrote, which may be the user's own) is left
as it is and named in the report, and `overwrite=True` replaces it when the user says so.

What was written is remembered as a SHA-256 and a document id per note in `.reader-export.json` in the
folder: a hidden file, which Obsidian and Logseq do not list, so the notes' own front matter stays the
user's. The record travels with the folder when it is moved or synced.

A document keeps the name its note had last time, whatever else this export holds: two documents with
one title would otherwise swap names between an export of one and an export of both, the keep-changed
rule would then guard the wrong document's note and `overwrite` put one document's note over the
other's. A file no export wrote (the user's own note, or one from a version that kept no record) is
never replaced, not even with `overwrite`: the document's note is written beside it, named with its id.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

RECORD = ".reader-export.json"
"""The file in an export folder holding the hash and document of every note as last written."""


@dataclass(frozen=True)
class Note:
    """One document's note: the file name it would take in an empty folder, and its text."""

    document: int
    name: str
    text: str


@dataclass
class NotesWritten:
    """What a notes export did: notes written, notes kept because the user changed them since the last
    export, and files left alone because no export wrote them (the note went beside them)."""

    written: list[Path] = field(default_factory=list)
    kept: list[Path] = field(default_factory=list)
    foreign: list[Path] = field(default_factory=list)

    def warning(self) -> str:
        """One line about the kept notes and the files left alone ("" when there are none)."""
        parts = []
        if self.kept:
            count = len(self.kept)
            parts.append(
                f"kept {count} note{'' if count == 1 else 's'} changed since the last export ({_names(self.kept)}); "
                "export with --overwrite to replace them"
            )
        if self.foreign:
            count = len(self.foreign)
            parts.append(
                f"left {count} file{'' if count == 1 else 's'} no export wrote ({_names(self.foreign)}): "
                "never replaced, the note was written beside it with the document's id"
            )
        return "; ".join(parts)


def _names(paths: Sequence[Path]) -> str:
    return ", ".join(p.name for p in paths[:3]) + (" …" if len(paths) > 3 else "")


@dataclass
class _Entry:
    sha256: str
    document: int | None  # None: recorded by a version that did not say whose note it was


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _read_record(folder: Path) -> dict[str, _Entry]:
    try:
        data = json.loads((folder / RECORD).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    notes = data.get("notes") if isinstance(data, dict) else None
    if not isinstance(notes, dict):
        return {}
    record: dict[str, _Entry] = {}
    for name, value in notes.items():
        if isinstance(value, str):
            record[str(name)] = _Entry(value, None)
        elif isinstance(value, dict) and isinstance(value.get("sha256"), str):
            document = value.get("document")
            record[str(name)] = _Entry(value["sha256"], document if isinstance(document, int) else None)
    return record


def _with_id(name: str, document: int) -> str:
    stem = name[:-3] if name.lower().endswith(".md") else name
    return f"{stem} ({document}).md"


def _current(target: Path) -> str | None:
    try:
        return _digest(target.read_bytes())
    except FileNotFoundError:
        return None


def _names_for(notes: Sequence[Note], folder: Path, record: dict[str, _Entry], passed: list[Path]) -> list[str]:
    """Each note's file name: the one its document had last time, else the wanted name when free (not
    another document's, not a file no export wrote unless it already holds this very note), else the
    wanted name with the document's id. A file no export wrote that took a note's wanted name goes in
    `passed`, so the user hears why the note has an id in its name."""
    owned = {entry.document: name for name, entry in record.items() if entry.document is not None}
    owner = {name.lower(): entry.document for name, entry in record.items()}
    taken: set[str] = set()

    def free(name: str, note: Note) -> bool:
        key = name.lower()
        if key in taken:
            return False
        if key in owner:
            return owner[key] in (None, note.document)
        current = _current(folder / name)
        if current is None or current == _digest(note.text.encode("utf-8")):
            return True
        passed.append(folder / name)
        return False

    chosen: list[str] = []
    for note in notes:
        last = owned.get(note.document)
        if last is not None and last.lower() not in taken:
            name = last
        elif free(note.name, note):
            name = note.name
        else:
            name = _with_id(note.name, note.document)
        taken.add(name.lower())
        chosen.append(name)
    return chosen


def write_note_folder(
    notes: Sequence[Note],
    folder: Path,
    write: Callable[[Path, str], None],
    *,
    overwrite: bool = False,
) -> NotesWritten:
    """Write each document's note into `folder` with `write(path, text)` under the name it had last time,
    never replacing a note the user changed since the last export unless `overwrite`, never replacing a
    file no export wrote; then record what was written and whose it is."""
    record = _read_record(folder)
    done = NotesWritten()
    for note, name in zip(notes, _names_for(notes, folder, record, done.foreign), strict=True):
        target = folder / name
        new = _digest(note.text.encode("utf-8"))
        current = _current(target)
        entry = record.get(name)
        if current == new:
            record[name] = _Entry(new, note.document)  # already what this export would write
            done.written.append(target)
            continue
        if current is not None and entry is None:
            done.foreign.append(target)  # its id-named place is a file of the user's too
            continue
        if current is not None and entry is not None and entry.sha256 != current and not overwrite:
            record[name] = _Entry(entry.sha256, note.document)
            done.kept.append(target)
            continue
        write(target, note.text)
        record[name] = _Entry(new, note.document)
        done.written.append(target)
    shown = {name: {"sha256": e.sha256, "document": e.document} for name, e in sorted(record.items())}
    write(folder / RECORD, json.dumps({"version": 2, "notes": shown}, ensure_ascii=False, indent=1) + "\n")
    return done
