"""What the app derives from a document's raw text: the cleaned text, its removed lines, metadata, script.

Derived data is recomputed whenever the cleaner improves or the user overrides a decision, so it lives
in one function that the importer, the store and the tests share.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from reader.core import cleaning
from reader.core.script import detect_script

# Bump when the cleaner's output changes, so stored documents can be re-derived.
CLEANER_VERSION = 2


@dataclass(frozen=True)
class Derived:
    text: str
    original: str
    removed: list[cleaning.Removed]
    metadata: cleaning.Metadata
    script: str
    script_share: float
    cleaner_version: int = CLEANER_VERSION
    extra: dict[str, str] = field(default_factory=dict)


def derive(raw: str, kind: str, overrides: Mapping[int, bool] | None = None) -> Derived:
    """Clean `raw` (plain text or HTML) honouring the user's line overrides."""
    if kind == "html":
        original = cleaning.html_to_blocks(raw)
        cleaned = cleaning.clean_html(raw, overrides)
    else:
        original = raw
        cleaned = cleaning.clean_text(raw, overrides)
    info = detect_script(cleaned.text)
    return Derived(
        text=cleaned.text,
        original=original,
        removed=list(cleaned.removed),
        metadata=cleaned.metadata,
        script=info.kind,
        script_share=info.share,
    )
