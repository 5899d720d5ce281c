"""Finding, reading and preparing files for the library, without touching the library.

Preparation is pure and picklable so that it runs in worker processes; only the store writes. A file that
cannot be read is a `Skipped` with a one-line reason, never an exception that stops the batch.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from reader.core.decoding import DecodingError, decode_bytes
from reader.core.derive import Derived, derive

SUPPORTED_SUFFIXES = frozenset({".txt", ".text", ".md", ".html", ".htm"})
HTML_SUFFIXES = frozenset({".html", ".htm"})


@dataclass(frozen=True)
class Skipped:
    path: str
    reason: str


@dataclass(frozen=True)
class Prepared:
    path: str
    filename: str
    kind: str
    encoding: str
    size: int
    raw: str
    content_hash: str
    derived: Derived


def content_hash(raw: str) -> str:
    """Identity of a document's content: the same text in two encodings is one document."""
    return hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest()


def discover(paths: Iterable[Path]) -> tuple[list[Path], list[Skipped]]:
    """Expand folders recursively into supported files, in a stable order."""
    files: list[Path] = []
    skipped: list[Skipped] = []
    seen: set[Path] = set()
    for given in paths:
        path = Path(given).expanduser()
        if path.is_dir():
            found: list[Path] = []
            for root, dirs, names in os.walk(path, onerror=None):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in names:
                    candidate = Path(root) / name
                    if candidate.suffix.lower() in SUPPORTED_SUFFIXES and not name.startswith("."):
                        found.append(candidate)
            new = [p for p in sorted(found) if p.resolve() not in seen]
        elif path.is_file():
            if path.suffix.lower() not in SUPPORTED_SUFFIXES:
                skipped.append(Skipped(str(path), f"unsupported file type {path.suffix or '(none)'!r}"))
                continue
            new = [path] if path.resolve() not in seen else []
        elif path.exists():
            skipped.append(Skipped(str(path), "not a regular file"))
            continue
        else:
            skipped.append(Skipped(str(path), "no such file or folder"))
            continue
        for p in new:
            seen.add(p.resolve())
            files.append(p)
    return files, skipped


def kind_of(path: Path, text: str) -> str:
    if path.suffix.lower() in HTML_SUFFIXES:
        return "html"
    head = text[:1024].lstrip().lower()
    if head.startswith(("<!doctype html", "<html")):
        return "html"
    return "text"


def prepare(path: Path) -> Prepared | Skipped:
    """Read, decode and derive one file; any failure becomes a Skipped with its reason."""
    try:
        data = path.read_bytes()
    except PermissionError:
        return Skipped(str(path), "permission denied")
    except IsADirectoryError:
        return Skipped(str(path), "is a folder")
    except OSError as exc:
        return Skipped(str(path), f"cannot be read ({exc.strerror or exc})")
    try:
        decoded = decode_bytes(data, path.name)
    except DecodingError as exc:
        return Skipped(str(path), str(exc))
    raw = decoded.text
    if not raw.strip():
        return Skipped(str(path), "contains no text")
    kind = kind_of(path, raw)
    try:
        derived = derive(raw, kind)
    except RecursionError:
        return Skipped(str(path), "too deeply nested to read")
    return Prepared(
        path=str(path.resolve()),
        filename=path.name,
        kind=kind,
        encoding=decoded.encoding,
        size=len(data),
        raw=raw,
        content_hash=content_hash(raw),
        derived=derived,
    )
