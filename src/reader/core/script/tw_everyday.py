"""Taiwan's everyday forms (台灣, 占, 雇) beside the standard ones, for the 臺灣 views on request."""

from __future__ import annotations

from functools import cache
from importlib.resources import files

__all__ = ["tw_everyday_forms"]


@cache
def _tw_everyday_table() -> tuple[dict[int, str], tuple[tuple[str, str], ...]]:
    """(character map, phrase pairs) from data/script_tw_variants.tsv; see the file for sources."""
    singles: dict[int, str] = {}
    phrases: list[tuple[str, str]] = []
    raw = files("reader").joinpath("data/script_tw_variants.tsv").read_text(encoding="utf-8")
    for line in raw.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        standard, everyday, _source = line.split("\t")
        if len(standard) != len(everyday):
            raise ValueError(f"Taiwan everyday form {everyday!r} does not keep the length of {standard!r}")
        if len(standard) == 1:
            singles[ord(standard)] = everyday
        else:
            phrases.append((standard, everyday))
    return singles, tuple(phrases)


def tw_everyday_forms(text: str) -> str:
    """Taiwan's everyday forms in a Taiwan-standard text: 臺灣 → 台灣, 佔 → 占 (same length)."""
    singles, phrases = _tw_everyday_table()
    text = text.translate(singles)
    for standard, everyday in phrases:
        text = text.replace(standard, everyday)
    return text
