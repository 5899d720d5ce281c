"""Word lists the entity rules consult: surnames, post titles, organisation and place endings.

They live as plain text under `reader/data/` so a reader of the code (or a translator) can extend them
without touching rules. jieba's own dictionary is reused as a frequency list: a two-character "name"
that is also a frequent dictionary word and is written elsewhere in the document as a plain word is
more likely a word than a person (see `ner_rules.consistent_people`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path


def _lines(name: str) -> list[str]:
    """The entries of a list file: each line without its `# source note`; blank lines dropped.

    Every entry (or group of entries on one line) carries a note saying where it comes from, so a
    reader can check that no entry was fitted to a sample document."""
    text = resources.files("reader").joinpath("data", name).read_text(encoding="utf-8")
    out: list[str] = []
    for line in text.splitlines():
        body = line.split("#", 1)[0].strip()
        if body:
            out.append(body)
    return out


def _words(name: str) -> frozenset[str]:
    return frozenset(word for line in _lines(name) for word in line.split())


def _pairs(name: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for line in _lines(name):
        key, value = line.split()
        out[key] = value
    return out


def _region_pairs() -> dict[str, tuple[str, str]]:
    out: dict[str, tuple[str, str]] = {}
    for line in _lines("ner_region_pairs.txt"):
        compound, first, second = line.split()
        out[compound] = (first, second)
    return out


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
    abbreviations: dict[str, str]  # 中 -> 中国: one-character abbreviations shown by their full name
    transliteration: frozenset[str]  # characters that write foreign names by sound (克, 林, 顿)
    countries: frozenset[str]  # countries and continents: a place whatever the tagger says (法国)
    events: frozenset[str]  # festivals, holidays, solar terms: a time, never a name (新春, 国庆)
    kind_bodies: frozenset[str]  # bodies named by their kind alone (国会, 市委): the one the text is about
    region_pairs: dict[str, tuple[str, str]]  # 黄淮 -> (黄河, 淮河): a region named by two short names
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
        abbreviations=_pairs("ner_abbreviations.txt"),
        transliteration=frozenset("".join(_words("ner_transliteration_chars.txt"))),
        countries=_words("ner_countries.txt"),
        events=_words("ner_events.txt"),
        kind_bodies=_words("ner_kind_bodies.txt"),
        region_pairs=_region_pairs(),
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
