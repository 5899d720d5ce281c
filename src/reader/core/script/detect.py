"""Which script a text is written in, and which of its lines mix simplified and traditional.

Mixed-script input (machine-reworded text writes 國 and 国 on one line) defeats OpenCC's phrase
dictionaries, which are keyed in one script; the views find such lines here (`mixed_lines`).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Literal

from reader.core.script.opencc import code_points, convert

__all__ = ["ScriptInfo", "detect_script", "mixed_lines", "script_specific_chars"]

# Where OpenCC's character dictionaries have entries: the unified ideographs and extension A, and
# extensions B to H. Compatibility ideographs are left out on purpose: every config normalises them,
# so they say nothing about the script.
_IDEOGRAPH_RANGES = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0x20000, 0x323AF))
_CJK_RANGES = (*_IDEOGRAPH_RANGES, (0xF900, 0xFAFF))


def _is_cjk(ch: str) -> bool:
    code = ord(ch)
    return any(lo <= code <= hi for lo, hi in _CJK_RANGES)


_CHUNK = 2048
"""Characters converted per OpenCC call: each call keeps the GIL, and one call over the whole ideograph range
froze the window for a third of a second when a background thread made it."""


def _each(chars: list[str], config: str) -> list[str]:
    """Each character converted on its own (one per line), in calls of `_CHUNK` characters."""
    out: list[str] = []
    for start in range(0, len(chars), _CHUNK):
        out.extend(convert("\n".join(chars[start : start + _CHUNK]), config).split("\n"))
    return out


@lru_cache(maxsize=1)
def script_specific_chars() -> tuple[frozenset[str], frozenset[str]]:
    """(simplified-only, traditional-only) characters, derived from OpenCC's own conversions.

    Traditional-only: t2s changes it and s2t leaves it (國, 醫, 裡). Simplified-only: t2s leaves it and
    every traditional target changes it (国, 医). Requiring all of s2t, s2tw and s2hk keeps out
    characters that are standard in one region (台, 床, 群, 峰, 秘 are Taiwan or Hong Kong forms).
    A few characters remain in both scripts yet count as simplified because OpenCC's first choice
    differs (里, 干, 后); the thresholds in `detect_script` absorb them. Computed once: about 0.2 s.
    """
    chars = [chr(c) for lo, hi in _IDEOGRAPH_RANGES for c in range(lo, hi + 1)]
    t2s, s2t, s2tw, s2hk = (_each(chars, cfg) for cfg in ("t2s", "s2t", "s2tw", "s2hk"))
    simplified = frozenset(
        c
        for c, a, b, tw, hk in zip(chars, t2s, s2t, s2tw, s2hk, strict=True)
        if a == c and b != c and tw != c and hk != c
    )
    traditional = frozenset(c for c, a, b in zip(chars, t2s, s2t, strict=True) if a != c and b == c)
    return simplified, traditional


@dataclass(frozen=True)
class ScriptInfo:
    """What script a text is written in, with the evidence."""

    kind: Literal["simplified", "traditional", "mixed", "none"]
    share: float  # script-specific characters / CJK characters (0.0 when there are none)
    simplified: int  # simplified-only characters
    traditional: int  # traditional-only characters
    cjk: int  # CJK ideographs


# A text is mixed when the minority script supplies at least this share of the script-specific
# characters, and at least _MIXED_MIN of them. Seeds 001-004 (simplified) reach 0.3 % and real
# traditional text about 2 % (里, 干, 后 written in both scripts); seed 000, machine-reworded, 36 %.
_MIXED_SHARE = 0.10
_MIXED_MIN = 2


def detect_script(text: str) -> ScriptInfo:
    """Classify `text` as simplified, traditional, mixed or none (no script-specific characters)."""
    # Counting distinct characters first keeps this at C speed: a document has a few thousand.
    simp_set, trad_set = script_specific_chars()
    cjk = simplified = traditional = 0
    for ch, n in Counter(text).items():
        if ch in simp_set:
            simplified += n
        elif ch in trad_set:
            traditional += n
        if _is_cjk(ch):
            cjk += n
    specific = simplified + traditional
    share = specific / cjk if cjk else 0.0
    kind: Literal["simplified", "traditional", "mixed", "none"]
    if specific == 0:
        kind = "none"
    elif min(simplified, traditional) >= max(_MIXED_MIN, _MIXED_SHARE * specific):
        kind = "mixed"
    else:
        kind = "simplified" if simplified > traditional else "traditional"
    return ScriptInfo(kind=kind, share=share, simplified=simplified, traditional=traditional, cjk=cjk)


def _bmp_class_regex(chars: frozenset[str]) -> re.Pattern[str]:
    """A regex matching the BMP members of `chars`.

    BMP characters alone compile to a bitmap that `re` scans at C speed; a class that also holds
    astral characters is matched against a linear list (about 0.3 s over 200,000 characters for
    the 4,000 traditional-only ones), so astral members are looked up separately.
    """
    return re.compile("[" + re.escape("".join(sorted(c for c in chars if ord(c) < 0x10000))) + "]")


@cache
def _script_regexes() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(simplified-only, traditional-only) BMP character regexes."""
    simp_set, trad_set = script_specific_chars()
    return _bmp_class_regex(simp_set), _bmp_class_regex(trad_set)


def _line_at(text: str, i: int) -> tuple[int, int]:
    end = text.find("\n", i)
    return text.rfind("\n", 0, i) + 1, len(text) if end < 0 else end


def mixed_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line that has both simplified-only and traditional-only characters.

    Lines, because no OpenCC dictionary key spans a newline: converting a line alone gives the same
    result as converting it inside the document, so only the mixed lines need the slower path.
    """
    import numpy as np

    simp_set, trad_set = script_specific_chars()
    simp_re, trad_re = _script_regexes()
    astral = [(i, text[i]) for i in np.flatnonzero(code_points(text) >= 0x10000).tolist()]
    # Only lines holding a traditional-only character can be mixed; each such line is looked at once.
    lines = {_line_at(text, i) for i, ch in astral if ch in trad_set}
    m = trad_re.search(text)
    while m:
        line = _line_at(text, m.start())
        lines.add(line)
        m = trad_re.search(text, line[1])
    spans = []
    for start, end in sorted(lines):
        if simp_re.search(text, start, end) or any(start <= i < end and ch in simp_set for i, ch in astral):
            spans.append((start, end))
    return spans
