"""What an import did, file by file: the report the CLI prints and the window shows.

Apart from the import loop so that the window can name it without loading every format and the cleaner
before its first paint.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reader.core.importing import Skipped


@dataclass
class ImportReport:
    imported: list[int] = field(default_factory=list)
    updated: list[int] = field(default_factory=list)
    duplicates: list[tuple[str, int]] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    cancelled: bool = False
    background: bool = False  # the sample library or a re-cleaning, not files the reader chose

    def summary(self) -> str:
        parts = [f"{len(self.imported)} imported"]
        if self.updated:
            parts.append(f"{len(self.updated)} updated")
        parts.append(f"{len(self.duplicates)} already in the library")
        parts.append(f"{len(self.skipped)} skipped")
        text = ", ".join(parts)
        return text + (" (cancelled)" if self.cancelled else "")

    def as_json(self) -> dict[str, object]:
        return {
            "imported": self.imported,
            "updated": self.updated,
            "duplicates": [{"path": p, "id": i} for p, i in self.duplicates],
            "skipped": [{"path": s.path, "reason": s.reason} for s in self.skipped],
            "cancelled": self.cancelled,
        }
