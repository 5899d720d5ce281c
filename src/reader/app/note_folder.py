"""Exporting notes into a folder the user also writes in (an Obsidian vault, a Logseq graph).

Such a folder is the user's: after an export they add their own lines to a note, link it, reword it.
Exporting again must not wipe that out, and a careful vault keeper would not want a second copy of each
note beside the first either (both would show in the vault's search, graph and backlinks, and the user
would have to merge them by hand). So a note is replaced only when it is still exactly what the last
export wrote; one changed since (or one this export never wrote, which may be the user's own) is left
as it is and named in the report, and `overwrite=True` replaces it when the user says so.

What was written is remembered as a SHA-256 per note in `.reader-export.json` in the folder: a hidden
file, which Obsidian and Logseq do not list, so the notes' own front matter stays the user's. The
record travels with the folder when it is moved or synced.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

RECORD = ".reader-export.json"
"""The file in an export folder holding the hash of every note as last written."""


@dataclass
class NotesWritten:
    """What a notes export did: notes written, and notes kept because the user changed them since."""

    written: list[Path] = field(default_factory=list)
    kept: list[Path] = field(default_factory=list)

    def warning(self) -> str:
        """One line about the kept notes ("" when none were kept)."""
        if not self.kept:
            return ""
        names = ", ".join(p.name for p in self.kept[:3]) + (" …" if len(self.kept) > 3 else "")
        count = len(self.kept)
        return (
            f"kept {count} note{'' if count == 1 else 's'} changed since the last export ({names}); "
            "export with --overwrite to replace them"
        )


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _read_record(folder: Path) -> dict[str, str]:
    try:
        data = json.loads((folder / RECORD).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    notes = data.get("notes") if isinstance(data, dict) else None
    if not isinstance(notes, dict):
        return {}
    return {str(k): str(v) for k, v in notes.items()}


def write_note_folder(
    notes: Mapping[str, str],
    folder: Path,
    write: Callable[[Path, str], None],
    *,
    overwrite: bool = False,
) -> NotesWritten:
    """Write each note (file name -> text) into `folder` with `write(path, text)`, never replacing a note
    the user changed since the last export unless `overwrite`; then record what was written."""
    record = _read_record(folder)
    done = NotesWritten()
    for name, text in notes.items():
        target = folder / name
        data = text.encode("utf-8")
        new = _digest(data)
        try:
            current: str | None = _digest(target.read_bytes())
        except FileNotFoundError:
            current = None
        if current == new:
            record[name] = new  # already what this export would write: nothing to replace
            done.written.append(target)
            continue
        if current is not None and record.get(name) != current and not overwrite:
            done.kept.append(target)
            continue
        write(target, text)
        record[name] = new
        done.written.append(target)
    write(folder / RECORD, json.dumps({"version": 1, "notes": record}, ensure_ascii=False, indent=1) + "\n")
    return done
