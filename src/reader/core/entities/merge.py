"""One entity per referent within a document: name variants and truncations, and bodies and their parts.

A report names the same person or body in several ways: the tagger may cut a name with a rare last
character short at one mention (韩璐 for 韩璐璘) and get it whole at another, and a party group or
committee inside a body (长沙市卫健委党组) is a part of that body (长沙市卫健委), not a rival entry.
These functions read the whole document, because the evidence is repetition: the longer form written
again and again, the body named on its own elsewhere.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from reader.core.entities.gazetteers import dictionary, gazetteers, longest_ending

# Word classes a character cannot have if it is to end a personal name (verbs, function words, numbers,
# measure words, directions, times): 张伟说, 李明在, 王强等 never give 张伟说.
_NOT_NAME_END = frozenset({"v", "vn", "vd", "a", "ad", "d", "c", "p", "u", "ud", "uj", "ul", "m", "r", "q", "f", "t"})
_CJK = re.compile(r"[\u3400-\u9fff]")
# Parts of a body, written right after its name: the party group, the party committee, the discipline
# committee, the union, the general office (organisation charts of Chinese public bodies).
_PARTS = ("机关党委", "党支部", "党总支", "党组", "党委", "纪委", "纪检组", "工会", "团委", "办公室")


def extend_repeated(text: str, names: Iterable[str]) -> dict[str, str]:
    """Two-character names that the document always writes with the same third character after them.

    `韩璐` -> `韩璐璘` when every occurrence of 韩璐 is followed by 璘, at least twice, and 璘 is not a
    character that starts a post or a form of address or that works as a verb, function word or
    number. The longer, repeated form is the name; the tagger stopped early at a rare character.
    """
    g = gazetteers()
    words = dictionary()
    starts = {w[0] for w in g.post_words} | {w[0] for w in g.honorifics}
    out: dict[str, str] = {}
    for name in set(names):
        if len(name) != 2:
            continue
        following: set[str] = set()
        count = 0
        pos = text.find(name)
        while pos >= 0:
            nxt = text[pos + 2 : pos + 3]
            following.add(nxt)
            count += 1
            if len(following) > 1:
                break
            pos = text.find(name, pos + 2)
        if count < 2 or len(following) != 1:
            continue
        ch = following.pop()
        if not ch or not _CJK.match(ch) or ch in starts:
            continue
        found = words.get(ch)
        if found is not None and found[1] in _NOT_NAME_END:
            continue
        out[name] = name + ch
    return out


def canonical_names(counts: Mapping[str, int]) -> dict[str, str]:
    """Short forms of people named in full elsewhere in the document: 王书 -> 王书平.

    `counts` are the names found and how often each was tagged. A name is mapped to the one name that
    extends it by one character when that longer form is found at least as often (the tagger cutting a
    name short is the exception, not the rule) and does not end in a place or organisation ending
    (罗勇 is not 罗勇府, a province of Thailand the tagger once took for a person). When two names
    extend it (王明远, 王明华) it is ambiguous and stays as written.
    """
    g = gazetteers()
    endings = {w for w in g.place_suffixes | g.org_suffixes if len(w) == 1}
    extensions: dict[str, list[str]] = {}
    for other in counts:
        if len(other) >= 3 and other[-1] not in endings:
            extensions.setdefault(other[:-1], []).append(other)
    out: dict[str, str] = {}
    for name, seen in counts.items():
        longer = extensions.get(name, [])
        if len(longer) == 1 and len(name) >= 2 and counts[longer[0]] >= seen:
            out[name] = longer[0]
    # Follow chains (a -> ab -> abc) so every variant points at the longest form.
    for short, long in list(out.items()):
        while long in out and out[long] != long:
            long = out[long]
        out[short] = long
    return out


def parent_of(name: str) -> str | None:
    """The body a part belongs to: 长沙市卫健委党组 -> 长沙市卫健委; None when `name` is not a part
    or what is left is not an organisation name in its own right (a bare 党组 has no parent)."""
    g = gazetteers()
    for part in _PARTS:
        if name.endswith(part) and len(name) > len(part):
            stem = name[: -len(part)]
            if len(stem) >= 3 and longest_ending(stem, g.org_suffixes, g.max_org_suffix):
                return stem
    return None
