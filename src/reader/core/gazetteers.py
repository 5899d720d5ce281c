"""Word lists the entity rules consult: surnames, post titles, organisation and place endings.

They live as plain text under `reader/data/` so a reader of the code (or a translator) can extend them
without touching rules. jieba's own dictionary is reused as a frequency list: a two-character "name"
that is also a frequent dictionary word (周全, 晋升) is more likely a word than a person.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path


def _words(name: str) -> frozenset[str]:
    text = resources.files("reader").joinpath("data", name).read_text(encoding="utf-8")
    out: set[str] = set()
    for line in text.splitlines():
        if line.startswith("#"):
            continue
        out.update(line.split())
    return frozenset(out)


@dataclass(frozen=True)
class Gazetteers:
    """Every list, loaded once; `max_*` let rules try endings longest first without scanning sets."""

    surnames: frozenset[str]
    compound_surnames: frozenset[str]
    post_words: frozenset[str]
    org_suffixes: frozenset[str]
    place_suffixes: frozenset[str]
    provinces: frozenset[str]
    generic: frozenset[str]
    honorifics: frozenset[str]
    max_post: int
    max_org_suffix: int


@cache
def gazetteers() -> Gazetteers:
    surnames = _words("ner_surnames.txt")
    posts = _words("ner_post_words.txt")
    orgs = _words("ner_org_suffixes.txt")
    return Gazetteers(
        surnames=frozenset(s for s in surnames if len(s) == 1),
        compound_surnames=frozenset(s for s in surnames if len(s) == 2),
        post_words=posts,
        org_suffixes=orgs,
        place_suffixes=_words("ner_place_suffixes.txt"),
        provinces=_words("ner_provinces.txt"),
        generic=_words("ner_generic_words.txt"),
        honorifics=_words("ner_honorifics.txt"),
        max_post=max(map(len, posts)),
        max_org_suffix=max(map(len, orgs)),
    )


@cache
def dictionary() -> dict[str, tuple[int, str]]:
    """jieba's dictionary of words up to four characters: word -> (frequency, part of speech)."""
    import jieba

    path = Path(jieba.__file__).parent / "dict.txt"
    out: dict[str, tuple[int, str]] = {}
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            parts = line.split()
            if len(parts) == 3 and len(parts[0]) <= 4:
                out[parts[0]] = (int(parts[1]), parts[2])
    return out


def longest_ending(text: str, words: frozenset[str], longest: int) -> int:
    """Length of the longest word of `words` that `text` ends with, or 0."""
    for size in range(min(longest, len(text)), 0, -1):
        if text[-size:] in words:
            return size
    return 0
